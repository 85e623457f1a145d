"""The layering contract, read from the source's imports (every ``import``, also inside a function
or under ``TYPE_CHECKING``), for qn_model, qn_ui, pages and app.py:

    app.py, pages/, qn_ui/                 the Streamlit side: may import all of qn_model
    ──────────────────────────────────────
    qn_model: cli, warmup, __main__        process entry points
              outputs                      brief, exports, QR
              views                        everything localised, plotly figures      i18n: texts and
              engine                       presets, evaluation, plausibility         number formats;
              trends                       trend models                              imports core only,
              data                         dataset, validation, peers, versions      is imported by views,
              core                         model, link grammar, Notice               outputs, cli only

A module imports its own layer or the layers below it, never above; qn_model/__init__.py imports
none of the project; qn_model never imports streamlit, qn_ui or pages; core, data, trends and
engine import no plotly; qn_ui never imports pages; and no module imports itself through others
(no cycle, within a layer too). Run by ``make lint``.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = ("core", "data", "trends", "engine", "views", "outputs", "entry")
ENTRY = {"qn_model.cli", "qn_model.warmup", "qn_model.__main__"}
I18N_USERS = {"views", "outputs", "entry"}
NO_PLOTLY = {"core", "data", "trends", "engine", "i18n"}

# Violations still tolerated, each (module, the module it imports) with why it is still there.
# None today: the i18n ones went with the message model (notices are a code plus parameters,
# rendered by views), the upward one with the codebook, the package's import of i18n with the
# renderer registry. The test fails when a pair is no longer needed, so this list only shrinks.
KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _sources() -> dict[str, Path]:
    paths = [ROOT / "app.py"]
    for top in ("qn_model", "qn_ui", "pages"):
        paths += sorted((ROOT / top).rglob("*.py"))
    return {_module_name(p): p for p in paths}


SOURCES = _sources()


def _imports(module: str, path: Path) -> set[str]:
    """Every module ``module`` imports: ``from pkg import sub`` names ``pkg.sub`` when it is one."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            for alias in node.names:
                sub = f"{target}.{alias.name}"
                found.add(sub if sub in SOURCES else target)
    return found


GRAPH = {module: _imports(module, path) for module, path in SOURCES.items()}


def layer(module: str) -> str | None:
    """``core`` … ``entry``, ``i18n``, ``package`` (qn_model itself), ``ui`` (app, pages, qn_ui);
    None outside the project."""
    if module in ENTRY:
        return "entry"
    parts = module.split(".")
    if parts[0] in ("app", "pages", "qn_ui"):
        return "ui"
    if parts[0] != "qn_model":
        return None
    if len(parts) == 1:
        return "package"  # qn_model/__init__.py: a BLAS setting, nothing else
    return parts[1] if parts[1] in (*LAYERS, "i18n") else None


def _against(module: str, name: str) -> bool:
    """Whether ``module`` importing ``name`` goes against the layering."""
    mine, theirs, top = layer(module), layer(name), name.split(".")[0]
    if mine == "ui":
        return module.startswith("qn_ui") and top == "pages"
    if top in ("streamlit", "qn_ui", "pages", "app"):
        return True  # qn_model never imports the UI
    if top == "plotly":
        return mine in NO_PLOTLY
    if theirs is None:
        return False  # the standard library and other packages
    if mine == "package":
        return True  # it runs before every module of the engine: it must not choose what loads
    if theirs == "package":
        return False  # importing any module runs the package's __init__ anyway
    if theirs == "i18n":
        return mine not in (*I18N_USERS, "i18n")
    if mine == "i18n":
        return theirs != "core"
    return LAYERS.index(theirs) > LAYERS.index(mine)


def violations() -> set[tuple[str, str]]:
    return {(module, name) for module, names in GRAPH.items() for name in names if _against(module, name)}


