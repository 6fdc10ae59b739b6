"""The spaCy pipeline end to end, on short texts written for these tests."""
import extract
from extract.normalise import normalise


def _record(nlp, text):
    return extract.extract_document(nlp, text, "t")


def _parties(rec) -> dict[str, set[str]]:
    """Each agreement and its parties."""
    out: dict[str, set[str]] = {}
    for r in rec.relations:
        if r.kind == "party":
            out.setdefault(r.head, set()).add(r.tail)
    return out


def _pairs(rec, kind="partner"):
    return {frozenset((r.head, r.tail)) for r in rec.relations if r.kind == kind}


def test_doc_has_entities_with_canonical_kb_ids(nlp):
    doc = nlp(normalise("香港貿易發展局與湖南省商務廳簽署了合作備忘錄。"))
    assert [(e.label_, e.kb_id_) for e in doc.ents] == [
        ("GovernmentAgency", "香港贸易发展局"), ("GovernmentAgency", "湖南省商务厅")]
    assert {r.kind for r in doc._.relations} >= {"partner", "party"}


def test_traditional_surface_form_is_kept_as_alias(nlp):
    rec = _record(nlp, "香港貿易發展局與湖南省商務廳簽署了合作備忘錄。")
    assert "香港貿易發展局" in rec.entities["香港贸易发展局"].aliases


def test_alias_resolves_to_canonical(nlp):
    rec = _record(nlp, "湖南大学与香港贸发局开展合作。")
    assert "香港贸易发展局" in rec.entities
    assert frozenset(("湖南大学", "香港贸易发展局")) in _pairs(rec)


def test_one_relation_per_listed_party(nlp):
    rec = _record(nlp, "湖南省商务厅与香港中华总商会、香港工业总会和香港总商会签署了合作协议。")
    assert _pairs(rec) == {frozenset(("湖南省商务厅", x)) for x in ("香港中华总商会", "香港工业总会", "香港总商会")}
    parties = {r.tail for r in rec.relations if r.kind == "party"}
    assert parties == {"湖南省商务厅", "香港中华总商会", "香港工业总会", "香港总商会"}


def test_separately_signed_agreements_are_bilateral(nlp):
    rec = _record(nlp, "湖南省商务厅分别与香港中华总商会、香港工业总会签署了合作备忘录。")
    agreements = _parties(rec)
    assert sorted(map(sorted, agreements.values())) == [["湖南省商务厅", "香港中华总商会"], ["湖南省商务厅", "香港工业总会"]]


def test_region_abbreviations_cooperate(nlp):
    """湘港澳合作: the writer's side (named first) cooperates with each of the others."""
    rec = _record(nlp, "近年来，湘港澳合作不断深化。")
    assert _pairs(rec) == {frozenset(p) for p in (("湖南", "香港"), ("湖南", "澳门"))}


def test_founded_and_part_of(nlp):
    rec = _record(nlp, "中南大学与香港科技大学合作组建了国家先进材料工程中心香港分中心。")
    founded = {(r.head, r.tail) for r in rec.relations if r.kind == "founded"}
    assert founded == {("国家先进材料工程中心香港分中心", "中南大学"), ("国家先进材料工程中心香港分中心", "香港科技大学")}


def test_nested_name_is_part_of_its_parent(nlp):
    rec = _record(nlp, "香港城市大学长沙创新科技中心正式揭牌。")
    assert ("香港城市大学长沙创新科技中心", "香港城市大学") in {
        (r.head, r.tail) for r in rec.relations if r.kind == "partOf"}


def test_status_follows_tense_markers(nlp):
    rec = _record(nlp, "湖南大学与香港大学签订了合作协议。湖南师范大学将与香港中文大学开展联合研究。")
    status = {frozenset((r.head, r.tail)): r.status for r in rec.relations if r.kind == "partner"}
    assert status[frozenset(("湖南大学", "香港大学"))] == "realized"
    assert status[frozenset(("湖南师范大学", "香港中文大学"))] == "planned"


