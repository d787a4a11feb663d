"""Find people, organizations, places and honors in one document, and the apposition frames that tie them.

Chinese news introduces a person with a chain of appositions before the name
(``HONOR、ORG+TITLE+NAME 说``), after a quotation (``“…”NAME说``), in headline lead lines
(``ORG+TITLE+NAME——``) and in profile headings (``NAME：subtitle``). The recognizer reads those
frames with lexicons of general knowledge (surnames, titles, organization suffixes, honors,
administrative divisions) and, when available, the statistical recognizer in :mod:`kg.ner`.
Nothing here knows any particular article.
"""
from __future__ import annotations

import bisect
import functools
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from kg.lexicon import Lexicons
from kg.segment import Segmenter
from kg.types import HONOR, ORGANIZATION, PERSON, PLACE, Document, Mention, Span, Token, pickled_as_call

# Characters that end a chunk of an apposition chain.
CHUNK_DELIMS = set("、，,；;：:。！？!?\n“”\"‘’「」『』（）()《》【】—…·> #\t　 ")
# Characters that continue a chain to the left (the chain is a list).
CHAIN_LINKS = set("、，,—")
SENTENCE_ENDS = set("。！？!?\n")
OPEN_QUOTES = "“「『"
CLOSE_QUOTES = "”」』"
CHINESE_DIGITS = "一二三四五六七八九十"
_PLACE_BRACKET_RE = re.compile("[（(]([一-鿿]{2,4})[）)](?=有限|股份|集团)")
_NAME_BRACKET_RE = re.compile("[（(](?:集团|控股|中国|股份)[）)](?=[\u4e00-\u9fff])")
DEPARTMENT_SUFFIXES = frozenset("部厅局委署")  # weak suffixes that end government departments
NAME_DOTS = ("·", "•", "・", "‧")  # between the parts of a transliterated name
_DOT_SPLIT_RE = re.compile(f"[{''.join(NAME_DOTS)}]")
# A run of Han parts joined by dots, each part up to six characters (trimmed to transliteration characters).
_DOTS = "".join(NAME_DOTS)
# short references to a person (short_references): 老韩, 小韩, 韩师傅, 韩老师; never themselves a full name
_REFERENCE_RE = re.compile("[老小].|.{1,2}(?:师傅|老师|大姐|大哥|阿姨|姐|哥|叔)")
_KIN_FORMS = ("姐", "大姐", "哥", "大哥", "叔", "阿姨")  # 何姐, 王大哥: what colleagues call a person
# a character after 老X/小X that makes a word (老黄牛, 小高层, 老林子, 小时) or before 老/小 that makes one (从小, 古老)
_NOT_AFTER_OLD_YOUNG = frozenset("子头层牛路车师时年区学组家乡队伙将")
_NOT_BEFORE_OLD_YOUNG = frozenset("从古养元最大较很太变缩减")
_DOTTED_RE = re.compile(f"[\u4e00-\u9fff]{{1,6}}(?:[{''.join(NAME_DOTS)}][\u4e00-\u9fff]{{1,6}}){{1,3}}")
FUNCTION_CHARS = set("的了是在和与及对把被将从也都就着过等说为以于而或向让给这那其之我你他她它们")  # never inside one
# Characters that never occur inside a given name in running text (function words).
NAME_STOP = set("的了是在和与及对把被将从也都就着过等说为以于而或并向让给这那其之我你他她它们个年月日中上下里后前某老还又却仍")
# Surnames that are far more often function words (向市民介绍, 曾两次): outside a title's context a name
# may not start with one.
FUNCTION_SURNAMES = set("区向应曾满印童于以从和经过但将只仅却还也再又更最都就才便并且而及与同由据按凭随被让叫给对替为因除自至当离朝往沿顺比跟")
_MEETING_RE = re.compile("(?:见到|找到|遇到|采访|拜访|看到)了?")
# a one-character given name that the dictionary tags as a time or measure morpheme (崔春, 任天, 魏家): taken
# when the tagger found the name, but for 家/户/里 (王家 is the Wang family, not a person)
_LOOSE_GIVEN_TAGS = ("tg", "t", "q", "ag", "zg", "m")
_HOUSEHOLD_CHARS = set("家户里村屯庄院寨")
# 唐浩|最看重, 李红|是一名: adverbs and verbs of function no given name ends with
_ADVERBS_AFTER_NAMES = frozenset("最也都还就已很更总便却又仍是被把先")
_NUMERALS = frozenset("一二三四五六七八九十百千万两几")  # 回族职工|占三成多: a count, no name
_NAME_LIKE_ADVERBS = frozenset("刚正凡真")  # given names (王刚, 陈正, 李凡) that the dictionary tags as adverbs
FUNCTION_TAGS = ("c", "m", "t", "r", "p", "d", "u", "f", "q")
# Words that commonly follow a name and so confirm where it ends.
NAME_FOLLOWERS = ("团队", "夫妇", "同志", "等人", "一家", "所在", "带领", "是", "在", "的", "把", "被", "将", "从",
                  "对", "为", "与", "和", "也", "都", "就", "已", "还", "又", "正", "等", "曾", "便", "却", "仍",
                  "坚", "毫", "常", "每", "时", "参与", "参加", "创新", "逐渐", "萌生", "深耕", "积极", "凭借",
                  "出生", "发起", "讲述", "语气", "感慨", "笑", "回忆", "坦言", "告诉", "看来", "说", "表示")
PUNCT_AFTER_NAME = set("，,、。！？!?：:；;—\n）)（(”」 　")
# Words that end whatever came before an organization's name.
NAME_BREAKERS = {"了", "的", "以", "着", "过", "在", "于", "到", "从", "向", "对", "给", "把", "被", "由",
                 "他", "她", "我", "该", "其", "这", "那", "是", "为", "将", "等", "有"}
# Words of time that open or sit in a clause, never in a body's name
_TIME_WORDS = frozenset({"今年", "去年", "明年", "前年", "目前", "近日", "日前", "正在", "近年", "近年来", "如今", "当前",
                         "现在", "此前", "近期", "年初", "年底", "年末", "今后", "眼下", "随后", "最近", "至今", "当天"})
# A two-character word the dictionary tags as a name (nr, nz) this often is an everyday word (智慧 1,581,
# 普通 6,768; not 红旗 1,052, 华为 373)
_EVERYDAY_FREQ = 1500
_MASTER_MARKERS = ("拜", "跟着", "跟随", "师从", "跟", "向", "随")  # before the name of one learned from


def named_as_master(text: str, start: int, floor: int = 0) -> bool:
    """Whether the name at ``start`` is one learned from (拜王桂珍为师, 跟着王桂珍学), looking back no further
    than ``floor``."""
    return text[max(floor, start - 2):start].endswith(_MASTER_MARKERS)

_NO_GIVEN_NAME = frozenset("到着过把被给向去")  # characters no one-character given name is (司机常|去的…)
# 梁月娥, 王月英: 月 opens many a given name, but not a date's end (月底, 月初) nor a month's count (月份)
_MONTH_GIVEN_NAME = re.compile("[^\\d\\W]月[^底初中末份内里前后度薪票均产日号的了是在和与及对把被将从也都就着过等说为以于而或并向让给这那其之]")
_VERB_COMPLEMENTS = frozenset({"上", "下", "来", "去", "着", "了", "过", "起", "到", "进", "出", "回", "完", "好"})
_KINSHIP_CHARS = frozenset("妈爸爹娘姐哥妹弟婆公叔姨伯爷奶嫂舅")
# Weak suffixes of a body's workplaces, named between the body and a post (燕钢炼铁厂|厂长)
_DESCRIBING_NOUNS = ("小伙子", "小伙", "姑娘", "青年", "女孩", "汉子", "女工", "后生", "老人")
_INDEFINITE_RE = re.compile("一(?:家|所|座|个|处)(?!.*一(?:家|所|座|个|处))")  # the last one in the phrase
_ETHNIC_WORD_RE = re.compile("[\u4e00-\u9fff]{1,3}族(?<!家族)(?<!民族)")
DEPARTMENT_ENDS = ("部", "科", "处", "室", "办")  # a department's title goes with its body (办公室主任 @ 总工会)
_TRADE_WORKS = ("厂", "矿")  # one-character suffixes that name a body's works after its trade (热轧厂, 选矿厂)
_WORKPLACE_UNITS = ("厂", "矿", "局", "所", "站", "院", "段", "库", "中心", "基地")
# Prepositions of agency that open a clause when they begin what is left of it (受|青海省总工会委托); inside a
# name they may be abbreviations (郑州经开区: 经济技术开发区).
_AGENCY_OPENERS = frozenset({"受", "据", "经", "应"})
# Words that join a body to one it owns (中国机械工业集团有限公司所属|中国第二重型机械集团有限公司).
OWNERSHIP_WORDS = ("所属", "下属", "旗下", "直属")
_OWNERSHIP_RE = re.compile(f"(?:{'|'.join(OWNERSHIP_WORDS)})的?")
# A department named after its body: nouns and 司 after a ministry (职业能力建设司; not 公司, nor 司机: no word
# ends there), nouns and 系 after a university (土木工程系).
_DEPARTMENT_RE = re.compile("[\u4e00-\u9fff]{2,8}?(?<!公)[司系]")
_DEPARTMENT_OF = {"司": ("部", "委"), "系": ("大学", "学院")}
# （以下简称“Q公司”）, （简称中国石化）: a short name the article defines for the body before it
_SHORT_NAME_RE = re.compile("[（(](?:以下)?简称[：:]?[“「\"]?([\u4e00-\u9fffA-Za-z0-9]{2,12}?)[”」\"]?[）)]")
_NUMBERED_UNIT_RE = re.compile("[一二三四五六七八九十]{1,3}(?:局|公司|处|院|所|厂)")
# Verbs that commonly stand right before an organization's name.
ORG_PRECEDING_VERBS = {"入职", "加入", "扎根", "来到", "走进", "前往", "成立", "创办", "请来", "联系", "督促", "建议",
                       "完善", "放弃", "发起", "举行", "参加", "参与", "考入", "考上", "就读", "毕业于", "调入", "调到",
                       "进入", "带领", "组织", "推动", "依托", "联合", "指导", "协调", "要求", "通过", "邀请", "对接",
                       "找到", "报告", "作为", "深耕", "去", "读", "到", "当", "得知", "但", "而", "并", "又", "还",
                       "召开", "举办", "主办", "承办", "出席", "走访", "慰问", "授予", "表彰", "来自",
                       "就职于", "供职于", "任职于", "受聘于", "担任", "出任", "现任", "还有", "以及", "包括", "获得", "荣获", "获评", "成为", "一名", "一位", "一个", "曾与",
                       "叫", "名叫", "叫做", "隶属于", "隶属", "归属于", "祝贺", "致信", "致电", "看望", "帮助", "支持", "委托",
                       "设有", "选树", "收购", "兼并", "入驻", "落户", "代表"}
# what a party to a contract or a dispute is called before its name, with 方 (承包方, 用工|方, 甲方)
_PARTY_STEMS = frozenset({"甲", "乙", "丙", "丁", "承包", "总承包", "分包", "发包", "施工", "建设", "业主", "投资",
                          "用人", "用工", "供货", "供应", "采购", "需求", "资", "劳", "厂", "校", "院", "雇主", "出资"})
NATIONAL_PREFIXES = ("全国", "中华全国", "中国", "中华", "国家")
# Verbs of holding a post that the segmenter may join to the organization after them (现任|某某集团董事,
# 仍兼任|全国人大常委会委员): adverbs before 任, or a verb before 于.
ROLE_VERB_RE = re.compile("[仍还并曾现历兼先后再又也均]{1,3}任(?:职于)?|(?:就职|任职|供职|受聘|服务)于")
# One-character 任 (serve as), 于 (at) and 访 (an interview with), and the characters before them that mark
# them as such (至今任…, 2010年起任…, 就职于…, 毕业于…, ——专访…); any other character before them may be
# part of a name.
ROLE_CHARS = {"任": "今起至年月日再后", "于": "职业聘", "访": "专", "记": ""}  # 记: a profile's dek (——记ORG+TITLE+NAME)
# A news dateline (新华社北京4月20日电) that may run into the organization named after it.
DATELINE_RE = re.compile("[^，。]{0,16}?[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日电")
# Conjunctions and prepositions that may be read into the start of an organization's name (和|劳拉公司).
LEADING_FUNCTION_CHARS = frozenset("和与及同跟向在据从由对")
_BELONGS_RE = re.compile("隶属于|隶属|归属于")
_ITS_OWN_RE = re.compile("其(?:所属|下属|旗下|直属)的?|(?:组建|成立|设立|新设)了?(?:所属|下属|旗下)的?")  # 组建了旗下的ORG2
_LEVEL_WORDS = frozenset({"城乡", "乡镇", "村镇"})  # words that end in a level's character
_QUOTED_NAME_RE = re.compile("“([\u4e00-\u9fff]{3,10})”")
_SETS_UP_RE = re.compile("(?:有|拥有|组建了?|成立了?|设立了?|打造了?)")  # ORG有一支…的“玫瑰车队”
_PLACE_CLASS_CHARS = frozenset("省市县区镇乡村州旗盟")
_NUMBERED_CREW_RE = re.compile("(?<![0-9０-９.．])[0-9０-９]{3,6}(?:钻井队|修井队|采油队|作业队|井队|机车队|车队)")  # 1205钻井队
_NUMBERED_TAIL_RE = re.compile("[0-9０-９]{3,6}[\u4e00-\u9fff]{0,4}$")
_COMMON_PLACE_WORDS = frozenset({"城市", "东西", "平原", "外国", "英雄", "太阳"})  # common words the dictionary tags ns
_PREPOSITIONS = frozenset("从在由对跟与据")  # of LEADING_FUNCTION_CHARS, the ones hardly ever a family name
# Words for a person's relation to another, written right before a name (徒弟刘洋说).
RELATION_NOUNS = ("徒弟", "学生", "师傅", "同事", "妻子", "丈夫", "儿子", "女儿", "父亲", "母亲", "队友", "搭档",
                  "学员", "工友", "老伴", "爱人")
# Verbs that bind a subject to an organization it works for.
AFFILIATION_VERBS = ("入职", "加入", "扎根", "就职于", "供职于", "任职于", "工作于", "受聘于", "效力于", "来到", "考入",
                     "就读于", "毕业于", "进入", "创办", "创立", "组建", "成立", "分到", "分配到", "调到", "调入")
_AFFILIATION_RE = re.compile("|".join(AFFILIATION_VERBS))
# an office taken up, then the title alone and the clause's end (担任技术总监，)
_BARE_OFFICE_RE = re.compile("[，,]?(?:后来|后|现|并|还|又|同时)?(?:担任|出任|升任|兼任|现任|成为了?(?:一名)?|是(?:一名|一位))"
                             "([\u4e00-\u9fff]{2,10}?)(?=[，,。；;！!？?、]|$)")
# what runs a body's name on into a clause (毕业后回到合作社): no unit of a body is named so
_CLAUSE_IN_NAME_RE = re.compile("|".join((*AFFILIATION_VERBS, "毕业", "回到", "后到", "调到", "调入", "退休",
                                           "建成", "建立", "建起", "成立", "组建", "设立", "创建")))  # 公司|建成工作室
# verbs of taking or holding an office, before ORG+TITLE
OFFICE_VERBS = ("被聘为", "被评聘为", "被聘任为", "被任命为", "被推选为", "被选为", "被推举为", "当选为", "担任", "出任", "现任", "曾任", "兼任", "升任")
ROLE_VERBS = (*OFFICE_VERBS, "当选", "原是", "曾是", "现是", "已是", "已经是", "也是", "是", "成为", "成了", "作为", "身为")
# 作为ORG的TITLE，NAME…: the post of the person the clause after it opens with
_AS_POST_RE = re.compile("(?:^|(?<=[。！？!?；;\n]))(?:作为|身为)[^，,。；;！？!?\n]{3,40}[，,]")
_POST_VERBS = (*OFFICE_VERBS, "历任", "聘为", "评为")  # 被评|聘为, 被评为: the tagger splits them
_ELECTED_RE = re.compile("当选为([\u4e00-\u9fff]{2,6}?)(?=[，,。；;])")
# a clause that goes on with the subject's post: 褚雅琴曾是…徒弟，|现任ORG+TITLE
_POST_CLAUSE_RE = re.compile("[，,](?:[0-9０-９]{4}年(?:[0-9０-９]{1,2}月)?起?|后|现|并|还|又|同时)?(?:受聘)?(?="
                             + "|".join(v for v in OFFICE_VERBS if v[0] != "被") + ")"
                             "|[，,](?:同时)?(?=也是|还是)"  # 是ORG律师，也是ORG2聘请的律师: the subject's second post
                             "|[，,](?:如今|现在|目前|现|退休前)?(?=已是|已经是|是)")  # 胡长青，今年52岁，是ORG的一名钢筋工; 今年56岁，是ORG特级技师
# the fields a profile writes after a name: sex, people, birth, party, schooling (马丽，女，汉族，1985年出生，)
_BIO_FIELDS_RE = re.compile("(?:[，,](?:男|女|[\u4e00-\u9fff]{1,4}族|[0-9０-９]{4}年(?:[0-9０-９]{1,2}月)?(?:出生|生)"
                            "|中共党员|中共预备党员|群众|(?:大学|大专|中专|本科|研究生|硕士|博士)(?:学历|文化)?))+(?=[，,])")
_ETHNIC_PREDICATE_RE = re.compile("是[\u4e00-\u9fff]{1,4}族(?=[，,])")
_AGE_CLAUSE_RE = re.compile("(?:今年|已经|已)?[0-9０-９一二三四五六七八九十]{1,3}岁[，,。]")
_WHEN_RE = re.compile("(?:今年|去年|前年|近日|日前|近期|最近|后来|随后|[0-9]{4}年(?:[0-9]{1,2}月)?)[，,]?")
_CLAUSE_PREPOSITIONS = frozenset("给向对跟把为被替朝")  # what opens a verb's phrase after its subject
_CONJUNCTION_SURNAMES = frozenset("和")  # family names that are also the commonest conjunction
_ONE_OF_THEM_RE = re.compile("(?:就|也|正|便)?是其中(?:之一|的?一[位员个名])")  # …，蓝桂芬就是其中之一
_NOW_RE = re.compile("(?:如今|现在|目前)(?:已经|已|也)?(?=是)")  # 曲晓峰如今是…班长: the post the person holds now
_CLASSIFIERS = frozenset("家个批次位名座条项届期轮大")  # 第一家公司, 第四大银行 are no names
_ORDINAL_RE = re.compile("第[0-9０-９一二三四五六七八九十]+")
ANAPHORIC_BODIES = ("公司", "集团", "企业", "工厂", "厂", "煤矿", "矿", "医院", "学校", "中心")  # 该公司: the one just named
# a body named by its level alone (省总工会, 自治区党委) -> the level of the place it belongs to (kg.link)
REGION_LEVELS = {"自治区": "province", "自治州": "prefecture", "省": "province", "市": "prefecture", "县": "county", "区": "county"}
LOCAL_BODIES = ("人民政府", "政府", "党委", "委", "总工会", "人大常委会", "人大", "政协", "纪委", "监委")
_LOCAL_DEPARTMENT_ENDS = ("局", "厅")  # 县卫生健康局, 省人社厅: a department of a place's government, by its level alone
LOCAL_LEVELS = ("街道", "镇", "乡", "村")  # the levels below a county that titles start with (镇党委书记)
ZONE_SUFFIXES = ("高新技术产业开发区", "经济技术开发区", "高新区", "经开区", "开发区", "工业园区", "工业区", "自贸区", "保税区", "新区")
_ZONE_RE = re.compile("|".join(ZONE_SUFFIXES))
# a zone whose name puts a word between the place and the zone class: 长春|汽车|经济技术开发区, 长沙|经济开发区
_NAMED_ZONE_RE = re.compile("([\u4e00-\u9fff]{2,4}?)(经济技术开发区|高新技术产业开发区|经济开发区|产业开发区|高科技园区"
                            "|工业园区|产业园区|经济综合实验区|综合保税区|开发区|工业区|产业园(?!有限|发展|投资|运营|开发|建设|管理|公司))")
# a natural feature named after the county it runs through is no place: 澜沧江 (not 澜沧), 祁连山, 金沙江
_NATURAL_FEATURE_CHARS = "江河湖山溪峡岭"
_BUILDING_CHARS = "楼阁寺庙亭"  # 怀远楼, 岳阳楼: a building named after a place, not the place
# a town, township, street or village written right after the place it belongs to
# 获得“河北省青年岗位能手”称号: whatever is quoted between a verb of conferring and 称号 is an honor
_QUOTED_HONOR_RE = re.compile("(?:获得|荣获|获评|获授|被授予|授予|被评为|评为|命名为)了?[“「]([\u4e00-\u9fff0-9]{2,16})[”」]"
                              "(?:荣誉|先进个人)?称号")  # “全国119消防奖”先进个人称号
# PLACE“HONOR”(称号): a place's honor with the class in quotes (江苏省“五一创新能手”称号)
# an honor nobody listed, in quotes after a verb of conferring, without 称号 (_QUOTED_HONOR_RE has those)
# 被评为集团“巾帼建功标兵”: the scope of the honor may stand between the verb and the quotes
HONOR_SCOPES = ("集团", "公司", "总公司", "全省", "全市", "全县", "全区", "全厂", "全系统", "系统", "行业")
_CONFERRED_IN_QUOTES_RE = re.compile("(?:获评|被评为|评为|荣获|获得了?|同获|均获|被授予|授予|命名为|当选为?)"
                                     f"(?:{'|'.join(HONOR_SCOPES)})?[“「]([一-鿿]{{3,16}})[”」]")
HONOR_PRAISE = ("优秀", "最美", "十佳", "杰出", "先进", "模范", "金牌", "首席")
HONOR_HEADS = ("能手", "标兵", "模范", "工匠", "先锋", "劳模", "人物", "之星", "奖章", "奖状", "楷模", "先进个人", "带头人",
               "红旗手", "巾帼", "先进工作者", "英雄", "大师", "名匠", "技师", "明星", "示范岗", "青年")
# 获得A、“齐鲁最美护士”等荣誉: a quoted phrase in a list of honors, after one
_LISTED_IN_QUOTES_RE = re.compile("、[“「]([一-鿿]{3,16})[”」](?=等(?:荣誉|称号|奖项)|、|和|及|称号)")
# 被评为巴蜀石油集团劳动模范: a body's own honor, its name and the class of honor
_BODY_HONOR_CLASSES = ("劳动模范", "劳模", "先进工作者", "先进个人", "技术能手", "岗位能手", "技能大师", "五一劳动奖章",
                       "优秀共产党员", "工匠", "标兵", "十佳职工", "最美职工")
_AWARD_VERB_BEFORE_RE = re.compile("(?:获评|荣获|被授予|获得|当选为?|被评为|评为|获授)了?$")
_PLACE_QUOTED_HONOR_RE = re.compile("[“「]([\u4e00-\u9fff]{2,12})[”」]((?:荣誉)?称号)?")
# 邹平(县)市: a county that became a city keeps its name, and news writes it with 市
_TOWN_END_RE = re.compile("镇|乡|街道")
_DISTRICT_AFTER_RE = re.compile("区(?!域|别|间|位|块|分|内|外)")
_TOWN_AFTER_RE = re.compile("(?:镇|乡|街道)(?!长|[\u4e00-\u9fff]{0,1}(?:民|委|干部|级|里|企|政府))")
_CITY_AFTER_COUNTY_RE = re.compile("市(?!场|民|值|面|容|井|价|况|政|县)")
# 国家级示范性…创新工作室: a class of bodies (a rating), not one body
CATEGORY_LEVELS = ("国家级", "省级", "市级", "县级", "区级", "部级", "国字号")
# a verb before a title that makes the person its object or topic (跟着|老轧钢工宋德厚学, 提起|首席技师巴特尔)
_OBJECT_LEAD_RE = re.compile("跟着|跟随|提起|说起|谈起|师从|拜")
_GENERATION_RE = re.compile("[0-9０-９]{2}后|[零〇一二三四五六七八九]{2}后")  # 90后, 00后
# what no name of a town or village holds (NAME_STOP without 中上下里后前那: 中河街道, 后许村, 那拉提镇)
_NO_LOCAL_NAME = NAME_STOP - set("中上下里后前那")
_LOCAL_RE = re.compile("([\u4e00-\u9fff]{2,4}?|[\u4e00-\u9fff]{5,6}?(?=嘎查|苏木))(街道|镇|乡|村|嘎查|苏木)(?!民|局|庄|[\u4e00-\u9fff]{0,1}(?:委|干部|级|里|企|口))")
# 济南市|12345|市民服务热线中心: a service's phone number inside a body's name (not a year or a count)
_SERVICE_NUMBER_RE = re.compile("(?<=[市县区])[0-9]{3,6}(?=[\u4e00-\u9fff])(?![年月日号个名家位人次余多])")
# 经|椿木营乡|开到, 的|大岩坪村|，, 是|大岩坪村|村民: a township or village named alone, between words of place or pauses
_BARE_LOCAL_RE = re.compile("(?<=[经到在从至往去回于住自进的、，。；“”])([\u4e00-\u9fff]{2,3})(乡|镇|村)"
                            "(?=村民|乡亲|党支部|村委会|[，。、；！？）”和的开出])")
