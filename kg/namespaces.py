"""The vocabularies the graph speaks, and the prefixes every query may use."""
from __future__ import annotations

RC = "https://w3id.org/rckg/ontology#"
ID = "https://w3id.org/rckg/id/"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"
ORG = "http://www.w3.org/ns/org#"
SCHEMA = "https://schema.org/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
OWL = "http://www.w3.org/2002/07/owl#"
DCTERMS = "http://purl.org/dc/terms/"

PREFIXES = {
    "rc": RC, "rcid": ID, "skos": SKOS, "prov": PROV, "org": ORG, "schema": SCHEMA,
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "dcterms": DCTERMS,
}
ONTOLOGY_GRAPH = ID + "graph/ontology"


def sparql_prologue() -> str:
    """PREFIX lines for every common prefix, to put before a user's query."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
