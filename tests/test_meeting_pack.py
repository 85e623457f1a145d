"""The meeting pack's deck and report, reopened with python-pptx / python-docx: every number the
engine gives for the link, in the language's format, in both languages; the deck's chart a
native chart holding the engine's series; nothing past a slide's edge; hostile text escaped and
defused; a bad link still gives its files, with its notices in them. (LibreOffice's rendering
and the PDF: tests/test_meeting_pack_render.py.)"""

from __future__ import annotations

import io
import zipfile
from datetime import datetime

import pytest
from docx import Document
from numpy.testing import assert_allclose
from openpyxl import load_workbook
from pptx import Presentation
from pptx.util import Emu

from qn_model import cli
from qn_model.engine.evaluate import Evaluation
from qn_model.i18n.formats import fmt_money, fmt_num, fmt_pct, fmt_pp, fmt_prob, render, t
from qn_model.outputs import pack as pack_mod
from qn_model.outputs import report as report_mod
from qn_model.outputs.chart_data import share_series
from qn_model.outputs.deck import build_deck
from qn_model.outputs.exports import FORMULA_PREFIXES
from qn_model.outputs.office_text import cell_text, lines_needed, xml_text
from qn_model.outputs.pack import Pack, pack_file_name, resolve
from qn_model.outputs.report import build_report
from qn_model.views.slides import KIND_LINK, KIND_OPENED, KIND_PRESET

LANGS = ("vi", "en")
GENERATED = datetime(2026, 12, 6, 9, 30)
# A link with a compare selection (a preset and a pasted scenario), a project and a bad value.
LINK = "https://portal.example.vn/ktso/compare?gd2=30&pj=2027:500&gy1=abc&cmp=current%2Cplan%2C%3Fgd2%3D40"
HOSTILE = (
    "https://h.example/scenario?gd2=%3DHYPERLINK(%22http://evil%22)&gy2=%01%02&t2=<b>x</b>"
    "&zzz=%2B1&cmp=current%2C%3Fgd2%3D-5%26gy1%3D%40SUM(A1)%2C%3Fgd1%3D%00"
)


def _tiny_png() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 3), "white").save(buffer, format="PNG")
    return buffer.getvalue()


TINY_PNG = _tiny_png()  # a stand-in chart where Kaleido's drawing is not what a test is about


@pytest.fixture(scope="module")
def packs(ds) -> dict[str, Pack]:
    return {lang: resolve(LINK, ds, lang, generated=GENERATED) for lang in LANGS}


@pytest.fixture(scope="module")
def decks(packs) -> dict[str, Presentation]:
    return {lang: Presentation(io.BytesIO(build_deck(p))) for lang, p in packs.items()}


@pytest.fixture(scope="module")
def reports(packs) -> dict[str, tuple[bytes, Document]]:
    # A stand-in chart: the real one (Kaleido, seconds) is drawn by the render tests' reports.
    out = {}
    for lang, p in packs.items():
        data = build_report(p, chart_png=TINY_PNG)
        out[lang] = (data, Document(io.BytesIO(data)))
    return out


def slide_text(slide) -> str:
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def docx_text(doc) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        for row in table.rows:
            parts += [c.text for c in row.cells]
    return "\n".join(parts)


def verdict_numbers(ev: Evaluation, lang: str) -> list[str]:
    """What a reader must find for each target: value, target, margin, required growth, chance, gap."""
    out = []
    for v in ev.verdicts:
        out += [fmt_pct(v.value_pct, lang), fmt_pct(v.target_pct, lang), fmt_pp(v.margin_pp, lang)]
        if v.required_de_growth_pct is not None:
            out += [fmt_pct(v.required_de_growth_pct, lang), fmt_prob(v.probability, lang)]
        if v.gap_vnd_trn is not None:
            out.append(fmt_money(v.gap_vnd_trn, lang))
    return out


