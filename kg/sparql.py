"""Analysts' own SPARQL: run it on the union of all documents with the common prefixes declared.

The prefixes are handed to the parser rather than pasted before the query, so a syntax
error's line and column are those of the analyst's text.

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> res = run_query(kg.open_graph(d), "SELECT (COUNT(*) AS ?n) WHERE { ?d a rc:Document }")
    >>> res.kind, res.rows
    ('select', [{'n': 3}])
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

import pyoxigraph as ox

from kg.namespaces import PREFIXES

__all__ = ["functions", "ENTITY_FUNCTION", "QueryResult", "QuerySyntaxError", "QueryFailed", "ServiceRefused", "service_clauses", "run_query",
           "term_value", "parse_binding", "to_turtle"]

_NUMERIC = {"http://www.w3.org/2001/XMLSchema#" + t: int for t in
            ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_NUMERIC.update({"http://www.w3.org/2001/XMLSchema#" + t: float for t in ("decimal", "double", "float")})
_BOOLEAN = "http://www.w3.org/2001/XMLSchema#boolean"


ENTITY_FUNCTION = "https://w3id.org/rckg/ontology#entity"


def functions(store) -> dict:
    """SPARQL functions of our own, for `custom_functions`: `rc:entity(name)` is the entity
    called `name` (preferred name or any alias, simplified or traditional, as `kg partners`
    resolves it), or unbound. Queries can then take a name as a person types it:
    `BIND(COALESCE(rc:entity(?name), rcid:none) AS ?x)` (an unknown name must match
    nothing, not leave ?x unbound, free to match everything). (A SPARQL server of another make does not know it.)

    >>> import tempfile, kg
    >>> d = tempfile.mkdtemp(); _ = kg.build(graph=d)
    >>> store = kg.open_graph(d)
    >>> run_query(store, 'SELECT ?x WHERE { BIND(rc:entity("香港貿易發展局") AS ?x) }').rows
    [{'x': 'https://w3id.org/rckg/id/香港贸易发展局'}]
    """
    from kg.queries import find_entity

    found: dict[str, ox.NamedNode | None] = {}

    def entity(term):
        if isinstance(term, ox.NamedNode):
            return term
        if not isinstance(term, ox.Literal):
            return None
        if term.value not in found:
            try:
                found[term.value] = ox.NamedNode(find_entity(store, term.value))
            except LookupError:
                found[term.value] = None
        return found[term.value]

    return {ox.NamedNode(ENTITY_FUNCTION): entity}


class QuerySyntaxError(ValueError):
    """The query does not parse; the message starts with `line L, column C`."""


class ServiceRefused(ValueError):
    """The query would fetch from another server (`SERVICE`) and that was not allowed."""


class QueryFailed(RuntimeError):
    """The query parsed but its evaluation failed (a remote `SERVICE` answered nonsense, …)."""


# What the scan steps over (strings, IRIs, comments) and what it looks for: the SERVICE
# keyword, not a variable, prefix or local name that happens to be spelled so.
_LEXEMES = re.compile("|".join([
    r'"""(?:[^"\\]|\\.|"(?!""))*"""',             # long strings
    r"'''(?:[^'\\]|\\.|'(?!''))*'''",
    r'"(?:[^"\\\n]|\\.)*"',                       # strings
    r"'(?:[^'\\\n]|\\.)*'",
    r'<[^<>"{}|^`\\\x00-\x20]*>',                 # IRIs
    r"\#[^\n]*",                                  # comments
    r"(?<![\w?$:])(?P<service>SERVICE)(?![\w:-])",
]), re.IGNORECASE)
_CODEPOINT = re.compile(r"\\u([0-9A-Fa-f]{4})|\\U([0-9A-Fa-f]{8})")


def service_clauses(sparql: str) -> int:
    """How many `SERVICE` clauses a query has: each one makes the engine fetch from a URL.

    Strings, IRIs and comments are stepped over, and `\\u` escapes undone first (SPARQL
    reads them anywhere in a query).

    >>> service_clauses('SELECT * WHERE { SERVICE <http://x/q> { ?s ?p ?o } }')
    1
    >>> service_clauses('SELECT ?service WHERE { ?service rc:service "SERVICE <x>" } # SERVICE')
    0
    >>> service_clauses(r'SELECT * WHERE { \\u0053ERVICE <http://x/q> { ?s ?p ?o } }')
    1
    """
    text = _CODEPOINT.sub(lambda m: chr(int(m[1] or m[2], 16)) if int(m[1] or m[2], 16) < 0x110000 else m[0], sparql)
    return sum(1 for m in _LEXEMES.finditer(text) if m["service"])


@dataclass
class QueryResult:
    """`kind` is select (columns, rows), ask (boolean) or graph (triples)."""

    kind: str
    columns: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)


def term_value(term):
    """A term as plain data: IRIs and strings as text, numbers and booleans as such.

    >>> term_value(ox.Literal("3", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    3
    >>> term_value(ox.NamedNode("https://w3id.org/rckg/id/湖南大学"))
    'https://w3id.org/rckg/id/湖南大学'
    """
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else None
        try:
            if dt in _NUMERIC:
                return _NUMERIC[dt](term.value)
            if dt == _BOOLEAN:
                return term.value in ("true", "1")
        except ValueError:
            pass
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return term.value


def parse_binding(text: str) -> tuple[str, ox.NamedNode | ox.Literal]:
    """`name=value` from the command line: `<…>` is an IRI, anything else a plain literal.

    >>> parse_binding("name=香港城市大学")
    ('name', <Literal value=香港城市大学 datatype=<NamedNode value=http://www.w3.org/2001/XMLSchema#string>>)
    >>> parse_binding("x=<https://w3id.org/rckg/id/湖南大学>")[1]
    <NamedNode value=https://w3id.org/rckg/id/湖南大学>
    """
    var, sep, value = text.partition("=")
    var = var.strip().lstrip("?$")
    if not sep or not re.fullmatch(r"\w+", var):
        raise ValueError(f"binding {text!r} is not NAME=VALUE")
    if value.startswith("<") and value.endswith(">"):
        return var, ox.NamedNode(value[1:-1])
    return var, ox.Literal(value)


_POSITION = re.compile(r"^error at (\d+):(\d+): ")


def _syntax_message(message: str) -> str:
    """One line: `line L, column C: what was expected` (long alternatives cut)."""
    first = message.splitlines()[0]
    m = _POSITION.match(first)
    where, rest = (f"line {m[1]}, column {m[2]}: ", first[m.end():]) if m else ("", first)
    if "Prefix not found" in message:
        rest = "unknown prefix (predeclared: " + ", ".join(sorted(PREFIXES)) + ")"
    elif len(rest) > 160:
        rest = rest[:160].rsplit(",", 1)[0] + ", …"
    return where + rest


def run_query(store, sparql: str, bindings: dict | None = None, *, allow_service: bool = False) -> QueryResult:
    """Run SELECT, ASK, CONSTRUCT or DESCRIBE on the union graph.

    `bindings` maps variable names to terms, substituted before evaluation (the variable
    must be in a SELECT's projection). Raises QuerySyntaxError for a malformed query,
    ServiceRefused for a query with a `SERVICE` clause unless `allow_service` (a query on the
    local graph sends nothing over the network unless asked to), QueryFailed when the
    evaluation fails.
    """
    if not allow_service and service_clauses(sparql):
        raise ServiceRefused("the query has a SERVICE clause, which fetches from another server; "
                             "queries stay local unless you pass --allow-service")
    subs = {ox.Variable(k): v for k, v in (bindings or {}).items()} or None
    try:
        res = store.query(sparql, prefixes=PREFIXES, substitutions=subs)
    except SyntaxError as e:
        raise QuerySyntaxError(_syntax_message(str(e))) from None
    except RuntimeError as e:   # pyoxigraph binds only variables the query selects
        m = re.search(r"variable (\?\w+)", str(e))
        raise ValueError(f"cannot bind {m[1]}: the query does not SELECT it" if m else str(e)) from None
    try:
        return _result(res)
    except (RuntimeError, OSError) as e:   # raised while iterating, e.g. a SERVICE's bad reply
        raise QueryFailed(f"the query failed: {str(e).splitlines()[0] if str(e) else type(e).__name__}") from None


def _result(res) -> QueryResult:
    if isinstance(res, ox.QueryBoolean):
        return QueryResult("ask", boolean=bool(res))
    if isinstance(res, ox.QueryTriples):
        return QueryResult("graph", columns=["subject", "predicate", "object"],
                           triples=(ts := list(res)),
                           rows=[{"subject": term_value(t.subject), "predicate": term_value(t.predicate),
                                  "object": term_value(t.object)} for t in ts])
    columns = [v.value for v in res.variables]
    rows = [{c: term_value(sol[c]) for c in columns} for sol in res]
    return QueryResult("select", columns=columns, rows=rows)


def to_turtle(triples) -> str:
    """A CONSTRUCT result as Turtle with the common prefixes."""
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")
