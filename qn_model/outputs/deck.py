"""The meeting deck: a PowerPoint file (16:9) of a link's scenarios, editable in PowerPoint.

One slide per scenario in the meeting view's order (:func:`qn_model.outputs.pack.resolve`): its
title, its assumptions in one line, the 2030 and 2025 verdicts (value, target and its source,
met or not, margin, the growth the target needs, the gap in money), the headline chart as a
native PowerPoint line chart whose data sheet holds the engine's numbers, and the sources; then a
last slide with the link, its QR code, the data version and what the link's parser ignored.
The full headline sentences are each slide's speaker notes.
"""

from __future__ import annotations

import io

from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.text import PP_ALIGN
from pptx.util import Emu, Inches, Pt

from qn_model.core.targets import TargetVerdict
from qn_model.engine.presets import target_set_for
from qn_model.i18n.formats import fmt_money, fmt_pct, fmt_pp, fmt_prob, render, t
from qn_model.outputs.chart_data import share_series
from qn_model.outputs.office_text import FONT, cell_text, lines_needed, xml_text
from qn_model.outputs.pack import PPTX_MIME, Pack, rates_line
from qn_model.outputs.slide_text import (
    LINE_SPACING,
    box_height,
    fit_cut,
    fit_size,
    fitted_box,
    rgb,
    text_box,
)
from qn_model.views import palette as pal
from qn_model.views.narrative import headline, impossible, verdict_word
from qn_model.views.slides import Slide

__all__ = ["PPTX_MIME", "SLIDE_SIZE", "build_deck", "deck_sources", "deck_sources_line", "verdict_lines"]

SLIDE_SIZE = (Emu(12192000), Emu(6858000))  # 16:9, 13.333 × 7.5 in, as PowerPoint makes it
MARGIN = Inches(0.4)
FOOT_PT = 11.0  # the sources line and the notices pointer
SERIES_STYLE = {  # key: (colour, dash, line width pt, marker, marker size)
    "observed": (pal.OBSERVED, None, 2.75, XL_MARKER_STYLE.CIRCLE, 7),
    "national": (pal.NATIONAL, MSO_LINE_DASH_STYLE.ROUND_DOT, 2.0, XL_MARKER_STYLE.CIRCLE, 5),
    "scenario": (pal.PROJECTED, MSO_LINE_DASH_STYLE.DASH, 2.75, XL_MARKER_STYLE.CIRCLE, 6),
    "required": (pal.GREEN, MSO_LINE_DASH_STYLE.ROUND_DOT, 2.25, XL_MARKER_STYLE.NONE, 5),
    "targets": (pal.TARGET, None, 0.0, XL_MARKER_STYLE.DIAMOND, 14),
}


# --------------------------------------------------------------------------------------
# Texts (plain strings: the tests read them back)
# --------------------------------------------------------------------------------------
def verdict_lines(v: TargetVerdict, slide: Slide, pack: Pack) -> list[str]:
    """A verdict's lines: the target and its source; the word and value; the margin; the growth
    the target needs (and the chance of meeting it); the gap in money."""
    lang, ev = pack.lang, slide.evaluation
    chosen = target_set_for(ev.scenario.t1, ev.scenario.t2, pack.ds, ev.target_set)
    lines = [
        t("target_in_year", lang, year=v.year, target=fmt_pct(v.target_pct, lang))
        + f" ({t(f'source_{chosen}', lang)})",
        # The word alone (and its colour): Arial has no check marks, and a substitute font may not.
        f"{verdict_word(v, lang).upper()} · {fmt_pct(v.value_pct, lang)}",
        t("deck_margin", lang, margin=fmt_pp(v.margin_pp, lang)),
    ]
    if v.required_de_growth_pct is not None:
        lines.append(
            t(
                "deck_required",
                lang,
                req=fmt_pct(v.required_de_growth_pct, lang),
                prob=fmt_prob(v.probability, lang),
            )
        )
    if v.gap_vnd_trn is not None:
        lines.append(t("deck_gap", lang, gap=fmt_money(v.gap_vnd_trn, lang)))
    return lines


