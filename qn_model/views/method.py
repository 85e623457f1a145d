"""Content of the method page: formulas, definitions, caveats and every source.

The page is a list of :class:`Section` s, each a list of :class:`Block` s (text, formula,
bullets, table), so the page only draws. Every number quoted in the caveats is computed
here through the engine (``targets.required_de_growth_pct`` on ``presets.default_scenario``),
never typed into a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from qn_model.core.messages import N_
from qn_model.core.projection import project
from qn_model.core.scenario import TARGET_YEAR_1, TARGET_YEAR_2
from qn_model.core.sensitivity import default_axes
from qn_model.core.targets import required_de_growth_pct
from qn_model.core.uncertainty import N_PATHS, SEED
from qn_model.data import versions
from qn_model.data.cache import derived
from qn_model.data.codebook import NATION, PROVINCE, SHARE_ID
from qn_model.data.dataset import DATA_DIR, Dataset
from qn_model.data.peers import METHODS, load_peers
from qn_model.engine.presets import (
    PRESETS,
    default_scenario,
    historical_spreads,
    observed_share,
    preset,
    trend_rates,
)
from qn_model.engine.realism import realism_reference
from qn_model.i18n.formats import fmt_money, fmt_num, fmt_pct, fmt_year, t
from qn_model.trends.models import MIN_OBS, MODEL_KINDS
from qn_model.views.history import (
    LINK_DISPLAY_REGEX,
    geo_label,
    has_url,
    localised_frame,
    source_text,
    years_text,
)
from qn_model.views.narrative import ss_default_reason
from qn_model.views.provenance import source_date_text
from qn_model.views.realism_text import describe
from qn_model.views.trends import fit_for, trend_marks

__all__ = [
    "LINK_DISPLAY_REGEX",
    "PROJECTION_LATEX",
    "REQUIRED_LATEX",
    "Block",
    "Section",
    "caveats",
    "readme_changelog",
    "sections",
    "sources_table",
    "target_sources_table",
]

# Formulas (LaTeX is the same in both languages; the words around it are in the catalogs).
PROJECTION_LATEX = r"s_t \;=\; s_{t-1} \times \frac{1 + g_d/100}{1 + g_y/100}"
REQUIRED_LATEX = r"g_d^{*} \;=\; (1 + g_y)\left(\frac{T}{s_{\mathrm{start}}}\right)^{1/n} - 1"
SPREAD_LATEX = r"g_y \sim \mathcal{N}(\bar g_y,\ s_y^2),\quad g_d \sim \mathcal{N}(\bar g_d,\ s_d^2),\quad s_d = \sqrt{s_y^2 + s_r^2}"
TREND_PRESET_LATEX = r"g_d \;=\; (1 + g_y)(1 + r) - 1"
PROJECTS_LATEX = (
    r"DE_t = \frac{s^0_t}{100}\,Y^0_t + P_t,\quad Y_t = Y^0_t + P_t,\quad s_t = 100\,\frac{DE_t}{Y_t}"
)
GAP_LATEX = r"G_T \;=\; \max\!\left(0,\ \frac{T/100 \cdot Y_t - DE_t}{1 - T/100}\right)"
DATA_README = DATA_DIR / "README.md"
RESOLUTION_SET = "resolution09"
ARTICLE_SET = "article"


@dataclass(frozen=True)
class Block:
    """One thing to draw: ``kind`` is ``text``, ``caption``, ``latex``, ``bullets``, ``table``
    (an interactive table, with links) or ``static`` (a small table whose long texts wrap).

    ``content`` is a string (text, caption, latex), a tuple of strings (bullets) or a
    DataFrame (table, static). ``link_column`` names a table's URL column (drawn as links).
    Texts are plain (no Markdown): the page escapes them, since some carry data.
    """

    kind: str
    content: object
    link_column: str | None = None


@dataclass(frozen=True)
class Section:
    title: str
    blocks: tuple[Block, ...] = field(default_factory=tuple)


def _pct(value: float | None, lang: str, digits: int = 1) -> str:
    return fmt_pct(value, lang, digits)


# --------------------------------------------------------------------------------------
# Numbers the texts quote (all through the engine)
# --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class CaveatNumbers:
    """The figures behind the caveats, from the default scenario of ``ds``."""

    base_year: int
    base_share: float
    target_2025: float
    required_2025: float | None  # None when 2025 is not projected (observed or base year)
    observed_2025: float | None
    share_2025: float | None  # the default scenario's 2025 share (observed or projected)
    gy1: float
    gy2: float
    required_2030: dict[str, tuple[float, float | None]]  # set -> (target, required gd)


def _share_2030_targets(ds: Dataset) -> dict[str, float]:
    out: dict[str, float] = {}
    for set_id in ds.target_sets():
        rows = ds.targets_for(set_id)
        rows = rows[
            (rows["indicator_id"] == SHARE_ID) & (rows["geo"] == PROVINCE) & (rows["year"] == TARGET_YEAR_2)
        ]
        if len(rows):
            out[set_id] = float(rows["value"].iloc[0])
    return out


def caveat_numbers(ds: Dataset) -> CaveatNumbers:
    """Required growths for the provincial targets under the default (trend) scenario."""
    scn = default_scenario(ds)
    observed = observed_share(ds)
    req_2025 = required_de_growth_pct(scn, TARGET_YEAR_1, scn.t1)
    share_2025 = observed.get(TARGET_YEAR_1, project(scn).share_in(TARGET_YEAR_1))
    req_2030 = {
        set_id: (value, required_de_growth_pct(scn, TARGET_YEAR_2, value))
        for set_id, value in _share_2030_targets(ds).items()
    }
    return CaveatNumbers(
        base_year=scn.base_year,
        base_share=scn.base_share_pct,
        target_2025=scn.t1,
        required_2025=None if TARGET_YEAR_1 in observed else req_2025,
        observed_2025=observed.get(TARGET_YEAR_1),
        share_2025=share_2025,
        gy1=scn.gy1,
        gy2=scn.gy2,
        required_2030=req_2030,
    )


def caveats(ds: Dataset, lang: str) -> tuple[str, ...]:
    """The caveats, plainly, with every number computed from the data and the engine."""
    obs = observed_share(ds)
    n = caveat_numbers(ds)
    out: list[str] = []
    if len(obs) == 1:
        out.append(t("meth_cav_one_share", lang, value=_pct(n.base_share, lang), year=n.base_year))
    else:
        out.append(t("meth_cav_many_shares", lang, n=len(obs), years=years_text(list(obs))))
    national = ds.series(SHARE_ID, NATION)
    if len(national):
        out.append(
            t(
                "meth_cav_proxy",
                lang,
                years=years_text([int(y) for y in national.index]),
                first=_pct(float(national.iloc[0]), lang, 2),
                last=_pct(float(national.iloc[-1]), lang, 2),
            )
        )
    if n.observed_2025 is not None:
        met = n.observed_2025 >= n.target_2025
        out.append(
            t(
                "meth_cav_2025_data",
                lang,
                value=_pct(n.observed_2025, lang),
                target=_pct(n.target_2025, lang, 0),
                verdict=t("verdict_met" if met else "verdict_not_met", lang),
            )
        )
    elif n.required_2025 is not None:
        out.append(
            t(
                "meth_cav_2025_reach",
                lang,
                value=_pct(n.base_share, lang),
                year=n.base_year,
                target=_pct(n.target_2025, lang, 0),
                req=_pct(n.required_2025, lang, 0),
                gy=_pct(n.gy1, lang),
            )
        )
    for set_id, (target, req) in n.required_2030.items():
        if req is None:
            continue
        out.append(
            t(
                "meth_cav_2030_reach",
                lang,
                target=_pct(target, lang, 0),
                source=t(f"source_{set_id}", lang),
                share2025=_pct(n.share_2025, lang),
                req=_pct(req, lang, 0),
                gy=_pct(n.gy2, lang),
            )
        )
    targets = _share_2030_targets(ds)
    if (
        ARTICLE_SET in targets
        and RESOLUTION_SET in targets
        and targets[ARTICLE_SET] != targets[RESOLUTION_SET]
    ):
        out.append(
            t(
                "meth_cav_35_vs_30",
                lang,
                article=_pct(targets[ARTICLE_SET], lang, 0),
                resolution=_pct(targets[RESOLUTION_SET], lang, 0),
            )
        )
    out.extend(
        t(key, lang)
        for key in (
            N_("meth_cav_past"),
            N_("meth_cav_methods"),
            N_("meth_cav_gdp_grdp"),
            N_("meth_cav_bounds"),
            N_("meth_cav_estimates"),
        )
    )
    return tuple(out)


# --------------------------------------------------------------------------------------
# Tables
# --------------------------------------------------------------------------------------
TARGET_COLUMNS = (
    N_("meth_col_set"),
    N_("hist_col_geo"),
    N_("hist_col_year"),
    N_("target"),
    N_("hist_col_link"),
    N_("hist_col_source"),
    N_("hist_col_note"),
)
SOURCE_COLUMNS = (
    N_("meth_col_title"),
    N_("hist_col_link"),
    N_("meth_col_publisher"),
    N_("meth_col_published"),
    N_("meth_col_accessed"),
    N_("meth_col_backs"),
    N_("meth_col_id"),
)
MODEL_COLUMNS = (N_("meth_col_model"), N_("meth_col_how"), N_("meth_col_min_obs"))
PRESET_COLUMNS = (
    N_("meth_col_preset"),
    N_("meth_col_rule"),
    N_("meth_col_gy1"),
    N_("meth_col_gd1"),
    N_("meth_col_gy2"),
    N_("meth_col_gd2"),
)


def target_sources_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """The digital-economy share targets of every set, each with its source and link."""
    rows = []
    for set_id in ds.target_sets():
        tgt = ds.targets_for(set_id)
        for r in tgt[tgt["indicator_id"] == SHARE_ID].itertuples(index=False):
            source, url = source_text(ds, str(r.source_id), lang)
            rows.append(
                {
                    N_("meth_col_set"): t(f"target_set_{set_id}", lang),
                    N_("hist_col_geo"): geo_label(str(r.geo), lang),
                    N_("hist_col_year"): fmt_year(int(r.year)),
                    N_("target"): _pct(float(r.value), lang, 0),
                    N_("hist_col_link"): url,
                    N_("hist_col_source"): source,
                    N_("hist_col_note"): str(r.note),
                }
            )
    return localised_frame(rows, TARGET_COLUMNS, lang)


def _backs(ds: Dataset, lang: str) -> dict[str, str]:
    """source_id -> the indicators (and targets) it backs, e.g. "GRDP growth (QN 2023)"."""
    found: dict[str, dict[tuple[str, str], list[int]]] = {}
    ind = ds.indicators
    for r in ind.itertuples(index=False):
        found.setdefault(str(r.source_id), {}).setdefault((str(r.indicator_id), str(r.geo)), []).append(
            int(r.year)
        )
    texts: dict[str, list[str]] = {
        sid: [
            f"{ds.name(i, lang)} ({geo_label(g, lang)} {years_text(years)})"
            for (i, g), years in sorted(series.items())
        ]
        for sid, series in found.items()
    }
    for set_id in ds.target_sets():
        for r in ds.targets_for(set_id).itertuples(index=False):
            texts.setdefault(str(r.source_id), []).append(
                t("meth_backs_target", lang, name=ds.name(str(r.indicator_id), lang), year=int(r.year))
            )
    peer_areas: dict[str, dict[tuple[str, str], list[str]]] = {}
    for v in load_peers():
        peer_areas.setdefault(v.source_id, {}).setdefault((v.kind, str(v.year)), []).append(v.name(lang))
    for sid, groups in peer_areas.items():
        for (kind, year), names in groups.items():
            texts.setdefault(sid, []).append(
                t(
                    "meth_backs_peers",
                    lang,
                    kind=t(f"peers_kind_{kind}", lang),
                    year=year,
                    names=", ".join(names),
                )
            )
    return {sid: "; ".join(items) for sid, items in texts.items()}


def _date_text(text: str, lang: str, *, accessed: bool = False) -> str:
    if text.strip().lower() == "unknown" or (not text.strip() and not accessed):
        return t("meth_unknown", lang)
    return source_date_text(text, lang)


def sources_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """Every source: title, link ("" when the source has no address), publisher, dates,
    which indicators and targets it backs, and its id in the data files."""
    backs = _backs(ds, lang)
    rows = []
    for r in ds.sources.itertuples(index=False):
        url = str(r.url).strip()
        rows.append(
            {
                N_("meth_col_title"): str(r.title),
                N_("hist_col_link"): url if has_url(url) else "",
                N_("meth_col_publisher"): str(r.publisher),
                N_("meth_col_published"): _date_text(str(r.published), lang),
                N_("meth_col_accessed"): _date_text(str(r.accessed), lang, accessed=True),
                N_("meth_col_backs"): backs.get(str(r.source_id), t("meth_backs_nothing", lang)),
                N_("meth_col_id"): str(r.source_id),
            }
        )
    return localised_frame(rows, SOURCE_COLUMNS, lang)


def trend_models_table(lang: str) -> pd.DataFrame:
    """The trend model kinds: what each does and how many points it needs."""
    rows = [
        {
            N_("meth_col_model"): t(f"meth_model_{kind}", lang),
            N_("meth_col_how"): t(f"meth_model_{kind}_desc", lang),
            N_("meth_col_min_obs"): fmt_num(MIN_OBS[kind], lang, 0),
        }
        for kind in MODEL_KINDS
    ]
    return localised_frame(rows, MODEL_COLUMNS, lang)


def presets_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """Each preset's rule and the rates it gives on this data (from the default scenario)."""
    rows = []
    for name in PRESETS:
        scn = preset(name, ds)
        rows.append(
            {
                N_("meth_col_preset"): t(f"preset_{name}", lang),
                N_("meth_col_rule"): t(f"meth_preset_{name}", lang),
                N_("meth_col_gy1"): _pct(scn.gy1, lang),
                N_("meth_col_gd1"): _pct(scn.gd1, lang),
                N_("meth_col_gy2"): _pct(scn.gy2, lang),
                N_("meth_col_gd2"): _pct(scn.gd2, lang),
            }
        )
    return localised_frame(rows, PRESET_COLUMNS, lang)


