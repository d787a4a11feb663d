"""Facts found in handmade articles: memberships, awards, quotes, structure."""
from __future__ import annotations

import pytest

from kg.extract import extract_mentions
from kg.relate import find_relations, organization_places, profile_people
from kg.types import Document

PROFILE = """### 洛阳金鼎集团有限公司铸造车间班组长赵红英——

# 炉火映初心

赵红英在车间查看铁水温度。

“每一炉铁水都不能出错。”赵红英说。

在赵红英看来，技术没有捷径。她说，只有多练才能出精品。

全国劳动模范、洛阳市总工会兼职副主席孙立平：她是我们的榜样，值得大家学习。
"""

ROUNDUP = """2025年，河南省88人获评全国劳动模范。

王建国：深耕一线三十年

王建国是洛阳市宏达重工有限公司首席技师。

李红梅：守护职工权益

李红梅在基层工作多年。
"""


def _facts(text, recognizer):
    doc = Document("d", text)
    dm = extract_mentions(doc, recognizer)
    return dm, find_relations(doc, dm, recognizer)


def _kind(relations, kind):
    return sorted((r.subject, r.object, r.role or r.text) for r in relations if r.kind == kind)


def test_headline_chain_gives_the_post(recognizer):
    _, rels = _facts(PROFILE, recognizer)
    assert ("Person:赵红英", "Organization:洛阳金鼎集团有限公司", "班组长") in _kind(rels, "membership")


def test_chain_honors_and_posts(recognizer):
    _, rels = _facts(PROFILE, recognizer)
    assert _kind(rels, "award") == [("Person:孙立平", "Honor:全国劳动模范", None)]
    assert ("Person:孙立平", "Organization:洛阳市总工会", "兼职副主席") in _kind(rels, "membership")


def test_quote_patterns(recognizer):
    _, rels = _facts(PROFILE, recognizer)
    assert _kind(rels, "quote") == [
        ("Person:孙立平", None, "她是我们的榜样，值得大家学习。"),
        ("Person:赵红英", None, "只有多练才能出精品。"),
        ("Person:赵红英", None, "技术没有捷径。"),
        ("Person:赵红英", None, "每一炉铁水都不能出错。"),
    ]


def test_units_are_part_of_their_parent(recognizer):
    _, rels = _facts(PROFILE, recognizer)
    assert ("Organization:洛阳金鼎集团有限公司铸造车间", "Organization:洛阳金鼎集团有限公司", None) in _kind(rels, "suborganization")


def test_roundup_honor_goes_to_each_profiled_person(recognizer):
    dm, rels = _facts(ROUNDUP, recognizer)
    assert [p.text for p in profile_people(Document("d", ROUNDUP), dm)] == ["王建国", "李红梅"]
    assert _kind(rels, "award") == [("Person:李红梅", "Honor:全国劳动模范", None),
                                    ("Person:王建国", "Honor:全国劳动模范", None)]
    assert ("Person:王建国", "Organization:洛阳市宏达重工有限公司", "首席技师") in _kind(rels, "membership")


def test_no_roundup_without_profiles(recognizer):
    _, rels = _facts("2025年，河南省88人获评全国劳动模范。王建国说，这是大家的荣誉。", recognizer)
    assert _kind(rels, "award") == []


@pytest.mark.parametrize(("name", "place"), [
    ("郑州市中原区总工会", "中原区"),
    ("国网青海省电力公司", "青海省"),
    ("郑州高新区工会", "郑州高新区"),
    ("宏达重工有限公司", None),
])
def test_organization_places(recognizer, name, place):
    assert organization_places(name, recognizer.lex) == place


@pytest.mark.parametrize(("text", "fact"), [
    ("据介绍，张海涛是中国石化镇海炼化分公司的一名操作工。",
     ("membership", "Person:张海涛", "Organization:中国石化镇海炼化分公司", "操作工")),
    ("王建国，洛阳市宏达重工有限公司首席技师，1990年参加工作。",
     ("membership", "Person:王建国", "Organization:洛阳市宏达重工有限公司", "首席技师")),
    ("李红梅（南阳市恒信电力有限公司工程师）介绍，团队今年完成技改项目12项。",
     ("quote", "Person:李红梅", None, "团队今年完成技改项目12项。")),
    ("“要让每一名职工都有获得感。”江西省总工会党组书记、常务副主席陈国华说。",
     ("membership", "Person:陈国华", "Organization:江西省总工会", "常务副主席")),
    ("带电作业班班长孟凡军从业25年，先后获得全国五一劳动奖章、山东省劳动模范等荣誉。",
     ("award", "Person:孟凡军", "Honor:山东省劳动模范", None)),
    ("“孟师傅手把手教我，我才有了今天。”徒弟刘洋说。",
     ("quote", "Person:刘洋", None, "孟师傅手把手教我，我才有了今天。")),
    ("全国总工会副主席、书记处第一书记徐留平出席并讲话。",
     ("membership", "Person:徐留平", "Organization:全国总工会", "副主席")),
    # a name the tagger finds after a title, followed by no speech verb
    ("来自湖南省株洲市的株洲恒达机车有限公司高级技师李红梅荣获全国五一劳动奖章。",
     ("membership", "Person:李红梅", "Organization:株洲恒达机车有限公司", "高级技师")),
    ("桥吊司机张丽娜正在操作。作为青岛港创新团队成员，她先后获得山东省富民兴鲁劳动奖章、全国三八红旗手等荣誉。",
     ("award", "Person:张丽娜", "Honor:山东省富民兴鲁劳动奖章", None)),
    ("郑州市人力资源和社会保障局局长王伟说：“要做好就业。”",
     ("membership", "Person:王伟", "Organization:郑州市人力资源和社会保障局", "局长")),
    ("获奖者代表、国网天津市电力公司带电作业班班长张黎明说：“荣誉是鞭策。”",
     ("quote", "Person:张黎明", None, "荣誉是鞭策。")),
    ("中国中铁股份有限公司工会副主席赵国庆表示，将发挥劳模的示范作用。",
     ("membership", "Person:赵国庆", "Organization:中国中铁股份有限公司", "工会副主席")),
    ("从电焊工成长为盾构专家，刘建军用了20年。2023年，他又获评“湖北工匠”。",
     ("award", "Person:刘建军", "Honor:湖北工匠", None)),
    ("### 中铁十一局集团有限公司第三工程公司盾构机长刘建军——\n",
     ("membership", "Person:刘建军", "Organization:中铁十一局集团有限公司第三工程公司", "盾构机长")),
    ("全国人大常委会港澳基本法委员会主任王兆国及国务院港澳办副主任刘名启出席了会议。",
     ("membership", "Person:王兆国", "Organization:全国人大常委会港澳基本法委员会", "主任")),
    ("他和芬兰外长哈洛宁举行了会谈。", ("membership", "Person:哈洛宁", None, "外长")),
    ("“劳模不是天生的。”全国劳动模范、北京市公共交通控股（集团）有限公司第一客运分公司驾驶员李素丽说。",
     ("membership", "Person:李素丽", "Organization:北京市公共交通控股（集团）有限公司第一客运分公司", "驾驶员")),
    ("第三采油厂厂长杨涛表示，厂里已经成立“白亚龙劳模创新工作室”。",
     ("membership", "Person:杨涛", "Organization:第三采油厂", "厂长")),
    ("今年58岁的罗昭强，是中华技能大奖获得者、2022年“大国工匠年度人物”。",
     ("award", "Person:罗昭强", "Honor:大国工匠年度人物", None)),
    ("今年58岁的罗昭强，是中华技能大奖获得者。", ("award", "Person:罗昭强", "Honor:中华技能大奖", None)),
    ("李长江是全国劳动模范、“齐鲁大工匠”。2003年，他从职业技术学院毕业。",
     ("award", "Person:李长江", "Honor:齐鲁大工匠", None)),
    ("王强，也是全国劳动模范。", ("award", "Person:王强", "Honor:全国劳动模范", None)),
    ("“现在家门口就有工会。”秣陵街道社区工会联合会主席张红梅说。",
     ("membership", "Person:张红梅", "Organization:秣陵街道社区工会联合会", "主席")),
    ("全国总工会书记处书记王立新介绍，大赛已举办两届。",
     ("membership", "Person:王立新", "Organization:全国总工会", "书记处书记")),
    ("走进车间，“大国工匠”罗昭强正手把手教徒弟调试设备。", ("award", "Person:罗昭强", "Honor:大国工匠", None)),
    ("“过去一个班要20多人，现在只要5个人。”综采一队队长张永刚指着监控屏幕说。",
     ("quote", "Person:张永刚", None, "过去一个班要20多人，现在只要5个人。")),
    ("神东煤炭集团党委副书记、工会主席李海波告诉记者，集团已建成智能化工作面80余个。",
     ("membership", "Person:李海波", "Organization:神东煤炭集团", "工会主席")),
    ("祝捷原是大连电风扇厂工人，下岗后来到居委会工作。",
     ("membership", "Person:祝捷", "Organization:大连电风扇厂", "工人")),
    ("河南省总工会、河南省教育厅联合主办活动。省教育厅副厅长刘冬梅出席。",
     ("membership", "Person:刘冬梅", "Organization:省教育厅", "副厅长")),
    ("车间主任、江苏省劳动模范吴海峰正带着几名青年职工调试设备。", ("membership", "Person:吴海峰", None, "车间主任")),
    ("江苏省总工会党组书记、常务副主席顾万峰表示，将深化改革。",
     ("membership", "Person:顾万峰", "Organization:江苏省总工会", "常务副主席")),
    ("人力资源和社会保障部副部长王志军在闭幕式上致辞。",
     ("membership", "Person:王志军", "Organization:人力资源和社会保障部", "副部长")),
])
def test_patterns_of_the_genre(recognizer, text, fact):
    _, rels = _facts(text, recognizer)
    kind, subject, obj, detail = fact
    assert (subject, obj, detail) in _kind(rels, kind)


def test_pronoun_after_an_unnamed_person_is_not_resolved(recognizer):
    text = ("“我们要把好事办好。”上海市长宁区总工会主席周建华说。\n\n"
            "在虹桥街道，快递员小李每天都会到驿站歇脚。他说：“这里有热水，还能充电。”")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:周建华", None, "我们要把好事办好。")]


def test_a_bare_post_repeated_after_a_placed_one_is_dropped(recognizer):
    text = ("### 马鞍山钢铁股份有限公司热轧总厂质检班班长周红梅——\n\n"
            "在热轧总厂，质检班班长周红梅被同事们称为“钢板医生”。")
    _, rels = _facts(text, recognizer)
    # the second post is placed in the unit's short form, which linking maps to its full name
    assert _kind(rels, "membership") == [("Person:周红梅", "Organization:热轧总厂", "班长"),
                                         ("Person:周红梅", "Organization:马鞍山钢铁股份有限公司热轧总厂", "班长")]


def test_reported_speech_stops_where_someone_else_speaks(recognizer):
    text = ("美团上海分公司总经理吴勇表示，公司将为骑手提供更多职业发展通道。"
            "上海市总工会副主席桂晓燕说，工会将继续为劳动者办实事。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:吴勇", None, "公司将为骑手提供更多职业发展通道。"),
                                    ("Person:桂晓燕", None, "工会将继续为劳动者办实事。")]


def test_what_a_speaker_reports_is_not_what_the_speaker_did(recognizer):
    _, rels = _facts("第三采油厂厂长杨涛表示，厂里已经成立“白亚龙劳模创新工作室”。", recognizer)
    assert not any(r.object == "Organization:白亚龙劳模创新工作室" for r in rels)
    _, rels = _facts("张海涛说，他2008年加入南阳市恒信电力有限公司。", recognizer)
    assert ("Person:张海涛", "Organization:南阳市恒信电力有限公司", None) in _kind(rels, "membership")


def test_an_honor_before_another_name_is_not_the_subject_s(recognizer):
    _, rels = _facts("李明是全国劳动模范王强的徒弟。", recognizer)
    assert ("Person:李明", "Honor:全国劳动模范", None) not in _kind(rels, "award")


def test_a_known_body_before_a_post_the_segmenter_reads_across(recognizer):
    _, rels = _facts("全总书记处书记王立新介绍，大赛已举办两届。", recognizer)
    assert _kind(rels, "membership") == [("Person:王立新", "Organization:全总", "书记处书记")]


def test_tibetan_names_have_no_family_name(recognizer):
    text = ("国网拉萨供电公司输电运检班班长次仁多吉正带着班组成员巡检线路。"
            "“每一基铁塔都连着牧民家里的灯。”次仁多吉说。同班组的青年员工格桑央宗说，班长总是冲在前面。")
    _, rels = _facts(text, recognizer)
    assert sorted(r[0] for r in _kind(rels, "quote")) == ["Person:格桑央宗", "Person:次仁多吉"]


def test_a_verb_between_a_body_and_a_title_is_no_part_of_either(recognizer):
    _, rels = _facts("金牛区法律援助中心指派律师杨晓丽承办此案。", recognizer)
    assert _kind(rels, "membership") == [("Person:杨晓丽", "Organization:金牛区法律援助中心", "律师")]


def test_a_name_known_from_the_headline_is_not_extended_by_an_adverb(recognizer):
    text = ("### 株洲恒达机车有限公司电工班组长刘军——\n\n"
            "清晨7点，电工班组长刘军正和徒弟们检查一台新下线的机车。")
    mentions, rels = _facts(text, recognizer)
    assert {r[0] for r in _kind(rels, "membership")} == {"Person:刘军"}


def test_an_honor_a_counted_group_won_is_not_the_named_person_s(recognizer):
    _, rels = _facts("近年来，常晓飞带出的徒弟中，有3人获得全国技术能手称号。", recognizer)
    assert _kind(rels, "award") == []


def test_a_town_or_street_before_its_party_committee_title_names_the_committee(recognizer):
    mentions, rels = _facts("马鞍镇党委书记何小平说，培训一人、就业一人。长沙市芙蓉区东湖街道党工委书记范丽华带领社区干部建起驿站。"
                            "该镇党委书记王强说，要办好培训。", recognizer)
    assert sorted(((r.subject, r.object, r.role) for r in rels if r.kind == "membership"), key=str) == [
        ("Person:何小平", "Organization:马鞍镇党委", "书记"), ("Person:王强", None, "镇党委书记"),
        ("Person:范丽华", "Organization:长沙市芙蓉区东湖街道党工委", "书记")]
    assert {m.text for m in mentions.mentions if m.label == "Place"} >= {"马鞍镇", "东湖街道"}


def test_a_common_word_and_a_character_of_the_next_word_are_no_name(recognizer):
    mentions, rels = _facts("湖南省妇联主席彭淑芬表示，将进一步推动女职工权益保护工作。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Person"] == ["彭淑芬"]
    assert _kind(rels, "membership") == [("Person:彭淑芬", "Organization:湖南省妇联", "主席")]


def test_a_post_without_a_body_is_in_the_body_the_sentence_is_set_in(recognizer):
    _, rels = _facts("在陕西煤业化工集团黄陵矿业公司一号煤矿，综采队队长杜永刚每天第一个下井。"
                     "在广东，电工李明说，培训很有用。", recognizer)
    # 广东 is no body: 电工 stays an occupation in no organization, which is no fact
    assert _kind(rels, "membership") == [("Person:杜永刚", "Organization:陕西煤业化工集团黄陵矿业公司一号煤矿", "综采队队长")]