def test_self_reference_is_the_author_and_implicit(nlp):
    text = "湖南省商务厅\n关于工作情况的报告\n我厅与香港投资推广署共同举办了推介会。"
    rec = _record(nlp, text)
    rel = next(r for r in rec.relations if r.kind == "partner")
    assert {rel.head, rel.tail} == {"湖南省商务厅", "香港投资推广署"} and rel.implicit


def test_provincial_department_takes_the_documents_province(nlp):
    text = "贵州省外事办公室\n关于提案的答复\n省科技厅与香港科技大学签署了合作协议。"
    rec = _record(nlp, text)
    assert "贵州省科学技术厅" in rec.entities
    assert rec.entities["贵州省科学技术厅"].region == "贵州"


def test_boilerplate_lines_are_not_extracted(nlp):
    rec = _record(nlp, "湖南大学与香港大学合作。\n主办单位:湖南省人民政府办公厅 湘ICP备00000000号")
    assert "湖南省人民政府办公厅" not in rec.entities


def test_policy_titles_are_not_entities_but_agreements_are(nlp):
    rec = _record(nlp, "湖南大学与香港大学签署《湘港高校科研合作框架协议》，落实《湖南省开放发展实施方案》。")
    types = {n: e.type for n, e in rec.entities.items()}
    assert types.get("湘港高校科研合作框架协议") == "Agreement"
    assert "湖南省开放发展实施方案" not in types


def test_time_words_between_a_body_and_its_partner(nlp):
    rec = _record(nlp, "澳门贸易投资促进局今日与广西壮族自治区商务厅在南宁签署《桂澳经贸合作备忘录》。")
    parties = {r.tail for r in rec.relations if r.kind == "party" and r.head == "桂澳经贸合作备忘录"}
    assert parties == {"澳门贸易投资促进局", "广西壮族自治区商务厅"}


def test_sar_relative_names_take_the_sar_from_context(nlp):
    rec = _record(nlp, "行政长官会见了中联办主任。香港特区政府与内地加强合作。")
    assert "中央人民政府驻香港特别行政区联络办公室" in rec.entities


def test_quoted_event_names_keep_their_quotes_out_of_the_key(nlp):
    rec = _record(nlp, "湖南省商务厅举办“湘品出海”推介会，组织企业参加“港洽周”。")
    assert "“湘品出海”推介会" in rec.entities or "湘品出海推介会" in {n.replace("“", "").replace("”", "") for n in rec.entities}
    assert "湖南(香港)投资贸易洽谈周" in rec.entities   # 港洽周, through the gazetteer


def test_a_known_body_with_a_generic_word_is_the_known_body(nlp):
    rec = _record(nlp, "依托中国—东盟博览会平台推动合作。")
    assert "中国—东盟博览会" in rec.entities and not any(n.endswith("博览会平台") for n in rec.entities)


def test_anaphor_is_the_last_body_of_its_kind_not_named_in_its_sentence(nlp):
    """该会 signs with 香港总商会, so it is the 会 named before that sentence."""
    rec = _record(nlp, "湖南省工商业联合会代表团访问了香港总商会。该会联同湖南省贸促会与香港总商会签署合作协议。")
    pairs = _pairs(rec)
    assert frozenset(("湖南省工商业联合会", "香港总商会")) in pairs
    assert frozenset(("湖南省工商业联合会", "湖南省贸促会")) in pairs or \
        frozenset(("湖南省工商业联合会", "湖南省贸易促进委员会")) in pairs
    assert not any("该会" in p for pair in pairs for p in pair)


def test_anaphor_without_antecedent_names_nothing(nlp):
    rec = _record(nlp, "该会与香港总商会签署合作协议。")
    assert "该会" not in rec.entities


def test_listed_abbreviations_cooperate(nlp):
    """吉、澳双方合作: the list mark between abbreviations still names two places."""
    rec = _record(nlp, "双方希望加强吉、澳双方合作机制。")
    assert frozenset(("吉林", "澳门")) in _pairs(rec)


def test_a_body_with_no_place_in_its_name_may_partner_with_the_document_province(nlp):
    """正威国际集团 in a Jiangxi report is not thereby a Jiangxi body, so a visit by Jiangxi is
    cooperation; 江西省商务厅 and 江西 are one place."""
    rec = _record(nlp, "江西代表团在香港走访了正威国际集团。江西省商务厅与江西开展合作。")
    pairs = _pairs(rec)
    assert frozenset(("江西", "正威国际集团")) in pairs
    assert frozenset(("江西", "江西省商务厅")) not in pairs


