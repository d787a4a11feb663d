"""Helpers of the reliability suite: a hostile corpus the tests write themselves, and ways to run kg.

Every article here is handmade (no evaluation text is copied). Each good article names one person
(:data:`NAMES`), so a test can check that the article *and* what it says reached the graph.

Permissions: CI runs the tests as root, and root reads a ``chmod 000`` folder anyway. Tests that need
an unreadable path therefore run ``kg build`` without root's DAC capabilities when the suite runs as
root (:func:`unprivileged_prefix`), and skip, saying why, only when even that is impossible. Folders
whose permissions a test removes are restored by a finalizer (the ``locked`` fixture), pass or fail.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[2]
IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0

# Hypothesis settings of the suite: no deadline (the first example loads the recognizer) and a fixed,
# derandomized set of examples, so CI's time and outcome never depend on the machine or the day.
# For a long random search by hand: KG_RELIABILITY_EXAMPLES=5000 pytest tests/reliability/test_hostile.py
_EXAMPLES = os.environ.get("KG_RELIABILITY_EXAMPLES")
HYPOTHESIS = settings(deadline=None, max_examples=int(_EXAMPLES or 100), derandomize=not _EXAMPLES,
                      suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large], database=None)

NAMES = ["王建国", "李红梅", "张卫东", "刘志强", "陈秀英", "杨国华", "赵丽娟", "黄海涛", "周明亮", "吴春燕",
         "徐振华", "孙晓东", "马文博", "朱玉兰", "胡德胜"]


def article(name: str, n: int = 0) -> str:
    """A short news paragraph in which ``name`` is the chairman of a trade union and says something."""
    return (f"第{n}期通讯\n\n郑州市总工会主席{name}表示：要做好职工服务工作，把温暖送到一线。\n"
            f"据悉，今年以来全市各级工会共走访慰问职工{n + 100}人次。\n")


TRADITIONAL = "臺灣省總工會理事長陳建國表示：要做好職工服務工作。據悉，今年以來共走訪慰問職工三百人次。\n"

# A real PNG: signature, IHDR, IDAT and IEND of a 1x1 image.
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
                    "0000000d49444154789c6360f8cf00000301010018dd8db00000000049454e44ae426082")

# Characters that break naive quoting in Turtle, JSON, HTML, URLs, shells and file listings.
HOSTILE = "空格 \"双引号\" '单引号' <尖括号> #井号 %百分号%41 \\反斜杠\\ 换行\n😀emoji"


@dataclass(frozen=True)
class Good:
    """A good input: where it is, the article texts it holds, and one person each article names."""

    path: Path
    texts: tuple[str, ...]
    names: tuple[str, ...]


@dataclass(frozen=True)
class Bad:
    """A bad input: the path the report must name, and a fragment its reason must contain."""

    path: str
    reason: str


@dataclass
class Corpus:
    root: Path
    good: list[Good]
    bad: list[Bad]

    @property
    def texts(self) -> list[str]:
        return [t for g in self.good for t in g.texts]

    @property
    def names(self) -> list[str]:
        return [n for g in self.good for n in g.names]


def write_hostile_corpus(root: Path) -> Corpus:
    """Good articles in every supported encoding and shape, among bad inputs of every kind (see test_inputs).

    Only inputs any user can create here; the unreadable folder, the 50 MB line and the 10,000 files
    have tests of their own.
    """
    root.mkdir(parents=True, exist_ok=True)
    good: list[Good] = []
    bad: list[Bad] = []
    names = iter(NAMES)

    def add_good(relpath: str, data: bytes, texts: tuple[str, ...], people: tuple[str, ...]) -> None:
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        good.append(Good(path, texts, people))

    def add_bad(relpath: str, data: bytes | None, reason: str) -> Path:
        path = root / relpath
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is not None:
            path.write_bytes(data)
        bad.append(Bad(str(path), reason))
        return path

    n = next(names); t = article(n, 1)
    add_good("plain.txt", t.encode("utf-8"), (t,), (n,))
    n = next(names); t = article(n, 2)
    add_good("gbk.txt", t.encode("gbk"), (t,), (n,))
    add_good("big5.txt", TRADITIONAL.encode("big5"), (TRADITIONAL,), ())
    n = next(names); t = article(n, 3)
    add_good("utf16-bom.txt", b"\xff\xfe" + t.encode("utf-16-le"), (t,), (n,))
    n = next(names); t = article(n, 4)
    add_good("utf16be-bom.md", b"\xfe\xff" + ("---\ntitle: 大端\n---\n" + t).encode("utf-16-be"), (t,), (n,))
    n = next(names); t = article(n, 5)
    add_good("utf8-bom.txt", b"\xef\xbb\xbf" + t.encode("utf-8"), (t,), (n,))
    n = next(names); t = article(n, 6)
    body = t.strip()
    add_good("deep.html", ("<html><head><title>深</title></head><body>" + "<div>" * 20_000 + body
                           + "</div>" * 20_000 + "</body></html>").encode("utf-8"), (body,), (n,))
    # File names with spaces and Chinese characters, and with everything that breaks quoting.
    n = next(names); t = article(n, 7)
    add_good("子目录 一/带 空格 的 文章.txt", t.encode("utf-8"), (t,), (n,))
    n = next(names); t = article(n, 8)
    add_good(HOSTILE + ".txt", t.encode("utf-8"), (t,), (n,))
    # A JSONL file: good lines around a malformed one, a blank line and a line that is not an article.
    n1, n2, n3 = next(names), next(names), next(names)
    t1, t2, t3 = article(n1, 9), article(n2, 10), article(n3, 11) + "行内分隔符\u2028之后\u0085仍是同一篇"
    lines = [
        {"text": t1, "title": HOSTILE, "author": "作者<script>alert(1)</script>", "url": "https://例子.cn/a b?x=\"1\"#frag"},
        "{\"text\": \"断了的一行",
        "",
        {"text": t2, "title": ["不是", "标量"], "date": "2024-05-01"},
        "[1, 2, 3]",
        # A lone surrogate escape (\ud800) in JSON: the title keeps the rest, with U+FFFD in its place.
        '{"text": ' + json.dumps(t3, ensure_ascii=False) + ', "title": "\\ud800 后面", "url": "javascript:alert(1)"}',
        "[" * 50_000 + "]" * 50_000,
    ]
    raw = "\n".join(line if isinstance(line, str) else json.dumps(line, ensure_ascii=False) for line in lines)
    add_good("mixed.jsonl", raw.encode("utf-8"), (t1, t2, t3), (n1, n2, n3))
    jsonl = root / "mixed.jsonl"
    bad.append(Bad(f"{jsonl}:2", "not valid JSON"))
    bad.append(Bad(f"{jsonl}:5", 'expected an object with a "text" string'))
    bad.append(Bad(f"{jsonl}:7", "nested too deeply"))
    # YAML front matter with a "billion laughs" alias bomb in the title: read, title left out.
    n = next(names); t = article(n, 12)
    bomb = "\n".join([f"a0: &a0 [{', '.join(['x'] * 9)}]"] +
                     [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]" for i in range(1, 9)] +
                     [f"title: *a8"])
    add_good("alias-bomb.md", f"---\n{bomb}\n---\n{t}".encode("utf-8"), (t,), (n,))

    add_bad("empty.txt", b"", "the file is empty")
    add_bad("whitespace.txt", b" \t\r\n \n\n  ", "the file holds only whitespace")
    add_bad("ideographic-space.md", "\u3000\u3000\n\u3000".encode("utf-8"), "no article text")
    add_bad("image.txt", PNG, "looks binary")
    add_bad("random.html", bytes(range(256)) * 16, "looks binary")
    add_bad("noise.txt", bytes((i * 37 + 11) % 31 + 1 for i in range(4096)), "looks binary")
    damaged = article("胡德胜", 13).encode("utf-8")
    add_bad("invalid-utf8.txt", damaged[:40] + b"\xff" + damaged[40:], "not valid UTF-8 (byte 0xff at offset 40")
    add_bad("deep-front-matter.md", ("---\ntitle: " + "[" * 5000 + "]" * 5000 + "\n---\n正文\n").encode(),
            "nested too deeply")
    add_bad("broken-front-matter.md", "---\ntitle: [未闭合\n---\n正文\n".encode(), "front matter does not parse")
    add_bad("blank.jsonl", b"\n\n  \n", "the file holds only whitespace")
    add_bad("bad-bom.txt", b"\xff\xfe" + b"\x00\xd8", "not valid utf-16-le")
    fifo = root / "pipe.txt"
    os.mkfifo(fifo)
    bad.append(Bad(str(fifo), "not a regular file (a named pipe)"))
    (root / "zero.txt").symlink_to("/dev/zero")
    bad.append(Bad(str(root / "zero.txt"), "not a regular file (a character device)"))
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    bad.append(Bad(str(root / "dangling.txt"), "cannot read (No such file or directory)"))
    (root / "loop.txt").symlink_to(root / "loop.txt")
    bad.append(Bad(str(root / "loop.txt"), "cannot read (Too many levels of symbolic links)"))
    # Not an article type: ignored inside a folder (like README files and images beside articles).
    (root / "photo.png").write_bytes(PNG)
    (root / ".hidden.txt").write_text("隐藏文件不读", encoding="utf-8")
    return Corpus(root, good, bad)


# --- running kg -------------------------------------------------------------------------------------

def kg_command(*args: str | os.PathLike) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *map(str, args)]


def run_kg(*args: str | os.PathLike, timeout: float = 300, **kwargs) -> subprocess.CompletedProcess:
    """Run ``kg ARGS`` in a fresh interpreter and capture its output (text)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **kwargs.pop("env", {})}
    return subprocess.run(kg_command(*args), capture_output=True, text=True, errors="replace", timeout=timeout,
                          env=env, cwd=kwargs.pop("cwd", ROOT), **kwargs)


