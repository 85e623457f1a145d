"""Router: page config, the shared controls (language, scenario) and the page list."""

import logging

import streamlit as st

from qn_model import warmup

# A cold server's first run: wait for the launcher's warm-up (qn_ui/serve.py) before importing
# what it is importing, so no module is ever seen half-imported and no fit is done twice.
warmup.wait()

from qn_model.i18n.formats import t  # noqa: E402
from qn_ui import layout  # noqa: E402
from qn_ui.controls import language_switch, scenario_controls, share_link  # noqa: E402
from qn_ui.pages_registry import LIVE_PAGE, PAGES  # noqa: E402
from qn_ui.present import present_view  # noqa: E402
from qn_ui.reconnect import reconnect_guard  # noqa: E402
from qn_ui.state import (  # noqa: E402
    PRESENT,
    W_LANG,
    build_state,
    context,
    early_lang,
    early_present,
    place_growth_sliders,
    sync_from_url,
)
from qn_ui.views import link_notices, unexpected_error  # noqa: E402

LOG = logging.getLogger("qn_app")
lang = early_lang()
present = early_present()
st.set_page_config(
    page_title=t("app_title", lang),
    page_icon=":material/insights:",
    layout="wide",
    # "auto": open on a laptop, closed on a phone (open, it covers the whole page there).
    initial_sidebar_state="collapsed" if present else "auto",
)
# The screen-size rules (the server never learns the screen's size): see qn_ui/layout.py.
st.html(layout.CSS)
# A tab whose server went away reloads from its URL (qn_ui/reconnect.py).
reconnect_guard(lang)
pages = [st.Page(p.file, title=t(p.title_key, lang), icon=p.icon, default=p.default) for p in PAGES]
page = st.navigation(pages, position="sidebar")

try:
    ds, ctx = context()
    sync_from_url(ctx, page.url_path)
    # The scenario page draws the growth sliders and the link itself, in a fragment under its chart.
    live_page = page.url_path == LIVE_PAGE and not st.session_state.get(PRESENT)
    place_growth_sliders(on_page=live_page)
    with st.sidebar:
        language_switch()
        scenario_controls(st.session_state.get(W_LANG, lang), growth=not live_page)
    state = build_state(ds, ctx)
    if not live_page:
        with st.sidebar:
            share_link(state.query, state.lang)
    if state.present:
        present_view(state)  # present=1 in any link: the meeting view, whatever the page
    else:
        link_notices(state)  # what a tampered or stale link lost, on whichever page it opened
        page.run()
except Exception:  # the last line of defence: a planner never sees a traceback
    LOG.exception("page %s failed", page.url_path)
    unexpected_error(st.session_state.get(W_LANG, lang))
