"""Linking within an article and across articles."""
from __future__ import annotations

from kg.extract import extract_mentions
from kg.link import entity_id, is_abbreviation, place_canonical, resolve_document
from kg.pipeline import analyze, assemble
from kg.types import Document


def _graph(*texts):
    return assemble([analyze(Document(f"doc-{n}", t)) for n, t in enumerate(texts)])


def _labels(G, type_):
    return sorted(d["label"] for _, d in G.nodes(data=True) if d["type"] == type_)


def _node(G, label):
    """The data of the node labelled ``label``."""
    return next(d for _, d in G.nodes(data=True) if d["label"] == label)


def test_entity_ids_are_stable_hashes():
    assert entity_id("Person", "李会东") == entity_id("Person", "李会东")
    assert entity_id("Person", "李会东") != entity_id("Organization", "李会东")
    assert entity_id("Place", "郑州市").startswith("place-")


def test_place_canonical_forms(recognizer):
    lex = recognizer.lex
    assert place_canonical("郑州", lex) == "郑州市"
    assert place_canonical("郑州市高新区", lex) == "郑州高新区"
    assert place_canonical("长春市汽车经济技术开发区", lex) == "长春汽车经济技术开发区"
    assert place_canonical("不是地名", lex) is None
    assert place_canonical("南京市江北新区", lex) == place_canonical("南京江北新区", lex) == "南京江北新区"
    assert place_canonical("两江新区", lex) == "两江新区"


def test_abbreviations_of_an_organization():
    assert is_abbreviation("上海二中院", "上海市第二中级人民法院")
    assert not is_abbreviation("二中院", "上海市第二中级人民法院")
    assert not is_abbreviation("宏达重工有限公司", "宏达重工有限公司郑州分公司")  # its parent


def test_short_form_links_to_the_full_name_in_the_article():
    G = _graph("洛阳市宏达重工有限公司车间主任王建国说：“干就要干好。”\n宏达重工今年产值增长。")
    assert _labels(G, "Organization") == ["洛阳市宏达重工有限公司"]
    org = next(d for _, d in G.nodes(data=True) if d["type"] == "Organization")
    assert "宏达重工" in org["aliases"]


def test_a_short_form_of_brand_and_trade_links_to_the_full_name():
    G = _graph("沈阳恒暖燃气工程抢修有限公司是一家老企业。在恒暖燃气干了20年的王建国说：“天再冷也得上。”")
    assert _labels(G, "Organization") == ["沈阳恒暖燃气工程抢修有限公司"]
    org = next(d for _, d in G.nodes(data=True) if d["type"] == "Organization")
    assert "恒暖燃气" in org["aliases"]
    G = _graph("沈阳恒暖燃气工程抢修有限公司是一家老企业。恒暖燃气抢修站站长王建国说：“天再冷也得上。”")
    assert _labels(G, "Organization") == ["恒暖燃气抢修站", "沈阳恒暖燃气工程抢修有限公司"]
    assert [G.nodes[v]["label"] for u, v, d in G.edges(data=True)
            if d.get("predicate") == "suborganization"] == ["沈阳恒暖燃气工程抢修有限公司"]


def test_the_company_s_department_is_no_ministry_it_abbreviates():
    G = _graph("人力资源和社会保障部发布了通知。湖南星城智能装备有限公司招了50人。公司人力资源部经理黄蔚然介绍，今年要招更多人。")
    ministry = next(d for _, d in G.nodes(data=True) if d.get("label") == "人力资源和社会保障部")
    assert not any("人力资源部" in alias for alias in ministry["aliases"])


def test_same_organization_in_two_articles_is_one_node():
    G = _graph("洛阳市宏达重工有限公司车间主任王建国说：“干就要干好。”",
               "洛阳市宏达重工有限公司工会主席李红梅表示，要关心职工。")
    assert _labels(G, "Organization") == ["洛阳市宏达重工有限公司"]
    assert _labels(G, "Person") == ["李红梅", "王建国"]


