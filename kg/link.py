"""Link every mention to one entity, within an article and across articles.

Within an article a short form is linked to the one fuller name it stands for (一重 → 中国一重,
高新区 → 郑州高新区, 习总书记 → 习近平). Across articles, organizations and places with the same
canonical name are one entity; people with the same name are one entity unless the texts put them
in different organizations. Entity ids are hashes of canonical keys, so they are stable across runs
and independent of input order.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from kg.extract import (_NAMED_ZONE_RE, _ZONE_RE, LOCAL_BODIES, REGION_LEVELS, DocumentMentions, Recognizer,
                        group_of_unit, legal_suffix, occurrences, org_cores)
from kg.lexicon import Lexicons
from kg.types import AWARD, HONOR, MEMBERSHIP, ORGANIZATION, PERSON, PLACE, Document, Entity, Mention, Relation

_ID_PREFIX = {PERSON: "person", ORGANIZATION: "org", PLACE: "place", HONOR: "honor"}


def entity_id(label: str, key: str) -> str:
    """A stable id for an entity of type ``label`` with canonical ``key``.

    >>> entity_id("Person", "李会东")
    'person-cce178def58a'
    """
    return f"{_ID_PREFIX[label]}-" + hashlib.sha1(f"{label}\t{key}".encode("utf-8")).hexdigest()[:12]


@dataclass(frozen=True, slots=True)
class LinkedDocument:
    """One document after linking: mentions with entity ids, relations between entity ids."""

    document: Document
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]


@dataclass(frozen=True)
class Resolution:
    """What linking learns from one document alone (:func:`resolve_document`); workers compute it beside the
    extraction, and the cache keeps it, so a build links across documents only.

    ``short_forms``: mentions of the document's organizations under a shorter name the text also uses;
    ``canon``: each surface key (``label:text``) to its canonical (label, name) within the document.
    """

    short_forms: tuple[Mention, ...]
    canon: dict[str, tuple[str, str]]


def place_canonical(text: str, lex: Lexicons) -> str | None:
    """郑州 → 郑州市; 郑州市高新区 → 郑州高新区; 长春市汽车经济技术开发区 → 长春汽车经济技术开发区; unknown → None."""
    if text in lex.place_alias:
        return lex.place_alias[text]
    if len(text) >= 3 and text.endswith(("街道", "镇", "乡", "村")):
        return text
    if len(text) >= 4 and text.endswith("新区") and text not in lex.place_alias:
        place = lex.place_re.match(text)  # 两江新区, 青岛西海岸新区: a zone named by a word of its own
        if place and place.group(0):
            return lex.places[lex.place_alias[place.group(0)]].short + text[place.end():].removeprefix("市")
        return text
    county = lex.place_alias.get(text[:-1]) if text.endswith(("市", "区")) else None
    if county is not None and lex.places[county].level == "county" and county[-1] != text[-1]:
        return county  # 邹平市, 海门区: the county of that name, made a city or a district after the lexicon was drawn up
    m = _ZONE_RE.search(text)
    if m and m.end() == len(text) and m.start() > 0:
        city = text[:m.start()].removesuffix("市")
        if city in lex.place_alias or city + "市" in lex.place_alias:
            short = lex.places[lex.place_alias.get(city) or lex.place_alias[city + "市"]].short
            return short + text[m.start():]
    place = lex.place_re.match(text)
    if place and place.group(0) and _NAMED_ZONE_RE.fullmatch(text, place.end() + text.startswith("市", place.end())):
        return lex.places[lex.place_alias[place.group(0)]].short + text[place.end():].removeprefix("市")  # 长春汽车经济技术开发区
    return None


def _local_body(m: Mention, mentions: list[Mention], lex: Lexicons, rec: Recognizer) -> str | None:
    """省总工会, 市教育局: the body of the province (city) the article last named before it
    (黑龙江省…省总工会 → 黑龙江省总工会); None when the article names none (or 市 starts a word: 市场监管局)."""
    word = next((w for w in REGION_LEVELS if m.text.startswith(w)), None)
    first = rec.segmenter.tokens(m.text)[0].text if word is not None else ""
    if word is None or len(m.text) < len(word) + 1 or not (first in (word, word + "委", m.text) or first.startswith(word)
                                                          and first[len(word):] in LOCAL_BODIES):  # 县总工会 as one word
        return None
    places = [lex.place_alias[p.text] for p in mentions
              if p.label == PLACE and p.span.start < m.span.start and p.text in lex.place_alias]
    places = [p for p in places if lex.places[p].level == REGION_LEVELS[word] and p.endswith(word)]
    return places[-1] + m.text[len(word):] if places else None


def level_only_form(alias: str, name: str) -> bool:
    """Whether ``alias`` names the body ``name`` by its place's level alone (县总工会 for 阜南县总工会, 省委 for 青海省委):
    a form that means it only in the article that wrote it, so no name of it across articles.

    >>> level_only_form("县总工会", "阜南县总工会"), level_only_form("阜南县总工会", "安徽省阜南县总工会")
    (True, False)
    """
    level = next((w for w in REGION_LEVELS if alias.startswith(w)), None)
    return level is not None and len(name) > len(alias) and name.endswith(alias)


def _unit_tails(name: str) -> list[str]:
    """``name`` and what follows each group or company inside it, which a short form may abbreviate:
    宝武钢铁集团马鞍山钢铁股份有限公司热轧总厂 → …, 马鞍山钢铁股份有限公司热轧总厂 (马钢热轧总厂), …"""
    tails = [name] + [name[m.end():] for m in re.finditer("集团|公司", name[:-2]) if len(name) - m.end() >= 4]
    form = legal_suffix(name)
    core = name[:-len(form)] + ("集团" if form.startswith("集团") else "") if form and form != name else ""
    if core.endswith("集团") and len(core) >= 7:
        tails.append(core)  # 闽海隧道集团 for 闽海隧道工程集团有限公司: a long group name without its legal form
    return tails


def is_abbreviation(short: str, full: str) -> bool:
    """Whether ``short`` abbreviates ``full`` the Chinese way: some of its characters, in order, keeping
    the first and one of the last two (中国科大 ← 中国科学技术大学, 上海二中院 ← 上海市第二中级人民法院).

    >>> is_abbreviation("中国科大", "中国科学技术大学")
    True
    >>> is_abbreviation("中国电信", "中国科学技术大学")
    False
    >>> is_abbreviation("宇通集团有限公司", "宇通集团有限公司郑州分公司")
    False
    """
    if len(short) < 3 or len(short) >= len(full) or short[0] != full[0] or short[-1] not in full[-2:]:
        return False
    if full.startswith(short):
        return False  # 中国石化集团有限公司 is the parent of 中国石化集团有限公司镇海分公司, not its short form
    form = legal_suffix(short)
    rest = full[len(short) - len(form):] if form else ""
    if form and full.startswith(short[:-len(form)]) and legal_suffix(rest) != rest:
        return False  # 远捷物流集团有限公司 is the parent of 远捷物流集团浙江有限公司 (a province's company), not short for it
    i = 0
    for ch in full:
        if i < len(short) and ch == short[i]:
            i += 1
    return i == len(short)


def _body_of_a_wider_place(short: str, full: str, lex: Lexicons) -> bool:
    """Whether ``short`` names the same kind of body for a place that contains ``full``'s:
    南京市总工会 is not short for 南京市江宁区总工会 (the characters it drops are a place, 江宁区)."""
    m = lex.place_re.match(short)
    if not m or not m.group(0) or not full.startswith(m.group(0)):
        return False
    rest = full[m.end():].removeprefix("市")
    inner = lex.place_re.match(rest)
    return bool(inner and inner.group(0)) and not short[m.end():].startswith(inner.group(0))


def _short_form_mentions(doc: Document, mentions: list[Mention], lex: Lexicons, rec: Recognizer) -> list[Mention]:
    """Find the short forms of the article's organizations wherever the text uses them."""
    orgs = sorted({m.text for m in mentions if m.label == ORGANIZATION}, key=len, reverse=True)
    taken = [(m.span.start, m.span.end) for m in mentions if m.label in (ORGANIZATION, PERSON, HONOR)]
    extra = []
    for name in orgs:
        for core in org_cores(name, lex, rec):
            if core in orgs:
                continue
            for i in occurrences(core, doc.text):
                j = i + len(core)
                if any(a <= i and j <= b for a, b in taken):
                    continue
                extra.append(Mention(core, ORGANIZATION, replace(mentions[0].span, start=i, end=j)))
                taken.append((i, j))
    return extra


