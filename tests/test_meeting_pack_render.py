"""The meeting pack as a reader's program renders it: LibreOffice (headless) converts the deck and
the report to PDF without error and with the expected pages, no text box of the deck overflows
(measured on the converted PDF's word positions, ``pdftotext -bbox``), nothing runs past a page's
margins; the brief's A4 PDF (headless Chromium, through the command line) holds the engine's
numbers, a page number and the link on every page.

Slow tools, so each file is made and converted once per language, in module fixtures, and
LibreOffice converts all four files in one start.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest
from pptx import Presentation

from qn_model import cli
from qn_model.i18n.formats import fmt_num, fmt_pct, fmt_prob, t
from qn_model.outputs.deck import build_deck
from qn_model.outputs.pack import Pack, resolve
from qn_model.outputs.report import PAGE_MARGIN, build_report

LANGS = ("vi", "en")
GENERATED = datetime(2026, 12, 6, 9, 30)
# The most a slide holds: five projects (a long assumptions line), bad values (notices), and a
# compare selection of four with pasted scenarios (a long link).
LINK = (
    "https://portal.example.vn/ktso/compare?gd2=30&pj=2026:50,2027:500,2028:120,2029:80,2030:60"
    "&gy1=abc&gy2=x&t1=zz&sd=bad&cmp=current%2Cplan%2C%3Fgd2%3D40%26pj%3D2027%3A300%2C%3Fgy2%3D2%26gd1%3Dq"
)
BRIEF_LINK = "https://portal.example.vn/ktso/scenario?gd2=30&pj=2027:500&gy1=abc"
TOLERANCE_PT = 2.0  # a glyph's ink may sit a hair outside its box (rounding, italic overhang)
pytestmark = pytest.mark.timeout(600)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass(frozen=True)
class Page:
    width: float
    height: float
    words: tuple[Word, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)


def pdf_pages(path: Path) -> list[Page]:
    """Each page's size and words with their boxes (points, origin top left)."""
    # -raw: in the order the content stream draws them (a text box's words together).
    out = subprocess.run(
        ["pdftotext", "-raw", "-bbox", str(path), "-"], capture_output=True, check=True, text=True
    )
    pages = []
    for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out.stdout, re.S):
        words = tuple(
            Word(html.unescape(w[4]), *(float(x) for x in w[:4]))
            for w in re.findall(
                r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', m[3]
            )
        )
        pages.append(Page(float(m[1]), float(m[2]), words))
    return pages


def page_count(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M)[1])


def norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture(scope="module")
def packs(ds) -> dict[str, Pack]:
    return {lang: resolve(LINK, ds, lang, generated=GENERATED) for lang in LANGS}


@pytest.fixture(scope="module")
def rendered(packs, tmp_path_factory) -> dict[str, Path]:
    """deck_<lang>.pptx/.pdf and report_<lang>.docx/.pdf: made once, converted by one LibreOffice."""
    for tool in ("soffice", "pdftotext", "pdfinfo"):
        assert shutil.which(tool), f"{tool} is missing: make test installs LibreOffice and poppler-utils"
    out = tmp_path_factory.mktemp("pack")
    files = []
    for lang, p in packs.items():
        files.append(out / f"deck_{lang}.pptx")
        files[-1].write_bytes(build_deck(p))
        files.append(out / f"report_{lang}.docx")
        files[-1].write_bytes(build_report(p))
    profile = out / "lo-profile"  # its own profile: side by side with any other LibreOffice
    done = subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        capture_output=True,
        text=True,
        timeout=400,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    paths = {f.stem: f for f in files}
    paths.update({f"{f.stem}_pdf": f.with_suffix(".pdf") for f in files})
    return paths


@pytest.fixture(scope="module")
def briefs(tmp_path_factory) -> dict[str, Path]:
    """The brief as PDF through the command line, as a user asks for it."""
    out = tmp_path_factory.mktemp("brief")
    paths = {}
    for lang in LANGS:
        paths[lang] = out / f"brief_{lang}.pdf"
        assert cli.main(["brief", BRIEF_LINK, "--out", str(paths[lang]), "--lang", lang]) == 0
    return paths


# --------------------------------------------------------------------------------------
# LibreOffice: the deck
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_deck_converts_with_a_page_per_slide(rendered, packs, lang):
    pdf = rendered[f"deck_{lang}_pdf"]
    assert pdf.exists() and page_count(pdf) == len(packs[lang].slides) + 1
    pages = pdf_pages(pdf)
    assert {(round(p.width), round(p.height)) for p in pages} == {(960, 540)}  # 13.333 × 7.5 in
    for page, s in zip(pages, packs[lang].slides, strict=False):
        text = norm(page.text)
        for v in s.evaluation.verdicts:
            assert norm(fmt_pct(v.value_pct, lang)) in text