# 住在稻田镇崔家庄村: a town and a village of it, named together without their county
_BARE_TOWN_VILLAGE_RE = re.compile("(?<=[经到在从至往去回于住自进的、，。；“”])([\u4e00-\u9fff]{2,3})(乡|镇)"
                                   "([\u4e00-\u9fff]{2,3})(村)(?=村民|乡亲|党支部|村委会|[，。、；！？）”和的开出])")
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
_ALNUM_HAN = re.compile(r"[0-9A-Za-z\u3400-\u9fff\U00020000-\U0002ffff]")


ADVERB_CHARS = frozenset("正在也又就还都便已曾将才再仍亦均")  # may follow a name: 刘军正和徒弟们
_BEFORE_LEARNING = ADVERB_CHARS | frozenset("刚没不要")  # 刚|学会用手机: learnt, no 学会 (a society)
# 法律援助中心|指派|律师: such a verb between a body and a title belongs to neither (jieba tags 指派 n)
ASSIGNING_VERBS = frozenset({"指派", "选派", "委派", "派出", "派驻", "安排", "推荐", "聘请"})
# 中心指定了|周洁|作为刘某的法援律师: a body of a kind just named, a verb of assigning, the person, the post
_ASSIGNED_RE = re.compile(f"(?<![\u4e00-\u9fff])该?({'|'.join(sorted(set(ANAPHORIC_BODIES) - {'企业'}, key=len, reverse=True))})"
                          f"(?:{'|'.join(sorted(ASSIGNING_VERBS | {'指定'}))})了?")
_ASSIGNED_ROLE_RE = re.compile("(?:作为|担任|为)(?:[^，。；;,！？]{0,8}?的)?([\u4e00-\u9fff]{2,8}?)(?=[，。；;,！？])")
# ORG聘请NAME为TITLE: the verb of hiring between the body and the name (adverbs allowed before it)
_HIRING_RE = re.compile("(?:还|又|先后|特别|正式|专门)?(?:聘请|聘任|特聘|返聘|聘)了?$")
# words for the hiring body when the text names it only by its kind (学院聘请…): the one of that kind named last
_BODIES_BEFORE_UNITS = ("集团公司", *ANAPHORIC_BODIES)  # 集团公司|人力资源部副部长: the group just named
_HIRING_BODIES = (*ANAPHORIC_BODIES, "学院", "大学", "协会", "研究院", "研究所", "工会")
_COMMON_WORD_TAGS = frozenset({"n", "vn", "v", "a", "b"})
_NUMBERED_RE = re.compile(f"[{CHINESE_DIGITS}0-9]+[班组队]?")  # 浮选|三班, 机修|二|车间: a trade's numbered team, not 八一队
_SHIFT_RE = re.compile(f"[{CHINESE_DIGITS}]{{1,2}}[班组]")  # 二班班长: a numbered shift or group of the body named
_NUMBERED_FACILITY_RE = re.compile(f"[{CHINESE_DIGITS}0-9]{{1,3}}号")  # 3号|生产线, 二号|高炉: a line or furnace by number
MORPHEME_TAGS = frozenset({"g", "ng", "vg", "ag", "tg", "dg"})  # jieba's bound morphemes: no word alone


@pickled_as_call
@dataclass(frozen=True, slots=True)
class Post:
    """A title in an apposition chain, with the organization phrase written before it (if any)."""

    title: str
    title_span: Span
    org: Mention | None  # the organization the title is held in, as written
    implied_org_word: str | None = None  # e.g. 工会 for 工会主席 with no organization written


@pickled_as_call
@dataclass(frozen=True, slots=True)
class Frame:
    """Everything an apposition chain says about the person it ends at."""

    person: Mention
    posts: tuple[Post, ...] = ()
    honors: tuple[Mention, ...] = ()
    affiliations: tuple[Mention, ...] = ()  # organizations named with no title
    evidence: Span | None = None


@pickled_as_call
@dataclass(frozen=True, slots=True)
class DocumentMentions:
    """The output of this stage for one document."""

    mentions: tuple[Mention, ...]
    frames: tuple[Frame, ...]
    units: tuple[tuple[str, str], ...]  # (child org name, parent org name) read from compound names
    paragraphs: tuple[Span, ...]
    aliases: tuple[tuple[str, str], ...] = ()  # (short name, org name) the text defines: ORG（以下简称“X”）
    person_aliases: tuple[tuple[str, str], ...] = ()  # (short reference, full name): 老韩, 韩师傅 → 韩立军


def is_han(text: str) -> bool:
    return bool(text) and all(_HAN.match(ch) for ch in text)


class Recognizer:
    """Rule-based recognizer over lexicons, optionally backed by a statistical tagger.

    Parameters
    ----------
    lex:
        The lexicons.
    segmenter:
        The jieba segmenter (with the lexicons as user words): its word boundaries decide where a
        one-character suffix really ends a unit (安天科技集团 is not 安天科 + 技集团), its POS tags
        where an organization's name starts, and its dictionary rejects common words read as names
        (车间主任 is not a person 车间).
    tagger:
        Optional callable ``text -> [(start, end, label)]`` with labels PER/ORG/LOC.
    """

    def __init__(self, lex: Lexicons, segmenter: Segmenter,
                 tagger: Callable[[str], Iterable[tuple[int, int, str]]] | None = None) -> None:
        self.lex = lex
        self.segmenter = segmenter
        self.common_word = segmenter.is_common_word
        self.tagger = tagger
        self._titles = lex.titles
        self._max_title = max((len(t) for t in lex.titles), default=1)
        self._max_suffix = max((len(s) for s in lex.org_suffixes), default=1)
        self.known_people: set[str] = set()
        self._speech = tuple(sorted(set(lex.speech_verbs) | {"说", "表示", "介绍", "认为", "指出", "看来"},
                                    key=lambda w: (-len(w), w)))
        self._name_parts = lex.tibetan_name_parts | lex.mongolian_name_parts
        self._name_chars = lex.transliteration_chars | {ch for part in self._name_parts for ch in part}
        self.long_speech_verbs = tuple(w for w in self._speech if len(w) >= 2)  # a name's last character may start one
        self.speech_re = re.compile("|".join(map(re.escape, self._speech)))

    # ------------------------------------------------------------------ names
    def valid_name(self, name: str, tagged: bool = False) -> bool:
        """Whether ``name`` can be a person's name; ``tagged``: the statistical tagger found it, so a given
        name that is also a time word, a numeral word or a name-like word (赵国庆, 顾万峰, 张黎明), or a famous
        name that jieba's dictionary lists as a frequent word (江泽民), is accepted."""
        if any(dot in name for dot in NAME_DOTS):
            return self.valid_transliterated_name(name)
        if self.two_part_name(name) or (tagged and name in self._name_parts):
            return True  # 次仁多吉, 巴图孟和, 乌云其木格: no family name, two name words; the tagger's 乌日娜: one
        if not 2 <= len(name) <= 4 or not is_han(name) or (len(name) == 3 and name[0] == name[1]):
            return False  # (天刚|蒙蒙亮: no family name is doubled)
        compound = name[:2] in self.lex.surnames
        if not compound and name[0] not in self.lex.surnames:
            return False
        if len(name) == 4 and not compound:
            return False
        if (any(ch in NAME_STOP for ch in name[1:]) and not _MONTH_GIVEN_NAME.fullmatch(name)
                and not self._year_given_name(name)) or (
                len(name) == 2 and name[1] in _NO_GIVEN_NAME):
            return False  # 井架工|干到|司钻: a verb and its complement, no 干到
        if name in self.lex.generic_words or name in self._titles or name in self.lex.place_alias:
            return False
        if name in self.lex.honors or (self.common_word(name) and not (tagged and self.segmenter.word_tag(name).startswith("nr"))):
            return False  # a frequent word, unless the tagger found it and the dictionary has it as a person
            # (王兆国, 江泽民); the dictionary alone also tags 白宫 and 白皮书 nr
        given = name[2:] if compound else name[1:]
        given_tag = self.segmenter.word_tag(given)
        if given in self._titles or (given_tag.startswith(FUNCTION_TAGS) and not (tagged and (
                (given_tag in ("t", "m") and not given.isnumeric()) or (given_tag == "d" and len(given) == 2)
                or (len(given) == 1 and given_tag in _LOOSE_GIVEN_TAGS and given not in _HOUSEHOLD_CHARS)
                or self.segmenter.word_tag(name).startswith("nr")))):
            return False  # 唐外长, 曾两次, 应如此; but the tagger's 赵国庆, 顾万峰, 王立新, 崔春, 任天 are names
        if given in self._speech or (len(given) == 1 and given in "说讲"):
            return False  # 慰问职工时|表示: a speech verb after a character that can be a surname (师傅常|讲)
        if not compound and name[:2] in RELATION_NOUNS:
            return False  # 师傅常|说: a relation noun and an adverb
        if given in self.lex.org_suffixes or (given in self.lex.generic_words and not tagged):
            return False  # 任公司: 任 (serve as) and a noun; but the tagger's 张黎明 is a name
        if not compound and name[:2] in self._titles:
            return False  # 董事兼: a title that starts with a surname
        if (not tagged and len(name) == 3 and name[:2] in self.lex.place_alias
                and self.segmenter.word_tag(name[:2]).startswith("ns")):
            return False  # 韩国代|总理: a place and the first character of a title
        if len(name) == 3 and not compound and (
                self.segmenter.word_tag(name[:2]).startswith(FUNCTION_TAGS + ("v", "a", "b"))
                and self.segmenter.is_common_word(name[:2])):
            return False  # 周二晚, 满意地, 高兴地: the first two characters are a common word
        if (name[0] in FUNCTION_SURNAMES and len(given) >= 2 and self.segmenter.is_common_word(given)
                and self.segmenter.word_tag(given) in ("n", "vn", "v", "a", "ad", "an")):
            return False  # 向总部, 向战斗: a preposition and a common word (于建国, tagged ns, stays)
        return True

    def _year_given_name(self, name: str) -> bool:
        """田丰年, 王延年: 年 ends many a given name, but not a time or count word (当年, 多年, 青年)."""
        given = name[1:]
        return (len(name) == 3 and given[1] == "年" and given[0] not in NAME_STOP and not given[0].isnumeric()
                and given[0] not in "一二三四五六七八九十百千万几多两半整每去前后明今来近早晚少青中老成常历往连新童当同全"
                and (self.segmenter.word_tag(given).startswith("nr") or not self.segmenter.is_common_word(given)))

    def two_part_name(self, name: str) -> bool:
        """Whether ``name`` is two Tibetan name words (次仁|多吉) or two Mongolian ones (巴图|孟和, 乌云|其木格)."""
        if not 4 <= len(name) <= 6:
            return False
        for parts in (self.lex.tibetan_name_parts, self.lex.mongolian_name_parts):
            if (name[:2] in parts and name[2:] in parts) or (name[:3] in parts and name[3:] in parts):
                return True
        return False

    def valid_transliterated_name(self, name: str) -> bool:
        """A name written in parts with a middle dot (艾尔肯·吐尔逊, 约翰·克里), as the tagger finds them:
        Han parts of one to six characters, none of them a place, title or generic word (中国·郑州 is no name);
        the parts may be dictionary words (买买提), so the tagger's judgment is what admits them."""
        parts = _DOT_SPLIT_RE.split(name)
        return (2 <= len(parts) <= 4 and len(name) <= 20
                and all(1 <= len(p) <= 6 and is_han(p) and not (len(p) <= 2 and any(ch in FUNCTION_CHARS for ch in p))
                        for p in parts)  # 阿不都热依木 holds 都; a short part with one is a word (的·了)
                and not any(p in self.lex.place_alias or p in self.lex.generic_words or p in self._titles
                            or p in self.lex.org_suffixes for p in parts))

    def _follow_score(self, text: str, end: int, verbs_follow: bool = True) -> int:
        if end >= len(text) or text[end] in PUNCT_AFTER_NAME:
            return 2
        if text[end] in OPEN_QUOTES:
            return 1  # 吉克阿依“时代楷模”称号
        rest = text[end:end + 6]
        if rest.startswith(self._speech):
            return 3
        if self._title_at(text, end):
            return 3
        if rest.startswith(NAME_FOLLOWERS) or rest.startswith("一边") or _AGE_CLAUSE_RE.match(text, end):
            return 1  # 高建国|一边检查，一边说; 孙海鹰|今年41岁，
        following = self.segmenter.tokens(rest) if verbs_follow else []
        word = following[0].text if following else ""
        if len(word) >= 2 and (self.segmenter.word_tag(word)[:1] in ("v", "d")
                               or (len(word) >= 4 and self.segmenter.word_tag(word[:2])[:1] == "v")):
            return 1  # 徐留平出席, 刘飞香发言, 艾爱国长期关注; a verb phrase the dictionary lists whole (出席会议)
        if len(word) == 1 and self.segmenter.word_tag(word) == "v" and (any(
                len(t.text) >= 2 and self.segmenter.word_tag(t.text)[:1] == "v" for t in following[1:3])
                or (len(following) > 1 and following[1].text in _VERB_COMPLEMENTS)):
            return 1  # 上官文博到|会|致辞, 才让多杰作|工作报告, 宝力德骑|上: a one-character verb, then a verb or its complement
        if word in _CLAUSE_PREPOSITIONS and any(self.segmenter.word_tag(t.text)[:1] == "v" for t in following[1:4]):
            return 1  # 何建平|给记者算了一笔账, 王强|向大家介绍: a preposition's phrase, then the verb
        return 0

    def _word_across(self, text: str, end: int) -> bool:
        """Whether a common word of two or three characters runs across ``end`` from the character before it."""
        return any(self.segmenter.is_common_word(text[end - 1:end - 1 + k])
                   for k in (2, 3) if end - 1 + k <= len(text))

    def unlisted_name(self, name: str, spoken: bool = True) -> bool:
        """Whether ``name``, of no listed family name, may be a name of a people that writes none (宝力德, 其木格,
        阿拉坦仓, 阿西莫日, 格林斯潘): no word of the dictionary, title or place, no character that cannot be in a
        name at its ends. Unless ``spoken`` (found as a speaker), it is written in the characters of
        transliterated names only, or starts with a name word (阿拉坦|仓)."""
        if name in self._name_parts and not self.segmenter.is_common_word(name):
            return True  # 其木格, 巴图: one name word
        if (not is_han(name) or name[0] in FUNCTION_CHARS or name[-1] in FUNCTION_CHARS or name[-1] in "时人"
                or any(ch in "他她我你它们这那的了是" for ch in name) or self.valid_name(name)
                or name in self._titles or name in self.lex.generic_words or name in self.lex.place_alias
                or (self.segmenter.in_dictionary(name) and not self.segmenter.word_tag(name).startswith("nr"))):
            return False  # 凭良心|说, 演讲时|说: words of the dictionary
        if len(name) == 2 and name[1] in _KINSHIP_CHARS:
            return False  # 阿妈, 阿爸: what a family calls its own
        if all(ch in self._name_chars for ch in name) or any(
                name[:k] in self._name_parts for k in range(2, len(name) + 1)):
            return True  # 阿西莫日, 其木格: characters of transliterated names only; 阿拉坦|仓: a name word first
        if not spoken or any(ch in NAME_STOP or ch in FUNCTION_CHARS for ch in name):
            return False
        if name[0] in self.lex.surnames or name[:2] in self.lex.surnames:
            return False  # a listed family name that valid_name refused: a word, not a name
        return not any(len(t.text) >= 2 and self.segmenter.in_dictionary(t.text) for t in self.segmenter.tokens(name))

    def title_ending_at(self, text: str, j: int) -> str | None:
        """The longest title that ends at ``j``, if any (of two characters or more)."""
        for k in range(min(self._max_title, j), 1, -1):
            if text[j - k:j] in self._titles:
                return text[j - k:j]
        return None

    def title_category(self, role: str) -> str | None:
        """The category (worker, enterprise, union…) of the longest lexicon title ``role`` ends with."""
        base = self.title_ending_at(role, len(role))
        return self.lex.titles.get(base) if base else None

    def _title_at(self, text: str, i: int) -> str | None:
        for k in range(min(self._max_title, len(text) - i), 1, -1):
            if text[i:i + k] in self._titles:
                return text[i:i + k]
        return None

    def name_at(self, text: str, i: int, min_score: int = 1, verbs_follow: bool = True) -> int | None:
        """End of the person name starting at ``i``, judged by what follows it; None if none fits."""
        best, best_score = None, min_score - 1
        parts = self._name_parts
        two_part = text[i:i + 2] in parts or text[i:i + 3] in parts
        for length in (2, 3, 4, 5, 6) if two_part else (2, 3, 4):  # five and six: two-part names (乌云其木格)
            name = text[i:i + length]
            # after a title, a name the dictionary lists as a person's though it is frequent (质检员|李娜|正在…)
            listed = verbs_follow and length == 2 and self.segmenter.word_tag(name).startswith("nr")
            if len(name) < length or not self.valid_name(name, tagged=listed):
                continue
            if len(self._title_at(text, i + length - 1) or "") > 1:
                continue  # 习总书记: the last character starts a title, so this is no name
            if length == 2 and name[1] in _KINSHIP_CHARS and self.valid_name(text[i:i + 3]):
                continue  # 老师傅黄伯坚带他…: 伯 opens a given name here; 黄伯 alone is what one calls him
            if (self._title_at(text, i + length) and self.segmenter.in_dictionary(name)
                    and self.segmenter.word_tag(name)[:1] == "n" and not self.segmenter.word_tag(name).startswith("nr")):
                continue  # 门机|司机: a noun that says what the title works with, no name
            if length == 3 and self.common_word(name[:2]) and self._word_across(text, i + length):
                continue  # 女职工|权益保|护: a common word, and the last character starts the next word
            score = self._follow_score(text, i + length, verbs_follow)
            if score > best_score:
                best, best_score = i + length, score
        return best

    def everyday_word(self, word: str, tag: str, name_tags: tuple[str, ...] = ("nr",)) -> bool:
        """Whether ``word``, tagged ``tag``, is an everyday word though the dictionary tags it as a name
        (智慧 nr: two characters, frequent). ``name_tags`` are the tags that may be such a mistake: the
        dictionary's nz holds words that do name bodies (和平饭店), so take them only where no suffix speaks
        for a body (普通|机械)."""
        return len(word) == 2 and tag[:2] in name_tags and self.segmenter.word_freq(word) >= _EVERYDAY_FREQ

    def has_proper_part(self, name: str) -> bool:
        """Whether a name has a proper-noun part (a place, a rare or unknown word, a number),
        so that 职业技术学校 and 智能车间 (common words only) are not read as named bodies."""
        m = self.lex.place_re.search(name)
        if m and m.group(0):
            return True
        if name.startswith(NATIONAL_PREFIXES) and len(name) > 2:
            return True  # 全国总工会, 中华全国总工会, 国家统计局: bodies named by their national scope
        if any(name[:k] in self.lex.known_orgs for k in range(2, min(len(name), 7))):
            return True  # 中铁|隧道局集团有限公司: a unit named after a known group's short form
        if name.endswith("合作社") and len(name) >= 7:  # 丝路|花毯|农民专业合作社, 绿禾|蔬菜种植专业合作社
            brand = name[:2]
            words = self.segmenter.tagged(name.removesuffix("合作社").removesuffix("专业"))
            if (is_han(brand) and not any(ch in FUNCTION_CHARS for ch in brand) and brand not in self.lex.generic_words
                    and not any(w.pos[:1] in "vdpucr" and not (w is words[-1] and name.endswith("专业合作社"))
                                for w in words)  # not 货车|驶出|合作社 (but 蔬菜|种植|专业合作社)
                    and (not self.segmenter.in_dictionary(brand) and self.segmenter.in_dictionary(name[2:4])
                         or self.segmenter.word_tag(brand)[:1] == "n" and self.segmenter.word_freq(brand) < 200)):
                return True  # a brand (a rare noun, or two characters no dictionary joins) before the trade
        legal = _LEGAL_FORM_RE.search(name)
        if legal is not None:
            head = self.segmenter.tagged(name[:legal.start()])
            if ((len(head) == 2 or (len(head) > 2 and legal.group(0) != "集团")) and not head[0].text.startswith(COMPANY_KINDS)
                    and not any(t.pos[:1] in ("r", "p", "c", "u", "d", "m", "f") or (
                        t.pos == "v" and self.segmenter.in_dictionary(t.text)
                        and not (n + 1 < len(head) and head[n + 1].text in self.lex.industry_words))
                        for n, t in enumerate(head))):
                # 东方|钢铁|有限公司, 宏远|重工|集团: a brand and a trade before a legal form (not 组建|报业|集团); a verb
                # only as a trade before its kind (曹操|出行|科技) or as a word the dictionary lacks (享道|出行|科技)
                return True
            if (len(head) >= 3 and len(head[0].text) == len(head[1].text) == 1 and head[2].text in self.lex.industry_words
                    and not self.segmenter.in_dictionary(head[0].text + head[1].text)):
                return True  # 越|绣|纺织|集团有限公司: a brand of two characters no dictionary joins, then a trade
        tokens = self.segmenter.tagged(name)
        for n, tok in enumerate(tokens):
            if (len(tok.text) == 1 and tok.pos in MORPHEME_TAGS and n + 1 < len(tokens)
                    and len(tokens[n + 1].text) == 1 and tokens[n + 1].pos in (*MORPHEME_TAGS, "i", "l")):
                # 秣|陵|街道: a name no dictionary lists falls apart into bound morphemes (勐|卯: one tagged as if an idiom)
                return True
            if (n == 0 and len(tokens) >= 2 and len(tok.text) == 2 and tok.pos in ("a", "an") and (
                    not self.segmenter.in_dictionary(tok.text)
                    or (self.segmenter.word_freq(tok.text) < 200 and self.unit_kind(tokens[1].text) is not None))):
                # 宏远|集团: an adjective too rare to be an everyday word, as a brand; 恒暖|燃气…: one no dictionary lists
                return True
            if (tok.text in self.lex.org_suffixes or tok.pos[:1] in ("v", "a", "d", "u", "p", "c", "r")
                    or tok.text in _COMMON_PLACE_WORDS):
                continue
            if self.everyday_word(tok.text, tok.pos):
                continue  # 智慧, 普通, 阳光: everyday words the dictionary also tags as names
            if tok.pos[:2] in ("ns", "nr", "nt", "nz", "en", "x") or not self.segmenter.in_dictionary(tok.text):
                return True
            if (n == 0 and len(tokens) == 2 and tok.pos == "n" and len(tok.text) == 2
                    and self.segmenter.word_freq(tok.text) < 10 and len(tokens[1].text) >= 3
                    and self.lex.org_suffixes.get(tokens[1].text) == ("unit", True)):
                return True  # 前湾|引航站: a noun too rare to be an everyday word names the place of a unit
            if n == 0 and len(tokens) >= 2 and len(tok.text) == 2 and tok.text[0] in "东南西北" and tok.pos in ("s", "f"):
                return True  # 东方|锅炉厂, 南方|电网: a compass word as a brand before the trade
            if tok.pos.startswith("m") and any(ch.isdigit() for ch in tok.text):
                return True
            if (_ORDINAL_RE.fullmatch(tok.text) and tok.pos.startswith("m")
                    and name[tok.end:tok.end + 1] not in _CLASSIFIERS and len(name) - tok.end >= 3
                    and self.unit_kind(name[tok.end:]) is not None):
                return True  # 集团|第三|工程有限公司: a numbered body, whatever its trade
            number = tok.text.removeprefix("第")
            if (tok.pos.startswith("m") and number.isnumeric() and (len(number) >= 2 or tok.text.startswith("第"))
                    and n + 1 < len(tokens) and len(tokens[n + 1].text) <= 4
                    and self.unit_kind(tokens[n + 1].text) is not None):
                return True  # 中铁十一局, 第三采油厂, 第二人民医院: a numbered body
        return False

    def is_department(self, body: str, rest: str) -> bool:
        """Whether ``rest`` names a department of ``body`` (人力资源和社会保障部|职业能力建设司, 清华大学|土木工程系):
        nouns before 司 after a ministry or commission, before 系 after a university or college."""
        m = _DEPARTMENT_RE.fullmatch(rest)
        if m is None or not body.endswith(_DEPARTMENT_OF[rest[-1]]):
            return False
        words = self.segmenter.tagged(rest[:-1])
        return bool(words) and all(w.pos in ("n", "vn", "nz", "j", "l") for w in words)

    def generic_unit(self, unit: str) -> bool:
        """Whether ``unit`` is a unit described in common words and numbers (事业部, 直属库, 刻蚀工艺部, 浮选三班; a
        numbered line or furnace, 3号生产线; a plant named by its trade, 炼铁厂), not a name (八一队, 军委)."""
        numbered = _NUMBERED_FACILITY_RE.match(unit)
        if numbered is not None:
            rest = self.segmenter.tagged(unit[numbered.end():])
            return bool(rest) and all(t.pos in _COMMON_WORD_TAGS for t in rest)
        kind = self.unit_kind(unit)
        tokens = self.segmenter.tagged(unit)
        if kind == "company" and unit.endswith("厂") and 3 <= len(unit) <= 4:  # 炼铁厂, 冷轧|厂: a plant of a company
            head = tokens[:-1] if tokens[-1].text == "厂" else tokens
            return all(t.pos in _COMMON_WORD_TAGS for t in head)
        return kind in ("unit", "team", None) and all(
            t.pos in _COMMON_WORD_TAGS or (t.pos == "j" and kind is not None)
            or (n == len(tokens) - 1 and n > 0 and t.text in self.lex.org_suffixes)  # 语音|标注|组
            or (t.pos == "m" and kind is not None and (_NUMBERED_RE.fullmatch(t.text) if n > 0 else _SHIFT_RE.fullmatch(t.text)))
            for n, t in enumerate(tokens))

    def common_unit(self, words: str) -> bool:
        """Whether ``words`` name a unit in common words (语音标注组, 炼铁厂, 3号生产线), which a body the article
        names elsewhere holds; not a body's name, nor words with no unit's class (老师傅)."""
        return (2 <= len(words) <= 8 and is_han(words.lstrip("0123456789")) and self.generic_unit(words)
                and words not in self.lex.generic_words
                and (self.unit_kind(words) is not None or _NUMBERED_FACILITY_RE.match(words) is not None))

    def unit_kind(self, name: str) -> str | None:
        """The kind of the suffix that ends ``name`` (company, union, unit, team…)."""
        for k in range(min(self._max_suffix, len(name)), 0, -1):
            kind = self.lex.org_suffixes.get(name[-k:])
            if kind:
                return kind[0]
        return None

    def _opens_with_region(self, word: str) -> bool:
        """Whether ``word`` starts with the name of a province or a prefecture, so that it is no person's name."""
        m = self.lex.place_re.match(word)
        return bool(m and len(m.group(0)) >= 2 and self.lex.places[self.lex.place_alias[m.group(0)]].level
                    in ("province", "prefecture"))

    def name_start(self, phrase: str) -> int:
        """Where an organization's name starts inside ``phrase`` (the words before its suffix or title):
        after the last pronoun, particle, conjunction, numeral or verb of motion/agency that cannot be
        part of a name (请来了|中国科学院, 承办该案的|通州区检察院, 入职|安天科技集团)."""
        cut = 0
        tokens = self.segmenter.tagged(phrase)
        for n, tok in enumerate(tokens):
            word, tag = tok.text, tok.pos
            after = tokens[n + 2] if n + 2 < len(tokens) else None
            if tag.startswith("nr") and n + 1 < len(tokens) and tokens[n + 1].text == "代表":
                cut = tokens[n + 1].end  # 惠晓东代表|公司参加…: a person acting for the body, not its name
                continue
            if (tag.startswith("nr") and len(word) >= 2 and n + 1 < len(tokens) and tokens[n + 1].pos == "v"
                    and not (after is not None and after.text in self.lex.industry_words)  # 曹操出行|科技有限公司
                    and not self._opens_with_region(word)  # 山西晋|承|古建筑…: a province and a brand, no person
                    and (self.has_proper_part(phrase[tokens[n + 1].end:]) or after is None
                         or after.text in NAME_BREAKERS or after.pos[:1] in ("v", "p", "u", "d"))):
                cut = tokens[n + 1].end  # 薛宏宾萌生…: a person and a verb, so a clause, not a name
                continue
            if word in self.lex.place_alias:
                continue
            if (word[0] in _PREPOSITIONS and len(word) >= 2 and tag.startswith("nr")
                    and (cut == tok.start or tokens[n - 1].pos in ("m", "t"))):  # 2015年|从潇湘…
                cut = tok.start + 1  # 从潇湘|机电职业技术学院: a dictionary "name" across the preposition
            if (word in NAME_BREAKERS or word in ORG_PRECEDING_VERBS or word in OWNERSHIP_WORDS or word in self.known_people
                    or (word in _AGENCY_OPENERS and cut == tok.start
                        and (place := self.lex.place_re.match(phrase, tok.end)) and place.group(0))):
                cut = tok.end
            elif len(word) >= 3 and word.endswith("单位") and tok.end < len(phrase):
                cut = tok.end  # 施工单位|贵州桥梁建设集团: the party's part in the work, then its name
            elif word.endswith("方") and tok.end < len(phrase) and (
                    word[:-1] in _PARTY_STEMS or word == "方" and n > 0 and tokens[n - 1].text in _PARTY_STEMS):
                cut = tok.end  # 劳务分包方|陕西宏远建筑劳务有限公司, 甲方|…: a party to a contract, then its name
            elif ((len(word) >= 4 or len(word) >= 2 and tag[:1] not in ("l", "i")
                   or len(word) == 3 and any(ch in FUNCTION_CHARS for ch in word))  # 抢走了, 归罪于; not 自动化
                  and tag[:1] in ("r", "p", "d", "c", "l", "i")
                  and not (tag == "l" and self.noun_pair(word))  # not 畅途 (i): a brand, no idiom
                  and not (tag == "c" and n + 1 < len(tokens)
                           and tokens[n + 1].text in self.lex.industry_words)):  # 速达即时|配送: a trade's word
                cut = tok.end  # 与此同时, 千方百计; not a phrase of two nouns (工程建设管理局, 劳动人事争议仲裁院)
            elif (tag == "v" and len(word) >= 2 and len(phrase) - tok.end >= 2
                  and not (tok.start == cut and not self.segmenter.in_dictionary(word)
                           and not any(ch in NAME_BREAKERS for ch in word))  # 享道|出行科技: a brand the tagger guessed
                  and self.has_proper_part(_NUMBERED_TAIL_RE.sub("", phrase[tok.end:]))  # not for 70216钻井队's number
                  and phrase[tok.end:tok.end + 1] not in ("（", "(")  # 控股（集团）
                  and not (n + 1 < len(tokens) and legal_suffix(tokens[n + 1].text) == tokens[n + 1].text)  # 中通快递|股份有限公司
                  and not (n + 1 < len(tokens) and tokens[n + 1].text in self.lex.industry_words)  # 畅途出行|科技有限公司
                  and not (n + 1 < len(tokens)  # 焊装|车间: the trade that names a unit, no clause
                           and self.lex.org_suffixes.get(tokens[n + 1].text, ("", False))[0] in ("unit", "team"))
                  and not (n + 1 < len(tokens) and tokens[n + 1].text[0] in CHINESE_DIGITS
                           and len(tokens[n + 1].text) <= 3)):
                cut = tok.end  # 注重…培养|辽宁大学: a verb, and a name after it (not 采油|二厂: a numbered unit)
            elif word in _TIME_WORDS:
                cut = tok.end  # 今年|…, 正在|…: a clause's time, never part of a name
            elif word in ("和", "与", "及") and n + 1 < len(tokens) and tokens[n + 1].pos == "v":
                cut = tok.end  # 新建和|改造提升服务驿站: two verbs joined, a clause
            elif word in ("和", "与", "及") and n > 0 and self.unit_kind(phrase[:tok.start]) is not None:
                cut = tok.end  # 卫生部和|中国残联: two bodies, the second one here
            elif word in ("和", "与", "及") and n > 0 and tokens[n - 1].pos.startswith("nr"):
                cut = tok.end  # …主任王兆国及|国务院港澳办: a person ends the chunk before
            elif word in ("和", "与", "及") and n > 0 and (tokens[n - 1].text[-1] in "里内中上" or tokens[n - 1].pos == "f"):
                cut = tok.end  # 镇里与|四川能投建设工程有限公司: "in the town", then the body
        for verb in _POST_VERBS:  # 王立国曾任|山西晋东煤业集团: the tagger splits 曾|任, a post follows
            at = phrase.rfind(verb)
            if at >= 0 and len(phrase) - at - len(verb) >= 2:
                cut = max(cut, at + len(verb))
        for m in self.lex.honor_re.finditer(phrase):
            if m.group(0) and m.end() > cut and len(phrase) - m.end() >= 2:
                cut = m.end() + (1 if phrase[m.end():m.end() + 1] in "和及" else 0)
        return cut

    def noun_pair(self, word: str) -> bool:
        """Whether a four-character word is two nouns (工程|建设, 货物|运输), as names of bodies hold."""
        return len(word) == 4 and all(self.segmenter.word_tag(half) in ("n", "vn") for half in (word[:2], word[2:]))

    # ------------------------------------------------------------------ chunks
    def title_suffix(self, chunk: str) -> str | None:
        """The longest title that ends ``chunk``, with any modifiers (副, 兼职…) written before it."""
        for k in range(min(self._max_title, len(chunk)), 1, -1):
            if chunk[-k:] in self._titles:
                title = chunk[-k:]
                rest = chunk[:-k]
                changed = True
                while changed and rest:
                    changed = False
                    for m in sorted(self.lex.title_modifiers, key=len, reverse=True):
                        if rest.endswith(m) and len(rest) > len(m) - 1:
                            title, rest, changed = m + title, rest[:-len(m)], True
                            break
                return title
        return None

    def org_suffix_end(self, phrase: str) -> list[tuple[int, bool]]:
        """Ends of organization segments inside ``phrase``: (end offset, strong suffix?)."""
        ends: list[tuple[int, bool]] = []
        i = 0
        last = 0
        tokens = self.segmenter.tokens(phrase)
        boundaries = {t.end for t in tokens}
        for t in tokens:  # a body and its unit that the dictionary lists as one name (清华大学|土木工程系)
            if len(t.text) >= 6 and self.segmenter.word_tag(t.text) == "nt":
                boundaries.update(t.start + k for k in range(3, len(t.text) - 1)
                                  if self.lex.org_suffixes.get(t.text[k - 2:k], ("", False))[1])
            elif len(t.text) >= 4 and t.end < len(phrase):  # 青海民族|大学美术|学院: a suffix opens a word of the unit's name
                k = next((k for k in (3, 2) if self.lex.org_suffixes.get(t.text[:k], ("", False))[1]), 0)
                if k and len(t.text) - k >= 2 and self.segmenter.in_dictionary(t.text[k:]):
                    boundaries.add(t.start + k)
        # a one-character suffix that ends a common word is no suffix (产业布局, 科学技术)
        common_ends = {t.end for t in tokens if len(t.text) > 1 and self.common_word(t.text)
                       and self.segmenter.word_tag(t.text) != "nt"}  # 社会保障部 is a name, so 部 ends one
        tagged: list[Token] | None = None
        while i < len(phrase):
            hit = None
            for k in range(min(self._max_suffix, len(phrase) - i), 0, -1):
                word = phrase[i:i + k]
                if word in self.lex.org_suffixes:
                    hit = word
                    break
            if hit:
                kind, strong = self.lex.org_suffixes[hit]
                seg_len = i + len(hit) - last
                # a weak one-character suffix needs a name of two characters before it
                at_boundary = i + len(hit) == len(phrase) or i + len(hit) in boundaries
                if len(hit) == 1 and i + 1 in common_ends and hit != "厂":  # 东方|锅炉厂: a factory's trade and 厂
                    at_boundary = False
                if len(hit) == 1 and not strong and at_boundary and i + 1 < len(phrase):
                    if tagged is None:
                        tagged = self.segmenter.tagged(phrase)  # once per phrase, and only when needed
                    if any(t.start <= i < i + 1 < t.end for t in tagged):
                        at_boundary = False  # 郑州市|网约|车: the tagger reads the suffix into a word after it
                if phrase[i + len(hit):i + len(hit) + 1] in ("）", ")"):
                    at_boundary = False  # 控股（集团）有限公司: the bracket is inside the name
                # a unit named by its suffix alone right after its parent (集团|实训中心, 公司|工会)
                whole_unit = i == last and last > 0 and len(hit) >= 2
                if at_boundary and (whole_unit or (strong and seg_len >= len(hit) + 1)
                                    or (not strong and seg_len >= len(hit) + 2)):
                    # prefer the longest run of suffixes (有限公司 after 集团 inside 集团有限公司)
                    ends.append((i + len(hit), strong))
                    last = i + len(hit)
                i += len(hit)
            else:
                i += 1
        return ends