_QUOTE_MARKS = re.compile("[“”「」]")


def resolve_document(doc: Document, dm: DocumentMentions, lex: Lexicons, rec: Recognizer) -> Resolution:
    """Map each mention surface to a canonical (label, name) within one document."""
    mentions = list(dm.mentions)
    short_forms = _short_form_mentions(doc, mentions, lex, rec) if mentions else []
    mentions += short_forms
    canon: dict[str, tuple[str, str]] = {}
    orgs = sorted({m.text for m in mentions if m.label == ORGANIZATION}, key=len, reverse=True)
    cores: dict[str, list[str]] = {}  # org_cores per name, once per document (it was linking's hot spot)

    def cores_of(name: str) -> list[str]:
        if name not in cores:
            cores[name] = org_cores(name, lex, rec)
        return cores[name]

    zones = sorted({place_canonical(m.text, lex) for m in mentions if m.label == PLACE} - {None}, key=len)
    for m in mentions:
        k = f"{m.label}:{m.text}"
        if k in canon:
            continue
        if m.label == PLACE:
            full = place_canonical(m.text, lex)
            if full is None:
                hits = [z for z in zones if z.endswith(m.text) and z != m.text]
                full = hits[0] if len(set(hits)) == 1 else None
            if full is not None:
                canon[k] = (PLACE, full)
        elif m.label == ORGANIZATION:
            target = m.text
            if m.text in lex.known_orgs:  # 全总, 国资委: the full name, the same in every article
                canon[k] = (ORGANIZATION, lex.known_orgs[m.text])
                continue
            for longer in orgs:
                if len(longer) > len(m.text) and (longer.endswith(m.text) or m.text in cores_of(longer)):
                    target = longer
            if target == m.text:
                # 集团浙江公司: the group's own word, then the short form of its unit (浙江公司 for 浙江有限公司)
                forms = [m.text, m.text[2:]] if m.text.startswith(("集团", "公司")) and len(m.text) >= 6 else [m.text]
                # (楚钢集团 for 武汉楚江钢铁集团有限公司: the abbreviation may leave out the place)
                abbreviated = [o for o in orgs if any(is_abbreviation(f, form) and not _body_of_a_wider_place(f, form, lex)
                                                      for form in (*_unit_tails(o), *cores_of(o)) for f in forms)
                               and not _body_of_a_wider_place(m.text, o, lex)
                               # 公司人力资源部: the company's department, not a ministry (人力资源和社会保障部)
                               and (len(forms) == 1 or "公司" in o or "集团" in o)]
                if abbreviated and all(abbreviated[0].endswith(o) for o in abbreviated):
                    target = abbreviated[0]  # one body, under its full and shorter names (orgs: longest first)
            group = group_of_unit(m.text, orgs) if target == m.text else None
            if group is not None:  # 集团第三工程有限公司 after 闽海隧道工程集团有限公司: 闽海隧道工程集团第三工程有限公司
                target = group[:group.find("集团")] + m.text
            if target == m.text:
                target = _local_body(m, mentions, lex, rec) or target
            canon[k] = (ORGANIZATION, target)
        elif m.label == HONOR:
            canon[k] = (HONOR, _QUOTE_MARKS.sub("", m.text))  # 江苏省“五一劳动奖章” is 江苏省五一劳动奖章
        else:
            canon[k] = (m.label, m.text)
    for short, full in dm.aliases:  # ORG（以下简称“X”）: X is that body in this article
        canon[f"{ORGANIZATION}:{short}"] = canon.get(f"{ORGANIZATION}:{full}", (ORGANIZATION, full))
    for short, full in dm.person_aliases:  # 老韩, 韩师傅: the one 韩 the article names
        canon[f"{PERSON}:{short}"] = (PERSON, full)
    # chains of short forms settle on the longest name
    for k, (label, name) in list(canon.items()):
        seen = {name}
        while f"{label}:{name}" in canon and canon[f"{label}:{name}"][1] != name:
            name = canon[f"{label}:{name}"][1]
            if name in seen:
                break
            seen.add(name)
        canon[k] = (label, name)
    return Resolution(tuple(short_forms), canon)


