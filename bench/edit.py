# ruff: noqa: E402 - the imports follow the sys.path fix-up below
"""What a what-if edit costs on a big session: full evaluation vs incremental re-evaluation.

Evaluates N generated events (default 200,000) with Jimo's three presets, edits events at a few
places (a property change, and a type change that shifts the SDK state for the rest of the
session) and times ``reevaluate`` against a full ``evaluate``. Usage: python bench/edit.py [N]
"""

from __future__ import annotations

import os
import sys

_BENCH = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0]) == _BENCH:
    del sys.path[0]  # bench/inspect.py would shadow the standard library's inspect
sys.path.append(_BENCH)
sys.path.insert(0, os.path.dirname(_BENCH))

import time

from _events import generate

from inspector.core.destinations import default_config
from inspector.core.evaluation import evaluate, reevaluate
from inspector.core.events import EventRecord, EventSource


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 200_000
    source = EventSource("file", "bench")
    records = [EventRecord.from_dict(e, source) for e in generate(count)]
    config = default_config()
    start = time.perf_counter()
    base = evaluate(records, config)
    full = time.perf_counter() - start
    print(f"{count:,} events: full evaluation {full:.1f} s ({count / full:,.0f} events/s)")
    for label, where, change in (
        ("property edit, start", 10, {"properties": {"total": 999}}),
        ("property edit, middle", count // 2, {"properties": {"total": 999}}),
        ("type edit (track -> page), middle", count // 2, {"type": "page"}),
    ):
        edited = list(records)
        data = edited[where].data
        if change.get("type") == "page" and data.get("type") != "track":
            where += 1
            data = edited[where].data
        data.update(change)
        edited[where] = EventRecord.from_dict(data, source)
        start = time.perf_counter()
        reevaluate(base, edited, where)
        took = time.perf_counter() - start
        print(f"  {label:<36} re-evaluated in {took * 1000:8.1f} ms ({full / took:,.0f}x faster)")


if __name__ == "__main__":
    main()
