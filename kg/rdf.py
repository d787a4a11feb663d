"""The graph as RDF in standard vocabularies (schema.org, W3C ORG, SKOS, PROV-O, Web Annotation).

``statement_rows(G)`` is pure and returns the sorted, de-duplicated statements that every RDF export
serializes, as plain strings (:data:`Row`), so each format says the same thing and the same graph gives
the same bytes. ``statements(G)`` gives them as pyoxigraph triples and ``to_rdf(G)`` as an
``rdflib.Graph`` for library users. Every IRI is made from an id (a hash), never from article text,
and every literal from an article is tagged ``@zh``.
The project's own terms are declared in ``ontology/kg.ttl``; :class:`KG` mirrors them.

Each membership, award and quote names its document (``prov:wasDerivedFrom``) and carries its
evidence as a W3C Web Annotation: ``fact kg:evidence ev``; ``ev oa:hasBody fact``;
``ev oa:hasTarget target``; ``target oa:hasSource doc``, with an ``oa:TextPositionSelector``
(``oa:start``/``oa:end``, code points, end exclusive) and an ``oa:TextQuoteSelector``
(``oa:exact``, the sentence).
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import json
import operator
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import rdflib.namespace
from rdflib import RDF, RDFS, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import ORG, PROV, SKOS

from kg import collector
from kg.types import AWARD, CONTAINED_IN_PLACE, HONOR, LOCATED_IN, MEMBERSHIP, ORGANIZATION, PERSON, PLACE, QUOTE, SUBORGANIZATION

DOCUMENT = "Document"  # kg.graph.DOCUMENT; not imported, so that reading RDF does not load the extractor

SDO = Namespace("https://schema.org/")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")  # an open Namespace: rdflib's XSD warns when pytest probes it
OA = Namespace("http://www.w3.org/ns/oa#")
KG_BASE = "https://example.org/kg/"


class KG(rdflib.namespace.DefinedNamespace):
    """The project's own vocabulary; mirrors ontology/kg.ttl. A typo fails loudly."""

    _fail = True
    _NS = Namespace(KG_BASE)

    ontology: URIRef
    Honor: URIRef
    HonorClass: URIRef
    HonorLevel: URIRef
    AwardStatement: URIRef
    mentionedIn: URIRef
    evidence: URIRef
    recipient: URIRef
    honor: URIRef
    level: URIRef
    honors: URIRef
    honorLevels: URIRef
    National: URIRef
    Provincial: URIRef
    Municipal: URIRef
    Industry: URIRef
    OtherLevel: URIRef


PREFIXES = {"rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "schema": str(SDO), "org": str(ORG),
            "prov": str(PROV), "skos": str(SKOS), "oa": str(OA), "kg": KG_BASE}

# The lexicon's level of an honor -> (concept, its Chinese label); the concepts are declared in kg.ttl.
LEVELS = {"national": (KG.National, "全国"), "provincial": (KG.Provincial, "省级"),
          "municipal": (KG.Municipal, "市级"), "industry": (KG.Industry, "行业"), "other": (KG.OtherLevel, "其他")}

TYPE_CLASSES = {PERSON: [SDO.Person], ORGANIZATION: [ORG.Organization, SDO.Organization], PLACE: [SDO.Place],
                HONOR: [SKOS.Concept, KG.Honor], DOCUMENT: [SDO.NewsArticle]}


def iri(node_id: str) -> URIRef:
    """The IRI of a node or fact id (ids are ASCII: a prefix and a hash; see :func:`local_name` for others).

    >>> iri("person-7c21")
    rdflib.term.URIRef('https://example.org/kg/person-7c21')
    """
    return URIRef(KG_BASE + local_name(node_id))


_ID_SAFE = re.compile(r"[A-Za-z0-9_-]*")


