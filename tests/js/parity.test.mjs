// The browser model against the engine: cases written by tests/test_live_parity.py from the
// Python engine (random links through the link contract). Run through pytest, which passes the
// file in QN_PARITY_CASES; on its own, node skips these two tests.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

import { evaluate } from "../../qn_ui/live/model.mjs";
import { fmtMoney, fmtNum, fmtPct, fmtPp } from "../../qn_ui/live/format.mjs";

const FILE = process.env.QN_PARITY_CASES;
const skip = FILE ? false : "run by tests/test_live_parity.py (QN_PARITY_CASES unset)";
const data = FILE ? JSON.parse(readFileSync(FILE, "utf8")) : null;
const TOL = 1e-9;

function close(actual, expected, where) {
  if (expected === null || expected === undefined) {
    assert.ok(actual === null || Number.isNaN(actual), `${where}: expected none, got ${actual}`);
    return;
  }
  if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual) && actual.length === expected.length, `${where}: ${actual} vs engine ${expected}`);
    expected.forEach((v, i) => close(actual[i], v, `${where}[${i}]`));
    return;
  }
  if (typeof expected === "boolean" || typeof expected === "string") {
    assert.equal(actual, expected, where);
    return;
  }
  const err = Math.abs(actual - expected);
  assert.ok(err <= TOL * Math.max(1, Math.abs(expected)), `${where}: ${actual} vs engine ${expected}`);
}

test("parity: every scenario of the engine's cases", { skip }, () => {
  assert.ok(data.scenarios.length >= 10000, "at least 10,000 scenarios");
  for (const c of data.scenarios) {
    const observed = Object.fromEntries(Object.entries(c.observed).map(([y, v]) => [Number(y), v]));
    const got = evaluate(c.scenario, c.level, observed);
    const at = (what) => `${c.link} ${what}`;
    assert.deepEqual(got.path.years, c.path.years, at("years"));
    for (const key of ["share_pct", "grdp_vnd_trn", "de_vnd_trn"]) {
      c.path[key].forEach((v, i) => close(got.path[key][i], v, at(`${key}[${i}]`)));
    }
    c.required_share_pct.forEach((v, i) => close(got.required.share_pct[i], v, at(`required[${i}]`)));
    assert.equal(got.verdicts.length, c.verdicts.length);
    c.verdicts.forEach((v, i) => {
      for (const [key, value] of Object.entries(v)) close(got.verdicts[i][key], value, at(`${v.year}.${key}`));
    });
  }
});

test("parity: every number formatted as the engine formats it", { skip }, () => {
  for (const c of data.numbers) {
    const texts = data.texts[c.lang];
    const where = `${c.value} ${c.lang} ${c.digits} ${c.signed}`;
    assert.equal(fmtNum(c.value, c.lang, c.digits, c.signed), c.num, `num ${where}`);
    assert.equal(fmtPct(c.value, c.lang, c.digits, c.signed), c.pct, `pct ${where}`);
    assert.equal(fmtPp(c.value, c.lang, texts, c.digits), c.pp, `pp ${where}`);
    assert.equal(fmtMoney(c.value, c.lang, texts, c.digits), c.money, `money ${where}`);
  }
});
