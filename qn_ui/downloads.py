"""Download buttons: the scenario's data (CSV, XLSX), the HTML brief and the meeting pack
(PowerPoint deck, Word report, A4 PDF), each file built on click."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Iterable
from datetime import datetime

import streamlit as st

from qn_model.core.compare_link import CompareSelection
from qn_model.i18n.formats import t
from qn_model.outputs.brief import build_brief
from qn_model.outputs.exports import CSV_MIME, XLSX_MIME, file_stem, slug, to_csv, to_xlsx
from qn_model.outputs.pack import file_name
from qn_model.outputs.pack_files import FORMATS, build_file
from qn_ui.controls import full_link
from qn_ui.state import AppState

LOG = logging.getLogger("qn_app")
Button = tuple[str, str, Callable[[], bytes], str, str]  # extension, MIME, make, icon, file name


def chart_filename(title: str | None, key: str, lang: str) -> str:
    """A PNG name from the chart's own (localised) title, else from the app's stem and the key."""
    # A title wrapped for narrow screens carries plotly's <br>: a line break, not a word.
    plain = re.sub(r"<[^>]*>", " ", title or "")
    return slug(plain) or f"{file_stem(lang)}-{slug(key)}"


def _deferred(make: Callable[[], bytes], what: str) -> Callable[[], bytes]:
    # Runs on click, in another thread: everything it needs is bound now, nothing from the session.
    def run() -> bytes:
        try:
            return make()
        except Exception:
            LOG.exception("building the %s download failed", what)
            raise

    return run


def _row(buttons: Iterable[Button], lang: str, key: str) -> None:
    buttons = tuple(buttons)
    for col, (ext, mime, make, icon, name) in zip(st.columns(len(buttons)), buttons, strict=True):
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
    lang, ev, ds = state.lang, state.evaluation, state.ds
    link = full_link(state.query)
    st.subheader(t("downloads_header", lang))
    st.caption(t("dl_note", lang))
    stem = file_stem(lang)
    # datetime.now() inside: the files carry the time of the click, not of the page's run.
    _row(
        (
            (
                "csv",
                CSV_MIME,
                lambda: to_csv(ev, ds, lang, link, datetime.now()),
                ":material/table:",
                f"{stem}.csv",
            ),
            (
                "xlsx",
                XLSX_MIME,
                lambda: to_xlsx(ev, ds, lang, link, datetime.now()),
                ":material/grid_on:",
                f"{stem}.xlsx",
            ),
            (
                "html",
                "text/html",
                lambda: build_brief(ev, ds, lang, link).encode(),
                ":material/description:",
                f"{stem}.html",
            ),
        ),
        lang,
        "",
    )
    pack_buttons(state, "scenario")


def pack_buttons(state: AppState, key: str, compare: CompareSelection | None = None) -> None:
    """The meeting pack's buttons: the deck (the link's scenario, then the compared ones:
    ``compare``, else the link's ``cmp``), the report, the brief as PDF; named by scenario and
    date. ``key`` keeps two views' buttons apart."""
    lang, ds = state.lang, state.ds
    link, today = full_link(state.query), datetime.now()
    _row(
        (
            (
                ext,
                mime,
                lambda ext=ext: build_file(ext, link, ds, lang, compare),
                icon,
                file_name(state.scenario, ds, lang, link, ext, today),
            )
            for ext, mime, icon in FORMATS
        ),
        lang,
        f"{key}_",
    )
