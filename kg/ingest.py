"""Read article files into :class:`~kg.types.Document` records.

Supported: ``.txt``; ``.md`` with optional YAML front matter (title, date, author, source_url);
``.html``/``.htm`` (visible text only; scripts and styles dropped); ``.jsonl`` (one article per line:
``text`` plus optional ``title``/``date``/``url``/``author``). Encodings are detected with
charset-normalizer (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5).

Offsets in every later stage index into ``Document.text``: the decoded text as read (for Markdown,
the body after the front matter; for HTML, the extracted text).
"""
from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import charset_normalizer
import yaml

from kg.errors import FormatError, InputError
from kg.types import Document

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not read, and why."""

    path: str
    reason: str


def document_id(text: str) -> str:
    """A stable id from the article's text, so the same article gets the same id wherever it lies.

    >>> document_id("郑州")
    'doc-94303fd7cbd6'
    """
    return "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def decode(data: bytes, where: str) -> str:
    """Decode bytes of unknown encoding; raise InputError for binary or undecodable data."""
    if not data.strip():
        raise InputError(f"{where}: the file is empty; add article text or remove it from the input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise InputError(f"{where}: starts with a {enc} byte-order mark but is not valid {enc} ({e.reason})") from e
    if b"\x00" in data[:4096]:
        raise InputError(f"{where}: looks binary (NUL bytes) and has no UTF-16 byte-order mark; only text articles are read")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5", "utf_8", "utf_16"]).best()
    if best is None or best.encoding is None:
        best = charset_normalizer.from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{where}: unknown encoding or binary data; save the file as UTF-8")
    text = str(best)
    if _looks_binary(text):
        raise InputError(f"{where}: looks binary (control characters); only text articles are read")
    return text


def _looks_binary(text: str) -> bool:
    sample = text[:4096]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    return controls > max(2, len(sample) // 100)


class _TextExtractor(HTMLParser):
    _SKIP = {"script", "style", "noscript", "template", "head"}
    _BLOCK = {"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article",
              "blockquote", "header", "footer", "title", "figcaption", "pre", "ul", "ol", "table"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: list[str] = []
        self._skip_depth = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs) -> None:  # noqa: ANN001 - HTMLParser's signature
        if tag == "title":
            self._in_title = True
        elif tag in self._SKIP:
            self._skip_depth += 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        elif tag in self._SKIP and self._skip_depth:
            self._skip_depth -= 1
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title.append(data)
        elif not self._skip_depth:
            self.parts.append(data)


def html_to_text(html: str) -> tuple[str, str | None]:
    """Visible text of an HTML page (scripts and styles dropped) and its <title>."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    title = " ".join("".join(parser.title).split()) or None
    return text, title


def _meta(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def parse_markdown(raw: str, where: str) -> tuple[str, dict]:
    """Split optional YAML front matter from the body."""
    match = _FRONT_MATTER.match(raw)
    if not match:
        return raw, {}
    try:
        meta = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as e:
        raise FormatError(f"{where}: the YAML front matter does not parse ({e.__class__.__name__}); fix or remove it") from e
    if not isinstance(meta, dict):
        raise FormatError(f"{where}: the front matter must be a YAML mapping (key: value lines)")
    return raw[match.end():], meta


def _document(text: str, where: str, meta: dict) -> Document:
    if not text.strip():
        raise InputError(f"{where}: no article text (empty or whitespace only)")
    return Document(
        id=document_id(text),
        text=text,
        source=where,
        title=_meta(meta.get("title")),
        date=_meta(meta.get("date")),
        author=_meta(meta.get("author")),
        url=_meta(meta.get("source_url") or meta.get("url")),
    )


def read_file(path: Path) -> tuple[list[Document], list[Skipped]]:
    """Read one file into documents; bad JSONL lines come back as Skipped, other faults raise InputError."""
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{where}: unsupported file type {suffix or '(none)'!r}; use one of {', '.join(SUFFIXES)}")
    try:
        data = path.read_bytes()
    except OSError as e:
        raise InputError(f"{where}: cannot read ({e.strerror or e}); check the path and its permissions") from e
    raw = decode(data, where)
    if suffix == ".txt":
        first_line = next((line.strip() for line in raw.splitlines() if line.strip()), None)
        return [_document(raw, where, {"title": first_line})], []
    if suffix in (".md", ".markdown"):
        body, meta = parse_markdown(raw, where)
        return [_document(body, where, meta)], []
    if suffix in (".html", ".htm"):
        text, title = html_to_text(raw)
        return [_document(text, where, {"title": title})], []
    return _read_jsonl(raw, where)


def _read_jsonl(raw: str, where: str) -> tuple[list[Document], list[Skipped]]:
    docs: list[Document] = []
    skipped: list[Skipped] = []
    for lineno, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        here = f"{where}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            skipped.append(Skipped(here, f"not valid JSON ({e.msg} at column {e.colno})"))
            continue
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            skipped.append(Skipped(here, 'expected an object with a "text" string'))
            continue
        try:
            docs.append(_document(record["text"], here, record))
        except InputError as e:
            skipped.append(Skipped(here, str(e).removeprefix(here + ": ")))
    if not docs and not skipped:
        raise InputError(f"{where}: no articles (every line is blank)")
    return docs, skipped


def find_files(paths: Iterable[Path]) -> tuple[list[Path], list[Skipped]]:
    """Expand files and folders into article files, sorted so the order never depends on the OS."""
    found: list[Path] = []
    skipped: list[Skipped] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            if not os.access(path, os.R_OK | os.X_OK):
                skipped.append(Skipped(str(path), "folder cannot be read (permission denied)"))
                continue
            for root, dirs, files in os.walk(path, onerror=lambda e: skipped.append(
                    Skipped(str(e.filename), f"folder cannot be read ({e.strerror})"))):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                        found.append(Path(root) / name)
        elif path.exists() or path.is_symlink():
            found.append(path)
        else:
            skipped.append(Skipped(str(path), "no such file or folder"))
    return sorted(set(found), key=lambda p: str(p)), skipped


def read_documents(paths: Iterable[Path]) -> Iterator[Document | Skipped]:
    """Yield every document under ``paths``, and a Skipped record for each input that could not be read."""
    files, skipped = find_files(paths)
    yield from skipped
    for path in files:
        try:
            docs, bad = read_file(path)
        except InputError as e:
            yield Skipped(str(path), str(e).removeprefix(str(path) + ": "))
            continue
        yield from docs
        yield from bad
