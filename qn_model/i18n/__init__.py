"""Texts, messages and number formats in the reader's language."""

from qn_model.i18n.formats import render, t

__all__ = ["render", "t"]
