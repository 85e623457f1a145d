import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from qn_model.core.projection import project
from qn_model.core.scenario import Scenario
from qn_model.core.uncertainty import QUANTILES, simulate


def test_seeded_and_reproducible(scn):
    a, b = simulate(scn), simulate(scn)
    assert a.quantiles == b.quantiles and a.probabilities == b.probabilities
    assert a.n_paths == 10_000


def test_zero_spread_collapses_to_the_projection(scn):
    fan = simulate(scn.with_(sy=0.0, sd=0.0), n_paths=50)
    for q in QUANTILES:
        assert_allclose(fan.quantiles[q], project(scn).share_pct, rtol=1e-12)


def test_quantiles_are_ordered_and_start_at_the_base(scn):
    fan = simulate(scn)
    rows = np.array([fan.quantiles[q] for q in QUANTILES])
    assert np.all(np.diff(rows, axis=0) >= 0)
    assert_allclose(rows[:, 0], scn.base_share_pct)
    # the fan widens with the horizon
    assert rows[-1, -1] - rows[0, -1] > rows[-1, 1] - rows[0, 1]


def test_median_is_near_the_projection(scn):
    fan = simulate(scn)
    assert_allclose(fan.quantiles[0.5][-1], project(scn).share_pct[-1], rtol=0.02)


def test_probabilities_follow_the_targets(scn):
    easy = simulate(scn.with_(t1=1.0, t2=1.0)).probabilities
    hard = simulate(scn.with_(t1=99.0, t2=99.0)).probabilities
    assert easy == {2025: 1.0, 2030: 1.0}
    assert hard == {2025: 0.0, 2030: 0.0}
    mid = simulate(scn.with_(t2=project(scn).share_pct[-1])).probabilities[2030]
    assert 0.4 < mid < 0.6


def test_no_probability_for_a_target_year_not_after_the_base(scn):
    fan = simulate(scn.with_(base_year=2026, base_share_pct=9.0))
    assert set(fan.probabilities) == {2030}


def test_frame(scn):
    frame = simulate(scn, n_paths=100).to_frame()
    assert list(frame.index) == list(range(2024, 2031))
    assert "q500" in frame.columns and "q025" in frame.columns


def test_rejects_no_paths(scn):
    with pytest.raises(ValueError, match="n_paths must be at least 1"):
        simulate(scn, n_paths=0)


def _simulate_directly(scn, n_paths: int, seed: int):
    """The simulation as first written (paths in rows, fresh draws, no in-place arithmetic): the
    reference the quicker version must equal bit for bit."""
    from qn_model.core.projection import growth_factors
    from qn_model.core.uncertainty import MIN_GROWTH_PCT

    fy, fd = growth_factors(scn)
    rng = np.random.default_rng(seed)
    gy = (fy - 1.0) * 100.0 + scn.sy * rng.standard_normal((n_paths, len(fy)))
    gd = (fd - 1.0) * 100.0 + scn.sd * rng.standard_normal((n_paths, len(fy)))
    np.clip(gy, MIN_GROWTH_PCT, None, out=gy)
    np.clip(gd, MIN_GROWTH_PCT, None, out=gd)
    log_ratio = np.log1p(gd / 100.0) - np.log1p(gy / 100.0)
    paths = scn.base_share_pct * np.exp(np.cumsum(log_ratio, axis=1))
    paths = np.concatenate((np.full((n_paths, 1), scn.base_share_pct), paths), axis=1)
    return np.quantile(paths, QUANTILES, axis=0), paths


@settings(max_examples=60, deadline=None)
@given(
    scenario=st.builds(
        Scenario,
        base_year=st.integers(2015, 2029),
        base_share_pct=st.floats(0.1, 100),
        gy1=st.floats(-99, 250),
        gd1=st.floats(-99, 250),
        gy2=st.floats(-99, 250),
        gd2=st.floats(-99, 250),
        t1=st.floats(0.1, 100),
        t2=st.floats(0.1, 100),
        sy=st.floats(0, 50),
        sd=st.floats(0, 50),
    ),
    n_paths=st.sampled_from([1, 2, 37, 1000]),
    seed=st.integers(0, 2**32 - 1),
)
def test_equals_the_direct_simulation_bit_for_bit(scenario, n_paths, seed):
    """Cached draws, year-major arrays and in-place arithmetic are a speed-up, not a change: the
    same seed gives the same fan and probabilities as the direct simulation (and a run leaves the
    shared draws as they were, or the second call would differ)."""
    for _ in range(2):
        fan = simulate(scenario, n_paths=n_paths, seed=seed)
        qs, paths = _simulate_directly(scenario, n_paths, seed)
        for q, row in zip(QUANTILES, qs, strict=True):
            assert fan.quantiles[q] == tuple(float(v) for v in row)
        for year, target in ((2025, scenario.t1), (2030, scenario.t2)):
            if year > scenario.base_year:
                column = paths[:, year - scenario.base_year]
                assert fan.probabilities[year] == float(np.mean(column >= target))
