"""The peers in words: group titles, bar labels, values with their source's decimals, the
readings, the command line's table and the table of every value (localised; the data and the
groups are :mod:`qn_model.data.peers`)."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from qn_model.core.messages import N_
from qn_model.data.dataset import Dataset
from qn_model.data.peers import (
    BESIDE_QN,
    KIND_GROWTH,
    KIND_SHARE,
    KIND_TARGET,
    PEER_KINDS,
    QN,
    SHARE_ID,
    VN,
    PeerGroup,
    PeerValue,
    groups_of,
    peer_values,
    target_distances,
)
from qn_model.engine.realism import realism_reference
from qn_model.i18n.formats import fmt_pct, norm_lang, t


def group_title(group: PeerGroup, lang: str) -> str:
    """``"Digital-economy share, GSO method, 2022"``: what the group's values have in common."""
    year = str(group.year).replace("-", "–")
    if group.kind == KIND_TARGET:
        return t("peers_group_target", lang, year=year)
    return t(f"peers_method_{group.method}", lang, year=year)


def bar_label(v: PeerValue, lang: str) -> str:
    """The bar's name: the area, for Quảng Ninh's targets whose they are, and for the national
    value beside Quảng Ninh's its method."""
    if v.kind == KIND_TARGET and v.label:
        return f"{v.name(lang)} ({t(f'source_{v.label}', lang)})"
    if v.label == BESIDE_QN:
        return t("peers_national_gso", lang, name=v.name(lang))
    if v.basis == "period_average":  # beside figures of one year (or of an unclear basis)
        return t("peers_label_period_average", lang, name=v.name(lang))
    return v.name(lang)


def basis_text(v: PeerValue, lang: str) -> str:
    """One year's value, a period's average, or a period's figure the source does not say which."""
    return t(f"peers_basis_{v.basis}", lang)


def value_text(v: PeerValue | float, lang: str) -> str:
    """A value with the decimals its source gives (45 → 45%, 7.1 → 7,1%, 56.83 → 56,83%)."""
    x = v.value_pct if isinstance(v, PeerValue) else float(v)
    digits = 0 if float(x).is_integer() else (1 if round(x, 1) == x else 2)
    return fmt_pct(x, lang, digits)


# --------------------------------------------------------------------------------------
# Readings: short sentences, every number from data, each only where a source says it
# --------------------------------------------------------------------------------------
def _find(values: Sequence[PeerValue], geo: str, kind: str, method: str, year: int | str) -> PeerValue | None:
    return next(
        (v for v in values if (v.geo, v.kind, v.method, v.year) == (geo, kind, method, year)),
        None,
    )


def readings(ds: Dataset, lang: str, peers: Sequence[PeerValue] | None = None) -> list[str]:
    """Plain-language readings of the peer data, in the reader's language. Each is built from
    the values it names (and left out when one is missing)."""
    values = peer_values(ds, peers)
    out: list[str] = []

    def pct(v: PeerValue | float) -> str:
        return value_text(v, lang)

    qn = next((v for v in values if v.geo == QN and v.kind == KIND_SHARE), None)
    if qn is not None:
        out.append(t("peers_read_qn", lang, value=pct(qn), year=qn.year))
    mic = [v for v in values if v.kind == KIND_SHARE and v.method == "mic_annual_report_2022" and v.geo != VN]
    if mic:
        ranked = sorted(mic, key=lambda v: -v.value_pct)
        top = ranked[0]
        big = [v for v in ranked if v.geo in ("HN", "HCM")]
        outside = [v for v in big if ranked.index(v) >= 5]
        text = t("peers_read_mic_top", lang, name=top.name(lang), value=pct(top), year=top.year)
        if outside:
            names = ", ".join(f"{v.name(lang)} {pct(v)}" for v in outside)
            text += " " + t("peers_read_big_cities", lang, names=names)
        out.append(text)
    vn_mic = _find(values, VN, KIND_SHARE, "mic_annual_report_2022", 2022)
    vn_gso = ds.value(SHARE_ID, VN, 2022)
    if vn_mic is not None and vn_gso is not None:
        out.append(t("peers_read_methods", lang, mic=pct(vn_mic), gso=pct(vn_gso)))
    hcm_gso = _find(values, "HCM", KIND_SHARE, "gso", 2022)
    hcm_mic = _find(values, "HCM", KIND_SHARE, "mic_annual_report_2022", 2022)
    if hcm_gso is not None and hcm_mic is not None:
        out.append(t("peers_read_hcm", lang, gso=pct(hcm_gso), mic=pct(hcm_mic)))
    merged = [v for v in mic if "Merged into" in v.note]
    if merged:
        names = ", ".join(
            t("peers_merged_item", lang, name=v.name(lang), value=pct(v), into=_merged_into(v, values, lang))
            for v in merged
        )
        out.append(t("peers_read_merged", lang, items=names))
    growth = sorted((v for v in values if v.kind == KIND_GROWTH), key=lambda v: -v.value_pct)
    if len(growth) >= 2 and growth[0].geo == QN:
        out.append(
            t(
                "peers_read_growth",
                lang,
                year=growth[0].year,
                value=pct(growth[0]),
                next=growth[1].name(lang),
                next_value=pct(growth[1]),
            )
        )
    return out


