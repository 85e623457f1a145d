"""The texts' one command: extract every catalog key from the code, rewrite ``messages.pot``, bring
every language's ``messages.po`` in step with it.

    make texts            # = .venv/bin/python scripts/texts.py

A key is found where the code names it (the extraction method below, a Babel extractor, also run
by ``pybabel extract -F qn_model/i18n/babel.cfg``):

- the first argument of ``t(...)``, ``Term(...)``, ``Notice.text(...)`` and of the marker
  ``N_(...)`` (``qn_model.core.messages.N_``: a key written in a table, looked up later);
- ``Notice.of(code, msgid)`` / ``Problem.of(code, file, row, column, msgid)``: the msgid, else
  ``notice_<code>`` / ``problem_<code>``; the validator's ``col.add(code, variant=v)``:
  ``problem_<code>__<v>``;
- a key built by an f-string (``t(f"basis_{v.basis}")``): the keys of its family, listed with the
  values it takes in :data:`qn_model.views.text_keys.FAMILIES` (from the domain's own lists where
  there are some). A family no f-string uses, or an f-string without a family, fails
  ``tests/test_i18n.py``.

Then ``messages.pot`` holds exactly those keys (the ones it had stay in their order, new ones are
appended, unused ones dropped) and each ``messages.po`` the same keys with its texts; a new key
has an empty text until translated (the command lists them and exits 1; the catalog test fails
until every language has its text). Only the keys move: no line numbers, no dates, so a run that
finds nothing new changes nothing.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

LOCALES = ROOT / "qn_model" / "i18n" / "locales"
MAPPING = ROOT / "qn_model" / "i18n" / "babel.cfg"
PROJECT = "qn-planner"
# Calls whose first argument is a key.
KEY_CALLS = {"t", "Term", "N_"}


def _literals(node: ast.expr | None) -> list[str]:
    """The text a key argument can be: a string, or both branches of ``a if c else b``."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def pattern(node: ast.expr) -> str | None:
    """An f-string key as its family's pattern: ``f"basis_{v.basis}"`` -> ``"basis_{}"``."""
    if not isinstance(node, ast.JoinedStr):
        return None
    parts = []
    for value in node.values:
        if isinstance(value, ast.Constant):
            parts.append(str(value.value).replace("{", "{{").replace("}", "}}"))
        else:
            parts.append("{}")
    return "".join(parts)


def _name(call: ast.Call) -> tuple[str | None, str | None]:
    f = call.func
    owner = f.value.id if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) else None
    name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else None
    return owner, name


def key_nodes(tree: ast.AST) -> Iterator[tuple[int, str, ast.expr]]:
    """``(line, prefix, node)`` for every place a key is named: ``node`` is the key's
    expression, ``prefix`` what the call puts before it (``notice_`` for a bare code)."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        owner, name = _name(node)
        args = node.args
        if name in KEY_CALLS or (owner == "Notice" and name == "text"):
            yield node.lineno, "", args[0]
        elif owner in ("Notice", "Problem") and name == "of":
            at = 1 if owner == "Notice" else 4
            msgid = args[at] if len(args) > at else None
            if msgid is not None and (pattern(msgid) or any(_literals(msgid))):
                yield node.lineno, "", msgid
            else:
                yield node.lineno, f"{owner.lower()}_", args[0]
        elif owner == "col" and name == "add":
            variants = [v for kw in node.keywords if kw.arg == "variant" for v in _literals(kw.value)]
            for code in _literals(args[0]):
                for v in variants or [""]:
                    yield node.lineno, "", ast.Constant(f"problem_{code}__{v}" if v else f"problem_{code}")


def keys_in(tree: ast.AST, families: dict[str, tuple[str, ...]]) -> Iterator[tuple[int, str]]:
    """``(line, key)`` for every key ``tree`` names; an f-string names its family's keys."""
    for line, prefix, node in key_nodes(tree):
        found = pattern(node)
        if found is not None:
            for value in families.get(prefix + found, ()):
                yield line, (prefix + found).format(value)
        for text in _literals(node):
            if text:
                yield line, prefix + text


def extract_keys(fileobj, keywords, comment_tags, options) -> Iterator[tuple[int, None, str, list[str]]]:
    """A Babel extraction method (``[scripts.texts:extract_keys: **.py]`` in babel.cfg)."""
    from qn_model.views.text_keys import families

    tree = ast.parse(fileobj.read().decode("utf-8"))
    for line, key in keys_in(tree, families()):
        yield line, None, key, []


def code_keys() -> list[str]:
    """Every key the code names, in the order of the files and lines (the mapping's files)."""
    with MAPPING.open(encoding="utf-8") as f:
        from babel.messages.frontend import parse_mapping_cfg

        method_map, options_map = parse_mapping_cfg(f)
    keys = [message for _, _, message, *_ in extract_from_dir(str(ROOT), method_map, options_map)]
    return list(dict.fromkeys(keys))


def _read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as f:
        return read_po(f, locale=lang)


def write_catalog(path: Path, lang: str | None, texts: dict[str, str]) -> None:
    """``texts`` (key -> text, in order) as the catalog at ``path``, its header's date kept."""
    created = _read(path).creation_date if path.exists() else None
    catalog = Catalog(locale=lang, project=PROJECT, charset="utf-8", fuzzy=False, creation_date=created)
    for key, text in texts.items():
        catalog.add(key, text)
    with path.open("wb") as f:
        # No wrapping and no locations: a diff shows whole texts and only real changes.
        write_po(f, catalog, width=0, omit_header=False, sort_output=False, no_location=True)


def main() -> int:
    from qn_model.core.langs import LANGS

    keys = code_keys()
    pot_path = LOCALES / "messages.pot"
    pot = _read(pot_path)
    old = [m.id for m in pot if m.id]
    order = [k for k in old if k in keys] + [k for k in keys if k not in old]
    write_catalog(pot_path, None, dict.fromkeys(order, ""))
    untranslated = []
    for lang in LANGS:
        path = LOCALES / lang / "LC_MESSAGES" / "messages.po"
        po = _read(path, lang) if path.exists() else Catalog(locale=lang)
        texts = {m.id: m.string for m in po if m.id}
        path.parent.mkdir(parents=True, exist_ok=True)
        write_catalog(path, lang, {k: texts.get(k, "") for k in order})
        untranslated += [f"{lang}: {k}" for k in order if not texts.get(k)]
    added, dropped = [k for k in order if k not in old], [k for k in old if k not in keys]
    print(f"{len(order)} keys; {len(added)} new, {len(dropped)} no longer used (dropped)")
    for key in dropped:
        print(f"  dropped: {key}")
    for item in untranslated:
        print(f"  to translate: {item}")
    return 1 if untranslated else 0


if __name__ == "__main__":
    raise SystemExit(main())
