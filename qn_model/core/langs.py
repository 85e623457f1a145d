"""The display languages: the one list that the link parser, the command line, the app's switch
and the catalog loader read.

Adding a language is one entry here plus one catalog file,
``qn_model/i18n/locales/<lang>/LC_MESSAGES/messages.po``. The code is also the Babel locale that
formats its numbers (``babel.Locale.parse(lang)``), so it must be a language Babel knows; Babel
also gives its region for the documents' language tag (``qn_model.i18n.formats.lang_tag``:
vi-VN, fr-FR), unless :data:`REGIONS` names another.
"""

from __future__ import annotations

# A list, not a tuple: every reader looks it up at call time, so a test can add a language.
LANGS: list[str] = ["vi", "en"]
DEFAULT_LANG = "vi"  # the first visit's language; must be in LANGS
# A language's region in its language tag (the Word report's spelling language) where it is not
# the one Babel deems likely for the language (en → US): the planner's English is British.
REGIONS: dict[str, str] = {"en": "GB"}
