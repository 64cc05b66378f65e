"""Per-browser SDK states: kept copies share one table and still read as whole copies would."""

from __future__ import annotations

import random
import threading
from typing import Any

import pytest

from inspector.core.destinations import SdkState
from inspector.core.sdk_sessions import BrowserStates

START = SdkState()


class Reference:
    """The plain model: a dict of every browser, copied whole for each kept state."""

    def __init__(self) -> None:
        self.states: dict[str | None, SdkState] = {}
        self.current: str | None = None
        self.key: str | None = None

    def before(self, event: dict[str, Any]) -> SdkState:
        key = event.get("anonymousId") or None
        if key is None:
            key = self.current
        elif len(self.states) == 1 and None in self.states:
            self.states[key] = self.states.pop(None)
        self.key = key
        return self.states.get(key, START)

    def after(self, state: SdkState) -> None:
        self.states[self.key] = state
        self.current = self.key

    def copy(self) -> Reference:
        other = Reference()
        other.states, other.current, other.key = dict(self.states), self.current, self.key
        return other


def _event(rng: random.Random, browsers: int) -> dict[str, Any]:
    if rng.random() < 0.15:
        return {}
    return {"anonymousId": f"b{rng.randrange(browsers)}"}


def _reads(table: BrowserStates, keys: list[str]) -> list[SdkState | None]:
    """What each browser's next event would meet, read on throw-away copies."""
    return [table.copy().before({"anonymousId": k}) for k in keys]


def _run(
    table: BrowserStates, ref: Reference, rng: random.Random, count: int, browsers: int
) -> None:
    for _ in range(count):
        event = _event(rng, browsers)
        assert table.before(event) is ref.before(event)
        assert table.known == (ref.key in ref.states)
        state = SdkState(tracks=rng.randrange(1_000_000))
        table.after(state)
        ref.after(state)


@pytest.mark.parametrize("browsers", [1, 5, 300])
def test_kept_copies_read_what_whole_copies_of_the_table_read(browsers: int) -> None:
    rng = random.Random(browsers)
    table, ref = BrowserStates(START), Reference()
    kept: list[tuple[BrowserStates, Reference]] = []
    for _ in range(40):
        _run(table, ref, rng, rng.randrange(1, 60), browsers)
        kept.append((table.copy(), ref.copy()))
    keys = [f"b{k}" for k in range(browsers)]
    # forks: carrying on from an old copy leaves every other copy as it was
    for copy, whole in list(kept[::7]):
        fork, fork_ref = copy.copy(), whole.copy()
        _run(fork, fork_ref, rng, 80, browsers)
        kept.append((fork, fork_ref))
        kept.append((fork.copy(), fork_ref.copy()))
    for copy, whole in kept:
        assert copy.browsers == len(whole.states)
        assert _reads(copy, keys) == [whole.states.get(k, START) for k in keys]
    for (a, a_ref), (b, b_ref) in zip(kept, kept[1:] + kept[:1], strict=True):
        same = a_ref.states == b_ref.states and a_ref.current == b_ref.current
        assert (a == b) == same
        assert a == a.copy()


def test_a_table_carried_on_from_its_end_is_not_copied_and_its_past_stays() -> None:
    rng = random.Random(7)
    table, ref = BrowserStates(START), Reference()
    _run(table, ref, rng, 500, 50)
    end, end_ref = table.copy(), ref.copy()
    table.release()
    resumed = end.copy()
    _run(resumed, ref, rng, 500, 50)
    keys = [f"b{k}" for k in range(50)]
    assert _reads(end, keys) == [end_ref.states.get(k, START) for k in keys]
    assert _reads(resumed, keys) == [ref.states.get(k, START) for k in keys]
    # the end was free: the resumed table went on writing in it rather than in a new one
    assert resumed.changed_since(end) is not None
    assert len(resumed.changed_since(end) or ()) <= 50


def test_two_writers_from_one_copy_do_not_see_each_other() -> None:
    rng = random.Random(3)
    table, ref = BrowserStates(START), Reference()
    _run(table, ref, rng, 300, 20)
    table.release()
    base, base_ref = table.copy(), ref.copy()
    results: dict[int, tuple[BrowserStates, Reference]] = {}

    def write(n: int) -> None:
        mine, mine_ref = base.copy(), base_ref.copy()
        _run(mine, mine_ref, random.Random(n), 2_000, 20)
        results[n] = (mine, mine_ref)

    threads = [threading.Thread(target=write, args=(n,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    keys = [f"b{k}" for k in range(20)]
    for mine, mine_ref in [*results.values(), (base, base_ref)]:
        assert _reads(mine, keys) == [mine_ref.states.get(k, START) for k in keys]


def test_events_before_the_first_anonymous_id_belong_to_the_first_browser() -> None:
    table = BrowserStates(START)
    early = SdkState(tracks=1)
    table.before({})
    table.after(early)
    kept = table.copy()
    assert table.before({"anonymousId": "a"}) is early
    assert table.browsers == 1
    table.after(SdkState(tracks=2))
    assert kept.copy().before({}) is early  # the copy still has the unnamed browser
    assert table.copy().before({"anonymousId": "b"}) is START


def test_a_copy_of_a_table_still_being_written_carries_on_apart() -> None:
    rng = random.Random(11)
    table, ref = BrowserStates(START), Reference()
    _run(table, ref, rng, 200, 10)
    copy, copy_ref = table.copy(), ref.copy()  # the table is not released: it goes on too
    for _ in range(5):
        _run(copy, copy_ref, rng, 20, 10)
        _run(table, ref, rng, 20, 10)
    keys = [f"b{k}" for k in range(10)]
    assert _reads(copy, keys) == [copy_ref.states.get(k, START) for k in keys]
    assert _reads(table, keys) == [ref.states.get(k, START) for k in keys]


def test_tables_and_copies_leave_no_reference_cycles_behind() -> None:
    import gc

    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        table, ref = BrowserStates(START), Reference()
        rng = random.Random(1)
        _run(table, ref, rng, 50, 5)
        copy = table.copy()
        _run(copy, ref.copy(), rng, 50, 5)  # writes in a table of its own
        table.release()
        del table, copy
        assert gc.collect() == 0  # everything went with its last reference
    finally:
        if was_enabled:
            gc.enable()
