"""The app's style sheets (``app.css``, ``present.css`` beside this module, where each rule says
why), with the palette's colours filled in."""

from __future__ import annotations

from pathlib import Path
from string import Template

from qn_model.views import palette as pal

HERE = Path(__file__).parent
PHONE_MAX_PX = 640  # Streamlit stacks columns below this width
VALUES = {
    "phone_max": PHONE_MAX_PX,
    "phone_min": PHONE_MAX_PX + 1,
    "faded": "#5A5A66",  # 6.7:1 on white, 5.9:1 on the sidebar's grey
    "focus": "#005A8C",  # the theme's primary colour (.streamlit/config.toml): 7.4:1 on white
    "grey": pal.GREY,
    "met": pal.MET,
    "not_met": pal.NOT_MET,
}


def _sheet(name: str) -> str:
    return f"<style>\n{Template((HERE / name).read_text(encoding='utf-8')).substitute(VALUES)}</style>"


CSS = _sheet("app.css")
PRESENT_CSS = _sheet("present.css")
