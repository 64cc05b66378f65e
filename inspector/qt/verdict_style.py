"""How a subscription verdict looks everywhere in the GUI: one glyph, one colour, one tint."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette

from inspector.core.evaluation import Verdict

__all__ = [
    "VERDICT_GLYPHS",
    "VERDICT_COLOURS",
    "verdict_colour",
    "verdict_brush",
    "verdict_text",
    "palette_is_dark",
]

# A symbol per verdict, so the matrix reads the same without colour (and in a screenshot in grey).
VERDICT_GLYPHS: dict[Verdict, str] = {
    Verdict.DELIVERED: "✓",
    Verdict.NOT_DELIVERED: "○",
    Verdict.INVALID: "!",
    Verdict.TRIGGER_ERROR: "✕",
    Verdict.NOT_MATCHED: "·",
    Verdict.DISABLED: "–",
}

# (light theme, dark theme) foreground colours.
VERDICT_COLOURS: dict[Verdict, tuple[str, str]] = {
    Verdict.DELIVERED: ("#1e7d45", "#5fcf8a"),
    Verdict.NOT_DELIVERED: ("#2f6fc0", "#7fb2ff"),
    Verdict.INVALID: ("#b35c00", "#f0a050"),
    Verdict.TRIGGER_ERROR: ("#c62828", "#ff7070"),
    Verdict.NOT_MATCHED: ("#8a9099", "#6f7680"),
    Verdict.DISABLED: ("#a0a0a0", "#5c5c5c"),
}

# Not matched and disabled are the quiet majority: they get no tint, so the rest stands out.
_TINTED = frozenset(
    {Verdict.DELIVERED, Verdict.NOT_DELIVERED, Verdict.INVALID, Verdict.TRIGGER_ERROR}
)


def verdict_colour(verdict: Verdict, dark: bool = False) -> QColor:
    """The verdict's foreground colour (glyphs, chip text) for a light or dark palette."""
    return QColor(VERDICT_COLOURS[verdict][1 if dark else 0])


def verdict_brush(verdict: Verdict, dark: bool = False) -> QBrush:
    """A background tint for the verdict (``Qt.NoBrush`` for the quiet verdicts)."""
    if verdict not in _TINTED:
        return QBrush()
    colour = verdict_colour(verdict, dark)
    colour.setAlpha(70 if dark else 38)
    return QBrush(colour)


def verdict_text(verdict: Verdict) -> str:
    """Glyph and label, e.g. ``"✓ matched"`` (legends, tooltips, chips)."""
    return f"{VERDICT_GLYPHS[verdict]} {verdict.label}"


def palette_is_dark(palette: QPalette | None = None) -> bool:
    """Whether ``palette`` (default: the application's) has a dark window background."""
    palette = palette if palette is not None else QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128
