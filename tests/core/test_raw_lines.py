"""Reading a skipped record back from its file, with its error column."""

from __future__ import annotations

import gzip
from pathlib import Path

from inspector.core.events import EventSource
from inspector.core.loaders import BadRecord, read_path
from inspector.core.raw_lines import raw_record


def test_a_broken_line_is_read_back_with_its_error_column(tmp_path: Path) -> None:
    lines = b'{"type":"track","event":"A"}\n{"type": "track", "event": oops}\n'
    for name, data in (("a.ndjson", lines), ("a.ndjson.gz", gzip.compress(lines))):
        path = tmp_path / name
        path.write_bytes(data)
        [bad] = [r for r in read_path(str(path)) if isinstance(r, BadRecord)]
        raw = raw_record(bad)
        assert raw is not None
        assert raw.text == '{"type": "track", "event": oops}'
        assert raw.column is not None and raw.text[raw.column] == "o"


def test_records_with_no_line_to_read_give_none(tmp_path: Path) -> None:
    assert raw_record(BadRecord(EventSource("paste"), "broken")) is None
    gone = EventSource("file", str(tmp_path / "gone.ndjson"), line=1)
    assert raw_record(BadRecord(gone, "broken")) is None
