"""Mention and frame recognition on handmade sentences (none taken from the evaluation articles)."""
from __future__ import annotations

from kg.extract import extract_mentions, org_cores, paragraphs, sentence_span
from kg.types import Document


def _mentions(text, recognizer):
    dm = extract_mentions(Document("d", text), recognizer)
    return dm, {(m.text, m.label) for m in dm.mentions}


def test_offsets_point_at_their_text(recognizer):
    text = "全国劳动模范、洛阳市宏达重工有限公司焊接车间主任王建国说：“焊好每一道缝。”"
    dm, _ = _mentions(text, recognizer)
    assert dm.mentions
    for m in dm.mentions:
        assert text[m.span.start:m.span.end] == m.text


def test_apposition_chain_gives_honor_org_title_and_person(recognizer):
    text = "全国劳动模范、洛阳市宏达重工有限公司工会主席王建国表示，要把工作做细。"
    dm, found = _mentions(text, recognizer)
    assert ("王建国", "Person") in found
    assert ("全国劳动模范", "Honor") in found
    assert ("洛阳市", "Place") in found
    frame = next(f for f in dm.frames if f.person.text == "王建国")
    assert [h.text for h in frame.honors] == ["全国劳动模范"]
    assert [(p.title, p.org.text if p.org else None) for p in frame.posts] == [("工会主席", "洛阳市宏达重工有限公司")]


def test_place_before_union_title_names_the_union(recognizer):
    dm, found = _mentions("开封市总工会副主席刘晓梅：我们将做好服务。", recognizer)
    frame = next(f for f in dm.frames if f.person.text == "刘晓梅")
    assert [(p.title, p.org.text) for p in frame.posts] == [("副主席", "开封市总工会")]


def test_common_words_before_titles_are_not_people(recognizer):
    _, found = _mentions("车间主任说，智慧工厂建设正在推进。", recognizer)
    assert not any(label == "Person" for _, label in found)


def test_units_written_after_their_parent_are_organizations(recognizer):
    dm, found = _mentions("### 洛阳金鼎集团有限公司铸造车间班组长赵红英——\n", recognizer)
    assert ("洛阳金鼎集团有限公司", "Organization") in found
    assert ("洛阳金鼎集团有限公司铸造车间", "Organization") in found
    assert ("洛阳金鼎集团有限公司铸造车间", "洛阳金鼎集团有限公司") in dm.units
    frame = next(f for f in dm.frames if f.person.text == "赵红英")
    assert [(p.title, p.org.text) for p in frame.posts] == [("班组长", "洛阳金鼎集团有限公司")]


def test_a_workplace_named_between_a_body_and_a_title_holds_the_post(recognizer):
    for text, org, title in (("燕山钢铁集团有限公司炼铁厂厂长王刚说，好。", "燕山钢铁集团有限公司炼铁厂", "厂长"),
                             ("天河区环境卫生管理所五山环卫站站长罗志强说，好。", "天河区环境卫生管理所五山环卫站", "站长"),
                             ("宁波舟山港股份有限公司车站站长王刚说，好。", "宁波舟山港股份有限公司", "车站站长")):
        dm, _ = _mentions(text, recognizer)  # 车站 is a common word, no name
        assert [(p.title, p.org.text) for f in dm.frames for p in f.posts] == [(title, org)]


def test_bodies_of_forest_farms_hydropower_stations_and_colleges_and_a_city_in_brackets(recognizer):
    for text, org in (("塔拉沟林场场长王振东介绍，林场有职工80人。", "塔拉沟林场"),
                      ("便到了云岭水电开发有限公司石鼓水电站。", "云岭水电开发有限公司石鼓水电站"),
                      ("他从长春汽车工业高等专科学校毕业。", "长春汽车工业高等专科学校"),
                      ("顺捷速运（深圳）有限公司快递员何小龙说，好。", "顺捷速运（深圳）有限公司"),
                      ("获奖的有四川省昭觉县人民医院医生李芳。", "四川省昭觉县人民医院")):  # 有 is no part of it
        _, found = _mentions(text, recognizer)
        assert (org, "Organization") in found, text


def test_a_body_name_may_hold_a_phrase_of_two_nouns(recognizer):
    for text, org in (("云南省滇中引水工程建设管理局局长王刚说，好。", "云南省滇中引水工程建设管理局"),
                      ("他向宁波市劳动人事争议仲裁院申请仲裁。", "宁波市劳动人事争议仲裁院")):
        _, found = _mentions(text, recognizer)
        assert [t for t, label in found if label == "Organization"] == [org]


def test_predicate_post(recognizer):
    dm, _ = _mentions("孙立平：扎根一线\n\n孙立平是南阳市恒信电力有限公司首席技师，从业二十年。", recognizer)
    posts = [(p.title, p.org.text) for f in dm.frames if f.person.text == "孙立平" for p in f.posts]
    assert posts == [("首席技师", "南阳市恒信电力有限公司")]


def test_paragraphs_and_sentences():
    text = "第一句。第二句！\n\n第三句"
    assert [(p.start, p.end) for p in paragraphs(text)] == [(0, 8), (10, 13)]
    assert sentence_span(text, 5) == (4, 8)


def test_verbs_of_holding_a_post_stay_out_of_organization_names(recognizer):
    text = ("王建国，男，1968年生。2009年至今任洛阳宏达重工股份有限公司副总经理；曾就职于平顶山汇丰煤业集团；"
            "现任河南恒远机械有限公司董事兼副总经理。2012年至今，任公司办公室主任。")
    _, found = _mentions(text, recognizer)
    orgs = {t for t, label in found if label == "Organization"}
    assert {"洛阳宏达重工股份有限公司", "平顶山汇丰煤业集团", "河南恒远机械有限公司"} <= orgs
    assert not any(o.startswith(("任", "于", "现任")) for o in orgs)
    people = {t for t, label in found if label == "Person"}
    assert people == {"王建国"}


def test_a_company_named_after_a_surname_keeps_it(recognizer):
    _, found = _mentions("他在任丘市华北石油机械有限公司工作了十年。", recognizer)
    assert found == {("任丘市华北石油机械有限公司", "Organization"), ("任丘市", "Place")}


