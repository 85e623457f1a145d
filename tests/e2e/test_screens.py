"""The screens a planner meets the app on, measured in the page (geometry, not pixels).

Office laptops (1366×768, 1280×720), the meeting-room projector (``present=1`` at 1024×768,
1280×720 and 1920×1080), a large monitor (1920×1080) and the phone the meeting view's QR code
opens (390×844), in both languages:

- the scenario page's first screen holds the 2030 verdict, the 2026–2030 digital-economy growth
  slider and the chart's target markers (bounding boxes against the viewport);
- no two texts of a plotly chart overlap and none runs outside the chart (pairwise bounding boxes
  of the chart's SVG texts);
- no page scrolls sideways, no metric value or button label is cut (``scrollWidth`` against
  ``clientWidth``), metric values stay on one line;
- the meeting view: the 2030 verdict on the first screen, the chart at least half the screen
  wide, a QR module at least 4 px, slides advanced from the keyboard (a presenter's clicker
  sends PageDown/PageUp);
- the phone: sidebar closed, one column, the chart's plot area most of the width;
- slider values in the language's number format.

Every test writes a screenshot of what it measured to ``test-artifacts/screens/``, and each page
× language its whole page, 1600 px wide, to ``test-artifacts/screenshots/`` (from the same load:
the router ran, no exception shown, the language kept in the link).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import parse_qsl, urlencode, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from qn_model.core.messages import LANGS
from qn_model.i18n.formats import fmt_pct, t
from tests.e2e.helpers import ROOT, charts_drawn, growth_slider, metric_value, new_tab, settle

pytestmark = pytest.mark.e2e
SHOTS = ROOT / "test-artifacts" / "screens"
FULL_SHOTS = ROOT / "test-artifacts" / "screenshots"  # whole pages, 1600 px wide
SIDEBAR_CONTROLS = '[data-testid="stSidebar"] [data-testid="stSelectbox"]'
LABEL = '[data-testid="stWidgetLabel"], .qn-label'  # a slider's label: Streamlit's or the live one's

LAPTOPS = [(1366, 768), (1280, 720)]
MONITOR = (1920, 1080)
MEETING = [(1024, 768), (1280, 720), (1920, 1080)]
PHONE = (390, 844)
PAGES = ["", "scenario", "history", "peers", "trends", "compare", "mydata", "method", "present"]
CHART_PAGES = ["", "scenario", "history", "peers", "trends", "compare", "present"]

# Every text plotly draws inside a chart (hover labels excepted: they float over it on purpose).
CHART_TEXTS = """(chart) => {
  const svg = chart.querySelector('.main-svg').getBoundingClientRect();
  const sel = ['.gtitle', '.g-xtitle text', '.g-ytitle text', '.xtick text', '.ytick text',
               '.legendtext', '.textpoint text', '.annotation-text', '.colorbar text'];
  const boxes = [];
  for (const el of chart.querySelectorAll(sel.join(','))) {
    if (el.closest('.hoverlayer')) continue;
    const r = el.getBoundingClientRect();
    const text = (el.textContent || '').trim();
    if (!text || r.width < 1 || r.height < 1) continue;
    const style = getComputedStyle(el);
    if (style.display === 'none' || style.visibility === 'hidden' || style.opacity === '0') continue;
    boxes.push({text, cls: el.getAttribute('class') || el.parentNode.getAttribute('class'),
                l: r.left, t: r.top, r: r.right, b: r.bottom});
  }
  return {svg: {l: svg.left, t: svg.top, r: svg.right, b: svg.bottom}, boxes};
}"""


def _overlap(a: dict, b: dict, tol: float = 1.0) -> bool:
    return min(a["r"], b["r"]) - max(a["l"], b["l"]) > tol and min(a["b"], b["b"]) - max(a["t"], b["t"]) > tol


def chart_text_problems(page: Page) -> list[str]:
    """Pairs of overlapping texts and texts outside their chart, for every plotly chart shown."""
    problems = []
    for i, chart in enumerate(page.locator(".js-plotly-plot").all()):
        if not chart.is_visible():
            continue
        problems += _text_problems(chart.evaluate(CHART_TEXTS), f"chart {i}")
    return problems


# The live scenario's chart (qn_ui/live): every text of its SVG but the hover's.
LIVE_TEXTS = """(svg) => {
  const box = svg.getBoundingClientRect();
  const boxes = [];
  for (const el of svg.querySelectorAll('text')) {
    const r = el.getBoundingClientRect();
    const text = (el.textContent || '').trim();
    if (!text || r.width < 1 || r.height < 1) continue;
    boxes.push({text, cls: el.getAttribute('class') || el.parentNode.getAttribute('class'),
                l: r.left, t: r.top, r: r.right, b: r.bottom});
  }
  return {svg: {l: box.left, t: box.top, r: box.right, b: box.bottom}, boxes};
}"""


def live_chart_problems(page: Page) -> list[str]:
    """:func:`chart_text_problems` for the live scenario's SVG chart."""
    problems = []
    for chart in page.locator('[data-testid="qn-live-chart"] svg').all():
        problems += _text_problems(chart.evaluate(LIVE_TEXTS), "live chart")
    return problems


