"""JavaScript ``Date`` for the ``date`` filter: V8's string parser and UTC calendar arithmetic.

``parse_date_string`` follows V8: the ES5 ISO form first (date-only is UTC, date-time without
offset is local time), then the legacy fallback that accepts ``May 6, 2024``,
``Mon, 06 May 2024 07:08:09 GMT``, ``2024/05/06`` and ignores words before the first number.
Local time is UTC, as on Segment's servers.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["MS_PER_DAY", "civil", "days_from_civil", "make_time_value", "parse_date_string"]

MS_PER_DAY = 86_400_000
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_ZONES = {"ut": 0, "utc": 0, "z": 0, "gmt": 0, "cdt": -5, "cst": -6, "edt": -4, "est": -5,
          "mdt": -6, "mst": -7, "pdt": -7, "pst": -8}  # fmt: skip
_WHITE = frozenset(
    " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_NONE = -(10**9)


def days_from_civil(year: int, month: int, day: int) -> int:
    """Days since 1970-01-01 of a proleptic Gregorian date (month 1..12, any day)."""
    year -= month <= 2
    era = year // 400  # floor division: right for years before 0 too
    yoe = year - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def civil(days: int) -> tuple[int, int, int]:
    """(year, month 1..12, day) of a day number since 1970-01-01."""
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    day = doy - (153 * mp + 2) // 5 + 1
    month = mp + (3 if mp < 10 else -9)
    return yoe + era * 400 + (month <= 2), month, day


def make_time_value(year: float, month: float, day: float, ms_of_day: float) -> float:
    """ECMAScript MakeDate(MakeDay(year, month0, day), time), TimeClip'ed (NaN if out of range)."""
    if not all(math.isfinite(x) for x in (year, month, day, ms_of_day)):
        return math.nan
    y = int(year) + int(month) // 12
    m = int(month) % 12
    value = (days_from_civil(y, m + 1, 1) + int(day) - 1) * MS_PER_DAY + ms_of_day
    return float(int(value)) if abs(value) <= 8.64e15 else math.nan


@dataclass
class _Tok:
    kind: str  # num, sym, word, space, end, other
    value: Any = None
    length: int = 0


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if "0" <= ch <= "9":
            j = i
            while j < n and "0" <= text[j] <= "9":
                j += 1
            significant = text[i:j].lstrip("0")[:9]  # V8 skips leading zeros, keeps 9 digits
            out.append(_Tok("num", int(significant or "0"), j - i))
            i = j
        elif ch in ":-+.)":
            out.append(_Tok("sym", ch))
            i += 1
        elif ch >= "A" and ch not in _WHITE:
            j = i
            while j < n and text[j] >= "A" and text[j] not in _WHITE:
                j += 1
            out.append(_Tok("word", text[i:j].lower(), j - i))
            i = j
        elif ch in _WHITE:
            j = i
            while j < n and text[j] in _WHITE:
                j += 1
            out.append(_Tok("space", None, j - i))
            i = j
        elif ch == "(":
            depth, j = 0, i
            while j < n:
                depth += text[j] == "("
                depth -= text[j] == ")"
                j += 1
                if depth == 0:
                    break
            out.append(_Tok("other"))
            i = j
        else:
            out.append(_Tok("other"))
            i += 1
    out.append(_Tok("end"))
    return out


class _Reader:
    def __init__(self, text: str) -> None:
        self.toks = _tokens(text)
        self.i = 0

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def next(self) -> _Tok:
        tok = self.toks[self.i]
        if tok.kind != "end":
            self.i += 1
        return tok

    def skip(self, sym: str) -> bool:
        if self.peek().kind == "sym" and self.peek().value == sym:
            self.i += 1
            return True
        return False

    def fixed(self, length: int) -> bool:
        return self.peek().kind == "num" and self.peek().length == length


def _keyword(tok: _Tok) -> tuple[str, int] | None:
    if tok.kind != "word":
        return None
    word = tok.value
    prefix = word[:3]
    if prefix in _MONTHS:
        return "month", _MONTHS.index(prefix) + 1
    if tok.length <= 3:
        if word in ("am", "pm"):
            return "ampm", 0 if word == "am" else 12
        if word in _ZONES:
            return "zone", _ZONES[word]
        if word == "t":
            return "t", 0
    return None