# words that say what kind of company it is, not which (民营|科技|有限公司 is no name)
COMPANY_KINDS = ("民营", "国有", "私营", "外资", "合资", "独资", "中外合资", "大型", "中型", "小型", "知名", "当地",
                 "本地", "上市", "龙头", "一家", "这家", "该", "某", "国内", "国外", "海外", "全球", "世界", "跨国",
                 "骨干", "重点", "企业", "国际")
_LEGAL_FORM_RE = re.compile("集团股份有限公司|集团有限公司|股份有限公司|有限责任公司|有限公司|集团(?!化)")
LEGAL_SUFFIXES = ("集团股份有限公司", "集团有限公司", "股份有限公司", "有限责任公司", "有限公司", "集团公司", "公司")


def the_companies(orgs: list[Mention], text: str, rec: Recognizer) -> list[Mention]:
    """Of ``orgs`` named before, the ones 公司 alone may stand for: a company rather than a group (集团) or a
    branch (分公司) when the article names one, not a body the text names as the parent of another of them
    (阿瓦提天棉纺织有限公司是新疆天棉纺织集团有限公司的全资子公司。…公司总经理: the subsidiary), and of those the
    one the article names most (a feature's company, not one named in passing)."""
    names = {m.text for m in orgs}
    parents = {p for p in names for c in names if c != p and (f"{c}是{p}的" in text or f"{c}隶属{p}" in text
                                                              or f"{c}隶属于{p}" in text or f"{p}旗下的{c}" in text)}
    rest = [m for m in orgs if m.text not in parents] or orgs
    rest = [m for m in rest if rec.unit_kind(m.text) == "company" and not m.text.endswith("分公司")] or rest
    counts = Counter(m.text for m in rest if not any(o.span.start <= m.span.start and m.span.end <= o.span.end
                                                     and o.span != m.span for o in orgs))  # not inside a longer name
    most = max(counts.values(), default=0)
    return [m for m in rest if counts[m.text] == most]


def group_of_unit(name: str, orgs: Iterable[str]) -> str | None:
    """The group a unit written as 集团第三工程有限公司 belongs to: the one body of ``orgs`` (the article's) whose
    name has 集团 after a brand (闽海隧道工程集团有限公司); None when the article names none or several."""
    if not name.startswith("集团") or len(name) < 6:
        return None
    groups = {o for o in orgs if o.find("集团") > 1 and not o.startswith("集团")}
    cores = {o[:o.find("集团") + 2] for o in groups}
    cores = {c for c in cores if not any(is_subsequence(c, other) for other in cores - {c})}  # 闽海隧道集团: short for one
    return min((o for o in groups if o.startswith(tuple(cores))), key=len) if len(cores) == 1 else None


def is_subsequence(short: str, full: str) -> bool:
    """Whether the characters of ``short`` appear in ``full`` in order."""
    chars = iter(full)
    return all(ch in chars for ch in short)


def legal_suffix(name: str) -> str | None:
    """The legal-form suffix ending ``name`` (有限公司, 股份有限公司…), or None.

    A name with and without it is one body (国家电网有限公司 = 国家电网); 分公司 and 子公司 are units, not forms.
    """
    for suffix in LEGAL_SUFFIXES:
        if name.endswith(suffix):
            if suffix == "公司" and name[-3:-2] in ("分", "子"):
                return None
            return suffix
    return None


def paragraphs(text: str) -> list[Span]:
    """Spans of the non-blank lines of ``text`` (doc_id left empty)."""
    out = []
    start = 0
    for line in text.split("\n"):
        end = start + len(line)
        if line.strip():
            out.append(Span("", start, end))
        start = end + 1
    return out


def sentence_span(text: str, i: int, j: int | None = None) -> tuple[int, int]:
    """The sentence around ``text[i:j]``: from after the previous 。！？ or newline to the next one."""
    j = i if j is None else j
    s = i
    while s > 0 and text[s - 1] not in SENTENCE_ENDS:
        s -= 1
    e = j
    while e < len(text) and text[e] not in SENTENCE_ENDS:
        e += 1
    if e < len(text) and text[e] != "\n":
        e += 1
        while e < len(text) and text[e] in CLOSE_QUOTES:
            e += 1
    return s, e


