"""An open tab that outlives its server: the watcher ``reconnect.mjs`` (banner: ``reconnect.css``).

Why: when the server behind a tab dies, Streamlit's frontend reconnects by itself, but to a new,
empty session, and the page goes on showing the old one: controls that do nothing, no message.
The URL holds the whole scenario, so reloading the page is the whole cure. The watcher asks
Streamlit's documented health endpoint (``<base path>/_stcore/health``) about once a second: while
it fails, the page says so in the planner's language; when it answers again after refusing (a
slow answer is no loss: the session is still there), or when nginx says another replica answered
(``X-Qn-Replica``, ``deploy/nginx``: this tab's session stayed on the dead one), the page
reloads. Public interfaces only: no Streamlit internals.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from qn_model.core.urls import norm_base_path
from qn_model.i18n.formats import t

HERE = Path(__file__).parent

_COMPONENT = st.components.v2.component(
    "qn_reconnect",
    html='<div class="qn-conn" role="status" aria-live="assertive" hidden></div>',
    css=(HERE / "reconnect.css").read_text(encoding="utf-8"),
    js=(HERE / "reconnect.mjs").read_text(encoding="utf-8"),
)


def reconnect_guard(lang: str) -> None:
    """Mount the watcher (once per run of the router, on every page)."""
    _COMPONENT(
        key="qn_reconnect",
        data={
            "base": norm_base_path(st.get_option("server.baseUrlPath")),
            "lost": t("conn_lost", lang),
            "reopening": t("conn_reopening", lang),
        },
        height=0,
    )
