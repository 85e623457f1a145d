// The live scenario's view: the 2026–2030 growth controls, the 2030 verdict and the chart.
// On every input event it recomputes from the model the server sent (model.mjs) and redraws in
// the same task; on `change` it sends the value to Python (setStateValue), which answers with
// the fan, the probability and the URL. Every text goes in as textContent: data, never markup.
import { evaluate } from "./model.mjs";
import { fill, fmtMoney, fmtNum, fmtPct, fmtPp } from "./format.mjs";

const SVG_NS = "http://www.w3.org/2000/svg";
const VIEWS = new WeakMap(); // one view per mounted element, kept across data updates
const ANNOUNCE_EVERY_MS = 1000; // the live region speaks at most once a second while dragging
const CONTRACT = { gd2: [-20, 250], gy2: [-20, 250] }; // the link contract's ranges (core/links.py)
const PAGE_STEPS = 10; // PageUp / PageDown move ten steps (1 point)

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  const root = parentElement.querySelector(".qn-live");
  if (!root || !data) return;
  let view = VIEWS.get(root);
  if (!view) {
    view = new LiveView(root);
    VIEWS.set(root, view);
  }
  view.send = setStateValue;
  view.receive(data);
}

function el(tag, attrs = {}, parent = null) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function svg(tag, attrs = {}, parent = null) {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (parent) parent.appendChild(node);
  return node;
}

function round1(x) {
  return Math.round(x * 10) / 10;
}

function marginDigits(m) {
  return m !== null && Math.abs(m) > 0 && Math.abs(m) < 0.05 ? 2 : 1; // narrative.margin_digits
}

class LiveView {
  constructor(root) {
    this.root = root;
    this.seq = null; // the last change sent (or the server's, when none is pending)
    this.pending = false;
    this.dragging = false;
    this.scn = null;
    this.lastSpoken = 0;
    this.spoken = "";
    this.speakTimer = null;
    this.width = 0;
    this.built = "";
    this.measure = document.createElement("canvas").getContext("2d");
    new ResizeObserver(() => {
      const w = this.figure ? this.figure.clientWidth : 0;
      if (w && Math.abs(w - this.width) > 1) {
        this.width = w;
        this.drawChart();
      }
    }).observe(root);
  }

  // --- data from the server -----------------------------------------------------------------

  receive(data) {
    this.data = data;
    // The chart's frame (title, axes, legend, targets) is redrawn only when this or the scale
    // changes; a release's answer moves the series only (the fan, the paths).
    this.staticKey = data.chart ? JSON.stringify({ ...data.chart, traces: data.chart.traces.map(frameOf) }) : "";
    const shape = JSON.stringify([data.present, data.lang, data.controls.map((c) => c.key), data.nudges.length]);
    if (shape !== this.built) this.build(data, shape);
    if (this.seq === null || data.seq >= this.seq) {
      // The server has every change sent: its scenario is the truth (a preset, Back, a link).
      this.seq = data.seq;
      this.pending = false;
      this.scn = data.scenario;
      for (const c of data.controls) this.setControl(c, c.value);
    } else if (this.scn) {
      // An older run's data (a change is still on its way): keep the thumb and the numbers,
      // take the rest of the scenario (the controls here are the only thing moving).
      const mine = Object.fromEntries(data.controls.map((c) => [c.key, this.scn[c.key]]));
      this.scn = { ...data.scenario, ...mine };
    }
    for (const c of data.controls) {
      const input = this.inputs[c.key];
      input.min = String(Math.min(c.min, Number(input.min)));
      input.max = String(Math.max(c.max, this.scn[c.key]));
    }
    this.render(false);
    // The server's answer drawn: which change it answers (tests and benchmarks read it).
    this.root.dataset.seq = String(data.seq);
    this.root.dataset.pending = String(this.pending);
  }

  setControl(c, value) {
    const input = this.inputs[c.key];
    input.min = String(c.min);
    input.max = String(Math.max(c.max, value));
    input.step = String(c.step);
    if (!this.dragging && Math.abs(Number(input.value) - value) > c.step / 2) input.value = String(value);
  }

  // --- the DOM, built once per language and layout --------------------------------------------