class _Builder:
    """Collects the mentions and frames of one document."""

    def __init__(self, doc: Document, rec: Recognizer) -> None:
        self.doc = doc
        self.text = doc.text
        self.rec = rec
        self.lex = rec.lex
        self.mentions: dict[tuple[int, int, str], Mention] = {}
        self.frames: list[Frame] = []
        self.units: set[tuple[str, str]] = set()
        self.departments: set[tuple[int, int]] = set()  # a body and its department: 部|…司, 大学|…系 (named_departments)
        self.aliases: set[tuple[str, str]] = set()  # (short name, org name): ORG（简称X）
        self.defining_brackets: dict[int, tuple[int, int]] = {}  # end of （简称X） -> span of the ORG before it
        self.person_names: set[str] = set()
        self.person_aliases: set[tuple[str, str]] = set()  # (老韩, 韩立军): short_references
        self.org_names: set[str] = set()
        self._cores: dict[str, list[str]] = {}
        # the article's words, segmented once (dictionary only: fast, and stable for boundaries)
        self.words = rec.segmenter.tokens(self.text)
        self.word_starts = {t.start for t in self.words} | {len(self.text)}
        self.word_start_list = [t.start for t in self.words]
        self.word_at_start = {t.start: t.text for t in self.words}
        # brackets that belong to a company's name: 北京市公共交通控股（集团）有限公司
        self.name_brackets = {k for m in _NAME_BRACKET_RE.finditer(self.text) for k in (m.start(), m.end() - 1)}
        # and a city in brackets before the legal form: 顺捷速运（深圳）有限公司
        self.name_brackets |= {k for m in _PLACE_BRACKET_RE.finditer(self.text) if m.group(1) in rec.lex.place_alias
                               for k in (m.start(), m.end() - 1)}
        self.word_ends = {t.end for t in self.words} | {0}

    def span(self, i: int, j: int) -> Span:
        return Span(self.doc.id, i, j)

    @functools.cached_property
    def word_ending_at(self) -> dict[int, Token]:
        """The article's word that ends at each offset (dictionary segmentation, as ``words``)."""
        return {t.end: t for t in self.words}

    def add(self, i: int, j: int, label: str) -> Mention:
        key = (i, j, label)
        if key not in self.mentions:
            self.mentions[key] = Mention(self.text[i:j], label, self.span(i, j))
        if label == PERSON:
            self.person_names.add(self.text[i:j])
        elif label == ORGANIZATION:
            self.org_names.add(self.text[i:j])
        return self.mentions[key]

    def remove(self, i: int, j: int, label: str) -> None:
        """Take back a mention that a longer reading of the same text replaces."""
        mention = self.mentions.pop((i, j, label), None)
        names = {PERSON: self.person_names, ORGANIZATION: self.org_names}.get(label)
        if mention is not None and names is not None and not any(
                m.text == mention.text for (_, _, kind), m in self.mentions.items() if kind == label):
            names.discard(mention.text)

    # -------------------------------------------------------------- organizations
    def add_org_phrase(self, i: int, j: int) -> Mention | None:
        """Add an organization written at text[i:j], splitting it into its units; return the main one.

        The main organization is the longest prefix that ends in a strong suffix (有限公司, 集团, 中心…);
        units written after it (车间, 班组…) become organizations of their own, each part of the one before.
        """
        i = self.skip_lead_in(i, j)
        i = self.known_body_start(i, j)
        indefinite = _INDEFINITE_RE.search(self.text, i, j)
        if indefinite is not None:
            i = indefinite.end()  # 杭州一家|电商公司: a body of a kind, not by name (what follows must name one)
        phrase = self.text[i:j]
        if len(phrase) < 2 or phrase in self.lex.generic_words or phrase.startswith(CATEGORY_LEVELS):
            return None
        ends = self.rec.org_suffix_end(phrase)
        if not ends or ends[-1][0] != len(phrase):
            ends = ends + [(len(phrase), False)]
        main = None
        previous_end = None
        # a body the tagger found at the start vouches for the names built on it (东风汽车集团有限公司乘用车公司)
        found = [e for (s, e, label) in self.mentions if s == i and label == ORGANIZATION and e <= j]
        for end, _ in ends:
            name = phrase[:end]
            if previous_end is not None and _CLAUSE_IN_NAME_RE.search(name, previous_end):
                break  # 山东农业大学|毕业后回到合作社: a clause, not a unit's name
            if (name in self.lex.generic_words or name in self.lex.place_alias
                    or self.rec.segmenter.is_generic_noun(name)
                    or not (self.has_proper_part(name) or self.department_start(i + end) == i
                            or any(e <= i + end for e in found))):
                continue
            mention = self.add(i, i + end, ORGANIZATION)
            tail = name[previous_end:] if previous_end is not None else ""
            if tail and legal_suffix(tail) != tail:  # not 中国航天科工集团|有限公司: a legal form is no unit
                self.units.add((name, phrase[:previous_end]))
            previous_end = end
            if main is None or self.rec.unit_kind(name) not in ("unit", "team"):
                main = mention  # the deepest body that is not a mere unit (车间, 班组) holds the post
        return main

    def known_body_start(self, i: int, j: int) -> int:
        """Where a known body that ends text[i:j] starts when a verb or another function word comes before it
        (落实|中华全国总工会的部署): the words before are a clause, no part of the name; else ``i``."""
        for k in range(i + 1, j - 3):
            if self.text[k:j] in self.lex.known_orgs:
                before = self.rec.segmenter.tagged(self.text[i:k])
                return k if before and before[-1].pos[:1] in ("v", "a", "d", "p", "r", "c", "u") else i
        return i

    def skip_lead_in(self, i: int, j: int) -> int:
        """``i`` moved past what may start text[i:j] but is no part of an organization's name: a dateline
        (新华社北京4月20日电), a verb of holding a post (任北京某某公司), a conjunction or preposition (与…)."""
        text = self.text
        dateline = DATELINE_RE.match(text, i, j)
        if dateline and j - dateline.end() >= 3:
            i = dateline.end()
        m = ROLE_VERB_RE.match(text, i, j)
        if m and j - m.end() >= 4:
            return m.end()
        marks = ROLE_CHARS.get(text[i:i + 1])
        if marks is not None and j - i >= 4 and (i == 0 or not is_han(text[i - 1]) or text[i - 1] in marks):
            own_place = self.lex.place_re.match(text, i, j)
            if not (own_place and own_place.end() > i + 1):  # 任丘市…: the character starts a place name
                return i + 1
        if j - i > 3 and self.function_char_at(i, j):
            return i + 1  # 与|福州市国税局, 同|中国政府
        return i

    def function_char_at(self, i: int, j: int) -> bool:
        """Whether text[i:j] starts with a conjunction or preposition standing alone (和, 与, 同, 向…)."""
        if self.text[i:i + 1] not in LEADING_FUNCTION_CHARS:
            return False
        first = self.rec.segmenter.tagged(self.text[i:j])[0]
        return len(first.text) == 1 and first.pos[:1] in ("c", "p")

    def split_chunk(self, i: int, j: int, adjacent: bool) -> tuple[list[Mention], Post | None, Mention | None] | None:
        """Read one chunk text[i:j] of a chain: honors, then an organization and a title.

        Returns (honors, post, bare organization) or None when the chunk is not part of a chain.
        """
        text = self.text
        k = i
        honors: list[Mention] = []
        while k < j:
            m = self.lex_match(self.lex.honor_re, k, j)
            if not m:
                break
            honors.append(self.add(k, k + len(m), HONOR))
            k += len(m)
            if text.startswith("获得者", k):
                k += 3
            if k < j and text[k] in "和及":
                k += 1
        if k == j:
            return (honors, None, None) if honors else None
        if not honors:
            honor = self.honor_after_lead_in(i, j)
            if honor is not None:  # 由|全国劳动模范、…钱卫东, 采访了|全国劳动模范钱卫东: the honor of the name after it
                return [honor], None, None
        chunk = text[k:j]
        known = next((e for (s, e, label) in self.mentions if s == k and e < j and label == ORGANIZATION
                      and text[s:e] in self.lex.known_orgs), None)
        department = next((e for s, e in self.departments if s in (k, self.skip_lead_in(k, j)) and e < j), None)
        if department is not None and self.rec.title_suffix(text[department:j]) == text[department:j]:
            org = self.add_org_phrase(k, department)  # 国家发展改革委价格司|司长
            return honors, Post(text[department:j], self.span(department, j), org, None), None
        if known is not None:
            # 全总|书记处书记: a known body and a post the segmenter reads across (全|总书记|处|书记)
            known_title = self.rec.title_suffix(text[known:j])
            if known_title and j - known - len(known_title) <= 3:
                org = self.mentions[(k, known, ORGANIZATION)]
                return honors, Post(text[known:j], self.span(known, j), org, None), None
        title = self.rec.title_suffix(chunk)
        if title in _RELATIONAL_TITLES and text.endswith("的", 0, j - len(title)):
            return (honors, None, None) if honors else None  # 我的学生廖俊杰: whose student, not a school's
        word = self.org_word(title) if title else None
        if word and any(self.lex.org_suffixes.get(chunk[len(chunk) - len(title) - n:len(chunk) - len(title) + len(word)],
                                                  ("", False))[1] for n in (2, 3)):
            title = title[len(word):]  # 物流园联合工会|主席: the title's body word ends a longer suffix of the name
        this = next((w for w in ANAPHORIC_BODIES if chunk.startswith("该" + w)), None) if title else None
        if this is not None and len(chunk) > len(this) + 1:
            # 该公司乙烯厂裂解车间主任: the company named last, and the post
            antecedent = self.last_org_before(k, this)
            if antecedent is not None:
                return honors, Post(title, self.span(j - len(title), j), antecedent, None), None
        local = self.local_body_post(k, j, title) if title else None
        if local is None and title is not None and chunk.startswith("该") and chunk[1:2] in "省市县区州":
            local = self.local_body_post(k + 1, j, title)  # 该县|总工会常务副主席: the body of the place just named
            k = k + 1 if local is not None else k
        if local is None and title is not None and len(chunk) > len(title):
            lead = self.rec.name_start(chunk[:-len(title)])
            local = self.local_body_post(k + lead, j, title) if lead else None  # 出席会议的还有|省委副书记
            k = k + lead if local is not None else k
        if local is not None:  # 省总工会主席, 自治区人民政府副主席, 县委书记: a body of the place the article names
            body_end, title = local
            org = self.add(k, body_end, ORGANIZATION)
            return honors, Post(title, self.span(j - len(title), j), org, None), None
        if title is not None and len(chunk) > len(title):
            k += self.rec.name_start(chunk[:-len(title)])
            if self.function_char_at(k, j):
                k += 1  # 他和|芬兰外长
            chunk = text[k:j]
        if title is None:
            if adjacent:
                k += self.rec.name_start(chunk)  # 来自|中国一重集团有限公司的王强
            if adjacent and self.plausible_org(k, j):
                org = self.add_org_phrase(k, j)
                return (honors, None, org) if org else None
            return None
        ts = j - len(title)
        org_phrase = text[k:ts]
        org = None
        implied = None
        if org_phrase:
            ends = self.rec.org_suffix_end(org_phrase)
            if not ends and self.department_start(ts) == k:
                ends = [(len(org_phrase), False)]  # 郑州市人力资源和社会保障局|局长, 省教育厅|副厅长
            level = next((lv for lv in LOCAL_LEVELS if title.startswith(lv) and title[len(lv):] in self.lex.titles), None)
            local = self.local_place(ts - len(org_phrase), ts + len(level)) if level else None
            if local is not None:  # 马鞍|镇党委书记: the town's party committee, and its 党委书记
                self.add(local, ts + len(level), PLACE)
                org_phrase, title, ts = org_phrase + level, title[len(level):], ts + len(level)
            place = (self.lex.place_alias.get(org_phrase) or (org_phrase if self.zone_name(org_phrase) else None)
                     or (org_phrase if local is not None else None))
            word = self.org_word(title)
            if (not place and not ends and word and self.rec.has_proper_part(org_phrase + word)
                    and not (word == "党委" and self.company_named(org_phrase))):  # not 海晟重工|党委副书记
                place = org_phrase  # 全国总工会副主席: the body is the phrase and the title's first word
            if place:
                # 郑州高新区工会主席: the place names whose union the title is in
                word = self.org_word(title)
                if not word:
                    return honors, Post(title, self.span(ts, j), None, None), None  # 芬兰外长: the post alone
                org = self.add_org_phrase(k, ts + len(word))
                title, ts = title[len(word):], ts + len(word)
            elif ends and org_phrase[ends[-1][0]:] in self.lex.place_alias and (word := self.org_word(title)):
                # 共青团上海|市委副书记: the body's committee for that place (共青团上海市委), and its 副书记
                org = self.add_org_phrase(k, ts + len(word))
                title, ts = title[len(word):], ts + len(word)
            elif ends:
                last = ends[-1][0]
                if last < len(org_phrase) and self.rec.is_department(org_phrase[:last], org_phrase[last:]):
                    last = len(org_phrase)  # 清华大学土木工程系|教授
                org_end = ts
                if last < len(org_phrase) and self.named_unit(org_phrase[last:]):
                    last = len(org_phrase)  # 燕山钢铁集团有限公司炼铁厂|厂长: a unit of the company holds the post
                if last < len(org_phrase):
                    org_end = k + last
                    if org_phrase[last:] not in ASSIGNING_VERBS:
                        # what lies between the organization and the title belongs to the title
                        # (变电运维管理专责), unless it is a verb of assigning (法律援助中心|指派|律师)
                        title = org_phrase[last:] + title
                        ts = k + last
                org = self.add_org_phrase(k, org_end)
                body = next((w for w in _BODIES_BEFORE_UNITS if org_phrase.startswith(w) and len(org_phrase) > len(w) + 1
                             and org_phrase.endswith(DEPARTMENT_ENDS)), None) if org_end == ts else None
                if body is not None and (org is None or not self.has_place(org_phrase[len(body):])) and (
                        antecedent := self.last_org_before(k, body)) is not None:
                    # 公司|设备科科长, 公司|人力资源部总监: a department of the company just named (though the dictionary
                    # lists 人力资源部 as a body's name), and its head
                    for (a, b, label) in list(self.mentions):
                        if label == ORGANIZATION and k <= a and b == org_end:
                            self.remove(a, b, ORGANIZATION)  # (the dictionary's 人力资源部 goes into the title)
                    org, title, ts = antecedent, org_phrase[len(body):] + title, k + len(body)
                if (org is None and org_end == ts and self.rec.title_category(title) == "other" and self.is_unit_name(org_phrase)
                        and self.rec.unit_kind(org_phrase) in ("unit", "team") and not self.rec.has_proper_part(org_phrase)):
                    title, ts = org_phrase + title, k  # 调度中心|主任: a unit in common words, whose body the context gives
                unit = self.mentions.get((org.span.start, org_end, ORGANIZATION)) if org is not None else None
                if unit is not None and title.startswith(text[org_end - 1]) and self.rec.unit_kind(unit.text) != "team":
                    org = unit  # …管理所五山环卫站|站长: the head of the unit the title names (a team's is the body's)
            elif (body := next((w for w in _BODIES_BEFORE_UNITS if org_phrase.startswith(w)
                                and (not self.rec.unit_kind(org_phrase[len(w):] or "-")
                                     or org_phrase.endswith(DEPARTMENT_ENDS))), None)) and (  # 医院|护理部主任
                    antecedent := self.last_org_before(k, body)) is not None:
                org = antecedent  # “…”公司董事长张静章说, 是公司|焊接工艺首席专家: the company just named
                title, ts = org_phrase[len(body):] + title, k + len(body)
            elif org_phrase in self.org_names:
                org = self.add(k, ts, ORGANIZATION)  # 华芸纺织|党委书记: a name the article gave the body before
            elif found := max((e for (s, e, label) in self.mentions if s == k and label == ORGANIZATION
                               and ts - 4 <= e <= ts and (e == ts or is_han(text[e:ts]))), default=None):
                # 70216钻井队|平台经理: a body found before (by its number), and a title with what lies between
                org, title, ts = self.mentions[(k, found, ORGANIZATION)], text[found:ts] + title, found
            elif _GENERATION_RE.fullmatch(org_phrase):
                pass  # 90后技术员: the person's age group, no part of the title
            elif _ETHNIC_WORD_RE.fullmatch(org_phrase):
                pass  # 汉族|挡车工: what the person is, no part of the title
            elif len(org_phrase) >= 2 and self.rec.segmenter.word_tag(org_phrase).startswith("a"):
                pass  # 年轻|观测员, 优秀|焊工: a word that describes the person, no part of the title (小队长 is one)
            elif _NUMBERED_FACILITY_RE.match(org_phrase) and self.rec.generic_unit(org_phrase):
                title, ts = org_phrase + title, k  # 3号生产线|线长: a numbered line of the body the context gives
            elif len(org_phrase) <= 4:
                lead = _OBJECT_LEAD_RE.match(org_phrase)  # 拜|老焊工栾永福为师, 提起|首席技师巴特尔
                lead_end = lead.end() if lead else 0
                title = org_phrase[lead_end:] + title  # 车站站长, 办案法官: a qualifier, not an organization
                ts = k + lead_end
            else:
                return None
        else:
            implied = self.org_word(title)
        return honors, Post(title, self.span(ts, j), org, implied), None

    def honor_after_lead_in(self, i: int, j: int) -> Mention | None:
        """An honor that ends text[i:j] after words of another kind (由, 在, 采访了, 跟着): the person the
        chain ends at holds it, whatever the sentence does with that person."""
        for k in range(i + 1, j - 1):
            m = self.lex_match(self.lex.honor_re, k, j)
            if m and k + len(m) == j and is_han(self.text[k - 1]):
                return self.add(k, j, HONOR)
        return None

    def local_place(self, i: int, j: int) -> int | None:
        """Where the town, township, street or village ending at ``j`` starts, when text[i:j] is one, after
        any known places and a town it is in (长沙市芙蓉区|东湖街道, 马鞍镇, 西江镇|控拜村); None otherwise.
        A town a village is in becomes a place mention here."""
        text = self.text
        k = i
        while (m := self.lex.place_re.match(text, k, j)) is not None and m.end() > k:
            k = m.end()
        town = _LOCAL_RE.match(text, k, j)
        if town is not None and town.end() < j and self.is_local_name(town) and _LOCAL_RE.fullmatch(text, town.end(), j):
            self.add(k, town.end(), PLACE)
            k = town.end()
        local = _LOCAL_RE.fullmatch(text, k, j)
        return k if local is not None and self.is_local_name(local) else None

    def level_in_verb(self, k: int) -> bool:
        """Whether the level character at ``k`` ends a verb the segmenter reads (广东|打工回乡; not 土|城镇)."""
        for start in range(max(0, k - 3), k):
            word = self.word_at_start.get(start)
            if word is not None and start + len(word) > k:
                return self.rec.segmenter.word_tag(word).startswith("v")
        return False

    @staticmethod
    def is_local_name(local: re.Match[str]) -> bool:
        """A town's name may be a common word (马鞍镇), but not a pronoun or a count (这个镇, 全乡)."""
        stem = local.group(1)
        return not any(ch in NAME_STOP for ch in stem) and (stem[0] not in "省市县区州盟旗乡镇村全本该各" or (
            stem[0] == "镇" and stem[1] not in "乡镇村街城"))  # 镇湖街道, 镇海区; not 乡镇街道

    def local_body_post(self, i: int, j: int, title: str) -> tuple[int, str] | None:
        """(end of the body, post) for text[i:j] = LEVEL+BODY+POST, a body named by its level alone, of the
        place the article names (linking finds which): 省总工会|主席, 自治区党委|常委, 自治区人民政府|副主席,
        省委|常委, 县委|书记; None otherwise (市场监管局局长: 市 starts a word)."""
        chunk = self.text[i:j]
        level = next((lv for lv in REGION_LEVELS if chunk.startswith(lv)), None)
        first = self.rec.segmenter.tokens(chunk)[0].text if level else ""
        if level is None or not (first == level or first.startswith(level + "委")
                                 or any(first == level + body for body in LOCAL_BODIES)):  # 省政协|主席
            return None
        rest = chunk[len(level):]
        if rest == title or chunk == title:  # 省总工会主席 (title 总工会主席), 省委常委 (title 省委常委)
            word = "委" if chunk == title and rest[1:] in self.lex.titles and rest[:1] == "委" else self.org_word(rest)
            if word is None:  # 省政协|主席 (title 政协主席)
                word = next((b for b in LOCAL_BODIES if rest.startswith(b) and rest[len(b):] in self.lex.titles), None)
            if word and rest[len(word):] in self.lex.titles:
                return i + len(level) + len(word), rest[len(word):]
            return None
        body = rest[:-len(title)]
        if body in LOCAL_BODIES:
            return i + len(level) + len(body), title
        word = self.org_word(title)
        if word is not None and body + word in LOCAL_BODIES:  # 县|总|工会常务副主席: 县总工会, 常务副主席
            return i + len(level) + len(body) + len(word), title[len(word):]
        if 3 <= len(body) <= 8 and is_han(body) and body.endswith(_LOCAL_DEPARTMENT_ENDS) and not self.rec.has_proper_part(body):
            return i + len(level) + len(body), title  # 县|卫生健康局|副局长: a department of the place's government
        return None

    def org_word(self, title: str) -> str | None:
        """The organization word a title starts with: 工会 for 工会主席, 党委 for 党委书记."""
        for k in range(len(title) - 1, 1, -1):
            if title[:k] in self.lex.org_suffixes and title[k:] in self.lex.titles:
                return title[:k]
        return None

    def plausible_org(self, i: int, j: int) -> bool:
        phrase = self.text[i:j]
        if len(phrase) < 3 or not is_han(_SERVICE_NUMBER_RE.sub("", phrase.replace("（", "").replace("）", ""))):
            return False
        if _COUNTED_RE.search(phrase) or ("是" in phrase and phrase not in self.lex.known_orgs):
            return False  # 设有多家供电公司, 选树一批劳模创新工作室: bodies counted, no name; 马骁是|渤西作业公司
        ends = self.rec.org_suffix_end(phrase)
        return (bool(ends) and ends[-1][0] == len(phrase) and any(s for _, s in ends)
                and self.has_proper_part(phrase))

    def has_proper_part(self, name: str) -> bool:
        """:meth:`Recognizer.has_proper_part`, or a name that starts with a town or village the article names."""
        return self.rec.has_proper_part(name) or name.startswith(self.local_place_stems)

    @functools.cached_property
    def local_place_stems(self) -> tuple[str, ...]:
        """The names of the towns and villages the article names, without their class (柞水县营盘镇 -> 营盘): a body
        named after one is a named body though the name is also a common word (营盘消防救援站)."""
        return tuple(sorted({m.text.removesuffix(m.text[-2:] if m.text.endswith("街道") else m.text[-1])
                             for m in self.mentions.values() if m.label == PLACE and m.text.endswith(("镇", "乡", "村", "街道"))
                             and len(m.text) >= 3 and self.word_at(m.span.start, m.span.end)} - {""}))

    def department_start(self, j: int) -> int | None:
        """Start of a government department ending at ``j`` whose suffix is a weak one (厅, 局, 委):
        ``NOUN和NOUNS+SUFFIX`` or ``PLACE+NOUNS+SUFFIX``; None when there is none."""
        i = self.joined_body_name(j)
        return i if i is not None else self.place_department(j)

    @functools.cached_property
    def place_ends(self) -> dict[int, int]:
        """End -> start of every place mention (scan_lexicons, the first pass, found them all)."""
        return {m.span.end: m.span.start for m in self.mentions.values() if m.label == PLACE}

    def place_department(self, j: int) -> int | None:
        """Start of ``PLACE+DEPARTMENT`` ending at ``j`` (河南省|教育厅, 郑州市|公安局, and 省|教育厅 after a
        pause), the department two to six characters of nouns ending in a government suffix."""
        text = self.text
        if text[j - 1:j] not in DEPARTMENT_SUFFIXES or j not in self.word_ends:
            return None
        place_ends = self.place_ends
        for p in range(j - 2, max(0, j - 6) - 1, -1):
            if p not in self.word_starts:
                continue
            if p in place_ends:
                start = place_ends[p]
            elif p >= 1 and text[p - 1] in "省市" and self._pause_or_function_char(p - 2):
                start = p - 1  # 省教育厅: the province the article is about
            else:
                continue
            return start if self.department_words(self.rec.segmenter.tagged(text[p:j])) else None
        return None

    def department_words(self, words: list[Token]) -> bool:
        """Whether ``words`` name a department: nouns ending in 部/厅/局/委/署, either alone (信息化|部) or
        in a noun whose part before the suffix is a word (教育|厅, 社会保障|部); not a word that merely
        ends in one (干部, 新格局, 政局, 全部)."""
        if not words or any(t.pos not in ("n", "vn", "nz", "nt", "j") and t is not words[-1] for t in words):
            return False
        last = words[-1].text
        if last in DEPARTMENT_SUFFIXES:
            return len(words) > 1
        if words[-1].pos[:1] != "n" or len(last) < 3:
            return False
        # the part before the suffix is a word of its own (教育|厅, 人武|部; not 新格|局, 基层干|部)
        return self.rec.segmenter.in_dictionary(last[:-1])

    def joined_body_name(self, j: int) -> int | None:
        """Start of a government body named ``[PLACE]NOUN和NOUNS+SUFFIX`` ending at ``j`` (人力资源和社会保障部,
        住房和城乡建设部, 广东省人力资源和社会保障厅), the suffix a weak one (部, 局, 厅); None when there is none."""
        text = self.text
        if text[j - 1:j] not in DEPARTMENT_SUFFIXES:
            return None
        if not self.ends_word(j - 1, j) and not self.rec._title_at(text, j):
            return None  # 社会保障部门 is no 社会保障部; 信息化部|副部长 is, however the words fall
        conj = text.rfind("和", max(0, j - 10), j - 2)
        if conj < 2:
            return None
        base = max(0, conj - 4)
        tokens = self.rec.segmenter.tagged(text[base:j])
        at = next((n for n, t in enumerate(tokens) if t.text == "和" and t.start == conj - base), None)
        if not at:
            return None
        noun, body = tokens[at - 1], tokens[at + 1:]
        if (not 2 <= len(noun.text) <= 4 or noun.pos not in ("n", "vn") or noun.end != conj - base
                or noun.text in self.lex.titles):
            return None  # not 负责人和|人武部
        place = self.lex.place_re.match(text, conj + 1)
        if self.rec.unit_kind(noun.text) or (place and place.group(0)):
            return None  # 计划委员会和|美国能源部: two bodies, not one
        if not self.department_words(body):
            return None
        start = conj - len(noun.text)
        extended = True
        while extended:  # 广东省|人力资源和社会保障厅: the places the body belongs to
            extended = False
            for size in range(min(8, start), 1, -1):
                if text[start - size:start] in self.lex.place_alias:
                    start, extended = start - size, True
                    break
        if start >= 1 and text[start - 1] in "省市" and self._pause_or_function_char(start - 2):
            start -= 1  # 省总工会与|省人力资源和社会保障厅: the province the article names
        return start

    def _named_zone(self, j: int) -> re.Match[str] | None:
        """A zone named with a word between its place and its class, starting at text[j] (长春|汽车经济技术开发区),
        if the word holds no function character and is no verb (长沙|扩建工业园区 is not a zone's name)."""
        m = _NAMED_ZONE_RE.match(self.text, j)
        if m is None or any(ch in NAME_STOP for ch in m.group(1)) or self.lex.place_re.search(m.group(1)):
            return None  # 湖南|长沙经济技术开发区: the zone is named after the place inside
        if any(self.rec.segmenter.word_tag(t.text).startswith("v") for t in self.words_near(m.start(1), m.end(1))):
            return None
        return m

    def _new_zone_start(self, i: int) -> int | None:
        """Start of the zone named by the word before the 新区 at ``i`` (两江|新区, 雄安|新区), with the place
        written before it (青岛|西海岸|新区); None when the word is no name (这个|新区, 建设|新区)."""
        word = next((t for t in self.words_near(i - 1, i) if t.end == i), None)
        if word is None or len(word.text) < 2 or not all(is_han(ch) for ch in word.text):
            return None
        tag, known = self.rec.segmenter.word_tag(word.text), self.rec.segmenter.in_dictionary(word.text)
        if known and (tag[:1] in ("r", "v", "m", "q", "d", "p", "c", "u", "a", "t") or tag in ("vn", "an")):
            return None
        place = next((s for s, e, label in self.mentions if label == PLACE and e == word.start), None)
        return word.start if place is None else place

    def _pause_or_function_char(self, i: int) -> bool:
        """Whether text[i] (i < 0: the text's start) is no Han character or a conjunction or preposition."""
        return i < 0 or not is_han(self.text[i]) or self.text[i] in "与和及同跟、"

    def word_at(self, i: int, j: int) -> bool:
        """Whether text[i:j] starts and ends on word boundaries of the article's segmentation."""
        return i in self.word_starts and j in self.word_ends

    def common_word_across(self, i: int, j: int) -> bool:
        """Whether a common word of the article's segmentation starts before ``i`` and runs into text[i:j],
        or starts inside it and runs past ``j`` (创|新平|台: 创新)."""
        return any((t.start < i < t.end or i < t.start < j < t.end) and self.rec.common_word(t.text)
                   for t in self.words_near(i, j))

    def words_near(self, i: int, j: int) -> list[Token]:
        """The article's words that overlap text[i:j]."""
        lo = bisect.bisect_right(self.word_start_list, i) - 1
        out = []
        for t in self.words[max(lo, 0):]:
            if t.start >= j:
                break
            if t.end > i:
                out.append(t)
        return out

    def ends_word(self, i: int, j: int) -> bool:
        """Whether a word ends at ``j`` (中国科大学子 has no 大学 ending at 学)."""
        return j in self.word_ends

    def zone_name(self, phrase: str) -> bool:
        m = _ZONE_RE.search(phrase)
        return bool(m) and m.end() == len(phrase) and (m.start() == 0 or phrase[:m.start()].rstrip("市") in self.lex.place_alias)

    def lex_match(self, pattern: re.Pattern[str], i: int, j: int) -> str | None:
        m = pattern.match(self.text, i, j)
        return m.group(0) if m and m.group(0) else None

    # -------------------------------------------------------------- chains
    def read_chain(self, ps: int, pe: int) -> None:
        """Read the apposition chain that ends at the person text[ps:pe]."""
        text = self.text
        person = self.add(ps, pe, PERSON)
        posts: list[Post] = []
        honors: list[Mention] = []
        bare: list[Mention] = []
        end = ps
        adjacent = True
        chain_start = ps
        # 宇通集团的李萌, 来自中国一重的王强: the body the person belongs to, with no title
        possessive = ps > 1 and text[ps - 1] == "的"
        if possessive:
            end = ps - 1
        if ps > 1 and text[ps - 1] in CLOSE_QUOTES:  # “大国工匠”罗昭强: an honor in quotes before the name
            opening = max(text.rfind(q, max(0, ps - 16), ps - 1) for q in OPEN_QUOTES)
            if opening >= 0 and text[opening + 1:ps - 1] in self.lex.honors:
                honors.append(self.add(opening + 1, ps - 1, HONOR))
                chain_start = end = opening
                adjacent = False
        while end > 0:
            start = end
            while start > 0 and (text[start - 1] not in CHUNK_DELIMS or start - 1 in self.name_brackets) and end - start < 60:
                start -= 1
            if start == end:
                break
            parsed = self.split_chunk(start, end, adjacent)
            if parsed is None:
                break
            h, post, org = parsed
            if possessive and (post or h or not org):
                break  # only ORG的NAME is a chain; 劳动模范的李萌 or 厂长的张三 is not
            possessive = False
            opened = start  # where the chunk starts, before a defining bracket moves it to the body before
            defined = self.defining_brackets.get(start)
            if defined is not None and not h and not org:
                # ORG（以下简称“X”）TITLE: the post is in the body the bracket follows (or in its unit
                # written after the bracket), and the chain goes on before the body
                if post is not None and post.org is None:
                    post = replace(post, org=self.mentions[(*defined, ORGANIZATION)])
                start = defined[0]
            honors[:0] = h
            if post:
                posts.insert(0, post)
            if org:
                bare.insert(0, org)
            chain_start = start
            adjacent = False
            if h and h[0].span.start > start:
                break  # 采访了|全国劳动模范: the words before the honor end the chain
            if post is not None and post.org is not None and post.org.span.start > opened + 1 and not h:
                break  # …会见了由|朝鲜人民军总政治局副局长: a clause before the body, so no chain before it
            if post is not None and post.org is None and _OBJECT_LEAD_RE.fullmatch(text[opened:post.title_span.start]):
                break  # 进厂当学徒，拜|老焊工栾永福: a clause before the title, so no chain before it
            link = start - 1
            if link < 0 or text[link] not in CHAIN_LINKS:
                break
            end = link
            while end > 0 and text[end - 1] == "—":
                end -= 1
        posts = [replace(p, org=self.possessor_org(p.title_span.start)) if p.org is None and p.implied_org_word is None
                 else p for p in posts]
        if any(p.org is None and p.implied_org_word is None for p in posts):
            setting = self.setting_org(chain_start)
            if setting is not None:  # 在一号煤矿，综采队队长杜永刚: the post is in the body the sentence is set in
                posts = [replace(p, org=setting) if p.org is None and p.implied_org_word is None
                         and not (self.rec.title_category(p.title) == "worker" and "工会" in setting.text)
                         else p for p in posts]  # 在区总工会法律援助工作站，建筑工人罗德贵: a visitor, no member
        if posts or honors or bare:
            s, e = sentence_span(text, chain_start, pe)
            self.frames.append(Frame(person, tuple(posts), tuple(honors), tuple(bare), self.span(s, e)))

    def named_unit(self, words: str) -> bool:
        """Whether ``words``, written between a body and a title, name a workplace of the body (炼铁厂, 平罗
        直属库, 第一研究所), not a department whose name goes with the title (办公室主任, 宣传部部长)."""
        if _NUMBERED_CREW_RE.fullmatch(words):
            return True  # 川中钻井分公司|70216钻井队
        return (2 <= len(words) <= 8 and is_han(words) and words.endswith(_WORKPLACE_UNITS)
                and not self.rec.segmenter.is_generic_noun(words) and words not in self.lex.generic_words)  # not 车站|值班员

    def is_unit_name(self, words: str) -> bool:
        """Whether ``words`` name a unit of a body, such as a department or workshop (重症医学科, 热轧厂)."""
        return 2 <= len(words) <= 8 and is_han(words) and self.rec.unit_kind(words) is not None

    def last_org_before(self, i: int, word: str) -> Mention | None:
        """The last organization named before ``i`` whose name ends in ``word`` (公司, 矿…): what 该公司 means."""
        word = "集团" if word == "集团公司" else word
        found = [m for (s, e, label), m in self.mentions.items() if label == ORGANIZATION and e <= i
                 and (m.text.endswith(word) or word == "集团" and "集团" in m.text)]  # 集团有限公司
        if word == "集团":  # the group itself rather than a unit named after it (…集团有限公司研究院)
            found = [m for m in found if self.rec.unit_kind(m.text) == "group"] or found
        if word == "公司":
            found = the_companies(found, self.text, self.rec)
        # the last named, by its whole name
        return max(found, key=lambda m: (m.span.end, -m.span.start), default=None)

    def possessor_org(self, i: int) -> Mention | None:
        """The organization of ORG的(一名)TITLE, for the title starting at ``i`` (来自华为技术有限公司的|软件工程师)."""
        text = self.text
        k = i - 2 if text[i - 2:i] in ("一名", "一位") else i
        if k < 1 or text[k - 1] != "的":
            return None
        orgs = [(s, e) for (s, e, label) in self.mentions if label == ORGANIZATION and e == k - 1]
        if not orgs:
            return None
        s, e = min(orgs, key=lambda se: se[0])  # the whole name
        return self.mentions[(s, e, ORGANIZATION)]

    def setting_org(self, i: int) -> Mention | None:
        """The organization of 在ORG， when it opens the clause that text[i:] starts (else None); a unit
        written after it (在华西医院重症医学科，护士长…) leaves the post in the organization."""
        text = self.text
        if i < 4 or text[i - 1] not in "，,":
            return None
        orgs = [(s, e) for (s, e, label) in self.mentions if label == ORGANIZATION and s >= 1 and e <= i - 1
                and text[s - 1] == "在" and (s == 1 or text[s - 2] in CHUNK_DELIMS)
                and (e == i - 1 or self.is_unit_name(text[e:i - 1]))]
        if not orgs:
            return None
        # the whole name, but a body rather than a unit of it (一棉厂, not 一棉厂|车间), as add_org_phrase does
        s, e = min(orgs, key=lambda se: (se[0], self.rec.unit_kind(text[se[0]:se[1]]) in ("unit", "team"), -se[1]))
        return self.mentions[(s, e, ORGANIZATION)]

    # -------------------------------------------------------------- passes
    def scan_lexicons(self) -> None:
        text = self.text
        for m in self.lex.honor_re.finditer(text):
            if m.group(0) and not _COLLECTIVE_AFTER_RE.match(text, m.end()):
                self.add(m.start(), m.end(), HONOR)
        for m in _QUOTED_HONOR_RE.finditer(text):
            self.add(m.start(1), m.end(1), HONOR)
        before: tuple[int, str] = (-1, "")  # where the last place found ends, and its full name
        for m in self.lex.place_re.finditer(text):
            if not m.group(0):
                continue
            i, j = m.start(), m.end()
            if text.startswith(("族", "语"), j):
                continue  # 朝鲜族, 蒙古族: a people, not the country; 朝鲜语: a language
            short = self.lex.place_alias[m.group(0)] != m.group(0)
            full = self.lex.place_alias[m.group(0)]
            if (short and before[0] == i and self.lex.places[full].level == "county" and before[1] != full
                    and before[1] not in self.lex.place_ancestors(full)):
                continue  # 陕西|长丰建工: a brand after a place that holds no 长丰(县), not a county (but 宁波|舟山港)
            previous, before = before, (j, full)
            if short and text[i] == "全" and text[i + 1] in "省市县州区乡镇村旗" and not (
                    previous[0] == i and previous[1] in self.lex.place_ancestors(full)):
                continue  # 全州现有…: the whole prefecture, not 全州(县) (but 广西|全州)
            # 江苏|南通人: the dictionary's word for the place's people (南通人) holds the place
            demonym = text.startswith("人", j) and self.word_at(i, j + 1)
            joined = previous[0] == i and self.ends_word(i, j)  # 上海浦东, one word of two places
            if short and not (self.word_at(i, j) or demonym or joined) and (not self.rec.segmenter.word_tag(m.group(0)).startswith("ns")
                                                     or self.common_word_across(i, j)):
                continue  # 每天等待 holds no 天等, 创新平台 no 新平, 夕阳西下 no 阳西
            if short and any(text[i:j + k] in self.lex.place_stems for k in (1, 2)):
                continue  # 独山子石化: 独山子(区), not 独山(县)
            if short and (title := self.rec.title_ending_at(text, i + 1)) and title[0] not in "省市县区州":
                continue  # 局长|沙马拉且: the first character ends a title (局长), so no 长沙 (but 湖南省|长沙)
            if short and text[j:j + 1] and text[j] in _NATURAL_FEATURE_CHARS and self.rec.segmenter.in_dictionary(text[i:j + 1]):
                continue  # 澜沧江: a river, not 澜沧(县)
            if (short and text[j:j + 1] and text[j] in _BUILDING_CHARS
                    and not self.rec.segmenter.in_dictionary(text[j:j + 2])):
                continue  # 和贵楼、怀远楼: a building, not 怀远(县) (but 长沙楼市)
            if short and full.endswith("县") and _CITY_AFTER_COUNTY_RE.match(text, j) and full[:-1] + "市" not in self.lex.places:
                j += 1  # 邹平市, 邹平县 in the lexicon: the mention holds the 市 the text writes
            elif (short and full[-1] in "县市" and self.lex.places[full].level == "county" and _DISTRICT_AFTER_RE.match(text, j)
                    and full[:-1] + "区" not in self.lex.places):
                j += 1  # 海门区, 海门市 in the lexicon: a county made a district
            elif ((town := _TOWN_AFTER_RE.match(text, j)) is not None and short
                    and not self.rec.segmenter.in_dictionary(text[i:j + 1])):
                self.add(i, town.end(), PLACE)
                continue  # 三沙镇: a town of the same name, not 三沙(市)
            zone = _ZONE_RE.match(text, j + (1 if text.startswith("市", j) else 0))
            own_name = False
            if zone is None:
                zone = self._named_zone(j + (1 if text.startswith("市", j) else 0))
                # 柯桥区|滨海工业区: a zone of its own name (not 柳南区螺蛳粉产业园, named by its trade)
                own_name = zone is not None and text[j - 1] in "区县" and self.rec.has_proper_part(zone.group(1))
            if zone:
                self.add(zone.start() if own_name else i, zone.end(), PLACE)
            self.add(i, j, PLACE)
            local = _LOCAL_RE.match(text, zone.end() if zone else j)
            if local and self.local_under_place(local):
                self.add(local.start(), local.end(), PLACE)  # 开发区钵池街道, 安吉县余村: a unit under a place
                village = _LOCAL_RE.match(text, local.end()) if local.group(2) in ("镇", "乡", "街道") else None
                if village and village.group(2) == "村" and self.local_under_place(village):
                    self.add(village.start(), village.end(), PLACE)  # 郸城县汲冢镇|石庄村: and a village of it
        new_zones = []
        for m in _ZONE_RE.finditer(text):
            if m.group() == "新区":
                start = self._new_zone_start(m.start())
                if start is not None:
                    self.add(start, m.end(), PLACE)  # 两江新区, 青岛西海岸新区
                else:
                    new_zones.append(m)
                continue
            self.add(m.start(), m.end(), PLACE)  # bare 高新区: linked to its zone in the document
        if any(label == PLACE and j - i > 2 and text.endswith("新区", 0, j) for i, j, label in self.mentions):
            for m in new_zones:
                self.add(m.start(), m.end(), PLACE)  # 新区 after 两江新区: the same zone; else any new district
        towns = {text[i:j - len(t.group())] for i, j, label in self.mentions
                 if label == PLACE and (t := _TOWN_END_RE.search(text, i, j)) is not None and t.end() == j}
        for i, j, label in list(self.mentions):
            if label == PLACE and text[i:j] in towns:
                self.remove(i, j, PLACE)  # 三沙供电所 after 三沙镇: the town's name, not 三沙(市)
        places = {j: i for i, j, label in self.mentions if label == PLACE}
        for m in _PLACE_QUOTED_HONOR_RE.finditer(text):
            i = places.get(m.start())
            honor = None if i is None else text[i:m.start()] + m.group(1)
            if honor is not None and (honor in self.lex.honors or m.group(2) or m.group(1) in self.lex.honors):
                self.add(i, m.end(1) + 1, HONOR)  # 江苏省“五一劳动奖章”, 武侯区“最美职工”: one honor, its quotes inside
        for m in _CONFERRED_IN_QUOTES_RE.finditer(text):
            name = m.group(1)
            if any(s <= m.start(1) < e for s, e, label in self.mentions if label == HONOR):
                continue  # a listed honor, or a place's quoted one (江苏省“五一创新能手”)
            if (name.endswith(HONOR_HEADS) or any(w in name for w in HONOR_PRAISE)
                    or self.rec.title_suffix(name) is not None):
                self.add(m.start(1), m.end(1), HONOR)  # 获评“齐河县优秀农机手”, 被评为“大国工匠年度人物”

        for m in _LISTED_IN_QUOTES_RE.finditer(text):
            before = m.start() - (1 if text[m.start() - 1:m.start()] in CLOSE_QUOTES else 0)
            if any(e == before for s, e, label in self.mentions if label == HONOR) and (
                    m.group(1).endswith(HONOR_HEADS) or any(w in m.group(1) for w in HONOR_PRAISE)):
                self.add(m.start(1), m.end(1), HONOR)
    def local_under_place(self, local: re.Match[str]) -> bool:
        """Whether ``local``, a match of _LOCAL_RE right after a place, names a town, street or village of it: no
        word of the dictionary (城乡, 乡村) or a verb's (下乡), a name that ends on a word boundary."""
        text = self.text
        return (not any(ch in _NO_LOCAL_NAME or ch in "省市县区州盟旗" for ch in local.group(1))
                and (local.group(1)[0] not in "乡镇村" or self.is_local_name(local))
                and not self.rec.segmenter.in_dictionary(local.group(0))
                and (self.word_at(local.start(), local.end()) or (  # 关坪村|外, 关坪村|村民: the level in a word after
                    local.start() in self.word_starts and text.startswith(("外", "村民"), local.end())))
                and not self.level_in_verb(local.start(2))
                and text[local.start(2) - 1:local.end(2)] not in _LEVEL_WORDS)  # (宣恩县通达城乡客运有限公司)

    def bare_local_places(self) -> None:
        """A township, town or village named without its county (经椿木营乡开到大岩坪村, 是大岩坪村村民): a name no
        dictionary has, after a word of place or motion or a pause, and before a pause, 的 or 村民."""
        text = self.text
        for m in _BARE_LOCAL_RE.finditer(text):
            if self.bare_local_name(m.group(1), m.group(2), m.start(1), m.end()):
                self.add(m.start(1), m.end(), PLACE)
        for found in _BARE_TOWN_VILLAGE_RE.finditer(text):
            # 住在|稻田镇: the place word's 在 is no part of the town's name, so try one character on as well
            m = next((m for m in (found, _BARE_TOWN_VILLAGE_RE.match(text, found.start() + 1))
                      if m is not None and m.group(1)[0] not in _NO_LOCAL_NAME), None)
            # the two vouch for each other: either may be a word (稻田镇, 崔家庄村) if one has a proper part
            if m is not None and (self.bare_local_name(m.group(1), m.group(2), m.start(1), m.end(2), paired=True)
                    and self.bare_local_name(m.group(3), m.group(4), m.end(2), m.end(), paired=True)
                    and (self.rec.has_proper_part(m.group(1)) or self.rec.has_proper_part(m.group(3)))):
                self.add(m.start(1), m.end(2), PLACE)
                self.add(m.end(2), m.end(), PLACE)

    def bare_local_name(self, stem: str, level: str, i: int, j: int, paired: bool = False) -> bool:
        """Whether text[i:j], ``stem`` and ``level`` (乡, 镇, 村), names a township, town or village: a stem of a
        proper name that no mention covers, no common word (农村, 山村, 新农村; 小山|村). ``paired``: a town and
        its village named together, where the stem may be a word of the dictionary (稻田|镇, 崔家庄|村)."""
        seg = self.rec.segmenter
        return not (any(ch in _NO_LOCAL_NAME or ch in "省市县区州盟旗乡镇村" for ch in stem) or stem[0] in "全本该各几每"
                    or seg.in_dictionary(stem + level) or (not paired and seg.in_dictionary(stem))
                    or not self.word_at(i, i) or any(s < j and i < e for s, e, _ in self.mentions)
                    or not (paired or self.rec.has_proper_part(stem))
                    or any(t.pos[:1] in "vdprucmq" for t in seg.tagged(stem)))

    def body_honors(self) -> None:
        """被评为巴蜀石油集团劳动模范, 鄞州区技术能手: a body's or a district's own honor (its name, then a class of
        honor) after a verb of conferring."""
        text = self.text
        for (i, j, label) in list(self.mentions):
            local = label == PLACE and text[j - 1:j] in "区县旗"  # 被评为鄞州区技术能手: a district's own honor
            head = next((c for c in _BODY_HONOR_CLASSES if text.startswith(c, j)), None) if label == ORGANIZATION or local else None
            if head is not None and _AWARD_VERB_BEFORE_RE.search(text, max(0, i - 5), i):
                self.add(i, j + len(head), HONOR)

    def surname_before_place(self) -> None:
        """A family name the dictionary tags alone, right before a place's short name: one person (郜|长顺 → 郜长顺)."""
        text = self.text
        for i, j, label in list(self.mentions):
            if label != PLACE or j - i != 2 or i == 0 or text[i - 1] not in self.lex.surnames:
                continue
            place = self.lex.places.get(self.lex.place_alias.get(text[i:j], ""))
            if place is None or place.level == "province":
                continue  # 贺|澳门回归: a province is too well known a word to be a given name
            word = next((t for t in self.words_near(i - 1, i) if t.start == i - 1), None)
            if (word is not None and word.end == i and self.rec.segmenter.word_tag(text[i - 1]) == "nr"
                    and self.rec.valid_name(text[i - 1:j])):
                self.remove(i, j, PLACE)
                self.read_chain(i - 1, j)

    def find_people(self) -> None:
        text = self.text
        self.surname_before_place()
        strong: set[int] = set()  # right after a title, an organization or an honor
        weak: set[int] = set()  # elsewhere: the name needs a speech verb, a colon or a leader's title after it
        strong.update(j for i, j in self.titles_in_text() if not _GROUP_BEFORE_RE.search(text, max(0, i - 2), i))
        for i, j, label in list(self.mentions):
            if label in (HONOR, ORGANIZATION):
                strong.add(j)
                if label == HONOR and text[j:j + 1] in CLOSE_QUOTES and text[i - 1:i] in OPEN_QUOTES:
                    strong.add(j + 1)  # “大国工匠”罗昭强
                if label == HONOR and text.startswith("获得者", j):
                    strong.add(j + 3)  # 班长、浙江省五一劳动奖章获得者|何国锋: the chain goes on before the honor
            if label == ORGANIZATION and text.startswith("的", j):
                weak.add(j + 1)  # 国网河南省电力公司的|涂安说
        for i, ch in enumerate(text):
            if ch in CLOSE_QUOTES:
                weak.add(i + 1)
            elif ch == "\n":
                weak.add(i + 1)
            elif ch in "—" and i + 1 < len(text) and text[i + 1] != "—":
                weak.add(i + 1)
        weak.add(0)
        for m in re.finditer("[在，,、。；：:（(的]", text):
            weak.add(m.end())  # (的: 坐在她旁边的|孙小雨今年23岁, where what follows the name vouches for it)
        relation_starts = {m.end() for m in re.finditer("|".join(RELATION_NOUNS), text)}
        # people the statistical tagger found (tagger_mentions ran first)
        tagged = {i: j for i, j, label in self.mentions if label == PERSON}
        possessed = {i for i in tagged if i > 1 and text[i - 1] == "的"}  # 宇通集团的李萌 (read_chain checks the body)
        for i in sorted(strong | weak | relation_starts | possessed):
            if i >= len(text):
                continue
            end = self.rec.name_at(text, i, verbs_follow=i in strong)
            if i in tagged and (end is not None or i in strong or i in possessed):
                # the tagger's boundary (张黎明|说, not 张黎|明说), and a tagged name right after a title
                # whatever follows it (…书记处书记王建国出席会议)
                end = tagged[i]
            if end is None and i in strong:  # 班长才让多杰|蹲在…: two name words after a title, whatever follows
                end = next((i + n for n in (6, 5, 4) if self.rec.two_part_name(text[i:i + n])), None)
            if end is None and (i == 0 or text[i - 1] in "。！？!?\n"):
                # 孙立新，临泉县…监察大队大队长。: a sentence that opens with a name and its post, as the tagger's
                # names are read (a given name that is also an adverb, 立新)
                end = next((i + n for n in (3, 2) if text[i + n:i + n + 1] in ("，", ",", "是")
                            and self.rec.valid_name(text[i:i + n], tagged=True) and self.predicate_post_follows(i + n)),
                           None)
            if end is None:
                continue
            if i not in strong and i not in relation_starts and i not in possessed:
                if not self._strong_follow(end):
                    continue
                if (text[i] in FUNCTION_SURNAMES and not self.rec.segmenter.word_tag(text[i:end]).startswith("nr")
                        and not self.rec.two_part_name(text[i:end])):  # not 才让多杰: no family name
                    continue
            self.read_chain(i, end)
        for m in re.finditer("|".join(("族", *_DESCRIBING_NOUNS)), text):  # 藏族青年才让东智是…: two name words
            i = m.end()
            end = next((i + n for n in (6, 5, 4) if self.rec.two_part_name(text[i:i + n])), None)
            if end is not None and not any(s <= i < e for s, e, label in self.mentions if label == PERSON):
                self.read_chain(i, end)
        org_starts = {i for i, _, label in self.mentions if label == ORGANIZATION}
        for m in _AFFILIATION_RE.finditer(text):  # 1998年，石晨进入国网河南省电力公司工作: a clause's subject
            if m.end() not in org_starts:
                continue
            for size in (3, 2):
                i = m.start() - size
                if i in weak and self.rec.valid_name(text[i:m.start()], tagged=tagged.get(i) == m.start()):
                    self.read_chain(i, m.start())
                    break
        honor_starts = {i for i, _, label in self.mentions if label == HONOR}
        for m in re.finditer("(?:授予|追授)", text):  # 追授于德厚|全国五一劳动奖章: the one an honor goes to
            for size in (3, 2):
                i, j = m.end(), m.end() + size
                if ((j in honor_starts or (text[j:j + 1] in OPEN_QUOTES and j + 1 in honor_starts))
                        and self.rec.valid_name(text[i:j], tagged=True)):
                    self.read_chain(i, j)
                    break
        for m in _MEETING_RE.finditer(text):  # 记者见到杨海时，…: whom the reporter met, then 时 (when)
            i = m.end()
            for size in (3, 2):
                j = i + size
                if (text.startswith("时", j) and text[j + 1:j + 2] in PUNCT_AFTER_NAME
                        and self.rec.valid_name(text[i:j], tagged=tagged.get(i) == j)):
                    self.add(i, j, PERSON)
                    break

    def unlisted_names(self) -> None:
        """Names of no listed family name where only a person can stand: after a quote, a pause or 的 and right
        before a speech verb and its colon or comma (“…”宝力德说。 退休的其木格对记者说：), or right after a title
        where a name ends well (护林员宝力德骑上…, 主任医师阿西莫日、). The name must not be or hold a frequent
        word (大家, 工人们, 记者) or a character that cannot be in a name, and no mention found so far covers it."""
        text = self.text
        title_ends = {j for i, j in self.titles_in_text() if self.word_at(i, j)}
        described = {m.end() for m in _ETHNIC_PERSON_RE.finditer(text)}  # 彝族小伙|普成林, 蒙古族青年|宝音图
        title_ends |= described | {m.end() for m in _AGE_BEFORE_RE.finditer(text)}  # 19岁的|旦正加来自…
        taken = [(i, j) for i, j, label in self.mentions if label in (PERSON, ORGANIZATION, PLACE, HONOR)]

        def free(i: int, j: int, spoken: bool = True) -> bool:
            return self.rec.unlisted_name(text[i:j], spoken) and not any(a < j and i < b for a, b in taken)

        for m in self.rec.speech_re.finditer(text):
            k = m.start()
            if text[m.end():m.end() + 1] not in ("，", ",", "：", ":", "。", "“"):
                continue
            for size in (2, 3, 4):
                i = k - size
                if i >= 0 and (i == 0 or text[i - 1] in PUNCT_AFTER_NAME or text[i - 1] in CLOSE_QUOTES
                               or text[i - 1] == "的" or i in title_ends):
                    if free(i, k):
                        self.read_chain(i, k)
                    break
        for i in sorted(title_ends):
            ends = [(self.rec._follow_score(text, j), j) for j in range(i + 2, min(i + 5, len(text)) + 1)
                    if (free(i, j, spoken=False) and i not in described)
                    or (i in described and self.described_name(i, j, taken))]
            # after a description, the shortest of the best (吉克阿呷|正把…, not 吉克阿呷正)
            best = max(ends, default=(0, 0), key=lambda e: (e[0], -e[1]) if i in described else e)
            if best[0] >= 1:
                self.read_chain(i, best[1])

    def described_name(self, i: int, j: int, taken: list[tuple[int, int]]) -> bool:
        """Whether text[i:j], right after a description by nationality (彝族小伙|普成林), may be a name of a family
        name no list holds: no word, title or place, no function character, and no word running past its end
        (宝音图|响应, not 宝音图响|应)."""
        name = self.text[i:j]
        return (is_han(name) and not any(ch in NAME_STOP or ch in FUNCTION_CHARS or ch in _NUMERALS for ch in name)
                and not self.rec.segmenter.is_common_word(name) and name not in self.rec._titles
                and name not in self.lex.generic_words and name not in self.lex.place_alias
                and not self.rec._word_across(self.text, j)
                and not (len(name) > 3 and self.rec.segmenter.is_common_word(name[-2:]))
                and not any(a < j and i < b for a, b in taken))

    def listed_names(self) -> None:
        """A name in a list joined by 、 right beside a name found (黄桂英、罗志强、|梁月娥|等): the items of
        one list are alike, so a name there needs no verb after it."""
        text = self.text
        found = True
        while found:
            found = False
            taken = [(i, j) for i, j, label in self.mentions if label in (PERSON, ORGANIZATION, PLACE, HONOR)]
            for i, j in sorted((i, j) for i, j, label in self.mentions if label == PERSON):
                spans = []
                if text[j:j + 1] == "、":  # the next item: a name, then the list goes on or ends
                    spans = [(j + 1, j + 1 + n) for n in (3, 2) if text[j + 1 + n:j + 2 + n] in _LIST_GOES_ON]
                elif i > 1 and text[i - 1] == "、":  # the item before: a name after a pause or the list's start
                    spans = [(i - 1 - n, i - 1) for n in (3, 2) if i - 1 - n >= 0
                             and (i - 1 - n == 0 or text[i - 2 - n] in PUNCT_AFTER_NAME)]
                for a, b in spans:
                    name = text[a:b]
                    if (not any(x < b and a < y for x, y in taken)
                            and self.rec.valid_name(name, tagged=self.rec.segmenter.word_tag(name).startswith("nr"))):
                        self.read_chain(a, b)
                        found = True
                        break
                if found:
                    break

    def titles_in_text(self) -> list[tuple[int, int]]:
        """The spans of the titles the lexicon lists in the text; where one holds the start of a longer title that
        runs past it, the longer one instead (焊接工|程师: 焊接 + 工程师; 入|职工|程师: 工程师)."""
        text = self.text
        spans = []
        for m in self.rec.lex.title_re.finditer(text):
            if not m.group(0):
                continue
            if not self.inside_longer_title(m.start(), m.end()):
                spans.append((m.start(), m.end()))
                continue
            k = next(k for k in range(m.start() + 1, m.end())
                     if k + len(self.rec._title_at(text, k) or "") > m.end())
            spans.append((k, k + len(self.rec._title_at(text, k))))
        return spans

    def inside_longer_title(self, i: int, j: int) -> bool:
        """Whether a longer title starts inside text[i:j] and runs past it (入|职工|程师: 工程师, no 职工)."""
        return any(k + len(self.rec._title_at(self.text, k) or "") > j for k in range(i + 1, j))

    def _strong_follow(self, end: int) -> bool:
        text = self.text
        rest = text[end:end + 6]
        if self.text.startswith("看来", end):
            return "在" in text[max(0, end - 5):end]
        if rest.startswith(self.rec._speech):
            return True
        if text.startswith("一边", end) and re.match(
                f"一边[^，。！？!?；;“”\n]{{1,16}}?[，,]?一边[^，。！？!?；;“”\n]{{0,10}}?(?:{self.rec.speech_re.pattern})",
                text[end:end + 50]):
            return True  # 高建国一边检查设备，一边向记者介绍
        if (text.endswith("岁的", 0, max(0, end - 4)) or text[max(0, end - 6):end].find("岁的") >= 0) and (
                end < len(text) and text[end] in PUNCT_AFTER_NAME):
            return True  # 今年52岁的李秀英， (and 今年54岁的郝建军|是…的一名熔化工 below)
        if self.predicate_post_follows(end) or _AGE_CLAUSE_RE.match(text, end):
            return True  # (孙海鹰今年41岁，: only a person's age is told so)
        title = self.rec._title_at(text, end)
        if title and self.lex.titles.get(title) in ("party", "government"):
            return True
        return end < len(text) and text[end] in "：:"

    def tagger_mentions(self) -> None:
        if self.rec.tagger is None:
            return
        labels = {"PER": PERSON, "ORG": ORGANIZATION, "LOC": PLACE}
        text = self.text
        for i, j, label in self.rec.tagger(text):
            kind = labels.get(label)
            if kind == PERSON and j - i == 3 and (
                    (text[j - 1] == "时" and text[j:j + 1] in PUNCT_AFTER_NAME)
                    or text.startswith(self.rec.long_speech_verbs, j - 1)):
                j -= 1  # 记者见到杨海时，: the name, then 时 (when); 刘明|笑着说: then a speech verb
            whole = next((i + n for n in (6, 5, 4) if n > j - i and self.rec.two_part_name(text[i:i + n])),
                         None) if kind == PERSON else None
            if whole is not None:
                j = whole  # 巴图孟|和: the tagger cut a Mongolian name after its first word and a half
            if kind == PERSON and text[j:j + 1] == "业" and not self.rec.segmenter.in_dictionary(text[j:j + 2]):
                continue  # 蓝科锂|业是…: a company's short name (锂业, 矿业), not a person (but 王伟|业务…)
            if kind == PERSON:
                bounds = self.tagged_name_bounds(i, j)
                if bounds is None:
                    continue
                i, j = bounds
                if (j - i == 2 and i >= 3 and text[i - 1] in self.lex.surnames and text[i - 1] not in FUNCTION_SURNAMES
                        and text.endswith(_DESCRIBING_NOUNS, 0, i - 1) and self.rec.valid_name(text[i - 1:j])):
                    i -= 1  # 小伙银|海涛: the tagger left a rarer family name out after a word that describes a person
            name = text[i:j]
            if kind == PERSON and (self.rec.valid_name(name, tagged=True) or self.titled_adverb_name(i, j)):
                if (len(name) == 3 and name[:2] in self.lex.surnames and self.rec.valid_name(text[i:j + 1])
                        and self.rec._follow_score(text, j + 1) > self.rec._follow_score(text, j)):
                    j += 1  # 吉克阿|依在: a four-character name with a two-character family name (吉克|阿依)
                elif self.given_name_before_speech(i, j):
                    j += 1  # 黄德|明说: 明说 is a word, but 黄德明 说 is meant
                self.add(i, j, PERSON)
            elif kind == ORGANIZATION and self.plausible_org(i, j):
                self.add_org_phrase(i, j)

    def tagged_name_bounds(self, i: int, j: int) -> tuple[int, int] | None:
        """The tagger's name text[i:j] with its edges checked against the dictionary's words around it: None when a
        word runs into its start (老师傅|连续 gives no 傅连续); two characters, not three, when the third is an
        adverb that ends no given name (唐浩|最看重); three, not two, when the next character is a word of its own
        that may end a given name and a verb follows (韦德|明当选)."""
        text, seg = self.text, self.rec.segmenter
        w0 = max(0, i - 3)
        tokens = seg.spans(text[w0:min(len(text), j + 6)])
        at = {w0 + a: (w, w0 + b) for w, a, b in tokens}
        title = next((w0 + b for w, a, b in tokens if w0 + a < i < w0 + b and w in self.rec._titles), None)
        if title is not None and j - title >= 2:
            word = next(iter(seg.tagged(text[title:title + 6])), None)
            if word is not None and j < title + word.end <= title + 4 and word.pos.startswith("nr"):
                j = title + word.end  # 修复|师马玉|洁: the tagger ran into the title and cut the name the segmenter reads whole
            return self.tagged_name_bounds(title, j)  # 副司钻|努尔兰·托合塔尔: the title the tagger ran into
        crossing = next(((w, w0 + b) for w, a, b in tokens if w0 + a < i < w0 + b and seg.word_freq(w) >= 50), None)
        if crossing is not None:
            word, end = crossing
            if j - end >= 2 and any(word[k:] in self.rec._titles or word[k:] in RELATION_NOUNS
                                    for k in range(len(word) - 1)):
                return self.tagged_name_bounds(end, j)  # 老师傅|黄伯坚: a word that ends with a title or 师傅
            return None  # a frequent word (老师傅), not one of the dictionary's rare odd ones (客户王|永胜)
        if j - i == 3 and text[j - 1] in _ADVERBS_AFTER_NAMES and at.get(j - 1, ("", 0))[1] == j:
            return i, j - 1
        if j - i == 3 and j - 1 in at and seg.word_tag(text[i:j - 1]).startswith("nr"):
            word, end = at[j - 1]
            tag = seg.word_tag(word)
            if ((end > j and text[j - 1] in ADVERB_CHARS and tag[:1] in ("d", "t", "v", "l"))
                    or (end == j and tag == "v" and text[j:j + 1] in _VERB_COMPLEMENTS)):
                return i, j - 1  # 李娜|正在检查, 李刚|走过来: a listed name, then an adverb's or a verb's word
        if (j - i == 3 and text[j - 1] in "学干做练" and text[j:j + 1] != text[j - 1]
                and text[max(0, i - 2):i].endswith(("跟着", "跟", "向"))):
            return i, j - 1  # 跟着杨雪|学烘焙, 跟着阮超|干: the one followed, then the verb (跟着王志学|学焊接 writes 学 twice)
        if (j - i == 3 and text[i - 1:i] in ("把", "将") and at.get(j - 1, ("", 0))[1] == j
                and seg.word_tag(text[j - 1]) == "v" and text[j:j + 1] in _VERB_COMPLEMENTS):
            return i, j - 1  # 把滕佳|叫到试板前: the one handled, then the verb and its complement
        if j - i == 2 and at.get(i, ("", 0))[1] == j and seg.word_tag(text[i:j]).startswith("nr"):
            nxt = at.get(j)
            if (nxt is not None and nxt[1] == j + 1 and is_han(text[j]) and text[j] not in ADVERB_CHARS
                    and seg.word_tag(text[j]).startswith("a")):  # 明, 红, 丽; not 诗 (徐渭|诗), 原 (祝捷|原是)
                after = at.get(j + 1)
                if after is not None and (seg.word_tag(after[0]).startswith("v") or after[0] in PUNCT_AFTER_NAME) \
                        and self.rec.valid_name(text[i:j + 1], tagged=True):
                    return i, j + 1
        return i, j

    def given_name_before_speech(self, i: int, j: int) -> bool:
        """Whether the tagger's two-character name text[i:j] goes on for one character that a speech verb follows,
        the two read as a word (黄德|明说): not an adverb or a verb (王刚|又说, 王刚|听说)."""
        text = self.text
        return (j - i == 2 and j + 1 < len(text) and text[j] not in ADVERB_CHARS
                and self.rec.segmenter.word_tag(text[j])[:1] not in ("v", "d", "p", "c", "u", "r")
                and text.startswith(self.rec._speech, j + 1) and not text.startswith(self.rec._speech, j)
                and self.rec.valid_name(text[i:j + 1], tagged=True))

    def titled_adverb_name(self, i: int, j: int) -> bool:
        """技术员王刚说, 厂长李才介绍: a two-character name the tagger found whose given name is also an adverb
        (刚, 才), right after a title, where 王|刚说 (Wang just said) cannot be meant; and 王刚, 陈正 anywhere,
        given names common enough for a family name alone not to be read, unless the adverb starts a word
        there (王|刚才, 李|正在) or the family name is someone's 老王|刚说."""
        name, text = self.text[i:j], self.text
        if not (len(name) == 2 and name[0] in self.lex.surnames and self.rec.segmenter.word_tag(name[1]) == "d"):
            return False
        if name[1] in _NAME_LIKE_ADVERBS and text[i - 1:i] not in ("老", "小") and not any(
                self.rec.segmenter.in_dictionary(text[j - 1:j + n]) for n in (1, 2) if j + n <= len(text)):
            return True
        return self.rec.title_ending_at(text, i) is not None

    def find_dotted_names(self) -> None:
        """Names written in dotted parts of transliteration characters (阿依古丽·买买提, 詹姆斯·莱德菲尔德) that
        the tagger missed. Outside book titles and quotes, where dotted slogans live (《劳动·奋斗》)."""
        text, chars = self.text, self.rec.lex.transliteration_chars
        people = [(i, j) for i, j, label in self.mentions if label == PERSON]
        for m in _DOTTED_RE.finditer(text):
            parts = _DOT_SPLIT_RE.split(m.group(0))
            i = m.start() + len(parts[0]) - _run_length(parts[0][::-1], chars)
            j = m.end() - len(parts[-1]) + _run_length(parts[-1], chars)
            while j - 1 > m.end() - len(parts[-1]) and len(self.word_at_start.get(j - 1, "")) >= 2:
                j -= 1  # 买买提|扎根: the last character starts the next word
            if i not in self.word_starts:
                continue  # 摩|根·斯坦利: the name goes on to the left in a character no name is written in
            name = text[i:j]
            parts = _DOT_SPLIT_RE.split(name)
            if (not all(parts) or any(ch not in chars for p in parts for ch in p)
                    or len(name) - len(parts) + 1 < 4 or not self.rec.valid_transliterated_name(name)):
                continue
            if text[i - 1:i] in OPEN_QUOTES + "《" or text[j:j + 1] in CLOSE_QUOTES + "》":
                continue
            crossing = [(a, b) for a, b in people if a < j and i < b]
            # 古丽·吐尔洪|头也不抬: the tagger's reading runs on past the name into characters no transliteration uses
            overrun = [(a, b) for a, b in crossing if j < b <= j + 2 and not any(ch in chars for ch in text[j:b])]
            if any(not (i <= a and b <= j) and (a, b) not in overrun for a, b in crossing):
                continue  # the tagger's reading stands
            i = min([i, *(a for a, _ in overrun)])  # (帕提古丽·吐尔洪: not where the tagger started, if later)
            for a, b in crossing:  # 买买提江·吐尔逊, which the tagger cut to 江·吐尔逊
                self.remove(a, b, PERSON)
            self.add(i, j, PERSON)

    def find_orgs(self) -> None:
        """Organizations outside chains: a run of name characters ending in a strong suffix; crews known by
        their number (70216钻井队)."""
        text = self.text
        for m in _NUMBERED_CREW_RE.finditer(text):
            self.add(m.start(), m.end(), ORGANIZATION)
        for m in self.lex.org_suffix_re.finditer(text):
            suffix = m.group(0)
            if not suffix or m.end() in self.name_brackets:
                continue  # 控股（集团|）有限公司: the name goes on after the bracket
            i, j = m.start(), m.end()
            title = self.rec._title_at(text, i)
            if title and len(title) > len(suffix):
                continue  # 办公室主任, 教育局|局长: the suffix starts a title, not a body
            if not self.lex.org_suffixes.get(suffix, ("", False))[1]:
                i = self.department_start(j)
                if i is None and (len(suffix) >= 2 and self.lex.org_suffixes[suffix][0] in ("unit", "team")
                                  or suffix in _TRADE_WORKS and j in self.word_ends):
                    i = self.body_before_unit(m.start())  # 基地, 中心, 热轧|厂: not 所, 段, 办 (所属, 班长段X)
                if i is None and suffix == "厂":
                    i = self.named_plant_start(j)
                if i is not None:
                    self.add_org_phrase(i, j)
                continue
            while i > 0 and (text[i - 1] not in CHUNK_DELIMS or i - 1 in self.name_brackets) and j - i < 40:
                i -= 1
            i += self.rec.name_start(text[i:m.start()])
            if suffix == "学会" and text[m.start() - 1:m.start()] in _BEFORE_LEARNING:
                continue  # 丁小梅刚学会用手机: learnt, no society
            if (text[j:j + 1] in ("了", "着", "过") or suffix == "大学" and text[j:j + 1] in ("学", "读", "时", "毕", "期")) and (
                    (i, m.start(), PERSON) in self.mentions or text[i:m.start()] in self.person_names):
                # 跟着萨仁图雅|学会了, 乔宇航|大学学的是…: a person and what they did, no body (劳模创新工作室 are
                # named after people)
                continue
            if suffix == "党委" and self.company_named(text[i:m.start()]):
                continue  # 海晟重工|党委副书记: the company's post (ANNOTATION: a department's title goes with the body)
            if self.plausible_org(i, j) and (self.ends_word(i, j) or self.suffix_runs_into_verb(m.start(), suffix)):
                self.add_org_phrase(i, j)

    def company_named(self, name: str) -> bool:
        """Whether ``name`` is a company or group, by its suffix or as the short form of one named before."""
        return (self.rec.unit_kind(name) in ("company", "group")
                or any(name in self.cores_of(other) for other in self.org_names))

    def cores_of(self, name: str) -> list[str]:
        """:func:`org_cores` of ``name``, computed once per article (short forms and party posts both ask)."""
        if name not in self._cores:
            self._cores[name] = org_cores(name, self.lex, self.rec)
        return self._cores[name]

    def named_plant_start(self, j: int) -> int | None:
        """Start of a plant named by its city or brand and the nouns of its trade, ending at ``j`` (洛阳|拖拉机厂,
        新疆|和田|地毯厂, 景德镇|瓷器|厂, 宇通|客车厂, 郑州|红星|服装厂); not 厂 or 工厂 alone (洛阳|工厂 are the
        city's plants)."""
        text, place_ends = self.text, self.place_ends
        if any(s < j < e for s, e, label in self.mentions if label == PLACE):
            return None  # 海门区|三厂街道: a town's name
        for p in range(j - 3, max(0, j - 6) - 1, -1):
            if p not in self.word_starts or p not in self.word_ends:
                continue
            words = self.rec.segmenter.tagged(text[p:j])
            last = words[-1].text if words else ""
            # 拖拉机厂 or 瓷器|厂, not a verb's object (招工|进厂)
            if not ((last == "厂" or len(last) >= 3 and last.endswith("厂")) and text[p:j] not in self.lex.generic_words
                    and all(t.pos in ("n", "vn") or t.text == "厂" for t in words)):  # 瓷器|厂: the tagger's zg
                continue
            if p in place_ends and self.lex.place_alias.get(text[place_ends[p]:p]) in self.lex.places:
                i = place_ends[p]
            else:
                brand = self.word_ending_at.get(p)
                if brand is None or len(brand.text) < 2 or not self.rec.has_proper_part(brand.text) or (
                        self.rec.segmenter.word_tag(brand.text) in ("n", "vn", "ns", "nt")):
                    continue  # 红星|拖拉机厂; not a body (钢铁集团|炼铁厂 is its unit) or a common noun
                i = brand.start
            while i in place_ends:
                i = place_ends[i]  # 新疆|和田|地毯厂, 郑州|红星|服装厂: the place before is part of the name
            return i
        return None

    def body_before_unit(self, i: int) -> int | None:
        """Start of the body a unit whose weak suffix starts at ``i`` is named after: a body just found, then at
        most six characters of place and common words (翔宇航空工程技术有限公司|西安维修|基地)."""
        for (s, e, label) in self.mentions:
            if label == ORGANIZATION and 2 <= i - e <= 6 and e in self.word_ends and i in self.word_ends:
                words = self.rec.segmenter.tagged(self.text[e:i])
                if (all(t.pos in ("n", "vn", "ns") or (t is words[-1] and t.pos == "v" and len(t.text) == 2)
                        for t in words)  # 维修|基地: the trade that names the unit
                        and not _CLAUSE_IN_NAME_RE.search(self.text, e, i)):
                    return s
        return None

    def find_known_orgs(self) -> None:
        """National bodies and central enterprises by the names news uses (全总, 国资委, 中国一重), where
        they stand as a word, or end before a title (全总|书记处书记, which the segmenter reads 全|总书记|处)."""
        text = self.text
        inside = [(i, j) for i, j, label in self.mentions if label == ORGANIZATION]
        for m in self.lex.known_org_re.finditer(text):
            i, j = m.start(), m.end()
            if i == j or any(a <= i and j <= b and b - a > j - i for a, b in inside):
                continue
            form = m.group(0)
            if _NUMBERED_UNIT_RE.match(text, j):
                continue  # 中建|五局, 中铁|十一局: a unit named after the group, no mention of the group itself
            if (self.lex.known_orgs[form] != form and self.rec.common_word(form)
                    and self.rec.segmenter.word_tag(form)[:1] not in ("n", "j")):
                continue  # a short form that is an everyday word: linking finds it where the full name is
            before_ok = i in self.word_starts
            after_ok = j in self.word_ends or j == len(text) or not is_han(text[j]) or self.rec._title_at(text, j)
            if before_ok and after_ok:
                self.add(i, j, ORGANIZATION)

    def level_bodies(self) -> None:
        """县司法局, 区人力资源和社会保障局, 县法院: a department of the place the article named before, by its level
        alone (linking finds which); the level is part of the name, not left out of it."""
        text = self.text
        levels = {self.lex.places[self.lex.place_alias[m.text]].level for m in self.mentions.values()
                  if m.label == PLACE and m.text in self.lex.place_alias}
        for m in _LEVEL_BODY_RE.finditer(text):
            i, j = m.start(), m.end()
            if len(m.group(2)) < 2:
                continue  # 省厅, 市局: which department, the level does not say
            before = text[max(0, i - 4):i]
            if len(m.group(1)) > 1:  # 今年自治区总工会, 联合自治区人社厅: 自治区 alone, unless a place's name ends with it
                if REGION_LEVELS[m.group(1)] not in levels or any(
                        s < i < e for s, e, label in self.mentions if label == PLACE):
                    continue
            elif REGION_LEVELS[m.group(1)] not in levels or (is_han(before[-1:] or "，") and before[-1:] not in "与和及同跟由向经"
                                                              and not before.endswith(tuple(ORG_PRECEDING_VERBS))):
                continue
            if self.rec.segmenter.tokens(text[i:j])[0].text not in (m.group(1), text[i:i + 2], text[i:i + 3], text[i:j]):
                continue  # 市场监管局: 市 starts a word
            if any(s < j and i < e for s, e, label in self.mentions if label == PERSON):
                continue
            for s, e, label in list(self.mentions):
                if label == ORGANIZATION and s == i + len(m.group(1)) and e == j:
                    self.remove(s, e, label)
            self.add(i, j, ORGANIZATION)
            self.level_body_unit(i, j)

    def level_body_unit(self, i: int, j: int) -> None:
        """市总工会|职工|法律援助中心: a unit of the body text[i:j] named by its level, in up to four characters of
        common nouns and a class that reliably ends a unit's name."""
        text = self.text
        for k in range(j, min(j + 4, len(text)) + 1):
            suffix = self.lex.org_suffix_re.match(text, k)
            if (suffix is not None and suffix.group(0) and self.lex.org_suffixes[suffix.group(0)] == ("unit", True)
                    and (k == j or is_han(text[j:k]))
                    and all(t.pos in ("n", "vn") for t in self.rec.segmenter.tagged(text[j:k]))):
                self.add(i, suffix.end(), ORGANIZATION)
                self.units.add((text[i:suffix.end()], text[i:j]))
                return

    def owned_bodies(self) -> None:
        """ORG所属/下属/旗下ORG: the second body is a unit of the first (longest names on both sides)."""
        text = self.text
        ends: dict[int, int] = {}
        starts: dict[int, list[int]] = {}
        for i, j, label in self.mentions:
            if label == ORGANIZATION:
                ends[j] = min(ends.get(j, i), i)
                starts.setdefault(i, []).append(j)
        for j, i in ends.items():
            link = _OWNERSHIP_RE.match(text, j)
            if link and link.end() in starts:
                self.units.add((text[link.end():self.top_body_end(link.end(), starts[link.end()])], text[i:j]))
        for j, i in ends.items():  # B隶属于A: the first body is a unit of the second (all of it: A's deepest unit)
            link = _BELONGS_RE.match(text, j)
            if link and link.end() in starts:
                self.units.add((text[i:j], text[link.end():max(starts[link.end()])]))
        for m in _ITS_OWN_RE.finditer(text):  # ORG加大…力度，其所属的ORG2: the body the sentence is about owns it
            s, _ = sentence_span(text, m.start())
            before = [(e, b) for e, b in ends.items() if s <= b and e <= m.start()]
            if m.end() in starts and before:
                e, b = max(before)
                self.units.add((text[m.end():self.top_body_end(m.end(), starts[m.end()])], text[b:e]))

    def quoted_teams(self) -> None:
        """A team named in quotes (“玫瑰车队”, “青年突击队”): a name, though in common words; a unit of the body the
        sentence names before it when the words between say the body has or set it up (ORG有一支…的“玫瑰车队”)."""
        text = self.text
        for m in _QUOTED_NAME_RE.finditer(text):
            i, j, name = m.start(1), m.end(1), m.group(1)
            suffix = next((name[k:] for k in range(len(name) - 1) if name[k:] in self.lex.org_suffixes), "")
            if (len(suffix) < 2 or len(name) - len(suffix) < 2 or self.rec.unit_kind(suffix) != "team"
                    or name in self.lex.generic_words
                    or any(a < j and i < e and (a, e, label) != (i, j, ORGANIZATION) for a, e, label in self.mentions)):
                continue
            self.add(i, j, ORGANIZATION)
            s, _ = sentence_span(text, i)
            before = [(e, b) for b, e, label in self.mentions if label == ORGANIZATION and s <= b and e < i]
            if before and _SETS_UP_RE.match(text, max(before)[0], i):
                e, b = max(before)
                self.units.add((name, text[b:e]))

    def top_body_end(self, i: int, ends: list[int]) -> int:
        """Of the bodies starting at ``i`` (ending at ``ends``), the end of the one the others are units of
        (巴蜀石油钻探工程有限公司|川中钻井分公司: the company); the longest when none is."""
        names = {e: self.text[i:e] for e in ends}
        for e in sorted(ends):
            if any((names[c], names[e]) in self.units for c in ends if c > e):
                return e
        return max(ends)

    def defined_short_names(self) -> None:
        """ORG（以下简称“X”） and ORG（简称X）: X names the same body in this article (and a unit named right
        after the bracket is the body's: 中国石油化工集团有限公司（简称中国石化）|镇海炼化分公司)."""
        text = self.text
        orgs: dict[int, int] = {}
        for i, j, label in self.mentions:
            if label == ORGANIZATION:
                orgs[j] = min(orgs.get(j, i), i)
        for j, i in list(orgs.items()):
            m = _SHORT_NAME_RE.match(text, j)
            if m is None or m.group(1) == text[i:j]:
                continue
            self.add(m.start(1), m.end(1), ORGANIZATION)
            self.aliases.add((m.group(1), text[i:j]))
            self.defining_brackets[m.end()] = (i, j)
            unit = max((e for (s, e, label) in self.mentions if s == m.end() and label == ORGANIZATION), default=None)
            if unit is not None:
                self.units.add((text[m.end():unit], text[i:j]))

    def named_departments(self) -> None:
        """A ministry or commission and its department (司) named by nouns right after it
        (人力资源和社会保障部|职业能力建设司), a university and its 系 (北京大学|中文系); the department's
        bare tail the tagger found (建设司) goes."""
        text = self.text
        for i, j, label in list(self.mentions):
            if label != ORGANIZATION:
                continue
            m = _DEPARTMENT_RE.match(text, j)
            if m is None or not self.ends_word(j, m.end()) or not self.rec.is_department(text[i:j], m.group(0)):
                continue
            for s, e, other in list(self.mentions):
                if other == ORGANIZATION and j < s and e == m.end():
                    del self.mentions[(s, e, other)]
            self.add_org_phrase(i, m.end())
            self.departments.add((i, m.end()))

    def suffix_runs_into_verb(self, i: int, suffix: str) -> bool:
        """Whether the segmenter joined the suffix at ``i`` to a verb after it (安徽工业|大学毕业), so the
        name ends there although no word does (not 外国|政府首脑, 非洲发展|银行行长: nouns)."""
        word = self.word_at_start.get(i)
        if len(suffix) < 2 or word is None or not word.startswith(suffix) or len(word) == len(suffix):
            return False
        rest = word[len(suffix):]
        return rest in ("毕业", "退休") or self.rec.segmenter.word_tag(rest) in ("v", "vn")  # jieba tags 毕业 n

    def _post_after(self, end: int) -> tuple[int, int, str] | None:
        """The stretch ``(k, j, title)`` of an ORG+TITLE written after a name at ``end``:
        a predicate (是ORG的一名TITLE, 被聘为…, 担任…) or an apposition (，ORG+TITLE， / （ORG+TITLE）)."""
        text = self.text
        bio = _BIO_FIELDS_RE.match(text, end)
        if bio is not None:
            end = bio.end()  # 马丽，女，汉族，1985年出生，|宁夏共享集团铸造分公司工段长: a profile's fields, then the post
        ethnic = _ETHNIC_PREDICATE_RE.match(text, end)
        if ethnic is not None:
            end = ethnic.end()  # 巴图孟和是蒙古族，|…工区的巡道工: the nationality, then the post
        when = _WHEN_RE.match(text, end)
        if when is not None and text.startswith(OFFICE_VERBS, when.end()):
            end = when.end()  # 韩立东去年|被评聘为…: when the post was taken
        now = _NOW_RE.match(text, end)
        if now is not None:
            end = now.end()  # 曲晓峰如今|是…
        age = _AGE_CLAUSE_RE.match(text, end)
        if age is not None and text.startswith(ROLE_VERBS, age.end()):
            end = age.end()  # 何明亮今年39岁，|是…首席技师: the age, then the post
        lead = next((v for v in ROLE_VERBS if text.startswith(v, end)), None)
        if lead is None and text[end:end + 1] in ("，", ","):  # 他叫李明，是…的一名驾驶员: a predicate after a pause
            lead = next((text[end] + v for v in ROLE_VERBS if text.startswith(v, end + 1)), None)
        if lead is None and text[end:end + 1] in ("，", ",", "（", "("):
            lead = text[end]
        if lead is None:
            return None
        k = end + len(lead)
        j = k
        while j < len(text) and text[j] not in "，,。；;！？!?\n、（()）“" and j - k < 40:
            j += 1
        if lead in "，,（(" and (j >= len(text) or text[j] not in "，,。）)"):
            return None  # an apposition is a whole chunk
        if lead in "，,（(" and text[k:k + 1] in "我你他她它":
            return None  # 王丽娜，她是…: a clause of its own (read from the pronoun), not an apposition
        if text.endswith("之一", k, j):
            j -= 2  # 成了ORG首批首席技师之一
        chunk = text[k:j]
        title = self.rec.title_suffix(chunk)
        if not title or len(chunk) == len(title):
            return None
        local = self.local_body_post(k, j, title)
        if local is not None:
            return k, j, local[1]  # 当选省总工会|主席: the body of the place the article names
        org, qualifier = _split_at_gap(chunk[:-len(title)])
        title = qualifier + title  # 的一名|装配钳工
        ends = self.rec.org_suffix_end(org)
        if not ends and not qualifier and org == chunk[:-len(title)]:
            # 青海省|总工会主席: the body's suffix opens the title the lexicon lists (not across 的: 车间里最年轻的班组长)
            cut = next((n for n in range(1, len(title) - 1) if title[n:] in self.lex.titles
                        and self.rec.org_suffix_end(org + title[:n])), None)
            if cut is not None:
                org, title = org + title[:cut], title[cut:]
                ends = self.rec.org_suffix_end(org)
        if (k, k + len(org), ORGANIZATION) in self.mentions or self.tail_of_named_unit(k, k + len(org)):
            return k, j, title  # 是北疆锅炉的首席技师, 是维修班唯一的女技术员: a body or unit named before, in short
        if self.team_of_named_unit(k, org) is not None:
            return k, j, title  # 是船体车间|焊接一班班长
        if self.locative_body(k, org) is not None:
            return k, j, title  # 是站里的三级引航员
        if self.rec.common_unit(org):
            return k, j, title  # 是语音标注组的质检员: a unit in common words, of the body the context gives
        if not ends or ends[-1][0] < len(org) - 6 or not self.rec.has_proper_part(org):
            return None
        return k, j, title

    def tail_of_named_unit(self, i: int, j: int) -> bool:
        """Whether text[i:j] is how the article refers back to a body or unit named in full before (维修班 after
        桂柳新能源汽车有限公司焊装车间机器人维修班, 联合会 after 佛山市货车司机工会联合会): the end of its name, a
        suffix and a word before it, that ends one body named before."""
        tail = self.text[i:j]
        unit_class = len(tail) == 2 and tail in self.lex.org_suffixes and self.rec.unit_kind(tail) in ("unit", "team")
        if not (unit_class or 3 <= len(tail) <= 6 and is_han(tail) and self.rec.unit_kind(tail) is not None
                and legal_suffix(tail) != tail and tail not in self.lex.generic_words):
            return False  # (是基地的首席技师: a unit's class alone, as 该公司 is a company's)
        names = {self.text[s:e] for s, e, label in self.mentions if label == ORGANIZATION and e <= i
                 and e - s > len(tail) and self.text.endswith(tail, s, e)}
        return len({n for n in names if not any(o != n and o.endswith(n) for o in names)}) == 1  # one body

    def locative_body(self, k: int, words: str) -> Mention | None:
        """The body named before that ``words`` at ``k`` refer to as a place of work (站里, 厂里: the station, the
        factory or company; 班里: the team), or None."""
        m = _LOCATIVE_BODY_RE.fullmatch(words)
        if m is None and words in _CLASS_OF_BODY:
            return self.last_org_before(k, words)  # 是公司的设计总监, 是合作社的第一批社员: the body just named
        if m is None:
            return self.unit_class_body(k, words)
        word = m.group(1)
        return self.last_org_before(k, word) or (self.last_org_before(k, "公司") if word == "厂" else None)

    def unit_class_body(self, k: int, words: str) -> Mention | None:
        """The body named earlier in the sentence when a unit's class alone at ``k`` stands for a unit of it the
        sentence set the scene in (在宏达机械有限公司的装配车间，李建国是车间的质检员), or None."""
        if not (len(words) == 2 and words in self.lex.org_suffixes and self.rec.unit_kind(words) in ("unit", "team")):
            return None
        s, _ = sentence_span(self.text, k)
        if self.text.find(words, s, k) < 0:
            return None  # no unit of that class in the sentence before
        found = [m for (a, e, label), m in self.mentions.items() if label == ORGANIZATION and s <= a and e <= k]
        return max(found, key=lambda m: (m.span.end, -m.span.start), default=None)

    def team_of_named_unit(self, k: int, words: str) -> int | None:
        """Where a unit named before by the end of its name ends in ``words`` at ``k`` when a team of it, in common
        words, follows (船体车间|焊接一班 after 海晟重工有限公司船体车间): the team's title then holds the post."""
        for cut in range(len(words) - 2, 1, -1):
            rest = words[cut:]
            if (self.is_unit_name(rest) and self.rec.unit_kind(rest) in ("unit", "team")
                    and not self.rec.has_proper_part(rest) and self.tail_of_named_unit(k, k + cut)):
                return k + cut
        return None

    def _bare_office_after(self, end: int, copula: bool = True) -> Post | None:
        """A title alone taken up after a name or a clause at ``end`` (担任技术总监，; 后来担任第三管护站站长。), with
        no body named: a post the context places. ``copula``: whether 是一名TITLE counts there."""
        text = self.text
        m = _BARE_OFFICE_RE.match(text, end)
        if m is None or (not copula and "是" in text[end:m.start(1)]):
            return None
        chunk = m.group(1)
        title = self.rec.title_suffix(chunk)
        if not title or (chunk != title and not self.is_unit_name(chunk[:-len(title)])):
            return None
        return Post(chunk, self.span(m.start(1), m.end(1)), None)

    def predicate_post_follows(self, end: int) -> bool:
        """Whether a post follows the name ending at ``end`` (张海涛是某某公司的一名操作工)."""
        return self._post_after(end) is not None

    def read_predicates(self) -> None:
        """Posts written after the name: NAME是ORG+TITLE, NAME被聘为…, 我是ORG的一名TITLE, NAME，ORG+TITLE，"""
        text = self.text
        people = sorted((m for m in self.mentions.values() if m.label == PERSON), key=lambda m: m.span.start)
        subjects = [(m.span.end, m) for m in people]
        for m in re.finditer("(?<![\u4e00-\u9fff])[我他她](?:如今|现在|已经|已|也)?(?=是|被聘为|担任|现任|曾任|当选为|成为|成了)",
                             text):
            before = [p for p in people if p.span.end <= m.start()]
            if before and named_as_master(text, before[-1].span.start):
                # not a master just named (…跟着王桂珍学刻纸。如今，他是…): the one who learns from them
                before = [p for p in before if p.text != before[-1].text] or before
            if before:
                subjects.append((m.end(), before[-1]))
        for m in _POST_CLAUSE_RE.finditer(text):
            s, _ = sentence_span(text, m.start())
            opening = [p for p in people if s <= p.span.start and p.span.end <= m.start()
                       and text[p.span.end:p.span.end + 1] not in "：:"]  # not 郑晓岚：, who answers a question
            named = [p for p in opening if text.endswith("叫", 0, p.span.start)]
            opening = [p for p in opening if p in named or not text.startswith("的", p.span.end)]  # not 聂国强的女儿聂思雨
            if named and "，" not in text[named[-1].span.end:m.start()] and "," not in text[named[-1].span.end:m.start()]:
                subjects.append((m.end(), named[-1]))  # 有一位叫赵铁军的职工，是…: the one introduced by name
            elif opening and opening[0].span.start - s <= 12:  # the sentence's subject, near its start
                subjects.append((m.end(), opening[0]))
        for m in _AS_POST_RE.finditer(text):
            after = m.end()
            person = next((p for p in people if p.span.start == after), None)
            if person is None and text[after:after + 1] in ("他", "她"):
                person = next((p for p in reversed(people) if p.span.end <= m.start()), None)
            if person is not None:
                subjects.append((m.start(), person))
        for end, person in subjects:
            found = self._post_after(end)
            if found is None:
                # 是一名TITLE only right after the name or 他/她 (not 后来孩子成为…，现在是一名教师 after 高煜说)
                bare = self._bare_office_after(end, copula=person.span.end == end or text[end - 1:end] in ("他", "她"))
                if bare is not None:  # 担任技术总监: the body the article makes clear holds it (relate.py)
                    s, e = sentence_span(text, person.span.start if person.span.end == end else end, bare.title_span.end)
                    self.frames.append(Frame(person, (bare,), (), (), self.span(s, e)))
                continue
            k, j, title = found
            ts = j - len(title)
            org_end = k + len(_split_at_gap(text[k:ts])[0])
            local_body = None if (k, org_end, ORGANIZATION) in self.mentions else self.locative_body(k, text[k:org_end])
            if local_body is not None:  # 是站里的三级引航员: the station named before
                post = Post(title, self.span(ts, j), local_body)
                s, e = sentence_span(text, person.span.start if person.span.end == end else k, j)
                self.frames.append(Frame(person, (post,), tuple(self.joined_honors(j)), (), self.span(s, e)))
                continue
            team_at = None if (k, org_end, ORGANIZATION) in self.mentions else self.team_of_named_unit(k, text[k:org_end])
            if team_at is not None:  # 是船体车间|焊接一班班长: the unit named before, and its team's title
                team = text[team_at:org_end] if org_end == ts else ""  # not in 分公司|电气试验班的试验员
                org_end, title, ts = team_at, team + title, ts - len(team)
            tail = self.tail_of_named_unit(k, org_end) and (k, org_end, ORGANIZATION) not in self.mentions
            if (not tail and team_at is None and (k, org_end, ORGANIZATION) not in self.mentions
                    and self.rec.common_unit(text[k:org_end])):
                # 是语音标注组的质检员, 是3号生产线线长: the post, in the body the context gives (relate.py)
                post = Post(title if org_end < ts else text[k:j], self.span(ts if org_end < ts else k, j), None)
                s, e = sentence_span(text, person.span.start if person.span.end == end else k, j)
                self.frames.append(Frame(person, (post,), tuple(self.joined_honors(j)), (), self.span(s, e)))
                continue
            if tail:  # 是维修班唯一的女技术员, 如今是联合会兼职副主席: the body named before, by the end of its name
                self.mentions[(k, org_end, ORGANIZATION)] = Mention(text[k:org_end], ORGANIZATION, self.span(k, org_end))
            if org_end == ts and not tail:
                parsed = self.split_chunk(k, j, adjacent=False)
                if not parsed or parsed[1] is None or parsed[1].org is None:
                    continue
                post = parsed[1]
            else:
                org = self.mentions.get((k, org_end, ORGANIZATION))
                if org is None and not self.plausible_org(k, org_end):
                    continue
                org = org or self.add_org_phrase(k, org_end)
                if org is None:
                    continue
                post = Post(title, self.span(ts, j), org)
            posts = [post, *self.joined_titles(j, post.org)]
            honors = self.joined_honors(posts[-1].title_span.end)
            s, e = sentence_span(text, person.span.start if person.span.end == end else k, posts[-1].title_span.end)
            self.frames.append(Frame(person, tuple(posts), tuple(honors), (), self.span(s, e)))
        self.elected_lists(people)

    def one_of_them(self) -> None:
        """A person who is one of those the clause before names by their title (敬德镇有20多名村民当上了义务护路员，
        …蓝桂芬就是其中之一; 医院引进了专业护理员，张桂芝就是其中一位): that title, in the body the context gives."""
        text = self.text
        for person in [m for m in self.mentions.values() if m.label == PERSON]:
            if _ONE_OF_THEM_RE.match(text, person.span.end) is None:
                continue
            pause = max(text.rfind(mark, 0, person.span.start) for mark in "，,")
            start = max(text.rfind(mark, 0, pause) for mark in "，,。；;！？!?\n") + 1
            if pause < 0 or pause < start or person.span.start - pause > 16:
                continue
            title = self.rec.title_suffix(text[start:pause])
            if title is None or self.rec.title_category(title) is None:
                continue
            s, e = sentence_span(text, start, person.span.end)
            post = Post(title, self.span(pause - len(title), pause), None)
            self.frames.append(Frame(person, (post,), (), (), self.span(s, e)))

    def joined_titles(self, j: int, org: Mention | None) -> list[Post]:
        """Titles joined by 、 to a post ending at ``j`` (是ORG特级技师、精密磨削班班长): posts in the same body,
        each a title alone or after the name of a unit (精密磨削班)."""
        text = self.text
        out: list[Post] = []
        while text.startswith("、", j):
            k = j + 1
            j = k
            while j < len(text) and text[j] not in "，,。；;！？!?\n、（()）“" and j - k < 16:
                j += 1
            chunk = text[k:j]
            title = self.rec.title_suffix(chunk)
            if not title or not (chunk == title or self.is_unit_name(chunk[:-len(title)])):
                break
            out.append(Post(title, self.span(j - len(title), j), org))
        return out

    def joined_honors(self, j: int) -> list[Mention]:
        """Honors joined by 、 to a post ending at ``j`` that close the clause (是ORG首席技师、山东省技术能手。)."""
        out: list[Mention] = []
        while self.text.startswith("、", j):
            honor = next((m for (s, e, label), m in self.mentions.items() if label == HONOR and s == j + 1), None)
            if honor is None:
                break
            out.append(honor)
            j = honor.span.end
        return out if out and self.text[j:j + 1] in ("，", ",", "。", "；", ";", "\n", "") else []

    def elected_lists(self, people: list[Mention]) -> None:
        """…当选为ORG主席，A、B当选为副主席: each name of the list holds the bare title in the body the
        sentence has just given a post in."""
        text = self.text
        ending_at = {p.span.end: p for p in people}
        for m in _ELECTED_RE.finditer(text):
            title = m.group(1)
            last = ending_at.get(m.start())
            if title not in self.lex.titles or last is None:
                continue
            listed = [last]
            while (prev := ending_at.get(listed[-1].span.start - 1)) is not None and text[prev.span.end] in "、和及":
                listed.append(prev)
            s, e = sentence_span(text, m.start(), m.end())
            before = [p for f in self.frames for p in f.posts if p.org is not None
                      and s <= p.title_span.start and p.title_span.end <= listed[-1].span.start]
            if not before:
                continue
            org = max(before, key=lambda p: p.title_span.end).org
            for person in listed:
                post = Post(title, self.span(m.end(1) - len(title), m.end(1)), org)
                self.frames.append(Frame(person, (post,), (), (), self.span(s, e)))

    def assigned_posts(self) -> None:
        """中心指定了周洁作为刘某的法援律师: a body (the one of that kind just named) gives a named person a post."""
        text = self.text
        people = {m.span.start: m for m in self.mentions.values() if m.label == PERSON}
        for m in _ASSIGNED_RE.finditer(text):
            person = people.get(m.end())
            if person is None:
                continue
            role = _ASSIGNED_ROLE_RE.match(text, person.span.end)
            title = role.group(1) if role and self.rec.title_suffix(role.group(1)) else None  # 法援律师, as written
            org = self.last_org_before(m.start(), m.group(1)) if title else None
            if org is None:
                continue
            ts = role.end() - len(title)
            s, e = sentence_span(text, m.start(), role.end())
            self.frames.append(Frame(person, (Post(title, self.span(ts, role.end()), org),), (), (), self.span(s, e)))

    def hired_posts(self) -> None:
        """学院聘请彭建军为产业导师, ORG聘NAME担任TITLE: the hiring body gives the named person the post."""
        text = self.text
        for person in [m for m in self.mentions.values() if m.label == PERSON]:
            verb = _HIRING_RE.search(text, max(0, person.span.start - 8), person.span.start)
            role = _ASSIGNED_ROLE_RE.match(text, person.span.end) if verb is not None else None
            title = role.group(1) if role and self.rec.title_suffix(role.group(1)) else None
            if title is None:
                continue
            vs = verb.start()
            named = [(s, e) for (s, e, label) in self.mentions if label == ORGANIZATION and e == vs]
            if named:
                org = self.mentions[(*min(named), ORGANIZATION)]
            else:
                word = next((w for w in sorted(_HIRING_BODIES, key=len, reverse=True) if text.endswith(w, 0, vs)), None)
                org = self.last_org_before(vs - len(word), word) if word else None
            if org is None:
                continue
            ts = role.end() - len(title)
            s, e = sentence_span(text, vs, role.end())
            self.frames.append(Frame(person, (Post(title, self.span(ts, role.end()), org),), (), (), self.span(s, e)))

    def has_place(self, word: str) -> bool:
        m = self.lex.place_re.search(word)
        return bool(m and m.group(0))

    def find_short_names(self) -> None:
        """Company short names: a proper noun and a line of business (上海地铁, 太平洋保险, 中国电信)."""
        text = self.text
        for tok in self.words:
            word = tok.text
            if len(word) < 3 or word in self.lex.generic_words or self.inside_mention(tok.start, tok.end, ORGANIZATION):
                continue
            tag = self.rec.segmenter.word_tag(word)
            tail = next((w for w in self.lex.industry_words if word.endswith(w) and len(word) > len(w) + 1), None)
            head_ok = tail is not None and (word[:-len(tail)] in self.lex.place_alias
                                            or self.rec.segmenter.word_tag(word[:-len(tail)])[:2] in ("ns", "nz", "nt"))
            # a body the dictionary knows; not a discipline (社会科学) or a document (联合公报); the rarest
            # entries (法律咨询, 新进展) are often no body at all, so they need a place or a body's suffix
            named_body = (tag == "nt" and not word.endswith(("学", "报", "论", "法", "史", "科"))
                          and (self.rec.segmenter.word_freq(word) >= 5 or self.has_place(word)
                               or any(strong for _, strong in self.rec.org_suffix_end(word))))
            if named_body or head_ok:
                self.add(tok.start, tok.end, ORGANIZATION)  # a body the dictionary knows (中国电信, 最高人民法院)
        for m in self.lex.industry_re.finditer(text):
            if not m.group(0):
                continue
            i, j = m.start(), m.end()
            previous = self.word_ending_at.get(i)
            if previous is None or j not in self.word_ends or text.startswith(_TRADE_AS_SUCH, j):
                continue  # 郑州市快递|行业: the trade in a place, no company
            if len(previous.text) >= 2:
                head_text, head_start = previous.text, previous.start
                tag = self.rec.segmenter.word_tag(head_text)
            else:  # an unknown name jieba's dictionary splits into characters: let its HMM join them
                window_start = max(0, i - 8)
                tokens = self.rec.segmenter.tagged(text[window_start:j])
                before = [t for t in tokens if window_start + t.end == i]
                if not before:
                    continue
                head_text, head_start, tag = before[0].text, window_start + before[0].start, before[0].pos
                if len(head_text) >= 2 and self.rec.segmenter.in_dictionary(head_text):
                    tag = self.rec.segmenter.word_tag(head_text) or tag
            proper = ((tag[:2] in ("ns", "nz", "nt") or (tag[:2] != "nr" and not self.rec.segmenter.in_dictionary(head_text)))
                      and not self.rec.everyday_word(head_text, tag, ("nr", "nz")))  # not 普通|机械
            if not proper or len(head_text) < 2 or head_text in self.lex.generic_words or head_text in _COMMON_PLACE_WORDS:
                continue  # not 城市|建设
            if ((head_start, j, ORGANIZATION) not in self.mentions and not self.inside_mention(head_start, j, ORGANIZATION)
                    and not self.inside_mention(head_start, j, PLACE)):  # 长春汽车经济技术开发区: a zone, no company
                self.add(head_start, j, ORGANIZATION)

    def article_short_forms(self) -> None:
        """北疆锅炉 after 哈尔滨北疆锅炉有限公司: a body's short form (no place, no legal form) wherever the article
        uses it, so that posts and predicates written with it (是北疆锅炉的首席技师) find their body."""
        text = self.text
        names = sorted(self.org_names, key=len, reverse=True)
        taken = [(i, j) for i, j, label in self.mentions if label in (ORGANIZATION, PERSON, HONOR)]
        # 热轧厂 after 塞北钢铁集团特殊钢有限公司热轧厂: a unit by its own name once its body is known
        own_names = {unit: [unit[len(body):]] for unit, body in self.units
                     if unit.startswith(body) and len(unit) - len(body) >= 3 and self.named_unit(unit[len(body):])}
        for name in names:
            for core in self.cores_of(name) + own_names.get(name, []):
                if core in self.org_names or len(core) < 3:
                    continue
                for i in occurrences(core, text):
                    j = i + len(core)
                    if any(a < j and i < b for a, b in taken) or i not in self.word_starts:
                        continue
                    # not through add(): a short form is no name of its own to look for inside longer ones
                    self.mentions[(i, j, ORGANIZATION)] = Mention(core, ORGANIZATION, self.span(i, j))
                    taken.append((i, j))

    def short_form_units(self) -> None:
        """宏达重工抢修站 after 洛阳市宏达重工有限公司: a unit named after its body's short form is a unit of that body."""
        names = sorted(self.org_names, key=len, reverse=True)
        for (i, j, label), m in list(self.mentions.items()):
            if label != ORGANIZATION or any(unit == m.text for unit, _ in self.units):
                continue
            for name in names:
                core = next((c for c in self.cores_of(name) if len(c) >= 3 and m.text.startswith(c)
                             and self._unit_after_short_form(m.text[len(c):])), None)
                if core is not None and name != m.text and not m.text.startswith(name):
                    k = i + len(core)
                    self.mentions.setdefault((i, k, ORGANIZATION), Mention(core, ORGANIZATION, self.span(i, k)))
                    self.units.add((m.text, core))
                    break

    def _unit_after_short_form(self, rest: str) -> bool:
        """Whether ``rest``, after a body's short form, names a unit of it: not a group, nor the company itself
        by its class (宏达物流|公司), but a station or a company named on (北原电网|锡林郭勒供电公司)."""
        kind = self.rec.unit_kind(rest) if self.is_unit_name(rest) else None
        return kind is not None and kind != "group" and not (kind == "company" and rest in self.lex.org_suffixes)

    def inside_mention(self, i: int, j: int, label: str) -> bool:
        return any(a <= i and j <= b and (a, b) != (i, j) for a, b, lab in self.mentions if lab == label)

    def split_branches(self) -> None:
        """X分公司: the parent is the name before the branch's own name (鞍钢矿业|东鞍山|分公司)."""
        for (i, j, label) in list(self.mentions):
            if label != ORGANIZATION:
                continue
            name = self.text[i:j]
            m = re.search("(分公司|分行|支行|分局|分院|分厂|分中心|分部)$", name)
            if not m:
                continue
            stem = name[:m.start()]
            for k in range(len(stem) - 2, 1, -1):
                if stem[:k][-2:] in self.lex.industry_words or stem[:k].endswith(tuple(s for s, (_, strong) in self.lex.org_suffixes.items() if strong and len(s) >= 2)):
                    self.add(i, i + k, ORGANIZATION)
                    self.units.add((name, stem[:k]))
                    break

    def split_known_groups(self) -> None:
        """A company named after its group and a place (中国石油|新疆油田公司, 国家电网|天津电力公司): the
        group is the company's parent, written inside its name."""
        for (i, j, label) in list(self.mentions):
            if label != ORGANIZATION:
                continue
            name = self.text[i:j]
            group = self.lex.known_org_re.match(name)
            if group is None or len(group.group(0)) < 4:
                continue
            rest = name[group.end():]
            place = self.lex.place_re.match(rest)
            ends = self.rec.org_suffix_end(rest)
            if (place is not None and place.group(0) and len(rest) > len(place.group(0)) + 1
                    and [end for end, _ in ends] == [len(rest)]  # one body after the group (its units: their own)
                    and (legal_suffix(rest) is not None or self.rec.unit_kind(rest) == "research")):
                # a company or institute (中国石油|大庆油田采油二厂 is a plant of the oil field, not of the group)
                self.add(i, i + group.end(), ORGANIZATION)
                self.units.add((name, group.group(0)))

    def trim_adverbs(self) -> None:
        """A three-character name that is a name found elsewhere in the article and an adverb (刘军|正和
        徒弟们…, when 刘军 is named in the headline) is that name."""
        text = self.text
        for i, j, label in sorted(self.mentions):
            short = text[i:j - 1]
            if label != PERSON or j - i != 3 or text[j - 1] not in ADVERB_CHARS or short not in self.person_names:
                continue
            old = self.mentions.pop((i, j, PERSON))
            new = self.add(i, j - 1, PERSON)
            self.frames = [replace(f, person=new) if f.person is old else f for f in self.frames]
            if not any(lab == PERSON and text[a:b] == old.text for a, b, lab in self.mentions):
                self.person_names.discard(old.text)

    def short_references(self) -> None:
        """The short ways news refers to a person named in full: 老韩, 小韩, 韩师傅, 韩老师 for the one 韩 the
        article names (none when it names two), and the given name alone for a dotted name (古丽巴哈尔 for
        古丽巴哈尔·努尔兰). Each is a mention of that person (DocumentMentions.person_aliases)."""
        text = self.text
        by_surname: dict[str, set[str]] = {}
        by_given: dict[str, set[str]] = {}
        for name in self.person_names:
            if "·" in name:
                by_given.setdefault(_DOT_SPLIT_RE.split(name)[0], set()).add(name)
            elif 2 <= len(name) <= 4 and not _REFERENCE_RE.fullmatch(name):
                surname = name[:2] if len(name) >= 3 and name[:2] in self.lex.surnames else name[0]
                if surname in self.lex.surnames:
                    by_surname.setdefault(surname, set()).add(name)
        # what else is written there: not a person found as the reference itself (the tagger's 韩师傅, 艾尔肯)
        taken = [(i, j) for i, j, label in self.mentions if label != PERSON or (
            j - i > 2 and not _REFERENCE_RE.fullmatch(text[i:j]) and text[i:j] not in by_given)]
        for surname, names in sorted(by_surname.items()):
            if len({n for n in names if not any(o != n and o.startswith(n) for o in names)}) > 1:
                continue  # two people of that name (侯德 in 侯德顺|从河北… is the tagger's cut of 侯德顺: one)
            names = {max(names, key=len)}
            for form in (f"老{surname}", f"小{surname}", f"{surname}师傅", f"{surname}老师", *(surname + k for k in _KIN_FORMS)):
                for i in occurrences(form, text):
                    j = i + len(form)
                    if form[0] in "老小" and (text[j:j + 1] in _NOT_AFTER_OLD_YOUNG or text[i - 1:i] in _NOT_BEFORE_OLD_YOUNG):
                        continue  # 老黄牛, 小高层, 从小
                    if any(a < j and i < b for a, b in taken):
                        continue
                    if form.endswith(_KIN_FORMS) and not (i in self.word_starts and j in self.word_starts):
                        continue  # 任何|姐妹: no 何姐
                    self.add(i, j, PERSON)
                    self.person_aliases.add((form, next(iter(names))))
        han_given: dict[str, set[str]] = {}
        for names in by_surname.values():
            for name in names:
                if len(name) == 3 and name[0] in self.lex.surnames:
                    han_given.setdefault(name[1:], set()).add(name)
        places = {text[i:j] for i, j, label in self.mentions if label == PLACE}
        for i, j, label in list(self.mentions):
            names = han_given.get(text[i:j]) if label == PLACE else None
            if (names and len(names) == 1 and text[j:j + 1] not in _PLACE_CLASS_CHARS
                    and not any(p != text[i:j] and p.startswith(text[i:j]) for p in places)):  # not with 建平县 named
                self.remove(i, j, PLACE)  # “永胜这孩子…” in an article on 贺永胜: the person, not 永胜县
                self.add(i, j, PERSON)
                self.person_aliases.add((text[i:j], next(iter(names))))
        for given, names in sorted(by_given.items()):
            if len(names) > 1 or len(given) < 2:
                continue
            for i in occurrences(given, text):
                j = i + len(given)
                crossing = [(a, b) for a, b in taken if a < j and i < b]
                if text[j:j + 1] in _DOTS or any(not (i <= a and b < j and (a, b, PERSON) in self.mentions)
                                                 for a, b in crossing):
                    continue
                for a, b in crossing:  # 古丽米|热笑着说: the tagger cut the given name short
                    self.remove(a, b, PERSON)
                self.add(i, j, PERSON)
                self.person_aliases.add((given, next(iter(names))))

    def conjunction_names(self) -> None:
        """Take back the names that start with 和, a family name (common among the Naxi) and the commonest
        conjunction, unless the article writes the name once where no word before it could be joined to it:
        after a title, a quote or a pause (值长和国强, ”和国强说; not 世界银行和亚洲…, 机场和海港)."""
        text = self.text
        people = [(i, j) for i, j, label in self.mentions if label == PERSON and text[i] in _CONJUNCTION_SURNAMES]
        if not people:
            return  # most articles: no second scan of the text for titles
        title_ends = {m.end() for m in self.rec.lex.title_re.finditer(text) if m.group(0)}
        standing = {text[i:j] for i, j in people if i == 0 or not is_han(text[i - 1]) or i in title_ends}
        for i, j in people:
            if text[i:j] not in standing or j - i < 3:
                self.remove(i, j, PERSON)

    def recurrences(self) -> None:
        """Every later occurrence of a name found once is a mention too."""
        text = self.text
        for label, names in ((PERSON, self.person_names), (ORGANIZATION, self.org_names)):
            for name in sorted(names, key=len, reverse=True):
                for i in occurrences(name, text):
                    self.add(i, i + len(name), label)


