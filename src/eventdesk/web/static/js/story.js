// The story page: the story's flash update (/api/stories/{id}/report, its `flash` parts) drawn
// as DOM nodes, every sentence followed by links to its events and articles, then the story's
// events on a map and in a table (/api/stories/{id}). Prints on A4 without the navigation,
// the map or the table (app.css, @media print).

import { h, fill, getJSON, showError, link, safeUrl, lastPathPart } from "./dom.js";
import { typeColor, formatDate, plural } from "./format.js";
import { EventMap } from "./map.js";
import { EventTable } from "./table.js";

const BACKING = { confirmed: "2+ independent sources", single: "one source", claimed: "not established" };

/** [events 1, 3; Outlet; Outlet]: each event by its number in the chronology, each article by its label. */
function cite(c, numbers) {
  const parts = [];
  if (c.event_ids.length) {
    const events = c.event_ids.map((id, i) => [i ? ", " : "", h("a", { href: link.event(id), title: id }, String(numbers.get(id) || id))]);
    parts.push([c.event_ids.length > 1 ? "events " : "event ", events]);
  }
  for (const s of c.sources) parts.push(h("a", { href: link.article(s.article_id), title: s.article_id }, s.label));
  return h("span", { class: "cite" }, "[", parts.map((p, i) => [i ? "; " : "", p]), "]");
}

function sentence(s, numbers) {
  return [s.text, " ", cite(s.cite, numbers)];
}

function figureBox(k) {
  const spread = k.low !== null && (k.low !== k.high || k.high_open);
  return h("div", { class: "figure", dataset: { figure: k.key } },
    h("span", { class: "figure-n" }, k.value.toLocaleString("en")),
    h("span", { class: "figure-label" }, k.label),
    spread ? h("span", { class: "figure-range" }, `range ${k.low.toLocaleString("en")}–${k.high.toLocaleString("en")}${k.high_open ? "+" : ""}`) : null);
}

function keyFigures(flash, numbers) {
  return h("section", { class: "card section key-figures", id: "key-figures" },
    h("h2", {}, "Key figures"),
    h("div", { class: "figures" }, flash.key_figures.map(figureBox)),
    h("ul", { class: "figure-notes" }, flash.key_figures.map((k) => h("li", { dataset: { figure: k.key } }, sentence(k.sentence, numbers)))));
}

function chronology(flash, numbers) {
  const head = h("thead", {}, h("tr", {}, ["#", "Date", "Place", "What happened", "Figures"].map((t) => h("th", { scope: "col" }, t))));
  const rows = flash.chronology.map((e) => {
    const swatch = h("span", { class: "swatch" });
    swatch.style.background = typeColor(e.event_type);
    return h("tr", { id: `event-${e.n}`, dataset: { event: e.event_id } },
      h("td", { class: "n" }, h("a", { href: link.event(e.event_id) }, String(e.n))),
      h("td", { class: "date" }, e.date_text),
      h("td", { class: "place" }, swatch, " ", e.place),
      h("td", { class: "what" }, sentence(e.sentence, numbers), " ",
        h("span", { class: `backing backing-${e.backing}` }, BACKING[e.backing] || e.backing)),
      h("td", { class: "counts" }, h("ul", {}, e.counts.map((c) => h("li", {}, c)))));
  });
  return h("section", { class: "card section chronology-card", id: "chronology" },
    h("h2", {}, "Chronology"),
    flash.chronology.length ? h("table", { class: "chronology" }, head, h("tbody", {}, rows)) : h("p", { class: "muted" }, "No events in ACLED's scope."));
}

function listSection(id, title, sentences, numbers) {
  if (!sentences.length) return null;
  return h("section", { class: "card section", id }, h("h2", {}, title),
    h("ul", { class: "report-list" }, sentences.map((s) => h("li", {}, sentence(s, numbers)))));
}

