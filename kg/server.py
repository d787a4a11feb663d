"""``kg serve``: a real SPARQL 1.1 endpoint over an export, run by the ``oxigraph`` server (from PyPI).

The server reads the export's store (``exports/oxigraph/``, see :mod:`kg.store`) and answers the
SPARQL 1.1 Protocol at ``/query`` and the Graph Store Protocol at ``/store``. It binds 127.0.0.1 and
is read-only unless asked otherwise: ``oxigraph serve-read-only``. A writable server
(``oxigraph serve``) changes the store in place until the next ``kg build`` replaces it.
"""
from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from kg import store
from kg.errors import QueryError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 7878


def oxigraph_binary() -> str:
    """The ``oxigraph`` executable: the one installed beside this Python, else the first on ``PATH``."""
    beside = Path(sys.executable).parent / "oxigraph"
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if found is None:
        raise QueryError("the `oxigraph` server is not installed; run `pip install oxigraph==0.5.13` "
                         "(or `pip install -e .` in the repository)")
    return found


def command(location: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False,
            binary: str = "oxigraph") -> list[str]:
    """The command line that serves the store at ``location``.

    >>> command(Path("exports/oxigraph"), port=8000)
    ['oxigraph', 'serve-read-only', '--location', 'exports/oxigraph', '--bind', '127.0.0.1:8000']
    """
    host_part = f"[{host}]" if ":" in host else host
    return [binary, "serve" if writable else "serve-read-only", "--location", str(location),
            "--bind", f"{host_part}:{port}"]


@dataclass
class Server:
    """A running ``oxigraph`` server process; stop it with :meth:`stop` (or use it as a context manager)."""

    process: subprocess.Popen
    host: str
    port: int
    writable: bool = False
    argv: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    @property
    def query_url(self) -> str:
        """The SPARQL 1.1 Protocol query endpoint."""
        return self.url + "/query"

    @property
    def store_url(self) -> str:
        """The SPARQL 1.1 Graph Store Protocol endpoint."""
        return self.url + "/store"

    def wait_ready(self, timeout: float = 20.0) -> None:
        """Wait until the endpoint answers a query; raise QueryError if the process dies or time runs out."""
        probe = self.query_url + "?" + urllib.parse.urlencode({"query": "ASK {}"})
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                err = self.process.stderr.read().decode("utf-8", "replace") if self.process.stderr else ""
                raise QueryError(f"the oxigraph server exited with status {self.process.returncode}: "
                                 f"{err.strip()[-500:] or 'no message'} (is port {self.port} in use?)")
            try:
                with urllib.request.urlopen(probe, timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise QueryError(f"the oxigraph server did not answer on {self.url} within {timeout:.0f} s")
            time.sleep(0.05)

    def stop(self, timeout: float = 10.0) -> None:
        """Terminate the server and wait for it to exit."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()

    def __enter__(self) -> Server:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _die_with_parent() -> None:
    """In the child, before exec: ask Linux to send SIGTERM when the process that started it dies, so a
    killed ``kg serve`` (or test run) never leaves an orphaned server holding its port."""
    import ctypes

    PR_SET_PDEATHSIG = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def start(location: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False,
          wait: bool = True, capture_output: bool = True) -> Server:
    """Start ``oxigraph`` on the store at ``location`` and (by default) wait until it answers."""
    argv = command(location, host, port, writable, oxigraph_binary())
    pipe = subprocess.PIPE if capture_output else None
    try:
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=pipe, stderr=pipe,
                                   preexec_fn=_die_with_parent if sys.platform == "linux" else None)
    except OSError as e:
        raise QueryError(f"{argv[0]}: cannot start the oxigraph server ({e.strerror})") from e
    server = Server(process, host, port, writable, argv)
    if wait:
        try:
            server.wait_ready()
        except BaseException:  # also Ctrl-C while waiting: never leave the server running
            server.stop()
            raise
    return server


def serve_export(export_dir: Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, writable: bool = False,
                 capture_output: bool = True) -> Server:
    """Serve an export folder: load its store first when it is missing or older than ``graph.nt``."""
    export_dir = Path(export_dir)
    if not store.is_current(export_dir):
        store.build_store(export_dir)
    return start(store.store_path(export_dir), host, port, writable, capture_output=capture_output)