_BUREAU_PAGE = ("本局新闻\n本局长沙代表处揭牌\n本局今日与湖南省商务厅签署了合作备忘录。"
                "本局已在长沙设立代表处，长沙代表处将服务湖南企业。")


def test_an_author_called_only_benju_is_an_entity_of_its_document(nlp):
    rec = _record(nlp, _BUREAU_PAGE)
    author = rec.author
    assert author and author.startswith("本局〔") and rec.entities[author].label == "本局"
    assert frozenset((author, "湖南省商务厅")) in _pairs(rec)
    # another page's 本局 is another body
    assert _record(nlp, _BUREAU_PAGE.replace("长沙", "岳阳")).author != author


def test_a_unit_named_after_the_author_is_its_part_and_founded_by_it(nlp):
    rec = _record(nlp, _BUREAU_PAGE)
    unit = next(k for k, e in rec.entities.items() if e.label == "本局长沙代表处")
    assert "长沙代表处" in rec.entities[unit].aliases and "长沙代表处" not in rec.entities
    assert (unit, rec.author) in {(r.head, r.tail) for r in rec.relations if r.kind == "partOf"}
    assert (unit, rec.author) in {(r.head, r.tail) for r in rec.relations if r.kind == "founded"}


def test_a_quoted_self_reference_makes_no_author(nlp):
    """One speaker's 我会 in a news report is the speaker's body, not the writer."""
    rec = _record(nlp, "新闻\n日期\n栏目\n正文\n报道\n昨日，香港总商会会长表示，我会将与湖南企业加强合作。")
    assert rec.author is None


_DISTRICT_VISIT = ("香港青年商会代表团访问长沙。香港青年商会与岳麓区工商联签署合作协议。"
                   "香港青年商会会长表示，愿与岳麓区委加强交流。"
                   "一行随后与区委统战部部长王明，区政协副主席李华，区工商联主席张强等座谈。")


def test_relative_local_names_take_the_district_the_text_is_about(nlp):
    rec = _record(nlp, _DISTRICT_VISIT)
    assert {"岳麓区委统战部", "岳麓区政协", "岳麓区工商联"} <= set(rec.entities)
    assert ("岳麓区委统战部", "岳麓区委") in {(r.head, r.tail) for r in rec.relations if r.kind == "partOf"}


def test_relative_local_names_need_a_place(nlp):
    rec = _record(nlp, "双方同意，由市商务局牵头与香港贸发局对接。")
    assert not any(name.startswith("市") for name in rec.entities)


def test_omitted_subject_of_a_report_is_the_body_it_is_about(nlp):
    """No named writer: the body named most often is the one whose delegation 一行 is; each
    listed body, titles and names between them, is its partner."""
    pairs = _pairs(_record(nlp, _DISTRICT_VISIT))
    for body in ("岳麓区委统战部", "岳麓区政协", "岳麓区工商联"):
        assert frozenset(("香港青年商会", body)) in pairs


def test_a_deputy_title_is_not_the_body(nlp):
    rec = _record(nlp, "香港青年商会访问长沙。香港青年商会与岳麓区工商联签署协议。香港青年商会表示满意。"
                       "考察团由全国人大代表、香港青年商会会长李明任名誉团长。")
    assert not any("全国人民代表大会" in pair for pair in _pairs(rec))


def test_parts_a_zone_lists_after_qizhong(nlp):
    """A zone builds a quoted set of parts and the next sentence, opening with 其中, names them."""
    rec = _record(nlp, "横琴粤澳深度合作区正在加快建设“一城两镇”。其中，“一城”指澳门青年创业城；"
                       "“两镇”包括粤澳文创小镇、珠海科创小镇等。珠海科创小镇将与澳门大学合作。")
    parts = {r.head for r in rec.relations if r.kind == "partOf" and r.tail == "横琴粤澳深度合作区"}
    assert {"粤澳文创小镇", "珠海科创小镇"} <= parts
    assert "澳门大学" not in parts


