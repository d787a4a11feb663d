"""Run a function over chunks of work: in this process, in a local process pool, or on a Dask cluster.

Everything here streams: chunks are pulled from an iterator only as workers free up (a bounded
number in flight), and results come back as they finish (unordered; callers sort). Nothing here knows
about articles; :mod:`kg.pipeline` supplies the chunk function.

On Linux a single-threaded parent forks its workers, so they inherit whatever it loaded before the pool
started (the recognizer, once per build) and start in milliseconds; otherwise workers start clean and run
``initializer``.
"""
from __future__ import annotations

import gc
import itertools
import multiprocessing
import os
import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from typing import Any, TypeVar

from kg.errors import KgError

T = TypeVar("T")
R = TypeVar("R")


class SchedulerError(KgError):
    """A Dask scheduler could not be reached or its workers failed."""


def cpu_count() -> int:
    """CPUs this process may run on (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return max(1, os.cpu_count() or 1)


def chunked(items: Iterable[T], weight: Callable[[T], int], max_weight: int, max_items: int) -> Iterator[list[T]]:
    """Group ``items`` in order into lists of at most ``max_items`` and about ``max_weight`` total weight.

    >>> list(chunked("abcdefg", lambda x: 1, max_weight=3, max_items=10))
    [['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]
    """
    chunk: list[T] = []
    total = 0
    for item in items:
        chunk.append(item)
        total += weight(item)
        if total >= max_weight or len(chunk) >= max_items:
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def _pool_context() -> multiprocessing.context.BaseContext:
    """Fork on Linux when this process runs a single thread (workers then share what the parent loaded);
    otherwise start workers clean (forkserver, or spawn where there is none), since a fork copies only the
    calling thread and a lock another thread held at that moment stays locked in the child for ever."""
    if sys.platform == "linux" and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    if "forkserver" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("forkserver")
    return multiprocessing.get_context("spawn")  # pragma: no cover


def _start_worker(parent: int | None, initializer: Callable[..., Any] | None, initargs: tuple) -> None:
    """Run in each worker first: die with the parent, then run the caller's initializer.

    A pool's workers wait for work on a pipe that their siblings also hold open, so when the parent is
    killed (SIGKILL, the OOM killer) they would wait for ever, each holding a copy of the recognizer.
    On Linux the kernel kills them with their parent (PR_SET_PDEATHSIG); elsewhere a thread watches.
    """
    armed = False
    if sys.platform == "linux":
        try:
            import ctypes

            armed = ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL, 0, 0, 0) == 0  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            armed = False
    if parent is None:  # started by a fork server, which exits when the pool's owner does
        parent = os.getppid()
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:  # pragma: no cover - other systems
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="kg-parent-watch", daemon=True).start()
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the pool
    gc.enable()  # a forked worker collects garbage as usual, whatever the parent paused (kg.collector)
    if initializer is not None:
        initializer(*initargs)


def has_native_threads() -> bool:
    """True when this process runs threads Python does not know of (Linux; elsewhere False): RocksDB's, once
    an Oxigraph store was opened, or OpenBLAS's, once numpy was imported. A forked worker must not use a
    library whose threads the parent runs (their locks may be held, for ever, in the copy)."""
    if sys.platform != "linux":
        return False
    try:
        return len(os.listdir("/proc/self/task")) > threading.active_count()
    except OSError:  # pragma: no cover - /proc not mounted
        return True


def can_fork() -> bool:
    """True when a pool started now would fork, so its workers see this process's memory as it is."""
    return _pool_context().get_start_method() == "fork"


def map_unordered(fn: Callable[[T], R], tasks: Iterable[T], workers: int,
                  initializer: Callable[..., Any] | None = None, initargs: tuple = (),
                  in_flight: int | None = None, fork_only: bool = False) -> Iterator[R]:
    """``fn`` over ``tasks`` on ``workers`` processes; results in completion order.

    With one worker, or a single task, everything runs in this process (no pool to start); with no task
    at all, not even ``initializer`` runs.
    ``fn`` and the tasks must pickle. At most ``in_flight`` tasks (default ``3 * workers``) are
    submitted at a time, so ``tasks`` may be a lazy stream of any length. ``fork_only``: ``fn`` reads
    state the parent holds (too big to send), so without a fork everything runs in this process.
    """
    it = iter(tasks)
    head = list(itertools.islice(it, 2))
    if workers <= 1 or len(head) < 2 or (fork_only and not can_fork()):
        if initializer is not None and head:
            initializer(*initargs)
        for task in itertools.chain(head, it):
            yield fn(task)
        return
    limit = in_flight or 3 * workers
    stream = itertools.chain(head, it)
    context = _pool_context()
    parent = None if context.get_start_method() == "forkserver" else os.getpid()
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context,
                               initializer=_start_worker, initargs=(parent, initializer, initargs))
    pending: set[Future] = set()
    forking = context.get_start_method() == "fork"
    if forking:
        # Park everything loaded so far outside the garbage collector's reach, so that a collection in a
        # worker does not walk (and so copy, page by page) the whole inherited heap: with the recognizer
        # loaded that costs each worker a second or more and its share of hundreds of megabytes.
        gc.freeze()
    try:
        try:
            for task in itertools.islice(stream, limit):
                pending.add(pool.submit(fn, task))  # a forking pool starts all its workers on the first one
        finally:
            if forking:
                gc.unfreeze()
        while pending:
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for future in done:
                result = future.result()
                nxt = next(stream, _END)
                if nxt is not _END:
                    pending.add(pool.submit(fn, nxt))
                yield result
    except BaseException:  # a failed task, Ctrl-C, or the caller stopped early: do not wait for the rest
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)


