// The totals box of the desk (/api/totals): events, killed and arrested for the current filters,
// a chart of events per day or week stacked by type with the killed as a line, and the totals
// by type, country and region. Charts are SVG built node by node (no library, nothing loaded).

import { h, s, fill } from "./dom.js";
import { TYPES, typeColor, formatDate, plural } from "./format.js";

const CHART_HEIGHT = 190;
const MARGIN = { left: 34, right: 38, top: 22, bottom: 22 };
const LABEL_EVERY_PX = 90; // at most one date label per this many pixels
const LIST_ROWS = 8; // rows of each breakdown shown before "n more"
const KILLED_COLOR = "#1b2330";

const num = (n) => Number(n).toLocaleString("en");

/**
 * A count total as the UI writes its range: "7–10", "4+" or "7–10+" when some count had no
 * upper bound, "" when the range is the best figure itself.
 */
export function rangeText(total) {
  const open = total.high_open ? "+" : "";
  if (total.low === total.high) return open ? `${num(total.high)}${open}` : total.low === total.best ? "" : num(total.low);
  return `${num(total.low)}–${num(total.high)}${open}`;
}

function figure(key, label, value, range, title) {
  return h("div", { class: "figure", dataset: { figure: key }, title: title || null },
    h("span", { class: "figure-n" }, value),
    h("span", { class: "figure-label" }, label),
    range ? h("span", { class: "figure-range" }, `range ${range}`) : null);
}

function countFigure(key, label, total) {
  const title = `${plural(total.events, "event")} report a figure. Best: the sum of the conservative figures; ` +
    "range: the sum of the lows to the sum of the highs (+: some figure had no upper bound).";
  return figure(key, label, num(total.best), rangeText(total), title);
}

function binLabel(bin, unit) {
  if (unit === "day") return formatDate(bin.start);
  if (unit === "week") return `week of ${formatDate(bin.start)}`;
  return unit === "month" ? formatDate(bin.start, "month") : formatDate(bin.start, "year");
}

function axisLabel(bin, unit) {
  if (unit === "month" || unit === "year") return formatDate(bin.start, unit);
  return formatDate(bin.start).replace(/ \d{4}$/, "");
}

/** The types a series holds, in the UI's type order. */
function seriesTypes(bins) {
  const seen = new Set(bins.flatMap((b) => Object.keys(b.by_type)));
  return [...TYPES.filter((t) => seen.has(t)), ...[...seen].filter((t) => !TYPES.includes(t))];
}

function binShapes(bin, i, ctx) {
  const { x0, bw, base, plotH, maxEvents, types, unit } = ctx;
  const out = [];
  let y = base;
  for (const type of types) {
    const n = bin.by_type[type] || 0;
    if (!n) continue;
    const hgt = (n / maxEvents) * plotH;
    y -= hgt;
    out.push(s("rect", { class: "bar", x: (x0 + i * bw + bw * 0.12).toFixed(2), y: y.toFixed(2),
      width: Math.max(1, bw * 0.76).toFixed(2), height: hgt.toFixed(2), fill: typeColor(type) }));
  }
  const parts = types.filter((t) => bin.by_type[t]).map((t) => `${bin.by_type[t]} ${t}`);
  const title = `${binLabel(bin, unit)}: ${plural(bin.events, "event")}${parts.length ? ` (${parts.join(", ")})` : ""}, ${num(bin.fatalities)} killed`;
  return s("g", { class: "bin", dataset: { start: bin.start, events: bin.events, fatalities: bin.fatalities } }, s("title", {}, title), out);
}

function killedLine(bins, ctx, maxKilled) {
  const { x0, bw, base, plotH } = ctx;
  const points = bins.map((b, i) => [x0 + (i + 0.5) * bw, base - (b.fatalities / maxKilled) * plotH]);
  const d = points.map(([x, y], i) => `${i ? "L" : "M"}${x.toFixed(2)},${y.toFixed(2)}`).join("");
  return [
    s("path", { class: "killed-line", d, stroke: KILLED_COLOR }),
    points.map(([x, y], i) => bins[i].fatalities ? s("circle", { class: "killed-dot", cx: x.toFixed(2), cy: y.toFixed(2), r: 2.6, fill: KILLED_COLOR }) : null),
  ];
}

