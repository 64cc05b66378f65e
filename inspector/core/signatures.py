"""The first bytes that tell a session file or a zip apart, checked without loading their code."""

from __future__ import annotations

import os

__all__ = ["SQLITE_MAGIC", "ZIP_MAGIC", "starts_with"]

SQLITE_MAGIC = b"SQLite format 3\x00"
"""How every SQLite database (a session file among them) starts."""
ZIP_MAGIC = b"PK\x03\x04"
"""How a zip (a repro bundle among them) starts."""


def starts_with(path: str | os.PathLike[str], magic: bytes) -> bool:
    """Whether the file starts with ``magic``; False when it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read(len(magic)) == magic
    except OSError:
        return False