def test_a_sar_unit_named_in_context_is_part_of_its_office(nlp):
    rec = _record(nlp, "澳门特区政府经济财政司与湖南省商务厅会谈，中联办经济部官员出席。")
    office = "中央人民政府驻澳门特别行政区联络办公室"
    assert (office + "经济部", office) in {(r.head, r.tail) for r in rec.relations if r.kind == "partOf"}


def test_he_after_a_verb_of_cooperating_means_with(nlp):
    pairs = _pairs(_record(nlp, "湖南省商务厅将加强和香港贸发局、香港中华总商会的经贸往来。"))
    assert pairs == {frozenset(("湖南省商务厅", "香港贸易发展局")), frozenset(("湖南省商务厅", "香港中华总商会"))}


def test_lead_and_co_handling_units_of_a_reply(nlp):
    rec = _record(nlp, "湖南省商务厅\n您的提案由我厅主办，省教育厅、省科技厅为会办单位，共同办理。")
    assert _pairs(rec) >= {frozenset(("湖南省商务厅", "湖南省教育厅")), frozenset(("湖南省商务厅", "湖南省科学技术厅"))}


def test_an_agreement_title_names_its_parties(nlp):
    rec = _record(nlp, "湖南省教育厅代表团访港。双方签署了《香港教育工作者联合会与湖南省教育厅教育交流合作框架协议》。")
    parties = {r.tail for r in rec.relations if r.kind == "party"}
    assert parties == {"香港教育工作者联合会", "湖南省教育厅"}


def test_places_sharing_one_head_are_each_a_known_area(nlp):
    rec = _record(nlp, "湖南省人民政府\n推动长沙、岳阳、郴州三大片区联动发展。")
    areas = [f"中国(湖南)自由贸易试验区{p}片区" for p in ("长沙", "岳阳", "郴州")]
    assert set(areas) <= set(rec.entities)
    assert frozenset(areas[:2]) in _pairs(rec) and frozenset(areas[1:]) in _pairs(rec)


def test_abbreviated_places_after_with(nlp):
    """与港澳在…合作: 港澳 are Hong Kong and Macau, each a partner; 港澳 alone is a place pair."""
    pairs = _pairs(_record(nlp, "湖南省人民政府\n推动长株潭与港澳在数字贸易、文化贸易等领域深度合作。"))
    assert pairs == {frozenset(("长株潭", "香港")), frozenset(("长株潭", "澳门"))}
    assert not _pairs(_record(nlp, "湖南省人民政府\n便利港澳居民来湘就业。"))


def test_what_is_set_up_in_a_zone_is_part_of_it(nlp):
    rec = _record(nlp, "双方还将在珠澳跨工区珠海园区设拉美国家商品综合交易中心。")
    assert "拉美国家商品综合交易中心" in rec.entities
    assert ("拉美国家商品综合交易中心", "珠澳跨境工业区珠海园区") in \
        {(r.head, r.tail) for r in rec.relations if r.kind == "partOf"}


def test_an_official_named_again_acts_for_the_body(nlp):
    rec = _record(nlp, "商务及经济发展局局长丘应桦今日在广州会见广东省商务厅厅长。"
                       "其后，丘应桦出席推介会，并与广州市商务局代表交流。")
    assert frozenset(("商务及经济发展局", "广州市商务局")) in _pairs(rec)
    assert "丘应桦" not in rec.entities and not any("丘应桦" in e.aliases for e in rec.entities.values())


def test_a_delegation_named_again_acts_for_its_body(nlp):
    rec = _record(nlp, "香港中华总商会代表团访问佛山市。代表团还参观了工厂，并与顺德区政府签署合作意向书。")
    pairs = _pairs(rec)
    assert frozenset(("香港中华总商会", "顺德区政府")) in pairs
    statuses = {r.status for r in rec.relations if r.kind == "partner" and "顺德区政府" in (r.head, r.tail)}
    assert statuses == {"realized"}


