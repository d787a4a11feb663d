"""SPARQL over an export: named queries, safe parameters, and result formats.

A query is a SPARQL string, a ``.rq`` file, or the name of a query in ``queries/``. Its header
comments declare what it does and which parameters it takes::

    # description: People who hold an honor or any narrower honor
    # param: honor label  an honor or a class of honors, e.g. 劳动模范
    # param: person label optional  ...

A parameter kind says how a value given on the command line becomes an RDF term: ``label`` (a
Chinese label, ``"…"@zh``), ``string`` (``"…"``), ``integer`` (``xsd:integer``) or ``iri`` (a full
IRI or a ``kg:``-style compact one). Values are bound to the query's variables as RDF terms: on
Oxigraph by a ``VALUES`` block at the start of the WHERE group, each term written by pyoxigraph's
serializer (:func:`with_values`), on rdflib as ``initBindings``. A value only ever enters a query as
one escaped RDF term in the ``VALUES`` data block, never as query syntax, so it cannot change what the
query does; and the optimizer sees it as a constant.

Results come back as a :class:`Result` of plain :class:`Term` values whichever engine ran the query,
and print as a table or as the W3C SPARQL 1.1 CSV, TSV and JSON result formats.
"""
from __future__ import annotations

import csv
import io
import json
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import QueryError

QUERIES_ENV = "KG_QUERIES"
PARAM_KINDS = ("label", "string", "integer", "iri")
FORMATS = ("table", "csv", "tsv", "json")

PREFIXES = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#",
            "schema": "https://schema.org/", "org": "http://www.w3.org/ns/org#", "prov": "http://www.w3.org/ns/prov#",
            "skos": "http://www.w3.org/2004/02/skos/core#", "oa": "http://www.w3.org/ns/oa#",
            "kg": "https://example.org/kg/"}
_XSD_STRING = PREFIXES["xsd"] + "string"


# --- queries and their headers -------------------------------------------------------------------

@dataclass(frozen=True)
class Param:
    """A declared query parameter."""

    name: str
    kind: str
    required: bool = True
    help: str = ""


@dataclass(frozen=True)
class Query:
    """A SPARQL query and what its header says about it."""

    name: str
    text: str
    description: str = ""
    params: tuple[Param, ...] = ()


_PARAM = re.compile(r"#\s*param:\s*(?P<name>[A-Za-z_]\w*)\s+(?P<kind>\w+)(?P<optional>\s+optional)?\b\s*(?P<help>.*)")
_DESCRIPTION = re.compile(r"#\s*description:\s*(?P<text>.*)")


def parse_query(text: str, name: str = "query") -> Query:
    """Read the header comments (``# description:``, ``# param:``) of a SPARQL query.

    >>> q = parse_query("# description: who\\n# param: person label optional  a name\\nSELECT ?person {}")
    >>> q.description, q.params
    ('who', (Param(name='person', kind='label', required=False, help='a name'),))
    """
    description: list[str] = []
    params: list[Param] = []
    in_description = False
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if not stripped.startswith("#"):
            in_description = False
            continue
        if m := _PARAM.fullmatch(stripped):
            if m["kind"] not in PARAM_KINDS:
                raise QueryError(f"{name}:{lineno}: parameter {m['name']!r} has kind {m['kind']!r}; "
                                 f"use one of {', '.join(PARAM_KINDS)}")
            params.append(Param(m["name"], m["kind"], not m["optional"], m["help"].strip()))
            in_description = False
        elif m := _DESCRIPTION.fullmatch(stripped):
            description.append(m["text"].strip())
            in_description = True
        elif in_description and stripped.lstrip("#").strip():
            description.append(stripped.lstrip("#").strip())
        else:
            in_description = False
    return Query(name, text, " ".join(description), tuple(params))


def queries_dir() -> Path:
    """The folder of named queries: ``$KG_QUERIES`` if set, else ``queries/`` beside the package."""
    override = os.environ.get(QUERIES_ENV)
    return Path(override) if override else Path(__file__).resolve().parent.parent / "queries"


def named_queries() -> dict[str, Query]:
    """Every named query (``queries/*.rq``), by name (the file name without ``.rq``)."""
    folder = queries_dir()
    if not folder.is_dir():
        raise QueryError(f"{folder}: no queries folder; set {QUERIES_ENV} or reinstall from the repository")
    return {p.stem: parse_query(p.read_text(encoding="utf-8"), p.stem) for p in sorted(folder.glob("*.rq"))}


