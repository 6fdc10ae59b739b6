from extract.gazetteer import load_gazetteer
from extract.recognise import Span
from extract.resolve import DocContext, name_region, resolve_span


def _resolve(text, ctx, typ="GovernmentAgency"):
    return resolve_span(Span(0, len(text), text, typ, "grammar"), load_gazetteer(), ctx)


def test_provincial_department_expands_to_full_name_of_the_documents_province():
    ctx = DocContext(author="贵州省外事办公室", author_type="GovernmentAgency", province="贵州")
    assert _resolve("省科技厅", ctx).canonical == "贵州省科学技术厅"
    assert _resolve("省委组织部", ctx).canonical == "中共贵州省委组织部"
    assert _resolve("湖南省发展改革委", ctx).canonical == "湖南省发展和改革委员会"


def test_self_reference_is_the_author():
    ctx = DocContext(author="湖南省商务厅", author_type="GovernmentAgency", province="湖南")
    r = resolve_span(Span(0, 2, "我厅", "GovernmentAgency", "self"), load_gazetteer(), ctx)
    assert (r.canonical, r.implicit) == ("湖南省商务厅", True)


def test_aliases_resolve_through_the_gazetteer():
    g = load_gazetteer()
    assert g.lookup("香港贸发局").canonical == "香港贸易发展局"
    assert g.lookup("湖南自贸试验区").canonical == "中国(湖南)自由贸易试验区"
    assert g.lookup("港洽周").type == "Platform"


def test_region_of_a_name_is_the_last_place_it_names():
    g = load_gazetteer()
    assert name_region(g, "香港城市大学深圳研究院") == "广东"
    assert name_region(g, "中国国际贸易促进委员会江西省分会") == "江西"


def test_a_country_inside_another_place_name_is_not_the_region():
    from extract.gazetteer import load_gazetteer
    from extract.resolve import name_region
    assert name_region(load_gazetteer(), "拉美国家商品交易中心") != "美国"


def test_a_known_body_with_its_own_place_written_before_it_is_that_body():
    from extract.gazetteer import load_gazetteer
    from extract.recognise import Span
    from extract.resolve import DocContext, resolve_span
    gaz = load_gazetteer()
    r = resolve_span(Span(0, 6, "澳门中葡平台", "Platform", "grammar", head="平台"), gaz, DocContext())
    assert r.canonical == "中国与葡语国家商贸合作服务平台"
    # another place's body of the same short name is not it
    r = resolve_span(Span(0, 7, "澳门中华总商会", "ChamberOfCommerce", "grammar", head="商会"), gaz, DocContext())
    assert r.canonical == "澳门中华总商会"
