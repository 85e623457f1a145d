"""Issue 24: the base share's own spread (``ss``) and the money basis of the JSON document."""

from __future__ import annotations

import math
import shutil

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from numpy.testing import assert_allclose

from qn_model.core.links import KEY_BY_NAME, LinkContext, parse, serialize
from qn_model.core.projection import growth_factors, project
from qn_model.core.targets import judge, required_de_growth_pct
from qn_model.core.uncertainty import N_PATHS, QUANTILES, SEED, _standard_draws, simulate
from qn_model.data.codebook import LEVEL_ID, NATION, OTHER_METHOD_SHARE_ID, PROVINCE, SHARE_ID
from qn_model.data.dataset import DATA_DIR, load_dataset
from qn_model.engine.evaluate import evaluate_scenario
from qn_model.engine.money import LEVEL_TOLERANCE, level_notices, money_basis
from qn_model.engine.presets import baseline_spread, default_scenario
from qn_model.i18n.formats import render
from qn_model.views.narrative import headline, required_text


def _width(fan, year_index: int = -1) -> float:
    return fan.quantiles[QUANTILES[-1]][year_index] - fan.quantiles[QUANTILES[0]][year_index]


def test_ss_zero_is_the_fan_of_the_growth_draws_alone(scn):
    """ss = 0: the paths of before, rebuilt here from the seed's growth draws and the base share."""
    scn = scn.with_(ss=0.0)
    fan = simulate(scn)
    fy, fd = growth_factors(scn)
    zy, zd = _standard_draws(N_PATHS, len(fy), SEED)
    log = np.log1p(np.maximum((fd - 1.0)[:, None] * 100.0 + scn.sd * zd, -95.0) / 100.0)
    log -= np.log1p(np.maximum((fy - 1.0)[:, None] * 100.0 + scn.sy * zy, -95.0) / 100.0)
    paths = np.exp(np.cumsum(log, axis=0)) * scn.base_share_pct
    expected = np.quantile(paths, QUANTILES, axis=1)
    for q, row in zip(QUANTILES, expected, strict=True):
        assert fan.quantiles[q][0] == scn.base_share_pct
        assert_allclose(fan.quantiles[q][1:], row, rtol=1e-12)
    assert fan.probabilities[2030] == pytest.approx(float(np.mean(paths[-1] >= scn.t2)))


def test_ss_zero_leaves_verdicts_and_required_growth_as_they_were(scn):
    scn = scn.with_(ss=0.0)
    for v in judge(scn, project(scn), {}):
        assert v.required_range_pct is None
        assert v.required_de_growth_pct == required_de_growth_pct(scn, v.year, v.target_pct)
        assert required_text(v, "en") == f"{v.required_de_growth_pct:.1f}%"


def test_ss_never_moves_the_path(scn):
    """The deterministic projection (mirrored in JS and parity-tested) does not read ss."""
    for level in (None, 347.5):
        a, b = project(scn.with_(ss=7.0), level), project(scn.with_(ss=0.0), level)
        assert a.records() == b.records() or (level is None and a.share_pct == b.share_pct)


def test_the_fan_widens_with_ss(scn):
    widths = [_width(simulate(scn.with_(ss=ss))) for ss in (0.0, 0.5, 1.3, 3.0)]
    assert widths == sorted(widths) and len(set(widths)) == 4
    base_widths = [_width(simulate(scn.with_(ss=ss)), 0) for ss in (0.0, 1.3)]
    assert base_widths[0] == 0.0 < base_widths[1]


@settings(max_examples=15, deadline=None)
@given(ss=st.floats(0.05, 6.0))
def test_without_growth_spread_the_fan_is_the_base_share_spread_carried_forward(scn, ss):
    """sy = sd = 0: each path is its own base share times the scenario's growth of the share."""
    flat = scn.with_(sy=0.0, sd=0.0, ss=ss)
    fan = simulate(flat, n_paths=2_000)
    path = project(flat).share_pct
    for q in QUANTILES:
        ratio = np.array(fan.quantiles[q]) / np.array(path)
        assert_allclose(ratio, ratio[0], rtol=1e-9)
    assert fan.quantiles[0.5][0] == pytest.approx(flat.base_share_pct, abs=ss * 0.1)


