"""Who may import whom, read from the source (ast), so a cycle cannot creep back in.

`extract/` knows nothing of the graph, `exports/` reads the store or the network handed to it
and never imports `kg/` nor the extractor, `ontology/` is data with its loaders, and `kg/`
reaches the exporters only through the registry (`exports.export`, `exports.exporter`,
`exports.FORMATS`), never an exporter module by name.
"""
from __future__ import annotations

import ast

import pytest

import exports
from tests.conftest import REPO

FORBIDDEN = {"extract": {"kg", "exports"}, "exports": {"kg", "extract"}, "ontology": {"kg", "exports", "extract"}}


def imports(package: str):
    """(file, imported module, names) for every import in `package`, functions' bodies included."""
    for path in sorted((REPO / package).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                for alias in node.names:
                    yield path.relative_to(REPO), alias.name, ()
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                yield path.relative_to(REPO), node.module, tuple(a.name for a in node.names)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_lower_layers_import_no_upper_ones(package):
    bad = [f"{path}: {module}" for path, module, _ in imports(package)
           if module.split(".")[0] in FORBIDDEN[package]]
    assert not bad, "imports across layers:\n" + "\n".join(bad)


def test_kg_reaches_exporters_only_through_the_registry():
    bad = [f"{path}: {module} {' '.join(names)}" for path, module, names in imports("kg")
           if module.split(".")[0] == "exports" and (module != "exports" or not set(names) <= set(exports.__all__))]
    assert not bad, "kg imports an exporter module instead of the registry:\n" + "\n".join(bad)