function sources(flash) {
  return h("section", { class: "card section", id: "sources" }, h("h2", {}, "Sources"),
    h("ol", { class: "sources" }, flash.sources.map((s) => {
      const url = safeUrl(s.url);
      return h("li", { id: s.article_id },
        h("a", { href: link.article(s.article_id) }, s.label),
        s.published ? `, published ${formatDate(s.published)}` : ", publication date unknown",
        s.copy_of ? ["; copies ", h("a", { href: `#${s.copy_of}` }, s.copy_of), ", so not counted as an independent source"] : null,
        url ? [" ", h("a", { class: "url", href: url, rel: "noopener noreferrer" }, url)] : null);
    })));
}

/** The flash update: header, lede, key figures, chronology, claims, disagreements, sources. */
function flashNodes(flash, mapCard) {
  const numbers = new Map(flash.chronology.map((e) => [e.event_id, e.n]));
  return [
    h("div", { class: "grid-2" },
      h("div", { class: "stack" },
        h("section", { class: "card section lede-card" }, flash.summary.map((s) => h("p", { class: "lede" }, sentence(s, numbers)))),
        keyFigures(flash, numbers)),
      mapCard),
    chronology(flash, numbers),
    listSection("claims", "What is claimed, and by whom", flash.claims.map((c) => c.sentence), numbers),
    listSection("disagreements", "Where the sources disagree", flash.disagreements, numbers),
    sources(flash),
  ];
}

async function main() {
  const page = document.getElementById("page");
  const id = lastPathPart();
  document.getElementById("json-twin").href = `/api/stories/${encodeURIComponent(id)}`;
  try {
    const [story, report] = await Promise.all([
      getJSON(`/api/stories/${encodeURIComponent(id)}`),
      getJSON(`/api/stories/${encodeURIComponent(id)}/report`),
    ]);
    const flash = report.flash;
    const numbers = new Map(flash.chronology.map((e) => [e.event_id, e.n]));
    document.title = `Flash update: ${story.title} — eventdesk`;
    const mapBox = h("div", { class: "map compact" });
    const tableBox = h("div", { class: "table-wrap" });
    const span = story.first_published ? `${formatDate(story.first_published)} – ${formatDate(story.last_published)}` : "undated";
    fill(page,
      h("div", { class: "crumbs" }, h("a", { href: "/" }, "Desk"), " › ", h("a", { href: "/stories" }, "Stories"), " › Story"),
      h("article", { class: "report flash" },
        h("p", { class: "kicker" }, "Flash update"),
        h("h1", { class: "page-title" }, story.title),
        h("p", { class: "as-of" }, sentence(flash.as_of_sentence, numbers)),
        h("div", { class: "title-badges" },
          h("span", { class: "badge neutral" }, plural(story.article_ids.length, "article")),
          h("span", { class: "badge neutral" }, plural(story.events_total, "event")),
          h("span", { class: "badge neutral" }, span),
          story.countries.map((c) => h("span", { class: "badge neutral" }, c)),
          h("a", { class: "desk-link", href: `/?story=${encodeURIComponent(id)}` }, "Totals and filters on the desk →"),
          h("button", { type: "button", class: "secondary print-button", onclick: () => window.print() }, "Print")),
        flashNodes(flash, h("section", { class: "card section map-section" }, h("h2", {}, "Where"), mapBox))),
      h("section", { class: "card events-card", "aria-label": "Events" }, h("div", { class: "card-head" }, h("h2", {}, "Events of this story")), tableBox));
    const table = new EventTable(tableBox, { color: typeColor, sortDir: 1, onSelect: (eid) => (window.location.href = link.event(eid)) });
    table.setRows(story.events);
    const map = await new EventMap(mapBox, { compact: true, onSelect: (eid) => (window.location.href = link.event(eid)) }).init();
    map.setEvents(story.events);
    document.body.dataset.ready = "1";
  } catch (error) {
    showError(page, error);
  }
}

main();
