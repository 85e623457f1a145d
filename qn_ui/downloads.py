"""Download buttons: the scenario's data (CSV, XLSX), the HTML brief and the meeting pack
(PowerPoint deck, Word report, A4 PDF), each file built on click (``qn_model/outputs/files.py``)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial

import streamlit as st

from qn_model.core.compare_link import CompareSelection
from qn_model.i18n.formats import t
from qn_model.outputs.files import DATA_FORMATS, PACK_FORMATS, build_file, data_file, data_file_name
from qn_model.outputs.pack import file_name
from qn_ui.controls import full_link
from qn_ui.state import AppState

LOG = logging.getLogger("qn_app")


def _deferred(make: Callable[[], bytes], what: str) -> Callable[[], bytes]:
    # Runs on click, in another thread: everything it needs is bound now, nothing from the session.
    def run() -> bytes:
        try:
            return make()
        except Exception:
            LOG.exception("building the %s download failed", what)
            raise

    return run


def _row(buttons: Iterable[tuple[str, str, str, Callable[[], bytes], str]], lang: str, key: str) -> None:
    """One row of buttons: (extension, MIME type, icon, what makes the file, its name)."""
    buttons = tuple(buttons)
    for col, (ext, mime, icon, make, name) in zip(st.columns(len(buttons)), buttons, strict=True):
        col.download_button(
            t(f"dl_{ext}", lang),
            data=_deferred(make, ext),
            file_name=name,
            mime=mime,
            key=f"download_{key}{ext}",
            help=t(f"dl_{ext}_help", lang),
            on_click="ignore",
            icon=icon,
            width="stretch",
        )


def render(state: AppState) -> None:
    """The downloads section: data as CSV and XLSX, the printable HTML brief, the meeting pack."""
    lang, ev, ds, link = state.lang, state.evaluation, state.ds, full_link(state.query)
    st.subheader(t("downloads_header", lang))
    st.caption(t("dl_note", lang))
    # Made on click: the files carry the time of the click, not of the page's run.
    files = [
        (*f, partial(data_file, f[0], ev, ds, lang, link), data_file_name(lang, f[0])) for f in DATA_FORMATS
    ]
    _row(files, lang, "")
    pack_buttons(state, "scenario")


def pack_buttons(state: AppState, key: str, compare: CompareSelection | None = None) -> None:
    """The meeting pack's buttons: the deck (the link's scenario, then the compared ones:
    ``compare``, else the link's ``cmp``), the report, the brief as PDF; named by scenario and
    date. ``key`` keeps two views' buttons apart."""
    lang, ds, link, today = state.lang, state.ds, full_link(state.query), datetime.now()
    files = [
        (
            *f,
            partial(build_file, f[0], link, ds, lang, compare),
            file_name(state.scenario, ds, lang, link, f[0], today),
        )
        for f in PACK_FORMATS
    ]
    _row(files, lang, f"{key}_")