/** Events per bin stacked by type (left axis) and killed per bin as a line (right axis). */
export function overTimeChart(series, width) {
  const svg = s("svg", { class: "totals-svg", role: "img", "aria-label": "Events and killed over time", viewBox: `0 0 ${width} ${CHART_HEIGHT}` });
  const { bins, unit } = series;
  if (!bins.length) return fill(svg, s("text", { class: "axis-label", x: width / 2, y: CHART_HEIGHT / 2, "text-anchor": "middle" }, "No dated events"));
  const plotW = width - MARGIN.left - MARGIN.right;
  const plotH = CHART_HEIGHT - MARGIN.top - MARGIN.bottom;
  const base = MARGIN.top + plotH;
  const maxEvents = Math.max(1, ...bins.map((b) => b.events));
  const maxKilled = Math.max(...bins.map((b) => b.fatalities));
  const ctx = { x0: MARGIN.left, bw: plotW / bins.length, base, plotH, maxEvents, types: seriesTypes(bins), unit };
  const every = Math.max(1, Math.ceil((bins.length * LABEL_EVERY_PX) / plotW));
  const ticks = bins.map((b, i) => i % every ? null : s("text", { class: "axis-label", x: MARGIN.left + i * ctx.bw + 2, y: CHART_HEIGHT - 6 }, axisLabel(b, unit)));
  return fill(svg,
    s("line", { class: "axis", x1: MARGIN.left, x2: width - MARGIN.right, y1: base, y2: base }),
    s("text", { class: "axis-label", x: MARGIN.left - 6, y: MARGIN.top + 9, "text-anchor": "end" }, num(maxEvents)),
    s("text", { class: "axis-label", x: MARGIN.left - 6, y: base, "text-anchor": "end" }, "0"),
    s("text", { class: "axis-label", x: MARGIN.left, y: 12 }, `events per ${unit}`),
    maxKilled ? [
      s("text", { class: "axis-label killed", x: width - MARGIN.right + 6, y: MARGIN.top + 9 }, num(maxKilled)),
      s("text", { class: "axis-label killed", x: width - MARGIN.right, y: 12, "text-anchor": "end" }, `— killed per ${unit}`),
    ] : null,
    ticks,
    bins.map((b, i) => binShapes(b, i, ctx)),
    maxKilled ? killedLine(bins, ctx, maxKilled) : null);
}

function listRow(label, tally, max, swatchColor, onPick) { // onPick null: not a filter value
  const bar = h("span", { class: "list-bar" });
  bar.style.width = `${Math.max(2, (tally.events / max) * 100)}%`;
  if (swatchColor) bar.style.background = swatchColor;
  const killed = tally.fatalities.events ? `${num(tally.fatalities.best)}${tally.fatalities.high_open ? "+" : ""} killed` : "";
  const name = onPick ? h("button", { type: "button", class: "link-button pick", onclick: onPick, title: `Filter by ${label}` }, label) : label;
  return h("li", {}, h("span", { class: "list-name" }, name), h("span", { class: "list-track" }, bar),
    h("span", { class: "list-n" }, num(tally.events)), h("span", { class: "list-killed" }, killed));
}

/** One list of tallies; `filter(t)` is the filter a row stands for (null: none), `onPick` applies it. */
function breakdown(title, key, items, { label, color, filter, onPick }) {
  const max = Math.max(1, ...items.map((t) => t.events));
  const shown = items.slice(0, LIST_ROWS);
  const more = items.length - shown.length;
  const picker = (t) => {
    const f = onPick && filter(t);
    return f ? () => onPick(f) : null;
  };
  return h("section", { class: "breakdown", dataset: { breakdown: key } }, h("h3", {}, title),
    h("ol", { class: "bar-list" }, shown.map((t) => listRow(label(t), t, max, color && color(t), picker(t)))),
    more > 0 ? h("p", { class: "muted more-n" }, `and ${more} more`) : null);
}

const countryName = (t) => t.country || t.country_code || "no country";
const regionName = (t) => `${t.admin1 || "no region"} (${t.country_code || "no country"})`;

export class TotalsView {
  /** @param {{onPick?: Function}} options onPick({type} | {country} | {country, admin1}) filters by a row */
  constructor(container, options = {}) {
    this.container = container;
    this.options = options;
    this.totals = null;
    new ResizeObserver(() => this.drawChart()).observe(container);
  }

  set(totals) {
    this.totals = totals;
    const onPick = this.options.onPick;
    const undated = totals.over_time.undated;
    this.chart = h("div", { class: "totals-chart" });
    fill(this.container,
      h("div", { class: "figures" },
        figure("events", "events", num(totals.events), "", undated ? `${undated} of them undated (not in the chart)` : null),
        countFigure("fatalities", "killed", totals.fatalities),
        countFigure("arrests", "arrested", totals.arrests)),
      this.chart,
      h("div", { class: "breakdowns" },
        breakdown("By event type", "type", totals.by_type,
          { label: (t) => t.event_type, color: (t) => typeColor(t.event_type), filter: (t) => ({ type: t.event_type }), onPick }),
        breakdown("By country", "country", totals.by_country,
          { label: countryName, filter: (t) => t.country_code && { country: t.country_code }, onPick }),
        breakdown("By region", "admin1", totals.by_admin1,
          { label: regionName, filter: (t) => t.admin1 && { country: t.country_code, admin1: t.admin1 }, onPick })));
    this.drawChart();
  }

  drawChart() {
    if (!this.totals || !this.chart) return;
    const width = this.chart.getBoundingClientRect().width;
    if (width) fill(this.chart, overTimeChart(this.totals.over_time, width));
  }
}
