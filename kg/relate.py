"""Facts between the mentions of one document: memberships, awards, quotes and structure.

Input is the output of :mod:`kg.extract` (mentions and apposition frames); output is
:class:`~kg.types.Relation` records whose ends are *mention keys* (``label:surface``), resolved to
entity ids by :mod:`kg.link`.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from kg.extract import (AFFILIATION_VERBS, ANAPHORIC_BODIES, CHINESE_DIGITS, CLOSE_QUOTES, HONOR_SCOPES, OPEN_QUOTES,
                        ZONE_SUFFIXES, DocumentMentions, Frame, Post, Recognizer, group_of_unit, is_han, is_subsequence,
                        legal_suffix, named_as_master, sentence_span, the_companies)
from kg.types import (AWARD, HONOR, LOCATED_IN, MEMBERSHIP, ORGANIZATION, PERSON, PLACE, QUOTE, SUBORGANIZATION,
                      Document, Mention, Relation, Span)

_ASPECT_END = re.compile("(?<!成)[了过]$")  # 获得了|, 获得过|; but 成了 is the verb
AWARD_VERBS = ("获评", "荣获", "被授予", "追授", "获得", "当选", "被评为", "被命名为", "被誉为", "获授", "入选", "成为", "成了", "作为", "获")
PRONOUNS = ("他", "她")
# Titles written after a name that need no organization (习近平总书记).
LEADER_CATEGORIES = {"party", "government"}
MIN_QUOTE = 6


def key(m: Mention | None) -> str | None:
    """The pre-linking key of a mention: its type and surface."""
    return None if m is None else f"{m.label}:{m.text}"


def _implied_org(post: Post, frame: Frame, orgs: list[Mention]) -> Mention | None:
    """The organization a bare 工会主席 refers to: one named elsewhere in the text, ending in 工会,
    that shares the most characters with the other organizations of the same chain."""
    word = post.implied_org_word
    if not word:
        return None
    siblings = [p.org.text for p in frame.posts if p.org is not None] + [a.text for a in frame.affiliations]
    best, best_score = None, 1
    for org in orgs:
        if not org.text.endswith(word) or len(org.text) <= len(word):
            continue
        core = org.text[:-len(word)].rstrip("总")
        if core[-1:] in _REGION_ENDS and any(s.endswith(_COMPANY_ENDS) for s in siblings):
            continue  # 宜宾市总工会: a region's federation, not a company's union (公司党委副书记、工会主席); but
            # 经开区人大工委副主任、工会主席: the district's bodies, so its 经开区总工会
        score = max((_common_run(core, s) for s in siblings), default=0)
        if score > best_score or (score == best_score and best is not None and len(org.text) > len(best.text)):
            best, best_score = org, score
    return best


def _common_run(a: str, b: str) -> int:
    best = 0
    for i in range(len(a)):
        for j in range(i + best + 1, len(a) + 1):
            if a[i:j] in b:
                best = j - i
            else:
                break
    return best


_REGION_ENDS = frozenset("省市县区州旗盟镇乡")
_COMPANY_ENDS = ("公司", "集团", "厂")
_HEAD_OF_GOVERNMENT = re.compile("[省市区县州镇乡旗盟]长$")


_PARTY_UNITS = ("党委", "党组", "党总支", "党支部", "党工委")


def _party_unit_of(org: Mention | None, orgs: list[Mention]) -> tuple[Mention, str] | None:
    """(the body, its committee word) for a body's party committee written as a unit of it (华芸纺织|党委):
    the post is the body's, as for 合肥公交集团党委书记 (ANNOTATION.md: 党委书记 @ the company)."""
    if org is None:
        return None
    unit = next((u for u in _PARTY_UNITS if org.text.endswith(u) and len(org.text) > len(u)), None)
    body = next((m for m in orgs if unit and m.text == org.text[:-len(unit)]), None)
    return (body, unit) if body is not None else None


_NATIVE_PLACE_RE = re.compile("[\u4e00-\u9fff]{1,6}籍(?=[\u4e00-\u9fff]{2})")


def frame_relations(frames: Iterable[Frame], orgs: list[Mention]) -> list[Relation]:
    out: list[Relation] = []
    for frame in frames:
        person = key(frame.person)
        ev = frame.evidence or frame.person.span
        previous_org = None
        for post in frame.posts:
            org = post.org or _implied_org(post, frame, orgs)
            party = _party_unit_of(org, orgs)
            if party is not None:  # 华芸纺织党委|书记 → 党委书记 @ 华芸纺织
                org, post = party[0], replace(post, title=post.title if post.title.startswith(party[1])
                                              else party[1] + post.title)
            if org is None and not (_HEAD_OF_GOVERNMENT.search(post.title) and previous_org is not None
                                    and previous_org.text.endswith("委")):
                org = previous_org  # 省总工会党组书记、常务副主席; 神东煤炭集团党委副书记、工会主席: the same body
                # (but 县委副书记、县长: the county's government, not its party committee, has the 县长)
            previous_org = org
            native = _NATIVE_PLACE_RE.match(post.title)  # 四川籍|建筑工人: where the person comes from, no part of the post
            out.append(Relation(MEMBERSHIP, person, key(org), ev, role=post.title[native.end():] if native else post.title))
        for org in frame.affiliations:
            out.append(Relation(MEMBERSHIP, person, key(org), ev))
        for honor in frame.honors:
            out.append(Relation(AWARD, person, key(honor), ev))
    return out


def _by_start(mentions: Iterable[Mention], label: str) -> dict[int, Mention]:
    out: dict[int, Mention] = {}
    for m in mentions:
        if m.label == label and (m.span.start not in out or m.span.end > out[m.span.start].span.end):
            out[m.span.start] = m
    return out


# 车间里来了一位老师傅: someone new, unless the phrase says what the person named is (他是一名焊工)
_UNNAMED_ONE = re.compile("(?<![是为当做])一(?:位|名)(?!叫)[\u4e00-\u9fff0-9０-９]{0,6}?(?:师傅|工人|职工|老人|大姐|大哥|阿姨|大爷|大妈|小伙|姑娘|女士|先生|同志|老乡|村民|市民|乘客|患者|技术员|工程师)")
# 小李, 老王, “老王”; not a term in quotes (“老冷库”)
_UNNAMED_PERSON = re.compile("(?<![\u4e00-\u9fff“「])[小老][\u4e00-\u9fff](?![\u4e00-\u9fff]{0,1}(?:时|年|区|学|组|家))"
                             "|(?<=[“「])[小老][\u4e00-\u9fff](?=[”」])")


def _antecedent(text: str, people: list[Mention], i: int, rec: Recognizer) -> Mention | None:
    """The person a 他/她 at ``i`` refers to: the last one named before it, unless someone unnamed
    came in between (快递员小李, 一位老师傅) or the name lies more than a few paragraphs back; passing over
    someone the text shows is of the other sex (王秀兰…丈夫张强…她告诉记者: 王秀兰)."""
    person = _last_person_before(people, i)
    if person is not None and named_as_master(text, person.span.start):
        # …回到家乡拜王桂珍为师。她在图样里…: the one who took a master, not the master
        person = next((p for p in reversed(people) if p.span.end <= person.span.start and p.text != person.text), person)
    other = {"他": "f", "她": "m"}.get(text[i:i + 1])
    if person is not None and other is not None and _sex(text, person, people, rec) == other:
        person = next((p for p in reversed(people) if p.span.end <= person.span.start and p.text != person.text
                       and _sex(text, p, people, rec) != other), None)
    if person is None or i - person.span.end > 400:
        return None
    between = text[person.span.end:i]
    if _UNNAMED_ONE.search(between) or any(  # 小李, 老王: someone unnamed; not 36小时, 小时候, 老家
            not (rec.segmenter.in_dictionary(m.group()) and not rec.segmenter.word_tag(m.group()).startswith("nr"))
            for m in _UNNAMED_PERSON.finditer(between)):
        return None
    subject = _subject_over_object(text, people, person, i, rec)
    if subject is not None:
        return subject
    own = _OWN_PREDICATE.match(between)  # 陈建华是…的一名装配钳工: the person's own post, no one new
    for m in rec.lex.title_re.finditer(between, own.end() if own else 0):
        word = m.group(0)
        if (word and rec.lex.titles.get(word) == "worker" and not any(
                p.span.start == person.span.end + m.end() for p in people) and not _PREDICATIVE.search(
                between, 0, m.start()) and between[m.end():m.end() + 1] not in _CLAUSE_ENDS
                and not between.startswith(("干起", "做起"), m.end())  # 从最基础的挡车工干起: a career's start
                and not re.search("从[^，,。；;]{0,4}$", between[:m.start()])  # 从普通队员一步步干到队长
                and not re.search("(?:作为|身为)[^，,。；;]{0,6}$", between[:m.start()])  # 作为农机手代表发言: in the person's own capacity
                and not (_PLURAL_BEFORE.search(between, 0, m.start()) or between.startswith("们", m.end()))):
            return None
    return person


# words that say a person's sex right before the name (丈夫张强, 女焊工王芳) or right after it (张强先生)
_MALE_BEFORE = re.compile("(?:丈夫|父亲|儿子|哥哥|弟弟|爷爷|外公|公公|老汉|小伙子|小伙|男子|大哥|大爷|大叔|男孩)$")
_FEMALE_BEFORE = re.compile("(?:妻子|母亲|女儿|姐姐|妹妹|奶奶|外婆|婆婆|姑娘|女士|大姐|阿姨|大妈|大婶|女孩|媳妇)$")
# characters of given names that are (nearly) only women's or only men's
_FEMALE_NAME_CHARS = frozenset("娟娜婷霞燕芳莉琳玲萍艳凤琴媛娥姗婕娴嫣妮娇姣莹丽兰梅珍琼菊蓉")
_MALE_NAME_CHARS = frozenset("刚勇斌峰磊鹏虎雄彪")


def _sex(text: str, person: Mention, people: list[Mention], rec: Recognizer) -> str | None:
    """"m" or "f" where the article's words beside any mention of ``person`` say so (丈夫张强, 女焊工王芳,
    张强先生), else by the characters of a Han given name (王秀兰, 李刚); None when nothing tells."""
    for p in people:
        if p.text != person.text:
            continue
        before = text[max(0, p.span.start - 6):p.span.start]
        title = rec.title_ending_at(text, p.span.start)
        if _MALE_BEFORE.search(before) or text.startswith("先生", p.span.end):
            return "m"
        if (_FEMALE_BEFORE.search(before) or text.startswith("女士", p.span.end)
                or (title and text.endswith("女", 0, p.span.start - len(title)))):
            return "f"
    name = person.text
    if "·" in name or not 2 <= len(name) <= 4 or not rec.lex.is_surname_start(name):
        return None
    given = name[2:] if len(name) == 4 or name[:2] in rec.lex.surnames else name[1:]
    if any(ch in _FEMALE_NAME_CHARS for ch in given):
        return "f"
    if any(ch in _MALE_NAME_CHARS for ch in given):
        return "m"
    return None


def _subject_over_object(text: str, people: list[Mention], person: Mention, i: int, rec: Recognizer) -> Mention | None:
    """The subject of the last sentence, when the last name in it follows a preposition and a pronoun opens a later
    sentence (质检员胡丽娟跟在俞国强身后。她是…: 她 is 胡丽娟, the one the sentence is about)."""
    start, end = sentence_span(text, person.span.start)
    if end > i or not _object_or_possessor(text, person, start, rec):
        return None
    first = next((p for p in people if start <= p.span.start < person.span.start), None)
    if (first is None or re.search("[，,；;：:“”]", text[start:person.span.start])
            or text.endswith("叫", 0, person.span.start)):
        return None  # 郑晓岚：…有一位叫赵铁军的职工: the one introduced by name is no possessor
    return first


def _object_or_possessor(text: str, person: Mention, start: int, rec: Recognizer) -> bool:
    """Whether ``person``, in the sentence starting at ``start``, is no subject: the object of a preposition,
    perhaps after a title (跟在|俞国强身后, 跟着老轧钢工|宋德厚学), or the one who qualifies a noun (魏红霞|的徒弟)."""
    before = _OBJECT_BEFORE.search(text, start, person.span.start)
    title = rec.title_ending_at(text, person.span.start) or ""
    return (before is not None and (before.group(1) == "" or (
        before.group(1).endswith(title) and len(before.group(1)) - len(title) <= 1))
            or _POSSESSOR_AFTER.match(text, person.span.end) is not None)


# 跟在|俞国强身后, 跟着老轧钢工|宋德厚学: a preposition, perhaps a title, then the name
_OBJECT_BEFORE = re.compile("(?:跟着|跟随|[在跟给向对把帮随替拜])([\u4e00-\u9fff]{0,6})$")
_POSSESSOR_AFTER = re.compile("[\u4e00-\u9fff]{0,2}?的")  # 黄德明|的徒弟, 黄德明|带的徒弟: a name that qualifies a noun
# 愿意当|技术工人。: a worker in a predicate or closing a clause is what someone is or becomes, not someone new
_PREDICATIVE = re.compile("(?:当|做|干|成为|是)了?(?:[0-9０-９一二三四五六七八九十几多]+年的?)?(?:一名|一位|一个)?[一-鿿]{0,2}$")
# 带领12名女焊工: workers in the plural, whom 他/她 cannot mean
_PLURAL_BEFORE = re.compile("(?:[0-9０-９]+|[两三四五六七八九十百几多数]+)(?:名|位|个)[一-鿿]{0,2}$")
_CLAUSE_ENDS = set("。，,！!？?；;、")


# the person's own predicates, one or more (是X律师，也是Y聘请的律师; 也是这次讨薪的工人之一)
_OWN_PREDICATE = re.compile("(?:[，,]?(?:也|还|就|都|同时|更|又)?(?:是|曾是|原是|现任|担任|兼任)[^，,。；;！？!?]*)+")


def _last_person_before(people: list[Mention], i: int) -> Mention | None:
    best = None
    for m in people:
        if m.span.end <= i:
            best = m
        else:
            break
    return best


def heading_people(doc: Document, dm: DocumentMentions) -> list[Mention]:
    """People named by a line of their own (a headline lead or a profile heading), in text order.

    Such a person is the subject of the section that follows: first-person narration (我) in a
    profile written as told to a reporter is theirs.
    """
    text = doc.text
    out = []
    for frame in dm.frames:
        p = frame.person
        line_start = text.rfind("\n", 0, p.span.start) + 1
        line_end = text.find("\n", p.span.end)
        line_end = len(text) if line_end < 0 else line_end
        tail = text[p.span.end:line_end].strip().strip("—-：: ")
        if not tail and frame.evidence is not None and frame.evidence.start >= line_start:
            out.append(p)
    return out


