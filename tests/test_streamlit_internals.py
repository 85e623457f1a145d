"""What ``qn_ui`` relies on in Streamlit beyond its documented API, or in behaviour that a new
version could change: each test here fails when that happens (the list, with the AppTests and
browser tests that exercise the same in the app, is in ``qn_ui/state.py``'s docstring).

Small scripts run by AppTest, so a failure names the Streamlit behaviour, not an app symptom.
"""

from __future__ import annotations

import dataclasses

from streamlit.testing.v1 import AppTest

TIMEOUT = 30


def _history_script() -> None:
    import streamlit as st
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    st.session_state["seen"] = get_script_run_ctx().is_history_navigation


def test_the_run_context_says_when_a_run_is_back_or_forward() -> None:
    """``state._is_history_navigation``: the browser's Back/Forward reaches the script as
    ``ClientState.is_history_navigation`` → ``RerunData`` → the run context's field."""
    from streamlit.proto.ClientState_pb2 import ClientState
    from streamlit.runtime.scriptrunner import RerunData, ScriptRunContext

    assert "is_history_navigation" in ClientState.DESCRIPTOR.fields_by_name
    assert "is_history_navigation" in {f.name for f in dataclasses.fields(RerunData)}
    assert "is_history_navigation" in {f.name for f in dataclasses.fields(ScriptRunContext)}
    at = AppTest.from_function(_history_script, default_timeout=TIMEOUT).run()
    assert at.session_state["seen"] is False  # an ordinary run


def _navigation_script() -> None:
    import streamlit as st

    st.navigation([st.Page(lambda: None, title="one", url_path="one")]).run()


def test_the_pages_folder_flag_is_a_class_attribute() -> None:
    """``qn_ui/guard.py`` clears ``PagesManager.uses_pages_directory`` (set from the ``pages/``
    folder's existence when a server starts, cleared by ``st.navigation``)."""
    from streamlit.runtime.pages_manager import PagesManager

    assert "uses_pages_directory" in vars(PagesManager)
    AppTest.from_function(_navigation_script, default_timeout=TIMEOUT).run()
    assert PagesManager.uses_pages_directory is False


def test_the_launcher_finds_the_runtime_state_it_waits_for() -> None:
    """``qn_ui/serve.py`` asks the runtime singleton whether the server has started."""
    import click
    from streamlit.runtime import Runtime
    from streamlit.runtime.runtime import RuntimeState
    from streamlit.web import cli

    from qn_ui.serve import _server_started

    assert callable(Runtime.exists) and callable(Runtime.instance)
    assert RuntimeState.INITIAL in RuntimeState
    assert isinstance(cli.main, click.Group) and "run" in cli.main.commands
    assert not Runtime.exists()  # no server in a test process (AppTest runs without one)
    assert _server_started() is False


def _undrawn_script() -> None:
    import streamlit as st

    if st.session_state.get("draw", True):
        st.slider("s", 0, 10, key="s")


def test_a_widget_not_drawn_in_a_run_loses_its_value() -> None:
    """Why ``KEEP_PREFIX``, ``SNAPSHOT`` and ``place_growth_sliders`` exist: a page switch, a
    closed expander or sliders drawn elsewhere leave a widget out of a run, and Streamlit then
    drops its value. If this test fails, those copies may no longer be needed."""
    at = AppTest.from_function(_undrawn_script, default_timeout=TIMEOUT).run()
    at.slider(key="s").set_value(7).run()
    assert at.session_state["s"] == 7
    at.session_state["draw"] = False
    at.run()
    assert "s" not in at.session_state
    at.session_state["draw"] = True
    at.run()
    assert at.slider(key="s").value == 0


def _late_write_script() -> None:
    import streamlit as st
    from streamlit.errors import StreamlitAPIException

    st.slider("s", 0, 10, key="s")
    try:
        st.session_state["s"] = 3
    except StreamlitAPIException:
        st.session_state["refused"] = True


def test_a_widget_key_cannot_be_written_after_its_widget_is_drawn() -> None:
    """Why every button that changes the scenario (presets, the deck, carried rates, projects)
    writes the widgets' keys in an ``on_click`` callback, which runs before they are drawn."""
    at = AppTest.from_function(_late_write_script, default_timeout=TIMEOUT).run()
    assert at.session_state["refused"] is True
    assert at.slider(key="s").value == 0


def _query_script() -> None:
    import streamlit as st

    qp = st.query_params
    st.session_state["read"] = [(k, v) for k in qp for v in qp.get_all(k)]
    st.query_params.from_dict({"b": "2", "a": "1", "dv": "x"})
    del st.query_params["dv"]


def test_query_params_are_replaced_in_order_and_read_back() -> None:
    """``state._query_items``, ``write_url`` and ``reread_url``: a repeated key reads as all its
    values, ``from_dict`` replaces the whole query in the order given, ``del`` drops one key, and
    AppTest sees what the script wrote (the app's link tests rely on it)."""
    at = AppTest.from_function(_query_script, default_timeout=TIMEOUT)
    at.query_params["gd2"] = ["20", "30"]
    at.query_params["lang"] = "en"
    at.run()
    assert at.session_state["read"] == [("gd2", "20"), ("gd2", "30"), ("lang", "en")]
    assert list(at.query_params.items()) == [("b", "2"), ("a", "1")]
