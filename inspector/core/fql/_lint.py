"""Lint: warnings for trigger text that does not mean what it looks like (placeholder)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ._trigger import Trigger

__all__ = ["LintWarning", "lint"]


@dataclass(frozen=True, slots=True)
class LintWarning:
    """One warning: a stable ``code``, a message, a 0-based position and a suggested rewrite."""

    code: str
    message: str
    position: int | None
    suggestion: str | None = None


def lint(trigger: Trigger) -> list[LintWarning]:
    return []
