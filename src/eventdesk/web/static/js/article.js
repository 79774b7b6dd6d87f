// The article page (/api/articles/{id}): the cleaned text every offset points into, each
// sentence that carries a mention marked and linked to its event, and what cleaning removed.

import { h, fill, getJSON, showError, link, safeUrl, lastPathPart } from "./dom.js";
import { formatDate, plural } from "./format.js";

/** Split text at every mention sentence boundary; each piece knows the mentions covering it. */
function segments(text, mentions) {
  const cuts = new Set([0, text.length]);
  for (const m of mentions) {
    cuts.add(Math.max(0, Math.min(text.length, m.sentence.start)));
    cuts.add(Math.max(0, Math.min(text.length, m.sentence.end)));
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = mentions.filter((m) => m.sentence.start <= a && m.sentence.end >= b);
    out.push({ text: text.slice(a, b), covering });
  }
  return out;
}

function markedArticle(text, mentions) {
  return segments(text, mentions).map(({ text: piece, covering }) => {
    if (!covering.length) return piece;
    const labels = covering.map((m) => `${m.sub_event_type} (${m.event_type}), ${m.status}`);
    const eventId = covering.find((m) => m.event_id)?.event_id;
    const inner = eventId ? h("a", { href: link.event(eventId) }, piece) : piece;
    return h("mark", { title: [...new Set(labels)].join("; "), dataset: { mentions: String(covering.length) } }, inner);
  });
}

function metaList(art) {
  const url = safeUrl(art.url);
  const rows = [
    ["Outlet", art.outlet || "unknown"],
    ["Published", art.published ? formatDate(art.published) : "unknown"],
    ["Author", art.author],
    ["Language", art.language],
    ["Address", url ? h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, art.url) : art.url],
    ["Read from", art.source],
    ["Story", art.story_id ? h("a", { href: link.story(art.story_id) }, art.story_id) : null],
    ["Copy of", art.copy_of ? h("span", {}, h("a", { href: link.article(art.copy_of) }, art.copy_of),
      art.copy_score !== null ? ` (similarity ${Math.round(art.copy_score * 100)}%)` : "") : null],
    ["Skipped", art.skipped ? `${art.skipped}: ${art.skip_detail || ""}` : null],
  ];
  return h("dl", { class: "meta-list" }, rows.filter(([, v]) => v).map(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}

function removedSection(removed) {
  if (!removed.length) return h("p", { class: "muted" }, "Cleaning removed nothing.");
  return h("ul", { class: "removed" }, removed.map((r) => h("li", {},
    h("span", { class: "reason" }, r.reason), " ", h("span", { class: "muted" }, `line ${r.line_no + 1}: `),
    h("span", { class: "line" }, r.text))));
}

async function main() {
  const page = document.getElementById("page");
  const id = lastPathPart();
  document.getElementById("json-twin").href = `/api/articles/${encodeURIComponent(id)}`;
  try {
    const art = await getJSON(`/api/articles/${encodeURIComponent(id)}`);
    document.title = `${art.title || art.id} — eventdesk`;
    const events = new Set(art.mentions.map((m) => m.event_id).filter(Boolean));
    fill(page,
      h("div", { class: "crumbs" }, h("a", { href: "/" }, "Desk"), " › ",
        art.story_id ? [h("a", { href: link.story(art.story_id) }, "Story"), " › "] : null, "Article"),
      h("h1", { class: "page-title" }, art.title || "(untitled article)"),
      h("div", { class: "title-badges" },
        h("span", { class: "badge neutral" }, plural(art.mentions.length, "mention")),
        h("span", { class: "badge neutral" }, plural(events.size, "event")),
        art.copy_of ? h("span", { class: "badge warn" }, "copy of another article") : null,
        art.skipped ? h("span", { class: "badge warn" }, `skipped: ${art.skipped}`) : null),
      h("div", { class: "grid-2" },
        h("section", { class: "card section" }, h("h2", {}, "Cleaned text"),
          h("p", { class: "muted" }, "Highlighted sentences report events; follow one to its event."),
          h("div", { class: "article-text", id: "article-text" }, markedArticle(art.text, art.mentions))),
        h("div", { class: "stack" },
          h("section", { class: "card section" }, h("h2", {}, "About this article"), metaList(art)),
          h("section", { class: "card section" }, h("h2", {}, `Removed by cleaning (${art.removed.length})`), removedSection(art.removed)))));
    document.body.dataset.ready = "1";
  } catch (error) {
    showError(page, error);
  }
}

main();
