"""Faults: a build killed at any moment, a full disk, an unwritable output folder.

Kills. A first build of corpus A leaves exports, an Oxigraph store and the incremental cache. A build
of A+B (B: new and changed articles) is then SIGKILLed, again and again, at points chosen to land in
every phase: while starting, while worker processes analyze articles, between cache entries, with an
export's temporary file complete but not yet renamed, after some exports were replaced but not others,
and in the middle of the store swap. Points inside a phase are hit exactly by a wrapper that runs the
real CLI with ``os.replace`` instrumented to SIGKILL its own process before or after a given rename;
points in time are hit by an external SIGKILL. After every kill:

* every export file is whole: byte for byte either the previous build's or the new build's;
* every cache entry decodes (a checksum guards each one);
* the folder still answers SPARQL (from the store, or from graph.nt when the store is missing or stale);
* no worker process outlives the killed build;

and finally the next build succeeds, with exports byte-identical to a clean ``--no-cache`` build.

Disk full: a real full tmpfs (in a private mount namespace, so nothing is left mounted) when the
machine allows it, an RLIMIT_FSIZE limit (EFBIG from the kernel) everywhere, and an ENOSPC injected
into one export (JSON-LD). Unwritable output: an --out below a regular file, and a read-only folder (as
root, without CAP_DAC_OVERRIDE). In each: exit status 1, a message naming the file and the cause,
every previous file unchanged, no temporary file left behind.
"""
from __future__ import annotations

import errno
import hashlib
import json
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg import cache as kg_cache
from kg import store as kg_store
from kg.cli import cli
from reliability_support import NAMES, ROOT, article, kg_command, run_kg, run_kg_unprivileged, unprivileged_prefix

EXPORTS = ("graph.ttl", "graph.nt", "graph.jsonld", "graph.graphml", "graph.gexf", "graph.html")


def _corpus(folder: Path, versions: range, changed: bool = False) -> Path:
    """Articles of about 2,000 characters each (enough that analysis takes a moment)."""
    folder.mkdir(parents=True, exist_ok=True)
    for i in versions:
        text = "".join(article(NAMES[(i + k) % len(NAMES)], i * 100 + k) for k in range(12))
        if changed:
            text += "（本文有更新）\n"
        (folder / f"a{i:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def _digests(folder: Path) -> dict[str, str]:
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest() for name in EXPORTS
            if (folder / name).exists()}


