import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from qn_model.core.projection import project
from qn_model.core.scenario import Scenario, period_years

rate = st.floats(min_value=-19.0, max_value=250.0, allow_nan=False)


def test_path_follows_the_share_formula(scn):
    p = project(scn)
    assert p.years == (2024, 2025, 2026, 2027, 2028, 2029, 2030)
    expected = [7.1]
    for year in p.years[1:]:
        gy, gd = scn.rates_for_year(year)
        expected.append(expected[-1] * (1 + gd / 100) / (1 + gy / 100))
    assert_allclose(p.share_pct, expected, rtol=1e-12)


def test_levels_grow_with_grdp_and_share_times_grdp(scn):
    p = project(scn, base_grdp_vnd_trn=347.5)
    assert p.grdp_vnd_trn[0] == 347.5
    assert_allclose(p.grdp_vnd_trn[1], 347.5 * 1.119)
    assert_allclose(np.array(p.de_vnd_trn), np.array(p.share_pct) * np.array(p.grdp_vnd_trn) / 100)


def test_levels_are_gaps_without_a_base_level(scn):
    p = project(scn)
    assert all(math.isnan(v) for v in p.grdp_vnd_trn)
    assert all(r["grdp_vnd_trn"] is None for r in p.records())


def test_share_in_outside_the_path_is_none(scn):
    assert project(scn).share_in(2023) is None


def test_base_year_inside_period_two(scn):
    s = scn.with_(base_year=2027, base_share_pct=10.0)
    p = project(s)
    assert p.years == (2027, 2028, 2029, 2030)
    assert_allclose(p.share_pct[-1], 10.0 * (1.12 / 1.10) ** 3)


def test_period_years():
    assert period_years(2024, 1) == (2025,)
    assert period_years(2024, 2) == (2026, 2027, 2028, 2029, 2030)
    assert period_years(2020, 1) == (2021, 2022, 2023, 2024, 2025)
    assert period_years(2026, 1) == ()
    assert period_years(2026, 2) == (2027, 2028, 2029, 2030)
    with pytest.raises(ValueError, match="period must be 1 or 2"):
        period_years(2024, 3)


def test_frame_is_indexed_by_year(scn):
    frame = project(scn, 347.5).to_frame()
    assert list(frame.index) == list(range(2024, 2031))
    assert list(frame.columns) == ["share_pct", "grdp_vnd_trn", "de_vnd_trn"]


@settings(max_examples=200)
@given(gd=rate, gy=rate, bump=st.floats(min_value=0.01, max_value=50))
def test_share_rises_with_de_growth_and_falls_with_grdp_growth(gd, gy, bump):
    base = Scenario(2024, 7.1, gy, gd, gy, gd, 20, 35, 1, 3)
    end = project(base).share_pct[-1]
    more_de = base.with_(gd1=gd + bump, gd2=gd + bump)
    more_grdp = base.with_(gy1=gy + bump, gy2=gy + bump)
    assert project(more_de).share_pct[-1] > end
    assert project(more_grdp).share_pct[-1] < end
