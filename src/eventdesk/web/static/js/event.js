// The event page: one event from /api/events/{id}, every evidence sentence marked inside the
// text of its article (fetched from /api/articles/{id}), the sources by copy family, conflicts.

import { h, fill, getJSON, showError, link, safeUrl, lastPathPart } from "./dom.js";
import { typeColor, formatDate, formatRange, plural, GEO_PRECISION, TIME_PRECISION, STATUS_HELP } from "./format.js";
import { EventMap } from "./map.js";
import { statusBadges } from "./table.js";
import { reviewBadge, reviewSection } from "./review.js";

const ROLE_LABELS = { actor1: "Actor 1", actor2: "Actor 2", associated: "Associated" };
const articles = new Map();

function article(id) {
  if (!articles.has(id)) articles.set(id, getJSON(`/api/articles/${encodeURIComponent(id)}`));
  return articles.get(id);
}

function typeBadge(type) {
  const badge = h("span", { class: "badge type" }, type);
  badge.style.background = typeColor(type);
  return badge;
}

function header(rec, story) {
  const c = rec.corroboration;
  const statuses = [...new Set(rec.evidence.map((e) => e.status))];
  const place = rec.location.name || "an unknown place";
  return [
    h("div", { class: "crumbs" }, h("a", { href: "/" }, "Desk"), " › ",
      h("a", { href: link.story(rec.story_id) }, story ? story.title : "Story"), " › Event"),
    h("h1", { class: "page-title" }, `${rec.sub_event_type} in ${place}`,
      h("span", { class: "muted" }, ` · ${formatDate(rec.date.value, rec.date.precision)}`)),
    h("div", { class: "title-badges" },
      typeBadge(rec.event_type),
      reviewBadge(rec.review.status),
      statusBadges(statuses),
      h("span", { class: `badge ${c.independent_sources >= 2 ? "strong" : "neutral"}`, title: "independent sources: articles that are not copies of one another" },
        `${plural(c.independent_sources, "independent source")} · ${plural(c.articles, "article")}`),
      c.conflicts.length ? h("span", { class: "badge warn" }, plural(c.conflicts.length, "conflict")) : null,
      h("span", { class: "badge neutral", title: "how sure the system is that this is one real event" }, `confidence ${Math.round((rec.confidence || 0) * 100)}%`)),
    h("p", { class: "lede" }, rec.summary),
  ];
}

function whenWhere(rec) {
  const d = rec.date;
  const loc = rec.location;
  const ex = rec.explain;
  const coords = loc.lat !== null && loc.lon !== null ? `${loc.lat.toFixed(4)}, ${loc.lon.toFixed(4)}` : "no coordinates";
  return h("section", { class: "card section" }, h("h2", {}, "When and where"),
    h("dl", { class: "facts" },
      h("dt", {}, "Date"),
      h("dd", {}, h("strong", {}, formatDate(d.value, d.precision)), ` — ${TIME_PRECISION[d.precision] || d.precision}`,
        d.expression ? h("span", { class: "why-text muted" }, ` · from “${d.expression}”`) : null,
        d.anchor ? h("span", { class: "muted" }, ` · anchored on ${formatDate(d.anchor)}`) : null,
        ex.date.reason ? h("span", { class: "why" }, ex.date.reason) : null),
      h("dt", {}, "Place"),
      h("dd", {}, h("strong", {}, [loc.name, loc.admin1, loc.country].filter(Boolean).join(", ") || "unknown"),
        h("span", { class: "muted" }, ` · ${coords}`),
        h("div", {}, `Precision ${loc.geo_precision ?? "–"}: ${GEO_PRECISION[loc.geo_precision] || "no location"}`,
          ex.place.text ? h("span", { class: "muted" }, ` · from “${ex.place.text}”`) : null,
          loc.gazetteer_id ? h("span", { class: "muted" }, ` · ${loc.gazetteer_id}`) : null),
        ex.place.reason ? h("span", { class: "why" }, ex.place.reason) : null)));
}

