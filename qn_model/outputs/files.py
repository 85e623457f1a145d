"""Every file the app offers for download, by extension: the scenario's data (CSV, XLSX), the
HTML brief, and the meeting pack (a PowerPoint deck, a Word report, the brief printed to PDF;
their libraries load only when such a file is asked for)."""

from __future__ import annotations

from datetime import datetime

from qn_model.core.compare_link import CompareSelection
from qn_model.core.urls import page_address
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import Evaluation
from qn_model.outputs.brief import build_brief
from qn_model.outputs.exports import CSV_MIME, XLSX_MIME, to_csv, to_xlsx
from qn_model.outputs.pack import DEFAULT_BASE_URL, DOCX_MIME, PDF_MIME, PPTX_MIME, Pack, resolve
from qn_model.views.file_names import file_stem

DATA_FORMATS = (  # extension, MIME type, icon of its download button
    ("csv", CSV_MIME, ":material/table:"),
    ("xlsx", XLSX_MIME, ":material/grid_on:"),
    ("html", "text/html", ":material/description:"),
)
PACK_FORMATS = (  # the meeting pack's
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


def data_file(
    ext: str, ev: Evaluation, ds: Dataset, lang: str, link: str, when: datetime | None = None
) -> bytes:
    """The scenario's data as CSV or XLSX, or its brief as HTML (``ext``), made ``when``."""
    when = when or datetime.now()
    if ext == "csv":
        return to_csv(ev, ds, lang, link, when)
    if ext == "xlsx":
        return to_xlsx(ev, ds, lang, link, when)
    return build_brief(ev, ds, lang, link, generated=when).encode("utf-8")


def data_file_name(lang: str, ext: str) -> str:
    """``kich-ban-kinh-te-so-QN-2030.csv`` (vi) / ``qn-digital-economy-scenario.csv`` (en)."""
    return f"{file_stem(lang)}.{ext}"