def cycles(graph: dict[str, set[str]] | None = None) -> list[list[str]]:
    """Every import cycle among the project's modules, each as the path that closes it
    (``[a, b, a]``), found by a depth-first search over the import graph."""
    graph = GRAPH if graph is None else graph
    edges = {m: sorted(n for n in names if n in graph and n != m) for m, names in graph.items()}
    found: list[list[str]] = []
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for name in edges[module]:
            if state.get(name) == 1:
                found.append([*path[path.index(name) :], name])
            elif name not in state:
                visit(name)
        path.pop()
        state[module] = 2

    for module in sorted(edges):
        if module not in state:
            visit(module)
    return found


def test_every_module_has_a_layer():
    assert len(SOURCES) > 60
    assert not [m for m in SOURCES if layer(m) is None]


def test_imports_point_down_only():
    new = violations() - KNOWN_EXCEPTIONS
    assert not new, f"imports against the layering (see this module's docstring): {sorted(new)}"


def test_no_import_cycle():
    assert not cycles(), f"modules that import each other (break the cycle): {cycles()}"


def test_the_package_imports_nothing_of_the_project():
    assert not {n for n in GRAPH["qn_model"] if n.startswith("qn_model")}


def test_the_cycle_search_finds_long_and_short_cycles():
    graph = {"a": {"b"}, "b": {"c", "os"}, "c": {"a"}, "d": {"b", "e"}, "e": {"d"}, "f": {"f"}}
    assert sorted(map(tuple, cycles(graph))) == [("a", "b", "c", "a"), ("d", "e", "d")]
    assert cycles({"a": {"b"}, "b": set(), "c": {"a", "b"}}) == []


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("qn_model.core.compare_link", "qn_model.core.links"),
        ("qn_model.data.dataset", "qn_model.engine.presets"),  # also against the layering
        ("qn_model.views.chart_kit", "qn_model.views.figures"),  # figures imports chart_kit
    ],
)
def test_the_checker_catches_a_cycle(monkeypatch, module, name):
    monkeypatch.setitem(GRAPH, module, GRAPH[module] | {name})
    assert any(module in c and name in c for c in cycles()), (module, name)


def test_known_exceptions_are_still_needed():
    fixed = KNOWN_EXCEPTIONS - violations()
    assert not fixed, f"no longer needed, remove from KNOWN_EXCEPTIONS: {sorted(fixed)}"


# Imports the checker must refuse: (module, what it would import) -> the rule it breaks.
REFUSED = {
    ("qn_model.core.scenario", "streamlit"): "qn_model never imports streamlit",
    ("qn_model.views.figures", "qn_ui.state"): "qn_model never imports qn_ui",
    ("qn_model.engine.evaluate", "plotly.graph_objects"): "the engine draws nothing",
    ("qn_model.core.links", "qn_model.engine.presets"): "arrows point down",
    ("qn_model.views.tables", "qn_model.outputs.exports"): "arrows point down",
    ("qn_model.outputs.brief", "qn_model.cli"): "arrows point down",
    ("qn_model.trends.models", "qn_model.i18n.formats"): "i18n: views, outputs, cli only",
    ("qn_model.i18n.formats", "qn_model.data.dataset"): "i18n imports core only",
    ("qn_ui.state", "pages.scenario"): "qn_ui never imports pages",
    ("qn_model", "qn_model.i18n"): "the package imports nothing of its own",
}


@pytest.mark.parametrize(("module", "name"), REFUSED)
def test_the_checker_catches(monkeypatch, module, name):
    assert (module, name) not in violations()
    monkeypatch.setitem(GRAPH, module, GRAPH[module] | {name})
    assert (module, name) in violations(), REFUSED[module, name]


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("qn_model.views.figures", "plotly.graph_objects"),
        ("qn_model.outputs.brief", "qn_model.views.figures"),
        ("qn_model.cli", "qn_model.outputs.brief"),
        ("qn_model.views.tables", "qn_model.i18n.formats"),
        ("qn_model.i18n.formats", "qn_model.core.messages"),
        ("qn_model.engine.presets", "qn_model.trends.suite"),
        ("qn_ui.state", "qn_model.core.links"),
        ("pages.scenario", "qn_ui.state"),
        ("app", "streamlit"),
    ],
)
def test_the_checker_allows(monkeypatch, module, name):
    monkeypatch.setitem(GRAPH, module, GRAPH[module] | {name})
    assert (module, name) not in violations()
