// The story page: the situation report (/api/stories/{id}/report) drawn from its Markdown as
// DOM nodes, and the story's events on a map and in a table (/api/stories/{id}).

import { h, fill, getJSON, showError, link, lastPathPart } from "./dom.js";
import { typeColor, formatDate, plural } from "./format.js";
import { EventMap } from "./map.js";
import { EventTable } from "./table.js";

const CITE = /^(.*?)(\s*\[[^\]]*\])$/;

/** Lines of the report with a bullet that runs over several lines joined into one. */
function logicalLines(markdown) {
  const out = [];
  for (const line of markdown.split("\n")) {
    const last = out.length - 1;
    if (last >= 0 && out[last].startsWith("- ") && line.trim() && !line.startsWith("- ") && !line.startsWith("#")) {
      out[last] += ` ${line.trim()}`;
    } else {
      out.push(line);
    }
  }
  return out;
}

/** The report's Markdown (headings, bullets, paragraphs) as elements; text stays text. */
function reportNodes(markdown) {
  const out = [];
  let list = null;
  for (const line of logicalLines(markdown)) {
    if (line.startsWith("- ")) {
      list ||= h("ul");
      const m = line.slice(2).match(CITE);
      list.append(m ? h("li", {}, m[1], h("span", { class: "cite" }, m[2])) : h("li", {}, line.slice(2)));
      continue;
    }
    if (list) out.push(list);
    list = null;
    if (line.startsWith("## ")) out.push(h("h2", {}, line.slice(3)));
    else if (line.startsWith("# ")) continue; // the page title already says it
    else if (line.trim()) out.push(h("p", {}, line));
  }
  if (list) out.push(list);
  return out;
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
    document.title = `${story.title} — eventdesk`;
    const mapBox = h("div", { class: "map compact" });
    const tableBox = h("div", { class: "table-wrap" });
    const span = story.first_published ? `${formatDate(story.first_published)} – ${formatDate(story.last_published)}` : "undated";
    fill(page,
      h("div", { class: "crumbs" }, h("a", { href: "/" }, "Desk"), " › ", h("a", { href: "/stories" }, "Stories"), " › Story"),
      h("h1", { class: "page-title" }, story.title),
      h("div", { class: "title-badges" },
        h("span", { class: "badge neutral" }, plural(story.article_ids.length, "article")),
        h("span", { class: "badge neutral" }, plural(story.events_total, "event")),
        h("span", { class: "badge neutral" }, span),
        story.countries.map((c) => h("span", { class: "badge neutral" }, c)),
        h("a", { class: "desk-link", href: `/?story=${encodeURIComponent(id)}` }, "Totals and filters on the desk →")),
      h("div", { class: "grid-2" },
        h("section", { class: "card section report" }, h("h2", {}, "Situation report"), reportNodes(report.markdown)),
        h("div", { class: "stack" }, h("section", { class: "card section" }, h("h2", {}, "Where"), mapBox))),
      h("section", { class: "card", "aria-label": "Events" }, h("div", { class: "card-head" }, h("h2", {}, "Events of this story")), tableBox));
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
