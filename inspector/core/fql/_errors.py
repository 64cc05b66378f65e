"""The trigger syntax error: a value carried by a ``Trigger``, never raised at the caller."""

from __future__ import annotations

from typing import Any

from ..errors import InspectorError

__all__ = ["TriggerSyntaxError"]

#: What the reference's TypeError says whenever it parsed nothing usable.
UNDEFINED_TYPE = "Cannot read properties of undefined (reading 'type')"


class TriggerSyntaxError(InspectorError):
    """Why a trigger does not parse.

    Attributes:
        message: a readable explanation.
        position: 0-based character offset of the culprit in the source, or ``None``.
        reference_name: the error class Segment's ``parseFql`` returns (``TypeError``/``Error``).
        reference_message: the message Segment's ``parseFql`` returns (often meaningless).
    """

    def __init__(
        self,
        message: str,
        position: int | None = None,
        reference_name: str = "TypeError",
        reference_message: str = UNDEFINED_TYPE,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.position = position
        self.reference_name = reference_name
        self.reference_message = reference_message

    def __repr__(self) -> str:
        return f"TriggerSyntaxError({self.message!r}, position={self.position!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, TriggerSyntaxError):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def _key(self) -> tuple[str, int | None, str, str]:
        return (self.message, self.position, self.reference_name, self.reference_message)

    def to_reference(self) -> dict[str, Any]:
        """The ``{error}`` object as the conformance recorder writes it."""
        return {"error": {"name": self.reference_name, "message": self.reference_message}}
