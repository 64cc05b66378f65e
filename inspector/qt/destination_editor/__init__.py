"""The destination editor: settings, subscriptions, triggers and mappings, with undo.

>>> editor = DestinationEditor(default_config())
>>> editor.config_changed.connect(on_config)    # a valid DestinationConfig after each edit
>>> editor.set_event(event)                     # the trigger editor explains against it
"""

from inspector.qt.destination_editor.editor import DEBOUNCE_MS, DestinationEditor

__all__ = ["DEBOUNCE_MS", "DestinationEditor"]
