// The desk page: filters → /api/events → map, timeline and table, all kept in step.
// The filters live in the page URL, so a view can be bookmarked or sent to a colleague.

import { h, fill, getJSON, showError, link } from "./dom.js";
import { TYPES, typeColor, formatDate, placeLabel, plural, GEO_PRECISION } from "./format.js";
import { EventMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { EventTable, statusBadges } from "./table.js";

const LIMIT = 5000; // the API's largest page: what the map can draw at once
const FIELDS = ["q", "country", "since", "until", "min_sources", "status"];
const TEXT_DELAY_MS = 300;

const form = document.getElementById("filters");
const state = { types: new Set(), allTypes: [], selected: null, bbox: null, request: 0, rows: [] };
let map;
let timeline;
let table;

function params({ paging = true } = {}) {
  const p = new URLSearchParams();
  for (const name of FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) p.set(name, value);
  }
  if (state.types.size && state.types.size < state.allTypes.length) for (const t of state.types) p.append("type", t);
  if (form.elements.inview.checked && state.bbox) p.set("bbox", state.bbox.join(","));
  if (paging) {
    p.set("limit", String(LIMIT));
    p.set("sort", "date");
    p.set("order", "desc");
  }
  return p;
}

function syncUrl() {
  const p = params({ paging: false });
  if (form.elements.inview.checked) p.set("inview", "1");
  if (state.selected) p.set("event", state.selected);
  const query = p.toString();
  history.replaceState(null, "", query ? `/?${query}` : "/");
}

function readUrl() {
  const p = new URLSearchParams(window.location.search);
  for (const name of FIELDS) if (p.has(name)) form.elements[name].value = p.get(name);
  state.urlTypes = p.getAll("type");
  form.elements.inview.checked = p.get("inview") === "1";
  state.selected = p.get("event");
}

async function load() {
  const ticket = ++state.request;
  syncUrl();
  updateExports();
  document.getElementById("clear-dates").hidden = !(form.elements.since.value || form.elements.until.value);
  try {
    const page = await getJSON(`/api/events?${params()}`);
    if (ticket !== state.request) return; // a newer filter change won
    state.rows = page.events;
    map.setEvents(page.events);
    timeline.setEvents(page.events);
    table.setRows(page.events);
    const shown = page.total > page.count ? ` (showing the latest ${page.count.toLocaleString("en")})` : "";
    document.getElementById("count").textContent = `${plural(page.total, "event")}${shown}`;
    if (state.selected && !page.events.some((r) => r.event_id === state.selected)) select(null);
    else if (state.selected) select(state.selected, "url");
  } catch (error) {
    if (ticket === state.request) showError(document.getElementById("table"), error);
  }
}

function select(id, from) {
  state.selected = id;
  map.select(id);
  table.select(id, from !== "table");
  const card = document.getElementById("selection");
  const row = id && state.rows.find((r) => r.event_id === id);
  card.hidden = !row;
  if (row) fill(card, selectionCard(row));
  syncUrl();
}

function selectionCard(row) {
  const swatch = h("span", { class: "swatch" });
  swatch.style.background = typeColor(row.event_type);
  return [
    h("button", { type: "button", class: "close", "aria-label": "Close", onclick: () => select(null) }, "×"),
    h("div", { class: "sel-type" }, swatch, row.event_type, " · ", row.sub_event_type),
    h("h3", {}, h("a", { href: link.event(row.event_id) }, row.summary || "(no summary)")),
    h("dl", { class: "sel-facts" },
      h("dt", {}, "When"), h("dd", {}, formatDate(row.date, row.date_precision)),
      h("dt", {}, "Where"), h("dd", {}, placeLabel(row), h("span", { class: "muted" }, ` — ${GEO_PRECISION[row.geo_precision] || "no location"}`)),
      h("dt", {}, "Killed"), h("dd", {}, String(row.fatalities)),
      h("dt", {}, "Sources"), h("dd", {}, `${row.independent_sources} independent of ${plural(row.articles, "article")}`),
      h("dt", {}, "Status"), h("dd", { class: "badges" }, statusBadges(row.statuses))),
    h("a", { class: "button", href: link.event(row.event_id) }, "Open event and evidence →"),
  ];
}