def local_name(node_id: str) -> str:
    """``node_id`` as the local part of a ``kg:`` IRI: the pipeline's ids (ASCII letters, digits, ``-``,
    ``_``) are unchanged; any other character is percent-encoded as UTF-8, so no text can break an IRI.

    >>> local_name("person-7c21"), local_name('a b>"c.')
    ('person-7c21', 'a%20b%3E%22c%2E')
    """
    if _ID_SAFE.fullmatch(node_id):
        return node_id
    return "".join(ch if _ID_SAFE.fullmatch(ch) else "".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass"))
                   for ch in node_id)


def _hash(*parts: object) -> str:
    return hashlib.sha1("\t".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


# A statement as plain strings, the form the exports sort and write: (subject IRI, predicate is not
# rdf:type, predicate IRI, object in N-Triples syntax, object), the object being an IRI (a str) or a literal
# (value, language tag, datatype IRI; "" for no tag and for xsd:string). The tuples compare in the order of
# _sort_key, so sorting needs no key function, and no pyoxigraph term (each one a trip into Rust) is made
# until a format needs it.
Row = tuple[str, bool, str, str, "str | tuple[str, str, str]"]


class _Rows:
    """Collects statements as :data:`Row`s, by subject."""

    def __init__(self) -> None:
        self.by_subject: defaultdict[str, set[Row]] = defaultdict(set)
        self.iri = _Iris()

    def add(self, s: str, p: str, o: str) -> None:
        iri = self.iri
        s, p, o = iri[s], iri[p], iri[o]
        self.by_subject[s].add((s, p != _RDF_TYPE, p, f"<{o}>", o))

    def literal(self, s: str, p: str, value: str, language: str = "", datatype: str = "") -> None:
        s, p = self.iri[s], self.iri[p]
        suffix = "@" + language if language else f"^^<{datatype}>" if datatype else ""
        self.by_subject[s].add((s, p != _RDF_TYPE, p, _nt_string(value) + suffix, (value, language, datatype)))

    def zh(self, s: str, p: str, text: str) -> None:
        self.literal(s, p, text, language="zh")

    def typed(self, s: str, p: str, value: str, datatype: str | None = None) -> None:
        # an xsd:string literal is a plain one, as pyoxigraph writes and compares it
        plain = not datatype or datatype == _XSD_STRING
        self.literal(s, p, value, datatype="" if plain else self.iri[datatype])

    def in_order(self) -> list[list[Row]]:
        # a subject's few rows sorted apart: 5x faster than one big sort
        return [sorted(self.by_subject[s]) for s in sorted(self.by_subject)]


class _TracedRows(_Rows):
    """:class:`_Rows` that also notes the subjects each source (a node or an edge) gives rows to."""

    def __init__(self) -> None:
        super().__init__()
        self.touched: dict[object, set[str]] = {}
        self._now: set[str] = set()

    def trace(self, source: object) -> None:
        """Note what follows as given by ``source``."""
        self._now = self.touched.setdefault(source, set())

    def add(self, s: str, p: str, o: str) -> None:
        super().add(s, p, o)
        self._now.add(self.iri[s])

    def literal(self, s: str, p: str, value: str, language: str = "", datatype: str = "") -> None:
        super().literal(s, p, value, language, datatype)
        self._now.add(self.iri[s])


class _Iris(dict):
    """An IRI as the code builds it -> as exported, the local part of a ``kg:`` IRI made safe by
    :func:`local_name`; each made once."""

    def __missing__(self, value: str) -> str:
        safe = self[value] = KG_BASE + local_name(value[len(KG_BASE):]) if value.startswith(KG_BASE) else value
        return safe


# The characters pyoxigraph escapes in a literal (checked on every code point in tests/test_rdf.py); the
# pattern also finds lone surrogates, which no UTF-8 file can hold.
_NT_ESCAPES = {chr(c): f"\\u{c:04X}" for c in (*range(0x20), 0x7F, 0xFFFE, 0xFFFF)} | {
    "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r", '"': '\\"', "\\": "\\\\"}
_NT_ESCAPED = re.compile("[\x00-\x1f\"\\\\\x7f\ufffe\uffff\ud800-\udfff]")


def _nt_string(value: str) -> str:
    """``value`` as a quoted N-Triples string, escaped exactly as pyoxigraph writes it.

    >>> print(_nt_string('他说："好"\\n'))
    "他说：\\"好\\"\\n"
    """
    if _NT_ESCAPED.search(value) is None:  # most text: nothing to escape
        return f'"{value}"'
    return f'"{_NT_ESCAPED.sub(_nt_escape, value)}"'


def _nt_escape(match: re.Match) -> str:
    ch = match.group()
    if "\ud800" <= ch <= "\udfff":  # refused, as ox.Literal refuses it
        raise ValueError(f"a literal holds the lone surrogate {ch!r}, which no RDF file can hold")
    return _NT_ESCAPES[ch]


def _sort_key(t: ox.Triple) -> tuple[str, bool, str, str]:
    # Grouped by subject, its types first, then by predicate and object (what sorting Rows gives).
    return (t.subject.value, t.predicate.value != _RDF_TYPE, t.predicate.value, str(t.object))


_RDF_TYPE = str(RDF.type)
_XSD_STRING = str(XSD.string)


class _Terms:
    """A namespace's IRIs as plain strings, each built once: attribute access on an rdflib namespace
    makes and validates a new URIRef every time, which is most of the cost of a big export."""

    def __init__(self, namespace: object) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> str:
        value = str(getattr(self._namespace, name))  # a closed namespace (KG) still fails on a typo
        setattr(self, name, value)
        return value


_sdo, _oa, _kg, _skos, _org, _prov, _rdfs, _xsd = (_Terms(ns) for ns in (SDO, OA, KG, SKOS, ORG, PROV, RDFS, XSD))
_ISO_DATE = re.compile(r"\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])")


def statements(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None = None) -> list[ox.Triple]:
    """The triples for ``G``, de-duplicated and sorted (subject, ``rdf:type`` first, predicate, object).

    ``honor_classes`` maps an honor's name to (broader class, level), as the honors lexicon does.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("person-1", type="Person", label="李会东", aliases=[], mentions=[])
    >>> [str(t) for t in statements(G)]  # doctest: +NORMALIZE_WHITESPACE
    ['<https://example.org/kg/person-1> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://schema.org/Person>',
     '<https://example.org/kg/person-1> <http://www.w3.org/2000/01/rdf-schema#label> "李会东"@zh']
    """
    return triples_from_rows(statement_rows(G, honor_classes))


def statement_rows(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None = None) -> list[Row]:
    """:func:`statements` as :data:`Row`s of plain strings, in the same order: what the exports write from.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("person-1", type="Person", label="李会东", aliases=[], mentions=[])
    >>> [(s[-8:], p[-5:], o) for s, _, p, o, _ in statement_rows(G)]
    [('person-1', '#type', '<https://schema.org/Person>'), ('person-1', 'label', '"李会东"@zh')]
    """
    return [row for group in subject_rows(G, honor_classes) for row in group]


@collector.paused()
def subject_rows(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None = None) -> list[list[Row]]:
    """:func:`statement_rows` grouped by subject: one list of rows per subject, in the same order.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("person-1", type="Person", label="李会东", aliases=[], mentions=[])
    >>> G.add_node("place-1", type="Place", label="郑州市", aliases=[], mentions=[])
    >>> [len(group) for group in subject_rows(G)]
    [2, 2]
    """
    t = _Rows()
    honor_classes = honor_classes or {}
    honor_ids = honor_ids_of(G)
    for node, data in sorted(G.nodes(data=True)):
        _node(t, node, data, honor_classes, honor_ids)
    for u, v, key, d in G.edges(keys=True, data=True):
        _fact(t, G, u, v, key, d)
    return t.in_order()


Source = "str | tuple[str, str, str]"  # what statements come from: a node, or an edge (source, target, key)


@collector.paused()
def source_rows(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None, nodes: Iterable[str],
                edges: Iterable[tuple[str, str, str]]) -> tuple[dict[str, set[Row]], dict[object, set[str]]]:
    """The rows that some nodes and edges of ``G`` give (:func:`subject_rows` gives those of all), by subject,
    and the subjects each of them gives rows to.

    What a node gives depends on its attributes (and, for an honor, on ``honor_classes`` and
    :func:`honor_ids_of`); what an edge gives, on its ends, key and attributes and its target's type.

    >>> G = nx.MultiDiGraph()
    >>> G.add_node("p", type="Person", label="李", aliases=[], mentions=[])
    >>> for n in ("o", "o2"):
    ...     G.add_node(n, type="Organization", label="工会", aliases=[], mentions=[])
    >>> _ = G.add_edge("o", "o2", key="s", predicate="suborganization")
    >>> rows, touched = source_rows(G, {}, ["p"], [("o", "o2", "s")])
    >>> sorted(touched["p"]), sorted(touched[("o", "o2", "s")])
    (['https://example.org/kg/p'], ['https://example.org/kg/o'])
    """
    t = _TracedRows()
    honor_classes = honor_classes or {}
    honor_ids = honor_ids_of(G)
    for node in nodes:
        t.trace(node)
        _node(t, node, G.nodes[node], honor_classes, honor_ids)
    for u, v, key in edges:
        t.trace((u, v, key))
        _fact(t, G, u, v, key, G.edges[u, v, key])
    return t.by_subject, t.touched


def honor_ids_of(G: nx.MultiDiGraph) -> dict[str, str]:
    """Each honor's label -> its node: an honor's broader class that is itself an honor links to that node."""
    return {d["label"]: n for n, d in G.nodes(data=True) if d["type"] == HONOR}


def _node(t: _Rows, node: str, data: dict, honor_classes: dict[str, tuple[str, str]], honor_ids: dict[str, str]) -> None:
    s = KG_BASE + node
    for cls in TYPE_CLASSES.get(data["type"], []):
        t.add(s, _RDF_TYPE, cls)
    if data["type"] == DOCUMENT:
        _document(t, s, data)
        return
    t.zh(s, _skos.prefLabel if data["type"] == HONOR else _rdfs.label, data["label"])
    for alias in data.get("aliases", []):
        t.zh(s, _skos.altLabel, alias)
    for doc in sorted({m[0] for m in data.get("mentions", [])}):
        t.add(s, _kg.mentionedIn, KG_BASE + doc)
    if data["type"] == HONOR:
        _honor(t, s, data["label"], honor_classes, honor_ids)


def _document(t: _Rows, s: str, data: dict) -> None:
    if data.get("title"):
        t.zh(s, _sdo.headline, data["title"])
    if data.get("date"):
        date = data["date"]
        t.typed(s, _sdo.datePublished, date, _xsd.date if _ISO_DATE.fullmatch(date) else None)
    if data.get("author"):
        t.zh(s, _sdo.author, data["author"])
    if data.get("url"):
        t.typed(s, _sdo.url, data["url"], _xsd.anyURI)


def _honor(t: _Rows, s: str, label: str, honor_classes: dict[str, tuple[str, str]],
           honor_ids: dict[str, str]) -> None:
    t.add(s, _skos.inScheme, _kg.honors)
    broader, level = honor_classes.get(label, ("", ""))
    if broader and broader != label:
        if broader in honor_ids:  # the class is itself an honor of the graph: link to that node
            b = KG_BASE + honor_ids[broader]
        else:
            b = KG_BASE + "honor-class-" + _hash(broader)
            t.add(b, _RDF_TYPE, _skos.Concept)
            t.add(b, _RDF_TYPE, _kg.HonorClass)
            t.zh(b, _skos.prefLabel, broader)
            t.add(b, _skos.inScheme, _kg.honors)
            t.add(b, _skos.topConceptOf, _kg.honors)
        t.add(s, _skos.broader, b)
    else:
        t.add(s, _skos.topConceptOf, _kg.honors)
    if level in LEVELS:
        concept, name = LEVELS[level]
        t.add(s, _kg.level, concept)
        t.add(concept, _RDF_TYPE, _kg.HonorLevel)
        t.zh(concept, _skos.prefLabel, name)
        t.typed(concept, _skos.notation, level)


def _evidence(t: _Rows, key: str, fact: str, d: dict) -> None:
    ev, target = KG_BASE + "ev-" + key, KG_BASE + "target-" + key
    position, quote = KG_BASE + "selector-" + key, KG_BASE + "exact-" + key
    t.add(fact, _kg.evidence, ev)
    t.add(ev, _RDF_TYPE, _oa.Annotation)
    t.add(ev, _oa.hasBody, fact)
    t.add(ev, _oa.hasTarget, target)
    t.add(ev, _oa.motivatedBy, _oa.describing)
    t.add(target, _RDF_TYPE, _oa.SpecificResource)
    t.add(target, _oa.hasSource, KG_BASE + d["doc"])
    t.add(target, _oa.hasSelector, position)
    t.add(position, _RDF_TYPE, _oa.TextPositionSelector)
    t.typed(position, _oa.start, str(d["start"]), _xsd.nonNegativeInteger)
    t.typed(position, _oa.end, str(d["end"]), _xsd.nonNegativeInteger)
    if d.get("sentence"):
        t.add(target, _oa.hasSelector, quote)
        t.add(quote, _RDF_TYPE, _oa.TextQuoteSelector)
        t.zh(quote, _oa.exact, d["sentence"])


def _fact(t: _Rows, G: nx.MultiDiGraph, u: str, v: str, key: str, d: dict) -> None:
    p = d["predicate"]
    su, sv = KG_BASE + u, KG_BASE + v
    if p in (MEMBERSHIP, AWARD, QUOTE):
        fact = KG_BASE + key
        if d.get("doc") is not None:
            t.add(fact, _prov.wasDerivedFrom, KG_BASE + d["doc"])
            _evidence(t, key, fact, d)
    if p == MEMBERSHIP:
        t.add(fact, _RDF_TYPE, _org.Membership)
        t.add(fact, _org.member, su)
        if G.nodes[v]["type"] != DOCUMENT:
            t.add(fact, _org.organization, sv)
        if d.get("role"):
            role = KG_BASE + "role-" + _hash(d["role"])
            t.add(role, _RDF_TYPE, _org.Role)
            t.zh(role, _rdfs.label, d["role"])
            t.add(fact, _org.role, role)
    elif p == AWARD:
        t.add(su, _sdo.award, sv)
        t.add(fact, _RDF_TYPE, _kg.AwardStatement)
        t.add(fact, _kg.recipient, su)
        t.add(fact, _kg.honor, sv)
    elif p == QUOTE:
        t.add(fact, _RDF_TYPE, _sdo.Quotation)
        t.add(fact, _sdo.creator, su)
        t.zh(fact, _sdo.text, d["text"])
    elif p == SUBORGANIZATION:
        t.add(su, _org.subOrganizationOf, sv)
    elif p == LOCATED_IN:
        t.add(su, _sdo.location, sv)
    elif p == CONTAINED_IN_PLACE:
        t.add(su, _sdo.containedInPlace, sv)


# --- conversions and serializations -------------------------------------------------------------

def to_rdflib_term(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> URIRef | BNode | Literal:
    """The rdflib term for a pyoxigraph term.

    >>> to_rdflib_term(ox.Literal("郑州", language="zh"))
    rdflib.term.Literal('郑州', lang='zh')
    """
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def graph_from(triples: Iterable[ox.Triple]) -> Graph:
    """An ``rdflib.Graph`` holding ``triples``, with the export's prefixes bound."""
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True)
    for tr in triples:
        g.add((to_rdflib_term(tr.subject), to_rdflib_term(tr.predicate), to_rdflib_term(tr.object)))
    return g


def to_rdf(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None = None) -> Graph:
    """The RDF graph for ``G`` as an ``rdflib.Graph``. ``honor_classes`` maps an honor to (class, level)."""
    return graph_from(statements(G, honor_classes))


def serialize_turtle(triples: Iterable[ox.Triple | ox.Quad]) -> str:
    """Turtle for sorted ``triples`` (deterministic: same triples, same text)."""
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES).decode("utf-8")