def _quotes(doc: Document, dm: DocumentMentions, rec: Recognizer) -> list[Relation]:
    """Quoted and reported statements with their speakers.

    Patterns: “…”NAME说; “…”ORG+TITLE+NAME(…)说 (the chain between, a short action after the name);
    NAME说：“…”; NAME说，…;
    NAME：… (end of a chain); 在NAME看来，…; 他说，… and “…”他说 (the last person named before);
    我…说，… outside quotes in a first-person profile (the person its heading names).
    """
    text = doc.text
    people = sorted((m for m in dm.mentions if m.label == PERSON), key=lambda m: m.span.start)
    person_at = _by_start(people, PERSON)
    person_end = {m.span.end: m for m in people}
    headings = heading_people(doc, dm)
    references = {i: end for i, (end, _) in honor_references(text, dm).items()}  # 这位全国技术能手
    references.update(described_people(text, dm, rec))  # 这位布依族姑娘
    speech = rec._speech
    speech_re = rec.speech_re.pattern
    # …张永刚|指着监控屏幕说。: a short action between the name and the verb that ends the clause
    # …冉德华|站在钻台边，盯着仪表盘说。: and one clause of what the speaker does before it
    speech_ends_clause = re.compile(f"(?:[^，。！？,!?；;：:“”\n]{{1,14}}[，,])?[^，。！？,!?；;：:“”\n]{{1,16}}?(?:{speech_re})[。，,！!]")
    # …罗昭强|在接受本报记者采访时|表示: the occasion of the statement between the name and the verb
    # “…”他|望着远处的铁塔，笑着说。: what a pronoun after a quote may do before the verb of speech
    pronoun_speech = re.compile(f"[^。！？!?；;：:“”\n]{{0,16}}?(?:{speech_re})[。，,！!：:]")
    # …潘志航|一边检查叶片，一边|对记者说: what the speaker does while speaking; 用杨建平|的话|说
    speech_occasion = re.compile(f"(?:在[^，。！？,!?；;：:“”\n]{{1,20}}?(?:时|上|中|后|期间)"
                                 f"|一边[^，。！？,!?；;：:“”\n]{{1,16}}?[，,]?一边|的话(?=说))(?={speech_re})")
    # …孟繁英|指着其中一张|说，…: a short action, then the verb of speech and a pause
    # (not 用行动作了|回答：, an answer given by deeds)
    action_then_speech = re.compile(f"(?!用(?:实际)?行动)[^，。！？,!?；;：:“”\n的]{{1,10}}?(?<!来)(?={speech_re}[，,：:])")
    said_after = re.compile(f"(?:后来|随后|接着|然后)?([^。！？!?；;，,“”\n]{{0,12}}?)(?:{speech_re})")

    def someone_else_says(qe: int) -> bool:
        """“…”老人拉着她的手说, “…”分公司总经理说: someone other than a 他/她 says the quote (说起往事，他笑了 says nothing)."""
        said = said_after.match(text, qe, p1)
        return said is not None and said.group(1) != "" and not said.group(1).startswith(PRONOUNS)
    out: list[Relation] = []
    taken: set[tuple[int, int]] = set()
    quoted: list[tuple[int, int]] = []
    aliases = dict(dm.person_aliases)

    def narrator(i: int) -> Mention | None:
        before = [h for h in headings if h.span.end <= i]
        return before[-1] if before else None

    def emit(speaker: Mention | None, s: int, e: int, ev: tuple[int, int], min_len: int = MIN_QUOTE) -> None:
        statement = text[s:e].strip()
        if not (statement[:1] in OPEN_QUOTES and opens_statement(s, s + statement.find("”", 1) + 1)):
            statement = statement.strip("“”「」")  # the quotes around a statement, not those of a name in it
        if speaker is None or len(statement) < min_len or (s, e) in taken:
            return
        taken.add((s, e))
        out.append(Relation(QUOTE, key(speaker), None, Span(doc.id, *ev), text=statement))

    def opens_statement(qs: int, qe: int) -> bool:
        """说，“王家骏创新工作室”已成为…: a name in quotes after 说， with the statement going on after it
        (说：“…” always quotes the statement)."""
        return (qs > 0 and text[qs - 1] in "，," and qe - qs <= 20 and qe < len(text) and is_han(text[qe])
                and not re.search("[，。！？,!?；;…]", text[qs + 1:qe - 1]))

    def subject_before(s: int, i: int) -> Mention | None:
        """The speaker of a statement introduced at ``i`` in the sentence starting at ``s``."""
        if re.match("在[他她]看来[，,]", text[s:i]):
            return _antecedent(text, people, s, rec)  # 在她看来，顾志强班组的活儿“最省心”：“…”
        before = [p for p in people if s <= p.span.start and p.span.end <= i
                  and not text.startswith(_TEAM_OF_NAME, p.span.end)]  # 顾志强班组: a name that names a team
        subjects = [p for p in before if not text[max(s, p.span.start - 2):p.span.start].endswith(_FACING)]
        if subjects or before:
            return (subjects or before)[-1]  # 额尔敦…，他冲着萨仁图雅竖起大拇指：: not the one faced
        lead = _opening_words(text, s, i)  # 后来|他跟我说：
        if lead.startswith(PRONOUNS) or any(s <= r < i for r in references):
            return _antecedent(text, people, s, rec)  # 他说：; 这位全国技术能手说：
        clause = _LAST_CLAUSE.search(text, s, i)  # 采访结束时，|他对记者说：; “…，”|他说，“…”
        if clause is not None and clause.group(1) in PRONOUNS:
            return _antecedent(text, people, clause.start(1), rec)
        if clause is not None and clause.group(1):
            return _elder(text, people, clause.start(1), rec)  # 说起徒弟，|老人脸上满是笑意：“…”
        if lead.startswith("我") and not _inside(quoted, s):
            return narrator(s)
        return None

    for para in dm.paragraphs:
        p0, p1 = para.start, para.end
        for m in re.finditer(f"[{OPEN_QUOTES}]([^{OPEN_QUOTES}{CLOSE_QUOTES}]*)[{CLOSE_QUOTES}]", text[p0:p1]):
            quoted.append((p0 + m.start(), p0 + m.end()))
    # 0. a statement that runs over paragraphs: each goes on with an opening mark and only the last is closed
    # (NAME说：“…。¶“…。”), or a paragraph that ends with its frame (王桂珍打开了话匣子：¶“…”)
    carry: Mention | None = None  # the speaker whose statement goes on into the next paragraph
    for para in dm.paragraphs:
        p0, p1 = para.start, para.end
        body = text[p0:p1].rstrip()
        if carry is not None and body[:1] in OPEN_QUOTES:
            close = next((k for k in range(1, len(body)) if body[k] in CLOSE_QUOTES), None)
            emit(carry, p0 + 1, p0 + (close if close is not None else len(body)), (p0, p0 + len(body)))
            if close is None or close == len(body) - 1:
                continue  # still going on, or the paragraph is all statement: the next may go on with it
        carry = None
        opened = max(body.rfind(q) for q in OPEN_QUOTES)
        if (opened > 0 and not any(q in body[opened:] for q in CLOSE_QUOTES) and body[opened - 1] in "：:"
                and body[-1:] in _SENTENCE_FINAL):  # (a sentence cut at a comma is no paragraph of a statement)
            s, _ = sentence_span(text, p0 + opened - 1)
            carry = subject_before(s, p0 + opened)
            if carry is not None:
                emit(carry, p0 + opened + 1, p0 + len(body), (min(carry.span.start, p0 + opened), p0 + len(body)))
        elif body[-1:] in ("：", ":") and not _ANSWER_LABEL.search(body[-3:]) and not _QUESTION_LABEL.search(body[-4:]):
            s, _ = sentence_span(text, p0 + len(body) - 1)
            carry = subject_before(s, p0 + len(body))
    for para in dm.paragraphs:
        p0, p1 = para.start, para.end
        # 1. quoted statements “…”
        for m in re.finditer(f"[{OPEN_QUOTES}]([^{OPEN_QUOTES}{CLOSE_QUOTES}]*)[{CLOSE_QUOTES}]", text[p0:p1]):
            qs, qe = p0 + m.start(), p0 + m.end()
            inner = m.group(1)
            introduced = re.search(f"(?:{speech_re}|道)[，,：:]$", text[max(p0, qs - 6):qs]) is not None
            sentence_like = re.search("[，。！？,!?；]", inner) is not None
            closing = qs > 0 and text[qs - 1] in "，," and len(inner) >= 8 and _closes_sentence(text, qe)
            if len(inner) < 4 or not (sentence_like or introduced or closing) or opens_statement(qs, qe):
                continue  # too short, no statement, or the start of one that the next step takes
            speaker = person_at.get(qe)
            if speaker is None and introduced and text[qs - 1] in "：:":
                s, _ = sentence_span(text, qs - 1)
                speaker = subject_before(s, qs)  # NAME对记者说：“…” before any name after the quote
            if speaker is None:
                # “…”ORG+TITLE+NAME说: the chain between the quote and the name
                after = [p for p in people if qe <= p.span.start <= qe + 60
                         and not re.search(f"[。！？!?\n{OPEN_QUOTES}{CLOSE_QUOTES}]", text[qe:p.span.start])
                         and not text.startswith(PRONOUNS, qe)  # “…”他握着岑国成的手说: 他 speaks
                         and (text.startswith(speech, p.span.end) or speech_ends_clause.match(text, p.span.end)
                              or speech_occasion.match(text, p.span.end) or _GESTURE_AFTER_RE.match(text, p.span.end))]
                speaker = after[0] if after else None
            recalling = _RECALLING_AFTER.match(text, qe) if speaker is None else None
            if recalling is not None and recalling.end() in person_at:
                speaker = person_at[recalling.end()]  # “…”说起当年，鲁志刚眯起眼睛比画着。
            if speaker is None and text.startswith(PRONOUNS, qe) and (
                    text[qe + 1:qe + 3].startswith(speech) or pronoun_speech.match(text, qe + 1)):
                speaker = _antecedent(text, people, qs, rec)  # “…”他说; “…”他笑着说; “…”他望着铁塔，笑着说
            elder = next((w for w in ELDER_REFERENCES if text.startswith(w, qe)), None)
            if speaker is None and elder and (text.startswith(speech, qe + len(elder))
                                              or pronoun_speech.match(text, qe + len(elder))):
                speaker = _elder(text, people, qs, rec)  # “…”老人说
            if speaker is None and qe in references and (
                    text.startswith(speech, references[qe]) or pronoun_speech.match(text, references[qe])):
                speaker = _antecedent(text, people, qs, rec)  # “…”这位全国技术能手笑着说
            if speaker is None and (introduced or (qs > 0 and text[qs - 1] in "：:")):
                s, _ = sentence_span(text, qs - 1)
                speaker = subject_before(s, qs)
            if speaker is None and qs > 0 and text[qs - 1] in "，,":
                speaker = _gesturing_speaker(text, people, qs, rec)  # 说起当年，熊雨桐笑了，“…”
            if speaker is None and closing:
                speaker = _clause_subject_before(text, people, quoted, qs, rec)  # NAME盘算着，…，“…”。
            alone = speaker is None and text[qs - 1:qs] in ("。", "！", "？", "!", "?", "\n", "")
            if speaker is None and _STANDS_ALONE.match(text, qe) and text[qs - 1:qs] in ("。", "\n", "") and "我" in inner:
                speaker = _only_person_before(text, people, qs)  # 驾驶员张卫东刚跑完一趟。“…我们最操心…”
            if speaker is None and qs == p0 and sentence_like:
                speaker = _subject_after_lead_quote(text, people, qe, rec)  # “…”班长陈海生一边分派任务，…
            if (speaker is None and qs > p0 and text[qs - 1] in "。！？!?" and inner.rstrip()[-1:] in _SENTENCE_FINAL
                    and not someone_else_says(qe)):
                speaker = _subject_of_sentence_before(text, people, qs, rec)  # 他把废叶片带回宿舍…。“手是有记性的…”
            if alone and qs > p0 and speaker is not None and _named_in(inner, speaker, aliases):
                # 是韦秋兰走过来…。“韦姐教我，…”: the one a quote of no verb speaks of is not its speaker; the one
                # the paragraph opens with is (小农前年才入职…)
                opener = next((p for p in people if p.span.start == p0), None)
                speaker = opener if opener is not None and not _named_in(inner, opener, aliases) else None
            if speaker is not None:
                emit(speaker, qs + 1, qe - 1, (min(qs, speaker.span.start), max(qe, speaker.span.end)),
                     # 往外走：“走，出车！”, “明年还来！”马秀兰笑着说: short, but a sentence said
                     min_len=4 if introduced or text[qs - 1:qs] in ("：", ":") or inner[-1:] in "！？。!?" else MIN_QUOTE)
        # 2. reported speech: NAME说：…  NAME表示，…  NAME：… (end of a chain)
        for person in [p for p in people if p0 <= p.span.start < p1]:
            j = person.span.end
            if text[j:j + 1] in ("（", "("):
                close = re.compile("[）)]").search(text, j, min(p1, j + 40))
                j = close.end() if close else j  # 李红梅（某公司工程师）介绍，…
            occasion = speech_occasion.match(text, j) or (
                None if text.startswith(speech, j) else action_then_speech.match(text, j))
            if occasion and any(j <= p.span.start < occasion.end() for p in people):
                occasion = None  # 马乡|乡长洛桑说: another person speaks
            if occasion:
                j = occasion.end()  # 罗昭强在接受本报记者采访时|表示，…; 孟繁英指着其中一张|说，…
            verb = next((v for v in speech if text.startswith(v, j)), None)
            if verb == "看来" or _inside(quoted, person.span.start):
                continue
            told = _TELLS_RE.match(text, person.span.end, p1)
            if told is not None and not (told.end() < p1 and text[told.end()] in OPEN_QUOTES):
                # 拉巴次仁讲起了去年冬天的一件事：…: the account after the colon is what the person says
                e = _reported_end(text, told.end(), p1, person, people, speech)
                emit(person, told.end(), e, (person.span.start, e))
                continue
            k = j + len(verb) if verb else j
            if k < p1 and text[k] in "：:，,":
                if text[k] in "，," and (not verb or text.startswith(("一边", "边"), k + 1)):
                    continue  # NAME一边说，一边蹲下身: what the speaker does while speaking, not what is said
                start = k + 1
                if start < p1 and text[start] in OPEN_QUOTES and not any(
                        qs == start and opens_statement(qs, qe) for qs, qe in quoted):
                    continue  # the quoted statement was taken above
                if not verb and _is_heading(text, start, p1):
                    continue
                e = _reported_end(text, start, p1, person, people, speech)
                emit(person, start, e, (person.span.start, e))
        # 3. 他说，…  我常对同事们说，…
        pattern = f"(?<![\u4e00-\u9fff])([他她我])[^，。！？“”\n]{{0,12}}?(?:{speech_re})[，,：:]"
        honor_speech = re.compile(f"[^，。！？“”\n]{{0,12}}?(?:{speech_re})[，,：:]")  # 这位全国技术能手|表示，…
        spoken = [(p0 + m.start(), p0 + m.end(), m.group(1)) for m in re.finditer(pattern, text[p0:p1])]
        spoken += [(i, m.end(), "这") for i, end in references.items()
                   if p0 <= i < p1 and (m := honor_speech.match(text, end, p1)) is not None]
        for i, s, subject in spoken:
            if (s < p1 and text[s] in OPEN_QUOTES) or _inside(quoted, i):
                continue
            if text[s - 1] in "，," and text.startswith(("一边", "边"), s):
                continue  # 他一边说，一边让徒弟记下编号: what the speaker does while speaking
            speaker = narrator(i) if subject == "我" else _antecedent(text, people, i, rec)
            e = _reported_end(text, s, p1, speaker, people, speech)
            emit(speaker, s, e, (i, e))
        # 4. 在NAME看来，…, 在ORG+TITLE+NAME看来，… and 在他看来，…
        for m in re.finditer("在([^，,。；;！!？?“”]{1,30}?)看来[，,]", text[p0:p1]):
            speaker = person_end.get(p0 + m.end(1))
            if m.group(1) in ("他", "她"):
                speaker = _antecedent(text, people, p0 + m.start(), rec)
            elif speaker is None:
                continue
            if speaker is not None:
                s = p0 + m.end()
                _, e = sentence_span(text, s)
                if re.search(f"[：:][{OPEN_QUOTES}]", text[s:e]):
                    continue  # 在她看来，…“最放心”：“…”: the view is the statement quoted after it (taken above)
                emit(speaker, s, e, (p0 + m.start(), e))
    # 5. 答：… in an interview laid out as 问：/答：, the answer of the one its heading names (——访…首席技师毕建新)
    answerer = next((h for h in headings if any(_ANSWER_LABEL.match(text, p.start) for p in dm.paragraphs)), None)
    first_answer = len(out)
    for para in dm.paragraphs:
        if answerer is not None and _ANSWER_LABEL.match(text, para.start):
            s = para.start + len(_ANSWER_LABEL.match(text, para.start).group(0))
            e = _reported_end(text, s, para.end, answerer, people, speech)
            emit(answerer, s, e, (para.start, e))
    # 6. an interview's answer that goes on in paragraphs of no label until the next question
    for speaker, para in _answer_continuations(text, dm.paragraphs, person_at, answerer):
        unquoted = re.sub(f"[{OPEN_QUOTES}][^{CLOSE_QUOTES}]*[{CLOSE_QUOTES}]", "", text[para.start:para.end])
        if "我" not in unquoted or any(para.start <= p.span.start < para.end and p.text != speaker.text
                                       and text.startswith(speech, p.span.end) for p in people):
            continue  # the reporter's narration between answers (直属库主任李文华介绍，…), not the answer going on
        e = _reported_end(text, para.start, para.end, speaker, people, speech)
        emit(speaker, para.start, e, (para.start, e))
    # 答：…我觉得，这比…: a view inside an answer of the same speaker is part of it, not another statement
    # (but 我常对徒弟们说，… recounts another)
    answers = out[first_answer:]

    def view_in_answer(r: Relation) -> bool:
        at = text.find(r.text, r.evidence.start)
        return (at >= 0 and _VIEW_FRAME.search(text, max(r.evidence.start, at - 6), at) is not None
                and any(o.subject == r.subject and len(o.text) > len(r.text) and r.text in o.text for o in answers))
    return [r for r in out if not view_in_answer(r)]


