// The query page: the cookbook's queries ready to run against /sparql, results as a table.
"use strict";

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));
const page = window.rckgQuery = { cookbook: [], current: null, done: 0 };

function withBindings(text, binds) {
  // A cookbook query binds its named variables (kg query --bind name=…): here they become a
  // VALUES block at the start of the WHERE clause.
  const values = Object.entries(binds).filter(([, v]) => v !== "")
    .map(([k, v]) => `VALUES ?${k} { "${v.replace(/["\\]/g, "\\$&")}" }`).join(" ");
  return values ? text.replace(/WHERE\s*\{/i, (m) => `${m} ${values}`) : text;
}

function bindings() {
  const out = {};
  for (const input of document.querySelectorAll("#binds input")) out[input.name] = input.value.trim();
  return out;
}

function queryText() { return withBindings($("#sparql").value, bindings()); }

async function run() {
  $("#error").textContent = ""; $("#status").textContent = "running…";
  const r = await fetch("/sparql", { method: "POST", body: queryText(),
    headers: { "content-type": "application/sparql-query", accept: "application/sparql-results+json, text/turtle;q=0.5" } });
  const text = await r.text();
  if (!r.ok) { $("#error").textContent = text; $("#status").textContent = ""; $("#results").innerHTML = ""; page.done++; return; }
  if ((r.headers.get("content-type") || "").includes("json")) {
    const data = JSON.parse(text);
    if ("boolean" in data) {
      $("#results").innerHTML = `<p>${data.boolean}</p>`; $("#status").textContent = "ASK";
    } else {
      const vars = data.head.vars, rows = data.results.bindings;
      $("#results").innerHTML = `<table><thead><tr>${vars.map((v) => `<th>${esc(v)}</th>`).join("")}</tr></thead><tbody>`
        + rows.map((b) => `<tr>${vars.map((v) => `<td>${esc(b[v] ? b[v].value : "")}</td>`).join("")}</tr>`).join("")
        + "</tbody></table>";
      $("#status").textContent = `${rows.length} row${rows.length === 1 ? "" : "s"}`;
    }
  } else {
    $("#results").innerHTML = `<pre>${esc(text)}</pre>`; $("#status").textContent = "graph";
  }
  page.done++;
}

async function download(fmt) {
  const r = await fetch(`/sparql?format=${fmt}`, { method: "POST", body: new URLSearchParams({ query: queryText() }) });
  if (!r.ok) { $("#error").textContent = await r.text(); return; }
  const a = document.createElement("a");
  a.href = URL.createObjectURL(await r.blob()); a.download = `${page.current || "query"}.${fmt}`;
  document.body.appendChild(a); a.click(); a.remove();
}

function pick(q) {
  page.current = q.name;
  $("#sparql").value = q.text;
  $("#binds").innerHTML = Object.entries(q.bind).map(([k, v]) =>
    `<label>?${esc(k)} <input name="${esc(k)}" value="${esc(v)}"></label>`).join("");
}

async function init() {
  page.cookbook = await (await fetch("/api/cookbook")).json();
  $("#cookbook").insertAdjacentHTML("beforeend", page.cookbook.map((q, i) =>
    `<button type="button" data-i="${i}" id="q-${esc(q.name)}">${esc(q.name)}<small>${esc(q.about)}</small></button>`).join(""));
  $("#cookbook").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-i]");
    if (b) { pick(page.cookbook[+b.dataset.i]); run(); }
  });
  $("#run").addEventListener("click", run);
  $("#csv").addEventListener("click", () => download("csv"));
  $("#tsv").addEventListener("click", () => download("tsv"));
  $("#sparql").addEventListener("keydown", (e) => { if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(); });
  page.ready = true;
}

init();