def turtle_from_ntriples(text: str) -> str:
    """:func:`serialize_turtle` for the triples of N-Triples ``text``, in their order. Parsing the text
    makes the terms inside pyoxigraph, twice as fast as making them one by one from Python."""
    return serialize_turtle(ox.parse(text, format=ox.RdfFormat.N_TRIPLES))


def turtle_blocks(ntriples: bytes | str, subjects: int) -> tuple[bytes, list[bytes]] | None:
    """:func:`turtle_from_ntriples` of N-Triples grouped by subject, as its ``@prefix`` lines and one block per
    subject (the blocks joined after the prefix lines are the whole text); None when the text does not split
    into ``subjects`` blocks (a statement continues a subject's block on a line of its own, after a tab)."""
    text = ox.serialize(ox.parse(ntriples, format=ox.RdfFormat.N_TRIPLES), format=ox.RdfFormat.TURTLE,
                        prefixes=PREFIXES)
    lines = text.splitlines(keepends=True)
    head = 0
    while head < len(lines) and lines[head].startswith(b"@prefix "):
        head += 1
    starts = [i for i in range(head, len(lines)) if not lines[i].startswith(b"\t")]
    if len(starts) != subjects or (subjects and starts[0] != head):
        return None
    return b"".join(lines[:head]), [b"".join(lines[a:b]) for a, b in zip(starts, [*starts[1:], len(lines)])]