  build(data, shape) {
    this.built = shape;
    const { texts } = data;
    this.root.replaceChildren();
    this.root.classList.toggle("qn-present", !!data.present);
    const side = el("div", { class: "qn-side" }, this.root);

    const verdict = el("section", { class: "qn-verdict", "data-testid": "qn-verdict-2030" }, side);
    const head = el("p", { class: "qn-head" }, verdict);
    this.badge = el("span", { class: "qn-badge" }, head);
    head.appendChild(document.createTextNode(" "));
    this.line = el("span", { class: "qn-line" }, head);
    this.gap = el("p", { class: "qn-gap" }, verdict);
    const metric = el("div", { class: "qn-metric" }, verdict);
    el("div", { class: "qn-metric-label" }, metric).textContent = texts.share_2030;
    this.value = el("div", { class: "qn-metric-value" }, metric);
    this.delta = el("div", { class: "qn-metric-delta" }, metric);
    this.prob = el("p", { class: "qn-prob" }, verdict);

    this.inputs = {};
    this.outputs = {};
    const controls = el("div", { class: "qn-controls" }, side);
    for (const c of data.controls) {
      const box = el("div", { class: `qn-control qn-control-${c.key}` }, controls);
      const id = `qn-input-${c.key}`;
      const label = el("label", { for: id, class: "qn-label" }, box);
      el("span", { class: "qn-label-text" }, label).textContent = c.label;
      label.appendChild(document.createTextNode(": "));
      this.outputs[c.key] = el("output", { for: id, class: "qn-out" }, label);
      const input = el("input", { type: "range", id, class: "qn-range", min: c.min, max: c.max, step: c.step }, box);
      input.value = String(c.value);
      this.inputs[c.key] = input;
      input.addEventListener("input", () => this.onInput(c.key));
      input.addEventListener("change", () => this.onChange());
      input.addEventListener("pointerdown", () => (this.dragging = true));
      input.addEventListener("pointerup", () => (this.dragging = false));
      input.addEventListener("keydown", (e) => this.onKey(e, c));
      if (c.key === "gd2" && data.nudges.length) {
        const row = el("div", { class: "qn-nudges", role: "group", "aria-label": data.nudge_title }, box);
        for (const n of data.nudges) {
          const b = el("button", { type: "button", class: "qn-nudge", title: n.help, "aria-label": n.help }, row);
          b.textContent = n.label;
          b.addEventListener("click", () => this.nudge(c.key, n.delta));
        }
      }
    }
    this.speaker = el("div", { class: "qn-sr", role: "status", "aria-live": "polite", "aria-atomic": "true" }, side);

    this.figure = el("figure", { class: "qn-chart", "data-testid": "qn-live-chart" }, this.root);
    this.svg = svg("svg", { role: "img", class: "qn-svg" }, this.figure);
    this.frame = "";
    this.plot = null;
    this.tip = el("div", { class: "qn-tip", hidden: "" }, this.figure);
    const png = el("button", { type: "button", class: "qn-png", title: texts.live_download_png }, this.figure);
    png.textContent = "PNG"; // the arrow is drawn by live.css: the name keeps the visible text

    png.setAttribute("aria-label", texts.live_download_png);
    png.addEventListener("click", () => this.downloadPng());
    // The chart's text alternative (issue 22): what it shows with its numbers, read with the
    // chart, never announced; and its numbers one control away.
    this.desc = el("p", { id: "qn-chart-desc", class: "qn-sr qn-chart-desc", lang: data.lang }, this.figure);
    this.svg.setAttribute("aria-describedby", "qn-chart-desc");
    this.described = "";
    const numbers = el("div", { class: "qn-numbers" }, this.figure);
    this.tableButton = el(
      "button",
      { type: "button", class: "qn-table-toggle", "aria-expanded": "false", "aria-controls": "qn-chart-table", title: texts.chart_data_help },
      numbers,
    );
    this.tableButton.textContent = texts.chart_data;
    this.tableBox = el("div", { id: "qn-chart-table", class: "qn-table-box", role: "region", "aria-label": texts.chart_data, tabindex: "0", hidden: "" }, numbers);
    this.tabled = "";
    this.tableButton.addEventListener("click", () => {
      const open = this.tableBox.hidden;
      this.tableBox.hidden = !open;
      this.tableButton.setAttribute("aria-expanded", String(open));
      if (open) this.drawTable();
    });
    this.svg.addEventListener("pointermove", (e) => this.hover(e));
    this.svg.addEventListener("pointerleave", () => this.hover(null));
    this.width = 0;
  }

