"""Template nodes (text, output and the enabled tags) and how each renders."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from inspector.core._js import js_truthy

from ._context import Context, evaluate_token, render_value
from ._errors import FilterError, located
from ._scanner import FilteredValue, Token
from ._values import is_number, is_truthy, js_str, stringify

__all__ = [
    "Assign", "Block", "Break", "Capture", "Conditional", "Cycle", "Echo", "Increment", "Node",
    "Nothing", "Output", "Sequence", "Text", "render_nodes",
]  # fmt: skip


class Node:
    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        raise NotImplementedError


def render_nodes(nodes: list[Node], ctx: Context, out: list[str]) -> None:
    """Render ``nodes`` in order; a failure is reported at the node that raised it."""
    for node in nodes:
        ctx.check_time()
        try:
            node.render(ctx, out)
        except FilterError as err:
            raise located(str(err), ctx.source, node.begin) from None
        if ctx.interrupted:
            break


@dataclass(slots=True)
class Text(Node):
    text: str
    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        out.append(self.text)


@dataclass(slots=True)
class Nothing(Node):
    """``comment`` and ``#``: parsed, never rendered."""

    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        return None


@dataclass(slots=True)
class Output(Node):
    """``{{ value }}`` and ``{% echo value %}`` (``value`` None renders nothing)."""

    value: FilteredValue | None
    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        if self.value is not None:
            out.append(stringify(render_value(self.value, ctx)))


Echo = Output


@dataclass(slots=True)
class Assign(Node):
    name: str
    value: FilteredValue
    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        ctx.scopes[0][self.name] = render_value(self.value, ctx)


@dataclass(slots=True)
class Capture(Node):
    name: str
    body: list[Node]
    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        inner: list[str] = []
        render_nodes(self.body, ctx, inner)
        ctx.scopes[0][self.name] = "".join(inner)


@dataclass(slots=True)
class Conditional(Node):
    """``if``/``unless``: the first branch whose test passes renders, else the else-branch."""

    branches: list[tuple[FilteredValue, bool, list[Node]]]
    otherwise: list[Node] = field(default_factory=list)
    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        for value, wanted, body in self.branches:
            if is_truthy(render_value(value, ctx)) is wanted:
                render_nodes(body, ctx, out)
                return
        render_nodes(self.otherwise, ctx, out)


@dataclass(slots=True)
class Sequence(Node):
    """``{% liquid %}`` lines, or ``block`` (which scopes a ``block`` variable)."""

    body: list[Node]
    scope: dict[str, Any] | None = None
    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        if self.scope is None:
            render_nodes(self.body, ctx, out)
            return
        ctx.scopes.append(dict(self.scope))
        try:
            render_nodes(self.body, ctx, out)
        finally:
            ctx.scopes.pop()


Block = Sequence


@dataclass(slots=True)
class Increment(Node):
    """``increment`` (step 1, prints the old value) and ``decrement`` (step -1, the new one)."""

    name: str
    step: int
    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        env = ctx.writable_env()
        found: Any = env.get(self.name)
        value: Any = found if is_number(found) else 0
        env[self.name] = value + self.step
        out.append(stringify(value if self.step > 0 else value + self.step))


@dataclass(slots=True)
class Cycle(Node):
    group: Token | None
    candidates: list[Token]
    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        group = None if self.group is None else evaluate_token(self.group, ctx)
        key = (js_str(group) if self.group is not None else "undefined", len(self.candidates))
        index = ctx.registers.get(key, 0)
        ctx.registers[key] = (index + 1) % len(self.candidates)
        value = evaluate_token(self.candidates[index], ctx)
        if js_truthy(value) or isinstance(value, dict | list):
            out.append(stringify(value))


@dataclass(slots=True)
class Break(Node):
    """``break``/``continue`` outside a loop: stop rendering the rest of the template."""

    begin: int = 0

    def render(self, ctx: Context, out: list[str]) -> None:
        ctx.interrupted = True
