"""An open tab that outlives its server: when the connection comes back to a server that does
not hold the tab's session (the replica died, or the session expired), the page reloads from
its URL, which holds the whole scenario; while it is cut, the page says so in the planner's
language.

Why a script in the page (``reconnect.mjs`` beside this module, its banner styled by
``reconnect.css``): Streamlit's frontend reconnects by itself, but to a new, empty session, and
only reruns the app if a run was under way. Until then the page shows the old
session's elements; a slider in a fragment (the scenario page's) sends a fragment rerun the new
session does not know ("fragment ... does not exist anymore" in the server's log) and nothing
happens, with no message. nginx is not the cause: it sends the new websocket to a live replica.

How it knows: every reconnection opens a new websocket, whose subprotocols carry the previous
session's id (Streamlit's own reconnect handshake). The script asks for one rerun (a trigger of
this component) and reads the session id in the first message of the answer (Streamlit's
``NewSession``): another id, or no answer within ``PROBE_TIMEOUT_MS``, means a new session, and
the page reloads. The same id means the server resumed the session: nothing to do.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from qn_model.i18n.formats import t

PROBE_TIMEOUT_MS = 6000
HERE = Path(__file__).parent

_HTML = """<div class="qn-conn" role="status" aria-live="assertive" hidden></div>"""


# The banner's style and the watcher, read once (assets beside this module).
_COMPONENT = st.components.v2.component(
    "qn_reconnect",
    html=_HTML,
    css=(HERE / "reconnect.css").read_text(encoding="utf-8"),
    js=(HERE / "reconnect.mjs").read_text(encoding="utf-8"),
)


def _ignore() -> None:
    """The probe's trigger needs a callback to be a trigger; the rerun is all it is for."""


def reconnect_guard(lang: str) -> None:
    """Mount the watcher (once per run of the router, on every page)."""
    _COMPONENT(
        key="qn_reconnect",  # read by nobody: its trigger only asks for the probing rerun
        data={
            "lost": t("conn_lost", lang),
            "reopening": t("conn_reopening", lang),
            "timeout_ms": PROBE_TIMEOUT_MS,
        },
        on_probe_change=_ignore,
        height=0,
    )
