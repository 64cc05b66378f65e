"""The event record: one Segment event, where it came from, and its table columns."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from typing import Any

import orjson

from inspector.core import _jsjson

__all__ = ["EventSource", "EventRecord", "SEGMENT_TYPES", "summarize", "json_bytes", "json_value"]

SEGMENT_TYPES = ("track", "identify", "page", "screen", "group", "alias")


def json_bytes(value: Any) -> bytes:
    """Compact JSON as a right-sized bytes object, for values that are kept.

    ``orjson.dumps`` returns bytes that hold on to a 4 KB buffer whatever their length; a
    million kept results would waste gigabytes, so anything stored goes through a copy.
    """
    try:
        return bytes(memoryview(orjson.dumps(value)))
    except orjson.JSONEncodeError:  # lone surrogates, deep nesting: JavaScript still writes them
        return _jsjson.dumps(value)


def json_value(data: bytes) -> Any:
    """The value of bytes :func:`json_bytes` wrote (lone surrogate escapes included)."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:  # lone surrogate escapes, which JSON.parse keeps
        return _jsjson.loads(data)


@dataclass(slots=True, unsafe_hash=True)  # never changed once made; not frozen: made per event
class EventSource:
    """Where an event came from.

    ``kind`` is ``file`` (``line`` set), ``har`` (``entry`` set, 1-based), ``paste``,
    ``capture`` (a request to the local capture endpoint) or ``edit``.
    ``item`` is the 1-based position inside a batch body, when the event came from one.
    """

    kind: str
    path: str = ""
    line: int | None = None
    entry: int | None = None
    item: int | None = None

    @property
    def label(self) -> str:
        """``file:line``, ``file#entry N`` or the kind, plus ``[k]`` for a batch item."""
        name = self.path or self.kind
        if self.entry is not None:
            text = f"{name}#entry {self.entry}"
        elif self.line is not None:
            text = f"{name}:{self.line}"
        else:
            text = name
        return f"{text}[{self.item}]" if self.item is not None else text

    @property
    def short_label(self) -> str:
        """The label with the file's directory left out (for narrow table columns)."""
        if not self.path:
            return self.label
        return self.label.replace(self.path, self.path.replace("\\", "/").rsplit("/", 1)[-1], 1)

    @property
    def display_label(self) -> str:
        """What the window shows: the short label, but a captured event names its request
        (``capture #3 /v1/batch [2]``: request 3, second item of its batch)."""
        if self.kind != "capture" or self.entry is None:
            return self.short_label
        text = f"capture #{self.entry} {self.path}".rstrip()
        return f"{text} [{self.item}]" if self.item is not None else text

    def __str__(self) -> str:
        return self.label


@dataclass(slots=True)
class EventRecord:
    """One loaded event, stored compactly as JSON bytes and decoded on demand.

    Keeping the bytes (not the dict) is what lets a million events fit in about the size of
    the file; ``data`` decodes a fresh dict each call so callers may mutate it freely.
    """

    raw: bytes
    source: EventSource
    write_key: str | None = None
    type: str = ""
    name: str = ""
    user: str = ""
    warnings: tuple[str, ...] = field(default=())

    @classmethod
    def from_dict(
        cls,
        data: dict[str, Any],
        source: EventSource,
        *,
        write_key: str | None = None,
        warnings: tuple[str, ...] = (),
        raw: bytes | None = None,
    ) -> EventRecord:
        etype, name, user = _columns(data)
        return cls(
            raw if raw is not None else json_bytes(data),
            source,
            write_key,
            # repeated values (types, event names, users) share one string object
            sys.intern(etype),
            sys.intern(name),
            sys.intern(user),
            warnings,
        )

    @property
    def data(self) -> dict[str, Any]:
        value: dict[str, Any] = json_value(self.raw)
        return value

    # Rarely shown, unique per event: decoded on demand rather than kept for every record.
    @property
    def timestamp(self) -> str:
        return summarize(self.data)["timestamp"]

    @property
    def message_id(self) -> str:
        return _text(self.data.get("messageId"))


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else _jsjson.dumps(value).decode()


def _columns(data: dict[str, Any]) -> tuple[str, str, str]:
    """The kept table columns of an event: type, event/name, user."""
    etype = _text(data.get("type"))
    name = data.get("event") if etype == "track" else data.get("name")
    if name is None and etype != "track":
        if etype == "group":
            name = data.get("groupId")
        elif etype == "alias":
            name = data.get("previousId")
        elif etype == "identify" and isinstance(data.get("traits"), dict):
            name = data["traits"].get("email") or data["traits"].get("name")
    return etype, _text(name), _text(data.get("userId") or data.get("anonymousId"))


def summarize(data: dict[str, Any]) -> dict[str, str]:
    """The table columns of an event: type, event/name, user, timestamp, messageId."""
    etype, name, user = _columns(data)
    # Segment sets a missing timestamp from the arrival time (captured events carry receivedAt)
    stamp = (
        data.get("timestamp")
        or data.get("originalTimestamp")
        or data.get("sentAt")
        or data.get("receivedAt")
    )
    return {
        "type": etype,
        "name": name,
        "user": user,
        "timestamp": _text(stamp),
        "message_id": _text(data.get("messageId")),
    }
