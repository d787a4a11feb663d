"""Read article files into :class:`~kg.types.Document` records.

Supported: ``.txt``; ``.md`` with optional YAML front matter (title, date, author, source_url);
``.html``/``.htm`` (visible text only; scripts and styles dropped); ``.jsonl`` (one article per line:
``text`` plus optional ``title``/``date``/``url``/``author``). Encodings are detected with
charset-normalizer (UTF-8 with or without BOM, UTF-16 with BOM, GB18030/GBK, Big5).

Offsets in every later stage index into ``Document.text``: the decoded text as read (for Markdown,
the body after the front matter; for HTML, the extracted text).

Hostile input gets a clear reason instead of a crash or a hang: only regular files are read (a FIFO
or device named ``x.txt`` is reported, not opened for blocking reads); an article of more than
:data:`MAX_ARTICLE_CHARS` characters, or a non-JSONL file of more than :data:`MAX_FILE_BYTES` bytes,
is reported as too large; text that is almost UTF-8 is reported with the offset of its first bad byte
rather than guessed as another encoding; JSON and YAML nested too deeply are reported per line or file;
metadata values must be scalars (YAML aliases cannot blow a title up); unpaired surrogates from JSON
``\\ud800`` escapes become U+FFFD. JSONL lines are split on ``\\n`` only, so a U+2028 inside a record does
not break it.
"""
from __future__ import annotations

import datetime
import errno
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import charset_normalizer
import yaml

from kg.errors import FormatError, InputError
from kg.types import Document

SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".jsonl")
MAX_ARTICLE_CHARS = 1_000_000  # about 30 s of analysis; a news article is rarely a tenth of that
MAX_FILE_BYTES = 64 * 2**20  # larger .txt/.md/.html files are reported without being read (JSONL: no limit)
TITLE_CHARS = 200  # a .txt title (its first line) is cut to this many characters
_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


@dataclass(frozen=True, slots=True)
class Skipped:
    """An input that was not read, and why."""

    path: str
    reason: str

    def __post_init__(self) -> None:
        # A file name with undecodable bytes (or a JSON \\ud800 escape) must not crash whoever prints the report.
        object.__setattr__(self, "path", display_path(self.path))
        object.__setattr__(self, "reason", display_path(self.reason))


def document_id(text: str) -> str:
    """A stable id from the article's text, so the same article gets the same id wherever it lies.

    >>> document_id("郑州")
    'doc-94303fd7cbd6'
    """
    return "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def decode(data: bytes, where: str) -> str:
    """Decode bytes of unknown encoding; raise InputError for binary or undecodable data."""
    if not data.strip():
        what = "holds only whitespace" if data else "is empty"
        raise InputError(f"{where}: the file {what}; add article text or remove it from the input")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return _text(data[len(bom):].decode(enc), where)
            except UnicodeDecodeError as e:
                raise InputError(f"{where}: starts with a {enc} byte-order mark but is not valid {enc} ({e.reason})") from e
    if b"\x00" in data[:4096]:
        raise InputError(f"{where}: looks binary (NUL bytes) and has no UTF-16 byte-order mark; only text articles are read")
    try:
        return _text(data.decode("utf-8"), where)
    except UnicodeDecodeError as e:
        first_error = e
    if _mostly_utf8(data):
        # A few bad bytes in UTF-8 text: guessing another encoding would turn the whole article into mojibake.
        e = first_error
        line = data.count(b"\n", 0, e.start) + 1
        raise InputError(f"{where}: not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start}, line {line}: "
                         f"{e.reason}); the rest looks like UTF-8, so the file is probably damaged; fix that byte "
                         "or save the file as UTF-8")
    # Only the encodings Chinese news comes in: any other guess (cp1251, latin-1...) would be mojibake.
    results = charset_normalizer.from_bytes(data, cp_isolation=["gb18030", "big5"])
    best = results.best()
    gb = next((m for m in results if m.encoding == "gb18030"), None)
    if best is not None and gb is not None and gb.chaos <= best.chaos and gb.coherence >= best.coherence:
        best = gb  # a tie (short texts decode cleanly either way): mainland news is far more often GBK than Big5
    if best is None or best.encoding is None:
        raise InputError(f"{where}: neither UTF-8, UTF-16 with a byte-order mark, GB18030/GBK nor Big5 "
                         "(or binary data); save the file as UTF-8")
    return _text(str(best), where)


