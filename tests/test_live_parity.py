"""The live scenario's browser arithmetic (``qn_ui/live/model.mjs``, ``format.mjs``) against the
engine: random links through the link contract, evaluated by ``qn_model``, written to a temporary
file, and compared by Node's own test runner (``tests/js/parity.test.mjs``) to 1e-9, with the
JS modules' own unit tests in the same run. A change on either side that breaks parity fails here.
"""

from __future__ import annotations

import json
import math
import os
import random
import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import pytest

from qn_model.core.links import NUMBER_KEYS, parse
from qn_model.core.projection import project
from qn_model.core.scenario import TARGET_YEAR_2, Scenario
from qn_model.core.targets import judge, with_required_growth
from qn_model.data.dataset import load_dataset
from qn_model.engine.evaluate import base_grdp
from qn_model.engine.presets import link_context, observed_share
from qn_model.i18n.formats import fmt_money, fmt_num, fmt_pct, fmt_pp, t

ROOT = Path(__file__).resolve().parents[1]
JS_TESTS = sorted((ROOT / "tests" / "js").glob("*.test.mjs"))
N_SCENARIOS = 10_000
N_NUMBERS = 4_000
SEED = 20261206


def _number(rng: random.Random, lo: float, hi: float, usual: tuple[float, float] | None = None) -> str:
    """A link value: mostly in the usual range, sometimes anywhere in the contract's, rarely out
    of it or not a number (the parser's fallbacks are part of the contract)."""
    roll = rng.random()
    if roll < 0.03:
        return rng.choice(["abc", "", "nan", "inf", str(hi * 2 + 1), str(lo - 5)])
    if usual is not None and roll < 0.75:
        lo, hi = usual
    value = rng.uniform(lo, hi)
    return rng.choice([f"{value:.1f}", f"{value:.3f}", repr(value), str(round(value))])


def _projects(rng: random.Random) -> str:
    entries = []
    for _ in range(rng.choice([0, 0, 1, 2, 3, 5, 6])):
        year = rng.randint(2025, 2030) if rng.random() < 0.95 else 2031
        value = rng.choice([rng.uniform(0.1, 50.0), rng.uniform(0.1, 1000.0), 0.05])
        entries.append(f"{year}:{value:.2f}")
    return ",".join(entries)


USUAL = {"base": (2018, 2026), "s0": (2, 20), "gy1": (0, 15), "gd1": (0, 40), "gy2": (0, 15), "gd2": (0, 60)}


def _link(rng: random.Random) -> str:
    items = []
    for spec in NUMBER_KEYS:
        if rng.random() < 0.85:
            items.append((spec.key, _number(rng, spec.lo, spec.hi, USUAL.get(spec.key))))
    if rng.random() < 0.6:
        items.append(("pj", _projects(rng)))
    rng.shuffle(items)
    return urlencode(items)


def _nan_free(values: tuple[float, ...]) -> list[float | None]:
    return [v if math.isfinite(v) else None for v in values]


def _scenario(scn: Scenario) -> dict[str, object]:
    return {
        "base_year": scn.base_year,
        "base_share_pct": scn.base_share_pct,
        "ss": scn.ss,
        **{k: getattr(scn, k) for k in ("gy1", "gd1", "gy2", "gd2", "t1", "t2")},
        "projects": [[p.year, p.value_vnd_trn] for p in scn.projects],
    }


def scenario_cases(n: int = N_SCENARIOS, seed: int = SEED) -> list[dict[str, object]]:
    ds = load_dataset()
    ctx = link_context(ds)
    observed = observed_share(ds)
    rng = random.Random(seed)
    cases = []
    for _ in range(n):
        link = _link(rng)
        scn = parse(link, ctx).scenario
        roll = rng.random()
        # The data's level for the base year (known for a few years), or another known level, or none.
        level = (
            base_grdp(ds, scn.base_year) if roll < 0.6 else (rng.uniform(10, 1e5) if roll < 0.85 else None)
        )
        seen = dict(observed)
        if rng.random() < 0.1:
            seen[2025] = rng.uniform(1, 40)  # a year judged on data
        path = project(scn, level)
        plan = project(with_required_growth(scn, TARGET_YEAR_2, scn.t2, level), level)
        cases.append(
            {
                "link": link,
                "scenario": _scenario(scn),
                "level": level,
                "observed": {str(y): v for y, v in seen.items()},
                "path": {
                    "years": list(path.years),
                    "share_pct": _nan_free(path.share_pct),
                    "grdp_vnd_trn": _nan_free(path.grdp_vnd_trn),
                    "de_vnd_trn": _nan_free(path.de_vnd_trn),
                },
                "required_share_pct": _nan_free(plan.share_pct),
                "verdicts": [
                    {k: v for k, v in verdict.to_dict().items() if k != "probability"}
                    for verdict in judge(scn, path, seen)
                ],
            }
        )
    return cases


def number_cases(n: int = N_NUMBERS, seed: int = SEED) -> list[dict[str, object]]:
    rng = random.Random(seed + 1)
    cases = []
    for i in range(n):
        scale = 10 ** rng.randint(-3, 7)
        value = rng.choice([rng.uniform(-1, 1) * scale, round(rng.uniform(-100, 100), rng.randint(1, 3))])
        if i < 12:
            value = [0.25, 0.35, -0.04, -0.0, 1234.55, 0.95, 9.96, 99.95, 0.05, 2.5e16, 1e-7, 0.0][i]
        lang = rng.choice(["vi", "en"])
        digits = rng.randint(0, 2)
        signed = rng.random() < 0.3
        cases.append(
            {
                "value": value,
                "lang": lang,
                "digits": digits,
                "signed": signed,
                "num": fmt_num(value, lang, digits, signed),
                "pct": fmt_pct(value, lang, digits, signed),
                "pp": fmt_pp(value, lang, digits),
                "money": fmt_money(value, lang, digits),
            }
        )
    return cases


def texts() -> dict[str, dict[str, str]]:
    return {lang: {k: t(k, lang) for k in ("unit_pp", "money_vnd_trn")} for lang in ("vi", "en")}


@pytest.fixture(scope="module")
def node() -> str:
    found = shutil.which("node")
    assert found, "Node is needed for the live scenario's tests: apt-get install nodejs (make test does)"
    return found


def test_the_browser_model_gives_the_engine_s_values(node: str, tmp_path: Path) -> None:
    cases = tmp_path / "parity.json"
    cases.write_text(
        json.dumps({"scenarios": scenario_cases(), "numbers": number_cases(), "texts": texts()}),
        encoding="utf-8",
    )
    assert JS_TESTS, "no tests under tests/js"
    run = subprocess.run(
        [node, "--test", "--test-reporter=tap", *map(str, JS_TESTS)],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QN_PARITY_CASES": str(cases)},
        check=False,
    )
    report = run.stdout + run.stderr
    assert run.returncode == 0, report[-6000:]
    counts = {k: int(v) for k, v in re.findall(r"^# (pass|fail|skipped|skip|todo) (\d+)$", report, re.M)}
    assert counts.get("fail") == 0 and counts.get("skipped", counts.get("skip", 0)) == 0, report[-3000:]
    assert "parity: every scenario" in report and "parity: every number" in report, report[-3000:]
    assert counts.get("pass", 0) >= 8, report[-3000:]