def deck_sources(pack: Pack) -> list[str]:
    """The publishers of the view's sources, each once, in order of first use (the report and
    the brief list every source with its title and dates)."""
    from qn_model.outputs.exports import export_tables

    tables = {tb.key: tb for tb in export_tables(pack.evaluation, pack.ds, pack.lang, pack.link)}
    items: list[str] = []
    for _sid, title, publisher, *_ in tables["sources"].rows:
        item = str(publisher or title).strip()
        if item and item not in items:
            items.append(item)
    return items


def deck_sources_line(pack: Pack, width_pt: float, height_pt: float, size_pt: float) -> str:
    """``Nguồn: Cục Thống kê; …``: as many publishers as fit the box at ``size_pt``, then ``…``."""
    items = deck_sources(pack)
    for n in range(len(items), 0, -1):
        text = "; ".join(items[:n]) + ("" if n == len(items) else "; …")
        line = t("deck_sources", pack.lang, sources=text)
        if lines_needed(line, width_pt, size_pt) * size_pt * LINE_SPACING <= height_pt:
            return line
    return t("deck_sources", pack.lang, sources="…")


# --------------------------------------------------------------------------------------
# Shapes
# --------------------------------------------------------------------------------------
def _verdicttext_box(slide, x: int, y: int, w: int, h: int, v: TargetVerdict, s: Slide, pack: Pack) -> None:
    lines = verdict_lines(v, s, pack)
    status = None if v.met is None else (v.met and not impossible(v))
    colour = pal.GREY if status is None else (pal.MET if status else pal.NOT_MET)
    frame = slide.shapes.add_shape(1, x, y, w, h)  # MSO_SHAPE.RECTANGLE
    frame.name = f"verdict-frame-{v.year}"
    frame.fill.solid()
    frame.fill.fore_color.rgb = rgb("#F7F7F7")
    frame.line.color.rgb = rgb(colour)
    frame.line.width = Pt(2)
    frame.shadow.inherit = False
    pad = Inches(0.1)
    inner_w, inner_h = w - 2 * pad, h - 2 * pad
    # The word and value large, the rest at one size that fits what is left.
    big = 24.0
    rest = lines[:1] + lines[2:]
    body_h = inner_h - Pt(big * LINE_SPACING * lines_needed(lines[1], Emu(inner_w).pt - 9, big))
    small = fit_size(rest, inner_w, body_h, 15.0)
    paragraphs = [(lines[0], small, True, pal.BLACK), (lines[1], big, True, colour)]
    paragraphs += [(line, small, False, pal.BLACK) for line in lines[2:]]
    text_box(slide, x + pad, y + pad, inner_w, inner_h, paragraphs, name=f"verdict-{v.year}")


