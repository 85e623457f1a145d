// The scenario's arithmetic in the browser: a line-by-line mirror of
// qn_model/core/projection.py (project, gap_vnd_trn, project_amounts) and
// qn_model/core/targets.py (required_de_growth_pct, with_required_growth, judge).
// The operations run in the engine's order (numpy's cumprod is a running product), so the
// results agree to the last bits; tests/test_live_parity.py checks 10,000+ random links.
// No imports, no DOM: the component (widget.mjs) and node's tests load it alike.

export const TARGET_YEAR_1 = 2025;
export const TARGET_YEAR_2 = 2030;
export const HORIZON_END = TARGET_YEAR_2;
export const PERIOD_1_END = TARGET_YEAR_1;
export const MET_TOLERANCE_PP = 1e-9;
export const MIN_BASE_SHARE_PCT = 0.1; // qn_model/core/uncertainty.py
export const MAX_BASE_SHARE_PCT = 100.0;

// scn: {base_year, base_share_pct, ss, gy1, gd1, gy2, gd2, t1, t2, projects: [[year, value], ...]}
// (projects in year order, as the engine keeps them).

export function ratesForYear(scn, year) {
  return year <= PERIOD_1_END ? [scn.gy1, scn.gd1] : [scn.gy2, scn.gd2];
}

export function periodOfYear(year) {
  return year <= PERIOD_1_END ? 1 : 2;
}

export function periodYears(baseYear, period) {
  const out = [];
  const first = period === 1 ? baseYear + 1 : Math.max(baseYear, PERIOD_1_END) + 1;
  const last = period === 1 ? PERIOD_1_END : HORIZON_END;
  for (let y = first; y <= last; y++) out.push(y);
  return out;
}

export function knownLevel(level) {
  return level !== null && level !== undefined && Number.isFinite(level);
}

export function appliedProjects(scn, level) {
  if (!scn.projects || scn.projects.length === 0 || !knownLevel(level)) return [];
  return scn.projects.filter(([year]) => year > scn.base_year);
}

// P[t] for each year after the base year, or null when no project applies.
export function projectAmounts(scn, level) {
  const applied = appliedProjects(scn, level);
  if (applied.length === 0) return null;
  const out = [];
  for (let y = scn.base_year + 1; y <= HORIZON_END; y++) {
    let total = 0; // Python's sum() starts from the integer 0
    for (const [year, value] of applied) if (year <= y) total += value;
    out.push(total);
  }
  return out;
}

export function gapVndTrn(targetPct, grdp, de) {
  if (!(Number.isFinite(grdp) && Number.isFinite(de)) || targetPct >= 100.0) return null;
  const share = targetPct / 100.0;
  return Math.max(0.0, (share * grdp - de) / (1.0 - share));
}

// {years, share_pct, grdp_vnd_trn, de_vnd_trn} from the base year to 2030.
export function project(scn, level = null) {
  const years = [];
  const share = [scn.base_share_pct];
  let grdp = [knownLevel(level) ? level : NaN];
  let ratio = 1.0;
  let growth = 1.0;
  for (let y = scn.base_year + 1; y <= HORIZON_END; y++) {
    const [gy, gd] = ratesForYear(scn, y);
    const fy = 1.0 + gy / 100.0;
    const fd = 1.0 + gd / 100.0;
    ratio *= fd / fy;
    growth *= fy;
    share.push(scn.base_share_pct * ratio);
    grdp.push(knownLevel(level) ? level * growth : NaN);
  }
  for (let y = scn.base_year; y <= HORIZON_END; y++) years.push(y);
  let de = share.map((s, i) => (s * grdp[i]) / 100.0);
  let shares = share;
  const amounts = projectAmounts(scn, level);
  if (amounts !== null) {
    const p = [0.0, ...amounts];
    de = de.map((d, i) => d + p[i]);
    grdp = grdp.map((g, i) => g + p[i]);
    shares = de.map((d, i) => (100.0 * d) / grdp[i]);
  }
  return { years, share_pct: shares, grdp_vnd_trn: grdp, de_vnd_trn: de };
}

export function shareIn(path, year) {
  const i = path.years.indexOf(year);
  return i < 0 ? null : path.share_pct[i];
}