def serialize_ntriples(triples: list[ox.Triple]) -> str:
    """N-Triples, one triple per line in the given order."""
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode("utf-8")


def serialize_jsonld(triples: list[ox.Triple]) -> str:
    """Compact JSON-LD: a ``@context`` of the export's prefixes and a ``@graph`` of node objects.

    Property keys, ``@id`` and ``@type`` values are compact IRIs (``kg:person-…``, ``schema:Person``);
    literals keep their language tag or datatype. Deterministic for sorted ``triples``.
    """
    return jsonld_from_rows([_row_of(tr) for tr in triples])


def _row_of(tr: ox.Triple) -> Row:
    """A triple as a :data:`Row` for :func:`jsonld_from_rows` (the N-Triples field is left empty)."""
    p, o = tr.predicate.value, tr.object
    if isinstance(o, ox.NamedNode) or p == _RDF_TYPE:  # a type is written by its value, whatever its kind
        obj: str | tuple[str, str, str] = o.value
    elif isinstance(o, ox.BlankNode):
        obj = "_:" + o.value  # no prefix compacts it: written as is
    elif o.language:
        obj = (o.value, o.language, "")
    else:
        obj = (o.value, "", "" if o.datatype.value == _XSD_STRING else o.datatype.value)
    return (tr.subject.value, p != _RDF_TYPE, p, "", obj)


