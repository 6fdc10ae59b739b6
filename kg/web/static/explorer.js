// The explorer: search an entity, draw its neighbourhood, expand by clicking, read the evidence.
// Everything it loaded is kept in `rckg.graph`; the filters decide what of it is drawn, so a
// filter never needs the server and the downloads are exactly what is on screen.
"use strict";

// Colours, shapes, arrows, the kind that styles a mixed edge and the kind of each reading of
// `kg partners` (partner, co-founder, has part …) come from the schema tables through /api/meta.
const TYPE_COLOURS = {}, SHAPES = {}, KIND_COLOURS = {}, KIND_ARROWS = {}, ROW_KINDS = {}, DRAW_ORDER = [];

function useSchema(schema) {
  for (const [t, s] of Object.entries(schema.types)) { TYPE_COLOURS[t] = s.colour; SHAPES[t] = s.shape; }
  for (const [k, s] of Object.entries(schema.kinds)) { KIND_COLOURS[k] = s.colour; KIND_ARROWS[k] = s.arrow; }
  Object.assign(ROW_KINDS, schema.readings);
  DRAW_ORDER.push(...schema.draw_order);
}
const LABEL_PX = 13;       // the smallest label, in screen pixels, at any zoom the page chooses

const rckg = window.rckg = {
  graph: { nodes: new Map(), edges: new Map() },   // everything loaded
  expanded: new Set(), selected: null, card: null, partners: [], shownRows: [],
  meta: null, stable: false, busy: 0, fontSize: 16,
};

const $ = (sel) => document.querySelector(sel);
const esc = (s) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c]));

async function getJSON(url) {
  const r = await fetch(url);
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || r.statusText);
  return body;
}

// ---- network ---------------------------------------------------------------------------
rckg.nodes = new vis.DataSet();
rckg.edges = new vis.DataSet();
rckg.network = new vis.Network($("#canvas"), { nodes: rckg.nodes, edges: rckg.edges }, {
  nodes: { font: { size: 16, face: getComputedStyle(document.body).fontFamily, strokeWidth: 3, strokeColor: "#fff" },
           borderWidth: 1, scaling: { min: 12, max: 28, label: { enabled: false } } },
  edges: { smooth: false, color: { inherit: false }, arrows: { to: { scaleFactor: 0.5 } }, width: 1.6 },
  interaction: { hover: true, tooltipDelay: 150 },
  layout: { improvedLayout: true, randomSeed: 7 },
  physics: { solver: "forceAtlas2Based", stabilization: { iterations: 300, fit: false },
             forceAtlas2Based: { gravitationalConstant: -120, springLength: 170, springConstant: 0.05, avoidOverlap: 0.8 } },
});
rckg.network.on("beforeDrawing", (ctx) => {        // a white page behind the drawing, for the PNG
  ctx.save(); ctx.setTransform(1, 0, 0, 1, 0, 0); ctx.fillStyle = "#fff";
  ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height); ctx.restore();
});
rckg.network.on("click", (e) => { if (e.nodes.length) expand(e.nodes[0]); });

function fit() {
  // Fit what is drawn, then size labels so that none is smaller than LABEL_PX on screen.
  rckg.network.fit({ animation: false });
  const scale = rckg.network.getScale();
  const size = Math.min(48, Math.max(14, Math.ceil(LABEL_PX / scale)));
  if (size !== rckg.fontSize) {
    rckg.fontSize = size;
    rckg.network.setOptions({ nodes: { font: { size } } });
  }
  rckg.labelPx = size * scale;
}

function settle() {
  rckg.stable = false;
  rckg.network.setOptions({ physics: { enabled: true } });
  rckg.network.stabilize(300);
}
rckg.network.on("stabilizationIterationsDone", () => {
  rckg.network.setOptions({ physics: { enabled: false } });
  fit();
  rckg.stable = true;
});

// ---- loading -----------------------------------------------------------------------------
function merge(view) {
  for (const n of view.nodes) rckg.graph.nodes.set(n.id, n);
  for (const e of view.edges) rckg.graph.edges.set(e.id, e);
  rckg.expanded.add(view.center);
  rckg.hidden = view.hidden;
}

async function open(iri) {
  // A new start: this entity's neighbourhood alone.
  rckg.busy++;
  try {
    const view = await getJSON(`/api/neighbours?iri=${encodeURIComponent(iri)}`);
    rckg.graph = { nodes: new Map(), edges: new Map() };
    rckg.expanded = new Set();
    rckg.nodes.clear(); rckg.edges.clear();
    merge(view);
    $("#hint").hidden = true;
    redraw();
    await select(iri);
  } finally { rckg.busy--; }
}

