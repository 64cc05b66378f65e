"""Consistent masking of personal data: the same value becomes the same token everywhere.

Tokens are a keyed hash (HMAC-SHA256) of the value with a salt drawn per bundle, so joins across
events still work inside one bundle while the value cannot be looked up by hashing guesses and
two bundles cannot be joined with each other. An email masks to an email-shaped token
(``user-1a2b3c4d5e@masked.invalid``) so a mapping's email validation behaves as before.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
from collections.abc import Iterable
from typing import Any

import orjson

__all__ = ["DEFAULT_PII_PATHS", "Masker"]

DEFAULT_PII_PATHS = (
    "userId",
    "anonymousId",
    "previousId",
    "traits.email",
    "context.traits.email",
    "context.ip",
    "properties.email",
)
_MIN_EMBEDDED = 6  # shorter values are replaced only where they are the whole value
# Inside a longer string (a URL, a message) a value is found as one of its words: emails, ids
# and IPs are made of these characters. A value with spaces is replaced only where it is whole.
_WORD = re.compile(r"[\w.+@-]+")


class Masker:
    """Collects the values found at chosen dotted paths, then masks them anywhere they occur."""

    def __init__(self, paths: Iterable[str] = DEFAULT_PII_PATHS, salt: bytes | None = None):
        self.paths = tuple(dict.fromkeys(p.strip() for p in paths if p.strip()))
        self._salt = salt if salt is not None else secrets.token_bytes(32)
        self._tokens: dict[bytes, str] = {}  # JSON of a value -> its token
        self._texts: dict[str, str] = {}  # string values -> token, for embedded occurrences

    def collect(self, event: Any) -> None:
        """Remember the values at this event's PII paths."""
        for path in self.paths:
            value = _get(event, path.split("."))
            if _maskable(value):
                token = self.token(value)
                if isinstance(value, str):
                    self._texts[value] = token

    def token(self, value: Any) -> str:
        key = orjson.dumps(value)
        if key not in self._tokens:
            digest = hmac.new(self._salt, key, hashlib.sha256).hexdigest()[:10]
            email = isinstance(value, str) and "@" in value
            self._tokens[key] = f"user-{digest}@masked.invalid" if email else f"masked-{digest}"
        return self._tokens[key]

    def add_secret(self, value: str) -> None:
        """A secret (an API key) is replaced wherever it appears, whole or embedded."""
        if value:
            self._texts[value] = "<secret removed>"
            self._tokens[orjson.dumps(value)] = "<secret removed>"

    def mask_event(self, event: dict[str, Any]) -> dict[str, Any]:
        """``mask``, plus the PII paths themselves whatever their value (a small number too)."""
        masked: dict[str, Any] = self.mask(event)
        for path in self.paths:
            *parents, last = path.split(".")
            holder, original = _get(masked, parents), _get(event, path.split("."))
            if isinstance(holder, dict) and last in holder and _maskable(original):
                holder[last] = self.token(original)
        return masked

    def mask(self, value: Any) -> Any:
        """A copy of ``value`` with every collected value replaced by its token."""
        if isinstance(value, dict):
            return {k: self.mask(v) for k, v in value.items()}
        if isinstance(value, list):
            return [self.mask(v) for v in value]
        if value is None or isinstance(value, bool) or _small_number(value):
            return value
        token = self._tokens.get(orjson.dumps(value))
        if token is not None:
            return token
        if isinstance(value, str) and self._texts:
            return _WORD.sub(self._embedded, value)
        return value

    def _embedded(self, match: re.Match[str]) -> str:
        word = match.group(0)
        return self._texts.get(word, word) if len(word) >= _MIN_EMBEDDED else word


def _maskable(value: Any) -> bool:
    return value is not None and not isinstance(value, (dict, list, bool)) and value != ""


def _small_number(value: Any) -> bool:
    """Numbers below six digits (quantities, prices) are never replaced outside the PII paths."""
    return isinstance(value, (int, float)) and abs(value) < 100_000


def _get(value: Any, parts: list[str]) -> Any:
    for part in parts:
        if isinstance(value, dict):
            value = value.get(part)
        elif isinstance(value, list) and part.isdigit() and int(part) < len(value):
            value = value[int(part)]
        else:
            return None
    return value
