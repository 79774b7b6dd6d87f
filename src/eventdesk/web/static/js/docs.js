// The API reference, drawn offline from /openapi.json (FastAPI's default /docs page would
// load Swagger UI from a CDN, which an air-gapped desk cannot reach).

import { h, fill, getJSON, showError } from "./dom.js";

function schemaType(schema) {
  if (!schema) return "";
  if (schema.anyOf) return schema.anyOf.map(schemaType).filter((t) => t !== "null").join(" | ");
  if (schema.type === "array") return `list of ${schemaType(schema.items)}`;
  if (schema.enum) return schema.enum.join(" | ");
  return schema.type || (schema.$ref ? schema.$ref.split("/").pop() : "");
}

function parameters(op) {
  const params = op.parameters || [];
  if (!params.length) return null;
  return h("table", { class: "plain" },
    h("thead", {}, h("tr", {}, ["Parameter", "In", "Type", "Description"].map((t) => h("th", {}, t)))),
    h("tbody", {}, params.map((p) => h("tr", {},
      h("td", {}, h("code", {}, p.name), p.required ? h("span", { class: "muted" }, " required") : null),
      h("td", {}, p.in),
      h("td", {}, schemaType(p.schema), p.schema && p.schema.default !== undefined ? h("span", { class: "muted" }, ` = ${JSON.stringify(p.schema.default)}`) : null),
      h("td", {}, p.description || (p.schema && p.schema.description) || "")))));
}

function endpoint(path, method, op) {
  const example = method === "get" && !path.includes("{")
    ? `curl '${window.location.origin}${path}'`
    : method === "post"
      ? `curl -X POST -H 'Authorization: Bearer $EVENTDESK_TOKEN' -H 'Content-Type: application/json' \\\n  -d '[{"text": "...", "outlet": "...", "published": "2022-07-09"}]' ${window.location.origin}${path}`
      : null;
  return h("div", { class: "endpoint" },
    h("div", {}, h("span", { class: `method ${method}` }, method.toUpperCase()), h("span", { class: "path" }, path)),
    h("p", {}, h("strong", {}, op.summary || ""), op.description ? h("span", { class: "muted" }, ` — ${op.description.split("\n")[0]}`) : null),
    parameters(op),
    example ? h("pre", {}, example) : null);
}

async function main() {
  const page = document.getElementById("page");
  document.getElementById("json-twin").href = "/openapi.json";
  try {
    const spec = await getJSON("/openapi.json");
    const items = Object.entries(spec.paths).flatMap(([path, ops]) => Object.entries(ops).map(([m, op]) => endpoint(path, m, op)));
    fill(page,
      h("h1", { class: "page-title" }, `${spec.info.title} API `, h("span", { class: "muted" }, spec.info.version)),
      h("p", { class: "lede" }, "Every page of the desk reads one of these routes: each HTML view has a JSON twin. The machine-readable description is ",
        h("a", { href: "/openapi.json" }, "/openapi.json"), "."),
      h("section", { class: "card" }, items));
    document.body.dataset.ready = "1";
  } catch (error) {
    showError(page, error);
  }
}

main();
