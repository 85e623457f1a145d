"""The live scenario's data (qn_model.views.live), built without Streamlit or a browser: what the
component gets is plain data (numbers and texts) from the engine's state and the app's figure."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from qn_model.core.links import KEY_BY_NAME
from qn_model.core.scenario import Project
from qn_model.engine.app_state import app_state
from qn_model.engine.presets import link_context
from qn_model.views import live
from qn_model.views import scenario as view
from qn_model.views.file_names import chart_filename

pytestmark = pytest.mark.usefixtures("warm_engine")


@pytest.fixture(scope="module")
def state(ds):
    return app_state(ds, link_context(ds), {"gd2": 40.0, "projects": (Project(2027, 5.0),)}, "en")[0]


def test_the_data_is_the_states_scenario_and_the_seq_given(state):
    data = live.live_data(state, view.figure(state.evaluation, state.ds, "en"), seq=7)
    json.dumps(data)  # JSON all through: it goes to the browser as is
    assert data["seq"] == 7 and data["lang"] == "en" and not data["present"] and data["nudges"] == []
    assert data["scenario"]["gd2"] == 40.0 and data["scenario"]["projects"] == [[2027, 5.0]]
    assert [c["key"] for c in data["controls"]] == list(live.CONTROLS)
    assert set(data["texts"]) == {*live.TEXT_KEYS, "share_2030"}
    assert data["probability"] is not None  # the server's Monte Carlo


def test_the_controls_range_grows_past_the_soft_maximum_to_the_contracts():
    assert live._range("gd2", 40.0) == {"min": KEY_BY_NAME["gd2"].lo, "max": 100.0, "step": live.STEP}
    assert live._range("gd2", 140.0)["max"] == KEY_BY_NAME["gd2"].hi


def test_the_meeting_view_gets_its_nudges(state):
    data = live.live_data(state, None, seq=0, present=True)
    assert [n["delta"] for n in data["nudges"]] == [-5.0, -1.0, 1.0, 5.0]
    assert [n["label"] for n in data["nudges"]] == ["−5", "−1", "+1", "+5"]
    assert data["chart"] is None  # the figure failed: the controls and the verdict still go


def test_the_chart_spec_keeps_the_figures_series(state):
    fig = view.figure(state.evaluation, state.ds, "en")
    spec = live.chart_spec(fig, "en")
    kinds = [tr["kind"] for tr in spec["traces"]]
    assert {"scenario", "required", "targets", "projects", "band"} <= set(kinds)
    assert len(spec["traces"]) == len(fig.data)
    assert spec["separators"] == ".," and spec["filename"].endswith(".png")
    assert "<" not in spec["desc_title"] and all("<" not in n for n in spec["notes"])


def test_chart_file_names():
    assert chart_filename("Digital economy<br>share", "k", "en") == "Digital-economy-share"
    assert chart_filename(None, "scenario chart", "en") == "qn-digital-economy-scenario-scenario-chart"


def test_a_release_is_held_to_the_link_contract():
    values, seq = live.released({"growth": {"gd2": 40.0, "gy2": 7, "seq": 12}})
    assert values == {"gd2": 40.0, "gy2": 7.0} and seq == 12
    hi, lo = KEY_BY_NAME["gd2"].hi, KEY_BY_NAME["gy2"].lo
    values, seq = live.released({"growth": {"gd2": 1e9, "gy2": -1e9, "seq": True}})
    assert values == {"gd2": hi, "gy2": lo} and seq is None
    for odd in (None, 3, "x", {}, {"growth": None}, {"growth": {"gd2": float("nan"), "gy2": "5", "x": 1}}):
        assert live.released(odd) == ({}, None)


@given(
    st.dictionaries(
        st.sampled_from(["gd2", "gy2", "seq", "other"]),
        st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=3)),
    )
)
def test_a_release_changes_only_the_controls_within_their_ranges(growth):
    values, seq = live.released({"growth": growth})
    assert set(values) <= set(live.CONTROLS)
    for key, value in values.items():
        assert KEY_BY_NAME[key].lo <= value <= KEY_BY_NAME[key].hi
    assert seq is None or (type(seq) is int and seq == growth["seq"])
