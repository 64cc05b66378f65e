"""Fuzz the loaders and the inspection pipeline with many mutated files; print what happened.

Every file is loaded and inspected on its own, the way `inspect` would, and each NDJSON line is
written; a crash is counted (with its file name) instead of stopping the run.

    uv run python bench/fuzz.py [--files 10000] [--seed 1]
"""

from __future__ import annotations

import os
import sys

# Run as a script, bench/ comes first on sys.path, where bench/inspect.py would shadow the
# standard library's inspect: put the repository root there instead.
_BENCH = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0]) == _BENCH:
    del sys.path[0]
sys.path.insert(0, os.path.dirname(_BENCH))

import argparse  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import traceback  # noqa: E402
from collections import Counter  # noqa: E402
from pathlib import Path  # noqa: E402

from inspector.core.destinations import default_config  # noqa: E402
from inspector.core.errors import LoadError  # noqa: E402
from inspector.core.events import EventRecord  # noqa: E402
from inspector.core.inspection import event_line, inspect, output_json  # noqa: E402
from inspector.core.loaders import BadRecord, read_path  # noqa: E402
from tests.core.loaders.fuzzing import mutated_files  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    config = default_config()
    counts: Counter[str] = Counter()
    crashes: list[str] = []
    per_line_max = 0
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "fuzzed.json"
        for name, data in mutated_files(args.seed, args.files):
            path.write_bytes(data)
            counts["files"] += 1
            counts["bytes"] += len(data)
            lines: Counter[tuple[int | None, int | None, int | None]] = Counter()
            try:
                records = []
                for item in read_path(path):
                    if isinstance(item, BadRecord):
                        counts["skipped records"] += 1
                        lines[(item.source.line, item.source.entry, item.source.item)] += 1
                    else:
                        records.append(item)
                for inspection in inspect(records, config):
                    record = inspection.record_or_event
                    assert isinstance(record, EventRecord)
                    output_json(event_line(inspection, record))
                    counts["events inspected"] += 1
            except LoadError:
                counts["files refused as a whole"] += 1
            except Exception:  # noqa: BLE001 - counting crashes is the point
                crashes.append(f"{name}: {traceback.format_exc().splitlines()[-1]}")
            per_line_max = max(per_line_max, max(lines.values(), default=0))
    seconds = time.perf_counter() - start
    keys = ("files", "bytes", "events inspected", "skipped records", "files refused as a whole")
    for key in keys:
        print(f"{key:>28}: {counts[key]:,}")
    print(f"{'most messages for one line':>28}: {per_line_max}")
    print(f"{'crashes':>28}: {len(crashes)}")
    print(f"{'seconds':>28}: {seconds:.1f} ({counts['files'] / seconds:,.0f} files/s)")
    for crash in crashes[:20]:
        print("  crash:", crash)
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
