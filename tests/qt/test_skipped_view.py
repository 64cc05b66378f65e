"""Skipped records: clicking one shows the record as it is in the file, its error marked."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from inspector.core.loaders import BadRecord, read_path
from inspector.qt.skipped_view import SkippedRecordsView


def test_clicking_a_skipped_record_shows_it_with_the_error_marked(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "events.ndjson"
    path.write_text('{"type":"track","event":"A"}\n{"type": "track", "event": oops}\n[1, 2]\n')
    bad = [r for r in read_path(str(path)) if isinstance(r, BadRecord)]
    view = SkippedRecordsView()
    qtbot.addWidget(view)
    view.resize(900, 300)
    view.show()
    view.add_records(bad)
    view.add_file_problem("empty.json", "the file is empty")
    assert view.count() == 3
    rect = view.list.visualItemRect(view.list.item(0))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.raw.toPlainText() == '{"type": "track", "event": oops}'
    assert view.marked_text() == "o"
    assert view.raw.textCursor().position() == view.raw.toPlainText().index("oops")
    assert "events.ndjson:2, column 28" in view.where.text()
    rect = view.list.visualItemRect(view.list.item(1))
    qtbot.mouseClick(view.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.raw.toPlainText() == "[1, 2]" and view.marked_text() == ""
    assert "found an array" in view.where.text()