def test_same_name_in_different_organizations_stays_apart():
    G = _graph("洛阳市宏达重工有限公司车间主任王建国说：“干就要干好。”",
               "南阳市恒信电力有限公司首席技师王建国说：“安全第一。”")
    assert _labels(G, "Person") == ["王建国", "王建国"]


def test_ids_do_not_depend_on_input_order():
    a = Document("doc-a", "洛阳市宏达重工有限公司车间主任王建国说：“干就要干好。”")
    b = Document("doc-b", "开封市总工会副主席刘晓梅：我们将做好服务。")
    G1 = assemble([analyze(a), analyze(b)])
    G2 = assemble([analyze(b), analyze(a)])
    assert sorted(G1.nodes) == sorted(G2.nodes)
    assert sorted(G1.edges(keys=True)) == sorted(G2.edges(keys=True))


def test_a_branch_and_its_parent_are_two_nodes():
    G = _graph("全国劳动模范、中国石油化工集团有限公司镇海炼化分公司首席技师陈立华介绍了经验。")
    assert _labels(G, "Organization") == ["中国石油化工集团有限公司", "中国石油化工集团有限公司镇海炼化分公司"]
    edges = [(G.nodes[u]["label"], G.nodes[v]["label"]) for u, v, d in G.edges(data=True)
             if d["predicate"] == "suborganization"]
    assert edges == [("中国石油化工集团有限公司镇海炼化分公司", "中国石油化工集团有限公司")]


def test_a_name_and_its_legal_form_are_one_node_without_a_self_loop():
    G = _graph("国家电网有限公司选手赵宇航获得第一名，国家电网派出20名选手。")
    assert _labels(G, "Organization") == ["国家电网有限公司"]
    assert not any(u == v for u, v in G.edges())


def test_a_short_form_may_abbreviate_the_unit_after_its_group():
    G = _graph("### 宝武钢铁集团马鞍山钢铁股份有限公司热轧总厂质检班班长周红梅——\n\n"
               "马钢热轧总厂厂长刘志军介绍，产品合格率提升至99.6%。")
    mill = _node(G, "宝武钢铁集团马鞍山钢铁股份有限公司热轧总厂")
    assert "马钢热轧总厂" in mill["aliases"]


def test_the_province_s_union_is_the_province_the_article_names():
    G = _graph("黑龙江省委常委、省总工会主席胡亚枫在会上讲话。")
    assert _labels(G, "Organization") == ["黑龙江省委", "黑龙江省总工会"]
    union = _node(G, "黑龙江省总工会")
    assert union["aliases"] == []  # 省总工会 names it in this article only: no alias across articles


def test_a_county_s_union_and_department_by_their_level_are_the_named_county_s():
    G = _graph("安徽省阜南县是劳务输出大县。该县总工会常务副主席李红霞告诉记者，好。"
               "\n\n甘肃省通渭县地处山区。县卫生健康局副局长张立军说，好。青海省政协主席马文清出席。省政协副主席王林说，好。")
    assert _labels(G, "Organization") == ["通渭县卫生健康局", "阜南县总工会", "青海省政协"]
    assert _node(G, "阜南县总工会")["aliases"] == []
    G = _graph("临泉县位于安徽西北部。县总工会与县人社局、县法院、县司法局建立联动机制。省厅也来了。")
    assert _labels(G, "Organization") == ["临泉县人社局", "临泉县司法局", "临泉县总工会", "临泉县法院"]


def test_bodies_named_by_their_level_are_the_named_place_s():
    G = _graph("新疆维吾尔自治区总工会召开表彰大会。自治区党委常委、自治区总工会主席张志平出席大会。"
               "自治区人民政府副主席艾尔肯·吐尼亚孜宣读表彰决定。在临颍县，县委书记王建民说，好。")
    assert _labels(G, "Organization") == ["临颍县委", "新疆维吾尔自治区人民政府", "新疆维吾尔自治区党委",
                                          "新疆维吾尔自治区总工会"]


