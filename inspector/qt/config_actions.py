"""The destination config from outside the editor: import, export, the demo's, and its API key."""

from __future__ import annotations

from collections.abc import Callable

from inspector.core.destinations import DestinationConfig, load_config, save_config
from inspector.core.errors import InspectorError
from inspector.core.secrets import JIMO_ACCOUNT, find_key
from inspector.core.workbench import Workbench
from inspector.qt.destination_editor import DestinationEditor
from inspector.resources import DEMO_CONFIG

__all__ = ["ConfigActions", "api_key"]


def api_key(config: DestinationConfig) -> str | None:
    """The Jimo Cloud key for "Copy with key", found as sending finds it: the environment,
    the config, then the keyring (None: none set)."""
    if config.destination != "actions-jimo-cloud":
        return None
    return find_key(JIMO_ACCOUNT, config_value=config.settings.get("apiKey")).secret


class ConfigActions:
    """Puts a config into both the Destination editor and the workbench; reads and writes files.

    Args:
        workbench: evaluates with the config.
        destination: the editor that shows it.
        show_message: tells the user, in one sentence, why a file could not be used.
    """

    def __init__(
        self,
        workbench: Workbench,
        destination: DestinationEditor,
        show_message: Callable[[str], None],
    ) -> None:
        self._workbench, self._destination, self._show = workbench, destination, show_message

    def load_config(self, config: DestinationConfig) -> None:
        """Adopt a config from outside the editor (import, start-up, the demo)."""
        self._destination.set_config(config)
        self._workbench.set_config(config)

    def load_demo_config(self) -> None:
        self.load_config(load_config(DEMO_CONFIG))

    def import_config(self, path: str) -> bool:
        try:
            self.load_config(load_config(path))
        except InspectorError as exc:
            self._show(f"Could not import the config: {exc}")
            return False
        return True

    def export_config(self, path: str) -> bool:
        try:
            save_config(self._workbench.config, path)
        except OSError as exc:
            self._show(f"Could not export the config: {exc.strerror or exc}")
            return False
        return True
