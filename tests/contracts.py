"""Field names other programs read, written down once for the tests that check them."""

from __future__ import annotations

# One target's verdict in the JSON document (``python -m qn_model evaluate … --json`` and
# ``Verdict.to_dict``): renaming or dropping one breaks whoever reads the document.
VERDICT_FIELDS = frozenset(
    {
        "year",
        "target_pct",
        "value_pct",
        "met",
        "margin_pp",
        "basis",
        "required_de_growth_pct",
        "probability",
        "gap_vnd_trn",  # issue 14: the gap in money
        "required_range_pct",  # issue 24: with the base share one spread (ss) above and below
    }
)