SCOPE_PREFIXES = ("中国", "全国")


def org_cores(name: str, lex: Lexicons, rec: Recognizer) -> list[str]:
    """Short forms an article may use for an organization: without its place and legal suffix.

    中国一重 → 一重; 恒天重工股份有限公司 → 恒天重工; 郑州高新区工会 → 高新区工会.
    """
    out = []
    core = name
    changed = True
    while changed:
        changed = False
        for prefix in SCOPE_PREFIXES:
            if core.startswith(prefix) and len(core) - len(prefix) >= 2:
                core, changed = core[len(prefix):], True
        m = lex.place_re.match(core)
        if m and m.group(0) and len(core) - m.end() >= 2 and not _ZONE_RE.match(core, m.end()):
            core = core[m.end():].removeprefix("市")
            changed = True
        if core != name and core not in out:
            out.append(core)
    own = _own_segment(name, lex)
    if own and own != name:
        out.append(own)
    for form in (name, core, own or name):
        suffix = legal_suffix(form)
        if suffix and len(form) - len(suffix) >= 2:
            out.append(form[:-len(suffix)])
            if suffix.startswith("集团") and len(suffix) > 2:
                out.append(form[:2 - len(suffix)])  # 中国航天科工集团有限公司 → 中国航天科工集团 too
    brand = _brand(core, lex, rec) if (legal_suffix(name) or "").endswith("公司") and "集团" not in name else None
    if brand:
        out.append(brand + "公司")  # 安徽华建建设工程有限公司 → 华建公司: the brand and the class
        first, last = _trades_after_brand(core, brand, lex, rec)
        if first:
            out.append(brand + first)  # 恒暖燃气工程抢修有限公司 → 恒暖燃气: the brand and its first trade
        if last:
            out.append(brand + last)  # 瑞丽通达国际物流有限公司 → 通达物流: the brand and its last trade
        trades = core[len(brand):]
        short = next((v for k, v in _TRADE_ABBREVIATIONS.items() if trades.startswith(k)), None)
        if short:
            out.append(brand + short)  # 长沙锦溪文化创意有限公司 → 锦溪文创: the trade as news shortens it
        if len(brand) == 3 and not rec.segmenter.in_dictionary(brand) and rec.has_proper_part(brand):
            out.append(brand)  # 宁夏杞丰源生物科技有限公司 → 杞丰源: a brand of three characters no dictionary has
    product = _product_of(core, lex, rec) if (legal_suffix(name) or "").endswith("公司") and "集团" not in name else None
    if product:
        out.append(product + "公司")  # 武当汽车车桥有限公司 → 车桥公司: the company by what it makes
    if own and own != name:
        out += org_cores(own, lex, rec)  # 远港集团大连海晟重工有限公司 → 大连海晟重工有限公司 → 海晟重工
    good = []
    for form in out:
        if len(form) < 2 or form in lex.generic_words or form in lex.org_suffixes or form in lex.place_alias:
            continue
        if rec.common_word(form) or form in good:
            continue
        good.append(form)
    return good