# --------------------------------------------------------------------------------------
# The pack: the meeting view's order, the link, the file name
# --------------------------------------------------------------------------------------
def test_pack_follows_the_meeting_views_order(packs, ds):
    p = packs["vi"]
    kinds = [(s.spec.kind, s.spec.name) for s in p.slides]
    assert kinds == [(KIND_OPENED, ""), (KIND_PRESET, "plan"), (KIND_LINK, "1")]
    assert p.slides[2].scenario.gd2 == 40.0 and p.slides[0].scenario.gd2 == 30.0
    # The link's own notices travel with its scenario; the printed link keeps address and cmp.
    assert any("gy1" in render(n, "vi") for n in p.evaluation.notices)
    assert p.link.startswith("https://portal.example.vn/ktso/compare?") and "cmp=" in p.link
    assert f"dv={ds.version}" in p.link and "gy1" not in p.link
    assert "lang=en" in packs["en"].link and "lang=" not in p.link
    # Without cmp: the link's scenario alone.
    assert len(resolve("gd2=30", ds, "vi").slides) == 1
    assert pack_mod.DEFAULT_BASE_URL == cli.DEFAULT_BASE_URL


def test_file_names_by_scenario_and_date(packs, ds):
    assert pack_file_name(packs["vi"], "pptx") == "kich-ban-2030-gd2-30-pj-2027-500-2026-12-06.pptx"
    assert pack_file_name(packs["en"], "docx").startswith("scenario-2030-gd2-30-")
    trend = resolve("", ds, "vi", generated=GENERATED)  # the default scenario is the trend preset
    assert pack_file_name(trend, "pdf") == "kich-ban-2030-xu-huong-2026-12-06.pdf"


# --------------------------------------------------------------------------------------
# The deck
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_deck_has_a_slide_per_scenario_then_the_link(decks, packs, ds, lang):
    prs, p = decks[lang], packs[lang]
    assert (prs.slide_width, prs.slide_height) == (Emu(12192000), Emu(6858000))  # 16:9
    assert len(prs.slides) == len(p.slides) + 1
    for slide, s in zip(prs.slides, p.slides, strict=False):
        text = slide_text(slide)
        assert s.title in text
        for number in verdict_numbers(s.evaluation, lang):
            assert number in text, number
        assert fmt_pct(s.scenario.gd2, lang) in text  # the assumptions line
        assert t("deck_sources", lang, sources="").strip() in text
    last = slide_text(prs.slides[-1])
    assert p.link in last and ds.version in last
    assert any(s.shape_type == 13 for s in prs.slides[-1].shapes)  # the QR code, a picture
    for n in p.evaluation.notices:
        assert render(n, lang) in last
    other = "en" if lang == "vi" else "vi"
    assert t("deck_link_title", other) not in last


@pytest.mark.parametrize("lang", LANGS)
def test_deck_chart_is_native_with_the_engines_numbers(decks, packs, ds, lang):
    prs, p = decks[lang], packs[lang]
    for slide, s in zip(prs.slides, p.slides, strict=False):
        charts = [sh for sh in slide.shapes if sh.has_chart]
        assert len(charts) == 1
        chart = charts[0].chart
        years, series = share_series(s.evaluation, ds, lang)
        assert list(chart.plots[0].categories) == [str(y) for y in years]
        by_name = {sr.name: sr for sr in chart.plots[0].series}
        assert list(by_name) == [cell_text(sr.name) for sr in series]
        scenario = by_name[t("series_projection", lang)]
        proj = dict(zip(s.evaluation.projection.years, s.evaluation.projection.share_pct, strict=True))
        # Written with 15 significant digits (the chart's values and its sheet), Excel's precision.
        expected = [float(proj[y]) for y in years if y in proj]
        assert_allclose([v for v in scenario.values if v is not None], expected, rtol=1e-14)
        targets = by_name[t("target", lang)]
        assert [v for v in targets.values if v is not None] == [s.scenario.t1, s.scenario.t2]
        # The data sheet PowerPoint opens to edit the chart holds the same numbers.
        wb = load_workbook(io.BytesIO(chart.part.chart_workbook.xlsx_part.blob))
        ws = wb.worksheets[0]
        header = [c.value for c in ws[1]]
        col = header.index(t("series_projection", lang)) + 1
        sheet = [ws.cell(row=r, column=col).value for r in range(2, len(years) + 2)]
        assert_allclose([v for v in sheet if v is not None], expected, rtol=1e-14)
        for row in ws.iter_rows(values_only=True):
            for value in row:
                assert not (isinstance(value, str) and value.startswith(FORMULA_PREFIXES))


