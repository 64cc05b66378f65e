"""Throughput and memory of ``inspect`` over realistic events.

Runs 100,000 generated analytics.js-like events (tracks, pages, identifies, groups, a few
screens and aliases) through Jimo (Actions) with its three presets plus 10 custom
subscriptions, as ``EventRecord``s decoded on the fly (what the CLI does), in one SDK session.
The events are written to a temporary NDJSON file first and streamed from it. Prints events/s,
the process's maximum resident set size, and the peak of Python allocations (tracemalloc)
during a second, traced run over the first 20,000 events.

    uv run python bench/inspect.py [--events N] [--fresh-sdk] [--cloud]
"""

from __future__ import annotations

import os
import sys

# Run as a script, this file's directory comes first on sys.path, where this file would shadow
# the standard library's ``inspect`` module (which dataclasses imports).
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]

import argparse  # noqa: E402
import random
import resource
import tempfile
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson

from inspector.core.destinations import DestinationConfig, default_config, preset_subscriptions
from inspector.core.events import EventRecord, EventSource
from inspector.core.inspection import event_line, inspect

CUSTOM = [
    (
        "Order over 100",
        "sendTrackEvent",
        'event = "Order Completed" and properties.total > 100',
        {
            "event_name": {"@template": "Big order {{properties.currency}}"},
            "messageId": {"@path": "$.messageId"},
            "timestamp": {"@path": "$.timestamp"},
            "properties": {
                "total": {"@path": "$.properties.total"},
                "items": {"@path": "$.properties.products.length"},
            },
        },
    ),
    (
        "Feature usage",
        "sendTrackEvent",
        'contains(event, "Feature")',
        {
            "event_name": {"@path": "$.event"},
            "userId": {"@path": "$.userId"},
            "properties": {"feature": {"@path": "$.properties.feature"}},
        },
    ),
    (
        "Signups",
        "sendTrackEvent",
        'match(event, "Signed*")',
        {
            "event_name": "signup",
            "anonymousId": {"@path": "$.anonymousId"},
            "messageId": {"@path": "$.messageId"},
            "timestamp": {"@path": "$.timestamp"},
        },
    ),
    (
        "Pricing page",
        "sendTrackEvent",
        'type = "page" and name = "Pricing"',
        {"event_name": {"@template": "Viewed {{name}}"}, "properties": {"@path": "$.properties"}},
    ),
    (
        "Pro users",
        "sendUserData",
        'type = "identify" and traits.plan = "pro"',
        {
            "userId": {"@path": "$.userId"},
            "traits": {"plan": {"@path": "$.traits.plan"}, "seats": {"@path": "$.traits.seats"}},
        },
    ),
    (
        "French locale",
        "sendUserData",
        'type = "identify" and context.locale = "fr-FR"',
        {"userId": {"@path": "$.userId"}, "traits": {"locale": {"@path": "$.context.locale"}}},
    ),
    (
        "Email from context",
        "sendUserData",
        'type = "identify" and traits.email != null',
        {
            "userId": {"@path": "$.userId"},
            "email": {
                "@if": {
                    "exists": {"@path": "$.traits.email"},
                    "then": {"@path": "$.traits.email"},
                    "else": {"@path": "$.context.traits.email"},
                }
            },
        },
    ),
    (
        "Enterprise groups",
        "sendGroupData",
        'type = "group" and traits.plan = "enterprise"',
        {
            "groupId": {"@path": "$.groupId"},
            "traits": {"name": {"@path": "$.traits.name"}, "mrr": {"@path": "$.traits.mrr"}},
        },
    ),
    (
        "Big groups",
        "sendGroupData",
        'type = "group" and traits.employees >= 100',
        {"groupId": {"@path": "$.groupId"}, "traits": {"@path": "$.traits"}},
    ),
    (
        "Logged out",
        "sendTrackEvent",
        'event = "Logged Out" or event = "Session Ended" or event = "Account Deleted"',
        {"event_name": {"@path": "$.event"}, "userId": {"@path": "$.userId"}},
    ),
]

EVENTS = [
    "Order Completed",
    "Feature Used",
    "Signed Up",
    "Pricing Viewed",
    "Report Created",
    "Logged Out",
    "Experience Viewed",
    "Invoice Paid",
    "Seat Added",
    "Docs Searched",
]
PAGES = ["Home", "Pricing", "Docs", "Dashboard", "Settings"]
TYPES = (
    ["track"] * 60 + ["page"] * 22 + ["identify"] * 10 + ["group"] * 5 + ["screen"] * 2 + ["alias"]
)


