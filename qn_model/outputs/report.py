"""The report (báo cáo): the brief's content as a Word document a department edits.

Built from the brief's own view-model (:func:`qn_model.outputs.brief.brief_context`: texts in the
reader's language, numbers formatted for it), so the report, the brief and the app say the same
numbers. Headings are Word's heading styles (a table of contents picks them up), tables Word's
tables, the chart an image (Kaleido), the QR code an image; A4 with page numbers and the data
version in the footer. Every text goes through :func:`~qn_model.outputs.office_text.xml_text`
and every table text cell through :func:`~qn_model.outputs.office_text.cell_text`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from qn_model.engine.plausibility import beyond_history
from qn_model.i18n.formats import fmt_money, fmt_pct, lang_tag, render, t
from qn_model.outputs.brief import brief_context
from qn_model.outputs.images import figure_png
from qn_model.outputs.office_text import FONT, cell_text, xml_text
from qn_model.outputs.pack import DOCX_MIME, Pack, rates_line
from qn_model.views import palette as pal
from qn_model.views.figures import headline_figure
from qn_model.views.narrative import verdict_word
from qn_model.views.peer_text import readings

__all__ = ["DOCX_MIME", "build_report", "report_context"]

PAGE = (Cm(21.0), Cm(29.7))  # A4
PAGE_MARGIN = Cm(2.0)
TEXT_WIDTH = PAGE[0] - 2 * PAGE_MARGIN
BODY_PT, TABLE_PT, SMALL_PT = 10.5, 8.5, 8.5


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


# --------------------------------------------------------------------------------------
# Styles and fields
# --------------------------------------------------------------------------------------
def _font(style, size: float | None = None) -> None:
    """``style`` in :data:`FONT`, whatever the template's theme fonts say (a theme font would
    win over a named one in Word)."""
    style.font.name = FONT
    if size is not None:
        style.font.size = Pt(size)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)


def _setup(doc, lang: str) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, PAGE_MARGIN)
    _font(doc.styles["Normal"], BODY_PT)
    for name, size in (("Title", 22), ("Heading 1", 15), ("Heading 2", 12.5)):
        _font(doc.styles[name], size)
    for name in ("List Bullet", "Table Grid"):
        _font(doc.styles[name])
    _font(doc.styles["Footer"], SMALL_PT)  # the page-number fields take the paragraph's size
    # The document's language, so Word and LibreOffice check spelling in it.
    lang_el = doc.styles["Normal"].element.get_or_add_rPr()
    tag = OxmlElement("w:lang")
    tag.set(qn("w:val"), lang_tag(lang))
    lang_el.append(tag)


def _field(paragraph, code: str) -> None:
    """A Word field (``PAGE``, ``NUMPAGES``): the page number as the reader's program counts it."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, code), ("separate", None), (None, "1"), ("end", None)):
        if kind is not None:
            el = OxmlElement("w:fldChar")
            el.set(qn("w:fldCharType"), kind)
            run._r.append(el)
        elif text == code:
            el = OxmlElement("w:instrText")
            el.set(qn("xml:space"), "preserve")
            el.text = f" {code} "
            run._r.append(el)
        else:
            el = OxmlElement("w:t")
            el.text = text
            run._r.append(el)
    run.font.size = Pt(SMALL_PT)


def _footer(doc, ctx: dict[str, Any], lang: str) -> None:
    p = doc.sections[0].footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    # "Trang {page} / {pages}" with the two numbers as fields.
    template = t("pdf_page", lang, page="\x00", pages="\x01")
    head, rest = template.split("\x00", 1)
    middle, tail = rest.split("\x01", 1)
    run = p.add_run(xml_text(f"{ctx['app_title']} · {ctx['version']} · {head}"))
    run.font.size = Pt(SMALL_PT)
    _field(p, "PAGE")
    p.add_run(middle).font.size = Pt(SMALL_PT)
    _field(p, "NUMPAGES")
    if tail:
        p.add_run(tail).font.size = Pt(SMALL_PT)


# --------------------------------------------------------------------------------------
# Blocks
# --------------------------------------------------------------------------------------
def _para(doc, text: str, *, size: float | None = None, bold=False, colour: str | None = None, style=None):
    p = doc.add_paragraph(style=style)
    run = p.add_run(xml_text(text))
    run.bold = bold
    if size is not None:
        run.font.size = Pt(size)
    if colour is not None:
        run.font.color.rgb = _rgb(colour)
    return p


def _bullets(doc, lines: Sequence[str], *, colour: str | None = None) -> None:
    for line in lines:
        _para(doc, line, style="List Bullet", colour=colour)


