"""One call from a link to everything a page or the command line shows."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from qn_model.core.links import ParsedLink, parse
from qn_model.core.messages import Notice
from qn_model.core.projection import Projection, project
from qn_model.core.scenario import Scenario
from qn_model.core.targets import TargetVerdict, judge
from qn_model.core.uncertainty import FanChart, simulate
from qn_model.data.codebook import LEVEL_ID, PROVINCE
from qn_model.data.dataset import Dataset
from qn_model.data.versions import data_version_notice
from qn_model.engine.presets import CUSTOM_TARGET_SET, link_context, observed_share, target_set_for


@dataclass(frozen=True)
class Evaluation:
    """A scenario with its path, uncertainty fan and target verdicts: numbers and message codes,
    in no language (the caller renders them in the reader's)."""

    scenario: Scenario
    projection: Projection
    fan: FanChart
    verdicts: tuple[TargetVerdict, ...]
    notices: tuple[Notice, ...]
    # The set the targets are named after (``evaluate_scenario`` resolves it: the planner's pick
    # while it holds the targets, else the set they read as, else "custom").
    target_set: str = CUSTOM_TARGET_SET

    def to_json(self, text: Callable[[Notice], str]) -> dict[str, object]:
        """The command line's ``--json`` document; ``text`` puts a warning into words (the
        command line passes ``qn_model.i18n.render`` in the link's language)."""
        return {
            "scenario": self.scenario.to_dict(),
            "path": self.projection.records(),
            "targets": [v.to_dict() for v in self.verdicts],
            "warnings": [{"code": n.code, "message": text(n)} for n in self.notices],
            "target_set": self.target_set,
        }


def base_grdp(ds: Dataset, base_year: int) -> float | None:
    value = ds.value(LEVEL_ID, PROVINCE, base_year)
    return None if value is None or not math.isfinite(value) else float(value)


def project_notices(scn: Scenario, ds: Dataset) -> tuple[Notice, ...]:
    """What happened to projects that cannot move the path: all of them when the base year has
    no GRDP level (money cannot be computed), those starting in or before the base year."""
    if not scn.projects:
        return ()
    if base_grdp(ds, scn.base_year) is None:
        return (Notice.of("projects_no_level", "projects_no_level", year=scn.base_year),)
    early = [p for p in scn.projects if p.year <= scn.base_year]
    if not early:
        return ()
    years = ", ".join(str(p.year) for p in early)
    return (Notice.of("projects_before_base", "projects_before_base", years=years, base=scn.base_year),)


def headline_verdicts(scn: Scenario, ds: Dataset) -> tuple[TargetVerdict, ...]:
    """The verdicts without the Monte Carlo: the same values, margins and required growth as
    :func:`evaluate_scenario`'s, with no probability. Cheap (one projection), so a page can draw
    the headline before the fan is simulated."""
    return judge(scn, project(scn, base_grdp(ds, scn.base_year)), observed_share(ds))


@lru_cache(maxsize=256)
def scenario_fan(scn: Scenario, level: float) -> FanChart:
    """The scenario's Monte Carlo (10,000 paths, a fixed seed: the same fan for the same inputs).
    Kept for the scenarios seen last: a scenario comes back often (a key pressed and undone, Back
    and Forward, the language switch, the meeting view and back), and it is most of the server's
    work after a slider's release (BENCHMARKS.md, issue 21). A few kB each."""
    return simulate(scn, base_grdp_vnd_trn=level)


def evaluate_scenario(
    scn: Scenario,
    ds: Dataset,
    *,
    notices: tuple[Notice, ...] = (),
    target_set: str | None = None,
) -> Evaluation:
    """``notices``: what the caller already has to say (a link's); ``target_set``: the set the
    planner picked (kept while it holds the scenario's targets)."""
    level = base_grdp(ds, scn.base_year)
    projection = project(scn, level)
    fan = scenario_fan(scn, level)
    verdicts = judge(scn, projection, observed_share(ds), fan.probabilities)
    shown = target_set_for(scn.t1, scn.t2, ds, target_set)
    extra = tuple(n for n in project_notices(scn, ds) if n not in notices)
    return Evaluation(scn, projection, fan, verdicts, notices + extra, shown)


def parse_link(text: str, ds: Dataset) -> ParsedLink:
    return parse(text, link_context(ds))


def link_notices(parsed: ParsedLink, ds: Dataset) -> tuple[Notice, ...]:
    """What a link's parser ignored and, for a link made on other data, what changed since
    (:func:`qn_model.data.versions.data_version_notice`)."""
    changed = data_version_notice(parsed.data_version, ds, parsed.explicit, parsed.scenario.base_year)
    return parsed.notices if changed is None else (*parsed.notices, changed)


def evaluate_parsed(parsed: ParsedLink, ds: Dataset) -> Evaluation:
    """The scenario of a parsed link evaluated on ``ds``, with the link's notices and target set
    (the link's language stays with ``parsed``: the evaluation has none)."""
    return evaluate_scenario(
        parsed.scenario, ds, notices=link_notices(parsed, ds), target_set=parsed.target_set
    )


def evaluate_link(text: str, ds: Dataset) -> Evaluation:
    """Parse a link (never raises) and evaluate the scenario it holds, on ``ds`` (a link made
    on other data says what changed among its warnings)."""
    return evaluate_parsed(parse_link(text, ds), ds)