def _merged_into(v: PeerValue, values: Sequence[PeerValue], lang: str) -> str:
    into = v.note.split("Merged into", 1)[1].split(" in ")[0].strip()  # the Vietnamese name
    hit = next((x for x in values if x.name_vi == into), None)
    return hit.name(lang) if hit else into


# --------------------------------------------------------------------------------------
# Text for the command line
# --------------------------------------------------------------------------------------
def table_text(values: Sequence[PeerValue], lang: str) -> str:
    """The values as a readable table in the language: grouped by kind, method and year."""
    lang = norm_lang(lang)
    lines: list[str] = []
    for kind in PEER_KINDS:
        for g in groups_of(values, kind):
            lines += ["", group_title(g, lang)]
            width = max(len(bar_label(v, lang)) for v in g.values)
            for v in g.values:
                mark = "*" if v.geo == QN else " "
                lines.append(
                    f" {mark} {bar_label(v, lang).ljust(width)}  {value_text(v, lang):>7}  {v.source_url}"
                )
    lines += ["", t("peers_cli_footer", lang)]
    return "\n".join(lines).lstrip("\n")


# --------------------------------------------------------------------------------------
# The table of every value
# --------------------------------------------------------------------------------------
TABLE_COLUMNS = (
    N_("peers_col_area"),
    N_("peers_col_kind"),
    N_("peers_col_year"),
    N_("peers_col_basis"),
    N_("peers_col_value"),
    N_("peers_col_method"),
    N_("hist_col_link"),
    N_("peers_col_note"),
)


def values_table(ds: Dataset, lang: str, peers: Sequence[PeerValue] | None = None) -> pd.DataFrame:
    """Every value the page draws, with its kind, method, link and note (localised headers)."""
    rows = []
    for v in peer_values(ds, peers):
        rows.append(
            [
                bar_label(v, lang),
                t(f"peers_kind_{v.kind}", lang),
                str(v.year).replace("-", "–"),
                basis_text(v, lang),
                value_text(v, lang),
                t(f"peers_method_name_{v.method}", lang),
                v.source_url if v.source_url.startswith(("http://", "https://")) else "",
                v.note_in(lang)[0],
            ]
        )
    return pd.DataFrame(rows, columns=[t(c, lang) for c in TABLE_COLUMNS])


# --------------------------------------------------------------------------------------
# Distance to each area's own target
# --------------------------------------------------------------------------------------
DISTANCE_COLUMNS = (
    N_("peers_col_area"),
    N_("peers_dist_col_figure"),
    N_("peers_col_year"),
    N_("peers_col_basis"),
    N_("peers_col_method"),
    N_("peers_dist_col_target"),
    N_("peers_dist_col_needed"),
)


def distance_table(ds: Dataset, lang: str, peers: Sequence[PeerValue] | None = None) -> pd.DataFrame:
    """For each area with a share and a target of its own, the yearly growth of the share
    (relative to GRDP) each figure needs to reach each later target; the figure's method and
    year basis beside it. Rows by area, then figure: never ranked across methods."""
    rows = []
    for d in target_distances(ds, peers):
        f, tgt = d.figure, d.target
        needed = (
            t("peers_dist_met", lang) if d.met else t("peers_dist_rate", lang, rate=fmt_pct(d.rate_pct, lang))
        )
        rows.append(
            [
                f.name(lang),
                value_text(f, lang),
                str(f.year).replace("-", "–"),
                basis_text(f, lang),
                t(f"peers_method_name_{f.method}", lang),
                t("peers_dist_target", lang, value=value_text(tgt, lang), year=tgt.year),
                needed,
            ]
        )
    return pd.DataFrame(rows, columns=[t(c, lang) for c in DISTANCE_COLUMNS])


def distance_note(ds: Dataset, lang: str) -> str:
    """How to read the distances, with the fastest rise of a share on record (from the data)."""
    reference = realism_reference(ds)
    text = t("peers_dist_note", lang)
    if reference is not None:
        text += " " + t("peers_dist_reference", lang, rate=fmt_pct(reference.rate_pct, lang))
    return text