_TRADE_ABBREVIATIONS = {"文化创意": "文创", "电子商务": "电商", "文化传媒": "传媒", "农业科技": "农科"}


def _brand(core: str, lex: Lexicons, rec: Recognizer) -> str | None:
    """The brand that opens a company's name before its trade (华建|建设工程有限公司, 宇通|客车股份有限公司):
    two or three characters up to the first word of two or more, if they are no trade or generic word."""
    suffix = legal_suffix(core)
    words = rec.segmenter.tokens(core[:-len(suffix)] if suffix else core)
    k = next((w.start for w in words if w.start >= 2 and len(w.text) >= 2), None)
    if k is None or k > 3 or k == len(core):
        return None
    brand = core[:k]
    if (not is_han(brand) or brand in lex.industry_words or brand in lex.place_alias or brand in lex.generic_words
            or any(form.endswith(brand) and len(form) <= len(brand) + 2 for form in lex.known_orgs)  # 中(国中)车: the group
            or rec.segmenter.is_generic_noun(brand) or rec.segmenter.word_tag(brand)[:1] in ("v", "a", "d", "m")):
        return None
    return brand


def _trades_after_brand(core: str, brand: str, lex: Lexicons, rec: Recognizer) -> tuple[str | None, str | None]:
    """The words after ``brand`` in a company's name that name trades, when there are two or more: the first
    (恒暖|燃气|工程抢修有限公司 → 燃气) and the last (通达|国际|物流有限公司 → 物流)."""
    suffix = legal_suffix(core)
    words = rec.segmenter.tagged((core[:-len(suffix)] if suffix else core)[len(brand):])
    if len(words) < 2:
        return None, None

    def trade(word) -> str | None:
        if len(word.text) < 2 or len(word.text) > 2 and word.text not in lex.industry_words:
            return None  # 电梯安装工 (a worker's title the tagger joined), not a trade
        if word.text in lex.industry_words or (word.pos in ("n", "nz", "vn") and rec.segmenter.in_dictionary(word.text)
                                               and not rec.segmenter.is_generic_noun(word.text)):
            return word.text
        return None

    return trade(words[0]), trade(words[-1])


