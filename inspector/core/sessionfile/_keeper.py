"""Keeping a workbench's session in its file: what the workbench publishes is written down.

The keeper listens to the workbench (events appended, records skipped, edits, config, a clear)
and hands each change to the :class:`SessionDocument`'s recorder, and it puts a session read
from a file back into the workbench. It knows no Qt: the window gives it a callable returning
its state (selection, filter, tab…) as JSON.

Events a file load delivers are written once the load ends: writing a million events competes
with the loading thread for the interpreter, and the events are still in their file meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from inspector.core.loaders import BadRecord
from inspector.core.sessionfile._content import SessionData
from inspector.core.sessionfile._document import SessionDocument
from inspector.core.workbench import Workbench

__all__ = ["SessionKeeper"]

UiState = Callable[[], dict[str, Any]]


class SessionKeeper:
    """Writes a workbench's changes to its document, and reads sessions back into it."""

    def __init__(self, workbench: Workbench, document: SessionDocument, ui_state: UiState) -> None:
        self.workbench = workbench
        self.document = document
        self.ui_state = ui_state
        self._muted = False  # while a session read from its file is put back
        self._elsewhere: set[str] = set()
        self._held_from: int | None = None  # first event appended by a load still under way
        self._titled = False  # an unsaved session is named after the first file loaded into it
        self.has_changes = False
        """The user changed the session (an edit, the config) or it was restored: worth a
        question before an unsaved session is closed."""
        workbench.events_appended.connect(self._appended)
        workbench.bad_added.connect(self._bad_added)
        workbench.event_edited.connect(self._edited)
        workbench.config_changed.connect(lambda _config: self._config_changed())
        workbench.cleared.connect(self._cleared)
        workbench.load_finished.connect(lambda _cancelled: self.write_held())
        workbench.load_started.connect(self._load_started)

    def leave_to_writer(self, origin: str) -> None:
        """Events of this origin (``capture``) are written to the file by their own writer:
        the keeper leaves them out. Edits of them are still recorded here."""
        self._elsewhere.add(origin)

    def _config_changed(self) -> None:
        if not self._muted:
            self.has_changes = True
        self.save_state()

    def save_state(self) -> None:
        """Write the config and the window's state now (also on a timer: selection, filter)."""
        recorder = self.document.recorder
        if recorder is not None and not self._muted:
            wb = self.workbench
            recorder.save_state(wb.config, self.ui_state(), wb.fresh_sdk)

    def pause(self) -> None:
        """Record nothing until :meth:`adopt` or :meth:`resume`: a session is being read to
        replace this one, and what happens meanwhile must not reach the new file."""
        if self._held_from is None:
            self._held_from = len(self.workbench.store)
        self._muted = True

    def resume(self) -> None:
        """Record again (reading the replacing session failed): events that arrived meanwhile
        are written now."""
        self._muted = False
        if not self.workbench.loading:
            self.write_held()

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
        self.has_changes = True

    def _appended(self, first: int, last: int) -> None:
        if self._muted:
            return
        if self.workbench.loading or self._held_from is not None:
            if self._held_from is None:
                self._held_from = first
            if not self.workbench.loading:
                self.write_held()
            return
        self._record(first, last)

    def write_held(self) -> None:
        """Write the events a load appended (at its end, or before an edit needs them)."""
        first, self._held_from = self._held_from, None
        if first is not None and not self._muted:
            self._record(first, len(self.workbench.store) - 1)

    def _record(self, first: int, last: int) -> None:
        recorder = self.document.recorder
        if recorder is not None and last >= first:
            records = self.workbench.store.events()[first : last + 1]
            if self._elsewhere:
                records = [r for r in records if r.source.kind not in self._elsewhere]
            if records:
                recorder.append(records)

    def _bad_added(self, records: Sequence[BadRecord]) -> None:
        recorder = self.document.recorder
        if recorder is not None and not self._muted:
            recorder.add_bad(records)

    def _edited(self, index: int) -> None:
        recorder = self.document.recorder
        if recorder is not None and not self._muted:
            self.has_changes = True
            self.write_held()  # the edited event must be in the file first
            wb = self.workbench
            recorder.record_edit(index, wb.store[index] if wb.is_edited(index) else None)

    def _load_started(self, name: str) -> None:
        recorder = self.document.recorder
        if recorder is not None and not self._titled and not self.document.saved:
            self._titled = True
            recorder.set_meta({"title": name})  # what the restore offer shows after a crash

    def _cleared(self) -> None:
        self._held_from = None
        self._titled = False
        self.has_changes = False
        if not self._muted:
            self.document.start_unsaved()  # Close all: a new, untitled session
