"""The parser: tokens -> AST exactly as ``parseFql`` builds it, plus notes on what it ignored.

The reference parser is flat and forgiving (fql.md §4): it takes whatever two tokens follow a
field name as operator and value, lets the last ``and``/``or`` of a parenthesis level decide for
the whole level, ends a group at the first ``)`` and silently skips every other token. The notes
record each skipped token so the linter can point at it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final

from ._ast import FIELD_KINDS, Condition, Group, Node
from ._conditions import build_condition, function_condition, function_operator
from ._errors import TriggerSyntaxError
from ._jsvalues import OBJECT_MEMBERS
from ._lexer import LexError, Token, lex

__all__ = ["Level", "ParseNote", "ParseOutcome", "parse_text"]

_FUNCTIONS: Final = ("contains", "match")


@dataclass(frozen=True, slots=True)
class ParseNote:
    """Something the reference parser skipped or reinterpreted, at ``start``..``end``."""

    code: str
    start: int
    end: int
    text: str


@dataclass(slots=True)
class Level:
    """One parenthesis level: its connectives and the spans of the nodes it produced."""

    connectives: list[Token] = field(default_factory=list)
    nodes: list[Node | None] = field(default_factory=list)


@dataclass(slots=True)
class ParseOutcome:
    """The AST or the error, the tokens after path normalisation, notes and levels."""

    ast: Group | None
    error: TriggerSyntaxError | None
    tokens: list[Token]
    notes: list[ParseNote]
    levels: list[Level]


class _Failure(Exception):
    def __init__(self, error: TriggerSyntaxError) -> None:
        super().__init__(error.message)
        self.error = error


def parse_text(text: str) -> ParseOutcome:
    """Parse ``text``; never raises."""
    try:
        tokens = normalize(lex(text))
    except LexError as exc:
        return ParseOutcome(None, TriggerSyntaxError(exc.message, exc.position), [], [], [])
    parser = _Parser(text)
    try:
        node = parser.level(_Stream(list(tokens)))
    except _Failure as failure:
        return ParseOutcome(None, failure.error, tokens, parser.notes, parser.levels)
    if node is None:
        error = parser.nothing_error()
        return ParseOutcome(None, error, tokens, parser.notes, parser.levels)
    if isinstance(node, Condition):
        node = Group("and", (node,), node.span)
    return ParseOutcome(node, None, tokens, parser.notes, parser.levels)


def normalize(tokens: list[Token]) -> list[Token]:
    """Merge every ``ident . ident`` run into one identifier joined with dots."""
    merged: list[Token] = []
    index = 0
    while index < len(tokens):
        current = tokens[index]
        following = tokens[index + 1] if index + 1 < len(tokens) else None
        if (
            merged
            and merged[-1].kind == "ident"
            and current.kind == "dot"
            and following is not None
            and following.kind == "ident"
        ):
            previous = merged.pop()
            value = f"{previous.value}.{following.value}"
            merged.append(Token("ident", value, previous.start, following.end))
            index += 2
        else:
            merged.append(current)
            index += 1
    return merged


class _Stream:
    """A token list consumed from the front, like the reference's ``tokens.shift()``."""

    __slots__ = ("tokens", "index")

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self.index = 0

    def shift(self) -> Token | None:
        if self.index >= len(self.tokens):
            return None
        token = self.tokens[self.index]
        self.index += 1
        return token

    def peek(self) -> Token | None:
        return self.tokens[self.index] if self.index < len(self.tokens) else None


