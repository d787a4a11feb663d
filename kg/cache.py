"""An on-disk cache of per-article analyses, so a rebuild re-analyzes only new or changed articles.

An entry is keyed by the article's content (:func:`document_key`) inside a folder named by the
*fingerprint* of everything else the analysis depends on (extractor version, segmenter, lexicon and
model files, the extraction code): change any of them and every old entry is simply never looked up.

Entries are pickles behind a small header (magic, format, SHA-256 of the payload). They are written
to a temporary file and renamed into place, so a build killed mid-write leaves no partial entry, and
an entry that fails its checksum or does not unpickle is treated as a miss (and overwritten).
The cache holds only what this program wrote; do not point ``--cache`` at files from untrusted sources
(unpickling runs code).
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.types import Document

FORMAT = 1
MAGIC = b"KGCACHE"
_HEADER = len(MAGIC) + 1 + 32  # magic, format byte, sha256 of the payload
CACHE_DIRNAME = ".kg-cache"


def document_key(doc: Document) -> str:
    """A key from everything an article's analysis can depend on: its id, text and metadata.

    The file it came from (``source``) is left out, so a moved or copied article is still a hit.

    >>> document_key(Document("doc-1", "郑州")) == document_key(Document("doc-1", "郑州", source="b.txt"))
    True
    """
    h = hashlib.sha256()
    for part in (doc.id, doc.text, doc.title, doc.date, doc.author, doc.url):
        data = b"\x00" if part is None else b"\x01" + part.encode("utf-8")
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


def fingerprint(parts: Iterable[str], files: Iterable[Path]) -> str:
    """SHA-256 over some strings and the names and contents of some files, in the order given.

    Only file names count, not folders, so the same files elsewhere give the same fingerprint; a missing
    file counts as absent.

    >>> fingerprint(["1"], []) == fingerprint(["1"], [])
    True
    >>> fingerprint(["1"], []) == fingerprint(["2"], [])
    False
    """
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8")
        h.update(b"s" + len(data).to_bytes(8, "little") + data)
    for path in map(Path, files):
        h.update(b"f" + path.name.encode("utf-8") + b"\x00")
        try:
            data = path.read_bytes()
        except OSError:
            h.update(b"-")
            continue
        h.update(len(data).to_bytes(8, "little") + hashlib.sha256(data).digest())
    return h.hexdigest()


def encode(value: Any) -> bytes:
    """An entry's bytes: header, then the pickled value."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return MAGIC + bytes([FORMAT]) + hashlib.sha256(payload).digest() + payload


def decode(data: bytes) -> Any:
    """The value of an entry; ValueError when the entry is truncated, corrupt or of another format."""
    if len(data) < _HEADER or not data.startswith(MAGIC) or data[len(MAGIC)] != FORMAT:
        raise ValueError("not a cache entry of this format")
    digest, payload = data[len(MAGIC) + 1:_HEADER], data[_HEADER:]
    if hashlib.sha256(payload).digest() != digest:
        raise ValueError("checksum mismatch")
    try:
        return pickle.loads(payload)
    except Exception as e:  # noqa: BLE001 - any unpickling failure means a bad entry
        raise ValueError(f"does not unpickle ({type(e).__name__})") from e


@dataclass
class CacheStats:
    """What the cache did during one build."""

    hits: int = 0
    misses: int = 0
    writes: int = 0
    corrupt: int = 0
    write_errors: list[str] = field(default_factory=list)


class AnalysisCache:
    """Entries under ``root/v<FORMAT>-<fingerprint>/<key[:2]>/<key>``.

    Parameters
    ----------
    root:
        The cache folder (created on first write).
    fingerprint:
        A hash of everything besides the article that the cached values depend on.
    """

    def __init__(self, root: Path | str, fingerprint: str) -> None:
        self.root = Path(root)
        self.fingerprint = fingerprint
        self.folder = self.root / f"v{FORMAT}-{fingerprint[:24]}"
        self.stats = CacheStats()

    def path(self, key: str) -> Path:
        return self.folder / key[:2] / key

    def get(self, key: str) -> Any | None:
        """The cached value, or None on a miss (absent, unreadable or corrupt entry)."""
        try:
            data = self.path(key).read_bytes()
        except OSError:
            self.stats.misses += 1
            return None
        try:
            value = decode(data)
        except ValueError:
            self.stats.corrupt += 1
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return value

    def put(self, key: str, value: Any) -> bool:
        """Store ``value`` atomically; False (and a note in ``stats.write_errors``) if it cannot be written.

        A cache that cannot be written slows the next build down but never fails this one.
        """
        path = self.path(key)
        data = encode(value)
        tmp = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=f".{key[:16]}.", suffix=".tmp", dir=path.parent)
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, path)
        except OSError as e:
            if tmp is not None:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            if len(self.stats.write_errors) < 5:
                self.stats.write_errors.append(f"{path}: {e.strerror or e}")
            return False
        self.stats.writes += 1
        return True


__all__ = ["AnalysisCache", "CacheStats", "CACHE_DIRNAME", "document_key", "fingerprint", "encode", "decode"]
