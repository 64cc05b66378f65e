"""String formats as Segment's Ajv instance checks them (ajv-formats "full" mode plus two customs).

``text``/``password`` are always valid; ``date-like`` accepts what dayjs can parse (a canonical
number string is Unix seconds). Other formats follow ajv-formats' rules; unknown ones pass.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Callable
from datetime import datetime

from inspector.core._js import js_number_string_exact_ints

__all__ = ["FORMAT_LABELS", "check_format"]

FORMAT_LABELS = {
    "date-time": "date and time",
    "time": "time",
    "date": "date",
    "email": "email address",
    "hostname": "hostname",
    "ipv4": "IPv4 address",
    "ipv6": "IPv6 address",
    "uri": "URI",
    "uri-reference": "URI Reference",
    "uri-template": "URI-template",
    "json-pointer": "JSON Pointer",
    "relative-json-pointer": "relative JSON Pointer",
    "regex": "regular expression",
}

_DAYS = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DATE_RE = re.compile(r"(\d\d\d\d)-(\d\d)-(\d\d)")
_TIME_RE = re.compile(r"(\d\d):(\d\d):(\d\d)(\.\d+)?(z|[+-]\d\d(?::?\d\d)?)?", re.I)
_ATOM = r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+"
_LABEL = r"[a-z0-9](?:[a-z0-9-]*[a-z0-9])?"
_EMAIL_RE = re.compile(rf"{_ATOM}(?:\.{_ATOM})*@(?:{_LABEL}\.)+{_LABEL}", re.I)
_HOST_LABEL = r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
_HOSTNAME_RE = re.compile(rf"(?=.{{1,253}}\.?$){_HOST_LABEL}(?:\.{_HOST_LABEL})*\.?", re.I)
_IPV4_PART = r"(?:25[0-5]|2[0-4]\d|[01]?\d\d?)"
_IPV4_RE = re.compile(rf"(?:{_IPV4_PART}\.){{3}}{_IPV4_PART}")
_URI_RE = re.compile(
    r"[a-z][a-z0-9+\-.]*:(?:[a-z0-9\-._~!$&'()*+,;=:@/?#\[\]]|%[0-9a-f]{2})*", re.I
)
_UUID_RE = re.compile(r"(?:urn:uuid:)?[0-9a-f]{8}-(?:[0-9a-f]{4}-){3}[0-9a-f]{12}", re.I)
_POINTER_RE = re.compile(r"(?:/(?:[^~/]|~0|~1)*)*")
# dayjs's own parse pattern: a date (and optional time) without a zone is read as local time.
_DAYJS_RE = re.compile(
    r"(\d{4})[-/]?(\d{1,2})?[-/]?(\d{0,2})[Tt\s]*(\d{1,2})?:?(\d{1,2})?:?(\d{1,2})?[.:]?(\d+)?"
)
_WORDS = {
    *"jan feb mar apr may jun jul aug sep oct nov dec".split(),
    *"mon tue wed thu fri sat sun am pm utc gmt z t".split(),
}
_TOKEN_RE = re.compile(r"[a-z]+|\d+(?::\d+)*|[^a-z\d]", re.I)


def _date(text: str) -> bool:
    m = _DATE_RE.fullmatch(text)
    if not m:
        return False
    year, month, day = (int(g) for g in m.groups())
    leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 and leap else _DAYS[month])


def _time(text: str) -> bool:
    m = _TIME_RE.fullmatch(text)
    if not m:
        return False
    hour, minute, second = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return (hour <= 23 and minute <= 59 and second <= 59) or (hour, minute, second) == (23, 59, 60)


def _date_time(text: str) -> bool:
    parts = re.split(r"[t\s]", text, flags=re.I)
    return len(parts) == 2 and _date(parts[0]) and _time(parts[1])


def _uri(text: str) -> bool:
    return bool(re.search(r"[/:]", text)) and _URI_RE.fullmatch(text) is not None


def _ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return "%" not in text


def _regex(text: str) -> bool:
    try:
        re.compile(text)
    except re.error:
        return False
    return True


def _iso_with_zone(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00").replace("z", "+00:00"))
    except ValueError:
        return False
    return True


def _date_like(text: str) -> bool:
    """What ``dayjs(text).isValid()`` says, for the strings events carry."""
    try:
        number = float(text)
    except ValueError:
        number = None
    if number is not None and js_number_string_exact_ints(number) == text:
        return abs(number) * 1000 <= 8.64e15
    if _DAYJS_RE.fullmatch(text) and not text.lower().endswith("z"):
        return True
    return _iso_with_zone(text) or _legacy_date(text)


def _legacy_date(text: str) -> bool:
    """An approximation of V8's lenient ``new Date(string)`` for non-ISO text."""
    tokens = _TOKEN_RE.findall(text.strip())
    words = [t.lower() for t in tokens if t[:1].isalpha()]
    if any(w[:3] not in _WORDS for w in words):
        return False
    numbers = [t for t in tokens if t[:1].isdigit() and ":" not in t]
    has_month = any(w[:3] in _WORDS and len(w) >= 3 and w[:3] not in ("utc", "gmt") for w in words)
    if has_month:
        return 1 <= len(numbers) <= 2
    if len(numbers) == 2:
        return any(t in "/-" for t in tokens)
    return len(numbers) in (1, 3)


def _matcher(pattern: re.Pattern[str]) -> Callable[[str], bool]:
    return lambda text: pattern.fullmatch(text) is not None


_CHECKS: dict[str, Callable[[str], bool]] = {
    "date": _date,
    "time": _time,
    "date-time": _date_time,
    "uri": _uri,
    "email": _matcher(_EMAIL_RE),
    "hostname": _matcher(_HOSTNAME_RE),
    "ipv4": _matcher(_IPV4_RE),
    "ipv6": _ipv6,
    "regex": _regex,
    "uuid": _matcher(_UUID_RE),
    "json-pointer": _matcher(_POINTER_RE),
    "date-like": _date_like,
}


def check_format(name: str, text: str) -> bool:
    """True when ``text`` is valid for the string format ``name``."""
    check = _CHECKS.get(name)
    return True if check is None else check(text)
