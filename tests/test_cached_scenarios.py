"""explorer.cached's scenario functions take the frozen Levers: equal levers share one cache entry."""

from dataclasses import replace

import pandas as pd
import pytest

from explorer import cached, db, model, scenarios, vocab

VERSION = "test-version"


@pytest.fixture
def counted(monkeypatch, params):
    """Serve the test's parameters and count the model runs behind the caches (cleared before and after)."""
    calls: list[tuple[str, model.Levers]] = []
    real_tornado = model.tornado

    def project(levers, frame, *, draws, seed):
        calls.append(("project", levers))
        return model.project_central(levers, frame)

    def tornado(levers, frame, indicator, year):
        calls.append(("tornado", levers))
        return real_tornado(levers, frame, indicator, year)

    monkeypatch.setattr(cached, "parameters", lambda version: params)
    monkeypatch.setattr(cached.model, "project", project)
    monkeypatch.setattr(cached.model, "tornado", tornado)
    for function in (cached.projection, cached.tornado):
        function.clear()
    yield calls
    for function in (cached.projection, cached.tornado):
        function.clear()


@pytest.fixture(scope="module")
def benchmarks_frame() -> pd.DataFrame:
    """Return the served database's benchmark rows (the peers' observed series)."""
    con = db.connect()
    try:
        return db.benchmarks(con, None)
    finally:
        con.close()


def _equal_pair() -> tuple[model.Levers, model.Levers]:
    """Return two equal levers built differently: from numbers (ints for floats) and from URL strings."""
    built = model.Levers(7_000, 1.25, 70, 40, 30_000, 10_000, 2030)
    parsed, changed = model.Levers.from_mapping(
        {"dc_racks": "7000", "dc_pue": "1.25", "dc_util_gate": "70.0", "xc_share": "40", "horizon": "2030"}
    )
    assert changed == [] and built == parsed and built is not parsed
    return built, parsed


def test_levers_are_hashable_and_equal_levers_hash_alike():
    built, parsed = _equal_pair()
    assert hash(built) == hash(parsed)
    assert len({built, parsed, replace(built, dc_racks=8_000)}) == 2


def test_equal_levers_hit_the_same_projection_entry(counted):
    built, parsed = _equal_pair()
    first = cached.projection(VERSION, built, 10, 1)
    second = cached.projection(VERSION, parsed, 10, 1)
    assert counted == [("project", built)]
    pd.testing.assert_frame_equal(first, second)


@pytest.mark.parametrize(
    "change", [{"dc_racks": 8_000}, {"dc_pue": 1.26}, {"xc_share": 45.0}, {"talent_quota": 11_000}, {"horizon": 2031}]
)
def test_a_lever_change_is_a_new_projection_entry(counted, change):
    built, _ = _equal_pair()
    cached.projection(VERSION, built, 10, 1)
    moved = replace(built, **change)
    result = cached.projection(VERSION, moved, 10, 1)
    assert counted == [("project", built), ("project", moved)]
    pd.testing.assert_frame_equal(result, model.project_central(moved, cached.parameters(VERSION)))


def test_draws_and_seed_are_part_of_the_key(counted):
    built, _ = _equal_pair()
    cached.projection(VERSION, built, 10, 1)
    cached.projection(VERSION, built, 10, 2)
    cached.projection(VERSION, built, 20, 1)
    assert len(counted) == 3


def test_equal_levers_hit_the_same_tornado_entry(counted):
    built, parsed = _equal_pair()
    first = cached.tornado(VERSION, built, "core_va", 2030)
    second = cached.tornado(VERSION, parsed, "core_va", 2030)
    assert counted == [("tornado", built)]
    pd.testing.assert_frame_equal(first, second)


def test_scenario_outcomes_compare_the_levers_with_the_papers_policy(counted, monkeypatch, params):
    no_odds = pd.DataFrame(columns=["city", "year", "probability", "status"])
    monkeypatch.setattr(cached, "peer_odds", lambda version, levers, indicator, draws, seed: no_odds)
    cached.scenario_outcomes.clear()
    levers = model.PRESETS["aggressive_buildout"]
    base = scenarios.paper_levers(levers.horizon)
    deltas, odds = cached.scenario_outcomes(VERSION, levers, base, 10, 1)
    expected = scenarios.end_year_deltas(
        model.project_central(levers, params), model.project_central(base, params), levers.horizon
    )
    pd.testing.assert_frame_equal(deltas, expected)
    assert odds == {"gdp": {}, "core_va": {}}
    assert [kind for kind, _ in counted] == ["project", "project"]
    cached.scenario_outcomes.clear()


