// The offline event map: an SVG base layer drawn from the bundled Natural Earth TopoJSON
// (world-atlas countries-50m), an equirectangular projection scaled for the latitude of the
// events, pan and zoom, and event markers sized by fatalities and styled by geo precision.

import { h, s, fill } from "./dom.js";
import { typeColor, formatDate, placeLabel, GEO_PRECISION } from "./format.js";

const TOPOLOGY_URL = "/static/vendor/world-atlas/countries-50m.json";
const MIN_SPAN_DEG = 3; // never zoom in closer than ~300 km across: keeps context around one city
const MAX_ZOOM = 400;
const SPREAD_PX = 7; // distance unit of the spiral that spreads events sharing one place
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const TRIM_AT = 20; // with this many located events, fit ignores the outer 5% of positions
// On a screen this narrow (app.css's phone width) the legend starts folded to its title, so it
// does not hide the map; a tap opens it.
const NARROW = "(max-width: 640px)";

let topologyPromise = null;

function loadTopology() {
  topologyPromise ||= fetch(TOPOLOGY_URL).then((r) => {
    if (!r.ok) throw new Error(`base map ${TOPOLOGY_URL}: ${r.status}`);
    return r.json();
  });
  return topologyPromise;
}

function decodeArcs(topo) {
  const [sx, sy] = topo.transform.scale;
  const [tx, ty] = topo.transform.translate;
  return topo.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      x += dx;
      y += dy;
      return [x * sx + tx, y * sy + ty];
    });
  });
}

function ringsOf(geometry) {
  if (geometry.type === "Polygon") return geometry.arcs;
  if (geometry.type === "MultiPolygon") return geometry.arcs.flat();
  if (geometry.type === "GeometryCollection") return geometry.geometries.flatMap(ringsOf);
  return [];
}

function arcPoints(arcs, index) {
  return index >= 0 ? arcs[index] : arcs[~index].slice().reverse();
}

/** Land rings, coastline arcs and internal border arcs, in lon/lat. */
function baseShapes(topo) {
  const arcs = decodeArcs(topo);
  const land = ringsOf(topo.objects.land).map((ring) =>
    ring.flatMap((index, i) => arcPoints(arcs, index).slice(i ? 1 : 0)),
  );
  const uses = new Map();
  for (const ring of ringsOf(topo.objects.countries)) {
    for (const index of ring) {
      const key = index >= 0 ? index : ~index;
      uses.set(key, (uses.get(key) || 0) + 1);
    }
  }
  const borders = [];
  const coasts = [];
  for (const [key, n] of uses) (n > 1 ? borders : coasts).push(arcs[key]);
  return { land, borders, coasts };
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))];
}

function radius(row) {
  return Math.min(22, 4 + 2.6 * Math.sqrt(row.fatalities || 0));
}

export class EventMap {
  /**
   * @param {HTMLElement} container where the map goes (its size is the map's size)
   * @param {{onSelect?: Function, onView?: Function, compact?: boolean}} options
   */
  constructor(container, options = {}) {
    this.container = container;
    this.options = options;
    this.rows = [];
    this.selected = null;
    this.view = { k: 1, tx: 0, ty: 0 };
    this.kx = 1;
    this.fitted = false;
    this.build();
  }

  build() {
    this.base = s("g", { class: "map-base" });
    this.markers = s("g", { class: "map-markers" });
    this.svg = s("svg", { class: "map-svg", role: "img", "aria-label": "Map of events" }, this.base, this.markers);
    this.tooltip = h("div", { class: "map-tooltip", hidden: true });
    this.legendBody = h("div", { class: "legend-body" });
    this.legend = h("details", { class: "map-legend" }, h("summary", {}, "Legend"), this.legendBody);
    const narrow = window.matchMedia(NARROW);
    this.legend.open = !narrow.matches;
    narrow.addEventListener("change", (e) => (this.legend.open = !e.matches));
    const button = (label, title, action) =>
      h("button", { type: "button", title, "aria-label": title, onclick: action }, label);
    this.controls = h(
      "div",
      { class: "map-controls" },
      button("+", "Zoom in", () => this.zoomBy(1.6)),
      button("−", "Zoom out", () => this.zoomBy(1 / 1.6)),
      button("⤢", "Zoom to events", () => this.fit()),
      button("◯", "Whole world", () => this.fitBox([-180, -60, 180, 80])),
    );
    this.status = h("div", { class: "map-status" });
    fill(this.container, this.svg, this.controls, this.legend, this.tooltip, this.status);
    this.container.classList.add("map");
    this.listen();
  }

