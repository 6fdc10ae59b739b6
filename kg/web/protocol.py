"""The SPARQL 1.1 Protocol, read-only: what a request asks, whether we answer it, and in
which format the answer goes back.

Pure functions over strings, so every rule is tested without a server. Updates are
refused (the store is open read-only, and a workbench must not change the graph), and
so is SERVICE: Oxigraph would fetch a federated query's remote part over HTTP, and this
server talks to nothing but its own graph.
"""
from __future__ import annotations

import re

import pyoxigraph as ox

from kg.sparql import service_clauses

__all__ = ["Refused", "results_format", "graph_format", "check_query", "RESULT_FORMATS", "GRAPH_FORMATS"]

# short name → (pyoxigraph format, media type); the first is the default.
RESULT_FORMATS = {
    "json": (ox.QueryResultsFormat.JSON, "application/sparql-results+json"),
    "csv": (ox.QueryResultsFormat.CSV, "text/csv"),
    "tsv": (ox.QueryResultsFormat.TSV, "text/tab-separated-values"),
    "xml": (ox.QueryResultsFormat.XML, "application/sparql-results+xml"),
}
GRAPH_FORMATS = {
    "turtle": (ox.RdfFormat.TURTLE, "text/turtle"),
    "ntriples": (ox.RdfFormat.N_TRIPLES, "application/n-triples"),
    "jsonld": (ox.RdfFormat.JSON_LD, "application/ld+json"),
    "rdfxml": (ox.RdfFormat.RDF_XML, "application/rdf+xml"),
}
_ALIASES = {"application/json": "json", "text/plain": None, "ttl": "turtle", "nt": "ntriples",
            "text/n3": "turtle", "application/x-turtle": "turtle"}


class Refused(ValueError):
    """A request this endpoint will not run: `status` is the HTTP status to answer with."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, most wanted first (q=0 dropped).

    >>> _accepted("text/csv;q=0.5, application/sparql-results+json, */*;q=0.1")
    ['application/sparql-results+json', 'text/csv', '*/*']
    """
    items = []
    for i, part in enumerate(accept.split(",")):
        kind, *params = [p.strip() for p in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if kind and q > 0:
            items.append((-q, i, kind.lower()))
    return [k for _, _, k in sorted(items)]


def _choose(table: dict, fmt: str | None, accept: str | None) -> str:
    if fmt:
        name = _ALIASES.get(fmt.lower(), fmt.lower())
        if name in table:
            return name
        for short, (_, media) in table.items():
            if media == fmt.lower():
                return short
        raise Refused(406, f"unknown format {fmt!r}; one of {', '.join(table)}")
    for media in _accepted(accept or ""):
        short = _ALIASES.get(media, media)
        if short in table:
            return short
        for name, (_, m) in table.items():
            if m == media:
                return name
    return next(iter(table))


def results_format(fmt: str | None, accept: str | None) -> str:
    """The short name of the results format to answer a SELECT or ASK in.

    An explicit `format` parameter (json, csv, tsv, xml or a media type) wins over the
    Accept header; JSON when neither names one we write.

    >>> results_format(None, "text/csv"), results_format("tsv", "text/csv"), results_format(None, "*/*")
    ('csv', 'tsv', 'json')
    >>> results_format(None, "text/html,application/xhtml+xml,application/xml;q=0.9")
    'json'
    """
    return _choose(RESULT_FORMATS, fmt, accept)


def graph_format(fmt: str | None, accept: str | None) -> str:
    """The short name of the RDF format to answer a CONSTRUCT or DESCRIBE in (Turtle by default).

    >>> graph_format(None, "application/n-triples"), graph_format("json", None)
    ('ntriples', 'jsonld')
    """
    if fmt and fmt.lower() in ("json", "application/json"):
        return "jsonld"
    try:
        return _choose(GRAPH_FORMATS, fmt, accept)
    except Refused:
        if fmt and fmt.lower() in RESULT_FORMATS:      # format=csv on a CONSTRUCT: Turtle
            return "turtle"
        raise


# Strings, IRIs and comments hold text that only looks like keywords. (An update that hides
# its keyword some other way still fails: queries are parsed as queries, on a read-only store.)
_OPAQUE = re.compile(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\''
                     r"|<[^<>\"{}|^`\\\s]*>|#[^\n]*")
_UPDATE = re.compile(r"(?<![\w:?$])(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)(?![\w:-])", re.I)
_FORM = re.compile(r"(?<![\w:?$])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:-])", re.I)


def check_query(text: str) -> None:
    """Refuse what this endpoint does not run: empty queries, updates, SERVICE.

    >>> check_query("SELECT * WHERE { ?s ?p 'SERVICE' } # no SERVICE here")
    >>> check_query("INSERT DATA { <a> <b> <c> }")
    Traceback (most recent call last):
    ...
    kg.web.protocol.Refused: this endpoint is read-only: SPARQL updates (INSERT) are refused
    >>> check_query("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }")
    Traceback (most recent call last):
    ...
    kg.web.protocol.Refused: SERVICE is refused: this endpoint queries only its own graph
    """
    if not text or not text.strip():
        raise Refused(400, "no query: give one as `query` (GET or form POST) or as an application/sparql-query body")
    bare = _OPAQUE.sub(" ", text)
    first_form = _FORM.search(bare)
    update = _UPDATE.search(bare)
    if update and (first_form is None or update.start() < first_form.start()):
        raise Refused(403, f"this endpoint is read-only: SPARQL updates ({update[1].upper()}) are refused")
    if service_clauses(text):
        raise Refused(403, "SERVICE is refused: this endpoint queries only its own graph")
