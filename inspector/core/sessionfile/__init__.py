"""Session files: a session's events, edits, config and window state in one SQLite database.

``write_session`` saves a whole session atomically; ``AttachedSession`` keeps a file up to date
as events arrive and edits are made; ``read_session`` reads one back (read-only) and
``iter_session`` streams its events for the loaders. ``SessionDocument`` keeps the open
session attached to a file (its own once saved, an autosave until then) through a
``SessionRecorder`` that writes from its own thread. ``autosave`` keeps unsaved sessions in
the user data directory and finds those a crashed process left behind.
"""

from __future__ import annotations

from inspector.core.sessionfile._attached import AttachedSession
from inspector.core.sessionfile._autosave import (
    DATA_DIR_ENV,
    Autosave,
    Orphan,
    autosave_dir,
    data_dir,
    discard_orphan,
    find_orphans,
)
from inspector.core.sessionfile._content import (
    EditEntry,
    RequestsSummary,
    SessionContent,
    SessionData,
    config_without_secrets,
)
from inspector.core.sessionfile._document import SessionDocument
from inspector.core.sessionfile._keeper import SessionKeeper
from inspector.core.sessionfile._open import is_sqlite_file, open_for_reading
from inspector.core.sessionfile._read import iter_session, read_meta, read_session
from inspector.core.sessionfile._recorder import SessionRecorder
from inspector.core.sessionfile._schema import (
    APPLICATION_ID,
    FORMAT_VERSION,
    SCHEMA,
    EventRow,
    connect,
    create_schema,
    insert_events,
)
from inspector.core.sessionfile._write import write_session

__all__ = [
    "APPLICATION_ID",
    "FORMAT_VERSION",
    "SCHEMA",
    "SUFFIX",
    "AttachedSession",
    "Autosave",
    "DATA_DIR_ENV",
    "Orphan",
    "autosave_dir",
    "data_dir",
    "discard_orphan",
    "find_orphans",
    "EditEntry",
    "EventRow",
    "RequestsSummary",
    "SessionContent",
    "SessionData",
    "SessionDocument",
    "SessionKeeper",
    "SessionRecorder",
    "config_without_secrets",
    "connect",
    "create_schema",
    "insert_events",
    "is_sqlite_file",
    "iter_session",
    "open_for_reading",
    "read_meta",
    "read_session",
    "write_session",
]

SUFFIX = ".jimo-session"