@collector.paused()
def triples_from_rows(rows: Iterable[Row]) -> list[ox.Triple]:
    """The pyoxigraph triples of ``rows``, in their order (one NamedNode per IRI)."""
    nodes = _NamedNodes()
    return [ox.Triple(nodes[s], nodes[p], nodes[o] if isinstance(o, str) else _literal(o, nodes))
            for s, _, p, _, o in rows]


class _NamedNodes(dict):
    """IRI -> its pyoxigraph NamedNode, made on first use."""

    def __missing__(self, iri_: str) -> ox.NamedNode:
        node = self[iri_] = ox.NamedNode(iri_)
        return node


def _literal(term: tuple[str, str, str], nodes: _NamedNodes) -> ox.Literal:
    value, language, datatype = term
    if language:
        return ox.Literal(value, language=language)
    return ox.Literal(value, datatype=nodes[datatype]) if datatype else ox.Literal(value)


def ntriples_from_rows(rows: Iterable[Row]) -> str:
    """N-Triples for ``rows``, one per line in their order: the text :func:`serialize_ntriples` gives for
    the same triples (rows hold their objects in pyoxigraph's syntax; IRIs need no escaping, see :func:`iri`)."""
    return "".join([f"<{s}> <{p}> {o} .\n" for s, _, p, o, _ in rows])