def readme_changelog(path: Path | str = DATA_README) -> tuple[str, ...]:
    """The bullet lines of the ``## Changelog`` section of the data README (empty if none)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return ()
    match = re.search(r"^## Changelog\s*$(.*?)(?=^## |\Z)", text, flags=re.M | re.S)
    if not match:
        return ()
    items: list[str] = []
    for line in match.group(1).splitlines():
        if line.startswith("- "):
            items.append(line[2:].strip())
        elif line.startswith("  ") and items and line.strip():
            items[-1] += " " + line.strip()
    return tuple(items)


# --------------------------------------------------------------------------------------
# The page
# --------------------------------------------------------------------------------------
REALISM_LATEX = r"r = \left(\frac{s_{t}}{s_{t'}}\right)^{1/(t-t')} - 1 = \frac{1+g_{DE}}{1+g_{GRDP}} - 1"


def peers_section(ds: Dataset, lang: str) -> Section:
    """The peer data's methods and caveats, and the realism reference with its formula."""
    reference = realism_reference(ds)
    record = describe(reference, lang) if reference else t("meth_unknown", lang)
    return Section(
        t("meth_peers_header", lang),
        (
            Block("text", t("meth_peers_text", lang)),
            Block(
                "bullets",
                tuple(
                    f"{t(f'peers_method_name_{m}', lang)}: {t(f'meth_peers_method_{m}', lang)}"
                    for m in METHODS
                ),
            ),
            Block("caption", t("meth_peers_left_out", lang)),
            Block("text", t("meth_realism_text", lang, record=record)),
            Block("latex", REALISM_LATEX),
            Block("caption", t("meth_realism_vars", lang)),
        ),
    )


