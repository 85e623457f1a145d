"""Text that came from a link, a file or a user is shown as text, never as markup."""

from __future__ import annotations

import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~:$=])")


def md_escape(text: str) -> str:
    """Escape Markdown (and Streamlit's ``:icon:`` / ``$math$``) so ``st.markdown`` shows
    the characters as typed."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text))


def md_code(url: str) -> str:
    """A URL for an inline code span: a backtick would end the span, so it is percent-encoded
    (the same URL to a browser)."""
    return str(url).replace("`", "%60")
