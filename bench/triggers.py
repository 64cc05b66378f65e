"""Trigger engine throughput: per-event evaluation and parse cost (prints figures; not a test).

Run: ``uv run python bench/triggers.py [--events 100000]``. Compare with Segment's own
``validate()`` in Node: ``node tools/conformance/fql/bench.js`` (same triggers, same event mix).
"""

from __future__ import annotations

import os
import sys

# Run as a script, Python puts bench/ first on sys.path, where a sibling script named like a
# standard module (bench/inspect.py) would shadow it; the engine is imported from the project.
if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
    del sys.path[0]

import argparse
import json
import random
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from inspector.core.fql import parse
from inspector.core.fql._trigger import _parse_cached

SIMPLE = 'type = "track"'
COMPLEX = (
    'type = "track" and (event = "Order Completed" or properties.total > 100) '
    'and contains(context.page.url, "checkout")'
)
EVENT_NAMES = [
    "Order Completed",
    "Product Added",
    "Product Viewed",
    "Checkout Started",
    "Signed Up",
]
PAGES = ["/", "/products/42", "/cart", "/checkout", "/checkout/payment", "/account"]


def make_events(count: int, seed: int = 7) -> list[dict[str, Any]]:
    """Realistic Segment events: mostly track, some page/identify, varied properties."""
    rng = random.Random(seed)
    events = []
    for index in range(count):
        kind = rng.choices(["track", "page", "identify"], weights=[70, 20, 10])[0]
        event: dict[str, Any] = {
            "type": kind,
            "messageId": f"m{index}",
            "anonymousId": f"a{rng.randrange(5000)}",
            "userId": f"u{rng.randrange(1000)}" if rng.random() < 0.6 else None,
            "timestamp": "2026-11-28T12:00:00.000Z",
            "context": {
                "page": {"url": "https://shop.example" + rng.choice(PAGES)},
                "library": {"name": "analytics.js", "version": "5.2.0"},
                "ip": "203.0.113.9",
            },
        }
        if kind == "track":
            event["event"] = rng.choice(EVENT_NAMES)
            event["properties"] = {
                "total": round(rng.uniform(5, 300), 2),
                "currency": "EUR",
                "products": [{"sku": "s1", "price": 10}],
            }
        elif kind == "page":
            event["name"] = rng.choice(["Home", "Cart", "Checkout"])
            event["properties"] = {"path": rng.choice(PAGES)}
        else:
            event["traits"] = {"email": f"user{index}@example.com", "plan": "free"}
        events.append(event)
    return events


def per_event_us(
    matches: Callable[[Any], bool], events: list[dict[str, Any]], rounds: int
) -> float:
    """Best-of-``rounds`` wall time per event, in microseconds."""
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        for event in events:
            matches(event)
        timings.append(time.perf_counter() - started)
    return min(timings) / len(events) * 1e6


def parse_us(text: str, repeat: int) -> float:
    """Median parse (lex + parse + compile) time in microseconds, bypassing the parse cache."""
    samples = []
    for _ in range(5):
        started = time.perf_counter()
        for _ in range(repeat):
            _parse_cached.__wrapped__(text)
        samples.append((time.perf_counter() - started) / repeat * 1e6)
    return statistics.median(samples)


def figures(events: list[dict[str, Any]], rounds: int) -> dict[str, float]:
    """The four headline figures, for tools/conformance/fql/bench.js."""
    return {
        "simple_evaluate_us": per_event_us(parse(SIMPLE).matches, events, rounds),
        "complex_evaluate_us": per_event_us(parse(COMPLEX).matches, events, rounds),
        "simple_parse_us": parse_us(SIMPLE, 2000),
        "complex_parse_us": parse_us(COMPLEX, 2000),
    }


def dump_events(events: list[dict[str, Any]], target: str) -> None:
    text = json.dumps(events)
    if target == "-":
        sys.stdout.write(text)
    else:
        Path(target).write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--dump-events", metavar="FILE", help="write the events as JSON and exit")
    args = parser.parse_args()
    events = make_events(args.events)
    if args.dump_events:
        dump_events(events, args.dump_events)
        return
    if args.json:
        print(json.dumps(figures(events, args.rounds)))
        return
    print(f"{len(events):,} events, best of {args.rounds} rounds")
    baseline = per_event_us(lambda event: False, events, args.rounds)
    print(f"loop     baseline {baseline:7.3f} µs/event (calling a function that does nothing)")
    for label, text in (("simple", SIMPLE), ("complex", COMPLEX)):
        trigger = parse(text)
        hits = sum(trigger.matches(event) for event in events)
        cost = per_event_us(trigger.matches, events, args.rounds)
        print(f"{label:8} evaluate {cost:7.3f} µs/event   ({hits:,} matches)   {text}")
    warm = events[:1000]  # the same events, few enough to stay in the CPU cache
    warm_baseline = per_event_us(lambda event: False, warm, args.rounds * 10)
    for label, text in (("simple", SIMPLE), ("complex", COMPLEX)):
        cost = per_event_us(parse(text).matches, warm, args.rounds * 10)
        print(
            f"{label:8} evaluate {cost:7.3f} µs/event on 1,000 cache-warm events "
            f"(loop baseline {warm_baseline:.3f})"
        )
    for label, text in (("simple", SIMPLE), ("complex", COMPLEX)):
        print(f"{label:8} parse    {parse_us(text, 2000):7.2f} µs (lex + parse + compile)")
    trigger = parse(COMPLEX)
    sample = events[: min(len(events), 10_000)]
    started = time.perf_counter()
    for event in sample:
        trigger.explain(event)
    explain_cost = (time.perf_counter() - started) / len(sample) * 1e6
    print(f"complex  explain  {explain_cost:7.2f} µs/event")


if __name__ == "__main__":
    main()