def test_the_place_visited_is_not_who_signs(nlp):
    rec = _record(nlp, "澳门经济财政司司长率团访问湖北，与湖北省人民政府签署了合作协议。")
    pairs = _pairs(rec)
    assert frozenset(("澳门经济财政司", "湖北省人民政府")) in pairs
    assert frozenset(("湖北", "湖北省人民政府")) not in pairs


def test_signing_in_the_next_clause_is_the_same_pair(nlp):
    rec = _record(nlp, "香港中华总商会与佛山市工商业联合会座谈交流，并签署了《港佛商会合作备忘录》。")
    parties = {r.tail for r in rec.relations if r.kind == "party" and r.head == "港佛商会合作备忘录"}
    assert parties == {"香港中华总商会", "佛山市工商业联合会"}


def test_both_sides_found_what_they_set_up_together(nlp):
    rec = _record(nlp, "香港理工大学与厦门大学签署合作协议，双方将共同成立智能制造联合研究院。")
    founded = {(r.head, r.tail) for r in rec.relations if r.kind == "founded"}
    assert founded == {("智能制造联合研究院", "香港理工大学"), ("智能制造联合研究院", "厦门大学")}


def test_what_partners_build_together_is_not_their_partner(nlp):
    pairs = _pairs(_record(nlp, "支持华侨大学与澳门大学合作建设“闽澳中医药研究中心”。"))
    assert pairs == {frozenset(("华侨大学", "澳门大学"))}


def test_listed_areas_counted_before_with_are_the_partners(nlp):
    pairs = _pairs(_record(nlp, "福建省人民政府\n(一)支持福州、厦门、平潭三个片区与香港开展制度创新合作。"))
    assert frozenset(("中国(福建)自由贸易试验区厦门片区", "香港")) in pairs
    assert frozenset(("福建", "香港")) not in pairs


def test_an_addressee_list_names_no_body(nlp):
    rec = _record(nlp, "各市、县(区)人民政府,省人民政府各部门:")
    assert not any(name.startswith("县") for name in rec.entities)


def test_lianhe_names_co_agents_only_right_after_it(nlp):
    rec = _record(nlp, "深圳市商务局\n市商务局将联合香港总商会、澳门中华总商会举办论坛。双方将联合推出伦敦至长沙的旅游线路。")
    assert _pairs(rec) == {frozenset(("深圳市商务局", "香港总商会")), frozenset(("深圳市商务局", "澳门中华总商会"))}


def test_a_later_abbreviation_is_the_same_entity(nlp):
    rec = _record(nlp, "湖南省人民政府\n加快建设湘粤非铁海联运通道。推动湘粤非通道常态化运行。")
    assert "湘粤非通道" not in rec.entities
    assert "湘粤非通道" in rec.entities["湘粤非铁海联运通道"].aliases


def test_bodies_that_signed_together_after_you(nlp):
    """由A和B共同签署的《…》: A and B are the parties."""
    rec = _record(nlp, "双方将落实由中央政府和澳门特别行政区共同签署的《内地与澳门关于建立更紧密经贸关系的安排》。")
    assert frozenset(("中央人民政府", "澳门")) in _pairs(rec)


def test_places_written_together_after_zai_are_where_not_who(nlp):
    pairs = _pairs(_record(nlp, "湖南省商务厅厅长在贵州贵阳市与香港贸发局会面。"))
    assert pairs == {frozenset(("湖南省商务厅", "香港贸易发展局"))}


def test_the_body_opening_a_clause_is_the_agent_of_its_verb(nlp):
    pairs = _pairs(_record(nlp, "香港贸易发展局\n湖南省省长表示，湖南将积极对接香港贸发局，推动湘港在金融等领域深度合作。"))
    assert frozenset(("湖南", "香港贸易发展局")) in pairs
    assert frozenset(("湖南", "香港")) in pairs


def test_a_paragraph_broken_into_lines_is_read_as_one(nlp):
    """A converter broke a long line mid-sentence: the sentence runs on over the break."""
    text = ("湖南省商务厅\n近年来，我厅深入推进与港澳地区在经贸、科技、教育、文化和青年交流等各领域的务实合作，并与\n\n"
            "香港贸易发展局签订了合作备忘录。")
    rec = _record(nlp, text)
    assert frozenset(("湖南省商务厅", "香港贸易发展局")) in _pairs(rec)