def _text_problems(found: dict, where: str) -> list[str]:
    """Texts of one chart (``found``: its svg box and its texts' boxes) that run outside it or
    overlap one another."""
    svg, boxes = found["svg"], found["boxes"]
    problems = []
    for box in boxes:
        if (
            box["l"] < svg["l"] - 1
            or box["r"] > svg["r"] + 1
            or box["t"] < svg["t"] - 1
            or box["b"] > svg["b"] + 1
        ):
            problems.append(f"{where}: {box['text']!r} ({box['cls']}) runs outside the chart")
    for j, a in enumerate(boxes):
        for b in boxes[j + 1 :]:
            if _overlap(a, b):
                problems.append(f"{where}: {a['text']!r} ({a['cls']}) overlaps {b['text']!r} ({b['cls']})")
    return problems


def sideways(page: Page) -> list[str]:
    """Scrolling containers (the document and Streamlit's main section) wider than the screen."""
    return page.evaluate(
        """() => [document.documentElement, document.body,
                  document.querySelector('[data-testid="stMain"]'),
                  document.querySelector('[data-testid="stAppViewContainer"]')]
                 .filter(Boolean)
                 .filter(e => e.scrollWidth > e.clientWidth + 1)
                 .map(e => `${e.tagName}.${e.getAttribute('data-testid') || ''}: ${e.scrollWidth} > ${e.clientWidth}`)"""
    )


def cut_texts(page: Page) -> list[str]:
    """Metric values, labels and button labels cut (ellipsis or overflow) or metric values
    wrapped onto a second line."""
    return page.evaluate(
        """() => {
          const out = [];
          const sel = '[data-testid="stMain"] [data-testid="stMetricValue"],' +
                      '[data-testid="stMain"] [data-testid="stMetricLabel"] p,' +
                      '[data-testid="stMain"] [data-testid="stMetricDelta"],' +
                      '[data-testid="stMain"] button p';
          for (const el of document.querySelectorAll(sel)) {
            if (!el.offsetParent) continue;  // hidden
            const text = el.textContent.trim();
            if (el.scrollWidth > el.clientWidth + 1) out.push(`cut: ${text}`);
          }
          for (const el of document.querySelectorAll('[data-testid="stMain"] [data-testid="stMetricValue"]')) {
            if (!el.offsetParent) continue;
            const lh = parseFloat(getComputedStyle(el).fontSize) * 1.6;
            if (el.getBoundingClientRect().height > lh) out.push(`two lines: ${el.textContent.trim()}`);
          }
          return out;
        }"""
    )


def shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=SHOTS / f"{name}.png")