async function expand(iri) {
  rckg.busy++;
  try {
    if (!rckg.expanded.has(iri)) {
      const at = rckg.network.getPosition(iri);
      const view = await getJSON(`/api/neighbours?iri=${encodeURIComponent(iri)}`);
      for (const n of view.nodes) if (!rckg.graph.nodes.has(n.id)) { n.x = at.x + (Math.random() - 0.5) * 80; n.y = at.y + (Math.random() - 0.5) * 80; }
      merge(view);
      redraw();
    }
    await select(iri);
  } finally { rckg.busy--; }
}

async function select(iri) {
  rckg.selected = iri;
  const [card, rows] = await Promise.all([
    getJSON(`/api/entity?iri=${encodeURIComponent(iri)}`),
    getJSON(`/api/partners?iri=${encodeURIComponent(iri)}`),
  ]);
  if (rckg.selected !== iri) return;
  rckg.card = card; rckg.partners = rows;
  renderPanel();
  rckg.network.selectNodes(rckg.nodes.get(iri) ? [iri] : []);
}

// ---- filters -------------------------------------------------------------------------------
function filters() {
  const checked = (box) => [...document.querySelectorAll(`${box} input:checked`)].map((i) => i.value);
  const all = (box) => document.querySelectorAll(`${box} input`).length;
  const types = checked("#f-types"), kinds = checked("#f-kinds");
  return {
    types: types.length === all("#f-types") ? null : new Set(types),
    kinds: kinds.length === all("#f-kinds") ? null : new Set(kinds),
    region: $("#f-region").value || null, status: $("#f-status").value || null,
    since: $("#f-since").value || null, until: $("#f-until").value || null,
    hideRegions: $("#f-hide-regions").checked,
  };
}

function evidenceKept(ev, f) {
  if (f.status && ev.status !== f.status) return false;
  if ((f.since || f.until) && !ev.date) return false;
  if (f.since && ev.date < f.since) return false;
  if (f.until && ev.date > f.until) return false;
  return true;
}

function nodeKept(n, f) {
  if (n.id === rckg.selected) return true;
  if (f.hideRegions && n.type === "Region") return false;
  return !f.types || f.types.has(n.type);
}

const inRegion = (n, f) => !f.region || (n && n.places.includes(f.region));

function visible() {
  // What of the loaded graph the filters let through: an edge needs a relation of a kept
  // kind with evidence of the kept status and dates, an end in the region, and both ends kept.
  const f = filters(), G = rckg.graph;
  const edges = [];
  for (const e of G.edges.values()) {
    const a = G.nodes.get(e.from), b = G.nodes.get(e.to);
    if (!a || !b || !nodeKept(a, f) || !nodeKept(b, f)) continue;
    if (!(inRegion(a, f) || inRegion(b, f))) continue;
    const relations = e.relations.filter((r) => (!f.kinds || f.kinds.has(r.kind)) && r.evidence.some((ev) => evidenceKept(ev, f)));
    if (relations.length) edges.push({ ...e, relations });
  }
  const ids = new Set(edges.flatMap((e) => [e.from, e.to]));
  if (rckg.selected && G.nodes.has(rckg.selected)) ids.add(rckg.selected);
  return { nodes: [...ids].map((id) => G.nodes.get(id)), edges };
}

function drawnNode(n) {
  const colour = TYPE_COLOURS[n.type] || "#aaaaaa";
  const open = rckg.expanded.has(n.id);
  const label = n.label.length > 18 ? n.label.slice(0, 17) + "…" : n.label;
  const node = { id: n.id, label, shape: SHAPES[n.type] || "dot", value: n.degree,
                 title: `${n.label}\n${n.type || "?"}${n.region ? " · " + n.region : ""}\n${n.degree} links${open ? "" : " · click to expand"}`,
                 color: { background: colour, border: open ? "#111" : "#fff", highlight: { background: colour, border: "#000" } },
                 borderWidth: open ? 3 : 1 };
  if (n.x !== undefined && !rckg.nodes.get(n.id)) { node.x = n.x; node.y = n.y; }
  return node;
}

function drawnEdge(e) {
  const kinds = e.relations.map((r) => r.kind);
  const kind = DRAW_ORDER.find((k) => kinds.includes(k)) || kinds[0];
  const planned = e.relations.every((r) => r.evidence.every((ev) => ev.status === "planned"));
  const dir = e.relations.find((r) => r.kind === kind).direction;
  let [from, to] = [e.from, e.to], arrows = "";
  const arrow = KIND_ARROWS[kind] || "none";
  if (dir && arrow !== "none") {
    [from, to] = arrow === "backward" ? [dir[1], dir[0]] : dir;     // founder → body; part → whole
    arrows = "to";
  }
  const n = e.relations.reduce((s, r) => s + r.evidence.length, 0);
  return { id: e.id, from, to, arrows, dashes: planned ? [8, 6] : false, color: KIND_COLOURS[kind] || "#999",
           title: e.relations.map((r) => `${r.kind} (${r.statuses.join(", ")}) · ${r.evidence.length} sentence(s)`).join("\n"),
           width: Math.min(6, 1.2 + n * 0.5), kind };
}

