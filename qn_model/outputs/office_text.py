"""Text that goes into an Office file: what XML cannot hold removed, formulas defused, and a
rough measure of how many lines a text takes in a box.

python-pptx and python-docx escape ``<``, ``&`` and quotes themselves; they refuse (or write
broken XML for) the control characters XML 1.0 forbids, which a pasted link or a planner's own
label may carry. A chart's data sheet is a spreadsheet: a text starting with ``=``, ``+``,
``-`` or ``@`` would be read as a formula there, and is neutralised as in the exports.
"""

from __future__ import annotations

import math
import re

from qn_model.outputs.exports import neutralise

__all__ = ["FONT", "cell_text", "lines_needed", "xml_text"]

# Named, not embedded: Arial is on every Windows and macOS machine and holds Vietnamese; LibreOffice
# on Linux draws it with Liberation Sans (same metrics, Vietnamese too, fontconfig's alias).
FONT = "Arial"

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
# Mean advance of Arial's glyphs in mixed Vietnamese/English text, in em; a little generous
# (capitals and digits are wider than the mean), so an estimate errs towards one line more.
AVG_EM = 0.54


def xml_text(text: object) -> str:
    """``text`` as a string XML 1.0 can hold (forbidden control characters dropped)."""
    return _NOT_XML.sub("", "" if text is None else str(text))


def cell_text(text: object) -> str:
    """A table or data-sheet cell's text: XML-safe and never a formula."""
    return str(neutralise(xml_text(text)))


def lines_needed(text: str, width_pt: float, size_pt: float) -> int:
    """How many lines ``text`` wraps to in a box ``width_pt`` wide at ``size_pt`` (estimated
    from a mean glyph width; a word longer than the line is broken, as PowerPoint does)."""
    per_line = max(1, int(width_pt / (size_pt * AVG_EM)))
    lines = 0
    for paragraph in str(text).split("\n"):
        current = 0
        count = 1
        for word in paragraph.split(" "):
            n = len(word)
            if current and current + 1 + n > per_line:
                count += 1
                current = 0
            if n > per_line:  # broken across lines
                count += math.ceil(n / per_line) - 1
                n = n % per_line or per_line
            current += (1 if current else 0) + n
        lines += count
    return lines
