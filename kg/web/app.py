"""The workbench's web application: pages, the JSON API the explorer uses, downloads, and
the SPARQL endpoint. `create_app(graph_dir)` is all `kg serve` runs; tests drive it with
Starlette's TestClient.

Every answer comes from `kg.queries` (find, show, partners) and `kg.network` (the
neighbourhood), run on the newest read-only snapshot of the graph directory.
"""
from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path
from urllib.parse import parse_qs, quote

import pyoxigraph as ox
import pyvis
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from extract.readers import UnreadableDocument, read_document
from extract.normalise import normalise
from kg.iris import graph_iri
from kg.manifest import file_sha256
from kg.namespaces import PREFIXES, sparql_prologue
from kg.queries import AmbiguousName, UnknownEntity, find_entity, partners_of, show
from kg.web.downloads import subgraph_gexf, subgraph_turtle, table_csv, table_xlsx
from kg.web.neighbours import neighbourhood_json, node_json
from kg.web.protocol import GRAPH_FORMATS, RESULT_FORMATS, Refused, check_query, graph_format, results_format
from kg.web.snapshot import LiveGraph, search_names
from ontology.schema import DRAW_ORDER, ENTITY_TYPES, KINDS, NETWORK_KINDS, TYPES

__all__ = ["create_app", "COOKBOOK"]

STATIC = Path(__file__).resolve().parent / "static"
VENDOR = Path(pyvis.__file__).resolve().parent / "templates" / "lib" / "vis-9.1.2"
COOKBOOK = Path(__file__).resolve().parents[2] / "queries"
TABLE_COLUMNS = ["partner", "type", "region", "relation", "via", "status", "date", "title", "doc", "sentence"]

_SENTENCES = sparql_prologue() + "SELECT DISTINCT ?sentence WHERE { GRAPH DOC { ?a rc:sentence ?sentence } }"


# The schema tables as the explorer draws them: colours, shapes, arrows, which kind styles an
# edge carrying several, and the kind each reading of `kg partners` belongs to.
VIEW_SCHEMA = {
    "types": {t: {"colour": TYPES[t].colour, "shape": TYPES[t].shape} for t in ENTITY_TYPES},
    "kinds": {k: {"colour": KINDS[k].colour, "arrow": KINDS[k].arrow} for k in NETWORK_KINDS},
    "draw_order": list(DRAW_ORDER),
    "readings": {r: k for k in NETWORK_KINDS for r in (KINDS[k].head_en, KINDS[k].tail_en, KINDS[k].via_en) if r},
}


def _error(status: int, message: str, **extra) -> JSONResponse:
    return JSONResponse({"error": message, **extra}, status_code=status)


def _entity(snap, request: Request) -> str:
    """The IRI the request names, by `iri=` or by `name=` (any alias, 简 or 繁)."""
    iri, name = request.query_params.get("iri"), request.query_params.get("name")
    if iri:
        if iri not in snap.network:
            raise UnknownEntity(iri, [])
        return iri
    if not name:
        raise UnknownEntity("", [])
    return find_entity(snap.store, name)


def _lookup(fn):
    """Unknown names answer 404 with the closest names, ambiguous ones 409 with the candidates."""
    import functools

    @functools.wraps(fn)
    def wrapper(self, request):
        try:
            return fn(self, request)
        except UnknownEntity as e:
            return _error(404, str(e) if e.name else "give iri= or name=", suggestions=e.suggestions)
        except AmbiguousName as e:
            return _error(409, str(e), candidates=e.candidates)

    return wrapper


