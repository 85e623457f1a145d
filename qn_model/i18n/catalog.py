"""The translation catalogs: ``locales/<lang>/LC_MESSAGES/messages.po``, gettext files that
translators' tools open (Poedit, Weblate, Lokalize). msgid is a stable key, msgstr the text.

Read with Babel's ``read_po`` at run time, once per language per process (about 25 ms each),
rather than compiled to ``.mo``: the ``.po`` stays the only source, so no build step can be
forgotten by ``make run``/``make test`` on a fresh machine or leave a stale ``.mo`` behind.
"""

from __future__ import annotations

import functools
from pathlib import Path

from babel.messages.pofile import read_po

LOCALE_DIR = Path(__file__).resolve().parent / "locales"
DOMAIN = "messages"


def po_path(lang: str, locale_dir: Path | None = None) -> Path:
    return (locale_dir or LOCALE_DIR) / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@functools.cache
def texts(lang: str) -> dict[str, str]:
    """key -> text for ``lang``; an untranslated (empty) entry is left out, so looking it up fails
    like a missing key. Cached for the process (``texts.cache_clear()`` after editing a catalog)."""
    with po_path(lang).open("rb") as f:
        catalog = read_po(f, locale=lang, domain=DOMAIN)
    return {m.id: m.string for m in catalog if m.id and isinstance(m.id, str) and m.string}