def _projects_section(ds: Dataset, lang: str) -> Section:
    """Money at base-year prices, projects and the gap in money (issue 14); the example is the
    default scenario's, through the engine."""
    from qn_model.engine.evaluate import evaluate_scenario

    ev = evaluate_scenario(default_scenario(ds), ds)
    examples = tuple(
        t(
            "meth_gap_example",
            lang,
            year=v.year,
            target=_pct(v.target_pct, lang, 0),
            gap=fmt_money(v.gap_vnd_trn, lang),
        )
        for v in ev.verdicts
        if v.gap_vnd_trn is not None
    )
    return Section(
        t("meth_projects_header", lang),
        (
            Block("text", t("meth_price_basis", lang)),
            Block("text", t("meth_projects_text", lang)),
            Block("latex", PROJECTS_LATEX),
            Block("caption", t("meth_projects_vars", lang)),
            Block("text", t("meth_gap_text", lang)),
            Block("latex", GAP_LATEX),
            *((Block("bullets", examples),) if examples else ()),
            Block("caption", t("meth_projects_caveats", lang)),
        ),
    )


def choice_marks(ds: Dataset, lang: str) -> tuple[str, ...]:
    """What the default rates' model choices rest on: near ties and fits on a bound, for the
    province's GRDP growth and the national share (the series the ``trend`` preset reads)."""
    out: list[str] = []
    for series_id in ("qn_grdp_growth", "vn_de_share"):
        suite = fit_for(ds, series_id)
        name = t(f"trend_series_{series_id}", lang)
        out += [f"{name}: {mark}" for mark in trend_marks(suite, lang)]
    return tuple(out)