def jsonld_from_rows(rows: Iterable[Row]) -> str:
    """:func:`serialize_jsonld` for ``rows`` (grouped by subject, as sorted rows are): the same text as for their
    triples. One node object per line, after :data:`JSONLD_HEAD` and before :data:`JSONLD_TAIL`."""
    lines = jsonld_lines(list(group) for _, group in itertools.groupby(rows, operator.itemgetter(0)))
    return JSONLD_HEAD + ",\n".join(lines) + JSONLD_TAIL


JSONLD_HEAD = f'{{"@context": {json.dumps(PREFIXES, ensure_ascii=False)},\n"@graph": [\n'
JSONLD_TAIL = "\n]}\n"


@collector.paused()
def jsonld_lines(groups: Iterable[list[Row]]) -> list[str]:
    """The JSON-LD node object of each subject's rows (``groups``: the rows of one subject each, as
    :func:`subject_rows` gives them), as one line of text each."""
    ids: dict[str, dict[str, str]] = {}  # IRI -> its {"@id": ...} value, one dict for every node pointing at it
    # json's C encoder (used only without ``indent``) does the work
    encode = json.JSONEncoder(ensure_ascii=False).encode
    lines = []
    for rows in groups:
        key = _compact(rows[0][0])
        node: dict[str, object] = {"@id": key}
        for _, not_type, p, _, o in rows:
            if not not_type:
                node.setdefault("@type", []).append(_compact(o))
            elif isinstance(o, str):
                node.setdefault(_compact(p), []).append(ids.get(o) or ids.setdefault(o, {"@id": _compact(o)}))
            else:
                node.setdefault(_compact(p), []).append(_jsonld_literal(*o))
        lines.append(encode(node))
    return lines