export function requiredDeGrowthPct(scn, targetYear, targetPct, level = null) {
  const period = periodOfYear(targetYear);
  const years = periodYears(scn.base_year, period).filter((y) => y <= targetYear);
  if (years.length === 0) return null;
  const start = shareIn(project(scn), years[0] - 1); // organic: no level, no projects
  const amounts = projectAmounts(scn, level);
  let needed = targetPct;
  if (amounts !== null && amounts[targetYear - scn.base_year - 1] > 0) {
    const p = amounts[targetYear - scn.base_year - 1];
    const organic = project({ ...scn, projects: [] }, level);
    const grdp0 = organic.grdp_vnd_trn[organic.years.indexOf(targetYear)];
    needed = (targetPct * (grdp0 + p) - 100.0 * p) / grdp0;
    if (needed <= 0) return null;
  }
  const [gy] = ratesForYear(scn, targetYear);
  const factor = (needed / start) ** (1.0 / years.length);
  return ((1.0 + gy / 100.0) * factor - 1.0) * 100.0;
}

export function withRequiredGrowth(scn, targetYear, targetPct, level = null) {
  const req = requiredDeGrowthPct(scn, targetYear, targetPct, level);
  if (req === null) return scn;
  return { ...scn, [periodOfYear(targetYear) === 1 ? "gd1" : "gd2"]: req };
}

// The required growth from a base share one spread (ss) below and above the scenario's:
// [lower, higher] % per year, null when ss is 0 or either end has none (targets.required_range_pct).
export function requiredRangePct(scn, targetYear, targetPct, level = null) {
  const ss = scn.ss || 0;
  if (ss <= 0) return null;
  const lo = Math.max(scn.base_share_pct - ss, MIN_BASE_SHARE_PCT);
  const hi = Math.min(scn.base_share_pct + ss, MAX_BASE_SHARE_PCT);
  const fast = requiredDeGrowthPct({ ...scn, base_share_pct: lo }, targetYear, targetPct, level);
  const slow = requiredDeGrowthPct({ ...scn, base_share_pct: hi }, targetYear, targetPct, level);
  if (fast === null || slow === null) return null;
  return [slow, fast];
}

// The verdicts for 2025 and 2030 without probabilities (the engine's judge).
// observed: {year: share %} of the data.
export function judge(scn, path, observed = {}) {
  const base = path.grdp_vnd_trn.length ? path.grdp_vnd_trn[0] : NaN;
  const level = Number.isFinite(base) ? base : null;
  const out = [];
  for (const [year, target] of [[TARGET_YEAR_1, scn.t1], [TARGET_YEAR_2, scn.t2]]) {
    let value = null;
    let basis;
    let required = null;
    let gap = null;
    let range = null;
    const seen = observed[year];
    if (seen !== undefined && seen !== null && Number.isFinite(seen)) {
      value = seen;
      basis = "observed";
    } else if (year > scn.base_year) {
      value = shareIn(path, year);
      basis = "projected";
      required = requiredDeGrowthPct(scn, year, target, level);
      if (required !== null) range = requiredRangePct(scn, year, target, level);
      const i = path.years.indexOf(year);
      gap = gapVndTrn(target, path.grdp_vnd_trn[i], path.de_vnd_trn[i]);
    } else if (year === scn.base_year) {
      value = scn.base_share_pct;
      basis = "assumed";
    } else {
      basis = "unavailable";
    }
    const met = value === null ? null : value >= target - MET_TOLERANCE_PP;
    const margin = value === null ? null : value - target;
    out.push({
      year,
      target_pct: target,
      value_pct: value,
      met,
      margin_pp: margin,
      basis,
      required_de_growth_pct: required,
      required_range_pct: range,
      gap_vnd_trn: gap,
    });
  }
  return out;
}

// Everything the live view draws for one scenario: the path, the verdicts, and the path that
// meets the 2030 target (figures.headline_figure's with_required).
export function evaluate(scn, level, observed) {
  const path = project(scn, level);
  const verdicts = judge(scn, path, observed);
  const plan = project(withRequiredGrowth(scn, TARGET_YEAR_2, scn.t2, level), level);
  return { path, verdicts, required: plan };
}
