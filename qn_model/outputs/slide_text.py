"""Text boxes on a slide that fit what they hold: python-pptx writes no auto-fit a reader's
program would honour the same way everywhere, so the size is chosen here, from an estimate of
the lines a text wraps to (:func:`~qn_model.outputs.office_text.lines_needed`), and what cannot
fit at the smallest size is cut with "… and n more" or an ellipsis. The render tests measure
the result on LibreOffice's PDF (tests/test_meeting_pack_render.py)."""

from __future__ import annotations

from collections.abc import Sequence

from pptx.dml.color import RGBColor
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from qn_model.i18n.formats import t
from qn_model.outputs.office_text import FONT, lines_needed, xml_text

__all__ = ["INSET_PT", "LINE_SPACING", "box_height", "fit_cut", "fit_size", "fitted_box", "rgb", "text_box"]

LINE_SPACING = 1.2  # the line height PowerPoint and LibreOffice give Arial, as a multiple of its size
INSET_PT = 0.06 * 72  # a text box's inner margin on each side


def rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def text_box(
    slide,
    x: int,
    y: int,
    w: int,
    h: int,
    paragraphs: Sequence[tuple[str, float, bool, str]],
    *,
    anchor=MSO_ANCHOR.TOP,
    align=PP_ALIGN.LEFT,
    name: str = "",
):
    """A text box of ``(text, size pt, bold, colour)`` paragraphs; no auto-fit (the size is
    chosen to fit: :func:`fit_size`), word wrap on, small insets."""
    shape = slide.shapes.add_textbox(x, y, w, h)
    if name:
        shape.name = name
    frame = shape.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = anchor
    inset = Pt(INSET_PT)
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = inset
    for i, (text, size, bold, colour) in enumerate(paragraphs):
        p = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        p.alignment = align
        run = p.add_run()
        run.text = xml_text(text)
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.name = FONT
        run.font.color.rgb = rgb(colour)
    return shape


def fit_size(texts: Sequence[str], w: int, h: int, largest: float, smallest: float = 9.0) -> float:
    """The largest size (pt, in halves) at which ``texts`` (one paragraph each) fit the box."""
    width_pt = Emu(w).pt - 2 * INSET_PT
    height_pt = Emu(h).pt - 2 * INSET_PT
    size = largest
    while size > smallest:
        lines = sum(lines_needed(text, width_pt, size) for text in texts)
        if lines * size * LINE_SPACING <= height_pt:
            return size
        size -= 0.5
    return smallest


def fitted_box(slide, x, y, w, h, texts: Sequence[str], largest: float, colour: str, *, bold=False, name=""):
    size = fit_size(texts, w, h, largest)
    return text_box(slide, x, y, w, h, [(text, size, bold, colour) for text in texts], name=name)


def box_height(texts: Sequence[str], w: int, size: float) -> int:
    """The box height ``texts`` need at ``size`` (insets included)."""
    width_pt = Emu(w).pt - 2 * INSET_PT
    lines = sum(lines_needed(x, width_pt, size) for x in texts)
    return int(Pt(lines * size * LINE_SPACING + 2 * INSET_PT + 2))


def fit_cut(texts: Sequence[str], w: int, h: int, largest: float, lang: str) -> tuple[float, list[str]]:
    """A size at which ``texts`` fit the box, and the texts shown: all of them when they fit at
    the smallest size; else the first ones and "… and n more", or one text cut with "…"."""
    size = fit_size(texts, w, h, largest)
    if box_height(texts, w, size) <= h:
        return size, list(texts)
    items = list(texts)
    if len(items) > 1:
        for keep in range(len(items) - 1, 0, -1):
            shown = [*items[:keep], t("notice_more_notices", lang, n=len(items) - keep)]
            if box_height(shown, w, size) <= h:
                return size, shown
        items = items[:1]
    text = items[0]
    while len(text) > 1 and box_height([text + "…"], w, size) > h:
        text = text[: int(len(text) * 0.9)]
    return size, [text + "…"]
