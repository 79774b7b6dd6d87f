// The desk page: filters → /api/events, /api/facets and /api/totals → map, totals, timeline
// and table, all kept in step. Every filter and the table's sort live in the page URL, so a
// view can be bookmarked or sent to a colleague and comes back as it was.

import { h, fill, getJSON, showError, link } from "./dom.js";
import { TYPES, typeColor, formatDate, placeLabel, plural, GEO_PRECISION } from "./format.js";
import { EventMap } from "./map.js";
import { Timeline } from "./timeline.js";
import { EventTable, statusBadges } from "./table.js";
import { TotalsView } from "./totals.js";

const LIMIT = 5000; // the API's largest page: what the map can draw at once
const FIELDS = ["q", "story", "sub_type", "actor", "country", "admin1", "since", "until", "min_sources", "status"];
const TYPED = new Set(["q", "actor"]); // typed text: wait for a pause before asking
const TEXT_DELAY_MS = 300;
const DEFAULT_SCOPE = "acled";
// Selects whose options are the facets' values, each with its count under the other filters.
const FACET_SELECTS = {
  story: { facet: "story", all: "All stories" },
  sub_type: { facet: "sub_event_type", all: "All sub-event types" },
  country: { facet: "country", all: "All countries" },
  admin1: { facet: "admin1", all: "All regions" },
};
const SCOPE_LABELS = { acled: "ACLED's scope", crime: "Ordinary crime", other: "Other", all: "All" };
// The table's sort keys that the API sorts by too, and the API's name for them: the page URL
// uses these names, and the JSON twin and exports take the sort along.
const API_SORT = { date: "date", fatalities: "fatalities", independent_sources: "sources" };
const DEFAULT_SORT = { key: "date", dir: -1 };
const sortName = (key) => API_SORT[key] || key;
const sortKey = (name) => Object.keys(API_SORT).find((k) => API_SORT[k] === name) || name;

const form = document.getElementById("filters");
const state = { types: new Set(), allTypes: [], selected: null, bbox: null, request: 0, rows: [] };
let map;
let timeline;
let table;
let totals;

/** The filters as API parameters (with the map's page and order when `paging`). */
function params({ paging = true } = {}) {
  const p = new URLSearchParams();
  for (const name of FIELDS) {
    const value = form.elements[name].value.trim();
    if (value) p.set(name, value);
  }
  if (state.types.size && state.types.size < state.allTypes.length) for (const t of state.types) p.append("type", t);
  if (form.elements.scope.value !== DEFAULT_SCOPE) p.set("scope", form.elements.scope.value);
  if (form.elements.background.checked) p.set("background", "true");
  if (form.elements.inview.checked && state.bbox) p.set("bbox", state.bbox.join(","));
  if (paging) {
    p.set("limit", String(LIMIT));
    p.set("sort", "date");
    p.set("order", "desc");
  }
  return p;
}

/** The table's sort added to parameters (`apiOnly`: only a sort the API knows). */
function sortParams(p, { apiOnly }) {
  const { key, dir } = table.sort;
  if (key === DEFAULT_SORT.key && dir === DEFAULT_SORT.dir) return p;
  if (apiOnly && !API_SORT[key]) return p;
  p.set("sort", sortName(key));
  p.set("order", dir > 0 ? "asc" : "desc");
  return p;
}

function syncUrl() {
  const p = sortParams(params({ paging: false }), { apiOnly: false });
  if (form.elements.inview.checked) p.set("inview", "1");
  if (state.selected) p.set("event", state.selected);
  const query = p.toString();
  history.replaceState(null, "", query ? `/?${query}` : "/");
}

/** Put a value in a select whose options are not loaded yet (they come with the facets). */
function preselect(select, value) {
  if (![...select.options].some((o) => o.value === value)) select.append(h("option", { value }, value));
  select.value = value;
}

function readUrl() {
  const p = new URLSearchParams(window.location.search);
  for (const name of FIELDS) {
    if (!p.has(name)) continue;
    if (FACET_SELECTS[name]) preselect(form.elements[name], p.get(name));
    else form.elements[name].value = p.get(name);
  }
  form.elements.scope.value = SCOPE_LABELS[p.get("scope")] ? p.get("scope") : DEFAULT_SCOPE;
  form.elements.background.checked = p.get("background") === "true";
  state.urlTypes = p.getAll("type");
  form.elements.inview.checked = p.get("inview") === "1";
  state.selected = p.get("event");
  const order = p.get("order") === "asc" ? 1 : p.get("order") === "desc" ? -1 : null;
  state.urlSort = p.get("sort") ? { key: sortKey(p.get("sort")), dir: order } : null;
}

/** The filters panel's toggle (shown on narrow screens, where the panel starts folded). */
function wirePanel() {
  const panel = document.getElementById("filters-panel");
  const toggle = document.getElementById("filters-toggle");
  toggle.addEventListener("click", () => {
    const open = panel.classList.toggle("open");
    toggle.setAttribute("aria-expanded", String(open));
  });
}

/** How many filters differ from the defaults, beside the folded panel's title. */
function showSetCount() {
  const n = new Set(params({ paging: false }).keys()).size;
  document.getElementById("filters-set").textContent = n ? `${n} set` : "";
}

