"""Pausing Python's cyclic garbage collector while code builds many objects that hold no cycles.

A build makes hundreds of thousands of records, tuples and dicts (cache entries as they unpickle, linked
mentions, graph attributes, RDF rows) and keeps most of them: with the collector on, their number alone
sets off full collections that walk the whole growing heap again and again, for nothing (a third of the
time or more of the code so marked). Extraction leaves almost no cyclic garbage; what reading leaves is
swept file by file (:func:`sweep`).
"""
from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    """Run the block (or, as a decorator, each call) with the collector paused; it is on again after
    only if it was on before.

    >>> import gc
    >>> with paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def sweep() -> None:
    """Collect the garbage made since the last collection (the youngest generation), paused or not.

    A paused loop sweeps between units of work: what it keeps is looked at once and never again, and the
    cycles a library leaves behind are freed (charset_normalizer leaves about three times the size of each
    GBK or Big5 file it decodes).
    """
    gc.collect(0)


__all__ = ["paused", "sweep"]
