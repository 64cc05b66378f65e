"""The event variables a template reads (liquidjs's ``globalVariableSegments``), for provenance.

A variable is global when its first segment is not a name the template assigned, captured or
counted *before* it is read; dynamic segments (``a[b.c]``) are nested lists and are reported
again on their own.
"""

from __future__ import annotations

import json
from typing import Any

from ._nodes import Assign, Capture, Conditional, Cycle, Increment, Node, Output, Sequence
from ._scanner import FilteredValue, Literal, Prop, Range, Token

__all__ = ["global_segments"]

Segments = list[Any]


def _literal_segment(token: Literal) -> tuple[bool, Any]:
    """(usable, value): quoted and number literals name a segment; true/nil/... do not."""
    first = token.text[:1]
    if first in ("'", '"'):
        return True, token.value
    if first and (first.isdigit() or first in "+-"):
        value = token.value
        return True, int(value) if float(value).is_integer() else value
    return False, None


def _segments(token: Prop) -> Segments:
    segments: Segments = []
    for index, prop in enumerate(token.props):
        if isinstance(prop, str):
            segments.append(prop)
        elif isinstance(prop, Literal):
            usable, value = _literal_segment(prop)
            if usable:
                segments.append(value)
        elif isinstance(prop, Prop):
            inner = _segments(prop)
            if index == 0:
                segments.extend(inner)
            else:
                segments.append(inner)
    return segments


def _token_variables(token: Token) -> list[Segments]:
    if isinstance(token, Range):
        return _token_variables(token.lhs) + _token_variables(token.rhs)
    if isinstance(token, Prop):
        return [_segments(token)]
    return []


def _value_variables(value: FilteredValue | None) -> list[Segments]:
    if value is None:
        return []
    found: list[Segments] = []
    for token in value.postfix:
        if isinstance(token, Literal | Prop | Range):
            found += _token_variables(token)
    for flt in value.filters:
        for arg in flt.args:
            if isinstance(arg, tuple):
                if arg[1] is not None:
                    found += _token_variables(arg[1])
            else:
                found += _token_variables(arg)
    return found


class _Walker:
    def __init__(self) -> None:
        self.groups: dict[str, list[Segments]] = {}
        self.scopes: list[set[str]] = [set()]

    def note(self, segments: Segments) -> None:
        root = segments[0] if segments else None
        if isinstance(root, str) and not any(root in scope for scope in self.scopes):
            self.groups.setdefault(root, []).append(segments)
        for segment in segments:
            if isinstance(segment, list):
                self.note(segment)

    def visit(self, node: Node) -> None:
        for segments in self.arguments(node):
            self.note(segments)
        if isinstance(node, Assign | Capture | Increment):
            self.scopes[0].add(node.name)
        for child_list, scoped in self.children(node):
            if scoped:
                self.scopes.append({"block"})
            for child in child_list:
                self.visit(child)
            if scoped:
                self.scopes.pop()

    @staticmethod
    def arguments(node: Node) -> list[Segments]:
        if isinstance(node, Output | Assign):
            return _value_variables(node.value)
        if isinstance(node, Conditional):
            return [s for value, _, _ in node.branches for s in _value_variables(value)]
        if isinstance(node, Cycle):
            tokens = [*node.candidates, *([node.group] if node.group is not None else [])]
            return [s for token in tokens for s in _token_variables(token)]
        return []

    @staticmethod
    def children(node: Node) -> list[tuple[list[Node], bool]]:
        if isinstance(node, Capture):
            return [(node.body, False)]
        if isinstance(node, Conditional):
            return [(body, False) for _, _, body in node.branches] + [(node.otherwise, False)]
        if isinstance(node, Sequence):
            return [(node.body, node.scope is not None)]
        return []


def global_segments(nodes: list[Node]) -> list[Segments]:
    """The global variables of parsed ``nodes``, grouped by first segment, without repeats."""
    walker = _Walker()
    for node in nodes:
        walker.visit(node)
    seen: set[str] = set()
    result: list[Segments] = []
    for group in walker.groups.values():
        for segments in group:
            key = json.dumps(segments)
            if key not in seen:
                seen.add(key)
                result.append(segments)
    return result
