"""Mapping throughput: payloads per second for the Jimo presets' mappings.

Generates realistic Segment events (identify, track, group, page) and resolves each preset
mapping whose trigger type matches, as the inspector does; prints figures. With ``--node`` it also
runs actions-core's ``transform`` on the same events (needs ``npm install`` in
tools/conformance/mapping).

    uv run python bench/mapping.py [--events 100000] [--node]
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

# Scripts in bench/ may shadow standard modules (bench/inspect.py): keep bench/ off the path.
if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
    sys.path.pop(0)

from inspector.core.mapping import resolve  # noqa: E402
from inspector.core.schema import check_payload  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NODE_DIR = ROOT / "tools" / "conformance" / "mapping"

# The presets' mappings (defaultValues of each action's fields), from the Jimo specification.
SEND_USER_DATA = {
    "userId": {"@path": "$.userId"},
    "email": {"@path": "$.traits.email"},
    "traits": {"@path": "$.traits"},
}
SEND_TRACK_EVENT = {
    "messageId": {"@path": "$.messageId"},
    "timestamp": {"@path": "$.timestamp"},
    "event_name": {"@path": "$.event"},
    "userId": {"@path": "$.userId"},
    "anonymousId": {"@path": "$.anonymousId"},
    "properties": {"@path": "$.properties"},
}
SEND_GROUP_DATA = {"groupId": {"@path": "$.groupId"}, "traits": {"@path": "$.traits"}}
PRESETS = {"identify": SEND_USER_DATA, "track": SEND_TRACK_EVENT, "group": SEND_GROUP_DATA}
# A track mapping written in Liquid, as users write them: paths, filters, a condition, a date.
LIQUID_TRACK = {
    "name": {"@liquid": "{{ event | downcase | replace: ' ', '_' }}"},
    "label": {"@liquid": "{% if properties.total > 100 %}big{% else %}small{% endif %} order"},
    "total": {"@liquid": "{{ properties.total | times: 100 | round }} {{ properties.currency }}"},
    "day": {"@liquid": "{{ timestamp | date: '%Y-%m-%d %H:%M' }}"},
    "first_sku": {"@liquid": "{{ properties.products.first.sku | default: 'none' }}"},
}
CLOUD_FIELDS = {
    "userId": {"label": "User ID", "type": "string", "required": True},
    "email": {"label": "User email", "type": "string"},
    "traits": {"label": "User Traits", "type": "object"},
}
EVENT_NAMES = ["Order Completed", "Product Viewed", "Signed Up", "Checkout Started", "Page Shared"]


def _base(rng: random.Random, kind: str, n: int) -> dict[str, Any]:
    user = rng.random() < 0.8
    return {
        "type": kind,
        "messageId": f"ajs-{n:08x}-{rng.getrandbits(64):016x}",
        "timestamp": f"2024-05-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:00.000Z",
        "anonymousId": f"anon-{rng.getrandbits(48):012x}",
        "userId": f"user-{rng.randrange(5000)}" if user else None,
        "context": {
            "ip": f"10.0.{rng.randrange(256)}.{rng.randrange(256)}",
            "locale": rng.choice(["en-US", "fr-FR", "de-DE"]),
            "page": {"path": "/checkout", "url": "https://shop.example/checkout", "title": "Shop"},
            "library": {"name": "analytics.js", "version": "next-1.70.0"},
        },
    }


def make_event(rng: random.Random, n: int) -> dict[str, Any]:
    kind = rng.choices(["track", "identify", "group", "page"], [6, 2, 1, 1])[0]
    event = _base(rng, kind, n)
    if kind == "track":
        event["event"] = rng.choice(EVENT_NAMES)
        event["properties"] = {
            "order_id": f"o-{n}",
            "total": round(rng.uniform(5, 500), 2),
            "currency": "EUR",
            "products": [
                {"sku": f"SKU-{rng.randrange(999)}", "price": rng.randrange(1, 99), "quantity": 1}
                for _ in range(rng.randrange(1, 4))
            ],
        }
    elif kind == "identify":
        event["traits"] = {
            "email": f"person{n}@example.com" if rng.random() < 0.9 else None,
            "name": f"Person {n}",
            "plan": rng.choice(["free", "pro", None]),
            "logins": rng.randrange(100),
        }
    elif kind == "group":
        event["groupId"] = f"g-{rng.randrange(300)}"
        event["traits"] = {"name": "Acme", "employees": rng.randrange(1, 5000)}
    else:
        event["name"] = "Checkout"
        event["properties"] = {"path": "/checkout", "referrer": ""}
    return event


def run_python(events: list[dict[str, Any]], provenance: bool) -> tuple[int, float]:
    start = time.perf_counter()
    count = 0
    for event in events:
        mapping = PRESETS.get(event["type"])
        if mapping is not None:
            resolve(mapping, event, provenance=provenance)
            count += 1
    return count, time.perf_counter() - start


def run_liquid(events: list[dict[str, Any]]) -> tuple[int, float]:
    tracks = [e for e in events if e["type"] == "track"]
    start = time.perf_counter()
    for event in tracks:
        resolve(LIQUID_TRACK, event, provenance=True)
    return len(tracks), time.perf_counter() - start


def run_cloud_check(events: list[dict[str, Any]]) -> tuple[int, float]:
    identifies = [e for e in events if e["type"] == "identify"]
    start = time.perf_counter()
    for event in identifies:
        check_payload(resolve(SEND_USER_DATA, event, provenance=False).payload, CLOUD_FIELDS)
    return len(identifies), time.perf_counter() - start


def run_node(events: list[dict[str, Any]]) -> dict[str, Any] | None:
    if not (NODE_DIR / "node_modules" / "@segment" / "actions-core").exists():
        print("node: skipped (run `npm install` in tools/conformance/mapping)")
        return None
    out = ROOT / "bench" / "out"
    out.mkdir(parents=True, exist_ok=True)
    data = out / "mapping-events.json"
    data.write_text(json.dumps({"presets": PRESETS, "events": events}))
    proc = subprocess.run(
        ["node", str(NODE_DIR / "bench.cjs"), str(data)], capture_output=True, text=True, check=True
    )
    result: dict[str, Any] = json.loads(proc.stdout)
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--node", action="store_true", help="also time actions-core in Node")
    args = parser.parse_args(argv)
    rng = random.Random(42)
    events = [make_event(rng, n) for n in range(args.events)]
    python = sys.version.split()[0]
    print(f"events: {len(events):,} (track/identify/group/page 6:2:1:1), Python {python}")
    for provenance in (False, True):
        count, seconds = run_python(events, provenance)
        label = "with provenance" if provenance else "payload only"
        rate = count / seconds
        print(f"resolve ({label}): {count:,} payloads in {seconds:.2f} s = {rate:,.0f} payloads/s")
    count, seconds = run_liquid(events)
    print(f"resolve (@liquid track mapping, 5 templates): {count / seconds:,.0f} payloads/s")
    count, seconds = run_cloud_check(events)
    print(f"resolve + check_payload (cloud, identify): {count / seconds:,.0f} payloads/s")
    if args.node:
        node = run_node(events)
        if node:
            rate = node["count"] / node["seconds"]
            print(
                f"node transform ({node['version']}): {node['count']:,} payloads in "
                f"{node['seconds']:.2f} s = {rate:,.0f} payloads/s"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