_VIEW_FRAME = re.compile("(?:觉得|认为|看来)[，,：:]?$")


_TELLS_RE = re.compile("(?:讲起|说起|谈起|聊起|讲述|回忆起)了?[^，,。！？!?：:；;“”\n]{0,16}?(?:事|事情|经历|故事|往事)[：:]")
_QUESTION_LABEL = re.compile("(?:本报)?(?:记者|问)[：:]")
_ANSWER_LABEL = re.compile("答[：:]")


def _answer_continuations(text: str, paragraphs: tuple[Span, ...], person_at: dict[int, Mention],
                          answerer: Mention | None = None) -> list[tuple[Mention, Span]]:
    """The paragraphs of an interview (记者：… / NAME：…, or 问：… / 答：… for ``answerer``) that may carry on an
    answer: no label of their own, after a paragraph that opens with NAME： and before the next question (the
    closing narration stays out)."""
    def label(para: Span) -> str | Mention | None:
        if _QUESTION_LABEL.match(text, para.start):
            return "question"
        if answerer is not None and _ANSWER_LABEL.match(text, para.start):
            return answerer
        person = person_at.get(para.start)
        return person if person is not None and text[person.span.end:person.span.end + 1] in "：:" else None

    labels = [label(p) for p in paragraphs]
    if labels.count("question") < 2:
        return []
    out = []
    for n, lab in enumerate(labels):
        if not isinstance(lab, Mention):
            continue
        k = n + 1
        while k < len(labels) and labels[k] is None:
            k += 1
        if k < len(labels) and labels[k] == "question":
            out += [(lab, paragraphs[m]) for m in range(n + 1, k)]
    return out


# the last clause before a statement, when a pronoun opens it (采访结束时，|他对记者说：)
_LAST_CLAUSE = re.compile("[，,”」](他|她|老人家|老人)(?!们)[^，,。！？!?；;“”]{0,20}[，,：:]?$")
_STANDS_ALONE = re.compile("[\n]|$")  # a quote that is the paragraph's last sentence


# what a speaker's face or head does right before the words (熊雨桐笑了，“…”; 他摇摇头，“…”)
_GESTURES = "(?:笑了笑|笑了|乐了|乐呵呵的|笑呵呵的|笑眯眯的|点点头|点了点头|摇摇头|摇了摇头|叹了口气|沉默片刻|顿了顿|想了想)"
_GESTURE_RE = re.compile(f"{_GESTURES}[，,]$")
# what the one who said a quote is talking about or doing as they say it, before their name (“…”说起当年，NAME…)
_RECALLING_AFTER = re.compile("(?:(?:说起|谈起|聊起|提起|讲起|回忆起|回想起)[^，,。！？!?“”\n]{1,12}"
                              "|说这话时|说这番话时|说这些话时|说到这里|说到这儿)[，,]")
_GESTURE_AFTER_RE = re.compile(f"{_GESTURES}[，,。！!]")  # “…”说起当年，熊雨桐笑了。


def _gesturing_speaker(text: str, people: list[Mention], qs: int, rec: Recognizer) -> Mention | None:
    """The speaker of a quote after a clause of a gesture: the name or 他/她 that opens the clause
    (说起当年，熊雨桐笑了，“…”; 他想了想，“…”), with at most a few characters between it and the gesture."""
    gesture = _GESTURE_RE.search(text, max(0, qs - 16), qs)
    if gesture is None:
        return None
    start = max(text.rfind(mark, 0, gesture.start()) for mark in "，,。！？!?；;：:\n") + 1
    clause = text[start:gesture.start()]
    if clause.startswith(PRONOUNS) and len(clause) <= 5:
        return _antecedent(text, people, start, rec)
    first = next((p for p in people if p.span.start == start), None)
    return first if first is not None and gesture.start() - first.span.end <= 4 else None


def _opening_words(text: str, s: int, i: int) -> str:
    """text[s:i] without the quote marks and the word of time that may open a clause (后来|他跟我说：)."""
    return _THEN_RE.sub("", text[s:i].lstrip("“”\"　 "), count=1)


def _closes_sentence(text: str, qe: int) -> bool:
    """Whether the quote ending at ``qe`` ends its sentence (“…”。, or a quote that ends in 。 and its paragraph)."""
    return qe >= len(text) or text[qe] in "。！？!?\n" or (text[qe - 2:qe - 1] in ("。", "！", "？") and text[qe] in "“")


def _clause_subject_before(text: str, people: list[Mention], quoted: list[tuple[int, int]], qs: int,
                           rec: Recognizer) -> Mention | None:
    """The speaker of a quote that closes a sentence after a pause: the one person the clauses before it are about,
    named where they start (杨建民盘算着，…，“…”; 黄德林是ORG的船长，跑长江航线十多年，“…”; after a quote of the same
    sentence: “…”理事长杨建民拿起一个果子，用手掂了掂，“…”) or 他/她 there (她记得，…，“…”)."""
    s, _ = sentence_span(text, qs - 1)
    start = max([qe for q0, qe in quoted if s <= q0 and qe < qs], default=s)
    if rec.speech_re.search(text, start, qs):
        return None  # NAME在致辞中说，…，“…”: the end of a reported statement, taken whole
    inside = [p for p in people if start <= p.span.start and p.span.end <= qs]
    if not inside:
        lead = _opening_words(text, start, qs)
        return _antecedent(text, people, start, rec) if lead.startswith(PRONOUNS) else None
    first = inside[0]
    if (len({p.text for p in inside}) > 1 or re.search("[，,；;：:]", text[start:first.span.start])
            or text.startswith("的", first.span.end)):
        return None  # someone else in the clauses, a name later in them, or a possessor (杨建民的徒弟…)
    return first


_DAYTIME = "(?:凌晨|清晨|一早|一大早|早上|上午|中午|下午|傍晚|晚上|深夜|夜里)"
_THEN_RE = re.compile("^(?:后来|随后|接着|然后|当时|那时|如今|现在|之后|最后)[，,]?")  # when, before the subject
_TIME_LEAD = (f"[0-9０-９{CHINESE_DIGITS}]{{1,2}}月[0-9０-９{CHINESE_DIGITS}]{{1,3}}日{_DAYTIME}?"
              f"|{_DAYTIME}[0-9０-９{CHINESE_DIGITS}]{{1,2}}点(?:多|半)?"
              f"|(?:今天|昨天|前天|当天|那天|次日|第二天|前不久|近日|日前){_DAYTIME}?|{_DAYTIME}")
# “…”在ORG叠片车间，|工艺工程师郑雨涵盯着…; “…”1月16日下午，在ORG工作站，|建筑工人罗德贵捏着…
_SCENE_RE = re.compile(f"(?:(?:{_TIME_LEAD})[，,])?(?:在[^，,。！？!?；;：:“”\n]{{1,30}}[，,])?")


def _subject_after_lead_quote(text: str, people: list[Mention], qe: int, rec: Recognizer) -> Mention | None:
    """The person a paragraph-opening quote belongs to when no verb of speech follows: the subject of the
    sentence after it, with at most a title or a modifier before the name (“…”班长陈海生一边分派任务，…;
    “…”今年36岁的谭湘君，是…; “…”说这话的是焊工王大海), after where the scene is set (“…”在叠片车间，工程师…)."""
    first = next((p for p in people if qe <= p.span.start), None)
    setting = _SCENE_RE.match(text, qe)
    start = setting.end() if first is not None and setting.end() <= first.span.start else qe
    if first is None or first.span.start - start > 30:
        return None
    lead = text[start:first.span.start]
    if re.search(f"[，,。！？!?；;：:…\n{OPEN_QUOTES}{CLOSE_QUOTES}]", lead) or "记者" in lead or lead.startswith(PRONOUNS):
        return None
    words = rec.segmenter.tagged(lead)
    if any(t.pos == "uv" or (t.pos.startswith("v") and t.text[-1] in "着住了过") for t in words):
        return None  # “…”农民工老赵激动地握住律师王晓燕的手: the one named is the object of what someone did
    return first


_SENTENCE_FINAL = frozenset("。！？!?…")


def _named_in(statement: str, person: Mention, aliases: dict[str, str]) -> bool:
    """Whether ``statement`` names ``person`` by name or by a form the article uses (韦姐 for 韦秋兰)."""
    full = aliases.get(person.text, person.text)
    return any(form in statement for form in (full, *(short for short, f in aliases.items() if f == full)))


def _subject_of_sentence_before(text: str, people: list[Mention], qs: int, rec: Recognizer) -> Mention | None:
    """Who says a quote that stands as a sentence of its own, no verb of speech beside it: the one the sentence
    before is about (罗开富负责的压缩站每天…。“除臭设备要勤维护…”; 他把废叶片带回宿舍…。“手是有记性的…”): its
    pronoun subject, else the one person it names, else its first name when the others follow a preposition
    (他进入滇源检修，跟着段志华学了5年。: 他)."""
    s, _ = sentence_span(text, qs - 1)
    named = [p for p in people if s <= p.span.start and p.span.end <= qs]
    pronoun = re.search("(?<![\u4e00-\u9fff])[他她](?!们)", text[s:qs])
    if pronoun is not None and (not named or s + pronoun.start() < named[0].span.start):
        return _antecedent(text, people, s + pronoun.start(), rec)
    if not named:
        return None
    others = [p for p in named[1:] if p.text != named[0].text]
    if any(not text[max(s, p.span.start - 2):p.span.start].endswith(_BEFORE_AN_OBJECT) for p in others):
        return None  # 师徒俩: 张三和李四…: no one person the sentence is about
    return named[0]


def _only_person_before(text: str, people: list[Mention], i: int) -> Mention | None:
    """The one person the sentence right before ``i`` names (None when it names none or several)."""
    s, _ = sentence_span(text, i - 1)
    named = {p.text: p for p in people if s <= p.span.start and p.span.end <= i}
    return next(iter(named.values())) if len(named) == 1 else None


ELDER_REFERENCES = ("老人家", "老人")  # how news goes on about an old person it has named
_OLD_AGE = re.compile("(?:[6-9][0-9]|1[0-9]{2})岁|退休|老人")


def _elder(text: str, people: list[Mention], i: int, rec: Recognizer) -> Mention | None:
    """The person 老人 at ``i`` refers to: the one last named (as for 他), if written as old right before the
    name (81岁的韩德成, 退休职工李明), else no one."""
    person = _antecedent(text, people, i, rec)
    if person is None:
        return None
    return person if _OLD_AGE.search(text, max(0, person.span.start - 8), person.span.start) else None


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a < i < b for a, b in spans)