def test_this_company_is_the_company_named_last(recognizer):
    _, rels = _facts("陕西煤业化工集团黄陵矿业公司一号煤矿实现安全生产。该矿机电队电工尚小龙说，培训让大家更有底。"
                     "中国石油独山子石化公司是培养基地。该公司乙烯厂裂解车间主任马建华说，车间每年选派职工参加比武。",
                     recognizer)
    assert sorted(((r.subject, r.object, r.role) for r in rels if r.kind == "membership"), key=str) == [
        ("Person:尚小龙", "Organization:陕西煤业化工集团黄陵矿业公司一号煤矿", "电工"),
        ("Person:马建华", "Organization:中国石油独山子石化公司", "车间主任")]


def test_a_transliterated_name_may_hold_a_function_character(recognizer):
    _, rels = _facts("新疆维吾尔自治区总工会党组书记、常务副主席阿不都热依木·买买提介绍，自治区已建成工作室560个。",
                     recognizer)
    assert sorted(((r.subject, r.object, r.role) for r in rels if r.kind == "membership"), key=str) == [
        ("Person:阿不都热依木·买买提", "Organization:新疆维吾尔自治区总工会", "党组书记"),
        ("Person:阿不都热依木·买买提", "Organization:新疆维吾尔自治区总工会", "常务副主席")]


def test_everyone_listed_after_an_honor_holds_it(recognizer):
    _, rels = _facts("今年获得“天山工匠”称号的有：新疆中泰化学股份有限公司电气工程师刘晓东、"
                     "新疆八一钢铁股份有限公司炼钢工古丽娜尔·艾山等20人。", recognizer)
    assert [(s, o) for s, o, _ in _kind(rels, "award")] == [("Person:刘晓东", "Honor:天山工匠"),
                                                           ("Person:古丽娜尔·艾山", "Honor:天山工匠")]
    assert ("Person:古丽娜尔·艾山", "Organization:新疆八一钢铁股份有限公司", "炼钢工") in _kind(rels, "membership")


def test_two_honor_lists_in_one_sentence_split_at_the_semicolon(recognizer):
    _, rels = _facts("获得全国劳动模范称号的，既有宏达重工有限公司首席技师赵国梁，也有快递员何小龙等新就业形态劳动者；"
                     "获得全国先进工作者称号的，有昭觉县人民医院主任医师马玉兰等。", recognizer)
    assert [(s, o) for s, o, _ in _kind(rels, "award")] == [
        ("Person:何小龙", "Honor:全国劳动模范"), ("Person:赵国梁", "Honor:全国劳动模范"), ("Person:马玉兰", "Honor:全国先进工作者")]


def test_everyone_listed_before_a_counted_group_holds_its_honor(recognizer):
    _, rels = _facts("在日前举行的交流活动中，王家骏、刘桂芬、赵启明等10人获评“大国工匠年度人物”。"
                     "常晓飞带出的徒弟中，有3人获得全国技术能手称号。", recognizer)
    assert _kind(rels, "award") == [("Person:刘桂芬", "Honor:大国工匠年度人物", None),
                                    ("Person:王家骏", "Honor:大国工匠年度人物", None),
                                    ("Person:赵启明", "Honor:大国工匠年度人物", None)]


def test_a_rank_is_no_counted_group(recognizer):
    _, rels = _facts("快递员黄志华在今年的技能竞赛中获得第一名，被授予“武汉五一劳动奖章”。", recognizer)
    assert _kind(rels, "award") == [("Person:黄志华", "Honor:武汉五一劳动奖章", None)]


def test_a_unit_after_the_setting_body_leaves_the_post_in_the_body_and_works_hold_their_own(recognizer):
    _, rels = _facts("在四川大学华西医院重症医学科，护士长邓秀英已经工作了26年。"
                     "在宝山钢铁股份有限公司热轧厂，大国工匠、高级技师王家骏正在研究新工艺。", recognizer)
    assert sorted(((r.subject, r.object, r.role) for r in rels if r.kind == "membership"), key=str) == [
        ("Person:王家骏", "Organization:宝山钢铁股份有限公司热轧厂", "高级技师"),
        ("Person:邓秀英", "Organization:四川大学华西医院", "护士长")]


def test_a_village_in_a_town_names_its_party_branch(recognizer):
    mentions, rels = _facts("西江镇控拜村党支部书记龙光明说，路修好了。", recognizer)
    assert _kind(rels, "membership") == [("Person:龙光明", "Organization:西江镇控拜村党支部", "书记")]
    assert {m.text for m in mentions.mentions if m.label == "Place"} == {"西江镇", "控拜村"}


def test_a_party_s_part_in_the_work_is_no_part_of_its_name(recognizer):
    _, rels = _facts("施工单位贵州桥梁建设集团有限责任公司项目经理潘志勇告诉记者，项目部优先招用本地村民。", recognizer)
    assert _kind(rels, "membership") == [("Person:潘志勇", "Organization:贵州桥梁建设集团有限责任公司", "项目经理")]


def test_a_name_in_quotes_that_opens_reported_speech_is_part_of_the_statement(recognizer):
    _, rels = _facts("厂长陈志刚说，“王家骏创新工作室”已成为厂里培养青年技工的摇篮。", recognizer)
    assert _kind(rels, "quote") == [("Person:陈志刚", None, "“王家骏创新工作室”已成为厂里培养青年技工的摇篮。")]


def test_platform_companies_are_known_by_their_brand(recognizer):
    _, rels = _facts("美团骑手张建军说，跑单很辛苦。饿了么骑手王林获得了奖励。", recognizer)
    assert sorted(((r.subject, r.object, r.role) for r in rels if r.kind == "membership"), key=str) == [
        ("Person:张建军", "Organization:美团", "骑手"), ("Person:王林", "Organization:饿了么", "骑手")]


def test_a_quoted_phrase_conferred_as_a_title_is_an_honor(recognizer):
    _, rels = _facts("青年员工周晓鹏跟着郭建华学习了5年，今年获得“河北省青年标杆”称号。", recognizer)
    assert _kind(rels, "award") == [("Person:周晓鹏", "Honor:河北省青年标杆", None)]


def test_a_county_made_a_city_is_the_county(recognizer):
    mentions, rels = _facts("邹平市总工会主席王红霞告诉记者，市总工会连续5年举办技能大赛。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Place"] == ["邹平市"]
    assert _kind(rels, "membership") == [("Person:王红霞", "Organization:邹平市总工会", "主席")]


def test_in_her_view_quotes_the_person_named_before(recognizer):
    _, rels = _facts("挡车工刘玉梅一边巡回检查，一边熟练地接头。在她看来，技术没有捷径，只有日复一日地练习。", recognizer)
    assert _kind(rels, "quote") == [("Person:刘玉梅", None, "技术没有捷径，只有日复一日地练习。")]


def test_in_the_view_of_a_person_named_after_a_title(recognizer):
    _, rels = _facts("在重症医学科主任高建国看来，护理工作就是一份良心活。", recognizer)
    assert _kind(rels, "quote") == [("Person:高建国", None, "护理工作就是一份良心活。")]


def test_what_a_speaker_does_between_the_name_and_the_verb_of_speech(recognizer):
    _, rels = _facts("“飞机落地，我们的工作才刚刚开始。”车间主任潘志航一边检查叶片，一边对记者说。\n\n"
                     "孟繁英指着其中一张照片说，这是他刚进厂时的师傅。\n\n"
                     "用杨建平的话说，工作室的专利是在装置上磨出来的。\n\n"
                     "对于喜爱李白的读者来说，这本书值得一读。", recognizer)
    assert _kind(rels, "quote") == [("Person:孟繁英", None, "这是他刚进厂时的师傅。"),
                                    ("Person:杨建平", None, "工作室的专利是在装置上磨出来的。"),
                                    ("Person:潘志航", None, "飞机落地，我们的工作才刚刚开始。")]


def test_hailed_as_an_honor(recognizer):
    _, rels = _facts("焊工李强被誉为“大国工匠”。", recognizer)
    assert _kind(rels, "award") == [("Person:李强", "Honor:大国工匠", None)]


def test_an_age_group_is_no_part_of_the_title_and_a_workshop_leaves_the_post_in_its_body(recognizer):
    _, rels = _facts("在中国商飞上海飞机制造有限公司总装车间，90后技术员胡晓东正在安装线缆。", recognizer)
    assert _kind(rels, "membership") == [("Person:胡晓东", "Organization:中国商飞上海飞机制造有限公司", "技术员")]


def test_a_body_s_committee_for_a_place(recognizer):
    _, rels = _facts("共青团上海市委副书记陈红说，将开展青年技能比武。", recognizer)
    assert _kind(rels, "membership") == [("Person:陈红", "Organization:共青团上海市委", "副书记")]


def test_a_rating_of_bodies_is_no_body(recognizer):
    mentions, _ = _facts("其中“郭建华创新工作室”获评国家级示范性劳模和工匠人才创新工作室。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Organization"] == ["郭建华创新工作室"]


def test_an_interview_subtitle_names_the_post_without_its_verb(recognizer):
    mentions, rels = _facts("——访人力资源和社会保障部职业能力建设司司长刘康", recognizer)
    assert _kind(rels, "membership") == [("Person:刘康", "Organization:人力资源和社会保障部职业能力建设司", "司长")]
    assert [m.text for m in mentions.mentions if m.label == "Organization"] == [
        "人力资源和社会保障部", "人力资源和社会保障部职业能力建设司"]


def test_a_ministry_s_department_is_a_unit_of_it(recognizer):
    mentions, rels = _facts("人力资源和社会保障部职业能力建设司有关负责人介绍，本届大赛共设106个比赛项目。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Organization"] == [
        "人力资源和社会保障部", "人力资源和社会保障部职业能力建设司"]  # not the tagger's bare 建设司
    assert _kind(rels, "suborganization") == [
        ("Organization:人力资源和社会保障部职业能力建设司", "Organization:人力资源和社会保障部", None)]
    _, rels = _facts("国家发展改革委价格司司长万劲松介绍，", recognizer)
    assert _kind(rels, "membership") == [("Person:万劲松", "Organization:国家发展改革委价格司", "司长")]


def test_a_body_owned_by_another_is_its_unit(recognizer):
    mentions, rels = _facts("中国机械工业集团有限公司所属中国第二重型机械集团有限公司选派的选手张凯获得银牌。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Organization"] == [
        "中国机械工业集团有限公司", "中国第二重型机械集团有限公司"]
    assert _kind(rels, "suborganization") == [
        ("Organization:中国第二重型机械集团有限公司", "Organization:中国机械工业集团有限公司", None)]


def test_a_tagged_body_vouches_for_the_units_written_after_it(recognizer):
    _, rels = _facts("东风汽车集团有限公司乘用车公司总装车间质检员刘晓燕榜上有名。", recognizer)
    assert _kind(rels, "membership") == [("Person:刘晓燕", "Organization:东风汽车集团有限公司乘用车公司", "质检员")]


def test_a_county_head_is_not_in_the_county_party_committee(recognizer):
    _, rels = _facts("雷山县委副书记、县长潘丽萍介绍，全县已发展茶园16万亩。", recognizer)
    assert {(r.subject, r.object, r.role) for r in rels if r.kind == "membership"} == {
        ("Person:潘丽萍", "Organization:雷山县委", "副书记"), ("Person:潘丽萍", None, "县长")}


def test_the_rest_of_a_sentence_after_who_also_won_an_honor_holds_it(recognizer):
    _, rels = _facts("同样获得全国三八红旗手称号的，还有中国商飞上海飞机制造有限公司高级技师王敏。", recognizer)
    assert _kind(rels, "award") == [("Person:王敏", "Honor:全国三八红旗手", None)]


def test_a_place_s_honor_with_its_class_in_quotes(recognizer):
    mentions, rels = _facts("孙浩然17岁进入技校学习，曾获江苏省“五一创新能手”称号。", recognizer)
    assert _kind(rels, "award") == [("Person:孙浩然", "Honor:江苏省“五一创新能手”", None)]


def test_profiles_after_an_honor_s_list_of_holders_hold_the_honor(recognizer):
    _, rels = _facts("全国总工会发布了“大国工匠年度人物”名单。记者走近其中的两位。\n\n### 李万君：焊花飞舞\n\n"
                     "高级技师李万君从事焊接工作30余年。\n\n### 徐立平：给发动机整容\n\n高级技师徐立平每天与火药打交道。",
                     recognizer)
    assert _kind(rels, "award") == [("Person:徐立平", "Honor:大国工匠年度人物", None),
                                    ("Person:李万君", "Honor:大国工匠年度人物", None)]


def test_an_honor_conferred_on_a_yi_name(recognizer):
    mentions, rels = _facts("中共中央宣传部授予四川省凉山彝族自治州昭觉县民族中学教师吉克阿依“时代楷模”称号。", recognizer)
    assert _kind(rels, "award") == [("Person:吉克阿依", "Honor:时代楷模", None)]
    assert [m.text for m in mentions.mentions if m.label == "Organization"] == [
        "中共中央宣传部", "四川省凉山彝族自治州昭觉县民族中学"]  # 授予 is no part of the school's name


def test_a_title_s_last_character_starts_no_place(recognizer):
    mentions, rels = _facts("昭觉县教育局局长沙马拉且介绍，近年来全县学生入学率达到99%以上。", recognizer)
    assert _kind(rels, "membership") == [("Person:沙马拉且", "Organization:昭觉县教育局", "局长")]
    assert [(m.text, m.label) for m in mentions.mentions if m.label != "Person"] == [
        ("昭觉县", "Place"), ("昭觉县教育局", "Organization")]  # no 长沙, no 教育局局


def test_everyone_listed_after_conferred_holds_the_honor(recognizer):
    _, rels = _facts("会上，江苏省总工会授予陈建华、林雪梅、周志强等100名职工“江苏省五一劳动奖章”。", recognizer)
    assert _kind(rels, "award") == [("Person:周志强", "Honor:江苏省五一劳动奖章", None),
                                    ("Person:林雪梅", "Honor:江苏省五一劳动奖章", None),
                                    ("Person:陈建华", "Honor:江苏省五一劳动奖章", None)]


def test_a_qualified_title_after_one_of_a_body_and_he_after_it(recognizer):
    _, rels = _facts("陈建华是徐工集团工程机械股份有限公司的一名装配钳工，今年43岁。他先后获得全国技术能手、江苏大工匠等荣誉。",
                     recognizer)
    assert _kind(rels, "membership") == [("Person:陈建华", "Organization:徐工集团工程机械股份有限公司", "装配钳工")]
    assert _kind(rels, "award") == [("Person:陈建华", "Honor:全国技术能手", None), ("Person:陈建华", "Honor:江苏大工匠", None)]


def test_a_title_after_a_body_s_possessive(recognizer):
    mentions, rels = _facts("来自华为技术有限公司的软件工程师刘晨阳是其中之一。", recognizer)
    assert _kind(rels, "membership") == [("Person:刘晨阳", "Organization:华为技术有限公司", "软件工程师")]
    assert [m.text for m in mentions.mentions if m.label == "Organization"] == ["华为技术有限公司"]  # no 来自


def test_a_body_s_possessive_before_a_name_is_a_bare_affiliation(recognizer):
    mentions, rels = _facts("来自东风汽车集团有限公司的刘建国说，这批车下月交付。", recognizer)
    assert _kind(rels, "membership") == [("Person:刘建国", "Organization:东风汽车集团有限公司", None)]
    assert [m.text for m in mentions.mentions if m.label == "Organization"] == ["东风汽车集团有限公司"]  # no 来自
    _, rels = _facts("全国劳动模范的刘建国说，这批车下月交付。", recognizer)
    assert _kind(rels, "membership") == []  # an honor's 的 is no body


