"""Lint rules over the parser's notes (skipped tokens) and its parenthesis levels."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

from ._ast import FIELD_KINDS, Group, Node, Span
from ._parser import Level, ParseNote

__all__ = ["LintWarning", "connective_warnings", "note_warnings", "replace", "token_text"]

_SKIPPED: Final = ("ignored-token",)
_FIELDS_TEXT: Final = "type, event, name, userId, properties.…, traits.…, context.…"
_CALL: Final = re.compile(r"!?(?:contains|match)\s*\([^()]*\)")


def replace(source: str, start: int, end: int, text: str) -> str:
    """``source`` with ``start..end`` replaced, and the spaces around the seam tidied."""
    before, after = source[:start], source[end:]
    if text:
        return before + text + after
    before, after = before.rstrip(" "), after.lstrip(" ")
    # Removing a whole condition leaves a connective with nothing on one side: drop it too.
    if not before or before.endswith("("):
        after = re.sub(r"^(and|or)\s+", "", after)
    elif not after or after.startswith(")"):
        before = re.sub(r"\s+(and|or)$", "", before)
    else:
        before = re.sub(r"\s+(and|or)$", "", before) if re.match(r"(and|or)\s", after) else before
    joiner = " " if before and after and not after.startswith(")") else ""
    return (before + joiner + after).strip(" ")


def token_text(source: str, span: Span) -> str:
    return source[span[0] : span[1]]


@dataclass(frozen=True, slots=True)
class LintWarning:
    """One warning.

    Attributes:
        code: stable identifier, e.g. ``mixed-connectives`` or ``single-quotes``.
        message: what Segment does with the text, in words.
        position: 0-based character offset of the culprit, or None.
        suggestion: the whole trigger rewritten to say what was probably meant, or None.
    """

    code: str
    message: str
    position: int | None
    suggestion: str | None = None


def _warning(
    code: str, message: str, position: int | None, suggestion: str | None = None
) -> LintWarning:
    return LintWarning(code, message, position, suggestion)


# --- skipped tokens -----------------------------------------------------------------------


def note_warnings(source: str, notes: list[ParseNote]) -> list[LintWarning]:
    warnings = []
    broken = [n.start for n in notes if n.code == "function-in-group"]
    for note in _merge_runs(source, notes):
        if note.text == ")" and any(start < note.start for start in broken):
            continue  # the group's own ')', left over: function-in-group explains it
        rule = _NOTE_RULES.get(note.code)
        if rule is not None:
            warnings.append(rule(source, note))
    return warnings


def _merge_runs(source: str, notes: list[ParseNote]) -> list[ParseNote]:
    """Join skipped tokens separated only by spaces: ``anonymousId = "a"`` is one warning."""
    merged: list[ParseNote] = []
    for note in notes:
        last = merged[-1] if merged else None
        if (
            last is not None
            and last.code in _SKIPPED
            and note.code in _SKIPPED
            and not source[last.end : note.start].strip()
            and not _is_word_note(note)
        ):
            merged[-1] = ParseNote(last.code, last.start, note.end, source[last.start : note.end])
        else:
            merged.append(note)
    return merged


def _is_word_note(note: ParseNote) -> bool:
    return bool(re.match(r"[A-Za-z_\\]", note.text))


def _skipped(source: str, note: ParseNote) -> LintWarning:
    word = re.match(r"[A-Za-z_\\][\w\\.\-]*", note.text)
    head = word.group() if word else ""
    following = source[note.end : note.end + 1] if head == note.text else ""
    if head.lower() in ("and", "or") and (head != head.lower() or following == "("):
        return _connective_word(source, note, head)
    if head == "not":
        return _warning(
            "ignored-token",
            "'not' is ignored by Segment: the condition after it is not negated; use != or "
            "!contains()/!match()",
            note.start,
            replace(source, note.start, note.start + 3, ""),
        )
    if head:
        return _unknown_field(source, note, head)
    return _warning(
        "ignored-token",
        f"'{note.text}' is not part of any condition; Segment ignores it",
        note.start,
        replace(source, note.start, note.end, ""),
    )


def _connective_word(source: str, note: ParseNote, head: str) -> LintWarning:
    lower = head.lower()
    if head == lower:
        message = f"'{head}(' is read as a name, not a connective: put a space before '('"
        fixed = replace(source, note.start, note.start + len(head), lower + " ")
    else:
        message = f"'{head}' is not a connective (only lowercase and/or are); Segment ignores it"
        fixed = replace(source, note.start, note.start + len(head), lower)
    return _warning("ignored-token", message, note.start, fixed)


def _unknown_field(source: str, note: ParseNote, head: str) -> LintWarning:
    first, _, rest = head.partition(".")
    known = next((k for k in FIELD_KINDS if k.lower() == first.lower()), None)
    if known is not None:
        fixed = known + ("." + rest if rest else "")
        return _warning(
            "ignored-token",
            f"'{first}' is not a field (names are case-sensitive): Segment silently drops "
            f"'{note.text}'; write {known}",
            note.start,
            replace(source, note.start, note.start + len(head), fixed),
        )
    return _warning(
        "ignored-token",
        f"'{first}' is not a field Segment can test ({_FIELDS_TEXT}): it silently drops "
        f"'{note.text}'",
        note.start,
        replace(source, note.start, note.end, ""),
    )


def _ignored_bang(source: str, note: ParseNote) -> LintWarning:
    return _warning(
        "ignored-token",
        "'!' only negates contains() and match(); here Segment ignores it, so nothing is "
        "negated (use != for a condition)",
        note.start,
        replace(source, note.start, note.end, ""),
    )


def _dropped_function(source: str, note: ParseNote) -> LintWarning:
    return _warning(
        "ignored-token",
        f"'{note.text}' is silently dropped: contains() and match() only work on event, "
        "name, userId, properties.…, traits.… and context.…",
        note.start,
    )


def _inherited_field(source: str, note: ParseNote) -> LintWarning:
    return _warning(
        "ignored-token",
        f"'{note.text}' produces no condition: Segment finds '{note.text.split()[0]}' among "
        "JavaScript's built-in names and drops it",
        note.start,
    )


def _empty_group(source: str, note: ParseNote) -> LintWarning:
    return _warning(
        "empty-group",
        "empty parentheses: Segment's validate() throws when it reaches them, and the event "
        "is not delivered",
        note.start,
        replace(source, note.start, note.end, ""),
    )


def _function_in_group(source: str, note: ParseNote) -> LintWarning:
    return _warning(
        "function-in-group",
        "a function call inside parentheses ends the group at its own ')': what follows it "
        "leaves the group; put the call last inside the parentheses",
        note.start,
        _move_call_last(source, note.start),
    )


def _move_call_last(source: str, opening: int) -> str | None:
    closing = _matching_paren(source, opening)
    if closing is None:
        return None
    inner = source[opening + 1 : closing]
    calls = list(_CALL.finditer(inner))
    if len(calls) != 1:
        return None
    call = calls[0]
    before, after = inner[: call.start()], inner[call.end() :]
    connective = re.match(r"\s*(and|or)\b", after)
    if connective is None:
        return None
    rest = (before + after[connective.end() :]).strip()
    new_inner = f"{rest} {connective.group(1)} {call.group()}"
    return source[: opening + 1] + new_inner + source[closing:]


def _matching_paren(source: str, opening: int) -> int | None:
    depth = 0
    for index in range(opening, len(source)):
        if source[index] == "(":
            depth += 1
        elif source[index] == ")":
            depth -= 1
            if depth == 0:
                return index
    return None


_NOTE_RULES: Final = {
    "ignored-token": _skipped,
    "ignored-bang": _ignored_bang,
    "dropped-function": _dropped_function,
    "inherited-field": _inherited_field,
    "empty-group": _empty_group,
    "function-in-group": _function_in_group,
}


# --- connectives --------------------------------------------------------------------------


def connective_warnings(source: str, levels: list[Level], suggest: bool) -> list[LintWarning]:
    warnings = []
    for depth, level in enumerate(levels):
        kinds = {token.value for token in level.connectives}
        if kinds == {"and", "or"} and len(level.nodes) > 1:
            warning = _mixed(source, level, suggest=suggest and depth == 0)
            if warning is not None:
                warnings.append(warning)
    return warnings


def _mixed(source: str, level: Level, suggest: bool) -> LintWarning | None:
    decided = level.connectives[-1].value
    runs = _and_runs(level)
    if (decided == "and" and len(runs) == 1) or (
        decided == "or" and all(len(run) == 1 for run in runs)
    ):
        return None  # the stray connective sits next to skipped tokens; the meaning is as read
    odd = next(t for t in level.connectives if t.value != decided)
    texts = [_node_text(source, node) for node in level.nodes]
    reading = f" {decided} ".join(texts)
    message = (
        f"'and' and 'or' are mixed without parentheses: Segment has no precedence, the last "
        f"connective ('{decided}') joins all {len(texts)} conditions here: {reading}"
    )
    intended = _with_precedence(source, level, texts, runs) if suggest else None
    if intended is not None:
        message += f"; if 'and' was meant to bind first, write {intended}"
    return _warning("mixed-connectives", message, odd.start, intended)


def _and_runs(level: Level) -> list[list[int]]:
    """Node indices grouped as conventional precedence would: runs joined by 'and'."""
    runs: list[list[int]] = [[0]]
    for index in range(1, len(level.nodes)):
        if _connective_before(level, index) == "or":
            runs.append([index])
        else:
            runs[-1].append(index)
    return runs


def _with_precedence(
    source: str, level: Level, texts: list[str], runs: list[list[int]]
) -> str | None:
    """The level rewritten with 'and' binding tighter, if one level of parentheses suffices."""
    if any(len(run) > 1 and any(isinstance(level.nodes[i], Group) for i in run) for run in runs):
        return None
    parts = [
        texts[run[0]] if len(run) == 1 else "(" + " and ".join(texts[i] for i in run) + ")"
        for run in runs
    ]
    spans = [node.span for node in level.nodes if node is not None and node.span]
    if not spans:
        return None
    rewritten = " or ".join(parts)
    return source[: spans[0][0]] + rewritten + source[spans[-1][1] :]


def _connective_before(level: Level, index: int) -> str:
    previous, current = level.nodes[index - 1], level.nodes[index]
    low = previous.span[1] if previous is not None and previous.span else -1
    high = current.span[0] if current is not None and current.span else 1 << 30
    between = [t.value for t in level.connectives if low <= t.start < high]
    return between[-1] if between else "and"


def _node_text(source: str, node: Node | None) -> str:
    if node is None or node.span is None:
        return "()"
    return source[node.span[0] : node.span[1]]