@pytest.mark.parametrize("lang", LANGS)
def test_no_shape_extends_past_its_slide(decks, lang):
    prs = decks[lang]
    for i, slide in enumerate(prs.slides):
        for shape in slide.shapes:
            assert shape.left >= 0 and shape.top >= 0, (i, shape.name)
            assert shape.left + shape.width <= prs.slide_width, (i, shape.name)
            assert shape.top + shape.height <= prs.slide_height, (i, shape.name)


@pytest.mark.parametrize("lang", LANGS)
def test_deck_fonts_hold_vietnamese(decks, lang):
    for slide in decks[lang].slides:
        for shape in slide.shapes:
            if shape.has_text_frame:
                for para in shape.text_frame.paragraphs:
                    for run in para.runs:
                        assert run.font.name == "Arial"
            if shape.has_chart:
                assert shape.chart.font.name == "Arial"


# --------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_report_holds_every_number_of_the_link(reports, packs, lang):
    _, doc = reports[lang]
    p = packs[lang]
    ev = p.evaluation
    text = docx_text(doc)
    assert t("report_title", lang) in text
    for v in ev.verdicts:
        assert fmt_pct(v.value_pct, lang) in text
        assert fmt_num(v.target_pct, lang, 1) in text
        assert fmt_num(v.margin_pp, lang, 2, signed=True) in text
        assert fmt_prob(v.probability, lang) in text
        if v.required_de_growth_pct is not None:
            assert fmt_num(v.required_de_growth_pct, lang, 1) in text
        assert fmt_num(v.gap_vnd_trn, lang, 1) in text
    for rec in ev.projection.records():  # the year-by-year table
        assert fmt_num(rec["share_pct"], lang, 2) in text
        assert fmt_num(rec["grdp_vnd_trn"], lang, 1) in text
    for key in ("gy1", "gd1", "gy2", "gd2", "t1", "t2"):
        assert fmt_num(getattr(ev.scenario, key), lang, 2) in text
    assert fmt_money(500.0, lang) in text  # the project
    for n in ev.notices:
        assert render(n, lang) in text
    assert p.link in text and p.ds.version in text
    for s in p.slides[1:]:  # the compared scenarios
        assert s.title in text
    other = "en" if lang == "vi" else "vi"
    assert t("report_caveats_header", other) not in text


def test_report_layout_and_images(reports):
    data, doc = reports["vi"]
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    media = [n for n in zipfile.ZipFile(io.BytesIO(data)).namelist() if n.startswith("word/media/")]
    assert len(media) == 2  # the chart and the QR code
    footer = section.footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert doc.styles["Normal"].font.name == "Arial"
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert t("report_link_header", "vi") in headings and t("report_caveats_header", "vi") in headings


def report_lang_tag(doc) -> str:
    """The spelling language the report's Normal style marks its text with (``w:lang``)."""
    from docx.oxml.ns import qn

    return doc.styles["Normal"].element.rPr.find(qn("w:lang")).get(qn("w:val"))