class Workbench:
    """The endpoints, each a plain function of the request over the current snapshot."""

    def __init__(self, graph_dir):
        self.live = LiveGraph(graph_dir)
        self.live.current()             # no graph here: fail now, with the reason, not at the first request
        self.live.warm()

    # pages -----------------------------------------------------------------------------
    def explorer(self, request):
        return FileResponse(STATIC / "explorer.html", media_type="text/html; charset=utf-8")

    def query_page(self, request):
        return FileResponse(STATIC / "query.html", media_type="text/html; charset=utf-8")

    def document(self, request):
        """A document's text with its evidence sentences marked (`?s=` the one to jump to)."""
        snap = self.live.current()
        doc = request.path_params["doc"]
        meta = snap.documents.get(doc)
        if meta is None:
            return PlainTextResponse(f"no document {doc!r} in this graph", status_code=404)
        # The graph's IRI goes in serialised by pyoxigraph, never as the text of the request.
        sentences = [r["sentence"].value for r in snap.store.query(
            _SENTENCES.replace("DOC", str(ox.NamedNode(graph_iri(doc)))))]
        entry = snap.manifest().documents.get(doc)
        text, note = None, None
        if entry is None:
            note = "The graph does not record this document's file; its evidence sentences follow."
        else:
            try:
                if file_sha256(entry.path) != entry.sha256:
                    note = f"{entry.path} has changed since it was built; its evidence sentences as built follow."
                else:
                    text = normalise(read_document(entry.path))
            except (OSError, UnreadableDocument) as e:
                note = f"{entry.path} cannot be read now ({e}); its evidence sentences follow."
        return HTMLResponse(_document_page(doc, meta, text, sentences, request.query_params.get("s"), note))

    # JSON API --------------------------------------------------------------------------
    def meta(self, request):
        snap = self.live.current()
        g = snap.network
        dates = sorted(d["date"] for d in snap.documents.values() if d["date"])
        places = sorted({p for n in g for p in node_json(g, n)["places"]})
        kinds = sorted({k for _, _, r in g.edges(data="relations") for k in r})
        return JSONResponse({"graph": str(snap.dir), "documents": len(snap.documents), "entities": len(g),
                             "links": g.number_of_edges(), "types": sorted({t for _, t in g.nodes(data="type") if t}),
                             "regions": places, "relations": kinds,
                             "dates": [dates[0], dates[-1]] if dates else None, "schema": VIEW_SCHEMA})

    def search(self, request):
        try:
            limit = max(1, min(100, int(request.query_params.get("limit", 20))))
        except ValueError:
            return _error(400, "limit must be a number")
        return JSONResponse(search_names(self.live.current(), request.query_params.get("q", ""), limit))

    @_lookup
    def entity(self, request):
        snap = self.live.current()
        iri = _entity(snap, request)
        card = show(snap.store, snap.network.nodes[iri]["label"])
        card["iri"] = iri
        card["places"] = node_json(snap.network, iri)["places"]
        return JSONResponse(card)

    @_lookup
    def neighbours(self, request):
        snap = self.live.current()
        return JSONResponse(neighbourhood_json(snap.network, _entity(snap, request), snap.documents))

    @_lookup
    def partners(self, request):
        """`kg partners`' rows (with each document's title and date), and each partner's IRI and places."""
        snap = self.live.current()
        iri = _entity(snap, request)
        rows = []
        for row in partners_of(snap.store, iri):
            other = snap.by_label.get(row["partner"])
            rows.append({**row, "partner_iri": other,
                         "places": node_json(snap.network, other)["places"] if other else []})
        return JSONResponse(rows)

    def cookbook(self, request):
        """The queries of `queries/`, with what their header comment says and the names they bind."""
        out = []
        for path in sorted(COOKBOOK.glob("*.rq")) if COOKBOOK.is_dir() else []:
            text = path.read_text(encoding="utf-8")
            header = [line[1:].strip() for line in text.splitlines() if line.startswith("#")]
            binds = dict(re.findall(r"--bind (\w+)=(\S+)", "\n".join(header)))
            out.append({"name": path.stem, "about": header[0] if header else "", "text": text, "bind": binds})
        return JSONResponse(out)

    # downloads -------------------------------------------------------------------------
    async def download_table(self, request):
        fmt = request.query_params.get("format", "csv")
        body = await _json_body(request)
        if isinstance(body, Response):
            return body
        columns = [str(c) for c in body.get("columns") or TABLE_COLUMNS]
        rows = [r for r in body.get("rows", []) if isinstance(r, dict)]
        name = _filename(body.get("name") or "partners")
        if fmt == "csv":
            return _attachment(table_csv(columns, rows), "text/csv; charset=utf-8", name + ".csv")
        if fmt == "xlsx":
            return _attachment(table_xlsx(columns, rows), "application/vnd.openxmlformats-officedocument"
                                                          ".spreadsheetml.sheet", name + ".xlsx")
        return _error(400, f"unknown table format {fmt!r}; csv or xlsx")

    async def download_subgraph(self, request):
        fmt = request.query_params.get("format", "ttl")
        body = await _json_body(request)
        if isinstance(body, Response):
            return body
        snap = self.live.current()
        nodes = [n for n in body.get("nodes", []) if isinstance(n, str) and n in snap.network]
        edges = [e for e in body.get("edges", []) if isinstance(e, list) and len(e) == 2]
        name = _filename(body.get("name") or "subgraph")
        if fmt == "ttl":
            return _attachment(subgraph_turtle(snap.store, nodes, edges), "text/turtle; charset=utf-8", name + ".ttl")
        if fmt == "gexf":
            return _attachment(subgraph_gexf(snap.network, nodes, edges), "application/gexf+xml", name + ".gexf")
        return _error(400, f"unknown subgraph format {fmt!r}; ttl or gexf")

    # SPARQL 1.1 Protocol -----------------------------------------------------------------
    async def sparql(self, request):
        params = dict(request.query_params)
        multi = {k: request.query_params.getlist(k) for k in ("default-graph-uri", "named-graph-uri")}
        query = params.get("query")
        try:
            if "update" in params:
                raise Refused(403, "this endpoint is read-only: SPARQL updates are refused")
            if request.method == "POST":
                ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
                body = (await request.body()).decode("utf-8", "replace")
                if ctype == "application/sparql-update":
                    raise Refused(403, "this endpoint is read-only: SPARQL updates are refused")
                if ctype == "application/sparql-query":
                    query = body
                elif ctype == "application/x-www-form-urlencoded":
                    form = parse_qs(body, keep_blank_values=True)
                    if "update" in form:
                        raise Refused(403, "this endpoint is read-only: SPARQL updates are refused")
                    query = (form.get("query") or [None])[0]
                    params.update({k: v[0] for k, v in form.items()})
                    for k in multi:
                        multi[k] += form.get(k, [])
                else:
                    raise Refused(415, "POST a query as application/sparql-query or as the form field `query`")
            check_query(query)
            fmt, accept = params.get("format"), request.headers.get("accept")
            content, media = await _run_sparql(self.live.current().store, query, fmt, accept, multi)
        except Refused as e:
            return PlainTextResponse(str(e) + "\n", status_code=e.status)
        return Response(content, media_type=media)

    def routes(self):
        return [
            Route("/", self.explorer),
            Route("/query", self.query_page),
            Route("/doc/{doc:path}", self.document),
            Route("/api/meta", self.meta),
            Route("/api/search", self.search),
            Route("/api/entity", self.entity),
            Route("/api/neighbours", self.neighbours),
            Route("/api/partners", self.partners),
            Route("/api/cookbook", self.cookbook),
            Route("/download/table", self.download_table, methods=["POST"]),
            Route("/download/subgraph", self.download_subgraph, methods=["POST"]),
            Route("/sparql", self.sparql, methods=["GET", "POST"]),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
            Mount("/vendor", StaticFiles(directory=VENDOR), name="vendor"),
        ]