def _jsonld_literal(value: str, language: str, datatype: str) -> dict[str, str]:
    if language:
        return {"@value": value, "@language": language}
    return {"@value": value, "@type": _compact(datatype)} if datatype else {"@value": value}


@functools.lru_cache(maxsize=1 << 16)
def _compact(value: str) -> str:
    for prefix, ns in _LONGEST_FIRST:
        if value.startswith(ns):
            local = value[len(ns):]
            if local and not local.startswith("//"):
                return f"{prefix}:{local}"
    return value


_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def turtle(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None = None) -> str:
    """The graph as Turtle text (deterministic: same graph, same bytes)."""
    return turtle_from_ntriples(ntriples(G, honor_classes))


def ntriples(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None = None) -> str:
    """The graph as sorted N-Triples."""
    return ntriples_from_rows(statement_rows(G, honor_classes))


def jsonld(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None = None) -> str:
    """The graph as compact JSON-LD."""
    return jsonld_from_rows(statement_rows(G, honor_classes))


# --- the vocabulary and the shapes ------------------------------------------------------------------

def vocabulary_path() -> Path:
    """``ontology/kg.ttl``: the project's classes and properties and their alignment to standard ones."""
    from kg.lexicon import ontology_dir

    return ontology_dir() / "kg.ttl"


def shapes_path() -> Path:
    """``ontology/shapes.ttl``: the SHACL shapes every export satisfies."""
    from kg.lexicon import ontology_dir

    return ontology_dir() / "shapes.ttl"


@dataclass(frozen=True)
class Validation:
    """The outcome of a SHACL validation: whether the data conforms, and pyshacl's report text."""

    conforms: bool
    report: str


def validate(data: Graph) -> Validation:
    """Validate an export against ``ontology/shapes.ttl`` with pyshacl (no inference: exports state their types)."""
    from pyshacl import validate as shacl_validate

    shapes = Graph().parse(shapes_path(), format="turtle")
    conforms, _, text = shacl_validate(data, shacl_graph=shapes, inference="none")
    return Validation(bool(conforms), str(text))