def test_the_paper_a_page_comes_from_is_an_entity(nlp):
    rec = _record(nlp, "两地签署合作协议\n来源: 南方日报    发布时间: 2024-01-02\n湖南大学与香港大学签署合作协议。")
    assert rec.entities["南方日报"].type == "Organization"
    assert not any("南方日报" in (r.head, r.tail) for r in rec.relations if r.kind == "partner")


def test_a_centre_named_after_a_school_named_in_full_is_part_of_it(nlp):
    rec = _record(nlp, "香港理工大学护理学院与湖南大学签署协议。代表团参观了护理学院智慧健康研究中心。")
    part_of = {(r.head, r.tail) for r in rec.relations if r.kind == "partOf"}
    assert ("护理学院智慧健康研究中心", "香港理工大学护理学院") in part_of
    assert ("香港理工大学护理学院", "香港理工大学") in part_of


def test_both_sides_named_in_the_sentence_before(nlp):
    rec = _record(nlp, "湖南大学与香港理工大学签署战略合作协议。双方将共建“湘港智能制造联合研究中心”。")
    founded = {(r.head, r.tail) for r in rec.relations if r.kind == "founded"}
    assert founded == {("湘港智能制造联合研究中心", "湖南大学"), ("湘港智能制造联合研究中心", "香港理工大学")}


def test_a_province_and_taiwan_cooperating(nlp):
    pairs = _pairs(_record(nlp, "湖南省人民政府\n深化湘台优势产业合作。推动粤港澳湘文旅项目合作。"))
    assert frozenset(("湖南", "台湾")) in pairs
    assert frozenset(("广东", "香港")) not in pairs


def test_a_time_opening_the_sentence_makes_its_relations_planned(nlp):
    rec = _record(nlp, "澳门贸易投资促进局\n未来，本局将积极推广澳门的服务，协助湖北省商务厅开拓海外市场。")
    statuses = {r.status for r in rec.relations if r.kind == "partner" and "湖北省商务厅" in (r.head, r.tail)}
    assert statuses == {"planned"}


def test_three_parties_signing_together(nlp):
    rec = _record(nlp, "香港贸易发展局、湖南省商务厅、湖南大学三方签署合作协议。")
    agreements = {r.head for r in rec.relations if r.kind == "party"}
    assert agreements == {"湖南大学、湖南省商务厅与香港贸易发展局合作协议"}
    assert len(_pairs(rec)) == 3


def test_host_and_organiser_of_an_event(nlp):
    pairs = _pairs(_record(nlp, "由香港贸易发展局主办、湖南省商务厅承办的湘港经贸论坛昨日举行。"))
    assert frozenset(("香港贸易发展局", "湖南省商务厅")) in pairs


def test_each_named_agreement_of_one_signing_has_the_parties(nlp):
    rec = _record(nlp, "湖南省商务厅与香港贸易发展局签订了《湘港经贸合作备忘录》和《湘港会展合作协议》。")
    parties = _parties(rec)
    assert parties == {name: {"湖南省商务厅", "香港贸易发展局"} for name in ("湘港经贸合作备忘录", "湘港会展合作协议")}


_FTZ_REPORT = ("湖南省委改革办课题组\n中国(湖南)自由贸易试验区设立以来成效明显。自贸试验区应发挥窗口作用。"
               "推动自贸试验区发展智能制造。支持自贸试验区企业走出去。自贸试验区要深化改革。"
               "加快对接人民银行贸易金融区块链平台，畅通数据。")


def test_the_zone_a_report_is_about_is_named_short_and_acts(nlp):
    rec = _record(nlp, _FTZ_REPORT)
    assert "自贸试验区" not in rec.entities and rec.entities["中国(湖南)自由贸易试验区"].mentions >= 5
    assert frozenset(("中国(湖南)自由贸易试验区", "人民银行贸易金融区块链平台")) in _pairs(rec)


def test_a_quoted_project_being_built_is_founded(nlp):
    rec = _record(nlp, _FTZ_REPORT + "推进“人工智能计算中心”建设。")
    assert ("人工智能计算中心", "中国(湖南)自由贸易试验区") in {(r.head, r.tail) for r in rec.relations if r.kind == "founded"}