async def _run_sparql(store, query, fmt, accept, graphs) -> tuple[bytes, str]:
    from starlette.concurrency import run_in_threadpool

    def run():
        from kg.sparql import functions

        kw = {"prefixes": PREFIXES, "custom_functions": functions(store)}   # rc:entity(name) for the cookbook
        if graphs["default-graph-uri"]:
            kw["default_graph"] = [ox.NamedNode(g) for g in graphs["default-graph-uri"]]
        else:
            kw["use_default_graph_as_union"] = True
        if graphs["named-graph-uri"]:
            kw["named_graphs"] = [ox.NamedNode(g) for g in graphs["named-graph-uri"]]
        try:
            res = store.store.query(query, **kw)
            if isinstance(res, ox.QueryTriples):
                f, media = GRAPH_FORMATS[graph_format(fmt, accept)]
                kwargs = {"prefixes": PREFIXES} if f == ox.RdfFormat.TURTLE else {}
                return ox.serialize(res, format=f, **kwargs), media
            f, media = RESULT_FORMATS[results_format(fmt, accept)]
            return res.serialize(format=f), media + ("; charset=utf-8" if media.startswith("text/") else "")
        except SyntaxError as e:
            raise Refused(400, "query syntax: " + str(e).splitlines()[0]) from None
        except (OSError, RuntimeError, ValueError) as e:
            raise Refused(400, f"query failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None

    return await run_in_threadpool(run)


async def _json_body(request):
    try:
        body = json.loads(await request.body() or b"{}")
    except ValueError:
        return _error(400, "the body must be JSON")
    return body if isinstance(body, dict) else _error(400, "the body must be a JSON object")


def _filename(name: str) -> str:
    """A safe file name from what the page proposes (Chinese kept; path characters not)."""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]+', "_", str(name)).strip(" .")[:80] or "download"


def _attachment(content: bytes, media: str, filename: str) -> Response:
    disposition = f"attachment; filename=\"{quote(filename)}\"; filename*=UTF-8''{quote(filename)}"
    return Response(content, media_type=media, headers={"Content-Disposition": disposition})


def _document_page(doc: str, meta: dict, text: str | None, sentences: list[str], wanted: str | None,
                   note: str | None) -> str:
    """The document as HTML: title, date, id, then its text with evidence marked."""
    e = lambda s: html.escape(s or "", quote=True)
    title = meta.get("title") or doc
    marks = sorted(set(sentences) | ({wanted} if wanted else set()), key=len, reverse=True)
    if text is not None:
        body = e(text)
        for s in marks:
            esc = e(s)
            attr = ' id="hit" class="hit"' if s == wanted else ""
            body = body.replace(esc, f"<mark{attr}>{esc}</mark>", 1)
        main = f'<div class="text">{body}</div>'
    else:
        hit = ' id="hit" class="hit"'
        items = "".join(f'<li><mark{hit if s == wanted else ""}>{e(s)}</mark></li>' for s in sorted(set(sentences)))
        main = f"<ul>{items}</ul>"
    notice = f'<p class="note">{e(note)}</p>' if note else ""
    return f"""<!DOCTYPE html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>{e(title)}</title>
<link rel="stylesheet" href="/static/workbench.css"></head>
<body class="doc"><p><a href="/">← explorer</a></p>
<h1>{e(title)}</h1><p class="meta">{e(meta.get("date") or "no date")} · <code>{e(doc)}</code></p>
{notice}{main}
<script>const h = document.getElementById('hit'); if (h) h.scrollIntoView({{block: 'center'}});</script>
</body></html>"""


def create_app(graph_dir: str | os.PathLike) -> Starlette:
    """The workbench for one graph directory; raises FileNotFoundError when it holds no graph."""
    bench = Workbench(graph_dir)
    app = Starlette(routes=bench.routes())
    app.state.workbench = bench
    return app
