// The timeline: events per day (or week, or month, when the range is long) stacked by type,
// as SVG bars. Click a bar or drag across bars to choose a date range.

import { s, fill } from "./dom.js";
import { TYPES, typeColor, formatDate } from "./format.js";

const DAY_MS = 86400000;
const MARGIN = { left: 34, right: 10, top: 8, bottom: 22 };
const DAY_BINS_UP_TO = 120; // days spanned; beyond, a bar per week
const WEEK_BINS_UP_TO = 730; // beyond, a bar per month
const OUTLIER_MIN_EVENTS = 10; // fewer events: draw every date, however spread
const OUTLIER_QUANTILE = 0.05;
const OUTLIER_SPAN_RATIO = 4; // the full span is this much wider than the central one: trim

const toDay = (iso) => Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS);
const toIso = (day) => new Date(day * DAY_MS).toISOString().slice(0, 10);

function unitFor(span) {
  if (span <= DAY_BINS_UP_TO) return "day";
  return span <= WEEK_BINS_UP_TO ? "week" : "month";
}

/** [start day, end day] (inclusive) of the bin containing `day`. */
function binOf(day, unit) {
  if (unit === "day") return [day, day];
  if (unit === "week") {
    const monday = day - ((new Date(day * DAY_MS).getUTCDay() + 6) % 7);
    return [monday, monday + 6];
  }
  const d = new Date(day * DAY_MS);
  const start = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / DAY_MS;
  const end = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1) / DAY_MS - 1;
  return [start, end];
}

/**
 * The range the chart spans: all dates, unless a few stray ones (a misread "2000") would
 * squeeze the rest into a sliver; then the central 90% of them, the strays counted aside.
 */
function coreRange(days) {
  const lo = days[0];
  const hi = days[days.length - 1];
  if (days.length < OUTLIER_MIN_EVENTS) return [lo, hi];
  const q = (f) => days[Math.round(f * (days.length - 1))];
  const [clo, chi] = [q(OUTLIER_QUANTILE), q(1 - OUTLIER_QUANTILE)];
  return hi - lo > OUTLIER_SPAN_RATIO * (chi - clo) + 60 ? [clo, chi] : [lo, hi];
}

export class Timeline {
  constructor(container, options = {}) {
    this.container = container;
    this.options = options;
    this.svg = s("svg", { class: "timeline-svg", role: "img", "aria-label": "Events over time" });
    fill(container, this.svg);
    this.rows = [];
    this.listen();
    new ResizeObserver(() => this.draw()).observe(container);
  }

  setEvents(rows) {
    this.rows = rows;
    this.draw();
  }

  bins() {
    const days = this.rows.filter((r) => r.date).map((r) => toDay(r.date)).sort((a, b) => a - b);
    if (!days.length) return { unit: "day", bins: [], outside: 0 };
    const [lo, hi] = coreRange(days);
    const unit = unitFor(hi - lo);
    const bins = new Map();
    for (let day = binOf(lo, unit)[0]; day <= hi; day = binOf(day, unit)[1] + 1) {
      const [start, end] = binOf(day, unit);
      bins.set(start, { start, end, counts: new Map(), total: 0 });
    }
    let outside = 0;
    for (const r of this.rows) {
      if (!r.date) continue;
      const day = toDay(r.date);
      if (day < lo || day > hi) {
        outside += 1;
        continue;
      }
      const bin = bins.get(binOf(day, unit)[0]);
      bin.counts.set(r.event_type, (bin.counts.get(r.event_type) || 0) + 1);
      bin.total += 1;
    }
    return { unit, bins: [...bins.values()], outside };
  }

