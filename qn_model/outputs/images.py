"""A plotly figure as a PNG for a document (the Word report): drawn by Kaleido in the system's
Chromium, at a fixed size so the document's layout does not depend on a screen."""

from __future__ import annotations

import logging
import os

import plotly.graph_objects as go

__all__ = ["figure_png"]

LOG = logging.getLogger("qn_model")


def figure_png(fig: go.Figure, width: int = 1000, height: int = 640) -> bytes | None:
    """The figure as PNG bytes, or None when no browser can draw it (the caller says so in the
    document instead of failing: the numbers are in its tables)."""
    if os.path.exists("/usr/bin/chromium"):  # Debian's, as the rest of the project uses
        os.environ.setdefault("BROWSER_PATH", "/usr/bin/chromium")
    fig = go.Figure(fig)
    fig.update_layout(width=width, height=height, autosize=False, paper_bgcolor="white")
    try:
        return fig.to_image(format="png", width=width, height=height, scale=1)
    except Exception:
        LOG.exception("drawing a chart as PNG failed")
        return None
