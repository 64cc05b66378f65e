"""Throughput and memory of ``inspect`` over realistic events.

Runs 100,000 generated analytics.js-like events (tracks, pages, identifies, groups, a few
screens and aliases) through Jimo (Actions) with its three presets plus 10 custom
subscriptions, as ``EventRecord``s decoded on the fly (what the CLI does), in one SDK session.
Prints events/s, then the peak of Python allocations (tracemalloc) during a second, traced
run, and the process's maximum resident set size.

    uv run python bench/inspect.py [--events N] [--fresh-sdk] [--cloud]
"""

from __future__ import annotations

import argparse
import random
import resource
import time
import tracemalloc
from collections.abc import Iterator
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


def generate(count: int) -> list[bytes]:
    rng = random.Random(20261128)
    return [orjson.dumps(make_event(rng, n)) for n in range(count)]


def records(lines: list[bytes]) -> Iterator[EventRecord]:
    for n, raw in enumerate(lines, 1):
        source = EventSource("file", "bench.ndjson", line=n)
        yield EventRecord.from_dict(orjson.loads(raw), source, raw=raw)


def run(lines: list[bytes], config: DestinationConfig, fresh: bool) -> tuple[int, int]:
    matched = count = 0
    for inspection in inspect(records(lines), config, fresh_sdk=fresh):
        line = event_line(inspection)
        orjson.dumps(line)
        matched += sum(r["matched"] for r in line["results"])
        count += 1
    return count, matched


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--fresh-sdk", action="store_true")
    parser.add_argument("--cloud", action="store_true")
    args = parser.parse_args()
    config = bench_config(args.cloud)
    lines = generate(args.events)
    print(
        f"{len(lines):,} events, {sum(map(len, lines)) / 1e6:.1f} MB of JSON, "
        f"{len(config.subscriptions)} subscriptions ({config.destination})"
    )
    start = time.perf_counter()
    count, matched = run(lines, config, args.fresh_sdk)
    elapsed = time.perf_counter() - start
    print(
        f"inspect + NDJSON line: {count / elapsed:,.0f} events/s "
        f"({elapsed:.2f} s, {matched:,} matched results)"
    )
    tracemalloc.start()
    run(lines[: min(len(lines), 20_000)], config, args.fresh_sdk)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        f"peak traced allocations while streaming: {peak / 1e6:.1f} MB "
        f"(independent of the number of events)"
    )
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"max RSS of the process (includes the generated input): {rss:.0f} MB")


if __name__ == "__main__":
    main()
