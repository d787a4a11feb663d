"""The parallel map (in process, process pool, Dask cluster) and a Dask build equal to a local one."""
from __future__ import annotations

import gc
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg import collector, parallel, pipeline
from kg.parallel import SchedulerError, chunked, map_dask, map_unordered
from kg.pipeline import build_with_report

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_d1f69c5291068c9f.txt"
GENERATED = [
    "开封市总工会副主席刘晓梅说：“我们将做好服务，让职工满意。”全国劳动模范、郑州煤矿机械集团股份有限公司"
    "高级技师王建国表示，要把技术传给年轻人。",
    "洛阳市总工会副主席刘晓梅表示，将继续推进职工服务。郑州煤矿机械集团股份有限公司高级技师王建国说：“创新没有止境。”",
]


def _square_pid(x: int) -> tuple[int, int]:
    return x * x, os.getpid()


def _fail_on_three(x: int) -> int:
    if x == 3:
        raise ValueError("three")
    return x


def _collecting(_: int) -> bool:
    return gc.isenabled()


_initialized: list[str] = []


def _init(tag: str) -> None:
    _initialized.append(tag)


def test_chunks_follow_weight_and_count():
    assert list(chunked(["aa", "b", "cccc", "d", "e"], len, max_weight=3, max_items=10)) == [
        ["aa", "b"], ["cccc"], ["d", "e"]]
    assert list(chunked(range(5), lambda x: 0, max_weight=1, max_items=2)) == [[0, 1], [2, 3], [4]]
    assert list(chunked([], len, 1, 1)) == []


def test_one_worker_runs_in_this_process_and_calls_the_initializer():
    _initialized.clear()
    results = list(map_unordered(_square_pid, range(5), workers=1, initializer=_init, initargs=("here",)))
    assert [r for r, _ in results] == [0, 1, 4, 9, 16]
    assert {pid for _, pid in results} == {os.getpid()}
    assert _initialized == ["here"]


def test_no_task_needs_no_initializer():
    _initialized.clear()
    assert list(map_unordered(_square_pid, [], workers=1, initializer=_init, initargs=("here",))) == []
    assert list(map_unordered(_square_pid, iter([]), workers=4, initializer=_init, initargs=("here",))) == []
    assert _initialized == []


def test_a_single_task_needs_no_pool():
    assert list(map_unordered(_square_pid, [7], workers=4)) == [(49, os.getpid())]


def test_a_pool_returns_every_result_from_other_processes():
    results = list(map_unordered(_square_pid, iter(range(40)), workers=2, in_flight=3))
    assert sorted(r for r, _ in results) == [x * x for x in range(40)]
    assert os.getpid() not in {pid for _, pid in results}


def test_a_threaded_parent_starts_clean_workers():
    import threading

    stop = threading.Event()
    helper = threading.Thread(target=stop.wait)
    helper.start()
    try:
        assert parallel._pool_context().get_start_method() == "forkserver"
        results = list(map_unordered(_square_pid, range(6), workers=2))
    finally:
        stop.set()
        helper.join()
    assert sorted(r for r, _ in results) == [0, 1, 4, 9, 16, 25]
    # back to fork once this process is single-threaded again (other tests may keep threads alive)
    expected = "fork" if threading.active_count() == 1 else "forkserver"
    assert parallel._pool_context().get_start_method() == expected


def test_workers_collect_garbage_though_the_parent_paused_the_collector():
    with collector.paused():
        results = list(map_unordered(_collecting, range(4), workers=2))
        assert not gc.isenabled()
    assert results == [True] * 4


def test_a_failing_task_raises_in_the_caller():
    with pytest.raises(ValueError, match="three"):
        list(map_unordered(_fail_on_three, range(6), workers=2))


def test_using_a_cluster_leaves_this_process_single_threaded(cluster):
    import threading

    before = threading.active_count()  # other tests (the browser's driver) may have threads of their own
    assert sorted(r for r, _ in map_dask(_square_pid, [1, 2], cluster)) == [1, 4]
    assert threading.active_count() == before


