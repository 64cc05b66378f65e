"""Snapshots of inspection results for CI: a stable, diff-friendly file and the check against it.

The file is JSON: ``{"format": "jimo-inspector-snapshot", "version": 1, "events": [...]}``
with keys sorted, two-space indents and one block per event, so a review tool shows a mapping
change as a few changed lines. Each event is ``{"index", "messageId", "type", "source",
"results", "hazards"}``: ``results`` as ``inspect`` prints them (a subscription whose trigger
did not match keeps only its name, action, ``enabled`` and ``matched``), ``source`` without its
directory, and nothing about the run itself (no times, no paths), so the same events and config
always write the same bytes.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from inspector.core.diff import Change, describe, diff_lines, inspection_line
from inspector.core.errors import InspectorError
from inspector.core.events import EventRecord
from inspector.core.inspection import EventInspection

__all__ = [
    "SNAPSHOT_FORMAT",
    "SnapshotError",
    "SnapshotDifference",
    "snapshot_event",
    "write_snapshot",
    "read_snapshot",
    "compare_snapshot",
]

SNAPSHOT_FORMAT = "jimo-inspector-snapshot"
_VERSION = 1
_UNMATCHED_KEYS = ("subscription", "action", "enabled", "matched")


class SnapshotError(InspectorError):
    """A snapshot file cannot be read or is not a snapshot."""


@dataclass(frozen=True, slots=True)
class SnapshotDifference:
    """One change of one event against the snapshot (``change`` None: the event itself)."""

    index: int
    message_id: str | None
    change: Change | None
    note: str = ""

    def __str__(self) -> str:
        head = f"event {self.index}" + (f" ({self.message_id})" if self.message_id else "")
        if self.change is None:
            return f"{head}: {self.note}"
        subscription = f" · {self.change.subscription}" if self.change.subscription else ""
        return f"{head}{subscription} · {describe(self.change)}"


def snapshot_event(inspection: EventInspection) -> dict[str, Any]:
    """One event's block: its identity, every result and the hazards it revealed."""
    line = inspection_line(inspection)
    line["results"] = [_compact(r) for r in line["results"]]
    record = inspection.record_or_event
    line["source"] = record.source.short_label if isinstance(record, EventRecord) else None
    return line


def _compact(result: dict[str, Any]) -> dict[str, Any]:
    """A result whose trigger did not match keeps only who it is (its other keys are empty)."""
    if result["matched"] or result["trigger_error"]:
        return result
    return {k: result[k] for k in _UNMATCHED_KEYS}


def write_snapshot(inspections: Iterable[EventInspection], path: str | Path) -> int:
    """Write the snapshot (atomically: a crash leaves the old file); returns the event count."""
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".snapshot-", dir=target.parent or ".")
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot write the snapshot ({exc.strerror or exc})") from exc
    count = 0
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(f'{{\n  "format": "{SNAPSHOT_FORMAT}",\n  "version": {_VERSION},\n')
            out.write('  "events": [')
            for count, inspection in enumerate(inspections, start=1):
                block = json.dumps(snapshot_event(inspection), indent=2, sort_keys=True)
                out.write(("," if count > 1 else "") + "\n    " + block.replace("\n", "\n    "))
            out.write("\n  ]\n}\n" if count else "]\n}\n")
        os.chmod(tmp, _file_mode(target))
        os.replace(tmp, target)
    except OSError as exc:
        os.unlink(tmp)
        raise SnapshotError(f"{path}: cannot write the snapshot ({exc.strerror or exc})") from exc
    except BaseException:
        os.unlink(tmp)
        raise
    return count


def _file_mode(target: Path) -> int:
    """The mode a plain new file gets (``mkstemp`` makes 0600), or the existing file's."""
    try:
        return target.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def read_snapshot(path: str | Path) -> list[dict[str, Any]]:
    """The events of a snapshot file.

    Raises:
        SnapshotError: unreadable, not JSON, or not a snapshot of a version this app reads.
    """
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as exc:
        raise SnapshotError(f"{path}: {exc.strerror or exc}") from exc
    except ValueError as exc:
        raise SnapshotError(f"{path}: not a snapshot (invalid JSON: {exc})") from exc
    if not isinstance(data, dict) or data.get("format") != SNAPSHOT_FORMAT:
        raise SnapshotError(f"{path}: not a jimo-inspector snapshot")
    if data.get("version") != _VERSION or not isinstance(data.get("events"), list):
        raise SnapshotError(f"{path}: snapshot version {data.get('version')} is not supported")
    events: list[dict[str, Any]] = data["events"]
    return events


def compare_snapshot(
    expected: list[dict[str, Any]], actual: Iterable[dict[str, Any]]
) -> Iterator[SnapshotDifference]:
    """Every difference, event by event in order; events are paired by position."""
    count = 0
    for count, line in enumerate(actual, start=1):
        index = count - 1
        if index >= len(expected):
            yield SnapshotDifference(index, line.get("messageId"), None, "not in the snapshot")
            continue
        old = expected[index]
        if old.get("messageId") != line.get("messageId"):
            note = f"a different event (messageId {old.get('messageId')} → {line.get('messageId')})"
            yield SnapshotDifference(index, line.get("messageId"), None, note)
        for change in diff_lines(old, line):
            yield SnapshotDifference(index, line.get("messageId"), change)
    for old in expected[count:]:
        yield SnapshotDifference(
            old.get("index", count), old.get("messageId"), None, "in the snapshot, not in the input"
        )
