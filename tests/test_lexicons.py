"""The general-knowledge lexicons under ontology/lexicons/ parse and hold together.

Also a guard against leakage: no lexicon entry is a person name from the dev gold.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LEX = ROOT / "ontology" / "lexicons"
GOLD = ROOT.parent / "shared" / "eval" / "gold"  # ../shared beside the repository, as in CI

PLACE_LEVELS = {"province", "prefecture", "county"}
TITLE_CATEGORIES = set(
    "party government union enterprise worker education medical legal military academic other".split()
)
ORG_KINDS = set(
    "company group union government party court procuratorate school hospital research media unit "
    "social team".split()
)
HONOR_LEVELS = {"national", "provincial", "municipal", "industry", "other"}
HONOR_PLACEHOLDERS = {"{PROVINCE}", "{CITY}", "{REGION}", "{INDUSTRY}"}  # the ones kg.lexicon expands
GENERIC_KINDS = {"org", "person", "honor", "scope", "misc"}
CUE_SIDES = {"after", "before"}


def read_rows(name: str, ncols: int) -> list[list[str]]:
    """Non-comment lines of a lexicon split on tabs; asserts the format as it goes."""
    path = LEX / name
    raw = path.read_bytes()
    text = raw.decode("utf-8")  # must be UTF-8
    assert not text.startswith("\ufeff"), f"{name}: BOM"
    lines = text.splitlines()
    assert lines and lines[0].startswith("#"), f"{name}: header comment missing"
    header = "\n".join(l for l in lines if l.startswith("#"))
    assert "Format" in header and "Source" in header, f"{name}: header must give format and source"
    rows = []
    for n, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            assert line.strip() == "" or line.startswith("#")
            continue
        cols = line.split("\t")
        assert len(cols) == ncols, f"{name}:{n}: {len(cols)} columns, want {ncols}: {line!r}"
        assert cols[0] and cols[0] == cols[0].strip() and " " not in cols[0], f"{name}:{n}: bad name"
        assert all(c == c.strip() for c in cols), f"{name}:{n}: stray whitespace"
        rows.append(cols)
    assert rows, f"{name}: empty"
    return rows


def no_dups(keys, name):
    dups = [k for k, c in Counter(keys).items() if c > 1]
    assert not dups, f"{name}: duplicates {dups[:10]}"


# --- places -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def places():
    return read_rows("places.tsv", 4)


def test_places_format(places):
    no_dups([(n, p) for n, _, _, p in places], "places.tsv")
    for name, short, level, parent in places:
        assert level in PLACE_LEVELS, name
        assert len(short) >= 2 and short in name, (name, short)
        assert (parent == "") == (level == "province"), name
    assert len([r for r in places if r[2] == "province"]) == 34


def test_places_hierarchy(places):
    level_of: dict[str, set[str]] = {}
    for name, _, level, _ in places:
        level_of.setdefault(name, set()).add(level)
    for name, _, level, parent in places:
        if not parent:
            continue
        assert parent in level_of, f"{name}: unknown parent {parent}"
        parent_levels = level_of[parent]
        assert len(parent_levels) == 1, f"parent {parent} is ambiguous"
        (plevel,) = parent_levels
        assert plevel != "county", f"{name}: county parent {parent}"
        if level == "prefecture":
            assert plevel == "province", name
    # parents are unique names, so a chain can be followed
    non_county = Counter(n for n, _, lvl, _ in places if lvl != "county")
    assert all(c == 1 for c in non_county.values())

    parent_of = {(n, lvl): p for n, _, lvl, p in places}
    by_name = {n: (s, lvl, p) for n, s, lvl, p in places if lvl != "county"}
    assert parent_of[("中原区", "county")] == "郑州市"
    assert parent_of[("郑州市", "prefecture")] == "河南省"
    assert by_name["河南省"][1:] == ("province", "")
    assert ("东城区", "county") in parent_of and any(
        n == "东城区" and p == "北京市" for n, _, _, p in places
    )
    assert by_name["北京市"] == ("北京", "province", "")
    for city, prov in [("鞍山市", "辽宁省"), ("大连市", "辽宁省"), ("七台河市", "黑龙江省"),
                       ("哈尔滨市", "黑龙江省"), ("德阳市", "四川省")]:
        short, level, parent = by_name[city]
        assert (short, level, parent) == (city[:-1], "prefecture", prov), city


def test_place_short_forms(places):
    short = {(n, p): s for n, s, _, p in places}
    assert short[("河南省", "")] == "河南"
    assert short[("内蒙古自治区", "")] == "内蒙古"
    assert short[("广西壮族自治区", "")] == "广西"
    assert short[("延边朝鲜族自治州", "吉林省")] == "延边"
    assert short[("郑州市", "河南省")] == "郑州"
    assert short[("中原区", "郑州市")] == "中原区"
    assert short[("吉林市", "吉林省")] == "吉林市"  # 吉林 is the province
    # a short form is never shared by two places
    shorts = [s for n, s, _, _ in places if s != n]
    no_dups(shorts, "places.tsv short forms")
    names = {n for n, _, _, _ in places}
    assert not names & set(shorts)


# --- other lexicons ---------------------------------------------------------------------


def test_surnames():
    rows = read_rows("surnames.txt", 1)
    names = [r[0] for r in rows]
    no_dups(names, "surnames.txt")
    assert all(1 <= len(n) <= 2 for n in names)
    singles = [n for n in names if len(n) == 1]
    assert len(singles) >= 400 and names[:3] == ["王", "李", "张"]
    for compound in ["欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐"]:
        assert compound in names


def test_titles():
    rows = read_rows("titles.txt", 2)
    no_dups([r[0] for r in rows], "titles.txt")
    assert all(c in TITLE_CATEGORIES for _, c in rows)
    titles = {t for t, _ in rows}
    assert len(titles) >= 300
    for t in ["总书记", "工会主席", "董事长", "总工程师", "车间主任", "大班长", "专责", "首席技师",
              "实训讲师", "主任设计师", "检察长", "外卖骑手", "村支书", "村委会主任"]:
        assert t in titles, t
    mods = [r[0] for r in read_rows("title_modifiers.txt", 1)]
    no_dups(mods, "title_modifiers.txt")
    for m in ["兼职", "常务", "执行", "首席", "高级", "资深", "代理", "名誉", "专职", "驻村", "第一"]:
        assert m in mods, m


def test_org_suffixes():
    rows = read_rows("org_suffixes.txt", 3)
    no_dups([r[0] for r in rows], "org_suffixes.txt")
    for suffix, kind, strength in rows:
        assert kind in ORG_KINDS, suffix
        assert strength in {"weak", "strong"}, suffix
        if len(suffix) == 1:
            assert strength == "weak", suffix
    kinds = {s: k for s, k, _ in rows}
    for s in ["有限责任公司", "股份有限公司", "有限公司", "集团有限公司", "集团", "总工会", "工会",
              "人民法院", "中级人民法院", "人民检察院", "技师学院", "医院", "研究院", "电视台"]:
        assert s in kinds, s
    assert kinds["总工会"] == "union" and kinds["人民检察院"] == "procuratorate"


def test_honors_and_regions(places):
    regions = read_rows("regions.tsv", 2)
    no_dups([r[0] for r in regions], "regions.tsv")
    provinces = {n for n, _, lvl, _ in places if lvl == "province"}
    for region, province in regions:
        assert province in provinces, region
    region_of = dict(regions)
    assert region_of["中原"] == "河南省" and region_of["齐鲁"] == "山东省"

    rows = read_rows("honors.txt", 3)
    no_dups([r[0] for r in rows], "honors.txt")
    for honor, broader, level in rows:
        assert level in HONOR_LEVELS, honor
        assert broader and "{" not in broader, honor
        if "{" in honor:
            holes = {honor[i : honor.index("}", i) + 1] for i, c in enumerate(honor) if c == "{"}
            assert holes <= HONOR_PLACEHOLDERS, honor
    honors = {r[0] for r in rows}
    for h in ["全国劳动模范", "全国五一劳动奖章", "大国工匠", "党的二十大代表", "全国人大代表",
              "{PROVINCE}五一劳动奖章", "{CITY}劳动模范", "{REGION}大工匠"]:
        assert h in honors, h


def test_generic_words_and_cues():
    rows = read_rows("generic_words.txt", 2)
    no_dups([r[0] for r in rows], "generic_words.txt")
    assert all(k in GENERIC_KINDS for _, k in rows)
    words = {w for w, _ in rows}
    for w in ["政府", "中央企业", "基层工会", "工会", "我国", "全国", "快递小哥", "劳模", "总书记"]:
        assert w in words, w
    cues = read_rows("person_cues.txt", 2)
    no_dups([tuple(r) for r in cues], "person_cues.txt")
    assert all(s in CUE_SIDES for _, s in cues)
    assert ["说", "after"] in cues and ["他", "before"] in cues


def test_loader_reads_lexicons():
    """kg.lexicon reads these files as intended (aliases, expanded honor templates)."""
    lexicon = pytest.importorskip("kg.lexicon")
    lexicon.load.cache_clear()
    lex = lexicon.load()
    assert lex.place_alias["郑州"] == "郑州市"
    assert lex.place_alias["凉山州"] == "凉山彝族自治州"  # an autonomous prefecture's everyday short form
    assert lex.place_ancestors("郑州市") == ["河南省"]
    for honor in ["全国劳动模范", "河南五一劳动奖章", "河南省五一劳动奖章", "郑州市劳动模范", "中原大工匠", "凉山州劳动模范"]:
        assert honor in lex.honors, honor
    assert not [h for h in lex.honors if "{" in h]
    assert "说" in lex.speech_verbs and lex.org_suffixes["总工会"] == ("union", True)


# --- leakage guard ----------------------------------------------------------------------


def gold_person_names() -> set[str]:
    names: set[str] = set()
    for path in sorted(GOLD.glob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        persons = doc.get("entities", {}).get("Person", {})
        for pid, labels in persons.items():
            names.add(pid)
            names.update(labels or [])
    return names


@pytest.mark.skipif(not GOLD.is_dir(), reason="dev gold not available")
def test_no_gold_person_in_lexicons():
    names = gold_person_names()
    assert names, "no person names found in the gold"
    first_col = {
        "surnames.txt": 1,
        "titles.txt": 2,
        "title_modifiers.txt": 1,
        "generic_words.txt": 2,
        "person_cues.txt": 2,
        "org_suffixes.txt": 3,
        "honors.txt": 3,
        "regions.tsv": 2,
    }
    for fname, ncols in first_col.items():
        entries = {r[0] for r in read_rows(fname, ncols)}
        leaked = sorted(entries & names)
        assert not leaked, f"{fname} holds gold person names: {leaked}"
    # and no multi-character gold person name appears anywhere in the lexicon text, comments included
    for path in LEX.iterdir():
        text = path.read_text(encoding="utf-8")
        leaked = sorted(n for n in names if len(n) >= 2 and n in text)
        assert not leaked, f"{path.name} mentions gold person names: {leaked}"
