"""What one event costs ``inspect``'s worker processes: read, evaluate, write its line.

Runs the worker loop (``_parallel._work``) in this process on N generated events (those of
``bench/vs_node.py``, Jimo presets) and prints the best of ``--runs`` as microseconds of CPU per
event. With ``--instructions`` it also counts the machine instructions per event under
Valgrind's cachegrind (when ``valgrind`` is installed): a figure that does not move with the
machine's load, for comparing two versions of the code on a shared or virtual machine.

    uv run python bench/per_event.py [--events 20000] [--runs 7] [--instructions]
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's directory comes first on sys.path, where bench/inspect.py would
# shadow the standard library's ``inspect`` module.
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]

import argparse  # noqa: E402
import importlib.util
import re
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import orjson

HERE = Path(__file__).resolve().parent


def _events(count: int) -> bytes:
    spec = importlib.util.spec_from_file_location("vs_node", HERE / "vs_node.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return b"".join(orjson.dumps(event) + b"\n" for event in module.events(count))


def _work(data: bytes, times: int) -> float:
    """The best wall time of ``times`` runs of the worker loop over ``data``."""
    from inspector.core.destinations import default_config
    from inspector.core.inspection import _parallel

    context = _parallel._context(default_config())
    _parallel._CONTEXT = context
    _parallel._work("events.ndjson", 1, data[:20000], False)  # warm: caches, first imports
    best = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        _parallel._work("events.ndjson", 1, data, False)
        best = min(best, time.perf_counter() - start)
    return best


def _instructions(path: Path, work: bool) -> int:
    """Instructions of a child process that loads the code and, with ``work``, runs the loop."""
    cmd = [sys.executable, __file__, "--child", str(path)] + (["--child-work"] if work else [])
    out = subprocess.run(
        ["valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null"]
        + cmd,
        capture_output=True,
        text=True,
        check=True,
    ).stderr
    found = re.search(r"I\s+refs:\s+([\d,]+)", out)
    if found is None:
        raise SystemExit(f"cachegrind printed no instruction count:\n{out[-2000:]}")
    return int(found.group(1).replace(",", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--instructions", action="store_true")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--child-work", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:  # under cachegrind: both warm up; one runs the loop once more
        _work(Path(args.child).read_bytes(), 1 if args.child_work else 0)
        return
    data = _events(args.events)
    count = data.count(b"\n")
    best = _work(data, args.runs)
    print(
        f"{count:,} events ({len(data) / count:.0f} B each), Jimo presets, best of {args.runs}:"
        f" {best / count * 1e6:.2f} µs per event in the worker loop"
    )
    if not args.instructions:
        return
    if shutil.which("valgrind") is None:
        print("instructions: skipped (install valgrind to count them)")
        return
    with tempfile.TemporaryDirectory(prefix="per-event-") as work:
        path = Path(work) / "events.ndjson"
        path.write_bytes(data[: data.index(b"\n", len(data) // 4) + 1])  # a quarter: faster
        events = path.read_bytes().count(b"\n")
        base = _instructions(path, work=False)
        loaded = _instructions(path, work=True)
    per_event = (loaded - base) / events
    print(f"instructions: {per_event:,.0f} per event (cachegrind, {events:,} events)")


if __name__ == "__main__":
    main()