  async init() {
    const topo = await loadTopology();
    this.shapes = baseShapes(topo);
    return this;
  }

  size() {
    const rect = this.container.getBoundingClientRect();
    return { w: Math.max(rect.width, 100), h: Math.max(rect.height, 100) };
  }

  project(lon, lat) {
    return [lon * this.kx, -lat];
  }

  toScreen(lon, lat) {
    const [x, y] = this.project(lon, lat);
    return [x * this.view.k + this.view.tx, y * this.view.k + this.view.ty];
  }

  /** The visible box as [minlon, minlat, maxlon, maxlat], clamped to the world. */
  bounds() {
    const { w, h: ht } = this.size();
    const { k, tx, ty } = this.view;
    const lon = (sx) => Math.max(-180, Math.min(180, (sx - tx) / k / this.kx));
    const lat = (sy) => Math.max(-90, Math.min(90, -(sy - ty) / k));
    const r = (v) => Math.round(v * 1000) / 1000;
    return [r(lon(0)), r(lat(ht)), r(lon(w)), r(lat(0))];
  }

  drawBase() {
    const path = (lines, close) =>
      lines
        .map((pts) => "M" + pts.map(([lon, lat]) => this.project(lon, lat).map((v) => v.toFixed(3)).join(",")).join("L") + (close ? "Z" : ""))
        .join("");
    const graticule = [];
    for (let lon = -180; lon <= 180; lon += 10) graticule.push([[lon, -85], [lon, 85]]);
    for (let lat = -80; lat <= 80; lat += 10) graticule.push([[-180, lat], [180, lat]]);
    const [x0, y0] = this.project(-180, 90);
    const [x1, y1] = this.project(180, -90);
    fill(
      this.base,
      s("rect", { class: "map-ocean", x: x0, y: y0, width: x1 - x0, height: y1 - y0 }),
      s("path", { class: "map-graticule", d: path(graticule, false) }),
      s("path", { class: "map-land", d: path(this.shapes.land, true) }),
      s("path", { class: "map-border", d: path(this.shapes.borders, false) }),
      s("path", { class: "map-coast", d: path(this.shapes.coasts, false) }),
    );
  }

  /** Draw these event rows; the first call also fits the view to them. */
  setEvents(rows, { refit = false } = {}) {
    this.rows = rows;
    const located = rows.filter((r) => r.lat !== null && r.lon !== null);
    if (!this.fitted || refit) {
      const mid = this.extent(located);
      this.kx = Math.max(0.2, Math.cos((((mid[1] + mid[3]) / 2) * Math.PI) / 180));
      if (this.shapes) this.drawBase();
      this.fitBox(mid);
      this.fitted = true;
    }
    this.drawLegend(rows);
    const missing = rows.length - located.length;
    this.status.textContent = missing ? `${missing} not shown: no coordinates` : "";
    this.drawMarkers();
  }

  extent(located) {
    const precise = located.filter((r) => r.geo_precision === 1 || r.geo_precision === 2);
    const pts = precise.length ? precise : located;
    if (!pts.length) return [-180, -60, 180, 80];
    const lons = pts.map((r) => r.lon).sort((a, b) => a - b);
    const lats = pts.map((r) => r.lat).sort((a, b) => a - b);
    const q = pts.length >= TRIM_AT ? 0.025 : 0;
    return [quantile(lons, q), quantile(lats, q), quantile(lons, 1 - q), quantile(lats, 1 - q)];
  }

  /** Zoom to a lon/lat box, with a margin and a minimum span. */
  fitBox([minLon, minLat, maxLon, maxLat]) {
    const cx = (minLon + maxLon) / 2;
    const cy = (minLat + maxLat) / 2;
    const minSpan = this.options.minSpan || MIN_SPAN_DEG;
    const spanLon = Math.max(maxLon - minLon, minSpan) * 1.25;
    const spanLat = Math.max(maxLat - minLat, minSpan) * 1.25;
    const { w, h: ht } = this.size();
    const k = Math.min(w / (spanLon * this.kx), ht / spanLat);
    const [px, py] = this.project(cx, cy);
    this.setView(k, w / 2 - px * k, ht / 2 - py * k);
  }

  fit() {
    this.fitBox(this.extent(this.rows.filter((r) => r.lat !== null && r.lon !== null)));
  }

