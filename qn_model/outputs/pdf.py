"""The brief as a printable A4 PDF: the HTML brief printed by headless Chromium.

Chromium, not WeasyPrint: the brief's charts are plotly figures drawn by JavaScript, which only a
browser runs; Chromium is already on every machine the project runs on (Kaleido draws the
report's chart with it, the browser tests drive it), so the PDF is the brief exactly as a reader
prints it from a browser. The page number and the link sit in each page's bottom margin, with
CSS page-margin boxes (Chromium 131+), and blocks that must stay whole (a chart, a verdict card,
a table row) are kept off page breaks.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from qn_model.i18n.formats import t
from qn_model.outputs.brief import build_brief
from qn_model.outputs.pack import PDF_MIME, Pack

__all__ = ["PDF_MIME", "ChromiumMissing", "browser_path", "build_pdf", "css_string", "print_css"]

TIMEOUT_S = 120
_PAGE_PLACEHOLDER, _PAGES_PLACEHOLDER = "\x00", "\x01"


class ChromiumMissing(RuntimeError):
    """No Chromium to print with."""


def browser_path() -> str:
    """Debian's Chromium (or ``$BROWSER_PATH``, Kaleido's setting, when it names one)."""
    for candidate in (os.environ.get("BROWSER_PATH"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    raise ChromiumMissing("Chromium is needed to print the brief as PDF (Debian: apt-get install chromium)")


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: every character but letters, digits and spaces
    escaped, so a hostile link cannot end the string or the style sheet."""
    out = []
    for ch in text:
        if ch.isascii() and (ch.isalnum() or ch == " "):
            out.append(ch)
        else:
            out.append(f"\\{ord(ch):x} ")
    return '"' + "".join(out) + '"'


def print_css(link: str, lang: str) -> str:
    """The PDF's page rules: A4, the link bottom left, ``Trang 2 / 5`` bottom right, and the
    blocks that a page break must not cut."""
    page = t("pdf_page", lang, page=_PAGE_PLACEHOLDER, pages=_PAGES_PLACEHOLDER)
    parts = []
    for piece in (
        page.replace(_PAGES_PLACEHOLDER, "\x02" + _PAGES_PLACEHOLDER + "\x02")
        .replace(_PAGE_PLACEHOLDER, "\x02" + _PAGE_PLACEHOLDER + "\x02")
        .split("\x02")
    ):
        if piece == _PAGE_PLACEHOLDER:
            parts.append("counter(page)")
        elif piece == _PAGES_PLACEHOLDER:
            parts.append("counter(pages)")
        elif piece:
            parts.append(css_string(piece))
    return f"""<style>
@page {{
  size: A4; margin: 12mm 12mm 16mm 12mm;
  @bottom-left {{ content: {css_string(link)}; font: 7pt Arial, "Liberation Sans", sans-serif;
    color: #555; vertical-align: top; padding-top: 3mm; word-break: break-all; width: 150mm; }}
  @bottom-right {{ content: {" ".join(parts)}; font: 8pt Arial, "Liberation Sans", sans-serif;
    color: #555; vertical-align: top; padding-top: 3mm; }}
}}
@media print {{
  figure, .chart-wrap, .card, .notices, .realism, header.top, tr, li {{ break-inside: avoid; }}
  h2, h3 {{ break-after: avoid; }}
}}
</style>
"""


def html_for_pdf(pack: Pack) -> str:
    """The brief of the pack's first scenario with the PDF's page rules."""
    html = build_brief(pack.evaluation, pack.ds, pack.lang, pack.link, generated=pack.generated)
    head_end = html.index("</head>")  # the template's one head
    return html[:head_end] + print_css(pack.link, pack.lang) + html[head_end:]


def html_to_pdf(html: str) -> bytes:
    """Print an HTML document to PDF bytes with headless Chromium (A4 from its ``@page``)."""
    with tempfile.TemporaryDirectory(prefix="qn-pdf-") as tmp:
        page, out = Path(tmp) / "brief.html", Path(tmp) / "brief.pdf"
        page.write_text(html, encoding="utf-8")
        cmd = [
            browser_path(),
            "--headless",
            "--disable-gpu",
            "--no-first-run",
            "--no-default-browser-check",
            f"--user-data-dir={Path(tmp) / 'profile'}",  # its own profile: runs side by side
            "--no-pdf-header-footer",
            # Scripts (plotly drawing the charts) run to the end before the page is printed.
            "--run-all-compositor-stages-before-draw",
            "--virtual-time-budget=20000",
            f"--print-to-pdf={out}",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--no-sandbox")  # Chromium refuses to start its sandbox as root
        cmd.append(page.as_uri())
        done = subprocess.run(cmd, capture_output=True, timeout=TIMEOUT_S, check=False)
        if not out.exists() or out.stat().st_size == 0:
            err = done.stderr.decode("utf-8", "replace")[-500:]
            raise RuntimeError(f"Chromium wrote no PDF (exit {done.returncode}): {err}")
        return out.read_bytes()


def build_pdf(pack: Pack) -> bytes:
    """The brief of a resolved link (:func:`qn_model.outputs.pack.resolve`) as A4 PDF bytes."""
    return html_to_pdf(html_for_pdf(pack))
