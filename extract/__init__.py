"""Text → plain records: the spaCy pipeline and the stages around it.

    >>> import extract
    >>> rec = extract.extract_document(extract.load(), "中南大学与香港科技大学合作。", "demo")
    >>> rec.entities["香港科技大学"].type
    'University'

`extract` knows nothing of RDF, stores or the command line.
"""
from extract.document import extract_document
from extract.pipeline import load
from extract.records import DocumentRecord, Entity, Evidence, Mention, Relation

__all__ = ["load", "extract_document", "DocumentRecord", "Entity", "Evidence", "Mention", "Relation"]