class _Parts:
    def __init__(self) -> None:
        self.day: list[int] = []
        self.named_month = _NONE
        self.iso = False
        self.time: list[int] = []
        self.hour_offset = _NONE
        self.tz_sign = _NONE
        self.tz_hour = _NONE
        self.tz_minute = _NONE

    def set_zone(self, hours: int) -> None:
        self.tz_sign, self.tz_hour, self.tz_minute = (1 if hours >= 0 else -1), abs(hours), 0

    def time_expecting(self, n: int) -> bool:
        size = len(self.time)
        return (
            (size == 1 and 0 <= n <= 59)
            or (size == 2 and 0 <= n <= 59)
            or (size == 3 and 0 <= n <= 999)
        )

    def time_add(self, n: int) -> bool:
        if len(self.time) >= 4:
            return False
        self.time.append(n)
        return True

    def time_final(self, n: int) -> bool:
        if not self.time_add(n):
            return False
        self.time += [0] * (4 - len(self.time))
        return True

    def tz_expecting(self, n: int) -> bool:
        return self.tz_hour != _NONE and self.tz_minute == _NONE and 0 <= n <= 59


def _millis(tok: _Tok) -> int:
    number, length = tok.value, min(tok.length, 9)
    if length == 1:
        return int(number * 100)
    if length == 2:
        return int(number * 10)
    while length > 3:
        number //= 10
        length -= 1
    return int(number)


def _es5(r: _Reader, p: _Parts) -> _Tok | None:
    """The ISO part; returns the first token left for the legacy parser, None when invalid."""
    if r.peek().kind == "sym" and r.peek().value in "+-":
        sign = r.next()
        if not r.fixed(6):
            return sign
        year = r.next().value
        if sign.value == "-" and year == 0:
            return sign
        p.day.append(-year if sign.value == "-" else year)
    elif r.fixed(4):
        p.day.append(r.next().value)
    else:
        return r.next()
    if r.skip("-"):
        if not r.fixed(2) or not 1 <= r.peek().value <= 12:
            return r.next()
        p.day.append(r.next().value)
        if r.skip("-"):
            if not r.fixed(2) or not 1 <= r.peek().value <= 31:
                return r.next()
            p.day.append(r.next().value)
    if _keyword(r.peek()) != ("t", 0):
        if r.peek().kind != "end":
            return r.next()
    elif not _es5_time(r, p):
        return None
    if p.tz_sign == _NONE and not p.time:
        p.set_zone(0)
    p.iso = True
    return _Tok("end")


def _two(r: _Reader, low: int, high: int) -> int | None:
    if not r.fixed(2) or not low <= r.peek().value <= high:
        return None
    return int(r.next().value)


