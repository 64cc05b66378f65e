"""The event store's snapshots: what a worker thread reads while the list goes on changing."""

from __future__ import annotations

import pytest

from inspector.core.store import EventStore
from tests.core.workbench.conftest import tracks


def test_a_snapshot_keeps_its_length_through_appends_and_clears() -> None:
    store = EventStore()
    first = tracks(3)
    store.extend(first)
    snapshot = store.snapshot()
    store.extend(tracks(2))
    assert len(snapshot) == 3 and list(snapshot) == first
    assert snapshot[-1] is first[2] and list(snapshot[1:]) == first[1:]
    with pytest.raises(IndexError):
        snapshot[3]
    store.clear()
    assert len(store) == 0 and list(snapshot) == first


def test_an_edit_shows_through_a_snapshot() -> None:
    store = EventStore()
    store.extend(tracks(2))
    snapshot = store.snapshot()
    replacement = tracks(1, event="Edited")[0]
    store.replace(1, replacement)
    assert snapshot[1] is replacement
