"""A synthetic corpus of the genre, for benchmarks: deterministic, any size, ~10 KB a document.

Every sentence is recombined from templates written for this project; the names in them are
real bodies of the genre (universities, agencies, Hong Kong and Macau bodies, zones, expos,
regions) or names made up from places, trade names and kinds of body. Nothing is copied from
any real document. Two shapes:

- `zipf` (the default): each document has a cast of 6–12 bodies drawn without replacement from
  a pool of about 10,000 names with Zipf–Mandelbrot weights (rank + 50)^-1.2, the shape of the
  real corpora's document frequencies (a few bodies in many documents, most in one or two).
  The most frequent body is in about 4% of the documents, as in a corpus collected from many
  provinces' sites; its sentences only name its cast.
- `hub` (the stress case, the corpus before the `zipf` shape): sentences pair a home body
  with a Hong Kong or Macau one drawn from short lists, so 香港大学 and the trade councils are
  in nearly every document: every query about a hub touches the whole corpus.

Document `i` depends only on (seed, i), so a corpus of 1,000 is the first 1,000 of the
corpus of 10,000, and documents can be made in any order.

    >>> a = make_document(7, seed=1); b = make_document(7, seed=1)
    >>> a == b and 8_000 < len(a[1].encode("utf-8")) < 14_000
    True
    >>> a[0]
    'gen-000007'
    >>> make_document(7, seed=1, shape="hub") != a
    True

Run `python bench/corpus_gen.py OUT --docs 1000 [--shape hub]` to write OUT/gen-000000.txt, ...
"""
from __future__ import annotations

import argparse
import bisect
import itertools
import random
from functools import lru_cache
from pathlib import Path

__all__ = ["make_document", "write_corpus", "name_pool", "TARGET_BYTES", "SHAPES"]

SHAPES = ("zipf", "hub")
# Zipf–Mandelbrot weights (rank + OFFSET)^-EXPONENT over the pool: the offset flattens the
# head, so the first name is in a few percent of the documents, not in all of them.
ZIPF_EXPONENT, ZIPF_OFFSET = 1.2, 50
CAST = (6, 12)

TARGET_BYTES = 10_000

# (province short name, full name, abbreviation, cities)
PROVINCES = [
    ("湖南", "湖南省", "湘", ["长沙市", "株洲市", "湘潭市", "岳阳市", "郴州市", "衡阳市", "常德市", "怀化市"]),
    ("广东", "广东省", "粤", ["广州市", "深圳市", "珠海市", "佛山市", "东莞市", "中山市", "江门市"]),
    ("江西", "江西省", "赣", ["南昌市", "赣州市", "九江市", "吉安市"]),
    ("广西", "广西壮族自治区", "桂", ["南宁市", "桂林市", "柳州市", "北海市"]),
    ("福建", "福建省", "闽", ["福州市", "厦门市", "泉州市"]),
    ("四川", "四川省", "川", ["成都市", "绵阳市", "宜宾市"]),
    ("湖北", "湖北省", "鄂", ["武汉市", "宜昌市", "襄阳市"]),
    ("贵州", "贵州省", "黔", ["贵阳市", "遵义市"]),
    ("云南", "云南省", "滇", ["昆明市", "大理市"]),
    ("海南", "海南省", "琼", ["海口市", "三亚市"]),
]
AGENCY_HEADS = ["商务厅", "教育厅", "科学技术厅", "发展和改革委员会", "文化和旅游厅", "人力资源和社会保障厅",
                "工业和信息化厅", "农业农村厅", "港澳事务办公室", "地方金融监督管理局"]
UNIVERSITIES = {
    "湖南": ["湖南大学", "中南大学", "湖南师范大学", "湘潭大学", "长沙理工大学", "湖南农业大学", "南华大学",
             "湖南科技大学", "吉首大学", "湖南工商大学"],
    "广东": ["中山大学", "华南理工大学", "暨南大学", "深圳大学", "广东工业大学", "华南师范大学", "南方科技大学",
             "广州大学"],
    "江西": ["南昌大学", "江西师范大学", "江西财经大学"],
    "广西": ["广西大学", "广西师范大学", "桂林电子科技大学"],
    "福建": ["厦门大学", "福州大学", "华侨大学"],
    "四川": ["四川大学", "电子科技大学", "西南交通大学"],
    "湖北": ["武汉大学", "华中科技大学", "武汉理工大学"],
    "贵州": ["贵州大学"],
    "云南": ["云南大学", "昆明理工大学"],
    "海南": ["海南大学"],
}
HK_MACAU_UNIVERSITIES = ["香港大学", "香港中文大学", "香港科技大学", "香港理工大学", "香港城市大学", "香港浸会大学",
                         "香港教育大学", "岭南大学", "香港都会大学", "澳门大学", "澳门科技大学", "澳门理工大学",
                         "澳门城市大学"]