def test_a_name_whose_given_name_is_an_adverb_after_a_title(recognizer):
    _, rels = _facts("东风汽车集团有限公司技术员王刚说，这批车下月交付。", recognizer)
    assert _kind(rels, "membership") == [("Person:王刚", "Organization:东风汽车集团有限公司", "技术员")]
    mentions, _ = _facts("老王刚说完，大家就笑了。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Person"] == []


def test_a_post_after_a_body_s_defined_short_name(recognizer):
    _, rels = _facts("全国人大代表、东风汽车集团有限公司（以下简称“东风公司”）首席技师刘建国说，好。", recognizer)
    assert _kind(rels, "membership") == [("Person:刘建国", "Organization:东风汽车集团有限公司", "首席技师")]
    assert _kind(rels, "award") == [("Person:刘建国", "Honor:全国人大代表", None)]


def test_a_worker_s_title_in_no_organization_is_an_occupation(recognizer):
    _, rels = _facts("焊工罗小军把车停进停车场，他说：“这里真方便。”", recognizer)
    assert _kind(rels, "membership") == []
    assert [r.subject for r in rels if r.kind == "quote"] == ["Person:罗小军"]


def test_a_worker_s_title_takes_the_company_the_article_names_most(recognizer):
    text = ("大桥由中铁大桥局集团第五工程有限公司承建，中国中铁的专家也来过。中铁大桥局集团第五工程有限公司的工人干劲十足。\n"
            "焊工罗小军是黄德明带的徒弟。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:罗小军", "Organization:中铁大桥局集团第五工程有限公司", "焊工")]
    # not for work on one's own account
    _, rels = _facts(text.replace("焊工", "货车司机"), recognizer)
    assert _kind(rels, "membership") == [("Person:罗小军", None, "货车司机")]


def test_a_verb_before_a_worker_s_title_is_no_part_of_it(recognizer):
    _, rels = _facts("远港集团大连海晟重工有限公司里，他17岁进厂当学徒，拜老焊工栾永福为师。", recognizer)
    assert _kind(rels, "membership") == [("Person:栾永福", "Organization:远港集团大连海晟重工有限公司", "老焊工")]


def test_work_on_one_s_own_account_is_a_title_with_no_organization(recognizer):
    _, rels = _facts("货车司机赵长河把车停进停车场。维吾尔族骑手买买提江·吐尔逊也是驿站的常客。", recognizer)
    assert _kind(rels, "membership") == [("Person:买买提江·吐尔逊", None, "骑手"), ("Person:赵长河", None, "货车司机")]


def test_awards_in_a_relative_clause_a_second_predicate_and_a_counted_list(recognizer):
    _, rels = _facts("“司机不容易。”被评为鄂尔多斯市劳动模范的王建军说。", recognizer)
    assert _kind(rels, "award") == [("Person:王建军", "Honor:鄂尔多斯市劳动模范", None)]
    _, rels = _facts("郑晓敏是运行一处少有的女性高级操纵员，也是福建省劳动模范。", recognizer)
    assert _kind(rels, "award") == [("Person:郑晓敏", "Honor:福建省劳动模范", None)]
    _, rels = _facts("刘长河、赵金锁、许志远等12名农机手先后获评“齐河县优秀农机手”。", recognizer)
    assert [s for s, _, _ in _kind(rels, "award")] == ["Person:刘长河", "Person:许志远", "Person:赵金锁"]
    _, rels = _facts("马慧敏获得了“宁夏技术能手”称号。", recognizer)
    assert _kind(rels, "award") == [("Person:马慧敏", "Honor:宁夏技术能手", None)]


def test_a_unit_named_after_a_known_group(recognizer):
    _, rels = _facts("中铁隧道局集团有限公司盾构机司机黄明亮已经连续工作了10个小时。", recognizer)
    assert _kind(rels, "membership") == [("Person:黄明亮", "Organization:中铁隧道局集团有限公司", "盾构机司机")]
    _, rels = _facts("中建五局党委副书记、工会主席易文权说，", recognizer)
    assert _kind(rels, "membership") == [("Person:易文权", "Organization:中建五局党委", "副书记"),
                                         ("Person:易文权", "Organization:中建五局党委", "工会主席")]


def test_a_university_department_the_dictionary_lists_as_one_word(recognizer):
    mentions, rels = _facts("清华大学土木工程系教授李志强认为，我国盾构技术已经走在世界前列。", recognizer)
    assert _kind(rels, "membership") == [("Person:李志强", "Organization:清华大学土木工程系", "教授")]
    assert sorted(m.text for m in mentions.mentions if m.label == "Person") == ["李志强"]  # no 程系
    assert _kind(rels, "suborganization") == [("Organization:清华大学土木工程系", "Organization:清华大学", None)]


def test_the_occasion_between_a_speaker_and_the_verb(recognizer):
    text = ("全国人大代表、中国中车长春轨道客车股份有限公司高级技师罗昭强在接受本报记者采访时表示，要让更多年轻人愿意当技术工人。"
            "“技能人才的成长需要时间，更需要好的制度。”他说。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:罗昭强", None, "技能人才的成长需要时间，更需要好的制度。"),
                                    ("Person:罗昭强", None, "要让更多年轻人愿意当技术工人。")]  # 技术工人 is no one new


def test_a_name_after_a_title_and_before_an_adverb(recognizer):
    _, rels = _facts("全国人大代表、湖南华菱湘潭钢铁有限公司焊工艾爱国长期关注技能人才队伍建设。", recognizer)
    assert _kind(rels, "membership") == [("Person:艾爱国", "Organization:湖南华菱湘潭钢铁有限公司", "焊工")]


def test_a_bare_company_before_a_title_is_the_company_just_named(recognizer):
    text = "在浙江省宁波市北仑区，宁波海天塑机集团有限公司的生产车间里，一台台注塑机正在组装。“我们每年拿出3%用于培训。”公司董事长张静章说。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:张静章", "Organization:宁波海天塑机集团有限公司", "董事长")]


def test_a_bare_company_and_a_qualified_title(recognizer):
    text = "在三一重工股份有限公司的智能车间里，焊接机器人挥舞着机械臂。研发这套系统的，是公司焊接工艺首席专家赵海军。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:赵海军", "Organization:三一重工股份有限公司", "焊接工艺首席专家")]


def test_a_brand_with_a_verb_before_its_legal_form(recognizer):
    mentions, _ = _facts("中通快递股份有限公司广东管理中心总经理王涛表示，公司将把技能等级与薪酬挂钩。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Organization"] == [
        "中通快递股份有限公司", "中通快递股份有限公司广东管理中心"]


def test_a_body_just_named_assigns_a_person_a_post(recognizer):
    text = "王强是宁波海天塑机集团有限公司的一名技术员。去年，公司安排王强担任新厂房的项目经理，工期提前了一个月。"
    _, rels = _facts(text, recognizer)
    assert ("Person:王强", "Organization:宁波海天塑机集团有限公司", "项目经理") in _kind(rels, "membership")


def _posts(text, recognizer):
    return sorted(((r.subject, r.object, r.role) for r in _facts(text, recognizer)[1] if r.kind == "membership" and r.role),
                  key=lambda t: (t[0], t[1] or "", t[2]))


def test_a_unit_before_a_title_is_in_the_body_named_with_it(recognizer):
    text = "东方机械有限公司装配车间是一支年轻的队伍。\n装配车间主任刘明远介绍，车间今年交付了20台设备。"
    assert ("Person:刘明远", "Organization:东方机械有限公司", "装配车间主任") in _posts(text, recognizer)


def test_a_short_name_before_a_title_is_the_body_that_holds_it(recognizer):
    text = "记者来到华能江苏南通发电有限公司。\n南通发电副总经理周立新说，机组已安全运行1000天。"
    assert ("Person:周立新", "Organization:华能江苏南通发电有限公司", "副总经理") in _posts(text, recognizer)  # its name, not the post's
    text = "贵州黔茗茶业股份有限公司（以下简称“黔茗茶业”）今年收购茶叶。黔茗茶业总经理蒙志强对记者说：“品质稳定。”"
    assert _posts(text, recognizer) == [("Person:蒙志强", "Organization:黔茗茶业", "总经理")]


def test_a_workplace_title_is_in_the_body_named_before_it_in_the_paragraph(recognizer):
    text = "在苏州明德精密机械有限公司的车间里，机器轰鸣。工程师孙晓雯正在调试设备。"
    assert _posts(text, recognizer) == [("Person:孙晓雯", "Organization:苏州明德精密机械有限公司", "工程师")]


def test_a_workplace_title_with_no_body_in_its_paragraph_is_in_the_article_s_body(recognizer):
    text = ("苏州明德精密机械有限公司今年订单增长三成。\n在刻蚀工艺部，记者见到了主任工程师赵一鸣。"
            "\n苏州明德精密机械有限公司还建起了职工书屋。")
    assert _posts(text, recognizer) == [("Person:赵一鸣", "Organization:苏州明德精密机械有限公司", "主任工程师")]


def test_a_person_s_other_post_gives_the_body(recognizer):
    text = "宏达重工有限公司焊工陈建华今年38岁。\n苏州明德精密机械有限公司派人来学习。班长陈建华带着他们练手艺。"
    posts = _posts(text, recognizer)
    assert ("Person:陈建华", "Organization:宏达重工有限公司", "班长") in posts


def test_titles_no_context_places(recognizer):
    # a named body no mention matches, a party office, a title of any body with none beside it, a retiree
    text = ("东方机械有限公司今年订单增长三成。\n军委主席王力说，要加强训练。\n党委书记李强说，要加快发展。"
            "\n主席赵刚说，大家辛苦了。\n退休教师刘德说，公交很方便。")
    assert [(s, o) for s, o, _ in _posts(text, recognizer)] == [("Person:刘德", None), ("Person:李强", None),
                                                              ("Person:王力", None), ("Person:赵刚", None)]


def test_quotes_after_a_pronoun_that_does_something_first(recognizer):
    text = ("班长王建国今年50岁。“每一列车都平平安安地出去，这就是心愿。”他笑着说。"
            "“线路安全了，电才能送得出去。”他望着远处的铁塔，笑着说。")
    assert [r[0] for r in _kind(_facts(text, recognizer)[1], "quote")] == ["Person:王建国"] * 2


def test_quotes_introduced_by_a_pronoun_after_a_fronted_clause(recognizer):
    text = ("班长王建国今年50岁。采访结束时，他对记者说：“帮农民工讨回的不只是工钱。”"
            "“一个值就是一个战斗集体，”他说，“值长是集体的主心骨。”停了一会儿，他又说，“熟也得动脑子。”")
    assert _kind(_facts(text, recognizer)[1], "quote") == [
        ("Person:王建国", None, "一个值就是一个战斗集体，"), ("Person:王建国", None, "值长是集体的主心骨。"),
        ("Person:王建国", None, "帮农民工讨回的不只是工钱。"), ("Person:王建国", None, "熟也得动脑子。")]


def test_a_speaker_before_the_colon_keeps_the_quote(recognizer):
    text = "技术员李晓慧对记者说：“做瓷先做人，手上的功夫骗不了人。”谈起传承，工程师赵志刚直言：“手艺要传下去。”"
    assert _kind(_facts(text, recognizer)[1], "quote") == [
        ("Person:李晓慧", None, "做瓷先做人，手上的功夫骗不了人。"), ("Person:赵志刚", None, "手艺要传下去。")]


def test_a_list_of_names_shares_the_honor(recognizer):
    text = ("王建国、李红梅、赵立新等来自全省能源行业的职工获得山西省五一劳动奖章。"
            "\n周永康、孙丽华获得全国劳动模范称号。")
    assert [(s, o) for s, o, _ in _kind(_facts(text, recognizer)[1], "award")] == [
        ("Person:周永康", "Honor:全国劳动模范"), ("Person:孙丽华", "Honor:全国劳动模范"),
        ("Person:李红梅", "Honor:山西省五一劳动奖章"), ("Person:王建国", "Honor:山西省五一劳动奖章"),
        ("Person:赵立新", "Honor:山西省五一劳动奖章")]


def test_honors_conferred_by_a_body_or_by_naming(recognizer):
    text = ("詹国栋在比赛中夺冠，随后被人力资源和社会保障部授予全国技术能手称号。"
            "\n黎晓燕被共青团遵义市委授予“遵义市青年岗位能手”称号。\n王志强同时被命名为“三晋技术能手”。"
            "\n郝佳乐被评为武侯区“最美职工”。\n张建国先后获得全国纺织行业技术能手、江苏省劳动模范等荣誉。")
    assert [(s, o) for s, o, _ in _kind(_facts(text, recognizer)[1], "award")] == [
        ("Person:张建国", "Honor:全国纺织行业技术能手"), ("Person:张建国", "Honor:江苏省劳动模范"),
        ("Person:王志强", "Honor:三晋技术能手"), ("Person:詹国栋", "Honor:全国技术能手"),
        ("Person:郝佳乐", "Honor:武侯区“最美职工”"), ("Person:黎晓燕", "Honor:遵义市青年岗位能手")]


def test_posts_after_verbs_of_office(recognizer):
    text = ("褚雅琴曾是滕桂芝带过的徒弟，现任江苏华芸纺织股份有限公司细纱车间主任。"
            "\n王立国曾任山西晋东煤业集团有限公司安全监察部部长。\n王明轩在景德镇陶瓷大学担任客座教授。")
    assert _posts(text, recognizer) == [
        ("Person:王明轩", "Organization:景德镇陶瓷大学", "客座教授"),
        ("Person:王立国", "Organization:山西晋东煤业集团有限公司", "安全监察部部长"),
        ("Person:褚雅琴", "Organization:江苏华芸纺织股份有限公司", "细纱车间主任")]


def test_an_elected_list_shares_the_body_just_named(recognizer):
    text = "张建国当选为青海省总工会主席，李红梅、赵立新当选为副主席。"
    assert _posts(text, recognizer) == [("Person:张建国", "Organization:青海省总工会", "主席"),
                                        ("Person:李红梅", "Organization:青海省总工会", "副主席"),
                                        ("Person:赵立新", "Organization:青海省总工会", "副主席")]


def test_graduating_from_a_school_is_an_affiliation(recognizer):
    text = ("班长欧阳晓峰今年38岁。2010年，欧阳晓峰从兰州交通大学毕业。"
            "\n技术员周红梅今年30岁。2017年从哈尔滨工业大学毕业后，她进入车间，拜郑国梁为师。")
    bare = sorted((r.subject, r.object) for r in _facts(text, recognizer)[1] if r.kind == "membership" and not r.role)
    assert bare == [("Person:周红梅", "Organization:哈尔滨工业大学"), ("Person:欧阳晓峰", "Organization:兰州交通大学")]


def test_bodies_named_by_level_after_a_lead_in(recognizer):
    text = "青海省总工会召开大会。出席会议的还有省委副书记、省长冯立群，省政协主席马文清。"
    posts = _posts(text, recognizer)
    assert ("Person:冯立群", "Organization:省委", "副书记") in posts
    assert ("Person:马文清", "Organization:省政协", "主席") in posts


def test_a_party_committee_written_after_a_short_name_is_the_body_s(recognizer):
    text = "江苏华芸纺织股份有限公司（以下简称“华芸纺织”）是一家老厂。华芸纺织党委书记、董事长沈国梁说，要干好。"
    assert _posts(text, recognizer) == [("Person:沈国梁", "Organization:华芸纺织", "党委书记"),
                                        ("Person:沈国梁", "Organization:华芸纺织", "董事长")]


