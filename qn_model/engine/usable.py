"""Whether the app can work on a dataset: a default scenario it can build, inside the link
contract's ranges, that the engine can evaluate. A planner's data that fails is refused with the
problems found, so that accepted data can never break the app."""

from __future__ import annotations

import math

from qn_model.core.links import NUMBER_KEYS
from qn_model.core.messages import N_, Problem, Term
from qn_model.core.numbers import plain_number
from qn_model.data.dataset import Dataset
from qn_model.engine.evaluate import evaluate_scenario
from qn_model.engine.presets import link_context

__all__ = ["dataset_problems"]

# The catalog key of each scenario field's label, for the "default outside the range" message.
_FIELD_LABELS = {
    "base": N_("base_year"),
    "s0": N_("base_share"),
    "gy1": N_("grdp_growth_pct"),
    "gd1": N_("de_growth_pct"),
    "gy2": N_("grdp_growth_pct"),
    "gd2": N_("de_growth_pct"),
    "t1": N_("target_2025"),
    "t2": N_("target_2030"),
    "sy": N_("spread_gy"),
    "sd": N_("spread_gd"),
    "ss": N_("spread_ss"),
}


def _unusable(file: str, exc: Exception) -> Problem:
    """The app cannot work on this data; ``exc`` is named by its type only (its message is
    written for developers, in English)."""
    return Problem.of("unusable_data", file, None, None, "mydata_unusable", detail=type(exc).__name__)


def dataset_problems(ds: Dataset, file: str = "") -> tuple[Problem, ...]:
    """What would stop the app working on ``ds``: the default scenario cannot be built, falls
    outside the link contract's ranges (the sliders' limits), or cannot be evaluated.

    Returns
    -------
    tuple of Problem
        Empty when the dataset is usable.
    """
    try:
        defaults = link_context(ds).defaults
    except Exception as exc:  # e.g. a national share of 0 leaves no relative growth
        return (_unusable(file, exc),)
    problems = []
    for spec in NUMBER_KEYS:
        value = getattr(defaults, spec.field)
        if not (math.isfinite(value) and spec.lo <= value <= spec.hi):
            problems.append(
                Problem.of(
                    "default_out_of_range",
                    file,
                    None,
                    None,
                    "mydata_default_out_of_range",
                    label=Term(_FIELD_LABELS[spec.key]),
                    value=plain_number(value),
                    lo=plain_number(spec.lo),
                    hi=plain_number(spec.hi),
                )
            )
    if problems:
        return tuple(problems)
    try:
        evaluate_scenario(defaults, ds)
    except Exception as exc:
        return (_unusable(file, exc),)
    return ()
