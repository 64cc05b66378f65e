# ruff: noqa: E402 - the imports follow the sys.path fix-up below
"""Session files at scale: save and open a 1,000,000-event session (~1 KB per event).

Prints seconds for: saving the whole session (write_session: temp file + rename), opening it
(read_session: every event, edits applied), streaming it (iter_session: the `inspect` path),
recording the events into an autosave as a load delivers them (SessionRecorder, 8,000-event
chunks, writer thread), appending 100 events to the attached file, and Save as of an attached
file (SQLite backup); plus the file's size against the same events as NDJSON. Usage:
python bench/session_file.py [EVENTS]
"""

from __future__ import annotations

import os
import sys

_BENCH = os.path.dirname(os.path.abspath(__file__))
if sys.path and os.path.abspath(sys.path[0]) == _BENCH:
    del sys.path[0]
sys.path.append(_BENCH)
sys.path.insert(0, os.path.dirname(_BENCH))

import tempfile
import time
from pathlib import Path

import orjson


def main() -> None:
    from _events import generate

    from inspector.core.destinations import default_config
    from inspector.core.events import EventRecord, EventSource
    from inspector.core.loaders import read_path
    from inspector.core.sessionfile import (
        AttachedSession,
        EditEntry,
        SessionContent,
        SessionRecorder,
        iter_session,
        read_session,
        write_session,
    )

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        ndjson = Path(tmp) / "events.ndjson"
        with ndjson.open("wb") as out:
            for event in generate(count):
                out.write(orjson.dumps(event) + b"\n")
        start = time.perf_counter()
        records = [r for r in read_path(ndjson) if isinstance(r, EventRecord)]
        print(f"{count:,} events, NDJSON {ndjson.stat().st_size / 1e6:.1f} MB, "
              f"loaded from NDJSON in {time.perf_counter() - start:.2f} s (for reference)")
        edits = [EditEntry(i, records[i].raw.replace(b'"usr_', b'"who_'), 1.0)
                 for i in range(0, count, max(1, count // 100))]
        content = SessionContent(records, edits=edits, config=default_config(),
                                 ui_state={"selection": 5, "filter": "", "tab": 0})
        session = Path(tmp) / "big.jimo-session"

        start = time.perf_counter()
        write_session(session, content)
        saved = time.perf_counter() - start
        size = session.stat().st_size
        print(f"save (write_session)      {saved:6.2f} s  {count / saved:>10,.0f} events/s  "
              f"file {size / 1e6:.1f} MB = {size / ndjson.stat().st_size:.2f} x NDJSON")
        del content
        autosave = Path(tmp) / "autosave.jimo-session"
        write_session(autosave, SessionContent([]))
        recorder = SessionRecorder(AttachedSession(autosave))
        start = time.perf_counter()
        queued = 0.0
        for first in range(0, count, 8000):
            mark = time.perf_counter()
            recorder.append(records[first : first + 8000])
            queued += time.perf_counter() - mark
        recorder.close()
        elapsed = time.perf_counter() - start
        print(f"record as loaded          {elapsed:6.2f} s  {count / elapsed:>10,.0f} events/s  "
              f"(the loading thread spent {queued * 1e3:.0f} ms queueing)")
        autosave.unlink()
        del records

        start = time.perf_counter()
        data = read_session(session)
        opened = time.perf_counter() - start
        print(f"open (read_session)       {opened:6.2f} s  {count / opened:>10,.0f} events/s  "
              f"{len(data.records):,} events, {len(data.originals)} edited")
        del data

        start = time.perf_counter()
        streamed = sum(1 for _ in iter_session(session))
        elapsed = time.perf_counter() - start
        print(f"stream (iter_session)     {elapsed:6.2f} s  {streamed / elapsed:>10,.0f} events/s")

        more = [EventRecord.from_dict(e, EventSource("capture")) for e in generate(100, seed=2)]
        start = time.perf_counter()
        attached = AttachedSession(session)
        attach = time.perf_counter() - start
        start = time.perf_counter()
        attached.append(more)
        append = time.perf_counter() - start
        start = time.perf_counter()
        attached.record_edit(0, more[0])
        edit = time.perf_counter() - start
        copy = Path(tmp) / "copy.jimo-session"
        start = time.perf_counter()
        attached.copy_to(copy)
        copied = time.perf_counter() - start
        attached.close()
        print(f"attach {attach * 1e3:.0f} ms; append 100 events {append * 1e3:.1f} ms; "
              f"one edit {edit * 1e3:.1f} ms (durable: synchronous=FULL); "
              f"save as (backup) {copied:.2f} s")


if __name__ == "__main__":
    main()