def test_a_body_a_group_of_visitors_comes_to_is_not_the_last_person_s(recognizer):
    text = ("市总工会副主席王建国一行看望了环卫工人。随后，慰问组来到郑州市第二建筑工程有限公司项目部。"
            "\n李红出生在河南。大学毕业后来到郑州市宏达重工有限公司。")
    bare = sorted((r.subject, r.object) for r in _facts(text, recognizer)[1] if r.kind == "membership" and not r.role)
    assert bare == [("Person:李红", "Organization:郑州市宏达重工有限公司")]


def test_a_post_after_a_pause_and_a_verb(recognizer):
    assert _posts("他叫李明，是郑州市公交公司的一名驾驶员。", recognizer) == [
        ("Person:李明", "Organization:郑州市公交公司", "驾驶员")]


def test_this_honor_holder_refers_back_to_the_person_last_named(recognizer):
    text = ("王强在车间干了20年。如今，这位全国技术能手每天仍第一个到岗。"
            "“我还要干下去，一直干到退休为止。”这位“齐鲁大工匠”笑着说。"
            "\n车间里来了一位老师傅。这位全国五一劳动奖章获得者说，要把手艺传下去。")
    _, rels = _facts(text, recognizer)
    assert [(s, o) for s, o, _ in _kind(rels, "award")] == [
        ("Person:王强", "Honor:全国技术能手"), ("Person:王强", "Honor:齐鲁大工匠")]
    assert _kind(rels, "quote") == [("Person:王强", None, "我还要干下去，一直干到退休为止。")]


def test_a_post_one_becomes_or_ranks_in(recognizer):
    text = ("刘洋是郑州宏达重工有限公司最年轻的班组长。2015年，李强成了洛阳矿山机器有限公司首批首席技师之一。"
            "\n王红出生在河南。2010年，她成为许昌电气有限公司的一名焊工。")
    assert _posts(text, recognizer) == [("Person:刘洋", "Organization:郑州宏达重工有限公司", "班组长"),
                                        ("Person:李强", "Organization:洛阳矿山机器有限公司", "首席技师"),
                                        ("Person:王红", "Organization:许昌电气有限公司", "焊工")]


def test_honor_holders_named_after_the_honor(recognizer):
    text = ("湖南省五一劳动奖章获得者李卫东说，要干好。"
            "\n获得全国技术能手称号的职工中，既有宏达重工有限公司高级技师王建国，也有环卫工人黄小梅等。")
    _, rels = _facts(text, recognizer)
    assert [(s, o) for s, o, _ in _kind(rels, "award")] == [
        ("Person:李卫东", "Honor:湖南省五一劳动奖章"), ("Person:王建国", "Honor:全国技术能手"), ("Person:黄小梅", "Honor:全国技术能手")]


def test_workers_in_the_plural_or_the_person_s_own_trade_leave_the_pronoun_to_the_person(recognizer):
    text = ("姜晓红带领12名女焊工组成攻关小组。2019年，她获得全国技术能手称号。"
            "\n杨大山在工地上干钢筋工已有15年。“年底要回家过年，心里急得像火烧。”他说。"
            "\n王桂芬也是这次讨薪的工人之一。拿到工钱后，她给远在老家的女儿打了个电话：“钱要回来了，妈妈五月份回家看你。”")
    _, rels = _facts(text, recognizer)
    assert [(s, o) for s, o, _ in _kind(rels, "award")] == [("Person:姜晓红", "Honor:全国技术能手")]
    assert [s for s, _, _ in _kind(rels, "quote")] == ["Person:杨大山", "Person:王桂芬"]


def test_a_second_post_after_also_is(recognizer):
    text = "方志远是安徽皖信律师事务所律师，也是合肥市总工会聘请的职工法律援助律师。如今，刘佳琪已是大连湾造船有限公司焊接班班长。"
    assert _posts(text, recognizer) == [("Person:刘佳琪", "Organization:大连湾造船有限公司", "班长"),
                                        ("Person:方志远", "Organization:合肥市总工会", "职工法律援助律师"),
                                        ("Person:方志远", "Organization:安徽皖信律师事务所", "律师")]


def test_visits_are_no_affiliation_and_a_major_does_not_hide_the_school(recognizer):
    text = ("省总工会副主席王文斌一行冒着冻雨来到黔南供电局抗冰一线，看望慰问职工。"
            "\n罗永平是贵州人。去年7月，他从三峡大学电气工程专业毕业后，回到家乡。")
    bare = sorted((r.subject, r.object) for r in _facts(text, recognizer)[1] if r.kind == "membership" and not r.role)
    assert bare == [("Person:罗永平", "Organization:三峡大学")]


def test_a_pronoun_that_speaks_after_a_quote_is_not_the_person_it_greets(recognizer):
    text = "王文斌来到现场。“大家辛苦了！你们守护的是千家万户的温暖。”他握着岑国成的手说。"
    _, rels = _facts(text, recognizer)
    assert [s for s, _, _ in _kind(rels, "quote")] == ["Person:王文斌"]


def test_a_head_s_title_goes_to_the_body_of_its_class(recognizer):
    text = "营盘消防救援站位于陕西省商洛市柞水县营盘镇，隶属商洛市消防救援支队柞水县消防救援大队。站长雷振宇说，要干好。"
    assert _posts(text, recognizer) == [("Person:雷振宇", "Organization:营盘消防救援站", "站长")]


def test_a_shouted_order_after_a_title_chain_is_a_quote(recognizer):
    _, rels = _facts("“冰厚已经到了18毫米，必须马上除冰！”班长岑国成大声喊道。", recognizer)
    assert _kind(rels, "quote") == [("Person:岑国成", None, "冰厚已经到了18毫米，必须马上除冰！")]


def test_a_post_stated_after_age_and_hometown(recognizer):
    text = "这名工人叫胡长青，今年52岁，老家在六安市寿县，是淝河建设集团有限公司的一名钢筋工，干这行已经20多年。"
    assert _posts(text, recognizer) == [("Person:胡长青", "Organization:淝河建设集团有限公司", "钢筋工")]


def test_honors_one_has_received_before(recognizer):
    _, rels = _facts("彭建军2020年被授予全国劳动模范称号，此前还获得过湖南省五一劳动奖章、全国技术能手等荣誉。", recognizer)
    assert [o for _, o, _ in _kind(rels, "award")] == ["Honor:全国劳动模范", "Honor:全国技术能手", "Honor:湖南省五一劳动奖章"]


def test_a_titled_speaker_does_something_then_speaks(recognizer):
    _, rels = _facts("“钻头每往下走一米，都是在和石头较劲。”队长冉德华站在钻台边，盯着仪表盘上跳动的数字说。", recognizer)
    assert [s for s, _, _ in _kind(rels, "quote")] == ["Person:冉德华"]


def test_a_union_post_of_a_body_not_recognized_takes_no_body_named_earlier(recognizer):
    text = "钻井队被中华全国总工会授予“工人先锋号”。川中钻井分公司工会主席罗文斌介绍，分公司很好。"
    assert [(s, o) for s, o, _ in _kind(_facts(text, recognizer)[1], "membership")] == [("Person:罗文斌", None)]


def test_an_honor_before_a_name_in_object_position_is_the_name_s(recognizer):
    for text in ("创新工作室由全国劳动模范、公司首席技师钱卫东领衔。", "在全国劳动模范钱卫东的带领下，班组攻克了难题。",
                 "记者采访了全国劳动模范钱卫东。", "徒弟们跟着全国劳动模范钱卫东学技术。"):
        _, rels = _facts(text, recognizer)
        assert _kind(rels, "award") == [("Person:钱卫东", "Honor:全国劳动模范", None)], text


def test_a_body_hiring_a_named_person_for_a_post(recognizer):
    _, rels = _facts("潇湘机电职业技术学院成立于1958年。今年3月，学院聘请彭建军为产业导师，每月来校指导。", recognizer)
    assert _kind(rels, "membership") == [("Person:彭建军", "Organization:潇湘机电职业技术学院", "产业导师")]


def test_a_second_title_joined_to_a_predicate_post(recognizer):
    _, rels = _facts("贺永胜今年56岁，是秦岭航空动力有限公司特级技师、精密磨削班班长。", recognizer)
    assert _kind(rels, "membership") == [("Person:贺永胜", "Organization:秦岭航空动力有限公司", "特级技师"),
                                         ("Person:贺永胜", "Organization:秦岭航空动力有限公司", "班长")]


def test_an_honor_after_the_person_s_own_post_and_a_pause(recognizer):
    _, rels = _facts("干了18年的郑晓敏，是运行一处少有的女性高级操纵员，也是福建省劳动模范。", recognizer)
    assert _kind(rels, "award") == [("Person:郑晓敏", "Honor:福建省劳动模范", None)]


def test_a_clause_after_a_semicolon_goes_on_with_the_sentence_s_award_holder(recognizer):
    text = "姜晓红是焊工。2019年，她获得全国技术能手称号；2024年，又当选辽宁省劳动模范。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:姜晓红", "Honor:全国技术能手", None),
                                    ("Person:姜晓红", "Honor:辽宁省劳动模范", None)]


def test_a_body_s_own_honor_after_a_verb_of_conferring(recognizer):
    _, rels = _facts("蒲建国曾两次被评为巴蜀石油集团劳动模范。", recognizer)
    assert _kind(rels, "award") == [("Person:蒲建国", "Honor:巴蜀石油集团劳动模范", None)]


def test_an_honor_after_a_joined_title(recognizer):
    _, rels = _facts("诸葛明轩是景德镇手工制瓷技艺代表性传承人、江西省工艺美术大师，从艺50年。", recognizer)
    assert _kind(rels, "award") == [("Person:诸葛明轩", "Honor:江西省工艺美术大师", None)]


def test_a_quoted_honor_in_a_list_of_honors(recognizer):
    _, rels = _facts("孙晓燕此前还先后获得山东省五一劳动奖章、“齐鲁最美护士”等荣誉。", recognizer)
    assert _kind(rels, "award") == [("Person:孙晓燕", "Honor:山东省五一劳动奖章", None),
                                    ("Person:孙晓燕", "Honor:齐鲁最美护士", None)]


def test_the_people_named_after_a_published_list_of_an_honor_s_holders(recognizer):
    text = ("浙江省宁波市总工会日前公布2026年度宁波市“最美职工”名单，宁波甬兴模具有限公司钳工方国良、"
            "宁波港集团有限公司司机林一鸣等10人当选。市总工会副主席俞海峰说，他们是榜样。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:方国良", "Honor:宁波市“最美职工”", None),
                                    ("Person:林一鸣", "Honor:宁波市“最美职工”", None)]


def test_a_crew_known_by_its_number(recognizer):
    _, rels = _facts("70216钻井队平台经理蒲建国说，好。川中钻井分公司70216钻井队队长冉德华说，也好。", recognizer)
    assert ("Person:蒲建国", "Organization:70216钻井队", "平台经理") in _kind(rels, "membership")
    assert [r for r in _kind(rels, "membership") if r[0] == "Person:冉德华"][0][2] == "队长"


def test_a_clause_before_a_body_ends_the_chain(recognizer):
    text = "中央军委副主席、国务委员兼国防部长迟浩田上将今天会见了由朝鲜人民军总政治局副局长池永春中将率领的参观团。"
    _, rels = _facts(text, recognizer)
    assert [r for r in _kind(rels, "membership") if r[0] == "Person:池永春"] == [
        ("Person:池永春", "Organization:朝鲜人民军", "总政治局副局长")]


def test_a_body_owned_by_another_is_the_top_of_its_own_units(recognizer):
    text = "巴蜀石油天然气集团有限公司所属巴蜀石油钻探工程有限公司川中钻井分公司工会主席罗文斌说，好。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "suborganization") == [
        ("Organization:巴蜀石油钻探工程有限公司", "Organization:巴蜀石油天然气集团有限公司", None),
        ("Organization:巴蜀石油钻探工程有限公司川中钻井分公司", "Organization:巴蜀石油钻探工程有限公司", None)]


def test_its_own_unit_belongs_to_the_body_the_sentence_is_about(recognizer):
    text = "近年来，巴蜀石油天然气集团加大勘探开发力度，其所属的巴蜀油气田分公司去年天然气产量达到285亿立方米。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "suborganization") == [("Organization:巴蜀油气田分公司", "Organization:巴蜀石油天然气集团", None)]


def test_a_pronoun_subject_wins_over_a_name_after_a_preposition(recognizer):
    text = "党丽娜是班里唯一的女磨工。毕业后，她主动要求跟着贺永胜学磨削，去年获得陕西省五一劳动奖章。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:党丽娜", "Honor:陕西省五一劳动奖章", None)]


def test_a_worker_s_title_takes_a_body_named_before_in_the_paragraph(recognizer):
    text = "寺河沟煤矿今年完成了智能化改造。井下，电工尉晓东正在检修设备。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:尉晓东", "Organization:寺河沟煤矿", "电工")]


def test_a_person_acting_for_a_body_is_no_part_of_its_name(recognizer):
    mentions, rels = _facts("去年，惠晓东代表公司参加技能竞赛，被授予全国技术能手称号。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Organization"] == []
    assert _kind(rels, "award") == [("Person:惠晓东", "Honor:全国技术能手", None)]


def test_an_old_person_named_before_is_the_old_one_who_speaks(recognizer):
    for text in ("如今，81岁的韩德成仍住在厂区家属院。说起徒弟，老人脸上满是笑意：“这孩子肯吃苦，有出息。”",
                 "81岁的韩德成仍住在厂区。“这孩子肯吃苦，有出息。”老人说。"):
        _, rels = _facts(text, recognizer)
        assert [r[0] for r in _kind(rels, "quote")] == ["Person:韩德成"], text
    _, rels = _facts("护理员汪春梅敲开了一位82岁独居老人的家门。“有她在，我心里就踏实。”老人拉着她的手说。", recognizer)
    assert _kind(rels, "quote") == []


def test_a_quote_in_the_first_person_after_a_sentence_on_one_person_is_theirs(recognizer):
    text = "合肥公交集团驾驶员张卫东刚跑完一趟。“车上空调开足了，我们最操心的是乘客中暑。”"
    _, rels = _facts(text, recognizer)
    assert [r[0] for r in _kind(rels, "quote")] == ["Person:张卫东"]


def test_two_name_words_after_a_title_or_before_speech_are_a_name(recognizer):
    mentions, rels = _facts("运维班班长才让多杰蹲在一块光伏板前，头也不抬地说。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Person"] == ["才让多杰"]
    _, rels = _facts("“太阳每天都会升起来。”才让多杰说。", recognizer)
    assert [r[0] for r in _kind(rels, "quote")] == ["Person:才让多杰"]


def test_hours_and_a_career_s_first_job_are_no_one_new_for_a_pronoun(recognizer):
    _, rels = _facts("孙启航是突击队队长。他把吊装时间从36小时压缩到20小时以内。去年，他被授予全国青年岗位能手称号。",
                     recognizer)
    assert _kind(rels, "award") == [("Person:孙启航", "Honor:全国青年岗位能手", None)]
    _, rels = _facts("林海涛说，好。林海涛进入福清核电，从现场巡检员干起。去年，他被授予全国劳动模范称号。", recognizer)
    assert _kind(rels, "award") == [("Person:林海涛", "Honor:全国劳动模范", None)]


