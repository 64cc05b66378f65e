"""Keeping a workbench's session in its file: what the workbench publishes is written down.

The keeper listens to the workbench (events appended, records skipped, edits, config, a clear)
and hands each change to the :class:`SessionDocument`'s recorder, and it puts a session read
from a file back into the workbench. It knows no Qt: the window gives it a callable returning
its state (selection, filter, tab…) as JSON.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from inspector.core.destinations import DestinationConfig
from inspector.core.events import EventRecord
from inspector.core.loaders import BadRecord
from inspector.core.sessionfile._content import SessionData
from inspector.core.sessionfile._document import SessionDocument

__all__ = ["SessionKeeper", "KeptWorkbench"]

UiState = Callable[[], dict[str, Any]]


class _Signal(Protocol):
    def connect(self, listener: Callable[..., object]) -> None: ...


class _Store(Protocol):
    def __len__(self) -> int: ...
    def __getitem__(self, index: int) -> EventRecord: ...
    def events(self) -> Sequence[EventRecord]: ...


class KeptWorkbench(Protocol):
    """What the keeper needs of the workbench."""

    events_appended: _Signal
    bad_added: _Signal
    event_edited: _Signal
    config_changed: _Signal
    cleared: _Signal

    @property
    def store(self) -> _Store: ...
    @property
    def config(self) -> DestinationConfig: ...
    @property
    def fresh_sdk(self) -> bool: ...
    def is_edited(self, index: int) -> bool: ...
    def append(self, records: Sequence[EventRecord], bad: Sequence[BadRecord] = ()) -> None: ...
    def edit_event(self, index: int, data: dict[str, object]) -> None: ...
    def set_config(self, config: DestinationConfig) -> None: ...
    def set_fresh_sdk(self, on: bool) -> None: ...
    def clear(self) -> None: ...


class SessionKeeper:
    """Writes a workbench's changes to its document, and reads sessions back into it."""

    def __init__(
        self, workbench: KeptWorkbench, document: SessionDocument, ui_state: UiState
    ) -> None:
        self.workbench = workbench
        self.document = document
        self.ui_state = ui_state
        self._muted = False  # while a session read from its file is put back
        workbench.events_appended.connect(self._appended)
        workbench.bad_added.connect(self._bad_added)
        workbench.event_edited.connect(self._edited)
        workbench.config_changed.connect(lambda _config: self.save_state())
        workbench.cleared.connect(self._cleared)

    def save_state(self) -> None:
        """Write the config and the window's state now (also on a timer: selection, filter)."""
        recorder = self.document.recorder
        if recorder is not None and not self._muted:
            wb = self.workbench
            recorder.save_state(wb.config, self.ui_state(), wb.fresh_sdk)

    def adopt(self, data: SessionData) -> None:
        """Show a session read from its file (``SessionDocument.open`` or ``restore``).

        The workbench is cleared and refilled without writing anything back: the file already
        holds all of it.
        """
        wb = self.workbench
        self._muted = True
        try:
            wb.clear()
            wb.append([data.originals.get(i, r) for i, r in enumerate(data.records)], data.bad)
            for index in sorted(data.originals):
                wb.edit_event(index, data.records[index].data)
            if data.config is not None:
                wb.set_config(data.config)
            wb.set_fresh_sdk(data.fresh_sdk)
        finally:
            self._muted = False

    def _appended(self, first: int, last: int) -> None:
        recorder = self.document.recorder
        if recorder is not None and not self._muted:
            recorder.append(self.workbench.store.events()[first : last + 1])

    def _bad_added(self, records: Sequence[BadRecord]) -> None:
        recorder = self.document.recorder
        if recorder is not None and not self._muted:
            recorder.add_bad(records)

    def _edited(self, index: int) -> None:
        recorder = self.document.recorder
        if recorder is not None and not self._muted:
            wb = self.workbench
            recorder.record_edit(index, wb.store[index] if wb.is_edited(index) else None)

    def _cleared(self) -> None:
        if not self._muted:
            self.document.start_unsaved()  # Close all: a new, untitled session
