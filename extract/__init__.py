"""Text → plain records: the spaCy pipeline and the stages around it.

    >>> import extract
    >>> rec = extract.extract_document(extract.load(), "中南大学与香港科技大学合作。", "demo")
    >>> rec.entities["香港科技大学"].type
    'University'

`extract` knows nothing of RDF, stores or the command line.
"""
import importlib

__all__ = ["load", "extract_document", "DocumentRecord", "Entity", "Evidence", "Mention", "Relation"]

# Imported on first use (PEP 562): `extract.normalise` or `extract.records` alone must not
# load spaCy, which `kg partners` and `kg --help` never need.
_HOME = {"load": "extract.pipeline", "extract_document": "extract.document", "DocumentRecord": "extract.records",
         "Entity": "extract.records", "Evidence": "extract.records", "Mention": "extract.records",
         "Relation": "extract.records"}


def __getattr__(name):
    if name in _HOME:
        return getattr(importlib.import_module(_HOME[name]), name)
    raise AttributeError(f"module 'extract' has no attribute {name!r}")
