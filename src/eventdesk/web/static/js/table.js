// The event table: sortable columns, one row per event, a click selects, the summary links
// to the event page. Sorting is client-side over the rows the desk fetched; `onSort` tells the
// page (which keeps the sort in its URL). The same rows are also drawn as cards with a sort
// menu: on a phone the stylesheet shows the cards and hides the table (app.css, max-width 640px).

import { h, fill, link } from "./dom.js";
import { formatDate, placeLabel, STATUS_HELP } from "./format.js";

const PAGE = 300; // rows drawn before "show all": keeps the page light on large stores

const COLUMNS = [
  { key: "date", label: "Date", value: (r) => r.date || "", cell: (r) => formatDate(r.date, r.date_precision), cls: "nowrap" },
  { key: "event_type", label: "Type", value: (r) => `${r.event_type} ${r.sub_event_type}`, cell: typeCell },
  { key: "summary", label: "Event", value: (r) => r.summary, cell: (r) => h("a", { href: link.event(r.event_id), class: "row-link" }, r.summary || "(no summary)") },
  { key: "place", label: "Place", value: (r) => placeLabel(r), cell: placeCell },
  { key: "fatalities", label: "Killed", value: (r) => r.fatalities, cell: (r) => String(r.fatalities), cls: "num", numeric: true },
  { key: "independent_sources", label: "Sources", value: (r) => r.independent_sources * 1000 + r.articles, cell: sourcesCell, cls: "num", numeric: true, title: "independent sources / articles" },
  { key: "statuses", label: "Status", value: (r) => r.statuses.join(","), cell: statusCell },
];

function typeCell(r) {
  return h("span", { class: "type-cell", title: r.event_type },
    h("span", { class: "swatch", dataset: { type: r.event_type } }), r.sub_event_type);
}

function placeCell(r) {
  const p = r.geo_precision;
  return h("span", {}, placeLabel(r), p ? h("span", { class: `prec prec-${p}`, title: `geo precision ${p}` }, ` ·${p}`) : null);
}

function sourcesCell(r) {
  return h("span", { title: `${r.independent_sources} independent sources, ${r.articles} articles` },
    h("strong", {}, String(r.independent_sources)), h("span", { class: "muted" }, ` / ${r.articles}`));
}

// The card view's sort menu: a column key and a direction each.
const CARD_SORTS = [
  ["date", -1, "Date, newest first"], ["date", 1, "Date, oldest first"], ["fatalities", -1, "Killed, most first"],
  ["independent_sources", -1, "Sources, most first"], ["place", 1, "Place, A to Z"], ["event_type", 1, "Type, A to Z"],
];

/** Whether the table has a column to sort by under this key. */
export function hasColumn(key) {
  return COLUMNS.some((c) => c.key === key);
}

/** The direction a column sorts in when first clicked: dates and numbers largest first. */
function firstDir(key) {
  return key === "date" || COLUMNS.find((c) => c.key === key).numeric ? -1 : 1;
}

export function statusBadges(statuses) {
  return statuses.map((st) => h("span", { class: `badge status-${st}`, title: STATUS_HELP[st] || st }, st));
}

function statusCell(r) {
  return h("span", { class: "badges" }, statusBadges(r.statuses));
}

export class EventTable {
  constructor(container, options = {}) {
    this.container = container;
    this.options = options;
    this.rows = [];
    const key = hasColumn(options.sortKey) ? options.sortKey : "date";
    this.sort = { key, dir: options.sortDir || firstDir(key) };
    this.expanded = false;
    this.selected = null;
  }

  setRows(rows) {
    this.rows = rows;
    this.expanded = false;
    this.draw();
  }

  sorted() {
    const col = COLUMNS.find((c) => c.key === this.sort.key);
    const dir = this.sort.dir;
    return [...this.rows].sort((a, b) => {
      const va = col.value(a);
      const vb = col.value(b);
      if (col.numeric) return (va - vb) * dir;
      return String(va).localeCompare(String(vb)) * dir;
    });
  }

