// Laws of the browser model that hold whatever the engine says (the parity test compares values).
import { test } from "node:test";
import assert from "node:assert/strict";

import { evaluate, gapVndTrn, project, requiredDeGrowthPct, withRequiredGrowth } from "../../qn_ui/live/model.mjs";
import { fill, fmtNum, fmtPct } from "../../qn_ui/live/format.mjs";

const SCN = { base_year: 2024, base_share_pct: 7.1, gy1: 11.9, gd1: 13.5, gy2: 10, gd2: 12, t1: 20, t2: 35, projects: [] };

test("equal growth keeps the share", () => {
  const path = project({ ...SCN, gd1: 8, gy1: 8, gd2: 8, gy2: 8 }, 100);
  for (const s of path.share_pct) assert.ok(Math.abs(s - 7.1) < 1e-12);
  assert.deepEqual(path.years, [2024, 2025, 2026, 2027, 2028, 2029, 2030]);
});

test("faster digital growth raises 2030's share", () => {
  const slow = evaluate(SCN, 347.5, {}).verdicts[1].value_pct;
  const fast = evaluate({ ...SCN, gd2: 30 }, 347.5, {}).verdicts[1].value_pct;
  assert.ok(fast > slow);
});

test("the required growth meets the target exactly, projects in place", () => {
  for (const projects of [[], [[2027, 25], [2029, 40]]]) {
    const scn = { ...SCN, projects };
    const req = requiredDeGrowthPct(scn, 2030, scn.t2, 347.5);
    const path = project(withRequiredGrowth(scn, 2030, scn.t2, 347.5), 347.5);
    assert.ok(req !== null);
    assert.ok(Math.abs(path.share_pct.at(-1) - scn.t2) < 1e-9, `${path.share_pct.at(-1)}`);
  }
});

test("a project adds to both levels; none without a level", () => {
  const scn = { ...SCN, projects: [[2027, 25]] };
  const withLevel = project(scn, 347.5);
  const organic = project(SCN, 347.5);
  const i = withLevel.years.indexOf(2027);
  assert.ok(Math.abs(withLevel.de_vnd_trn[i] - organic.de_vnd_trn[i] - 25) < 1e-9);
  assert.ok(Math.abs(withLevel.grdp_vnd_trn[i] - organic.grdp_vnd_trn[i] - 25) < 1e-9);
  assert.deepEqual(project(scn).share_pct, project(SCN).share_pct);
  assert.ok(project(scn).grdp_vnd_trn.every(Number.isNaN));
});

test("the gap lifts the share to the target", () => {
  const gap = gapVndTrn(30, 1000, 100);
  assert.ok(Math.abs((100 + gap) / (1000 + gap) - 0.3) < 1e-12);
  assert.equal(gapVndTrn(5, 1000, 100), 0);
  assert.equal(gapVndTrn(100, 1000, 100), null);
  assert.equal(gapVndTrn(30, NaN, 100), null);
});

test("a base year in 2025 judges it as assumed, an observed year on the data", () => {
  const v = evaluate({ ...SCN, base_year: 2025 }, null, {}).verdicts;
  assert.equal(v[0].basis, "assumed");
  assert.equal(evaluate(SCN, null, { 2025: 21 }).verdicts[0].basis, "observed");
  assert.equal(evaluate(SCN, null, { 2025: 21 }).verdicts[0].met, true);
});

test("numbers read as in each language", () => {
  assert.equal(fmtPct(11.66, "vi"), "11,7%");
  assert.equal(fmtPct(11.66, "en"), "11.7%");
  assert.equal(fmtNum(1234.5, "vi", 1), "1.234,5");
  assert.equal(fmtNum(-0.04, "en", 1, true), "+0.0");
  assert.equal(fmtNum(null, "en"), "\u2013");
});

test("texts are filled with plain text only", () => {
  assert.equal(fill("{a} <b>{b}</b>", { a: "<i>", b: 1 }), "<i> <b>1</b>");
  assert.equal(fill("{missing}", {}), "{missing}");
});