_END = object()


class Helper:
    """One worker process, forked now, that runs ``fn`` over the tasks sent to it, in order, beside this
    process's own work; results come back in the same order (:meth:`results`).

    No thread runs in this process for it (a pool forked later still forks, see :func:`_pool_context`), and
    sending never waits for the helper: a thread of the helper's own takes every task off the pipe at once,
    while its main thread runs ``initializer`` and then the tasks. Only where this process can fork
    (:func:`can_fork`); the helper dies with this process.
    """

    def __init__(self, fn: Callable[[T], R], initializer: Callable[..., Any] | None = None, initargs: tuple = ()) -> None:
        context = multiprocessing.get_context("fork")
        tasks_in, self._tasks = context.Pipe(duplex=False)
        self._results, results_out = context.Pipe(duplex=False)
        self._process = context.Process(target=_run_helper, name="kg-helper", daemon=True,
                                        args=(os.getpid(), tasks_in, results_out, fn, initializer, initargs))
        self._process.start()
        tasks_in.close()
        results_out.close()
        self._sent = 0

    def submit(self, task: T) -> None:
        self._tasks.send(task)
        self._sent += 1

    def results(self) -> Iterator[R]:
        """The result of every task sent, in order (a task that failed raises its exception here)."""
        self._tasks.send(_END_OF_TASKS)
        for _ in range(self._sent):
            try:
                ok, value = self._results.recv()
            except EOFError as e:
                raise KgError(f"the helper process stopped (exit code {self._process.exitcode})") from e
            if not ok:
                raise value
            yield value

    def close(self) -> None:
        """Stop the helper, at once if it is still working."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._tasks.close()
        self._results.close()


_END_OF_TASKS = None


def _run_helper(parent: int, tasks, results, fn: Callable, initializer: Callable[..., Any] | None,
                initargs: tuple) -> None:
    """The helper's main function (see :class:`Helper`)."""
    import queue

    _start_worker(parent, None, ())
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def take_all() -> None:
        while True:
            task = tasks.recv()
            inbox.put(task)
            if task is _END_OF_TASKS:
                return

    threading.Thread(target=take_all, name="kg-helper-inbox", daemon=True).start()
    if initializer is not None:
        initializer(*initargs)
    while (task := inbox.get()) is not _END_OF_TASKS:
        try:
            outcome = (True, fn(task))
        except Exception as e:  # noqa: BLE001 - sent back and raised in the parent
            outcome = (False, e)
        results.send(outcome)
    results.close()


def _check_reachable(scheduler: str, timeout: float, hint: str) -> None:
    """Fail fast, before Dask starts its event-loop thread (which a failed Client leaves running), when
    nothing listens at a ``tcp://HOST:PORT`` address."""
    if not scheduler.startswith("tcp://"):
        return
    host, _, port = scheduler[len("tcp://"):].rstrip("/").rpartition(":")
    if not host or not port.isdigit():
        raise SchedulerError(f"{scheduler}: not a scheduler address; write tcp://HOST:PORT")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=timeout).close()
    except OSError as e:
        raise SchedulerError(f"{scheduler}: cannot reach the Dask scheduler ({e.strerror or e}); {hint}") from e


def map_dask(fn: Callable[[T], R], tasks: Iterable[T], scheduler: str, in_flight: int | None = None,
             timeout: float = 30.0) -> Iterator[R]:
    """``fn`` over ``tasks`` on the Dask cluster at ``scheduler`` (``tcp://HOST:PORT``); completion order.

    The workers must run the same version of this package (``fn`` is sent by reference).
    """
    try:
        from dask.distributed import Client, as_completed
    except ImportError as e:  # pragma: no cover - dask is a pinned dependency
        raise SchedulerError(f"dask.distributed is not installed ({e}); pip install 'dask[distributed]'") from e
    hint = ("start one with `dask scheduler` and workers with `dask worker tcp://HOST:PORT --nthreads 1`, "
            "or drop --scheduler")
    _check_reachable(scheduler, timeout, hint)
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError) as e:
        raise SchedulerError(f"{scheduler}: cannot reach the Dask scheduler ({e}); {hint}") from e
    try:
        if in_flight is None:
            cores = sum(client.ncores().values()) or 1
            in_flight = 3 * cores
        stream = iter(tasks)
        queue = as_completed([client.submit(fn, t, pure=False) for t in itertools.islice(stream, in_flight)],
                             loop=client.loop)
        for future in queue:
            try:
                result = future.result()
            except KgError:
                raise
            except Exception as e:  # noqa: BLE001 - report any remote failure with where it ran
                raise SchedulerError(f"{scheduler}: a task failed on a worker ({type(e).__name__}: {e})") from e
            future.release()
            nxt = next(stream, _END)
            if nxt is not _END:
                queue.add(client.submit(fn, nxt, pure=False))
            yield result
    finally:
        client.close()


__all__ = ["SchedulerError", "can_fork", "cpu_count", "chunked", "map_unordered", "map_dask", "Helper"]
