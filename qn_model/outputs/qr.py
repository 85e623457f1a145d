"""QR codes for a scenario link (segno): inline SVG for the HTML brief, PNG for slides and print."""

from __future__ import annotations

import io

import segno

# "M" (15 % recovery) survives a creased or slightly smudged printout; segno raises the level
# further when the link fits in the same symbol size anyway.
ERROR_LEVEL = "m"
DARK, LIGHT = "#000000", "#ffffff"  # a white quiet zone, so it scans on any background


def _code(url: str) -> segno.QRCode:
    if not isinstance(url, str) or not url:
        raise ValueError("url must be a non-empty string")
    return segno.make(url, error=ERROR_LEVEL, micro=False)


def qr_svg(url: str, scale: int = 4, title: str | None = None) -> str:
    """The QR code of ``url`` as an inline ``<svg>`` element (no XML declaration, no namespace
    needed inside HTML).

    Parameters
    ----------
    url : str
        The text to encode (the scenario's full link).
    scale : int
        Size of one module in CSS pixels.
    title : str, optional
        Accessible title of the image (segno escapes it).

    Returns
    -------
    str
        ``<svg …>…</svg>``.

    Raises
    ------
    ValueError
        If ``url`` is empty.
    segno.DataOverflowError
        If ``url`` is too long for any QR code (about 2,300 characters at this level).
    """
    return _code(url).svg_inline(scale=scale, dark=DARK, light=LIGHT, border=4, title=title)


def qr_png(url: str, scale: int = 10) -> bytes:
    """The QR code of ``url`` as PNG bytes; ``scale`` is pixels per module (10 → about 4 cm
    at 300 dpi for a typical scenario link).

    Raises
    ------
    ValueError
        If ``url`` is empty.
    segno.DataOverflowError
        If ``url`` is too long for any QR code.
    """
    buffer = io.BytesIO()
    _code(url).save(buffer, kind="png", scale=scale, dark=DARK, light=LIGHT, border=4)
    return buffer.getvalue()