_DROP_DAC = ["setpriv", "--inh-caps=-dac_override,-dac_read_search", "--bounding-set=-dac_override,-dac_read_search"]


def unprivileged_prefix() -> tuple[list[str] | None, str | None]:
    """A command prefix under which permission bits apply, or (None, why not).

    A normal user needs none. Root ignores permission bits through the capabilities CAP_DAC_OVERRIDE and
    CAP_DAC_READ_SEARCH; util-linux's ``setpriv`` (always on Debian) starts a command without them, so a
    ``chmod 000`` folder of root's is as unreadable to it as to anyone. (Switching to user ``nobody``
    would not do: the interpreter may live under /root, which nobody cannot enter.)
    """
    if not IS_ROOT:
        return [], None
    try:
        probe = subprocess.run([*_DROP_DAC, sys.executable, "-c", "import kg.cli"], capture_output=True, text=True,
                               timeout=120)
    except (OSError, subprocess.SubprocessError) as e:
        return None, f"running as root and `setpriv` cannot drop CAP_DAC_OVERRIDE ({e})"
    if probe.returncode != 0:
        return None, f"running as root and `setpriv` cannot drop CAP_DAC_OVERRIDE: {probe.stderr[-300:]}"
    return _DROP_DAC, None


def run_kg_unprivileged(prefix: list[str], *args: str | os.PathLike, timeout: float = 300) -> subprocess.CompletedProcess:
    """``run_kg`` under ``prefix`` (see :func:`unprivileged_prefix`)."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run([*prefix, *kg_command(*args)], capture_output=True, text=True, errors="replace",
                          timeout=timeout, env=env, cwd=ROOT)


# --- reading exports --------------------------------------------------------------------------------

KG = "https://example.org/kg/"
SCHEMA = "https://schema.org/"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def parse_export(path: Path) -> set:
    """The triples of an RDF export file, parsed by pyoxigraph (Turtle, N-Triples or JSON-LD by suffix)."""
    import pyoxigraph as ox

    fmt = {".ttl": ox.RdfFormat.TURTLE, ".nt": ox.RdfFormat.N_TRIPLES, ".jsonld": ox.RdfFormat.JSON_LD}[path.suffix]
    return {q.triple for q in ox.parse(path.read_bytes(), format=fmt)}


def documents_and_people(triples: set) -> tuple[set[str], set[str]]:
    """Ids of the NewsArticle nodes and labels of the Person nodes in a set of triples."""
    docs = {str(t.subject.value)[len(KG):] for t in triples
            if t.predicate.value == RDF_TYPE and t.object.value == SCHEMA + "NewsArticle"}
    people_ids = {t.subject for t in triples if t.predicate.value == RDF_TYPE and t.object.value == SCHEMA + "Person"}
    people = {t.object.value for t in triples if t.subject in people_ids and t.predicate.value == RDFS_LABEL}
    return docs, people