function redraw() {
  const { nodes, edges } = visible();
  const keepN = new Set(nodes.map((n) => n.id)), keepE = new Set(edges.map((e) => e.id));
  rckg.nodes.remove(rckg.nodes.getIds().filter((id) => !keepN.has(id)));
  rckg.edges.remove(rckg.edges.getIds().filter((id) => !keepE.has(id)));
  rckg.nodes.update(nodes.map(drawnNode));
  rckg.edges.update(edges.map(drawnEdge));
  const more = rckg.hidden ? ` · ${rckg.hidden} more not drawn` : "";
  $("#count").textContent = rckg.graph.nodes.size ? `${nodes.length} entities · ${edges.length} links${more}` : "";
  settle();
  if (rckg.card) renderPanel();
}

// ---- side panel ----------------------------------------------------------------------------
function rowKept(row, f) {
  if (!f) f = filters();
  if (f.types && !f.types.has(row.type)) return false;
  if (f.hideRegions && row.type === "Region") return false;
  if (f.kinds && !f.kinds.has(ROW_KINDS[row.relation])) return false;
  if (f.region && !(rckg.card.places.includes(f.region) || (row.places || []).includes(f.region))) return false;
  return evidenceKept(row, f);
}

function docLink(row) {
  const href = `/doc/${encodeURIComponent(row.doc)}?s=${encodeURIComponent(row.sentence || "")}#hit`;
  return `<a class="doc" href="${esc(href)}" target="_blank">${esc(row.title || row.doc)}${row.date ? " · " + esc(row.date) : ""}</a>`;
}

function renderPanel() {
  const c = rckg.card;
  $("#p-empty").hidden = true;
  $("#p-card").hidden = false;
  $("#p-name").textContent = c.name;
  $("#p-facts").textContent = [c.type, c.regions.length ? c.regions.join(" ⊂ ") : "region unknown"].join(" · ");
  $("#p-aliases").textContent = c.aliases.length ? "also 别名: " + c.aliases.join("、") : "";
  const rows = rckg.shownRows = rckg.partners.filter((r) => rowKept(r));
  $("#p-count").textContent = rows.length === rckg.partners.length ? `${rows.length}` : `${rows.length} of ${rckg.partners.length}`;
  $("#partners tbody").innerHTML = rows.map((r) => `<tr>
      <td>${r.partner_iri ? `<a class="partner" data-iri="${esc(r.partner_iri)}">${esc(r.partner)}</a>` : esc(r.partner)}<br><small>${esc(r.type || "")}${r.region ? " · " + esc(r.region) : ""}</small></td>
      <td>${esc(r.relation)}${r.via ? `<br><small>via ${esc(r.via)}</small>` : ""}</td>
      <td class="${esc(r.status)}">${esc(r.status)}</td>
      <td>${esc(r.date || "")}</td>
      <td class="ev">${docLink(r)}${esc(r.sentence || "")}</td></tr>`).join("");
}

$("#partners").addEventListener("click", (e) => {
  const a = e.target.closest("a.partner");
  if (!a) return;
  const iri = a.dataset.iri;
  if (rckg.graph.nodes.has(iri)) expand(iri); else open(iri);
});

