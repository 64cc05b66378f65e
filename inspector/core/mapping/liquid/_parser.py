"""Parser: tokens to nodes for the tags Segment leaves enabled; disabled tags fail as Segment's do.

Enabled: ``if/elsif/else``, ``unless``, ``assign``, ``capture``, ``raw``, ``comment``, ``#``,
``increment``, ``decrement``, ``cycle``, ``echo``, ``liquid``, ``block``, ``break``,
``continue``. Disabled (``tag "<name>" is disabled``): ``case``, ``for``, ``include``,
``layout``, ``render``, ``tablerow``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ._errors import located
from ._jsjson import json_string
from ._lexer import Delimited, Text, Token, tag_name
from ._nodes import (
    Assign,
    Break,
    Capture,
    Conditional,
    Cycle,
    Increment,
    Node,
    Nothing,
    Output,
    Sequence,
)  # fmt: skip
from ._nodes import Text as TextNode
from ._scanner import FilteredValue, is_blank

__all__ = ["DISABLED_TAGS", "parse_tokens"]

DISABLED_TAGS = frozenset({"case", "for", "include", "layout", "render", "tablerow"})
_INLINE_COMMENT_BAD = re.compile(r"\n[\s\ufeff]*[^#\s\ufeff]")


class _TagError(Exception):
    """A tag's own complaint, reported at the tag's position (liquidjs's ParseError)."""


class _Parser:
    def __init__(self, source: str, tokens: list[Token]) -> None:
        self.src = source
        self.tokens = tokens
        self.i = 0

    def next(self) -> Token | None:
        if self.i >= len(self.tokens):
            return None
        self.i += 1
        return self.tokens[self.i - 1]

    def parse_all(self) -> list[Node]:
        nodes: list[Node] = []
        while (token := self.next()) is not None:
            nodes.append(self.parse(token))
        return nodes

    def parse(self, token: Token) -> Node:
        if isinstance(token, Text):
            return TextNode(token.content(self.src), token.begin)
        if not token.is_tag:
            return Output(token.scanner_at_content(self.src).filtered_value(), token.begin)
        try:
            if token.name in DISABLED_TAGS:
                raise _TagError(f'tag "{token.name}" is disabled')
            handler = _TAGS.get(token.name)
            if handler is None:
                raise _TagError(f'tag "{token.name}" not found')
            return handler(self, token)
        except _TagError as err:
            raise located(str(err), self.src, token.begin) from None

    def until(self, opener: Delimited, stops: dict[str, Callable[[Delimited], bool]]) -> list[Node]:
        """Parse nodes until a stop tag whose handler returns True; else ``not closed``."""
        nodes: list[Node] = []
        while (token := self.next()) is not None:
            if isinstance(token, Delimited) and token.is_tag and token.name in stops:
                if stops[token.name](token):
                    return nodes
                continue
            nodes.append(self.parse(token))
        raise _TagError(f"tag {opener.text(self.src)} not closed")

    def skip_until(self, opener: Delimited, name: str) -> list[Token]:
        skipped: list[Token] = []
        while (token := self.next()) is not None:
            if isinstance(token, Delimited) and token.is_tag and token.name == name:
                return skipped
            skipped.append(token)
        raise _TagError(f"tag {opener.text(self.src)} not closed")

    def value(self, token: Delimited) -> FilteredValue:
        return token.scanner(self.src).filtered_value()

    def no_args(self, token: Delimited) -> None:
        args = token.args(self.src)
        if args:
            raise _TagError(f"unexpected {json_string(args)}")


class _Branches:
    """Where the nodes between ``if``/``unless`` branch tags go (``target``)."""

    def __init__(self, node: Conditional) -> None:
        self.node = node
        self.target: list[Node] | None = node.branches[0][2]
        self.else_count = 0

    def branch(self, value: FilteredValue, wanted: bool) -> None:
        self.node.branches.append((value, wanted, []))
        self.target = self.node.branches[-1][2]

    def collect(self, parser: _Parser, opener: Delimited, stops: dict[str, Any]) -> None:
        while (token := parser.next()) is not None:
            if isinstance(token, Delimited) and token.is_tag and token.name in stops:
                if stops[token.name](token):
                    return
                continue
            child = parser.parse(token)
            if self.target is not None:
                self.target.append(child)
        raise _TagError(f"tag {opener.text(parser.src)} not closed")


def _if(parser: _Parser, token: Delimited) -> Node:
    node = Conditional([(parser.value(token), True, [])], begin=token.begin)
    state = _Branches(node)

    def elsif(tag: Delimited) -> bool:
        if state.else_count:
            raise _TagError("unexpected elsif after else")
        state.branch(parser.value(tag), True)
        return False

    def else_(tag: Delimited) -> bool:
        parser.no_args(tag)
        if state.else_count:
            raise _TagError("duplicated else")
        state.else_count, state.target = 1, node.otherwise
        return False

    def endif(tag: Delimited) -> bool:
        parser.no_args(tag)
        return True

    state.collect(parser, token, {"elsif": elsif, "else": else_, "endif": endif})
    return node


def _unless(parser: _Parser, token: Delimited) -> Node:
    node = Conditional([(parser.value(token), False, [])], begin=token.begin)
    state = _Branches(node)

    def elsif(tag: Delimited) -> bool:
        if state.else_count:
            state.target = []
        else:
            state.branch(parser.value(tag), True)
        return False

    def else_(tag: Delimited) -> bool:
        state.else_count += 1
        state.target = node.otherwise if state.else_count == 1 else None
        return False

    state.collect(parser, token, {"elsif": elsif, "else": else_, "endunless": lambda t: True})
    return node


def _assign(parser: _Parser, token: Delimited) -> Node:
    scanner = token.scanner(parser.src)
    name = scanner.identifier()
    if not name:
        raise scanner.error("expected variable name")
    scanner.skip_blank()
    if scanner.peek() != "=":
        raise scanner.error('expected "="')
    scanner.p += 1
    return Assign(name, scanner.filtered_value(), token.begin)


def _capture(parser: _Parser, token: Delimited) -> Node:
    scanner = token.scanner(parser.src)
    name = scanner.identifier()
    if not name:
        quoted = scanner.quoted()
        if quoted is None:
            raise scanner.error("invalid capture name")
        name = str(quoted.value)
    body = parser.until(token, {"endcapture": lambda t: True})
    return Capture(name, body, token.begin)


def _raw(parser: _Parser, token: Delimited) -> Node:
    skipped = parser.skip_until(token, "endraw")
    text = "".join(parser.src[t.begin : t.end] for t in skipped)
    return TextNode(text, token.begin)


def _comment(parser: _Parser, token: Delimited) -> Node:
    parser.skip_until(token, "endcomment")
    return Nothing(token.begin)


def _inline_comment(parser: _Parser, token: Delimited) -> Node:
    if _INLINE_COMMENT_BAD.search(token.args(parser.src)):
        raise _TagError("every line of an inline comment must start with a '#' character")
    return Nothing(token.begin)


def _increment(step: int) -> Callable[[_Parser, Delimited], Node]:
    def make(parser: _Parser, token: Delimited) -> Node:
        return Increment(token.scanner(parser.src).identifier(), step, token.begin)

    return make


def _cycle(parser: _Parser, token: Delimited) -> Node:
    scanner = token.scanner(parser.src)
    group = scanner.value()
    scanner.skip_blank()
    candidates = []
    if group is not None:
        if scanner.peek() == ":":
            scanner.p += 1
        else:
            candidates.append(group)
            group = None
    while not scanner.end():
        value = scanner.value()
        if value is not None:
            candidates.append(value)
        scanner.read_to(",")
    if not candidates:
        raise scanner.error(f'empty candidates: "{token.text(parser.src)}"')
    return Cycle(group, candidates, token.begin)


def _echo(parser: _Parser, token: Delimited) -> Node:
    scanner = token.scanner(parser.src)
    scanner.skip_blank()
    return Output(None if scanner.end() else scanner.filtered_value(), token.begin)


def _liquid(parser: _Parser, token: Delimited) -> Node:
    scanner = token.scanner(parser.src)
    lines: list[Token] = []
    while True:
        scanner.skip_blank()
        if scanner.end():
            break
        begin = scanner.p
        while scanner.p < scanner.n:
            scanner.p += 1
            if parser.src[scanner.p - 1] == "\n":
                break
        lines.append(_line_token(parser.src, begin, scanner.p))
    return Sequence(_Parser(parser.src, lines).parse_all(), None, token.begin)


def _line_token(source: str, begin: int, end: int) -> Delimited:
    trim_left, trim_right = source[begin] == "-", source[end - 1] == "-"
    lo, hi = begin + trim_left, end - trim_right
    while lo < hi and is_blank(source[lo]):
        lo += 1
    while hi > lo and is_blank(source[hi - 1]):
        hi -= 1
    token = Delimited(True, begin, end, lo, hi, False, False)
    tag_name(token, source, "illegal liquid tag syntax")
    return token


def _block(parser: _Parser, token: Delimited) -> Node:
    body = parser.until(token, {"endblock": lambda t: True})
    return Sequence(body, {"block": {}}, token.begin)


_TAGS: dict[str, Callable[[_Parser, Delimited], Node]] = {
    "if": _if,
    "unless": _unless,
    "assign": _assign,
    "capture": _capture,
    "raw": _raw,
    "comment": _comment,
    "#": _inline_comment,
    "increment": _increment(1),
    "decrement": _increment(-1),
    "cycle": _cycle,
    "echo": _echo,
    "liquid": _liquid,
    "block": _block,
    "break": lambda parser, token: Break(token.begin),
    "continue": lambda parser, token: Break(token.begin),
}


def parse_tokens(source: str, tokens: list[Token]) -> list[Node]:
    """Nodes of a tokenized template (:class:`LiquidFailure` with liquidjs's message)."""
    return _Parser(source, tokens).parse_all()
