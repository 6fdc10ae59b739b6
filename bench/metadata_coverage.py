"""How many documents get a title and a date, corpus by corpus.

The document's own metadata (`extract.metadata`) is read from its first and last lines; this
counts, for each corpus folder, the documents that get a title and a date, and the documents
whose text carries a full date (year, month and day) anywhere at all, which is the most the
extractor can hope for. Reading only: nothing is built, so all corpora take a few seconds.

    python bench/metadata_coverage.py ../shared/corpus ../shared/corpus-extra ../shared/corpus-more examples/corpus
    python bench/metadata_coverage.py ../shared/corpus --per-doc
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.metadata import find_metadata, parse_date  # noqa: E402
from extract.normalise import normalise  # noqa: E402
from extract.readers import UnreadableDocument, UnsupportedDocument, iter_documents, read_document  # noqa: E402


def carries_date(text: str) -> bool:
    """Does the text state a full date anywhere (any line)?"""
    return any(parse_date(line) for line in text.split("\n"))


def coverage(folder: Path, per_doc: bool = False) -> dict:
    docs = titled = dated = carrying = 0
    for path in iter_documents([folder]):
        try:
            text = normalise(read_document(path))
        except (UnreadableDocument, UnsupportedDocument):
            continue
        meta = find_metadata(text)
        has = carries_date(text)
        docs += 1
        titled += meta.title is not None
        dated += meta.date is not None
        carrying += has
        if per_doc:
            print(f"  {path.name:28} {meta.date or ('MISSING' if has else '-'):10}  {meta.title or '(no title)'}")
    return {"corpus": str(folder), "documents": docs, "with title": titled, "with date": dated,
            "text carries a date": carrying}


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folders", nargs="+", type=Path)
    ap.add_argument("--per-doc", action="store_true", help="One line per document: date and title.")
    args = ap.parse_args(argv)
    print("| corpus | documents | with title | with date | text carries a date | dated / carrying |")
    print("|---|---|---|---|---|---|")
    for folder in args.folders:
        c = coverage(folder, args.per_doc)
        share = f"{c['with date'] / c['text carries a date']:.0%}" if c["text carries a date"] else "—"
        print(f"| {folder} | {c['documents']} | {c['with title']} | {c['with date']} "
              f"| {c['text carries a date']} | {share} |")


if __name__ == "__main__":
    main()
