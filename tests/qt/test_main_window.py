"""The main window loading files: drop, progress, skipped records, cancel."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from inspector.qt.main_window import MainWindow
from inspector.resources import DEMO_HAR, DEMO_SESSION
from tests.factories import make_event
from tests.qt.conftest import settle


def _drop(window: MainWindow, *paths: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(window.width() / 2, window.height() / 2)
    buttons, mods = Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier
    try:  # Qt 6.12 takes a QPointF (and deprecates QPoint); earlier versions take a QPoint
        enter = QDragEnterEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods)
    except TypeError:
        enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime, buttons, mods)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(window, QDropEvent(pos, Qt.DropAction.CopyAction, mime, buttons, mods))


def test_dropping_a_har_shows_its_events_with_sources(window: MainWindow, run_until) -> None:  # type: ignore[no-untyped-def]
    _drop(window, DEMO_HAR)
    run_until(lambda: window.model.rowCount() == 8 and not window.workbench.loading)
    sources = [window.model.index(r, 6).data() for r in range(8)]
    assert sources[0].endswith("checkout.har#entry 3")
    assert sources[4].endswith("checkout.har#entry 9[1]")
    assert window.counts_label.text().startswith("8 events")
    # the first loaded event is selected and its JSON shown
    assert json.loads(window.event_editor.editor.toPlainText())["name"] == "Cart"


def test_demo_session_reports_skipped_lines_in_their_dock(window: MainWindow, run_until) -> None:  # type: ignore[no-untyped-def]
    window.open_files([str(DEMO_SESSION)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() > 0)
    assert window.model.rowCount() == 58
    assert window.bottom_tabs.tabText(1) == "Skipped records (3)"
    skipped = [window.skipped_list.item(i).text() for i in range(window.skipped_list.count())]
    assert [s.split("session.ndjson")[1] for s in skipped] == [
        ":18: invalid JSON: unexpected end of data (column 124)",
        ":34: expected an event object, found null",
        skipped[2].split("session.ndjson")[1],
    ]
    assert "over Segment's 32 KB limit" in skipped[2]
    assert window.counts_label.text().startswith("58 events · 3 skipped")


def test_selecting_rows_with_the_keyboard_shows_each_event(
    window: MainWindow, run_until, qtbot
) -> None:  # type: ignore[no-untyped-def]
    window.open_files([str(DEMO_HAR)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 8)
    window.events.table.setFocus()
    qtbot.keyClick(window.events.table, Qt.Key.Key_Down)
    assert json.loads(window.event_editor.editor.toPlainText())["event"] == "Checkout Started"
    assert "checkout.har#entry 5" in window.event_editor.title.text()


def test_a_file_that_is_not_events_shows_one_message(
    window: MainWindow, run_until, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    image = tmp_path / "photo.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    window.open_files([str(image)])
    run_until(lambda: not window.workbench.loading)
    assert window.message_bar.isVisible()
    assert "this is a PNG image, not an event file" in window.message_bar.label.text()
    assert window.model.rowCount() == 0


def test_cancel_stops_loading_and_keeps_what_arrived(
    window: MainWindow, run_until, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    big = tmp_path / "big.ndjson"
    line = json.dumps(make_event(properties={"pad": "x" * 800}))
    big.write_text("\n".join([line] * 300_000))
    window.open_files([str(DEMO_HAR)])  # the first paint loads fonts; get it out of the way
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 8)
    window.open_files([str(big)])
    run_until(lambda: window.model.rowCount() > 8)
    assert window.progress.isVisible()
    window.progress.cancel_button.click()
    run_until(lambda: not window.workbench.loading)
    assert 8 < window.model.rowCount() < 300_008
    assert not window.progress.isVisible()
    assert window.counts_label.text().endswith("loading cancelled")


def test_pasting_a_batch_adds_its_events(window: MainWindow) -> None:
    body = json.dumps({"batch": [make_event(event="From clipboard"), make_event("identify")]})
    assert window.paste_events(body) == 2
    assert window.model.index(0, 3).data() == "From clipboard"
    assert window.model.index(1, 6).data() == "clipboard:1[2]"
    assert window.paste_events("not json at all") == 0
    assert "not an event file" in window.message_bar.label.text()


def test_a_retried_event_is_flagged_as_a_duplicate(
    window: MainWindow,
    run_until,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    path = tmp_path / "retries.ndjson"
    first = make_event(event="Checkout Started", messageId="ajs-next-1-abc")
    path.write_text("\n".join(json.dumps(e) for e in (first, make_event(), first)) + "\n")
    window.open_files([str(path)])
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 3)
    settle(window, run_until)
    assert window.model.index(2, 3).data() == "⚠ Checkout Started"
    tip = window.model.index(2, 3).data(Qt.ItemDataRole.ToolTipRole)
    assert "same messageId as event 1" in tip
    window.select_row(2)
    assert "same messageId as event 1" in window.event_editor.title.text()
    assert window.model.index(0, 3).data() == "Checkout Started"


def test_closing_all_events_during_a_load_keeps_nothing_from_it(
    window: MainWindow,
    run_until,  # type: ignore[no-untyped-def]
    tmp_path: Path,
) -> None:
    big = tmp_path / "big.ndjson"
    big.write_text("\n".join([json.dumps(make_event(properties={"pad": "x" * 500}))] * 200_000))
    window.open_files([str(DEMO_HAR)])  # the first paint loads fonts; get it out of the way
    run_until(lambda: not window.workbench.loading and window.model.rowCount() == 8)
    window.open_files([str(big)])
    run_until(lambda: window.model.rowCount() > 8)
    window.clear_events()
    run_until(lambda: not window.workbench.loading)
    settle(window, run_until)
    assert window.model.rowCount() == 0
    assert window.workbench.evaluation is None or not window.workbench.evaluation.verdicts


def test_recent_files_hold_each_file_once(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch,  # type: ignore[no-untyped-def]
) -> None:
    from inspector.qt.menus import recent_files, remember_recent

    path = tmp_path / "events.ndjson"
    monkeypatch.chdir(tmp_path)
    remember_recent(window.settings, [str(path)])
    remember_recent(window.settings, ["events.ndjson"])  # the same file, named relatively
    assert recent_files(window.settings) == [str(path)]
