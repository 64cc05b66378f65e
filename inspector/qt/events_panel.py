"""The Events panel: the filter bar, the event table with mapping chips, and its proxy."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from inspector.core.evaluation import Verdict
from inspector.core.filtering import EventFilter, compile_filter
from inspector.qt.event_context_menu import EventContextMenu, PayloadSource
from inspector.qt.event_model import MAPPINGS_COLUMN, EventTableModel, VerdictsRole
from inspector.qt.filter_bar import FilterEdit
from inspector.qt.verdict_style import palette_is_dark, verdict_colour

__all__ = ["EventFilterProxy", "EventsPanel", "ChipsDelegate", "SORT_LIMIT"]

EMPTY_HINT = (
    "No events yet.\n\nDrop event files here, open them with Ctrl+O, paste events with "
    "Ctrl+Shift+V, or start a capture."
)
SORT_LIMIT = 50_000
"""Sorting compares rows in Python: beyond this many shown rows it would stall the window."""

Index = QModelIndex | QPersistentModelIndex


class EventFilterProxy(QSortFilterProxyModel):
    """Rows passing the compiled filter (and, optionally, matching no mapping).

    ``accepted`` is a precomputed byte per row (computed off the GUI thread for big lists);
    rows beyond it — appended since — are tested directly.
    """

    def __init__(
        self, parent: Any = None, matches_nothing: Callable[[int], bool] = lambda _row: False
    ) -> None:
        super().__init__(parent)
        self.filter = compile_filter("")
        self.accepted: bytearray | None = None
        self.only_unmatched = False
        self.matches_nothing = matches_nothing
        self.pinned = -1  # an event being edited stays visible until another one is selected

    def set_filter(self, flt: EventFilter, accepted: bytearray | None = None) -> None:
        self.beginFilterChange()
        self.filter, self.accepted = flt, accepted
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_only_unmatched(self, on: bool) -> None:
        self.beginFilterChange()
        self.only_unmatched = on
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def refresh(self) -> None:
        self.beginFilterChange()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def lessThan(self, left: Index, right: Index) -> bool:  # noqa: N802 - Qt override
        model = self.sourceModel()
        assert isinstance(model, EventTableModel)
        a, b = left.row(), right.row()
        key_a, key_b = model.sort_key(a, left.column()), model.sort_key(b, left.column())
        return (key_a, a) < (key_b, b)  # ties keep the session order

    def filterAcceptsRow(self, row: int, parent: Index) -> bool:  # noqa: N802 - Qt override
        if row == self.pinned:
            return True
        if self.only_unmatched and not self.matches_nothing(row):
            return False
        if self.filter.kind == "all":
            return True
        if self.accepted is not None and row < len(self.accepted):
            return bool(self.accepted[row])
        model = self.sourceModel()
        assert isinstance(model, EventTableModel)
        return self.filter.matches(model.record(row))


class ChipsDelegate(QStyledItemDelegate):
    """Paints each matched (or broken) mapping as a small coloured chip with its short name.

    A row's chips are drawn once into a pixmap, kept for the next rows showing the same chips
    at the same size: a repaint then costs one call into Qt per cell, not a dozen (each of which
    waits for the GIL while a capture or an evaluation runs in a worker thread).
    """

    CACHE_SIZE = 256

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pixmaps: dict[tuple[Any, ...], QPixmap] = {}

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        super().paint(painter, option, index)
        chips = index.data(VerdictsRole)
        if not chips:
            return
        rect: QRect = option.rect
        palette: QPalette = option.palette
        font = painter.font()
        ratio = painter.device().devicePixelRatioF()
        key = (tuple(chips), rect.width(), rect.height(), palette.cacheKey(), font.key(), ratio)
        pixmap = self._pixmaps.get(key)
        if pixmap is None:
            if len(self._pixmaps) >= self.CACHE_SIZE:
                self._pixmaps.clear()
            pixmap = self._pixmaps[key] = _chips_pixmap(chips, rect, palette, font, ratio)
        painter.drawPixmap(rect.topLeft(), pixmap)


def _chips_pixmap(
    chips: list[tuple[str, int]], rect: QRect, palette: QPalette, font: QFont, ratio: float
) -> QPixmap:
    """The chips of one cell of ``rect``'s size, on a transparent background."""
    pixmap = QPixmap(QSize(rect.width(), rect.height()) * ratio)
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont(font)
    font.setPointSizeF(max(font.pointSizeF() - 1.5, 7.0))
    painter.setFont(font)
    metrics = painter.fontMetrics()
    x = 4
    h = min(rect.height() - 6, metrics.height() + 2)
    y = (rect.height() - h) // 2
    dark = palette_is_dark(palette)
    for label, verdict in chips:
        w = metrics.horizontalAdvance(label) + 10
        if x + w > rect.width() - 3:
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            painter.drawText(QRect(x, y, 16, h), Qt.AlignmentFlag.AlignCenter, "…")
            break
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(verdict_colour(Verdict(verdict), dark))
        painter.drawRoundedRect(QRect(x, y, w, h), 4, 4)
        # dark palettes get light chips: dark text keeps the label readable
        painter.setPen(QColor("#111111" if dark else "white"))
        painter.drawText(QRect(x, y, w, h), Qt.AlignmentFlag.AlignCenter, label)
        x += w + 4
    painter.end()
    return pixmap