def test_a_city_s_union_is_not_short_for_its_district_s():
    G = _graph("洛阳市涧西区总工会常务副主席郑伟介绍了情况。洛阳市总工会党组书记钱卫东表示，将继续推进。")
    assert _labels(G, "Organization") == ["洛阳市总工会", "洛阳市涧西区总工会"]
    city = _node(G, "洛阳市总工会")
    assert city["aliases"] == []


def test_known_bodies_get_their_full_name_in_every_article():
    G = _graph("全总书记处书记王立新介绍了情况。", "中华全国总工会在京召开会议。全国总工会副主席李明出席。")
    union = [d for _, d in G.nodes(data=True) if d["type"] == "Organization"]
    assert [(d["label"], sorted(d["aliases"])) for d in union] == [("中华全国总工会", ["全国总工会", "全总"])]


def test_an_abbreviation_of_a_body_written_under_two_names():
    G = _graph("### 中国中车株洲电力机车有限公司电工班组长刘军——\n\n在中车株洲电力机车有限公司总装车间里，"
               "刘军正在检查机车。中车株机公司工会主席王红表示，将培养更多人才。")
    company = _node(G, "中国中车株洲电力机车有限公司")
    assert "中车株机公司" in company["aliases"]


def test_the_province_s_department_after_a_conjunction():
    G = _graph("四川省总工会法律工作部部长黄建军说，省总工会与省人力资源和社会保障厅建立了联动机制。")
    assert "四川省人力资源和社会保障厅" in _labels(G, "Organization")


def test_a_group_and_its_legal_form_are_one_node():
    G = _graph("在中国航天科工集团第二研究院，常晓飞正在讲解。据了解，中国航天科工集团有限公司已建成工作室21个。")
    assert _labels(G, "Organization") == ["中国航天科工集团有限公司", "中国航天科工集团第二研究院"]
    parents = [(G.nodes[u]["label"], G.nodes[v]["label"]) for u, v, d in G.edges(data=True)
               if d["predicate"] == "suborganization"]
    assert parents == [("中国航天科工集团第二研究院", "中国航天科工集团有限公司")]


def test_honors_nobody_holds_are_left_out():
    G = _graph("大会表彰了100名全省劳动模范。全国劳动模范、洛阳市宏达重工有限公司车间主任王建国说：“干就要干好。”")
    assert _labels(G, "Honor") == ["全国劳动模范"]


def test_a_short_name_the_article_defines_is_the_same_body(recognizer):
    text = ("宁波海天塑机集团有限公司（以下简称“海天集团”）今年营收增长。海天集团董事长张静章说，公司将加大投入。"
            "中国石油化工集团有限公司（简称中国石化）镇海炼化分公司总经理孙建华建议，打通职业发展通道。")
    doc = Document("d1", text)
    dm = extract_mentions(doc, recognizer)
    assert ("海天集团", "宁波海天塑机集团有限公司") in dm.aliases
    assert ("镇海炼化分公司", "中国石油化工集团有限公司") in dm.units
    canon = resolve_document(doc, dm, recognizer.lex, recognizer).canon
    assert canon["Organization:海天集团"] == ("Organization", "宁波海天塑机集团有限公司")


def test_short_references_are_the_person_named_in_full():
    G = _graph("宏达重工有限公司焊接班班长韩立军今年50岁。傍晚，老韩从船舱里钻出来。他说：“心里特别踏实。”"
               "\n徒弟们都说，韩师傅手上有真功夫。\n医生古丽巴哈尔·努尔兰作了发言。“牧民信任我。”古丽巴哈尔说。")
    assert _labels(G, "Person") == ["古丽巴哈尔·努尔兰", "韩立军"]
    assert sorted(_node(G, "韩立军")["aliases"]) == ["老韩", "韩师傅"]
    quotes = sorted((G.nodes[u]["label"], d["text"]) for u, _, d in G.edges(data=True) if d["predicate"] == "quote")
    assert quotes == [("古丽巴哈尔·努尔兰", "牧民信任我。"), ("韩立军", "心里特别踏实。")]


