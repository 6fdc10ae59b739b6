"""The ontology, SHACL shapes and curated tables, as data files.

Code finds them through these paths. `ontology.schema` reads the two schema tables (entity
types, relation kinds) and `ontology.tsv` is the one TSV reader; both are plain Python with
no dependency, so the extractor, the graph side and the exporters can all load them.
"""
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_TTL = ONTOLOGY_DIR / "rckg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
GAZETTEER_DIR = ONTOLOGY_DIR / "gazetteers"
LEXICON_DIR = ONTOLOGY_DIR / "lexicons"
