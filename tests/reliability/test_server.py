"""``kg serve`` as a user starts it (the real command, in its own process group): it binds only
127.0.0.1 unless told otherwise, refuses every kind of update unless started with --writable, and
keeps answering while runaway queries time out on their clients.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from reliability_support import NAMES, ROOT, article, kg_command, run_kg

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
# Four copies of every triple joined with each other: about 10^12 rows on a small export.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p1 ?b . ?c ?p2 ?d . ?e ?p3 ?f . ?g ?p4 ?h }"
UPDATES = ["DROP ALL", "CLEAR DEFAULT", "INSERT DATA { <urn:x> <urn:y> <urn:z> }", "DELETE WHERE { ?s ?p ?o }",
           "LOAD <file:///etc/passwd>"]


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    base = tmp_path_factory.mktemp("serve")
    src = base / "in"
    src.mkdir()
    for i, name in enumerate(NAMES[:4]):
        (src / f"{i}.txt").write_text(article(name, i), encoding="utf-8")
    result = run_kg("build", src, "--out", base / "out", "--quiet", "--no-cache")
    assert result.returncode == 0, result.stderr
    return base / "out"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Served:
    """A running ``kg serve`` and how to talk to it."""

    def __init__(self, process: subprocess.Popen, port: int, host: str = "127.0.0.1") -> None:
        self.process, self.port, self.host = process, port, host
        self.url = f"http://127.0.0.1:{port}"

    def get(self, query: str, timeout: float = 30) -> tuple[int, bytes]:
        req = urllib.request.Request(self.url + "/query?" + urllib.parse.urlencode({"query": query}),
                                     headers={"Accept": "text/csv"})
        return self._open(req, timeout)

    def send(self, path: str, body: bytes, content_type: str, method: str = "POST") -> tuple[int, bytes]:
        req = urllib.request.Request(self.url + path, data=body, method=method, headers={"Content-Type": content_type})
        return self._open(req, 30)

    @staticmethod
    def _open(req: urllib.request.Request, timeout: float) -> tuple[int, bytes]:
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()

    def count(self) -> int:
        status, body = self.get(COUNT)
        assert status == 200, body
        return int(body.decode().split()[1])


@pytest.fixture
def serve(tmp_path):
    """``serve(export, *options)``: start ``kg serve`` and wait until it answers; stopped (its whole
    process group) when the test ends, pass or fail."""
    started: list[subprocess.Popen] = []

    def _serve(export_dir: Path, *options: str) -> Served:
        port = _free_port()
        log = open(tmp_path / f"serve-{port}.log", "wb")
        p = subprocess.Popen(kg_command("serve", export_dir, "--port", str(port), *options), cwd=ROOT,
                             stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        started.append(p)
        served = Served(p, port)
        deadline = time.monotonic() + 60
        while True:
            assert p.poll() is None, (tmp_path / f"serve-{port}.log").read_text(errors="replace")
            try:
                if served.get("ASK {}", timeout=2)[0] == 200:
                    return served
            except OSError:
                pass
            assert time.monotonic() < deadline, "kg serve did not answer within 60 s"
            time.sleep(0.1)

    yield _serve
    for p in started:
        if p.poll() is None:
            p.send_signal(signal.SIGINT)  # Ctrl-C: kg serve stops its oxigraph server
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                pass
        try:
            os.killpg(p.pid, signal.SIGKILL)  # anything left in the group we started
        except ProcessLookupError:
            pass
        p.wait()


def _listening(port: int) -> set[str]:
    """The local addresses of the sockets listening on ``port`` (from /proc/net/tcp and tcp6)."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, hexport = fields[1].split(":")
            if fields[3] == "0A" and int(hexport, 16) == port:  # 0A: LISTEN
                raw = bytes.fromhex(address)
                if width == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads listening sockets from Linux's /proc/net/tcp")
def test_binds_only_loopback_unless_told_otherwise(export, serve):
    default = serve(export)
    assert _listening(default.port) == {"127.0.0.1"}
    anywhere = serve(export, "--host", "0.0.0.0")
    assert _listening(anywhere.port) == {"0.0.0.0"}


@pytest.mark.parametrize("update", UPDATES)
def test_refuses_updates_unless_started_writable(export, serve, update):
    served = serve(export)
    before = served.count()
    assert before > 100
    attempts = [
        served.send("/update", update.encode(), "application/sparql-update"),
        served.send("/update", urllib.parse.urlencode({"update": update}).encode(), "application/x-www-form-urlencoded"),
        served.send("/query", urllib.parse.urlencode({"query": update}).encode(), "application/x-www-form-urlencoded"),
        served.send("/store?default", b"<urn:x> <urn:y> <urn:z> .", "application/n-triples", "PUT"),
        served.send("/store?default", b"<urn:x> <urn:y> <urn:z> .", "application/n-triples", "POST"),
        served.send("/store?default", b"", "application/n-triples", "DELETE"),
    ]
    for status, body in attempts:
        assert 400 <= status < 500, (status, body)
    assert served.count() == before


def test_a_writable_server_accepts_the_same_update(export, serve, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(export, copy)
    served = serve(copy, "--writable")
    assert served.count() > 100
    status, body = served.send("/update", b"DROP ALL", "application/sparql-update")
    assert status in (200, 204), body
    assert served.count() == 0


def test_survives_runaway_queries_that_time_out(export, serve):
    served = serve(export)
    before = served.count()
    timed_out = []

    def runaway() -> None:
        try:
            served.get(RUNAWAY, timeout=2)
        except (TimeoutError, socket.timeout, urllib.error.URLError) as e:
            timed_out.append(type(e).__name__)

    threads = [threading.Thread(target=runaway) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert len(timed_out) == 4  # every client gave up
    assert served.process.poll() is None
    assert served.count() == before  # and the server still answers, with the same data
    status, body = served.get("SELECT ?name WHERE { ?p a <https://schema.org/Person> ; "
                              "<http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name")
    assert status == 200 and set(NAMES[:4]) <= set(body.decode().split()[1:])
