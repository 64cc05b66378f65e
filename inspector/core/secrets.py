"""API keys and write keys: kept in the OS keyring, never in files; masked wherever shown.

A config keeps a reference (``"apiKey": "keyring:jimo-cloud-api-key"``) instead of the key.
A key is found the same way by ``inspect``, ``send`` and the window: the environment variable
(``JIMO_API_KEY``, ``SEGMENT_WRITE_KEY`` or the one named), else a plain key still in the
config (older configs; moved to the keyring at the next save), else the keyring. Without a
keyring backend (a headless Linux), a key is kept in memory for this run only and
``KeyStore.persistent`` says so.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from inspector.core.destinations._cloud_request import mask_secret

if TYPE_CHECKING:
    from inspector.core.destinations import DestinationConfig

__all__ = [
    "SERVICE",
    "JIMO_ACCOUNT",
    "SEGMENT_ACCOUNT",
    "DEFAULT_ENV",
    "NO_KEYRING",
    "FoundKey",
    "KeyStore",
    "default_store",
    "mask",
    "reference",
    "is_reference",
    "find_key",
    "resolve_config",
    "strip_secrets",
]

SERVICE = "jimo-inspector"
JIMO_ACCOUNT = "jimo-cloud-api-key"
SEGMENT_ACCOUNT = "segment-write-key"
DEFAULT_ENV = {JIMO_ACCOUNT: "JIMO_API_KEY", SEGMENT_ACCOUNT: "SEGMENT_WRITE_KEY"}
NO_KEYRING = "no keyring: this run only"
_PREFIX = "keyring:"
_FROM_ENVIRONMENT: set[str] = set()
"""Digests of keys read from environment variables: saving a config never copies those into
the keyring (the environment stays their only home)."""
_SECRET_SETTINGS = {"actions-jimo-cloud": {"apiKey": JIMO_ACCOUNT}}


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def mask(secret: Any) -> str:
    """``****abcd``: the last four characters of a long enough key, never more."""
    return mask_secret(secret)


def reference(account: str) -> str:
    return _PREFIX + account


def is_reference(value: Any) -> bool:
    return isinstance(value, str) and value.startswith(_PREFIX)


@dataclass(frozen=True, slots=True)
class FoundKey:
    """A key and where it came from: ``env:VAR``, ``config``, ``keyring``, ``this run``."""

    secret: str | None
    source: str | None

    @property
    def masked(self) -> str:
        return mask(self.secret) if self.secret else ""

    def __repr__(self) -> str:  # never the secret, even in a traceback
        return f"FoundKey(secret={self.masked!r}, source={self.source!r})"


class KeyStore:
    """The OS keyring, with an in-memory fallback when no backend exists.

    ``persistent`` is None until the keyring was used, then True (the OS keyring works) or
    False (keys live for this run only; ``status`` is the sentence to show).
    """

    def __init__(self) -> None:
        self._memory: dict[str, str] = {}
        self._lock = threading.Lock()
        self.persistent: bool | None = None
        self.problem: str | None = None

    @property
    def status(self) -> str:
        return NO_KEYRING if self.persistent is False else ""

    def _failed(self, exc: Exception) -> None:
        self.persistent = False
        self.problem = str(exc).split(".")[0]

    def get(self, account: str) -> FoundKey:
        import keyring
        import keyring.errors

        with self._lock:
            if account in self._memory:
                return FoundKey(self._memory[account], "this run")
        try:
            secret = keyring.get_password(SERVICE, account)
        except keyring.errors.KeyringError as exc:
            self._failed(exc)
            return FoundKey(None, None)
        self.persistent = True
        return FoundKey(secret, "keyring" if secret else None)

    def set(self, account: str, secret: str) -> bool:
        """Store a key; True when it reached the OS keyring, False when kept for this run."""
        import keyring
        import keyring.errors

        try:
            keyring.set_password(SERVICE, account, secret)
        except keyring.errors.KeyringError as exc:
            self._failed(exc)
            with self._lock:
                self._memory[account] = secret
            return False
        self.persistent = True
        with self._lock:
            self._memory.pop(account, None)
        return True

    def delete(self, account: str) -> None:
        import keyring
        import keyring.errors

        with self._lock:
            self._memory.pop(account, None)
        try:
            keyring.delete_password(SERVICE, account)
        except keyring.errors.KeyringError:
            pass


default_store = KeyStore()


def find_key(
    account: str,
    env_var: str | None = None,
    *,
    config_value: Any = None,
    environ: Mapping[str, str] | None = None,
    store: KeyStore | None = None,
) -> FoundKey:
    """The environment variable, else a plain key from the config, else the keyring."""
    environ = os.environ if environ is None else environ
    var = env_var or DEFAULT_ENV.get(account)
    if var and environ.get(var):
        return FoundKey(environ[var], f"env:{var}")
    if isinstance(config_value, str) and config_value and not is_reference(config_value):
        return FoundKey(config_value, "config")
    found = (store or default_store).get(account)
    return found if found.secret else FoundKey(None, None)


def resolve_config(
    config: DestinationConfig,
    *,
    environ: Mapping[str, str] | None = None,
    store: KeyStore | None = None,
) -> tuple[DestinationConfig, FoundKey | None]:
    """The config with its key filled in (env, config, keyring), for inspecting or sending.

    A config without a key or with a keyring reference then inspects exactly as one with
    the key; when no key is found the setting is left out (Segment's "missing apiKey").
    """
    fields = _SECRET_SETTINGS.get(config.destination)
    if not fields:
        return config, None
    settings = dict(config.settings)
    found: FoundKey | None = None
    for name, account in fields.items():
        found = find_key(account, config_value=settings.get(name), environ=environ, store=store)
        if found.secret:
            settings[name] = found.secret
            if (found.source or "").startswith("env:"):
                _FROM_ENVIRONMENT.add(_digest(found.secret))
        else:
            settings.pop(name, None)
    return replace(config, settings=settings), found


def strip_secrets(
    config: DestinationConfig, *, store: KeyStore | None = None
) -> tuple[DestinationConfig, bool | None]:
    """The config to write to a file: plain keys moved to the keyring, references kept.

    Returns the config and whether the keys persisted (None: there was nothing to move;
    False: no keyring, the keys are kept for this run only and the file has the reference).
    """
    fields = _SECRET_SETTINGS.get(config.destination)
    if not fields:
        return config, None
    settings = dict(config.settings)
    persisted: bool | None = None
    for name, account in fields.items():
        value = settings.get(name)
        if isinstance(value, str) and value and not is_reference(value):
            if _digest(value) not in _FROM_ENVIRONMENT:
                persisted = (store or default_store).set(account, value)
            settings[name] = reference(account)
    return replace(config, settings=settings), persisted