def test_adverbs_and_conjunctions_before_an_organization_are_cut(recognizer):
    from kg.extract import _Builder

    def org(text):
        b = _Builder(Document("d", text), recognizer)
        m = b.add_org_phrase(0, text.index("公司") + 2) if "公司" in text else b.add_org_phrase(0, len(text))
        return m.text if m else None

    assert org("仍兼任河南恒远机械有限公司") == "河南恒远机械有限公司"
    assert org("先后任洛阳宏达重工有限公司") == "洛阳宏达重工有限公司"
    assert org("服务于洛阳宏达重工有限公司") == "洛阳宏达重工有限公司"
    assert org("与洛阳市税务局") == "洛阳市税务局"
    assert org("和恒远机械有限公司") == "恒远机械有限公司"
    assert org("同中国政府") == "中国政府"
    assert org("新华社郑州５月２日电河南省总工会") == "河南省总工会"
    assert org("向阳机械厂") == "向阳机械厂" and org("和平饭店") == "和平饭店"  # words, not a preposition
    assert org("任丘市华北石油机械有限公司") == "任丘市华北石油机械有限公司"  # 任 at the start of a text: a place


def test_function_words_read_as_surnames_are_not_people(recognizer):
    text = ("总理来到车间，高兴地说：“干得好。”公司向总部报告了情况。"
            "指挥部向战斗在一线的职工致敬。穆萨还说，合作会继续。于建国说，工期没有拖。")
    _, found = _mentions(text, recognizer)
    people = {t for t, label in found if label == "Person"}
    assert not people & {"高兴地", "向总部", "向战斗", "穆萨还"}
    assert "于建国" in people


def test_government_bodies_named_with_he(recognizer):
    text = ("住房和城乡建设部、文化和旅游部联合发文。工业和信息化部副部长王志军表示，员工和社会保障部门要沟通。"
            "广东省人力资源和社会保障厅相关负责人表示，将推进试点。")
    _, found = _mentions(text, recognizer)
    orgs = sorted(t for t, label in found if label == "Organization")
    assert orgs == ["住房和城乡建设部", "工业和信息化部", "广东省人力资源和社会保障厅", "文化和旅游部"]


def test_event_verbs_do_not_start_an_organization(recognizer):
    _, found = _mentions("11月19日，中华全国总工会在京召开全国工会劳动和技能竞赛工作推进会。", recognizer)
    orgs = {t for t, label in found if label == "Organization"}
    assert "中华全国总工会" in orgs and not any("召开" in t for t in orgs)


def test_legal_form_is_no_unit(recognizer):
    dm, found = _mentions("国家电网有限公司选手赵宇航获得第一名。", recognizer)
    assert dm.units == ()


def test_transliterated_names_with_a_middle_dot(recognizer):
    dm, found = _mentions("全国劳动模范、新疆油田公司采油工阿依古丽·买买提说：“我们要干好。”\n\n中国·郑州国际马拉松赛开幕。",
                          recognizer)
    assert sorted(t for t, label in found if label == "Person") == ["阿依古丽·买买提"]
    frame = next(f for f in dm.frames if f.person.text == "阿依古丽·买买提")
    assert [(p.title, p.org.text) for p in frame.posts] == [("采油工", "新疆油田公司")]
    assert recognizer.valid_name("约翰·克里") and not recognizer.valid_name("中国·郑州")


def test_dotted_names_of_transliteration_characters_where_the_tagger_misses_them(recognizer):
    text = ("徒弟阿依古丽·买买提如今已是技术能手。主题为“劳动·奋斗·梦想”的活动在《青春·奋斗》首发式后举行，"
            "2026中国·郑州国际马拉松同日开跑。")
    _, found = _mentions(text, recognizer)
    assert sorted(t for t, label in found if label == "Person") == ["阿依古丽·买买提"]


def test_a_dotted_name_the_tagger_cut_short_is_read_whole(recognizer):
    _, found = _mentions("油田采油工买买提江·吐尔逊说，今年产量创新高。", recognizer)
    assert [t for t, label in found if label == "Person"] == ["买买提江·吐尔逊"]


def test_a_township_is_no_word_that_ends_in_its_level(recognizer):
    _, found = _mentions("2015年从广东打工回乡后，他来到雷山县西江镇。", recognizer)
    assert sorted(t for t, label in found if label == "Place") == ["广东", "西江镇", "雷山县"]


def test_a_place_before_a_title_is_no_name(recognizer):
    _, found = _mentions("韩国代总理会见了代表团。", recognizer)
    assert ("韩国代", "Person") not in found and ("韩国", "Place") in found


def test_rare_dictionary_bodies_need_a_suffix_and_verbs_inside_names_stay(recognizer):
    text = "中心为快递员提供免费法律咨询。在中国石油大庆油田采油二厂第三作业区，巡井效率提高了一倍。"
    _, found = _mentions(text, recognizer)
    orgs = sorted(t for t, label in found if label == "Organization")
    assert orgs == ["中国石油大庆油田采油二厂", "中国石油大庆油田采油二厂第三作业区"]


def test_departments_under_a_place(recognizer):
    _, found = _mentions("河南省总工会、河南省教育厅联合主办。郑州市公安局介绍了情况。", recognizer)
    orgs = sorted(t for t, label in found if label == "Organization")
    assert orgs == ["河南省总工会", "河南省教育厅", "郑州市公安局"]


def test_a_speech_verb_is_no_given_name(recognizer):
    _, found = _mentions("青海省总工会副主席王永刚在慰问一线职工时表示，要保障职工健康。", recognizer)
    assert sorted(t for t, label in found if label == "Person") == ["王永刚"]


def test_famous_names_the_tagger_finds_are_people(recognizer):
    _, found = _mentions("国务院总理朱镕基会见了外宾。克林顿总统入主白宫后，白宫发表了白皮书。", recognizer)
    people = sorted(t for t, label in found if label == "Person")
    assert "朱镕基" in people and not {"白宫", "白皮书"} & set(people)


def test_departments_need_a_word_before_their_suffix(recognizer):
    text = "广大党员群众和农村基层干部平息了事态。构筑大杭州旅游新格局。负责人和人武部干部300余人参加。"
    _, found = _mentions(text, recognizer)
    assert not any(label == "Organization" for _, label in found)


def test_a_suffix_the_segmenter_joined_to_the_next_word(recognizer):
    _, found = _mentions("1998年，周红梅从安徽工业大学毕业后进入马钢。", recognizer)
    assert ("安徽工业大学", "Organization") in found


def test_according_to_is_no_part_of_a_name(recognizer):
    _, found = _mentions("据中国煤炭工业协会统计，全国已建成智能化采掘工作面超过2200个。", recognizer)
    assert [t for t, label in found if label == "Organization"] == ["中国煤炭工业协会"]


