"""The ``date`` filters: liquidjs's date reading and its strftime, in UTC like Segment's servers.

Directives (others print as written): ``%a %A %b %B %c %C %d %e %h %H %I %j %k %l %L %m %M
%N %p %P %q %s %S %t %n %u %U %w %W %x %X %y %Y %z %Z %%``; flags ``- _ 0 ^ # :`` and a width.
``%c %x %X`` are en-US words as Node prints them; ``%Z`` is ``UTC``.
"""

from __future__ import annotations

import math
import re
import time
from collections.abc import Callable
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from zoneinfo import ZoneInfo, available_timezones

from inspector.core._js import UNDEFINED

from ._errors import FilterError
from ._jsdate import MS_PER_DAY, civil, days_from_civil, parse_date_string
from ._values import is_nil, is_number, js_number, js_str, stringify, to_value, u16_len

__all__ = ["DATE_FILTERS", "strftime"]

_DAYS = ("Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
_FORMAT = re.compile(r"%([-_0^#:]+)?(\d+)?([EO])?(.)")
_PAD_WIDTH = {"d": 2, "e": 2, "H": 2, "I": 2, "j": 3, "k": 2, "l": 2, "L": 3, "m": 2, "M": 2,
              "S": 2, "U": 2, "W": 2}  # fmt: skip
_PAD_SPACE = frozenset("aAbBceklpP")
DEFAULT_FORMAT = "%A, %B %-e, %Y at %-l:%M %P %z"


class _Date:
    """A date as liquidjs shows it: ``shown`` ms (already shifted by the offset) and the offset."""

    __slots__ = ("day", "hour", "minute", "month", "ms", "offset", "second", "shown", "weekday",
                 "year", "zone_name")  # fmt: skip

    def __init__(self, shown: float, offset: float, zone_name: str | None) -> None:
        self.shown = shown
        self.offset = offset  # minutes, with JavaScript's getTimezoneOffset() sign
        self.zone_name = zone_name  # None: the runtime's zone (UTC)
        days, ms = divmod(int(shown), MS_PER_DAY)
        self.year, self.month, self.day = civil(days)
        self.hour, self.minute = ms // 3_600_000, ms // 60_000 % 60
        self.second, self.ms, self.weekday = ms // 1000 % 60, ms % 1000, (days + 4) % 7


def _day_of_year(year: int, month: int, day: int) -> int:
    return days_from_civil(year, month, day) - days_from_civil(year, 1, 1) + 1


def _week_of_year(d: _Date, start: int) -> str:
    now = _day_of_year(d.year, d.month, d.day) + (start - d.weekday)
    jan1 = (days_from_civil(d.year, 1, 1) + 4) % 7
    then = 7 - jan1 + start
    return str(math.floor((now - then) / 7) + 1)


def _ordinal(day: int) -> str:
    if day in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _offset(d: _Date, colon: bool) -> str:
    minutes = abs(d.offset)
    sign = "-" if d.offset > 0 else "+"
    hours, mins = int(minutes // 60), minutes % 60
    return f"{sign}{hours:02d}{':' if colon else ''}{js_str(mins).rjust(2, '0')}"


def _clock(d: _Date) -> str:
    return f"{d.hour % 12 or 12}:{d.minute:02d}:{d.second:02d} {'AM' if d.hour < 12 else 'PM'}"


def _calendar(d: _Date) -> str:
    return f"{d.month}/{d.day}/{d.year}"


def _nanos(d: _Date, width: str | None) -> str:
    size = int(js_number(width)) if width else 9
    size = size or 9
    return str(d.ms)[:size].ljust(size, "0")


def _zone(d: _Date, colon: bool) -> str:
    if d.zone_name is None:
        return "UTC"
    return d.zone_name or _offset(d, colon)


_CODES: dict[str, Callable[[_Date], Any]] = {
    "a": lambda d: _DAYS[d.weekday][:3], "A": lambda d: _DAYS[d.weekday],
    "b": lambda d: _MONTHS[d.month - 1][:3], "h": lambda d: _MONTHS[d.month - 1][:3],
    "B": lambda d: _MONTHS[d.month - 1], "c": lambda d: f"{_calendar(d)}, {_clock(d)}",
    "C": lambda d: int(str(d.year)[:2]), "d": lambda d: d.day, "e": lambda d: d.day,
    "H": lambda d: d.hour, "k": lambda d: d.hour, "I": lambda d: d.hour % 12 or 12,
    "l": lambda d: d.hour % 12 or 12, "j": lambda d: _day_of_year(d.year, d.month, d.day),
    "L": lambda d: d.ms, "m": lambda d: d.month, "M": lambda d: d.minute,
    "p": lambda d: "AM" if d.hour < 12 else "PM", "P": lambda d: "am" if d.hour < 12 else "pm",
    "q": lambda d: _ordinal(d.day), "s": lambda d: js_str(float(math.floor(d.shown / 1000 + 0.5))),
    "S": lambda d: d.second, "u": lambda d: d.weekday or 7, "U": lambda d: _week_of_year(d, 0),
    "w": lambda d: d.weekday, "W": lambda d: _week_of_year(d, 1), "x": _calendar, "X": _clock,
    "y": lambda d: str(d.year)[2:4], "Y": lambda d: d.year, "t": lambda d: "\t",
    "n": lambda d: "\n", "%": lambda d: "%",
}  # fmt: skip


def _convert(d: _Date, code: str, width: str | None, flags: str) -> Any:
    if code == "N":
        return _nanos(d, width)
    if code in ("z", "Z"):
        return _offset(d, ":" in flags) if code == "z" else _zone(d, ":" in flags)
    handler = _CODES.get(code)
    return None if handler is None else handler(d)


def _swap_case(text: str) -> str:
    return text.upper() if any("a" <= ch <= "z" for ch in text) else text.lower()


def _format(d: _Date, match: re.Match[str]) -> str:
    flags, width, code = match.group(1) or "", match.group(2), match.group(4)
    value = _convert(d, code, width, flags)
    if value is None:
        return match.group(0)
    text = value if isinstance(value, str) else js_str(value)
    pad = " " if code in _PAD_SPACE else "0"
    size = int(width) if width else _PAD_WIDTH.get(code, 0)
    if "^" in flags:
        text = text.upper()
    elif "#" in flags:
        text = _swap_case(text)
    if "_" in flags:
        pad = " "
    elif "0" in flags:
        pad = "0"
    if "-" in flags:
        size = 0
    return text.rjust(size, pad) if u16_len(text) < size else text


def strftime(d: _Date, fmt: str) -> str:
    out: list[str] = []
    rest = fmt
    while (match := _FORMAT.search(rest)) is not None:
        out.append(rest[: match.start()])
        out.append(_format(d, match))
        rest = rest[match.end() :]
    return "".join(out) + rest


def _time_value(value: Any) -> float:
    if is_number(value):
        ms = float(value) * 1000
    elif isinstance(value, str):
        ms = float(int(value)) * 1000 if re.fullmatch(r"\d+", value) else parse_date_string(value)
    elif isinstance(value, bool):
        ms = 1.0 if value else 0.0
    else:
        text = js_str(value)
        return parse_date_string(text)
    if not math.isfinite(ms) or abs(ms) > 8.64e15:
        return math.nan
    return float(math.trunc(ms)) if ms == ms else ms


def _make(ms: float, zone: Any) -> _Date | None:
    if ms != ms:
        return None
    if zone is UNDEFINED or zone is None:
        return _Date(ms, 0, None)
    if isinstance(zone, str):
        return _shifted(ms, _zone_offset(zone, ms), zone)
    offset = js_number(zone)
    return _shifted(ms, offset, "")


def _shifted(ms: float, offset: float, name: str) -> _Date | None:
    """The date shown ``offset`` minutes behind UTC (None when out of JavaScript's range)."""
    shown = ms - offset * 60_000
    if not math.isfinite(shown) or abs(shown) > 8.64e15:
        return None
    return _Date(float(math.trunc(shown)), offset, name)


@lru_cache(maxsize=1)
def _zone_names() -> dict[str, str]:
    """IANA zone names by their lower-case spelling (Intl accepts any letter case)."""
    names = {n.lower(): n for n in available_timezones() if n not in ("Factory", "localtime")}
    names.update({"utc": "UTC", "gmt": "UTC", "etc/utc": "UTC"})
    return names


def _zone_offset(name: str, ms: float) -> float:
    """Minutes behind UTC (JavaScript's sign) of the IANA zone ``name`` at ``ms``."""
    key = _zone_names().get(name.lower())
    if key is None:
        # V8 prints the name's UTF-8 bytes as Latin-1 in this message.
        shown = name.encode("utf-8", "replace").decode("latin-1")
        raise FilterError(f"Invalid time zone specified: {shown}")
    zone = ZoneInfo(key)
    moment = datetime.fromtimestamp(math.floor(ms / 1000), tz=UTC).astimezone(zone)
    delta = moment.utcoffset()
    return -delta.total_seconds() / 60 if delta is not None else 0.0


def parse_date(value: Any, zone: Any = UNDEFINED) -> _Date | None:
    """liquidjs ``parseDate``: nil, invalid or unreadable values give None."""
    value = to_value(value)
    if is_nil(value):
        return None
    if value in ("now", "today") and isinstance(value, str):
        return _make(float(math.floor(time.time() * 1000)), zone)
    return _make(_time_value(value), zone)


def _date(ctx: Any, value: Any, fmt: Any = UNDEFINED, zone: Any = UNDEFINED, *_: Any) -> Any:
    d = parse_date(value, zone)
    if d is None:
        return value
    fmt = to_value(fmt)
    return strftime(d, DEFAULT_FORMAT if is_nil(fmt) else stringify(fmt))


def _fixed(fmt: str) -> Any:
    def apply(ctx: Any, value: Any, *_: Any) -> Any:
        return _date(ctx, value, fmt)

    return apply


def _to_string(month: str) -> Any:
    def apply(ctx: Any, value: Any, kind: Any = UNDEFINED, style: Any = UNDEFINED, *_: Any) -> Any:
        d = parse_date(value)
        if d is None:
            return value
        if kind == "ordinal" and isinstance(kind, str):
            day = d.day
            fmt = f"{month} {day}%q, %Y" if style == "US" else f"{day}%q {month} %Y"
            return strftime(d, fmt)
        return strftime(d, f"%d {month} %Y")

    return apply


DATE_FILTERS: dict[str, Any] = {
    "date": _date,
    "date_to_xmlschema": _fixed("%Y-%m-%dT%H:%M:%S%:z"),
    "date_to_rfc822": _fixed("%a, %d %b %Y %H:%M:%S %z"),
    "date_to_string": _to_string("%b"),
    "date_to_long_string": _to_string("%B"),
}
