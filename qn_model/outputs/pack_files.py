"""The meeting pack's three files, built from a link by extension (``deck.py``, ``report.py``,
``pdf.py``); their libraries load only when a file is asked for."""

from __future__ import annotations

from datetime import datetime

from qn_model.core.compare_link import CompareSelection
from qn_model.core.urls import page_address
from qn_model.data.dataset import Dataset
from qn_model.outputs.pack import DEFAULT_BASE_URL, DOCX_MIME, PDF_MIME, PPTX_MIME, Pack, resolve

FORMATS = (  # the meeting pack's files: extension, MIME type, icon of its download button
    ("pptx", PPTX_MIME, ":material/slideshow:"),
    ("docx", DOCX_MIME, ":material/article:"),
    ("pdf", PDF_MIME, ":material/picture_as_pdf:"),
)


def render(pack: Pack, ext: str) -> bytes:
    """The pack as a deck (``pptx``), a report (``docx``) or the brief printed to PDF (``pdf``)."""
    if ext == "pptx":
        from qn_model.outputs.deck import build_deck

        return build_deck(pack)
    if ext == "docx":
        from qn_model.outputs.report import build_report

        return build_report(pack)
    from qn_model.outputs.pdf import build_pdf

    return build_pdf(pack)


def build_file(
    ext: str,
    link: str,
    ds: Dataset,
    lang: str,
    compare: CompareSelection | None = None,
    when: datetime | None = None,
) -> bytes:
    """The file for ``link`` as the app offers it (``compare``: the compared scenarios); its links
    point at the link's own address, else the default one."""
    base = page_address(link) or DEFAULT_BASE_URL
    return render(
        resolve(link, ds, lang, base_url=base, generated=when or datetime.now(), compare=compare), ext
    )
