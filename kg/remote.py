"""The graph on a SPARQL server: push it (Graph Store HTTP Protocol), query it (SPARQL 1.1 Protocol).

The embedded store is one machine's; a shared triple store (Oxigraph server, Jena Fuseki,
Virtuoso, GraphDB) is where a group shares the graph. `push` sends every document's named
graph and the ontology graph with an HTTP `PUT <gsp endpoint>?graph=<iri>`, which replaces
that graph on the server, so a re-push of a changed document replaces exactly what it said.

A push is resumable: after every batch of graphs, the content hash of each pushed graph is
written to `<graph dir>/push-state.json` (per endpoint), so a re-run sends only what changed,
and an interrupted push goes on where it stopped. A graph pushed before and no longer in
the local store (a document removed) is deleted on the server.

Only the standard library's `urllib` speaks HTTP, and only `http://` and `https://`.
Authentication: `user`/`password` (sent as HTTP Basic, answering a Digest challenge too, as
Virtuoso asks) or `token` (`Authorization: Bearer`). Credentials travel only over https, or
over plain http to this machine (loopback), unless the caller says `insecure`.

`push(..., verify=True)` does not take its own record's word: it asks the server how many
triples each graph holds and sends again every graph whose count differs, naming those the
server had acknowledged and since lost.
"""
from __future__ import annotations

import base64
import hashlib
import ipaddress
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyoxigraph as ox

from kg.namespaces import ONTOLOGY_GRAPH

__all__ = ["Auth", "PushReport", "RemoteError", "RemoteStore", "push", "remote_query", "remote_select",
           "graph_hash", "term", "STATE_FILE"]

STATE_FILE = "push-state.json"
_RESULTS_JSON = "application/sparql-results+json"


class RemoteError(Exception):
    """The server refused or could not be reached; the message says which and why, on one line."""


@dataclass(frozen=True)
class Auth:
    """How to authenticate to the server: Basic/Digest with user and password, or a bearer token."""

    user: str | None = None
    password: str | None = None
    token: str | None = None
    insecure: bool = False      # allow credentials over plain http to another machine

    def check(self, url: str):
        """Refuse what would leak: a scheme other than http(s), or credentials in clear text
        to another machine.

        >>> Auth("u", "p").check("http://127.0.0.1:7878/store")
        >>> Auth("u", "p").check("http://db.example.org/store")
        Traceback (most recent call last):
        ...
        kg.remote.RemoteError: http://db.example.org/store: credentials are sent only over https:// or to this machine (loopback); use https or --insecure
        >>> Auth().check("file:///etc/passwd")
        Traceback (most recent call last):
        ...
        kg.remote.RemoteError: file:///etc/passwd: only http:// and https:// endpoints are supported
        """
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise RemoteError(f"{url}: only http:// and https:// endpoints are supported")
        if (self.user is not None or self.token) and parts.scheme == "http" and not self.insecure \
                and not _loopback(parts.hostname or ""):
            raise RemoteError(f"{url}: credentials are sent only over https:// or to this machine (loopback); "
                              "use https or --insecure")

    def opener(self, url: str) -> urllib.request.OpenerDirector:
        handlers = []
        if self.user is not None:
            passwords = urllib.request.HTTPPasswordMgrWithDefaultRealm()
            passwords.add_password(None, url, self.user, self.password or "")
            handlers.append(urllib.request.HTTPDigestAuthHandler(passwords))
        return urllib.request.build_opener(*handlers)

    def headers(self) -> dict[str, str]:
        if self.token:
            return {"Authorization": f"Bearer {self.token}"}
        if self.user is not None:
            pair = f"{self.user}:{self.password or ''}".encode()
            return {"Authorization": "Basic " + base64.b64encode(pair).decode()}
        return {}


def _loopback(host: str) -> bool:
    """
    >>> [_loopback(h) for h in ("localhost", "127.0.0.2", "::1", "10.0.0.1", "localhost.example.org")]
    [True, True, True, False, False]
    """
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass
class PushReport:
    endpoint: str
    pushed: list[str] = field(default_factory=list)     # graph IRIs sent
    unchanged: int = 0                                  # skipped: same content as last push
    deleted: list[str] = field(default_factory=list)    # gone locally, deleted on the server
    triples: int = 0
    bytes: int = 0
    verified: int = 0                                   # graphs whose count was checked on the server
    differed: list[str] = field(default_factory=list)   # recorded as sent, but the server's count differed
    missing: list[str] = field(default_factory=list)    # … of which the server had none at all


