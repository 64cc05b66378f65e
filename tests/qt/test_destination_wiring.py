"""The Destination tab drives the window: edit a trigger, see the matrix and verdicts change."""

from __future__ import annotations

import shlex

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from inspector.core.destinations import DestinationConfig
from inspector.core.evaluation import Verdict
from inspector.qt.main_window import MainWindow
from tests.qt.conftest import settle


def _retype(qtbot, edit, text: str) -> None:  # type: ignore[no-untyped-def]
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def test_editing_a_trigger_updates_the_coverage_matrix(
    demo_window: MainWindow, qtbot, run_until
) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    sign_ups = 4  # "Sign-ups": type = "track" and event = "Signed Up"
    assert window.coverage.model.totals(sign_ups)[Verdict.DELIVERED] == 1
    window.tabs.setCurrentWidget(window.destination)
    window.destination.select_subscription(sign_ups)
    edit = window.destination.panel.trigger.text_edit
    _retype(qtbot, edit, 'type = "track" and contains(event, "igned")')
    with qtbot.waitSignal(window.destination.config_changed, timeout=3000):
        pass
    settle(window, run_until)
    # "Signed Up", "signed up" and "Signed Up " (trailing space) now all match
    assert window.workbench.config.subscriptions[sign_ups].trigger.startswith(
        'type = "track" and contains'
    )
    assert window.coverage.model.totals(sign_ups)[Verdict.DELIVERED] == 3
    header = window.coverage.model.headerData(3 + sign_ups, Qt.Orientation.Horizontal)
    assert "3 ✓" in header


def test_fixing_a_broken_trigger_clears_its_errors(
    demo_window: MainWindow, qtbot, run_until
) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    onboarding = 5  # its trigger has an unclosed "("
    assert window.coverage.model.totals(onboarding)[Verdict.TRIGGER_ERROR] == 58
    window.destination.select_subscription(onboarding)
    _retype(
        qtbot,
        window.destination.panel.trigger.text_edit,
        'type = "track" and event = "Onboarding Step Completed"',
    )
    with qtbot.waitSignal(window.destination.config_changed, timeout=3000):
        pass
    settle(window, run_until)
    totals = window.coverage.model.totals(onboarding)
    assert totals[Verdict.TRIGGER_ERROR] == 0
    assert totals[Verdict.DELIVERED] == 4  # three for ana, one for sam
    window.select_row(6)
    model = window.mappings.model
    assert model.index(onboarding, 0).data() == "✓ matched"


def test_config_import_and_export_round_trip(demo_window: MainWindow, run_until, tmp_path) -> None:  # type: ignore[no-untyped-def]
    window = demo_window
    path = tmp_path / "config.json"
    assert window.config.export_config(str(path))
    assert '"Big orders"' in path.read_text()
    path.write_text(
        '{"destination": "actions-jimo", "settings": {"projectId": "p1"}, "subscriptions": ['
        '{"name": "Only identifies", "actionSlug": "sendUserData",'
        ' "trigger": "type = \\"identify\\"", "settings": {"userId": {"@path": "$.userId"}}}]}'
    )
    assert window.config.import_config(str(path))  # the Public API shape: mapping under "settings"
    settle(window, run_until)
    assert [s.name for s in window.workbench.config.subscriptions] == ["Only identifies"]
    assert window.coverage.model.columnCount() == 4
    path.write_text('{"destination": "actions-jimo", "subscriptions": 3}')
    assert not window.config.import_config(str(path))
    assert "subscriptions" in window.message_bar.label.text()


def test_cloud_mode_shows_the_request_and_copies_it_as_curl(
    demo_window: MainWindow,
    run_until,  # type: ignore[no-untyped-def]
) -> None:
    window = demo_window
    cloud = DestinationConfig.from_json(
        {"destination": "actions-jimo-cloud", "settings": {"apiKey": "sk_live_0123456789wxyz"}}
    )
    window.load_config(cloud)
    settle(window, run_until)
    window.select_row(4)  # identify of ana.lopez
    assert window.mappings.tabs.tabText(2) == "Request"
    assert "Authorization: Bearer ****wxyz" in window.mappings.jimo.toPlainText()
    assert "sk_live" not in window.mappings.jimo.toPlainText()
    assert not window.mappings.curl_button.isHidden()
    window.mappings.curl_button.click()
    words = shlex.split(QGuiApplication.clipboard().text().replace("\\\n", " "))
    assert words[:3] == ["curl", "-X", "POST"]
    body = words[words.index("--data-raw") + 1]
    assert '"userId":"usr_8f2k1m"' in body and '"email":"ana.lopez@acme.io"' in body


def test_switching_to_cloud_while_a_message_shows_repaints_the_explanation(
    demo_window: MainWindow, qtbot, run_until
) -> None:  # type: ignore[no-untyped-def]
    # The message bar changes the panes' heights while the clause tree is rebuilt for the new
    # config; the tree used to paint rows of its old contents and crash the process.
    window = demo_window
    window.show()
    window.message_bar.show_message("Something worth knowing.")
    window.load_config(
        DestinationConfig.from_json(
            {"destination": "actions-jimo-cloud", "settings": {"apiKey": "sk_live_0123456789ab"}}
        )
    )
    settle(window, run_until)
    qtbot.wait(200)  # paint events after the layout
    assert window.workbench.config.destination == "actions-jimo-cloud"
    assert not window.grab().isNull()
