"""Fixtures of the reliability suite (helpers are in reliability_support.py).

Every test here is marked ``reliability``; ``pytest tests/reliability`` runs the suite alone. The slowest
tests (the 50 MB line, the 10,000 files, the kills) are also marked ``slow``; CI runs them all.
"""
from __future__ import annotations

import contextlib
import stat
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # so tests can `import reliability_support` under --import-mode=importlib

from reliability_support import Corpus, write_hostile_corpus  # noqa: E402

@pytest.fixture(scope="session")
def hostile_corpus(tmp_path_factory) -> Corpus:
    return write_hostile_corpus(tmp_path_factory.mktemp("hostile") / "corpus")


@pytest.fixture
def locked(request):
    """``locked(path, mode)``: chmod ``path`` now, and restore its old mode when the test ends, pass or fail."""
    restore: list[tuple[Path, int]] = []

    def _lock(path: Path, mode: int = 0) -> Path:
        restore.append((path, stat.S_IMODE(path.stat().st_mode)))
        path.chmod(mode)
        return path

    def _restore() -> None:
        for path, mode in reversed(restore):
            with contextlib.suppress(OSError):
                path.chmod(mode)

    request.addfinalizer(_restore)
    return _lock


def pytest_collection_modifyitems(config, items):
    """Every test in this folder is marked ``reliability`` (run just the suite with ``-m reliability``)."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.reliability)