def _product_of(core: str, lex: Lexicons, rec: Recognizer) -> str | None:
    """The last word of a company's name before its legal form, after two or more words, when it names a product
    (武当|汽车|车桥 → 车桥): a noun of two characters, no trade as wide as 物流 or 科技, no generic word."""
    suffix = legal_suffix(core)
    words = rec.segmenter.tagged(core[:-len(suffix)] if suffix else core)
    if len(words) < 3 and not (len(words) == 2 and len(words[0].text) >= 2):
        return None
    last = words[-1]
    if (len(last.text) == 2 and last.pos in ("n", "nz") and rec.segmenter.in_dictionary(last.text)
            and last.text not in lex.industry_words and not rec.segmenter.is_generic_noun(last.text)
            and last.text not in lex.generic_words):
        return last.text
    return None


def _own_segment(name: str, lex: Lexicons) -> str | None:
    """The unit's own name after its parent's: 中国船舶集团汾西重工有限责任公司 → 汾西重工有限责任公司."""
    m = None
    for m in re.finditer("集团|公司", name[:-2]):
        pass
    if m is None or len(name) - m.end() < 4:
        return None
    return name[m.end():]


_TRADE_AS_SUCH = ("行业", "领域", "企业", "业务", "从业", "市场", "产业")


def occurrences(word: str, text: str) -> Iterator[int]:
    """Start of every non-overlapping occurrence of ``word`` in ``text``, left to right.

    str.find, not re.finditer(re.escape(word)): one compiled pattern per name overflows re's cache.
    """
    i = text.find(word)
    while i >= 0 and word:
        yield i
        i = text.find(word, i + len(word))