def link(documents: Iterable[tuple[Document, DocumentMentions, list[Relation]]
                             | tuple[Document, DocumentMentions, list[Relation], Resolution]],
         lex: Lexicons, rec: Recognizer | None) -> tuple[dict[str, Entity], list[LinkedDocument]]:
    """Link all documents: entities by id, and each document's mentions and relations with ids.

    Each item is an analysis ``(document, mentions, relations)``, optionally with its :class:`Resolution`
    as a fourth element (else it is computed here, with ``rec``, which may be None when every item has one).
    """
    linking = Linking(lex, rec)
    linking.add(documents)
    return linking.result()


_Resolved = tuple[Document, list[Mention], list[Relation], dict[str, tuple[str, str]]]
_Contribution = dict[str, tuple[str, str, set[str]]]  # entity id -> (label, name, aliases) from one document


class Linking:
    """:func:`link` in steps: documents are added, some linked early (:meth:`link_now`, with the people's
    keys of the documents added so far), and :meth:`result` links the rest and again those whose people's
    keys the later documents changed. The result is :func:`link`'s for all the documents, whatever the steps
    (a build links the articles the cache holds while a helper analyzes the new ones)."""

    def __init__(self, lex: Lexicons, rec: Recognizer | None) -> None:
        self.lex, self.rec = lex, rec
        self.resolved: dict[str, _Resolved] = {}
        self.person_orgs: dict[str, dict[str, set[str]]] = defaultdict(dict)  # name -> doc -> org names
        self.person_key: dict[tuple[str, str], str] = {}  # (name, doc id) -> key, as the linked documents used
        self.linked: dict[str, tuple[LinkedDocument, _Contribution]] = {}
        self.ids: dict[tuple[str, str], str] = {}  # (label, key) -> entity id: hashing each mention again is most of linking

    def add(self, documents: Iterable[tuple[Document, DocumentMentions, list[Relation]]
                                      | tuple[Document, DocumentMentions, list[Relation], Resolution]]) -> None:
        """Resolve documents and note their people's organizations (each document id once)."""
        person_orgs = self.person_orgs
        for item in documents:
            doc, dm, relations = item[:3]
            resolution = item[3] if len(item) > 3 else resolve_document(doc, dm, self.lex, self.rec)
            mentions, canon = [*dm.mentions, *resolution.short_forms], resolution.canon
            self.resolved[doc.id] = (doc, mentions, relations, canon)
            for m in mentions:
                if m.label == PERSON:
                    person_orgs[m.text].setdefault(doc.id, set())
            for r in relations:
                if r.kind == MEMBERSHIP and r.object and r.subject in canon and r.object in canon:
                    person_orgs[canon[r.subject][1]].setdefault(doc.id, set()).add(canon[r.object][1])

    def link_now(self) -> None:
        """Link every document added and not yet linked, with the people's keys of the documents so far."""
        self.person_key = _person_keys(self.person_orgs)
        for doc_id in sorted(self.resolved.keys() - self.linked.keys()):
            self.linked[doc_id] = self._link_document(*self.resolved[doc_id])

    def result(self) -> tuple[dict[str, Entity], list[LinkedDocument]]:
        """Entities by id and the linked documents (sorted by id) of every document added."""
        keys = _person_keys(self.person_orgs)
        stale = {doc_id for (name, doc_id), key in self.person_key.items() if keys.get((name, doc_id)) != key}
        self.person_key = keys
        for doc_id in sorted((self.resolved.keys() - self.linked.keys()) | (stale & self.linked.keys())):
            self.linked[doc_id] = self._link_document(*self.resolved[doc_id])
        entities: dict[str, dict] = {}
        for doc_id in sorted(self.linked):
            for i, (label, name, aliases) in self.linked[doc_id][1].items():
                e = entities.get(i)
                if e is None:
                    entities[i] = {"label": label, "name": name, "aliases": set(aliases)}
                else:
                    e["aliases"] |= aliases
        linked = [self.linked[doc_id][0] for doc_id in sorted(self.linked)]
        # An honor is a fact about a person: one nobody in the articles holds (全省劳动模范 as a group) is left out.
        awarded = {r.object for ld in linked for r in ld.relations if r.kind == AWARD}
        unheld = {i for i, e in entities.items() if e["label"] == HONOR and i not in awarded}
        if unheld:
            linked = [replace(ld, mentions=tuple(m for m in ld.mentions if m.entity_id not in unheld)) for ld in linked]
        final = {i: Entity(i, e["name"], e["label"], tuple(sorted(a for a in e["aliases"] - {e["name"]}
                                                                  if not level_only_form(a, e["name"]))))
                 for i, e in sorted(entities.items()) if i not in unheld}
        return final, linked

    def _link_document(self, doc: Document, mentions: list[Mention], relations: list[Relation],
                       canon: dict[str, tuple[str, str]]) -> tuple[LinkedDocument, _Contribution]:
        """One document's mentions and relations with entity ids, and its entities' labels, names and aliases."""
        lex, ids, person_key = self.lex, self.ids, self.person_key

        def eid(surface_key: str | None) -> str | None:
            if surface_key is None or surface_key not in canon:
                return None
            label, name = canon[surface_key]
            k = (label, person_key[(name, doc.id)] if label == PERSON else name)
            i = ids.get(k)
            if i is None:
                i = ids[k] = entity_id(*k)
            return i

        entities: _Contribution = {}
        out_mentions = []
        for m in mentions:
            k = f"{m.label}:{m.text}"
            i = eid(k)
            if i is None:
                continue
            label, name = canon[k]
            e = entities.get(i)
            if e is None:
                e = entities[i] = (label, name, set())
            e[2].add(m.text)
            if label == PLACE:
                place = lex.places.get(name)
                if place:
                    e[2].update({place.name, place.short})
            out_mentions.append(Mention(m.text, m.label, m.span, i))  # replace() is slow at this count
        out_relations = []
        for r in relations:
            s = eid(r.subject)
            o = eid(r.object) if r.object is not None else None
            if s is None or (r.object is not None and o is None) or s == o:
                continue  # unlinked, or a unit and its parent that turned out to be one body
            out_relations.append(replace(r, subject=s, object=o))
        return LinkedDocument(doc, tuple(sorted(out_mentions, key=lambda m: (m.span.start, m.span.end))),
                              tuple(out_relations)), entities


def _person_keys(person_orgs: dict[str, dict[str, set[str]]]) -> dict[tuple[str, str], str]:
    """Keys for people: one per name, split when the same name sits in disjoint organizations."""
    keys: dict[tuple[str, str], str] = {}
    for name, docs in person_orgs.items():
        clusters: list[tuple[set[str], set[str]]] = []  # (docs, orgs)
        for doc_id in sorted(docs, key=lambda d: (not docs[d], d)):
            orgs = docs[doc_id]
            home = next((c for c in clusters if c[1] & orgs), None) if orgs else None
            if home is None and orgs:
                home = (set(), set())
                clusters.append(home)
            if home is None:
                home = max(clusters, key=lambda c: (len(c[0]), sorted(c[1]))) if clusters else None
                if home is None:
                    home = (set(), set())
                    clusters.append(home)
            home[0].add(doc_id)
            home[1].update(orgs)
        for docs_in, orgs in clusters:
            k = name if len(clusters) == 1 else f"{name}\t{min(orgs) if orgs else ''}"
            for doc_id in docs_in:
                keys[(name, doc_id)] = k
    return keys