@pytest.fixture
def screen(shared_context: BrowserContext, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A page with the viewport of ``request.param`` (width, height)."""
    with new_tab(shared_context, request.param) as page:
        yield page


def open_page(page: Page, server: str, path: str, lang: str, **extra: str) -> None:
    page.goto(f"{server}/{path}?{urlencode({'lang': lang, **extra})}")
    settle(page, None)
    # A drawn text, not the first in the DOM: the meeting view's first is its style block (0 px high).
    text = page.locator('[data-testid="stMain"] [data-testid="stMarkdownContainer"]').filter(visible=True)
    expect(text.first).to_be_visible()
    charts_drawn(page)
    settle(page, None)
    page.wait_for_timeout(400)  # the chart's second pass at the measured width
    body = page.locator("body").inner_text()
    assert "Traceback" not in body and t("unexpected_error", lang) not in body


def size_id(size: tuple[int, int]) -> str:
    return f"{size[0]}x{size[1]}"


def slider_box(page: Page, label: str, nth: int) -> Locator:
    """The whole slider widget (label, track) whose label holds ``label`` (see ``growth_slider``)."""
    return (
        page.locator('[data-testid="stSlider"], .qn-control')
        .filter(has=page.locator(f"{LABEL}", has_text=label))
        .nth(nth)
    )


def in_view(page: Page, box: dict | None) -> bool:
    vp = page.viewport_size
    return (
        bool(box)
        and box["y"] >= 0
        and box["y"] + box["height"] <= vp["height"]
        and box["x"] >= 0
        and (box["x"] + box["width"] <= vp["width"])
    )


# --- every page, laptop and phone: no sideways scroll, chart texts apart, screenshots --------------


# Widest first: narrowing the window to a phone's width collapses Streamlit's sidebar, as a
# phone's first load does (checked below); each size is measured after the page has drawn again.
FIT_SIZES = [MONITOR, *LAPTOPS, PHONE]


def redrawn(page: Page) -> None:
    """After a resize: every chart drawn again at the new width (plotly's second pass, the live
    chart's ResizeObserver) and the sidebar's collapse animation over."""
    charts_drawn(page)
    settle(page, None)
    page.wait_for_timeout(400)


def _full_height(page: Page) -> int:
    return page.evaluate(
        """() => Math.max(1000, ...['stMain', 'stSidebarContent']
              .map(id => document.querySelector(`[data-testid="${id}"]`))
              .filter(Boolean).map(e => e.scrollHeight))"""
    )


def whole_page_shot(page: Page, name: str) -> None:
    """The whole page at 1600 px for a person to look at (``test-artifacts/screenshots``).
    Streamlit scrolls inside its main section, not the document: the viewport grows to the
    content so that the "full page" really is the whole page."""
    page.set_viewport_size({"width": 1600, "height": _full_height(page)})
    redrawn(page)
    FULL_SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=FULL_SHOTS / f"{name}.png", full_page=True)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p or "overview")
def test_page_fits_the_screen(server: str, shared_context: BrowserContext, path: str, lang: str) -> None:
    """Each page loaded once, at the monitor's size, then measured at every screen of
    ``FIT_SIZES`` (a page load per size took a quarter of the suite's time, issue 25); first,
    the router ran (the shared controls in the sidebar), no exception is shown, the language
    stays in the link, and the whole page is photographed."""
    first = FIT_SIZES[0]
    with new_tab(shared_context, first) as page:
        open_page(page, server, path, lang)
        expect(page.locator(SIDEBAR_CONTROLS).first).to_be_visible()
        assert page.locator('[data-testid="stException"]').count() == 0
        whole_page_shot(page, f"{path or 'overview'}-{lang}")
        assert dict(parse_qsl(urlsplit(page.url).query)).get("lang", "vi") == lang
        page.set_viewport_size({"width": first[0], "height": first[1]})
        redrawn(page)
        problems: dict[str, dict[str, list[str]]] = {}
        for size in FIT_SIZES:
            if size != first:
                page.set_viewport_size({"width": size[0], "height": size[1]})
                redrawn(page)
            if size == PHONE:  # as a phone's first load has it
                expect(page.locator('[data-testid="stSidebar"]')).to_have_attribute("data-collapsed", "true")
            shot(page, f"{path or 'overview'}-{lang}-{size_id(size)}")
            found = {"sideways": sideways(page), "cut": cut_texts(page)}
            if path in CHART_PAGES:
                found |= {"chart texts": chart_text_problems(page), "live chart": live_chart_problems(page)}
            if any(found.values()):
                problems[size_id(size)] = {k: v for k, v in found.items() if v}
        assert problems == {}


# --- the scenario page's first screen ---------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", [*LAPTOPS, MONITOR], ids=size_id, indirect=True)
def test_scenario_verdict_slider_and_targets_share_the_first_screen(
    server: str, screen: Page, lang: str
) -> None:
    page = screen
    open_page(page, server, "scenario", lang)
    metric = page.locator('[data-testid="stMetric"], .qn-metric').filter(
        has_text=t("share_in_year", lang, year=2030)
    )
    slider = slider_box(page, t("de_growth_pct", lang), nth=1)
    assert in_view(page, metric.bounding_box()), metric.bounding_box()
    assert in_view(page, slider.bounding_box()), slider.bounding_box()
    targets = page.locator('[data-testid="stPlotlyChart"] .textpoint text, .qn-target-label').all()
    assert len(targets) >= 2
    for label in targets:
        assert in_view(page, label.bounding_box()), (label.text_content(), label.bounding_box())


def test_scenario_sensitivity_map_texts_apart(server: str, shared_context: BrowserContext) -> None:
    """The heatmap (a detail of the scenario page): colour bar, axes and legend apart."""
    for width, height in (LAPTOPS[0], PHONE):
        with new_tab(shared_context, (width, height)) as page:
            open_page(page, server, "scenario", "vi")
            page.get_by_text(t("detail_sensitivity", "vi"), exact=True).click()
            # The map is the page's one plotly chart: the scenario's chart is the live component's.
            expect(page.locator('[data-testid="stPlotlyChart"]')).to_have_count(1)
            expect(page.locator('[data-testid="qn-live-chart"]')).to_have_count(1)
            charts_drawn(page)
            settle(page, None)
            page.wait_for_timeout(400)
            page.locator('[data-testid="stPlotlyChart"]').nth(0).scroll_into_view_if_needed()
            shot(page, f"scenario-sensitivity-vi-{width}x{height}")
            assert chart_text_problems(page) == []
            assert sideways(page) == []


# --- the meeting view -------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", MEETING, ids=size_id, indirect=True)
def test_meeting_view_fits_the_projector(server: str, screen: Page, lang: str) -> None:
    page = screen
    open_page(page, server, "scenario", lang, present="1")
    vp = page.viewport_size
    shot(page, f"present-{lang}-{vp['width']}x{vp['height']}")
    assert sideways(page) == []
    assert cut_texts(page) == []
    assert chart_text_problems(page) == []
    assert live_chart_problems(page) == []
    chart = page.locator('[data-testid="stPlotlyChart"], [data-testid="qn-live-chart"]').first.bounding_box()
    assert chart["width"] >= vp["width"] / 2, chart
    # The verdict still open (2030), the one the meeting decides, on the first screen: its target,
    # its coloured word and its value with the margin (the sentence under them may run on below).
    # It is the live component's (qn_ui/live): the line names the target.
    box = page.locator('[data-testid="qn-verdict-2030"]')
    for part in (box.locator(".qn-line"), box.locator(".qn-badge"), box.locator(".qn-metric")):
        assert part.count() == 1
        assert in_view(page, part.bounding_box()), part.bounding_box()
    # The QR code: scannable from a few metres, a module at least 4 px (drawn 10 px a module).
    qr = page.locator('[data-testid="stImage"] img').first
    natural, shown = qr.evaluate("img => [img.naturalWidth, img.getBoundingClientRect().width]")
    assert shown / natural * 10 >= 4, (natural, shown)
    # The rates line under the title and the growth figures stay whole words on one line each.
    for rate in page.locator('[class*="st-key-pvrate_"] p').all():
        box = rate.bounding_box()
        size = float(rate.evaluate("e => parseFloat(getComputedStyle(e).fontSize)"))
        assert box["height"] < 1.6 * size, rate.text_content()


@pytest.mark.parametrize("screen", [MEETING[0]], ids=size_id, indirect=True)
def test_meeting_view_keys_advance_slides(server: str, screen: Page) -> None:
    """A presenter's clicker sends PageDown/PageUp; the keyboard's arrows do the same."""
    page = screen
    open_page(page, server, "scenario", "en", present="1")
    title = page.locator(".st-key-present_title")
    expect(title).to_contain_text(re.compile(r"^1/\d"))
    page.mouse.click(5, 400)  # focus on the page, not a widget
    for key, expected in (("PageDown", "2/"), ("ArrowRight", "3/"), ("PageUp", "2/"), ("ArrowLeft", "1/")):
        page.keyboard.press(key)
        expect(title).to_contain_text(re.compile(rf"^{re.escape(expected)}\d"))
        settle(page, None)


# --- the phone --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", ["", "scenario"], ids=["overview", "scenario"])
@pytest.mark.parametrize("screen", [PHONE], ids=size_id, indirect=True)
def test_phone_one_column_sidebar_closed_wide_plot(server: str, screen: Page, path: str, lang: str) -> None:
    page = screen
    open_page(page, server, path, lang)
    sidebar = page.locator('[data-testid="stSidebar"]')
    expect(sidebar).to_have_attribute("data-collapsed", "true")
    # One column: every column of the main section starts at the same left edge.
    lefts = {
        round(c.bounding_box()["x"])
        for c in page.locator('[data-testid="stMain"] [data-testid="stColumn"]').all()
    }
    assert len(lefts) <= 1, lefts
    plot = page.locator('[data-testid="stPlotlyChart"] .nsewdrag, .qn-plot-area').first.bounding_box()
    assert plot["width"] >= 0.6 * page.viewport_size["width"], plot


# --- numbers on the sliders -------------------------------------------------------------------


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("screen", [LAPTOPS[0]], ids=size_id, indirect=True)
def test_slider_values_in_the_language_format(server: str, screen: Page, lang: str) -> None:
    """Streamlit formats a slider's thumb with printf (``11.9%`` in Vietnamese too): the thumb's
    number is hidden and the value shown, formatted for the language, in the slider's label."""
    page = screen
    open_page(page, server, "scenario", lang, gd2="11.9")
    box = slider_box(page, t("de_growth_pct", lang), nth=1)
    expect(box.locator(LABEL)).to_contain_text(fmt_pct(11.9, lang))
    for number in page.locator('[data-testid="stSliderThumbValue"], [data-testid="stSliderTickBar"]').all():
        expect(number).to_be_hidden()
    thumb = growth_slider(page, t("de_growth_pct", lang), nth=1)
    thumb.focus()
    thumb.press("ArrowRight")
    expect(box.locator(LABEL)).to_contain_text(fmt_pct(12.0, lang))
    expect(metric_value(page, t("share_in_year", lang, year=2030))).to_be_visible()
