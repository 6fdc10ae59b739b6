"""Deterministic IRIs: the same entity gets the same IRI in every build and document.

Merging across documents is a property of the naming, not a clean-up step: an entity's
IRI is made from its canonical simplified name alone.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote, unquote

from kg.namespaces import ID

__all__ = ["entity_iri", "document_iri", "graph_iri", "assertion_iri", "rule_iri", "doc_id_of_graph"]

RULE = "https://w3id.org/rckg/rule/"

# Characters that may not stand in an IRI path segment (RFC 3987: everything outside
# iunreserved, sub-delims, ":" and "@", so controls, surrogates and private use too) or that
# Turtle would have to escape; blanks as well.
_UNSAFE = re.compile("\\s|[^A-Za-z0-9\\-._~!$&'()*+,;=:@"
                     "\u00a0-\ud7ff\uf900-\ufdcf\ufdf0-\uffef"
                     "\U00010000-\U0001fffd\U00020000-\U0002fffd\U00030000-\U0003fffd"
                     "\U00040000-\U0004fffd\U00050000-\U0005fffd\U00060000-\U0006fffd"
                     "\U00070000-\U0007fffd\U00080000-\U0008fffd\U00090000-\U0009fffd"
                     "\U000a0000-\U000afffd\U000b0000-\U000bfffd\U000c0000-\U000cfffd"
                     "\U000d0000-\U000dfffd\U000e1000-\U000efffd]")


def _segment(name: str) -> str:
    r"""A name as one IRI path segment: what may not stand there percent-encoded (as UTF-8).

    >>> _segment("湖南 大学/a\x01b")
    '湖南%20大学%2Fa%01b'
    """
    return _UNSAFE.sub(lambda m: quote(m.group().encode("utf-8", "surrogatepass"), safe=""), name)


def entity_iri(canonical: str) -> str:
    """
    >>> entity_iri("香港城市大学")
    'https://w3id.org/rckg/id/香港城市大学'
    >>> entity_iri("中国(湖南)自由贸易试验区")
    'https://w3id.org/rckg/id/中国(湖南)自由贸易试验区'
    """
    return ID + _segment(canonical)


def document_iri(doc_id: str) -> str:
    return ID + "doc/" + _segment(doc_id)


def graph_iri(doc_id: str) -> str:
    """The named graph that holds everything one document asserts."""
    return ID + "graph/" + _segment(doc_id)


def doc_id_of_graph(graph: str) -> str:
    """The document id a document's graph IRI was made from (`_segment` quotes `%` too, so
    unquoting gives the id back exactly).

    >>> doc_id_of_graph(graph_iri("报告 50%/a#b")) == "报告 50%/a#b"
    True
    """
    return unquote(graph[len(ID + "graph/"):], errors="surrogatepass")


def assertion_iri(doc_id: str, kind: str, head: str, tail: str, start: int | None) -> str:
    """One assertion per document, sentence and triple."""
    key = "\x1f".join([doc_id, kind, head, tail, str(start)])
    return ID + "assertion/" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]


def rule_iri(name: str) -> str:
    """The relation rule that read an assertion, by its versioned name.

    >>> rule_iri("rc.partner_by_with.v1")
    'https://w3id.org/rckg/rule/rc.partner_by_with.v1'
    """
    return RULE + _segment(name)
