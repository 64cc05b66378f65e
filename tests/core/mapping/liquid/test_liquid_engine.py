"""The Liquid engine: limits, clock, provenance, isolation (what recorded answers cannot show)."""

from __future__ import annotations

import time
from typing import Any

import pytest

from inspector.core.mapping import resolve
from inspector.core.mapping._liquid import liquid_paths
from inspector.core.mapping.liquid import LiquidFailure, _context, _date, reads, render


def test_templates_are_limited_to_1000_utf16_units() -> None:
    assert render("x" * 1000, {}) == "x" * 1000
    assert render("😀" * 500, {}) == "😀" * 500
    for template in ("x" * 1001, "😀" * 501):
        with pytest.raises(LiquidFailure, match="limited to 1000 characters"):
            render(template, {})


def test_doubling_a_string_stops_at_the_memory_limit_quickly() -> None:
    bomb = '{% assign a = "xxxxxxxxxx" %}' + "{% assign a = a | append: a %}" * 28
    start = time.monotonic()
    with pytest.raises(LiquidFailure, match="memory alloc limit exceeded, line:1, col:"):
        render(bomb, {})
    assert time.monotonic() - start < 5


def test_huge_ranges_fail_instead_of_filling_memory() -> None:
    for template in ("{{ (1..1000000000) | size }}", "{{ (1..5000000) | join }}"):
        with pytest.raises(LiquidFailure, match="limit exceeded"):
            render(template, {})


def test_rendering_stops_at_the_render_time_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_context, "RENDER_LIMIT_SECONDS", -1.0)
    with pytest.raises(LiquidFailure) as info:
        render("{% if true %}{{ 1 }}{% endif %}", {})
    assert str(info.value) == "template render limit exceeded"


def test_now_and_today_read_the_clock_in_utc(monkeypatch: pytest.MonkeyPatch) -> None:
    class Clock:
        @staticmethod
        def time() -> float:
            return 1_715_000_000.25  # 2024-05-06T12:53:20.250Z

    monkeypatch.setattr(_date, "time", Clock)
    assert render('{{ "now" | date: "%Y-%m-%d %H:%M:%S.%L %Z" }}', {}) == (
        "2024-05-06 12:53:20.250 UTC"
    )
    assert render('{{ "today" | date: "%s" }}', {}) == "1715000000"


def test_increment_does_not_change_the_callers_event() -> None:
    event: dict[str, Any] = {"n": 1}
    assert render("{% increment n %}{% increment n %}{{ n }}", event) == "123"
    assert event == {"n": 1}


def test_reads_follow_assignments_and_dynamic_segments() -> None:
    template = (
        "{% assign x = traits.name %}{{ x }}{{ properties[traits.key].v }}"
        "{% capture c %}{{ userId }}{% endcapture %}{{ c }}{{ products[0].sku }}"
    )
    assert reads(template) == [
        ["traits", "name"],
        ["traits", "key"],
        ["properties", ["traits", "key"], "v"],
        ["userId"],
        ["products", 0, "sku"],
    ]
    assert liquid_paths(template) == [
        ("traits", "name"),
        ("traits", "key"),
        ("properties",),
        ("userId",),
        ("products", "0", "sku"),
    ]
    assert liquid_paths("{% for x in y %}{% endfor %}") == []


def test_directive_reports_liquid_reads_as_provenance() -> None:
    result = resolve({"v": {"@liquid": "{{ properties.limit | plus: 1 }}"}},
                     {"properties": {"limit": 2}})  # fmt: skip
    assert result.payload == {"v": "3"}
    assert [o.event_path for o in result.provenance["v"]] == ["properties.limit"]


def test_errors_carry_liquidjs_positions_in_utf16_columns() -> None:
    with pytest.raises(LiquidFailure) as info:
        render("😀\n😀 {% nosuch %}", {})
    assert str(info.value) == 'tag "nosuch" not found, line:2, col:4'


def test_strip_html_on_a_hostile_string_stays_within_the_time_limit() -> None:
    template = (
        '{% assign a = "<!--\n" %}'
        + "{% assign a = a | append: a %}" * 20
        + '{{ a | append: ">" | strip_html | size }}'
    )
    start = time.monotonic()
    try:
        render(template, {})
    except LiquidFailure as err:
        assert "template render limit exceeded" in str(err)
    assert time.monotonic() - start < 5
