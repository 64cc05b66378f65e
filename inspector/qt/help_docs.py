"""Help menu documents: the README's tutorial and the ``inspect`` output contract, in the app."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtWidgets import QDialog, QMainWindow, QMenu, QTextBrowser, QVBoxLayout, QWidget

from inspector.resources import README

__all__ = ["HelpDocs", "readme_section", "readme_path", "TUTORIAL", "CONTRACT"]

TUTORIAL = ("Using Jimo Inspector", "## Using it")
CONTRACT = ("The inspect output contract", "### Headless: `jimo-inspector inspect`")


def readme_path() -> Path | None:
    """The README, bundled with the app or beside the package in a checkout (None: absent)."""
    return README if README.is_file() else None


def readme_section(text: str, heading: str) -> str:
    """The Markdown from ``heading`` to the next heading of the same or a higher level."""
    lines = text.splitlines()
    level = len(heading) - len(heading.lstrip("#"))
    try:
        start = lines.index(heading)
    except ValueError:
        return ""
    out = [lines[start]]
    for line in lines[start + 1 :]:
        found = re.match(r"^(#+) ", line)
        if found and len(found.group(1)) <= level:
            break
        out.append(line)
    return "\n".join(out).strip()


class HelpDocs:
    """Adds the documents to ``menu``; each opens in a window of its own."""

    def __init__(self, window: QMainWindow, menu: QMenu) -> None:
        self._window = window
        self.dialogs: dict[str, QDialog] = {}
        first = menu.actions()[0] if menu.actions() else None
        for title, heading in (TUTORIAL, CONTRACT):
            action = menu.addAction(f"{title}…")
            action.triggered.connect(lambda _=False, t=title, h=heading: self.show(t, h))
            if first is not None:
                menu.insertAction(first, action)
        if first is not None:
            menu.insertSeparator(first)

    def show(self, title: str, heading: str) -> QDialog:
        dialog = self.dialogs.get(title)
        if dialog is None:
            dialog = self.dialogs[title] = _document(self._window, title, heading)
        dialog.show()
        dialog.raise_()
        return dialog


def _document(parent: QWidget, title: str, heading: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(f"{title} — Jimo Inspector")
    dialog.resize(900, 700)
    browser = QTextBrowser(dialog)
    browser.setObjectName("helpText")
    browser.setOpenExternalLinks(True)
    path = readme_path()
    if path is None:
        browser.setPlainText("The README is not installed with this copy of Jimo Inspector.")
    else:
        browser.setSearchPaths([str(path.parent)])  # its screenshots
        browser.setMarkdown(readme_section(path.read_text(encoding="utf-8"), heading))
    QVBoxLayout(dialog).addWidget(browser)
    return dialog
