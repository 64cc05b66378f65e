"""Digests of ``jimo-inspector inspect`` output over a fixed set of inputs, to compare two trees.

Speed work must leave the ``inspect`` output byte-identical. This runs ``inspect`` on the demo
session (presets, demo config, ``--fresh-sdk``, table format), the demo and recorded HARs, the
recorded device sessions and cloud cases (each with its settings), the recorded mapping cases
(every event against their mappings, 50 subscriptions at a time, device and cloud) and, with
``--big``, 100,000 generated events; it prints one SHA-256 (stdout, stderr, exit status) per run.

    python tools/inspect_identity.py --out before.json [--root OTHER_TREE] [--big]
    python tools/inspect_identity.py --against before.json [--big]

``--root`` runs the ``inspector`` package of another checkout (``git worktree`` or an
extracted ``git archive``) with this tree's inputs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import orjson

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
DEMO = ROOT / "resources" / "demo"


def _ndjson(path: Path, events: list[Any]) -> str:
    path.write_bytes(b"".join(orjson.dumps(e) + b"\n" for e in events))
    return str(path)


def _config(path: Path, config: dict[str, Any]) -> str:
    path.write_text(json.dumps(config), encoding="utf-8")
    return str(path)


def _runs(work: Path, big: bool) -> dict[str, list[str]]:
    session, config = str(DEMO / "session.ndjson"), str(DEMO / "config.json")
    runs = {
        "demo-presets": [session],
        "demo-config": [session, "--config", config],
        "demo-fresh": [session, "--config", config, "--fresh-sdk"],
        "demo-table": [session, "--format", "table"],
        "demo-har": [str(DEMO / "checkout.har"), "--config", config],
        "chrome-har": [str(DATA / "loaders" / "chrome-export.har")],
    }
    sessions = json.loads((DATA / "jimo" / "device_sessions.json").read_text("utf-8"))
    for k, s in enumerate(sessions["sessions"]):
        cfg: dict[str, Any] = {"destination": "actions-jimo", "settings": s.get("settings", {})}
        if "page" in s:
            cfg["page"] = s["page"]
        runs[f"session-{k}"] = [
            _ndjson(work / f"s{k}.ndjson", s["events"]),
            "--config",
            _config(work / f"s{k}.json", cfg),
        ]
    cases = json.loads((DATA / "jimo" / "cloud_cases.json").read_text("utf-8"))["cases"]
    runs["cloud-cases"] = [
        _ndjson(work / "cloud.ndjson", [c["event"] for c in cases if "event" in c]),
        "--config",
        _config(work / "cloud.json", {"destination": "actions-jimo-cloud", "settings": {}}),
    ]
    transform = json.loads((DATA / "mapping" / "transform.json").read_text("utf-8"))
    events: dict[bytes, Any] = {}
    for case in transform:
        events.setdefault(orjson.dumps(case["event"], option=orjson.OPT_SORT_KEYS), case["event"])
    mapped = _ndjson(work / "mapped.ndjson", list(events.values()))
    runs["mapping-events-presets"] = [mapped]
    trigger = 'type = "identify" or type = "track" or type = "group" or type = "page"'
    actions = ("sendUserData", "sendTrackEvent", "sendGroupData")
    for part in range(0, len(transform), 50):
        chunk = transform[part : part + 50]
        subs = [
            {"name": c["name"], "actionSlug": actions[i % 3], "trigger": trigger}
            | {"mapping": c["mapping"]}
            for i, c in enumerate(chunk)
        ]
        device = {"destination": "actions-jimo", "settings": {"projectId": "p"}}
        cloud = {"destination": "actions-jimo-cloud", "settings": {}}
        device["subscriptions"] = subs
        cloud["subscriptions"] = [dict(s, actionSlug="sendUserdata") for s in subs]
        for mode, cfg in (("device", device), ("cloud", cloud)):
            path = _config(work / f"{mode}{part}.json", cfg)
            runs[f"mappings-{part}-{mode}"] = [mapped, "--config", path]
    if big:
        sys.path.insert(0, str(ROOT / "bench"))
        from vs_node import events as generated

        big_file = _ndjson(work / "big.ndjson", list(generated(100_000)))
        runs["generated-100k"] = [big_file]
        runs["generated-100k-fresh"] = [big_file, "--fresh-sdk"]
    return runs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="write the digests here")
    parser.add_argument("--against", help="compare with digests written before")
    parser.add_argument("--root", default=str(ROOT), help="the checkout whose code runs")
    parser.add_argument("--big", action="store_true", help="add 100,000 generated events")
    parser.add_argument("extra", nargs="*", help="extra inspect arguments (after --)")
    args = parser.parse_args()
    digests: dict[str, str] = {}
    # one fixed place: file paths appear in the output (sources, messages)
    work = Path(tempfile.gettempdir()) / "jimo-inspect-identity"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    try:
        for name, argv in _runs(work, args.big).items():
            cmd = [sys.executable, "-m", "inspector", "inspect", *argv, *args.extra]
            done = subprocess.run(cmd, capture_output=True, cwd=args.root, check=False)
            digest = hashlib.sha256(done.stdout + b"\0" + done.stderr)
            digests[name] = f"{digest.hexdigest()[:20]} exit {done.returncode}"
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if args.out:
        Path(args.out).write_text(json.dumps(digests, indent=1) + "\n", encoding="utf-8")
    if args.against:
        before = json.loads(Path(args.against).read_text(encoding="utf-8"))
        differ = [k for k in digests if k in before and before[k] != digests[k]]
        print(f"{len(digests)} runs; differ: {', '.join(differ) if differ else 'none'}")
        raise SystemExit(1 if differ else 0)
    if not args.out:
        print(json.dumps(digests, indent=1))


if __name__ == "__main__":
    main()