def test_report_marks_its_text_with_the_languages_tag(reports):
    """The tag comes from the one language → tag rule (``formats.lang_tag``); a third language
    gets its own (tests/test_i18n.py)."""
    tags = {lang: report_lang_tag(doc) for lang, (_, doc) in reports.items()}
    assert tags == {"vi": "vi-VN", "en": "en-GB"}


# --------------------------------------------------------------------------------------
# Hostile text, bad links, the command line
# --------------------------------------------------------------------------------------
def test_office_text_helpers():
    assert xml_text("a\x00b\x1fc\ud800") == "abc"
    assert cell_text("=SUM(A1)") == "'=SUM(A1)" and cell_text("@x") == "'@x" and cell_text("x=1") == "x=1"
    assert lines_needed("a " * 10, 1000, 10) == 1 and lines_needed("word " * 200, 100, 10) > 20
    assert lines_needed("x" * 500, 100, 10) >= 20  # a long link is broken across lines


@pytest.mark.parametrize("lang", LANGS)
def test_hostile_link_gives_valid_files_with_its_notices(ds, lang):
    p = resolve(HOSTILE, ds, lang, generated=GENERATED)
    assert p.evaluation.notices
    prs = Presentation(io.BytesIO(build_deck(p)))
    doc = Document(io.BytesIO(build_report(p, chart_png=TINY_PNG)))
    last = slide_text(prs.slides[-1])
    notes = prs.slides[0].notes_slide.notes_text_frame.text  # every notice, however many
    text = docx_text(doc)
    for n in p.evaluation.notices:
        shown = xml_text(render(n, lang))
        assert shown in notes and shown in text
    assert xml_text(render(p.evaluation.notices[0], lang)) in last  # as many as fit the last slide
    for table in doc.tables:
        for row in table.rows[1:]:
            for cell in row.cells:
                value = cell.text
                if value.startswith(FORMULA_PREFIXES):  # only a number we formatted may start so
                    assert value.lstrip("+-").replace(",", "").replace(".", "").strip().isdigit(), value
    for slide in prs.slides:
        for shape in slide.shapes:
            if shape.has_chart:
                wb = load_workbook(io.BytesIO(shape.chart.part.chart_workbook.xlsx_part.blob))
                for row in wb.worksheets[0].iter_rows(values_only=True):
                    assert not any(isinstance(v, str) and v.startswith(FORMULA_PREFIXES) for v in row)


def test_cli_deck_and_report(tmp_path, ds, capsys, monkeypatch):
    monkeypatch.setattr(report_mod, "figure_png", lambda fig: TINY_PNG)  # the contract, not Kaleido
    deck, report = tmp_path / "d.pptx", tmp_path / "r.docx"
    assert cli.main(["deck", "gd2=30&gy1=abc", "--out", str(deck), "--lang", "en"]) == 0
    assert cli.main(["report", "gd2=30&gy1=abc", "--out", str(report)]) == 0  # the link's language: vi
    out = capsys.readouterr().out
    assert t("cli_file_written", "en", path=str(deck)) in out
    assert t("cli_file_written", "vi", path=str(report)) in out
    prs = Presentation(str(deck))
    assert len(prs.slides) == 2 and "gy1" in slide_text(prs.slides[-1])  # a bad link: its notice
    assert t("report_title", "vi") in docx_text(Document(str(report)))
    assert cli.main(["deck", "gd2=30", "--out", str(tmp_path / "missing" / "d.pptx")]) == 2


def test_pdf_page_rules_escape_the_link():
    from qn_model.outputs.pdf import css_string, print_css

    hostile = 'https://h.example/a?x=1";}</style><script>alert(1)</script>'
    css = print_css(hostile, "vi")
    assert "</style><script>" not in css.split("<style>", 1)[1].rsplit("</style>", 1)[0]
    assert css.count("</style>") == 1 and "alert(1)" not in css
    assert css_string("a b") == '"a b"' and css_string('"') == '"\\22 "'
    assert "counter(page)" in css and "counter(pages)" in css and '"Trang "' in css