def test_a_bracket_inside_a_company_name(recognizer):
    _, found = _mentions("全国劳动模范、北京市公共交通控股（集团）有限公司第一客运分公司驾驶员李素丽说：“干就要干好。”",
                         recognizer)
    assert sorted(t for t, label in found if label == "Organization") == [
        "北京市公共交通控股（集团）有限公司", "北京市公共交通控股（集团）有限公司第一客运分公司"]


def test_known_bodies_by_the_short_names_news_uses(recognizer):
    _, found = _mentions("习近平给中国一重产业工人代表回信。国务院国资委有关负责人表示，将推动改革。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == ["中国一重", "国务院国资委"]
    _, found = _mentions("翻过一重又一重山，在建设中建成了新厂。", recognizer)
    assert not any(label == "Organization" for _, label in found)  # everyday words that are also short forms


def test_a_body_after_a_conjunction_and_a_locative_starts_after_them(recognizer):
    dm = extract_mentions(Document("d", "镇里与四川能投建设工程有限公司签订用工协议。"), recognizer)
    assert [m.text for m in dm.mentions if m.label == "Organization"] == ["四川能投建设工程有限公司"]


def test_a_short_place_name_that_begins_a_longer_one_is_the_longer_one(recognizer):
    dm = extract_mentions(Document("d", "克拉玛依市独山子区的中国石油独山子石化公司是基地。焉耆回民来自宁夏。"), recognizer)
    assert [m.text for m in dm.mentions if m.label == "Place"] == ["克拉玛依市", "独山子区", "焉耆", "宁夏"]


def test_no_short_place_name_inside_a_common_word(recognizer):
    dm, _ = _mentions("他们搭建创新平台，夕阳西下时才收工。云南新平、广东阳西的工人来了。", recognizer)
    assert [m.text for m in dm.mentions if m.label == "Place"] == ["云南", "新平", "广东", "阳西"]


def test_a_company_named_after_its_group_and_a_place_is_a_unit_of_the_group(recognizer):
    dm, found = _mentions("中国石油新疆油田公司采油二厂党委书记祝春雷说，要干好。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == [
        "中国石油", "中国石油新疆油田公司", "中国石油新疆油田公司采油二厂"]
    assert dm.units == (("中国石油新疆油田公司", "中国石油"), ("中国石油新疆油田公司采油二厂", "中国石油新疆油田公司"))


def test_a_preposition_of_agency_before_a_body_is_no_part_of_it(recognizer):
    for text, body in (("受青海省总工会委托，他们开展培训。", "青海省总工会"),
                       ("下一步，经开区总工会将做好服务。", "经开区总工会")):  # 经开区: 经济技术开发区
        _, found = _mentions(text, recognizer)
        assert [t for t, label in found if label == "Organization"] == [body]


def test_a_list_of_brands_before_a_generic_body_is_no_body(recognizer):
    _, found = _mentions("我们推动美团、京东等平台企业建立工会。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == ["京东", "美团"]


def test_a_person_name_inside_a_place_is_no_person(recognizer):
    _, found = _mentions("在安徽省阜阳市临泉县杨桥镇，一家服装加工厂里机器轰鸣。", recognizer)
    assert "杨桥" not in [t for t, label in found if label == "Person"]
    assert "杨桥镇" in [t for t, label in found if label == "Place"]


def test_whom_the_reporter_met_before_shi(recognizer):
    for name in ("杨海", "付强", "赵宏进"):
        _, found = _mentions(f"记者见到{name}时，他正在车间里调试设备。", recognizer)
        assert {text for text, label in found if label == "Person"} == {name}


def test_a_given_name_the_dictionary_reads_as_a_time_or_measure_word(recognizer):
    _, found = _mentions("田春表示，今年的订单比去年多了三成。", recognizer)
    assert ("田春", "Person") in found
    _, found = _mentions("王家的院子里种满了花。", recognizer)
    assert not any(label == "Person" for _, label in found)  # the Wang family


def test_a_name_before_a_speech_verb_it_could_run_into(recognizer):
    _, found = _mentions("“今年的任务很重。”刘明笑着说。", recognizer)
    assert {text for text, label in found if label == "Person"} == {"刘明"}


def test_the_subject_of_a_clause_that_joins_a_body(recognizer):
    dm, found = _mentions("1998年，石晨进入国网河南省电力公司工作。", recognizer)
    assert ("石晨", "Person") in found


def test_a_brand_and_a_trade_before_a_legal_form_name_a_company(recognizer):
    for org in ("东方钢铁有限公司", "远大装备有限责任公司", "宏远重工集团"):
        _, found = _mentions(f"{org}焊接车间主任张建国说，今年的订单比去年多。", recognizer)
        assert (org, "Organization") in found
    for phrase in ("民营科技有限公司", "组建报业集团", "国际贩毒集团"):
        _, found = _mentions(f"他们{phrase}的规模很大。", recognizer)
        assert not any(label == "Organization" for _, label in found)


def test_mongolian_and_korean_chinese_names(recognizer):
    for text, name in (("“以前跑完一趟，只能在车里过夜。”巴图孟和说。", "巴图孟和"),
                       ("乌云其木格是内蒙古蒙原律师事务所的执业律师。", "乌云其木格"),
                       ("芯片公司工程师朴成民说，好。", "朴成民"),
                       ("蒙古族挡车工乌日娜获得全国五一劳动奖章。", "乌日娜"),  # one name word, found by the tagger
                       ("厂长上官文博出席会议。", "上官文博"),  # a verb phrase the dictionary lists whole
                       ("书记处书记上官文博到会致辞。", "上官文博"),  # a one-character verb, then another
                       ("常务副主席才让多杰作工作报告。", "才让多杰")):
        _, found = _mentions(text, recognizer)
        assert {t for t, label in found if label == "Person"} == {name}


def test_names_of_no_listed_family_name_where_only_a_person_stands(recognizer):
    for text, name in (("“巡护要细心。”宝力德说。", "宝力德"),  # a speaker after a quote
                       ("“好。”已经退休的其木格对记者说。", "其木格"),
                       ("旗总工会副主席阿拉坦仓表示，要干好。", "阿拉坦仓"),  # a name word, then a character
                       ("护林员宝力德骑上摩托车出发了。", "宝力德"),  # after a title, before a verb
                       ("主任医师阿西莫日、教师马玉兰等人获奖。", "阿西莫日"),
                       ("美国总统克林顿说，要合作。", "克林顿")):
        _, found = _mentions(text, recognizer)
        assert name in {t for t, label in found if label == "Person"}, text
    for text in ("“好。”大家说。", "“好。”工人们说。", "“好。”阿妈说。", "“好。”一位村民说。", "凭良心说，好。",
                 "他在会上演讲时说，好。", "“好。”记者问道。", "市总工会有关负责人说，好。"):
        _, found = _mentions(text, recognizer)
        assert not any(label == "Person" for _, label in found), text


def test_no_name_of_a_relation_noun_or_an_adverb_and_a_speech_verb(recognizer):
    for text in ("“师傅常说，修车就是修心。”", "她说：“师傅常讲，做瓷先做人。”"):
        _, found = _mentions(text, recognizer)
        assert not any(label == "Person" for _, label in found)


def test_no_name_after_a_title_that_is_part_of_a_longer_one(recognizer):
    _, found = _mentions("公司为每名新入职工程师配备技术导师。", recognizer)  # 入|职工|程师: 工程师
    assert not any(label == "Person" for _, label in found)


def test_an_honor_in_quotes_after_a_verb_of_conferring(recognizer):
    _, found = _mentions("2020年，她获评“齐河县优秀农机手”。", recognizer)
    assert ("齐河县优秀农机手", "Honor") in found
    _, found = _mentions("他获得“第一名”的好成绩。", recognizer)
    assert not any(label == "Honor" for _, label in found)


def test_a_people_is_no_country_and_an_industrial_park_is_a_place(recognizer):
    _, found = _mentions("吉林省延边朝鲜族自治州的朝鲜族小伙朴成民说，好。", recognizer)
    assert {t for t, label in found if label == "Place"} == {"吉林省", "延边朝鲜族自治州"}
    _, found = _mentions("在江苏省苏州市的苏州工业园区，芯片企业很多。", recognizer)
    assert ("苏州工业园区", "Place") in found


def test_a_zone_named_with_a_word_after_its_place_is_one_place(recognizer):
    _, found = _mentions("他来到长春汽车经济技术开发区，又去了湖南长沙经济技术开发区和长沙扩建工业园区。", recognizer)
    assert sorted(t for t, label in found if label != "Person") == [
        "工业园区", "湖南", "长春汽车经济技术开发区", "长沙", "长沙经济技术开发区"]


def test_a_new_district_named_by_a_word_of_its_own(recognizer):
    _, found = _mentions("青岛西海岸新区的码头上，工人在作业。重庆两江新区也一样。", recognizer)
    assert sorted(t for t, label in found if label == "Place") == ["重庆两江新区", "青岛西海岸新区"]
    _, found = _mentions("这个新区正在建设，建设新区需要人。", recognizer)
    assert [t for t, label in found if label == "Place"] == []


def test_brands_that_are_compass_words_or_rare_adjectives(recognizer):
    _, found = _mentions("王晓东被分到东方锅炉厂金工车间，后来调到宏远集团。他在一家锅炉厂上过班。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == ["东方锅炉厂", "东方锅炉厂金工车间", "宏远集团"]
    _, found = _mentions("班长王建国在恒暖燃气公司干了十年。", recognizer)  # 恒暖: no dictionary word, tagged an
    assert [t for t, label in found if label == "Organization"] == ["恒暖燃气公司"]


def test_a_river_or_mountain_named_after_a_county_is_no_place(recognizer):
    _, found = _mentions("澜沧江畔、祁连山下，澜沧拉祜族自治县和祁连县的职工在忙。", recognizer)
    assert sorted(t for t, label in found if label == "Place") == ["澜沧拉祜族自治县", "祁连县"]


def test_a_given_name_that_reads_as_a_word_with_the_speech_verb(recognizer):
    _, found = _mentions("黄德明说，他在车间干了30年。李明又说，还要再干十年。", recognizer)
    assert sorted(t for t, label in found if label == "Person") == ["李明", "黄德明"]


def test_a_name_that_speaks_while_doing_something_else(recognizer):
    _, found = _mentions("高建国一边检查设备，一边向记者介绍：“这台机器已经运行了十年。”", recognizer)
    assert ("高建国", "Person") in found


def test_no_body_from_a_clause_that_ends_in_a_body_s_suffix(recognizer):
    text = "今年全省新建和改造提升服务驿站500个。电站正在建设智慧电厂。他从普通机械操作工干起。目前花旗集团很忙。"
    _, found = _mentions(text, recognizer)
    assert sorted(t for t, label in found if label == "Organization") == ["花旗集团"]


def test_an_honor_in_quotes_before_a_title_of_merit(recognizer):
    _, found = _mentions("雷振宇今年又被授予“全国119消防奖”先进个人称号。", recognizer)
    assert ("全国119消防奖", "Honor") in found


def test_a_verb_and_its_complement_between_titles_is_no_name(recognizer):
    _, found = _mentions("冉德华19岁进入钻井队，从场地工、井架工干到司钻、队长。", recognizer)
    assert sorted(t for t, label in found if label == "Person") == ["冉德华"]


def test_a_preposition_the_dictionary_joins_to_a_name_is_no_part_of_a_body(recognizer):
    for text in ("他从潇湘机电职业技术学院毕业。", "2015年从潇湘机电职业技术学院毕业后，他进了工厂。"):
        orgs = [m.text for m in extract_mentions(Document("d", text), recognizer).mentions if m.label == "Organization"]
        assert orgs == ["潇湘机电职业技术学院"], text


def test_a_given_name_alone_that_is_also_a_county_is_the_person(recognizer):
    dm = extract_mentions(Document("d", "贺永胜是班长。“永胜这孩子，肯吃苦。”老人说。"), recognizer)
    assert [(m.text, m.label) for m in dm.mentions] == [("贺永胜", "Person"), ("永胜", "Person")]
    dm = extract_mentions(Document("d", "王建平来自建平县。他说建平变化很大。"), recognizer)
    assert ("建平", "Place") in [(m.text, m.label) for m in dm.mentions]


def _orgs(text, recognizer):
    return [m.text for m in extract_mentions(Document("d", text), recognizer).mentions if m.label == "Organization"]


def test_brands_of_ordinary_words_or_verbs_before_a_trade_and_a_legal_form(recognizer):
    assert _orgs("畅途出行科技有限公司郑州分公司负责人李斌介绍，好。", recognizer) == [
        "畅途出行科技有限公司", "畅途出行科技有限公司郑州分公司"]
    assert _orgs("曹操出行科技有限公司司机王强说，好。", recognizer) == ["曹操出行科技有限公司"]
    assert _orgs("享道出行科技有限公司司机王强说，好。", recognizer) == ["享道出行科技有限公司"]
    assert "了以野战机动医院" not in _orgs("我军已构成了以野战机动医院为骨干的体系。", recognizer)


def test_common_words_are_no_body_and_a_suffix_read_into_a_word_ends_none(recognizer):
    assert _orgs("这样做就是提升城市建设的质量。", recognizer) == []
    assert _orgs("郑州市网约车行业工会联合会今天成立。", recognizer) == ["郑州市网约车行业工会联合会"]


def test_a_body_named_after_叫_or_belonging_to_another(recognizer):
    assert _orgs("这家企业叫宁波鑫锐精密机械有限公司，有工人80名。", recognizer) == ["宁波鑫锐精密机械有限公司"]
    dm = extract_mentions(Document("d", "溆浦桥隧车间隶属于中南铁路局集团有限公司怀化工务段，管辖桥梁。"), recognizer)
    assert ("溆浦桥隧车间", "中南铁路局集团有限公司怀化工务段") in dm.units


def _people(text, recognizer):
    _, found = _mentions(text, recognizer)
    return sorted(name for name, label in found if label == "Person")


def test_names_in_a_list_beside_a_name_found(recognizer):
    assert _people("近年来，黄桂英、罗志强、梁月娥等一批环卫工人获评劳动模范。", recognizer) == ["梁月娥", "罗志强", "黄桂英"]
    assert _people("本月底前，全月产量要翻番。", recognizer) == []


def test_a_family_name_before_a_county_s_short_name_is_one_person(recognizer):
    assert _people("拿到钱那天，郜长顺给我们送来一面锦旗。", recognizer) == ["郜长顺"]
    assert _people("倒计时开始，贺澳门回归。", recognizer) == []


def test_a_name_after_a_description_by_nationality(recognizer):
    assert _people("跟他搭档的，是彝族小伙普成林。", recognizer) == ["普成林"]
    assert _people("20岁的蒙古族青年宝音图响应号召来到林场。", recognizer) == ["宝音图"]
    assert _people("公司少数民族职工占六成。", recognizer) == []
    assert _people("彝族姑娘吉克阿呷正把包裹翻正。", recognizer) == ["吉克阿呷"]


def _places(text, recognizer):
    _, found = _mentions(text, recognizer)
    return sorted(name for name, label in found if label == "Place")


def test_towns_and_streets_under_a_place(recognizer):
    assert _places("早上，江苏南通市海门区三厂街道，工人们上班了。", recognizer) == [
        "三厂街道", "南通市", "江苏", "海门区"]
    assert _places("他出生在阿巴嘎旗别力古台镇，后到新源县那拉提镇卫生院。", recognizer) == [
        "别力古台镇", "新源县", "那拉提镇", "阿巴嘎旗"]
    assert _places("甘肃省渭源县农村建起日光温室。", recognizer) == ["渭源县", "甘肃省"]


def test_villages_and_townships_of_inner_mongolia_and_a_district_s_own_zone(recognizer):
    assert _places("来到锡林浩特市巴彦宝力格嘎查牧民家，又去了阿巴嘎旗洪格尔高勒苏木。", recognizer) == [
        "巴彦宝力格嘎查", "洪格尔高勒苏木", "锡林浩特市", "阿巴嘎旗"]
    assert _places("浙江省绍兴市柯桥区滨海工业区，厂房里很忙。淮南市窑河乡农民蒋玉祥说，好。", recognizer) == [
        "柯桥区", "浙江省", "淮南市", "滨海工业区", "窑河乡", "绍兴市"]


def test_stations_named_by_their_place_are_units(recognizer):
    _, found = _mentions("平鲁装车站站长贺文亮说，好。锡林浩特输电运维站站长刘振东说，好。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == ["平鲁装车站", "锡林浩特输电运维站"]


def test_bodies_counted_are_no_named_body(recognizer):
    _, found = _mentions("北原电网有限公司在内蒙古设有多家供电公司。市里将选树一批劳模创新工作室。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == ["北原电网有限公司"]


def test_a_town_named_like_a_city_is_the_town(recognizer):
    assert _places("在离海边不远的三沙镇，三沙供电所的电话响个不停。", recognizer) == ["三沙镇"]
    assert "民和镇" not in _places("肖更民和镇长麦达通一起走访。", recognizer)  # 镇长 is a title


def test_given_names_ending_in_year_and_regional_family_names(recognizer):
    assert _people("金穗食品总经理田丰年告诉记者，好。", recognizer) == ["田丰年"]
    assert _people("列车长刀艳芳带着乘务员巡视，分拣班组长楼国华盯着屏幕。", recognizer) == ["刀艳芳", "楼国华"]
    assert _people("这些年，当年的青年都老了。", recognizer) == []


def test_a_profile_s_dek_verb_is_no_part_of_the_body(recognizer):
    dm, found = _mentions("### 记唐山恒岳钢铁集团有限公司热轧厂首席技师刘振国\n\n刘振国在轧线上干了37年。", recognizer)
    assert sorted(name for name, label in found if label == "Organization") == [
        "唐山恒岳钢铁集团有限公司", "唐山恒岳钢铁集团有限公司热轧厂"]


def test_a_given_name_the_dictionary_reads_as_an_adverb_unless_it_starts_a_word(recognizer):
    assert _people("王刚是车间主任，今年45岁。", recognizer) == ["王刚"]
    assert _people("李正在车间里检查设备。", recognizer) == []  # 正在 (in the middle of): no 李正


def test_the_taggers_name_edges_checked_against_words_around_it(recognizer):
    assert _people("唐浩最看重的是技能培训。", recognizer) == ["唐浩"]  # 最 ends no given name
    assert _people("运行值长韦德明当选兼职副主席。", recognizer) == ["韦德明"]  # not the dictionary's 韦德
    assert _people("郝建荣带着几个老师傅连续攻关四个月。", recognizer) == ["郝建荣"]  # no 傅连续
    assert _people("其中回族职工占三成多。", recognizer) == []
    assert _people("周志刚说，好。", recognizer) == ["周志刚"]  # 刚 does end given names


def test_units_named_after_a_local_place_and_a_park_union(recognizer):
    dm, _ = _mentions("蓉北物流园联合工会主席刘红英说，好。前湾引航站站长刘振邦介绍，好。"
                      "农美兰是德保县公路养护中心敬德养护站的一名养护工。", recognizer)
    assert sorted(m.text for m in dm.mentions if m.label == "Organization") == [
        "前湾引航站", "德保县公路养护中心", "德保县公路养护中心敬德养护站", "蓉北物流园联合工会"]


def test_short_forms_of_an_organization(recognizer):
    assert "宏达重工" in org_cores("洛阳市宏达重工有限公司", recognizer.lex, recognizer)
    assert "华建公司" in org_cores("安徽华建建设工程有限公司", recognizer.lex, recognizer)  # the brand and the class
    assert "中车公司" not in org_cores("中车株洲电力机车有限公司", recognizer.lex, recognizer)  # 中车 is the group
    assert "宏达重工有限" not in org_cores("宏达重工有限公司", recognizer.lex, recognizer)
    assert org_cores("宏达重工有限公司郑州分公司", recognizer.lex, recognizer) == ["郑州分公司"]
    # the brand and its first trade, when more follows it: 恒暖燃气 (not 明珠电梯安装工, a title the tagger joined)
    assert org_cores("沈阳恒暖燃气工程抢修有限公司", recognizer.lex, recognizer)[-1] == "恒暖燃气"
    assert not any(c.startswith("明珠电梯") and len(c) == 7 for c in org_cores("广州明珠电梯安装工程有限公司", recognizer.lex, recognizer))
    assert org_cores("宇通客车股份有限公司", recognizer.lex, recognizer) == ["宇通客车", "宇通公司"]


def test_a_unit_named_after_a_body_s_short_form_is_its_unit(recognizer):
    dm, _ = _mentions("洛阳市宏达重工有限公司是一家老企业。宏达重工抢修站站长王建国说好。", recognizer)
    assert dm.units == (("宏达重工抢修站", "宏达重工"),)
    dm, _ = _mentions("巴蜀石油钻探工程有限公司是巴蜀石油天然气集团有限公司的子公司。", recognizer)
    assert dm.units == ()  # a group is no unit of the company whose brand and trade open its name


def test_a_name_the_tagger_ran_into_a_verb_of_function(recognizer):
    _, found = _mentions("李红是一名话务员。", recognizer)
    assert found == {("李红", "Person")}


def test_a_body_s_short_form_is_a_mention_where_the_article_uses_it(recognizer):
    dm, _ = _mentions("哈尔滨北疆锅炉有限公司今年招了50人。北疆锅炉的车间里很热闹。", recognizer)
    assert [(m.text, m.span.start) for m in dm.mentions if m.label == "Organization"] == [
        ("哈尔滨北疆锅炉有限公司", 0), ("北疆锅炉", 19)]


def test_units_named_by_a_trade_after_their_body(recognizer):
    _, found = _mentions("他走进翔宇航空工程技术有限公司西安维修基地。在龙岗区总工会职工法律援助工作站，工人们排队。", recognizer)
    assert ("翔宇航空工程技术有限公司西安维修基地", "Organization") in found
    assert ("龙岗区总工会职工法律援助工作站", "Organization") in found
    _, found = _mentions("三江垦殖集团东岗分公司所属的青禾农场。", recognizer)
    assert ("三江垦殖集团东岗分公司所", "Organization") not in found


def test_a_trade_in_a_place_is_no_company(recognizer):
    _, found = _mentions("郑州市快递行业的小哥们看过回信后很自豪。深圳速达即时配送有限公司的骑手也很高兴。", recognizer)
    assert {text for text, label in found if label == "Organization"} == {"深圳速达即时配送有限公司"}


def test_works_named_by_a_trade_after_their_body_and_then_by_their_own_name(recognizer):
    dm, _ = _mentions("塞北钢铁集团特殊钢有限公司热轧厂的生产线上很热。热轧厂厂长王振海介绍，厂里在建新线。", recognizer)
    assert [(m.text, m.span.start) for m in dm.mentions if m.label == "Organization"] == [
        ("塞北钢铁集团", 0), ("塞北钢铁集团特殊钢有限公司", 0), ("塞北钢铁集团特殊钢有限公司热轧厂", 0),
        ("热轧厂", 13), ("热轧厂", 24)]
    assert dm.units == (("塞北钢铁集团特殊钢有限公司", "塞北钢铁集团"),
                        ("塞北钢铁集团特殊钢有限公司热轧厂", "塞北钢铁集团特殊钢有限公司"))


def test_a_family_name_the_tagger_left_out_after_a_word_that_describes_a_person(recognizer):
    _, found = _mentions("仫佬族小伙银海涛是工作室里最年轻的成员。姑娘和海涛是同事。", recognizer)
    assert sorted(text for text, label in found if label == "Person") == ["海涛", "银海涛"]


def test_a_clause_before_a_known_body_is_no_part_of_its_name(recognizer):
    _, found = _mentions("一是落实中华全国总工会的部署。我们要落实中华全国总工会的部署。", recognizer)
    assert {text for text, label in found if label == "Organization"} == {"中华全国总工会"}


def test_a_body_of_a_kind_is_no_name(recognizer):
    _, found = _mentions("她大学毕业后在杭州一家电商公司做运营。记者来到福建安溪一家茶叶合作社。"
                         "他在一家名为宏达重工有限公司的企业工作。", recognizer)
    assert {text for text, label in found if label == "Organization"} == {"宏达重工有限公司"}


def test_the_short_forms_of_a_group_s_company_are_its_own_name_s(recognizer):
    assert org_cores("远港集团大连海晟重工有限公司", recognizer.lex, recognizer) == [
        "大连海晟重工有限公司", "远港集团大连海晟重工", "大连海晟重工", "海晟重工有限公司", "海晟重工", "海晟公司"]


def test_names_not_run_into_a_title_a_verb_or_a_doubled_character(recognizer):
    _, found = _mentions("天刚蒙蒙亮，作业队队长侯德顺已经出发。傍晚收工，邹德海又把滕佳叫到试板前。"
                         "他的身旁，副司钻努尔兰·托合塔尔紧盯着仪表盘。", recognizer)
    assert sorted(text for text, label in found if label == "Person") == ["侯德顺", "努尔兰·托合塔尔", "滕佳", "邹德海"]


def test_a_person_who_learned_is_no_society(recognizer):
    _, found = _mentions("内科护士长萨仁图雅推着治疗车。她跟着萨仁图雅学会了蒙古语。王家骏创新工作室成立了。", recognizer)
    assert {text for text, label in found if label == "Organization"} == {"王家骏创新工作室"}


def test_no_name_from_a_noun_before_a_title_nor_a_body_from_a_person_at_college(recognizer):
    _, found = _mentions("沧州渤通港务有限公司门机司机刘春燕说，好。乔宇航今年25岁。95后的乔宇航大学学的是自动化。", recognizer)
    assert sorted(text for text, label in found if label == "Person") == ["乔宇航", "刘春燕"]
    assert {text for text, label in found if label == "Organization"} == {"沧州渤通港务有限公司"}


def test_a_family_name_that_is_also_a_conjunction_stands_after_a_title_or_a_quote(recognizer):
    text = ("运行一值值长和国强正盯着大屏幕。“汛期快到了。”和国强说。"
            "世界银行和亚洲开发银行决定停止贷款。机场和海港都已关闭。")
    dm, found = _mentions(text, recognizer)
    assert [m.span.start for m in dm.mentions if m.label == "Person"] == [6, 24]
    assert {name for name, label in found if label == "Person"} == {"和国强"}


def test_minority_names_the_tagger_reads_as_a_han_name_or_cuts(recognizer):
    text = ("合作社的兽医桑杰东智是夏河县人。除冰车司机古丽米热·阿不都热合曼是班里唯一的女队员。"
            "“开始家里人不放心。”古丽米热笑着说。")
    _, found = _mentions(text, recognizer)
    assert {name for name, label in found if label == "Person"} == {"桑杰东智", "古丽米热·阿不都热合曼", "古丽米热"}


def test_a_name_after_a_title_before_a_preposition_s_phrase(recognizer):
    _, found = _mentions("“一吨熟料省一公斤煤。”熟料车间主任何建平给记者算了一笔账。", recognizer)
    assert {name for name, label in found if label in ("Person", "Place")} == {"何建平"}


def test_a_township_or_village_named_without_its_county(recognizer):
    text = ("线路从县城出发，经椿木营乡开到最远的大岩坪村。“有了这趟车，赶集方便多了。”大岩坪村村民张大爷说。"
            "他回到农村，在山村小学教书，回到家乡的小山村。")
    _, found = _mentions(text, recognizer)
    assert {name for name, label in found if label == "Place"} == {"椿木营乡", "大岩坪村"}


def test_an_industrial_park_named_by_its_trade_keeps_its_district(recognizer):
    _, found = _mentions("公司位于柳州市柳南区螺蛳粉产业园。另一家公司落户柯桥区滨海工业区。", recognizer)
    assert {name for name, label in found if label == "Place"} == {
        "柳州市", "柳南区螺蛳粉产业园", "柯桥区", "滨海工业区"}


def test_units_named_by_a_station_a_hotline_or_customs(recognizer):
    text = ("凌晨1点，济南市12345市民服务热线中心的受理大厅里灯火通明。霍尔果斯海关监管科副科长蔡文静说，今年很忙。"
            "车上是沈阳恒暖燃气工程抢修有限公司北陵抢修站二班的5名抢修工。广州建成1200余个工会驿站。")
    _, found = _mentions(text, recognizer)
    assert {name for name, label in found if label == "Organization"} == {
        "济南市12345市民服务热线中心", "霍尔果斯海关", "霍尔果斯海关监管科", "沈阳恒暖燃气工程抢修有限公司",
        "沈阳恒暖燃气工程抢修有限公司北陵抢修站"}


def test_a_name_the_tagger_cut_short_after_running_into_a_title(recognizer):
    _, found = _mentions("修复师马玉洁戴着头灯，趴在脚手架上。", recognizer)
    assert {name for name, label in found if label == "Person"} == {"马玉洁"}


def test_places_of_a_town_whose_name_starts_with_its_level_and_no_place_in_a_bureau(recognizer):
    text = ("江苏省苏州市高新区镇湖街道的绣品街上很热闹。大象出现在勐腊县关坪村外的橡胶林边。"
            "周至县农业农村局高级农艺师陈立平说，今年很忙。宣恩县通达城乡客运有限公司很忙。")
    _, found = _mentions(text, recognizer)
    assert {name for name, label in found if label == "Place"} == {
        "江苏省", "苏州市高新区", "镇湖街道", "勐腊县", "关坪村", "周至县", "宣恩县"}


def test_a_team_named_in_quotes_is_a_unit_of_the_body_that_has_it(recognizer):
    text = ("九江恒远物流有限公司有一支由26名女司机组成的“玫瑰车队”，队长熊丽说今年很忙。"
            "备好热饭、姜汤和取暖设备。")
    dm, found = _mentions(text, recognizer)
    assert {name for name, label in found if label in ("Organization", "Person")} == {
        "九江恒远物流有限公司", "玫瑰车队", "熊丽"}
    assert dm.units == (("玫瑰车队", "九江恒远物流有限公司"),)


def test_a_party_to_a_contract_is_no_part_of_the_body_s_name(recognizer):
    _, found = _mentions("农民工受雇于劳务分包方陕西宏远建筑劳务有限公司。用工方宏达重工有限公司表示同意。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == ["宏达重工有限公司", "陕西宏远建筑劳务有限公司"]


def test_a_county_s_short_name_after_a_province_that_holds_no_such_county_is_a_brand(recognizer):
    _, found = _mentions("约谈总承包方陕西长丰建工集团有限公司。安徽长丰的农民、湖南长沙的工人都来了。", recognizer)
    assert sorted(t for t, label in found if label == "Place") == ["安徽", "湖南", "长丰", "长沙", "陕西"]


def test_ou_is_a_family_name_that_needs_a_name_after_it(recognizer):
    _, found = _mentions("班长区志强钻进车底。区委书记王建国说好。区总工会主席李红说。", recognizer)
    assert sorted(t for t, label in found if label == "Person") == ["区志强", "李红", "王建国"]


def test_places_a_language_a_bare_town_of_bound_morphemes_and_a_county_made_a_city(recognizer):
    _, found = _mentions("她开设了朝鲜语培训班，家就在不远的勐卯镇，常去青海省黄南藏族自治州同仁市。", recognizer)
    assert sorted(t for t, label in found if label == "Place") == ["勐卯镇", "同仁市", "青海省", "黄南藏族自治州"]


def test_a_company_by_its_brand_and_last_trade_or_by_its_product(recognizer):
    assert "通达物流" in org_cores("瑞丽通达国际物流有限公司", recognizer.lex, recognizer)
    assert "车桥公司" in org_cores("武当汽车车桥有限公司", recognizer.lex, recognizer)
    assert "物流公司" not in org_cores("瑞丽通达国际物流有限公司", recognizer.lex, recognizer)  # a trade, too wide


def test_a_dotted_name_the_tagger_ran_on_past(recognizer):
    _, found = _mentions("“一平方米要打14万多个结。”46岁的帕提古丽·吐尔洪头也不抬地说。", recognizer)
    assert [t for t, label in found if label == "Person"] == ["帕提古丽·吐尔洪"]


def test_a_cooperative_named_by_a_brand_and_a_design_studio(recognizer):
    _, found = _mentions("走进洛浦县多鲁乡的丝路花毯农民专业合作社。绿禾蔬菜种植专业合作社也来了。村里成立了蔬菜种植专业合作社，"
                         "货车驶出合作社大院。合作社与乌鲁木齐的天山织语设计工作室合作。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == [
        "丝路花毯农民专业合作社", "天山织语设计工作室", "绿禾蔬菜种植专业合作社"]


def test_a_province_and_a_brand_the_tagger_read_as_a_name_open_the_body_s_name(recognizer):
    _, found = _mentions("山西晋承古建筑修缮工程有限公司总经理任建平介绍，公司有工匠80多人。", recognizer)
    assert [t for t, label in found if label == "Organization"] == ["山西晋承古建筑修缮工程有限公司"]


def test_a_unit_of_a_body_named_by_its_level(recognizer):
    dm, _ = _mentions("西安市总工会发布通知。由市总工会职工法律援助中心派律师常驻。记者向市总工会了解到。", recognizer)
    assert dm.units == (("市总工会职工法律援助中心", "市总工会"),)
    assert [m.span.start for m in dm.mentions if m.text == "市总工会"] == [2, 12, 33]  # (2: inside 西安市总工会)


def test_a_plant_named_by_its_city_or_brand_and_its_trade(recognizer):
    _, found = _mentions("她是新疆和田地毯厂的织工，丈夫在景德镇瓷器厂当学徒，哥哥是郑州红星服装厂的工人，父亲退休前在宇通客车厂。"
                         "洛阳工厂越来越多，他1962年从农村招工进厂，家在海门区三厂街道。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == [
        "宇通客车厂", "新疆和田地毯厂", "景德镇瓷器厂", "郑州红星服装厂"]
    assert {"和田", "三厂街道"} <= {t for t, label in found if label == "Place"}  # (和田 is not 和田地(区))


def test_a_listed_name_the_tagger_ran_into_an_adverb_s_word(recognizer):
    _, found = _mentions("质检员李娜正在检查镜片。质检员李娜娜说，镜片合格。", recognizer)
    assert sorted(t for t, label in found if label == "Person") == ["李娜", "李娜娜"]


def test_a_college_of_a_university_whose_words_the_dictionary_runs_together(recognizer):
    dm, found = _mentions("青海民族大学美术学院教授才让说，唐卡是藏族的瑰宝。", recognizer)
    assert sorted(t for t, label in found if label == "Organization") == ["青海民族大学", "青海民族大学美术学院"]
    assert dm.units == (("青海民族大学美术学院", "青海民族大学"),)


def test_a_town_and_its_village_named_together(recognizer):
    _, found = _mentions("他家住在稻田镇崔家庄村。她来自河南省周口市郸城县汲冢镇石庄村。", recognizer)
    assert sorted(t for t, label in found if label == "Place") == [
        "周口市", "崔家庄村", "汲冢镇", "河南省", "石庄村", "稻田镇", "郸城县"]


def test_the_whole_prefecture_learning_and_the_family_name_sa(recognizer):
    _, found = _mentions("全州现有绣娘3000多人。他来自广西全州。丁小梅刚学会用手机。工作人员撒丽娟是回族。", recognizer)
    assert sorted(found) == [("丁小梅", "Person"), ("全州", "Place"), ("广西", "Place"), ("撒丽娟", "Person")]


def test_short_forms_by_an_optics_trade_an_abbreviated_trade_and_a_three_character_brand(recognizer):
    assert "瓯澄光学" in org_cores("温州瓯澄光学科技有限公司", recognizer.lex, recognizer)
    assert "锦溪文创" in org_cores("长沙锦溪文化创意有限公司", recognizer.lex, recognizer)
    assert "杞丰源" in org_cores("宁夏杞丰源生物科技有限公司", recognizer.lex, recognizer)
    assert "宇通" not in org_cores("郑州宇通客车股份有限公司", recognizer.lex, recognizer)  # two characters: too wide


def test_a_name_after_de_that_its_age_vouches_for(recognizer):
    _, found = _mentions("坐在她旁边的孙小雨今年23岁。大家的目标明确。", recognizer)
    assert sorted(t for t, label in found if label == "Person") == ["孙小雨"]


def test_a_place_inside_its_people_s_word_and_two_places_the_dictionary_joins(recognizer):
    _, found = _mentions("周建平是江苏南通人。上海浦东祝桥镇，东海之滨。她出生在宜宾市叙州区。", recognizer)
    assert sorted(t for t, label in found if label == "Place") == sorted(["江苏", "南通", "上海", "浦东", "祝桥镇", "宜宾市", "叙州区"])


def test_no_name_of_a_verb_after_a_title_or_of_learning_after_a_master(recognizer):
    _, found = _mentions("工会在司机常去的充电站设点宣传。去年她回村跟着杨雪学烘焙。电解工朝格图抹了一把汗。", recognizer)
    assert sorted(t for t, label in found if label == "Person") == ["朝格图", "杨雪"]


def test_names_after_a_word_ending_in_a_title_and_before_an_adverb_or_a_followed_one_s_verb(recognizer):
    text = ("车间的老师傅彭志坚带他入了门。1990年出生的钱浩，回到了家乡。钱浩先在自家大棚试种新品种。"
            "工人们说：“跟着钱浩干，心里踏实。”老师傅连续干了三天。藏族青年扎西顿珠是班组里的一名操作工。")
    _, found = _mentions(text, recognizer)
    assert sorted(t for t, label in found if label == "Person") == sorted(["彭志坚", "钱浩", "扎西顿珠"])


def test_a_company_s_short_name_of_its_trade_is_no_person_and_a_building_no_place(recognizer):
    _, found = _mentions("林海矿业是一家上市公司。他修过和平楼、怀远楼等老楼。长沙楼市回暖。", recognizer)
    assert not any(label == "Person" for _, label in found)
    assert sorted(t for t, label in found if label == "Place") == ["长沙"]


def test_departments_of_an_autonomous_region_by_its_level_and_a_ministry(recognizer):
    text = ("新疆维吾尔自治区塔城地区沙湾市举行大会。今年自治区总工会还将联合自治区人力资源和社会保障厅举办竞赛。"
            "交通运输部派出工作组。教育部门和公安部门参加。")
    _, found = _mentions(text, recognizer)
    orgs = sorted(t for t, label in found if label == "Organization")
    assert orgs == sorted(["自治区总工会", "自治区人力资源和社会保障厅", "交通运输部"])
    assert ("沙湾市", "Place") in found
