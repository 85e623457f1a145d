"""Tampered links on every page: the page renders, says what it ignored, executes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from qn_model.core.links import split_query
from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_link, parse_link
from qn_model.i18n.formats import fmt_pct
from qn_model.views.pages import PAGES
from tests.apptest import shown_metrics
from tests.hostile import tampered_links

LINKS = tampered_links(210)
APP = str(Path(__file__).resolve().parent.parent / "app.py")


def test_corpus_size_and_variety():
    assert len(LINKS) >= 200
    assert len(set(LINKS)) == len(LINKS)
    joined = "&".join(LINKS)
    for fragment in ("nan", "inf", "%3Cscript%3E", "lang=fr", "zzz=", "gy1=5&gy1=6"):
        assert fragment in joined


def run_link(link: str, page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120)
    for key, value in split_query(link):
        existing = at.query_params.get(key)
        at.query_params[key] = (
            [*existing, value]
            if isinstance(existing, list)
            else ([existing, value] if existing is not None else value)
        )
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page).run()
    return at


def no_unescaped_markup(at: AppTest) -> None:
    for el in [*at.warning, *at.markdown, *at.error, *at.info]:
        body = getattr(el, "value", "") or getattr(el, "body", "")
        assert "<script>" not in body
        assert "<img src=x" not in body


# Each page gets every link once across the chunks (7 pages × 210 links), in chunks so that
# pytest-xdist can spread them over both cores.
CHUNK = 30


@pytest.mark.slow
@pytest.mark.parametrize("page", [p.file for p in PAGES], ids=[p.url_path for p in PAGES])
@pytest.mark.parametrize("start", range(0, len(LINKS), CHUNK))
def test_tampered_links_render_with_a_notice(page, start):
    ds = load_dataset()
    for link in LINKS[start : start + CHUNK]:
        at = run_link(link, page)
        assert not at.exception, (link, at.exception)
        expected = evaluate_link(link, ds)
        if expected.notices:
            assert at.warning, f"no notice for {link!r} on {page}"
        no_unescaped_markup(at)
        if page in ("pages/overview.py", "pages/scenario.py"):
            # The scenario page shows 2030's verdict in the live component (its controls beside it).
            if page == "pages/scenario.py":
                values = sorted(shown_metrics(at).values())
            else:
                values = sorted(m.value for m in at.metric[:2])
            lang = parse_link(link, ds).lang
            assert values == sorted(fmt_pct(v.value_pct, lang) for v in expected.verdicts), link
