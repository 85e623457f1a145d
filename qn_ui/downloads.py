"""Downloads of the current view: CSV, XLSX and the HTML brief, the meeting pack (PowerPoint deck,
Word report, A4 PDF), and the charts' PNG settings."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

import streamlit as st

from qn_model.core.compare_link import CompareSelection
from qn_model.i18n.formats import t
from qn_model.outputs.brief import build_brief
from qn_model.outputs.exports import CSV_MIME, XLSX_MIME, file_stem, to_csv, to_xlsx
from qn_model.outputs.pack import DEFAULT_BASE_URL, DOCX_MIME, PDF_MIME, PPTX_MIME
from qn_model.outputs.pack import file_name as pack_file_name
from qn_model.views.file_names import chart_filename
from qn_ui.controls import full_link
from qn_ui.state import W_LANG, AppState

LOG = logging.getLogger("qn_app")
HTML_MIME = "text/html"
PNG_SIZE = (1920, 1080)  # projector resolution


def file_name(lang: str, ext: str) -> str:
    """``kich-ban-kinh-te-so-QN-2030.csv`` (vi) / ``qn-digital-economy-scenario.csv`` (en)."""
    return f"{file_stem(lang)}.{ext}"


def chart_config(filename: str, height: int | None = None) -> dict:
    """``st.plotly_chart`` config: the toolbar's camera saves a 1920×1080 PNG named ``filename``
    (taller when the chart is: a tall chart of fixed-height rows squeezed into 1080 px overlaps)."""
    width, png_height = PNG_SIZE
    height = max(png_height, int(height or 0))
    return {
        "displaylogo": False,
        "toImageButtonOptions": {
            "format": "png",
            "width": width,
            "height": height,
            "scale": 1,
            "filename": filename,
        },
    }


def chart_config_for(fig, key: str, filename: str | None = None) -> dict:  # fig: plotly Figure
    """The config for one chart: ``filename`` when given, else one from the figure's title in the
    current language."""
    if filename is None:
        lang = st.session_state.get(W_LANG, "vi")
        filename = chart_filename(fig.layout.title.text, key, lang)
    return chart_config(filename, fig.layout.height)


def _deferred(make: Callable[[], bytes], what: str) -> Callable[[], bytes]:
    # Runs on click, in another thread: everything it needs is bound now, nothing from the session.
    def run() -> bytes:
        try:
            return make()
        except Exception:
            LOG.exception("building the %s download failed", what)
            raise

    return run


def render(state: AppState) -> None:
    """The downloads section: data as CSV and XLSX, and the printable HTML brief."""
    lang, ev, ds = state.lang, state.evaluation, state.ds
    link = full_link(state.query)
    st.subheader(t("downloads_header", lang))
    st.caption(t("dl_note", lang))
    cols = st.columns(3)
    buttons = (
        # datetime.now() inside: the files carry the time of the click, not of the page's run.
        ("csv", CSV_MIME, lambda: to_csv(ev, ds, lang, link, datetime.now()), ":material/table:"),
        ("xlsx", XLSX_MIME, lambda: to_xlsx(ev, ds, lang, link, datetime.now()), ":material/grid_on:"),
        ("html", HTML_MIME, lambda: build_brief(ev, ds, lang, link).encode("utf-8"), None),
    )
    for col, (ext, mime, make, icon) in zip(cols, buttons, strict=True):
        with col:
            st.download_button(
                t(f"dl_{ext}", lang),
                data=_deferred(make, ext),
                file_name=file_name(lang, ext),
                mime=mime,
                key=f"download_{ext}",
                help=t(f"dl_{ext}_help", lang),
                on_click="ignore",
                icon=icon or ":material/description:",
                width="stretch",
            )
    pack_buttons(state, "scenario")


PACK = (  # extension, MIME type, icon
    ("pptx", PPTX_MIME, ":material/slideshow:"),
    ("docx", DOCX_MIME, ":material/article:"),
    ("pdf", PDF_MIME, ":material/picture_as_pdf:"),
)


def _make_pack_file(ext: str, link: str, base: str, ds, lang: str, compare) -> bytes:
    # Imported on click: python-pptx / python-docx load only when someone asks for a file.
    from qn_model.outputs.pack import resolve

    pack = resolve(link, ds, lang, base_url=base, generated=datetime.now(), compare=compare)
    if ext == "pptx":
        from qn_model.outputs.deck import build_deck

        return build_deck(pack)
    if ext == "docx":
        from qn_model.outputs.report import build_report

        return build_report(pack)
    from qn_model.outputs.pdf import build_pdf

    return build_pdf(pack)


def pack_buttons(state: AppState, key: str, compare: CompareSelection | None = None) -> None:
    """The meeting pack's three download buttons in a row: the deck (the link's scenario, then the
    compared ones: ``compare``, else the link's ``cmp``), the report and the brief as PDF; each
    file is built on click and named by scenario and date. ``key`` keeps two views' buttons apart."""
    lang, ds = state.lang, state.ds
    link = full_link(state.query)
    base = link.split("?", 1)[0] if link.startswith(("http://", "https://")) else DEFAULT_BASE_URL
    today = datetime.now()
    cols = st.columns(len(PACK))
    for col, (ext, mime, icon) in zip(cols, PACK, strict=True):
        with col:
            st.download_button(
                t(f"dl_{ext}", lang),
                data=_deferred(lambda ext=ext: _make_pack_file(ext, link, base, ds, lang, compare), ext),
                file_name=pack_file_name(state.scenario, ds, lang, link, ext, today),
                mime=mime,
                key=f"download_{key}_{ext}",
                help=t(f"dl_{ext}_help", lang),
                on_click="ignore",
                icon=icon,
                width="stretch",
            )
