"""Mutated event files for fuzzing the loaders and ``inspect`` (used by a test and bench/fuzz.py).

``mutated_files(seed, count)`` yields ``(name, bytes)``: well-formed seeds (NDJSON, a pretty
array, a batch, a HAR, gzip of each) damaged the ways real files are: byte flips, truncation,
deep nesting, other encodings, other line endings, gzip damage, odd numbers and strings.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

__all__ = ["MUTATIONS", "mutated_files", "seed_files"]

_DATA = Path(__file__).parents[2] / "data"


def _event(rng: random.Random, n: int) -> dict[str, Any]:
    kind = rng.choice(["track", "identify", "page", "group", "screen", "alias"])
    event: dict[str, Any] = {
        "type": kind,
        "messageId": f"m-{n}",
        "timestamp": "2026-11-20T09:12:40.000Z",
        "anonymousId": f"anon-{n % 7}",
        "userId": rng.choice([None, f"user-{n}", ""]),
        "context": rng.choice([{"ip": "1.2.3.4"}, None, {"library": {"name": "analytics.js"}}]),
    }
    if kind == "track":
        event["event"] = rng.choice(["Order Completed", "Signed Up", "Été ☃ 😀"])
        event["properties"] = {"total": rng.random() * 100, "items": [{"sku": "a", "n": 1}]}
    else:
        event["traits"] = {"email": "a@b.c", "plan": rng.choice(["pro", None, 3])}
    return event


def seed_files(rng: random.Random) -> list[tuple[str, bytes]]:
    """Well-formed files of every format the loaders read."""
    events = [_event(rng, n) for n in range(rng.randint(1, 12))]
    ndjson = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in events).encode()
    pretty = json.dumps(events, indent=2, ensure_ascii=False).encode()
    batch = json.dumps({"batch": events, "sentAt": "2026-11-20T09:12:41.000Z"}).encode()
    har = (_DATA / "loaders" / "chrome-export.har").read_bytes()
    return [
        ("ndjson", ndjson),
        ("pretty", pretty),
        ("batch", batch),
        ("har", har),
        ("minified-har", json.dumps(json.loads(har), separators=(",", ":")).encode()),
        ("one", json.dumps(events[0]).encode()),
    ]


def _flip(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def _structural(rng: random.Random, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        at = rng.randrange(len(out) + 1)
        out[at:at] = rng.choice([b"]", b"}", b"[", b"{", b",", b'"', b"\\", b":", b"\n", b"\x00"])
    return bytes(out)


def _truncate(rng: random.Random, data: bytes) -> bytes:
    return data[: rng.randrange(len(data) + 1)]


def _nest(rng: random.Random, data: bytes) -> bytes:
    depth = rng.choice([100, 250, 253, 254, 255, 300, 600, 1000, 1023, 1024, 1025, 3000])
    deep = b"[" * depth + b"1" + b"]" * depth
    if rng.random() < 0.5:
        deep = b'{"a":' * depth + b"1" + b"}" * depth
    key = rng.choice([b'"properties":', b'"traits":', b'"context":', b'"type":'])
    at = data.find(key)
    if at < 0:
        return deep + b"\n" + data
    at += len(key)
    return data[:at] + deep + b',"was":' + data[at:]


def _encoding(rng: random.Random, data: bytes) -> bytes:
    text = data.decode("utf-8", errors="replace")
    choice = rng.choice(["utf-16", "utf-16-le", "utf-32", "latin-1", "bom8", "utf-16-nobom"])
    if choice == "latin-1":
        return text.encode("latin-1", errors="replace")
    if choice == "bom8":
        return b"\xef\xbb\xbf" + data
    if choice == "utf-16-nobom":
        return text.encode("utf-16-le")
    if choice == "utf-16-le":
        return b"\xff\xfe" + text.encode("utf-16-le")
    return text.encode(choice)


def _line_endings(rng: random.Random, data: bytes) -> bytes:
    end = rng.choice([b"\r\n", b"\r", b"\n\n", b"\r\r\n", b"\n\r"])
    out = data.replace(b"\n", end)
    if rng.random() < 0.3:  # mixed
        out = out.replace(end, b"\n", rng.randint(1, 3))
    return out


def _gzip_damage(rng: random.Random, data: bytes) -> bytes:
    packed = gzip.compress(data, mtime=0)
    how = rng.choice(["whole", "truncate", "flip", "trailer", "double"])
    if how == "truncate":
        return packed[: rng.randrange(2, len(packed))]
    if how == "flip":
        return packed[:2] + _flip(rng, packed[2:])
    if how == "trailer":
        return packed[:-4] + b"\x00\x00\x00\x00"
    if how == "double":
        return gzip.compress(packed, mtime=0)
    return packed


_ODD_VALUES = [
    b"1e400", b"-1e400", b"18446744073709551616", b"9007199254740993", b"-0", b"1e21",
    b'"\\ud800"', b'"\\udc00x"', b'"\\ud83d\\ude00"', b'["track"]', b'{"a":1}', b"null",
    b'"__proto__"', b'{"__proto__":{"x":1}}', b"NaN", b"Infinity", b"01", b'"\\u0000"',
    b"123456789012345678901234567890", b"[]", b'"' + b"x" * 40000 + b'"',
]  # fmt: skip


def _odd_values(rng: random.Random, data: bytes) -> bytes:
    out = data
    for _ in range(rng.randint(1, 4)):
        key = rng.choice([b'"type":', b'"event":', b'"userId":', b'"email":', b'"ip":'])
        at = out.find(key)
        if at < 0:
            continue
        at += len(key)
        end = at
        while end < len(out) and out[end : end + 1] not in (b",", b"}", b"\n"):
            end += 1
        out = out[:at] + rng.choice(_ODD_VALUES) + out[end:]
    return out


MUTATIONS: dict[str, Callable[[random.Random, bytes], bytes]] = {
    "flip": _flip,
    "structural": _structural,
    "truncate": _truncate,
    "nest": _nest,
    "encoding": _encoding,
    "line-endings": _line_endings,
    "gzip": _gzip_damage,
    "odd-values": _odd_values,
}


def mutated_files(seed: int, count: int) -> Iterator[tuple[str, bytes]]:
    """``count`` mutated files, the same for the same ``seed``; 1-3 mutations each."""
    rng = random.Random(seed)
    for n in range(count):
        name, data = rng.choice(seed_files(rng))
        applied = rng.sample(sorted(MUTATIONS), rng.randint(1, 3))
        if "gzip" in applied:  # compress last, as a damaged .gz download would be
            applied.remove("gzip")
            applied.append("gzip")
        for mutation in applied:
            data = MUTATIONS[mutation](rng, data)
        yield f"{n:05d}-{name}-{'+'.join(applied)}", data