def test_an_honor_conferred_on_a_name_then_the_honor(recognizer):
    _, rels = _facts("今年1月，中华全国总工会追授于德厚全国五一劳动奖章。", recognizer)
    assert _kind(rels, "award") == [("Person:于德厚", "Honor:全国五一劳动奖章", None)]


def test_an_honor_conferred_on_a_pronoun_or_posthumously_or_on_a_list_by_a_body(recognizer):
    text = ("李明在车间干了三十年。去年，省总工会追授他“河北工匠”称号。\n张建国被追授全国五一劳动奖章。"
            "\n当天，王红梅、李志强等3人被市总工会授予全国五一劳动奖章。\n周晓东、孙丽被省总工会授予全国劳动模范称号。")
    assert [(s, o) for s, o, _ in _kind(_facts(text, recognizer)[1], "award")] == [
        ("Person:周晓东", "Honor:全国劳动模范"), ("Person:孙丽", "Honor:全国劳动模范"),
        ("Person:张建国", "Honor:全国五一劳动奖章"), ("Person:李志强", "Honor:全国五一劳动奖章"),
        ("Person:李明", "Honor:河北工匠"), ("Person:王红梅", "Honor:全国五一劳动奖章")]


def test_people_listed_under_the_class_of_an_honor_named_before_hold_it(recognizer):
    text = ("大会授予800人“江西省劳动模范”称号，授予200人“江西省先进工作者”称号。此次受表彰的劳动模范中，"
            "有南昌市公交公司驾驶员万丽娟等；先进工作者中，有九江市第一中学教师王建平等。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:万丽娟", "Honor:江西省劳动模范", None),
                                    ("Person:王建平", "Honor:江西省先进工作者", None)]


def test_district_and_autonomous_region_honors_new_titles_and_plants(recognizer):
    _, rels = _facts("胡丽娟是厂里唯一的女质检员，去年被评为鄞州区技术能手。", recognizer)
    assert _kind(rels, "award") == [("Person:胡丽娟", "Honor:鄞州区技术能手", None)]
    _, rels = _facts("公司工会女工委员会主任、自治区三八红旗手王丽华介绍，好。", recognizer)
    assert _kind(rels, "award") == [("Person:王丽华", "Honor:自治区三八红旗手", None)]
    _, rels = _facts("德阳锻造厂锻工李春生说，好。格尔木光伏电站站长马福林说，也好。", recognizer)
    assert ("Person:李春生", "Organization:德阳锻造厂", "锻工") in _kind(rels, "membership")
    assert ("Person:马福林", "Organization:格尔木光伏电站", "站长") in _kind(rels, "membership")


def test_a_body_s_short_name_or_class_before_a_title_refers_back_to_it(recognizer):
    text = ("长沙麓山轨道交通集团有限公司运营分公司有职工3000人。运营分公司工会主席罗慧介绍，好。"
            "四川蜀筑建工集团有限公司承建人才公寓。项目工会主席杜晓梅介绍，好。"
            "公司工会女工委员会主任王丽华介绍，也好。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:杜晓梅", "Organization:四川蜀筑建工集团有限公司", "项目工会主席"),
        ("Person:王丽华", "Organization:四川蜀筑建工集团有限公司", "女工委员会主任"),
        ("Person:罗慧", "Organization:运营分公司", "工会主席")]  # the unit's short form: linking gives its full name


def test_a_paragraph_opening_quote_belongs_to_the_subject_of_the_next_sentence(recognizer):
    text = ("“大家抓紧，必须把线路抢通！”霞浦县供电公司班长陈海生一边分派任务，一边检查工具。\n"
            "“开地铁要稳，起步要让乘客感觉不到。”今年36岁的谭湘君，是一名电客车司机。\n"
            "“这活儿急不得，慢慢来。”说这话的是焊工王大海。\n"
            "“钱要回来了，真好。”记者见到李小明时，他正在搬砖。")
    _, rels = _facts(text, recognizer)
    assert [r[0] for r in _kind(rels, "quote")] == ["Person:王大海", "Person:谭湘君", "Person:陈海生"]


def test_a_pronoun_means_the_sentence_s_subject_not_a_name_after_a_preposition(recognizer):
    text = "质检员胡丽娟拿着检测报告跟在俞国强身后。她是厂里唯一的女职工，去年被评为鄞州区技术能手。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:胡丽娟", "Honor:鄞州区技术能手", None)]


def test_a_clause_with_no_subject_goes_on_with_the_sentence_s_subject_not_a_possessor(recognizer):
    text = "护士刘雯雯是孙晓燕带的徒弟，2019年从山东第一医科大学毕业后来到科室。"
    _, rels = _facts(text, recognizer)
    assert sorted((r.subject, r.object) for r in rels if r.kind == "membership" and r.object) == [
        ("Person:刘雯雯", "Organization:山东第一医科大学")]


def test_a_post_clause_after_someone_introduced_by_name_is_theirs(recognizer):
    text = "郑晓岚：长春市有一位叫赵铁军的职工，是长春北方轨道客车配件有限公司的装配钳工，前年查出患有肾病。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:赵铁军", "Organization:长春北方轨道客车配件有限公司", "装配钳工")]


def test_an_office_taken_up_with_no_body_named_takes_the_body_of_the_context(recognizer):
    text = "齐河县丰禾农机专业合作社成立于2012年。他的儿子许文博从山东农业大学毕业后回到合作社，担任技术总监，带着团队。"
    mentions, rels = _facts(text, recognizer)
    assert sorted(m.text for m in mentions.mentions if m.label == "Organization") == [
        "山东农业大学", "齐河县丰禾农机专业合作社"]
    assert ("Person:许文博", "Organization:齐河县丰禾农机专业合作社", "技术总监") in _kind(rels, "membership")


def test_is_one_of_a_title_is_a_post_the_context_places(recognizer):
    text = ("宏达重工有限公司有2000多名职工。王建国是一名焊工，干了20年。"
            "\n宏达重工有限公司的李红是一名话务员。")  # the post, and no bare affiliation beside it
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:李红", "Organization:宏达重工有限公司", "话务员"), ("Person:王建国", "Organization:宏达重工有限公司", "焊工")]
    _, rels = _facts("“我们会一直做下去。”李红说，她和同事帮助一个盲童十年，后来孩子考上了大学，现在是一名教师。",
                     recognizer)  # the child is the teacher
    assert _kind(rels, "membership") == []
    _, rels = _facts("宏达重工有限公司的王建国是一名老党员。", recognizer)  # no title
    assert _kind(rels, "membership") == [("Person:王建国", "Organization:宏达重工有限公司", None)]


def test_selected_as_become_and_as_an_honor_s_holder(recognizer):
    _, rels = _facts("入选“襄阳工匠”的有：汉江重型车桥有限公司数控车工周德明、襄阳华中轴承股份有限公司装配钳工彭小红等。",
                     recognizer)
    assert _kind(rels, "award") == [("Person:周德明", "Honor:襄阳工匠", None), ("Person:彭小红", "Honor:襄阳工匠", None)]
    _, rels = _facts("如今，赵文杰也成了河北省技术能手。去年，何玉兰作为全国劳动模范到北京开会。", recognizer)
    assert _kind(rels, "award") == [("Person:何玉兰", "Honor:全国劳动模范", None),
                                    ("Person:赵文杰", "Honor:河北省技术能手", None)]


def test_a_pronoun_means_the_subject_not_a_possessor_nor_a_master_after_a_title(recognizer):
    _, rels = _facts("崔晓敏是魏红霞的徒弟，今年26岁。她说：“师傅教会我很多，真的。”", recognizer)
    assert [r[0] for r in _kind(rels, "quote")] == ["Person:崔晓敏"]
    _, rels = _facts("妇联主席刘梅表示，李红的事迹很感人。她说：“科研没有捷径可走。”", recognizer)
    assert [r[0] for r in _kind(rels, "quote")] == ["Person:刘梅", "Person:李红"]  # 刘梅表示，…: hers


def test_a_quote_standing_as_a_sentence_belongs_to_the_one_the_sentence_before_is_about(recognizer):
    text = ("罗开富负责的压缩站每天要转运垃圾120多吨，站里却闻不到异味。“除臭设备要勤维护，周边居民才不会有意见。”"
            "\n郝建荣是技师。为了练手感，他把废叶片带回宿舍反复摸。“手是有记性的，摸得多了，闭着眼睛都知道。”"
            "\n王海和李红一起走进车间。“今天的任务很重，大家都要打起精神。”")
    assert [(s, t) for s, _, t in _kind(_facts(text, recognizer)[1], "quote")] == [
        ("Person:罗开富", "除臭设备要勤维护，周边居民才不会有意见。"),
        ("Person:郝建荣", "手是有记性的，摸得多了，闭着眼睛都知道。")]


def test_an_election_reports_list_shares_the_body_and_an_award_list_of_chains_shares_the_honor(recognizer):
    text = ("贵州省总工会召开全委会。龙国华当选省总工会主席，吴晓梅、杨光荣当选副主席。"
            "\n会上，王强、李明当选市总工会副主席。"
            "\n综采一队队长陈永刚、凯里公交公司驾驶员罗丽等100名职工获得贵州省五一劳动奖章。")
    _, rels = _facts(text, recognizer)
    assert [(s, o, r) for s, o, r in _kind(rels, "membership") if r.endswith("主席")] == [
        ("Person:吴晓梅", "Organization:省总工会", "副主席"), ("Person:李明", "Organization:市总工会", "副主席"),
        ("Person:杨光荣", "Organization:省总工会", "副主席"), ("Person:王强", "Organization:市总工会", "副主席"),
        ("Person:龙国华", "Organization:省总工会", "主席")]
    assert [(s, o) for s, o, _ in _kind(rels, "award")] == [
        ("Person:罗丽", "Honor:贵州省五一劳动奖章"), ("Person:陈永刚", "Honor:贵州省五一劳动奖章")]


def test_a_person_referred_to_by_description_speaks(recognizer):
    text = ("布依族姑娘韦小芳是公司的质检员。“干这行，最要紧的是细心。”这位布依族姑娘笑着说。"
            "\n说起师傅，这位年轻人眼里有光：“他教会我认真做事。”"
            "\n王强走过来。当人群中有人要求小伙子开具发票时，这位小伙子说，现在没有发票。"
            "\n王强走过来。这位负责人说，对于群众的反映，我们很重视。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:韦小芳", None, "他教会我认真做事。"),
                                    ("Person:韦小芳", None, "干这行，最要紧的是细心。")]


def test_a_post_held_by_someone_and_a_post_taken_on_joining(recognizer):
    text = ("宏达物流公司是本地企业。该公司工会主席由副总经理刘建国兼任。"
            "\n1995年，王建国被分配到平罗直属库当保管员。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:刘建国", "Organization:宏达物流公司", "副总经理"), ("Person:刘建国", "Organization:宏达物流公司", "工会主席"),
        ("Person:王建国", "Organization:平罗直属库", "保管员")]


