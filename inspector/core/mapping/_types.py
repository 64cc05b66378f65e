"""Public result and error types of the mapping engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..errors import InspectorError

__all__ = ["MappingError", "MappingIssue", "Origin", "Resolution"]


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a payload field's value came from.

    Args:
        event_path: dotted event path without ``$.`` (``"traits.email"``,
            ``"properties.items.0.sku"``;
            ``""`` is the whole event).
        directive: the outermost directive at that payload field that read it
            (``"@path"``, ``"@if"``...).
    """

    event_path: str
    directive: str


@dataclass(frozen=True, slots=True)
class MappingIssue:
    """One static-validation problem, as one of Segment's ``ValidationError``s.

    ``message`` is Segment's text byte for byte (``/v/@path should be ... number.``);
    ``location`` is the dotted path inside the mapping (``"v.@path"``, ``""`` for the root).
    ``text`` is the message without Segment's ``/path`` prefix and final full stop.
    """

    message: str
    location: str

    @property
    def text(self) -> str:
        prefix, _, rest = self.message.partition(" ")
        return rest[:-1] if rest.endswith(".") else rest


class MappingError(InspectorError):
    """A mapping failed where Segment's ``transform`` throws; ``str()`` is Segment's message.

    Args:
        message: Segment's error text (for validation failures, the inner messages joined by
            newlines).
        location: dotted path of the failing directive in the mapping (``"traits.@if"``),
            ``""`` for the root.
        issues: the static-validation problems when the mapping is invalid, else empty.
    """

    def __init__(
        self, message: str, location: str = "", issues: tuple[MappingIssue, ...] = ()
    ) -> None:
        super().__init__(message)
        self.message = message
        self.location = location
        self.issues = issues


@dataclass(frozen=True, slots=True)
class Resolution:
    """The result of :func:`resolve`.

    ``payload`` is the JSON-ready transform output (a dict for object mappings; ``None`` when a
    top-level directive resolves to ``undefined``, and then ``undefined`` is True).
    ``provenance`` maps dotted payload paths (``"traits.email"``, ``"items.0.sku"``) to the event
    origins of their values.
    """

    payload: Any
    provenance: dict[str, tuple[Origin, ...]] = field(default_factory=dict)
    undefined: bool = False
    builtins: bool = False
    """A path reached a JavaScript built-in: the payload may hold a built-in function (which
    validation sees and JSON leaves out); ``json_plain`` gives what JSON holds."""

    def event_paths(self) -> set[str]:
        """All event paths that contributed to the payload."""
        return {o.event_path for origins in self.provenance.values() for o in origins}

    def fields_using(self, event_path: str) -> list[str]:
        """Payload paths whose value came from ``event_path``, one of its parents or children."""

        def related(p: str) -> bool:
            return (
                p == event_path
                or p.startswith(event_path + ".")
                or event_path.startswith(p + ".")
                or p == ""
            )

        return [
            k
            for k, origins in self.provenance.items()
            if any(related(o.event_path) for o in origins)
        ]
