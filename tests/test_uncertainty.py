import numpy as np
import pytest
from numpy.testing import assert_allclose

from qn_model.projection import project
from qn_model.uncertainty import QUANTILES, simulate


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
