"""Colour-blind-safe colours (Okabe & Ito, 2008) and projector-sized type for every chart."""

from __future__ import annotations

BLACK = "#000000"
ORANGE = "#E69F00"
SKY = "#56B4E9"
GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILION = "#D55E00"
PURPLE = "#CC79A7"
GREY = "#6B6B6B"

OBSERVED = BLACK
PROJECTED = BLUE
NATIONAL = GREY
TARGET = VERMILION
TARGET_ALT = PURPLE
MET = GREEN
NOT_MET = VERMILION
USER = ORANGE
PROJECT = ORANGE  # project start years on the share chart (issue 14)
SEQUENCE = (BLUE, ORANGE, GREEN, PURPLE, SKY, VERMILION, YELLOW, BLACK)

FONT_SIZE = 18  # readable from the back of a meeting room
TITLE_SIZE = 22
FONT_FAMILY = "Noto Sans, Arial, sans-serif"  # Noto covers Vietnamese diacritics


def rgba(hex_colour: str, alpha: float) -> str:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
    return f"rgba({r},{g},{b},{alpha})"


# --- legibility (WCAG 2.1, issue 22) ---------------------------------------------------------------

WHITE = "#FFFFFF"
TEXT_CONTRAST = 4.5  # WCAG 2.1 AA for normal text; every chart text is held to it
GRID = "#E5E5E5"


_NAMED = {"white": WHITE, "black": BLACK}


def _channels(colour: str) -> tuple[float, float, float, float]:
    """(r, g, b, alpha) of ``#RRGGBB`` or ``rgb(a)(r,g,b[,a])``, channels 0–255."""
    c = _NAMED.get(colour.strip().lower(), colour.strip())
    if c.startswith("#"):
        h = c.lstrip("#")
        if len(h) == 3:
            h = "".join(ch * 2 for ch in h)
        r, g, b = (int(h[i : i + 2], 16) for i in (0, 2, 4))
        return float(r), float(g), float(b), 1.0
    if "(" not in c:
        raise ValueError(f"not a colour this module reads: {colour!r}")
    inside = c[c.index("(") + 1 : c.rindex(")")]
    parts = [float(p) for p in inside.replace(" ", "").split(",")]
    return parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else 1.0


def luminance(colour: str) -> float:
    """WCAG relative luminance of an opaque colour."""

    def lin(v: float) -> float:
        s = v / 255.0
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b, _ = _channels(colour)
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(fg: str, bg: str = WHITE) -> float:
    """WCAG contrast ratio (1–21) of ``fg`` on ``bg``; a translucent ``fg`` is blended onto ``bg``."""
    r, g, b, a = _channels(fg)
    if a < 1.0:
        br, bg_, bb, _ = _channels(bg)
        fg = f"rgb({r * a + br * (1 - a)},{g * a + bg_ * (1 - a)},{b * a + bb * (1 - a)})"
    hi, lo = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def ink(colour: str, bg: str = WHITE, ratio: float = TEXT_CONTRAST) -> str:
    """``colour`` darkened just enough to be read as text on ``bg`` (its hue kept).

    Okabe–Ito's orange, sky blue, reddish purple and vermilion are 2–4:1 on white: right for a
    line or a marker, too faint for a label on a projector. A colour that passes is returned as is.
    """
    if contrast(colour, bg) >= ratio:
        return colour
    r, g, b, _ = _channels(colour)
    for step in range(1, 101):
        f = 1.0 - step / 100.0
        out = "#{:02X}{:02X}{:02X}".format(*(round(v * f) for v in (r, g, b)))
        if contrast(out, bg) >= ratio:
            return out
    return BLACK
