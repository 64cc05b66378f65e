"""``jimo-inspector inspect`` side by side with Segment's own packages in Node, in one run.

Generates N events (track, identify, page, group, alias; about 0.4 KB each) as NDJSON, then
times, as separate processes, each ``--runs`` times:

- ``jimo-inspector inspect FILE --format ndjson`` (output to /dev/null; worker processes, one
  per CPU, as by default), the same with ``--jobs 1`` (one process), and
- ``node tools/conformance/reference/inspect.cjs`` running ``validate(parseFql(trigger))`` and
  ``transform(mapping, event)`` from ``@segment/destination-subscriptions`` and
  ``@segment/actions-core`` for the same subscriptions (the Jimo presets), one line per event.

Prints wall time, CPU time and peak RSS of each (median of the runs) and the ratio.

    uv run python bench/vs_node.py [--events 100000] [--runs 3] [-- EXTRA INSPECT ARGS]
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's directory comes first on sys.path, where bench/inspect.py would
# shadow the standard library's ``inspect`` module.
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]

import argparse  # noqa: E402
import random
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
NODE_DIR = ROOT / "tools" / "conformance" / "reference"


def events(count: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    rng = random.Random(seed)
    names = ["Order Completed", "Signed Up", "Feature Used", "Report Created", "Pricing Viewed"]
    for i in range(count):
        kind = rng.choices(["track", "identify", "page", "group", "alias"], [6, 2, 3, 1, 1])[0]
        user = f"usr_{rng.randrange(5000):05d}"
        event: dict[str, Any] = {
            "type": kind,
            "messageId": f"m-{i}",
            "anonymousId": f"anon-{rng.randrange(8000)}",
            "timestamp": f"2026-11-30T10:{rng.randrange(60):02d}:{rng.randrange(60):02d}.000Z",
            "context": {
                "library": {"name": "analytics.js", "version": "npm:next-1.84.1"},
                "page": {"path": "/app", "url": "https://app.acme.io/app"},
                "ip": f"81.2.{rng.randrange(256)}.{rng.randrange(256)}",
            },
        }
        if rng.random() < 0.8:
            event["userId"] = user
        if kind == "track":
            event["event"] = rng.choice(names)
            event["properties"] = {"plan": rng.choice(["pro", "team"]), "total": rng.randrange(500)}
        elif kind == "identify":
            event["traits"] = {"email": f"{user}@acme.io", "name": "Ada", "plan": "pro"}
        elif kind == "page":
            event["name"] = rng.choice(["Home", "Pricing", "Docs"])
            event["properties"] = {"path": "/app", "title": "Acme"}
        elif kind == "group":
            event["groupId"] = f"grp_{rng.randrange(300)}"
            event["traits"] = {"name": "Northwind", "employees": rng.randrange(1000)}
        else:
            event["previousId"] = f"anon-{rng.randrange(8000)}"
        yield event  # streamed: a child's peak RSS counts the parent's memory at fork


def timed(cmd: list[str], ok: tuple[int, ...] = (0,)) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MiB) of one child process."""
    start = time.perf_counter()
    with open(os.devnull, "wb") as sink:
        proc = subprocess.Popen(cmd, stdout=sink, cwd=ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in ok:
        raise SystemExit(f"{cmd[0]} failed with status {os.waitstatus_to_exitcode(status)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("extra", nargs="*", help="extra arguments for inspect (after --)")
    args = parser.parse_args()

    from inspector.core.destinations import default_config

    config = default_config()
    work = Path(tempfile.mkdtemp(prefix="vs-node-"))
    try:
        data = work / "events.ndjson"
        with data.open("wb") as fh:
            for event in events(args.events):
                fh.write(orjson.dumps(event) + b"\n")
        subs = work / "subscriptions.json"
        subs.write_bytes(
            orjson.dumps(
                [
                    {"name": s.name, "trigger": s.trigger, "mapping": s.mapping}
                    for s in config.subscriptions
                ]
            )
        )
        size = data.stat().st_size
        print(
            f"{args.events:,} events, {size / args.events:.0f} B/event, {len(subs.read_bytes())} B"
            f" of subscriptions ({len(config.subscriptions)}), {args.runs} run(s) each"
        )
        print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f} at the start")
        ours_cmd = [sys.executable, "-m", "inspector", "inspect", str(data), "--format", "ndjson"]
        ours_cmd += args.extra
        commands = {"jimo-inspector inspect": ours_cmd}
        if "--jobs" not in " ".join(args.extra):  # the default uses every CPU; one process too
            commands["inspect --jobs 1"] = [*ours_cmd, "--jobs", "1"]
        if shutil.which("node") and (NODE_DIR / "node_modules" / "@segment").exists():
            commands["node reference"] = [
                "node",
                str(NODE_DIR / "inspect.cjs"),
                str(subs),
                str(data),
            ]
        else:
            print(
                "node reference: skipped (install node, then `npm install` in "
                "tools/conformance/reference)"
            )
        figures: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
        for _ in range(args.runs):
            for name, cmd in commands.items():  # interleaved, so both see the same machine
                # inspect exits 1 when records were skipped; the generated file has none
                figures[name].append(timed(cmd))
        medians = {}
        for name, runs in figures.items():
            wall = statistics.median(r[0] for r in runs)
            cpu = statistics.median(r[1] for r in runs)
            rss = max(r[2] for r in runs)
            medians[name] = wall
            print(
                f"{name:<24} wall {wall:6.2f} s  cpu {cpu:6.2f} s  peak RSS {rss:6.0f} MiB"
                f"  ({args.events / wall:,.0f} events/s; runs: "
                + ", ".join(f"{r[0]:.2f}" for r in runs)
                + ")"
            )
        node = medians.get("node reference")
        for name, ours in medians.items():
            if node is not None and name != "node reference":
                print(
                    f"ratio {name} / node (wall): {ours / node:.2f}  "
                    f"({'faster' if ours < node else 'slower'} than the reference)"
                )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
