"""Resolution scope: the current payload, where output goes, and provenance recording.

A directive reads from a *source* (the event, an ``@arrayPath`` item, the output of a ``@transform``
``apply``); each source can say which event paths a path inside it corresponds to. The *scope*
carries the source, the output location (for provenance), the mapping location (for error
messages) and the outermost directive at the output location (the provenance tag).
"""

from __future__ import annotations

import threading
from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any

from inspector.core._js import BUILTIN_VALUES

from ._path import get_path, split_path
from ._types import MappingError, Origin

__all__ = ["BUILTINS_SEEN", "PrefixSource", "ProvenanceSource", "Recorder", "Scope", "Source"]

BUILTINS_SEEN = threading.local()
"""``seen`` is set when a path reached a JavaScript built-in (a function, a prototype): only
then may a payload hold values that are not JSON (see ``Resolution.builtins``)."""

Loc = tuple[str, ...]


def _join(prefix: str, segments: tuple[str, ...]) -> str:
    tail = ".".join(segments)
    if not prefix:
        return tail
    return f"{prefix}.{tail}" if tail else prefix


class Source(ABC):
    """A payload that directives read from, with a map back to event paths."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    @abstractmethod
    def origins(self, segments: tuple[str, ...]) -> tuple[str, ...]:
        """The event paths the value at ``segments`` (inside this payload) came from."""


class PrefixSource(Source):
    """The event itself (prefix ``""``) or a part of it found at known event paths."""

    __slots__ = ("prefixes",)

    def __init__(self, value: Any, prefixes: tuple[str, ...] = ("",)) -> None:
        super().__init__(value)
        self.prefixes = prefixes

    def origins(self, segments: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(_join(p, segments) for p in self.prefixes)


class ProvenanceSource(Source):
    """The output of a nested transform, mapped back through that transform's provenance."""

    __slots__ = ("provenance",)

    def __init__(self, value: Any, provenance: dict[str, tuple[Origin, ...]]) -> None:
        super().__init__(value)
        self.provenance = provenance

    def origins(self, segments: tuple[str, ...]) -> tuple[str, ...]:
        for cut in range(len(segments), -1, -1):
            found = self.provenance.get(".".join(segments[:cut]))
            if found:
                return tuple(_join(o.event_path, segments[cut:]) for o in found)
        return ()


class Recorder:
    """Collects origins per output location while a mapping resolves."""

    __slots__ = ("entries",)

    def __init__(self) -> None:
        self.entries: dict[Loc, list[Origin]] = {}

    def add(self, loc: Loc, origin: Origin) -> None:
        self.entries.setdefault(loc, []).append(origin)


class Scope:
    """Everything a directive needs besides its option: see the module docstring."""

    __slots__ = ("source", "loc", "mloc", "tag", "recorder", "resolver")

    def __init__(
        self,
        source: Source,
        resolver: Callable[[Any, Scope], Any],
        recorder: Recorder | None,
        loc: Loc = (),
        mloc: Loc = (),
        tag: str | None = None,
    ) -> None:
        self.source = source
        self.resolver = resolver
        self.recorder = recorder
        self.loc = loc
        self.mloc = mloc
        self.tag = tag

    def enter(self, name: str) -> Scope:
        """The scope inside directive ``name`` at the same output location."""
        mloc = (*self.mloc, name)
        return Scope(self.source, self.resolver, self.recorder, self.loc, mloc, self.tag or name)

    def child(self, key: str) -> Scope:
        """The scope of a nested output key."""
        return Scope(
            self.source, self.resolver, self.recorder, (*self.loc, key), (*self.mloc, key), None
        )

    def with_source(self, source: Source, loc: Loc, mkey: str, tag: str | None = None) -> Scope:
        """The scope for reading from another payload (an array item, a transform output)."""
        return Scope(source, self.resolver, self.recorder, loc, (*self.mloc, mkey), tag)

    def resolve(self, node: Any, *mkeys: str) -> Any:
        """Resolve ``node`` (an option of the current directive) at the same output location."""
        scope = self
        if mkeys:
            scope = Scope(
                self.source, self.resolver, self.recorder, self.loc, (*self.mloc, *mkeys), self.tag
            )
        return self.resolver(node, scope)

    def lookup(self, path: str) -> Any:
        """Read ``path`` from the current payload and record where it came from."""
        if self.recorder is not None:
            segments = split_path(path) or ()
            for event_path in self.source.origins(segments):
                self.recorder.add(self.loc, Origin(event_path, self.tag or "@path"))
        value = get_path(self.source.value, path)
        if isinstance(value, BUILTIN_VALUES):
            BUILTINS_SEEN.seen = True
        return value

    def record(self, loc: Loc, origin: Origin) -> None:
        if self.recorder is not None:
            self.recorder.add(loc, origin)

    def mark(self) -> int:
        """How many origins are recorded at this location (see :meth:`since`)."""
        if self.recorder is None:
            return 0
        return len(self.recorder.entries.get(self.loc, ()))

    def since(self, mark: int) -> list[Origin]:
        """Origins recorded at this location after :meth:`mark` returned ``mark``."""
        if self.recorder is None:
            return []
        return self.recorder.entries.get(self.loc, [])[mark:]

    def error(self, message: str) -> MappingError:
        return MappingError(message, ".".join(self.mloc))
