"""Issue 22 in a browser: WCAG 2.1 AA on every page, screen and language.

- axe-core (npm ``axe-core``, pinned in ``tests/e2e/axe/package.json``, installed by ``make axe``)
  on every page × language, each loaded once at 1366×768 and measured again at 1024×768 and
  390×844 after a resize, with the details a planner opens (every chart's numbers, the scenario's
  chart numbers, sensitivity map and project editor) open: zero violations of any impact, and the
  failure names the rule, the element and the screen;
- plotly draws its text in SVG, which axe does not check: every chart text's colour against what
  it is drawn on (the chart photographed with its texts hidden, the colour under each text read
  from the pixels), WCAG's ratio computed here: 4.5:1, 3:1 from 24 px (or 18.66 px bold);
- every chart carries a description naming its first and last value (read from the chart the
  browser draws), in the language shown;
- the document's ``lang`` follows the language switch;
- keyboard only: from the top of /scenario, Tab reaches the 2026–2030 digital-economy growth
  control within a few stops, arrows change it, the 2030 verdict sits in a polite live region;
  the meeting view's buttons and QR code are reachable and named; every stop shows its focus.

What depends on issue 21's growth component: :func:`growth_control` prefers a ``role=slider``
inside ``.st-key-w_gd2`` (the component's native range input, found through its shadow root by
Playwright) and the verdict at ``[data-testid="qn-verdict-2030"]``; until it lands, the same
locators find Streamlit's slider and the live region ``qn_ui/a11y.py`` puts on the verdict card.
"""

from __future__ import annotations

import io
import re
from collections import Counter
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PIL import Image
from playwright.sync_api import BrowserContext, Locator, Page, expect

from qn_model.core.messages import LANGS
from qn_model.i18n.formats import t
from qn_model.views.chart_text import value_text
from qn_model.views.palette import contrast
from qn_model.views.present import lang_button
from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.helpers import ROOT, charts_drawn, measured_quietly, new_tab, quiet, settle, wait_until

pytestmark = pytest.mark.e2e

AXE = ROOT / "tests" / "e2e" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "test-artifacts" / "a11y"
FIRST = (1366, 768)
RESIZED = [(1024, 768), (390, 844)]
PJ = "pj=2027:25,2029:40"
CMP = "cmp=current%2Cplan%2C%3Fgd2%3D40"
# (case id, path and query, what to open): "numbers" turns on every chart's numbers; a scenario
# detail ("chart", "sensitivity", "projects") is picked in the page's detail control, one at a time.
CASES = [
    ("overview", "", ["numbers"]),
    ("scenario", "scenario", ["chart", "sensitivity", "projects"]),
    ("history", "history", ["numbers"]),
    ("peers", "peers", ["numbers"]),
    ("trends", "trends", ["numbers"]),
    ("compare", "compare", ["numbers"]),
    ("mydata", "mydata", []),
    ("method", "method", []),
    ("present", "?present=1", []),
    ("scenario-projects-compare", f"scenario?{PJ}&{CMP}", ["projects", "chart"]),
    ("compare-selection", f"compare?{PJ}&{CMP}", ["numbers"]),
]

AXE_RUN = """async () => {
  const r = await axe.run(document, {resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.map(n => ({target: n.target.join(' '), html: n.html.slice(0, 160),
                              summary: (n.failureSummary || '').replace(/\\s+/g, ' ').slice(0, 240)}))}));
}"""


def _url(server: str, path: str, lang: str) -> str:
    sep = "&" if "?" in path else "?"
    return f"{server}/{path}{sep}lang={lang}"


def _wait(page: Page) -> None:
    # Every page and the meeting view have one h1: drawn, the run has started and sent the page.
    settle(page, '[data-testid="stMain"] h1')
    charts_drawn(page)
    quiet(page)  # plotly's resize to a new width runs after a frame


