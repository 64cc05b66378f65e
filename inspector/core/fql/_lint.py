"""Lint: warnings for trigger text that does not mean what it looks like under Segment's parser.

Every warning carries a stable ``code``, the 0-based position of the culprit and, where a
mechanical fix exists, ``suggestion``: the whole trigger text rewritten.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Final

from ._ast import Condition, iter_conditions
from ._lexer import Token
from ._lint_rules import (
    LintWarning,
    connective_warnings,
    note_warnings,
    replace,
    token_text,
)
from ._render import clause_text

if TYPE_CHECKING:
    from ._trigger import Trigger

__all__ = ["DEFAULT_MAX_CONDITIONS", "LintWarning", "lint"]

#: Segment's self-service plans allow two conditions per trigger in the UI.
DEFAULT_MAX_CONDITIONS: Final = 2
_GLUED_OPERATOR: Final = re.compile(r"(!=|>=|<=)(?=[^ \t\n,\])])")
_BANG_SPACE: Final = re.compile(r"!([ \t\n]+)(?=(contains|match)\b)")


def lint(trigger: Trigger, max_conditions: int = DEFAULT_MAX_CONDITIONS) -> list[LintWarning]:
    """All warnings for ``trigger``, ordered by position."""
    source, outcome = trigger.source, trigger._outcome
    warnings = _text_warnings(source)
    warnings += _token_warnings(source, outcome.tokens)
    warnings += note_warnings(source, outcome.notes)
    broken_group = any(note.code == "function-in-group" for note in outcome.notes)
    warnings += connective_warnings(source, outcome.levels, suggest=not broken_group)
    conditions = iter_conditions(trigger.ast)
    for condition in conditions:
        warnings += _condition_warnings(source, condition)
    if len(conditions) > max_conditions:
        warnings.append(_too_many(conditions, max_conditions))
    return sorted(_deduplicate(warnings), key=_order)


def _order(warning: LintWarning) -> tuple[int, str]:
    return (-1 if warning.position is None else warning.position, warning.code)


def _deduplicate(warnings: list[LintWarning]) -> list[LintWarning]:
    """Drop skipped-token warnings that another warning already explains."""
    explained = {w.position + 2 for w in warnings if w.code == "operator-spacing" and w.position}
    explained |= {
        w.position for w in warnings if w.code == "quote-not-closed" and w.position is not None
    }
    return [w for w in warnings if not (w.code == "ignored-token" and w.position in explained)]


def _too_many(conditions: list[Condition], limit: int) -> LintWarning:
    extra = conditions[limit].span
    return LintWarning(
        "too-many-conditions",
        f"{len(conditions)} conditions: Segment's trigger editor allows {limit} on "
        "self-service plans (the runtime evaluates them all)",
        extra[0] if extra else None,
    )


# --- raw text -----------------------------------------------------------------------------


def _text_warnings(source: str) -> list[LintWarning]:
    warnings: list[LintWarning] = []
    if "\r" in source:
        fixed = source.replace("\r\n", "\n").replace("\r", "\n")
        warnings.append(
            LintWarning(
                "carriage-return",
                "carriage returns (Windows line endings) are not whitespace for Segment: outside "
                "quotes they are an error, after a closing quote they keep the string open",
                source.index("\r"),
                fixed,
            )
        )
    blanked = _blank_strings(source)
    for match in _GLUED_OPERATOR.finditer(blanked):
        operator = match.group(1)
        meaning = (
            "Segment cannot read the trigger"
            if operator == "!="
            else f"Segment reads '{operator[0]}' compared with the text \"=\" (never true)"
        )
        warnings.append(
            LintWarning(
                "operator-spacing",
                f"'{operator}' must be followed by a space; without one {meaning}",
                match.start(),
                replace(source, match.start(), match.end(), operator + " "),
            )
        )
    for match in _BANG_SPACE.finditer(blanked):
        warnings.append(
            LintWarning(
                "negation-spacing",
                f"no space is allowed after '!' before {match.group(2)}(): the trigger does not "
                "parse",
                match.start(),
                replace(source, match.start(), match.end(), "!"),
            )
        )
    return warnings


def _blank_strings(source: str) -> str:
    """``source`` with quoted text replaced by spaces, so patterns only see the syntax."""
    return re.sub(r"\"[^\"]*\"|'[^']*'", lambda m: "x" * len(m.group()), source)


# --- tokens -------------------------------------------------------------------------------


def _token_warnings(source: str, tokens: list[Token]) -> list[LintWarning]:
    warnings: list[LintWarning] = []
    stack: list[str] = []
    previous: Token | None = None
    opened = False
    for token in tokens:
        if token.kind == "string" and token.value.startswith("'"):
            warnings.append(_single_quotes(source, token))
        if token.kind == "string" and token.end < token.start + len(token.value) and not opened:
            warnings.append(_open_quote(source, token))
            opened = True  # the strings after it are consequences, not new mistakes
        elif token.kind == "parenleft":
            is_call = previous is not None and previous.value in ("contains", "match")
            if not is_call and "group" in stack:
                warnings.append(_nested(token))
            stack.append("call" if is_call else "group")
        elif token.kind == "parenright" and stack:
            stack.pop()
        previous = token
    return warnings


def _single_quotes(source: str, token: Token) -> LintWarning:
    inner = token.value[1:-1]
    suggestion = None
    if '"' not in inner:
        suggestion = replace(source, token.start, token.start + len(token.value), f'"{inner}"')
    return LintWarning(
        "single-quotes",
        f"single quotes are part of the value: Segment compares with the text {token.value} "
        "including the quotes; use double quotes",
        token.start,
        suggestion,
    )


def _open_quote(source: str, token: Token) -> LintWarning:
    quote = token.end
    following = source[quote + 1 : quote + 2]
    if source[quote - 1 : quote] == "\\":
        return LintWarning(
            "quote-not-closed",
            "Segment strings have no escapes: the backslash does not protect this quote, which "
            "ends the string and starts another",
            quote,
        )
    fixable = following not in ("\r", "")
    return LintWarning(
        "quote-not-closed",
        f"this closing quote is directly followed by {following!r}, so Segment does not close "
        "the string here: the quote opens a new string that swallows what follows",
        quote,
        replace(source, quote + 1, quote + 1, " ") if fixable else None,
    )


def _nested(token: Token) -> LintWarning:
    return LintWarning(
        "nested-parentheses",
        "nested parentheses are not supported: Segment ends a group at the first ')' and the "
        "trigger does not parse; flatten it to one level of parentheses",
        token.start,
    )


# --- conditions ---------------------------------------------------------------------------


def _condition_warnings(source: str, condition: Condition) -> list[LintWarning]:
    if condition.span is None:
        return []
    written = token_text(source, condition.span)
    start = condition.span[0]
    warnings: list[LintWarning] = []
    if condition.kind in ("event-type", "event") and re.search(r"=\s*null$", written):
        warnings.append(_null_text(source, condition, written))
    if condition.operator in _MATCH_OPERATORS and written.lstrip("!").startswith("match"):
        warning = _match_pattern(source, condition, written)
        if warning is not None:
            warnings.append(warning)
    if condition.operator not in _KNOWN_OPERATORS:
        looks_like_value = re.match(r"(\S+)\s+([\"'0-9].*)$", written)
        warnings.append(
            LintWarning(
                "unknown-operator",
                f"'{condition.operator}' is not an operator, so this condition never matches: "
                f"Segment took the token after {condition.path} as the operator",
                start,
                replace(source, *condition.span, " = ".join(looks_like_value.groups()))
                if looks_like_value
                else None,
            )
        )
    elif condition.value == "eos" and not written.rstrip().endswith(("eos", 'eos"')):
        warnings.append(
            LintWarning(
                "missing-value",
                f'{condition.path} has no value: Segment compares with the text "eos"',
                start,
            )
        )
    return warnings


_MATCH_OPERATORS: Final = ("starts_with", "not_starts_with", "ends_with", "not_ends_with")
_KNOWN_OPERATORS: Final = frozenset(
    "= != < <= > >= number_equals number_not_equals contains not_contains starts_with "
    "not_starts_with ends_with not_ends_with exists not_exists is_true is_false".split()
)


def _null_text(source: str, condition: Condition, written: str) -> LintWarning:
    field = condition.path
    if condition.operator == "!=":
        meaning = f'true for every event whose {field} is not the text "null", even without one'
        fixed: str | None = f'match({field}, "*")'
    else:
        meaning = f'true only when {field} is the text "null"; it can never test for absence'
        fixed = None
    suggestion = replace(source, *condition.span, fixed) if fixed and condition.span else None
    return LintWarning(
        "null-is-text",
        f"'{written}' is not an existence test: for {field} Segment compares with the text "
        f'"null" ({meaning})' + (f"; to require any {field}, write {fixed}" if fixed else ""),
        condition.span[0] if condition.span else None,
        suggestion,
    )


def _match_pattern(source: str, condition: Condition, written: str) -> LintWarning | None:
    pattern_match = re.search(r",\s*(\"[^\"]*\"?|'[^']*'?|\S+?)\s*\)?$", written)
    pattern = pattern_match.group(1) if pattern_match else ""
    inner = pattern.strip("\"'")
    stars = inner.count("*")
    if stars == 1 and (inner.startswith("*") or inner.endswith("*")):
        return None
    bang = "!" if written.startswith("!") else ""
    span = condition.span or (0, 0)
    if stars == 0:
        equal = "!=" if bang else "="
        fixed = f'{condition.path} {equal} "{inner}"'
        message = (
            f"match() without * is not an equality test: Segment drops the first character "
            f"and tests {clause_text(condition)}; for equality write {fixed}"
        )
    else:
        core = inner.strip("*")
        fixed = f'{bang}contains({condition.path}, "{core}")' if "*" not in core else ""
        message = (
            "match() understands one leading or one trailing *, nothing else: Segment reads "
            f"this as {clause_text(condition)} (other stars are literal)"
        )
    return LintWarning(
        "match-pattern",
        message,
        span[0],
        replace(source, span[0], span[1], fixed) if fixed else None,
    )