// ---- search --------------------------------------------------------------------------------
let suggestTimer = null, suggestSeq = 0;
$("#search").addEventListener("input", () => {
  clearTimeout(suggestTimer);
  suggestTimer = setTimeout(suggest, 120);
});
async function suggest() {
  const q = $("#search").value.trim(), seq = ++suggestSeq, list = $("#suggestions");
  if (!q) { list.hidden = true; return; }
  const hits = await getJSON(`/api/search?q=${encodeURIComponent(q)}&limit=15`);
  if (seq !== suggestSeq) return;
  list.innerHTML = hits.length ? hits.map((h, i) => `<li role="option" data-iri="${esc(h.iri)}" class="${i ? "" : "active"}">
      <span>${esc(h.label)}</span>${h.match !== h.label ? `<span class="t">(${esc(h.match)})</span>` : ""}
      <span class="t">${esc(h.type || "")}${h.region ? " · " + esc(h.region) : ""}</span></li>`).join("")
    : `<li class="none">No match 无结果</li>`;
  list.hidden = false;
}
$("#search").addEventListener("keydown", (e) => {
  const items = [...document.querySelectorAll("#suggestions li[data-iri]")];
  const at = items.findIndex((li) => li.classList.contains("active"));
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    if (!items.length) return;
    const next = (at + (e.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
    items.forEach((li, i) => li.classList.toggle("active", i === next));
  } else if (e.key === "Enter" && items.length) {
    choose(items[Math.max(0, at)].dataset.iri);
  } else if (e.key === "Escape") {
    $("#suggestions").hidden = true;
  }
});
$("#suggestions").addEventListener("mousedown", (e) => {
  const li = e.target.closest("li[data-iri]");
  if (li) { e.preventDefault(); choose(li.dataset.iri); }
});
function choose(iri) {
  $("#suggestions").hidden = true;
  $("#search").value = rckg.graph.nodes.get(iri)?.label || $("#suggestions li[data-iri] span")?.textContent || "";
  open(iri);
}

// ---- filter controls -----------------------------------------------------------------------
function checkboxes(box, values, label) {
  $(box).innerHTML = values.map((v) => `<label><input type="checkbox" value="${esc(v)}" checked>${label(v)}</label>`).join("");
}

async function init() {
  const meta = rckg.meta = await getJSON("/api/meta");
  useSchema(meta.schema);
  $("#hint").innerHTML = `${meta.entities} entities, ${meta.links} links from ${meta.documents} documents.<br>
    Search an entity to start; click a node to expand it.<br>搜索一个机构开始；点击节点展开。`;
  checkboxes("#f-types", meta.types, (t) => `<span class="sw" style="background:${TYPE_COLOURS[t] || "#aaa"}"></span>${esc(t)}`);
  checkboxes("#f-kinds", meta.relations, (k) => `<span class="sw" style="background:${KIND_COLOURS[k] || "#999"}"></span>${esc(k)}`);
  $("#f-region").insertAdjacentHTML("beforeend", meta.regions.map((r) => `<option value="${esc(r)}">${esc(r)}</option>`).join(""));
  $("#legend").innerHTML = `<div><span class="line"></span>realized 已实现</div>
    <div><span class="line dashed"></span>planned only 规划中</div>
    <div><span class="ring"></span>expanded 已展开</div>
    <div>colours: type and relation above</div>`;
  for (const el of document.querySelectorAll("#filters input, #filters select")) el.addEventListener("change", redraw);
  $("#f-reset").addEventListener("click", () => {
    for (const i of document.querySelectorAll("#filters input[type=checkbox]")) i.checked = i.id !== "f-hide-regions";
    for (const el of document.querySelectorAll("#filters select, #filters input[type=date]")) el.value = "";
    redraw();
  });
  document.title = `rckg workbench — ${meta.entities} entities, ${meta.documents} documents`;
  rckg.ready = true;
  const start = new URLSearchParams(location.search).get("entity");
  if (start) {
    const hits = await getJSON(`/api/search?q=${encodeURIComponent(start)}&limit=1`);
    if (hits.length) open(hits[0].iri);
  }
}

// ---- downloads -----------------------------------------------------------------------------
function save(blob, name) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob); a.download = name;
  document.body.appendChild(a); a.click(); a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 5000);
}

async function post(url, body, name) {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) { alert((await r.json()).error); return; }
  save(await r.blob(), name);
}

const baseName = () => (rckg.card ? rckg.card.name : "rckg");
const COLUMNS = ["partner", "type", "region", "relation", "via", "status", "date", "title", "doc", "sentence"];

$("#dl-png").addEventListener("click", () => {
  const canvas = $("#canvas canvas");
  canvas.toBlob((blob) => save(blob, `${baseName()}-view.png`), "image/png");
});
$("#dl-csv").addEventListener("click", () => post("/download/table?format=csv",
  { columns: COLUMNS, rows: rckg.shownRows, name: `${baseName()}-partners` }, `${baseName()}-partners.csv`));
$("#dl-xlsx").addEventListener("click", () => post("/download/table?format=xlsx",
  { columns: COLUMNS, rows: rckg.shownRows, name: `${baseName()}-partners` }, `${baseName()}-partners.xlsx`));
function subgraph() {
  return { nodes: rckg.nodes.getIds(), edges: rckg.edges.get().map((e) => [e.from, e.to]), name: `${baseName()}-subgraph` };
}
$("#dl-ttl").addEventListener("click", () => post("/download/subgraph?format=ttl", subgraph(), `${baseName()}-subgraph.ttl`));
$("#dl-gexf").addEventListener("click", () => post("/download/subgraph?format=gexf", subgraph(), `${baseName()}-subgraph.gexf`));

init();
