"""Hostile text through every field of the brief and every export (CSV, XLSX, JSON, the chart's
PNG file name): shown as text, never run as markup, script, template or formula.

Two ways in. (1) Every text of the brief's template context replaced by a hostile payload: each
is found in the document as text, and the document has exactly the tags and attributes of the
same context with harmless texts, so no field can become markup (a field rendered raw, or one
the template forgets to show, fails here). (2) The realistic carriers end to end: a planner's
link (its unknown keys are echoed in the notices), a planner's uploaded rows with a note, and
data files whose source titles, publishers, dates, addresses and indicator names are hostile.
"""

from __future__ import annotations

import csv
import io
import json
import re
from html.parser import HTMLParser
from typing import Any

import openpyxl
import pandas as pd
import pytest
from markupsafe import Markup

from qn_model.cli import main
from qn_model.data.dataset import Dataset, load_dataset
from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n import render
from qn_model.outputs.brief import brief_context, build_brief, plotly_js, render_brief
from qn_model.outputs.exports import FORMULA_PREFIXES, to_csv, to_xlsx
from tests.hostile import parses_as_number

LINK = "http://127.0.0.1:8501/scenario?gd2=40&t2=30"
# Short enough to survive the notices' 40-character cut (links.shorten).
LINK_KEY = "<script>alert(9)</script>"
LINK_VALUE = "\"'{{7*7}}</style>"
HOSTILE_LINK = f"{LINK}&{LINK_KEY}=1&x={LINK_VALUE}&lang=en"
FORMULA = '=HYPERLINK("javascript:alert(3)","x")'
ON_ATTR = re.compile(r"^on", re.IGNORECASE)


def hostile(tag: object) -> str:
    """Markup, quotes, a template expression and statement, closing tags and a script address."""
    return (
        f"\"'><script>alert('{tag}')</script><img src=x onerror=alert(1)>"
        f"{{{{ 7*7 }}}}{{% raw %}}</style></title></textarea>javascript:alert('{tag}')"
    )


def hostile_url(tag: object) -> str:
    """An http address (so still a link) whose query tries to leave the attribute."""
    return f"https://evil.example/{tag}?a=1&b=\"'><script>alert('{tag}')</script>"


class Doc(HTMLParser):
    """The tags with their attribute names, the texts and the attribute values of a document."""

    def __init__(self, doc: str) -> None:
        super().__init__(convert_charrefs=True)
        self.shape: list[tuple[str, tuple[str, ...]]] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[str] = []
        self.feed(doc)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.shape.append((tag, tuple(name for name, _ in attrs)))
        self.tags.append((tag, dict(attrs)))
        self.texts.extend(v for _, v in attrs if v)

    handle_startendtag = handle_starttag

    def handle_data(self, data):
        self.texts.append(data)

    def shown(self, text: str) -> bool:
        return any(text in chunk for chunk in self.texts)


