"""What the AppTest modules share: the app's entry point, a session opened by a shared link,
and the checks every run of a page must pass."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[1] / "app.py")  # AppTest resolves relative paths
# against the calling file, not the cwd
OVERVIEW = "pages/overview.py"  # the page app.py opens when the link names none
SCENARIO = "pages/scenario.py"


def new_app(params: dict[str, str | list[str]] | None = None, page: str | None = None) -> AppTest:
    """An app whose FIRST run sees ``params`` (as a shared link would), then switched to
    ``page`` when one other than the overview is given."""
    at = AppTest.from_file(APP, default_timeout=90)
    for key, value in (params or {}).items():
        at.query_params[key] = value
    at.run()
    if page is not None and page != OVERVIEW:
        at.switch_page(page).run()
    return at


def assert_clean(at: AppTest) -> None:
    """No exception and no error element on the page."""
    assert not at.exception, [e.value for e in at.exception]
    assert not at.error, [e.value for e in at.error]


def shown_metrics(at: AppTest) -> dict[str, str]:
    """Label -> value of every metric on the page, the live component's 2030 share included."""
    shown = {m.label: m.value for m in at.metric}
    if live_component(at) is not None:
        shown.update(live_metric(at))
    return shown


# --- the live scenario component (qn_ui/live): AppTest does not run its JavaScript -------------


def live_component(at: AppTest):
    """The live scenario component's element (``st-key-w_live_gd2``), or None when not drawn."""
    from qn_model.views.session.keys import W_LIVE

    for node in at._tree:  # AppTest has no accessor for custom components
        if getattr(node, "type", None) == "bidi_component" and node.key == W_LIVE:
            return node
    return None


def live_data(at: AppTest) -> dict:
    """The data the server sent the live component this run."""
    import json

    node = live_component(at)
    assert node is not None, "the live scenario component is not on the page"
    proto = node.proto
    return json.loads(proto.json or proto.mixed.json)


def _live_verdict(at: AppTest):
    """The 2030 verdict the component computes from its data (as the engine does: parity)."""
    from qn_model.core.projection import project
    from qn_model.core.scenario import Project, Scenario
    from qn_model.core.targets import judge

    data = live_data(at)
    d = data["scenario"]
    scn = Scenario(
        **{k: v for k, v in d.items() if k != "projects"},
        sy=0.0,
        sd=0.0,
        projects=tuple(Project(int(y), float(v)) for y, v in d["projects"]),
    )
    observed = {int(y): v for y, v in data["observed"].items()}
    return data, scn, judge(scn, project(scn, data["level"]), observed)[-1]


def live_text(at: AppTest) -> str:
    """The component's 2030 verdict as text (word, line, gap), as the browser writes it; empty
    when the component is not on the page."""
    from qn_model.views.narrative import gap_text, short_verdict, verdict_word

    if live_component(at) is None:
        return ""
    data, scn, v = _live_verdict(at)
    lang = data["lang"]
    gap = gap_text(v, lang) or ""
    return "\n".join(
        (
            verdict_word(v, lang).upper(),
            short_verdict(v, scn, lang, with_gap=False),
            gap[:1].upper() + gap[1:],
        )
    )


def live_metric(at: AppTest) -> dict[str, str]:
    """The 2030 metric the component shows: its label and the share the browser computes from the
    data (the browser's model gives the engine's values: tests/test_live_parity.py)."""
    from qn_model.i18n.formats import fmt_pct

    data, _, latest = _live_verdict(at)
    return {data["texts"]["share_2030"]: fmt_pct(latest.value_pct, data["lang"])}


def move_live(at: AppTest, **values: float) -> AppTest:
    """Release the live component's controls at ``values`` (``gd2=45.0``), as the browser does on
    ``change``: its state with the growths and the next sequence number, then a run."""
    import json

    from streamlit.proto.WidgetStates_pb2 import WidgetState

    node = live_component(at)
    assert node is not None, "the live scenario component is not on the page"
    data = live_data(at)
    current = {c["key"]: c["value"] for c in data["controls"]}
    state = {"growth": {**current, **values, "seq": data["seq"] + 1}}
    widgets = at._tree.get_widget_states()
    ws = WidgetState(id=node.proto.id, json_value=json.dumps(state))
    widgets.widgets.append(ws)
    at._run(widgets)
    return at


def growth_value(at: AppTest, link_key: str) -> float:
    """A growth control's value wherever the page draws it: a sidebar slider, or the live
    component (the scenario page's 2026-2030 growths)."""
    sliders = [s for s in at.slider if s.key == f"w_{link_key}"]
    if sliders:
        return sliders[0].value
    return next(c["value"] for c in live_data(at)["controls"] if c["key"] == link_key)


def set_growth(at: AppTest, link_key: str, value: float) -> AppTest:
    """Move a growth control wherever the page draws it (see :func:`growth_value`) and run."""
    sliders = [s for s in at.slider if s.key == f"w_{link_key}"]
    if sliders:
        return sliders[0].set_value(value).run()
    return move_live(at, **{link_key: value})
