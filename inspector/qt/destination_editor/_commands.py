"""The one undo command: swap the whole (immutable) config and the selected subscription."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from inspector.core.destinations import DestinationConfig

__all__ = ["ConfigCommand"]

Apply = Callable[[DestinationConfig, int, bool], None]
"""``apply(config, selected_index, typing)``: show a config; ``typing`` debounces its signal."""

_MERGEABLE = 0x4A494D4F


class ConfigCommand(QUndoCommand):
    """Replace the config. Configs are frozen values, so undo is just the old value back.

    Edits typed into one field (``merge_key``, e.g. ``"trigger:2"``) merge into one step, so
    Ctrl+Z undoes a word typed, not a letter.
    """

    def __init__(
        self,
        apply: Apply,
        old: tuple[DestinationConfig, int],
        new: tuple[DestinationConfig, int],
        text: str,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self._apply = apply
        self._old = old
        self._new = new
        self.merge_key = merge_key
        self._typing = merge_key is not None
        self._first = True

    def id(self) -> int:
        return _MERGEABLE if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:  # noqa: N802 - Qt override
        if not isinstance(other, ConfigCommand) or other.merge_key != self.merge_key:
            return False
        self._new = other._new
        if self._new[0] == self._old[0]:
            self.setObsolete(True)
        return True

    def redo(self) -> None:
        # The first redo happens on push, right after the user's own edit: debounce it.
        typing = self._typing and self._first
        self._first = False
        self._apply(self._new[0], self._new[1], typing)

    def undo(self) -> None:
        self._apply(self._old[0], self._old[1], False)
