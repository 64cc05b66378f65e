"""The structural scanner against a real JSON parser, with tiny read chunks."""

from __future__ import annotations

import io
import json
import random

import pytest

from inspector.core.loaders import _jsonstream
from inspector.core.loaders._input import Input
from inspector.core.loaders._jsonstream import iter_pieces

_TRICKY = ['a"b', "back\\slash", "\\", '\\"', "]},[{", "", "é\u2028ü", "x" * 50, ' "," ']


def _value(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randrange(6 if depth < 3 else 3)
    if kind == 0:
        return rng.choice(_TRICKY)
    if kind == 1:
        return rng.choice([0, -1.5, 1e300, True, False, None])
    if kind == 2:
        return rng.choice(_TRICKY) + str(rng.randrange(100))
    if kind == 3:
        return [_value(rng, depth + 1) for _ in range(rng.randrange(4))]
    return {rng.choice(_TRICKY) + str(i): _value(rng, depth + 1) for i in range(rng.randrange(4))}


@pytest.mark.parametrize("seed", range(30))
def test_array_elements_and_lines_match_json_loads(monkeypatch, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    monkeypatch.setattr(_jsonstream, "_CHUNK", rng.randrange(1, 41))
    elements = [{"type": "track", "v": _value(rng)} for _ in range(rng.randrange(1, 12))]
    indent = rng.choice([None, 1, 2])
    text = json.dumps(elements, indent=indent, ensure_ascii=rng.random() < 0.5)
    pieces = list(iter_pieces(Input(io.BytesIO(text.encode()), "t")))  # type: ignore[arg-type]
    assert [json.loads(p.data) for p in pieces] == elements
    lines = text.split("\n")  # a file counts lines by newline only (not U+2028)
    for piece in pieces:  # each piece starts on the line it says
        assert piece.data.decode().split("\n")[0] in lines[piece.line - 1]