  // --- events -----------------------------------------------------------------------------------

  onInput(key) {
    this.scn = { ...this.scn, [key]: Number(this.inputs[key].value) };
    this.render(true);
  }

  onChange() {
    this.dragging = false;
    this.seq += 1;
    this.pending = true;
    const value = { seq: this.seq };
    for (const c of this.data.controls) value[c.key] = this.scn[c.key];
    this.send("growth", value); // first: the server's run starts while the page redraws
    this.root.dataset.pending = "true";
    this.render(false);
  }

  onKey(e, c) {
    // The slide show's arrow and clicker keys belong to the page, not to a focused control.
    if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End"].includes(e.key)) {
      e.stopPropagation();
    }
    if (e.key === "PageUp" || e.key === "PageDown") {
      e.preventDefault();
      const input = this.inputs[c.key];
      const sign = e.key === "PageUp" ? 1 : -1;
      const next = Math.min(Math.max(round1(Number(input.value) + sign * PAGE_STEPS * c.step), Number(input.min)), Number(input.max));
      input.value = String(next);
      this.onInput(c.key);
      this.onChange();
    }
  }

  nudge(key, delta) {
    const [lo, hi] = CONTRACT[key];
    const next = round1(Math.min(Math.max(this.scn[key] + delta, lo), hi));
    const input = this.inputs[key];
    if (next > Number(input.max)) input.max = String(next);
    input.value = String(next);
    this.scn = { ...this.scn, [key]: next };
    this.render(true);
    this.onChange();
  }

  // --- drawing ------------------------------------------------------------------------------------

  render(user) {
    const { lang, texts } = this.data;
    const observed = Object.fromEntries(Object.entries(this.data.observed).map(([y, v]) => [Number(y), v]));
    this.result = evaluate(this.scn, this.data.level, observed);
    const v = this.result.verdicts[1];
    const impossible = v.value_pct !== null && v.value_pct > 100;
    const word =
      v.met === null ? texts.verdict_unknown : impossible ? texts.verdict_impossible : v.met ? texts.verdict_met : texts.verdict_not_met;
    const status = v.met === null || impossible ? "unknown" : v.met ? "met" : "notmet";
    this.badge.textContent = word.toUpperCase();
    this.badge.dataset.status = status;
    const target = fmtPct(v.target_pct, lang, Number.isInteger(v.target_pct) ? 0 : 1);
    let line = fill(texts.short_verdict, { year: v.year, value: fmtPct(v.value_pct, lang), target });
    if (v.met === false && v.required_de_growth_pct !== null && !impossible) {
      let req = fmtPct(v.required_de_growth_pct, lang);
      if (v.required_range_pct) {
        const [lo, hi] = v.required_range_pct; // as views.narrative.required_text
        req = fill(texts.required_with_range, { req, lo: fmtNum(lo, lang, 0), hi: fmtPct(hi, lang, 0) });
      }
      line += " \u00b7 " + fill(texts.short_required, { req });
    }
    this.line.textContent = line;
    let gap = "";
    if (v.met === false && v.gap_vnd_trn !== null && v.gap_vnd_trn > 0 && !impossible) {
      gap = fill(texts.gap_short, { gap: fmtMoney(v.gap_vnd_trn, lang, texts), year: v.year });
      gap = gap.slice(0, 1).toUpperCase() + gap.slice(1);
    }
    this.gap.textContent = gap;
    this.gap.hidden = !gap;
    this.value.textContent = fmtPct(v.value_pct, lang);
    const m = v.margin_pp;
    this.delta.textContent = m === null ? "" : `${m >= 0 ? "\u25b2" : "\u25bc"} ${fmtPp(m, lang, texts, marginDigits(m))}`;
    this.delta.dataset.sign = m === null ? "" : m >= 0 ? "up" : "down";
    const prob = this.data.probability;
    this.prob.textContent = prob === null ? "" : `${texts.probability} \u2013 ${v.year}: ${prob}`;
    this.prob.classList.toggle("qn-stale", this.pending || user);
    this.prob.title = this.pending || user ? texts.live_pending : "";
    for (const c of this.data.controls) {
      const text = `${fmtNum(this.scn[c.key], lang, 1)} ${texts.unit_pct_per_year}`;
      this.outputs[c.key].textContent = fmtPct(this.scn[c.key], lang);
      this.inputs[c.key].setAttribute("aria-valuetext", text);
    }
    this.drawChart(user);
    // Text the planner reads rather than watches: rewritten when its numbers change, not on
    // every frame of a drag (the release brings it up to date).
    if (!this.dragging) {
      this.describeChart();
      if (!this.tableBox.hidden) this.drawTable();
    }
    this.announce(`${word}. ${line}.${gap ? " " + gap + "." : ""}`, user);
  }

  announce(text, user) {
    if (!user && this.spoken === "") {
      this.spoken = text; // the first verdict is on the screen already: nothing to announce
      return;
    }
    if (text === this.spoken) return;
    const now = performance.now();
    const wait = this.lastSpoken + ANNOUNCE_EVERY_MS - now;
    this.nextSpeech = text;
    if (wait <= 0) {
      this.speak();
    } else if (this.speakTimer === null) {
      this.speakTimer = setTimeout(() => this.speak(), wait);
    }
  }

  speak() {
    this.speakTimer = null;
    if (this.nextSpeech === this.spoken) return;
    this.spoken = this.nextSpeech;
    this.lastSpoken = performance.now();
    this.speaker.textContent = this.spoken;
  }

  textWidth(text, size) {
    this.measure.font = `${size}px ${this.data.chart ? this.data.chart.font : "sans-serif"}`;
    return this.measure.measureText(text).width;
  }

  drawChart(user = false) {
    if (!this.figure || !this.result) return;
    const spec = this.data.chart;
    this.figure.hidden = !spec;
    if (!spec) return;
    const { lang } = this.data;
    const W = this.figure.clientWidth || 600;
    this.width = W;
    // A phone (the app's CSS, qn_ui/app.css, sets plotly's type to 12 px and titles to 15 px
    // up to a 640 px screen); elsewhere the projector-sized type of every chart.
    const small = window.innerWidth <= 640;
    const fs = small ? 12 : spec.font_size;
    const ts = small ? 15 : spec.title_size;
    const ls = small ? 12 : spec.font_size - 4;
    const H = this.data.present ? Math.max(spec.height || 480, 420) : small ? 420 : spec.height || 480;

    // Live series: the scenario's path and the one meeting 2030 come from the model.
    const path = this.result.path;
    const traces = spec.traces.map((tr) => {
      if (tr.kind === "scenario") return { ...tr, x: path.years, y: path.share_pct };
      if (tr.kind === "required") return { ...tr, x: this.result.required.years, y: this.result.required.share_pct };
      if (tr.kind === "projects") {
        return { ...tr, y: tr.x.map((yr) => { const i = path.years.indexOf(yr); return i < 0 ? null : path.share_pct[i]; }) };
      }
      return tr;
    });
    this.traces = traces;
    // Y range as target_headroom(highest_point(fig)).
    let highest = 0;
    for (const tr of traces) for (const y of tr.y) if (y !== null && Number.isFinite(y)) highest = Math.max(highest, y);
    const yMax = highest > 100 ? 105 : highest * 1.2 + 2;

    // The same frame as the last draw: only the series move (the frame's text measuring and
    // its hundred-odd nodes are most of a full draw).
    const frame = JSON.stringify([W, H, small, yMax, lang, this.staticKey]);
    if (frame === this.frame && this.plot) {
      this.plot.replaceChildren();
      for (const tr of traces) this.drawTrace(this.plot, tr, "qn-clip", fs, user);
      return;
    }
    this.frame = frame;
    const s = this.svg;
    s.replaceChildren();
    s.setAttribute("viewBox", `0 0 ${W} ${H}`);
    s.setAttribute("width", String(W));
    s.setAttribute("height", String(H));
    s.setAttribute("font-family", spec.font);
    s.setAttribute("aria-label", spec.title.join(" "));
    svg("rect", { x: 0, y: 0, width: W, height: H, fill: "white" }, s);

    // Title lines, wrapped again when the chart is narrower than they are.
    const titleLines = [];
    for (const l of spec.title) titleLines.push(...this.wrap(l, W - 100, ts)); // the PNG button's room
    const top = 8 + titleLines.length * ts * 1.25 + 14;
    titleLines.forEach((l, i) => {
      svg("text", { x: 8, y: 8 + ts + i * ts * 1.25, "font-size": ts, fill: "#444", class: "qn-title" }, s).textContent = l;
    });

    // Legend at the bottom, wrapped into rows.
    const items = traces.filter((tr) => tr.kind !== "targets" && tr.name);
    const rows = [[]];
    let rowW = 0;
    for (const tr of items) {
      const w = 40 + this.textWidth(tr.name, ls) + 18;
      if (rowW + w > W - 16 && rows.at(-1).length) {
        rows.push([]);
        rowW = 0;
      }
      rows.at(-1).push([tr, rowW]);
      rowW += w;
    }
    const legendH = rows.length * ls * 1.6 + 6;

    const bottom = legendH + fs * 1.35 + 8 + fs * 1.3 + 10;
    const plotH = H - top - bottom;
    const step = niceStep(yMax, Math.max(3, Math.floor(plotH / 55)));
    const ticks = [];
    for (let v = 0; v <= yMax + 1e-9; v += step) ticks.push(v);
    const digits = Number.isInteger(step) ? 0 : step * 10 === Math.round(step * 10) ? 1 : 2;
    const tickText = ticks.map((v) => fmtNum(v, lang, digits) + "%");
    const yTitleLines = spec.y_title;
    const left = 8 + yTitleLines.length * fs * 1.2 + 8 + Math.max(...tickText.map((t) => this.textWidth(t, fs))) + 8;
    const right = 20;
    const plotW = W - left - right;
    const [x0, x1] = spec.x_range;
    const X = (x) => left + ((x - x0) / (x1 - x0)) * plotW;
    const Y = (y) => top + plotH - (y / yMax) * plotH;
    this.scales = { X, Y, left, right: W - right, top, bottom: top + plotH, x0, x1 };

    // Grid, axes, ticks.
    const grid = svg("g", { class: "qn-grid" }, s);
    ticks.forEach((v, i) => {
      if (i > 0) svg("line", { x1: left, x2: W - right, y1: Y(v), y2: Y(v), stroke: "#E5E5E5", "stroke-width": 1 }, grid);
      svg("text", { x: left - 6, y: Y(v) + fs * 0.35, "text-anchor": "end", "font-size": fs, fill: "#444" }, grid).textContent = tickText[i];
    });
    svg("line", { x1: left, x2: W - right, y1: Y(0), y2: Y(0), stroke: "#6B6B6B", "stroke-width": 1 }, grid);
    svg("line", { x1: left, x2: left, y1: top, y2: Y(0), stroke: "#6B6B6B", "stroke-width": 1 }, grid);
    const yearStep = plotW / 11 >= 56 ? 1 : plotW / 11 >= 28 ? 2 : 5;
    for (let yr = Math.ceil(x0); yr <= x1; yr++) {
      if ((yr - 2020) % yearStep !== 0) continue;
      svg("text", { x: X(yr), y: Y(0) + fs * 1.2, "text-anchor": "middle", "font-size": fs, fill: "#444" }, grid).textContent = String(yr);
    }
    svg("text", { x: left + plotW / 2, y: Y(0) + fs * 1.2 + fs * 1.35, "text-anchor": "middle", "font-size": fs, fill: "#444" }, grid).textContent = spec.x_title;
    yTitleLines.forEach((l, i) => {
      const tx = 8 + fs + i * fs * 1.2;
      const ty = top + plotH / 2;
      svg("text", { x: tx, y: ty, transform: `rotate(-90 ${tx} ${ty})`, "text-anchor": "middle", "font-size": fs, fill: "#444" }, grid).textContent = l;
    });

    // Traces, in the figure's order, clipped to the plot like plotly's.
    const clipId = "qn-clip";
    const defs = svg("defs", {}, s);
    svg("rect", { x: left, y: top - 2, width: plotW, height: plotH + 4 }, svg("clipPath", { id: clipId }, defs));
    svg("rect", { x: left, y: top, width: plotW, height: plotH, fill: "none", class: "qn-plot-area" }, s);
    const plot = svg("g", { class: "qn-plot" }, s);
    this.plot = plot;
    for (const tr of traces) this.drawTrace(plot, tr, clipId, fs, user);

    // Legend.
    const legend = svg("g", { class: "qn-legend" }, s);
    rows.forEach((row, r) => {
      const ly = H - legendH + 4 + r * ls * 1.6 + ls * 0.8;
      for (const [tr, lx] of row) this.legendItem(legend, tr, 8 + lx, ly, ls);
    });
    this.hoverLine = svg("line", { class: "qn-hover", y1: top, y2: top + plotH, stroke: "#999", "stroke-width": 1, visibility: "hidden" }, s);
  }

  // The chart's description as qn_model/views/chart_text.describe writes it (the same catalog
  // templates, filled here): the title, each line's first and last value with their years, the
  // targets and the projects, the notes.
  describeChart() {
    const spec = this.data.chart;
    if (!spec || !this.traces) return;
    const { lang, texts } = this.data;
    const value = (v) => fmtNum(v, lang, Math.abs(v) >= 1000 ? 0 : 1) + spec.suffix;
    const parts = [spec.desc_title];
    for (const tr of this.traces) {
      if (tr.kind === "band") continue;
      if (tr.kind === "targets") {
        if (tr.plain.length) parts.push(fill(texts.chart_desc_targets, { items: tr.plain.join("; ") }));
        continue;
      }
      if (tr.kind === "projects") {
        if (tr.plain.length) parts.push(fill(texts.chart_desc_projects, { items: tr.plain.join("; ") }));
        continue;
      }
      const pts = tr.x.map((x, i) => [x, tr.y[i]]).filter(([x, y]) => Number.isFinite(x) && y !== null && Number.isFinite(y));
      if (!pts.length) continue;
      const [[x0, y0], [x1, y1]] = [pts[0], pts.at(-1)];
      parts.push(
        pts.length === 1
          ? fill(texts.chart_desc_single, { name: tr.name, value: value(y0), year: x0 })
          : fill(texts.chart_desc_series, { name: tr.name, first: value(y0), first_year: x0, last: value(y1), last_year: x1 }),
      );
    }
    parts.push(...spec.notes);
    const text = parts.filter((p) => p).map((p) => p.replace(/\.+$/, "")).join(". ") + ".";
    if (text !== this.described) {
      this.described = text;
      this.desc.textContent = text;
    }
  }

  // The chart's numbers, year by year, as qn_ui/widgets.figure_numbers shows them (qn_model's
  // figure_table: each line and target, two decimals), with the server's fan bands beside.
  drawTable() {
    const spec = this.data.chart;
    if (!spec || !this.traces) return;
    const { lang, texts } = this.data;
    const columns = [];
    const bands = [];
    for (const tr of this.traces) {
      if (tr.kind === "projects" || !tr.name) continue;
      if (tr.kind === "band") {
        const ys = new Map();
        tr.x.forEach((x, i) => {
          const y = tr.y[i];
          if (y === null || !Number.isFinite(y)) return;
          ys.set(x, [...(ys.get(x) || []), y]);
        });
        const cells = new Map();
        for (const [x, v] of ys) cells.set(x, `${fmtNum(Math.min(...v), lang, 2)} \u2013 ${fmtNum(Math.max(...v), lang, 2)}`);
        bands.push({ name: tr.name, cells });
        continue;
      }
      tr.x.forEach((x, i) => {
        const y = tr.y[i];
        if (y === null || !Number.isFinite(y) || !Number.isInteger(x)) return;
        const name = tr.kind === "targets" ? tr.text[i] : tr.name;
        let col = columns.find((c) => c.name === name);
        if (!col) columns.push((col = { name, cells: new Map() }));
        col.cells.set(x, fmtNum(y, lang, 2));
      });
    }
    columns.push(...bands);
    const years = [...new Set(columns.flatMap((c) => [...c.cells.keys()]))].sort((a, b) => a - b);
    const rows = [[texts.year, ...columns.map((c) => c.name)], ...years.map((y) => [String(y), ...columns.map((c) => c.cells.get(y) ?? "")])];
    const key = JSON.stringify(rows);
    if (key === this.tabled) return;
    this.tabled = key;
    const table = el("table", { class: "qn-table" });
    el("caption", {}, table).textContent = spec.desc_title;
    const head = el("tr", {}, el("thead", {}, table));
    for (const name of rows[0]) el("th", { scope: "col" }, head).textContent = name;
    const body = el("tbody", {}, table);
    for (const row of rows.slice(1)) {
      const tr = el("tr", {}, body);
      row.forEach((cell, i) => {
        el(i ? "td" : "th", i ? {} : { scope: "row" }, tr).textContent = cell;
      });
    }
    this.tableBox.replaceChildren(table);
  }

  wrap(text, width, size) {
    if (this.textWidth(text, size) <= width) return [text];
    const lines = [];
    for (const word of text.split(" ")) {
      if (lines.length && this.textWidth(lines.at(-1) + " " + word, size) <= width) lines[lines.length - 1] += " " + word;
      else lines.push(word);
    }
    return lines;
  }

  drawTrace(g, tr, clipId, fs, user) {
    const { X, Y } = this.scales;
    const pts = tr.x.map((x, i) => [x, tr.y[i]]).filter(([, y]) => y !== null && Number.isFinite(y));
    const d = pts.map(([x, y], i) => `${i ? "L" : "M"}${X(x).toFixed(2)},${Y(y).toFixed(2)}`).join("");
    if (tr.kind === "band") {
      // The server's Monte Carlo: faded while the path it belongs to is being moved.
      svg("path", { d: d + "Z", fill: tr.fill, stroke: "none", "clip-path": `url(#${clipId})`, class: "qn-band", opacity: this.pending || user ? 0.35 : 1 }, g);
      return;
    }
    if (tr.kind === "projects") {
      for (const [x, y] of pts) {
        svg("line", { x1: X(x), x2: X(x), y1: this.scales.top, y2: this.scales.bottom, stroke: tr.colour, "stroke-width": 2, "stroke-dasharray": "3,3", class: "qn-project-line" }, g);
        marker(g, "star", X(x), Y(y), 18, tr.colour, false, "white");
      }
      pts.forEach(([x, y], i) => {
        svg("text", { x: X(x) - 6, y: Y(y) - 10, "text-anchor": "end", "font-size": fs - 2, fill: tr.colour }, g).textContent = tr.text[i] ?? "";
      });
      return;
    }
    if (tr.kind === "targets") {
      tr.x.forEach((x, i) => {
        const y = tr.y[i];
        if (y === null) return;
        const c = tr.colour[i];
        marker(g, "diamond", X(x), Y(y), 20, c, tr.hollow[i]);
        const pos = tr.position[i] || "middle left";
        const dy = pos.startsWith("top") ? -14 : pos.startsWith("bottom") ? 14 + fs * 0.7 : fs * 0.35;
        const dx = pos.startsWith("middle") ? -16 : 0;
        svg("text", { x: X(x) + dx, y: Y(y) + dy, "text-anchor": "end", "font-size": fs, fill: c, class: "qn-target-label" }, g).textContent = tr.text[i];
      });
      return;
    }
    const lines = tr.mode.includes("lines");
    if (lines) {
      svg("path", { d, fill: "none", stroke: tr.colour, "stroke-width": 3, "stroke-dasharray": dash(tr.dash), "clip-path": `url(#${clipId})`, class: `qn-line-${tr.kind}`, "data-series": tr.kind }, g);
    }
    if (tr.mode.includes("markers")) for (const [x, y] of pts) marker(g, tr.symbol, X(x), Y(y), tr.size, tr.colour, false);
  }

  legendItem(g, tr, x, y, ls) {
    if (tr.kind === "band") {
      svg("rect", { x, y: y - 6, width: 30, height: 12, fill: tr.fill }, g);
    } else if (tr.kind === "projects") {
      marker(g, "star", x + 15, y, 14, tr.colour, false, "white");
    } else {
      if (tr.mode.includes("lines")) svg("line", { x1: x, x2: x + 30, y1: y, y2: y, stroke: tr.colour, "stroke-width": 3, "stroke-dasharray": dash(tr.dash) }, g);
      if (tr.mode.includes("markers")) marker(g, tr.symbol, x + 15, y, Math.min(tr.size, 12), tr.colour, false);
    }
    svg("text", { x: x + 38, y: y + ls * 0.35, "font-size": ls, fill: "#444", class: "qn-legend-text" }, g).textContent = tr.name;
  }

  // x-unified hover: every value at the nearest year, in the language's format.
  hover(e) {
    if (!this.scales || !this.hoverLine) return;
    const { X, left, right, x0, x1 } = this.scales;
    if (e === null) {
      this.tip.hidden = true;
      this.hoverLine.setAttribute("visibility", "hidden");
      return;
    }
    const box = this.svg.getBoundingClientRect();
    const px = ((e.clientX - box.left) / box.width) * this.width;
    if (px < left || px > right) return this.hover(null);
    const year = Math.round(x0 + ((px - left) / (right - left)) * (x1 - x0));
    const lines = [];
    for (const tr of this.traces) {
      if (tr.kind === "band") continue;
      tr.x.forEach((x, i) => {
        const y = tr.y[i];
        if (x !== year || y === null) return;
        if (tr.kind === "targets") lines.push([tr.colour[i], tr.text[i]]);
        else if (tr.kind === "projects") lines.push([tr.colour, tr.label[i]]);
        else lines.push([tr.colour, `${tr.name}: ${fmtNum(y, this.data.lang, 2)}%`]);
      });
    }
    if (!lines.length) return this.hover(null);
    this.hoverLine.setAttribute("x1", X(year));
    this.hoverLine.setAttribute("x2", X(year));
    this.hoverLine.setAttribute("visibility", "visible");
    this.tip.replaceChildren();
    el("div", { class: "qn-tip-year" }, this.tip).textContent = String(year);
    for (const [colour, text] of lines) {
      const row = el("div", { class: "qn-tip-row" }, this.tip);
      el("span", { class: "qn-tip-key", style: `background:${colour}` }, row);
      row.appendChild(document.createTextNode(text));
    }
    this.tip.hidden = false;
    const scale = box.width / this.width;
    const tx = X(year) * scale;
    this.tip.style.left = `${tx + 12 + 260 > box.width ? Math.max(0, tx - 12 - this.tip.offsetWidth) : tx + 12}px`;
    this.tip.style.top = `${Math.max(0, (e.clientY - box.top) - 20)}px`;
  }

  downloadPng() {
    const clone = this.svg.cloneNode(true);
    clone.setAttribute("xmlns", SVG_NS);
    clone.querySelector(".qn-hover")?.remove();
    const W = this.width;
    const H = Number(this.svg.getAttribute("height"));
    const xml = new XMLSerializer().serializeToString(clone);
    const img = new Image();
    img.onload = () => {
      const scale = 2;
      const canvas = document.createElement("canvas");
      canvas.width = W * scale;
      canvas.height = H * scale;
      const ctx = canvas.getContext("2d");
      ctx.scale(scale, scale);
      ctx.drawImage(img, 0, 0, W, H);
      canvas.toBlob((blob) => {
        const a = document.createElement("a");
        a.href = URL.createObjectURL(blob);
        a.download = this.data.chart.filename;
        this.figure.appendChild(a);
        a.click();
        a.remove();
        setTimeout(() => URL.revokeObjectURL(a.href), 10000);
      }, "image/png");
    };
    img.src = "data:image/svg+xml;charset=utf-8," + encodeURIComponent(xml);
  }
}