def _chart(slide, x: int, y: int, w: int, h: int, s: Slide, pack: Pack):
    years, series = share_series(s.evaluation, pack.ds, pack.lang)
    data = CategoryChartData(number_format="0.0")
    data.categories = [str(y) for y in years]
    for line in series:
        data.add_series(cell_text(line.name), line.values, number_format="0.00")
    shape = slide.shapes.add_chart(XL_CHART_TYPE.LINE_MARKERS, x, y, w, h, data)
    shape.name = "chart-share"
    chart = shape.chart
    chart.font.name = FONT
    chart.font.size = Pt(12)
    chart.has_title = True
    chart.chart_title.text_frame.text = xml_text(t("headline_chart_title", pack.lang))
    title_font = chart.chart_title.text_frame.paragraphs[0].runs[0].font
    title_font.size, title_font.bold, title_font.name = Pt(14), True, FONT
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    chart.legend.font.size = Pt(11)
    axis = chart.value_axis
    axis.has_major_gridlines = True
    axis.major_gridlines.format.line.color.rgb = rgb("#DDDDDD")
    axis.minimum_scale = 0
    axis.tick_labels.number_format = '0"%"'
    axis.tick_labels.number_format_is_linked = False
    axis.has_title = True
    axis.axis_title.text_frame.text = xml_text(t("axis_share", pack.lang))
    axis.axis_title.text_frame.paragraphs[0].runs[0].font.size = Pt(11)
    chart.category_axis.tick_labels.font.size = Pt(11)
    for plot_series, line in zip(chart.plots[0].series, series, strict=True):
        colour, dash, width, marker, size = SERIES_STYLE[line.key]
        plot_series.smooth = False
        fmt = plot_series.format.line
        if width:
            fmt.color.rgb = rgb(colour)
            fmt.width = Pt(width)
            if dash is not None:
                fmt.dash_style = dash
        else:
            fmt.fill.background()  # the targets: markers only
        plot_series.marker.style = marker
        if marker != XL_MARKER_STYLE.NONE:
            plot_series.marker.size = size
            plot_series.marker.format.fill.solid()
            plot_series.marker.format.fill.fore_color.rgb = rgb(colour)
            plot_series.marker.format.line.color.rgb = rgb(colour)
    return chart


def _notes(slide, s: Slide, pack: Pack) -> None:
    lang = pack.lang
    lines = []
    for v in sorted(s.evaluation.verdicts, key=lambda v: v.year, reverse=True):
        h = headline(v, s.scenario, lang)
        lines += [x for x in (h.verdict, h.detail, h.caveat) if x]
    lines += [render(n, lang) for n in s.evaluation.notices]
    slide.notes_slide.notes_text_frame.text = xml_text("\n".join(lines))


def _scenario_slide(prs, s: Slide, index: int, pack: Pack) -> None:
    lang = pack.lang
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    width, height = prs.slide_width, prs.slide_height
    inner = width - 2 * MARGIN
    counter_w = Inches(1.4)
    fitted_box(
        slide,
        MARGIN,
        Inches(0.25),
        inner - counter_w,
        Inches(0.75),
        [s.title],
        30,
        pal.BLACK,
        bold=True,
        name="title",
    )
    text_box(
        slide,
        width - MARGIN - counter_w,
        Inches(0.25),
        counter_w,
        Inches(0.75),
        [(t("present_counter", lang, i=index + 1, n=len(pack.slides) + 1), 16, False, pal.GREY)],
        align=PP_ALIGN.RIGHT,
        name="counter",
    )
    fitted_box(
        slide,
        MARGIN,
        Inches(1.0),
        inner,
        Inches(0.6),
        [rates_line(s.scenario, lang)],
        15,
        pal.GREY,
        name="assumptions",
    )
    top, bottom = Inches(1.7), height - Inches(0.85)
    col_w = Inches(4.5)
    gap = Inches(0.15)
    verdicts = sorted(s.evaluation.verdicts, key=lambda v: v.year, reverse=True)
    box_h = int((bottom - top - gap * (len(verdicts) - 1)) / max(1, len(verdicts)))
    for i, v in enumerate(verdicts):
        _verdicttext_box(slide, MARGIN, top + i * (box_h + gap), col_w, box_h, v, s, pack)
    chart_x = MARGIN + col_w + Inches(0.2)
    _chart(slide, chart_x, top, width - MARGIN - chart_x, bottom - top, s, pack)
    foot_y, foot_h = bottom + Inches(0.08), height - bottom - Inches(0.15)
    if s.evaluation.notices:
        pointer = t("deck_notices_pointer", lang, n=len(s.evaluation.notices))
        text_box(
            slide, MARGIN, foot_y, inner, Inches(0.3), [(pointer, FOOT_PT, True, pal.NOT_MET)], name="notices"
        )
        foot_y, foot_h = foot_y + Inches(0.3), foot_h - Inches(0.3)
    width_pt, height_pt = Emu(inner).pt - 9, Emu(foot_h).pt - 9
    line = deck_sources_line(pack, width_pt, height_pt, FOOT_PT)
    text_box(slide, MARGIN, foot_y, inner, foot_h, [(line, FOOT_PT, False, pal.GREY)], name="sources")
    _notes(slide, s, pack)