class EventsPanel(QWidget):
    """Filter bar + table.

    Signals:
        current_changed(int): the source row now selected (-1: none).
    """

    current_changed = Signal(int)

    def __init__(
        self,
        model: EventTableModel,
        parent: QWidget | None = None,
        *,
        matches_nothing: Callable[[int], bool] = lambda _row: False,
        payload_source: PayloadSource | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        # The proxy is attached only while something is filtered: with no filter the table shows
        # the model itself, so appending 20,000 rows costs no per-row Python filter call.
        self.proxy = EventFilterProxy(self, matches_nothing)
        self.filter_edit = FilterEdit(self)
        self.unmatched_check = QCheckBox("Match nothing", self)
        self.unmatched_check.setToolTip("Show only events that no enabled mapping matches")
        self.unmatched_check.toggled.connect(self.set_only_unmatched)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self._kept_row = -1  # an edited event shown although it fails the filter
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.table = self._make_table()
        self.empty_hint = QLabel(EMPTY_HINT, self.table.viewport())
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: palette(placeholder-text); font-size: 11pt;")
        self.empty_hint.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._update_empty_hint)
        self.table.viewport().installEventFilter(self)
        self._update_empty_hint()
        self.menu = EventContextMenu(self, payload_source)

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.filter_edit, 1)
        bar.addWidget(self.unmatched_check)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(bar)
        layout.addWidget(self.error_label)
        layout.addWidget(self.table, 1)

    def _make_table(self) -> QTableView:
        table = QTableView(self)
        table.setObjectName("eventTable")
        table.setAccessibleName("Events")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(22)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setShowGrid(False)
        table.setItemDelegateForColumn(MAPPINGS_COLUMN, ChipsDelegate(table))
        header = table.horizontalHeader()
        header.setStretchLastSection(True)
        for col, width in enumerate((46, 108, 58, 150, 92, 160)):
            header.resizeSection(col, width)
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(False)
        header.sectionClicked.connect(self._on_header_clicked)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(lambda pos: self.menu.popup_at(table, pos))
        table.selectionModel().currentRowChanged.connect(self._on_current)
        return table

    def _update_empty_hint(self) -> None:
        if self.model.rowCount() == 0:
            self.empty_hint.setText(EMPTY_HINT)
            self.empty_hint.setVisible(True)
        elif self.visible_rows() == 0:
            self.empty_hint.setText(self._nothing_shown())
            self.empty_hint.setVisible(True)
        else:
            self.empty_hint.setVisible(False)
        self.empty_hint.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))

    def _nothing_shown(self) -> str:
        """Why the list is empty although the session has events."""
        text = self.proxy.filter.text.strip()
        if self.proxy.filter.kind != "all":
            return f"No event matches {text!r}. Esc in the filter clears it."
        return "Every event matches some mapping: untick “Match nothing” to see them all."

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.empty_hint.setGeometry(self.table.viewport().rect().adjusted(24, 24, -24, -24))
        return False

    # -- sorting ------------------------------------------------------------------------------
    def _on_header_clicked(self, column: int) -> None:
        """Ascending, descending, then the session order again."""
        if column != self.sort_column:
            self.sort_by(column, Qt.SortOrder.AscendingOrder)
        elif self.sort_order == Qt.SortOrder.AscendingOrder:
            self.sort_by(column, Qt.SortOrder.DescendingOrder)
        else:
            self.sort_by(-1)

    def sort_by(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> bool:
        """Order the list by ``column`` (-1: session order). A view order only: the session,
        its evaluation and the timeline keep the events as loaded. False when too many rows.
        """
        header = self.table.horizontalHeader()
        if column >= 0 and self.visible_rows() > SORT_LIMIT:
            self.error_label.setStyleSheet("color: palette(text);")
            self.error_label.setText(
                f"Sorting orders up to {SORT_LIMIT:,} events: filter the list first."
            )
            self.error_label.show()
            return False
        self.sort_column, self.sort_order = column, order
        header.setSortIndicatorShown(column >= 0)
        if column >= 0:
            header.setSortIndicator(column, order)
        self._sync_model()
        if column >= 0:
            self.proxy.sort(column, order)
        else:
            self.proxy.sort(-1)
        row = self.current_row()
        if row >= 0:
            self.table.scrollTo(self.table.currentIndex())
        return True

    # -- filtering ----------------------------------------------------------------------------
    @property
    def filtering(self) -> bool:
        return self.proxy.filter.kind != "all" or self.proxy.only_unmatched

    @property
    def needs_proxy(self) -> bool:
        return self.filtering or self.sort_column >= 0

    def set_filter(self, flt: EventFilter, accepted: bytearray | None = None) -> None:
        self.proxy.pinned = -1
        self.proxy.set_filter(flt, accepted)
        self._sync_model()
        self._update_empty_hint()

    def set_only_unmatched(self, on: bool) -> None:
        self.proxy.set_only_unmatched(on)
        self._sync_model()
        self._update_empty_hint()

    def refresh(self) -> None:
        if self.needs_proxy:
            self.proxy.refresh()

    def row_changed(self, row: int) -> None:
        """An event was replaced (edited, reverted): re-test it against the filter.

        The selected event stays visible even if the edit makes it fail the filter, so it does
        not vanish from under the editor; leaving it applies the filter to it again.
        """
        if row == self.current_row():
            self.proxy.pinned = row
        accepted = self.proxy.accepted
        passes = self.proxy.filter.matches(self.model.record(row))
        if accepted is not None and row < len(accepted):
            accepted[row] = passes
        self.refresh()
        self._say_kept(row if self.proxy.pinned == row and self.filtering and not passes else -1)

    def _say_kept(self, row: int) -> None:
        """Say that the edited event ``row`` shows although it fails the filter (-1: nothing)."""
        if row < 0:
            if self._kept_row >= 0:
                self._kept_row = -1
                self.error_label.hide()
            return
        self._kept_row = row
        self.error_label.setStyleSheet("color: palette(text);")
        self.error_label.setText(
            f"Event {row + 1} no longer matches the filter since your edit: it stays in the "
            "list while it is selected."
        )
        self.error_label.show()

    def rows_reset(self) -> None:
        """The event list was cleared: results computed for the old rows no longer apply."""
        self.set_filter(self.proxy.filter)

    def visible_rows(self) -> int:
        return self.table.model().rowCount()

    def _sync_model(self) -> None:
        wanted = self.proxy if self.needs_proxy else self.model
        if self.table.model() is wanted:
            return
        row = self.current_row()
        header = self.table.horizontalHeader()
        widths = [header.sectionSize(c) for c in range(header.count())]
        self.proxy.setSourceModel(self.model if wanted is self.proxy else None)  # type: ignore[arg-type]
        self.table.setModel(wanted)
        for column, width in enumerate(widths[:-1]):  # the last one stretches
            header.resizeSection(column, width)  # a new model would reset the columns' widths
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        if row >= 0 and not self.select_row(row):
            self.current_changed.emit(-1)

    # -- rows ---------------------------------------------------------------------------------
    def _source_row(self, index: QModelIndex) -> int:
        if not index.isValid():
            return -1
        if self.table.model() is self.proxy:
            return self.proxy.mapToSource(index).row()
        return index.row()

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self._source_row(current)
        left = self.proxy.pinned
        if left >= 0 and left != row:
            self.proxy.pinned = -1
            self._say_kept(-1)
            if self.filtering and left < self.model.rowCount():
                self.model.touch(left)  # the edited row left behind is filtered again
        self.current_changed.emit(row)

    def current_row(self) -> int:
        return self._source_row(self.table.currentIndex())

    def source_row(self, index: QModelIndex) -> int:
        """The session's row for a table index (-1: none)."""
        return self._source_row(index)

    def filter_by(self, text: str) -> None:
        """Put ``text`` in the filter bar and apply it now."""
        self.filter_edit.setPlainText(text)
        self.filter_edit.apply()

    def select_row(self, row: int, scroll: bool = True) -> bool:
        """Select source row ``row`` (if the filter shows it) and scroll to it (``scroll``)."""
        index = self.model.index(row, 0)
        if self.table.model() is self.proxy:
            index = self.proxy.mapFromSource(index)
        if not index.isValid():
            return False
        if scroll:
            self.table.setCurrentIndex(index)
            self.table.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
            return True
        self.table.setAutoScroll(False)  # a new current index would scroll to itself
        try:
            self.table.setCurrentIndex(index)
        finally:
            self.table.setAutoScroll(True)
        return True

    def show_filter_error(self, flt: EventFilter) -> None:
        """Say why ``flt`` does not parse, and that the list still shows the last valid one."""
        error = flt.error
        self.error_label.setStyleSheet("color: #c62828;")
        if error is None:
            self.error_label.hide()
            return
        where = f" (at character {error.position + 1})" if error.position is not None else ""
        shown = self.proxy.filter if self.filtering else None
        if shown is not None and shown.kind != "all":
            stale = f"The list still shows the last valid filter, {shown.text.strip()!r}."
        else:
            stale = "The list still shows every event."
        self.error_label.setText(f"Not a valid expression{where}: {error.message}. {stale}")
        self.error_label.show()