def _table(doc, headers: Sequence[str], rows: Sequence[Sequence[dict[str, Any] | str]], widths=None) -> None:
    """A grid table: a bold header row, then the rows; numbers right-aligned. A cell is a brief
    cell (``{"text", "num"}``) or a plain string."""
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        _cell(cell, text, num=False, bold=True)
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            if isinstance(value, dict):
                _cell(cell, value["text"], num=bool(value.get("num")))
            else:
                _cell(cell, value, num=False)
    # No row split by a page break; the header row repeated on every page a long table runs onto.
    for i, row in enumerate(table.rows):
        tr_pr = row._tr.get_or_add_trPr()
        for tag in ("w:cantSplit", "w:tblHeader") if i == 0 else ("w:cantSplit",):
            el = OxmlElement(tag)
            el.set(qn("w:val"), "true")
            tr_pr.append(el)
    if widths:  # the grid's and every cell's width: Word reads one, LibreOffice the other
        table.autofit = False
        for column, w in zip(table.columns, widths, strict=True):
            column.width = w
        for row in table.rows:
            for cell, w in zip(row.cells, widths, strict=True):
                cell.width = w
    doc.add_paragraph()


def _cell(cell, text: str, *, num: bool, bold: bool = False) -> None:
    p = cell.paragraphs[0]
    # A number we formatted stays as written ("-12,8"); any other text is defused.
    run = p.add_run(xml_text(text) if num else cell_text(text))
    run.font.size = Pt(TABLE_PT)
    run.bold = bold
    if num:
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT


def _image(doc, png: bytes, width) -> None:
    doc.add_picture(io.BytesIO(png), width=width)
    doc.paragraphs[-1].alignment = WD_ALIGN_PARAGRAPH.CENTER


def _verdicts_table(doc, ctx: dict[str, Any]) -> None:
    """The targets table turned on its side: one column per target year (two columns of numbers
    read better on a portrait page than ten)."""
    table = ctx["targets"]
    headers, rows = table["headers"], table["rows"]
    first = [headers[0]] + [r["cells"][0]["text"] for r in rows]
    body = [[headers[i]] + [r["cells"][i] for r in rows] for i in range(1, len(headers))]
    _table(doc, first, body, _widths(6.5, len(rows)))


def _widths(first_cm: float, n: int, *, second_cm: float | None = None) -> list:
    """A first (and second) column of the given width, the rest sharing the text width."""
    fixed = [Cm(first_cm)] + ([Cm(second_cm)] if second_cm else [])
    rest = (TEXT_WIDTH - sum(fixed)) // max(1, n)
    return fixed + [rest] * n


def _compared(doc, pack: Pack) -> None:
    lang = pack.lang
    headers = [t("report_compared_header", lang), t("brief_assumptions_header", lang)]
    years = sorted((v.year for v in pack.evaluation.verdicts), reverse=True)
    headers += [t("share_in_year", lang, year=y) for y in years]
    rows = []
    for s in pack.slides:
        by_year = {v.year: v for v in s.evaluation.verdicts}
        cells: list[Any] = [s.title, rates_line(s.scenario, lang)]
        for y in years:
            v = by_year.get(y)
            cells.append("" if v is None else f"{fmt_pct(v.value_pct, lang)} · {verdict_word(v, lang)}")
        rows.append(cells)
    _table(doc, headers, rows, _widths(3.5, len(years), second_cm=7.5))


# --------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------
def report_context(pack: Pack) -> dict[str, Any]:
    """The brief's view-model of the pack's first scenario, with what only the report adds."""
    ev, lang = pack.evaluation, pack.lang
    ctx = brief_context(ev, pack.ds, lang, pack.link, generated=pack.generated)
    ctx["scenario_title"] = pack.slides[0].title
    ctx["rates"] = rates_line(ev.scenario, lang)
    ctx["projects"] = [
        t("report_project_row", lang, year=p.year, value=fmt_money(p.value_vnd_trn, lang))
        for p in ev.scenario.projects
    ]
    ctx["peers"] = readings(pack.ds, lang)
    ctx["caveats"] = [
        *(c["caveat"] for c in ctx["cards"] if c["caveat"]),
        *(render(n, lang) for n in beyond_history(ev.scenario, pack.ds)),
        ctx["required_note"],
        ctx["chart_note"],
    ]
    return ctx