def test_a_body_s_parent_and_place_as_the_text_states_them(recognizer):
    text = ("成都宏达物流有限公司是四川交投集团的全资子公司，位于成都市青白江区。"
            "\n他来到位于成都市青白江区的宏达物流公司。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "suborganization") == [("Organization:成都宏达物流有限公司", "Organization:四川交投集团", None)]
    assert _kind(rels, "located_in") == [("Organization:宏达物流公司", "Place:青白江区", None)]


def test_honors_named_again_or_through_their_list(recognizer):
    text = ("王强是全国劳动模范。2020年，他的儿子王小强也获得了这一称号。"
            "\n陈红获得全国五一劳动奖章。获此称号的还有焊工李明、钳工张华。"
            "\n2024年，中华全国总工会公布年度“大国工匠”名单，邹远山名列其中。"
            "\n300名职工获得安徽省五一劳动奖章。记者在名单中看到，合肥晶铸半导体科技有限公司设备工程师周梓涵、郑宝林等。"
            "外卖骑手丁浩也榜上有名。"
            "\n焊工孙立国第一个上台。这位54岁的老焊工曾获黑龙江省劳动模范。"
            "\n韦彩凤在广西柳江汽车配件有限公司干了22年装配钳工，是全国技术能手，也是广西壮族自治区劳动模范。"
            "\n李芳被评为集团“巾帼建功标兵”。")
    _, rels = _facts(text, recognizer)
    assert sorted((s.split(":")[1], o.split(":")[1]) for s, o, _ in _kind(rels, "award")) == [
        ("丁浩", "安徽省五一劳动奖章"), ("周梓涵", "安徽省五一劳动奖章"), ("孙立国", "黑龙江省劳动模范"),
        ("张华", "全国五一劳动奖章"), ("李明", "全国五一劳动奖章"), ("李芳", "巾帼建功标兵"),
        ("王小强", "全国劳动模范"), ("王强", "全国劳动模范"), ("邹远山", "大国工匠"), ("郑宝林", "安徽省五一劳动奖章"),
        ("陈红", "全国五一劳动奖章"), ("韦彩凤", "全国技术能手"), ("韦彩凤", "广西壮族自治区劳动模范")]


def test_posts_after_a_nationality_or_an_honor_holder_and_a_degree(recognizer):
    text = ("今年51岁的巴图孟和是蒙古族，扎兰屯工务段的巡道工。"
            "\n湖州太湖智能电气有限公司电工班班长、浙江省五一劳动奖章获得者何国锋说得实在。"
            "\n2019年，雷晓岚从西南交通大学隧道工程专业硕士毕业。"
            "\n海西州总工会副主席冶建平在颁奖现场表示，要关心职工。")
    _, rels = _facts(text, recognizer)
    assert [(s.split(":")[1], o.split(":")[1] if o else None, r) for s, o, r in _kind(rels, "membership")] == [
        ("何国锋", "湖州太湖智能电气有限公司", "班长"), ("冶建平", "海西州总工会", "副主席"),
        ("巴图孟和", "扎兰屯工务段", "巡道工"), ("雷晓岚", "西南交通大学", None)]


def test_workers_placed_by_the_article_s_one_body_and_posts_taken_later(recognizer):
    text = ("清晨，青禾农场有限公司的机务大院里灯火通明。"
            "\n驾驶室里，“90后”农机手赵思雨盯着导航屏幕。"
            "\n青海瀚海钾盐集团有限公司第二钾肥厂浮选车间开始交接班。浮选三班班长索南才让带着徒弟巡检。"
            "\n首席技师韩立东去年被评聘为四川蜀峰航空零部件有限公司首批特级技师。"
            "\n回族小伙马晓军是青海瀚海钾盐集团有限公司年纪最小的操作工。")
    _, rels = _facts(text, recognizer)
    assert [(s.split(":")[1], o.split(":")[1] if o else None, r) for s, o, r in _kind(rels, "membership")] == [
        ("索南才让", "青海瀚海钾盐集团有限公司第二钾肥厂浮选车间", "浮选三班班长"), ("赵思雨", "青禾农场有限公司", "农机手"),
        ("韩立东", "四川蜀峰航空零部件有限公司", "特级技师"), ("韩立东", "四川蜀峰航空零部件有限公司", "首席技师"),
        ("马晓军", "青海瀚海钾盐集团有限公司", "操作工")]


def test_a_worker_is_not_placed_when_the_article_named_several_bodies(recognizer):
    text = ("宏达物流有限公司、顺丰速运有限公司的代表参加了会议。"
            "\n驾驶室里，叉车司机赵长河盯着导航屏幕。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == []


def test_a_quote_beside_the_speaker_s_gesture(recognizer):
    text = ("徒弟熊雨桐2017年进厂。头一年，邹远山不让她碰一只好坯，只让她削泥巴。“那时候天天削泥巴，手上全是口子。”"
            "说起当年，熊雨桐笑了，“现在想想，师傅是对的。”"
            "\n邹远山在车间工作了30年。他摇摇头，“这活儿急不得。”")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [
        ("Person:熊雨桐", None, "现在想想，师傅是对的。"), ("Person:熊雨桐", None, "那时候天天削泥巴，手上全是口子。"),
        ("Person:邹远山", None, "这活儿急不得。")]


def test_an_honor_conferred_on_a_counted_group_goes_to_the_members_listed_after_it(recognizer):
    text = ("仪式在市工人文化宫举行，8名一线职工获评“长春市最美职工”。"
            "\n他们中，有老焊工，也有公交司机。长春龙华重工有限公司电焊工周立军，朝阳区社区卫生服务中心护士长陈晓燕，"
            "外卖骑手宋振华……台下响起掌声。"
            "\n省总工会副主席刘文军，市总工会主席王振国，副市长李海涛为获奖职工颁发证书。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:周立军", "Honor:长春市最美职工", None),
                                    ("Person:宋振华", "Honor:长春市最美职工", None),
                                    ("Person:陈晓燕", "Honor:长春市最美职工", None)]
    # the rider's item names no employer: the company of the item before is not his
    assert [(s, o) for s, o, _ in _kind(rels, "membership") if s == "Person:宋振华"] == [("Person:宋振华", None)]
    assert [s for s, _, _ in _kind(rels, "membership")] == ["Person:刘文军", "Person:周立军", "Person:宋振华", "Person:李海涛", "Person:王振国",
                                                              "Person:陈晓燕"]


def test_no_group_honor_for_a_list_longer_than_the_group_or_a_clause(recognizer):
    text = ("2名职工获评“长春市最美职工”。电焊工周立新，护士长陈晓燕，外卖骑手宋振华。"
            "\n3名职工获评“吉林省技术能手”。焊工刘文军、钳工王振国和电工李海涛一起上台领奖。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == []


def test_a_post_in_a_body_named_by_its_short_form(recognizer):
    text = "哈尔滨北疆锅炉有限公司电焊工孙立国上台领奖。孙立国是北疆锅炉的首席技师。"
    dm, rels = _facts(text, recognizer)
    assert [(m.text, m.span.start) for m in dm.mentions if m.label == "Organization"] == [
        ("哈尔滨北疆锅炉有限公司", 0), ("北疆锅炉", 26)]
    assert _kind(rels, "membership") == [("Person:孙立国", "Organization:北疆锅炉", "首席技师"),
                                         ("Person:孙立国", "Organization:哈尔滨北疆锅炉有限公司", "电焊工")]


def test_quotes_after_a_scene_a_scare_quoted_term_and_with_a_gesture_while_speaking(recognizer):
    text = ("“极片对齐度偏差0.1毫米，电芯就可能出问题。”在宁德晶锂动力电池有限公司叠片车间，工艺工程师郑雨涵盯着屏幕。"
            "\n速冻班班长梁秀英今年46岁，是车间里公认的“老冷库”。她一边检查温度记录，一边叮嘱新来的工人：“进库不能超过20分钟。”"
            "\n“冬天最怕钢轨冻断。雪一大，心就悬着。”巴图孟和一边说，一边蹲下身，用检查锤轻敲钢轨。清脆的响声传出很远。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [
        ("Person:巴图孟和", None, "冬天最怕钢轨冻断。雪一大，心就悬着。"), ("Person:梁秀英", None, "进库不能超过20分钟。"),
        ("Person:郑雨涵", None, "极片对齐度偏差0.1毫米，电芯就可能出问题。")]


def test_where_a_person_works_places_the_post_and_stands_for_no_affiliation_of_its_own(recognizer):
    text = ("外卖配送员卢志勇，在深圳速达即时配送有限公司的站点跑单已经5年。"
            "\n韦彩凤在广西柳江汽车配件有限公司干了22年装配钳工。"
            "\n李明在宏达重工有限公司工作了10年。王芳在宏达重工有限公司当保管员。"
            "\n他说：“我们要在宏达重工有限公司工作一辈子。”")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:卢志勇", "Organization:深圳速达即时配送有限公司", "外卖配送员"),
        ("Person:李明", "Organization:宏达重工有限公司", None),
        ("Person:王芳", "Organization:宏达重工有限公司", "保管员"),
        ("Person:韦彩凤", "Organization:广西柳江汽车配件有限公司", "装配钳工")]


def test_a_worker_visiting_a_union_station_is_no_member_and_a_native_place_is_no_part_of_a_post(recognizer):
    text = ("1月16日下午，在深圳市龙岗区总工会职工法律援助工作站，四川籍建筑工人罗德贵捏着手机。"
            "\n深圳市恒峰建筑劳务有限公司的四川籍钢筋工王桂芳说，钱到账了。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:王桂芳", "Organization:深圳市恒峰建筑劳务有限公司", "钢筋工")]


def test_a_comma_list_closed_by_deng_and_a_scene_inside_the_workplace(recognizer):
    text = ("彝绣传承人、楚雄锦华彝绣文化有限公司总经理普秀英，苍洱乳业有限公司质检中心主任段月娇，"
            "昆明滇池电力工程有限公司带电作业班副班长刘晓敏等，获评云南省三八红旗手。"
            "\n翔宇航空工程技术有限公司西安维修基地里灯火通明。在机库一角，27岁的质量检验员贺佳怡正在核对工卡。"
            "“师傅教得细。”说起徒弟，何永福乐呵呵的。")
    _, rels = _facts(text, recognizer)
    assert sorted(s for s, _, _ in _kind(rels, "award")) == ["Person:刘晓敏", "Person:普秀英", "Person:段月娇"]
    assert ("Person:贺佳怡", "Organization:翔宇航空工程技术有限公司西安维修基地", "质量检验员") in _kind(rels, "membership")
    assert _kind(rels, "quote") == [("Person:何永福", None, "师傅教得细。")]


def test_a_numbered_shift_before_a_title_is_a_unit_of_the_body_named_before(recognizer):
    text = ("这个基地隶属于翔宇航空工程技术有限公司。“飞机白天飞。”定检车间二班班长白建伟对记者说。"
            "\n八一队队长王强说，好。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:王强", None, "八一队队长"),  # a name: no unit of the body before
                                         ("Person:白建伟", "Organization:翔宇航空工程技术有限公司", "二班班长")]


def test_quotes_after_a_dated_scene_a_simile_and_not_for_deeds(recognizer):
    text = ("“到账了！一分不少！”1月16日下午，在龙岗区总工会工作站，建筑工人罗德贵捏着手机。"
            "\n“造一艘邮轮，就像盖一座小城市。”总经理顾建明打了个比方。"
            "\n贺佳怡用行动作了回答：她跟着师傅们钻油箱，把维修手册翻得起了毛边。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:罗德贵", None, "到账了！一分不少！"),
                                    ("Person:顾建明", None, "造一艘邮轮，就像盖一座小城市。")]


def test_a_quote_that_names_the_last_person_is_the_paragraph_subject_s(recognizer):
    text = ("列车员农小燕是南宁人。"
            "\n小农前年才入职，心里直打鼓。是韦秋兰走过来，把情况解释清楚。“韦姐教我，先把心放软，话才说得进人心里。”")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:小农", None, "韦姐教我，先把心放软，话才说得进人心里。")]


def test_those_holding_an_honor_listed_after_it(recognizer):
    text = ("获得云南省巾帼建功标兵称号的，多是技术骨干。滇锡冶炼有限公司操作工李秀珍（彝族）、"
            "银都银器有限公司錾刻师尹丽萍（白族）、凤尾竹农民专业合作社理事长玉应（傣族）等人受到表彰。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:尹丽萍", "Honor:云南省巾帼建功标兵", None),
                                    ("Person:李秀珍", "Honor:云南省巾帼建功标兵", None),
                                    ("Person:玉应", "Honor:云南省巾帼建功标兵", None)]


def test_an_interview_answer_goes_on_in_unlabelled_paragraphs_until_the_next_question(recognizer):
    text = ("记者：入会难在哪里？\n邝丽珊：难就难在找不到人。\n在佛山，我们推动成立了司机工会联合会。"
            "\n直属库主任李文华介绍，库里建成了测温系统。\n记者：下一步有什么打算？\n邝丽珊：扩大覆盖面。"
            "\n采访结束时，我们又聊了很久。")
    _, rels = _facts(text, recognizer)
    assert [(s, t) for s, _, t in _kind(rels, "quote")] == [
        ("Person:李文华", "库里建成了测温系统。"), ("Person:邝丽珊", "在佛山，我们推动成立了司机工会联合会。"),
        ("Person:邝丽珊", "扩大覆盖面。"), ("Person:邝丽珊", "难就难在找不到人。")]


def test_a_post_after_an_age_a_name_cut_short_by_the_tagger_and_a_unit_referred_to_by_its_tail(recognizer):
    text = ("华岳隧道工程集团有限公司秦岭隧洞项目部负责这一段。"
            "\n主控室里，掘进班班长何明亮盯着屏幕上跳动的数据。何明亮的掘进班有18个人。"
            "何明亮今年39岁，是华岳隧道工程集团有限公司首席技师。"
            "\n廖国栋是桂柳新能源汽车有限公司焊装车间机器人维修班班长。女徒弟谭雪梅是维修班唯一的女技术员。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:何明亮", "Organization:华岳隧道工程集团有限公司", "班长"),
        ("Person:何明亮", "Organization:华岳隧道工程集团有限公司", "首席技师"),
        ("Person:廖国栋", "Organization:桂柳新能源汽车有限公司", "班长"),
        ("Person:谭雪梅", "Organization:维修班", "女技术员")]


def test_a_body_referred_to_by_its_class_and_a_worker_s_union_post_leaves_the_worker_without_a_body(recognizer):
    text = ("我们推动成立了佛山市货车司机工会联合会。"
            "顺德区货车司机黄伟强跑了18年长途，如今是联合会兼职副主席。")
    _, rels = _facts(text, recognizer)
    assert sorted(((r.subject, r.object, r.role) for r in rels if r.kind == "membership"), key=str) == [("Person:黄伟强", "Organization:联合会", "兼职副主席"),
                                                          ("Person:黄伟强", None, "货车司机")]


def test_a_unit_s_class_alone_refers_to_the_one_unit_of_that_class_named_before(recognizer):
    text = "这个基地隶属于翔宇航空工程技术有限公司西安维修基地。雷振华是基地的首席技师，干发动机维修已有30年。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:雷振华", "Organization:基地", "首席技师")]


def test_gongsi_alone_is_the_company_the_article_names_most_not_its_group(recognizer):
    text = ("走进阿瓦提天棉纺织有限公司，比武正在进行。"
            "\n阿瓦提天棉纺织有限公司是新疆天棉纺织集团有限公司的全资子公司。公司总经理陈立新说，好。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:陈立新", "Organization:阿瓦提天棉纺织有限公司", "总经理")]


def test_a_company_s_party_committee_post_is_the_company_s(recognizer):
    text = ("远港集团大连海晟重工有限公司的船坞里很热。海晟重工党委副书记、工会主席贾文涛告诉记者，好。"
            "\n马鞍镇党委书记王强说，好。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:王强", "Organization:马鞍镇党委", "书记"),
                                         ("Person:贾文涛", "Organization:海晟重工", "党委副书记"),
                                         ("Person:贾文涛", "Organization:海晟重工", "工会主席")]


def test_a_person_whose_age_is_told_and_an_honor_joined_to_the_post(recognizer):
    text = ("青岛海晟自动化集装箱码头有限公司隶属于胶州湾港口集团有限公司。"
            "孙海鹰今年41岁，开了20年桥吊，是胶州湾港口集团首席技师、山东省技术能手。")
    mentions, rels = _facts(text, recognizer)
    assert "Organization:青岛海晟自动化集装箱码头有限公司" in {f"{m.label}:{m.text}" for m in mentions.mentions}
    assert _kind(rels, "membership") == [("Person:孙海鹰", "Organization:胶州湾港口集团", "首席技师")]
    assert _kind(rels, "award") == [("Person:孙海鹰", "Honor:山东省技术能手", None)]


def test_an_account_told_after_a_colon_a_nationality_before_a_title_and_a_career_s_start(recognizer):
    text = ("国网工布江达县供电公司错高供电所所长拉巴次仁讲起了去年冬天的一件事：错高村一户牧民家突然停电。"
            "\n走进阿瓦提天棉纺织有限公司，比武正在进行。阿依努尔的师傅，是汉族挡车工李秀芳。"
            "\n救护队队长韩志刚站在监控屏前。韩志刚从普通队员一步步干到队长。2023年，他获得山西省五一劳动奖章。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:拉巴次仁", None, "错高村一户牧民家突然停电。")]
    assert ("Person:李秀芳", "Organization:阿瓦提天棉纺织有限公司", "挡车工") in _kind(rels, "membership")
    assert _kind(rels, "award") == [("Person:韩志刚", "Honor:山西省五一劳动奖章", None)]


def test_a_hospital_s_department_before_a_title_and_its_ward_are_no_bodies_of_their_own(recognizer):
    text = ("新巴尔虎左旗中心医院住院部的走廊里，护士们已经忙开了。内科护士长萨仁图雅推着治疗车。"
            "\n医院护理部主任刘淑芬告诉记者，好。")
    mentions, rels = _facts(text, recognizer)
    assert {m.text for m in mentions.mentions if m.label == "Organization"} == {"新巴尔虎左旗中心医院"}
    assert _kind(rels, "membership") == [("Person:刘淑芬", "Organization:新巴尔虎左旗中心医院", "护理部主任"),
                                         ("Person:萨仁图雅", "Organization:新巴尔虎左旗中心医院", "内科护士长")]


def test_a_quote_after_a_colon_is_not_the_one_the_speaker_faces(recognizer):
    text = "内科护士长萨仁图雅走进病房。额尔敦老人已经能坐起来了，他冲着萨仁图雅竖起大拇指：“好孩子，好护士！”"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:额尔敦", None, "好孩子，好护士！")]


def test_a_team_of_a_unit_named_before_by_the_end_of_its_name(recognizer):
    text = ("远港集团大连海晟重工有限公司船体车间里焊花飞溅。大徒弟曲晓峰如今是船体车间焊接一班班长。"
            "\n云南滇源水电检修有限公司大理分公司承担检修。白族姑娘字春梅是分公司电气试验班的试验员。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:字春梅", "Organization:分公司", "试验员"),
                                         ("Person:曲晓峰", "Organization:船体车间", "焊接一班班长")]


def test_one_of_those_the_clause_before_names_by_their_title(recognizer):
    _, rels = _facts("郑州市第一中学今年扩招。学校新招了5名教师，李华就是其中之一。", recognizer)
    assert _kind(rels, "membership") == [("Person:李华", "Organization:郑州市第一中学", "教师")]
    _, rels = _facts("宁夏煤业公司今年新招了30名技术员，90后姑娘马丽就是其中一位。", recognizer)
    assert _kind(rels, "membership") == [("Person:马丽", "Organization:宁夏煤业公司", "技术员")]


def test_a_post_at_the_place_of_work_named_by_its_class_word(recognizer):
    text = ("舟山引航站有引航员60多名。戴晨阳今年29岁，是站里的三级引航员。"
            "\n海川轨道客车股份有限公司是老厂。我的师傅刘德厚是厂里有名的八级钳工。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:刘德厚", "Organization:海川轨道客车股份有限公司", "八级钳工"),
                                         ("Person:戴晨阳", "Organization:舟山引航站", "三级引航员")]


