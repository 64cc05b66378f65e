"""Throughput of the config diff, the snapshot and the repro bundle over realistic events.

Generates N analytics.js-like events (default 20,000), then times: ``diff_configs`` of the
demo config against an edited copy (one mapping reads the event name from another path, one
trigger narrowed); writing a snapshot; checking it; and writing a redacted repro bundle.
Prints events/s for each and the maximum resident set size.

    uv run python bench/diff.py [--events N]
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's directory comes first on sys.path, where bench/inspect.py would
# shadow the standard library's ``inspect`` module: put the repository there instead.
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    sys.path[0] = os.path.dirname(sys.path[0])

import argparse  # noqa: E402
import resource  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from bench._events import generate  # noqa: E402
from inspector.core.destinations import load_config  # noqa: E402
from inspector.core.diff import DiffSummary, diff_configs  # noqa: E402
from inspector.core.events import EventRecord, EventSource  # noqa: E402
from inspector.core.export import write_bundle  # noqa: E402
from inspector.core.inspection import inspect  # noqa: E402
from inspector.core.snapshot import (  # noqa: E402
    compare_snapshot,
    read_snapshot,
    snapshot_event,
    write_snapshot,
)
from inspector.resources import DEMO_CONFIG  # noqa: E402


def _timed(label: str, count: int, work) -> None:  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    detail = work()
    seconds = time.perf_counter() - start
    print(f"{label:<28} {seconds:7.2f} s  {count / seconds:9,.0f} events/s  {detail}")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=20_000)
    n = parser.parse_args().events
    records = [
        EventRecord.from_dict(e, EventSource("file", "bench.ndjson", i + 1))
        for i, e in enumerate(generate(n))
    ]
    before = load_config(DEMO_CONFIG)
    track = before.subscriptions[1]
    after = before.with_subscription(
        1,
        track.with_changes(mapping={**track.mapping, "event_name": {"@path": "$.properties.name"}}),
    )
    users = after.subscriptions[0]
    after = after.with_subscription(
        0, users.with_changes(trigger='type = "identify" and traits.plan = "pro"')
    )
    print(f"{n:,} events, {len(before.subscriptions)} subscriptions")

    def diff() -> str:
        summary = DiffSummary()
        for item in diff_configs(records, before, after):
            summary.add(item)
        return f"{summary.differing:,} differ"

    with tempfile.TemporaryDirectory() as folder:
        snap, bundle = Path(folder) / "snap.json", Path(folder) / "bundle.zip"
        _timed("diff_configs (2 runs)", n, diff)
        _timed(
            "write snapshot",
            n,
            lambda: (
                f"{write_snapshot(inspect(records, before), snap):,} written, "
                f"{snap.stat().st_size / 1e6:.1f} MB"
            ),
        )

        def check() -> str:
            expected = read_snapshot(snap)
            changes = sum(
                1
                for _ in compare_snapshot(
                    expected, (snapshot_event(i) for i in inspect(records, after))
                )
            )
            return f"{changes:,} differences"

        _timed("check snapshot", n, check)

        def bundle_out() -> str:
            manifest = write_bundle(bundle, records, before, app_version="bench")
            return f"{manifest['events']:,} events, {bundle.stat().st_size / 1e6:.1f} MB"

        _timed("write repro bundle", n, bundle_out)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