function updateExports() {
  const p = params({ paging: false });
  const box = document.getElementById("exports");
  const item = (fmt, label) => {
    const q = new URLSearchParams(p);
    q.set("format", fmt);
    return h("a", { href: `/api/export?${q}`, download: `eventdesk-events.${fmt}`, class: "export" }, label);
  };
  fill(box, h("h3", {}, "Export these events"),
    h("div", { class: "export-row" }, item("csv", "CSV (ACLED)"), item("xlsx", "XLSX (ACLED)"), item("jsonl", "JSONL"),
      item("geojson", "GeoJSON")),
    h("a", { class: "json-twin", href: `/api/events?${p}` }, "View as JSON"));
}

function typeList(facetTypes) {
  const counts = new Map(facetTypes.map((f) => [f.value, f.count]));
  state.allTypes = [...TYPES.filter((t) => counts.has(t)), ...[...counts.keys()].filter((t) => !TYPES.includes(t))];
  const wanted = state.urlTypes && state.urlTypes.length ? state.urlTypes : state.allTypes;
  state.types = new Set(state.allTypes.filter((t) => wanted.includes(t)));
  return state.allTypes.map((t) => {
    const box = h("input", { type: "checkbox", name: "type", value: t });
    box.checked = state.types.has(t);
    box.addEventListener("change", () => {
      if (box.checked) state.types.add(t);
      else state.types.delete(t);
      load();
    });
    const swatch = h("span", { class: "swatch" });
    swatch.style.background = typeColor(t);
    const only = h("button", { type: "button", class: "only", dataset: { type: t }, title: `Show only ${t}` }, "only");
    only.addEventListener("click", () => setTypes([t]));
    return h("div", { class: "type-row" }, h("label", {}, box, swatch, h("span", { class: "type-name" }, t), h("span", { class: "n" }, counts.get(t))), only);
  });
}

function setTypes(types) {
  state.types = new Set(types);
  for (const box of form.querySelectorAll('input[name="type"]')) box.checked = state.types.has(box.value);
  load();
}

function countryOptions(countries) {
  const select = form.elements.country;
  const current = select.value || new URLSearchParams(window.location.search).get("country") || "";
  fill(select, h("option", { value: "" }, "All countries"),
    countries.map((c) => h("option", { value: c.value }, `${c.label} (${c.count})`)));
  select.value = current;
}

function stats(facets, stories) {
  fill(document.getElementById("stats"),
    h("span", {}, h("strong", {}, facets.total.toLocaleString("en")), " events"),
    h("span", {}, h("strong", {}, String(stories.total)), " stories"),
    facets.date.min ? h("span", {}, `${formatDate(facets.date.min)} – ${formatDate(facets.date.max)}`) : null);
}

function wire() {
  let timer = null;
  form.addEventListener("input", (e) => {
    if (e.target.name === "type") return;
    clearTimeout(timer);
    timer = setTimeout(load, e.target.name === "q" ? TEXT_DELAY_MS : 0);
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", (e) => {
    e.preventDefault();
    for (const name of FIELDS) form.elements[name].value = "";
    form.elements.inview.checked = false;
    setTypes(state.allTypes);
  });
  document.getElementById("clear-dates").addEventListener("click", () => {
    form.elements.since.value = "";
    form.elements.until.value = "";
    load();
  });
}

async function main() {
  readUrl();
  let viewTimer = null;
  map = new EventMap(document.getElementById("map"), {
    onSelect: (id, from) => select(id, from),
    onView: (bbox) => {
      state.bbox = bbox;
      if (!form.elements.inview.checked) return;
      clearTimeout(viewTimer);
      viewTimer = setTimeout(load, 250);
    },
  });
  timeline = new Timeline(document.getElementById("timeline"), {
    onRange: (since, until) => {
      form.elements.since.value = since;
      form.elements.until.value = until;
      load();
    },
  });
  table = new EventTable(document.getElementById("table"), { onSelect: (id, from) => select(id, from), color: typeColor });
  try {
    const [facets, stories] = await Promise.all([getJSON("/api/facets"), getJSON("/api/stories"), map.init()]);
    fill(document.getElementById("type-list"), typeList(facets.event_type));
    countryOptions(facets.country);
    stats(facets, stories);
  } catch (error) {
    showError(document.getElementById("table"), error);
    return;
  }
  wire();
  await load();
  document.body.dataset.ready = "1";
}

main();