def test_what_a_province_attracts_is_founded_by_the_province(nlp):
    rec = _record(nlp, "湖南省商务厅\n关于2024年工作情况的报告\n引进设立香港城市大学长沙创新科技中心。")
    founded = {(r.head, r.tail) for r in rec.relations if r.kind == "founded"}
    assert founded == {("香港城市大学长沙创新科技中心", "湖南")}


def test_a_verb_after_an_office_is_no_name(nlp):
    """书记表示 … 书记会面: 表示 is no person (表 is no surname)."""
    rec = _record(nlp, "湖南省委书记表示欢迎。随后湖南省委书记会面香港客人，表示将加强合作。")
    doc = nlp(normalise("湖南省委书记表示欢迎。随后湖南省委书记会面香港客人，表示将加强合作。"))
    assert not [m for m in doc._.mentions if m.entity.proxy]
    assert rec.entities


def test_the_chief_executive_named_with_the_office_only_is_the_sar(nlp):
    doc = nlp(normalise("行政长官李家超今日在香港与到访的湖南省委书记会面。李家超表示，香港欢迎湖南企业。香港将加强合作。"))
    proxies = [(m.surface, m.entity.canonical) for m in doc._.mentions if m.entity.proxy]
    assert proxies == [("李家超", "香港"), ("李家超", "香港")]


def test_an_events_edition_is_kept_as_an_alias(nlp):
    rec = _record(nlp, "湖南省商务厅\n2025湘港经贸合作交流会在香港举行。我厅与香港贸发局共同举办第三届中非经贸博览会。")
    assert "2025湘港经贸合作交流会" in rec.entities["湘港经贸合作交流会"].aliases


def test_the_issuer_of_a_notice_is_not_an_actor_in_its_subject(nlp):
    rec = _record(nlp, "江西省人民政府办公厅关于印发江西省对接粤港澳大湾区建设行动方案的通知\n各市人民政府：\n现印发给你们。")
    pairs = _pairs(rec)
    assert frozenset(("江西", "粤港澳大湾区")) in pairs
    assert frozenset(("江西省人民政府办公厅", "粤港澳大湾区")) not in pairs
    assert {r.status for r in rec.relations if r.kind == "partner"} == {"planned"}


def test_cooperation_named_in_a_plans_title_is_planned(nlp):
    rec = _record(nlp, "湖南省商务厅\n关于2024年工作情况的报告\n《湖南省对接粤港澳大湾区实施方案》已经省政府同意。")
    assert {r.status for r in rec.relations if r.kind == "partner"} == {"planned"}


def test_words_inside_a_title_say_nothing_about_tense(nlp):
    rec = _record(nlp, "湖南省教育厅、湖南省财政厅联合印发《关于加强高校科研经费管理的通知》。")
    assert {r.status for r in rec.relations if r.kind == "partner"} == {"realized"}


def test_every_place_of_a_list_a_class_noun_follows_qualifies_it(nlp):
    rec = _record(nlp, "江西省人民政府\n鼓励省内企业与香港、澳门企业开展合资合作。")
    assert not any({"香港", "澳门"} & set(p) for p in _pairs(rec))


def test_a_short_form_in_brackets_is_an_alias(nlp):
    rec = _record(nlp, "香港生产力促进局(生产力局)与长沙市人民政府合作。香港贸易发展局(HKTDC)与湖南省商务厅签约。")
    assert "生产力局" in rec.entities["香港生产力促进局"].aliases
    assert "HKTDC" in rec.entities["香港贸易发展局"].aliases
    assert not any("(" in name for name in rec.entities)


def test_bare_units_before_an_officials_title_belong_to_the_body_named_first(nlp):
    rec = _record(nlp, "甘肃省人民政府副秘书长李某、投资促进局局长周某、港澳事务办公室主任吴某一行到访。")
    assert {"甘肃省投资促进局", "甘肃省港澳事务办公室"} <= set(rec.entities)
    assert rec.entities["甘肃省投资促进局"].region == "甘肃"
    assert "投资促进局" in rec.entities["甘肃省投资促进局"].aliases


