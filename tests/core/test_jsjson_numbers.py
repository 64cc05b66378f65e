"""JSON written as JavaScript writes numbers, and the quick check that picks the exact writer."""

from __future__ import annotations

import random

import orjson
import pytest

from inspector.core._js import js_number_string
from inspector.core._jsjson import _may_differ, dumps_js, dumps_plain


def _floats(count: int) -> list[float]:
    rng = random.Random(4)
    out = [1.0, -0.0, 0.0, 1e15, 1e16, 1e20, 1e21, 1e-5, 1e-6, 1e-7, 5e-324, 1.7976931348623157e308]
    for _ in range(count):
        out.append(rng.choice([rng.random(), rng.uniform(-1, 1)]) * 10.0 ** rng.randint(-330, 308))
        out.append(float(rng.randint(-(10**18), 10**18)))
    return out


def test_every_float_is_written_as_json_stringify_writes_it() -> None:
    for value in _floats(20_000):
        line = {"source": "/tmp/node-e-mail.ndjson:1", "payload": {"n": value, "list": [value]}}
        text = js_number_string(value)
        expected = b'{"source":"/tmp/node-e-mail.ndjson:1","payload":{"n":%s,"list":[%s]}}' % (
            text.encode(),
            text.encode(),
        )
        assert dumps_js(line) == expected, value
        plain = dumps_plain(line)
        assert plain is None or plain == expected, value


@pytest.mark.parametrize(
    "text",
    [
        "/srv/site-logs/node-events.ndjson:12",  # a path: on every line of a file
        "e-mail",
        "one-time",
        "3e-a",
        "C++",
        "a+b",
        "e+x",
        "2026-11-30T10:41:03.000Z",
        "v1.00",
    ],
)
def test_text_that_only_looks_like_a_number_takes_the_quick_path(text: str) -> None:
    line = {"source": text, "results": [{"payload": {"total": 19, "plan": "pro"}}]}
    assert not _may_differ(orjson.dumps(line))
    assert dumps_plain(line) == orjson.dumps(line)


@pytest.mark.parametrize("value", [1.0, -0.0, 1e16, 1.5e20, 1e-6, 2.5e-6, 120.0])
def test_a_float_orjson_writes_otherwise_takes_the_exact_path(value: float) -> None:
    data = orjson.dumps({"payload": {"total": value}})
    assert data != b'{"payload":{"total":%s}}' % js_number_string(value).encode()
    assert _may_differ(data)
    assert dumps_plain({"payload": {"total": value}}) is None
