"""``inspect --snapshot`` / ``--check-snapshot``: write the results for CI, or compare with them."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator

from inspector.core.inspection import EventInspection

__all__ = ["add_options", "wanted", "run", "tell_skipped"]


def add_options(parser: argparse.ArgumentParser) -> None:
    """Add the two options (mutually exclusive) to the ``inspect`` parser."""
    group = parser.add_mutually_exclusive_group()
    group.add_argument(
        "--snapshot",
        metavar="SNAP.json",
        help="write the results as a stable, diff-friendly snapshot instead of printing them",
    )
    group.add_argument(
        "--check-snapshot",
        metavar="SNAP.json",
        help="compare the results with a snapshot; print each difference, exit 1 on any",
    )


def wanted(args: argparse.Namespace) -> bool:
    return bool(args.snapshot or args.check_snapshot)


def run(args: argparse.Namespace, inspections: Iterator[EventInspection]) -> bool:
    """Write or check the snapshot; True when the check found a difference."""
    from inspector.core.snapshot import (
        compare_snapshot,
        read_snapshot,
        snapshot_event,
        write_snapshot,
    )

    if args.snapshot:
        count = write_snapshot(inspections, args.snapshot)
        print(f"{args.snapshot}: snapshot of {count} events written", file=sys.stderr)
        return False
    expected = read_snapshot(args.check_snapshot)
    differences = 0
    events: set[int] = set()
    for difference in compare_snapshot(expected, (snapshot_event(i) for i in inspections)):
        differences += 1
        events.add(difference.index)
        print(difference)
    if differences:
        print(f"{args.check_snapshot}: {differences} differences in {len(events)} events")
    else:
        print(f"{args.check_snapshot}: no difference ({len(expected)} events)", file=sys.stderr)
    sys.stdout.flush()
    return differences > 0


def tell_skipped(snapshot: str, count: int) -> None:
    """Say on stderr that records were skipped: they are in neither side of the comparison."""
    if count:
        print(
            f"{snapshot}: {count} record{' was' if count == 1 else 's were'} skipped "
            "(not loaded, so not compared)",
            file=sys.stderr,
        )