def test_a_universitys_units_in_a_list_of_its_officials(nlp):
    rec = _record(nlp, "兰州大学代表团包括化学化工学院院长孙某、研究生院常务副院长郑某、教务部部长王某。")
    assert rec.entities["兰州大学化学化工学院"].type == "University"
    assert rec.entities["兰州大学研究生院"].type == "University"
    assert ("兰州大学研究生院", "兰州大学") in {(r.head, r.tail) for r in rec.relations if r.kind == "partOf"}


def test_a_party_committees_department(nlp):
    rec = _record(nlp, "访问团拜会甘肃省委常委、统战部部长孙某。")
    assert "中共甘肃省委统战部" in rec.entities


def test_a_sar_bureau_named_bare_in_the_sars_own_list_of_officials(nlp):
    # a bureau no table knows: the rule, not the gazetteer, must place it
    rec = _record(nlp, "香港特别行政区政府政务司司长某某、海港及航道局局长某某出席。")
    bureau = rec.entities["香港特别行政区政府海港及航道局"]
    assert (bureau.type, bureau.region) == ("GovernmentAgency", "香港")
    assert "海港及航道局" in bureau.aliases


def test_a_name_of_its_own_before_a_title_is_not_a_unit(nlp):
    rec = _record(nlp, "会见了长风国际集团董事长刘某、香港贸发局总裁某某。")
    assert "长风国际集团" in rec.entities


def test_a_body_and_a_unit_named_after_it_are_not_partners(nlp):
    rec = _record(nlp, "甘肃省代表团参观了兰州大学、兰州大学化学化工学院。")
    assert frozenset(("兰州大学", "兰州大学化学化工学院")) not in _pairs(rec)


def test_the_taggers_words_cut_a_name_that_reaches_over_a_preposition_or_a_verb(nlp):
    # the grammar alone reads one name from the district to the firm's head
    rec = _record(nlp, "武汉市江夏区与长风集团有限公司签订商业项目。")
    assert "长风集团有限公司" in rec.entities
    assert not any("与" in name for name in rec.entities)
    rec = _record(nlp, "这次我们与长风巴士集团签约。")
    assert "长风巴士集团" in rec.entities
    rec = _record(nlp, "促成长风医药股份有限公司与本会签订协议。")
    assert "长风医药股份有限公司" in rec.entities


def test_a_head_that_ends_a_verb_is_no_head(nlp):
    rec = _record(nlp, "南沙新区地处珠江口。")
    assert "南沙新区地处" not in rec.entities


def test_the_genres_event_and_media_heads(nlp):
    rec = _record(nlp, "甘肃日报报道，“你好兰州”文旅推介周与陇港创新合作对话会同期举办。")
    assert rec.entities["甘肃日报"].type == "Organization"
    assert rec.entities["“你好兰州”文旅推介周"].type == "Platform" or "你好兰州文旅推介周" in {
        n.replace("“", "").replace("”", "") for n in rec.entities}
    assert any(n.endswith("合作对话会") for n in rec.entities)


def test_a_government_and_its_standard_department_are_one_name(nlp):
    text = ("兰州市人民政府港澳事务办公室关于市政协第12号提案的复函\n\n"
            "您提出的提案收悉，我们会同兰州市贸促会、兰州大学等共同研究，现答复如下。")
    rec = _record(nlp, text)
    office = "兰州市人民政府港澳事务办公室"
    assert office in rec.entities and rec.author == office
    assert ("兰州市人民政府港澳事务办公室", "兰州市人民政府") in {(r.head, r.tail) for r in rec.relations
                                                        if r.kind == "partOf"}
    assert frozenset((office, "兰州大学")) in _pairs(rec)


def test_a_district_written_after_its_city_is_the_district_named_in_full(nlp):
    rec = _record(nlp, "武汉市江夏区与长风集团有限公司签约。")
    district = rec.entities["江夏"]   # the gazetteer keys a county by its short name
    assert district.type == "Region" and "武汉市江夏区" in district.aliases
    assert frozenset(("江夏", "长风集团有限公司")) in _pairs(rec)
