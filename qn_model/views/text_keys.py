"""The catalog keys that code builds with an f-string (``t(f"basis_{v.basis}", lang)``), listed.

Each family is the f-string's pattern (every ``{...}`` written ``{}``) and the values it takes,
taken from the domain's own lists where there is one (presets, trend models, peer methods, the
data's target sets). ``scripts/texts.py`` (``make texts``) extracts these keys with the literal
ones; ``tests/test_i18n.py`` fails on an f-string key without a family here, on a family no code
uses, and on a key of a family missing from a catalog. A new f-string key: add its family here.
"""

from __future__ import annotations

from functools import cache

__all__ = ["families"]


@cache
def families() -> dict[str, tuple[str, ...]]:
    """f-string pattern -> the values of its ``{}`` (the keys: ``pattern.format(value)``)."""
    from qn_model.data.dataset import KINDS, USER_SOURCE_ID, load_dataset
    from qn_model.data.peers import BASES, METHODS, PEER_KINDS
    from qn_model.engine.presets import CUSTOM_TARGET_SET, PRESETS, target_sets
    from qn_model.trends.models import MODEL_KINDS
    from qn_model.views.history import GENERAL_GROUP
    from qn_model.views.peers import PARTS
    from qn_model.views.trends import SERIES

    periods = ("1", "2")
    sets = (*target_sets(load_dataset()), CUSTOM_TARGET_SET)  # the shipped data's, and "custom"
    series = tuple(s.series_id for s in SERIES)
    kinds = (*KINDS, USER_SOURCE_ID)  # a planner's own rows are of kind "user"
    return {
        "basis_{}": ("observed", "projected", "assumed", "unavailable"),  # core.targets BASIS_*
        "period_{}": periods,
        "period_{}_title": periods,
        "preset_{}": PRESETS,
        "preset_{}_help": PRESETS,
        "meth_preset_{}": PRESETS,
        "target_set_{}": sets,
        "source_{}": sets,
        "trend_model_{}": MODEL_KINDS,
        "trend_model_{}_text": MODEL_KINDS,
        "meth_model_{}": MODEL_KINDS,
        "meth_model_{}_desc": MODEL_KINDS,
        "trend_series_{}": series,
        "trend_axis_{}": series,
        # trends.models: why a model could not be fitted
        "trend_reason_{}": (
            "too_short",
            "not_contiguous",
            "non_positive",
            "not_a_share",
            "optimiser_failed",
            "non_finite",
        ),
        "trend_basis_{}": ("observed", "forecast", "mixed"),
        "trend_carried_{}": ("gy", "gd"),
        "trend_carry_button_{}": ("gy", "gd"),
        "band_{}": ("95", "80"),
        "exp_kind_{}": kinds,
        "hist_kind_{}": kinds,
        "hist_legend_{}": kinds,
        "hist_group_{}": (GENERAL_GROUP,),
        "mydata_change_{}": ("added", "overridden"),
        "peers_kind_{}": PEER_KINDS,
        "peers_method_name_{}": METHODS,
        "meth_peers_method_{}": METHODS,
        # the methods a peer group is drawn by (targets, own or the article's, are not groups)
        "peers_method_{}": tuple(m for m in METHODS if m not in ("own_target", "article_target")),
        "real_method_{}": (
            "gso",
            "mic",
            "mic_annual_report_2022",
            "gso_reported_2021_2025",
            "mic_assessment",
        ),
        "peers_{}_header": PARTS[1:],  # the share's chart has the page's own header
        "peers_{}_title": PARTS,
        "detail_{}": ("projects", "chart", "path", "verdicts", "sensitivity", "downloads"),  # pages/scenario
        "dl_{}": ("csv", "xlsx", "html", "pptx", "docx", "pdf"),  # qn_ui.downloads
        "dl_{}_help": ("csv", "xlsx", "html", "pptx", "docx", "pdf"),
        "peers_basis_{}": BASES,
        # trends.diagnostics: where a fitted parameter sits, and the parameters it checks
        "trend_bound_{}": ("lower", "upper", "unit_circle"),
        "trend_param_{}": ("smoothing_level", "smoothing_trend", "damping_trend", "ma_L1", "ar_L1"),
        "present_{}": ("gd1", "gd2"),  # the meeting view's nudge buttons
    }
