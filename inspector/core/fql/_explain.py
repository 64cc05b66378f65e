"""Explanations: for one event, every clause's actual value, verdict and near-miss hint."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from inspector.core._js import UNDEFINED

from ._ast import Condition, Group, Node, Span, Value
from ._compile import EvaluationError, make_getter, make_test
from ._hints import hint_for, walk_stopped_note
from ._jsvalues import json_number
from ._render import clause_text, render_explanation, to_json_value

if TYPE_CHECKING:
    from ._trigger import Trigger

__all__ = ["ClauseResult", "Explanation", "explain"]

EMPTY_SLOT_ERROR = "an empty '()' group: Segment's validate() throws when it reaches one"
NULL_EVENT_ERROR = "the event is null: Segment's validate() throws on it"


@dataclass(frozen=True, slots=True)
class ClauseResult:
    """One condition's verdict for one event.

    Attributes:
        path: the event path read (``type``, ``properties.plan``, ``context.page.url``).
        actual: the value found there, or ``UNDEFINED``.
        found: whether the path exists (a JSON ``null`` is found; ``UNDEFINED`` is not).
        operator: the AST operator (``=``, ``number_equals``, ``contains``, ``exists`` …).
        expected: the value compared with (``None`` for operators without one).
        passed: the clause's verdict.
        hint: a near-miss explanation when it failed (or a surprise when it passed), else None.
        span: where the clause is written in the trigger text, or None.
        text: the clause written out as FQL, e.g. ``properties.total > 100``.
        error: set when Segment's ``validate()`` throws on this clause.
    """

    path: str
    actual: object
    found: bool
    operator: str
    expected: Value | None
    passed: bool
    hint: str | None
    span: Span | None
    text: str
    error: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict (``actual`` is null when missing; see ``found``)."""
        return {
            "path": self.path,
            "text": self.text,
            "found": self.found,
            "actual": to_json_value(self.actual),
            "operator": self.operator,
            "expected": json_number(self.expected)
            if isinstance(self.expected, float)
            else self.expected,
            "passed": self.passed,
            "hint": self.hint,
            "span": list(self.span) if self.span else None,
            "error": self.error,
        }


@dataclass(frozen=True, slots=True)
class Explanation:
    """A group's verdict: how its children combined, and each child's result.

    Attributes:
        matched: the verdict (what ``Trigger.matches`` answers for this group).
        operator: ``and`` (all must pass) or ``or`` (one is enough).
        children: ``ClauseResult`` leaves and nested ``Explanation`` groups, in source order.
        error: set when the trigger does not parse, or where Segment's ``validate()`` throws.
        span: where the group is written in the trigger text, or None.
    """

    matched: bool
    operator: str
    children: tuple[ClauseResult | Explanation, ...]
    error: str | None = None
    span: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict of the whole tree."""
        return {
            "matched": self.matched,
            "operator": self.operator,
            "error": self.error,
            "span": list(self.span) if self.span else None,
            "children": [child.to_dict() for child in self.children],
        }

    def render(self) -> str:
        """Readable multi-line text: one line per clause, marks, actual values and hints."""
        return render_explanation(self)


def explain(trigger: Trigger, event: Any) -> Explanation:
    """Explain ``trigger`` against ``event`` (a dict; other values have no fields)."""
    if trigger.error is not None or trigger.ast is None:
        message = trigger.error.message if trigger.error else "no trigger"
        return Explanation(False, "and", (), f"the trigger does not parse: {message}")
    if event is None:
        return Explanation(False, trigger.ast.operator, (), NULL_EVENT_ERROR, trigger.ast.span)
    if not isinstance(event, dict):
        event = {}
    return _explain_group(trigger.ast, event, trigger.source)


def _explain_node(
    node: Node | None, event: dict[str, Any], source: str
) -> ClauseResult | Explanation:
    if node is None:
        return Explanation(False, "and", (), EMPTY_SLOT_ERROR)
    if isinstance(node, Group):
        return _explain_group(node, event, source)
    return _explain_condition(node, event, source)


def _explain_group(group: Group, event: dict[str, Any], source: str) -> Explanation:
    children = tuple(_explain_node(child, event, source) for child in group.children)
    matched, error = _combine(group.operator, children)
    return Explanation(matched, group.operator, children, error, group.span)


def _combine(
    operator: str, children: tuple[ClauseResult | Explanation, ...]
) -> tuple[bool, str | None]:
    """Short-circuit left to right like ``every``/``some``: an error counts only if reached."""
    if operator not in ("and", "or"):
        return False, None
    deciding = operator == "or"
    for child in children:
        if child.error is not None:
            return False, child.error
        verdict = child.passed if isinstance(child, ClauseResult) else child.matched
        if verdict is deciding:
            return deciding, None
    return not deciding, None


def _explain_condition(condition: Condition, event: dict[str, Any], source: str) -> ClauseResult:
    text = clause_text(condition)
    try:
        actual = make_getter(condition)(event)
    except EvaluationError as exc:
        return ClauseResult(
            condition.path,
            UNDEFINED,
            False,
            condition.operator,
            condition.value,
            False,
            None,
            condition.span,
            text,
            str(exc),
        )
    passed = make_test(condition.operator, condition.value)(actual)
    if passed:
        hint = walk_stopped_note(condition, event, actual)
    else:
        hint = hint_for(condition, actual, event, source)
    found = actual is not UNDEFINED
    return ClauseResult(
        condition.path,
        actual,
        found,
        condition.operator,
        condition.value,
        passed,
        hint,
        condition.span,
        text,
    )
