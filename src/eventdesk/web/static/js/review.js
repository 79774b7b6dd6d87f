// The event page's review panel: an analyst confirms, rejects, edits, splits or merges the event
// through the token-protected routes (POST /api/events/{id}/confirm|reject|edit|split|merge), and
// reads its audit trail. Every value typed or read from the record goes into the DOM as text (h()).

import { h, fill, getJSON, link } from "./dom.js";
import { formatDate } from "./format.js";

const TOKEN_KEY = "eventdesk.token"; // sessionStorage: forgotten when the tab closes
const NAME_KEY = "eventdesk.reviewer"; // localStorage: the name stays for the next review
const STATUS_LABELS = { unreviewed: "Unreviewed", confirmed: "Confirmed", edited: "Edited", rejected: "Rejected" };
const STATUS_HELP = {
  unreviewed: "no analyst has looked at this event yet",
  confirmed: "an analyst confirmed it as coded",
  edited: "an analyst corrected it; the fields they set stay set when new articles arrive",
  rejected: "an analyst rejected it: hidden from the desk and exports unless asked for",
};
const FIELD_LABELS = {
  event_type: "type", sub_event_type: "sub-type", when: "date", place: "place", counts: "counts", actors: "actors", mentions: "mentions",
};

/** The review status as a badge. */
export function reviewBadge(status) {
  return h("span", { class: `badge review review-${status}`, title: STATUS_HELP[status] || "", dataset: { review: status } },
    STATUS_LABELS[status] || status);
}

const id = (event) => encodeURIComponent(event);
const number = (value) => (value === "" || value === null || value === undefined ? null : Number(value));
const text = (value) => (value === undefined || value === null ? "" : String(value));

function input(name, value, attrs = {}) {
  return h("input", { name, value: text(value), ...attrs });
}

function select(name, options, value, attrs = {}) {
  return h("select", { name, ...attrs }, options.map(([v, label]) => h("option", { value: v, selected: v === text(value) }, label)));
}

function labelled(label, control, cls = "") {
  return h("label", { class: `rv-field ${cls}` }, h("span", {}, label), control);
}

/** The panel. `rec` is the event record (GET /api/events/{id}), `story` its story (for merge
 * candidates), `taxonomy` GET /api/taxonomy, `done(notice)` re-renders the page after an action. */
export function reviewSection(rec, story, taxonomy, done, notice) {
  const review = rec.review;
  const message = h("p", { class: "rv-message", id: "review-message", role: "status" }, notice ? noticeNodes(notice) : null);
  const head = h("h2", {}, "Review ", reviewBadge(review.status),
    review.edited_fields.length ? h("span", { class: "muted h2-note" }, ` — set by an analyst: ${review.edited_fields.map((f) => FIELD_LABELS[f] || f).join(", ")}`) : null);
  if (!review.writable) {
    return h("section", { class: "card section review-panel", id: "review" }, head,
      h("p", { class: "muted" }, "This server takes no reviews: start it with EVENTDESK_TOKEN set to confirm, reject or correct events here."),
      historyTable(review.history));
  }
  const who = signature();
  const act = (path, body, after) => async () => {
    const signed = who.read();
    if (!signed) return fill(message, h("span", { class: "rv-error" }, "Give your name and the server's token first."));
    fill(message, "Saving…");
    try {
      const answer = await getJSON(`/api/events/${id(rec.event_id)}/${path}`, post(signed.token, { reviewer: signed.reviewer, note: who.note(), ...body() }));
      done(after(answer));
    } catch (error) {
      fill(message, h("span", { class: "rv-error" }, error.message));
    }
  };
  const verdict = (path, word) => act(path, () => ({}), () => `Event ${word}.`);
  return h("section", { class: "card section review-panel", id: "review" }, head,
    who.node,
    h("div", { class: "rv-actions" },
      h("button", { type: "button", class: "primary", id: "review-confirm", onclick: verdict("confirm", "confirmed") }, "Confirm"),
      h("button", { type: "button", class: "danger", id: "review-reject", onclick: verdict("reject", "rejected") }, "Reject")),
    message,
    editForm(rec, taxonomy, act),
    splitForm(rec, act),
    mergeForm(rec, story, act),
    historyTable(review.history));
}