def _link_slide(prs, pack: Pack) -> None:
    lang = pack.lang
    slide = prs.slides.add_slide(prs.slide_layouts[6])
    width, height = prs.slide_width, prs.slide_height
    inner = width - 2 * MARGIN
    text_box(
        slide,
        MARGIN,
        Inches(0.25),
        inner,
        Inches(0.75),
        [(t("deck_link_title", lang), 30, True, pal.BLACK)],
        name="title",
    )
    qr_size = Inches(3.2)
    text_x = MARGIN
    try:
        from qn_model.outputs.qr import qr_png

        png = qr_png(pack.link, scale=10)
    except ValueError:  # segno's DataOverflowError, a link too long for any QR code: the address still works
        png = None
    if png is not None:
        pic = slide.shapes.add_picture(io.BytesIO(png), MARGIN, Inches(1.3), qr_size, qr_size)
        pic.name = "qr"
        text_x = MARGIN + qr_size + Inches(0.3)
    text_w = width - MARGIN - text_x
    text_box(
        slide,
        text_x,
        Inches(1.3),
        text_w,
        Inches(0.5),
        [(t("brief_link_intro", lang), 16, True, pal.BLACK)],
        name="link-intro",
    )
    # The link as tall as it needs (a compare link can be long), at most 2.6 in; cut with "…"
    # beyond that (its hyperlink and QR code keep it whole).
    y = Inches(1.85)
    size, shown = fit_cut([pack.link], text_w, Inches(2.6), 14, lang)
    link_h = box_height(shown, text_w, size)
    link = text_box(
        slide, text_x, y, text_w, link_h, [(x, size, False, pal.PROJECTED) for x in shown], name="link"
    )
    if pack.link.startswith(("http://", "https://")):
        link.text_frame.paragraphs[0].runs[0].hyperlink.address = xml_text(pack.link)
    y += link_h + Inches(0.1)
    version = t("brief_data_version_dated", lang, version=pack.ds.version, date=_version_date(pack))
    text_box(slide, text_x, y, text_w, Inches(0.45), [(version, 14, False, pal.BLACK)], name="data-version")
    notices = [render(n, lang) for n in pack.evaluation.notices]
    for s in pack.slides[1:]:
        notices += [f"{s.title}: {render(n, lang)}" for n in s.evaluation.notices]
    if notices:
        top = max(y + Inches(0.65), Inches(4.7) if png is not None else 0)
        h = height - top - Inches(0.3)
        size, shown = fit_cut([t("brief_notices", lang), *notices], inner, h, 14, lang)
        paragraphs = [(x, size, i == 0, pal.NOT_MET) for i, x in enumerate(shown)]
        text_box(slide, MARGIN, top, inner, h, paragraphs, name="notices")


def _version_date(pack: Pack) -> str:
    from qn_model.data.versions import version_date

    return version_date(pack.ds) or t("dv_own_data", pack.lang)


def build_deck(pack: Pack) -> bytes:
    """The deck of a resolved link (:func:`qn_model.outputs.pack.resolve`) as ``.pptx`` bytes."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_SIZE
    prs.core_properties.title = xml_text(f"{t('app_title', pack.lang)}: {pack.slides[0].title}")
    prs.core_properties.author = "qn-digital-economy-planner"
    prs.core_properties.language = pack.lang
    for i, s in enumerate(pack.slides):
        _scenario_slide(prs, s, i, pack)
    _link_slide(prs, pack)
    buffer = io.BytesIO()
    prs.save(buffer)
    return buffer.getvalue()