def test_probability_moves_with_ss_where_a_target_is_near(scn):
    near = scn.with_(t2=project(scn).share_in(2030) * 1.05, sy=0.5, sd=0.5)
    p0 = simulate(near.with_(ss=0.0)).probabilities[2030]
    p1 = simulate(near.with_(ss=2.0)).probabilities[2030]
    assert p0 < p1 < 0.5


def test_required_growth_range_brackets_the_central_value(scn):
    scn = scn.with_(ss=1.3)
    v = judge(scn, project(scn), {})[1]
    lo, hi = v.required_range_pct
    assert lo < v.required_de_growth_pct < hi
    assert lo == pytest.approx(
        required_de_growth_pct(scn.with_(base_share_pct=scn.base_share_pct + 1.3), 2030, scn.t2)
    )
    assert hi == pytest.approx(
        required_de_growth_pct(scn.with_(base_share_pct=scn.base_share_pct - 1.3), 2030, scn.t2)
    )
    wider = judge(scn.with_(ss=2.6), project(scn), {})[1].required_range_pct
    assert wider[0] < lo and wider[1] > hi
    for lang in ("vi", "en"):
        text = required_text(v, lang)
        assert f"{lo:.0f}–{hi:.0f}%" in text
        assert headline(v, scn, lang).detail is not None and text in headline(v, scn, lang).detail


def test_ss_is_a_link_key_from_0_to_50(ctx: LinkContext):
    assert (KEY_BY_NAME["ss"].lo, KEY_BY_NAME["ss"].hi) == (0.0, 50.0)
    assert parse("ss=2.5", ctx).scenario.ss == 2.5
    assert parse("ss=0", ctx).scenario.ss == 0.0
    bad = parse("ss=51", ctx)
    assert bad.scenario.ss == ctx.defaults.ss and [n.code for n in bad.notices] == ["out_of_range"]
    assert parse(serialize(ctx.defaults.with_(ss=4.2)), ctx).scenario.ss == 4.2


def test_default_ss_is_the_two_methods_gap_on_the_national_series(ds):
    gso, mic = ds.series(SHARE_ID, NATION), ds.series(OTHER_METHOD_SHARE_ID, NATION)
    years = sorted(set(gso.index) & set(mic.index))
    assert years  # the shipped data has years with both methods
    rel = math.sqrt(np.mean([(mic[y] / gso[y] - 1.0) ** 2 for y in years])) * 100.0
    base = ds.series(SHARE_ID, PROVINCE).iloc[-1]
    spread = baseline_spread(ds)
    assert spread.relative_pct == pytest.approx(rel)
    assert [g[0] for g in spread.gaps_pct] == years
    assert default_scenario(ds).ss == round(base * rel / 100.0, 1) == spread.ss_pp > 0


def test_without_the_ministry_series_the_default_ss_is_zero(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    path = data / "indicators.csv"
    kept = [
        line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("de_share_mic,")
    ]
    path.write_text("\n".join(kept) + "\n", encoding="utf-8")
    ds = load_dataset(data)
    assert baseline_spread(ds).ss_pp == 0.0 and default_scenario(ds).ss == 0.0


# ---- money basis ---------------------------------------------------------------------------


def test_money_basis_names_the_base_year():
    assert money_basis(2024) == {"prices": "base_year", "year": 2024}


def test_a_path_level_far_from_an_observed_one_is_a_warning(ds):
    scn = default_scenario(ds)
    level = ds.value(LEVEL_ID, PROVINCE, scn.base_year)
    ev = evaluate_scenario(scn, ds)
    found = level_notices(ev.projection, ds)
    observed_2025 = ds.value(LEVEL_ID, PROVINCE, 2025)
    path_2025 = ev.projection.grdp_vnd_trn[ev.projection.years.index(2025)]
    assert abs(path_2025 / observed_2025 - 1) > LEVEL_TOLERANCE  # 388.9 against 368.4
    assert [n.code for n in found] == ["money_level_differs"]
    assert dict(found[0].params)["year"] == 2025
    for lang in ("vi", "en"):
        text = render(found[0], lang)
        assert "2025" in text and "368" in text and "388" in text and "{" not in text
    # Growth that lands the path's 2025 level on the observed one: no warning.
    gy1 = (observed_2025 / level - 1.0) * 100.0
    close = evaluate_scenario(scn.with_(gy1=gy1), ds)
    assert level_notices(close.projection, ds) == ()


@pytest.fixture(scope="module")
def ds():
    return load_dataset()