HK_MACAU_BODIES = ["香港贸易发展局", "香港中华总商会", "香港工业总会", "香港总商会", "香港中华厂商联合会",
                   "香港投资推广署", "香港生产力促进局", "香港科技园公司", "香港数码港管理有限公司",
                   "澳门贸易投资促进局", "澳门中华总商会", "澳门厂商联合会", "澳门经济及科技发展局",
                   "香港湖南联谊总会", "澳门湖南商会"]
ENTERPRISES = ["三一集团有限公司", "中联重科股份有限公司", "湖南华菱钢铁集团有限责任公司", "比亚迪股份有限公司",
               "华为技术有限公司", "腾讯科技(深圳)有限公司", "中国建筑股份有限公司", "招商局集团有限公司",
               "香港中华煤气有限公司", "新鸿基地产发展有限公司", "长江和记实业有限公司", "澳门博彩控股有限公司",
               "湖南建设投资集团有限责任公司", "广州汽车集团股份有限公司", "珠海格力电器股份有限公司"]
ZONES = ["中国(湖南)自由贸易试验区", "中国(湖南)自由贸易试验区长沙片区", "中国(湖南)自由贸易试验区岳阳片区",
         "中国(湖南)自由贸易试验区郴州片区", "中国(广东)自由贸易试验区", "中国(广东)自由贸易试验区南沙片区",
         "前海深港现代服务业合作区", "横琴粤澳深度合作区", "河套深港科技创新合作区", "湘南湘西承接产业转移示范区",
         "长沙经济技术开发区", "湘江新区", "中国(广西)自由贸易试验区", "中国(福建)自由贸易试验区厦门片区",
         "中国(海南)自由贸易港"]
EXPOS = ["中国—非洲经贸博览会", "中国进出口商品交易会", "泛珠三角区域合作与发展论坛", "湖南(香港)投资贸易洽谈周",
         "中国国际服务贸易交易会", "中国—东盟博览会", "澳门国际贸易投资展览会", "香港国际创科展",
         "粤港澳大湾区服务贸易大会"]
FIELDS = ["人工智能", "轨道交通", "智能制造", "生物医药", "新材料", "现代农业", "金融服务", "跨境电商",
          "会展服务", "品牌推广", "文化旅游", "职业教育", "中医药", "新能源", "数字经济", "航运物流",
          "法律服务", "青年创新创业", "专业人才培养", "检验检测认证"]
PROJECTS = ["联合实验室", "联合研究中心", "创新研究院", "产业学院", "协同创新中心", "技术转移中心",
            "青年创新创业基地", "人才培养基地", "成果转化平台", "联合研究生院"]
AGREEMENTS = ["战略合作协议", "合作备忘录", "框架合作协议", "合作意向书", "共建协议", "人才培养合作协议"]
NUMBERS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二", "十三", "十四", "十五"]

