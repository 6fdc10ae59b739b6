"""Deterministic IRIs: the same entity gets the same IRI in every build and document.

Merging across documents is a property of the naming, not a clean-up step: an entity's
IRI is made from its canonical simplified name alone.
"""
from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from kg.namespaces import ID

__all__ = ["entity_iri", "document_iri", "graph_iri", "assertion_iri"]

# Characters that may not stand in an IRI (RFC 3987) or that Turtle would have to escape.
_UNSAFE = re.compile(r"[\s<>\"{}|\\^`#?%/\[\]]")


def _segment(name: str) -> str:
    return _UNSAFE.sub(lambda m: quote(m.group(), safe=""), name)


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


def assertion_iri(doc_id: str, kind: str, head: str, tail: str, start: int | None) -> str:
    """One assertion per document, sentence and triple."""
    key = "\x1f".join([doc_id, kind, head, tail, str(start)])
    return ID + "assertion/" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:20]
