"""kg/server.py and kg/push.py against a real `oxigraph` server on loopback (nothing mocked)."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from kg import push, server, store
from kg.errors import ExportError, QueryError

ACCEPT_JSON = {"Accept": "application/sparql-results+json"}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def sparql(endpoint: str, query: str) -> list[dict[str, str]]:
    """Rows of a SELECT over the SPARQL 1.1 Protocol (GET), as {variable: value}."""
    url = endpoint + "?" + urllib.parse.urlencode({"query": query})
    with urllib.request.urlopen(urllib.request.Request(url, headers=ACCEPT_JSON), timeout=10) as response:
        data = json.load(response)
    return [{k: v["value"] for k, v in b.items()} for b in data["results"]["bindings"]]


def count(endpoint: str, graph: str | None = None) -> int:
    pattern = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "?s ?p ?o"
    return int(sparql(endpoint, f"SELECT (COUNT(*) AS ?n) WHERE {{ {pattern} }}")[0]["n"])


def post(url: str, body: bytes, content_type: str) -> int:
    request = urllib.request.Request(url, data=body, method="POST", headers={"Content-Type": content_type})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


@pytest.fixture(scope="module")
def read_only_server(seed_export):
    srv = server.serve_export(seed_export, port=free_port())
    yield srv
    srv.stop()


@pytest.fixture
def writable_server(tmp_path):
    srv = server.start(tmp_path / "store", port=free_port(), writable=True)
    yield srv
    srv.stop()


def test_the_command_is_read_only_on_loopback_by_default():
    assert server.command(Path("s"), binary="ox") == ["ox", "serve-read-only", "--location", "s", "--bind", "127.0.0.1:7878"]
    assert server.command(Path("s"), "::1", 9, writable=True, binary="ox")[1::4] == ["serve", "[::1]:9"]


def test_the_endpoint_answers_a_named_query_like_the_embedded_store(read_only_server, seed_export):
    from kg import query as q

    nq = q.named_queries()["people-by-honor"]
    prefixes = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in q.PREFIXES.items())
    text = prefixes + nq.text.replace("WHERE {", 'WHERE {\n  VALUES ?honor { "劳动模范"@zh }', 1)
    remote = [(r["honor"], r["person"], r["award"], r["level"]) for r in sparql(read_only_server.query_url, text)]
    local, _ = store.open_export(seed_export)
    assert remote == q.run(local, nq, {"honor": "劳动模范"}).values()
    assert remote == [("劳动模范", "彭云飞", "郑州市劳动模范", "市级"), ("劳动模范", "李会东", "全国劳动模范", "全国")]


def test_the_read_only_endpoint_refuses_writes(read_only_server, seed_export):
    before = count(read_only_server.query_url)
    assert before == len((seed_export / "graph.nt").read_text(encoding="utf-8").splitlines())
    update = post(read_only_server.url + "/update", b"DELETE WHERE { ?s ?p ?o }", "application/sparql-update")
    assert update >= 400
    with pytest.raises(ExportError, match=r"refused the POST with HTTP 4\d\d"):
        push.push(seed_export, read_only_server.store_url, append=True)
    assert count(read_only_server.query_url) == before


def test_push_loads_an_export_and_the_vocabulary(writable_server, seed_export):
    lines = len((seed_export / "graph.nt").read_text(encoding="utf-8").splitlines())
    done = push.push(seed_export, writable_server.store_url, with_ontology=True)
    assert [(d.method, d.source.name, d.status in (200, 201, 204)) for d in done] == [
        ("PUT", "graph.nt", True), ("PUT", "kg.ttl", True)]
    assert count(writable_server.query_url) == lines
    assert count(writable_server.query_url, store.ONTOLOGY_GRAPH) > 0

    push.push(seed_export, writable_server.store_url)  # PUT replaces: still one copy
    assert count(writable_server.query_url) == lines
    push.push(seed_export / "graph.ttl", writable_server.store_url, graph="https://example.org/g", append=True)
    assert count(writable_server.query_url, "https://example.org/g") == lines
    people = sparql(writable_server.query_url,
                    "SELECT ?name WHERE { ?p a <https://schema.org/Person> ; "
                    "<http://www.w3.org/2000/01/rdf-schema#label> ?name } ORDER BY ?name")
    assert "李会东" in [r["name"] for r in people]


def test_push_reports_an_unreachable_or_wrong_endpoint(seed_export, tmp_path):
    with pytest.raises(ExportError, match=r"cannot reach the endpoint .*is it running\?"):
        push.push(seed_export, f"http://127.0.0.1:{free_port()}/store")
    with pytest.raises(ExportError, match="not an http\\(s\\) URL"):
        push.push(seed_export, "file:///etc/passwd")
    with pytest.raises(ExportError, match="no graph.nt or graph.ttl here; run `kg build"):
        push.push(tmp_path, "http://127.0.0.1:1/store")


def start_kg_serve(seed_export, output) -> tuple[subprocess.Popen, server.Server]:
    """`kg serve` on a free port in its own process group; ``output`` receives its stdout and stderr."""
    port = free_port()
    kg = Path(sys.executable).parent / "kg"
    process = subprocess.Popen([str(kg), "serve", str(seed_export), "--port", str(port)],
                               stdout=output, stderr=output, start_new_session=True)
    return process, server.Server(process, "127.0.0.1", port)


def wait_until_answering(process: subprocess.Popen, srv: server.Server) -> int:
    """Poll the endpoint until it answers (its triple count); fail if kg serve exits or 20 s pass."""
    deadline = time.monotonic() + 20
    while True:
        try:
            return count(srv.query_url)
        except (urllib.error.URLError, ConnectionError):
            assert process.poll() is None and time.monotonic() < deadline, (
                process.stderr.read() if process.stderr else "kg serve did not answer")
            time.sleep(0.1)


def test_a_killed_parent_takes_its_server_with_it(seed_export, tmp_path):
    """`kg serve` killed outright (SIGKILL, no cleanup) must not leave an oxigraph server behind."""
    process, srv = start_kg_serve(seed_export, subprocess.DEVNULL)
    try:
        wait_until_answering(process, srv)
        process.kill()
        process.wait()
        deadline = time.monotonic() + 10
        while True:
            try:
                count(srv.query_url)
            except (urllib.error.URLError, ConnectionError):
                break
            assert time.monotonic() < deadline, "the oxigraph server outlived kg serve"
            time.sleep(0.1)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_a_port_in_use_is_reported(seed_export):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        with pytest.raises(QueryError, match="the oxigraph server exited with status"):
            server.start(store.store_path(seed_export), port=busy.getsockname()[1])


@pytest.mark.parametrize("stop_signal", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_kg_serve_runs_until_interrupted(seed_export, stop_signal):
    """The real command line: `kg serve` in its own process, queried over HTTP, stopped by a signal; its
    oxigraph server stops with it."""
    process, srv = start_kg_serve(seed_export, subprocess.PIPE)
    try:
        assert wait_until_answering(process, srv) > 0
        banner = f"serving {seed_export} (read-only) at http://127.0.0.1:{srv.port}/query"
        lines = []
        while not lines or banner not in lines[-1]:  # the server answers a moment before kg says so
            lines.append(process.stderr.readline().decode())
            assert lines[-1], "".join(lines)
        process.send_signal(stop_signal)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 0, err.decode()
        with pytest.raises(urllib.error.URLError):
            count(srv.query_url)
    finally:
        try:
            os.killpg(process.pid, signal.SIGKILL)  # kg serve and its oxigraph server, whatever happened
        except ProcessLookupError:
            pass
        process.wait()
