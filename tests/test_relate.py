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