def test_what_colleagues_call_a_person_is_that_person():
    G = _graph("指导员何静是站里唯一的女干部，被大家称为“何姐”。“大家的事就是我的事。”何姐说。任何姐妹都可以来。")
    assert _labels(G, "Person") == ["何静"]
    assert _node(G, "何静")["aliases"] == ["何姐"]


def test_a_short_reference_needs_one_person_of_that_surname():
    G = _graph("班长韩立军和技术员韩东都是全国劳动模范。老韩说：“干就要干好。”\n他像一头老黄牛。班长黄建新说，要干好。")
    assert _labels(G, "Person") == ["韩东", "韩立军", "黄建新"]
    assert _node(G, "黄建新")["aliases"] == []


def test_a_group_and_its_provincial_company_stay_two_bodies():
    assert not is_abbreviation("远捷物流集团有限公司", "远捷物流集团浙江有限公司")
    assert is_abbreviation("大连湾造船公司", "大连湾造船有限公司")  # a shorter legal form of the same body
    G = _graph("远捷物流集团有限公司很大。远捷物流集团浙江有限公司义乌转运中心灯火通明。集团浙江公司总经理王大明说，好。")
    assert _labels(G, "Organization") == ["远捷物流集团有限公司", "远捷物流集团浙江有限公司"]


def test_a_unit_written_after_the_word_group_belongs_to_the_group_named(recognizer):
    text = "承建隧道的是闽海隧道工程集团有限公司。集团第三工程有限公司项目经理王强说，好。雷晓岚毕业后加入闽海隧道集团。"
    doc = Document("d", text)
    res = resolve_document(doc, extract_mentions(doc, recognizer), recognizer.lex, recognizer)
    assert res.canon["Organization:集团第三工程有限公司"] == ("Organization", "闽海隧道工程集团第三工程有限公司")
    assert res.canon["Organization:闽海隧道集团"] == ("Organization", "闽海隧道工程集团有限公司")


def test_an_abbreviation_may_leave_out_the_place_but_not_name_a_wider_one(recognizer):
    text = ("武汉楚江钢铁集团有限公司很大。楚钢集团工会副主席曾卫东介绍，好。"
            "河南省郑州市金水区总工会在这里。郑州市总工会副主席马晓光说，好。")
    doc = Document("d", text)
    res = resolve_document(doc, extract_mentions(doc, recognizer), recognizer.lex, recognizer)
    assert res.canon["Organization:楚钢集团"] == ("Organization", "武汉楚江钢铁集团有限公司")
    assert res.canon["Organization:郑州市总工会"] == ("Organization", "郑州市总工会")


def test_linking_in_steps_gives_what_linking_at_once_gives(recognizer):
    from kg.link import Linking, link

    texts = ["洛阳市宏达重工有限公司车间主任王建国说：“干就要干好。”",
             "王建国说：“安全第一。”",  # one 王建国 until the third article puts a 王建国 elsewhere
             "南阳市恒信电力有限公司首席技师王建国说：“安全第一。”",
             "开封市总工会副主席刘晓梅：我们将做好服务。全国劳动模范刘晓梅说：“干就要干好。”"]
    analyses = [analyze(Document(f"doc-{n}", t), recognizer) for n, t in enumerate(texts)]
    at_once = link(analyses, recognizer.lex, recognizer)
    for first in range(len(analyses) + 1):
        steps = Linking(recognizer.lex, recognizer)
        steps.add(analyses[:first])
        steps.link_now()  # these with the people's keys of the articles so far
        steps.add(analyses[first:])
        assert steps.result() == at_once, first
    people = {e.id for e in at_once[0].values() if e.label == "Person" and e.name == "王建国"}
    assert len(people) == 2  # the second article's 王建国 was linked again once the third was added