def _request(opener, auth: Auth, method: str, url: str, data: bytes | None = None,
             headers: dict[str, str] | None = None, timeout: float = 60):
    auth.check(url)
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    for k, v in auth.headers().items():
        # Unredirected, so that a Digest challenge's answer replaces Basic instead of adding to it.
        req.add_unredirected_header(k, v)
    try:
        with opener.open(req, timeout=timeout) as resp:
            return resp.status, resp.headers.get("Content-Type", ""), resp.read()
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace").strip().splitlines()
        raise RemoteError(f"{method} {url}: HTTP {e.code} {e.reason}" + (f": {body[0][:200]}" if body else "")) \
            from None
    except (urllib.error.URLError, OSError) as e:
        raise RemoteError(f"{method} {url}: {getattr(e, 'reason', e)}") from None


def _with_graph(endpoint: str, graph_iri: str) -> str:
    sep = "&" if urllib.parse.urlsplit(endpoint).query else "?"
    return endpoint + sep + urllib.parse.urlencode({"graph": graph_iri})


def graph_hash(ntriples: bytes) -> str:
    """The content hash of a graph: sha256 of its sorted N-Triples lines (blank-node free graphs).

    >>> graph_hash(b"<a> <b> <c> .\\n<x> <y> <z> .\\n") == graph_hash(b"<x> <y> <z> .\\n<a> <b> <c> .\\n")
    True
    """
    lines = sorted(line for line in ntriples.splitlines() if line.strip())
    return hashlib.sha256(b"\n".join(lines)).hexdigest()


def _load_state(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _save_state(path: Path, state: dict):
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(state, indent=1, sort_keys=True, ensure_ascii=False), encoding="utf-8")
    os.replace(tmp, path)


def push(store, endpoint: str, *, auth: Auth = Auth(), graph_iri: str | None = None, batch: int = 50,
         force: bool = False, verify: bool = False, on_graph: Callable[[str, bool], None] | None = None,
         timeout: float = 120) -> PushReport:
    """Send a `GraphStore`'s graphs to the Graph Store Protocol endpoint `endpoint`.

    Each local named graph (one per document, plus the ontology) is PUT to
    `endpoint?graph=<its IRI>`. With `graph_iri`, everything goes into that one graph instead
    (PUT of the first graph's triples, POST of the others'), re-sent whole when anything changed.
    Graphs whose content hash matches `push-state.json` are skipped unless `force`, or unless
    `verify` and the server's triple count for the graph differs from the local one.
    `on_graph(iri, sent)` is called for each graph, for progress.
    """
    opener = auth.opener(endpoint)
    state_path = Path(store.dir) / STATE_FILE
    state = _load_state(state_path)
    key = endpoint if graph_iri is None else f"{endpoint} {graph_iri}"
    pushed: dict[str, str] = {} if force else dict(state.get(key, {}))
    report = PushReport(endpoint)
    local = [ONTOLOGY_GRAPH] + store.documents()

    def body(g: str) -> bytes:
        # N-Triples is Turtle too, and every GSP server reads Turtle.
        return store.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g))

    def send(method: str, target: str, data: bytes):
        _request(opener, auth, method, _with_graph(endpoint, target), data,
                 {"Content-Type": "text/turtle; charset=utf-8"}, timeout)
        report.bytes += len(data)
        report.triples += data.count(b"\n")

    def checkpoint():
        state[key] = pushed
        _save_state(state_path, state)

    def differs(g: str, data: bytes) -> bool:
        """Whether the server's copy of graph `g` has another triple count than `data`."""
        report.verified += 1
        remote = server_triples(endpoint, g, auth=auth, timeout=timeout, opener=opener)
        if remote == _count(data):
            return False
        report.differed.append(g)
        if remote == 0:
            report.missing.append(g)
        return True

    if graph_iri is not None:
        hashes = {g: graph_hash(body(g)) for g in local}
        if verify and hashes == pushed and differs(graph_iri, b"".join(body(g) for g in local)):
            pushed = {}
        if hashes != pushed:
            for i, g in enumerate(local):
                send("PUT" if i == 0 else "POST", graph_iri, body(g))
                report.pushed.append(g)
                if on_graph:
                    on_graph(g, True)
            pushed = hashes
            checkpoint()
        else:
            report.unchanged = len(local)
        return report

    since_checkpoint = 0
    try:
        for g in local:
            data = body(g)
            h = graph_hash(data)
            if pushed.get(g) == h and not (verify and differs(g, data)):
                report.unchanged += 1
                if on_graph:
                    on_graph(g, False)
                continue
            send("PUT", g, data)
            pushed[g] = h
            report.pushed.append(g)
            if on_graph:
                on_graph(g, True)
            since_checkpoint += 1
            if since_checkpoint >= batch:
                checkpoint()
                since_checkpoint = 0
        for g in sorted(set(pushed) - set(local)):
            try:
                _request(opener, auth, "DELETE", _with_graph(endpoint, g), timeout=timeout)
            except RemoteError as e:
                if "HTTP 404" not in str(e):
                    raise
            del pushed[g]
            report.deleted.append(g)
    finally:
        checkpoint()
    return report


