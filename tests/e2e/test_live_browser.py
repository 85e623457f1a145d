"""Issue 21 in a browser: the live scenario component answers its controls in the page, before
the server does, and the server's run after a release brings the URL, the fan and the probability.

Every expected number comes from the engine (``qn_model``) for the link the page shows.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode

import pytest
from playwright.sync_api import Page, expect

from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import evaluate_link, parse_link
from qn_model.i18n.formats import fmt_num, fmt_pct, fmt_prob, t
from qn_model.views import scenario as view
from qn_model.views.chart_text import describe, value_text
from qn_model.views.figures import figure_table
from qn_model.views.narrative import gap_text, short_verdict
from tests.e2e.conftest import TIMEOUT_MS
from tests.e2e.helpers import LIVE, LIVE_CHART, LIVE_VERDICT, ROOT, RUNNING, charts_drawn, settle, wait_until

pytestmark = pytest.mark.e2e
SCENARIO_LINE = f"{LIVE_CHART} path[data-series=scenario]"
# axe-core as tests/e2e/test_a11y.py installs it (``make axe``): the violations' rule ids.
AXE = ROOT / "tests" / "e2e" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_RUN = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations.map(v => v.id)"


def engine(query: str):
    return evaluate_link(query, load_dataset())


def live_query(page: Page) -> dict[str, str]:
    return dict(parse_qsl(page.evaluate("location.search").lstrip("?")))


def expected_verdict(query: str) -> tuple[str, str | None]:
    """The 2030 line the engine gives for ``query`` (as the app's verdict cards write it) and its
    gap in money."""
    ev, lang = engine(query), parse_link(query, load_dataset()).lang
    v = ev.verdicts[1]
    return short_verdict(v, ev.scenario, lang, with_gap=False), gap_text(v, lang)


def verdict_matches(page: Page, query: str) -> None:
    line, gap = expected_verdict(query)
    verdict = page.locator(LIVE_VERDICT)
    expect(verdict).to_contain_text(line)
    if gap:
        expect(verdict).to_contain_text(gap[:1].upper() + gap[1:])


def open_live(page: Page, server: str, query: str, path: str = "scenario") -> None:
    page.goto(f"{server}/{path}?{query}")
    settle(page, LIVE_VERDICT)
    charts_drawn(page)


def gd2_thumb(page: Page, lang: str):
    return page.locator(LIVE).get_by_role("slider", name=t("de_growth_pct", lang))


def idle_and_agreed(page: Page) -> dict[str, str] | None:
    """The URL and the component's verdict describe the same scenario, and the app is idle."""
    if page.locator(RUNNING).count():
        return None
    q = live_query(page)
    line, _ = expected_verdict(urlencode(q))
    return q if line in page.locator(LIVE_VERDICT).inner_text() else None


def test_the_contract_a_deep_link_and_its_projects_give_the_engine_s_values(server: str, page: Page) -> None:
    query = "gd2=40&gy2=8&pj=2027:25,2029:40&lang=en"
    open_live(page, server, query)
    box = page.locator(LIVE)
    expect(box).to_have_count(1)
    thumb = gd2_thumb(page, "en")
    expect(thumb).to_have_value("40")
    expect(thumb).to_have_attribute("aria-valuetext", "40.0 %/year")
    expect(thumb).to_have_js_property("type", "range")
    verdict_matches(page, query)
    ev = engine(query)
    expect(page.locator(LIVE_VERDICT)).to_contain_text(fmt_pct(ev.verdicts[1].value_pct, "en"))
    chart = page.locator(LIVE_CHART)
    expect(chart.locator(".qn-legend-text").filter(has_text=t("series_projects", "en"))).to_have_count(1)
    expect(chart.locator(".qn-project-line")).to_have_count(2)  # one dotted line per start year
    expect(chart.locator(".qn-target-label").filter(has_text="2030: 35% (article)")).to_have_count(1)
    # Hover: the values of the nearest year, in the language's format.
    line = chart.locator("svg")
    b = line.bounding_box()
    page.mouse.move(b["x"] + b["width"] * 0.93, b["y"] + b["height"] * 0.5)
    tip = chart.locator(".qn-tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text(fmt_num(ev.projection.share_pct[-1], "en", 2) + "%")
    with page.expect_download() as download:
        chart.get_by_role("button", name=t("live_download_png", "en")).click()
    assert download.value.suggested_filename.endswith(".png")
    with open(download.value.path(), "rb") as f:
        assert f.read(8) == b"\x89PNG\r\n\x1a\n"


def test_a_drag_moves_the_verdict_and_the_line_before_the_release(server: str, page: Page) -> None:
    open_live(page, server, "lang=en")
    thumb = gd2_thumb(page, "en")
    verdict = page.locator(LIVE_VERDICT)
    before_url = live_query(page)
    band = page.locator(f"{LIVE_CHART} path.qn-band").first.get_attribute("d")
    probability = page.locator(f"{LIVE} .qn-prob").inner_text()
    box = thumb.bounding_box()
    y = box["y"] + box["height"] / 2
    start = box["x"] + box["width"] * float(thumb.input_value()) / 120 + 20 / 120 * box["width"]
    page.mouse.move(start, y)
    page.mouse.down()
    texts, lines = [], []
    for i in range(1, 9):
        page.mouse.move(start + (box["x"] + box["width"] - start) * i / 8, y, steps=2)
        texts.append(verdict.inner_text())
        lines.append(page.locator(SCENARIO_LINE).get_attribute("d"))
    # Before the release: the verdict and the line moved with the thumb, the server not asked.
    assert len(set(texts)) >= 4, texts
    assert len(set(lines)) >= 4
    assert live_query(page) == before_url
    value = thumb.input_value()
    line, _ = expected_verdict(urlencode({**before_url, "gd2": value}))
    assert line in texts[-1], (line, texts[-1])
    page.mouse.up()
    # The release: the URL, then the server's fan and probability.
    wait_until(
        lambda: live_query(page).get("gd2") == f"{float(value):g}", TIMEOUT_MS / 1000, what="gd2 in URL"
    )
    wait_until(lambda: idle_and_agreed(page), TIMEOUT_MS / 1000, what="URL and verdict agree")
    expect(page.locator(f"{LIVE_CHART} path.qn-band").first).not_to_have_attribute("d", band)
    expect(page.locator(f"{LIVE} .qn-prob")).not_to_have_text(probability)
    ev = engine(urlencode(live_query(page)))
    expect(page.locator(f"{LIVE} .qn-prob")).to_contain_text(fmt_prob(ev.verdicts[1].probability, "en"))


def test_keys_alone_change_the_scenario_and_announce_the_verdict(server: str, page: Page) -> None:
    open_live(page, server, "gd2=20")
    thumb = gd2_thumb(page, "vi")
    thumb.focus()
    outline = thumb.evaluate("e => getComputedStyle(e).outlineStyle")
    page.keyboard.press("ArrowRight")
    expect(thumb).to_have_attribute("aria-valuetext", "20,1 %/năm")
    line, _ = expected_verdict("gd2=20.1")
    expect(page.locator(f"{LIVE} [role=status]")).to_contain_text(line)
    wait_until(lambda: live_query(page).get("gd2") == "20.1", TIMEOUT_MS / 1000, what="gd2=20.1")
    page.keyboard.press("PageUp")  # ten steps
    expect(thumb).to_have_attribute("aria-valuetext", "21,1 %/năm")
    wait_until(lambda: live_query(page).get("gd2") == "21.1", TIMEOUT_MS / 1000, what="gd2=21.1")
    verdict_matches(page, "gd2=21.1")
    assert outline != "none"  # visible focus (keyboard focus: :focus-visible)


def test_back_forward_and_the_language_switch_give_the_engine_s_values(server: str, page: Page) -> None:
    open_live(page, server, "gd2=30&lang=en")
    thumb = gd2_thumb(page, "en")
    thumb.focus()
    page.keyboard.press("ArrowLeft")
    wait_until(lambda: live_query(page).get("gd2") == "29.9", TIMEOUT_MS / 1000, what="gd2=29.9")
    wait_until(lambda: idle_and_agreed(page), TIMEOUT_MS / 1000, what="agreed")
    page.go_back()
    wait_until(lambda: live_query(page).get("gd2") == "30", TIMEOUT_MS / 1000, what="Back")
    expect(gd2_thumb(page, "en")).to_have_value("30")
    verdict_matches(page, "gd2=30&lang=en")
    page.go_forward()
    wait_until(lambda: live_query(page).get("gd2") == "29.9", TIMEOUT_MS / 1000, what="Forward")
    verdict_matches(page, "gd2=29.9&lang=en")
    page.get_by_text("Tiếng Việt", exact=True).click()
    wait_until(lambda: "lang" not in live_query(page), TIMEOUT_MS / 1000, what="vi")
    verdict_matches(page, "gd2=29.9")
    expect(gd2_thumb(page, "vi")).to_have_attribute("aria-valuetext", "29,9 %/năm")


def test_the_meeting_view_s_nudges_and_arrow_keys(server: str, page: Page) -> None:
    open_live(page, server, "present=1&gd2=20&lang=en", path="")
    title = page.locator(".st-key-present_title").inner_text()
    nudge = page.locator(LIVE).get_by_role("button", name=re.compile(r"by \+5"))
    nudge.click()
    verdict_matches(page, "gd2=25&lang=en")  # drawn by the browser, then confirmed by the server
    wait_until(lambda: live_query(page).get("gd2") == "25", TIMEOUT_MS / 1000, what="gd2=25")
    thumb = gd2_thumb(page, "en")
    thumb.focus()
    page.keyboard.press("ArrowLeft")  # the control's, not the slide show's
    wait_until(lambda: live_query(page).get("gd2") == "24.9", TIMEOUT_MS / 1000, what="gd2=24.9")
    wait_until(lambda: idle_and_agreed(page), TIMEOUT_MS / 1000, what="agreed")
    assert page.locator(".st-key-present_title").inner_text().split(" · ")[0] == title.split(" · ")[0]
    verdict_matches(page, "gd2=24.9&lang=en&present=1")


def engine_figure(query: str):
    ds = load_dataset()
    return view.figure(evaluate_link(query, ds), ds, parse_link(query, ds).lang)


ROWS = "t => [...t.rows].map(r => [...r.cells].map(c => c.textContent))"


def test_the_chart_describes_its_numbers_and_shows_them_one_key_away(server: str, page: Page) -> None:
    """Issue 22 for the live chart: a description naming each line's first and last value (the
    same text qn_model's describe gives the engine's figure), kept up to date as the line moves,
    and the numbers' table opened from the keyboard, holding the engine's numbers."""
    query = "gd2=20&pj=2027:25&lang=en"
    open_live(page, server, query)
    chart = page.locator(LIVE_CHART)
    desc = chart.locator(".qn-chart-desc")
    expect(desc).to_have_text(describe(engine_figure(query), "en"))
    expect(desc).to_have_attribute("lang", "en")
    assert desc.get_attribute("aria-live") is None  # read with the chart, never announced
    expect(chart.locator("svg")).to_have_attribute("aria-describedby", desc.get_attribute("id"))
    ev = engine(query)
    share = ev.projection.share_pct
    assert f"{value_text(share[0], 'en', '%')} in {ev.projection.years[0]}" in desc.inner_text()
    # Keys move the line: the description follows (first and last value of the new scenario).
    thumb = gd2_thumb(page, "en")
    thumb.focus()
    page.keyboard.press("PageUp")
    moved = "gd2=21&pj=2027:25&lang=en"
    expect(desc).to_have_text(describe(engine_figure(moved), "en"))
    last = value_text(engine(moved).projection.share_pct[-1], "en", "%")
    assert f"{last} in {engine(moved).projection.years[-1]}" in desc.inner_text()
    wait_until(lambda: live_query(page).get("gd2") == "21", TIMEOUT_MS / 1000, what="gd2=21")
    wait_until(lambda: idle_and_agreed(page), TIMEOUT_MS / 1000, what="agreed")
    # The table: one control away, opened by the keyboard, the engine's numbers in the language's format.
    button = chart.get_by_role("button", name=t("chart_data", "en"))
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(chart.locator("table")).to_have_count(0)
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    table = chart.get_by_role("table")
    expect(table).to_be_visible()
    rows = table.evaluate(ROWS)
    fig = engine_figure(moved)
    engine_table = figure_table(fig, "en")
    head, body = rows[0], rows[1:]
    assert head[: len(engine_table.columns)] == list(engine_table.columns)
    assert [r[: len(engine_table.columns)] for r in body] == engine_table.values.tolist()
    # The fan bands from the server's Monte Carlo, low – high by year.
    band = next(tr for tr in fig.data if tr.fill == "toself")
    col = head.index(band.name)
    by_year: dict[int, list[float]] = {}
    for x, y in zip(band.x, band.y, strict=False):
        by_year.setdefault(int(x), []).append(float(y))
    for row in body:
        ys = by_year.get(int(row[0]))
        if ys:
            assert row[col] == f"{fmt_num(min(ys), 'en', 2)} \u2013 {fmt_num(max(ys), 'en', 2)}", row
    # axe-core (issue 22's checker) on the page with the table open: nothing to report.
    page.add_script_tag(path=str(AXE))
    assert page.evaluate(AXE_RUN) == []
    scenario_col = head.index(t("series_projection", "en"))
    assert body[-1][scenario_col] == fmt_num(engine(moved).projection.share_pct[-1], "en", 2)
    # Open, it follows the line as well (a key press in Vietnamese would rebuild it the same way).
    thumb.focus()
    page.keyboard.press("ArrowRight")
    moved = "gd2=21.1&pj=2027:25&lang=en"
    expect(table.locator("tbody tr").last.locator("td").nth(scenario_col - 1)).to_have_text(
        fmt_num(engine(moved).projection.share_pct[-1], "en", 2)
    )


def test_a_release_moves_the_series_on_the_kept_frame_and_a_new_scale_redraws_it(
    server: str, page: Page
) -> None:
    # The answer to a release redraws the series (the paths, the fan), not the axes, the title
    # and the legend, unless the y scale moved with them.
    open_live(page, server, "lang=en")
    thumb = gd2_thumb(page, "en")
    grid = page.locator(f"{LIVE_CHART} g.qn-grid")
    grid.evaluate("g => g.setAttribute('data-kept', '1')")
    band = page.locator(f"{LIVE_CHART} path.qn-band").first.get_attribute("d")
    ticks = grid.locator("text").all_text_contents()
    thumb.press("ArrowRight")
    wait_until(lambda: idle_and_agreed(page), TIMEOUT_MS / 1000, what="URL and verdict agree")
    expect(page.locator(f"{LIVE_CHART} path.qn-band").first).not_to_have_attribute("d", band)
    expect(page.locator(f"{LIVE_CHART} g.qn-grid[data-kept]")).to_have_count(1)
    thumb.press("End")  # 100 %/year: the path climbs past the old scale
    wait_until(lambda: idle_and_agreed(page), TIMEOUT_MS / 1000, what="URL and verdict agree")
    expect(page.locator(f"{LIVE_CHART} g.qn-grid[data-kept]")).to_have_count(0)
    assert grid.locator("text").all_text_contents() != ticks