def build_report(pack: Pack, *, chart_png: bytes | None = None) -> bytes:
    """The report of a resolved link (:func:`qn_model.outputs.pack.resolve`) as ``.docx`` bytes.

    ``chart_png``: the headline chart already drawn (tests share one); None draws it (Kaleido,
    a few seconds), and a document without a browser says the chart is missing.
    """
    lang = pack.lang
    ctx = report_context(pack)
    doc = Document()
    _setup(doc, lang)
    doc.core_properties.title = xml_text(f"{ctx['title']}: {ctx['scenario_title']}")
    doc.core_properties.author = "qn-digital-economy-planner"
    doc.core_properties.language = lang
    _footer(doc, ctx, lang)

    doc.add_heading(xml_text(t("report_title", lang)), level=0)
    _para(doc, f"{ctx['app_title']} · {ctx['generated']}", colour=pal.GREY)
    _para(doc, ctx["scenario_title"], bold=True, size=12.5)
    _para(doc, ctx["rates"])
    if ctx["notices"]:
        doc.add_heading(xml_text(ctx["notices_title"]), level=2)
        _bullets(doc, ctx["notices"], colour=pal.NOT_MET)

    doc.add_heading(xml_text(ctx["verdicts_header"]), level=1)
    for card in ctx["cards"]:
        colour = {"met": pal.MET, "not_met": pal.NOT_MET}.get(card["state"], pal.GREY)
        _para(doc, f"{card['year_line']} · {card['word']} · {card['value']}", bold=True, colour=colour)
        for text in (card["verdict"], card["detail"]):
            if text:
                _para(doc, text)
    _verdicts_table(doc, ctx)

    doc.add_heading(xml_text(t("report_chart_header", lang)), level=1)
    png = (
        chart_png
        if chart_png is not None
        else figure_png(headline_figure(pack.evaluation, pack.ds, lang, with_required=True))
    )
    if png is not None:
        _image(doc, png, TEXT_WIDTH)
    _para(doc, ctx["chart_note"], size=SMALL_PT, colour=pal.GREY)

    doc.add_heading(xml_text(ctx["assumptions_header"]), level=1)
    _table(
        doc,
        ctx["assumptions"]["headers"],
        [r["cells"] for r in ctx["assumptions"]["rows"]],
        [Cm(6.5), Cm(2.5), Cm(3.0), Cm(5.0)],
    )

    doc.add_heading(xml_text(ctx["path_header"]), level=1)
    _table(doc, ctx["path"]["headers"], [r["cells"] for r in ctx["path"]["rows"]])
    _para(doc, ctx["path_note"], size=SMALL_PT, colour=pal.GREY)
    _para(doc, ctx["price_note"], size=SMALL_PT, colour=pal.GREY)

    doc.add_heading(xml_text(t("report_projects_header", lang)), level=1)
    if ctx["projects"]:
        _bullets(doc, ctx["projects"])
    else:
        _para(doc, t("report_projects_none", lang))

    if ctx["realism"]:
        doc.add_heading(xml_text(ctx["realism"]["title"]), level=1)
        _bullets(doc, ctx["realism"]["lines"])
    if ctx["peers"]:
        doc.add_heading(xml_text(t("report_peers_header", lang)), level=1)
        _bullets(doc, ctx["peers"])

    doc.add_heading(xml_text(t("report_caveats_header", lang)), level=1)
    _bullets(doc, ctx["caveats"])

    if len(pack.slides) > 1:
        doc.add_heading(xml_text(t("report_compared_header", lang)), level=1)
        _compared(doc, pack)

    doc.add_heading(xml_text(ctx["sources_header"]), level=1)
    src = ctx["sources"]
    rows = [
        [
            f"{r['title']}\n{r['url']}" if r["url"] else r["title"],
            r["publisher"],
            r["published"],
            r["accessed"],
            r["backs"],
            r["kind"],
        ]
        for r in src["rows"]
    ]
    _table(doc, src["headers"], rows, widths=[Cm(5.0), Cm(2.6), Cm(1.9), Cm(1.9), Cm(3.1), Cm(2.5)])
    if any(r["user"] for r in src["rows"]):
        _para(doc, ctx["user_note"], size=SMALL_PT, colour=pal.GREY)
    doc.add_heading(xml_text(ctx["basis_title"]), level=2)
    _bullets(doc, ctx["basis"])

    doc.add_heading(xml_text(t("report_link_header", lang)), level=1)
    _para(doc, ctx["link_intro"]).paragraph_format.keep_with_next = True
    _para(doc, ctx["link"], colour=pal.PROJECTED, size=9).paragraph_format.keep_with_next = True
    try:
        from qn_model.outputs.qr import qr_png

        _image(doc, qr_png(pack.link, scale=8), Cm(4.5))
    except Exception:  # a link too long for any QR code: the printed address still works
        _para(doc, ctx["qr"]["unavailable"], size=SMALL_PT)
    _para(doc, ctx["data_version_line"])
    _para(doc, ctx["footer"], size=SMALL_PT, colour=pal.GREY)

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
