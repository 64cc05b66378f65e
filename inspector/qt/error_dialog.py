"""A clear error dialog: one sentence for the user, the technical details folded away."""

from __future__ import annotations

import traceback

from PySide6.QtWidgets import QMessageBox, QWidget

__all__ = ["error_dialog", "describe"]


def describe(error: BaseException) -> tuple[str, str]:
    """(the sentence to show, the details to fold away) for an unexpected error."""
    summary = str(error) or type(error).__name__
    details = "".join(traceback.format_exception(type(error), error, error.__traceback__))
    return summary, details


def error_dialog(parent: QWidget | None, title: str, error: BaseException) -> QMessageBox:
    """A non-blocking warning box; "Show Details…" reveals the traceback for a bug report."""
    summary, details = describe(error)
    box = QMessageBox(
        QMessageBox.Icon.Warning, title, summary, QMessageBox.StandardButton.Ok, parent
    )
    box.setInformativeText(
        "Nothing you loaded was lost. If this keeps happening, the details help a bug report."
    )
    box.setDetailedText(details)
    box.setModal(False)
    box.open()
    return box