def _cache_entries(out: Path) -> list[Path]:
    root = out / kg_cache.CACHE_DIRNAME
    return [p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")] if root.exists() else []


def _live_processes_in_session(sid: int) -> list[int]:
    """Processes (not zombies) of the session we started the build in."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[3]) == sid and fields[0] != "Z":  # fields: state, ppid, pgrp, session, ...
                found.append(int(entry.name))
    return found


# The real CLI, with os.replace instrumented to SIGKILL this process at one rename: KG_KILL_AT is
# before:NAME / after:NAME (the rename whose target is NAME), cache:N (before the Nth cache entry's
# rename), or swap (after the old store was moved aside, before the new one is moved in).
KILL_WRAPPER = r"""
import os, signal, sys
kind, _, arg = os.environ["KG_KILL_AT"].partition(":")
real_replace, seen = os.replace, {"cache": 0}
def die():
    os.kill(os.getpid(), signal.SIGKILL)
def replace(src, dst, *a, **k):
    name, srcname = os.path.basename(os.fspath(dst)), os.path.basename(os.fspath(src))
    if kind == "before" and name == arg:
        die()
    if kind == "swap" and name == "oxigraph" and srcname.endswith(".tmp"):
        die()
    if kind == "cache" and ".kg-cache" in os.fspath(dst):
        seen["cache"] += 1
        if seen["cache"] == int(arg):
            die()
    real_replace(src, dst, *a, **k)
    if kind == "after" and name == arg:
        die()
os.replace = replace
from kg.cli import main
sys.argv = ["kg", *sys.argv[1:]]
main()
"""


class KillLab:
    """The previous build (``base``), the expected new one (``ref``), and a way to kill builds."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.old_src = _corpus(root / "old", range(0, 12))
        self.new_src = _corpus(root / "new", range(0, 12))
        _corpus(self.new_src, range(3, 6), changed=True)  # three changed articles
        _corpus(self.new_src, range(12, 26))  # and 14 new ones
        self.base = root / "base"
        first = run_kg("build", self.old_src, "--out", self.base, "--quiet")
        assert first.returncode == 0, first.stderr
        self.ref = root / "ref"
        clean = run_kg("build", self.new_src, "--out", self.ref, "--quiet", "--no-cache")
        assert clean.returncode == 0, clean.stderr
        self.base_digests, self.ref_digests = _digests(self.base), _digests(self.ref)
        assert set(self.base_digests) == set(self.ref_digests) == set(EXPORTS)
        assert all(self.base_digests[n] != self.ref_digests[n] for n in EXPORTS)
        self.ref_triples = self.triples(self.ref)

    @staticmethod
    def triples(out: Path) -> int:
        from kg import query

        data, _ = kg_store.open_export(out)
        result = query.run(data, query.parse_query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
        return int(result.values()[0][0])

    def command(self, out: Path, wrapper: bool) -> list[str]:
        args = ["build", str(self.new_src), "--out", str(out), "--quiet", "--workers", "2"]
        return [sys.executable, "-c", KILL_WRAPPER, *args] if wrapper else kg_command(*args)

    def run(self, out: Path, kill_at: str | None = None, kill_when=None, timeout: float = 300) -> int:
        """Run the new build into ``out``: killed from inside at ``kill_at``, or from outside as soon
        as ``kill_when()`` is true. Returns the exit status (-9 when killed)."""
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        if kill_at:
            env["KG_KILL_AT"] = kill_at
        p = subprocess.Popen(self.command(out, wrapper=bool(kill_at)), cwd=ROOT, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.PIPE, start_new_session=True)
        try:
            deadline = time.monotonic() + timeout
            while kill_when is not None and p.poll() is None:
                if kill_when():
                    p.send_signal(signal.SIGKILL)
                    break
                assert time.monotonic() < deadline
                time.sleep(0.002)
            p.wait(timeout)
            stderr = p.stderr.read().decode("utf-8", "replace")
            # Orphaned pool workers would hold the recognizer's memory for ever: they must die with the build.
            deadline = time.monotonic() + 10
            while _live_processes_in_session(p.pid) and time.monotonic() < deadline:
                time.sleep(0.05)
            assert _live_processes_in_session(p.pid) == [], "worker processes outlived the killed build"
        finally:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.stderr.close()
        if p.returncode not in (-signal.SIGKILL, 0):
            raise AssertionError(f"build failed with {p.returncode}: {stderr}")
        return p.returncode

    def assert_intact(self, out: Path) -> dict[str, str]:
        """Every export whole (the old or the new version), every cache entry sound, SPARQL answers."""
        versions = {}
        for name, digest in _digests(out).items():
            assert digest in (self.base_digests[name], self.ref_digests[name]), f"{name} is neither old nor new"
            versions[name] = "new" if digest == self.ref_digests[name] else "old"
        assert set(versions) == set(EXPORTS)
        entries = _cache_entries(out)
        assert entries
        for entry in entries:
            kg_cache.decode(entry.read_bytes())  # raises ValueError on a torn or corrupt entry
        self.triples(out)
        return versions


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    return KillLab(tmp_path_factory.mktemp("kill"))


# (how, where): kill from inside at a rename, or from outside at a moment.
INSIDE = ["cache:1", "cache:9", "before:graph.ttl", "after:graph.ttl", "before:graph.html", "after:graph.html",
          "swap"]


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_valid_exports_and_cache_and_the_next_build_succeeds(lab, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(lab.base, out, symlinks=True)
    old_entries = len(_cache_entries(out))
    outcomes = {}
    # From outside: while the interpreter starts, and while the pool analyzes the first new articles.
    started = time.monotonic()
    outcomes["start"] = lab.run(out, kill_when=lambda: time.monotonic() - started > 0.3)
    outcomes["extracting"] = lab.run(out, kill_when=lambda: len(_cache_entries(out)) > old_entries)
    lab.assert_intact(out)
    # From inside: exactly at each rename of interest, each time from the state the last kill left.
    for point in INSIDE:
        if point.startswith("cache:"):  # the cache fills across kills: start again from the previous build
            shutil.rmtree(out)
            shutil.copytree(lab.base, out, symlinks=True)
        outcomes[point] = lab.run(out, kill_at=point)
        versions = lab.assert_intact(out)
        if point == "before:graph.ttl":
            assert set(versions.values()) == {"old"}
        if point == "after:graph.ttl":
            assert versions["graph.ttl"] == "new" and versions["graph.html"] == "old"
        if point == "swap":  # no store in place: queries read graph.nt, which is the new one
            assert not kg_store.store_path(out).exists() and set(versions.values()) == {"new"}
            assert lab.triples(out) == lab.ref_triples
    assert outcomes == {"start": -9, "extracting": -9, **{p: -9 for p in INSIDE}}
    # The next build succeeds and gives exactly what a clean build gives.
    assert lab.run(out) == 0
    assert _digests(out) == lab.ref_digests
    assert kg_store.is_current(out) and lab.triples(out) == lab.ref_triples
    for entry in _cache_entries(out):
        kg_cache.decode(entry.read_bytes())


# --- a full disk -------------------------------------------------------------------------------------

def _small_export(folder: Path, names: list[str]) -> Path:
    src = folder / "in"
    src.mkdir(parents=True)
    for i, name in enumerate(names):
        (src / f"{i}.txt").write_text(article(name, i), encoding="utf-8")
    return src


def _assert_nothing_half_written(out: Path, before: dict[str, str], after: dict[str, str]) -> None:
    now = _digests(out)
    assert set(now) == set(before)
    for name, digest in now.items():
        assert digest in (before[name], after.get(name)), f"{name} was replaced by something half-written"
    leftovers = [p.name for p in out.iterdir() if p.name.endswith(".tmp")]
    assert leftovers == []


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """An old export (3 articles) and what the new build (8 articles) writes, built cleanly."""
    root = tmp_path_factory.mktemp("disk")
    old_src = _small_export(root / "old", NAMES[:3])
    new_src = _small_export(root / "new", NAMES[:8])
    for src, out in ((old_src, root / "old-out"), (new_src, root / "new-out")):
        result = run_kg("build", src, "--out", out, "--quiet", "--no-cache")
        assert result.returncode == 0, result.stderr
    return new_src, root / "old-out", _digests(root / "old-out"), _digests(root / "new-out"), root / "new-out"


# Runs in a private mount namespace: mount a tmpfs that holds the old export and little more, build
# into it, report what happened as JSON. The mount vanishes with the namespace.
FULL_DISK = r"""
import hashlib, json, os, shutil, subprocess, sys
mnt, old, src, size = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", mnt], check=True)
for name in os.listdir(old):
    if name.startswith("graph."):
        shutil.copy2(os.path.join(old, name), os.path.join(mnt, name))
free = os.statvfs(mnt).f_bavail * os.statvfs(mnt).f_frsize
r = subprocess.run([sys.executable, "-m", "kg.cli", "build", src, "--out", mnt, "--quiet"], capture_output=True, text=True)
files = {n: hashlib.sha256(open(os.path.join(mnt, n), "rb").read()).hexdigest() for n in os.listdir(mnt)
         if n.startswith("graph.")}
print(json.dumps({"code": r.returncode, "stderr": r.stderr, "files": files, "free": free,
                  "all": sorted(os.listdir(mnt))}))
"""


def _unshare() -> list[str] | None:
    if shutil.which("unshare") is None:
        return None
    flags = ["--mount", "--propagation", "private"] if os.geteuid() == 0 else ["--user", "--map-root-user", "--mount"]
    probe = subprocess.run(["unshare", *flags, "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"],
                           capture_output=True, text=True)
    return ["unshare", *flags] if probe.returncode == 0 else None


def test_a_really_full_disk_is_reported_and_old_files_stay(two_builds, tmp_path):
    prefix = _unshare()
    if prefix is None:
        pytest.skip("cannot mount a small tmpfs in a private mount namespace here (no unshare/mount rights); "
                    "the RLIMIT_FSIZE and injected-ENOSPC tests cover the same code")
    new_src, old_out, before, after, _ = two_builds
    mnt = tmp_path / "mnt"
    mnt.mkdir()
    size = sum((old_out / n).stat().st_size for n in EXPORTS) + 48 * 1024
    r = subprocess.run([*prefix, sys.executable, "-c", FULL_DISK, str(mnt), str(old_out), str(new_src), str(size)],
                       capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert r.returncode == 0, r.stderr
    report = json.loads(r.stdout)
    assert report["code"] == 1, report
    # the store loads while the files render, so either may be the first to meet the full disk
    assert "No space left on device" in report["stderr"]
    assert "the previous file is unchanged" in report["stderr"] or "the previous store is unchanged" in report["stderr"]
    assert set(report["files"]) == set(EXPORTS) and not [n for n in report["all"] if n.endswith(".tmp")], report
    for name, digest in report["files"].items():
        assert digest in (before[name], after[name]), name
    assert list(mnt.iterdir()) == []  # the tmpfs was private to the namespace


def test_a_file_size_limit_is_reported_and_old_files_stay(two_builds, tmp_path):
    """RLIMIT_FSIZE makes the kernel refuse writes past a size (EFBIG): the big HTML export fails."""
    new_src, old_out, before, after, new_out = two_builds
    out = tmp_path / "out"
    shutil.copytree(old_out, out)
    limit = max((new_out / n).stat().st_size for n in EXPORTS if n != "graph.html") + 1
    assert (new_out / "graph.html").stat().st_size > limit

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    r = subprocess.run(kg_command("build", new_src, "--out", out, "--quiet"), capture_output=True, text=True,
                       cwd=ROOT, preexec_fn=limit_file_size, timeout=300)
    assert r.returncode == 1, r.stderr
    # the store loads while the files render, so either may be the first to pass the limit
    html_error = f"Error: {out / 'graph.html'}: could not be written (File too large); the previous file is unchanged"
    store_error = f"Error: {out / 'oxigraph'}: the Oxigraph store could not be built from the N-Triples export ("
    assert html_error in r.stderr or (r.stderr.startswith(store_error)
                                      and r.stderr.endswith("File too large); the previous store is unchanged\n"))
    _assert_nothing_half_written(out, before, after)
    assert _digests(out)["graph.html"] == before["graph.html"]


@pytest.mark.skipif(sys.platform != "linux", reason="names a descriptor's file from /proc/self/fd")
def test_enospc_on_one_export_is_reported_and_nothing_half_written_replaces_a_file(two_builds, tmp_path,
                                                                                   monkeypatch):
    from kg import export

    new_src, old_out, before, after, _ = two_builds
    out = tmp_path / "out"
    shutil.copytree(old_out, out)
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        # the JSON-LD export's temporary file, whenever its job writes it (jobs run in any order)
        if os.path.basename(os.readlink(f"/proc/self/fd/{fd}")).startswith(".graph.jsonld."):
            raise OSError(errno.ENOSPC, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(export.os, "fsync", fsync)
    result = CliRunner().invoke(cli, ["build", str(new_src), "--out", str(out), "--quiet", "--no-cache"])
    assert result.exit_code == 1
    assert (f"Error: {out / 'graph.jsonld'}: could not be written (No space left on device); "
            "the previous file is unchanged") in result.stderr
    _assert_nothing_half_written(out, before, after)
    assert _digests(out)["graph.jsonld"] == before["graph.jsonld"]


# --- an unwritable output folder ---------------------------------------------------------------------

def test_an_output_folder_below_a_file_is_reported(two_builds, tmp_path):
    new_src = two_builds[0]
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["build", str(new_src), "--out", str(blocker / "out"), "--quiet"])
    assert result.exit_code == 1
    assert f"Error: {blocker / 'out'}: cannot write exports here (Not a directory); choose another --out folder" \
        in result.stderr
    assert blocker.read_text() == "x"


def test_an_output_path_that_is_a_file_is_a_usage_error(two_builds, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    result = CliRunner().invoke(cli, ["build", str(two_builds[0]), "--out", str(blocker)])
    assert result.exit_code == 2  # click's usage error, before anything is read
    assert "is a file" in result.stderr
    assert blocker.read_text() == "x"


def test_a_read_only_output_folder_is_reported_and_its_files_stay(two_builds, tmp_path, locked):
    prefix, why = unprivileged_prefix()
    if prefix is None:
        pytest.skip(why)
    new_src, old_out, before, _, _ = two_builds
    out = tmp_path / "out"
    shutil.copytree(old_out, out)
    locked(out, 0o555)
    r = run_kg_unprivileged(prefix, "build", new_src, "--out", out, "--quiet")
    assert r.returncode == 1, r.stderr
    assert f"Error: {out}: cannot write exports here (Permission denied); choose another --out folder" in r.stderr
    assert _digests(out) == before
