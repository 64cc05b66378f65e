"""The restore offer: unsaved sessions of a window that did not quit, restored or discarded."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

from inspector.core.events import EventRecord, EventSource
from inspector.core.sessionfile import SessionContent, find_orphans, write_session
from inspector.qt.restore_dialog import RestoreDialog
from tests.factories import make_event


def _orphan_file(folder: Path, name: str, events: int, title: str) -> Path:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait(timeout=30)
    records = [
        EventRecord.from_dict(make_event(event=f"E{n}"), EventSource("paste"))
        for n in range(events)
    ]
    path = folder / f"autosave-{dead.pid}-{name}.jimo-session"
    meta = {"owner_pid": str(dead.pid), "title": title, "autosaved_at": "1800000000.0"}
    write_session(path, SessionContent(records), meta=meta)
    return path


def test_restore_lists_each_session_and_returns_the_selected_one(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _orphan_file(tmp_path, "a", 3, "checkout.har")
    (tmp_path / "autosave-999999999-broken.jimo-session").write_bytes(b"SQLite format 3\x00")
    dialog = RestoreDialog(find_orphans(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
    assert any(t.startswith("checkout.har: 3 events, autosaved ") for t in texts)
    assert any("cannot be restored" in t and "truncated" in t for t in texts)

    broken = next(i for i, t in enumerate(texts) if "cannot be restored" in t)
    dialog.list.setCurrentRow(broken)
    assert not dialog.restore_button.isEnabled()  # a damaged one can only be discarded
    qtbot.mouseClick(dialog.discard_button, Qt.MouseButton.LeftButton)
    assert dialog.list.count() == 1 and len(find_orphans(tmp_path)) == 1

    dialog.list.setCurrentRow(0)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == RestoreDialog.DialogCode.Accepted
    assert dialog.chosen is not None and dialog.chosen.events == 3


def test_not_now_keeps_every_session_for_the_next_start(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _orphan_file(tmp_path, "a", 1, "")
    dialog = RestoreDialog(find_orphans(tmp_path))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.list.item(0).text().startswith("Untitled session: 1 event, autosaved ")
    later = next(
        b for b in dialog.findChildren(type(dialog.restore_button)) if b.text() == "Not now"
    )
    qtbot.mouseClick(later, Qt.MouseButton.LeftButton)
    assert dialog.result() == RestoreDialog.DialogCode.Rejected and dialog.chosen is None
    assert len(find_orphans(tmp_path)) == 1