def test_tasks_are_pulled_lazily():
    pulled = []

    def tasks():
        for x in range(100):
            pulled.append(x)
            yield x

    stream = map_unordered(_square_pid, tasks(), workers=2, in_flight=4)
    next(stream)
    assert len(pulled) <= 6  # two to decide on a pool, then at most in_flight in the pool plus one refill
    stream.close()


def test_an_unreachable_scheduler_says_so_and_leaves_no_thread_behind():
    import threading

    with pytest.raises(SchedulerError, match="cannot reach the Dask scheduler"):
        list(map_dask(_square_pid, [1], "tcp://127.0.0.1:9", timeout=0.5))
    with pytest.raises(SchedulerError, match="write tcp://HOST:PORT"):
        list(map_dask(_square_pid, [1], "tcp://localhost", timeout=0.5))
    assert "IO loop" not in {t.name for t in threading.enumerate()}  # Dask's event loop was never started


def test_cpu_count_is_positive():
    assert parallel.cpu_count() >= 1


_CLUSTER = """
import sys
from dask.distributed import LocalCluster

if __name__ == "__main__":
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, worker_dashboard_address=None) as cluster:
        print(cluster.scheduler_address, flush=True)
        sys.stdin.read()  # until the test closes our stdin
"""


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """A Dask LocalCluster on 127.0.0.1 with two worker processes, run from a helper process.

    The cluster lives in its own process so that Dask's threads never run in this one: a process with
    extra threads starts its pool workers clean instead of forking them, which would slow later tests.
    """
    pytest.importorskip("dask.distributed")
    log = tmp_path_factory.mktemp("dask") / "cluster.log"
    with log.open("w") as err:
        proc = subprocess.Popen([sys.executable, "-c", _CLUSTER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=err, text=True)
    address = proc.stdout.readline().strip()
    if not address.startswith("tcp://127.0.0.1:"):
        proc.kill()
        pytest.fail(f"the LocalCluster did not start: {log.read_text()[-2000:]}")
    yield address
    proc.stdin.close()
    proc.wait(timeout=60)


def test_a_dask_map_returns_every_result(cluster):
    results = list(map_dask(_square_pid, iter(range(12)), cluster, in_flight=3))
    assert sorted(r for r, _ in results) == [x * x for x in range(12)]


def test_a_dask_build_equals_the_local_build(cluster, tmp_path, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED, folder / SEED.name)
    for n, text in enumerate(GENERATED):
        (folder / f"gen{n}.txt").write_text(text, encoding="utf-8")
    local = build_with_report([folder], workers=1)
    monkeypatch.setattr(pipeline, "CHUNK_CHARS", 200)  # several chunks, spread over both workers
    collecting = []
    remote = build_with_report([folder], lambda _: collecting.append(gc.isenabled()), scheduler=cluster,
                               cache_dir=tmp_path / "cache")
    assert collecting and all(collecting)  # not paused beside the Dask client's event loop
    assert remote.documents == local.documents == 3
    assert list(remote.graph.nodes(data=True)) == list(local.graph.nodes(data=True))
    assert list(remote.graph.edges(keys=True, data=True)) == list(local.graph.edges(keys=True, data=True))
    again = build_with_report([folder], scheduler=cluster, cache_dir=tmp_path / "cache")
    assert again.cached == 3
    assert list(again.graph.edges(keys=True, data=True)) == list(local.graph.edges(keys=True, data=True))


_NATIVE_THREADS = """
import sys, tempfile
import pyoxigraph as ox
from kg.parallel import has_native_threads
before = has_native_threads()
ox.Store(tempfile.mkdtemp())  # RocksDB starts its background threads
print(before, has_native_threads())
"""


@pytest.mark.skipif(sys.platform != "linux", reason="counts the threads in /proc")
def test_native_threads_are_seen_once_a_store_was_opened():
    run = subprocess.run([sys.executable, "-c", _NATIVE_THREADS], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert run.stdout == "False True\n"