def axe_violations(page: Page, where: str) -> list[str]:
    """axe-core's violations on the page as it is, one line each: where, rule, impact, element."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        assert AXE.exists(), f"axe-core is not installed at {AXE}: run `make axe`"
        page.add_script_tag(path=str(AXE))
    lines = []
    for v in page.evaluate(AXE_RUN):
        for n in v["nodes"]:
            lines.append(f"{where}: {v['id']} ({v['impact']}) at {n['target']} {n['html']!r}: {n['summary']}")
    return lines


# --- plotly's SVG text: colour against what is under it -----------------------------------------------

HIDE_TEXT = "hide-chart-text"
TEXT_BOXES = """(chart) => {
  const box = chart.getBoundingClientRect();
  const out = [];
  for (const el of chart.querySelectorAll('svg text')) {
    if (el.closest('.hoverlayer') || el.closest('.modebar')) continue;
    const text = (el.textContent || '').trim();
    const r = el.getBoundingClientRect();
    if (!text || r.width < 1 || r.height < 1) continue;
    const s = getComputedStyle(el);
    if (s.display === 'none' || s.visibility === 'hidden' || s.opacity === '0') continue;
    out.push({text, fill: s.fill, fillOpacity: parseFloat(s.fillOpacity || '1'),
              size: parseFloat(s.fontSize), bold: parseInt(s.fontWeight || '400') >= 700,
              l: r.left - box.left, t: r.top - box.top, w: r.width, h: r.height});
  }
  return out;
}"""


def _rgb(css: str) -> tuple[int, int, int]:
    nums = [float(x) for x in re.findall(r"[\d.]+", css)[:3]]
    return int(nums[0]), int(nums[1]), int(nums[2])


CHART_KEY = """el => { const c = el.closest('[data-testid="stElementContainer"]');
  const k = c && [...c.classList].find(n => n.startsWith('st-key-')); return k ? k.slice(7) : ''; }"""


def chart_text_contrast(page: Page, where: str, done: set[str] | None = None) -> list[str]:
    """Every visible plotly text below WCAG's ratio against the colour drawn under it.

    ``done``: keys of the charts already checked on this screen (skipped, then added to)."""
    problems = []
    for i, chart in enumerate(page.locator(".js-plotly-plot").all()):
        if not chart.is_visible():
            continue
        if done is not None:
            key = chart.evaluate(CHART_KEY) or f"#{i}"
            if key in done:
                continue
            done.add(key)
        page.add_style_tag(content=f".{HIDE_TEXT} svg text {{ visibility: hidden !important; }}")
        boxes = chart.evaluate(TEXT_BOXES)
        drawn = Image.open(io.BytesIO(chart.screenshot(animations="disabled"))).convert("RGB")
        chart.evaluate(f"el => el.classList.add('{HIDE_TEXT}')")
        try:
            bare = Image.open(io.BytesIO(chart.screenshot(animations="disabled"))).convert("RGB")
        finally:
            chart.evaluate(f"el => el.classList.remove('{HIDE_TEXT}')")
        for b in boxes:
            box = (max(0, int(b["l"])), max(0, int(b["t"])), int(b["l"] + b["w"]), int(b["t"] + b["h"]))
            box = (box[0], box[1], min(bare.width, box[2]), min(bare.height, box[3]))
            if box[2] <= box[0] or box[3] <= box[1]:
                continue
            # What the text is drawn on: the chart without its texts, under the text's own pixels
            # (those that change when it is hidden), the colour most of them sit on.
            with_text, without = drawn.crop(box).get_flattened_data(), bare.crop(box).get_flattened_data()
            under = Counter(w for t_, w in zip(with_text, without, strict=True) if t_ != w)
            if not under:
                continue
            bg = "#{:02X}{:02X}{:02X}".format(*under.most_common(1)[0][0])
            r, g, bl = _rgb(b["fill"])
            fg = f"rgba({r},{g},{bl},{b['fillOpacity']})"
            ratio = contrast(fg, bg)
            large = b["size"] >= 24 or (b["bold"] and b["size"] >= 18.66)
            need = 3.0 if large else 4.5
            if ratio < need:
                problems.append(
                    f"{where}: chart {i} text {b['text']!r} {b['fill']} on {bg}: {ratio:.2f}:1 < {need}:1"
                )
    return problems


def contrast_after(page: Page, where: str, done: frozenset[str]) -> tuple[list[str], set[str]]:
    """:func:`chart_text_contrast` of the charts not in ``done``, and the keys then checked (a
    measure taken again starts from the same ``done``)."""
    checked = set(done)
    return chart_text_contrast(page, where, checked), checked


# --- opening the details ------------------------------------------------------------------------------


def open_numbers(page: Page, lang: str) -> None:
    """Every chart's "show the numbers" toggle on (each one redraws the page: found afresh)."""
    toggles = page.locator('[data-testid="stCheckbox"]').filter(has_text=t("chart_data", lang))
    for _ in range(toggles.count()):
        off = toggles.filter(has=page.locator("input:not(:checked)"))
        if not off.count():
            break
        off.first.locator("label").first.click()
        _wait(page)
    expect(toggles.filter(has=page.locator("input:not(:checked)"))).to_have_count(0)


