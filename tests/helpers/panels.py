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