def extract_mentions(doc: Document, rec: Recognizer) -> DocumentMentions:
    """Recognize the mentions and apposition frames of ``doc``."""
    b = _Builder(doc, rec)
    b.scan_lexicons()
    b.tagger_mentions()
    b.find_dotted_names()
    b.find_orgs()
    b.find_known_orgs()
    b.level_bodies()
    b.bare_local_places()
    b.body_honors()
    b.owned_bodies()
    b.quoted_teams()
    b.defined_short_names()
    b.named_departments()
    b.find_short_names()
    b.article_short_forms()
    b.short_form_units()
    b.find_people()
    b.unlisted_names()
    b.listed_names()
    b.trim_adverbs()
    b.recurrences()
    b.conjunction_names()
    b.short_references()
    b.read_predicates()
    b.one_of_them()
    b.assigned_posts()
    b.hired_posts()
    b.split_branches()
    b.split_known_groups()
    titles = tuple(post.title_span for frame in b.frames for post in frame.posts)
    mentions = _drop_nested(list(b.mentions.values()), titles)
    paras = tuple(Span(doc.id, p.start, p.end) for p in paragraphs(doc.text))
    kept = set(mentions)
    # 何明|亮盯着: a name the tagger cut short where the article writes it whole elsewhere (何明亮的掘进班)
    whole = {m.span.start: m for m in mentions if m.label == PERSON}
    frames = tuple(sorted((f if f.person in kept else replace(f, person=whole[f.person.span.start])
                           for f in b.frames if f.person in kept  # not 程系 inside 清华大学土木工程系
                           or (f.person.span.start in whole and whole[f.person.span.start].span.end > f.person.span.end)),
                          key=lambda f: (f.person.span.start, f.person.span.end)))
    return DocumentMentions(tuple(sorted(mentions, key=lambda m: (m.span.start, m.span.end, m.label))),
                            frames, tuple(sorted(b.units)), paras, tuple(sorted(b.aliases)),
                            tuple(sorted(b.person_aliases)))


# a person described by nationality, as a title would (彝族小伙普成林): names of unlisted family names follow
_ETHNIC_PERSON_RE = re.compile("(?<![民各家种同本贵])族(?:小伙子|小伙|青年|姑娘|小姑娘|女孩|女工|女职工|汉子|老人|老汉|职工|工人|妇女|大姐|大哥|大叔|阿妈)")
_AGE_BEFORE_RE = re.compile("[0-9０-９一二三四五六七八九十]+岁的")  # a person's age, as a title would, before the name
_LIST_GOES_ON = frozenset("、等和及，,。；;")  # what may follow an item of a list of names

_GAPS = ("的一名", "的一位", "的一个", "的", "一名", "一位")


def _split_at_gap(before_title: str) -> tuple[str, str]:
    """ORG的一名+qualifier before a title -> (ORG, qualifier): 徐工集团…公司的一名|装配 (钳工). No gap: (all, "")."""
    for size in range(0, 7):
        head, qualifier = before_title[:len(before_title) - size], before_title[len(before_title) - size:]
        if not is_han(qualifier or "一") or any(ch in "的一" for ch in qualifier):
            break
        gap = next((g for g in _GAPS if head.endswith(g)), None)
        if gap is not None:
            head = head[:-len(gap)]
            return head[:len(head) - len(m.group(0))] if (m := _QUALIFIER_END_RE.search(head)) else head, qualifier
    if m := _QUALIFIER_END_RE.search(before_title):
        head = before_title[:m.start()]
        gap = next((g for g in _GAPS if head.endswith(g)), "")
        return head[:len(head) - len(gap)], ""  # ORG|首批|首席技师, 合作社的|第一批|社员
    return before_title, ""


# 最年轻的, 年纪最小的, 首批, 唯一一名: where the person ranks among the holders of the title, not part of the body's name;
# 聘请的, 派驻的: how the body came to have the person
_QUALIFIER_END_RE = re.compile("(?:(?:年纪|年龄)?最(?:年轻|年长|早|小|大)|唯一|首批|首位|第一批|第一位|有名|出了名|少有|公认"
                               "|聘请|聘任|聘用|特聘|选派|派驻|委派)$")
# 是站里的三级引航员, 是厂里有名的八级钳工: the place of work by its class word and 里, for the body named before
_COUNTED_RE = re.compile("(?:一|两|几|数|多|各)(?:家|批|些)")
# a department by its place's level alone (县司法局, 区人力资源和社会保障局, 县人社局, 县法院)
_LEVEL_BODY_RE = re.compile("(自治区|自治州|[省市县区])((?:(?![局厅院]|工会)[\u4e00-\u9fff]){0,10}?(?:总工会|人社局|人民法院|法院|人民检察院|检察院|局|厅))"
                            "(?!长|[\u4e00-\u9fff]{0,2}(?:局|厅|院))")
_RELATIONAL_TITLES = frozenset({"学生"})  # titles that name a relation to a person after 的 (我的学生)
# words before a title that make it a group's (一些学生衣来伸手: no one named 衣来 is a student)
_GROUP_BEFORE_RE = re.compile("(?:一些|许多|很多|不少|部分|一批|大批|众多|广大|全体|各位|多名|几名|数名)$")
# an honor's name that goes on as a team's (全国五一巾帼标兵|岗, 青年文明|号): the team's honor, not a person's
_COLLECTIVE_AFTER_RE = re.compile("岗|号|集体|班组|示范岗")
_CLASS_OF_BODY = frozenset({"公司", "集团", "企业", "工厂", "煤矿", "医院", "学校", "合作社"})  # 是公司的TITLE
_LOCATIVE_BODY_RE = re.compile("(公司|集团|厂|矿|站|队|班|车间|所|中心|基地|医院|学校|合作社|社)里")


def _run_length(text: str, chars: frozenset[str]) -> int:
    """How many characters at the start of ``text`` are in ``chars``."""
    n = 0
    while n < len(text) and text[n] in chars:
        n += 1
    return n


def _drop_nested(mentions: list[Mention], titles: tuple[Span, ...] = ()) -> list[Mention]:
    """Drop a person mention inside a longer organization or honor, a place inside a longer place, and an
    organization inside the title of a post (建设司 of 职业能力建设司司长, which the dictionary knows)."""
    out = []
    by_label: dict[str, list[Mention]] = {}
    for m in mentions:
        by_label.setdefault(m.label, []).append(m)

    def inside(m: Mention, others: list[Mention]) -> bool:
        return any(o.span.start <= m.span.start and m.span.end <= o.span.end and
                   (o.span.end - o.span.start) > (m.span.end - m.span.start) for o in others)

    for m in mentions:
        if m.label == PERSON and inside(m, by_label.get(ORGANIZATION, []) + by_label.get(HONOR, []) + by_label[PERSON]
                                        + by_label.get(PLACE, [])):  # 杨桥 in 杨桥镇
            continue
        if m.label == PLACE and inside(m, by_label.get(PLACE, []) + by_label.get(PERSON, [])):
            continue  # (河南 in 河南五一劳动奖章 stays: the seed's gold counts a province named in an honor)
        if m.label == ORGANIZATION and any(t.start < m.span.start and m.span.end <= t.end for t in titles):
            continue
        out.append(m)
    return out