def _is_heading(text: str, start: int, end: int) -> bool:
    """A short line with no sentence end: a profile heading (覃大清：勇闯水电“无人区”), not a statement."""
    body = text[start:end].strip()
    return len(body) < 20 and not re.search("[。！？!?]", body)


def _reported_end(text: str, start: int, end: int, speaker: Mention | None, people: list[Mention],
                  speech: tuple[str, ...]) -> int:
    """Where reported speech starting at ``start`` ends: the paragraph's end, or the start of a later
    sentence in which somebody else speaks (…通道。上海市总工会副主席桂晓燕说，… is hers, not his), or a
    quotation with a speaker after it (…工人。“技能人才…”他说。: a statement of its own)."""
    for quotation in re.finditer(f"[。！？!?][{OPEN_QUOTES}][^{CLOSE_QUOTES}]*[{CLOSE_QUOTES}]", text[start:end]):
        after = start + quotation.end()
        if any(p.span.start == after for p in people) or (
                text[after:after + 1] in ("他", "她") and text.startswith(speech, after + 1)):
            return start + quotation.start() + 1  # “…”他说 / “…”NAME说: a statement with a speaker of its own
    for p in people:
        if start < p.span.start < end and (speaker is None or p.text != speaker.text) and text.startswith(speech, p.span.end):
            s, _ = sentence_span(text, p.span.start)
            if s > start:
                return s
    return end


def _role_after_name(doc: Document, people: list[Mention], rec: Recognizer) -> list[Relation]:
    """习近平总书记: a leader's title written right after the name, with no organization."""
    out = []
    for p in people:
        title = rec._title_at(doc.text, p.span.end)
        if title and rec.lex.titles.get(title) in LEADER_CATEGORIES and p.span.end + len(title) <= len(doc.text):
            s, e = sentence_span(doc.text, p.span.start)
            out.append(Relation(MEMBERSHIP, key(p), None, Span(doc.id, s, e), role=title))
    return out


_ELECTED = re.compile("当选为?([\u4e00-\u9fff]{0,20}?)(?=[，,。；;！!]|$)")


def _elected_together(doc: Document, people: list[Mention], relations: list[Relation], rec: Recognizer) -> list[Relation]:
    """An election report's lists: A、B当选ORG副主席 gives each of them the post found for the last, and
    A当选ORG主席，B、C当选副主席 gives B and C the body A's post is in."""
    text = doc.text
    posts = {(r.subject, r.evidence.start): r for r in relations if r.kind == MEMBERSHIP and r.object is not None}
    out = []
    last_body: tuple[int, str] | None = None  # (sentence start, body) of the last election with its body named
    for m in _ELECTED.finditer(text):
        last = next((p for p in people if p.span.end == m.start()), None)
        if last is None:
            continue
        s, e = sentence_span(text, m.start())
        listed = _listed_before(text, people, last)
        found = posts.get((key(last), s))
        if found is not None and found.role and m.group(1).endswith(found.role):
            out += [replace(found, subject=key(p)) for p in listed[:-1]]
            last_body = (s, found.object)
        elif last_body is not None and last_body[0] == s and rec.title_suffix(m.group(1)) == m.group(1):
            out += [Relation(MEMBERSHIP, key(p), last_body[1], Span(doc.id, s, e), role=m.group(1)) for p in listed]
    return out


_HELD_BY = ("兼任", "担任", "出任")


def _posts_held_by(doc: Document, dm: DocumentMentions, people: list[Mention], rec: Recognizer) -> list[Relation]:
    """宏达物流公司工会主席由副总经理刘建国兼任: the post before 由 is held by the person named before the verb;
    its body is the one that ends where the post starts (该公司: the company named last)."""
    text = doc.text
    orgs = sorted((m for m in dm.mentions if m.label == ORGANIZATION), key=lambda m: m.span.end)
    out = []
    for p in people:
        if not text.startswith(_HELD_BY, p.span.end):
            continue
        s, e = sentence_span(text, p.span.start)
        by = text.rfind("由", s, p.span.start)
        title = rec.title_ending_at(text, by) if by > s and not re.search("[，,；;：:、]", text[by:p.span.start]) else None
        if title is None:
            continue
        start = by - len(title)
        body = next((w for w in ANAPHORIC_BODIES if text.endswith("该" + w, 0, start)), None)
        org = next((o for o in reversed(orgs) if o.span.end == start), None) if body is None else next(
            (o for o in reversed(orgs) if o.span.end <= start - len(body) - 1 and o.text.endswith(body)), None)
        if org is not None:
            out.append(Relation(MEMBERSHIP, key(p), key(org), Span(doc.id, s, e), role=title))
    return out


def _affiliation_verbs(doc: Document, dm: DocumentMentions, rec: Recognizer) -> list[Relation]:
    """入职安天科技集团, 扎根哈尔滨电机厂, 我来到中国科学技术大学…: the subject belongs to the body.

    The subject is the person named in the sentence before the verb; else 我 in a first-person
    profile (the person its heading names); else 他/她 (the person last named, if nobody unnamed
    came in between).
    """
    text = doc.text
    people = sorted((m for m in dm.mentions if m.label == PERSON), key=lambda m: m.span.start)
    headings = heading_people(doc, dm)
    orgs = _by_start(dm.mentions, ORGANIZATION)
    out = []

    def subject(start: int, end: int, s: int, e: int, later_ok: bool = True) -> Mention | None:
        """Who does what is written at text[start:end] in the sentence text[s:e] (``later_ok``: perhaps a
        name after it, 入职该公司的王强)."""
        before = text[s:start]
        in_sentence = [p for p in people if s <= p.span.start < start]
        if (in_sentence and text.startswith(rec._speech, in_sentence[-1].span.end)
                and not re.search("[他她我]", text[in_sentence[-1].span.end:start])):
            return None  # 杨涛表示，厂里已经成立…: what the speaker reports, not what the speaker did
        if len(in_sentence) >= 2:  # 焊工罗小军是黄德明带的徒弟，2022年从…毕业: the subject's clause goes on
            first, last = in_sentence[0], in_sentence[-1]
            if (_object_or_possessor(text, last, s, rec)
                    and re.search("[，,]", text[last.span.end:start])
                    and not re.search("[，,；;：:“”]", text[s:first.span.start])):
                return first
        if in_sentence:
            return in_sentence[-1]
        if re.search("(?:(?<![\u4e00-\u9fff])|(?<=[年月日时后前]))我", before):  # 2006年我来到…
            earlier = [h for h in headings if h.span.end <= s]
            return earlier[-1] if earlier else None
        # not one the verb's clause goes on to follow (进入ORG，拜顾志强为师; 来到ORG，跟着老班长何永康学技术)
        later = [p for p in people if end <= p.span.start < e
                 and not named_as_master(text, p.span.start, end)] if later_ok else []
        if later:
            return later[0]
        return None if _noun_subject_before(text, start, s, rec) else _antecedent(text, people, s, rec)

    for verb in AFFILIATION_VERBS:
        for m in re.finditer(verb + ("了?" if verb in _JOINED_VERBS else ""), text):  # 加入了, 创办了; not 成立了
            org = orgs.get(m.end()) or (orgs.get(m.end() + 1) if text[m.end():m.end() + 1] in OPEN_QUOTES else None)
            if org is None:
                continue
            s, e = sentence_span(text, m.start())
            if verb in ("来到", "进入") and (_VISIT_AFTER.match(text, org.span.end) or "一行" in text[s:m.start()]):
                continue  # …一行来到黔南供电局，看望…: a visit
            person = subject(m.start(), m.end(), s, e)
            post = _POST_TAKEN_RE.match(text, org.span.end) or _POST_FROM_RE.match(text, org.span.end)  # 被分配到平罗直属库|当保管员
            role = post.group(1) if post is not None and base_title(post.group(1), rec) else None
            if person is not None:
                out.append(Relation(MEMBERSHIP, key(person), key(org), Span(doc.id, s, e), role=role))
    for org in (m for m in dm.mentions if m.label == ORGANIZATION and rec.unit_kind(m.text) == "school"):
        # 他是西昌学院的毕业生; …，华中农业大学博士毕业后: a graduate of the school (从ORG毕业 is taken below)
        before = text[max(0, org.span.start - 2):org.span.start]
        graduate = (before.endswith("是") and _GRADUATE_OF.match(text, org.span.end)) or (
            before[-1:] in ("，", ",") and _GRADUATED_AFTER.match(text, org.span.end))
        if graduate:
            s, e = sentence_span(text, org.span.start)
            person = subject(org.span.start, org.span.end, s, e, later_ok=False)
            if person is not None:
                out.append(Relation(MEMBERSHIP, key(person), key(org), Span(doc.id, s, e)))
    person_end = {p.span.end: p for p in people}
    for m in re.finditer("领衔的[“]?", text):  # 由他领衔的“关振宇技能大师工作室”: the one who leads it is in it
        org = orgs.get(m.end())
        lead = text.rfind("由", max(0, m.start() - 8), m.start())
        if org is None or lead < 0:
            continue
        s, e = sentence_span(text, m.start())
        named = text[lead + 1:m.start()]
        person = _antecedent(text, people, lead, rec) if named in ("他", "她") else person_end.get(m.start())
        if person is not None and (named in ("他", "她") or person.span.start == lead + 1):
            out.append(Relation(MEMBERSHIP, key(person), key(org), Span(doc.id, s, e)))
    for m in re.finditer("所在的[“]?", text):  # 赵丽所在的宏达机械有限公司, 她所在的…: the body the person is in
        org = orgs.get(m.end())
        if org is None:
            continue
        s, e = sentence_span(text, m.start())
        pronoun = text[m.start() - 1:m.start()] in ("他", "她") and not is_han(text[m.start() - 2:m.start() - 1] or "，")
        person = _antecedent(text, people, m.start() - 1, rec) if pronoun else person_end.get(m.start())
        if person is not None:
            out.append(Relation(MEMBERSHIP, key(person), key(org), Span(doc.id, s, e)))
    person_start = {p.span.start: p for p in people}
    for m in _SERVING_AS_RE.finditer(text):
        person, title = person_start.get(m.end()), m.group(2)
        if person is None or base_title(title, rec) is None:
            continue
        org = orgs.get(m.start(1))
        if org is not None and org.span.end < m.end(1) and not rec.common_unit(text[org.span.end:m.end(1)]):
            continue
        if org is None and not rec.common_unit(m.group(1)):
            continue  # (the body the context gives holds a unit in common words: relate's _in_context_orgs)
        s, e = sentence_span(text, m.start())
        out.append(Relation(MEMBERSHIP, key(person), key(org), Span(doc.id, s, e), role=title))
    for m in re.finditer("[从在]", text):  # 从兰州交通大学毕业; 在景德镇陶瓷大学担任客座教授
        org = orgs.get(m.end())
        if org is None:
            continue
        s, e = sentence_span(text, m.start())
        if m.group(0) == "从" and _MAJOR_THEN_GRADUATED.match(text, org.span.end):
            person, role = subject(m.start(), org.span.end + 2, s, e, later_ok=False), None  # …毕业后，拜NAME为师
        elif m.group(0) == "在" and (post := _POST_AT_RE.match(text, org.span.end)) and base_title(post.group(1), rec):
            person, role = subject(m.start(), post.end(), s, e, later_ok=False), post.group(1)
        elif (m.group(0) == "在" and (work := _WORK_AT_RE.match(text, org.span.end))
              and text.rfind("“", 0, m.start()) <= text.rfind("”", 0, m.start())):  # not in a statement
            title = work.group(1)
            role = title if title and base_title(title, rec) else None
            person = subject(m.start(), work.end(), s, e, later_ok=False)  # 在ORG的站点跑单, 在ORG干了22年钳工
        else:
            continue
        if person is not None:
            out.append(Relation(MEMBERSHIP, key(person), key(org), Span(doc.id, s, e), role=role))
    return out


# verbs of joining or founding that a person does, with or without 了 (X成立了Y: mostly a body sets up another)
_JOINED_VERBS = frozenset({"入职", "加入", "创办", "创立", "考入", "进入"})


def _noun_subject_before(text: str, i: int, s: int, rec: Recognizer) -> bool:
    """Whether the verb at text[i] has a common noun for its subject (随后，慰问组来到…; 记者又来到…), so that
    no person named earlier is its subject; 他 and a dropped subject (毕业后来到…) leave it to the antecedent."""
    clause = re.split("[，,。；;：:！!？?]", text[s:i])[-1]
    words = [t for t in rec.segmenter.tagged(clause) if t.text not in _SUBJECT_ADVERBS]
    return bool(words) and words[-1].pos in ("n", "ng", "nt", "nz") and words[-1].text not in ("他", "她")


_SUBJECT_ADVERBS = frozenset({"又", "也", "再次", "首先", "随后", "一行", "一同", "先后", "都", "还", "便", "就", "则"})


# 从三峡大学|电气工程专业毕业, 从西南交通大学|隧道工程专业硕士毕业, 从…大学|博士毕业
_GRADUATE_OF = re.compile("的(?:一名|应届)?毕业生")
_GRADUATED_AFTER = re.compile("(?:硕士|博士|研究生|本科)?毕业(?:后|以后)")
_MAJOR_THEN_GRADUATED = re.compile("(?:[\u4e00-\u9fff]{2,12}?专业)?(?:硕士|博士|研究生|本科|硕士研究生|博士研究生)?毕业")
# NAME一行来到ORG, 来到ORG看望/调研: a visit, not joining the body
_VISIT_AFTER = re.compile("[^，。；;！？!?]{0,12}?(?:看望|慰问|调研|检查|考察|走访|参观|视察|指导|督导|宣讲)")

# 被分配到ORG当保管员; 进入ORG(工作)，成为一名采油工: the post taken there
_POST_TAKEN_RE = re.compile("(?:工作)?[，,]?(?:当上?了?|做了?|成为了?|担任|任)(?:一名)?((?:(?!的)[\u4e00-\u9fff]){2,8})(?=[，,。；;、]|$)")
# 进入ORG，从抄表员干起: the first post there
_POST_FROM_RE = re.compile("(?:工作)?[，,]从(?:一名|最基层的|最基础的|普通的?)?((?:(?!的)[\u4e00-\u9fff]){2,8}?)(?:干起|做起)")
_POST_AT_RE = re.compile("(?:担任|出任|兼任|任|当了?(?:[0-9０-９一二三四五六七八九十几多]+年(?:的)?)?)"  # 当了30年法官
                         "([\u4e00-\u9fff]{2,8})(?=[，,。；;、]|$)")
