"""A capture server on a free loopback port with a fresh session file, and what it handed on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest

from inspector.core.capture import CaptureServer, CaptureSettings
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord


@dataclass
class Capture:
    server: CaptureServer = field(init=False)
    client: httpx.Client = field(init=False)
    records: list[EventRecord] = field(default_factory=list)
    bad: list[BadRecord] = field(default_factory=list)
    storage_errors: list[str] = field(default_factory=list)

    def sink(self, records: Sequence[EventRecord], bad: Sequence[BadRecord]) -> None:
        self.records.extend(records)
        self.bad.extend(bad)

    def rows(self, sql: str) -> list[tuple[object, ...]]:
        """Read the session file through a connection of its own (what is really committed)."""
        conn = sqlite3.connect(self.server.session_path)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()

    def stored(self) -> list[dict[str, object]]:
        import orjson

        return [orjson.loads(raw) for (raw,) in self.rows("SELECT raw FROM events ORDER BY seq")]


def start_capture(tmp_path: Path, **settings: object) -> Capture:
    capture = Capture()
    capture.server = CaptureServer(
        CaptureSettings(port=0, session=str(tmp_path / "c.jimo-session"), **settings),  # type: ignore[arg-type]
        sink=capture.sink,
        on_storage_error=capture.storage_errors.append,
    )
    capture.client = httpx.Client(base_url=capture.server.start(), timeout=10)
    return capture


@pytest.fixture
def capture(tmp_path: Path) -> Iterator[Capture]:
    cap = start_capture(tmp_path)
    yield cap
    cap.client.close()
    cap.server.stop()