  zoomBy(factor, at) {
    const { w, h: ht } = this.size();
    const [mx, my] = at || [w / 2, ht / 2];
    const { k, tx, ty } = this.view;
    const k2 = Math.max(this.minZoom(), Math.min(MAX_ZOOM, k * factor));
    this.setView(k2, mx - ((mx - tx) * k2) / k, my - ((my - ty) * k2) / k);
  }

  minZoom() {
    const { w } = this.size();
    return w / (360 * this.kx) / 1.5;
  }

  setView(k, tx, ty) {
    this.view = { k, tx, ty };
    this.base.setAttribute("transform", `translate(${tx.toFixed(2)},${ty.toFixed(2)}) scale(${k.toFixed(5)})`);
    this.drawMarkers();
    if (this.options.onView) this.options.onView(this.bounds());
  }

  listen() {
    this.svg.addEventListener("wheel", (e) => {
      e.preventDefault();
      const rect = this.svg.getBoundingClientRect();
      this.zoomBy(Math.exp(-e.deltaY * 0.0015), [e.clientX - rect.left, e.clientY - rect.top]);
    }, { passive: false });
    let drag = null;
    this.svg.addEventListener("pointerdown", (e) => {
      if (e.target.closest(".marker")) return;
      drag = { x: e.clientX, y: e.clientY, tx: this.view.tx, ty: this.view.ty };
      this.svg.setPointerCapture(e.pointerId);
      this.svg.classList.add("dragging");
    });
    this.svg.addEventListener("pointermove", (e) => {
      if (!drag) return;
      this.setView(this.view.k, drag.tx + e.clientX - drag.x, drag.ty + e.clientY - drag.y);
    });
    const stop = () => {
      drag = null;
      this.svg.classList.remove("dragging");
    };
    this.svg.addEventListener("pointerup", stop);
    this.svg.addEventListener("pointercancel", stop);
    this.svg.addEventListener("dblclick", (e) => {
      const rect = this.svg.getBoundingClientRect();
      this.zoomBy(2, [e.clientX - rect.left, e.clientY - rect.top]);
    });
    new ResizeObserver(() => {
      if (this.shapes && this.fitted) this.drawMarkers();
    }).observe(this.container);
  }