def _text(text: str, where: str) -> str:
    if _looks_binary(text):
        raise InputError(f"{where}: looks binary (control characters); only text articles are read")
    return text


def _mostly_utf8(data: bytes) -> bool:
    """True when ``data`` is UTF-8 with a few bad bytes: valid multi-byte sequences outnumber errors ten to one.

    GBK or Big5 text read as UTF-8 gives about ten errors for each valid sequence, so it never passes.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode("utf-8"))
    multibyte = len(data) - len(text)  # each valid multi-byte character makes the text shorter than the bytes
    return 0 < bad and 10 * bad <= multibyte


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")  # below U+0020, save tab, line feed, vertical tab, form feed, CR


def _looks_binary(text: str) -> bool:
    """More than 1% control characters (at least three) in the first 4,096 characters.

    >>> _looks_binary("郑州\\n\\t" * 100), _looks_binary("a\\x00b\\x01c\\x02d"), _looks_binary("\\x00\\x01")
    (False, True, False)
    """
    sample = text[:4096]
    return len(_CONTROL.findall(sample)) > max(2, len(sample) // 100)


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


_SURROGATE = re.compile("[\ud800-\udfff]")
_SCALARS = (str, int, float, datetime.date)  # bool is an int; datetime a date


def clean_text(text: str) -> str:
    """``text`` with unpaired surrogates (from JSON ``\\ud800`` escapes) replaced by U+FFFD, so it encodes as UTF-8.

    >>> clean_text("a\\ud800b")
    'a\\ufffdb'
    """
    return _SURROGATE.sub("\ufffd", text) if _SURROGATE.search(text) else text


def display_path(path: Path | str) -> str:
    """A path (or message) as text that always encodes: undecodable file-name bytes are shown as ``\\xNN``.

    >>> display_path(os.fsdecode(b"a\\xff.txt"))
    'a\\\\xff.txt'
    """
    text = os.fspath(path)
    if not _SURROGATE.search(text):
        return text
    return _SURROGATE.sub(lambda m: f"\\x{ord(m.group()) - 0xdc00:02x}" if "\udc80" <= m.group() <= "\udcff"
                          else "\ufffd", text)


def _meta(value: object) -> str | None:
    """A metadata value as text: scalars only (a list or mapping, even a huge aliased YAML one, is left out)."""
    if value is None or not isinstance(value, _SCALARS):
        return None
    text = clean_text(str(value)).strip()
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
    except RecursionError as e:
        raise FormatError(f"{where}: the YAML front matter is nested too deeply to read; fix or remove it") from e
    if not isinstance(meta, dict):
        raise FormatError(f"{where}: the front matter must be a YAML mapping (key: value lines)")
    return raw[match.end():], meta


def _check_size(text: str, where: str, extra: int = 0) -> None:
    if len(text) + extra > MAX_ARTICLE_CHARS:
        raise InputError(f"{where}: the article has {len(text) + extra:,} characters (with its metadata); at most "
                         f"{MAX_ARTICLE_CHARS:,} are read per article (split it into several articles)")


def _document(text: str, where: str, meta: dict) -> Document:
    values = {k: _meta(meta.get(k)) for k in ("title", "date", "author")}
    values["url"] = _meta(meta.get("source_url") or meta.get("url"))
    _check_size(text, where, sum(len(v) for v in values.values() if v))
    if not text.strip():
        raise InputError(f"{where}: no article text (empty or whitespace only)")
    text = clean_text(text)
    return Document(id=document_id(text), text=text, source=display_path(where), **values)


def read_file(path: Path) -> tuple[list[Document], list[Skipped]]:
    """Read one file into documents; bad JSONL lines come back as Skipped, other faults raise InputError."""
    where = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InputError(f"{where}: unsupported file type {suffix or '(none)'!r}; use one of {', '.join(SUFFIXES)}")
    data = _read_bytes(path, where, None if suffix == ".jsonl" else MAX_FILE_BYTES)
    raw = decode(data, where)
    if suffix == ".txt":
        _check_size(raw, where)
        return [_document(raw, where, {"title": _first_line(raw)})], []
    if suffix in (".md", ".markdown"):
        body, meta = parse_markdown(raw, where)
        return [_document(body, where, meta)], []
    if suffix in (".html", ".htm"):
        text, title = html_to_text(raw)
        return [_document(text, where, {"title": title})], []
    return _read_jsonl(raw, where)


def _read_bytes(path: Path, where: str, limit: int | None) -> bytes:
    """The bytes of a regular file (never blocks on a FIFO or reads a device); InputError otherwise."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise InputError(f"{where}: cannot read ({e.strerror or e}); check the path and its permissions") from e
    with os.fdopen(fd, "rb") as f:
        try:
            st = os.fstat(f.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise InputError(f"{where}: not a regular file ({_kind(st.st_mode)}); only article files are read")
            if limit is not None and st.st_size > limit:
                raise InputError(f"{where}: the file is {st.st_size / 2**20:.1f} MiB; files over {limit // 2**20} MiB "
                                 "are not read (split it, or put one article per line in a .jsonl file)")
            data = f.read() if limit is None else f.read(limit + 1)
        except OSError as e:
            raise InputError(f"{where}: cannot read ({e.strerror or e}); check the file and its permissions") from e
    if limit is not None and len(data) > limit:
        raise InputError(f"{where}: the file grew past {limit // 2**20} MiB while it was read; not read")
    return data


def _kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a regular file"


def _first_line(raw: str) -> str | None:
    """The first non-blank line, cut to :data:`TITLE_CHARS` characters (a .txt article's title)."""
    for line in raw.splitlines():
        line = line.strip()
        if line:
            return line if len(line) <= TITLE_CHARS else line[:TITLE_CHARS - 1].rstrip() + "…"
    return None


def _read_jsonl(raw: str, where: str) -> tuple[list[Document], list[Skipped]]:
    docs: list[Document] = []
    skipped: list[Skipped] = []
    # Split on "\n" only: str.splitlines() would also split inside records at U+2028, U+0085, \x1c...
    for lineno, line in enumerate(raw.split("\n"), 1):
        if not line.strip():
            continue
        here = f"{where}:{lineno}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as e:
            skipped.append(Skipped(here, f"not valid JSON ({e.msg}; column {e.colno})"))
            continue
        except RecursionError:
            skipped.append(Skipped(here, "JSON nested too deeply to read"))
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
        try:
            is_dir = stat.S_ISDIR(path.stat().st_mode)
        except OSError as e:
            if os.path.islink(path):  # a dangling or looping link: read_file says which
                found.append(path)
            elif e.errno in (errno.ENOENT, errno.ENOTDIR):
                skipped.append(Skipped(display_path(path), "no such file or folder"))
            else:
                skipped.append(Skipped(display_path(path), f"cannot be read ({e.strerror or e})"))
            continue
        if is_dir:
            if not os.access(path, os.R_OK | os.X_OK):
                skipped.append(Skipped(display_path(path), "folder cannot be read (Permission denied)"))
                continue
            for root, dirs, files in os.walk(path, onerror=lambda e: skipped.append(
                    Skipped(display_path(e.filename), f"folder cannot be read ({e.strerror})"))):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and Path(name).suffix.lower() in SUFFIXES:
                        found.append(Path(root) / name)
        else:
            found.append(path)
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
