"""Router: page config, the shared controls (language, scenario) and the page list."""

import logging

import streamlit as st

from qn_model import warmup

# A cold server's first run: wait for the launcher's warm-up (qn_ui/serve.py) before importing
# what it is importing, so no module is ever seen half-imported and no fit is done twice.
warmup.wait()

from qn_model.core.links import PRESENT_KEY  # noqa: E402
from qn_model.i18n.formats import t  # noqa: E402
from qn_model.views.pages import LIVE_PAGE, PAGES, PRESENT_PAGE, page_file  # noqa: E402
from qn_model.views.session.controls import context, place_growth_sliders  # noqa: E402
from qn_model.views.session.keys import LAST_PAGE, W_LANG  # noqa: E402
from qn_ui import layout  # noqa: E402
from qn_ui.a11y import page_semantics  # noqa: E402
from qn_ui.cards import link_notices  # noqa: E402
from qn_ui.controls import language_switch, scenario_controls, share_link  # noqa: E402
from qn_ui.reconnect import reconnect_guard  # noqa: E402
from qn_ui.state import build_state, current_query, early_lang, early_present, route_present, sync_from_url  # noqa: E402
from qn_ui.widgets import unexpected_error  # noqa: E402

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
# The screen-size rules (the server never learns the screen's size): see qn_ui/app.css.
st.html(layout.CSS)
# A tab whose server went away reloads from its URL (qn_ui/reconnect.py).
reconnect_guard(lang)
pages = [st.Page(p.file, title=t(p.title_key, lang), icon=p.icon, default=p.default) for p in PAGES]
page = st.navigation(pages, position="sidebar")

try:
    ds, ctx = context(st.session_state)
    previous = st.session_state.get(LAST_PAGE)
    sync_from_url(ctx, page.url_path)
    go = route_present(page.url_path, previous)
    if go is not None:
        # present=1 in a link opened on another page: the meeting view, with the same link; out
        # of it, the page it was opened from, with the link minus present=1.
        query = [(k, v) for k, v in current_query() if k != PRESENT_KEY or go == PRESENT_PAGE]
        st.switch_page(page_file(go), query_params=query)
    # The scenario page draws the growth sliders and the link itself, in a fragment under its chart.
    live_page = page.url_path == LIVE_PAGE
    place_growth_sliders(st.session_state, on_page=live_page)
    # The document's language, skip links, list semantics (issue 22): qn_ui/a11y.py.
    page_semantics(early_lang(), growth_here=live_page)
    with st.sidebar:
        language_switch()
        scenario_controls(st.session_state.get(W_LANG, lang), growth=not live_page)
    state = build_state(ds, ctx)
    if not live_page:
        with st.sidebar:
            share_link(state.query, state.lang)
    link_notices(state)  # what a tampered or stale link lost, on whichever page it opened
    page.run()
except Exception:  # the last line of defence: a planner never sees a traceback
    LOG.exception("page %s failed", page.url_path)
    unexpected_error(st.session_state.get(W_LANG, lang))
