"""Merge texts kept as Python dicts into the gettext catalogs (re-runnable).

Reads every ``qn_model/i18n/pending_*.py`` (``TEXTS = {"key": {"vi": ..., "en": ...}}``: new texts
written beside a change, e.g. on a branch) and merges them into ``qn_model/i18n/locales/<lang>/LC_MESSAGES/messages.po`` for every language
of ``qn_model.core.langs.LANGS`` (a key already in the catalog takes the dict's text; new keys are
added at the end), then rewrites the template ``qn_model/i18n/locales/messages.pot``. msgid is the
stable key, msgstr the text. Every catalog is read back and compared with what was written.

Run: ``.venv/bin/python scripts/merge_texts.py`` (then delete the dict files it consumed). The
catalogs themselves were made by this script from the Python dicts that held the texts before.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qn_model.core.langs import LANGS  # noqa: E402

I18N = ROOT / "qn_model" / "i18n"
PROJECT = "qn-planner"


def _load(path: Path) -> object:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def dict_texts(i18n: Path = I18N) -> dict[str, dict[str, str]]:
    """Every text the Python dicts hold, key -> {lang: text}, in file order."""
    texts: dict[str, dict[str, str]] = {}
    for pending in sorted(i18n.glob("pending_*.py")):
        texts.update(_load(pending).TEXTS)
    return texts


def po_path(lang: str, i18n: Path = I18N) -> Path:
    return i18n / "locales" / lang / "LC_MESSAGES" / "messages.po"


def read_catalog(lang: str, i18n: Path = I18N) -> dict[str, str]:
    path = po_path(lang, i18n)
    if not path.exists():
        return {}
    with path.open("rb") as f:
        return {m.id: m.string for m in read_po(f, locale=lang) if m.id}


def write_catalog(path: Path, lang: str | None, texts: dict[str, str]) -> None:
    created = None
    if path.exists():  # keep the header's date: a re-run that adds nothing changes nothing
        with path.open("rb") as f:
            created = read_po(f).creation_date
    catalog = Catalog(locale=lang, project=PROJECT, charset="utf-8", fuzzy=False, creation_date=created)
    for key, text in texts.items():
        catalog.add(key, text)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        # No line wrapping: a translator's diff shows whole texts.
        write_po(f, catalog, width=0, omit_header=False, sort_output=False, no_location=True)


def main(i18n: Path = I18N) -> int:
    """Merge the dicts under ``i18n`` into its catalogs; 1 when a text lacks a language."""
    new = dict_texts(i18n)
    keys: list[str] = []
    merged: dict[str, dict[str, str]] = {}
    for lang in LANGS:
        merged[lang] = read_catalog(lang, i18n)
        keys.extend(k for k in merged[lang] if k not in keys)
    keys.extend(k for k in new if k not in keys)
    missing = []
    for key, by_lang in new.items():
        for lang in LANGS:
            if by_lang.get(lang):
                merged[lang][key] = by_lang[lang]
            elif key not in merged[lang]:
                missing.append(f"{key} [{lang}]")
    for lang in LANGS:
        texts = {k: merged[lang].get(k, "") for k in keys}
        write_catalog(po_path(lang, i18n), lang, texts)
        back = read_catalog(lang, i18n)
        assert back == texts, f"{lang}: the catalog does not read back as written"
    write_catalog(i18n / "locales" / "messages.pot", None, dict.fromkeys(keys, ""))
    print(f"{len(keys)} keys in {len(LANGS)} catalogs ({len(new)} from Python dicts)")
    for item in missing:
        print(f"untranslated: {item}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())
