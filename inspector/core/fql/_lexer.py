"""The tokenizer: a character-for-character port of the ``@segment/fql-ts`` 1.10.1 lexer.

Its oddities are the contract (see docs: fql.md §2): a closing quote is consumed only before a
terminator, ``and``/``or``/``null`` are keywords only before a terminator, ``!=``/``<=``/``>=``
need a terminator after them, and a partial keyword at the very end of the text loses the
characters the keyword test read (``an`` lexes as the identifier ``a``).
"""

from __future__ import annotations

import re
from typing import Final, NamedTuple

__all__ = ["LexError", "Token", "lex"]

_EOS: Final = "-1"  # the reference compares characters with this text at end of input
_ALPHA: Final = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")
_DIGITS: Final = frozenset("0123456789")
_WHITESPACE: Final = frozenset(" \t\n")
_TERMINATORS: Final = frozenset({_EOS, " ", "\t", "\n", ",", "]", ")"})
_IDENT: Final = _ALPHA | _DIGITS | {"_", "-", "\\"}
_AFTER_IDENT: Final = _TERMINATORS | {".", "(", "=", "!"}
_WORD_START: Final = _ALPHA | {"!", "=", ">", "<", "\\", "_"}
_PUNCTUATION: Final = {
    ".": "dot",
    "[": "brackleft",
    "]": "brackright",
    ",": "comma",
    "(": "parenleft",
    ")": "parenright",
}
_MAX_LENGTH: Final = 100_000
_IDENT_RUN: Final = re.compile(r"[A-Za-z0-9_-]*")
_SKIP_WHITESPACE: Final = re.compile(r"[ \t\n]*")


class Token(NamedTuple):
    """One lexer token; ``value`` is the reference's token text, ``start``/``end`` a source span."""

    kind: str
    value: str
    start: int
    end: int


class LexError(Exception):
    """The text cannot be tokenized; ``position`` is the 0-based offset of the culprit."""

    def __init__(self, message: str, position: int) -> None:
        super().__init__(message)
        self.message = message
        self.position = position


def lex(text: str) -> list[Token]:
    """Tokenize ``text``; the list always ends with an ``eos`` token. Raises ``LexError``."""
    return _Lexer(text).run()


