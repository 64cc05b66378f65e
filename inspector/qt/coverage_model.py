"""The coverage matrix as a Qt model (events × subscriptions, with totals) and its filter proxy."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QFont

from inspector.core.evaluation import Evaluation, Verdict
from inspector.core.store import EventStore
from inspector.qt.store_adapter import StoreTableModel
from inspector.qt.verdict_style import (
    VERDICT_GLYPHS,
    palette_is_dark,
    verdict_brush,
    verdict_colour,
    verdict_text,
)

__all__ = ["CoverageModel", "CoverageFilterProxy", "VerdictRole"]

Index = QModelIndex | QPersistentModelIndex
VerdictRole = Qt.ItemDataRole.UserRole + 10
"""Data role giving a subscription cell's :class:`Verdict` (``None`` while not evaluated)."""

# Order of the counts in a column header: what reached Jimo first, then what went wrong.
_NAME_SHOWN = 22  # header characters; Qt clips a two-line header instead of eliding it
_QUIET = frozenset({Verdict.NOT_MATCHED, Verdict.DISABLED})
_HEADER_ORDER = (
    Verdict.DELIVERED,
    Verdict.NOT_DELIVERED,
    Verdict.INVALID,
    Verdict.TRIGGER_ERROR,
    Verdict.DISABLED,
)


class CoverageModel(StoreTableModel):
    """Rows are the store's events; columns ``#``, type, event/name, then one per subscription.

    The rows follow the store's listeners; the subscription columns come from the evaluation
    (:meth:`set_evaluation`), which may cover fewer events than are loaded while it runs.
    """

    FIXED_HEADERS = ("#", "Type", "Event / name")

    def __init__(self, store: EventStore, parent: QObject | None = None) -> None:
        super().__init__(store, parent)
        self._evaluation: Evaluation | None = None
        self._totals: list[dict[Verdict, int]] = []
        self._counted = 0  # evaluated rows already in _totals / _unmatched
        self._unmatched = bytearray()  # 1 where the event matches no subscription
        self._dark = palette_is_dark()
        self._italic = QFont()
        self._italic.setItalic(True)
        self._bold = QFont()
        self._bold.setBold(True)

    # -- the store and the evaluation ---------------------------------------------------------
    def _store_cleared(self) -> None:
        self._set(None)  # the verdicts described the old events: drop them with the rows

    @property
    def evaluation(self) -> Evaluation | None:
        return self._evaluation

    def set_evaluation(self, evaluation: Evaluation | None) -> None:
        """Show ``evaluation``'s verdicts; the columns change only if the subscriptions did."""
        old = self._evaluation
        same_columns = (
            old is not None
            and evaluation is not None
            and old.config.subscriptions == evaluation.config.subscriptions
        )
        if not same_columns:
            self.beginResetModel()
            self._set(evaluation)
            self.endResetModel()
            return
        assert old is not None and evaluation is not None
        if evaluation.extends(old):  # appended events only: earlier rows stay as they are
            first, self._evaluation = len(old.verdicts), evaluation
            if self._count_new():
                self._emit_changed(first)
            return
        self._set(evaluation)
        self._emit_all_changed()

    def refresh(self) -> None:
        """Pick up verdicts appended to the current evaluation since the last call."""
        if self._evaluation is not None and self._count_new():
            self._emit_all_changed()

    def _set(self, evaluation: Evaluation | None) -> None:
        self._evaluation = evaluation
        count = len(evaluation.config.subscriptions) if evaluation is not None else 0
        self._totals = [dict.fromkeys(Verdict, 0) for _ in range(count)]
        self._counted = 0
        self._unmatched = bytearray()
        self._count_new()

    def _count_new(self) -> bool:
        ev = self._evaluation
        if ev is None or len(ev.verdicts) == self._counted:
            return False
        self._counted = len(ev.verdicts)
        # The evaluation counts in its worker thread; only a partial one is counted here.
        self._totals = ev.totals()
        ev.matches_nothing(0)  # brings ev.unmatched up to date with its verdicts
        self._unmatched = ev.unmatched
        return True

    def _emit_all_changed(self) -> None:
        self._emit_changed(0)

    def _emit_changed(self, first: int) -> None:
        """Rows ``first…`` and the header totals changed."""
        if self._rows > first and self.columnCount():
            self.dataChanged.emit(
                self.index(first, 0), self.index(self._rows - 1, self.columnCount() - 1)
            )
        if self.columnCount():
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def set_dark(self, dark: bool) -> None:
        """Use colours for a dark (or light) palette."""
        if dark != self._dark:
            self._dark = dark
            self._emit_all_changed()

    # -- figures for the view -----------------------------------------------------------------
    def evaluated_rows(self) -> int:
        """How many events the evaluation covers so far."""
        return self._counted

    def unmatched_rows(self) -> int:
        """How many evaluated events match no subscription."""
        return self._unmatched.count(1)

    def matches_nothing(self, row: int) -> bool:
        """``Evaluation.matches_nothing(row)``, from the figures counted for the view."""
        return row < len(self._unmatched) and self._unmatched[row] == 1

    def totals(self, subscription: int) -> dict[Verdict, int]:
        """Events per verdict for one subscription (same figures as ``Evaluation.totals``)."""
        return dict(self._totals[subscription])

    def subscription_of(self, column: int) -> int:
        """The subscription index shown in ``column`` (-1 for the event columns)."""
        return column - len(self.FIXED_HEADERS) if column >= len(self.FIXED_HEADERS) else -1

    # -- Qt model -----------------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        return len(self.FIXED_HEADERS) + len(self._totals)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.columnCount():
            return None
        j = self.subscription_of(section)
        if j < 0:
            return self.FIXED_HEADERS[section] if role == Qt.ItemDataRole.DisplayRole else None
        assert self._evaluation is not None
        sub = self._evaluation.config.subscriptions[j]
        if role == Qt.ItemDataRole.DisplayRole:
            name = sub.name if len(sub.name) <= _NAME_SHOWN else sub.name[: _NAME_SHOWN - 1] + "…"
            return f"{name}\n{self._short_totals(j)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._long_totals(j)
        if role == Qt.ItemDataRole.ForegroundRole and not sub.enabled:
            return verdict_colour(Verdict.DISABLED, self._dark)
        return None

    def _short_totals(self, j: int) -> str:
        totals = self._totals[j]
        parts = [f"{totals[v]} {VERDICT_GLYPHS[v]}" for v in _HEADER_ORDER if totals[v]]
        return "  ".join(parts) or f"0 {VERDICT_GLYPHS[Verdict.DELIVERED]}"

    def _long_totals(self, j: int) -> str:
        assert self._evaluation is not None
        sub = self._evaluation.config.subscriptions[j]
        state = "" if sub.enabled else " — disabled"
        lines = [f"{sub.name} ({sub.action}){state}", f"trigger: {sub.trigger}"]
        lines += [f"{n} {verdict_text(v)}" for v, n in self._totals[j].items() if n]
        if self._counted < self._rows:
            lines.append(f"({self._counted} of {self._rows} events evaluated)")
        lines.append("Click to show only the events with one verdict.")
        return "\n".join(lines)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._rows:
            return None
        j = self.subscription_of(index.column())
        if j < 0:
            return self._event_data(index.row(), index.column(), role)
        verdict = self._evaluation.verdict(index.row(), j) if self._evaluation else None
        if role == VerdictRole:
            return verdict
        if verdict is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return VERDICT_GLYPHS[verdict]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            assert self._evaluation is not None
            return f"{self._evaluation.config.subscriptions[j].name}: {verdict.label}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return verdict_colour(verdict, self._dark)
        if role == Qt.ItemDataRole.BackgroundRole:
            brush = verdict_brush(verdict, self._dark)
            return brush if brush.style() != Qt.BrushStyle.NoBrush else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return Qt.AlignmentFlag.AlignCenter
        if role == Qt.ItemDataRole.FontRole and verdict not in _QUIET:
            return self._bold
        return None

    def _event_data(self, row: int, column: int, role: int) -> Any:
        unmatched = self.matches_nothing(row)
        if role == Qt.ItemDataRole.DisplayRole:
            rec = self._store[row]
            return (str(row + 1), rec.type or "?", rec.name)[column]
        if role == Qt.ItemDataRole.ToolTipRole and unmatched:
            return "Matches no mapping"
        if role == Qt.ItemDataRole.FontRole and unmatched:
            return self._italic
        if role == Qt.ItemDataRole.TextAlignmentRole and column == 0:
            return Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        return None


