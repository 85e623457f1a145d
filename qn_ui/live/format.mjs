// Numbers in the language's format, as qn_model/i18n/formats.py writes them with Babel:
// the float's shortest decimal text rounded half-to-even ("#,##0.0"), vi "1.234,5", en
// "1,234.5"; a dash for a missing value. Checked against the Python on random numbers
// (tests/test_live_parity.py). No imports, no DOM.

export const DASH = "\u2013";
export const SEPARATORS = { vi: { decimal: ",", group: "." }, en: { decimal: ".", group: "," } };

// The decimal digits of a finite float's shortest text: {negative, digits, point} where the
// value is 0.digits × 10^point (digits without leading zeros, or "" for zero).
function decimalParts(value) {
  const negative = value < 0 || Object.is(value, -0);
  let text = String(Math.abs(value)); // shortest round-trip text, like Python's repr
  let exp = 0;
  const e = text.indexOf("e");
  if (e >= 0) {
    exp = Number(text.slice(e + 1));
    text = text.slice(0, e);
  }
  const dot = text.indexOf(".");
  let digits = dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1);
  let point = (dot < 0 ? text.length : dot) + exp;
  const lead = digits.length - digits.replace(/^0+/, "").length;
  digits = digits.slice(lead);
  point -= lead;
  digits = digits.replace(/0+$/, "");
  return { negative, digits, point };
}

// Integer and fraction texts of |value| rounded half-to-even to `places` decimals: the
// rounded value is the integer n / 10^places, n written as a digit string.
function roundedText(parts, places) {
  const { digits, point } = parts;
  const keep = point + places; // digits of n before rounding
  let n;
  let rest;
  if (keep <= 0) {
    n = "0";
    rest = "0".repeat(-keep) + digits;
  } else {
    n = digits.slice(0, keep).padEnd(keep, "0");
    rest = digits.slice(keep);
  }
  if (rest !== "") {
    const first = rest.charCodeAt(0) - 48;
    const tail = rest.slice(1).replace(/0+$/, "");
    const last = n.charCodeAt(n.length - 1) - 48;
    if (first > 5 || (first === 5 && (tail !== "" || last % 2 === 1))) n = increment(n);
  }
  n = n.padStart(places + 1, "0");
  const intPart = n.slice(0, n.length - places).replace(/^0+(?=\d)/, "");
  return { intPart, frac: n.slice(n.length - places) };
}

function increment(text) {
  const chars = text.split("");
  for (let i = chars.length - 1; i >= 0; i--) {
    if (chars[i] !== "9") {
      chars[i] = String.fromCharCode(chars[i].charCodeAt(0) + 1);
      return chars.join("");
    }
    chars[i] = "0";
  }
  return "1" + chars.join("");
}

function group(intPart, sep) {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

export function fmtNum(value, lang, digits = 1, signed = false) {
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const sep = SEPARATORS[lang] || SEPARATORS.vi;
  if (signed && roundsToZero(value, digits)) value = 0.0; // "+0,0", never "-0,0"
  const parts = decimalParts(value);
  const { intPart, frac } = roundedText(parts, digits);
  const body = group(intPart, sep.group) + (digits > 0 ? sep.decimal + frac : "");
  if (parts.negative) return "-" + body;
  return signed ? "+" + body : body;
}

// Python's round(value, digits) == 0: the value rounds half-to-even to zero.
function roundsToZero(value, digits) {
  const { intPart, frac } = roundedText(decimalParts(value), digits);
  return /^0*$/.test(intPart) && /^0*$/.test(frac);
}

export function fmtPct(value, lang, digits = 1, signed = false) {
  const text = fmtNum(value, lang, digits, signed);
  return text === DASH ? text : text + "%";
}

// texts: the catalog's strings the live view needs (unit_pp, money_vnd_trn, ...).
export function fmtPp(value, lang, texts, digits = 1) {
  const text = fmtNum(value, lang, digits, true);
  return text === DASH ? text : `${text} ${texts.unit_pp}`;
}

export function fmtMoney(value, lang, texts, digits = 1) {
  const text = fmtNum(value, lang, digits);
  return text === DASH ? text : fill(texts.money_vnd_trn, { value: text });
}

// "{name}" placeholders filled with plain text (the result goes to textContent, never HTML).
export function fill(template, values) {
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}
