"""``DestinationEditor``: one destination config, edited through undoable, always-valid steps."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGroupBox,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from inspector.core.config_lint import duplicate_subscriptions
from inspector.core.destinations import (
    DestinationConfig,
    default_config,
    get_destination,
    load_config,
    preset_subscriptions,
    save_config,
)
from inspector.core.errors import ConfigError
from inspector.qt.destination_editor import _edits as edits
from inspector.qt.destination_editor._commands import ConfigCommand
from inspector.qt.destination_editor.settings_form import SettingsForm
from inspector.qt.destination_editor.subscription_list import SubscriptionList
from inspector.qt.destination_editor.subscription_panel import SubscriptionPanel
from inspector.qt.destination_editor.toolbar import EditorToolbar, undo_actions

__all__ = ["DestinationEditor", "DEBOUNCE_MS"]

DEBOUNCE_MS = 300
_JSON_FILTER = "Config JSON (*.json);;All files (*)"


class DestinationEditor(QWidget):
    """Settings, subscriptions, triggers and mappings of one Jimo destination.

    Every edit is a ``ConfigCommand`` on ``undo_stack``; an edit that would make the config
    invalid is not applied and says why inline instead.

    Signals:
        config_changed(DestinationConfig): after every edit that leaves the config valid
            (debounced by ``DEBOUNCE_MS`` while typing). Not emitted by ``set_config``.
        subscription_selected(int): the selected subscription's index (-1: none).
    """

    config_changed = Signal(object)
    subscription_selected = Signal(int)

    def __init__(self, config: DestinationConfig, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Destination editor")
        self.undo_stack = QUndoStack(self)
        self._config = self._emitted = config
        self._index = 0 if config.subscriptions else -1
        self._others: dict[str, DestinationConfig] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit_config)
        self.undo_action, self.redo_action = undo_actions(self.undo_stack, self)
        self.toolbar = EditorToolbar(self.undo_action, self.redo_action, self)
        self.settings = SettingsForm(self)
        self.subscriptions = SubscriptionList(self)
        self.panel = SubscriptionPanel(self)
        self._lay_out()
        self._wire()
        self._show()

    def _lay_out(self) -> None:
        # Long setting descriptions scroll rather than squash when the window is short.
        self._settings_scroll = scroll = _FittingScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(self.settings)
        settings_box = QGroupBox("Settings", self)
        QVBoxLayout(settings_box).addWidget(scroll)
        list_box = QGroupBox("Mappings", self)
        QVBoxLayout(list_box).addWidget(self.subscriptions)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(settings_box)
        column.addWidget(list_box, 1)
        self.splitter = QSplitter(self)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 600])
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.splitter, 1)
        self.setMinimumSize(720, 520)

    def _wire(self) -> None:
        tb, subs = self.toolbar, self.subscriptions
        tb.reset_button.clicked.connect(self.reset_to_presets)
        tb.import_button.clicked.connect(self._ask_import)
        tb.export_button.clicked.connect(self._ask_export)
        self.settings.destination_requested.connect(self.switch_destination)
        self.settings.setting_edited.connect(self._on_setting)
        subs.selected.connect(self.select_subscription)
        subs.add_requested.connect(lambda slug: self._list_edit(edits.add, slug))
        subs.duplicate_requested.connect(lambda row: self._list_edit(edits.duplicate, row))
        subs.remove_requested.connect(lambda row: self._list_edit(edits.remove, row))
        subs.move_requested.connect(lambda row, to: self._list_edit(edits.move, row, to))
        subs.toggle_requested.connect(lambda row, on: self._list_edit(edits.toggle, row, on))
        self.panel.edited.connect(self._on_subscription_edited)

    # -- public surface -------------------------------------------------------------------

    def config(self) -> DestinationConfig:
        """The current config (always valid)."""
        return self._config

    def set_config(self, config: DestinationConfig) -> None:
        """Replace the config (an import or the demo's, from the File menu).

        With unsaved edits this is an undoable edit, so nothing is silently thrown away;
        otherwise it starts a new undo history (see :meth:`reset_config`).
        """
        if not self.undo_stack.isClean() and self._edit(
            config, 0 if config.subscriptions else -1, "Replace the destination config"
        ):
            self.toolbar.say(
                "Replaced the destination config: Ctrl+Z brings back your edits.", "ok"
            )
            return
        self.reset_config(config)

    def reset_config(self, config: DestinationConfig) -> None:
        """Replace the config and clear the undo history (a session replacing the window's)."""
        self._timer.stop()
        self.undo_stack.clear()
        self._others.clear()
        self._config = self._emitted = config
        index, self._index = self._index, 0 if config.subscriptions else -1
        self.toolbar.say("")
        self._show()
        if index != self._index:
            self.subscription_selected.emit(self._index)

    def set_event(self, event: dict[str, Any] | None, row: int | None = None) -> None:
        """The event selected in the main window (``row``: its place in the session, named
        as the event list numbers it); the trigger editor explains against it."""
        self.panel.set_event(event, row)

    def select_subscription(self, index: int) -> None:
        """Select subscription ``index`` (out of range: none)."""
        if not 0 <= index < len(self._config.subscriptions):
            index = -1
        if index == self._index:
            return
        self._index = index
        self._show()
        self.subscription_selected.emit(index)

    def selected_index(self) -> int:
        return self._index

    def reset_to_presets(self) -> None:
        """Replace the subscriptions with the destination's presets (undoable)."""
        subs = preset_subscriptions(self._config.destination)
        config = replace(self._config, subscriptions=subs)
        if self._edit(config, 0 if subs else -1, "Reset to presets"):
            self.toolbar.say(f"Reset to presets: {_mappings(len(subs))}. Ctrl+Z undoes it.", "ok")

    def switch_destination(self, slug: str) -> None:
        """Switch to another destination; the one left is remembered until ``set_config``.

        When that replaces mappings, a question comes first (answered later: the switch
        happens when the user confirms, nothing when they cancel).
        """
        if slug == self._config.destination:
            return
        if not self._config.subscriptions:
            self._switch(slug)
            return
        box = self._switch_question(slug)
        box.finished.connect(
            lambda result: (
                self._switch(slug) if result == QMessageBox.StandardButton.Yes else self._show()
            )  # the drop-down goes back to the destination kept
        )
        box.open()

    def _switch(self, slug: str) -> None:
        if slug == self._config.destination:
            return
        self._others[self._config.destination] = self._config
        config = self._others.get(slug) or _fresh_config(slug)
        name = get_destination(slug).name
        self._edit(config, 0 if config.subscriptions else -1, f"Switch to {name}")

    def _switch_question(self, slug: str) -> QMessageBox:
        config = self._others.get(slug) or _fresh_config(slug)
        name, now = get_destination(slug).name, get_destination(self._config.destination).name
        box = QMessageBox(self)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(f"Switch to {name}")
        box.setText(
            f"Switching to {name} will replace the "
            f"{_mappings(len(self._config.subscriptions))} of {now} with "
            f"{name}'s {_mappings(len(config.subscriptions))} and settings."
        )
        box.setInformativeText(
            f"Undo (Ctrl+Z) or switching back to {now} brings them back while this config is open."
        )
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(f"Switch to {name}")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box

    def import_from(self, path: str | Path) -> bool:
        """Load a config file (also Segment's Public API shape); undoable. False on error."""
        try:
            config = load_config(path)
        except ConfigError as exc:
            self.toolbar.say(f"Could not import {Path(path).name}: {exc}", "error")
            return False
        self._edit(config, 0 if config.subscriptions else -1, f"Import {Path(path).name}")
        count = _mappings(len(config.subscriptions))
        self.toolbar.say(f"Imported {Path(path).name}: {count}.", "ok")
        return True

    def export_to(self, path: str | Path) -> bool:
        """Save the current config as JSON. False (and a message) when it cannot be written."""
        try:
            save_config(self._config, path)
        except OSError as exc:
            self.toolbar.say(f"Could not export to {path}: {exc.strerror or exc}", "error")
            return False
        self.undo_stack.setClean()  # the file now keeps these changes: quitting loses nothing
        self.toolbar.say(f"Exported to {path}.", "ok")
        return True

    # -- edits ----------------------------------------------------------------------------

    def _edit(
        self, config: DestinationConfig, index: int, text: str, merge_key: str | None = None
    ) -> bool:
        """Push an undoable edit to ``config``, or say why it cannot be applied."""
        problem = edits.problem(config)
        if problem:
            self.toolbar.say(problem, "error")
            return False
        if config == self._config and index == self._index:
            return False
        if merge_key is None:
            self.toolbar.say("")
        old = (self._config, self._index)
        self.undo_stack.push(ConfigCommand(self._apply, old, (config, index), text, merge_key))
        return True

    def _list_edit(self, edit: Callable[..., edits.Edit], *args: Any) -> None:
        try:
            config, index, text = edit(self._config, *args)
        except ConfigError as exc:
            self.toolbar.say(exc.message, "error")
            return
        self._edit(config, index, text)

    def _on_setting(self, key: str, value: object, typed: bool) -> None:
        config = edits.with_setting(self._config, key, value)
        label = get_destination(config.destination).settings[key].get("label", key)
        self._edit(config, self._index, f"Edit {label}", f"setting:{key}" if typed else None)

    def _on_subscription_edited(self, sub: object, text: str, merge_key: str) -> None:
        if self._index < 0:
            return
        config = self._config.with_subscription(self._index, sub)  # type: ignore[arg-type]
        key = f"{merge_key}:{self._index}" if merge_key else None
        self._edit(config, self._index, text, key)

    def _apply(self, config: DestinationConfig, index: int, typing: bool) -> None:
        selection_moved = index != self._index
        self._config, self._index = config, index
        self._show()
        if selection_moved:
            self.subscription_selected.emit(index)
        if typing:
            self._timer.start()
        else:
            self._emit_config()

    def _emit_config(self) -> None:
        self._timer.stop()
        if self._config != self._emitted:
            self._emitted = self._config
            self.config_changed.emit(self._config)

    def _show(self) -> None:
        config, dest = self._config, get_destination(self._config.destination)
        self.settings.show_settings(dest, config.settings)
        self._settings_scroll.updateGeometry()  # another destination has other fields
        self.subscriptions.show_subscriptions(dest, config.subscriptions, self._index)
        self.subscriptions.show_lint([d.message for d in duplicate_subscriptions(config)])
        sub = config.subscriptions[self._index] if self._index >= 0 else None
        self.panel.show_subscription(dest, sub)

    # -- file dialogs (only here) ---------------------------------------------------------

    def _ask_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Import destination config", "", _JSON_FILTER)
        if path:
            self.import_from(path)

    def _ask_export(self) -> None:
        name = f"{self._config.destination}.json"
        path, _ = QFileDialog.getSaveFileName(self, "Export destination config", name, _JSON_FILTER)
        if path:
            self.export_to(path)


class _FittingScrollArea(QScrollArea):
    """Asks for its content's full height; scrolls only when the window cannot give it."""

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        widget = self.widget()
        inner = widget.sizeHint() if widget is not None else QSize()
        return QSize(super().sizeHint().width(), inner.height() + 2 * self.frameWidth())


def _mappings(count: int) -> str:
    return f"{count} mapping" if count == 1 else f"{count} mappings"


def _fresh_config(slug: str) -> DestinationConfig:
    if slug == default_config().destination:
        return default_config()
    return DestinationConfig(slug, edits.default_settings(slug), preset_subscriptions(slug))