  head() {
    return h("thead", {}, h("tr", {}, COLUMNS.map((c) => {
      const active = c.key === this.sort.key;
      const aria = active ? (this.sort.dir > 0 ? "ascending" : "descending") : "none";
      return h("th", { class: c.cls || null, "aria-sort": aria, title: c.title || null, scope: "col" },
        h("button", { type: "button", class: "sort", dataset: { key: c.key }, onclick: () => this.sortBy(c.key) },
          c.label, h("span", { class: "arrow" }, active ? (this.sort.dir > 0 ? "▲" : "▼") : "")));
    })));
  }

  sortBy(key, dir) {
    this.sort = { key, dir: dir || (this.sort.key === key ? -this.sort.dir : firstDir(key)) };
    this.draw();
    if (this.options.onSort) this.options.onSort(this.sort);
  }

  draw() {
    const rows = this.sorted();
    const shown = this.expanded ? rows : rows.slice(0, PAGE);
    const body = h("tbody", {}, shown.map((r) => this.row(r)));
    const table = h("table", { class: "events" }, this.head(), body);
    const cards = rows.length ? [this.cardSort(), h("ol", { class: "event-cards" }, shown.map((r) => this.card(r)))] : null;
    const more = rows.length > shown.length
      ? h("button", { type: "button", class: "more", onclick: () => { this.expanded = true; this.draw(); } }, `Show all ${rows.length} events`)
      : null;
    const empty = rows.length ? null : h("p", { class: "empty" }, "No events match these filters.");
    fill(this.container, table, cards, empty, more);
    for (const sw of this.container.querySelectorAll(".swatch")) sw.style.background = this.options.color(sw.dataset.type);
    if (this.selected) this.select(this.selected, false);
  }

  row(r) {
    const tr = h("tr", { dataset: { id: r.event_id }, tabindex: -1 },
      COLUMNS.map((c) => h("td", { class: c.cls || null }, c.cell(r))));
    this.clickSelects(tr, r);
    return tr;
  }

  /** One event as a card: type and date, the summary (a link), the place, killed, sources, status. */
  card(r) {
    const li = h("li", { class: "event-card", dataset: { id: r.event_id }, tabindex: -1 },
      h("div", { class: "card-top" }, typeCell(r), h("span", { class: "card-date" }, formatDate(r.date, r.date_precision))),
      h("a", { href: link.event(r.event_id), class: "row-link card-summary" }, r.summary || "(no summary)"),
      h("div", { class: "card-place" }, placeCell(r)),
      h("div", { class: "card-facts" },
        h("span", {}, h("strong", {}, String(r.fatalities)), " killed"),
        h("span", {}, sourcesCell(r), " sources"),
        statusCell(r)));
    this.clickSelects(li, r);
    return li;
  }

  /** The cards' sort menu (the table sorts by its headers), showing the table's current sort. */
  cardSort() {
    const current = `${this.sort.key}:${this.sort.dir}`;
    const options = CARD_SORTS.map(([key, dir, label]) => h("option", { value: `${key}:${dir}` }, label));
    if (!CARD_SORTS.some(([key, dir]) => `${key}:${dir}` === current)) {
      const col = COLUMNS.find((c) => c.key === this.sort.key);
      options.push(h("option", { value: current }, `${col.label}, ${this.sort.dir > 0 ? "ascending" : "descending"}`));
    }
    const select = h("select", { name: "card-sort", onchange: () => {
      const [key, dir] = select.value.split(":");
      this.sortBy(key, Number(dir));
    } }, options);
    select.value = current;
    return h("label", { class: "card-sort" }, h("span", {}, "Sort"), select);
  }

  clickSelects(node, r) {
    node.addEventListener("click", (e) => {
      if (e.target.closest("a")) return;
      if (this.options.onSelect) this.options.onSelect(r.event_id, "table");
    });
  }

  select(id, scroll = true) {
    this.selected = id;
    for (const node of this.container.querySelectorAll("tr.selected, .event-card.selected")) node.classList.remove("selected");
    if (!id) return;
    const tr = this.container.querySelector(`tr[data-id="${CSS.escape(id)}"]`);
    const card = this.container.querySelector(`.event-card[data-id="${CSS.escape(id)}"]`);
    if (card) card.classList.add("selected");
    if (tr) {
      tr.classList.add("selected");
      // Only the table scrolls to its row: on a phone (cards) a tap on the map stays on the map.
      if (scroll && tr.offsetParent) tr.scrollIntoView({ block: "nearest" });
    }
  }
}
