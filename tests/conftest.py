"""Shared fixtures: paths to the shared evaluation data and small handmade articles."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def recognizer():
    from kg.pipeline import default_recognizer

    return default_recognizer()


@pytest.fixture(scope="session")
def seed_graph():
    from kg.pipeline import build

    return build([SEEDS])
