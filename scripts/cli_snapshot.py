"""Every command-line answer for the project's own links, written to a folder, for a before/after diff.

    .venv/bin/python scripts/cli_snapshot.py OUT_DIR [--links FILE] [--no-brief]
    diff -r BEFORE_DIR AFTER_DIR          # empty when the engine's answers are unchanged

The links: those in README.md, every link-looking string literal in tests/ (and tests/hostile.py's
tampered corpus), the presets' links. For each: ``evaluate`` as text and ``--json``, and ``brief``
in both languages (the inlined plotly.js, the same few MB in every brief, is replaced by its
SHA-256). Then ``peers`` (text and JSON, both languages) and ``validate`` on every upload fixture
in both languages. ``--links`` reads the links from a file instead, one per line (the
``links.txt`` a run writes: two versions of the code then answer the same links). A link's files
are named by a hash of the link. Commands run in this process through ``qn_model.cli.main`` (one import of the
stack, not one per command); each output file holds the exit code, stdout and stderr. A brief
carries the day it was made: compare two snapshots made on the same day.
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import hashlib
import io
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# Link keys, written out rather than imported so that the same list runs on two versions.
KEYS = "base|s0|gy1|gd1|gy2|gd2|t1|t2|sy|sd|ss|lang|present|dv|ts|pj|cmp"
LINKISH = re.compile(rf"(^|[?&])({KEYS})=")


def readme_links() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    found = re.findall(r'qn_model (?:evaluate|brief) "([^"]+)"', text)
    found += [m for m in re.findall(r"`([^`\s]+)`", text) if LINKISH.search(m.split("?", 1)[-1])]
    return found


def test_links() -> list[str]:
    found = []
    for path in sorted((ROOT / "tests").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                if "\n" not in text and len(text) < 400 and LINKISH.search(text.split("?", 1)[-1]):
                    found.append(text)
    from tests.hostile import tampered_links

    return found + tampered_links()


def preset_links() -> list[str]:
    from qn_model.core.links import serialize
    from qn_model.data.dataset import load_dataset
    from qn_model.engine.presets import PRESETS, link_context, preset

    ds = load_dataset()
    ctx = link_context(ds)
    out = []
    for name in PRESETS:
        for lang in ("vi", "en"):
            query = serialize(
                preset(name, ds), ctx.defaults, lang, False, ds.version, ctx.observed_share, None
            )
            out.append(query or "lang=vi")
    return out


def run(argv: list[str]) -> str:
    from qn_model.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(argv)
        except SystemExit as exc:  # argparse refusing an argument
            code = exc.code
    return f"exit {code}\n--- stdout\n{out.getvalue()}--- stderr\n{err.getvalue()}"


def brief(link: str, lang: str, tmp: Path, bundle: str, bundle_sha: str) -> str:
    path = tmp / "brief.html"
    path.unlink(missing_ok=True)
    head = run(["brief", link, "--out", str(path), "--lang", lang]).replace(str(path), "<out>")
    body = path.read_text(encoding="utf-8") if path.exists() else ""
    return head + "--- html\n" + body.replace(bundle, f"<plotly.js sha256={bundle_sha}>")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--links", type=Path, help="the links to run, one per line (default: collected)")
    parser.add_argument("--no-brief", action="store_true", help="skip the briefs (the slow part)")
    parser.add_argument("--collect-only", action="store_true", help="write links.txt and stop")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.links:
        links = args.links.read_text(encoding="utf-8").split("\n")[:-1]
    else:
        links = list(dict.fromkeys(readme_links() + test_links() + preset_links()))
    (args.out / "links.txt").write_text("\n".join(links) + "\n", encoding="utf-8")
    if args.collect_only:
        return 0
    from qn_model.outputs.brief import plotly_js

    bundle = plotly_js()
    bundle_sha = hashlib.sha256(bundle.encode()).hexdigest()
    with tempfile.TemporaryDirectory() as tmp:
        for link in links:
            stem = args.out / f"link_{hashlib.sha256(link.encode()).hexdigest()[:16]}"
            stem.with_suffix(".evaluate.txt").write_text(run(["evaluate", link]), encoding="utf-8")
            stem.with_suffix(".evaluate.json").write_text(run(["evaluate", link, "--json"]), encoding="utf-8")
            if not args.no_brief:
                for lang in ("vi", "en"):
                    text = brief(link, lang, Path(tmp), bundle, bundle_sha)
                    stem.with_suffix(f".brief_{lang}.html").write_text(text, encoding="utf-8")
    for lang in ("vi", "en"):
        (args.out / f"peers_{lang}.txt").write_text(run(["peers", "--lang", lang]), encoding="utf-8")
        (args.out / f"peers_{lang}.json").write_text(
            run(["peers", "--json", "--lang", lang]), encoding="utf-8"
        )
        for path in sorted((ROOT / "tests/fixtures/uploads").iterdir()):
            if path.suffix in (".csv", ".xlsx", ".xls", ".json"):
                text = run(["validate", str(path), "--lang", lang]).replace(str(ROOT), "<root>")
                (args.out / f"validate_{path.name}_{lang}.txt").write_text(text, encoding="utf-8")
    (args.out / "data_version.txt").write_text(run(["data-version"]), encoding="utf-8")
    print(f"{len(links)} links written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
