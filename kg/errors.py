"""One family of errors; each message says where and what to do."""
from __future__ import annotations


class KgError(Exception):
    """Base class for errors raised by kg."""


class InputError(KgError):
    """An input file could not be read as an article (missing, unreadable, binary, empty, bad encoding)."""


class FormatError(InputError):
    """A file was read but its structure is broken (bad JSON line, bad front matter)."""


class ExportError(KgError):
    """An export could not be written; earlier exports are left in place."""


class ModelError(KgError):
    """A shipped model or lexicon is missing or broken; reinstall the package."""


class QueryError(KgError):
    """A SPARQL query is malformed or names an unknown query or parameter."""


class NotFoundError(KgError):
    """A name given by the user (an entity, a named query) matches nothing, or more than one thing."""
