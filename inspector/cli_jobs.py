"""``inspect --jobs``: NDJSON files inspected by worker processes, lines identical and in order."""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Sequence

from inspector.core.destinations import DestinationConfig

__all__ = ["add_options", "wanted_jobs", "inspect_in_parallel", "PARALLEL_MIN_BYTES"]

PARALLEL_MIN_BYTES = 4 << 20
"""Below this, starting workers costs more than it saves (unless ``--jobs`` asks for them)."""


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected 1 or more processes, got {text!r}")
    return value


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        type=_jobs,
        metavar="N",
        help="worker processes for NDJSON files over 4 MB (default: the number of CPUs; "
        "1: one process). Output is identical either way",
    )


def wanted_jobs(args: argparse.Namespace, files: Sequence[str]) -> int | None:
    """How many processes inspect ``files`` a chunk of lines at a time (1: this one alone), or
    None for the record-by-record reading.

    Chunks are NDJSON files only, written only in the ndjson format: other inputs (standard
    input, JSON arrays, HAR), ``--format table`` and snapshots are read record by record.
    """
    from inspector import cli_snapshot
    from inspector.core.inspection import default_jobs, lines_inputs, parallel_available

    if args.format != "ndjson" or cli_snapshot.wanted(args):
        return None
    total = lines_inputs(files) if files else None  # no files: standard input
    if total is None:
        return None
    jobs = args.jobs if args.jobs is not None else default_jobs()
    if jobs < 2 or not parallel_available():
        return 1
    if args.jobs is None and total < PARALLEL_MIN_BYTES:
        return 1
    return jobs


def inspect_in_parallel(
    files: Sequence[str],
    config: DestinationConfig,
    sdk_sessions: str,
    jobs: int,
    fail_on: frozenset[str],
    skipped: list[str],
) -> bool | None:
    """Write the NDJSON lines to stdout, skipped records to stderr; whether --fail-on held.

    ``jobs=1`` works the chunks out in this process. None when worker processes cannot start
    here (no ``/dev/shm`` or ``sem_open`` in some containers): nothing was written, and the
    caller reads the records one by one instead.
    """
    from inspector.core.inspection import inspect_lines

    items = inspect_lines(files, config, sdk_sessions=sdk_sessions, jobs=jobs)
    try:
        first = next(items, None)
    except (OSError, ImportError):  # the pool is made before anything is read
        return None
    failed = False
    out = sys.stdout.buffer
    sys.stdout.flush()
    for item in itertools.chain(() if first is None else (first,), items):
        if isinstance(item, str):
            out.flush()
            skipped.append(item)
            print(item, file=sys.stderr)
            continue
        out.write(item.data)
        if ("unmatched" in fail_on and item.unmatched) or ("invalid" in fail_on and item.invalid):
            failed = True
    return failed
