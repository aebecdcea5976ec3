"""Small made-up city series for the panel's tests: levels compounded by hand-picked log growths."""

import math


def series(start: float, growths: list[float], first: int = 2016) -> tuple[list[int], list[float]]:
    """Return (years, levels) from `start` in `first`, one level per growth."""
    levels = [start]
    for growth in growths:
        levels.append(levels[-1] * math.exp(growth))
    return list(range(first, first + len(levels))), levels


def synthetic() -> dict[str, tuple[list[int], list[float], list[int]]]:
    """Return three cities a, b, c with seven growths each and no breaks."""
    a = series(100.0, [0.08, 0.05, 0.10, 0.02, 0.07, 0.06, 0.09])
    b = series(150.0, [0.06, 0.04, 0.09, 0.01, 0.05, 0.06, 0.07])
    c = series(170.0, [0.07, 0.03, 0.08, 0.02, 0.06, 0.04, 0.08])
    return {"a": (*a, []), "b": (*b, []), "c": (*c, [])}


NOMINAL_GROWTHS = ([0.05, 0.12, 0.04], [0.03, 0.10, 0.06], [0.02, 0.11, 0.03])  # log growths 2020-2022, by city
REAL_PCT = (
    {2016: 7.0, 2017: 6.5, 2018: 6.0, 2019: 5.5, 2020: 3.0, 2021: 7.0, 2022: 3.5},
    {2016: 6.0, 2017: 6.2, 2018: 6.1, 2019: 5.0, 2020: 1.5, 2021: 8.0, 2022: 1.0},
    {2019: 6.0, 2020: 2.0, 2021: 8.5, 2022: 0.5},
)


def unbalanced_real(names: tuple[str, str, str]) -> tuple[dict, dict[str, dict[int, float]]]:
    """Return (series, real growth %) for three cities: nominal levels 2019-2022 (`NOMINAL_GROWTHS`), real growth
    2016-2022 for the first two and 2019-2022 for the third (`REAL_PCT`), no breaks."""
    levels = {name: (*series(100.0, list(growths), first=2019), []) for name, growths in zip(names, NOMINAL_GROWTHS)}
    return levels, dict(zip(names, REAL_PCT))