def open_detail(page: Page, lang: str, detail: str) -> None:
    """The scenario page's detail ``detail`` picked in its detail control."""
    name = t(f"detail_{detail}", lang)
    page.locator('[data-testid="stButtonGroup"]').get_by_role("radio", name=name, exact=True).first.click()
    _wait(page)


def open_state(page: Page, lang: str, what: str) -> None:
    if what == "numbers":
        open_numbers(page, lang)
    else:
        open_detail(page, lang, what)


@pytest.fixture(scope="module")
def a11y_page(shared_context: BrowserContext) -> Iterator[Page]:
    """One tab for the whole matrix (a page load per page × language; resizes re-measure)."""
    with new_tab(shared_context, FIRST) as page:
        yield page


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("case", "path", "details"), CASES, ids=[c[0] for c in CASES])
def test_no_axe_violation(
    server: str, a11y_page: Page, case: str, path: str, details: list[str], lang: str
) -> None:
    page = a11y_page
    page.set_viewport_size({"width": FIRST[0], "height": FIRST[1]})
    page.goto(_url(server, path, lang))
    _wait(page)
    found: list[str] = []
    charts_done: dict[tuple[int, int], set[str]] = {}  # a chart's texts are checked once per screen
    states = [None, *details]
    for state in states:
        if state is not None:
            page.set_viewport_size({"width": FIRST[0], "height": FIRST[1]})
            _wait(page)
            open_state(page, lang, state)
        for size in [FIRST, *RESIZED]:
            if size != FIRST:
                page.set_viewport_size({"width": size[0], "height": size[1]})
                _wait(page)
            where = f"{case} {lang} {size[0]}×{size[1]}" + (f" +{state}" if state else "")
            found += measured_quietly(page, partial(axe_violations, page, where))
            done = charts_done.setdefault(size, set())
            problems, checked = measured_quietly(page, partial(contrast_after, page, where, frozenset(done)))
            found += problems
            done |= checked
    assert page.evaluate("document.documentElement.lang") == lang
    assert not found, f"{len(found)} accessibility violations:\n" + "\n".join(found)


# --- charts: a description naming the numbers ---------------------------------------------------------

CHART_DATA = """(el) => (el.data || []).map(tr => ({type: tr.type || 'scatter', name: tr.name || '',
  x: Array.from(tr.x || []), y: Array.from(tr.y || []), fill: tr.fill || '', mode: tr.mode || '',
  meta: tr.meta || '', yaxis: tr.yaxis || 'y', visible: tr.visible}))"""


def _suffix(chart: Locator, yaxis: str) -> str:
    name = "yaxis" + yaxis[1:]
    return chart.evaluate(f"el => ((el.layout || {{}})['{name}'] || {{}}).ticksuffix || ''")


@pytest.mark.parametrize("lang", LANGS)
def test_every_chart_describes_its_first_and_last_value(server: str, a11y_page: Page, lang: str) -> None:
    """On every page with charts, each chart has its description (before it, in the language
    shown) naming each line's first and last value as the chart the browser drew has them."""
    page = a11y_page
    page.set_viewport_size({"width": FIRST[0], "height": FIRST[1]})
    checked = 0
    for path in ["", "scenario", "history", "trends", "compare", "?present=1", f"scenario?{PJ}"]:
        page.goto(_url(server, path, lang))
        _wait(page)
        for chart in page.locator('[data-testid="stPlotlyChart"]').all():
            key = chart.evaluate(
                """el => [...el.closest('[data-testid="stElementContainer"]').classList]
                          .find(c => c.startsWith('st-key-')).slice(7)"""
            )
            desc = page.locator(f'.qn-chart-desc[data-qn-chart="{key}"]')
            expect(desc).to_have_count(1)
            assert desc.get_attribute("lang") == lang
            text = desc.text_content() or ""
            plot = chart.locator(".js-plotly-plot")
            for tr in plot.evaluate(CHART_DATA):
                if tr["type"] != "scatter" or tr["fill"] == "toself" or tr["mode"] == "text" or tr["meta"]:
                    continue
                if tr["name"] == "targets" or tr["visible"] in (False, "legendonly"):
                    continue
                pts = [
                    (x, y) for x, y in zip(tr["x"], tr["y"], strict=False) if x is not None and y is not None
                ]
                if not pts or not all(float(x).is_integer() for x, _ in pts):
                    continue
                suffix = _suffix(plot, tr["yaxis"])
                for x, y in (pts[0], pts[-1]):
                    value = value_text(float(y), lang, suffix)
                    assert f"{value}" in text and str(int(x)) in text, (path, key, tr["name"], value, text)
                    checked += 1
    assert checked >= 10  # the lines were found at all


