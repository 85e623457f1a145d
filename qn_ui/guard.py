"""Every page goes through the router in ``app.py``, even on a server's first request.

Streamlit 1.67 starts in its legacy multipage mode when ``pages/`` sits beside the entry script,
until ``st.navigation`` has run once: a first request to ``/scenario?…`` would run the page alone
(no language, controls or router). The one Streamlit internal the app touches; pinned version,
tested in ``tests/test_streamlit_internals.py`` and by a browser test of a fresh server's deep link.
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def route_through_app() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
