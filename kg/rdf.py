"""The graph as RDF in standard vocabularies (schema.org, W3C ORG, SKOS, PROV-O, Web Annotation).

``to_rdf(G)`` is pure; ``write_turtle`` does the file I/O. Every IRI is made from an id (a hash),
never from article text, and every literal from an article is tagged ``@zh``.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

import networkx as nx
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DefinedNamespace, ORG, PROV, SKOS

from kg.graph import DOCUMENT
from kg.types import AWARD, CONTAINED_IN_PLACE, HONOR, LOCATED_IN, MEMBERSHIP, ORGANIZATION, PERSON, PLACE, QUOTE, SUBORGANIZATION

SDO = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
KG_BASE = "https://example.org/kg/"


class KG(DefinedNamespace):
    """The project's own vocabulary; mirrors ontology/kg.ttl. A typo fails loudly."""

    _fail = True
    _NS = Namespace(KG_BASE)

    Honor: URIRef
    AwardStatement: URIRef
    mentionedIn: URIRef
    evidence: URIRef
    recipient: URIRef
    honor: URIRef
    level: URIRef
    honors: URIRef
    mentionCount: URIRef


TYPE_CLASSES = {PERSON: [SDO.Person], ORGANIZATION: [ORG.Organization, SDO.Organization], PLACE: [SDO.Place],
                HONOR: [SKOS.Concept, KG.Honor], DOCUMENT: [SDO.NewsArticle]}


def iri(node_id: str) -> URIRef:
    """The IRI of a node or fact id (ids are ASCII: a prefix and a hash)."""
    return URIRef(KG_BASE + node_id)


def _hash(*parts: object) -> str:
    return hashlib.sha1("\t".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:12]


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


def to_rdf(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None = None) -> Graph:
    """The RDF graph for ``G``. ``honor_classes`` maps an honor's name to (broader class, level)."""
    g = Graph()
    for prefix, ns in (("schema", SDO), ("org", ORG), ("prov", PROV), ("skos", SKOS), ("oa", OA), ("kg", KG)):
        g.bind(prefix, ns)
    honor_classes = honor_classes or {}
    for node, data in sorted(G.nodes(data=True)):
        s = iri(node)
        for cls in TYPE_CLASSES.get(data["type"], []):
            g.add((s, RDF.type, cls))
        if data["type"] == DOCUMENT:
            if data.get("title"):
                g.add((s, SDO.headline, zh(data["title"])))
            if data.get("date"):
                g.add((s, SDO.datePublished, Literal(data["date"], datatype=XSD.date)
                       if len(data["date"]) == 10 else Literal(data["date"])))
            if data.get("author"):
                g.add((s, SDO.author, zh(data["author"])))
            if data.get("url"):
                g.add((s, SDO.url, Literal(data["url"], datatype=XSD.anyURI)))
            continue
        label_prop = SKOS.prefLabel if data["type"] == HONOR else RDFS.label
        g.add((s, label_prop, zh(data["label"])))
        for alias in data.get("aliases", []):
            g.add((s, SKOS.altLabel, zh(alias)))
        for doc in sorted({m[0] for m in data.get("mentions", [])}):
            g.add((s, KG.mentionedIn, iri(doc)))
        if data["type"] == HONOR:
            g.add((s, SKOS.inScheme, KG.honors))
            broader, level = honor_classes.get(data["label"], ("", ""))
            if broader and broader != data["label"]:
                b = iri("honor-class-" + _hash(broader))
                g.add((b, RDF.type, SKOS.Concept))
                g.add((b, SKOS.prefLabel, zh(broader)))
                g.add((b, SKOS.inScheme, KG.honors))
                g.add((s, SKOS.broader, b))
            if level:
                g.add((s, KG.level, Literal(level)))
    for u, v, key, d in sorted(G.edges(keys=True, data=True), key=lambda e: e[2]):
        _add_fact(g, G, u, v, key, d)
    return g


def _evidence(g: Graph, key: str, d: dict) -> URIRef | None:
    if d.get("doc") is None:
        return None
    ev = iri("ev-" + key)
    target = iri("target-" + key)
    selector = iri("selector-" + key)
    g.add((ev, RDF.type, OA.Annotation))
    g.add((ev, OA.hasTarget, target))
    g.add((target, OA.hasSource, iri(d["doc"])))
    g.add((target, OA.hasSelector, selector))
    g.add((selector, RDF.type, OA.TextPositionSelector))
    g.add((selector, OA.start, Literal(d["start"], datatype=XSD.nonNegativeInteger)))
    g.add((selector, OA.end, Literal(d["end"], datatype=XSD.nonNegativeInteger)))
    if d.get("sentence"):
        g.add((ev, OA.bodyValue, zh(d["sentence"])))
    return ev


def _add_fact(g: Graph, G: nx.MultiDiGraph, u: str, v: str, key: str, d: dict) -> None:
    p = d["predicate"]
    su, sv = iri(u), iri(v)
    if p == MEMBERSHIP:
        m = iri(key)
        g.add((m, RDF.type, ORG.Membership))
        g.add((m, ORG.member, su))
        if G.nodes[v]["type"] != DOCUMENT:
            g.add((m, ORG.organization, sv))
        if d.get("role"):
            role = iri("role-" + _hash(d["role"]))
            g.add((role, RDF.type, ORG.Role))
            g.add((role, RDFS.label, zh(d["role"])))
            g.add((m, ORG.role, role))
        g.add((m, PROV.wasDerivedFrom, iri(d["doc"])))
        g.add((m, KG.evidence, _evidence(g, key, d)))
    elif p == AWARD:
        g.add((su, SDO.award, sv))
        a = iri(key)
        g.add((a, RDF.type, KG.AwardStatement))
        g.add((a, KG.recipient, su))
        g.add((a, KG.honor, sv))
        g.add((a, PROV.wasDerivedFrom, iri(d["doc"])))
        g.add((a, KG.evidence, _evidence(g, key, d)))
    elif p == QUOTE:
        q = iri(key)
        g.add((q, RDF.type, SDO.Quotation))
        g.add((q, SDO.creator, su))
        g.add((q, SDO.text, zh(d["text"])))
        g.add((q, PROV.wasDerivedFrom, iri(d["doc"])))
        g.add((q, KG.evidence, _evidence(g, key, d)))
    elif p == SUBORGANIZATION:
        g.add((su, ORG.subOrganizationOf, sv))
    elif p == LOCATED_IN:
        g.add((su, SDO.location, sv))
    elif p == CONTAINED_IN_PLACE:
        g.add((su, SDO.containedInPlace, sv))


def turtle(G: nx.MultiDiGraph, honor_classes: dict[str, tuple[str, str]] | None = None) -> str:
    """The graph as Turtle text (deterministic: same graph, same bytes)."""
    return to_rdf(G, honor_classes).serialize(format="turtle")