def replace_texts(value: Any, make, found: list[str]) -> Any:
    """``value`` with every text (and every None) replaced by ``make(i, old)``; Markup, the
    deliberately raw pieces, is kept."""
    if isinstance(value, Markup):
        return value
    if value is None or isinstance(value, str):
        found.append("" if value is None else value)
        return make(len(found) - 1, found[-1])
    if isinstance(value, dict):
        return {k: replace_texts(v, make, found) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return type(value)(replace_texts(v, make, found) for v in value)
    return value


def markup_pieces(value: Any) -> list[Markup]:
    if isinstance(value, Markup):
        return [value]
    if isinstance(value, dict):
        return [m for v in value.values() for m in markup_pieces(v)]
    if isinstance(value, list | tuple):
        return [m for v in value for m in markup_pieces(v)]
    return []


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return load_dataset()


@pytest.fixture(scope="module")
def contexts(ds) -> dict[str, dict[str, Any]]:
    # A link with notices, realism lines and both sensitivity maps: every part of the brief shows.
    ev = evaluate_link(f"{LINK}&zz=1", ds)
    return {lang: brief_context(ev, ds, lang, LINK) for lang in ("vi", "en")}


# --------------------------------------------------------------------------------------
# (1) Every field of the brief
# --------------------------------------------------------------------------------------
def _render_replaced(context: dict[str, Any], make) -> tuple[str, list[str]]:
    found: list[str] = []
    replaced = replace_texts(context, make, found)
    docs = [render_brief(replaced)]
    # The QR code's fallback text shows only when the link is too long for a QR code.
    docs.append(render_brief({**replaced, "qr": {**replaced["qr"], "svg": None}}))
    return "\n".join(docs), found


def _payload(i: int, old: str) -> str:
    return hostile_url(i) if old.startswith(("http://", "https://")) else hostile(i)


def _harmless(i: int, old: str) -> str:
    return f"https://ok.example/{i}" if old.startswith(("http://", "https://")) else f"field {i}"


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_field_of_the_brief_is_shown_as_text(contexts, lang):
    evil_doc, found = _render_replaced(contexts[lang], _payload)
    assert len(found) > 150, "the context holds every text of the brief"
    parsed = Doc(evil_doc)
    missing = [i for i, old in enumerate(found) if not parsed.shown(_payload(i, old))]
    assert not missing, f"fields not shown as text: {[found[i][:40] for i in missing]}"
    # Not one tag or attribute more than with harmless texts.
    assert parsed.shape == Doc(_render_replaced(contexts[lang], _harmless)[0]).shape
    for i, old in enumerate(found):
        assert _payload(i, old) not in evil_doc, "each payload is escaped"
    for tag, attrs in parsed.tags:
        href = attrs.get("href")
        assert href is None or href.startswith("https://"), (tag, href)
        assert not any(ON_ATTR.match(name) for name in attrs), (tag, attrs)


def test_the_raw_pieces_are_only_plotly_and_the_qr_code(contexts):
    raw = markup_pieces(contexts["en"])
    assert raw[0] == plotly_js()
    assert sum('class="plotly-graph-div"' in m for m in raw) == 3  # headline + two sensitivity maps
    assert sum(m.startswith("<svg") for m in raw) == 1  # the QR code
    assert len(raw) == 5


def test_an_address_that_is_not_http_is_never_a_link(contexts):
    found: list[str] = []
    replaced = replace_texts(
        contexts["en"],
        lambda i, old: "javascript:alert(1)" if old.startswith("http") else f"data:text/html,<b>{i}",
        found,
    )
    parsed = Doc(render_brief(replaced))
    assert not [a for tag, a in parsed.tags if tag == "a"]
    assert parsed.shown("javascript:alert(1)")


# --------------------------------------------------------------------------------------
# (2) Realistic carriers, end to end
# --------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def evil_ds(ds) -> Dataset:
    """Hostile source texts and indicator names, one source address a script, one an http
    address with a hostile query; plus a planner's uploaded 2025 share with a hostile note."""
    sources = ds.sources
    for col in ("title", "published", "accessed"):
        sources[col] = [hostile(f"{col}-{i}") for i in range(len(sources))]
    sources["publisher"] = [FORMULA + hostile(f"publisher-{i}") for i in range(len(sources))]
    sources["url"] = [
        "javascript:alert(2)" if i % 2 else hostile_url(f"url-{i}") for i in range(len(sources))
    ]
    codebook = ds.codebook
    codebook["name_vi"] = [hostile(f"name_vi-{i}") for i in range(len(codebook))]
    codebook["name_en"] = [hostile(f"name_en-{i}") for i in range(len(codebook))]
    evil = Dataset(ds.indicators, ds.targets, sources, codebook, ds.version)
    rows = pd.DataFrame(
        {
            "indicator_id": ["de_share"],
            "geo": ["QN"],
            "year": [2025],
            "value": [9.4],
            "note": [hostile("note")],
        }
    )
    return evil.with_rows(rows)


@pytest.fixture(scope="module")
def evil_ev(evil_ds):
    ev = evaluate_link(HOSTILE_LINK, evil_ds)
    assert any(LINK_KEY in render(n, "en") for n in ev.notices), "the link's key is echoed in a notice"
    return ev


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_brief_shows_hostile_data_and_links_as_text(evil_ds, evil_ev, lang):
    doc = build_brief(evil_ev, evil_ds, lang, HOSTILE_LINK)
    body = doc.split("</head>", 1)[1]
    parsed = Doc(body)
    # Only plotly's drawing calls (one per chart) are scripts; nothing the payloads try is a tag.
    charts = body.count('class="plotly-graph-div"')
    assert charts >= 2 and [tag for tag, _ in parsed.tags].count("script") == charts
    assert not {"img", "textarea", "iframe", "object", "embed"} & {tag for tag, _ in parsed.tags}
    for tag, attrs in parsed.tags:
        assert not any(ON_ATTR.match(name) for name in attrs), (tag, attrs)
        href = attrs.get("href")
        assert href is None or href.startswith(("http://", "https://")), (tag, href)
    assert "<script>alert(" not in body and "</textarea>" not in body
    assert parsed.shown(LINK_KEY), "the link's key is shown, as text"
    assert parsed.shown(HOSTILE_LINK)
    assert parsed.shown(hostile("title-0")) and parsed.shown(FORMULA + hostile("publisher-0"))
    assert any(parsed.shown(hostile(f"name_{lang}-{i}")) for i in range(len(evil_ds.codebook)))
    assert parsed.shown(hostile_url("url-0"))
    assert hostile("note") not in doc  # a row's note is not part of the brief
    # The charts' PNG download is named from the chart title: ASCII letters, digits and dashes.
    names = re.findall(r'"filename": "([^"]*)"', body)
    assert len(names) == charts and all(re.fullmatch(r"[A-Za-z0-9-]+", n) for n in names)


def _text_cells(values) -> list[str]:
    """The non-empty text cells (a CSV's numbers are text too: they are left out)."""
    return [v for v in values if isinstance(v, str) and v and not parses_as_number(v)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_csv_cells_are_text_never_formulas(evil_ds, evil_ev, lang):
    data = to_csv(evil_ev, evil_ds, lang, HOSTILE_LINK)
    cells = _text_cells(c for row in csv.reader(io.StringIO(data.decode("utf-8-sig"))) for c in row)
    assert not [c for c in cells if c.startswith(FORMULA_PREFIXES)]
    assert HOSTILE_LINK in cells, "the link reads back whole"
    assert hostile("title-0") in cells and "'" + FORMULA + hostile("publisher-0") in cells
    assert any(LINK_KEY in c for c in cells)
    assert hostile_url("url-0") in cells and "javascript:alert(2)" not in data.decode("utf-8-sig")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_xlsx_cells_are_text_never_formulas(evil_ds, evil_ev, lang):
    book = openpyxl.load_workbook(io.BytesIO(to_xlsx(evil_ev, evil_ds, lang, HOSTILE_LINK)))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    texts = _text_cells(c.value for c in cells)
    assert not [v for v in texts if v.startswith(FORMULA_PREFIXES)]
    assert hostile("title-0") in texts and HOSTILE_LINK in texts
    assert "'" + FORMULA + hostile("publisher-0") in texts
    assert not [c for c in cells if c.hyperlink and not c.hyperlink.target.startswith("http")]


def test_json_keeps_hostile_text_as_data(capsys):
    assert main(["evaluate", HOSTILE_LINK, "--json"]) == 0
    out = capsys.readouterr().out
    doc = json.loads(out)
    warnings = " ".join(w["message"] for w in doc["warnings"])
    assert LINK_KEY in warnings and "{{7*7}}" in warnings, "the text comes back exactly"
    assert json.dumps(LINK_VALUE, ensure_ascii=False)[1:-1] in out, "its quote escaped by JSON"