async function load() {
  const ticket = ++state.request;
  syncUrl();
  updateLinks();
  showSetCount();
  document.getElementById("clear-dates").hidden = !(form.elements.since.value || form.elements.until.value);
  const filters = params({ paging: false });
  try {
    const [page, facets, sums] = await Promise.all([
      getJSON(`/api/events?${params()}`), getJSON(`/api/facets?${filters}`), getJSON(`/api/totals?${filters}`),
    ]);
    if (ticket !== state.request) return; // a newer filter change won
    state.rows = page.events;
    map.setEvents(page.events);
    timeline.setEvents(page.events);
    table.setRows(page.events);
    totals.set(sums);
    showFacets(facets);
    const shown = page.total > page.count ? ` (showing the latest ${page.count.toLocaleString("en")})` : "";
    document.getElementById("count").textContent = `${plural(page.total, "event")}${shown}`;
    if (state.selected && !page.events.some((r) => r.event_id === state.selected)) select(null);
    else if (state.selected) select(state.selected, "url");
  } catch (error) {
    if (ticket === state.request) {
      showError(document.getElementById("table"), error);
      showError(document.getElementById("totals"), error);
    }
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

/** The exports and JSON twins of the current view: the same filters, in the table's order. */
function updateLinks() {
  const p = sortParams(params({ paging: false }), { apiOnly: true });
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
  document.getElementById("totals-json").href = `/api/totals?${params({ paging: false })}`;
}

/** The type checkboxes: every ACLED type (and any other the store holds), counts filled later. */
function typeList(facetTypes) {
  const extra = facetTypes.map((f) => f.value).filter((t) => !TYPES.includes(t));
  state.allTypes = [...TYPES, ...extra];
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
    return h("div", { class: "type-row", dataset: { type: t } },
      h("label", {}, box, swatch, h("span", { class: "type-name" }, t), h("span", { class: "n" })), only);
  });
}

function setTypes(types) {
  state.types = new Set(types);
  for (const box of form.querySelectorAll('input[name="type"]')) box.checked = state.types.has(box.value);
  load();
}

/** A select's options: every facet value with its count, and the chosen value even at zero. */
function facetOptions(name, values) {
  const select = form.elements[name];
  const current = select.value;
  const options = values.map((f) => h("option", { value: f.value }, `${f.label || f.value} (${f.count.toLocaleString("en")})`));
  if (current && !values.some((f) => f.value === current)) options.unshift(h("option", { value: current }, `${current} (0)`));
  fill(select, h("option", { value: "" }, FACET_SELECTS[name].all), options);
  select.value = current;
}

/** The counts beside every filter value, each under the other filters. */
function showFacets(facets) {
  const types = new Map(facets.event_type.map((f) => [f.value, f.count]));
  for (const row of form.querySelectorAll(".type-row")) {
    const n = types.get(row.dataset.type) || 0;
    row.querySelector(".n").textContent = n.toLocaleString("en");
    row.classList.toggle("zero", n === 0);
  }
  for (const [name, { facet }] of Object.entries(FACET_SELECTS)) facetOptions(name, facets[facet]);
  const scopes = new Map(facets.scope.map((f) => [f.value, f.count]));
  const all = [...scopes.values()].reduce((a, b) => a + b, 0);
  for (const option of form.elements.scope.options) {
    const n = option.value === "all" ? all : scopes.get(option.value) || 0;
    option.textContent = `${SCOPE_LABELS[option.value]} (${n.toLocaleString("en")})`;
  }
}

function stats(facets, stories) {
  fill(document.getElementById("stats"),
    h("span", {}, h("strong", {}, facets.total.toLocaleString("en")), " events"),
    h("span", {}, h("strong", {}, String(stories.total)), " stories"),
    facets.date.min ? h("span", {}, `${formatDate(facets.date.min)} – ${formatDate(facets.date.max)}`) : null);
}

/** A row of the totals box clicked: filter by its type, country or region. */
function pick({ type, country, admin1 }) {
  if (type) {
    setTypes([type]);
    return;
  }
  preselect(form.elements.country, country || "");
  preselect(form.elements.admin1, admin1 || ""); // a country picked leaves no region of another
  load();
}

function wire() {
  let timer = null;
  form.addEventListener("input", (e) => {
    if (e.target.name === "type") return;
    clearTimeout(timer);
    timer = setTimeout(load, TYPED.has(e.target.name) ? TEXT_DELAY_MS : 0);
  });
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", (e) => {
    e.preventDefault();
    for (const name of FIELDS) form.elements[name].value = "";
    form.elements.scope.value = DEFAULT_SCOPE;
    form.elements.background.checked = false;
    form.elements.inview.checked = false;
    setTypes(state.allTypes);
  });
  document.getElementById("clear-dates").addEventListener("click", () => {
    form.elements.since.value = "";
    form.elements.until.value = "";
    load();
  });
}

function makeTable() {
  const onSort = () => {
    syncUrl();
    updateLinks();
  };
  const sort = state.urlSort || {};
  table = new EventTable(document.getElementById("table"),
    { onSelect: (id, from) => select(id, from), color: typeColor, onSort, sortKey: sort.key, sortDir: sort.dir });
}

async function main() {
  readUrl();
  wirePanel();
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
  totals = new TotalsView(document.getElementById("totals"), { onPick: pick });
  makeTable();
  try {
    const [facets, stories] = await Promise.all([getJSON("/api/facets"), getJSON("/api/stories"), map.init()]);
    fill(document.getElementById("type-list"), typeList(facets.event_type));
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
