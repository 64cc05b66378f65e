# ruff: noqa: E402 - the imports follow the sys.path fix-up below
"""Load throughput and memory for the headless path: 1,000,000 events (~1 KB each) as NDJSON.

Prints events/s, MB/s and peak RSS / file size for (a) streaming (the `inspect` path, nothing
kept) and (b) keeping every record in memory (what the window holds), then (c) streaming the
same events as a pretty-printed JSON array (two-space indent, as ``JSON.stringify(events, null,
2)`` writes it). Each runs in its own process so peak memory is measured separately.
Usage: python bench/load.py [EVENTS]
"""

from __future__ import annotations

import os
import sys

# Run as a script, bench/ comes first on sys.path, where bench/inspect.py would shadow the
# standard library's inspect module; look for bench's helpers last instead.
_BENCH = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0]) == _BENCH:
    del sys.path[0]
sys.path.append(_BENCH)
sys.path.insert(0, os.path.dirname(_BENCH))

import resource
import subprocess
import tempfile
import time
from pathlib import Path

import orjson


def make_file(path: Path, count: int) -> None:
    from _events import generate

    with path.open("wb") as out:
        for event in generate(count):
            out.write(orjson.dumps(event) + b"\n")


def make_array(ndjson: Path, path: Path) -> None:
    """The events of ``ndjson`` as one pretty-printed array, written element by element."""
    import json

    with ndjson.open("rb") as src, path.open("w", encoding="utf-8") as out:
        out.write("[")
        for n, line in enumerate(src):
            element = json.dumps(orjson.loads(line), indent=2, ensure_ascii=False)
            out.write(("," if n else "") + "\n  " + element.replace("\n", "\n  "))
        out.write("\n]\n")


def measure(path: str, keep: bool) -> None:
    from inspector.core.events import EventRecord
    from inspector.core.loaders import read_path

    base_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    kept: list[EventRecord] = []
    count = 0
    start = time.perf_counter()
    for item in read_path(path):
        count += 1
        if keep:
            kept.append(item)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - start
    size = os.path.getsize(path)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    mode = "keep all (GUI store)" if keep else "streaming (inspect)"
    print(f"{mode:22} {count:>9,} events  {elapsed:6.2f} s  {count / elapsed:>9,.0f} events/s  "
          f"{size / elapsed / 1e6:6.1f} MB/s  peak RSS {peak / 1e6:7.1f} MB "
          f"(interpreter {base_rss / 1e6:.0f} MB)  peak/file {peak / size:.2f}  "
          f"(peak-interpreter)/file {(peak - base_rss) / size:.2f}")


def main() -> None:
    if len(sys.argv) >= 3 and sys.argv[1] == "--measure":
        measure(sys.argv[2], keep=sys.argv[3] == "keep")
        return
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.ndjson"
        start = time.perf_counter()
        make_file(path, count)
        size = path.stat().st_size
        print(f"generated {count:,} events, {size / 1e6:.1f} MB ({size / count:.0f} B/event) "
              f"in {time.perf_counter() - start:.1f} s")
        for mode in ("stream", "keep"):
            subprocess.run([sys.executable, __file__, "--measure", str(path), mode], check=True)
        array = Path(tmp) / "events.json"
        make_array(path, array)
        size = array.stat().st_size
        print(f"the same events as a pretty-printed JSON array, {size / 1e6:.1f} MB:")
        subprocess.run([sys.executable, __file__, "--measure", str(array), "stream"], check=True)


if __name__ == "__main__":
    main()
