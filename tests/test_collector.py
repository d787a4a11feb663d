"""kg/collector.py: a pause of the garbage collector leaves it as it found it."""
from __future__ import annotations

import gc

import pytest

from kg import collector


def test_a_pause_leaves_the_collector_as_it_found_it():
    with collector.paused():
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner pause found it off
    assert gc.isenabled()
    gc.disable()
    try:
        with collector.paused():
            pass
        assert not gc.isenabled()  # off before, so off after
    finally:
        gc.enable()


def test_an_error_ends_the_pause_and_a_decorated_function_pauses_each_call():
    @collector.paused()
    def collecting() -> bool:
        return gc.isenabled()

    assert (collecting(), collecting(), gc.isenabled()) == (False, False, True)
    with pytest.raises(ValueError), collector.paused():
        raise ValueError("inside")
    assert gc.isenabled()


def test_a_sweep_frees_young_garbage_while_paused():
    import weakref

    class Cycle:
        pass

    with collector.paused():
        cycle = Cycle()
        cycle.me = cycle
        gone = weakref.ref(cycle)
        del cycle
        assert gone() is not None  # paused: nothing collects it
        collector.sweep()
        assert gone() is None