def _es5_time(r: _Reader, p: _Parts) -> bool:
    r.next()
    hour = _two(r, 0, 24)
    if hour is None or not r.skip(":"):
        return False
    minute = _two(r, 0, 59)
    if minute is None or (hour == 24 and minute > 0):
        return False
    p.time += [hour, minute]
    if r.skip(":"):
        second = _two(r, 0, 59)
        if second is None or (hour == 24 and second > 0):
            return False
        p.time.append(second)
        if r.skip("."):
            if r.peek().kind != "num" or (hour == 24 and r.peek().value > 0):
                return False
            p.time.append(_millis(r.next()))
    zone = _keyword(r.peek())
    if zone == ("zone", 0) and r.peek().length == 1:
        r.next()
        p.set_zone(0)
    elif r.peek().kind == "sym" and r.peek().value in "+-":
        p.tz_sign = 1 if r.next().value == "+" else -1
        if r.fixed(4):
            hm = r.next().value
            if not (0 <= hm // 100 <= 23 and 0 <= hm % 100 <= 59):
                return False
            p.tz_hour, p.tz_minute = hm // 100, hm % 100
        else:
            tz_hour = _two(r, 0, 23)
            if tz_hour is None or not r.skip(":"):
                return False
            tz_minute = _two(r, 0, 59)
            if tz_minute is None:
                return False
            p.tz_hour, p.tz_minute = tz_hour, tz_minute
    return r.peek().kind == "end"


def _legacy_number(r: _Reader, p: _Parts, n: int) -> bool:
    if r.skip(":"):
        if r.skip(":"):
            if p.time:
                return False
            p.time += [n, 0]
        else:
            if not p.time_add(n):
                return False
            if r.peek().kind == "sym" and r.peek().value == ".":
                r.next()
    elif r.skip(".") and p.time_expecting(n):
        p.time_add(n)
        if r.peek().kind != "num":
            return False
        if not p.time_final(_millis(r.next())):
            return False
    elif p.tz_expecting(n):
        p.tz_minute = n
    elif p.time_expecting(n):
        p.time_final(n)
        peek = r.peek()
        zone = _keyword(peek)
        is_z = zone == ("zone", 0) and peek.length == 1
        is_sign = peek.kind == "sym" and peek.value in "+-"
        if not (peek.kind in ("end", "space") or is_z or is_sign):
            return False
    else:
        if len(p.day) >= 3:
            return False
        p.day.append(n)
        r.skip("-")
    return True


def _legacy(r: _Reader, p: _Parts, tok: _Tok) -> bool:
    has_number = bool(p.day)
    while tok.kind != "end":
        if tok.kind == "num":
            has_number = True
            if not _legacy_number(r, p, tok.value):
                return False
        elif tok.kind == "word":
            kw = _keyword(tok)
            if kw is not None and kw[0] == "ampm" and p.time:
                p.hour_offset = kw[1]
            elif kw is not None and kw[0] == "month":
                p.named_month = kw[1]
                r.skip("-")
            elif kw is not None and kw[0] == "zone" and has_number:
                p.set_zone(kw[1])
            elif has_number or r.peek().kind == "num":
                return False
        elif (
            tok.kind == "sym"
            and tok.value in "+-"
            and ((p.tz_hour == 0 and p.tz_minute == 0) or p.time)
        ):
            p.tz_sign = 1 if tok.value == "+" else -1
            n, length = 0, 0
            if r.peek().kind == "num":
                num = r.next()
                n, length = num.value, num.length
            has_number = True
            if r.peek().kind == "sym" and r.peek().value == ":":
                p.tz_hour, p.tz_minute = n, _NONE
            elif length in (1, 2):
                p.tz_hour, p.tz_minute = n, 0
            elif length in (3, 4):
                p.tz_hour, p.tz_minute = n // 100, n % 100
            else:
                return False
        elif tok.kind == "sym" and tok.value in "+-)" and has_number:
            return False
        tok = r.next()
    return True


def _day(p: _Parts) -> tuple[int, int, int] | None:
    if not p.day:
        return None
    comp = p.day + [1] * (3 - len(p.day))
    is_day = 1 <= comp[0] <= 31
    if p.named_month == _NONE:
        if p.iso or not is_day:
            year, month, day = comp
        else:
            month, day, year = comp
    else:
        month = p.named_month
        year, day = (comp[0], comp[1]) if not is_day else (comp[1], comp[0])
    if not p.iso:
        if 0 <= year <= 49:
            year += 2000
        elif 50 <= year <= 99:
            year += 1900
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return year, month, day


def _time(p: _Parts) -> int | None:
    hour, minute, second, ms = p.time + [0] * (4 - len(p.time))
    if p.hour_offset != _NONE:
        if not 0 <= hour <= 12:
            return None
        hour = hour % 12 + p.hour_offset
    if not (0 <= hour <= 23 and 0 <= minute <= 59 and 0 <= second <= 59 and 0 <= ms <= 999):
        if hour != 24 or minute or second or ms:
            return None
    return ((hour * 60 + minute) * 60 + second) * 1000 + ms


_ISO = re.compile(
    r"(\d{4})-(\d\d)-(\d\d)[Tt](\d\d):(\d\d)(?::(\d\d)(?:\.(\d+))?)?([Zz]|[+-]\d\d:\d\d)?"
)


def _iso_fast(text: str) -> float | None:
    """The common ``2024-05-06T07:08:09.123Z`` form without the general parser (None: not it)."""
    match = _ISO.fullmatch(text)
    if match is None:
        return None
    year, month, day, hour, minute = (int(g) for g in match.group(1, 2, 3, 4, 5))
    second = int(match.group(6) or 0)
    if not (1 <= month <= 12 and 1 <= day <= 31 and hour <= 23 and minute <= 59 and second <= 59):
        return None
    millis = int((match.group(7) or "0")[:3].ljust(3, "0"))
    value = (days_from_civil(year, month, 1) + day - 1) * MS_PER_DAY
    value += ((hour * 60 + minute) * 60 + second) * 1000 + millis
    zone = match.group(8)
    if zone and zone not in "Zz":
        sign = 1 if zone[0] == "+" else -1
        if int(zone[1:3]) > 23 or int(zone[4:6]) > 59:
            return None
        value -= sign * (int(zone[1:3]) * 60 + int(zone[4:6])) * 60_000
    return float(value)


@lru_cache(maxsize=4096)
def parse_date_string(text: str) -> float:
    """Milliseconds since the epoch that ``new Date(text)`` holds (NaN when invalid)."""
    fast = _iso_fast(text)
    if fast is not None:
        return fast
    reader, parts = _Reader(text), _Parts()
    rest = _es5(reader, parts)
    if rest is None or not _legacy(reader, parts, rest):
        return math.nan
    day, ms = _day(parts), _time(parts)
    if day is None or ms is None:
        return math.nan
    value = make_time_value(day[0], day[1] - 1, day[2], ms)
    if parts.tz_sign != _NONE:
        hours = 0 if parts.tz_hour == _NONE else parts.tz_hour
        minutes = 0 if parts.tz_minute == _NONE else parts.tz_minute
        seconds = (hours * 3600 + minutes * 60) & 0xFFFFFFFF  # V8's unsigned 32-bit sum
        if seconds > 0x7FFFFFFF:
            return math.nan
        value -= parts.tz_sign * seconds * 1000
    return value if abs(value) <= 8.64e15 else math.nan
