"""A synthetic corpus of the same shape as the real one, for benchmarks at scale.

Documents are made as `extract.records.DocumentRecord`s (realistic names, types, regions,
partner/agreement/founding/part-of relations with evidence sentences) and go through the
same `kg.graph.document_quads` as real documents, so the store has the real graph's shape.
Deterministic: the same seed gives the same graph.
"""
from __future__ import annotations

import random

from extract.records import DocumentRecord, Entity, Evidence, Relation

__all__ = ["REGIONS", "make_entities", "make_documents", "regions_document"]

# (region, province) — cities lie in provinces; provinces and SARs are their own area.
REGIONS = [("湖南省", None), ("长沙市", "湖南省"), ("株洲市", "湖南省"), ("湘潭市", "湖南省"),
           ("岳阳市", "湖南省"), ("衡阳市", "湖南省"), ("常德市", "湖南省"), ("郴州市", "湖南省"),
           ("香港特别行政区", None), ("澳门特别行政区", None), ("广东省", None), ("广州市", "广东省"),
           ("深圳市", "广东省"), ("佛山市", "广东省"), ("贵州省", None), ("贵阳市", "贵州省")]
_PLACES = {"湖南省": "湖南", "长沙市": "长沙", "株洲市": "株洲", "湘潭市": "湘潭", "岳阳市": "岳阳",
           "衡阳市": "衡阳", "常德市": "常德", "郴州市": "郴州", "香港特别行政区": "香港",
           "澳门特别行政区": "澳门", "广东省": "广东", "广州市": "广州", "深圳市": "深圳",
           "佛山市": "佛山", "贵州省": "贵州", "贵阳市": "贵阳"}
_FIELDS = ["科技", "新材料", "智能制造", "生物医药", "轨道交通", "人工智能", "数字经济", "现代物流",
           "金融服务", "文化创意", "绿色能源", "工程机械", "检验检测", "跨境电商", "中医药", "会展服务",
           "半导体", "航空航天", "环保", "农业"]
_KINDS = [  # type, share of entities, name pattern
    ("Enterprise", 0.55, "{place}{field}{n}有限公司"),
    ("ResearchInstitute", 0.15, "{place}{field}研究院{n}"),
    ("University", 0.05, "{place}{field}大学{n}"),
    ("GovernmentAgency", 0.08, "{place}{field}促进局{n}"),
    ("ChamberOfCommerce", 0.07, "{place}{field}商会{n}"),
    ("DevelopmentZone", 0.05, "{place}{field}产业园{n}"),
    ("Platform", 0.05, "{place}{field}合作平台{n}"),
]
_VERBS = [("签署了合作协议", "realized"), ("建立了战略合作关系", "realized"), ("将深化合作", "planned"),
          ("拟共同开展联合研究", "planned"), ("共同举办了交流活动", "realized"), ("计划共建联合实验室", "planned")]


def make_entities(n: int, seed: int = 1) -> list[tuple[str, str, str]]:
    """`n` distinct (name, type, region) triples, plus a few real hubs first."""
    rng = random.Random(seed)
    out = [("香港城市大学", "University", "香港特别行政区"), ("湖南大学", "University", "长沙市"),
           ("中南大学", "University", "长沙市"), ("香港贸易发展局", "GovernmentAgency", "香港特别行政区"),
           ("湖南省商务厅", "GovernmentAgency", "湖南省"), ("香港理工大学", "University", "香港特别行政区")]
    seen = {name for name, _, _ in out}
    while len(out) < n:
        typ, _, pattern = rng.choices(_KINDS, weights=[k[1] for k in _KINDS])[0]
        region = rng.choice(REGIONS)[0]
        name = pattern.format(place=_PLACES[region], field=rng.choice(_FIELDS), n=rng.randint(1, 9999))
        if name not in seen:
            seen.add(name)
            out.append((name, typ, region))
    return out


def regions_document() -> DocumentRecord:
    """One document that states which city lies in which province."""
    rec = DocumentRecord("syn-regions", "syn-regions.txt", "f" * 64, title="行政区划")
    offset = 0
    for region, province in REGIONS:
        rec.entities[region] = Entity(region, "Region", {_PLACES[region]}, mentions=1)
        if province:
            sentence = f"{region}隶属于{province}。"
            rec.relations.append(Relation("partOf", region, province, "realized", False,
                                          Evidence(sentence, offset, offset + len(sentence))))
            offset += len(sentence)
    return rec


def make_documents(n_docs: int, entities, seed: int = 2, per_doc: int = 14):
    """Yield `n_docs` DocumentRecords; entities are drawn with a long tail (a few hubs)."""
    rng = random.Random(seed)
    weights = [1.0 / (i + 1) ** 0.8 for i in range(len(entities))]
    for d in range(n_docs):
        rec = DocumentRecord(f"syn{d:06d}", f"syn{d:06d}.txt", f"{d:064x}", title=f"合作工作通报第{d}号",
                             date=f"{2015 + d % 10}-{1 + d % 12:02d}-{1 + d % 28:02d}" if d % 3 else None)
        picked = {e[0]: e for e in rng.choices(entities, weights=weights, k=per_doc)}
        for name, typ, region in picked.values():
            rec.entities[name] = Entity(name, typ, {name[:2] + name[-4:]} if rng.random() < 0.2 else set(),
                                        region, mentions=1)
            rec.entities.setdefault(region, Entity(region, "Region", {_PLACES[region]}, mentions=1))
            rec.relations.append(Relation("locatedIn", name, region, "realized"))
        names = list(picked)
        offset = 0

        def relate(kind, head, tail, sentence, status):
            nonlocal offset
            rec.relations.append(Relation(kind, head, tail, status, False,
                                          Evidence(sentence, offset, offset + len(sentence))))
            offset += len(sentence) + 1

        for _ in range(len(names) // 2 + 1):
            a, b = rng.sample(names, 2)
            verb, status = rng.choice(_VERBS)
            relate("partner", a, b, f"{a}与{b}{verb},推动双方在{rng.choice(_FIELDS)}领域开展合作。", status)
        if rng.random() < 0.5:
            parties = rng.sample(names, 2)
            ag = "、".join(parties) + "合作协议"
            rec.entities[ag] = Entity(ag, "Agreement", mentions=1)
            sentence = f"{parties[0]}与{parties[1]}签署了合作协议。"
            for p in parties:
                relate("party", ag, p, sentence, "realized")
        if rng.random() < 0.3:
            a, b = rng.sample(names, 2)
            new = f"{a[:2]}{b[:2]}联合创新中心{d}"
            rec.entities[new] = Entity(new, "ResearchInstitute", mentions=1)
            sentence = f"{a}与{b}共建{new}。"
            relate("founded", new, a, sentence, "planned")
            relate("founded", new, b, sentence, "planned")
        yield rec
