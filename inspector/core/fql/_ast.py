"""The trigger AST: conditions and groups, and their JSON form as ``parseFql`` returns it."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, TypeAlias

from ._jsvalues import json_number, split_path

__all__ = [
    "FIELD_KINDS",
    "PATH_ROOTS",
    "Condition",
    "Group",
    "Node",
    "Span",
    "Value",
    "iter_conditions",
    "node_to_reference",
]

Value: TypeAlias = str | float | bool
Span: TypeAlias = tuple[int, int]

#: First path segment -> condition kind, as in the reference's ``tokenToConditionType``.
FIELD_KINDS: Final = {
    "type": "event-type",
    "event": "event",
    "name": "name",
    "userId": "userId",
    "context": "event-context",
    "properties": "event-property",
    "traits": "event-trait",
}
#: Condition kinds that read a path below a top-level object, and that object's key.
PATH_ROOTS: Final = {
    "event-property": "properties",
    "event-trait": "traits",
    "event-context": "context",
}
#: Condition kinds that read one top-level key.
TOP_LEVEL_KEYS: Final = {"event-type": "type", "event": "event", "name": "name", "userId": "userId"}


@dataclass(frozen=True, slots=True)
class Condition:
    """A leaf: ``kind`` (``event-type``, ``event-property`` …), operator and expected value.

    ``value`` is ``None`` for the operators that take none (``exists``, ``is_true`` …);
    ``name`` is the path below ``properties``/``traits``/``context`` (``None`` for the
    top-level fields). ``span`` is where the condition was written in the source text.
    """

    kind: str
    operator: str
    value: Value | None = None
    name: str | None = None
    span: Span | None = None

    @property
    def path(self) -> str:
        """The event path the condition reads, e.g. ``properties.plan`` or ``type``."""
        root = PATH_ROOTS.get(self.kind)
        if root is None:
            return TOP_LEVEL_KEYS[self.kind]
        return f"{root}.{self.name}"

    @property
    def segments(self) -> list[str] | None:
        """The key walk below the root, as the reference's ``get()`` splits it."""
        return split_path(self.name or "")


@dataclass(frozen=True, slots=True)
class Group:
    """Conditions combined by one operator; a ``None`` child is an empty ``()`` slot."""

    operator: str
    children: tuple[Node | None, ...]
    span: Span | None = None


Node: TypeAlias = Condition | Group


def node_to_reference(node: Node | None) -> Any:
    """The node as ``JSON.parse(JSON.stringify(node))`` gives it for the reference AST."""
    if node is None:
        return None
    if isinstance(node, Group):
        children = [node_to_reference(child) for child in node.children]
        return {"type": "group", "operator": node.operator, "children": children}
    result: dict[str, Any] = {"type": node.kind, "operator": node.operator}
    if node.name is not None:
        result["name"] = node.name
    if node.value is not None:
        value = node.value
        result["value"] = json_number(value) if isinstance(value, float) else value
    return result


def iter_conditions(node: Node | None) -> list[Condition]:
    """The conditions under ``node``, left to right."""
    if node is None:
        return []
    if isinstance(node, Condition):
        return [node]
    return [c for child in node.children for c in iter_conditions(child)]