class _Parser:
    def __init__(self, text: str) -> None:
        self.text = text
        self.notes: list[ParseNote] = []
        self.levels: list[Level] = []
        self.depth = 0

    def note(self, code: str, token: Token, end: int | None = None) -> None:
        stop = token.end if end is None else end
        self.notes.append(ParseNote(code, token.start, stop, self.text[token.start : stop]))

    def level(self, stream: _Stream) -> Node | None:
        level = Level()
        self.levels.append(level)
        operator = "and"
        token = stream.shift()
        while token is not None and token.kind != "eos":
            if token.kind == "conditional":
                operator = token.value
                level.connectives.append(token)
            else:
                self.item(token, stream, level.nodes)
            token = stream.shift()
        if len(level.nodes) > 1:
            start, end = _outer_span(level.nodes)
            return Group(operator, tuple(level.nodes), (start, end) if start >= 0 else None)
        return level.nodes[0] if level.nodes else None

    def item(self, token: Token, stream: _Stream, nodes: list[Node | None]) -> None:
        if token.kind == "ident":
            self.ident(token, stream, nodes)
        elif token.kind == "operator" and token.value == "!":
            self.bang(token, stream, nodes)
        elif token.kind == "parenleft":
            nodes.append(self.group(token, stream))
        else:
            self.note("ignored-token", token)

    def ident(self, token: Token, stream: _Stream, nodes: list[Node | None]) -> None:
        head = token.value.split(".")[0]
        kind = FIELD_KINDS.get(head)
        # The reference looks field names up in a plain object: inherited names "exist".
        if kind is not None or head in OBJECT_MEMBERS:
            operator = stream.shift()
            if operator is None:
                raise _Failure(_missing(token, "an operator", "Operator token is missing"))
            value = stream.shift()
            if value is None:
                what = "an operator and a value" if operator.kind == "eos" else "a value"
                raise _Failure(_missing(token, what, "Value token is missing"))
            if kind is None:
                self.note("inherited-field", token, value.end)
            else:
                nodes.append(build_condition(kind, token, operator, value))
        elif token.value in _FUNCTIONS:
            self.function(token, token, stream, nodes, negate=False)
        else:
            self.note("ignored-token", token)

    def bang(self, token: Token, stream: _Stream, nodes: list[Node | None]) -> None:
        following = stream.peek()
        if following is None:
            raise _Failure(TriggerSyntaxError("'!' at the end of a group", token.start))
        if following.kind == "ident" and following.value in _FUNCTIONS:
            stream.shift()
            self.function(token, following, stream, nodes, negate=True)
        else:
            self.note("ignored-bang", token)

    def group(self, opening: Token, stream: _Stream) -> Node | None:
        collected: list[Token] = []
        closing = stream.shift()
        while closing is None or closing.kind != "parenright":
            if closing is None:
                raise _Failure(_unclosed(opening, self.depth > 0))
            collected.append(closing)
            closing = stream.shift()
        following = stream.peek()
        if (
            _ends_inside_function(collected)
            and following is not None
            and following.kind not in ("parenright", "eos")
        ):
            self.note("function-in-group", opening, closing.end)
        end = closing.end
        collected.append(Token("eos", "eos", end, end))
        self.depth += 1
        try:
            node = self.level(_Stream(collected))
        finally:
            self.depth -= 1
        if node is None:
            self.note("empty-group", opening, end)
        elif isinstance(node, Group):
            return Group(node.operator, node.children, (opening.start, end))
        return node

    def function(
        self, start: Token, name: Token, stream: _Stream, nodes: list[Node | None], negate: bool
    ) -> None:
        stream.shift()
        target = stream.shift()
        if target is None:
            raise _Failure(_missing_argument(name, "1st"))
        stream.shift()
        value = stream.shift()
        if value is None:
            raise _Failure(_missing_argument(name, "2nd"))
        closing = stream.shift()
        end = (closing or value).end
        operator, expected = function_operator(name.value, value, negate)
        condition = function_condition(target.value, operator, expected, (start.start, end))
        if condition is None:
            self.note("dropped-function", start, end)
        else:
            nodes.append(condition)

    def nothing_error(self) -> TriggerSyntaxError:
        if not self.text.strip():
            return TriggerSyntaxError("the trigger is empty", None)
        for note in self.notes:
            if note.code in ("ignored-token", "dropped-function", "inherited-field"):
                return TriggerSyntaxError(_nothing_message(note), note.start)
        return TriggerSyntaxError('no condition found: write one like type = "track"', 0)


def _ends_inside_function(collected: list[Token]) -> bool:
    """True when the ``)`` that closed a group was really a function call's."""
    return any(
        token.kind == "ident" and token.value in _FUNCTIONS and following.kind == "parenleft"
        for token, following in zip(collected, collected[1:], strict=False)
    )


def _outer_span(nodes: list[Node | None]) -> tuple[int, int]:
    spans = [n.span for n in nodes if n is not None and n.span is not None]
    if not spans:
        return -1, -1
    return min(s[0] for s in spans), max(s[1] for s in spans)


def _missing(token: Token, what: str, reference: str) -> TriggerSyntaxError:
    return TriggerSyntaxError(
        f"'{token.value}' is not followed by {what}", token.start, "Error", reference
    )


def _missing_argument(name: Token, ordinal: str) -> TriggerSyntaxError:
    what = "a field" if ordinal == "1st" else "a value"
    reference = f"{name.value}() is missing a {ordinal} argument"
    return TriggerSyntaxError(
        f'{name.value}() is missing {what}: write {name.value}(field, "value")',
        name.start,
        "Error",
        reference,
    )


def _unclosed(opening: Token, nested: bool) -> TriggerSyntaxError:
    if nested:
        return TriggerSyntaxError(
            "nested parentheses are not supported: Segment ends a group at the first ')'",
            opening.start,
        )
    return TriggerSyntaxError("this '(' is never closed", opening.start)


def _nothing_message(note: ParseNote) -> str:
    if note.code == "dropped-function":
        return (
            f"no condition found: '{note.text}' is dropped (contains/match only work on "
            "event, name, userId, properties.*, traits.*, context.*)"
        )
    suggestion = _field_suggestion(note.text)
    hint = f"; did you mean '{suggestion}'?" if suggestion else ""
    return (
        f"no condition found: '{note.text}' is not a field Segment knows (type, event, name, "
        f"userId, properties.…, traits.…, context.…){hint}"
    )


def _field_suggestion(text: str) -> str | None:
    head, _, rest = text.partition(".")
    for known in FIELD_KINDS:
        if head.lower() == known.lower() and head != known:
            return known + ("." + rest if rest else "")
    return None
