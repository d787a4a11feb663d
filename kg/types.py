"""Frozen records passed between pipeline stages.

Every record that comes from text carries a :class:`Span` so any fact can point back at its words.
Offsets are Python string indices (Unicode code points) into ``Document.text``, end exclusive.
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from operator import attrgetter

PERSON = "Person"
ORGANIZATION = "Organization"
PLACE = "Place"
HONOR = "Honor"
ENTITY_TYPES = (PERSON, ORGANIZATION, PLACE, HONOR)

MEMBERSHIP = "membership"
AWARD = "award"
QUOTE = "quote"
SUBORGANIZATION = "suborganization"
LOCATED_IN = "located_in"
CONTAINED_IN_PLACE = "contained_in_place"
RELATION_KINDS = (MEMBERSHIP, AWARD, QUOTE, SUBORGANIZATION, LOCATED_IN, CONTAINED_IN_PLACE)


def pickled_as_call(cls: type) -> type:
    """Pickle instances of a frozen dataclass as a call of ``cls`` with its field values.

    The pickling that ``dataclass(slots=True)`` adds looks up the fields again for every object; the
    analysis cache holds hundreds of thousands of these records, and this halves the time to load them.
    """
    values = attrgetter(*(f.name for f in fields(cls)))
    assert len(fields(cls)) > 1, "attrgetter returns a tuple only for two or more names"

    def __reduce__(self: object) -> tuple[type, tuple]:
        return cls, values(self)

    cls.__reduce__ = __reduce__  # type: ignore[method-assign]
    return cls


@pickled_as_call
@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of one document's text: ``text[start:end]``."""

    doc_id: str
    start: int
    end: int


@pickled_as_call
@dataclass(frozen=True, slots=True)
class Document:
    """One article as read: its text and the metadata its file gave."""

    id: str
    text: str
    source: str | None = None
    title: str | None = None
    date: str | None = None
    author: str | None = None
    url: str | None = None


@pickled_as_call
@dataclass(frozen=True, slots=True)
class Token:
    """A word from the segmenter, with its part-of-speech tag when the segmenter gives one."""

    text: str
    start: int
    end: int
    pos: str = ""


@pickled_as_call
@dataclass(frozen=True, slots=True)
class Mention:
    """A name in the text; ``entity_id`` is filled by linking."""

    text: str
    label: str  # one of ENTITY_TYPES
    span: Span
    entity_id: str | None = None


@pickled_as_call
@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world thing; ``id`` is stable across runs and input order."""

    id: str
    name: str
    label: str
    aliases: tuple[str, ...] = ()


@pickled_as_call
@dataclass(frozen=True, slots=True)
class Relation:
    """A fact between two entities (or an entity and a statement, for quotes).

    ``subject`` and ``object`` are mention keys before linking and entity ids after.
    ``role`` is the title as written, for memberships; ``text`` is the statement, for quotes.
    ``evidence`` is the sentence (or passage) that states the fact.
    """

    kind: str  # one of RELATION_KINDS
    subject: str
    object: str | None
    evidence: Span
    role: str | None = None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """What extraction finds in one document: its mentions and the facts between them."""

    document: Document
    mentions: tuple[Mention, ...] = ()
    relations: tuple[Relation, ...] = ()
    sentences: tuple[Span, ...] = field(default=())