def bench_config(cloud: bool) -> DestinationConfig:
    if cloud:
        subs = preset_subscriptions("actions-jimo-cloud")
        return DestinationConfig("actions-jimo-cloud", {"apiKey": "k" * 24}, subs)
    base = default_config()
    obj = base.to_json()
    obj["subscriptions"] += [
        {"name": n, "actionSlug": a, "trigger": t, "enabled": True, "mapping": m}
        for n, a, t, m in CUSTOM
    ]
    return DestinationConfig.from_json(obj)


def make_event(rng: random.Random, n: int) -> dict[str, Any]:
    etype = rng.choice(TYPES)
    user = f"usr_{rng.randrange(500)}" if rng.random() < 0.7 else None
    event: dict[str, Any] = {
        "messageId": f"ajs-next-{1763630000000 + n}-{rng.getrandbits(64):016x}",
        "timestamp": f"2026-11-20T09:{n // 60 % 60:02d}:{n % 60:02d}.000Z",
        "type": etype,
        "anonymousId": f"anon-{rng.randrange(2000)}",
        "context": {
            "library": {"name": "analytics.js", "version": "npm:next-1.84.1"},
            "locale": rng.choice(["en-US", "fr-FR", "de-DE"]),
            "page": {"path": "/app", "url": "https://app.acme.io/app", "title": "Acme"},
            "userAgent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) Chrome/142.0.0.0",
        },
        "integrations": {},
    }
    if user:
        event["userId"] = user
    _fill(event, etype, rng)
    return event


def _fill(event: dict[str, Any], etype: str, rng: random.Random) -> None:
    if etype == "track":
        name = rng.choice(EVENTS)
        event["event"] = name
        event["properties"] = {
            "total": rng.randrange(300),
            "currency": "EUR",
            "feature": rng.choice(["boards", "reports"]),
            "products": [{"sku": "a"}] * rng.randrange(4),
        }
    elif etype in ("page", "screen"):
        event["name"] = rng.choice(PAGES)
        event["properties"] = {"path": "/" + event["name"].lower()}
    elif etype == "identify":
        event["traits"] = {
            "email": f"{event.get('userId', 'anon')}@acme.io",
            "plan": rng.choice(["free", "pro", "team"]),
            "seats": rng.randrange(50),
        }
    elif etype == "group":
        event["groupId"] = f"org_{rng.randrange(100)}"
        event["traits"] = {
            "name": "Acme",
            "plan": rng.choice(["growth", "enterprise"]),
            "employees": rng.randrange(500),
            "mrr": rng.randrange(9000),
        }
    else:
        event["previousId"] = event["anonymousId"]


def generate(count: int, path: Path) -> int:
    """Write ``count`` events as NDJSON; returns the file size."""
    rng = random.Random(20261128)
    with path.open("wb") as out:
        for n in range(count):
            out.write(orjson.dumps(make_event(rng, n), option=orjson.OPT_APPEND_NEWLINE))
    return path.stat().st_size


def records(path: Path, limit: int | None = None) -> Iterator[EventRecord]:
    """Stream the file as ``EventRecord``s, one line at a time."""
    with path.open("rb") as lines:
        for n, raw in enumerate(lines, 1):
            if limit is not None and n > limit:
                return
            source = EventSource("file", str(path), line=n)
            yield EventRecord.from_dict(orjson.loads(raw), source, raw=raw.rstrip(b"\n"))


def run(events: Iterator[EventRecord], config: DestinationConfig, fresh: bool) -> tuple[int, int]:
    matched = count = 0
    for inspection in inspect(events, config, fresh_sdk=fresh):
        line = event_line(inspection)
        orjson.dumps(line)
        matched += sum(r["matched"] for r in line["results"])
        count += 1
    return count, matched


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--fresh-sdk", action="store_true")
    parser.add_argument("--cloud", action="store_true")
    args = parser.parse_args()
    config = bench_config(args.cloud)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "events.ndjson"
        size = generate(args.events, path)
        print(
            f"{args.events:,} events, {size / 1e6:.1f} MB of NDJSON, "
            f"{len(config.subscriptions)} subscriptions ({config.destination})"
        )
        rss_before = rss_mb()
        start = time.perf_counter()
        count, matched = run(records(path), config, args.fresh_sdk)
        elapsed = time.perf_counter() - start
        print(
            f"inspect + NDJSON line: {count / elapsed:,.0f} events/s "
            f"({elapsed:.2f} s, {matched:,} matched results)"
        )
        print(f"max RSS: {rss_mb():.0f} MB (before inspecting: {rss_before:.0f} MB)")
        tracemalloc.start()
        run(records(path, limit=20_000), config, args.fresh_sdk)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(f"peak traced Python allocations while streaming 20,000 events: {peak / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