// A trace as far as it shapes the chart's frame: the series the browser or the server's Monte
// Carlo moves are drawn on it, so their numbers are left out (the y scale is checked apart).
function frameOf(tr) {
  if (tr.kind === "band" || tr.kind === "scenario" || tr.kind === "required") return { ...tr, x: null, y: null };
  if (tr.kind === "projects") return { ...tr, y: null };
  return tr;
}

function dash(name) {
  // plotly.js: dot = line width, dash = three times (width 3)
  return name === "dot" ? "3,3" : name === "dash" ? "9,9" : "none";
}

function niceStep(max, count) {
  const raw = max / count;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function marker(g, symbol, x, y, size, colour, hollow, line = null) {
  const r = size / 2;
  const attrs = { fill: hollow ? "white" : colour, stroke: hollow ? colour : line || colour, "stroke-width": hollow ? 3 : line ? 1 : 0 };
  if (symbol === "square") return svg("rect", { x: x - r, y: y - r, width: size, height: size, ...attrs }, g);
  if (symbol === "diamond") return svg("path", { d: `M${x},${y - r}L${x + r},${y}L${x},${y + r}L${x - r},${y}Z`, ...attrs }, g);
  if (symbol === "star") {
    const pts = [];
    for (let i = 0; i < 10; i++) {
      const a = -Math.PI / 2 + (i * Math.PI) / 5;
      const rr = i % 2 ? r * 0.45 : r;
      pts.push(`${(x + rr * Math.cos(a)).toFixed(2)},${(y + rr * Math.sin(a)).toFixed(2)}`);
    }
    return svg("polygon", { points: pts.join(" "), ...attrs }, g);
  }
  return svg("circle", { cx: x, cy: y, r, ...attrs }, g);
}
