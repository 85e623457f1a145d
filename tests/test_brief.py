"""The HTML brief: self-contained (plotly.js once, nothing from the network), in one language,
escaped, printable; and the QR codes it carries."""

from __future__ import annotations

import html
import json
from datetime import datetime
from html.parser import HTMLParser

import pandas as pd
import pytest

from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import evaluate_link
from qn_model.i18n.formats import fmt_pct, fmt_prob, t
from qn_model.outputs.brief import PLOTLY_MARKER, build_brief, plotly_js
from qn_model.outputs.exports import kind_label
from qn_model.outputs.qr import qr_png, qr_svg

QUERY = "gd2=40&t2=30"
LINK = "http://127.0.0.1:8501/scenario?" + QUERY
WHEN = datetime(2026, 3, 5, 9, 30)


class Tags(HTMLParser):
    """Every start tag with its attributes (script and style bodies are not parsed as tags)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


def parse(doc: str) -> Tags:
    p = Tags()
    p.feed(doc)
    p.close()
    return p


def external_loads(doc: str) -> list[str]:
    """Addresses the page would fetch by itself (an ``<a href>`` is only followed on a click)."""
    loads = []
    for tag, attrs in parse(doc).tags:
        for name in ("src", "href", "data", "srcset", "poster", "action"):
            value = (attrs.get(name) or "").strip().lower()
            if not value or (tag == "a" and name == "href"):
                continue
            if value.startswith(("http:", "https:", "//", "ftp:")) or "://" in value:
                loads.append(f"<{tag} {name}={value}>")
    return loads


@pytest.fixture(scope="module")
def ev(ds):
    return evaluate_link(LINK, ds)


@pytest.fixture(scope="module")
def briefs(ev, ds) -> dict[str, str]:
    return {lang: build_brief(ev, ds, lang, LINK, generated=WHEN) for lang in ("vi", "en")}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_plotly_is_inlined_exactly_once(briefs, lang):
    doc = briefs[lang]
    assert plotly_js().count(PLOTLY_MARKER) == 1
    assert doc.count(PLOTLY_MARKER) == 1
    scripts = [a for tag, a in parse(doc).tags if tag == "script"]
    assert all("src" not in a for a in scripts), "no script is loaded from a file or the network"
    assert doc.count('class="plotly-graph-div"') == 3  # headline + sensitivity 2030 and 2025
    assert doc.count("Plotly.newPlot(") == 3


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_nothing_is_loaded_from_the_network(briefs, lang):
    doc = briefs[lang]
    assert external_loads(doc) == []
    assert 'src="http' not in doc.split("<script", 1)[0]
    tags = parse(doc).tags
    assert not [a for tag, a in tags if tag == "link"], "no stylesheet or font link"
    csp = next(a["content"] for tag, a in tags if tag == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp and "connect-src 'none'" in csp
    # source links are plain anchors, fine to follow by hand
    assert any(tag == "a" and (a.get("href") or "").startswith("https://") for tag, a in tags)


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_verdicts_numbers_and_words_in_the_language(briefs, ev, lang):
    doc = briefs[lang]
    text = html.unescape(doc)
    assert f'<html lang="{lang}">' in doc
    assert t("brief_title", lang) in text and t("app_title", lang) in text
    for v in ev.verdicts:
        assert fmt_pct(v.value_pct, lang) in text
        assert fmt_pct(v.target_pct, lang) in text
        assert fmt_pct(v.required_de_growth_pct, lang) in text
        assert f"{t('probability', lang)}" in text
        assert fmt_prob(v.probability, lang) in text
    v30 = ev.verdicts[1]
    other = "en" if lang == "vi" else "vi"
    assert fmt_pct(v30.value_pct, other) not in text, "numbers are formatted for this language only"
    for key in ("verdicts_header", "brief_assumptions_header", "path_header", "brief_sources_header"):
        assert t(key, lang) in text
        assert t(key, other) not in text


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_link_qr_version_and_dates(briefs, ds, lang):
    doc = briefs[lang]
    assert qr_svg(LINK, scale=3, title=t("brief_qr_title", lang)) in doc
    assert f'href="{html.escape(LINK)}"' in doc
    assert ds.version in doc
    src = ds.source(ds.row("de_share", "QN", 2024)["source_id"])
    assert html.escape(src["accessed"]) in doc
    assert "2026" in doc  # the date it was made


def test_print_css_for_a4(briefs):
    doc = briefs["en"]
    assert "@page { size: A4" in doc and "@media print" in doc
    assert "break-inside: avoid" in doc and "display: table-header-group" in doc
    assert "break-before: page" in doc
    css = doc.split("<style>", 1)[1].split("</style>", 1)[0]
    assert "zoom:" in css  # charts drawn 900 px wide are scaled to the A4 text width


def test_chart_png_settings(briefs):
    body = briefs["vi"].split("</head>", 1)[1]
    configs = [json.loads(part.split("}", 1)[0] + "}") for part in body.split('"toImageButtonOptions": ')[1:]]
    assert len(configs) == 3
    for cfg in configs:
        assert (cfg["width"], cfg["height"]) == (1920, 1080)
        assert cfg["filename"].isascii() and cfg["filename"].startswith("Ty-trong")


def test_deterministic_for_a_given_date(ev, ds, briefs):
    assert build_brief(ev, ds, "vi", LINK, generated=WHEN) == briefs["vi"]


def test_text_is_escaped(ds):
    sources = ds.sources
    sid = ds.row("de_share", "QN", 2024)["source_id"]
    sources.loc[sources["source_id"] == sid, "title"] = "<script>alert(1)</script>"
    sources.loc[sources["source_id"] == sid, "url"] = "javascript:alert(2)"
    evil = Dataset(ds.indicators, ds.targets, sources, ds.codebook, ds.version)
    ev = evaluate_link("gd2=40&<img src=x onerror=alert(3)>=1", evil)
    assert ev.notices, "the unknown key is reported"
    doc = build_brief(ev, evil, "en", "javascript:alert(4)", generated=WHEN)
    body = doc.split("</head>", 1)[1]
    assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)" in body
    assert "<img" not in body and "&lt;img src" in body
    assert 'href="javascript:' not in doc
    scripts = [a for tag, a in parse(body).tags if tag == "script"]
    assert len(scripts) == 3  # only plotly's own drawing calls


def test_user_rows_are_marked(ds):
    rows = pd.DataFrame({"indicator_id": ["de_share"], "geo": ["QN"], "year": [2025], "value": [9.4]})
    user_ds = ds.with_rows(rows)
    ev = evaluate_link("base=2025", user_ds)
    doc = build_brief(ev, user_ds, "vi", LINK, generated=WHEN)
    assert doc.count('<tr class="user">') >= 4  # path, assumptions, targets, sources
    assert kind_label("user", "vi") in html.unescape(doc)
    assert t("brief_user_note", "vi") in html.unescape(doc)
    assert '<tr class="user">' not in build_brief(evaluate_link(LINK, ds), ds, "vi", LINK, generated=WHEN)


def test_qr_codes():
    svg = qr_svg(LINK)
    assert svg.startswith("<svg") and svg.endswith("</svg>") and "<?xml" not in svg
    assert qr_svg(LINK) == svg  # deterministic
    assert qr_svg(LINK, title="a<b").count("a&lt;b") == 1
    png = qr_png(LINK, scale=4)
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    assert len(qr_png(LINK, scale=8)) > len(png)
    with pytest.raises(ValueError, match="non-empty"):
        qr_svg("")