def test_a_unit_class_alone_stands_for_the_unit_the_sentence_is_set_in(recognizer):
    text = "在宏达机械有限公司的装配车间，李建国是车间的质检员，今年26岁。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:李建国", "Organization:宏达机械有限公司", "质检员")]


def test_a_title_after_a_qualifier_with_de_keeps_its_unit_word(recognizer):
    text = "华驰汽车集团有限公司总装车间有职工300人。刘畅今年28岁，是车间里最年轻的班组长。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:刘畅", "Organization:华驰汽车集团有限公司总装车间", "班组长")]


def test_the_subject_of_a_post_is_not_the_person_whose_relative_it_is(recognizer):
    text = "楚钢冷轧厂硅钢车间有职工200人。聂国强的女儿聂思雨2019年进入硅钢车间，如今是车间的工艺工程师。"
    _, rels = _facts(text, recognizer)
    assert [(s, r) for s, _, r in _kind(rels, "membership")] == [("Person:聂思雨", "工艺工程师")]


def test_a_pronoun_after_a_name_opens_a_clause_not_an_apposition(recognizer):
    dm, rels = _facts("记者见到了王丽娜，她是宏达机械有限公司的质检员。", recognizer)
    assert {m.text for m in dm.mentions if m.label == "Organization"} == {"宏达机械有限公司"}
    assert _kind(rels, "membership") == [("Person:王丽娜", "Organization:宏达机械有限公司", "质检员")]


def test_a_post_held_as_the_clause_before_a_name_says(recognizer):
    text = ("作为江南造船厂高级技师，李明每天都要检查焊缝。王强来自安徽。作为宁波港集团的桥吊司机，他对作业格外小心。"
            "作为一名普通工人，张华每天都来。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:李明", "Organization:江南造船厂", "高级技师"),
                                         ("Person:王强", "Organization:宁波港集团", "桥吊司机")]


def test_a_title_that_starts_inside_a_shorter_listed_one_is_read_whole(recognizer):
    # 焊接工|程师 and 探伤工|长: the lexicon lists 焊接工 and 探伤工, but the titles are 工程师 and 工长
    text = ("在华菱钢铁有限公司，记者见到了焊接工程师罗军。"
            "\n太原铁路局工务段的灯还亮着。全国五一劳动奖章获得者、探伤工长薛建国正在检查数据。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:罗军", "Organization:华菱钢铁有限公司", "焊接工程师"),
                                         ("Person:薛建国", "Organization:太原铁路局工务段", "探伤工长")]


def test_a_post_taken_in_the_clause_after_joining_a_body(recognizer):
    text = ("2005年，刘丽进入长庆油田第三采油厂工作，成为了一名采油工。王强进入宏达机械有限公司，当上了班长。"
            "张华进入宏达机械有限公司，成为公司最年轻的技师。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:刘丽", "Organization:长庆油田第三采油厂", "采油工"), ("Person:张华", "Organization:宏达机械有限公司", None),
        ("Person:王强", "Organization:宏达机械有限公司", "班长")]


def test_the_body_a_person_is_in_by_suo_zai_de(recognizer):
    text = "赵丽所在的宏达机械有限公司获评标杆。王强说好。她所在的长江重工有限公司很忙。其他人所在的华新水泥有限公司很好。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:王强", "Organization:长江重工有限公司", None),
                                         ("Person:赵丽", "Organization:宏达机械有限公司", None)]


def test_a_post_after_the_fields_of_a_profile(recognizer):
    text = "马丽，女，汉族，1985年出生，宁夏共享集团铸造分公司工段长。王强，男，1979年8月生，中共党员，中铁十局高级技师。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:王强", "Organization:中铁十局", "高级技师"),
                                         ("Person:马丽", "Organization:宁夏共享集团铸造分公司", "工段长")]


def test_a_team_s_honor_is_no_person_s_honor_cut_short(recognizer):
    dm, _ = _facts("马丽带领的班组先后获得全国工人先锋号、全国五一巾帼标兵岗等荣誉。", recognizer)
    assert [m.text for m in dm.mentions if m.label == "Honor"] == []


def test_trade_titles_of_more_industries_and_no_name_after_a_group_s_title(recognizer):
    text = ("贵州仁怀醇岭酒业有限公司品酒师吴秀兰说，好。绍兴越绣印染有限公司配色师沈国梁说，好。"
            "太原技师学院学生贾晓宇说，好。一些学生衣来伸手。")
    dm, rels = _facts(text, recognizer)
    assert "衣来" not in {m.text for m in dm.mentions}
    assert _kind(rels, "membership") == [("Person:吴秀兰", "Organization:贵州仁怀醇岭酒业有限公司", "品酒师"),
                                         ("Person:沈国梁", "Organization:绍兴越绣印染有限公司", "配色师"),
                                         ("Person:贾晓宇", "Organization:太原技师学院", "学生")]


def test_a_brand_of_two_characters_no_dictionary_joins_and_a_body_set_up_as_its_own(recognizer):
    text = "2009年，越绣纺织集团有限公司收购了这家老厂，组建了旗下的绍兴越绣印染有限公司，专做高档面料。"
    dm, rels = _facts(text, recognizer)
    assert _kind(rels, "suborganization") == [("Organization:绍兴越绣印染有限公司", "Organization:越绣纺织集团有限公司", None)]


def test_an_honor_conferred_on_a_prize_s_winners(recognizer):
    text = ("比赛结果揭晓：钱塘电梯工程有限公司的陈永康、之江机电安装有限公司的吴婷婷获得一等奖；滨盛物业服务有限公司的周凯"
            "获得二等奖。闭幕式上，一等奖获得者被授予“杭州市技术能手”称号。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:吴婷婷", "Honor:杭州市技术能手", None),
                                    ("Person:陈永康", "Honor:杭州市技术能手", None)]


def test_a_sentence_that_opens_with_a_name_and_its_post(recognizer):
    text = ("孙立新，临泉县人力资源和社会保障局劳动保障监察大队大队长。他告诉记者，监察人员约谈了劳务公司。"
            "马骁是渤西作业公司的吊车司机。")
    dm, rels = _facts(text, recognizer)
    assert sorted(m.text for m in dm.mentions if m.label == "Organization") == [
        "临泉县人力资源和社会保障局", "临泉县人力资源和社会保障局劳动保障监察大队", "渤西作业公司"]
    assert _kind(rels, "membership") == [
        ("Person:孙立新", "Organization:临泉县人力资源和社会保障局劳动保障监察大队", "大队长"),
        ("Person:马骁", "Organization:渤西作业公司", "吊车司机")]


def test_a_verb_of_greeting_a_body_is_no_part_of_its_name(recognizer):
    dm, _ = _facts("中华全国总工会致信祝贺湖北华冶钢铁集团建厂70周年——", recognizer)
    assert sorted(m.text for m in dm.mentions if m.label == "Organization") == ["中华全国总工会", "湖北华冶钢铁集团"]


def test_one_s_student_is_no_school_s_and_who_speaks_for_a_body_is_no_part_of_it(recognizer):
    text = ("广东省机械技师学院是老校。我的学生廖俊杰，2023年夺得银牌。"
            "\n贵州省总工会第十四次代表大会开幕。龙国华代表省总工会第十三届委员会作工作报告。")
    dm, rels = _facts(text, recognizer)
    assert {m.text for m in dm.mentions if m.label in ("Person", "Organization")} == {
        "广东省机械技师学院", "廖俊杰", "省总工会", "贵州省总工会", "龙国华"}
    assert _kind(rels, "membership") == []


def test_answers_of_an_interview_laid_out_as_questions_and_answers(recognizer):
    text = ("——访海川轨道客车股份有限公司首席技师毕建新\n把螺栓拧到刚刚好\n"
            "转向架是高速列车的腿。\n问：您是怎么走上这条路的？\n答：我1994年技校毕业进厂当钳工。\n"
            "我的师傅第一天就跟我讲手上要有准头。\n问：转向架装配难在哪里？\n答：一台转向架有上千个零部件。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:毕建新", None, "一台转向架有上千个零部件。"),
                                    ("Person:毕建新", None, "我1994年技校毕业进厂当钳工。"),
                                    ("Person:毕建新", None, "我的师傅第一天就跟我讲手上要有准头。")]


def test_the_head_of_a_unit_in_common_words_is_placed_in_the_body_the_article_is_about(recognizer):
    text = ("西安秦丝陆港运营有限公司负责班列编组。西安秦丝陆港运营有限公司有职工800人。"
            "\n调度中心主任刘宏伟是她的引路人。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:刘宏伟", "Organization:西安秦丝陆港运营有限公司", "调度中心主任")]


def test_a_quote_followed_by_what_the_speaker_talks_about_or_does_as_they_say_it(recognizer):
    text = ("窑炉的温度全凭经验判断。“戴着墨镜从看火孔往里瞅，火焰发白就是温度高了。”说起当年，鲁志刚眯起眼睛比画着。"
            "\n农美兰在养护站。“路是山里人的命根子。”说这话时，农美兰正蹲在路边。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:农美兰", None, "路是山里人的命根子。"),
                                    ("Person:鲁志刚", None, "戴着墨镜从看火孔往里瞅，火焰发白就是温度高了。")]


def test_the_one_who_leads_a_studio_or_founded_a_company_belongs_to_it(recognizer):
    text = ("关振宇是全国技术能手。2016年，由他领衔的“关振宇技能大师工作室”挂牌成立。"
            "\n马文俊是回族。2015年，他回乡创办了青海伊尔兰餐饮管理有限公司。"
            "\n在他的带动下，项目部成立了洛阳宏达重工有限公司。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:关振宇", "Organization:关振宇技能大师工作室", None),
                                         ("Person:马文俊", "Organization:青海伊尔兰餐饮管理有限公司", None)]


def test_an_honor_held_now(recognizer):
    text = "马文俊是回族。2015年，他回乡创办了青海伊尔兰餐饮管理有限公司，如今是青海省劳动模范。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:马文俊", "Honor:青海省劳动模范", None)]
    _, rels = _facts("马文俊如今是青海省劳动模范。", recognizer)
    assert _kind(rels, "award") == [("Person:马文俊", "Honor:青海省劳动模范", None)]


def test_a_pronoun_after_when_before_a_colon_quote(recognizer):
    _, rels = _facts("王帅是我带的徒弟。后来他跟我说：“师傅，这回我心里有底了。”", recognizer)
    assert _kind(rels, "quote") == [("Person:王帅", None, "师傅，这回我心里有底了。")]


def test_an_honor_both_of_a_pair_received(recognizer):
    text = "最让他骄傲的是孟凡宇和敖丽娜。去年，两人分别拿下全国大赛金牌和银牌，双双被授予全国技术能手称号。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:孟凡宇", "Honor:全国技术能手", None), ("Person:敖丽娜", "Honor:全国技术能手", None)]
    _, rels = _facts("孟凡宇和敖丽娜双双被授予全国技术能手称号。", recognizer)
    assert _kind(rels, "award") == [("Person:孟凡宇", "Honor:全国技术能手", None), ("Person:敖丽娜", "Honor:全国技术能手", None)]


def test_a_graduate_of_a_school_without_from(recognizer):
    text = ("王伍说，他想回乡。他是西昌学院的毕业生，却主动回到家乡。"
            "\n陈一鸣是站里最年轻的育种员，华中农业大学博士毕业后主动申请来到南繁。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:王伍", "Organization:西昌学院", None),
                                         ("Person:陈一鸣", "Organization:华中农业大学", None)]


def test_a_unit_in_common_words_between_body_and_title_leaves_the_post_to_the_body(recognizer):
    text = ("湖北华冶钢铁集团有限公司成立于1954年。炼铁厂3号高炉工长龙建军是苗族。冷轧厂工长杨帆说，今年很忙。"
            "\n柳州桂香源食品有限公司位于柳南区。3号生产线线长韦秀梅一边巡线一边说，今年很忙。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:杨帆", "Organization:湖北华冶钢铁集团有限公司", "工长"),
                                         ("Person:韦秀梅", "Organization:柳州桂香源食品有限公司", "3号生产线线长"),
                                         ("Person:龙建军", "Organization:湖北华冶钢铁集团有限公司", "3号高炉工长")]


def test_a_post_in_a_unit_in_common_words_after_a_predicate(recognizer):
    text = ("贵州黔云数标科技有限公司有200名员工。罗美兰2019年进入公司。如今，她已是语音标注组的质检员。"
            "\n湖北华冶钢铁集团有限公司成立于1954年。张德顺今年82岁，退休前是炼铁厂的高炉工长。王强是老师傅的徒弟。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:张德顺", "Organization:湖北华冶钢铁集团有限公司", "高炉工长"),
                                         ("Person:罗美兰", "Organization:贵州黔云数标科技有限公司", "质检员")]


def test_posts_stated_in_clauses(recognizer):
    text = ("湖北华冶钢铁集团有限公司成立于1954年。在炼钢厂转炉车间当操作工的杨帆说，炉子不等人。"
            "吴静是淮颍律师事务所的执业律师，2021年起受聘担任临泉县总工会法律顾问。"
            "周桂兰在临泉县人民法院当了30年法官，退休后专门做调解。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:吴静", "Organization:临泉县总工会", "法律顾问"), ("Person:吴静", "Organization:淮颍律师事务所", "执业律师"),
        ("Person:周桂兰", "Organization:临泉县人民法院", "法官"),
        ("Person:杨帆", "Organization:湖北华冶钢铁集团有限公司", "操作工")]


def test_a_studio_is_not_the_workplace_the_context_gives(recognizer):
    text = ("远港集团大连海晟重工有限公司有职工3000人。2015年，邹德海技能大师工作室成立。"
            "大徒弟曲晓峰如今是船体车间焊接一班班长。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:曲晓峰", "Organization:远港集团大连海晟重工有限公司", "船体车间焊接一班班长")]


def test_a_department_of_the_company_just_named_and_where_a_body_is_set(recognizer):
    text = "绍兴越绣纺织集团有限公司有职工800人。公司设备科科长王海军说，今年很忙。北京远大集团总部设在朝阳区。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:王海军", "Organization:绍兴越绣纺织集团有限公司", "设备科科长")]
    assert _kind(rels, "located_in") == [("Organization:北京远大集团", "Place:朝阳区", None)]


def test_a_lead_quote_before_a_sentence_with_a_fronted_time_phrase_not_its_object(recognizer):
    text = ("临泉县总工会职工法律援助工作站成立于2019年。\n“22个人的工钱，一分不少都到账了！”今天一早，建筑班组长张存良带着工友来到工作站。"
            "\n“王律师，我的工钱终于拿到了！”近日，农民工老赵激动地握住律师王晓燕的手。")
    _, rels = _facts(text, recognizer)
    assert [(s, t) for s, _, t in _kind(rels, "quote")] == [("Person:张存良", "22个人的工钱，一分不少都到账了！")]