# 在冷轧厂酸洗线当操作工的杨帆: the post of the person named after, in the unit or body named
_SERVING_AS_RE = re.compile("在([\u4e00-\u9fff]{2,14}?)(?:当|做|任)了?(?:一名)?([\u4e00-\u9fff]{2,8}?)的")
# 在ORG工作, 在ORG的站点跑单, 在ORG干了22年装配钳工: working there (as the title after, if any)
_WORK_AT_RE = re.compile("(?:的[\u4e00-\u9fff]{1,6}?)?(?:工作|上班|打工|务工|干活|跑单|送餐|实习|干了?"
                         "(?:[0-9０-９一二三四五六七八九十几多]+年(?:的)?)?([\u4e00-\u9fff]{2,8}(?=[，,。；;、]))?)")


_YEAR = re.compile("[0-9０-９]{4}年")


def _award_verbs(doc: Document, dm: DocumentMentions, rec: Recognizer) -> list[Relation]:
    """NAME…获评/荣获 HONOR (、HONOR…) and NAME…是HONOR获得者 in one sentence."""
    text = doc.text
    people = sorted((m for m in dm.mentions if m.label == PERSON), key=lambda m: m.span.start)
    out = []
    described = described_people(text, dm, rec)  # 这位老焊工: a person named before
    previous: tuple[Mention, Mention] | None = None  # (honor, person) of the last award found
    holders: dict[int, Mention] = {}  # sentence start -> the holder of the last award found in it by its verb
    for h in sorted((m for m in dm.mentions if m.label == HONOR), key=lambda m: m.span.start):
        between = text[previous[0].span.end:h.span.start] if previous else ""
        between = _YEAR.sub("", between.replace("获得者", "")).strip(OPEN_QUOTES + CLOSE_QUOTES)
        if previous and (between in ("、", "和", "及", "，") or _ALSO_IS.fullmatch(between)):
            s, e = sentence_span(text, h.span.start)
            out.append(Relation(AWARD, key(previous[1]), key(h), Span(doc.id, s, e)))  # 获得A、B等荣誉
            previous = (h, previous[1])
            continue
        previous = None
        before = _ASPECT_END.sub("", text[max(0, h.span.start - 8):h.span.start].rstrip(OPEN_QUOTES))  # 获评“湖北工匠”, 获得过
        before = next((before.removesuffix(w) for w in (*HONOR_SCOPES, "年度") if before.endswith(w)), before)  # 评为集团“…”
        s, e = sentence_span(text, h.span.start)
        after = h.span.end + (1 if text[h.span.end:h.span.end + 1] in CLOSE_QUOTES else 0)
        holder = next((p for p in people if p.span.start == after + 1), None) if text.startswith("的", after) else None
        if holder is not None and any(before.endswith(v) for v in AWARD_VERBS):
            out.append(Relation(AWARD, key(holder), key(h), Span(doc.id, s, e)))  # 被评为HONOR的NAME
            previous = (h, holder)
            continue
        holder = next((p for p in people if p.span.start == after + 3), None) if text.startswith("获得者", after) else None
        if holder is not None:
            out.append(Relation(AWARD, key(holder), key(h), Span(doc.id, s, e)))  # HONOR获得者NAME
            previous = (h, holder)
            continue
        clause = max(s, text.rfind("；", s, h.span.start) + 1)  # A、B等；获得HONOR的，有…: the clause's own subject
        in_sentence = [p for p in people if clause <= p.span.start < h.span.start]
        subjects = [p for p in in_sentence if not text[max(s, p.span.start - 2):p.span.start].endswith(_BEFORE_AN_OBJECT)]
        person = (subjects or in_sentence)[-1] if in_sentence else None  # not 跟着|郭建华 学习…获得
        if not subjects and in_sentence and re.search("(?<![\u4e00-\u9fff])[他她]", text[clause:in_sentence[0].span.start]):
            person = None  # 她主动要求跟着贺永胜学…，获得…: the pronoun is the subject (resolved below)
        if person is not None and (_is_honor_holder(text, person, h) or _conferred_on(text, person, h, s)):
            out.append(Relation(AWARD, key(person), key(h), Span(doc.id, s, e)))
            previous = (h, person)
            continue
        listed = _listed_before(text, people, person, rec) if person is not None else []
        if (listed and _CONFERRED_COUNTED.fullmatch(text[person.span.end:h.span.start].rstrip(OPEN_QUOTES))
                and text[s:listed[0].span.start].endswith("授予")):
            # 授予A、B、C等100名职工“HONOR”: each of them
            out += [Relation(AWARD, key(p), key(h), Span(doc.id, s, e)) for p in listed]
            continue
        if person is not None and len(listed) > 1 and _LIST_AWARDED.fullmatch(
                text[person.span.end:h.span.start].rstrip(OPEN_QUOTES)):
            # A、B、C获得HONOR; A、B、C等来自全省的职工获得HONOR: each of them
            out += [Relation(AWARD, key(p), key(h), Span(doc.id, s, e)) for p in listed]
            previous = (h, person)
            continue
        if (not any(before.endswith(v) for v in (*AWARD_VERBS, *_NOW_IS)) and not text.startswith("获得者", h.span.end)
                and not _AGENT_CONFERRED.search(text, s, h.span.start) and not before.endswith(_CONFERRED_ON_PRONOUN)):
            continue  # 荣获HONOR, 是HONOR获得者, 被人社部授予HONOR, or 省总工会授予他HONOR
        if person is not None and _COUNTED_PEOPLE.search(text, person.span.end, h.span.start):
            if _LIST_COUNTED.fullmatch(text[person.span.end:h.span.start].rstrip(OPEN_QUOTES)):
                for p in _listed_before(text, people, person):  # A、B、C等10人获评HONOR: each of them
                    out.append(Relation(AWARD, key(p), key(h), Span(doc.id, s, e)))
            continue  # 他带出的徒弟中，有3人获得…: the honor is a group's, not the person's
        pair = _PAIR_RE.search(text, clause, h.span.start) if person is None else None
        if pair is not None:  # 最让他骄傲的是孟凡宇和敖丽娜。去年，两人…，双双被授予HONOR: each of the two
            last = [p for p in people if p.span.end <= clause]
            both = _listed_before(text, people, last[-1]) if last else []
            if len(both) == 2:
                out += [Relation(AWARD, key(p), key(h), Span(doc.id, s, e)) for p in both]
                continue
        if person is None and (re.search("(?<![\u4e00-\u9fff])[他她]", text[clause:h.span.start])
                               or before.endswith(_CONFERRED_ON_PRONOUN)):
            person = _antecedent(text, people, clause, rec)  # 他获评…, 授予他…: the person last named
        reference = next((r for r in described if clause <= r < h.span.start), None) if person is None else None
        if reference is not None:
            person = _antecedent(text, people, reference, rec)  # 这位54岁的老焊工…曾获HONOR
        if person is None and clause > s:
            person = holders.get(s)  # 她获得A；2024年，又当选B: the clause goes on with the sentence's holder
        if (person is None and _SUBJECTLESS_AWARD.fullmatch(text, clause, h.span.start)
                and not _THOSE_WHO.match(text, h.span.end)):  # 获得HONOR称号的，有…: those who did
            last = _antecedent(text, people, clause, rec)  # …干了28年。先后获得HONOR: the subject goes on unsaid
            person = last if last is not None and "\n" not in text[last.span.end:clause] else None
        if person is not None:
            out.append(Relation(AWARD, key(person), key(h), Span(doc.id, s, e)))
            previous = (h, person)
            holders[s] = person
    return out


_PAIR_RE = re.compile("两人|二人|俩人|两位|他们俩|她们俩|他俩|她俩")  # the two people named just before
# a sentence with no subject of its own that opens with the award (…干了28年。先后获得HONOR, 2019年，又荣获HONOR)
_SUBJECTLESS_AWARD = re.compile("(?:[0-9０-９]{4}年(?:[0-9０-９]{1,2}月)?[，,]?)?(?:先后|曾经|曾|还|也|又|多次|相继|更是|并)*"
                                "(?:获得|荣获|获评|被评为|被授予|当选为|当选)(?:过|了)?[“]?")
_THOSE_WHO = re.compile("[”」]?(?:荣誉)?(?:称号)?的")
_NOW_IS = ("如今是", "现在是", "目前是", "已是", "已经是")  # …，如今是HONOR: an honor the subject holds now

# Prepositions a person may follow as their object, not as the subject of the sentence
# 冲着萨仁图雅竖起大拇指: the one the speaker faces; 把罗思琪叫到涂布机旁: the one the speaker calls over
_FACING = ("冲着", "对着", "朝着", "望着", "看着", "拉着", "握着", "把")
_TEAM_OF_NAME = ("班组", "团队", "工作室", "创新工作室")
_BEFORE_AN_OBJECT = ("跟着", "跟随", "师从", "跟", "向", "给", "为", "对", "随", "被", "让", "帮")
# 是HONOR, and 是运行一处的高级操纵员，也是HONOR: the person's own predicate, then the honor
# NAME(在ORG干了22年钳工，)是HONOR: a clause of the name's own may come before 是
_COPULA = re.compile("[，,]?(?:([^。；;！？!?，,“”]{1,30})[，,])?[，,]?(?:如今|现在|目前|已经|早已|已)?(?:也|还|更|就|同时也)?是"
                     "(?:一名|一位)?(?:[^。；;！？!?，,“”、]{1,30}、)?")  # 马文俊如今是HONOR: an honor held now; 是一名HONOR
_ALSO_IS = re.compile("[，,](?:也|还|同时也|同时|更|又)是")  # 是全国技术能手，也是HONOR: the same holder
_NOT_THE_NAME_S = re.compile("^[的和与跟及、]|的[\u4e00-\u9fff]{1,4}$")  # 王强的师傅，是…; 王强带领的团队，是…
_AFTER_HONOR = re.compile("(?:称号)?(?:[。，,；;！!、\n]|和|及|$)")


def _conferred_on(text: str, person: Mention, honor: Mention, sentence_start: int) -> bool:
    """授予…NAME“HONOR”称号: the honor is conferred on the name right before it."""
    if text[person.span.end:honor.span.start] not in ("", *OPEN_QUOTES):
        return False
    if text[max(0, person.span.start - 2):person.span.start] in ("授予", "追授"):
        return True  # 全国总工会追授于德厚全国五一劳动奖章: to whom, then what
    return ("授予" in text[sentence_start:person.span.start]
            and text.startswith("称号", honor.span.end + (1 if text[honor.span.end:honor.span.end + 1] in CLOSE_QUOTES else 0)))


def _is_honor_holder(text: str, person: Mention, honor: Mention) -> bool:
    """NAME是HONOR (李长江是全国劳动模范、“齐鲁大工匠”。), the honor ending the clause or a list of
    honors; not 他是全国劳动模范王强的徒弟, where the honor belongs to the name after it."""
    between = text[person.span.end:honor.span.start].rstrip(OPEN_QUOTES)
    after = text[honor.span.end:honor.span.end + 4].lstrip(CLOSE_QUOTES)
    copula = _COPULA.fullmatch(between)
    return (copula is not None and not (copula.group(1) and _NOT_THE_NAME_S.search(copula.group(1)))
            and bool(_AFTER_HONOR.match(after)))


_COUNT = "[0-9０-９一二三四五六七八九十百千两几多]+"
_COUNTED_PEOPLE = re.compile("(?<!第)" + _COUNT + "(?:人|名|位)")  # 有3人获得…: a group (第一名 is a rank)
_CONFERRED_COUNTED = re.compile("等" + _COUNT + "(?:人|名|位)[\u4e00-\u9fff]{0,4}")  # 授予A、B等100名职工
# A、B、C等10人获评, 等12名农机手先后获评: each of them
# A、B、C(等…)获得HONOR: what may stand between the last of a list of names and the honor they all hold
_CONFERRED_BY = "被[^，,。；;！!？?、“”]{1,24}?(?:授予|追授|评为)"  # 被市总工会授予: a body's conferring, as a verb
_LIST_AWARDED = re.compile("(?:等[，,]?[^，,。；;！!？?、“”]{0,16}?)?(?:先后|分别|均|都|同时|也|还|双双)?(?:"
                           + "|".join(AWARD_VERBS) + "|" + _CONFERRED_BY + ")了?")
_CONFERRED_ON_PRONOUN = ("授予他", "授予她", "追授他", "追授她")  # 省总工会授予他HONOR: the pronoun's antecedent
# 被人力资源和社会保障部授予HONOR: a body between 被 and the verb, right before the honor
_AGENT_CONFERRED = re.compile("被[^，,。；;！!？?“”]{1,24}?(?:授予|评为|命名为)了?[“「]?$")  # searched up to the honor
_LIST_COUNTED = re.compile("等" + _COUNT + "(?:人|名|位)[\u4e00-\u9fff]{0,6}?(?:" + "|".join(AWARD_VERBS)
                           + "|" + _CONFERRED_BY + ")")


def _listed_before(text: str, people: list[Mention], last: Mention, rec: Recognizer | None = None) -> list[Mention]:
    """``last`` and the people listed right before it, joined by 、, 和 or 及 (王家骏、刘桂芬和赵启明); with ``rec``,
    also items that name each one's body and title (队长陈永刚、凯里公交公司驾驶员罗丽、…理事长杨秀英), joined by a
    comma too when 等 closes the list (…总经理普秀英，…主任段月娇，…副班长刘晓敏等)."""
    listed = [last]
    separators = "、，," if text.startswith("等", last.span.end) else "、"
    for p in reversed([p for p in people if p.span.end <= last.span.start]):
        between = text[p.span.end:listed[-1].span.start]
        if between not in ("、", "和", "及") and not (
                rec is not None and between[:1] in separators and len(between) <= 40
                and not _LIST_ITEM_BREAK.search(between, 1)
                and rec.title_ending_at(text, listed[-1].span.start) is not None):
            break
        listed.append(p)
    return listed[::-1]


_LIST_ITEM_BREAK = re.compile("[，,。；;：:！!？?“”（）()]")


_LISTED = re.compile("[”」』]?(?:荣誉)?(?:称号)?的(?:[0-9０-９一二三四五六七八九十百几多]+(?:名|位)?(?:人|名))?"  # 的10人中，有
                     "(?:职工|劳动者|工人|人员|个人|同志|代表)?(?:中|当中)?"
                     "(?:有[：:]?|是[：:]|[，,]?(?:还|也|既)有|[，,](?:有|是|其中包括|包括))")


def _list_end(text: str, start: int, end: int) -> int:
    """Where a list of holders starting at ``start`` ends: at a semicolon (…；获得HONOR2称号的，有…: the next
    list is another honor's), else at ``end``, the sentence's end."""
    stop = text.find("；", start, end)
    return end if stop < 0 else stop