@pytest.mark.parametrize("lang", LANGS)
def test_no_text_box_of_the_deck_overflows(rendered, lang):
    """Every text shape's words, found in the rendered page, lie inside the shape's box."""
    prs = Presentation(str(rendered[f"deck_{lang}"]))
    pages = pdf_pages(rendered[f"deck_{lang}_pdf"])
    scale = pages[0].width / (prs.slide_width / 12700)
    checked = 0
    for i, (slide, page) in enumerate(zip(prs.slides, pages, strict=True)):
        chars, owner = [], []
        for j, w in enumerate(page.words):
            for ch in norm(w.text):
                chars.append(ch)
                owner.append(j)
        stream = "".join(chars)
        for shape in slide.shapes:
            if not shape.has_text_frame or not shape.text_frame.text.strip():
                continue
            wanted = norm(shape.text_frame.text)
            box = [
                v / 12700 * scale
                for v in (shape.left, shape.top, shape.left + shape.width, shape.top + shape.height)
            ]
            starts = [m.start() for m in re.finditer(re.escape(wanted), stream)]
            assert starts, f"slide {i + 1}: the text of {shape.name!r} is not on the page as written"
            inside = False
            for start in starts:
                words = [page.words[j] for j in sorted(set(owner[start : start + len(wanted)]))]
                if all(
                    w.x0 >= box[0] - TOLERANCE_PT
                    and w.y0 >= box[1] - TOLERANCE_PT
                    and w.x1 <= box[2] + TOLERANCE_PT
                    and w.y1 <= box[3] + TOLERANCE_PT
                    for w in words
                ):
                    inside = True
            assert inside, f"slide {i + 1}: {shape.name!r} overflows its box {box}"
            checked += 1
    assert checked >= 6 * len(prs.slides) - 4  # title, counter, rates, two verdicts, sources per slide


# --------------------------------------------------------------------------------------
# LibreOffice: the report
# --------------------------------------------------------------------------------------
def footers(pages: list[Page], lang: str) -> list[str]:
    """Each page's "Trang i / n" as the footer says it."""
    words = t("pdf_page", lang, page="\x00", pages="\x01").split()
    pattern = r"\s*".join(re.escape(w) for w in words).replace("\x00", r"(\d+)").replace("\x01", r"(\d+)\b")
    return [re.findall(pattern, p.text) for p in pages]


@pytest.mark.parametrize("lang", LANGS)
def test_report_chart_is_drawn(rendered, lang):
    with zipfile.ZipFile(rendered[f"report_{lang}"]) as z:
        media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    chart = max(media, key=len)  # the chart (Kaleido) beside the QR code
    assert len(media) == 2 and chart.startswith(b"\x89PNG") and len(chart) > 20_000


@pytest.mark.parametrize("lang", LANGS)
def test_report_converts_with_numbered_pages_inside_the_margins(rendered, packs, lang):
    pdf = rendered[f"report_{lang}_pdf"]
    n = page_count(pdf)
    pages = pdf_pages(pdf)
    assert 3 <= n <= 12 and len(pages) == n
    assert footers(pages, lang) == [[(str(i), str(n))] for i in range(1, n + 1)]
    margin = PAGE_MARGIN.pt - 0.5 * 72 / 2.54  # half a centimetre of table padding allowed
    for i, page in enumerate(pages):
        assert (round(page.width), round(page.height)) == (595, 842), i  # A4
        for w in page.words:
            assert margin <= w.x0 and w.x1 <= page.width - margin, (i + 1, w)
            assert w.y0 >= 0 and w.y1 <= page.height, (i + 1, w)
    text = norm(" ".join(p.text for p in pages))
    ev = packs[lang].evaluation
    for v in ev.verdicts:
        assert norm(fmt_pct(v.value_pct, lang)) in text and norm(fmt_prob(v.probability, lang)) in text
    for rec in ev.projection.records():
        assert norm(fmt_num(rec["share_pct"], lang, 2)) in text


# --------------------------------------------------------------------------------------
# Chromium: the brief as A4 PDF
# --------------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_brief_pdf_a4_numbers_page_numbers_and_the_link_on_every_page(briefs, ds, lang):
    pdf = briefs[lang]
    pages = pdf_pages(pdf)
    n = page_count(pdf)
    assert n == len(pages) >= 3
    assert footers(pages, lang) == [[(str(i), str(n))] for i in range(1, n + 1)]
    p = resolve(BRIEF_LINK, ds, lang)
    link_start = norm(p.link)[:30]  # the footer may wrap the link: its start is on one line
    for i, page in enumerate(pages):
        assert (round(page.width), round(page.height)) == (595, 842), i
        assert link_start in norm(page.text), i + 1
        for w in page.words:
            assert w.x0 >= 0 and w.x1 <= page.width and w.y0 >= 0 and w.y1 <= page.height, (i + 1, w)
    text = norm(" ".join(pg.text for pg in pages))
    for v in p.evaluation.verdicts:
        assert norm(fmt_pct(v.value_pct, lang)) in text and norm(fmt_prob(v.probability, lang)) in text
        assert norm(fmt_num(v.margin_pp, lang, 2, signed=True)) in text
    for rec in p.evaluation.projection.records():
        assert norm(fmt_num(rec["share_pct"], lang, 2)) in text
    assert norm(t("brief_title", lang)) in text
