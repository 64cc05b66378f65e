"""Template tokenizer: text, ``{{ output }}`` and ``{% tag %}`` tokens, ``raw`` and ``-`` trimming.

Follows liquidjs: a tag ends at the first ``%}``; an output ends at the first ``}}`` outside
quotes; ``{%- -%}``/``{{- -}}`` trim all whitespace of the neighbouring text; inside
``{% raw %}`` everything up to ``{% endraw %}`` is text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ._errors import LiquidFailure, located, snapshot
from ._scanner import Scanner, is_blank

__all__ = ["Delimited", "Text", "tag_name", "tokenize"]


@dataclass(slots=True)
class Text:
    begin: int
    end: int
    trim_left: int = 0
    trim_right: int = 0

    def content(self, source: str) -> str:
        return source[self.begin + self.trim_left : self.end - self.trim_right]


@dataclass(slots=True)
class Delimited:
    """An output (``is_tag`` false) or a tag; ``content`` is the range inside the delimiters."""

    is_tag: bool
    begin: int
    end: int
    content_begin: int
    content_end: int
    trim_left: bool
    trim_right: bool
    name: str = ""
    args_begin: int = 0

    def text(self, source: str) -> str:
        return source[self.begin : self.end]

    def args(self, source: str) -> str:
        return source[self.args_begin : self.content_end]

    def scanner(self, source: str) -> Scanner:
        """A scanner over the tag's arguments."""
        return Scanner(source, self.args_begin, self.content_end)

    def scanner_at_content(self, source: str) -> Scanner:
        """A scanner over everything between the delimiters (an output's expression)."""
        return Scanner(source, self.content_begin, self.content_end)


Token = Text | Delimited


def _delimited(
    source: str, is_tag: bool, begin: int, end: int, inner: tuple[int, int]
) -> Delimited:
    left, right = inner
    trim_left = left < len(source) and source[left] == "-"
    trim_right = right - 1 >= 0 and source[right - 1] == "-"
    lo, hi = left + trim_left, right - trim_right
    while lo < hi and is_blank(source[lo]):
        lo += 1
    while hi > lo and is_blank(source[hi - 1]):
        hi -= 1
    return Delimited(is_tag, begin, end, lo, hi, trim_left, trim_right)


def tag_name(token: Delimited, source: str, message: str) -> None:
    """Read the tag name of ``token`` (``#`` for inline comments) and where its arguments start."""
    scanner = Scanner(source, token.content_begin, token.content_end)
    scanner.skip_blank()
    if scanner.peek() == "#":
        scanner.p += 1
        token.name = "#"
    else:
        token.name = scanner.identifier()
    if not token.name:
        raise scanner.error(message)
    scanner.skip_blank()
    token.args_begin = scanner.p


class _Lexer:
    def __init__(self, source: str) -> None:
        self.src = source
        self.p = 0
        self.n = len(source)
        self.raw_begin = -1

    def snapshot(self, begin: int) -> str:
        return snapshot(self.src[begin:])

    def error(self, message: str, index: int) -> LiquidFailure:
        return located(message, self.src, index)

    def tokens(self) -> list[Token]:
        tokens: list[Token] = []
        while self.p < self.n:
            if self.raw_begin > -1:
                tokens.append(self.raw_content())
            elif self.src.startswith("{%", self.p):
                tokens.append(self.tag())
            elif self.src.startswith("{{", self.p):
                tokens.append(self.output())
            else:
                tokens.append(self.text())
        return tokens

    def text(self) -> Text:
        begin = self.p
        found = [i for i in (self.src.find("{%", self.p), self.src.find("{{", self.p)) if i >= 0]
        self.p = min(found) if found else self.n
        return Text(begin, self.p)

    def to_delimiter(self, delimiter: str, quoted: bool) -> int:
        while self.p < self.n and is_blank(self.src[self.p]):
            self.p += 1
        while self.p < self.n:
            if quoted and self.src[self.p] in ("'", '"'):
                scanner = Scanner(self.src, self.p, self.n)
                scanner.quoted()
                self.p = scanner.p
                continue
            self.p += 1
            if self.src.endswith(delimiter, 0, self.p):
                return self.p
        return -1

    def tag(self) -> Delimited:
        begin = self.p
        if self.to_delimiter("%}", quoted=False) == -1:
            raise self.error(f"tag {self.snapshot(begin)} not closed", begin)
        token = _delimited(self.src, True, begin, self.p, (begin + 2, self.p - 2))
        tag_name(token, self.src, "illegal tag syntax, tag name expected")
        if token.name == "raw":
            self.raw_begin = begin
        return token

    def output(self) -> Delimited:
        begin = self.p
        if self.to_delimiter("}}", quoted=True) == -1:
            raise self.error(f"output {self.snapshot(begin)} not closed", begin)
        return _delimited(self.src, False, begin, self.p, (begin + 2, self.p - 2))

    def read_to(self, text: str) -> int:
        scanner = Scanner(self.src, self.p, self.n)
        found = scanner.read_to(text)
        self.p = scanner.p
        return found

    def raw_content(self) -> Token:
        begin = self.p
        left = self.read_to("{%") - 2
        while self.p < self.n:
            scanner = Scanner(self.src, self.p, self.n)
            word = scanner.identifier()
            self.p = scanner.p
            if word != "endraw":
                left = self.read_to("{%") - 2
                continue
            while self.p <= self.n:
                if self.src.endswith("%}", 0, self.p) and self.p >= 2:
                    if begin == left:
                        self.raw_begin = -1
                        token = _delimited(self.src, True, begin, self.p, (begin + 2, self.p - 2))
                        tag_name(token, self.src, "illegal tag syntax, tag name expected")
                        return token
                    self.p = left
                    return Text(begin, left)
                if self.src.endswith("{%", 0, self.p) and self.p >= 2:
                    break
                self.p += 1
        raise self.error(f"raw {self.snapshot(self.raw_begin)} not closed", begin)


def _trim_before(token: Token | None, source: str) -> None:
    if isinstance(token, Text):
        while token.end - 1 - token.trim_right >= token.begin and is_blank(
            source[token.end - 1 - token.trim_right]
        ):
            token.trim_right += 1


def _trim_after(token: Token | None, source: str) -> None:
    if isinstance(token, Text):
        while token.begin + token.trim_left < token.end and is_blank(
            source[token.begin + token.trim_left]
        ):
            token.trim_left += 1


def _whitespace_control(tokens: list[Token], source: str) -> None:
    in_raw = False
    for i, token in enumerate(tokens):
        if not isinstance(token, Delimited):
            continue
        if not in_raw and token.trim_left:
            _trim_before(tokens[i - 1] if i > 0 else None, source)
        if token.is_tag and token.name in ("raw", "endraw"):
            in_raw = token.name == "raw"
        if not in_raw and token.trim_right:
            _trim_after(tokens[i + 1] if i + 1 < len(tokens) else None, source)


def tokenize(source: str) -> list[Token]:
    """The top-level tokens of ``source``, whitespace control applied (:class:`LiquidFailure`)."""
    tokens = _Lexer(source).tokens()
    _whitespace_control(tokens, source)
    return tokens
