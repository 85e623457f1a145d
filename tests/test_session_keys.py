"""Every session key is spelled once, in ``qn_model/views/session/keys.py``.

An AST scan of ``app.py``, ``qn_ui/``, ``pages/`` and the session's transitions
(``qn_model/views/session/``): outside the keys module, no session access (``st.session_state``,
or the session passed as ``ss``/``session``), ``kept``/``remember``/``keep``/``hand_back`` call or
widget ``key=`` names a key by a string literal, and no module defines a constant it then uses as
a key.
Keys of elements whose value nothing reads (buttons with a callback, charts, containers named
for the CSS) may stay literal beside their element, but never one of the state module's keys.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
KEYS = Path("qn_model") / "views" / "session" / "keys.py"
STATE = ROOT / KEYS
SESSION_NAMES = {"session_state", "ss", "session"}
KEY_FUNCTIONS = {"kept", "remember", "keep", "keep_in_order", "hand_back"}
MAPPING_METHODS = {"get", "pop", "setdefault"}


def _sources(root: Path = ROOT) -> list[Path]:
    session = root / KEYS.parent
    files = [
        root / "app.py",
        *sorted((root / "qn_ui").rglob("*.py")),
        *sorted((root / "pages").glob("*.py")),
        *sorted(session.glob("*.py")),
    ]
    return [f for f in files if f != root / KEYS]


def _is_session_state(node: ast.AST) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "session_state") or (
        isinstance(node, ast.Name) and node.id in SESSION_NAMES
    )


def _literal(node: ast.AST | None) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))


def _func_name(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    if isinstance(call.func, ast.Attribute):
        return call.func.attr
    return None


def _key_uses(tree: ast.AST) -> list[ast.AST]:
    """The expressions a module uses as session keys."""
    uses: list[ast.AST] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and _is_session_state(node.value):
            uses.append(node.slice)
        elif isinstance(node, ast.Compare) and any(_is_session_state(c) for c in node.comparators):
            uses.append(node.left)
        elif isinstance(node, ast.Call):
            name = _func_name(node)
            on_state = isinstance(node.func, ast.Attribute) and _is_session_state(node.func.value)
            if node.args and on_state and name in MAPPING_METHODS:
                uses.append(node.args[0])
            elif len(node.args) > 1 and name in KEY_FUNCTIONS:  # (session, key, …)
                uses.append(node.args[1])
    return uses


def _widget_keys(tree: ast.AST) -> list[ast.AST]:
    return [
        kw.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for kw in node.keywords
        if kw.arg == "key"
    ]


def _module_str_constants(tree: ast.Module) -> dict[str, str]:
    out = {}
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            out[node.targets[0].id] = node.value.value
    return out


def state_keys(state: Path = STATE) -> dict[str, str]:
    """The state module's key constants: its module-level strings in capitals."""
    consts = _module_str_constants(ast.parse(state.read_text(encoding="utf-8")))
    return {name: value for name, value in consts.items() if name.isupper()}


def violations(root: Path = ROOT) -> list[str]:
    known = set(state_keys(root / KEYS).values())
    found = []
    for path in _sources(root):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        where = path.relative_to(root)
        own = _module_str_constants(tree)
        for node in _key_uses(tree):
            if _literal(node):
                found.append(f"{where}:{node.lineno}: session key spelled here: {ast.unparse(node)}")
            elif isinstance(node, ast.Name) and node.id in own:
                found.append(f"{where}:{node.lineno}: key constant {node.id} defined outside the keys module")
        for node in _widget_keys(tree):
            if isinstance(node, ast.Name) and node.id in own:
                found.append(f"{where}:{node.lineno}: key constant {node.id} defined outside the keys module")
            elif isinstance(node, ast.Constant) and isinstance(node.value, str):
                value = node.value
                if value in known or value.startswith(("w_", "_")):
                    found.append(f"{where}:{node.lineno}: widget key {value!r} belongs in the keys module")
    return found


def test_no_session_key_is_spelled_outside_the_state_module() -> None:
    assert violations() == []


def test_the_scan_finds_a_key_spelled_elsewhere(tmp_path: Path) -> None:
    """The scan itself can fail: each kind of stray key is reported."""
    (tmp_path / "qn_ui").mkdir()
    (tmp_path / "pages").mkdir()
    (tmp_path / KEYS).parent.mkdir(parents=True)
    (tmp_path / KEYS).write_text('W_LANG = "w_lang"\n', encoding="utf-8")
    (tmp_path / "app.py").write_text(
        "import streamlit as st\n"
        'OWN = "_own"\n'
        'st.session_state["_x"] = 1\n'
        'st.session_state.get(f"_y{1}")\n'
        'if "_z" in st.session_state: pass\n'
        "st.session_state.pop(OWN, None)\n",
        encoding="utf-8",
    )
    (tmp_path / "pages" / "p.py").write_text(
        "import streamlit as st\n"
        "from qn_model.views.session.controls import kept\n"
        'st.toggle("t", **kept(st.session_state, "show", False))\n'
        'st.radio("r", [1], key="w_lang")\n'
        'st.button("b", key="go")\n',
        encoding="utf-8",
    )
    found = violations(tmp_path)
    assert len(found) == 6, found
    assert not any("'go'" in f for f in found)  # an element's own key may stay beside it


def test_the_state_modules_keys_are_distinct() -> None:
    keys = state_keys()
    values = list(keys.values())
    assert len(keys) >= 40
    dupes = sorted({v for v in values if values.count(v) > 1})
    assert dupes == []


@pytest.mark.parametrize("name", ["PRESENT", "W_LANG", "DECK_INDEX", "MYDATA_OUTCOME", "PJ_CLOSED"])
def test_the_key_constants_live_in_the_state_module(name: str) -> None:
    assert name in state_keys()
