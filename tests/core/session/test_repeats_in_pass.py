"""A full pass finds repeated messageIds as it goes, exactly as a search beforehand does."""

from __future__ import annotations

import random

import pytest

from inspector.core.destinations import default_config
from inspector.core.evaluation import evaluate
from inspector.core.events import EventRecord, EventSource
from inspector.core.message_ids import SeenIds, duplicate_ids, message_hashes
from tests.factories import make_event


def _records(rng: random.Random) -> list[EventRecord]:
    ids = [f"m{k}" for k in range(150)]
    out = []
    for _ in range(400):
        event = make_event(rng.choice(["track", "identify", "page"]), messageId=rng.choice(ids))
        if rng.random() < 0.05:
            del event["messageId"]  # no id: never a repeat
        out.append(EventRecord.from_dict(event, EventSource("paste")))
    return out


@pytest.mark.parametrize("every_hash_seen", [False, True])
def test_repeats_found_in_the_pass_are_those_found_beforehand(
    monkeypatch: pytest.MonkeyPatch, every_hash_seen: bool
) -> None:
    records = _records(random.Random(4))
    expected = duplicate_ids(message_hashes(records), records)
    assert len(expected) > 100
    if every_hash_seen:  # the Bloom filter answering "maybe" for every id: each is checked
        monkeypatch.setattr(SeenIds, "note", lambda self, h: True)
    for browsers in (False, True):
        result = evaluate(records, default_config(), browsers=browsers)
        assert result.duplicates == expected
        assert all(
            records[i].message_id == records[first].message_id and first < i
            for i, first in result.duplicates.items()
        )


def test_a_long_pass_seals_its_blocks_and_demoted_repeats_show_in_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Blocks sealed along the pass give the evaluation a plain pass would, repeats demoted
    after the pass included (they fall inside sealed blocks)."""
    from inspector.core.evaluation import _blocks

    rng = random.Random(8)
    ids = [f"m{k}" for k in range(3000)]
    records = [
        EventRecord.from_dict(
            make_event(
                rng.choice(["track", "identify", "group"]),
                messageId=rng.choice(ids),
                anonymousId=f"a{rng.randrange(40)}",
            ),
            EventSource("paste"),
        )
        for _ in range(2 * _blocks.BLOCK + 300)
    ]
    sealed = evaluate(records, default_config(), browsers=True)
    assert any(i < _blocks.BLOCK for i in sealed.duplicates) and len(sealed.timeline) > 0
    monkeypatch.setattr(_blocks.Sealed, "add", lambda self, name, items: None)
    plain = evaluate(records, default_config(), browsers=True)
    assert sealed.duplicates == plain.duplicates
    assert list(sealed.verdicts) == list(plain.verdicts)
    assert list(sealed.timeline) == list(plain.timeline)
    assert list(sealed.hazards) == list(plain.hazards)
    assert sealed.totals() == plain.totals()
