import numpy as np
import pytest
from numpy.testing import assert_allclose

from qn_model.core.projection import project
from qn_model.core.sensitivity import sensitivity
from qn_model.core.targets import required_de_growth_pct


def test_grid_shape_and_centre_matches_projection(scn):
    grid = sensitivity(scn, 2030, gy_pct=[scn.gy2], gd_pct=[scn.gd2])
    assert grid.share_pct.shape == (1, 1)
    assert_allclose(grid.share_pct[0, 0], project(scn).share_pct[-1])


def test_default_grid_is_50_by_50_and_monotone(scn):
    grid = sensitivity(scn, 2030)
    assert grid.share_pct.shape == (50, 50)
    assert np.all(np.diff(grid.share_pct, axis=1) > 0)  # more DE growth, higher share
    assert np.all(np.diff(grid.share_pct, axis=0) < 0)  # more GRDP growth, lower share
    assert grid.meets().any() and (~grid.meets()).any()  # the contour crosses the map


def test_contour_is_the_required_growth(scn):
    req = required_de_growth_pct(scn, 2030, scn.t2)
    grid = sensitivity(scn, 2030, gy_pct=[scn.gy2], gd_pct=[req])
    assert_allclose(grid.share_pct[0, 0], scn.t2)


def test_year_must_be_after_the_base(scn):
    with pytest.raises(ValueError, match="not after the base year"):
        sensitivity(scn, 2024)