def _count(ntriples: bytes) -> int:
    return sum(1 for line in ntriples.splitlines() if line.strip() and not line.lstrip().startswith(b"#"))


def server_triples(endpoint: str, graph: str, *, auth: Auth = Auth(), timeout: float = 120, opener=None) -> int:
    """How many triples the server's graph `graph` holds (0 when it has no such graph),
    read with a Graph Store Protocol GET as N-Triples."""
    try:
        _, _, data = _request(opener or auth.opener(endpoint), auth, "GET", _with_graph(endpoint, graph),
                              headers={"Accept": "application/n-triples"}, timeout=timeout)
    except RemoteError as e:
        if "HTTP 404" in str(e):
            return 0
        raise
    return _count(data)


def remote_query(endpoint: str, sparql: str, *, auth: Auth = Auth(), timeout: float = 120,
                 params: dict[str, str] | None = None):
    """Run a SPARQL query on a server's query endpoint (SPARQL 1.1 Protocol, POST form).

    SELECT and ASK give the parsed SPARQL JSON results (`{"head": ..., "results": ...}` or
    `{"boolean": ...}`); CONSTRUCT and DESCRIBE give the graph as N-Triples text. `params`
    are extra URL parameters (e.g. `{"union-default-graph": ""}` for an Oxigraph server not
    started with `--union-default-graph`).
    """
    url = endpoint
    if params:
        url += ("&" if urllib.parse.urlsplit(endpoint).query else "?") + urllib.parse.urlencode(params)
    data = urllib.parse.urlencode({"query": sparql}).encode()
    headers = {"Content-Type": "application/x-www-form-urlencoded",
               "Accept": f"{_RESULTS_JSON}, application/n-triples;q=0.9, text/plain;q=0.5"}
    _, ctype, payload = _request(auth.opener(endpoint), auth, "POST", url, data, headers, timeout)
    try:
        if "json" in ctype:
            results = json.loads(payload)
            if not isinstance(results, dict) or not ("boolean" in results or "results" in results):
                raise ValueError("neither a boolean nor results")
            return results
        return payload.decode("utf-8")
    except ValueError as e:   # bad JSON, bad UTF-8, or JSON that is not SPARQL results
        raise RemoteError(f"POST {endpoint}: malformed reply ({str(e).splitlines()[0][:120]})") from None


def remote_select(endpoint: str, sparql: str, *, auth: Auth = Auth(), timeout: float = 120,
                  params: dict[str, str] | None = None) -> tuple[list[str], list[dict[str, str | None]]]:
    """A SELECT on a server as plain data: the variables, and one `{var: value or None}` per row.

    The shape a command needs to print a table or write CSV/JSON, whether the rows came from
    the local store or a server (`kg query --endpoint URL`).
    """
    results = remote_query(endpoint, sparql, auth=auth, timeout=timeout, params=params)
    if not isinstance(results, dict) or "results" not in results:
        raise RemoteError(f"{endpoint}: not the results of a SELECT query")
    return select_rows(results)


def select_rows(results: dict) -> tuple[list[str], list[dict[str, str | None]]]:
    """SPARQL JSON results of a SELECT → (variables, one {var: value or None} per row).

    >>> select_rows({"head": {"vars": ["x"]}, "results": {"bindings": [{"x": {"value": "1"}}, {}]}})
    (['x'], [{'x': '1'}, {'x': None}])
    >>> select_rows({"results": []})
    Traceback (most recent call last):
    ...
    kg.remote.RemoteError: malformed SPARQL results (KeyError: 'head')
    """
    try:
        names = results["head"]["vars"]
        return names, [{v: (b[v]["value"] if v in b else None) for v in names}
                       for b in results["results"]["bindings"]]
    except (KeyError, TypeError, AttributeError) as e:
        raise RemoteError(f"malformed SPARQL results ({type(e).__name__}: {e})") from None