def _listed_awards(doc: Document, dm: DocumentMentions) -> list[Relation]:
    """获得“天山工匠”称号的有：ORG+TITLE+A、B等20人 (同样获得HONOR称号的，还有…; 获得HONOR称号的，既有A，也有B):
    everyone the sentence lists after it, up to a semicolon, holds the honor."""
    text = doc.text
    people = sorted((m for m in dm.mentions if m.label == PERSON), key=lambda m: m.span.start)
    out = []
    for h in (m for m in dm.mentions if m.label == HONOR):
        before = text[max(0, h.span.start - 5):h.span.start].rstrip(OPEN_QUOTES)
        listed = _LISTED.match(text, h.span.end)
        if listed is None or not any(before.endswith(v) for v in AWARD_VERBS):
            continue
        s, e = sentence_span(text, h.span.start)
        stop = _list_end(text, listed.end(), e)
        out += [Relation(AWARD, key(p), key(h), Span(doc.id, s, e)) for p in people if listed.end() <= p.span.start < stop]
    return out


# 公布2026年度宁波市“最美职工”名单，A、B等10人入选: a list of holders, named in the sentence after it
_PUBLISHED_LIST = re.compile(f"[{CLOSE_QUOTES}]?(?:获得者|获奖者)?名单[，,：:]")
_JOINED_LIST = re.compile("入选|上榜|当选|获评|获此殊荣|榜上有名")


def _published_lists(doc: Document, dm: DocumentMentions) -> list[Relation]:
    """The people a sentence names after an honor's published list of holders (名单：A、B; 名单，A、B等10人入选)."""
    text = doc.text
    people = sorted((m for m in dm.mentions if m.label == PERSON), key=lambda m: m.span.start)
    out = []
    honors = [m for m in dm.mentions if m.label == HONOR]
    for h in honors:
        if any(o.span.start <= h.span.start and h.span.end <= o.span.end and o != h for o in honors):
            continue  # 最美职工 inside 宁波市“最美职工”
        listed = _PUBLISHED_LIST.match(text, h.span.end)
        if listed is None:
            continue
        s, e = sentence_span(text, h.span.start)
        named = [p for p in people if listed.end() <= p.span.start < e]
        if named and (listed.group().endswith(("：", ":")) or _JOINED_LIST.search(text, named[-1].span.end, e)):
            out += [Relation(AWARD, key(p), key(h), Span(doc.id, s, e)) for p in named]
    return out


# 受表彰的劳动模范中，有A，B等；先进工作者中，有…: the holders of an honor named before, listed under its class
_CLASS_LIST = re.compile("(劳动模范|先进工作者|先进个人|技术能手|工匠|五一劳动奖章)(?:获得者)?(?:当中|中)[，,]?(?:有|包括)[：:]?")


def _class_lists(doc: Document, dm: DocumentMentions) -> list[Relation]:
    """Everyone listed under the class of an honor the article has named (up to a semicolon) holds that honor."""
    text = doc.text
    people = sorted((m for m in dm.mentions if m.label == PERSON), key=lambda m: m.span.start)
    honors = sorted((m for m in dm.mentions if m.label == HONOR), key=lambda m: m.span.start)
    out = []
    for m in _CLASS_LIST.finditer(text):
        named = [h for h in honors if h.span.end <= m.start() and h.text.endswith(m.group(1)) and h.text != m.group(1)]
        if not named:
            continue
        s, e = sentence_span(text, m.start())
        stop = _list_end(text, m.end(), e)
        out += [Relation(AWARD, key(p), key(named[-1]), Span(doc.id, s, e)) for p in people if m.end() <= p.span.start < stop]
    return out


def profile_people(doc: Document, dm: DocumentMentions) -> list[Mention]:
    """People whose profile starts at a heading line: ``NAME：subtitle`` or ``ORG+TITLE+NAME`` alone."""
    text = doc.text
    people = [m for m in dm.mentions if m.label == PERSON]
    out = []
    for para in dm.paragraphs:
        line = text[para.start:para.end]
        body = line.lstrip("#>　 ")
        offset = para.start + len(line) - len(body)
        if re.search("[。！？!?]", body):
            continue
        for p in people:
            if p.span.start == offset and text[p.span.end:p.span.end + 1] in "：:" and len(body) < 30:
                out.append(p)
            elif para.start <= p.span.start and p.span.end <= para.end and not text[p.span.end:para.end].strip().strip("—-"):
                out.append(p)
    return out


# 10名来自一线的职工获评“哈尔滨市最美职工”: an honor conferred on a counted group, its members listed after it
_GROUP_CONFERRED = re.compile(f"(?<!第){_COUNT}(?:名|位|人)[^，,。；;！!？?“”]{{0,16}}?"
                              f"(?:获评|荣获|被评为|获得|获授|被授予|当选)了?[{OPEN_QUOTES}]?$")
_WINNER_LIST_END = re.compile("(?:[（(][^（）()，。]{1,8}[）)])?(?:……|…|。|；|;|等|$)")
# 获得云南省巾帼建功标兵称号的，多是…。A、B、C等人受到表彰: those who hold the honor, listed after it
_HOLDERS_BEFORE = re.compile("(?:^|[。！？!?\n])(?:获得|荣获|获评|被授予|被评为)了?[“「]?$")
_HOLDERS_AFTER = re.compile("[”」]?(?:荣誉)?(?:称号)?的[，,]")
_NOTE_AFTER_NAME = re.compile("[（(][^（）()，。]{1,8}[）)]")  # 李秀珍（彝族）、: a note on the one just named


def _group_winners(doc: Document, dm: DocumentMentions, people: list[Mention]) -> list[Relation]:
    """The members of a counted group an honor is conferred on (10名职工获评“X”), listed in a sentence after it
    (…。A公司电焊工孙立国，B中心护士长王雪梅，外卖骑手马振宇……): a run of at least three items, each a
    chain that ends in a name, closing the sentence, before any other honor is named and no longer than the count."""
    text = doc.text
    honors = sorted((m for m in dm.mentions if m.label == HONOR), key=lambda m: m.span.start)
    out = []
    for n, h in enumerate(honors):
        conferred = _GROUP_CONFERRED.search(text, max(0, h.span.start - 30), h.span.start)
        if conferred is None and not (_HOLDERS_AFTER.match(text, h.span.end)
                                      and _HOLDERS_BEFORE.search(text, max(0, h.span.start - 6), h.span.start)):
            continue
        stop = min(len(text), h.span.end + 400,
                   *(o.span.start for o in honors[n + 1:] if o.text != h.text))
        run = _winner_run(text, [p for p in people if h.span.end <= p.span.start and p.span.end <= stop])
        count = re.match("[0-9]+", conferred.group()) if conferred is not None else None
        if len(run) >= 3 and (count is None or len(run) <= int(count.group())):
            s, e = sentence_span(text, run[0].span.start, run[-1].span.end)
            if any(s <= o.span.start < e and o.text != h.text for o in honors):
                continue  # A，B，C等，获评云南省三八红旗手: the list names its own honor
            out += [Relation(AWARD, key(p), key(h), Span(doc.id, s, e)) for p in run]
    return out


def _winner_run(text: str, people: list[Mention]) -> list[Mention]:
    """The first run of people listed one after another (each after a comma, 、 or ；, with a chain of at most
    40 characters and no clause before the name) that closes its sentence; [] when there is none."""
    run: list[Mention] = []
    for p in people:
        between = text[run[-1].span.end:p.span.start] if run else ""
        if run and (note := _NOTE_AFTER_NAME.match(between)):
            between = between[note.end():]
        if run and not (between[:1] in "，,、；;" and len(between) <= 40 and not _LIST_ITEM_BREAK.search(between[1:])):
            if _WINNER_LIST_END.match(text, run[-1].span.end) and len(run) >= 3:
                return run
            run = []
        if not run and p.span.start - max(text.rfind(mark, 0, p.span.start) for mark in "，,。！？!?\n：:") > 41:
            continue  # a clause, not a chain, before the name
        run.append(p)
    return run if run and _WINNER_LIST_END.match(text, run[-1].span.end) else []


_PRIZE = "(特等奖|一等奖|二等奖|三等奖|金奖|银奖|铜奖|优胜奖)"
_PRIZE_HOLDERS = re.compile(_PRIZE + "的?(?:获得者|获奖者|得主|获奖选手)")


def _prize_winners(doc: Document, dm: DocumentMentions, people: list[Mention]) -> list[Relation]:
    """An honor conferred on a prize's winners (一等奖获得者被授予“杭州市技术能手”称号) goes to the people the clause
    that awarded the prize names before it (A公司的陈永康、B公司的吴婷婷获得一等奖；), in the same paragraph."""
    text = doc.text
    honors = [m for m in dm.mentions if m.label == HONOR]
    out = []
    for m in _PRIZE_HOLDERS.finditer(text):
        clause_end = min((k for k in (text.find(c, m.end()) for c in "，,。；;！？!?\n") if k >= 0), default=len(text))
        conferred = [h for h in honors if m.end() <= h.span.start < clause_end]
        paragraph = text.rfind("\n", 0, m.start()) + 1
        won = [w for w in re.finditer("(?:获得|荣获|获|摘得)了?" + m.group(1), text[:m.start()]) if w.start() >= paragraph]
        if not conferred or not won:
            continue
        at = won[-1].start()
        start = max(text.rfind(c, 0, at) for c in "：:；;。！？!?\n") + 1
        winners = [p for p in people if start <= p.span.start and p.span.end <= at]
        s, e = sentence_span(text, start, clause_end)
        out += [Relation(AWARD, key(p), key(h), Span(doc.id, s, e)) for p in winners for h in conferred]
    return out


_AWARDEE_LIST = re.compile(f"[{CLOSE_QUOTES}]?(?:获得者|获奖者)?(?:名单|人选)")  # 发布了“大国工匠年度人物”名单


def _roundup_awards(doc: Document, dm: DocumentMentions) -> list[Relation]:
    """A roundup names an honor for a group (99人获评全国劳动模范, 走近4位大国工匠, 发布了“大国工匠年度人物”
    名单) and then profiles its members under headings: each profiled person holds the honor."""
    text = doc.text
    profiled = profile_people(doc, dm)
    if len(profiled) < 2:
        return []
    out = []
    first_profile = min(p.span.start for p in profiled)
    for h in (m for m in dm.mentions if m.label == HONOR):
        lead = text[max(0, h.span.start - 12):h.span.start]
        if not (re.search(f"{_COUNT}(?:人|名|位)(?:获评|荣获|被评为|当选|获得|获)?$", lead)
                or _AWARDEE_LIST.match(text, h.span.end)
                # 对2026年福建五一劳动奖章获得者进行表彰…走近其中4位获奖者: the lead's honor, before any profile
                or (text.startswith(("获得者", "获奖者"), h.span.end) and h.span.end < first_profile)):
            continue
        s, e = sentence_span(text, h.span.start)
        for p in profiled:
            # one named in the honor's own sentence (in another clause's list, 孙浩宇…等10人被授予A；…等20人获得B)
            # holds what that sentence gives them
            if p.span.start > h.span.start and p.text not in text[s:e]:
                out.append(Relation(AWARD, key(p), key(h), Span(doc.id, s, e)))
    return out


def structure(doc: Document, dm: DocumentMentions) -> list[Relation]:
    """Units named inside their parent's name (郑州市宇通集团实训中心 → 郑州市宇通集团)."""
    by_text = {m.text: m for m in dm.mentions if m.label == ORGANIZATION}
    out = []
    for child, parent in dm.units:
        if child in by_text and parent in by_text:
            c, p = by_text[child], by_text[parent]
            s, e = sentence_span(doc.text, c.span.start, c.span.end)
            out.append(Relation(SUBORGANIZATION, key(c), key(p), Span(doc.id, s, e)))
    for child in sorted(by_text):
        group = group_of_unit(child, by_text)  # 集团第三工程有限公司: a unit of the group the article names
        if group is not None:
            s, e = sentence_span(doc.text, by_text[child].span.start, by_text[child].span.end)
            out.append(Relation(SUBORGANIZATION, key(by_text[child]), key(by_text[group]), Span(doc.id, s, e)))
    stated = {(r.subject, r.object) for r in out}
    out += [r for r in _stated_structure(doc, dm) if (r.subject, r.object) not in stated]
    names = sorted(by_text)
    for child in names:
        for parent in names:
            if (parent != child and child.startswith(parent) and len(child) - len(parent) >= 2
                    and legal_suffix(child) != child[len(parent):]):
                if not any(r.subject == f"{ORGANIZATION}:{child}" for r in out):
                    c = by_text[child]
                    s, e = sentence_span(doc.text, c.span.start, c.span.end)
                    out.append(Relation(SUBORGANIZATION, key(c), key(by_text[parent]), Span(doc.id, s, e)))
    return out


_PART_OF = re.compile("(?:是|为|系)")
_PART_OF_TAIL = re.compile("(?:(?:的|旗下的?)(?:核心|骨干|重要|全资|控股|直属)?(?:子公司|下属企业|下属公司|下属单位|分公司|二级单位|成员企业|成员单位)"
                           "|(?:所属|下属|旗下)的)")  # 是集团所属的大型国有农场
_BELONGS_TO = re.compile("(?:隶属于|隶属|归属于|直属于)")
# ORG位于PLACE, ORG总部设在PLACE, ORG落户PLACE
_LOCATED = re.compile("(?:(?:总部|厂区)?(?:位于|地处|坐落于|坐落在|设在)|落户(?:于|在)?)")


def _stated_structure(doc: Document, dm: DocumentMentions) -> list[Relation]:
    """What the text says of a body's place in another or on the map: ORG是ORG的全资子公司, ORG隶属于ORG
    (suborganization); ORG位于PLACE and 位于PLACE的ORG (located_in, the most specific place of the run)."""
    text = doc.text
    orgs_at = _by_start(dm.mentions, ORGANIZATION)
    org_end = {m.span.end: m for m in dm.mentions if m.label == ORGANIZATION}
    places_at = _by_start(dm.mentions, PLACE)
    out = []
    for child in sorted(org_end.values(), key=lambda m: m.span.start):
        i = child.span.end
        verb = _PART_OF.match(text, i) or _BELONGS_TO.match(text, i)
        parent = orgs_at.get(verb.end()) if verb else None
        if parent is not None and parent.text != child.text and (
                _BELONGS_TO.match(text, i) or _PART_OF_TAIL.match(text, parent.span.end)):
            s, e = sentence_span(text, i)
            out.append(Relation(SUBORGANIZATION, key(child), key(parent), Span(doc.id, s, e)))
    for m in _LOCATED.finditer(text):
        place, j = None, m.end()
        while j in places_at:  # 位于|成都市|青白江区: the last of the run
            place, j = places_at[j], places_at[j].span.end
        org = org_end.get(m.start()) or (orgs_at.get(j + 1) if text.startswith("的", j) else None)
        if place is not None and org is not None:
            s, e = sentence_span(text, m.start())
            out.append(Relation(LOCATED_IN, key(org), key(place), Span(doc.id, s, e)))
    return out


