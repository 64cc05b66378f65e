"""HTML filters' string work in linear time (``strip_html``, ``escape``), so a long hostile
string cannot stall rendering the way a backtracking regular expression would."""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["escape_html", "strip_html"]

_LINE_ENDS = ("\n", "\r", "\u2028", "\u2029")
_SPECIALS = (("<script", "</script>"), ("<style", "</style>"), ("<!--", "-->"))


class _Next:
    """The next position of ``needle`` at or after an index, remembered between calls."""

    __slots__ = ("at", "needle", "text")

    def __init__(self, text: str, needle: str) -> None:
        self.text, self.needle, self.at = text, needle, -2

    def find(self, index: int) -> int:
        if self.at == -1 or self.at >= index:
            return self.at
        self.at = self.text.find(self.needle, index)
        return self.at


def _end_of(text: str, i: int, finders: dict[str, _Next], line_ends: list[_Next]) -> int:
    """End of the tag starting at ``text[i] == '<'`` (as liquidjs's pattern), or -1."""
    for opener, closer in (("<script", "</script>"), ("<style", "</style>")):
        if text.startswith(opener, i):
            end = finders[closer].find(i + len(opener))
            if end >= 0:
                return end + len(closer)
    close = finders[">"].find(i + 1)
    if close >= 0:
        breaks = [n for n in (f.find(i + 1) for f in line_ends) if n >= 0]
        if not breaks or min(breaks) > close:
            return close + 1
    if text.startswith("<!--", i):
        end = finders["-->"].find(i + 4)
        if end >= 0:
            return end + 3
    return -1


def strip_html(text: str, check: Callable[[], None] = lambda: None) -> str:
    """Remove ``<script>…</script>``, ``<style>…</style>``, ``<…>`` (one line) and comments.

    ``check`` is called now and then on long inputs (to enforce a time limit).
    """
    if "<" not in text:
        return text
    finders = {n: _Next(text, n) for n in ("</script>", "</style>", ">", "-->")}
    line_ends = [_Next(text, n) for n in _LINE_ENDS]
    specials = [(_Next(text, o), finders[c]) for o, c in _SPECIALS]
    opens = _Next(text, "<")
    out: list[str] = []
    i = rounds = 0
    while (start := opens.find(i)) >= 0:
        rounds += 1
        if rounds % 4096 == 0:
            check()
        if finders[">"].find(start) < 0:
            break  # every alternative ends with '>'
        end = _end_of(text, start, finders, line_ends)
        if end >= 0:
            out.append(text[i:start])
            i = end
            continue
        # Every '<' before the next line end (or anywhere, with no '>' left) fails the same way,
        # except one opening a script, style or comment: resume there.
        barrier = len(text)
        if finders[">"].find(start + 1) >= 0:
            breaks = [n for n in (f.find(start + 1) for f in line_ends) if n >= 0]
            barrier = min(breaks, default=len(text))
        found = [
            n
            for n in (o.find(start + 1) for o, c in specials if c.find(start + 1) >= 0)
            if 0 <= n < barrier
        ]
        resume = min(found, default=barrier)
        out.append(text[i:resume])
        i = resume
    out.append(text[i:])
    return "".join(out)


def escape_html(text: str) -> str:
    """``& < > " '`` as liquidjs's ``escape`` writes them."""
    return (
        text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&#34;")
        .replace("'", "&#39;")
    )
