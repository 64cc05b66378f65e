"""The raw text of a skipped record, read back from its file, and where its error is."""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from io import BufferedReader
from pathlib import Path

from inspector.core.loaders import BadRecord

__all__ = ["RawRecord", "raw_record", "MAX_RAW_CHARS"]

MAX_RAW_CHARS = 65_536
_COLUMN = re.compile(r"\(column (\d+)\)")
_GZIP_MAGIC = b"\x1f\x8b"


@dataclass(frozen=True, slots=True)
class RawRecord:
    """The record's line as text (cut at ``MAX_RAW_CHARS``) and the 0-based error column."""

    text: str
    column: int | None
    truncated: bool = False


def _open(path: Path) -> gzip.GzipFile | BufferedReader:
    with path.open("rb") as probe:
        magic = probe.read(2)
    return gzip.open(path, "rb") if magic == _GZIP_MAGIC else path.open("rb")


def raw_record(bad: BadRecord) -> RawRecord | None:
    """Read the skipped record's line back from its file; None when there is none to read.

    The error column comes from the reason ("… (column 28)"), 1-based there.
    """
    source = bad.source
    if source.kind != "file" or not source.path or source.line is None:
        return None
    try:
        with _open(Path(source.path)) as handle:
            line = next((text for n, text in enumerate(handle, 1) if n == source.line), None)
    except (OSError, EOFError, gzip.BadGzipFile):
        return None
    if line is None:
        return None
    text = line.rstrip(b"\r\n").decode("utf-8", "replace")
    found = _COLUMN.search(bad.reason)
    column = int(found.group(1)) - 1 if found else None
    truncated = len(text) > MAX_RAW_CHARS
    return RawRecord(text[:MAX_RAW_CHARS], column, truncated)
