// Every story (/api/stories), newest activity first, each linking to its report.

import { h, fill, getJSON, showError, link } from "./dom.js";
import { formatDate, plural } from "./format.js";

async function main() {
  const page = document.getElementById("page");
  document.getElementById("json-twin").href = "/api/stories";
  try {
    const data = await getJSON("/api/stories");
    const stories = [...data.stories].sort((a, b) => String(b.last_published).localeCompare(String(a.last_published)));
    fill(page,
      h("h1", { class: "page-title" }, "Stories"),
      h("p", { class: "lede" }, "Articles grouped by the developing situation they report. Each story has a flash update in which every sentence cites its events and sources."),
      h("section", { class: "card" }, h("ul", { class: "list" }, stories.map((st) => h("li", {},
        h("a", { class: "title", href: link.story(st.id) }, st.title),
        h("div", { class: "sub" }, [
          plural(st.articles, "article"), plural(st.events, "event"),
          st.first_published ? `${formatDate(st.first_published)} – ${formatDate(st.last_published)}` : "undated",
          st.countries.join(", "),
        ].filter(Boolean).join(" · ")))))));
    document.body.dataset.ready = "1";
  } catch (error) {
    showError(page, error);
  }
}

main();