@pytest.mark.parametrize("lang", LANGS)
def test_verdicts_a_list_and_peers_numbers_a_toggle_away(server: str, a11y_page: Page, lang: str) -> None:
    """/scenario: one list named as the verdicts, both verdicts its items, out of sight; /peers:
    each chart's numbers toggle turns on a table under it."""
    page = a11y_page
    page.set_viewport_size({"width": FIRST[0], "height": FIRST[1]})
    page.goto(_url(server, "scenario", lang))
    _wait(page)
    verdicts = page.get_by_role("list", name=t("a11y_verdicts", lang), exact=True)
    expect(verdicts).to_have_count(1)
    items = verdicts.get_by_role("listitem")
    expect(items).to_have_count(2)
    texts = items.all_text_contents()
    assert texts[0].split(":")[0].split(". ")[-1] == "2025" and "2030" in texts[1], texts
    # Read, not seen: its element is a clipped pixel (qn_ui/app.css).
    holder = verdicts.locator('xpath=ancestor::*[@data-testid="stElementContainer"][1]')
    box = holder.bounding_box()
    assert box is not None and box["height"] <= 1, box
    assert holder.evaluate("el => getComputedStyle(el).clipPath") == "inset(50%)"
    page.goto(_url(server, "peers", lang))
    _wait(page)
    charts = page.locator('[data-testid="stPlotlyChart"]')
    expect(charts).to_have_count(3)
    # The page's own three tables first: a grid is drawn once its code has loaded, so a count taken
    # at once could miss them.
    grids = page.locator('[data-testid="stDataFrame"]')
    expect(grids).to_have_count(3)
    open_numbers(page, lang)
    expect(grids).to_have_count(3 + 3)


# --- the document's language ----------------------------------------------------------------------------


def test_lang_follows_the_switch(server: str, a11y_page: Page) -> None:
    page = a11y_page
    page.set_viewport_size({"width": FIRST[0], "height": FIRST[1]})
    page.goto(f"{server}/history")
    _wait(page)
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').get_by_text(
        "English", exact=True
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).to_have_text(t("hist_title", "en"))
    page.locator('[data-testid="stSidebar"] [data-testid="stRadio"]').get_by_text(
        "Tiếng Việt", exact=True
    ).click()
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    # The meeting view's own switch, too.
    page.goto(f"{server}/?present=1")
    _wait(page)
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.get_by_role("button", name=lang_button("vi")).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


# --- keyboard only --------------------------------------------------------------------------------------

FOCUS_SHOWN = """() => {
  let el = document.activeElement;
  while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
  if (!el || el === document.body) return null;
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || (s.boxShadow && s.boxShadow !== 'none');
  return {ring, tag: el.tagName, role: el.getAttribute('role'), name: el.getAttribute('aria-label') || (el.textContent || '').trim().slice(0, 60)};
}"""


def growth_control(page: Page) -> Locator:
    """The 2026–2030 digital-economy growth control: the first role slider (digital economy before
    GRDP) inside the live component, ``.st-key-w_live_gd2`` (issue 21)."""
    return page.locator('[class*="st-key-w_live_gd2"]').get_by_role("slider").first


def _focused_is(locator: Locator) -> bool:
    return locator.evaluate(
        "el => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement)"
        " a = a.shadowRoot.activeElement; return a === el; }"
    )


def _slider_value(control: Locator) -> str:
    return control.get_attribute("aria-valuenow") or control.input_value()


MAX_STOPS = 4


