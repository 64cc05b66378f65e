"""Expression scanner: values, property paths, operators and filters inside ``{{ }}``/``{% %}``.

Grammar (liquidjs's, including what it tolerates)::

    filtered  := expression ( '|' name [ ':' arg ( ',' arg )* ] )*
    expression:= ( operator | value )*          -- read until neither matches
    value     := ( literal | quoted | range | number ) props | props
    props     := ( '[' value ']' | name | '.' name )*
    arg       := value [ ':' value ]             -- ``key: value`` keyword arguments
    operator  := == != > < >= <= contains not and or

Precedence: comparisons and ``contains`` 2, ``not`` 1, ``and``/``or`` 0 (right to left).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ._errors import LiquidFailure, located, snapshot
from ._values import BLANK, EMPTY, NIL

__all__ = [
    "Filter", "FilteredValue", "Literal", "Op", "PRECEDENCE", "Prop", "Range", "Scanner", "Token",
    "is_blank", "is_word",
]  # fmt: skip

_BLANKS = frozenset(
    "\t\n\v\f\r \u00a0\u1680\u180e\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
    "\u2009\u200a\u2028\u2029\u202f\u205f\u3000"
)
_WORD_ASCII = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-?_")
_NOT_WORD_HIGH = _BLANKS | {"\u201c", "\u201d"}
PRECEDENCE = {"==": 2, "!=": 2, ">": 2, "<": 2, ">=": 2, "<=": 2, "contains": 2, "not": 1,
              "and": 0, "or": 0}  # fmt: skip
_OPERATORS = sorted(PRECEDENCE, key=len, reverse=True)
_LITERALS: dict[str, Any] = {"true": True, "false": False, "nil": NIL, "null": NIL,
                             "empty": EMPTY, "blank": BLANK}  # fmt: skip
_ESCAPES = {"b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}
_HEX = frozenset("0123456789abcdefABCDEF")
_OCT = frozenset("01234567")


def is_word(ch: str) -> bool:
    if ch < "\x80":
        return ch in _WORD_ASCII and ch != ""
    return ch not in _NOT_WORD_HIGH


def is_blank(ch: str) -> bool:
    return ch in _BLANKS and ch != ""


@dataclass(slots=True)
class Literal:
    """A constant: number, quoted string, ``true``/``false``, or a drop."""

    value: Any
    begin: int
    text: str


@dataclass(slots=True)
class Prop:
    """A property path: ``base`` (a literal or range) or a scope lookup, then ``props``."""

    base: Literal | Range | None
    props: list[Token]
    begin: int


@dataclass(slots=True)
class Range:
    lhs: Token
    rhs: Token
    begin: int


@dataclass(slots=True)
class Op:
    op: str


Token = Literal | Prop | Range | str  # a bare ``str`` is an identifier segment
Arg = Token | tuple[str, "Token | None"]


@dataclass(slots=True)
class Filter:
    name: str
    args: list[Arg]


@dataclass(slots=True)
class FilteredValue:
    postfix: list[Token | Op]
    filters: list[Filter] = field(default_factory=list)


def _unquote(text: str) -> str:
    out: list[str] = []
    i, end = 1, len(text) - 1
    while i < end:
        ch = text[i]
        if ch != "\\":
            out.append(ch)
            i += 1
            continue
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if nxt in _ESCAPES:
            out.append(_ESCAPES[nxt])
            i += 2
        elif nxt == "u":
            j, val = i + 2, 0
            while j <= i + 5 and j < len(text) and text[j] in _HEX:
                val, j = val * 16 + int(text[j], 16), j + 1
            out.append(chr(val))
            i = j
        elif nxt not in _OCT or nxt == "":
            out.append(nxt)
            i += 2
        else:
            j, val = i + 1, 0
            while j <= i + 3 and j < len(text) and text[j] in _OCT:
                val, j = val * 8 + int(text[j]), j + 1
            out.append(chr(val))
            i = j
    result = "".join(out)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in result):
        result = result.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")
    return result


class Scanner:
    """A cursor over ``source[p:n]`` reading liquidjs expression tokens."""

    def __init__(self, source: str, p: int = 0, n: int | None = None) -> None:
        self.src = source
        self.p = p
        self.n = len(source) if n is None else n

    # --- primitives ---
    def peek(self, k: int = 0) -> str:
        i = self.p + k
        return self.src[i] if i < self.n else ""

    def end(self) -> bool:
        return self.p >= self.n

    def skip_blank(self) -> None:
        while self.p < self.n and self.src[self.p] in _BLANKS:
            self.p += 1

    def error(self, message: str, index: int | None = None) -> LiquidFailure:
        return located(message, self.src, self.p if index is None else index)

    def snapshot(self, begin: int | None = None) -> str:
        return snapshot(self.src[self.p if begin is None else begin : self.n])

    def read_to(self, text: str) -> int:
        while self.p < self.n:
            self.p += 1
            if self.src.endswith(text, 0, self.p):
                return self.p
        return -1

    def identifier(self) -> str:
        self.skip_blank()
        begin = self.p
        while self.p < self.n and is_word(self.src[self.p]):
            self.p += 1
        return self.src[begin : self.p]

    # --- values ---
    def _match_word(self, words: Any) -> str | None:
        for word in words:
            if self.src.startswith(word, self.p, self.n):
                after = self.src[self.p + len(word)] if self.p + len(word) < self.n else ""
                if is_word(word[-1]) and is_word(after):
                    continue
                return str(word)
        return None

    def operator(self) -> Op | None:
        self.skip_blank()
        op = self._match_word(_OPERATORS)
        if op is None:
            return None
        self.p += len(op)
        return Op(op)

    def literal(self) -> Literal | None:
        self.skip_blank()
        word = self._match_word(_LITERALS)
        if word is None:
            return None
        begin, self.p = self.p, self.p + len(word)
        return Literal(_LITERALS[word], begin, word)

    def quoted(self) -> Literal | None:
        self.skip_blank()
        begin = self.p
        quote = self.peek()
        if quote not in ("'", '"') or quote == "":
            return None
        self.p += 1
        escaped = False
        while self.p < self.n:
            self.p += 1
            ch = self.src[self.p - 1]
            if ch == quote and not escaped:
                break
            escaped = (not escaped) and ch == "\\"
        text = self.src[begin : self.p]
        return Literal(_unquote(text), begin, text)

    def number(self) -> Literal | None:
        self.skip_blank()
        k, dot, digit = 0, False, False
        if self.peek() in ("-", "+") and self.peek() != "":
            k = 1
        while True:
            ch = self.peek(k)
            if ch != "" and ch in "0123456789":
                digit, k = True, k + 1
            elif ch == "." and self.peek(k + 1) != ".":
                if dot or not digit:
                    return None
                dot, k = True, k + 1
            else:
                break
        if not digit or is_word(self.peek(k)):
            return None
        begin, self.p = self.p, self.p + k
        text = self.src[begin : self.p]
        return Literal(float(text), begin, text)

    def range(self) -> Range | None:
        self.skip_blank()
        begin = self.p
        if self.peek() != "(":
            return None
        self.p += 1
        lhs = self.value_or_throw()
        self.skip_blank()
        if not (self._take(".") and self._take(".")):
            raise self.error("invalid range syntax")
        rhs = self.value_or_throw()
        self.skip_blank()
        if not self._take(")"):
            raise self.error("invalid range syntax")
        return Range(lhs, rhs, begin)

    def _take(self, ch: str) -> bool:
        got = self.peek()
        self.p += 1
        return got == ch

    def value_or_throw(self) -> Token:
        value = self.value()
        if value is None:
            raise self.error(f"unexpected token {self.snapshot()}, value expected")
        return value

    def value(self) -> Token | None:
        self.skip_blank()
        begin = self.p
        base = self.literal() or self.quoted() or self.range() or self.number()
        props = self.properties(base is None)
        if not props:
            return base
        return Prop(base, props, begin)

    def properties(self, at_start: bool = True) -> list[Token]:
        props: list[Token] = []
        while True:
            if self.peek() == "[":
                self.p += 1
                prop = self.value()
                props.append("" if prop is None else prop)
                if self.read_to("]") == -1:
                    raise self.error("[ not closed")
                continue
            if at_start and not props:
                name = self.identifier()
                if name:
                    props.append(name)
                    continue
            if self.peek() == "." and self.peek(1) != ".":
                self.p += 1
                name = self.identifier()
                if not name:
                    break
                props.append(name)
                continue
            return props
        return props

    # --- expressions and filters ---
    def expression(self) -> list[Token | Op]:
        tokens: list[Token | Op] = []
        while self.p < self.n:
            item: Token | Op | None = self.operator() or self.value()
            if item is None:
                break
            tokens.append(item)
        return _postfix(tokens)

    def filtered_value(self) -> FilteredValue:
        postfix = self.expression()
        if not postfix:
            raise self.error(f"invalid value expression: {self.snapshot()}")
        return FilteredValue(postfix, self.filters())

    def filters(self) -> list[Filter]:
        filters: list[Filter] = []
        while (item := self.filter()) is not None:
            filters.append(item)
        return filters

    def filter(self) -> Filter | None:
        self.skip_blank()
        if self.end():
            return None
        if not self._take("|"):
            raise self.error('expected "|" before filter')
        name = self.identifier()
        if not name:
            if not self.end():
                raise self.error("expected filter name")
            return None
        args: list[Arg] = []
        self.skip_blank()
        if self.peek() == ":":
            while True:
                self.p += 1
                arg = self.filter_arg()
                if arg is not None:
                    args.append(arg)
                self.skip_blank()
                if not (self.end() or self.peek() in (",", "|")):
                    raise self.error(f"unexpected character {self.snapshot()}")
                if self.peek() != ",":
                    break
        elif not (self.peek() == "|" or self.end()):
            raise self.error('expected ":" after filter name')
        return Filter(name, args)

    def filter_arg(self) -> Arg | None:
        begin = self.p
        key = self.value()
        if key is None:
            return None
        key_end = self.p
        self.skip_blank()
        if self.peek() != ":":
            return key
        self.p += 1
        return (self.src[begin:key_end].strip("".join(_BLANKS)), self.value())


def _postfix(tokens: list[Token | Op]) -> list[Token | Op]:
    out: list[Token | Op] = []
    ops: list[Op] = []
    for token in tokens:
        if isinstance(token, Op):
            while ops and PRECEDENCE[ops[-1].op] > PRECEDENCE[token.op]:
                out.append(ops.pop())
            ops.append(token)
        else:
            out.append(token)
    out.extend(reversed(ops))
    return out