def resolve(spec: str) -> Query:
    """A query from a named query's name, a ``.rq`` file, or SPARQL text."""
    path = Path(spec)
    if spec.endswith(".rq") or ("\n" not in spec and len(spec) < 256 and path.is_file()):
        try:
            return parse_query(path.read_text(encoding="utf-8"), path.stem)
        except OSError as e:
            raise QueryError(f"{spec}: cannot read the query file ({e.strerror})") from e
    if re.fullmatch(r"[\w.-]+", spec):
        named = named_queries()
        if spec not in named:
            raise QueryError(f"no named query {spec!r}; choose from {', '.join(named)} (kg query --list), "
                             "or give a .rq file or SPARQL text")
        return named[spec]
    return parse_query(spec, "query")


# --- parameters ------------------------------------------------------------------------------

def term_for(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    """The RDF term a command-line value stands for, by the parameter's kind.

    >>> term_for(Param("honor", "label"), "劳动模范")
    <Literal value=劳动模范 language=zh>
    >>> term_for(Param("x", "iri"), "kg:person-1")
    <NamedNode value=https://example.org/kg/person-1>
    """
    if param.kind == "label":
        return ox.Literal(value, language="zh")
    if param.kind == "string":
        return ox.Literal(value)
    if param.kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(f"parameter {param.name}: {value!r} is not an integer")
        return ox.Literal(int(value))
    prefix, _, local = value.partition(":")
    if prefix in PREFIXES and not local.startswith("//"):
        value = PREFIXES[prefix] + local
    try:
        return ox.NamedNode(value.strip("<>"))
    except ValueError as e:
        raise QueryError(f"parameter {param.name}: {value!r} is not an IRI ({e})") from e


def bind(query: Query, values: Mapping[str, str]) -> dict[str, ox.NamedNode | ox.Literal]:
    """Check ``values`` against the declared parameters and turn them into RDF terms."""
    declared = {p.name: p for p in query.params}
    for name in values:
        if name not in declared:
            takes = ", ".join(declared) or "no parameters"
            raise QueryError(f"{query.name}: unknown parameter {name!r}; it takes {takes} "
                             "(declare one with `# param: NAME label|string|integer|iri`)")
    missing = [p.name for p in query.params if p.required and p.name not in values]
    if missing:
        raise QueryError(f"{query.name}: missing parameter {missing[0]!r}; give it with -p {missing[0]}=VALUE")
    return {name: term_for(declared[name], value) for name, value in values.items()}


_SKIP = re.compile(r"""
      \#[^\n]*                                  # a comment
    | <[^<>"{}|^`\\\s]*>                        # an IRI
    | '\'\'(?:[^'\\]|\\.|'(?!''))*'\'\'    # long strings
    | \"\"\"(?:[^"\\]|\\.|"(?!""))*\"\"\"
    | '(?:[^'\\\n]|\\.)*'                     # short strings
    | "(?:[^"\\\n]|\\.)*"
    """, re.VERBOSE)


def where_group(text: str) -> int:
    r"""The index of the ``{`` that opens the query's WHERE group (after a CONSTRUCT template, if any).

    >>> where_group('PREFIX a: <x#> # {\nSELECT ?s WHERE { ?s a "{" }')
    35
    >>> where_group("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")
    29
    """
    opens: list[int] = []
    depth, i, head = 0, 0, []
    while i < len(text):
        m = _SKIP.match(text, i)
        if m:
            i = m.end()
            continue
        ch = text[i]
        if ch == "{":
            if depth == 0:
                opens.append(i)
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0 and not opens:
            head.append(ch)
        i += 1
    words = re.findall(r"[A-Za-z]+", "".join(head).upper())
    if not opens:
        raise QueryError("the query has no WHERE group to bind parameters in")
    if "CONSTRUCT" in words and "WHERE" not in words[words.index("CONSTRUCT"):] and len(opens) > 1:
        return opens[1]
    return opens[0]


def with_values(query: Query, bound: Mapping[str, ox.NamedNode | ox.Literal]) -> str:
    r"""The query text with its parameters bound by a ``VALUES`` block at the start of the WHERE group.

    Each value is an RDF term written by pyoxigraph's serializer (quotes and backslashes escaped), so it
    is data in the ``VALUES`` block and nothing else; the optimizer sees it as a constant.

    >>> q = parse_query("# param: name label\nSELECT ?name ?p WHERE { ?p rdfs:label ?name }")
    >>> print(with_values(q, bind(q, {"name": 'say "}"'})))
    # param: name label
    SELECT ?name ?p WHERE {
      VALUES (?name) { ("say \"}\""@zh) }
     ?p rdfs:label ?name }
    """
    if not bound:
        return query.text
    at = where_group(query.text) + 1
    names = " ".join(f"?{name}" for name in bound)
    terms = " ".join(str(term) for term in bound.values())
    return f"{query.text[:at]}\n  VALUES ({names}) {{ ({terms}) }}\n{query.text[at:]}"


# --- results ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Term:
    """An RDF term in a result, independent of the engine: ``kind`` is ``iri``, ``literal`` or ``bnode``."""

    kind: str
    value: str
    language: str | None = None
    datatype: str | None = None

    def n3(self) -> str:
        """The term in N-Triples/Turtle syntax.

        >>> Term("literal", 'say "hi"', language="zh").n3()
        '"say \\\\"hi\\\\""@zh'
        """
        if self.kind == "iri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = '"' + self.value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'
        if self.language:
            return f"{text}@{self.language}"
        if self.datatype and self.datatype != _XSD_STRING:
            return f"{text}^^<{self.datatype}>"
        return text


@dataclass(frozen=True)
class Result:
    """What a query returned: rows of a SELECT, the answer of an ASK, or the triples of a CONSTRUCT."""

    variables: tuple[str, ...] = ()
    rows: tuple[tuple[Term | None, ...], ...] = ()
    boolean: bool | None = None
    triples: tuple[tuple[Term, Term, Term], ...] = field(default=())

    def values(self) -> list[tuple[str | None, ...]]:
        """The rows as plain strings (an IRI, a literal's text, or None when unbound)."""
        return [tuple(None if t is None else t.value for t in row) for row in self.rows]


def _from_ox(term: object) -> Term:
    if isinstance(term, ox.NamedNode):
        return Term("iri", term.value)
    if isinstance(term, ox.BlankNode):
        return Term("bnode", term.value)
    if isinstance(term, ox.Literal):
        return Term("literal", term.value, term.language, None if term.language else term.datatype.value)
    raise QueryError(f"unsupported term in the results: {term!r}")


def _from_rdflib(term: object) -> Term:
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return Term("iri", str(term))
    if isinstance(term, BNode):
        return Term("bnode", str(term))
    if isinstance(term, Literal):
        if term.language:
            return Term("literal", str(term), term.language)
        return Term("literal", str(term), None, str(term.datatype) if term.datatype else _XSD_STRING)
    raise QueryError(f"unsupported term in the results: {term!r}")


def run(store: ox.Store, query: Query, values: Mapping[str, str] | None = None) -> Result:
    """Run ``query`` on a pyoxigraph store with its parameters bound as RDF terms."""
    text = with_values(query, bind(query, values or {}))
    try:
        answer = store.query(text, prefixes=PREFIXES)
        if isinstance(answer, ox.QueryBoolean):
            return Result(boolean=bool(answer))
        if isinstance(answer, ox.QuerySolutions):
            names = tuple(v.value for v in answer.variables)
            rows = tuple(tuple(None if s[i] is None else _from_ox(s[i]) for i in range(len(names))) for s in answer)
            return Result(names, rows)
        triples = tuple((_from_ox(t.subject), _from_ox(t.predicate), _from_ox(t.object)) for t in answer)
        return Result(triples=tuple(sorted(triples, key=lambda t: tuple(x.n3() for x in t))))
    except (SyntaxError, ValueError, RuntimeError, OSError) as e:
        raise QueryError(f"{query.name}: {str(e).strip()}") from e


def run_rdflib(graph: object, query: Query, values: Mapping[str, str] | None = None) -> Result:
    """Run ``query`` on an ``rdflib.Graph`` (parameters as ``initBindings``); same results as :func:`run`."""
    from rdflib import Literal, URIRef, Variable

    def to_rdflib(t: ox.NamedNode | ox.Literal) -> object:
        if isinstance(t, ox.NamedNode):
            return URIRef(t.value)
        if t.language:
            return Literal(t.value, lang=t.language)
        return Literal(t.value, datatype=URIRef(t.datatype.value) if t.datatype.value != _XSD_STRING else None)

    bound = {Variable(k): to_rdflib(v) for k, v in bind(query, values or {}).items()}
    try:
        answer = graph.query(query.text, initNs=PREFIXES, initBindings=bound)  # type: ignore[attr-defined]
    except Exception as e:  # noqa: BLE001 - rdflib raises pyparsing and plain exceptions for bad queries
        raise QueryError(f"{query.name}: {str(e).strip()}") from e
    if answer.type == "ASK":
        return Result(boolean=bool(answer.askAnswer))
    if answer.type in ("CONSTRUCT", "DESCRIBE"):
        triples = tuple(tuple(_from_rdflib(x) for x in t) for t in answer)
        return Result(triples=tuple(sorted(triples, key=lambda t: tuple(x.n3() for x in t))))  # type: ignore[arg-type]
    names = tuple(str(v) for v in answer.vars)
    return Result(names, tuple(tuple(None if row[i] is None else _from_rdflib(row[i]) for i in range(len(names)))
                               for row in answer))


# --- output formats ------------------------------------------------------------------------------

def compact(iri: str) -> str:
    """``kg:person-1`` for ``https://example.org/kg/person-1``; other IRIs unchanged."""
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns) and len(iri) > len(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, limit: int) -> str:
    if limit <= 0 or _width(text) <= limit:
        return text
    out, used = [], 0
    for ch in text:
        w = _width(ch)
        if used + w > limit - 1:
            break
        out.append(ch)
        used += w
    return "".join(out) + "…"


