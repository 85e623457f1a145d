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
