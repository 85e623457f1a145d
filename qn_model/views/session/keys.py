"""Every key the app reads or writes in the session, spelled once (``tests/test_session_keys.py``).

Scenario widgets ``w_<link key>``, ``W_LANG``, ``W_TSET``, ``W_PJ`` hold the scenario (the URL is
written from them); page widgets a page's own inputs, kept across page switches under
``KEEP_PREFIX`` (``carry.py``); private keys (``_…``) what the app remembers between runs. Keys of
elements whose value nothing reads (buttons with a callback, charts, containers named for the CSS)
stay beside their element."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

W_LANG = "w_lang"
W_TSET = "w_tset"  # the target set picked (a name: two sets can hold the same targets)
W_PJ = "w_pj"  # the scenario's projects (a tuple of Project)
# The live component's state (qn_ui.live): its class ``st-key-w_live_gd2`` names gd2, as checks
# outside the code expect; LIVE_SEQ is the sequence number of its last change.
W_LIVE = "w_live_gd2"
LIVE_SEQ = "_live_seq"
A11Y = "qn_a11y"  # the page script of qn_ui/a11y.py
W_PRESET = "w_preset"  # the preset pills: a pick applies a preset, then nothing stays picked
W_MORE = "w_more"  # whether the further assumptions are open

LAST_QUERY = "_last_query"  # the query the app last wrote
SNAPSHOT = "_widget_snapshot"  # control values at the end of the last run
PENDING_URL = "_pending_url"  # a fragment's query, written at the end of its run
LAST_PAGE = "_last_page"
GROWTH_PLACE = "_growth_place"  # "sidebar" or "page": where the last run drew the growth sliders
NOTICES = "_link_notices"  # what the last parsed link lost, shown on every page
PRESENT = "_present"  # the meeting view (the link's present=1)
STATE = "_state"  # this run's AppState
USER_DATASET = "_user_dataset"  # the planner's own data, else absent

KEEP_PREFIX = "_keep_"
CMP_CURRENT = "cmp_current"  # the compare page's inputs (its link's ``cmp``)
CMP_PRESETS = "cmp_presets"
CMP_LINKS = "cmp_links"
W_DETAIL = "w_detail"  # the scenario page's detail shown under the chart
W_SENS_YEAR = "w_sens_year"  # the sensitivity map's target year
W_TREND_SERIES = "trend_series"  # the trends page's series
TREND_CARRIED = "_trend_carried"  # the fit's rates just carried to the sliders, shown once

W_PJ_NEW_YEAR = "w_pj_new_year"
W_PJ_NEW_VALUE = "w_pj_new_value"
W_PJ_CLOSE_YEAR = "w_pj_close_year"
PJ_CLOSED = "_pj_closed"  # (the project "close the gap" added, the projects before it)
PJ_CLOSE_MESSAGE = "_pj_close_message"  # why the last "close the gap" click added nothing
PJ_CLOSE_YEAR_KEPT = "_pj_close_year"  # the year last used: no picker while the gap is closed

# The meeting view's deck: in the session only, never in the URL.
DECK_FROM = "_deck_from"  # the page the view was opened from (its QR code and exit lead there)
DECK_OPENED = "_deck_opened"  # the scenario the presentation was opened on
DECK_OPENED_SET = "_deck_opened_set"  # the target set it was shown with
DECK_LINKS = "_deck_links"  # pasted links in use (tuple of str)
DECK_DROPPED = "_deck_links_dropped"  # how many pasted lines were over the limit
DECK_TARGETS = "_deck_targets"  # (t1, t2) chosen here for every slide, or absent
DECK_INDEX = "_deck_index"  # the slide shown
W_DECK_LINKS_TEXT = "present_links_text"
W_DECK_TSET = "present_tset"
DECK_KEYS = (DECK_FROM, DECK_OPENED, DECK_OPENED_SET, DECK_LINKS, DECK_DROPPED, DECK_TARGETS, DECK_INDEX)

MYDATA_OUTCOME = "_mydata_outcome"  # the last upload's or edit's result, for the page
MYDATA_GENERATION = "_mydata_gen"  # bumped after each change: uploader and editor start afresh
MYDATA_REQUEST = "_mydata_request"  # set by a button's callback, handled once the table is known


def widget_key(link_key: str) -> str:
    """The key of the widget for a number in the link: ``w_gd2`` for ``gd2``."""
    return f"w_{link_key}"


def trend_models_key(series_id: str) -> str:
    return f"trend_models_{series_id}"


def show_data_key(chart_key: str) -> str:
    """The toggle that shows the numbers behind a chart."""
    return f"show_data_{chart_key}"


def mydata_key(session: Mapping[str, Any], name: str) -> str:
    """The own-data page's uploader or editor in this generation: a new one starts empty."""
    return f"mydata_{name}_{session.get(MYDATA_GENERATION, 0)}"