def sections(ds: Dataset, lang: str) -> tuple[Section, ...]:
    """Everything the method page shows, in order. Made once per data and language (it depends
    on nothing else); each caller gets copies of the tables."""
    made = derived(ds, "method_sections", lambda: _sections(ds, lang), lang)
    return tuple(replace(sec, blocks=tuple(_copied(b) for b in sec.blocks)) for sec in made)


def _copied(block: Block) -> Block:
    return replace(block, content=block.content.copy()) if isinstance(block.content, pd.DataFrame) else block


def _sections(ds: Dataset, lang: str) -> tuple[Section, ...]:
    scn = default_scenario(ds)
    rates = trend_rates(ds)
    sy, sd = historical_spreads(ds)
    n = caveat_numbers(ds)
    gy_axis, gd_axis = default_axes(scn, TARGET_YEAR_2)
    link = t("hist_col_link", lang)
    example = []
    if n.required_2025 is not None:
        example.append(
            t(
                "meth_required_example_2025",
                lang,
                req=_pct(n.required_2025, lang, 0),
                target=_pct(n.target_2025, lang, 0),
            )
        )
    for set_id, (target, req) in n.required_2030.items():
        if req is not None:
            example.append(
                t(
                    "meth_required_example_2030",
                    lang,
                    req=_pct(req, lang, 0),
                    target=_pct(target, lang, 0),
                    source=t(f"source_{set_id}", lang),
                )
            )
    # The dated changelog of data/versions.csv, in the reader's language; else the README's.
    changelog = (
        tuple(
            t("meth_changelog_entry", lang, date=v.date, version=v.version, summary=v.summary(lang))
            for v in reversed(versions.changelog())
        )
        or readme_changelog()
    )
    return (
        Section(
            t("meth_projection_header", lang),
            (
                Block("text", t("meth_projection_text", lang)),
                Block("latex", PROJECTION_LATEX),
                Block("caption", t("meth_projection_vars", lang)),
            ),
        ),
        Section(
            t("meth_required_header", lang),
            (
                Block("text", t("meth_required_text", lang)),
                Block("latex", REQUIRED_LATEX),
                Block("caption", t("meth_required_vars", lang)),
                Block("bullets", tuple(example)),
            ),
        ),
        _projects_section(ds, lang),
        Section(
            t("meth_mc_header", lang),
            (
                Block(
                    "text",
                    t(
                        "meth_mc_text",
                        lang,
                        n=fmt_num(N_PATHS, lang, 0),
                        seed=str(SEED),
                        sy=fmt_num(sy, lang),
                        sd=fmt_num(sd, lang),
                    ),
                ),
                Block("latex", SPREAD_LATEX),
                Block("text", t("meth_mc_base_spread", lang, ss=fmt_num(scn.ss, lang))),
                Block("caption", ss_default_reason(ds, lang)),
                Block("caption", t("meth_mc_independence", lang)),
            ),
        ),
        Section(
            t("meth_sensitivity_header", lang),
            (
                Block(
                    "text",
                    t(
                        "meth_sensitivity_text",
                        lang,
                        n=len(gy_axis),
                        gd_lo=_pct(float(gd_axis[0]), lang, 0),
                    ),
                ),
            ),
        ),
        Section(
            t("meth_trends_header", lang),
            (
                Block("text", t("meth_trends_text", lang)),
                Block("text", t("meth_trends_rule", lang)),
                Block("static", trend_models_table(lang)),
                Block(
                    "caption",
                    t(
                        "meth_trends_chosen",
                        lang,
                        gy_model=t(f"meth_model_{rates.gy_model}", lang)
                        if rates.gy_model
                        else t("meth_unknown", lang),
                        share_model=t(f"meth_model_{rates.share_model}", lang)
                        if rates.share_model
                        else t("meth_unknown", lang),
                    ),
                ),
                *((Block("bullets", marks),) if (marks := choice_marks(ds, lang)) else ()),
            ),
        ),
        Section(
            t("meth_presets_header", lang),
            (
                Block("text", t("meth_presets_text", lang, rel=_pct(rates.relative_growth_pct, lang, 2))),
                Block("latex", TREND_PRESET_LATEX),
                Block("static", presets_table(ds, lang)),
            ),
        ),
        peers_section(ds, lang),
        Section(
            t("meth_definitions_header", lang),
            (
                Block(
                    "bullets",
                    tuple(
                        t(k, lang)
                        for k in (
                            N_("meth_def_de"),
                            N_("meth_def_mic"),
                            N_("meth_def_grdp"),
                            N_("meth_def_share"),
                        )
                    ),
                ),
            ),
        ),
        Section(
            t("meth_caveats_header", lang),
            (
                Block("bullets", caveats(ds, lang)),
                Block("caption", t("meth_targets_table_caption", lang)),
                Block("table", target_sources_table(ds, lang), link),
            ),
        ),
        Section(
            t("meth_sources_header", lang),
            (
                Block("text", t("meth_sources_text", lang, n=len(ds.sources))),
                Block("table", sources_table(ds, lang), link),
            ),
        ),
        Section(
            t("meth_version_header", lang),
            (
                Block("text", t("meth_version_text", lang, version=ds.version)),
                Block("caption", t("meth_changelog_caption_versions", lang)),
                Block("bullets", changelog if changelog else (t("meth_changelog_none", lang),)),
            ),
        ),
    )