class CoverageFilterProxy(QSortFilterProxyModel):
    """Filters a :class:`CoverageModel`: events matching nothing, or one verdict of one column."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._only_unmatched = False
        self._subscription: int | None = None
        self._verdict: Verdict | None = None

    @property
    def only_unmatched(self) -> bool:
        return self._only_unmatched

    @property
    def subscription_filter(self) -> tuple[int, Verdict] | None:
        if self._subscription is None or self._verdict is None:
            return None
        return self._subscription, self._verdict

    def set_only_unmatched(self, only: bool) -> None:
        """Show only the events that no subscription matches (or every event again)."""
        if only != self._only_unmatched:
            self.beginFilterChange()
            self._only_unmatched = only
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_subscription_filter(
        self, subscription: int | None, verdict: Verdict | None = None
    ) -> None:
        """Show only the events where ``subscription`` got ``verdict`` (``None`` clears it)."""
        if subscription is None or verdict is None:
            subscription = verdict = None
        if (subscription, verdict) != (self._subscription, self._verdict):
            self.beginFilterChange()
            self._subscription, self._verdict = subscription, verdict
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        model = self.sourceModel()
        if not isinstance(model, CoverageModel):
            return True
        evaluation = model.evaluation
        if self._only_unmatched and not model.matches_nothing(source_row):
            return False
        if self._subscription is not None:
            if evaluation is None or self._subscription >= len(evaluation.config.subscriptions):
                return False
            return evaluation.verdict(source_row, self._subscription) == self._verdict
        return True