def test_keyboard_reaches_and_moves_the_2030_growth(server: str, a11y_page: Page) -> None:
    page = a11y_page
    page.set_viewport_size({"width": FIRST[0], "height": FIRST[1]})
    page.goto(f"{server}/scenario")
    _wait(page)
    control = growth_control(page)
    expect(control).to_be_visible()
    page.locator("body").focus()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    stops = []
    for _ in range(MAX_STOPS):
        page.keyboard.press("Tab")
        shown = page.evaluate(FOCUS_SHOWN)
        stops.append(shown)
        assert shown and shown["ring"], f"focus not visible at stop {len(stops)}: {shown}"
        if shown["tag"] == "A" and shown["name"] == t("a11y_skip_growth", "vi"):
            page.keyboard.press("Enter")
            break
    assert _focused_is(control), f"the growth control not reached in {MAX_STOPS} stops: {stops}"
    assert page.evaluate(FOCUS_SHOWN)["ring"]
    # The 2030 verdict sits in a polite live region (issue 21's own, or the card's until then).
    live = page.locator('[aria-live="polite"], [role="status"]').filter(has_text="2030")
    expect(live.first).to_be_visible()
    said = live.first.text_content()
    before = _slider_value(control)
    page.keyboard.press("ArrowRight")
    wait_until(
        lambda: _slider_value(growth_control(page)) != before, TIMEOUT_MS / 1000, what="the arrow to move it"
    )
    settle(page, None)
    assert _focused_is(growth_control(page)), "the control lost the focus after a move"
    # What the region says changes with a move (so it is announced), in the same region: End,
    # the largest growth, changes the verdict's figures whatever one arrow step does to them.
    page.keyboard.press("End")
    wait_until(lambda: live.first.text_content() != said, TIMEOUT_MS / 1000, what="the verdict to change")


def test_meeting_view_by_keyboard(server: str, a11y_page: Page) -> None:
    """Previous / Next / language / exit and the QR code: each a Tab stop with a name, focus shown;
    the QR code's text alternative is the link it encodes."""
    page = a11y_page
    page.set_viewport_size({"width": 1024, "height": 768})
    page.goto(f"{server}/?present=1&gd2=20")
    _wait(page)
    qr = page.locator('[data-testid="stImage"] img').first
    alt = qr.get_attribute("alt") or ""
    link = re.search(r"https?://\S+", alt)
    assert link and "gd2=20" in link.group(0) and "present" not in link.group(0), alt
    wanted = {
        t("present_prev", "vi"),
        t("present_next", "vi"),
        lang_button("vi"),
        t("present_exit", "vi"),
    }
    seen: set[str] = set()
    qr_link = page.locator('[data-testid="stImageLink"]').first
    expect(qr_link).to_have_attribute("href", link.group(0))
    wanted.add(qr_link.get_attribute("aria-label") or "the QR code's link has no name")
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(60):
        page.keyboard.press("Tab")
        shown = page.evaluate(FOCUS_SHOWN)
        if shown is None:
            continue
        assert shown["ring"], f"focus not visible on {shown}"
        for name in wanted:
            if name in shown["name"]:
                seen.add(name)
        if wanted <= seen:
            break
    # Previous is disabled on the first slide (not a stop); it is named and reachable from the second.
    missing = wanted - seen - {t("present_prev", "vi")}
    assert not missing, f"not reached by Tab: {missing}"
    page.get_by_role("button", name=t("present_next", "vi")).focus()
    page.keyboard.press("Enter")
    settle(page, None)
    prev = page.get_by_role("button", name=t("present_prev", "vi"))
    expect(prev).to_be_enabled()
    prev.focus()
    assert page.evaluate(FOCUS_SHOWN)["ring"]


# --- screenshots as a projector shows them -------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
def test_projector_screenshots(server: str, a11y_page: Page, lang: str) -> None:
    """The meeting view at 1024×768, /history and /peers at 1366×768, written for a person to look
    at (``test-artifacts/a11y/``); the chart texts there pass the contrast check."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    page = a11y_page
    problems = []
    shots = (("?present=1", (1024, 768), "present"), ("history", (1366, 768), "history"))
    for path, size, name in (*shots, ("peers", (1366, 768), "peers")):
        page.set_viewport_size({"width": size[0], "height": size[1]})
        page.goto(_url(server, path, lang))
        _wait(page)
        if name != "present":  # the h1 can come before the charts: a shot of their skeleton
            expect(page.locator('[data-testid="stPlotlyChart"] .main-svg').first).to_be_visible()
            _wait(page)
        page.screenshot(path=Path(SHOTS / f"{name}-{lang}-{size[0]}x{size[1]}.png"))
        problems += measured_quietly(page, partial(chart_text_contrast, page, f"{name} {lang}"))
    assert not problems, "\n".join(problems)
