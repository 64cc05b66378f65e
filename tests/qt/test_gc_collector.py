"""The window's garbage collector: on the GUI thread, long-lived objects frozen, thawed on clear."""

from __future__ import annotations

import gc
import weakref
from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from inspector.app import _GuiThreadGarbageCollector


class _Node:
    def __init__(self) -> None:
        self.other: _Node | None = None


def _cycle() -> weakref.ref[_Node]:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    return weakref.ref(a)


_GROWING: list[list[int]] = []


def _frozen() -> bool:
    """Whether something is frozen; keeps new objects, as a running window does, so that
    collections come (the collector waits for more objects than it had)."""
    _GROWING.extend([i] for i in range(50))
    return gc.get_freeze_count() > 0


@pytest.fixture
def collector() -> Iterator[_GuiThreadGarbageCollector]:
    threshold = gc.get_threshold()
    gc.set_threshold(10, 1, 1)  # every tick with new objects collects the older generations
    made = _GuiThreadGarbageCollector(interval_ms=10)
    try:
        yield made
    finally:
        made.stop()
        gc.set_threshold(*threshold)
        _GROWING.clear()


def test_survivors_are_frozen_and_new_cycles_are_still_collected(
    qtbot: QtBot, collector: _GuiThreadGarbageCollector
) -> None:
    assert not gc.isenabled()
    kept = [[i] for i in range(1000)]  # long-lived objects
    qtbot.waitUntil(_frozen, timeout=3000)
    frozen = gc.get_freeze_count()
    assert frozen >= len(kept)
    garbage = _cycle()  # made after the freeze: the timer's collections find it
    qtbot.waitUntil(lambda: _frozen() and garbage() is None, timeout=3000)


def test_clear_thaws_so_cycles_among_old_objects_go_too(
    qtbot: QtBot, collector: _GuiThreadGarbageCollector
) -> None:
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    held = [a]
    del a, b
    _ = [[i] for i in range(100)]
    qtbot.waitUntil(_frozen, timeout=3000)
    old = weakref.ref(held[0])
    held.clear()  # a cycle among frozen objects: the timer's collections leave it
    qtbot.wait(100)
    assert old() is not None
    collector.thaw()
    assert gc.get_freeze_count() == 0
    assert old() is None


def test_stop_gives_back_automatic_collection(qtbot: QtBot) -> None:
    made = _GuiThreadGarbageCollector(interval_ms=10)
    gc.collect()
    gc.freeze()
    made.stop()
    assert gc.isenabled()
    assert gc.get_freeze_count() == 0


@pytest.mark.parametrize("small", [True, False])
def test_a_small_heap_is_thawed_now_and_then(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, small: bool
) -> None:
    # what counts as small is the collector's rule; here the whole test process is one or other
    monkeypatch.setattr(_GuiThreadGarbageCollector, "SMALL_HEAP", 10**9 if small else 0)
    made = _GuiThreadGarbageCollector(interval_ms=10, thaw_every=5)
    try:
        a, b = _Node(), _Node()
        a.other, b.other = b, a
        held = [a]
        del a, b
        gc.collect()
        gc.freeze()
        old = weakref.ref(held[0])
        held.clear()  # a cycle among frozen objects
        if small:
            qtbot.waitUntil(lambda: old() is None, timeout=3000)
        else:
            qtbot.wait(200)  # 20 ticks: four chances to thaw, none taken
            assert old() is not None
    finally:
        made.stop()