_HONOR_REFERENCE = re.compile("(?:这位|这名)[“「]?$")


def honor_references(text: str, dm: DocumentMentions) -> dict[int, tuple[int, Mention]]:
    """这位全国技术能手, 这名“齐鲁大工匠”: an honor that refers back to a person named before, by its start
    -> (the end of the phrase, the honor); not when a name follows the honor (这位全国劳模王强)."""
    people_at = {m.span.start for m in dm.mentions if m.label == PERSON}
    out = {}
    for h in (m for m in dm.mentions if m.label == HONOR):
        lead = _HONOR_REFERENCE.search(text, max(0, h.span.start - 3), h.span.start)
        end = h.span.end + (1 if text[h.span.end:h.span.end + 1] in CLOSE_QUOTES else 0)
        if lead is not None and end not in people_at:
            out[lead.start()] = (end, h)
    return out


# 这位布依族姑娘, 这名95后: a person named before, referred to by what they are
_DESCRIBED_PERSON = re.compile("(?<![\u4e00-\u9fff])这(?:位|名)(?=[\u4e00-\u9fff0-9])")
_PERSON_NOUNS = ("姑娘", "小伙", "小伙子", "年轻人", "汉子", "女孩", "小姑娘", "老人", "老党员", "党员", "师傅",
                 "大姐", "大哥", "阿姨", "大叔", "女工", "工匠", "青年", "后生", "母亲", "父亲", "妈妈", "老兵",
                 "80后", "85后", "90后", "95后", "00后", "女子", "男子", "媳妇")
_DESCRIPTION_CHARS = 8  # 这位年轻的布依族姑娘; longer ones (这位来自贵州山区的布依族姑娘) often start a new clause
_TITLED_DESCRIPTION_CHARS = 12  # 这位镜片车间的高级技师: a unit and a title


def described_people(text: str, dm: DocumentMentions, rec: Recognizer) -> dict[int, int]:
    """这位布依族姑娘, 这名年轻的质检员: a phrase that refers back to a person named before, by its start
    -> its end (the shortest that ends in a word for a person or a title); not when a name follows
    (这位老师傅王强) or the phrase holds a clause break."""
    people = sorted((m for m in dm.mentions if m.label == PERSON), key=lambda m: m.span.start)
    people_at = {m.span.start for m in people}
    out = {}
    for m in _DESCRIBED_PERSON.finditer(text):
        for end in range(m.end() + 1, min(len(text), m.end() + _TITLED_DESCRIPTION_CHARS) + 1):
            phrase = text[m.end():end]
            if not (is_han(text[end - 1]) or text[end - 1].isdigit()):
                break
            if (phrase.endswith(_PERSON_NOUNS) and len(phrase) <= _DESCRIPTION_CHARS) or rec.title_ending_at(text, end):
                while end < len(text) and (text[m.end():end + 1].endswith(_PERSON_NOUNS)
                                           or rec.title_ending_at(text, end + 1)):
                    end += 1  # 这位老师傅, not 这位老师
                head = next((w for w in _PERSON_NOUNS if text.endswith(w, 0, end)), None) or rec.title_ending_at(text, end)
                if end not in people_at and head not in _UNNAMED_HEADS and not _introduced_unnamed(
                        text, people, m.start(), head):
                    out[m.start()] = end
                break
    return out


_UNNAMED_HEADS = frozenset({"负责人"})  # 有关负责人…。这位负责人说: officials news leaves unnamed


def _introduced_unnamed(text: str, people: list[Mention], i: int, head: str) -> bool:
    """Whether the person word ``head`` of a reference at ``i`` names someone unnamed since the last name
    (…要求小伙子开具发票时，这位小伙子说), rather than what that person is (罗丽是一位布依族姑娘。这位姑娘…)."""
    last = _last_person_before(people, i)
    between = text[last.span.end if last else max(0, i - 200):i]
    return any(not re.search("(?:是|成为|当|做)[了]?(?:一名|一位|一个)?[\u4e00-\u9fff]{0,6}$", between[:k.start()])
               for k in re.finditer(re.escape(head), between))


def _honor_back_references(doc: Document, dm: DocumentMentions, rec: Recognizer) -> list[Relation]:
    """王强…。这位全国技术能手…: the person last named holds the honor."""
    people = sorted((m for m in dm.mentions if m.label == PERSON), key=lambda m: m.span.start)
    out = []
    for i, (_, h) in honor_references(doc.text, dm).items():
        person = _antecedent(doc.text, people, i, rec)
        if person is not None:
            s, e = sentence_span(doc.text, i)
            out.append(Relation(AWARD, key(person), key(h), Span(doc.id, s, e)))
    return out


# 他的儿子王小强也获得了这一称号; 获此称号的还有焊工李明、…: the honor named last before
_SAME_HONOR = re.compile("(?:获得|荣获|获|摘得|赢得|拿到|捧得)了?(?:这一|这个|此|该|同一|同样的|这项)(?:荣誉称号|称号|荣誉|奖章|奖项|殊荣)")
_UNREAD_HONOR = re.compile("[“「][^”」]{2,16}[”」](?:称号|荣誉称号)")
_ALSO_HONORED = re.compile(
    "(?:(?:获|获得|荣获)(?:此|这一|该)(?:荣誉称号|称号|荣誉|殊荣|奖章)"  # 获此称号的还有
    "|(?:(?:与|和|跟)[\u4e00-\u9fff·]{2,8})?(?:同时|一同|一起|一道|同样)(?:获评|获得|荣获|当选)(?:奖章|称号|荣誉)?)"
    "的[，,]?(?:还有|也有|另有)")  # 同时获评的还有, 与曲延波一同获得奖章的，还有


def _same_honor(doc: Document, dm: DocumentMentions, people: list[Mention], rec: Recognizer) -> list[Relation]:
    """An honor named again by 这一称号 goes to the one said to win it (the last name before the verb in its
    sentence, else a pronoun's antecedent) or to each person listed after 获此称号的还有."""
    text = doc.text
    honors = sorted((m for m in dm.mentions if m.label == HONOR), key=lambda m: m.span.end)
    out = []
    for pattern, listed in ((_SAME_HONOR, False), (_ALSO_HONORED, True)):
        for m in pattern.finditer(text):
            honor = next((h for h in reversed(honors) if h.span.end <= m.start()), None)
            if honor is None or m.start() - honor.span.end > 600 or _UNREAD_HONOR.search(text, honor.span.end, m.start()):
                continue  # “山城最美环卫工人”称号 came after the last honor read: 此称号 is that one
            s, e = sentence_span(text, m.start())
            if listed:
                winners = [p for p in people if m.end() <= p.span.start < e]
            else:
                named = [p for p in people if s <= p.span.start and p.span.end <= m.start()]
                pronoun = re.search("(?<![\u4e00-\u9fff])[他她](?![们的])", text[s:m.start()])
                winner = named[-1] if named else (_antecedent(text, people, s + pronoun.start(), rec) if pronoun else None)
                winners = [winner] if winner is not None else []
            out += [Relation(AWARD, key(p), key(honor), Span(doc.id, s, e)) for p in winners]
    return out


# 邹远山名列其中, 丁浩也榜上有名: the one named is on the list of the honor named before
_ON_THE_LIST = re.compile("(?:也|还|均|都)?(?:名列其中|榜上有名|位列其中|赫然在列|在列)")
# 记者在奖章获得者名单中看到，A、ORG TITLE B等: the names the list is said to hold
_LIST_HOLDS = re.compile("名单(?:中|里|上)?(?:看到|有|包括|还有)?[，,：:]")


def _honor_lists(doc: Document, dm: DocumentMentions, people: list[Mention], rec: Recognizer) -> list[Relation]:
    """Holders of an honor named through its list: NAME名列其中 / 也榜上有名, and 名单中看到，A、B等
    (the honor is the last one named before, at most a few sentences back)."""
    text = doc.text
    honors = sorted((m for m in dm.mentions if m.label == HONOR), key=lambda m: m.span.end)

    def honor_before(i: int) -> Mention | None:
        h = next((h for h in reversed(honors) if h.span.end <= i), None)
        return h if h is not None and i - h.span.end <= 300 and not _UNREAD_HONOR.search(text, h.span.end, i) else None

    out = []
    for m in _ON_THE_LIST.finditer(text):
        s, e = sentence_span(text, m.start())
        last = next((p for p in people if p.span.end == m.start()), None)
        honor = honor_before(m.start())
        if last is not None and honor is not None:
            out += [Relation(AWARD, key(p), key(honor), Span(doc.id, s, e)) for p in _listed_before(text, people, last, rec)]
    for m in _LIST_HOLDS.finditer(text):
        s, e = sentence_span(text, m.start())
        end = text.find("等", m.end(), e)
        named = [p for p in people if m.end() <= p.span.start and p.span.end <= (end if end >= 0 else e)]
        honor = honor_before(m.start())
        if named and honor is not None and end >= 0 and text[named[-1].span.end:end] == "":
            out += [Relation(AWARD, key(p), key(honor), Span(doc.id, s, e))
                    for p in _listed_before(text, people, named[-1], rec) if p.span.start >= m.end()]
    return out


def find_relations(doc: Document, dm: DocumentMentions, rec: Recognizer) -> list[Relation]:
    """Every fact the document states, with its evidence span."""
    orgs = [m for m in dm.mentions if m.label == ORGANIZATION]
    people = sorted((m for m in dm.mentions if m.label == PERSON), key=lambda m: m.span.start)
    relations = frame_relations(dm.frames, orgs)
    relations += _role_after_name(doc, people, rec)
    relations += _affiliation_verbs(doc, dm, rec)
    relations += _award_verbs(doc, dm, rec)
    relations += _roundup_awards(doc, dm)
    relations += _listed_awards(doc, dm)
    relations += _published_lists(doc, dm)
    relations += _class_lists(doc, dm)
    relations += _honor_back_references(doc, dm, rec)
    relations += _quotes(doc, dm, rec)
    relations += _elected_together(doc, people, relations, rec)
    relations += _posts_held_by(doc, dm, people, rec)
    relations += _same_honor(doc, dm, people, rec)
    relations += _honor_lists(doc, dm, people, rec)
    relations += _group_winners(doc, dm, people)
    relations += _prize_winners(doc, dm, people)
    relations += structure(doc, dm)
    return _without_occupations(_in_context_orgs(_without_bare_repeats(_unique(relations)), doc, dm, rec), rec)


# Posts the context can place: a workplace's titles, not a party or government office (总书记, 县长), nor a
# worker's occupation (dropped below), nor a retiree's former one; each in the kinds of body that have it
# (None: a name with no suffix, 沪东中华). Titles of any body (主任, 主席) take only a body named beside them.
_CONTEXT_KINDS: dict[str, frozenset[str | None]] = {
    "enterprise": frozenset({"company", "group", "unit", "team", "research", None}),
    "worker": frozenset({"company", "group", "unit", "team"}),
    "academic": frozenset({"school", "research", "unit", None}),
    "education": frozenset({"school", "unit", "team", None}),
    "medical": frozenset({"hospital", "unit", None}),
    "legal": frozenset({"court", "procuratorate", "company", None}),
    "union": frozenset({"union", "unit"}),
    "other": frozenset({"company", "group", "unit", "team", "research", "school", "hospital", "court", "union",
                        "social", None}),
}
_NEAR_ONLY = frozenset({"other", "union", "worker"})
_BODY_KINDS = frozenset({"company", "group", "research", "school", "hospital", "court", "procuratorate"})
_NO_CONTEXT_PREFIXES = ("退休", "离休")


def base_title(role: str, rec: Recognizer) -> str | None:
    """The longest lexicon title that ``role`` ends with (车间主任 for 总装车间主任), or None."""
    return next((role[k:] for k in range(len(role)) if role[k:] in rec.lex.titles), None)


def _in_context_orgs(relations: list[Relation], doc: Document, dm: DocumentMentions, rec: Recognizer) -> list[Relation]:
    """Give a workplace post with no organization in its chain the one the article makes clear
    (ANNOTATION.md: "a title with its organization implied by context gets that organization"):

    1. the person's post in an organization elsewhere in the article (焊工马晓雯 … 班长马晓雯);
    2. the body of the unit written before the title (总装车间主任 after 211厂总装车间 is named: 211厂;
       福清核电副总经理 with 中核集团福建福清核电有限公司 named); a name there that no body matches
       (军委主席, 中国足协专职副主席) leaves the post without one;
    3. the nearest body of a kind that has the title, named before it in the same paragraph (站长林小燕 after
       the station is named), but for a worker's title not before the item when it opens an item of a list of
       people (…保洁员李淑琴，外卖骑手马振宇); else the one body where the text says the person works
       (外卖配送员卢志勇，在ORG的站点跑单), which then needs no bare affiliation of its own;
    4. for a worker's title, the one body of a kind that has it the article has named before (a feature names
       the workplace in its lead and the workers in later paragraphs);
    5. for a workplace's own titles (工程师, 车间主任, 法官) and a worker's (焊工, 叉车司机), the body of that kind
       the article names most (a whole body, by a name with a suffix that tells its kind: not a unit, 财政部|,
       nor 沪东中华), but none for work on one's own account (货车司机, 外卖骑手).
    """
    orgs = sorted((m for m in dm.mentions if m.label == ORGANIZATION), key=lambda m: m.span.start)
    if not orgs:
        return relations
    person_ends = {m.span.end for m in dm.mentions if m.label == PERSON}
    counts: dict[str, int] = {}
    for m in orgs:  # a name inside a longer one (中铁大桥局集团|第五工程有限公司) is not named on its own
        if not any(o.span.start <= m.span.start and m.span.end <= o.span.end and o.span != m.span for o in orgs):
            counts[m.text] = counts.get(m.text, 0) + 1
    own: dict[str, list[Relation]] = {}
    works: dict[str, list[Relation]] = {}  # where each person works, with no post named (在ORG工作, 进入ORG)
    for r in relations:
        if r.kind == MEMBERSHIP and r.object is not None:
            (own if r.role else works).setdefault(r.subject, []).append(r)
    out = []
    placed: set[tuple[str, str]] = set()
    for r in relations:
        if r.kind == MEMBERSHIP and r.object is None and r.role and not r.role.startswith(_NO_CONTEXT_PREFIXES):
            base = base_title(r.role, rec)
            if base is not None and rec.lex.titles[base] in _CONTEXT_KINDS:
                workplace = None if r.subject in own else _workplace(base, works.get(r.subject, []), rec)
                found = _context_org(r, base, own.get(r.subject, []), workplace, orgs, counts, person_ends,
                                     doc.text, rec)
                if found is not None and (key(found) if isinstance(found, Mention) else found) == workplace:
                    placed.add((r.subject, workplace))  # 外卖配送员卢志勇，在ORG的站点跑单: one post there
                if isinstance(found, Mention):
                    # 黔茗茶业|总经理, 福清核电|副总经理: the body's own name is no part of the post
                    named = next((u for u in _title_units(r.role, rec) if _bare_form_of(u, found.text)), "")
                    r = replace(r, object=key(found), role=r.role[len(named):])
                else:
                    r = replace(r, object=found)
        out.append(r)
    return [r for r in out if not (r.kind == MEMBERSHIP and r.role is None and (r.subject, r.object) in placed)]


