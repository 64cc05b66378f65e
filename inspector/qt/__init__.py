"""The PySide6 layer: thin models and widgets over the core. Every PySide6 import lives here."""