class _Lexer:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0
        self.reopened = -1

    def unterminated(self, quote: str, start: int) -> str:
        if start != self.reopened:
            return f"unterminated string: the {quote} here is never closed"
        following = self.text[start + 1 : start + 2]
        return (
            f"this closing quote is directly followed by {following!r}, so Segment reads it as "
            "the start of a new string that never ends; put a space after it"
        )

    # Reader primitives, with the reference's semantics.
    def next(self) -> str:
        if self.pos >= len(self.text):
            return _EOS
        char = self.text[self.pos]
        self.pos += 1
        return char

    def peek(self) -> str:
        if self.pos >= len(self.text):
            return _EOS
        return self.text[self.pos]

    def accept(self, expected: str) -> bool:
        """Consume ``expected`` if a terminator follows; else roll back (but not past the end)."""
        chars = ""
        for _ in expected:
            if self.pos >= len(self.text):
                return False  # the reference returns here without rolling back
            char = self.next()
            chars += char
            if char in _TERMINATORS:
                break
        if chars == expected and self.peek() in _TERMINATORS:
            return True
        self.pos -= len(chars)
        return False

    def run(self) -> list[Token]:
        tokens: list[Token] = []
        text, size = self.text, len(self.text)
        while True:
            start = _SKIP_WHITESPACE.match(text, self.pos).end()  # type: ignore[union-attr]
            if start >= size:
                self.pos = size
                tokens.append(Token("eos", "eos", size, size))
                return tokens
            self.pos = start + 1
            tokens.append(self.token(text[start], start))

    def token(self, char: str, start: int) -> Token:
        if char == "!" and (self.peek() in _ALPHA or self.peek() == "("):
            return Token("operator", "!", start, self.pos)
        if char in _WORD_START:
            kind, value = self.word(char, start)
        elif char in _DIGITS or char in "-+":
            kind, value = "number", char + self.number()
        elif char in "\"'":
            kind, value = "string", self.string(char, start)
        elif char in _PUNCTUATION:
            kind, value = _PUNCTUATION[char], char
        else:
            raise LexError(_invalid_character(char), start)
        return Token(kind, value, start, self.pos)

    def word(self, first: str, start: int) -> tuple[str, str]:
        if first == "=":
            return "operator", "="
        if first == "!":
            if self.accept("="):
                return "operator", "!="
            raise LexError(_bad_bang(self.peek()), start)
        if first in "<>":
            return "operator", first + "=" if self.accept("=") else first
        keyword = _KEYWORDS.get(first)
        if keyword is not None and self.accept(keyword[1:]):
            return ("null" if keyword == "null" else "conditional"), keyword
        return "ident", self.ident(first, start)

    def ident(self, first: str, start: int) -> str:
        run = _IDENT_RUN.match(self.text, self.pos)
        if first != "\\" and run is not None and self.text[run.end() : run.end() + 1] != "\\":
            # Fast path for names without escapes: the same characters the loop would read.
            self.pos = run.end()
            text = first + run.group()
            if len(text) >= _MAX_LENGTH:
                raise LexError("name is longer than 100,000 characters", start)
        else:
            text = self.escaped_ident(first, start)
        following = self.peek()
        if following not in _AFTER_IDENT:
            raise LexError(_bad_after_ident(text, following), self.pos)
        return text

    def escaped_ident(self, first: str, start: int) -> str:
        text = ""
        char = first
        while True:
            if char == "\\":
                if self.peek() == _EOS:
                    message = "a backslash at the end of the text escapes nothing"
                    raise LexError(message, self.pos - 1)
                char = self.next()
            text += char
            if len(text) >= _MAX_LENGTH:
                raise LexError("name is longer than 100,000 characters", start)
            if self.peek() not in _IDENT:
                break
            char = self.next()
        return text

    def number(self) -> str:
        text = ""
        decimal = False
        while (coming := self.peek()) in _DIGITS or coming == ".":
            text += self.next()
            if coming == ".":
                if self.peek() in _TERMINATORS:
                    raise LexError("a number cannot end with a decimal point", self.pos - 1)
                if decimal:
                    raise LexError("a number cannot have two decimal points", self.pos - 1)
                decimal = True
            if len(text) >= _MAX_LENGTH:
                raise LexError("number is longer than 100,000 characters", self.pos)
        return text

    def string(self, quote: str, start: int) -> str:
        end = self.text.find(quote, self.pos)
        if end < 0:
            raise LexError(self.unterminated(quote, start), start)
        text = self.text[self.pos : end]
        if len(text) >= _MAX_LENGTH // 2 and _js_length(text) >= _MAX_LENGTH:
            raise LexError("string is longer than 100,000 characters", start)
        self.pos = end
        if not self.accept(quote):
            self.reopened = self.pos  # a closing quote before a non-terminator stays unread
        return quote + text + quote


_KEYWORDS: Final = {"a": "and", "o": "or", "n": "null"}


def _invalid_character(char: str) -> str:
    if char == "\r":
        return "carriage return (\\r) is not allowed: Segment only accepts \\n line endings"
    if not char.isascii():
        return (
            f"character {char!r} is not allowed outside a quoted value "
            "(in a name, escape it with a backslash)"
        )
    return f"character {char!r} is not allowed here (quote values with double quotes)"


def _bad_bang(following: str) -> str:
    got = "the end of the text" if following == _EOS else repr(following)
    return (
        f"'!' must be followed by '=' and a space ('!= '), or directly by contains/match; got {got}"
    )


def _bad_after_ident(name: str, following: str) -> str:
    if following == "[":
        return (
            f"array indexes like {name}[0] are not supported by Segment's lexer; escape the "
            f"brackets: {name}\\[0\\]"
        )
    if following in "<>":
        return f"put a space between '{name}' and '{following}'"
    if following in "\"'":
        return f"a quote cannot directly follow the name '{name}'; put an operator between them"
    return (
        f"character {following!r} cannot follow the name '{name}' "
        "(escape it with a backslash if it is part of the name)"
    )


def _js_length(text: str) -> int:
    """A string's length as JavaScript counts it: in UTF-16 code units."""
    if text.isascii():
        return len(text)
    return len(text.encode("utf-16-le", "surrogatepass")) // 2
