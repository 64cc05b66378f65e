"""``Trigger``: one parsed subscription text with its compiled predicate, explainer and linter."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from ._ast import Group, iter_conditions, node_to_reference
from ._errors import TriggerSyntaxError
from ._explain import Explanation, explain
from ._lint import LintWarning, lint
from ._matcher import compile_matcher
from ._parser import ParseOutcome, parse_text

__all__ = ["Trigger", "parse"]


def parse(text: object) -> Trigger:
    """Parse a subscription text into a ``Trigger``; never raises.

    Args:
        text: the FQL text. ``None`` reads as empty, bytes as UTF-8; anything else as ``str()``.

    Returns:
        A ``Trigger``; when the text does not parse, ``trigger.error`` says why and
        ``trigger.matches`` is always false.
    """
    if text is None:
        text = ""
    elif isinstance(text, (bytes, bytearray)):
        text = bytes(text).decode("utf-8", "replace")
    elif not isinstance(text, str):
        text = str(text)
    return _parse_cached(text)


@lru_cache(maxsize=2048)
def _parse_cached(text: str) -> Trigger:
    try:
        outcome = parse_text(text)
    except RecursionError:  # pragma: no cover - a pathological text, not a reference case
        error = TriggerSyntaxError("the trigger is too deeply nested to read", None)
        outcome = ParseOutcome(None, error, [], [], [])
    return Trigger(text, outcome)


class Trigger:
    """A parsed trigger. Immutable; cheap to share between threads.

    Attributes:
        source: the text it was parsed from.
        error: a ``TriggerSyntaxError`` when the text does not parse, else ``None``.
        ast: the top-level ``Group`` (``None`` when ``error`` is set).
        matches: ``matches(event) -> bool``, the compiled predicate: what Segment's
            ``validate()`` answers, and false where ``validate()`` would throw.
    """

    __slots__ = ("source", "error", "ast", "matches", "_outcome", "_paths")

    source: str
    error: TriggerSyntaxError | None
    ast: Group | None
    matches: Callable[[Any], bool]

    def __init__(self, source: str, outcome: ParseOutcome) -> None:
        self.source = source
        self.error = outcome.error
        self.ast = outcome.ast
        self._outcome = outcome  # tokens, skipped tokens and levels, for the linter
        self.matches = compile_matcher(outcome.ast) if outcome.ast else _never
        self._paths: frozenset[str] | None = None

    def __repr__(self) -> str:
        state = "ok" if self.error is None else f"error={self.error.message!r}"
        return f"Trigger({self.source!r}, {state})"

    @property
    def ok(self) -> bool:
        """True when the text parsed."""
        return self.error is None

    @property
    def paths(self) -> frozenset[str]:
        """The event paths the trigger reads, e.g. ``{"type", "properties.total"}``."""
        if self._paths is None:
            self._paths = frozenset(c.path for c in iter_conditions(self.ast))
        return self._paths

    def to_reference(self) -> Any:
        """The AST (or error object) in the JSON shape Segment's ``parseFql`` returns."""
        if self.error is not None:
            return self.error.to_reference()
        return node_to_reference(self.ast)

    def explain(self, event: Any) -> Explanation:
        """Every clause's verdict for ``event``, with the actual values and near-miss hints."""
        return explain(self, event)

    def lint(self, max_conditions: int = 2) -> list[LintWarning]:
        """Warnings for text that does not mean what it looks like under Segment's parser.

        Args:
            max_conditions: warn above this many conditions (Segment's editor allows two on
                self-service plans).
        """
        return lint(self, max_conditions)


def _never(event: Any) -> bool:
    return False
