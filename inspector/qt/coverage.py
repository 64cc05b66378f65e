"""The coverage view: the events × subscriptions matrix with its filters, summary and legend."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from inspector.core.evaluation import Evaluation, Verdict
from inspector.core.store import EventStore
from inspector.qt.coverage_model import CoverageFilterProxy, CoverageModel, VerdictRole
from inspector.qt.store_adapter import activate_on_enter, setup_compact_table
from inspector.qt.verdict_style import VERDICT_GLYPHS, palette_is_dark, verdict_colour

__all__ = ["CoverageModel", "CoverageFilterProxy", "CoverageView", "VerdictRole"]

_ROW_HEIGHT = 20
_EVENT_COLUMN_WIDTHS = (44, 72, 200)
_LEGEND_ORDER = (
    Verdict.DELIVERED,
    Verdict.NOT_DELIVERED,
    Verdict.INVALID,
    Verdict.TRIGGER_ERROR,
    Verdict.NOT_MATCHED,
    Verdict.DISABLED,
)


class CoverageView(QWidget):
    """The matrix, an "only events that match nothing" switch, a summary line and a legend.

    Clicking a subscription's header offers to show only the events with one of its verdicts.

    Signals:
        event_activated(int, int): a cell was clicked or Enter pressed on it; carries the
            event's row in the store and the subscription index (-1 for the event columns).
    """

    event_activated = Signal(int, int)

    def __init__(self, store: EventStore, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CoverageModel(store, self)
        # The proxy is attached only while a filter is on: unfiltered, the table shows the model
        # itself, so growing by 20,000 rows costs no per-row Python filter call.
        self.proxy = CoverageFilterProxy(self)
        self.header_menu: QMenu | None = None
        self._build()
        for signal in (
            self.model.modelReset,
            self.model.headerDataChanged,
            self.model.rowsInserted,
            self.proxy.rowsInserted,
            self.proxy.rowsRemoved,
            self.proxy.modelReset,
            self.proxy.layoutChanged,
        ):
            signal.connect(self._update_summary)
        self.model.modelReset.connect(self._on_model_reset)
        self._on_model_reset()
        self._update_summary()

    def _build(self) -> None:
        self.only_unmatched = QCheckBox("Only events that match nothing", self)
        self.only_unmatched.setToolTip("Hide every event that at least one subscription matches")
        self.only_unmatched.toggled.connect(self._on_only_unmatched)
        self.filter_button = QToolButton(self)
        self.filter_button.setToolTip("Show every event again")
        self.filter_button.clicked.connect(lambda: self.set_subscription_filter(None))
        self.filter_button.hide()
        self.summary = QLabel(self)
        self.summary.setAccessibleName("Coverage summary")
        self.legend = QLabel(self)
        self.legend.setAccessibleName("Legend")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.only_unmatched)
        bar.addWidget(self.filter_button)
        bar.addStretch(1)
        bar.addWidget(self.summary)

        self.table = QTableView(self)
        self.table.setModel(self.model)
        setup_compact_table(
            self.table,
            name="coverageTable",
            accessible_name="Coverage matrix",
            row_height=_ROW_HEIGHT,
            select_rows=False,
        )
        self.table.setCornerButtonEnabled(False)
        header = self.table.horizontalHeader()
        header.setSectionsClickable(True)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.sectionClicked.connect(self._on_header_clicked)
        activate_on_enter(self.table, self._emit_activated)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)
        self._update_legend()

    # -- public -------------------------------------------------------------------------------
    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        """Show ``evaluation`` (``None``: events only, no verdicts)."""
        self.model.set_evaluation(evaluation)
        self._update_summary()

    def refresh(self) -> None:
        """Pick up verdicts the running evaluation added since the last call."""
        self.model.refresh()
        self._update_summary()

    def show_event(self, row: int) -> bool:
        """Bring event ``row`` into view and make it current; a filter hiding it is cleared."""
        index = self.model.index(row, 0)
        if self.table.model() is self.proxy:
            shown = self.proxy.mapFromSource(index)
            if not shown.isValid():
                self.only_unmatched.setChecked(False)
                self.set_subscription_filter(None)
            else:
                index = shown
        if not index.isValid():
            return False
        self.table.setCurrentIndex(index)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        self.table.setFocus()
        return True

    def set_subscription_filter(
        self, subscription: int | None, verdict: Verdict | None = None
    ) -> None:
        """Show only the events where ``subscription`` got ``verdict`` (``None`` clears it)."""
        self.proxy.set_subscription_filter(subscription, verdict)
        self._sync_model()
        active = self.proxy.subscription_filter
        evaluation = self.model.evaluation
        if active is None or evaluation is None:
            self.filter_button.hide()
        else:
            j, v = active
            name = evaluation.config.subscriptions[j].name
            self.filter_button.setText(f"{name}: {VERDICT_GLYPHS[v]} {v.label}  ✕")
            self.filter_button.show()
        self._update_summary()

    # -- reactions ----------------------------------------------------------------------------
    def _on_only_unmatched(self, checked: bool) -> None:
        self.proxy.set_only_unmatched(checked)
        self._sync_model()
        self._update_summary()

    def _sync_model(self) -> None:
        filtering = self.proxy.only_unmatched or self.proxy.subscription_filter is not None
        wanted = self.proxy if filtering else self.model
        if self.table.model() is not wanted:
            self.proxy.setSourceModel(self.model if filtering else None)  # type: ignore[arg-type]
            self.table.setModel(wanted)

    def _on_model_reset(self) -> None:
        evaluation = self.model.evaluation
        active = self.proxy.subscription_filter
        if active is not None and (
            evaluation is None or active[0] >= len(evaluation.config.subscriptions)
        ):
            self.set_subscription_filter(None)
        header = self.table.horizontalHeader()
        for column, width in enumerate(_EVENT_COLUMN_WIDTHS):
            header.resizeSection(column, width)
        metrics = header.fontMetrics()
        for column in range(len(_EVENT_COLUMN_WIDTHS), self.model.columnCount()):
            name = str(self.model.headerData(column, Qt.Orientation.Horizontal)).split("\n")[0]
            header.resizeSection(column, max(64, min(170, metrics.horizontalAdvance(name) + 18)))

    def _on_header_clicked(self, column: int) -> None:
        j = self.model.subscription_of(column)
        if j < 0 or self.model.evaluation is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        totals = self.model.totals(j)
        for verdict in _LEGEND_ORDER:
            if totals[verdict]:
                action = QAction(
                    f"Only {VERDICT_GLYPHS[verdict]} {verdict.label} ({totals[verdict]:,})", menu
                )
                action.triggered.connect(
                    lambda _=False, v=verdict: self.set_subscription_filter(j, v)
                )
                menu.addAction(action)
        if self.proxy.subscription_filter is not None:
            menu.addSeparator()
            menu.addAction("Show every event", lambda: self.set_subscription_filter(None))
        header = self.table.horizontalHeader()
        x = header.sectionViewportPosition(column)
        self.header_menu = menu
        menu.popup(header.mapToGlobal(QPoint(x, header.height())))

    def _emit_activated(self, index: QModelIndex) -> None:
        if index.isValid():
            source = self.proxy.mapToSource(index) if index.model() is self.proxy else index
            self.event_activated.emit(source.row(), self.model.subscription_of(source.column()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self.model.set_dark(palette_is_dark(self.palette()))
            self._update_legend()
        super().changeEvent(event)

    # -- text ---------------------------------------------------------------------------------
    def _update_summary(self) -> None:
        model, evaluation = self.model, self.model.evaluation
        loaded = model.rowCount()
        if evaluation is None:
            text = f"{loaded:,} events loaded, not evaluated yet" if loaded else "No events loaded"
        else:
            done = model.evaluated_rows()
            text = f"{model.unmatched_rows():,} of {done:,} events match no mapping"
            if done < loaded:
                text += f" ({loaded:,} loaded, evaluating…)"
        shown = self.table.model().rowCount()
        if shown != loaded:
            text += f" · {shown:,} shown"
        self.summary.setText(text)

    def _update_legend(self) -> None:
        dark = palette_is_dark(self.palette())
        parts = [
            f'<b style="color:{verdict_colour(v, dark).name()}">{VERDICT_GLYPHS[v]}</b>'
            f"&nbsp;{v.label}"
            for v in _LEGEND_ORDER
        ]
        parts.append("<i>italic event</i>:&nbsp;matches no mapping")
        self.legend.setText("&nbsp;&nbsp;&nbsp; ".join(parts))
