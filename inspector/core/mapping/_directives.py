"""The directives, one small function each, registered in :data:`DIRECTIVES`.

Each function takes the directive's option (unresolved) and the :class:`Scope` inside the
directive, and returns the resolved value (``UNDEFINED`` when Segment's yields ``undefined``).
Run-time checks and messages follow actions-core's ``mapping-kit/index.ts``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from inspector.core import _jsjson as jsjson
from inspector.core._js import (
    UNDEFINED,
    JsPrototype,
    JsTypeError,
    js_loose_equals_empty,
    js_string_exact_ints,
    js_stringify_or_undefined,
    js_truthy,
    real_type_of,
)

from ._liquid import LiquidFailure, liquid_paths, render_liquid
from ._path import strip_root
from ._scope import PrefixSource, Scope
from ._text import flatten, js_replace, render_template
from ._types import Origin

__all__ = ["DIRECTIVES", "Directive"]

Directive = Callable[[Any, Scope], Any]
MAX_PATTERN_LENGTH = 10
MAX_REPLACEMENT_LENGTH = 10


def _opt(opts: dict[str, Any], key: str) -> Any:
    return opts.get(key, UNDEFINED)


def _require_object(opts: Any, scope: Scope, message: str) -> dict[str, Any]:
    if not isinstance(opts, dict):
        raise scope.error(message)
    return opts


def _resolve_string(opt: Any, scope: Scope, name: str) -> str:
    value = scope.resolve(opt)
    if not isinstance(value, str):
        raise scope.error(f"{name}: expected string, got {real_type_of(value)}")
    return value


def _path(opt: Any, scope: Scope) -> Any:
    return scope.lookup(strip_root(_resolve_string(opt, scope, "@path")))


def _template(opt: Any, scope: Scope) -> Any:
    try:
        return render_template(_resolve_string(opt, scope, "@template"), scope.lookup)
    except JsTypeError as exc:
        raise scope.error(str(exc)) from None


def _literal(opt: Any, scope: Scope) -> Any:
    return scope.resolve(opt)


def _if(opts: Any, scope: Scope) -> Any:
    opts = _require_object(opts, scope, '@if requires an object with an "exists" key')
    exists, blank = _opt(opts, "exists"), _opt(opts, "blank")
    if not js_truthy(exists) and not js_truthy(blank):
        raise scope.error('@if requires an "exists" key or a "blank" key')
    if exists is not UNDEFINED:
        value = scope.resolve(exists, "exists")
        condition = value is not UNDEFINED and value is not None
    else:
        value = scope.resolve(blank, "blank")
        try:
            condition = (
                value is not UNDEFINED and value is not None and not js_loose_equals_empty(value)
            )
        except JsTypeError as exc:
            raise scope.error(str(exc)) from None
    then, else_ = _opt(opts, "then"), _opt(opts, "else")
    if condition and then is not UNDEFINED:
        return scope.resolve(then, "then")
    if not condition and js_truthy(else_):
        return scope.resolve(else_, "else")
    return UNDEFINED


def _case(opts: Any, scope: Scope) -> Any:
    opts = _require_object(opts, scope, '@case requires an object with a "operator" key')
    operator = _opt(opts, "operator")
    if not js_truthy(operator):
        raise scope.error('@case requires a "operator" key')
    if not js_truthy(_opt(opts, "value")):
        return UNDEFINED
    value = scope.resolve(opts["value"], "value")
    if not isinstance(value, str):
        return value
    if operator == "lower":
        return value.lower()
    if operator == "upper":
        return value.upper()
    raise scope.error('operator key should have a value of "lower" or "upper"')


def _js_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _replace_once(
    scope: Scope, text: str, pattern: str, replacement: str, flags: tuple[bool, bool]
) -> str:
    if _js_length(pattern) > MAX_PATTERN_LENGTH:
        raise scope.error(
            f'@replace requires a "pattern" less than {MAX_PATTERN_LENGTH} characters'
        )
    if _js_length(replacement) > MAX_REPLACEMENT_LENGTH:
        raise scope.error(
            f'@replace requires a "replacement" less than {MAX_REPLACEMENT_LENGTH} characters'
        )
    return js_replace(text, pattern, replacement, ignorecase=flags[0], global_=flags[1])


def _replace(opts: Any, scope: Scope) -> Any:
    opts = _require_object(opts, scope, '@replace requires an object with a "pattern" key')
    pattern = _opt(opts, "pattern")
    if not js_truthy(pattern):
        raise scope.error('@replace requires a "pattern" key')
    replacement = "" if opts.get("replacement") is None else opts["replacement"]
    pattern2 = _opt(opts, "pattern2")
    replacement2 = (
        ""
        if js_truthy(pattern2) and opts.get("replacement2") is None
        else _opt(opts, "replacement2")
    )
    ignorecase = False if opts.get("ignorecase") is None else opts["ignorecase"]
    is_global = True if opts.get("global") is None else opts["global"]
    if not js_truthy(_opt(opts, "value")):
        return UNDEFINED
    value = scope.resolve(opts["value"], "value")
    if isinstance(value, bool | int | float):
        value = js_string_exact_ints(value)
    if not (
        isinstance(value, str) and isinstance(pattern, str) and isinstance(replacement, str)
        and isinstance(ignorecase, bool) and isinstance(is_global, bool)
    ):  # fmt: skip
        return ""
    flags = (ignorecase, is_global)
    result = _replace_once(scope, value, pattern, replacement, flags)
    if js_truthy(pattern2) and isinstance(pattern2, str) and isinstance(replacement2, str):
        result = _replace_once(scope, result, pattern2, replacement2, flags)
    return result


def _array_path(data: Any, scope: Scope) -> Any:
    if not isinstance(data, list):
        raise scope.error(f"@arrayPath expected array, got {real_type_of(data)}")
    path = data[0] if data else UNDEFINED
    shape = data[1] if len(data) > 1 else UNDEFINED
    mark = scope.mark()
    if isinstance(path, str):
        root = scope.lookup(strip_root(path))
    else:
        root = scope.resolve(path, "0")
    if not (isinstance(root, dict | list | JsPrototype) and isinstance(shape, dict) and shape):
        return root
    prefixes = tuple(o.event_path for o in scope.since(mark))
    if isinstance(root, JsPrototype):  # a built-in prototype reached through a path
        items: list[Any] = [] if root.kind == "Array" else [root]
    else:
        items = root if isinstance(root, list) else [root]
    out = []
    for index, item in enumerate(items):
        item_prefixes = (
            tuple(f"{p}.{index}" if p else str(index) for p in prefixes)
            if isinstance(root, list)
            else prefixes
        )
        item_scope = scope.with_source(
            PrefixSource(item, item_prefixes), (*scope.loc, str(index)), "1"
        )
        out.append(item_scope.resolve(shape))
    return out


def _flatten(opts: Any, scope: Scope) -> Any:
    opts = _require_object(opts, scope, '@flatten requires an object with a "separator" key')
    if not js_truthy(_opt(opts, "separator")):
        raise scope.error('@flatten requires a "separator" key')
    separator = scope.resolve(opts["separator"], "separator")
    if not isinstance(separator, str):
        raise scope.error("@flatten requires a string separator")
    mark = scope.mark()
    value = scope.resolve(_opt(opts, "value"), "value")
    sources = scope.since(mark)
    out: dict[str, Any] = {}
    for segments, leaf in flatten(value, separator, js_truthy(_opt(opts, "omitArrays"))):
        key = separator.join(segments)
        out[key] = leaf
        for origin in sources:
            path = ".".join(p for p in (origin.event_path, *segments) if p)
            scope.record((*scope.loc, key), Origin(path, origin.directive))
    return out


def _json(opts: Any, scope: Scope) -> Any:
    opts = _require_object(opts, scope, '@json requires an object with a "value" key')
    mode = _opt(opts, "mode")
    if not js_truthy(mode):
        raise scope.error('@json requires a "mode" key')
    if not js_truthy(_opt(opts, "value")):
        raise scope.error('@json requires a "value" key')
    value = scope.resolve(opts["value"], "value")
    if mode == "encode":
        return js_stringify_or_undefined(value)
    if mode == "decode":
        return _json_parse(value) if isinstance(value, str) else value
    return UNDEFINED


def _json_parse(text: str) -> Any:
    """``JSON.parse``, or the text itself when it is not JSON (as actions-core's @json does)."""
    try:
        return jsjson.loads(text, infinity=True)
    except jsjson.JsonProblem:
        return text


def _assign(target: dict[str, Any], source: Any) -> None:
    """``Object.assign`` of one source: strings and arrays contribute their indices."""
    if isinstance(source, dict):
        target.update(source)
    elif isinstance(source, list):
        target.update((str(i), v) for i, v in enumerate(source))
    elif isinstance(source, str):  # one key per UTF-16 code unit, as JavaScript indexes strings
        units = source.encode("utf-16-le", "surrogatepass")
        target.update(
            (str(i), units[2 * i : 2 * i + 2].decode("utf-16-le", "surrogatepass"))
            for i in range(len(units) // 2)
        )


def _merge(opts: Any, scope: Scope) -> Any:
    opts = _require_object(
        opts, scope, '@merge requires an object with an "objects" key and a "direction" key'
    )
    if not js_truthy(_opt(opts, "direction")):
        raise scope.error('@merge requires a "direction" key')
    direction = scope.resolve(opts["direction"], "direction")
    objects = _opt(opts, "objects")
    if not js_truthy(objects):
        raise scope.error('@merge requires a "objects" key')
    if not isinstance(objects, list):
        raise scope.error(f"@merge: expected opts.array, got {real_type_of(objects)}")
    resolved = []
    for index, obj in enumerate(objects):
        mark = scope.mark()
        resolved.append((scope.resolve(obj, "objects", str(index)), scope.since(mark)))
    if direction == "left":
        resolved.reverse()
    out: dict[str, Any] = {}
    for value, origins in resolved:
        _assign(out, value)
        for key in value if isinstance(value, dict) else ():
            for origin in origins:
                scope.record(
                    (*scope.loc, key),
                    Origin(f"{origin.event_path}.{key}".lstrip("."), origin.directive),
                )
    return out


def _transform(opts: Any, scope: Scope) -> Any:
    from ._resolve import nested_transform

    opts = _require_object(
        opts, scope, '@transform requires an object with an "apply" key and a "mapping" key'
    )
    if not js_truthy(_opt(opts, "mapping")):
        raise scope.error('@transform requires a "mapping" key')
    if not js_truthy(_opt(opts, "apply")):
        raise scope.error('@transform requires a "apply" key')
    if not isinstance(opts["apply"], dict):
        raise scope.error('@transform "apply" key should be an object')
    source = nested_transform(opts["apply"], scope)
    return scope.with_source(source, scope.loc, "mapping", scope.tag).resolve(opts["mapping"])


def _clean_nulls(value: Any) -> Any:
    if not isinstance(value, dict):
        return value
    return {k: UNDEFINED if v is None else _clean_nulls(v) for k, v in value.items()}


def _exclude_when_null(opt: Any, scope: Scope) -> Any:
    value = scope.resolve(opt)
    return UNDEFINED if value is None else _clean_nulls(value)


def _liquid(opt: Any, scope: Scope) -> Any:
    if not isinstance(opt, str):
        raise scope.error("liquid template value must be a string")
    for segments in liquid_paths(opt):
        scope.lookup(".".join(segments))
    try:
        return render_liquid(opt, scope.source.value)
    except LiquidFailure as err:
        raise scope.error(str(err)) from None


DIRECTIVES: dict[str, Directive] = {
    "@if": _if,
    "@case": _case,
    "@replace": _replace,
    "@arrayPath": _array_path,
    "@path": _path,
    "@template": _template,
    "@literal": _literal,
    "@flatten": _flatten,
    "@json": _json,
    "@merge": _merge,
    "@transform": _transform,
    "@excludeWhenNull": _exclude_when_null,
    "@liquid": _liquid,
}
