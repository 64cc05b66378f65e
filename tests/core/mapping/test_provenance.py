"""Provenance: which event paths each payload field came from, through which directive."""

from __future__ import annotations

from typing import Any

import pytest

from inspector.core.mapping import Origin, resolve

EVENT: dict[str, Any] = {
    "type": "track",
    "userId": "u",
    "event": "Order Completed",
    "which": "email",
    "traits": {"email": "a@b.c", "name": "Ann", "plan": None},
    "properties": {
        "products": [{"sku": "A", "price": 1}, {"sku": "B", "price": 2}],
        "meta": {"a": 1, "b": {"c": 2}},
        "coupon": "",
    },
}

CASES: list[tuple[str, Any, dict[str, list[tuple[str, str]]]]] = [
    ("@path", {"@path": "$.traits.email"}, {"v": [("traits.email", "@path")]}),
    ("@path whole event", {"@path": "$."}, {"v": [("", "@path")]}),
    (
        "@path nested option",
        {"@path": {"@template": "traits.{{which}}"}},
        {"v": [("which", "@path"), ("traits.email", "@path")]},
    ),
    (
        "@template",
        {"@template": "{{event}} by {{ userId }}"},
        {"v": [("event", "@template"), ("userId", "@template")]},
    ),
    (
        "@literal",
        {"@literal": {"x": {"@path": "$.userId"}, "y": 1}},
        {"v.x": [("userId", "@path")]},
    ),
    (
        "@if",
        {"@if": {"exists": {"@path": "$.traits.email"}, "then": {"@path": "$.traits.name"}}},
        {"v": [("traits.email", "@if"), ("traits.name", "@if")]},
    ),
    (
        "@if blank",
        {"@if": {"blank": {"@path": "$.properties.coupon"}, "then": 1, "else": "none"}},
        {"v": [("properties.coupon", "@if")]},
    ),
    (
        "@case",
        {"@case": {"operator": "upper", "value": {"@path": "$.event"}}},
        {"v": [("event", "@case")]},
    ),
    (
        "@replace",
        {"@replace": {"pattern": " ", "value": {"@path": "$.event"}}},
        {"v": [("event", "@replace")]},
    ),
    (
        "@arrayPath",
        {"@arrayPath": ["$.properties.products", {"s": {"@path": "$.sku"}}]},
        {
            "v": [("properties.products", "@arrayPath")],
            "v.0.s": [("properties.products.0.sku", "@path")],
            "v.1.s": [("properties.products.1.sku", "@path")],
        },
    ),
    (
        "@arrayPath directive root",
        {"@arrayPath": [{"@path": "$.properties.products"}, {"p": {"@path": "$.price"}}]},
        {
            "v": [("properties.products", "@arrayPath")],
            "v.0.p": [("properties.products.0.price", "@path")],
            "v.1.p": [("properties.products.1.price", "@path")],
        },
    ),
    (
        "@json",
        {"@json": {"mode": "encode", "value": {"@path": "$.traits"}}},
        {"v": [("traits", "@json")]},
    ),
    (
        "@flatten",
        {"@flatten": {"value": {"@path": "$.properties.meta"}, "separator": "_"}},
        {
            "v": [("properties.meta", "@flatten")],
            "v.a": [("properties.meta.a", "@flatten")],
            "v.b_c": [("properties.meta.b.c", "@flatten")],
        },
    ),
    (
        "@merge",
        {"@merge": {"direction": "right", "objects": [{"d": 1}, {"@path": "$.traits"}]}},
        {
            "v": [("traits", "@merge")],
            "v.email": [("traits.email", "@merge")],
            "v.name": [("traits.name", "@merge")],
            "v.plan": [("traits.plan", "@merge")],
        },
    ),
    (
        "@transform",
        {
            "@transform": {
                "apply": {"n": {"@path": "$.traits.name"}},
                "mapping": {"label": {"@template": "{{n}}!"}},
            }
        },
        {"v.label": [("traits.name", "@template")]},
    ),
    (
        "@excludeWhenNull",
        {"@excludeWhenNull": {"@path": "$.traits"}},
        {"v": [("traits", "@excludeWhenNull")]},
    ),
    (
        "@liquid",
        {"@liquid": "{{ traits.name | upcase }}-{{ properties.products[1].sku }}"},
        {"v": [("properties.products.1.sku", "@liquid"), ("traits.name", "@liquid")]},
    ),
]


@pytest.mark.parametrize(("name", "directive", "expected"), CASES, ids=[c[0] for c in CASES])
def test_provenance_per_directive(
    name: str, directive: Any, expected: dict[str, list[tuple[str, str]]]
) -> None:
    result = resolve({"v": directive, "raw": 1}, EVENT)
    got = {k: sorted((o.event_path, o.directive) for o in v) for k, v in result.provenance.items()}
    assert got == {k: sorted(v) for k, v in expected.items()}


def test_dropped_fields_have_no_provenance() -> None:
    result = resolve({"gone": {"@path": "$.nope"}, "kept": {"@path": "$.userId"}}, EVENT)
    assert set(result.provenance) == {"kept"}


def test_null_stops_walk_but_keeps_origin() -> None:
    result = resolve({"email": {"@path": "$.traits.email"}}, {"traits": None})
    assert result.payload == {"email": None}
    assert result.provenance["email"] == (Origin("traits.email", "@path"),)


def test_event_paths_and_reverse_lookup() -> None:
    mapping = {
        "userId": {"@path": "$.userId"},
        "email": {"@path": "$.traits.email"},
        "traits": {"@path": "$.traits"},
    }
    result = resolve(mapping, EVENT)
    assert result.event_paths() == {"userId", "traits.email", "traits"}
    assert result.fields_using("traits.email") == ["email", "traits"]


def test_provenance_can_be_switched_off() -> None:
    result = resolve({"a": {"@path": "$.userId"}}, EVENT, provenance=False)
    assert result.payload == {"a": "u"}
    assert result.provenance == {}