# Relation-bearing sentences: realized ones (已…了) and planned ones (推动, 支持…).
REALIZED = [
    "{a}与{b}签订了{agreement}，双方将在{field}、{field2}等领域深化合作。",
    "{a}与{b}合作共建{project}，该机构已于{year}年正式揭牌运行。",
    "{a}已与{b}联合举办{field}专题对接会，累计签约项目{n}个。",
    "依托{expo}平台，{a}与{b}签署了{field}合作备忘录。",
    "{a}同{b}、{c}和{d}共同设立{field}{project}，首批项目已落地实施。",
    "{a}与{b}已互派教师和研究人员{n2}人次，在{field}领域联合发表论文{n2}篇。",
    "{zone}与{zone2}开展了制度创新合作，{n}项{field}经验实现互认。",
    "{year}年，{a}与{b}成功举办{field}合作交流会，达成合作意向{n}项。",
]
PLANNED = [
    "推动{a}与{b}在{field}领域开展联合研究。",
    "支持{a}与{b}共同举办{field}创新创业大赛。",
    "鼓励{zone}与{zone2}合作共建{field}{project}。",
    "加强与{b}、{c}的交流合作，拓展{field}和{field2}领域的务实合作。",
    "争取{a}与{b}签订{agreement}，共建{field}{project}。",
    "积极对接{expo}，推动{a}与{b}在{field}领域深化合作。",
    "探索{zone}与{zone2}在{field}方面的规则衔接和机制对接。",
    "支持{a}与{b}联合设立{project}，打造{field}人才培养高地。",
]
# Sentences with no named body: the text between the facts.
FILLER = [
    "各地各部门要高度重视，加强组织领导，明确责任分工，确保各项任务落到实处。",
    "坚持市场主导、政府引导，充分发挥各方优势，形成工作合力。",
    "建立健全工作推进机制，定期调度进展情况，及时协调解决存在的问题。",
    "围绕{field}产业链关键环节，引进一批带动性强的重大项目。",
    "进一步优化营商环境，提升贸易投资便利化水平，降低企业制度性交易成本。",
    "加大财政资金支持力度，统筹用好各类专项资金，引导社会资本参与。",
    "完善人才引进和培养政策，为{field}发展提供有力的人才支撑。",
    "加强宣传推介，讲好合作故事，营造良好的社会氛围。",
    "全年共组织各类经贸活动{n}场次，参与企业超过{n2}家。",
    "{field}产业规模持续扩大，{year}年实现营业收入{n}亿元，同比增长{pct}%。",
    "强化监测评估，将重点任务完成情况纳入年度绩效考核。",
    "统筹发展和安全，守牢风险底线，确保合作行稳致远。",
    "聚焦{field}、{field2}等重点领域，谋划储备一批合作项目。",
    "截至{year}年底，累计引进外资项目{n}个，实际使用外资{n2}亿美元。",
]
SECTIONS_REALIZED = ["工作进展", "主要做法", "取得的成效", "基本情况", "前段工作情况"]
SECTIONS_PLANNED = ["下一步工作", "主要任务", "重点任务", "工作措施", "保障措施"]
KINDS = [("工作方案", True), ("实施意见", True), ("工作情况的通报", False), ("行动计划", True),
         ("工作总结", False), ("合作情况的报告", False)]


# Made-up trade names and kinds of body for the long tail of the `zipf` pool.
TRADE_NAMES = ["华信", "云帆", "鸿运", "恒泰", "金桥", "瑞丰", "新航", "博远", "天成", "宏图", "中科", "远景",
               "同创", "汇通", "星河", "盛达", "嘉禾", "智联", "海纳", "东方", "长风", "正源", "启明", "永兴",
               "安和", "联创", "德润", "锦程", "众诚", "百川"]
BODY_KINDS = ["科技有限公司", "贸易有限公司", "股份有限公司", "物流有限公司", "投资有限公司"]
FIELD_KINDS = ["研究院", "产业协会", "创新中心", "产业园", "商会"]


@lru_cache(maxsize=1)
def name_pool() -> tuple[list[str], list[float]]:
    """The `zipf` shape's names in rank order and their cumulative weights.

    The real bodies come first (the ones a corpus names most), then made-up ones, in an
    order fixed by a seed of its own, so the pool is the same for every corpus seed.

    >>> names, cum = name_pool()
    >>> len(names) > 10_000 and len(set(names)) == len(names) and names[0] == "香港贸易发展局"
    True
    """
    real = list(dict.fromkeys(HK_MACAU_BODIES + HK_MACAU_UNIVERSITIES + [u for us in UNIVERSITIES.values()
                                                                         for u in us] + ZONES + ENTERPRISES))
    places = ["香港", "澳门"] + [c[:-1] for p in PROVINCES for c in p[3]]
    made = [f"{place}{trade}{kind}" for place, trade, kind in itertools.product(places, TRADE_NAMES, BODY_KINDS)]
    made += [f"{place}{field}{kind}" for place, field, kind in itertools.product(places, FIELDS, FIELD_KINDS)]
    made += [p[1] + h for p in PROVINCES for h in AGENCY_HEADS]
    made = sorted(set(made) - set(real))
    random.Random(20261206).shuffle(made)
    names = real + made
    return names, list(itertools.accumulate((r + ZIPF_OFFSET) ** -ZIPF_EXPONENT for r in range(len(names))))


def _cast(rng: random.Random) -> list[str]:
    """The bodies one `zipf` document names, drawn without replacement by weight."""
    names, cum = name_pool()
    want, cast = rng.randint(*CAST), []
    while len(cast) < want:
        name = names[bisect.bisect(cum, rng.random() * cum[-1])]
        if name not in cast:
            cast.append(name)
    return cast


