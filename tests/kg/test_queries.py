"""kg.queries on the hand-made graph of conftest._known_records, whose answers are known."""
import pytest

import kg
from kg.queries import AmbiguousName, UnknownEntity, entity_info, find_entity, partners, show

ID = "https://w3id.org/rckg/id/"


@pytest.fixture(scope="module")
def store(known_graph):
    return kg.open_graph(known_graph)


@pytest.mark.parametrize("name", ["香港城市大学", "香港城市大學", "香港城大", " 「香港城市大学」 "])
def test_any_alias_in_either_script_finds_the_entity(store, name):
    assert find_entity(store, name) == ID + "香港城市大学"


def test_unknown_name_suggests_closest_known_names(store):
    with pytest.raises(UnknownEntity) as e:
        find_entity(store, "香港城市大")
    assert e.value.suggestions[0] == "香港城市大学"


def test_name_is_bound_as_a_term_not_pasted_into_the_query(store):
    hostile = '湖南大学"@zh-Hans } UNION { ?e ?p ?l } #'
    with pytest.raises(UnknownEntity):
        find_entity(store, hostile)


def test_alias_shared_by_two_entities_is_ambiguous(tmp_path):
    from extract.records import DocumentRecord, Entity
    from kg.graph import document_quads
    from kg.store import GraphStore

    rec = DocumentRecord("x", "x.txt", "0" * 64)
    rec.entities["香港中文大学"] = Entity("香港中文大学", "University", {"中大"}, mentions=1)
    rec.entities["中山大学"] = Entity("中山大学", "University", {"中大"}, mentions=1)
    s = GraphStore(tmp_path)
    s.replace_document("https://w3id.org/rckg/id/graph/x", document_quads(rec))
    with pytest.raises(AmbiguousName) as e:
        find_entity(s, "中大")
    assert e.value.candidates == ["中山大学", "香港中文大学"]
    assert find_entity(s, "中山大学") == ID + "中山大学"


def _pairs(rows):
    return {(r["partner"], r["relation"], r["via"], r["status"], r["doc"]) for r in rows}


def test_partners_cover_partner_agreement_founding_and_parts(store):
    rows = partners(store, "香港城市大學")
    assert _pairs(rows) == {
        ("湖南大学", "partner", None, "realized", "d1"),
        ("湖南大学", "agreement", "湖南大学、香港城市大学合作协议", "realized", "d1"),
        ("中南大学", "co-founder", "湘港联合研究院", "realized", "d2"),
        ("湘港联合研究院", "founder of", None, "realized", "d2"),
        ("香港城市大学深圳研究院", "has part", None, "realized", "d2"),
    }
    hnu = next(r for r in rows if r["relation"] == "partner")
    assert hnu["sentence"] == "湖南大学与香港城市大学签订了合作协议。"
    assert hnu["type"] == "University" and hnu["region"] == "长沙市"


def test_partners_filters(store):
    assert {r["partner"] for r in partners(store, "香港贸发局", region="湖南", status="planned")} == {"岳阳片区", "湖南省商务厅"}
    assert {r["partner"] for r in partners(store, "香港城市大学", type="university")} == {"湖南大学", "中南大学"}
    # no partner is located in Hong Kong; where the region is unknown the name is the clue
    assert {r["partner"] for r in partners(store, "香港城市大学", region="香港")} == {"香港城市大学深圳研究院"}
    # one row per piece of evidence: the same pair stated in two documents
    assert sorted(r["status"] for r in partners(store, "湖南省商务厅")) == ["planned", "realized"]


def test_founded_body_sees_its_founders(store):
    assert _pairs(partners(store, "湘港联合研究院")) == {
        ("中南大学", "founded by", None, "realized", "d2"), ("香港城市大学", "founded by", None, "realized", "d2")}


def test_region_rolls_up_through_part_of(store):
    info = entity_info(store, [ID + "中南大学", ID + "湖南省"])
    assert info[ID + "中南大学"]["regions"][0] == "长沙市" and "湖南省" in info[ID + "中南大学"]["regions"]
    assert info[ID + "湖南省"]["regions"] == ["湖南省"]


def test_show_gathers_the_card(store):
    card = show(store, "香港城大")
    assert card["name"] == "香港城市大学" and card["types"] == ["University"]
    assert card["aliases"] == ["香港城大", "香港城市大學"]
    assert card["region"] == "香港特别行政区"
    assert card["parts"] == ["香港城市大学深圳研究院"] and card["parent"] == []
    assert card["agreements"] == [{"agreement": "湖南大学、香港城市大学合作协议", "parties": ["湖南大学"]}]
    assert {p["partner"] for p in card["partners"]} == {"湖南大学", "中南大学", "湘港联合研究院", "香港城市大学深圳研究院"}
    assert [d["doc"] for d in card["documents"]] == ["d1", "d2"]
    assert show(store, "香港城市大学深圳研究院")["parent"] == ["香港城市大学"]


def test_partners_of_an_agreement_are_its_parties(store):
    rows = partners(store, "中南大学、香港理工大学合作备忘录")
    assert {(r["partner"], r["relation"], r["status"]) for r in rows} == {
        ("中南大学", "party", "planned"), ("香港理工大学", "party", "planned")}


def test_an_author_scoped_to_its_document_is_shown_by_its_name(tmp_path):
    from extract.records import DocumentRecord, Entity, Evidence, Relation
    from kg.graph import document_quads
    from kg.store import GraphStore

    rec = DocumentRecord("p", "p.txt", "0" * 64, author="本局〔0a1b2c3d〕")
    rec.entities["本局〔0a1b2c3d〕"] = Entity("本局〔0a1b2c3d〕", "GovernmentAgency", mentions=2, label="本局")
    rec.entities["湖南省商务厅"] = Entity("湖南省商务厅", "GovernmentAgency", mentions=1)
    rec.relations.append(Relation("partner", "本局〔0a1b2c3d〕", "湖南省商务厅", "realized", True,
                                  Evidence("本局与湖南省商务厅签署了备忘录。", 0, 16)))
    s = GraphStore(tmp_path)
    s.replace_document("https://w3id.org/rckg/id/graph/p", document_quads(rec))
    rows = partners(s, "湖南省商务厅")
    assert [r["partner"] for r in rows] == ["本局"]
    assert find_entity(s, "本局") == ID + "本局〔0a1b2c3d〕"
    # the node says it belongs to its document
    note = s.query(f"SELECT ?d WHERE {{ <{ID}本局〔0a1b2c3d〕> <http://www.w3.org/2004/02/skos/core#scopeNote> ?n ; "
                   f"<http://www.w3.org/2000/01/rdf-schema#isDefinedBy> ?d }}")
    assert len(list(note)) == 1
