"""A number as language-neutral text: in links, and in messages that quote a value as written."""

from __future__ import annotations

__all__ = ["plain_number"]


def plain_number(value: float) -> str:
    """The shortest text that reads back as the same number: ``12.0`` → ``12``, ``0.1`` →
    ``0.1``, ``1e+300`` stays in exponent form, ``nan``/``inf`` as Python writes them. A number
    shown to a reader in their language is formatted by ``qn_model.i18n`` instead."""
    value = float(value)
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)
