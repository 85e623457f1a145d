"""Make every page go through the router in ``app.py``, even on a server's very first request.

Streamlit 1.67 starts a server in its legacy multipage mode when a ``pages/`` folder sits
beside the entry script (``PagesManager.uses_pages_directory``), until ``st.navigation`` has
run once. A first request straight to ``/scenario?…`` would then run the page alone: no
language, no controls, no router. Each page calls ``route_through_app()`` first; in that
legacy case it clears the flag and reruns, so ``app.py`` runs and routes to the same page
(the page's URL path, hence its hash, is the same in both modes) with the same query string.
This touches a Streamlit internal: the version is pinned and a browser test opens a deep
link as a fresh server's first request (listed with the other internals, and their tests, in
``qn_ui/state.py``).
"""

from __future__ import annotations

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager


def route_through_app() -> None:
    if PagesManager.uses_pages_directory:
        PagesManager.uses_pages_directory = False
        st.rerun()