  draw() {
    const { width, height } = this.container.getBoundingClientRect();
    if (!width) return;
    this.svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    const { unit, bins, outside } = this.bins();
    this.outside = outside;
    this.unit = unit;
    this.layoutBins = bins;
    if (!bins.length) {
      fill(this.svg, s("text", { class: "axis-label", x: width / 2, y: height / 2, "text-anchor": "middle" }, "No dated events"));
      return;
    }
    const plotW = width - MARGIN.left - MARGIN.right;
    const plotH = height - MARGIN.top - MARGIN.bottom;
    const maxTotal = Math.max(...bins.map((b) => b.total));
    const bw = plotW / bins.length;
    this.geometry = { bw, plotW, plotH };
    const bars = [];
    bins.forEach((bin, i) => {
      let y = MARGIN.top + plotH;
      for (const type of [...TYPES, ...[...bin.counts.keys()].filter((t) => !TYPES.includes(t))]) {
        const n = bin.counts.get(type);
        if (!n) continue;
        const hgt = (n / maxTotal) * plotH;
        y -= hgt;
        bars.push(s("rect", {
          class: "bar", x: (MARGIN.left + i * bw + Math.min(1, bw * 0.15)).toFixed(2), y: y.toFixed(2),
          width: Math.max(1, bw - Math.min(2, bw * 0.3)).toFixed(2), height: hgt.toFixed(2), fill: typeColor(type),
        }, s("title", {}, `${this.binLabel(bin)}: ${n} ${type}`)));
      }
    });
    fill(this.svg, this.axes(bins, maxTotal, width, height), bars, (this.brush = s("rect", { class: "brush", x: 0, y: MARGIN.top, width: 0, height: plotH })));
  }

  binLabel(bin) {
    if (this.unit === "day") return formatDate(toIso(bin.start));
    if (this.unit === "week") return `week of ${formatDate(toIso(bin.start))}`;
    return formatDate(toIso(bin.start), "month");
  }

  axes(bins, maxTotal, width, height) {
    const base = MARGIN.top + this.geometry.plotH;
    const items = [
      s("line", { class: "axis", x1: MARGIN.left, x2: width - MARGIN.right, y1: base, y2: base }),
      s("text", { class: "axis-label", x: MARGIN.left - 6, y: MARGIN.top + 9, "text-anchor": "end" }, String(maxTotal)),
      s("text", { class: "axis-label", x: MARGIN.left - 6, y: base, "text-anchor": "end" }, "0"),
      s("text", { class: "axis-label unit", x: width - MARGIN.right, y: MARGIN.top + 9, "text-anchor": "end" }, `events per ${this.unit}`),
    ];
    if (this.outside) {
      const note = `${this.outside} event${this.outside === 1 ? "" : "s"} dated far outside this range not drawn`;
      items.push(s("text", { class: "axis-label outside", x: width - MARGIN.right, y: MARGIN.top + 23, "text-anchor": "end" }, note));
    }
    const every = Math.max(1, Math.ceil((bins.length * 90) / this.geometry.plotW));
    bins.forEach((bin, i) => {
      if (i % every) return;
      const x = MARGIN.left + i * this.geometry.bw;
      const label = this.unit === "month" ? formatDate(toIso(bin.start), "month") : formatDate(toIso(bin.start)).replace(/ \d{4}$/, "");
      items.push(s("line", { class: "tick", x1: x, x2: x, y1: base, y2: base + 4 }));
      items.push(s("text", { class: "axis-label", x: x + 2, y: height - 6 }, label));
    });
    return items;
  }

  indexAt(clientX) {
    const rect = this.svg.getBoundingClientRect();
    const i = Math.floor((clientX - rect.left - MARGIN.left) / this.geometry.bw);
    return Math.max(0, Math.min(this.layoutBins.length - 1, i));
  }

  listen() {
    let start = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if (!this.layoutBins || !this.layoutBins.length) return;
      start = this.indexAt(e.clientX);
      this.svg.setPointerCapture(e.pointerId);
      this.showBrush(start, start);
    });
    this.svg.addEventListener("pointermove", (e) => start !== null && this.showBrush(start, this.indexAt(e.clientX)));
    this.svg.addEventListener("pointerup", (e) => {
      if (start === null) return;
      const end = this.indexAt(e.clientX);
      const [a, b] = [Math.min(start, end), Math.max(start, end)];
      start = null;
      if (this.options.onRange) this.options.onRange(toIso(this.layoutBins[a].start), toIso(this.layoutBins[b].end));
    });
  }

  showBrush(a, b) {
    const [lo, hi] = [Math.min(a, b), Math.max(a, b)];
    this.brush.setAttribute("x", MARGIN.left + lo * this.geometry.bw);
    this.brush.setAttribute("width", (hi - lo + 1) * this.geometry.bw);
  }
}
