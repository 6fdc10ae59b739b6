"""Province-level regions: the level at which analysts compare who cooperates with whom.

China's 34 province-level divisions (provinces, autonomous regions, municipalities, the two
special administrative regions and Taiwan) come from the gazetteer (`ontology/gazetteers/
regions.tsv`, level `province`), with every name they go by.

    >>> province_of(["长沙市", "湖南省"]), province_of(["香港特别行政区"]), province_of(["粤港澳大湾区"])
    ('湖南', '香港', None)
"""
from __future__ import annotations

from functools import lru_cache

from extract.normalise import to_simplified_name
from ontology import GAZETTEER_DIR
from ontology.tsv import rows

__all__ = ["provinces", "province_of"]


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """{any name of a province-level region: its short name}, e.g. 湖南省 → 湖南, 香港特区 → 香港."""
    out = {}
    for row in rows(GAZETTEER_DIR / "regions.tsv"):
        if row.get("level") == "province":
            short = row["name"]
            for name in [short, *(row.get("aliases") or "").split("|")]:
                if name.strip():
                    out[to_simplified_name(name)] = short
    return out


def province_of(regions) -> str | None:
    """The province-level region among `regions` (names, nearest first), by its short name."""
    table = provinces()
    for r in regions:
        if (p := table.get(to_simplified_name(r))) is not None:
            return p
    return None
