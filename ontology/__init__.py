"""The ontology, SHACL shapes and curated tables, as data files.

Code finds them through these paths; nothing here is logic.
"""
from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_TTL = ONTOLOGY_DIR / "rckg.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
GAZETTEER_DIR = ONTOLOGY_DIR / "gazetteers"
LEXICON_DIR = ONTOLOGY_DIR / "lexicons"
