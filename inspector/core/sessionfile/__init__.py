"""Session files: a session's events, edits, config and window state in one SQLite database."""

from __future__ import annotations

from inspector.core.sessionfile._schema import (
    APPLICATION_ID,
    FORMAT_VERSION,
    SCHEMA,
    EventRow,
    connect,
    create_schema,
    insert_events,
)

__all__ = [
    "APPLICATION_ID",
    "FORMAT_VERSION",
    "SCHEMA",
    "EventRow",
    "connect",
    "create_schema",
    "insert_events",
]
