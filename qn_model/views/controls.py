"""The scenario's controls as data: which slider sets which link key, its label and help, its
range (the sidebar's sliders and the live component share these)."""

from __future__ import annotations

from qn_model.core.links import KEY_BY_NAME
from qn_model.core.messages import N_

# The usual range for a precise hand, widened to the link contract's limits when a value needs
# it (a link may carry up to 250 %/year).
SOFT_MAX = {"gy": 30.0, "gd": 100.0}
STEP = 0.1

# period: (link key, label, help) for GRDP growth, then digital-economy growth
GROWTH_SLIDERS = {
    1: (("gy1", N_("grdp_growth_pct"), N_("help_gy")), ("gd1", N_("de_growth_pct"), N_("help_gd"))),
    2: (("gy2", N_("grdp_growth_pct"), N_("help_gy")), ("gd2", N_("de_growth_pct"), N_("help_gd"))),
}
# The further assumptions (link key, label, help, a percentage?), after the base year.
MORE_SLIDERS = (
    ("s0", N_("base_share"), N_("help_s0"), True),
    ("t1", N_("target_2025"), N_("help_target"), True),
    ("t2", N_("target_2030"), N_("help_target"), True),
    ("sy", N_("spread_gy"), N_("help_spread"), False),
    ("sd", N_("spread_gd"), N_("help_spread"), False),
    ("ss", N_("spread_ss"), N_("help_spread_ss"), False),
)
MORE_KEYS = ("base", *(key for key, *_ in MORE_SLIDERS))


def slider_range(link_key: str, value: float) -> tuple[float, float]:
    """A slider's (min, max) for ``value``: the soft maximum unless the value is beyond it."""
    spec = KEY_BY_NAME[link_key]
    soft = SOFT_MAX.get(link_key[:2])
    return float(spec.lo), float(spec.hi if soft is None or value > soft else soft)