function countsSection(rec) {
  if (!rec.counts.length) return null;
  return h("section", { class: "card section" }, h("h2", {}, "Counts"),
    h("table", { class: "plain" },
      h("thead", {}, h("tr", {}, ["What", "Range", "Best", "Words in the text", "According to"].map((t) => h("th", {}, t)))),
      h("tbody", {}, rec.counts.map((c) => h("tr", {},
        h("td", {}, c.kind, c.who ? h("span", { class: "muted" }, ` (${c.who})`) : null),
        h("td", { class: "num" }, formatRange(c)),
        h("td", { class: "num" }, c.best ?? "–"),
        h("td", {}, `“${c.text}”`),
        h("td", {}, c.attributed_to || h("span", { class: "muted" }, "the source")))))));
}

function actorsSection(rec) {
  if (!rec.actors.length) return null;
  const roles = Object.keys(ROLE_LABELS).filter((role) => rec.actors.some((a) => a.role === role));
  return h("section", { class: "card section" }, h("h2", {}, "Actors"),
    h("dl", { class: "actors" }, roles.map((role) => [
      h("dt", {}, ROLE_LABELS[role]),
      h("dd", {}, rec.actors.filter((a) => a.role === role).map((a) =>
        h("span", { class: "chip" }, a.name, a.kind ? h("span", { class: "kind" }, a.kind) : null))),
    ])));
}

function conflictsSection(rec) {
  const list = rec.corroboration.conflicts;
  if (!list.length) return null;
  return h("section", { class: "card section" }, h("h2", {}, "Sources disagree"),
    h("div", { class: "callout" }, h("ul", { class: "conflicts" }, list.map((c) => h("li", {}, c)))));
}

function sourcesSection(rec) {
  const groups = rec.explain.source_groups;
  return h("section", { class: "card section" }, h("h2", {}, "Sources by copy family"),
    h("p", { class: "muted" }, `${plural(groups.length, "independent family", "independent families")}: an article that copies another adds no independent confirmation.`),
    groups.map((g, i) => h("div", { class: "family" },
      h("div", { class: "family-head" }, h("strong", {}, `Source ${i + 1}`), g.members.length > 1 ? `original and ${plural(g.members.length - 1, "copy", "copies")}` : "single article"),
      h("ul", {}, g.members.map((m) => h("li", { class: m.copy_of ? "copy" : null },
        h("a", { href: link.article(m.article_id) }, m.outlet || m.article_id),
        m.published ? h("span", { class: "muted" }, ` · ${formatDate(m.published)}`) : null,
        m.title ? h("span", { class: "title" }, ` — ${m.title}`) : null,
        m.copy_of ? h("span", { class: "muted" }, " (copy)") : null))))));
}

/** The article text around [start, end): its paragraph, or all of it; the span in a <mark>. */
function markedText(text, start, end, full) {
  let from = 0;
  let to = text.length;
  if (!full) {
    const before = text.lastIndexOf("\n\n", start);
    const after = text.indexOf("\n\n", end);
    from = before < 0 ? 0 : before + 2;
    to = after < 0 ? text.length : after;
  }
  return [
    from > 0 ? h("span", { class: "gap" }, "… ") : null,
    text.slice(from, start),
    h("mark", { class: "evidence-mark" }, text.slice(start, end)),
    text.slice(end, to),
    to < text.length ? h("span", { class: "gap" }, " …") : null,
  ];
}

