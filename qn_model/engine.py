"""One call from a link to everything a page or the command line shows."""

from __future__ import annotations

import math
from dataclasses import dataclass

from qn_model.data import Dataset
from qn_model.links import ParsedLink, parse
from qn_model.messages import Notice
from qn_model.presets import CUSTOM_TARGET_SET, LEVEL_ID, link_context, observed_share, target_set_for
from qn_model.projection import Projection, project
from qn_model.scenario import Scenario
from qn_model.targets import TargetVerdict, judge
from qn_model.uncertainty import FanChart, simulate
from qn_model.versions import data_version_notice


@dataclass(frozen=True)
class Evaluation:
    """A scenario with its path, uncertainty fan and target verdicts."""

    scenario: Scenario
    projection: Projection
    fan: FanChart
    verdicts: tuple[TargetVerdict, ...]
    lang: str
    notices: tuple[Notice, ...]
    # The set the targets are named after (``evaluate_scenario`` resolves it: the planner's pick
    # while it holds the targets, else the set they read as, else "custom").
    target_set: str = CUSTOM_TARGET_SET

    def to_json(self) -> dict[str, object]:
        """The command line's ``--json`` document."""
        return {
            "scenario": self.scenario.to_dict(),
            "path": self.projection.records(),
            "targets": [v.to_dict() for v in self.verdicts],
            "warnings": [n.to_dict(self.lang) for n in self.notices],
            "target_set": self.target_set,
        }


def base_grdp(ds: Dataset, base_year: int) -> float | None:
    value = ds.value(LEVEL_ID, "QN", base_year)
    return None if value is None or not math.isfinite(value) else float(value)


def headline_verdicts(scn: Scenario, ds: Dataset) -> tuple[TargetVerdict, ...]:
    """The verdicts without the Monte Carlo: the same values, margins and required growth as
    :func:`evaluate_scenario`'s, with no probability. Cheap (one projection), so a page can draw
    the headline before the fan is simulated."""
    return judge(scn, project(scn, base_grdp(ds, scn.base_year)), observed_share(ds))


def evaluate_scenario(
    scn: Scenario,
    ds: Dataset,
    lang: str = "vi",
    notices: tuple[Notice, ...] = (),
    target_set: str | None = None,
) -> Evaluation:
    """``target_set``: the set the planner picked (kept while it holds the scenario's targets)."""
    projection = project(scn, base_grdp(ds, scn.base_year))
    fan = simulate(scn)
    verdicts = judge(scn, projection, observed_share(ds), fan.probabilities)
    shown = target_set_for(scn.t1, scn.t2, ds, target_set)
    return Evaluation(scn, projection, fan, verdicts, lang, notices, shown)


def parse_link(text: str, ds: Dataset) -> ParsedLink:
    return parse(text, link_context(ds))


def link_notices(parsed: ParsedLink, ds: Dataset) -> tuple[Notice, ...]:
    """What a link's parser ignored and, for a link made on other data, what changed since
    (:func:`qn_model.versions.data_version_notice`)."""
    changed = data_version_notice(parsed.data_version, ds, parsed.explicit, parsed.scenario.base_year)
    return parsed.notices if changed is None else (*parsed.notices, changed)


def evaluate_link(text: str, ds: Dataset) -> Evaluation:
    """Parse a link (never raises) and evaluate the scenario it holds, on ``ds`` (a link made
    on other data says what changed among its warnings)."""
    parsed = parse_link(text, ds)
    return evaluate_scenario(parsed.scenario, ds, parsed.lang, link_notices(parsed, ds), parsed.target_set)