function post(token, body) {
  return {
    method: "POST",
    headers: { Accept: "application/json", "Content-Type": "application/json", Authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  };
}

function noticeNodes(notice) {
  if (typeof notice === "string") return notice;
  return [notice.text, " ", h("a", { href: link.event(notice.event) }, notice.event)];
}

/** Name, token and note: who acts and why. The token is the server's EVENTDESK_TOKEN. */
function signature() {
  const name = input("reviewer", localStorage.getItem(NAME_KEY) || "", { id: "reviewer", autocomplete: "name", maxlength: 200 });
  const token = input("token", sessionStorage.getItem(TOKEN_KEY) || "", { id: "review-token", type: "password", autocomplete: "off" });
  const note = h("textarea", { id: "review-note", rows: 2, maxlength: 2000, placeholder: "Why (kept in the audit trail)" });
  return {
    node: h("div", { class: "rv-who" }, labelled("Your name", name), labelled("Token", token), labelled("Note", note, "wide")),
    read() {
      const reviewer = name.value.trim();
      if (!reviewer || !token.value) return null;
      localStorage.setItem(NAME_KEY, reviewer);
      sessionStorage.setItem(TOKEN_KEY, token.value);
      return { reviewer, token: token.value };
    },
    note: () => note.value,
  };
}

// -- edit ---------------------------------------------------------------------------------

function editForm(rec, taxonomy, act) {
  const types = Object.keys(taxonomy.event_types);
  const type = select("event_type", types.map((t) => [t, t]), rec.event_type);
  const sub = h("select", { name: "sub_event_type" });
  const subs = () => fill(sub, taxonomy.event_types[type.value].map((s) => h("option", { value: s, selected: s === rec.sub_event_type }, s)));
  type.addEventListener("change", subs);
  subs();
  const d = rec.date;
  const loc = rec.location;
  const precisions = taxonomy.time_precisions.filter((p) => p !== "unknown").map((p) => [p, p]);
  const fields = {
    date: input("date", d.value, { type: "date" }),
    precision: select("precision", precisions, d.precision === "unknown" ? "day" : d.precision),
    name: input("place", loc.name, { maxlength: 200 }),
    admin1: input("admin1", loc.admin1, { maxlength: 200 }),
    country_code: input("country_code", loc.country_code, { maxlength: 2, size: 3 }),
    lat: input("lat", loc.lat, { type: "number", step: "any", min: -90, max: 90 }),
    lon: input("lon", loc.lon, { type: "number", step: "any", min: -180, max: 180 }),
    geo_precision: select("geo_precision", [["", "–"], ["1", "1 the place"], ["2", "2 near it / part"], ["3", "3 the region"]], text(loc.geo_precision)),
  };
  const counts = rows(rec.counts, (c) => countRow(c, taxonomy), () => countRow({ kind: "killed" }, taxonomy), "Add a count", "counts");
  const actors = rows(rec.actors, (a) => actorRow(a, taxonomy), () => actorRow({ role: "actor1" }, taxonomy), "Add an actor", "actors");
  const read = () => ({
    fields: {
      event_type: type.value,
      sub_event_type: sub.value,
      when: { value: fields.date.value || null, precision: fields.precision.value },
      place: {
        name: fields.name.value, admin1: fields.admin1.value, country_code: fields.country_code.value.trim() || null,
        lat: number(fields.lat.value), lon: number(fields.lon.value), geo_precision: number(fields.geo_precision.value),
      },
      counts: counts.read(),
      actors: actors.read(),
    },
  });
  return h("details", { class: "rv-box", id: "review-edit" }, h("summary", {}, "Edit fields"),
    h("div", { class: "rv-grid" },
      labelled("Event type", type), labelled("Sub-event type", sub),
      labelled("Date", fields.date), labelled("Precision", fields.precision),
      labelled("Place", fields.name), labelled("Region (admin1)", fields.admin1),
      labelled("Country code", fields.country_code), labelled("Geo precision", fields.geo_precision),
      labelled("Latitude", fields.lat), labelled("Longitude", fields.lon)),
    h("h3", {}, "Counts"), counts.node,
    h("h3", {}, "Actors"), actors.node,
    h("button", { type: "button", class: "primary", id: "review-save", onclick: act("edit", read, () => "Fields saved.") }, "Save the fields"));
}

/** An editable list: a row per item, a remove button on each, an add button under them. */
function rows(items, make, blank, addLabel, name) {
  const body = h("div", { class: "rv-rows", dataset: { list: name } });
  const add = (row) => {
    const remove = h("button", { type: "button", class: "link-button rv-remove", title: "Remove" }, "Remove");
    const line = h("div", { class: "rv-row" }, row.node, remove);
    line.read = row.read;
    remove.addEventListener("click", () => line.remove());
    body.append(line);
  };
  items.forEach((item) => add(make(item)));
  return {
    node: h("div", {}, body, h("button", { type: "button", class: "secondary rv-add", onclick: () => add(blank()) }, addLabel)),
    read: () => [...body.children].map((line) => line.read()),
  };
}

function countRow(c, taxonomy) {
  const kind = select("kind", taxonomy.count_kinds.map((k) => [k, k]), c.kind);
  const low = input("low", c.low, { type: "number", min: 0, step: 1, placeholder: "low" });
  const high = input("high", c.high, { type: "number", min: 0, step: 1, placeholder: "high (none: open)" });
  const best = input("best", c.best, { type: "number", min: 0, step: 1, placeholder: "best" });
  const who = input("who", c.who, { maxlength: 200, placeholder: "who (e.g. protesters)" });
  return {
    node: h("span", { class: "rv-count" }, kind, low, high, best, who),
    read: () => ({ kind: kind.value, low: number(low.value), high: number(high.value), best: number(best.value), who: who.value.trim() || null }),
  };
}

function actorRow(a, taxonomy) {
  const role = select("role", taxonomy.actor_roles.map((r) => [r, r]), a.role);
  const name = input("name", a.name, { maxlength: 200, placeholder: "name" });
  const kinds = [["", "no kind"], ...taxonomy.actor_kinds.map((k) => [k, k])];
  if (a.kind && !taxonomy.actor_kinds.includes(a.kind)) kinds.push([a.kind, a.kind]);
  const kind = select("kind", kinds, a.kind || "");
  return {
    node: h("span", { class: "rv-actor" }, role, name, kind),
    read: () => ({ name: name.value, role: role.value, kind: kind.value || null, country_code: a.country_code || null }),
  };
}

// -- split and merge ----------------------------------------------------------------------

function splitForm(rec, act) {
  const boxes = rec.explain.mentions.map((m) => {
    const box = h("input", { type: "checkbox", name: "mention", value: m.mention_id });
    const words = m.sentence.text.length > 140 ? `${m.sentence.text.slice(0, 139)}…` : m.sentence.text;
    return { box, node: h("label", { class: "rv-mention" }, box,
      h("span", {}, h("strong", {}, m.outlet || m.article_id), ` · “${m.trigger.text}” · `, h("span", { class: "muted" }, words))) };
  });
  const read = () => ({ mention_ids: boxes.filter((b) => b.box.checked).map((b) => b.box.value) });
  const after = (answer) => ({ text: "Split: the checked mentions are now event", event: answer.events[1].event_id });
  return h("details", { class: "rv-box", id: "review-split" }, h("summary", {}, "Split"),
    h("p", { class: "muted" }, "Check the mentions that report another event: they become a new event; the others stay in this one."),
    boxes.map((b) => b.node),
    h("button", { type: "button", class: "primary", id: "review-split-go", onclick: act("split", read, after) }, "Move the checked mentions to a new event"));
}

function mergeForm(rec, story, act) {
  const others = ((story && story.events) || []).filter((e) => e.event_id !== rec.event_id);
  const choice = select("other", [["", others.length ? "An event of this story…" : "No other event in this story"],
    ...others.map((e) => [e.event_id, `${formatDate(e.date, e.date_precision)} · ${e.sub_event_type} · ${e.place || "unknown place"} · ${e.event_id}`])], "",
  { id: "merge-other" });
  const typed = input("other_id", "", { id: "merge-id", placeholder: "or an event id (e_…)", maxlength: 64 });
  const read = () => ({ other: typed.value.trim() || choice.value });
  return h("details", { class: "rv-box", id: "review-merge" }, h("summary", {}, "Merge"),
    h("p", { class: "muted" }, "Merge another report of this same event into this one: it keeps this event's id; the other is removed."),
    h("div", { class: "rv-grid" }, labelled("Event", choice, "wide"), labelled("Or by id", typed, "wide")),
    h("button", { type: "button", class: "primary", id: "review-merge-go", onclick: act("merge", read, () => "Merged into this event.") }, "Merge into this event"));
}

// -- the audit trail ----------------------------------------------------------------------

function historyTable(history) {
  if (!history.length) return h("p", { class: "muted rv-none" }, "No review yet.");
  return h("table", { class: "plain rv-history", id: "review-history" },
    h("thead", {}, h("tr", {}, ["When (UTC)", "Who", "What", "Before", "After", "Note"].map((t) => h("th", {}, t)))),
    h("tbody", {}, history.map((e) => h("tr", { dataset: { action: e.action } },
      h("td", { class: "num" }, e.at.replace("T", " ").replace(/(:\d\d)Z?$/, "$1").slice(0, 19)),
      h("td", {}, e.reviewer),
      h("td", {}, e.action, e.field ? ` ${FIELD_LABELS[e.field] || e.field}` : "",
        e.other_event_id ? [" (", h("a", { href: link.event(e.other_event_id) }, e.other_event_id), ")"] : null),
      h("td", {}, words(e.field, e.old)),
      h("td", {}, words(e.field, e.new)),
      h("td", {}, e.note)))));
}

function range(c) {
  if (c.high === null) return c.low === null ? "?" : `${c.low}+`;
  return c.low === c.high ? String(c.low) : `${c.low ?? "?"}–${c.high}`;
}

/** A value of the audit trail in a few words. */
function words(field, value) {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  if (field === "when") return `${formatDate(value.value, value.precision)} (${value.precision})`;
  if (field === "place") {
    const where = [value.name, value.admin1, value.country_code].filter(Boolean).join(", ") || "no place";
    return value.lat === null ? where : `${where} (${value.lat}, ${value.lon})`;
  }
  if (field === "counts") return value.map((c) => `${c.kind} ${range(c)}${c.who ? ` (${c.who})` : ""}`).join("; ") || "none";
  if (field === "actors") return value.map((a) => `${a.role}: ${a.name}`).join("; ") || "none";
  if (field === "mentions") return `${value.length} mention${value.length === 1 ? "" : "s"}`;
  return JSON.stringify(value);
}
