"""What ``qn_ui`` relies on in Streamlit beyond its documented API (the page-folder guard only), or
in behaviour that a new version could change; each test here fails when that happens. The list:
the page-folder flag (``qn_ui/guard.py``), a widget left out of a run losing its value (hence the
kept page widgets and ``hand_back`` in ``qn_model/views/session/controls.py``), a widget's key not
writable once it is drawn (hence the callbacks), ``st.query_params`` order, ``get_all`` and
``from_dict`` (``qn_ui/state.py``), the launcher's port option (``qn_ui/serve.py``), and the
documented health endpoint the reconnection watcher asks (``qn_ui/reconnect.mjs``).

Small scripts run by AppTest, so a failure names the Streamlit behaviour, not an app symptom.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from streamlit.testing.v1 import AppTest

TIMEOUT = 30


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


def test_the_launcher_waits_for_the_server_on_its_configured_port() -> None:
    """``qn_ui/serve.py`` starts the warm-up once the server answers, on the address and port
    Streamlit's command line set (public options, no runtime internals)."""
    import socket

    from streamlit import config

    from qn_ui.serve import _server_started

    before = config.get_option("server.port"), config.get_option("server.address")
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        config.set_option("server.port", listener.getsockname()[1])
        config.set_option("server.address", "127.0.0.1")
        try:
            assert _server_started() is False  # bound, not yet listening
            listener.listen()
            assert _server_started() is True
        finally:
            config.set_option("server.port", before[0])
            config.set_option("server.address", before[1])


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


def test_the_health_endpoint_answers_ok_under_the_base_path(tmp_path: Path) -> None:
    """``qn_ui/reconnect.py``'s watcher (and ``deploy.team check``, the systemd timer, nginx's
    health location) ask ``<base path>/_stcore/health``: 200 and ``ok`` from a running server
    (Streamlit's Docker deployment docs; a server, not AppTest, because it is an HTTP endpoint)."""
    from deploy.team import free_port

    (tmp_path / "app.py").write_text("import streamlit as st\nst.write('x')\n", encoding="utf-8")
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.headless", "true"]
    cmd += ["--server.address", "127.0.0.1", "--server.port", str(port), "--server.baseUrlPath", "ktso"]
    cmd += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    env = {**os.environ, "HOME": str(tmp_path)}
    with (tmp_path / "server.log").open("wb") as log:
        proc = subprocess.Popen(
            cmd, cwd=tmp_path, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}/ktso/_stcore/health"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    status, body = r.status, r.read().decode()
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, (tmp_path / "server.log").read_text()
                assert time.monotonic() < deadline, "no answer in 60 s"
                time.sleep(0.2)
        assert (status, body.strip()) == (200, "ok")
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=10)
