# ruff: noqa: E501 - data literals read better unwrapped
"""Realistic generated Segment events for benchmarks (about 1 KB each as JSON)."""

from __future__ import annotations

import random
from collections.abc import Iterator
from typing import Any

_EVENTS = ["Order Completed", "Signed Up", "Feature Used", "Experience Viewed", "Report Created", "Pricing Viewed"]
_UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/142.0.0.0 Safari/537.36"


def generate(count: int, seed: int = 1, browsers: int | None = None) -> Iterator[dict[str, Any]]:
    """``count`` events; each has its own anonymousId, or with ``browsers`` one of about that
    many (each user's events come from a few browsers of their own; the events are otherwise
    the same as without it)."""
    rng = random.Random(seed)
    per_user = max(1, (browsers or 0) // 5000)
    pick = random.Random(seed + 1)  # apart: the events' other values do not change
    for i in range(count):
        number = rng.randrange(5000)
        user = f"usr_{number:05d}"
        path = rng.choice(["/app", "/checkout/confirm", "/pricing", "/app/reports", "/onboarding"])
        ctx = {
            "library": {"name": "analytics.js", "version": "npm:next-1.84.1"},
            "locale": "en-US",
            "page": {"path": path, "referrer": "https://www.google.com/", "search": "",
                     "title": "Acme", "url": f"https://app.acme.io{path}"},
            "userAgent": _UA,
            "timezone": "Europe/Paris",
            "ip": f"81.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(256)}",
            "campaign": {"name": "winter-sale", "source": "newsletter", "medium": "email",
                         "content": rng.choice(["hero", "footer", "banner"])},
            "screen": {"width": 1440, "height": 900, "density": 2},
            "userAgentData": {"brands": [{"brand": "Chromium", "version": "142"}, {"brand": "Google Chrome", "version": "142"}], "mobile": False, "platform": "macOS"},
        }
        base: dict[str, Any] = {
            "messageId": f"ajs-next-{1763630000000 + i}-{rng.getrandbits(64):016x}",
            "timestamp": f"2026-11-20T{i // 3600 % 24:02d}:{i // 60 % 60:02d}:{i % 60:02d}.000Z",
            "anonymousId": f"{rng.getrandbits(128):032x}",
            "userId": user,
            "context": ctx,
            "integrations": {},
        }
        if browsers:
            own = number % browsers if browsers < 5000 else f"{number}-{pick.randrange(per_user)}"
            base["anonymousId"] = f"anon-{own}"
        kind = rng.random()
        if kind < 0.7:
            base.update(type="track", event=rng.choice(_EVENTS),
                        properties={"total": round(rng.uniform(5, 500), 2), "currency": "EUR",
                                    "plan": rng.choice(["free", "growth", "scale"]),
                                    "orderId": f"ord_{i}", "items": rng.randrange(1, 9),
                                    "coupon": rng.choice(["", "WINTER10", "VIP"]),
                                    "checkout_step": rng.randrange(1, 5)})
        elif kind < 0.85:
            base.update(type="identify", traits={"email": f"{user}@example.com", "name": "Ana Lopez",
                                                  "plan": rng.choice(["free", "growth"]), "seats": rng.randrange(1, 50)})
        elif kind < 0.95:
            base.update(type="page", name=rng.choice(["Home", "Pricing", "Dashboard"]),
                        properties={"path": path, "url": f"https://app.acme.io{path}"})
        else:
            base.update(type="group", groupId=f"org_{rng.randrange(300)}",
                        traits={"name": "Acme Inc", "employees": rng.randrange(5, 500)})
        yield base


def count_and_browsers(args: list[str]) -> tuple[int, int | None]:
    """``[EVENTS] [--browsers N]`` of a benchmark's command line (``args`` loses ``--browsers N``):
    the number of events (default 1,000,000) and of browsers (None: one per event)."""
    browsers = int(args[args.index("--browsers") + 1]) if "--browsers" in args else None
    if browsers is not None:
        args.remove("--browsers")
        args.remove(str(browsers))
    return next((int(a) for a in args if a.isdigit()), 1_000_000), browsers
