"""String, HTML, URL and base64 filters, with JavaScript string semantics (UTF-16 lengths)."""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from typing import Any
from urllib.parse import quote

from inspector.core._js import UNDEFINED, js_truthy

from ._context import Context
from ._errors import FilterError
from ._html import escape_html, strip_html
from ._values import compare, join_units, js_number, stringify, u16_len, u16_units

__all__ = ["TEXT_FILTERS"]

_JS_SPACE = (
    " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
    "\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
)
_JS_WS = "[" + re.escape(_JS_SPACE) + "]+"
_ESCAPE = {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;"}
_UNESCAPE = {v: k for k, v in _ESCAPE.items()}


def _text(ctx: Context, value: Any) -> str:
    text = stringify(value)
    ctx.use_memory(u16_len(text))
    return text


def _two_args(name: str) -> Any:
    def apply(ctx: Context, value: Any, *args: Any) -> str:
        if len(args) != 1:
            raise FilterError(f"{name} expect 2 arguments")
        left, right = stringify(value), stringify(args[0])
        ctx.use_memory(u16_len(left) + u16_len(right))
        return left + right if name == "append" else right + left

    return apply


def _strip_chars(side: str) -> Any:
    def apply(ctx: Context, value: Any, chars: Any = UNDEFINED, *_: Any) -> str:
        text = _text(ctx, value)
        if not js_truthy(chars):
            if side == "both":
                return text.strip(_JS_SPACE)
            return text.lstrip(_JS_SPACE) if side == "left" else text.rstrip(_JS_SPACE)
        wanted = set(stringify(chars))
        units = u16_units(text)
        start, end = 0, len(units)
        if side in ("left", "both"):
            while start < end and units[start] in wanted:
                start += 1
        if side in ("right", "both"):
            while end > start and units[end - 1] in wanted:
                end -= 1
        return join_units(units[start:end])

    return apply


def _case(kind: str) -> Any:
    def apply(ctx: Context, value: Any, *_: Any) -> str:
        text = _text(ctx, value)
        if kind == "upcase":
            return text.upper()
        if kind == "downcase":
            return text.lower()
        units = u16_units(text)
        if not units:
            return ""
        head = units[0] if 0xD800 <= ord(units[0]) <= 0xDFFF else units[0].upper()
        return join_units(head + units[1:].lower())

    return apply


def _remove(ctx: Context, value: Any, pattern: Any = UNDEFINED, *_: Any) -> str:
    text, pat = stringify(value), stringify(pattern)
    ctx.use_memory(u16_len(text) + u16_len(pat))
    return text.replace(pat, "") if pat else text


def _remove_first(ctx: Context, value: Any, pattern: Any = UNDEFINED, *_: Any) -> str:
    text, pat = stringify(value), stringify(pattern)
    ctx.use_memory(u16_len(text) + u16_len(pat))
    return text.replace(pat, "", 1)


def _remove_last(ctx: Context, value: Any, pattern: Any = UNDEFINED, *_: Any) -> str:
    text, pat = stringify(value), stringify(pattern)
    ctx.use_memory(u16_len(text) + u16_len(pat))
    index = text.rfind(pat)
    return text if index < 0 else text[:index] + text[index + len(pat) :]


def _replace(ctx: Context, value: Any, pattern: Any = UNDEFINED, repl: Any = UNDEFINED,
             *_: Any) -> str:  # fmt: skip
    text, pat, new = stringify(value), stringify(pattern), stringify(repl)
    parts = u16_units(text) if pat == "" else text.split(pat)
    ctx.use_memory(u16_len(text) + (len(parts) - 1) * (u16_len(new) - u16_len(pat)))
    if pat == "":
        return join_units(new.join(parts))
    return new.join(parts)


def _replace_first(ctx: Context, value: Any, pattern: Any = UNDEFINED, repl: Any = UNDEFINED,
                   *_: Any) -> str:  # fmt: skip
    text, pat, new = stringify(value), stringify(pattern), stringify(repl)
    ctx.use_memory(u16_len(text) + u16_len(pat) + u16_len(new))
    index = text.find(pat)
    return text if index < 0 else text[:index] + new + text[index + len(pat) :]


def _replace_last(ctx: Context, value: Any, pattern: Any = UNDEFINED, repl: Any = UNDEFINED,
                  *_: Any) -> str:  # fmt: skip
    text, pat, new = stringify(value), stringify(pattern), stringify(repl)
    ctx.use_memory(u16_len(text) + u16_len(pat) + u16_len(new))
    index = text.rfind(pat)
    return text if index < 0 else text[:index] + new + text[index + len(pat) :]


def _split(ctx: Context, value: Any, sep: Any = UNDEFINED, *_: Any) -> list[str]:
    text = _text(ctx, value)
    separator = stringify(sep)
    parts = list(u16_units(text)) if separator == "" else text.split(separator)
    while parts and parts[-1] == "":
        parts.pop()
    return parts


def _strip_newlines(ctx: Context, value: Any, *_: Any) -> str:
    return re.sub(r"\r?\n", "", _text(ctx, value))


def _substring(units: str, start: float, end: float) -> str:
    def clamp(x: float) -> int:
        if x != x:
            return 0
        return int(max(0, min(len(units), x)))

    a, b = clamp(start), clamp(end)
    return join_units(units[min(a, b) : max(a, b)])


def _truncate(ctx: Context, value: Any, length: Any = UNDEFINED, end: Any = UNDEFINED,
              *_: Any) -> Any:  # fmt: skip
    text = stringify(value)
    ellipsis = "..." if end is UNDEFINED else stringify(end)
    ctx.use_memory(u16_len(text) + u16_len(ellipsis))
    limit = 50 if length is UNDEFINED else length
    if compare(u16_len(text), limit) in (-1, 0):
        return value
    cut = js_number(limit) - u16_len(ellipsis)
    return _substring(u16_units(text), 0, cut) + ellipsis


def _truncatewords(ctx: Context, value: Any, words: Any = UNDEFINED, end: Any = UNDEFINED,
                   *_: Any) -> str:  # fmt: skip
    text = stringify(value)
    ellipsis = "..." if end is UNDEFINED else stringify(end)
    ctx.use_memory(u16_len(text) + u16_len(ellipsis))
    parts = re.split(_JS_WS, text)
    count: Any = 15 if words is UNDEFINED else words
    if compare(count, 0) in (-1, 0):
        count = 1
    n = js_number(count)
    take = 0 if n != n else max(0, int(n)) if n != float("inf") else len(parts)
    result = " ".join(parts[:take])
    if compare(len(parts), count) in (1, 0):
        result += ellipsis
    return result


def _normalize_whitespace(ctx: Context, value: Any, *_: Any) -> str:
    return re.sub(_JS_WS, " ", _text(ctx, value))


_CJK = "\u4e00-\u9fff\uf900-\ufaff\u3400-\u4dbf\u3040-\u309f\u30a0-\u30ff\uac00-\ud7af"


def _number_of_words(ctx: Context, value: Any, mode: Any = UNDEFINED, *_: Any) -> int:
    text = _text(ctx, value).strip(_JS_SPACE)
    if not text:
        return 0
    cjk = re.findall(f"[{_CJK}]", text)
    others = re.findall(f"[^{_CJK}{re.escape(_JS_SPACE)}]+", text)
    if mode == "cjk" or (mode == "auto" and cjk):
        return len(cjk) + len(others)
    return len(re.split(_JS_WS, text))


def _escape(ctx: Context, value: Any, *_: Any) -> str:
    return escape_html(_text(ctx, value))


def _escape_once(ctx: Context, value: Any, *_: Any) -> str:
    text = re.sub(r"&(amp|lt|gt|#34|#39);", lambda m: _UNESCAPE[m.group()], _text(ctx, value))
    return _escape(ctx, text)


def _strip_html(ctx: Context, value: Any, *_: Any) -> str:
    return strip_html(_text(ctx, value), ctx.check_time)


def _utf8(text: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise FilterError("URI malformed") from None


def _url_encode(ctx: Context, value: Any, *_: Any) -> str:
    return quote(_utf8(stringify(value)), safe="!*'()").replace("%20", "+")


def _cgi_escape(ctx: Context, value: Any, *_: Any) -> str:
    return quote(_utf8(stringify(value)), safe="").replace("%20", "+")


def _uri_escape(ctx: Context, value: Any, *_: Any) -> str:
    encoded = quote(_utf8(stringify(value)), safe=";,/?:@&=+$!*'()#")
    return encoded.replace("%5B", "[").replace("%5D", "]")


def _url_decode(ctx: Context, value: Any, *_: Any) -> str:
    return _decode_uri_component(stringify(value)).replace("+", " ")


def _decode_uri_component(text: str) -> str:
    out: list[str] = []
    i = 0
    while i < len(text):
        if text[i] != "%":
            out.append(text[i])
            i += 1
            continue
        data = bytearray()
        while i < len(text) and text[i] == "%":
            pair = text[i + 1 : i + 3]
            if len(pair) < 2 or not all(c in "0123456789abcdefABCDEF" for c in pair):
                raise FilterError("URI malformed")
            data.append(int(pair, 16))
            i += 3
            if data[0] < 0x80 or _complete(data):
                break
        try:
            out.append(bytes(data).decode("utf-8"))
        except UnicodeDecodeError:
            raise FilterError("URI malformed") from None
    return "".join(out)


def _complete(data: bytearray) -> bool:
    lead = data[0]
    for size, mask, bits in ((2, 0xE0, 0xC0), (3, 0xF0, 0xE0), (4, 0xF8, 0xF0)):
        if lead & mask == bits:
            return len(data) >= size
    return True


_SLUG_KEEP = {"default": "", "latin": "", "pretty": "._~!$&'()+,;=@"}
_ACCENTS = [("àáâãäå", "a"), ("æ", "ae"), ("ç", "c"), ("èéêë", "e"), ("ìíîï", "i"), ("ð", "d"),
            ("ñ", "n"), ("òóôõöø", "o"), ("ùúûü", "u"), ("ýÿ", "y"), ("ß", "ss"), ("œ", "oe"),
            ("þ", "th"), ("ẞ", "SS"), ("Œ", "OE"), ("Þ", "TH")]  # fmt: skip


def _slug_char(ch: str, extra: str) -> bool:
    category = unicodedata.category(ch)
    return category[0] in "ML" or category == "Nd" or ch in extra


def _slugify(ctx: Context, value: Any, mode: Any = "default", cased: Any = False,
             *_: Any) -> str:  # fmt: skip
    text = stringify(value)
    mode = "default" if mode is UNDEFINED else mode
    if mode == "raw":
        text = re.sub(_JS_WS, "-", text)
    elif mode == "ascii":
        text = re.sub(r"[^A-Za-z0-9]+", "-", text)
    elif isinstance(mode, str) and mode in _SLUG_KEEP:
        if mode == "latin":
            for chars, plain in _ACCENTS:
                text = re.sub(f"[{chars}]", plain, text)
        keep = _SLUG_KEEP[mode]
        text = "".join(ch if _slug_char(ch, keep) else "\0" for ch in text)
        text = re.sub("\0+", "-", text)
    if mode in ("raw", "ascii") or (isinstance(mode, str) and mode in _SLUG_KEEP):
        text = re.sub(r"^-|-$", "", text)
    return text if js_truthy(cased) else text.lower()


def _base64_encode(ctx: Context, value: Any, *_: Any) -> str:
    text = _text(ctx, value)
    well_formed = re.sub("[\ud800-\udfff]", "\ufffd", join_units(text))  # as Node encodes
    return base64.b64encode(well_formed.encode("utf-8")).decode("ascii")


def _base64_decode(ctx: Context, value: Any, *_: Any) -> str:
    text = _text(ctx, value)
    if not text.isascii():  # Node reads each UTF-16 unit's low byte
        text = "".join(chr(ord(unit) & 0xFF) for unit in u16_units(text))
    text = text.replace("-", "+").replace("_", "/")
    text = re.sub(r"[^A-Za-z0-9+/=]", "", text).split("=")[0]
    text = text[: len(text) - len(text) % 4] if len(text) % 4 == 1 else text
    try:
        data = base64.b64decode(text + "=" * (-len(text) % 4))
    except (binascii.Error, ValueError):
        data = b""
    return data.decode("utf-8", "replace")


TEXT_FILTERS: dict[str, Any] = {
    "append": _two_args("append"), "prepend": _two_args("prepend"),
    "lstrip": _strip_chars("left"), "rstrip": _strip_chars("right"), "strip": _strip_chars("both"),
    "upcase": _case("upcase"), "downcase": _case("downcase"), "capitalize": _case("capitalize"),
    "remove": _remove, "remove_first": _remove_first, "remove_last": _remove_last,
    "replace": _replace, "replace_first": _replace_first, "replace_last": _replace_last,
    "split": _split, "strip_newlines": _strip_newlines, "truncate": _truncate,
    "truncatewords": _truncatewords, "normalize_whitespace": _normalize_whitespace,
    "number_of_words": _number_of_words, "escape": _escape, "xml_escape": _escape,
    "escape_once": _escape_once, "strip_html": _strip_html, "url_encode": _url_encode,
    "url_decode": _url_decode, "cgi_escape": _cgi_escape, "uri_escape": _uri_escape,
    "slugify": _slugify, "base64_encode": _base64_encode, "base64_decode": _base64_decode,
}  # fmt: skip