def _cell(t: Term | None) -> str:
    if t is None:
        return ""
    text = compact(t.value) if t.kind == "iri" else ("_:" + t.value if t.kind == "bnode" else t.value)
    return " ".join(text.split())


def format_table(result: Result, max_width: int = 60) -> str:
    """A plain-text table (IRIs compacted, cells clipped to ``max_width`` columns; 0 keeps them whole)."""
    if result.boolean is not None:
        return "yes" if result.boolean else "no"
    if not result.variables:
        return format_ntriples(result)
    cells = [[_clip(_cell(t), max_width) for t in row] for row in result.rows]
    header = list(result.variables)
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(header)]

    def line(values: Iterable[str]) -> str:
        return "  ".join(v + " " * (w - _width(v)) for v, w in zip(values, widths)).rstrip()

    out = [line(header), line("-" * w for w in widths)] + [line(r) for r in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)


def format_csv(result: Result) -> str:
    """SPARQL 1.1 Query Results CSV: a header of names, then values (IRIs whole, literals as text)."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    if result.boolean is not None:
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
        return buf.getvalue()
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow(["" if t is None else ("_:" + t.value if t.kind == "bnode" else t.value) for t in row])
    return buf.getvalue()


def format_tsv(result: Result) -> str:
    """SPARQL 1.1 Query Results TSV: ``?name`` headers, then terms in Turtle syntax."""
    if result.boolean is not None:
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in result.variables)]
    lines += ["\t".join("" if t is None else t.n3().replace("\t", "\\t") for t in row) for row in result.rows]
    return "\n".join(lines) + "\n"


def format_json(result: Result) -> str:
    """SPARQL 1.1 Query Results JSON."""
    if result.boolean is not None:
        return json.dumps({"head": {}, "boolean": result.boolean}) + "\n"

    def term(t: Term) -> dict[str, str]:
        out = {"type": {"iri": "uri", "bnode": "bnode", "literal": "literal"}[t.kind], "value": t.value}
        if t.language:
            out["xml:lang"] = t.language
        elif t.kind == "literal" and t.datatype and t.datatype != _XSD_STRING:
            out["datatype"] = t.datatype
        return out

    bindings = [{v: term(t) for v, t in zip(result.variables, row) if t is not None} for row in result.rows]
    return json.dumps({"head": {"vars": list(result.variables)}, "results": {"bindings": bindings}},
                      ensure_ascii=False, indent=1) + "\n"


def format_ntriples(result: Result) -> str:
    """The triples of a CONSTRUCT or DESCRIBE, one per line."""
    return "".join(f"{s.n3()} {p.n3()} {o.n3()} .\n" for s, p, o in result.triples)


def format_result(result: Result, fmt: str = "table", max_width: int = 60) -> str:
    """``result`` in one of :data:`FORMATS` (graph results are always N-Triples)."""
    if result.boolean is None and not result.variables and result.triples:
        return format_ntriples(result)
    if fmt == "table":
        return format_table(result, max_width) + "\n"
    if fmt == "csv":
        return format_csv(result)
    if fmt == "tsv":
        return format_tsv(result)
    if fmt == "json":
        return format_json(result)
    raise QueryError(f"unknown result format {fmt!r}; choose from {', '.join(FORMATS)}")