def test_equal_levers_hit_the_same_peer_odds_entry(monkeypatch, params):
    """The odds run the model's draws once per lever setting, outcome, draws and seed."""
    calls: list[model.Levers] = []
    real = model.project_draws

    def project_draws(levers, frame, indicator, *, draws, seed):
        calls.append(levers)
        return real(levers, frame, indicator, draws=draws, seed=seed)

    monkeypatch.setattr(cached, "parameters", lambda version: params)
    monkeypatch.setattr(cached, "benchmarks", lambda version: pd.DataFrame(columns=list(model.PEER_COLUMNS)))
    monkeypatch.setattr(cached.model, "project_draws", project_draws)
    cached.peer_odds.clear()
    cached.peer_city_draws.clear()
    built, parsed = _equal_pair()
    first = cached.peer_odds(VERSION, built, "gdp", 20, 1)
    second = cached.peer_odds(VERSION, parsed, "gdp", 20, 1)
    cached.peer_odds(VERSION, built, "core_va", 20, 1)
    assert calls == [built, built]
    pd.testing.assert_frame_equal(first, second)
    assert set(first["status"]) == {"no_figure"}  # no peer rows at all
    cached.peer_odds.clear()
    cached.peer_city_draws.clear()


def test_the_peers_draws_are_drawn_once_for_every_lever_setting(monkeypatch, params, benchmarks_frame):
    """The peers' trends do not move with Shenzhen's levers: two lever settings fit and draw each peer once."""
    fitted: list[str] = []
    real = model.peer_draws

    def peer_draws(peers, city, indicator, group, years, *, draws, seed):
        fitted.append(city)
        return real(peers, city, indicator, group, years, draws=draws, seed=seed)

    monkeypatch.setattr(cached, "parameters", lambda version: params)
    monkeypatch.setattr(cached, "benchmarks", lambda version: benchmarks_frame)
    monkeypatch.setattr(model.peers, "peer_draws", peer_draws)
    cached.peer_odds.clear()
    cached.peer_city_draws.clear()
    paper = scenarios.paper_levers(2030)
    first = cached.peer_odds(VERSION, paper, "gdp", 50, 1)
    faster = replace(paper, dc_racks=paper.dc_racks // 2, talent_quota=paper.talent_quota * 2)
    moved = cached.peer_odds(VERSION, faster, "gdp", 50, 1)
    assert sorted(fitted) == sorted(vocab.PEER_CITIES)
    years, shenzhen = model.project_draws(paper, params, "gdp", draws=50, seed=1)
    uncached = model.peer_odds(years, shenzhen, benchmarks_frame, "gdp", "gdp_stats", seed=1)
    pd.testing.assert_frame_equal(first, uncached)
    assert (first["status"] == "ok").any()
    years, shenzhen = model.project_draws(faster, params, "gdp", draws=50, seed=1)
    pd.testing.assert_frame_equal(moved, model.peer_odds(years, shenzhen, benchmarks_frame, "gdp", "gdp_stats", seed=1))
    cached.peer_odds.clear()
    cached.peer_city_draws.clear()


def test_the_page_results_of_equal_levers_are_built_once(monkeypatch):
    """A slider moved back to a value seen before rebuilds no view: the results come from one cache entry."""
    built = []
    real = cached.scenario_view.results

    def results(**kwargs):
        built.append(kwargs["levers"])
        return real(**kwargs)

    monkeypatch.setattr(cached.scenario_view, "results", results)
    cached.scenario_results.clear()
    version = cached.database().version
    first, second = _equal_pair()
    for levers in (first, second, first):
        cached.scenario_results(version, levers, "core_va", None, "", "en")
    moved = replace(first, dc_racks=8_000)
    cached.scenario_results(version, moved, "core_va", None, "", "en")
    cached.scenario_results(version, first, "gdp", None, "", "en")  # another outcome is another entry
    assert built == [first, moved, first]
    cached.scenario_results.clear()
