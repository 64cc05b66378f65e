"""Events appended to an open session (as a capture would) reach every view incrementally."""

from __future__ import annotations

import threading

from inspector.core.events import EventRecord
from inspector.core.loaders import read_bytes
from inspector.qt.main_window import MainWindow
from tests.qt.conftest import settle


def _events(*names: str) -> list[EventRecord]:
    """Tracks named ``names``; a name starting with "alias" makes an alias (no mapping takes it)."""
    lines = "\n".join(
        f'{{"type": "{"alias" if n.startswith("alias") else "track"}", "event": "{n}", '
        f'"userId": "u1", "previousId": "p1", "messageId": "live-{n}"}}'
        for n in names
    )
    items = read_bytes(lines.encode(), "capture")
    return [i for i in items if isinstance(i, EventRecord)]


def test_appends_from_another_thread_extend_the_views(demo_window: MainWindow, run_until) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    before = window.workbench.evaluation
    assert before is not None
    timeline_rows = window.timeline.model.rowCount()
    window.timeline.table.selectRow(1)
    sender = threading.Thread(
        target=lambda: window.workbench.append_threadsafe(_events("Signed Up", "alias"))
    )
    sender.start()
    sender.join()
    run_until(lambda: window.model.rowCount() == 60)
    settle(window, run_until)
    after = window.workbench.evaluation
    assert after is not None and after.extends(before) and len(after.verdicts) == 60
    assert window.model.chips(58) and not window.model.chips(59)
    assert window.coverage.model.evaluated_rows() == 60
    assert window.timeline.model.rowCount() >= timeline_rows
    assert window.timeline.table.currentIndex().row() == 1  # not reset under the user
    assert window.counts_label.text().startswith("60 events")


def test_an_appended_event_that_matches_nothing_joins_the_unmatched_filter(
    demo_window: MainWindow, run_until
) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    window.events.unmatched_check.setChecked(True)
    shown = window.events.visible_rows()
    window.workbench.append(_events("alias me"))
    settle(window, run_until)
    assert window.events.visible_rows() == shown + 1