def _workplace(base: str, works: list[Relation], rec: Recognizer) -> str | None:
    """The one body, of a kind that has the title ``base``, where the text says the person works (None: none, or
    several)."""
    kinds = _CONTEXT_KINDS[rec.lex.titles[base]]
    fits = {w.object for w in works if w.object is not None and rec.unit_kind(w.object.split(":", 1)[1]) in kinds}
    return fits.pop() if len(fits) == 1 else None


def _context_org(r: Relation, base: str, own: list[Relation], workplace: str | None, orgs: list[Mention],
                 counts: dict[str, int], person_ends: set[int], text: str, rec: Recognizer) -> Mention | str | None:
    title_at = text.find(r.role, r.evidence.start, r.evidence.end)
    at = title_at if title_at >= 0 else r.evidence.start
    if rec.lex.titles[base] == "worker":  # 货车司机黄伟强…如今是联合会兼职副主席: his union is not where he drives
        own = [o for o in own if not _union_or_society(o.object, rec)]
    if own:
        before = [o for o in own if o.evidence.start <= at]
        return (before[-1] if before else own[0]).object
    aliased = _aliased_body(text, at + len(r.role) - len(base), orgs, rec)
    if aliased is not None:
        return aliased
    if (at > 0 and text[at - 1] in _BODY_END_CHARS and not any(m.span.end == at for m in orgs)
            and not rec.generic_unit(_han_run_before(text, at))):  # (炼铁厂|3号高炉工长: a plant of the body named)
        return None  # 川中|钻井分公司|工会主席: a body the recognizer missed holds it, not one named earlier
    unit = r.role[:-len(base)]
    for part in _title_units(r.role, rec):
        named = [m for m in orgs if m.span.start < at and m.text.endswith(part)]
        if not named:  # the body's short name before its title: its full name holds it, with at most a form after
            named = [m for m in orgs if len(m.text) > len(part) and _bare_form_of(part, m.text)]
        if named:
            unit_of = named[-1] if named[-1].span.start < at else named[0]
            # the body, as for 中原区总工会办公室主任 (the title keeps the unit): 211厂|总装车间 → 211厂
            return next((m for m in orgs if m.span.start == unit_of.span.start
                         and m.span.end == unit_of.span.end - len(part)), unit_of)
    if len(unit) >= 2 and not rec.generic_unit(unit):
        return None
    if len(base) == 2 and base[1] == "长":  # 站长 after 营盘消防救援站 is named: the body whose class the title names
        heads = [m for m in orgs if m.span.start < at and m.text.endswith(base[0]) and rec.unit_kind(m.text) is not None]
        if heads:
            return heads[-1]
    category = rec.lex.titles[base]
    if category == "other" and len(unit) >= 2 and rec.unit_kind(unit) in ("unit", "team"):
        category = "enterprise"  # 调度中心主任: the head of a unit in common words, in the body the article is about
    setting = _SETTING.match(text, sentence_span(text, at)[0], at) if category == "worker" else None
    if setting is not None and any(m.group(0) for m in rec.lex.place_re.finditer(setting.group())):
        return None  # 在广东，电工李明说: a worker set somewhere else than the body named before (not 在机库一角，)
    if category == "worker" and _at_a_union(text, at, orgs, rec):
        return None  # 在区总工会法律援助工作站，建筑工人罗德贵: a visitor, no member
    kinds = _CONTEXT_KINDS[category]
    # (a studio, 邹德海技能大师工作室, is where a master teaches, not the workplace that holds a post)
    fits = [m for m in orgs if rec.unit_kind(m.text) in kinds and not m.text.endswith("工作室")]
    item = max(text.rfind(mark, 0, at) for mark in "，,、；;")
    if category == "worker" and item > 0 and item in person_ends:
        # …保洁员李淑琴，|外卖骑手马振宇: an item of a list of workers; a body named before it is another's
        # (a list of officers shares its body: 民革中央常务副主席周铁农，|秘书长刘民复)
        return next((m for m in reversed(fits) if item < m.span.start and m.span.end <= at), None)
    if category == "worker":
        fits = [m for m in fits if "工会" not in m.text]  # 在区总工会法律援助工作站，建筑工人罗德贵: a visitor
    trade = _trade_of(base)
    # (or a unit: 调解员 after 西安市劳动争议调解中心 is named; not 技术员 after a 技术学院)
    by_trade = [m for m in orgs if trade and trade in m.text and m.span.end <= at and "工会" not in m.text
                and (m in fits or rec.unit_kind(m.text) == "unit")]
    if trade and len({m.text for m in by_trade}) == 1:
        return by_trade[-1]  # 引航员 after 南京引航站 is named (and a shipping company after it): the body of that work
    paragraph = text.rfind("\n", 0, at) + 1
    near = [m for m in fits if paragraph <= m.span.start and m.span.end <= at]
    if near:
        return near[-1]
    if workplace is not None:
        return workplace
    named = [m for m in fits if rec.unit_kind(m.text) in _BODY_KINDS]  # a whole body, by a name that tells its kind
    if category == "worker":
        earlier = [m for m in named if m.span.end <= at]
        if earlier and len({m.text for m in earlier}) == 1:
            return earlier[-1]
        if base in _OWN_ACCOUNT_TITLES:
            return None  # 货车司机黄伟强: on his own account, not the employee of a body the article names
        if not named:
            return None
        named_often = _times_named(named, counts)
        most = max(named_often.values(), default=0)
        if len({t for t, n in named_often.items() if n == most and rec.unit_kind(t) == "company"}) > 1:
            return None  # two companies named as often: which one the worker works for, the article does not say
        return max(named, key=lambda m: named_often[m.text])
    elif category in _NEAR_ONLY:
        return None
    if not named:
        return None
    return max(named, key=lambda m: counts.get(m.text, 0))  # max keeps the first of equals: the earliest named


def _han_run_before(text: str, at: int, longest: int = 8) -> str:
    """The Chinese characters right before ``at``, back to a pause or other mark (at most ``longest``)."""
    k = at
    while k > max(0, at - longest) and is_han(text[k - 1]):
        k -= 1
    return text[k:at]


def _trade_of(title: str) -> str:
    """The work a title of three or more characters names (引航 of 引航员, 监测 of 监测员, 修复 of 修复师), or ""."""
    return title[:-1] if len(title) >= 3 and title[-1] in "员工师手" else ""


def _at_a_union(text: str, at: int, orgs: list[Mention], rec: Recognizer) -> bool:
    """Whether the clause before the one at ``at`` sets the scene at a union's place (在…总工会…工作站，)."""
    clause_end = max(text.rfind("，", 0, at), text.rfind(",", 0, at))
    clause_start = max(text.rfind(mark, 0, clause_end) for mark in "，,。；;！？\n") + 1
    return (clause_end > 0 and text.startswith("在", clause_start)
            and any(clause_start < m.span.start < clause_end and _union_or_society(key(m), rec) for m in orgs))


def _times_named(bodies: list[Mention], counts: dict[str, int]) -> dict[str, int]:
    """How often the article names each of ``bodies``, by any of its forms among them (中铁大桥局五公司 is a form of
    中铁大桥局集团第五工程有限公司, though linking has yet to say so)."""
    names = {m.text for m in bodies}
    return {t: sum(counts.get(u, 0) for u in names if u == t or (len(u) < len(t) and is_subsequence(u, t)))
            for t in names}


def _union_or_society(org: str | None, rec: Recognizer) -> bool:
    name = (org or ":").split(":", 1)[1]
    return "工会" in name or rec.unit_kind(name) in ("union", "social")


def _aliased_body(text: str, base_at: int, orgs: list[Mention], rec: Recognizer) -> Mention | None:
    """The body named earlier that the words before a title refer back to: the tail of its name (运营分公司|工会主席
    after 长沙麓山轨道交通集团有限公司运营分公司), or a body's class alone (项目|工会主席, 公司|工会女工委员会|主任:
    the nearest company named before)."""
    before = [m for m in orgs if m.span.end <= base_at]
    window = text[max(0, base_at - 16):base_at]
    union = _OWN_UNION_RE.search(window)
    lead = window[:union.start()] if union else window
    for m in reversed(before):
        tail = next((m.text[k:] for k in range(1, len(m.text) - 2) if lead.endswith(m.text[k:])), None)
        if tail is not None and len(tail) >= 4 and not is_han(lead[-len(tail) - 1:-len(tail)] or "。"):
            return m
    generic = _ALIAS_CLASS_RE.search(lead)
    if generic is None:
        return None
    word = generic.group(1)
    if word in ("项目", "项目部", "公司", "集团"):
        fits = [m for m in before if rec.unit_kind(m.text) in ("company", "group")]
        if word == "公司":
            fits = the_companies(fits, text, rec)
    else:
        fits = [m for m in before if m.text.endswith(word)]
    return fits[-1] if fits else None


# a body's class standing for the body named before, at a clause start or after 该/其/本 (项目|工会主席, 公司|工会…)
_ALIAS_CLASS_RE = re.compile(r"(?:^|[^\u4e00-\u9fff]|[该其本])(分公司|公司|集团|项目部|项目|总厂|厂)$")
_OWN_UNION_RE = re.compile("工会(?:女工委员会|女职工委员会)?$")  # the body's union, or its women's committee
_SETTING = re.compile("在[^，,。；;！？!?]{1,12}[，,]")  # 在广东，…: where the sentence is set
_BODY_END_CHARS = frozenset("司厂局院会校矿")  # the last character of most bodies (not of teams and departments: 队, 部)


def _title_units(role: str, rec: Recognizer) -> list[str]:
    """What may name a unit or body before the title in ``role``, longest first: the unit may end in a word
    the title starts with (装配车间|主任, 装配|车间主任)."""
    return [role[:k] for k in range(len(role) - 1, 1, -1) if role[k:] in rec.lex.titles]


def _bare_form_of(short: str, name: str) -> bool:
    """Whether ``short`` names the body ``name`` (itself, or with a legal form after it), not a unit of it."""
    if short not in name:
        return False
    rest = name[name.index(short) + len(short):]
    return rest == "" or legal_suffix(rest) == rest


def _without_occupations(relations: list[Relation], rec: Recognizer) -> list[Relation]:
    """Drop a worker's title held in no organization (焊工罗小军, 叉车司机吴建军): an occupation that describes the
    person, whose workplace the article leaves to the context, not a post; keep it for work done on one's own
    account, where no employer is to be named (外卖骑手马振宇, 网约车司机陈秀玲: the title with no organization,
    as ANNOTATION.md has it). A nationality before the title is no part of it (彝族司机 is a 司机)."""
    def occupation(role: str) -> bool:
        base = base_title(role, rec)
        return base is not None and rec.lex.titles[base] == "worker" and base not in _OWN_ACCOUNT_TITLES
    out = []
    for r in relations:
        if r.kind == MEMBERSHIP and r.object is None and r.role:
            if occupation(r.role):
                continue
            nationality = _NATIONALITY_RE.match(r.role)
            if nationality is not None and nationality.end() < len(r.role):
                r = replace(r, role=r.role[nationality.end():])
        out.append(r)
    return out


# occupations without an employer: platform and road work on one's own account
_OWN_ACCOUNT_TITLES = frozenset({"骑手", "外卖骑手", "外卖员", "外卖配送员", "配送员", "快递员", "网约车司机", "货车司机",
                                 "出租车司机"})
_NATIONALITY_RE = re.compile("[\u4e00-\u9fff]{1,4}族")


def _without_bare_repeats(relations: list[Relation]) -> list[Relation]:
    """Drop a post with no organization when the article gives the same person the same post in one
    (热轧总厂质检班班长周红梅 in the headline, 质检班班长周红梅 later): one post, not two."""
    placed = [(r.subject, r.role) for r in relations if r.kind == MEMBERSHIP and r.object and r.role]
    return [r for r in relations
            if not (r.kind == MEMBERSHIP and r.object is None and r.role
                    and any(s == r.subject and (role.endswith(r.role) or r.role.endswith(role)) for s, role in placed))]


def _unique(relations: list[Relation]) -> list[Relation]:
    seen = set()
    out = []
    for r in relations:
        k = (r.kind, r.subject, r.object, r.role, r.text)
        if k not in seen:
            seen.add(k)
            out.append(r)
    return out


LEVEL_RANK = {"province": 0, "prefecture": 1, "county": 2}


def organization_places(name: str, lex) -> str | None:  # noqa: ANN001 - Lexicons, kept import-light
    """The most specific place named inside an organization's name, as a canonical place name.

    郑州市中原区总工会 → 中原区; 国网青海省电力公司 → 青海省; 郑州高新区工会 → 郑州高新区.
    """
    from kg.link import place_canonical

    best, best_rank = None, -1
    for m in lex.place_re.finditer(name):
        if not m.group(0):
            continue
        zone = place_canonical(name[m.start():], lex)
        full = lex.place_alias[m.group(0)]
        rank = LEVEL_RANK.get(lex.places[full].level, 0)
        tail = name[m.end():].removeprefix("市")
        for suffix in ZONE_SUFFIXES:
            if tail.startswith(suffix):
                candidate = place_canonical(name[m.start():m.end()] + suffix, lex)
                if candidate:
                    full, rank = candidate, 3
                break
        del zone
        if rank > best_rank:
            best, best_rank = full, rank
    return best
