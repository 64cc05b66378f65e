"""The subscription list: select, add (per action), duplicate, remove, reorder, enable."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from inspector.core.destinations import MAX_SUBSCRIPTIONS, DestinationDef, Subscription
from inspector.qt.destination_editor.subscription_model import SubscriptionListModel

__all__ = ["SubscriptionList", "LIMIT_EXPLANATION"]

LIMIT_EXPLANATION = (
    f"Segment allows at most {MAX_SUBSCRIPTIONS} mappings per destination instance. "
    "Remove or reuse one to add another."
)


class SubscriptionList(QWidget):
    """The list and its buttons. Emits requests; the editor turns them into undoable edits.

    Signals:
        selected(int): a row was selected (-1: none).
        add_requested(str): add a subscription for this action slug.
        duplicate_requested(int), remove_requested(int): act on this row.
        move_requested(int, int): move row ``from`` to ``to``.
        toggle_requested(int, bool): enable or disable this row.
    """

    selected = Signal(int)
    add_requested = Signal(str)
    duplicate_requested = Signal(int)
    remove_requested = Signal(int)
    move_requested = Signal(int, int)
    toggle_requested = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = SubscriptionListModel(self.toggle_requested.emit, self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName("Mappings")
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setMinimumHeight(120)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.action_combo = QComboBox(self)
        self.action_combo.setAccessibleName("Action for a new mapping")
        self.action_combo.setToolTip("The action a new mapping sends")
        self.add_button = self._button("&Add", "Add a mapping for the chosen action")
        self.duplicate_button = self._button("D&uplicate", "Duplicate the selected mapping")
        self.remove_button = self._button("&Remove", "Remove the selected mapping (Delete)")
        self.up_button = self._button("↑", "Move the selected mapping up (Alt+Up)")
        self.down_button = self._button("↓", "Move the selected mapping down (Alt+Down)")
        for button in (self.up_button, self.down_button):
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.setFixedWidth(button.fontMetrics().horizontalAdvance("MM") + 16)
        self.count_label = QLabel(self)
        self.limit_label = QLabel(LIMIT_EXPLANATION, self)
        self.limit_label.setWordWrap(True)
        self.limit_label.setStyleSheet("color: #8a5a00;")
        self.limit_label.setVisible(False)
        self.lint_label = QLabel(self)
        self.lint_label.setAccessibleName("Mapping warnings")
        self.lint_label.setWordWrap(True)
        self.lint_label.setStyleSheet("color: #b35c00;")
        self.lint_label.setVisible(False)
        self._dest: DestinationDef | None = None
        self._showing = False
        self._wire()
        self._lay_out()

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setToolTip(tip)
        button.setAccessibleName(tip.split(" (")[0])
        return button

    def _wire(self) -> None:
        self.add_button.clicked.connect(self._add)
        self.duplicate_button.clicked.connect(lambda: self._act(self.duplicate_requested.emit))
        self.remove_button.clicked.connect(lambda: self._act(self.remove_requested.emit))
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(+1))
        shortcuts = (
            (QKeySequence.StandardKey.Delete, lambda: self._act(self.remove_requested.emit)),
            (QKeySequence("Alt+Up"), lambda: self._move(-1)),
            (QKeySequence("Alt+Down"), lambda: self._move(+1)),
        )
        for keys, slot in shortcuts:
            action = QAction(self.view)
            action.setShortcut(keys)
            action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            action.triggered.connect(slot)
            self.view.addAction(action)

    def _lay_out(self) -> None:
        adding = QHBoxLayout()
        adding.addWidget(self.action_combo, 1)
        adding.addWidget(self.add_button)
        buttons = QHBoxLayout()
        for button in (self.duplicate_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.up_button)
        buttons.addWidget(self.down_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        layout.addLayout(adding)
        layout.addWidget(self.limit_label)
        layout.addWidget(self.lint_label)

    def current_row(self) -> int:
        return self.view.selectionModel().currentIndex().row()

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_buttons()
        if not self._showing:
            self.selected.emit(current.row())

    def _add(self) -> None:
        slug = self.action_combo.currentData()
        if slug:
            self.add_requested.emit(slug)

    def _act(self, emit: object) -> None:
        row = self.current_row()
        if row >= 0:
            emit(row)  # type: ignore[operator]

    def _move(self, step: int) -> None:
        row = self.current_row()
        if 0 <= row + step < self.model.rowCount() and row >= 0:
            self.move_requested.emit(row, row + step)

    def show_subscriptions(
        self, dest: DestinationDef, subs: Sequence[Subscription], row: int
    ) -> None:
        """Show ``subs`` with ``row`` selected, and the buttons that apply."""
        if dest is not self._dest:
            self._dest = dest
            self._fill_actions(dest)
        # Selection changes made here echo the editor's state: they are not the user's.
        self._showing = True
        try:
            self.model.show(dest, subs)
            self.select(row)
        finally:
            self._showing = False
        full = len(subs) >= MAX_SUBSCRIPTIONS
        self.add_button.setEnabled(not full)
        tip = LIMIT_EXPLANATION if full else "Add a mapping for the chosen action"
        self.add_button.setToolTip(tip)
        self.action_combo.setEnabled(not full)
        self.limit_label.setVisible(full)
        self.count_label.setText(f"{len(subs)} of {MAX_SUBSCRIPTIONS} mappings")
        self._update_buttons()

    def show_lint(self, messages: Sequence[str]) -> None:
        """Warnings about the mappings together (e.g. two sending every event twice)."""
        self.lint_label.setText("\n".join(f"⚠ {m}" for m in messages))
        self.lint_label.setVisible(bool(messages))

    def select(self, row: int) -> None:
        model = self.view.selectionModel()
        if row == self.current_row() and (row < 0 or model.isRowSelected(row)):
            return
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        model.setCurrentIndex(self.model.index(row, 0), flags)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        full = count >= MAX_SUBSCRIPTIONS
        self.duplicate_button.setEnabled(row >= 0 and not full)
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)

    def _fill_actions(self, dest: DestinationDef) -> None:
        self.action_combo.clear()
        for action in dest.actions.values():
            self.action_combo.addItem(action.title, action.slug)
            tip_row = self.action_combo.count() - 1
            self.action_combo.setItemData(tip_row, action.description, Qt.ItemDataRole.ToolTipRole)