function evidenceCard({ ev, detail, statuses, reasons }) {
  const body = h("div", { class: "evidence-text" }, h("span", { class: "muted" }, ev.text));
  const foot = h("div", { class: "evidence-foot" });
  const card = h("article", { class: "evidence", dataset: { article: ev.article_id } },
    h("div", { class: "evidence-head" },
      h("span", { class: "outlet" }, (detail && (detail.outlet || detail.title)) || ev.article_id),
      detail && detail.published ? h("span", { class: "when" }, formatDate(detail.published)) : null,
      statuses.map((st) => h("span", { class: `badge status-${st}`, title: STATUS_HELP[st] || "" }, st)),
      ev.attributed_to ? h("span", { class: "muted" }, `according to ${ev.attributed_to}`) : null,
      h("a", { class: "open", href: link.article(ev.article_id) }, "Open article →")),
    body, foot);
  article(ev.article_id).then((art) => {
    let full = false;
    const draw = () => {
      if (art.text.slice(ev.start, ev.end) !== ev.text) {
        fill(body, h("span", { class: "error" }, "The stored offsets do not match this article's text; the sentence reads: "), ev.text);
        return;
      }
      fill(body, markedText(art.text, ev.start, ev.end, full));
      body.classList.toggle("full", full);
      const url = safeUrl(art.url);
      fill(foot,
        h("button", { type: "button", onclick: () => { full = !full; draw(); } }, full ? "Show the paragraph only" : "Show the whole article"),
        url ? h("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, "Original page") : null,
        reasons.length ? h("span", { class: "reason" }, `Extraction: ${reasons.join(" · ")}`) : null);
    };
    draw();
  }).catch((error) => showError(body, error));
  return card;
}

const sentenceKey = (articleId, start, end) => `${articleId}:${start}:${end}`;

/**
 * One item per evidence sentence, with what its own mentions say: the article's outlet and date,
 * every status, every reason. `rec.evidence` has one entry per sentence and `explain.mentions` one
 * per mention (a sentence with two triggers has two), so they are matched by sentence, never by
 * position.
 */
function evidenceItems(rec) {
  const mentions = new Map();
  for (const m of rec.explain.mentions) {
    const key = sentenceKey(m.article_id, m.sentence.start, m.sentence.end);
    if (!mentions.has(key)) mentions.set(key, []);
    mentions.get(key).push(m);
  }
  const items = new Map();
  for (const ev of rec.evidence) {
    const key = sentenceKey(ev.article_id, ev.start, ev.end);
    if (items.has(key)) continue;
    const own = mentions.get(key) || [];
    items.set(key, {
      ev,
      detail: own[0] || null,
      statuses: [...new Set([ev.status, ...own.map((m) => m.status)])],
      reasons: [...new Set(own.map((m) => m.reason).filter(Boolean))],
    });
  }
  return [...items.values()];
}

function evidenceSection(rec) {
  const items = evidenceItems(rec);
  const n = rec.explain.mentions.length;
  const note = items.length < n ? ` — ${n} mentions in ${plural(items.length, "sentence")}` : "";
  return h("section", { class: "card section" }, h("h2", {}, `Evidence (${items.length})`, h("span", { class: "muted h2-note" }, note)),
    items.map(evidenceCard));
}

function locator(rec) {
  const box = h("div", { class: "map compact" });
  const section = h("section", { class: "card section" }, h("h2", {}, "Location"), box);
  const loc = rec.location;
  const row = {
    event_id: rec.event_id, event_type: rec.event_type, sub_event_type: rec.sub_event_type,
    lat: loc.lat, lon: loc.lon, geo_precision: loc.geo_precision, place: loc.name, country: loc.country,
    date: rec.date.value, date_precision: rec.date.precision, fatalities: 0, articles: rec.corroboration.articles,
    independent_sources: rec.corroboration.independent_sources,
  };
  requestAnimationFrame(async () => {
    const map = await new EventMap(box, { compact: true, minSpan: 8 }).init();
    map.setEvents([row]);
  });
  return section;
}

/** Draw the page; again after a review action, with what it did (`notice`). */
async function main(notice) {
  const page = document.getElementById("page");
  const id = lastPathPart();
  document.getElementById("json-twin").href = `/api/events/${encodeURIComponent(id)}`;
  delete document.body.dataset.ready;
  try {
    const rec = await getJSON(`/api/events/${encodeURIComponent(id)}`);
    const story = await getJSON(`/api/stories/${encodeURIComponent(rec.story_id)}`).catch(() => null);
    const taxonomy = rec.review.writable ? await getJSON("/api/taxonomy") : null;
    document.title = `${rec.sub_event_type} in ${rec.location.name || "?"} — eventdesk`;
    fill(page,
      header(rec, story),
      h("div", { class: "grid-2" },
        h("div", { class: "stack" }, evidenceSection(rec)),
        h("div", { class: "stack" }, reviewSection(rec, story, taxonomy, main, notice), whenWhere(rec),
          rec.location.lat !== null ? locator(rec) : null,
          countsSection(rec), conflictsSection(rec), actorsSection(rec), sourcesSection(rec))));
    document.body.dataset.ready = "1";
  } catch (error) {
    showError(page, error);
  }
}

main();