  /** Markers at their places; events sharing a place are spread on a small spiral around it. */
  layout() {
    const groups = new Map();
    for (const row of this.rows) {
      if (row.lat === null || row.lon === null) continue;
      const key = `${row.lat.toFixed(4)},${row.lon.toFixed(4)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(row);
    }
    const out = [];
    for (const members of groups.values()) {
      members.sort((a, b) => radius(b) - radius(a));
      const [ax, ay] = this.toScreen(members[0].lon, members[0].lat);
      const placed = members.map((row, i) => {
        const d = i ? SPREAD_PX * Math.sqrt(i + 0.6) + radius(members[0]) * 0.5 : 0;
        return { row, x: ax + d * Math.cos(i * GOLDEN_ANGLE), y: ay + d * Math.sin(i * GOLDEN_ANGLE), r: radius(row) };
      });
      const reach = Math.max(...placed.map((p) => Math.hypot(p.x - ax, p.y - ay) + p.r));
      out.push({ ax, ay, reach, placed, label: members[0] });
    }
    return out;
  }

  drawMarkers() {
    if (!this.shapes) return;
    const { w, h: ht } = this.size();
    const groups = this.layout();
    const layers = { leaders: [], dots: [], labels: [] };
    for (const g of groups) {
      if (g.placed.length > 1) {
        for (const p of g.placed.slice(1)) layers.leaders.push(s("line", { class: "leader", x1: g.ax, y1: g.ay, x2: p.x, y2: p.y }));
      }
      for (const p of g.placed) layers.dots.push(this.marker(p));
      if (g.placed.length > 1) layers.dots.push(s("circle", { class: "anchor", cx: g.ax, cy: g.ay, r: 2 }));
    }
    layers.labels = this.labels(groups, w, ht);
    // Big markers first so small ones stay clickable on top; the selection last of all.
    layers.dots.sort((a, b) => Number(b.dataset.r || 0) - Number(a.dataset.r || 0));
    fill(this.markers, s("g", {}, layers.leaders), s("g", {}, layers.dots), s("g", { class: "labels" }, layers.labels));
    const sel = this.selected && this.markers.querySelector(`[data-id="${CSS.escape(this.selected)}"]`);
    if (sel) {
      sel.classList.add("selected");
      sel.parentNode.append(sel);
    }
  }

  marker({ row, x, y, r }) {
    const precision = row.geo_precision || 3;
    const color = typeColor(row.event_type);
    const circle = s("circle", {
      class: `marker p${precision}`,
      cx: x.toFixed(1),
      cy: y.toFixed(1),
      r: r.toFixed(1),
      fill: color,
      stroke: color,
      tabindex: 0,
      role: "button",
      "aria-label": `${row.sub_event_type}, ${placeLabel(row)}, ${formatDate(row.date, row.date_precision)}`,
      dataset: { id: row.event_id, r: r.toFixed(1), type: row.event_type },
    });
    const select = () => this.options.onSelect && this.options.onSelect(row.event_id, "map");
    circle.addEventListener("click", select);
    circle.addEventListener("keydown", (e) => (e.key === "Enter" || e.key === " ") && select());
    circle.addEventListener("pointerenter", (e) => this.showTip(row, e));
    circle.addEventListener("pointerleave", () => (this.tooltip.hidden = true));
    return circle;
  }

  labels(groups, w, ht) {
    const circles = groups.map((g) => [g.ax - g.reach, g.ay - g.reach, g.ax + g.reach, g.ay + g.reach]);
    const hits = (b, o) => b[0] < o[2] && b[2] > o[0] && b[1] < o[3] && b[3] > o[1];
    const order = groups.map((_, i) => i).sort((a, b) => groups[b].placed.length - groups[a].placed.length);
    const taken = [];
    const out = [];
    for (const i of order) {
      const g = groups[i];
      const text = g.label.place || g.label.country;
      if (!text) continue;
      const x = g.ax + g.reach + 3;
      const box = [x, g.ay - 8, x + text.length * 6.6 + 4, g.ay + 7];
      if (box[0] < 0 || box[2] > w || box[1] < 0 || box[3] > ht) continue;
      if (circles.some((o, j) => j !== i && hits(box, o)) || taken.some((o) => hits(box, o))) continue;
      taken.push(box);
      out.push(s("text", { class: "map-label", x: x.toFixed(1), y: (g.ay + 4).toFixed(1) }, text));
    }
    return out;
  }

  showTip(row, e) {
    const rect = this.container.getBoundingClientRect();
    fill(
      this.tooltip,
      h("strong", {}, row.sub_event_type),
      h("div", {}, placeLabel(row), " · ", formatDate(row.date, row.date_precision)),
      h("div", { class: "muted" }, `${row.fatalities} killed · ${row.independent_sources} independent of ${row.articles} articles`),
      h("div", { class: "muted" }, `Location: ${GEO_PRECISION[row.geo_precision] || "unknown precision"}`),
    );
    this.tooltip.hidden = false;
    const x = Math.min(e.clientX - rect.left + 14, rect.width - 280);
    this.tooltip.style.left = `${Math.max(4, x)}px`;
    this.tooltip.style.top = `${Math.max(4, e.clientY - rect.top + 14)}px`;
  }

  select(id) {
    this.selected = id;
    this.drawMarkers();
  }

  drawLegend(rows) {
    if (this.options.compact) {
      this.legend.hidden = true;
      return;
    }
    const counts = new Map();
    for (const r of rows) counts.set(r.event_type, (counts.get(r.event_type) || 0) + 1);
    const sym = (cls, r = 6) =>
      s("svg", { width: 18, height: 18, viewBox: "0 0 18 18", "aria-hidden": "true" }, s("circle", { class: `marker ${cls}`, cx: 9, cy: 9, r, fill: "#4a5560", stroke: "#4a5560" }));
    const types = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    fill(
      this.legendBody,
      h("div", { class: "legend-title" }, "Event type"),
      types.map(([t, n]) => h("div", { class: "legend-row" }, h("span", { class: "swatch", dataset: { type: t } }), h("span", {}, t), h("span", { class: "legend-n" }, n))),
      h("div", { class: "legend-title" }, "Location precision"),
      h("div", { class: "legend-row" }, sym("p1"), "exact place"),
      h("div", { class: "legend-row" }, sym("p2"), "near / part of"),
      h("div", { class: "legend-row" }, sym("p3"), "region or country"),
      h("div", { class: "legend-title" }, "Size: killed"),
      h("div", { class: "legend-row legend-sizes" },
        [0, 10, 50].map((n) => [sym("p1", Math.min(8, radius({ fatalities: n }) * 0.6)), h("span", {}, String(n))])),
    );
    for (const sw of this.legend.querySelectorAll(".swatch")) sw.style.background = typeColor(sw.dataset.type);
  }
}