def term(binding: dict):
    """One SPARQL JSON binding → the pyoxigraph term it stands for (language and datatype kept).

    >>> term({"type": "literal", "value": "香港", "xml:lang": "zh-Hant"})
    <Literal value=香港 language=zh-hant>
    >>> term({"type": "uri", "value": "https://w3id.org/rckg/id/x"})
    <NamedNode value=https://w3id.org/rckg/id/x>
    """
    kind, value = binding["type"], binding["value"]
    if kind == "uri":
        return ox.NamedNode(value)
    if kind == "bnode":
        return ox.BlankNode(value)
    if kind in ("literal", "typed-literal"):
        if "xml:lang" in binding:
            return ox.Literal(value, language=binding["xml:lang"])
        if "datatype" in binding:
            return ox.Literal(value, datatype=ox.NamedNode(binding["datatype"]))
        return ox.Literal(value)
    raise RemoteError(f"unsupported term in SPARQL results: {kind}")


class _Row(dict):
    """One solution: `row["var"]` is a pyoxigraph term, or None when the variable is unbound."""

    def __missing__(self, key):
        return None


class RemoteStore:
    """A SPARQL server seen through the narrow interface `kg.queries` asks of a `GraphStore`.

    `query(sparql, substitutions=...)` gives rows of pyoxigraph terms, as the local store
    does; `store.quads_for_pattern(s, p, o, None)` is answered by a SELECT. So
    `kg partners NAME --endpoint URL` gives the same rows as on the local graph. Queries run
    on the server's default graph, which must be the union of the pushed graphs (Oxigraph
    `serve --union-default-graph`; see docs/sparql-servers.md for others).

    Substitutions become a `VALUES` clause opening the WHERE block, each value written by
    pyoxigraph's own serialiser (escaped, with language or datatype), so text an analyst typed
    is never pasted into the query.

    >>> print(RemoteStore._bind("SELECT ?e WHERE { ?e ?p ?l }", {ox.Variable("l"): ox.Literal('a" }')}))
    SELECT ?e WHERE { VALUES ?l { "a\\" }" } ?e ?p ?l }
    """

    def __init__(self, endpoint: str, auth: Auth = Auth(), *, timeout: float = 120):
        self.endpoint, self.auth, self.timeout = endpoint, auth, timeout
        self.store = self            # where a GraphStore keeps its pyoxigraph store (quad look-ups)

    @staticmethod
    def _bind(sparql: str, substitutions: dict) -> str:
        where = sparql.upper().find("WHERE {")
        if where < 0:
            raise ValueError("substitutions need a query with a `WHERE {` block")
        at = where + len("WHERE {")
        values = "".join(f" VALUES {var} {{ {value} }}" for var, value in substitutions.items())
        return sparql[:at] + values + sparql[at:]

    def query(self, sparql: str, substitutions: dict | None = None) -> list[_Row]:
        if substitutions:
            sparql = self._bind(sparql, substitutions)
        results = remote_query(self.endpoint, sparql, auth=self.auth, timeout=self.timeout)
        if not isinstance(results, dict) or "results" not in results:
            raise RemoteError(f"{self.endpoint}: not the results of a SELECT query")
        try:
            return [_Row((v, term(b)) for v, b in binding.items()) for binding in results["results"]["bindings"]]
        except (KeyError, TypeError, AttributeError, ValueError) as e:
            raise RemoteError(f"{self.endpoint}: malformed SPARQL results ({type(e).__name__}: {e})") from None

    def quads_for_pattern(self, s=None, p=None, o=None, graph=None) -> list[ox.Quad]:
        """Triples of the union default graph matching the pattern (`graph` must be None)."""
        if graph is not None:
            raise ValueError("RemoteStore looks up the union default graph only")
        pattern = (("s", s), ("p", p), ("o", o))
        rows = self.query("SELECT * WHERE { " + " ".join(str(t) if t is not None else "?" + n for n, t in pattern)
                          + " }")
        return [ox.Quad(*(t if t is not None else r[n] for n, t in pattern)) for r in rows]