def _fill(rng: random.Random, template: str, prov: tuple, cast: list[str] | None = None) -> str:
    if cast:
        project = rng.choice(PROJECTS)
        a, b, c, d, zone, zone2 = rng.sample(cast, 6)
    else:
        short = prov[0]
        home = UNIVERSITIES[short] + ENTERPRISES[:3] + [prov[1] + h for h in rng.sample(AGENCY_HEADS, 3)]
        away = HK_MACAU_UNIVERSITIES + HK_MACAU_BODIES + ENTERPRISES[3:]
        # Most sentences pair a home body with a Hong Kong / Macau / Guangdong one; a heavy head
        # (the trade councils, the big universities) comes from taking the first names more often.
        pick = lambda pool: pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)] if rng.random() < .5 \
            else rng.choice(pool)
        project = rng.choice(PROJECTS)
        a, b, c, d = pick(home), pick(away), pick(away), pick(UNIVERSITIES["广东"] + away)
        zone, zone2 = rng.choice(ZONES[:4] + ZONES[9:12]), rng.choice(ZONES[4:9] + ZONES[12:])
    values = {
        "a": a, "b": b, "c": c, "d": d, "zone": zone, "zone2": zone2,
        "expo": rng.choice(EXPOS), "agreement": rng.choice(AGREEMENTS), "field": rng.choice(FIELDS),
        "field2": rng.choice(FIELDS), "project": project,
        "year": rng.randint(2018, 2024), "n": rng.randint(3, 60), "n2": rng.randint(20, 900),
        "pct": rng.randint(2, 30),
    }
    return template.format(**values)


def make_document(i: int, seed: int = 0, target_bytes: int = TARGET_BYTES, shape: str = "zipf") -> tuple[str, str]:
    """(doc_id, text) of document `i` of the corpus `seed` in the given shape (one of SHAPES)."""
    if shape not in SHAPES:
        raise ValueError(f"unknown corpus shape {shape!r}; one of {', '.join(SHAPES)}")
    rng = random.Random(seed * 1_000_003 + i)
    cast = _cast(random.Random(seed * 1_000_003 + i + 7_919_000_000)) if shape == "zipf" else None
    prov = rng.choice(PROVINCES[:4]) if rng.random() < .7 else rng.choice(PROVINCES)
    head = rng.choice(AGENCY_HEADS)
    author = prov[1] + head
    kind, is_plan = rng.choice(KINDS)
    topic = rng.choice([f"对接粤港澳大湾区", f"深化{prov[2]}港澳合作", f"{rng.choice(FIELDS)}领域开放合作",
                        f"承接产业转移", f"推进高校国际合作"])
    year = rng.randint(2019, 2025)
    lines = [f"{author}关于{topic}的{kind}", "",
             f"{prov[2]}{head[:2]}发[{year}]{rng.randint(1, 90)}号", ""]
    lines.append(f"各市州{head[:2]}部门，各有关单位：")
    lines.append(_fill(rng, rng.choice(FILLER), prov) + "现将有关事项通知如下。")
    sections = (SECTIONS_PLANNED if is_plan else SECTIONS_REALIZED[:3] + SECTIONS_PLANNED[:1]) * 3
    body_bytes = sum(len(x.encode()) for x in lines)
    for k, title in enumerate(sections):
        if body_bytes > target_bytes - 300:
            break
        lines += ["", f"{NUMBERS[k]}、{title}", ""]
        planned = title in SECTIONS_PLANNED
        for _ in range(rng.randint(4, 8)):
            sentences = []
            for _ in range(rng.randint(2, 5)):
                r = rng.random()
                pool = FILLER if r < .55 else (PLANNED if planned else REALIZED)
                sentences.append(_fill(rng, rng.choice(pool), prov, cast))
            para = "".join(sentences)
            if body_bytes + len(para.encode()) > target_bytes - 200:
                break
            lines.append(para)
            body_bytes += len(para.encode()) + 1
    lines += ["", author, f"{year}年{rng.randint(1, 12)}月{rng.randint(1, 28)}日", ""]
    return f"gen-{i:06d}", "\n".join(lines)


def write_corpus(out: str | Path, docs: int, seed: int = 0, shape: str = "zipf") -> Path:
    """Write documents 0..docs-1 as OUT/<doc_id>.txt (existing files are kept: the corpus is fixed)."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(docs):
        doc_id, text = make_document(i, seed, shape=shape)
        path = out / f"{doc_id}.txt"
        if not path.exists():
            path.write_text(text, encoding="utf-8")
    return out


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--shape", choices=SHAPES, default="zipf",
                    help="zipf: heavy-tailed, like the real corpora; hub: every document names the same hubs")
    args = ap.parse_args()
    print(write_corpus(args.out, args.docs, args.seed, args.shape))