def test_quotes_that_close_a_sentence_about_their_speaker(recognizer):
    text = ("周至县翠峰猕猴桃专业合作社有社员300户。“以前是论斤卖，现在是论个卖。”合作社理事长杨建民拿起一个果子，用手掂了掂，"
            "“这颗有110克，能卖到3块钱。”\n杨建民盘算着，等这一季忙完，要去外地考察，“让周至猕猴桃的牌子越擦越亮”。"
            "\n果农张秀英家有8亩果园。她记得，早些年只能等客商上门，“人家给多少就是多少，一点办法没有”。"
            "\n省总工会主席王立明在致辞中说，工会工作成效显著，“希望各级工会组织坚持以职工为中心。”"
            "\n高连生是抢修班班长。凌晨，高连生抓起工具包就往外走：“走，出车！”"
            "\n他来到车间，“安全生产，人人有责”的标语格外醒目。")
    _, rels = _facts(text, recognizer)
    assert [(s, t) for s, _, t in _kind(rels, "quote")] == [
        ("Person:张秀英", "人家给多少就是多少，一点办法没有"), ("Person:杨建民", "让周至猕猴桃的牌子越擦越亮"),
        ("Person:杨建民", "这颗有110克，能卖到3块钱。"),
        ("Person:王立明", "工会工作成效显著，“希望各级工会组织坚持以职工为中心。"), ("Person:高连生", "走，出车！")]


def test_a_class_word_with_de_stands_for_the_body_just_named(recognizer):
    text = ("周至县翠峰猕猴桃专业合作社有社员300户。张秀英是合作社的第一批社员。"
            "\n苏州云针刺绣艺术有限公司成立于2005年。大徒弟沈佳怡是公司的设计总监。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:张秀英", "Organization:周至县翠峰猕猴桃专业合作社", "社员"),
                                         ("Person:沈佳怡", "Organization:苏州云针刺绣艺术有限公司", "设计总监")]


def test_a_title_goes_to_the_body_named_after_its_work(recognizer):
    text = ("南京引航站有引航员80名。福州远帆航运有限公司的船长黄德林说，今年很忙。"
            "等在引航艇上的引航员吕子豪迎了上来。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:吕子豪", "Organization:南京引航站", "引航员"),
                                         ("Person:黄德林", "Organization:福州远帆航运有限公司", "船长")]


def test_craft_and_trade_titles(recognizer):
    text = "洛浦县丝路花毯农民专业合作社织工阿依古丽说，订单多了。瑞丽通达国际物流有限公司报关员王丽说，通关快了。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:王丽", "Organization:瑞丽通达国际物流有限公司", "报关员"),
                                         ("Person:阿依古丽", "Organization:洛浦县丝路花毯农民专业合作社", "织工")]


def test_is_one_of_an_honor(recognizer):
    _, rels = _facts("制药厂厂长王振东是一名全国劳动模范。李明是一名全国劳动模范的徒弟。", recognizer)
    assert _kind(rels, "award") == [("Person:王振东", "Honor:全国劳动模范", None)]


def test_a_worker_named_by_the_work_of_a_centre_named_before_is_its_worker(recognizer):
    text = ("西安市劳动争议调解中心去年调解案件300件。农民工受雇于陕西宏远建筑劳务有限公司。"
            "负责这起案件的调解员吕建军是一名退休法官。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:吕建军", "Organization:西安市劳动争议调解中心", "调解员")]


def test_names_without_a_family_name_after_an_age_or_made_of_tibetan_name_words(recognizer):
    _, rels = _facts("19岁的旦正加来自泽库县。更藏尖措是隆务河唐卡艺术专业合作社的理事长。46岁的老刘来自泽库县。", recognizer)
    assert _kind(rels, "membership") == [("Person:更藏尖措", "Organization:隆务河唐卡艺术专业合作社", "理事长")]
    mentions, _ = _facts("19岁的旦正加来自泽库县。46岁的老刘来自泽库县。", recognizer)
    assert [m.text for m in mentions.mentions if m.label == "Person"] == ["旦正加"]


def test_the_group_is_the_group_not_a_unit_named_after_it(recognizer):
    text = ("赣南稀土新材料集团有限公司是国企。赣南稀土新材料集团有限公司研究院在开发区。"
            "“资源在我们脚下。”集团总工程师温国良说。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:温国良", "Organization:赣南稀土新材料集团有限公司", "总工程师")]


def test_a_pronoun_passes_over_someone_the_text_shows_is_of_the_other_sex(recognizer):
    text = "王秀兰是合作社的理事长。丈夫张强在县城打工。她告诉记者：“今年收成好。”"
    _, rels = _facts(text, recognizer)
    assert [q[0] for q in _kind(rels, "quote")] == ["Person:王秀兰"]
    text = "王强是车间主任。妻子李芳是质检员。他告诉记者：“今年任务重。”"
    _, rels = _facts(text, recognizer)
    assert [q[0] for q in _kind(rels, "quote")] == ["Person:王强"]
    text = "车间主任刘建国也在车间，女焊工王冬在一旁。他笑着说：“我们不怕累。”"
    _, rels = _facts(text, recognizer)
    assert [q[0] for q in _kind(rels, "quote")] == ["Person:刘建国"]
    text = "工程师李军在调试设备。她笑着说：“快好了。”"  # nothing tells: the last one named
    _, rels = _facts(text, recognizer)
    assert [q[0] for q in _kind(rels, "quote")] == ["Person:李军"]


def test_an_award_in_a_sentence_whose_subject_goes_on_unsaid(recognizer):
    text = "46岁的赵德胜已经在焊接岗位上干了28年。先后获得全国五一劳动奖章、全国技术能手等荣誉。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:赵德胜", "Honor:全国五一劳动奖章", None),
                                    ("Person:赵德胜", "Honor:全国技术能手", None)]
    text = "快递员何小龙等劳动者受到表彰；获得全国先进工作者称号的，有50人。"  # those who did: no one named
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == []
    text = "赵德胜干了28年。\n\n先后获得全国五一劳动奖章。"  # a new paragraph: no subject to go on with
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == []


def test_a_department_of_the_company_just_named_goes_with_the_title(recognizer):
    text = ("福建晋江鸿运鞋业有限公司开展工资集体协商。公司人力资源部总监黄丽娟说，工资涨了。"
            "据了解，中国航天科工集团有限公司已建成国家级技能大师工作室21个。集团公司人力资源部副部长赵明辉表示，将加大培养力度。")
    dm, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [
        ("Person:赵明辉", "Organization:中国航天科工集团有限公司", "人力资源部副部长"),
        ("Person:黄丽娟", "Organization:福建晋江鸿运鞋业有限公司", "人力资源部总监")]
    assert sorted(m.text for m in dm.mentions if m.label == "Organization") == [
        "中国航天科工集团有限公司", "福建晋江鸿运鞋业有限公司"]


def test_holders_listed_after_a_count_of_them(recognizer):
    text = "获得“齐鲁大工匠”称号的10人中，有山东重汽集团有限公司的焊工刘春雷、烟台港集团的桥吊司机于海涛等。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:于海涛", "Honor:齐鲁大工匠", None), ("Person:刘春雷", "Honor:齐鲁大工匠", None)]


def test_holders_listed_as_also_honored_with_the_honor_named_before(recognizer):
    text = ("于晓梅是此次获评“齐鲁大工匠”的3名女职工之一。同时获评的还有东岳钢铁集团有限公司作业长李振华、"
            "济南鲁锋数控机床有限公司数控车工张海涛等人。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:于晓梅", "Honor:齐鲁大工匠", None), ("Person:张海涛", "Honor:齐鲁大工匠", None),
                                    ("Person:李振华", "Honor:齐鲁大工匠", None)]
    assert ("Person:李振华", "Organization:东岳钢铁集团有限公司", "作业长") in _kind(rels, "membership")
    text = "曲延波获得了山东省富民兴鲁劳动奖章。与曲延波一同获得奖章的，还有物流公司主管王娜等。今年的收获的还有李强。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:曲延波", "Honor:山东省富民兴鲁劳动奖章", None),
                                    ("Person:王娜", "Honor:山东省富民兴鲁劳动奖章", None)]


def test_short_quotes_that_are_sentences_and_an_account_reckoned(recognizer):
    text = "马秀兰把一筐枸杞倒进箱里。“明年还来！”马秀兰笑着说。大家叫他“林两丝”，王刚说。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:马秀兰", None, "明年还来！")]
    text = "质检班班长郑海波给记者算了一笔账：一片镜片的成本是8元，返工一次就是16元。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:郑海波", None, "一片镜片的成本是8元，返工一次就是16元。")]


def test_an_award_to_a_person_referred_to_by_unit_and_title(recognizer):
    text = "52岁的林国栋有个外号叫“林两丝”。今年4月，这位镜片车间的高级技师获得浙江省五一劳动奖章。"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:林国栋", "Honor:浙江省五一劳动奖章", None)]


def test_a_city_s_union_honor_a_core_subsidiary_and_a_named_age_before_a_post(recognizer):
    text = ("林秀琴2015年当选公司工会主席，曾获评泉州市优秀工会工作者。恒岳挖掘机械有限公司是徐州恒岳机械集团有限公司的核心子公司。"
            "今年54岁的郝建军是冀华玻璃有限公司的一名熔化工。")
    dm, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:林秀琴", "Honor:泉州市优秀工会工作者", None)]
    assert _kind(rels, "suborganization") == [("Organization:恒岳挖掘机械有限公司", "Organization:徐州恒岳机械集团有限公司", None)]
    assert ("Person:郝建军", "Organization:冀华玻璃有限公司", "熔化工") in _kind(rels, "membership")


def test_the_one_called_over_with_ba_is_not_the_speaker(recognizer):
    text = "下班前，孙建军又把刘晓燕叫到控制台旁，指着曲线说：“这里还得再盯紧些。”"
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:孙建军", None, "这里还得再盯紧些。")]


def test_a_statement_over_paragraphs_and_a_frame_that_ends_its_paragraph(recognizer):
    text = ("谈起带徒弟，周玉梅有自己的看法：“年轻人脑子活，缺的是耐心。\n"
            "“焊接这门手艺，急不得，一天练不好就练一个月。”\n"
            "说起当年学艺，石凤英打开了话匣子：\n"
            "“那时候一把剪刀、一张红纸，就是一个冬天。”\n"
            "石凤英的徒弟赵明亮在一旁笑了。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:周玉梅", None, "年轻人脑子活，缺的是耐心。"),
                                    ("Person:周玉梅", None, "焊接这门手艺，急不得，一天练不好就练一个月。"),
                                    ("Person:石凤英", None, "那时候一把剪刀、一张红纸，就是一个冬天。")]


def test_what_one_does_while_speaking_and_a_name_that_names_a_team(recognizer):
    text = ("“这台机组的声音不对。”陈国华一边说，一边让徒弟记下编号。"
            "质检员吴丽萍很较真。在她看来，陈国华班组的活儿“最放心”：“他们自己查得比我还严。”")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "quote") == [("Person:吴丽萍", None, "他们自己查得比我还严。"),
                                    ("Person:陈国华", None, "这台机组的声音不对。")]


def test_joining_a_body_then_taking_a_master_is_the_apprentice_s(recognizer):
    text = ("沈阳恒宇机床有限公司（简称恒宇机床）是老厂。学徒刘一凡今年23岁。"
            "2020年，他从沈阳市机电工程学校毕业后进入恒宇机床，拜韩国栋为师。")
    _, rels = _facts(text, recognizer)
    bare = sorted((r.subject, r.object) for r in rels if r.kind == "membership" and not r.role)
    assert bare == [("Person:刘一凡", "Organization:恒宇机床"), ("Person:刘一凡", "Organization:沈阳市机电工程学校")]


def test_a_bare_union_post_after_a_company_post_is_the_company_s(recognizer):
    text = ("绵阳恒达电子科技有限公司是一家电子企业。绵阳市总工会今年举办了技能大赛。"
            "公司党委副书记、工会主席谢春兰介绍，公司工会每年举办技能比武。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "membership") == [("Person:谢春兰", "Organization:绵阳恒达电子科技有限公司", "党委副书记"),
                                         ("Person:谢春兰", "Organization:绵阳恒达电子科技有限公司", "工会主席")]


def test_profiled_people_hold_what_their_own_clause_of_a_roundup_gives(recognizer):
    text = ("大会表彰了一批先进个人。采油厂工程师王立军、炼化公司技师周晓红等10人被授予“东营市劳动模范”称号；"
            "机修厂钳工刘大海等20人获得东营市五一劳动奖章。\n王立军：油田的“活地图”\n王立军今年45岁。\n"
            "周晓红：炉前的“女状元”\n周晓红今年39岁。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:刘大海", "Honor:东营市五一劳动奖章", None),
                                    ("Person:周晓红", "Honor:东营市劳动模范", None),
                                    ("Person:王立军", "Honor:东营市劳动模范", None)]


def test_a_pronoun_after_a_master_is_the_apprentice_and_a_post_one_was_chosen_for(recognizer):
    text = ("安阳天工刺绣有限公司是一家刺绣企业。周雪梅是她最得意的徒弟。2018年，她回到家乡拜孙桂珍为师。"
            "她在图样里加入了新元素。如今，她是公司的主管，去年还获得了安阳市五一劳动奖章。"
            "吴建生有些腼腆。2016年回村后，他跟着孙桂珍学绣花。如今，他是公司的组长。"
            "去年，孙桂珍被推选为安阳市刺绣协会副会长。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:周雪梅", "Honor:安阳市五一劳动奖章", None)]
    posts = [r for r in _kind(rels, "membership") if r[2]]
    assert ("Person:周雪梅", "Organization:安阳天工刺绣有限公司", "主管") in posts
    assert ("Person:吴建生", "Organization:安阳天工刺绣有限公司", "组长") in posts
    assert ("Person:孙桂珍", "Organization:安阳市刺绣协会", "副会长") in posts
    assert not any(p[0] == "Person:孙桂珍" and p[2] in ("主管", "组长") for p in posts)


def test_a_first_post_taken_from_the_bottom_and_a_capacity_that_hides_no_one(recognizer):
    text = ("周国平今年50岁，1995年退伍后进入佛山水务集团，从抄表员干起。"
            "合作社农机手马建军作为农机手代表发言。他驾驶收割机十几年，2024年获得全国五一劳动奖章。")
    _, rels = _facts(text, recognizer)
    assert ("Person:周国平", "Organization:佛山水务集团", "抄表员") in _kind(rels, "membership")
    assert _kind(rels, "award") == [("Person:马建军", "Honor:全国五一劳动奖章", None)]


def test_a_roundup_lead_s_honor_goes_to_each_profile_and_a_view_inside_an_answer_is_no_new_quote(recognizer):
    text = ("# 匠心筑梦\n\n今年“五一”前夕，省总工会对2026年全国五一劳动奖章获得者进行表彰。本报记者走近其中两位获奖者。\n\n"
            "陈立新：守护老厂\n\n陈立新是厂里的钳工。\n\n李海燕：山路投递\n\n李海燕是一名乡村投递员。")
    _, rels = _facts(text, recognizer)
    assert _kind(rels, "award") == [("Person:李海燕", "Honor:全国五一劳动奖章", None),
                                    ("Person:陈立新", "Honor:全国五一劳动奖章", None)]
    interview = ("# 把钢水炼成作品——访大国工匠王铁军\n\n问：您怎么看荣誉？\n\n"
                 "答：荣誉多了，责任也更重了。我经常给学生上课。我觉得，这比自己拿奖还让人高兴。\n\n"
                 "问：对徒弟说过什么？\n\n答：我常对徒弟们说，手艺是一点一点磨出来的，没有捷径。")
    _, rels = _facts(interview, recognizer)
    quotes = [q[2] for q in _kind(rels, "quote")]
    assert not any(q.startswith("这比自己拿奖") for q in quotes)
    assert "手艺是一点一点磨出来的，没有捷径。" in quotes
