"""Resolution of a whole mapping against an event, as actions-core's ``transform``."""

from __future__ import annotations

from typing import Any

from inspector.core._js import UNDEFINED, JsPrototype, js_order, real_type_of

from ._directives import DIRECTIVES
from ._scope import BUILTINS_SEEN, PrefixSource, ProvenanceSource, Recorder, Scope
from ._types import MappingError, Origin, Resolution
from ._validate import check_mapping

__all__ = ["nested_transform", "resolve"]

ROOT_DIRECTIVE_KEY = "__segment_internal_directive"


def _is_directive(node: dict[str, Any]) -> bool:
    has_directive = False
    for key in node:
        if key[:1] == "@":
            has_directive = True
        elif key != "_metadata":
            return False
    return has_directive


def _resolve_node(node: Any, scope: Scope) -> Any:
    if isinstance(node, dict):
        if _is_directive(node):
            name = next(k for k in node if k[:1] == "@")
            directive = DIRECTIVES.get(name)
            if directive is None:
                raise scope.error(f"{name} is not a valid directive, got undefined")
            return directive(node[name], scope.enter(name))
        out = {key: _resolve_node(value, scope.child(key)) for key, value in node.items()}
        # actions-core builds the object by assignment: a "__proto__" key (resolved, so its
        # errors are raised) sets the prototype instead of an own key, and JSON never shows it
        out.pop("__proto__", None)
        return out
    if isinstance(node, list):
        return [_resolve_node(value, scope.child(str(i))) for i, value in enumerate(node)]
    return node


def remove_undefined(value: Any) -> Any:
    """Drop ``undefined`` object members (kept as ``null`` in lists); copy; apply JS key order.

    The copy is made by assignment, as actions-core makes it, so a ``__proto__`` key (an own key
    of parsed JSON) does not survive: assigning it sets the prototype instead.
    """
    if isinstance(value, dict):
        out = {
            k: r
            for k, v in value.items()
            if v is not UNDEFINED and (r := remove_undefined(v)) is not UNDEFINED
        }
        if "__proto__" in out:
            del out["__proto__"]
        return js_order(out)
    if isinstance(value, list):
        return [None if (r := remove_undefined(v)) is UNDEFINED else r for v in value]
    if isinstance(value, JsPrototype):  # copied as a plain object (an array for Array's)
        return value.json_value()
    return value  # a built-in function stays: validation sees it, JSON writing leaves it out


def _mapping_to_process(mapping: Any) -> Any:
    if isinstance(mapping, list):
        mapping = {str(i): v for i, v in enumerate(mapping)}
    elif isinstance(mapping, str):
        mapping = {str(i): ch for i, ch in enumerate(mapping)}
    elif not isinstance(mapping, dict):
        mapping = {}
    if ROOT_DIRECTIVE_KEY not in mapping:
        return dict(mapping)
    customer = {k: v for k, v in mapping.items() if k != ROOT_DIRECTIVE_KEY}
    root = mapping[ROOT_DIRECTIVE_KEY]
    keys = _js_keys(root)
    if len(keys) > 1:
        raise MappingError("The root mapping must only have a single directive object")
    inner = root[keys[0]] if keys and isinstance(root, dict) else UNDEFINED
    if not isinstance(inner, dict | list):
        raise MappingError("The root directive must be an object")
    if isinstance(inner, list):
        return {keys[0]: inner}  # JavaScript sets "mapping" on the array, where JSON loses it
    return {keys[0]: {**inner, "mapping": customer}}


def _js_keys(value: Any) -> list[str]:
    if isinstance(value, dict):
        return list(value)
    if isinstance(value, list | str):
        return [str(i) for i in range(len(value))]
    return []


def _run(mapping: Any, data: Any, recorder: Recorder | None, scope: Scope | None = None) -> Any:
    """``transform`` proper: data check, root directive, validation, resolution, cleanup."""
    if not isinstance(data, dict):
        raise MappingError(f"data must be an object, got {real_type_of(data)}")
    to_process = _mapping_to_process(mapping)
    check_mapping(to_process)
    if scope is None:
        scope = Scope(PrefixSource(data), _resolve_node, recorder)
    return remove_undefined(_resolve_node(to_process, scope))


def nested_transform(apply: dict[str, Any], scope: Scope) -> ProvenanceSource:
    """Run ``@transform``'s ``apply`` as a full transform over the current payload."""
    recorder = Recorder() if scope.recorder is not None else None
    inner = Scope(scope.source, _resolve_node, recorder, (), (*scope.mloc, "apply"), None)
    try:
        output = _run(apply, scope.source.value, recorder, inner)
    except MappingError as err:
        if not err.location:
            err.location = ".".join(inner.mloc)
        raise
    provenance = _finish_provenance(output, recorder) if recorder is not None else {}
    return ProvenanceSource(output, provenance)


def _exists(payload: Any, loc: tuple[str, ...]) -> bool:
    for key in loc:
        if isinstance(payload, dict) and key in payload:
            payload = payload[key]
        elif isinstance(payload, list) and key.isdigit() and int(key) < len(payload):
            payload = payload[int(key)]
        else:
            return False
    return True


def _finish_provenance(payload: Any, recorder: Recorder) -> dict[str, tuple[Origin, ...]]:
    out: dict[str, tuple[Origin, ...]] = {}
    for loc, origins in recorder.entries.items():
        if _exists(payload, loc):
            out[".".join(loc)] = tuple(dict.fromkeys(origins))
    return out


def resolve(mapping: Any, event: Any, *, provenance: bool = True) -> Any:
    """Resolve ``mapping`` against ``event`` exactly as Segment's ``transform``.

    Args:
        mapping: the mapping (normally an object of fields to raw values or directives).
        event: the event (a dict).
        provenance: also record where each payload field came from (off for raw speed).

    Returns:
        A :class:`Resolution` with the payload (``undefined`` removed, ``null`` kept, JS key order)
        and its provenance.

    Raises:
        MappingError: where ``transform`` throws, with Segment's message; for an invalid mapping
            ``issues`` lists each static-validation problem.
    """
    recorder = Recorder() if provenance else None
    BUILTINS_SEEN.seen = False
    output = _run(mapping, event, recorder)
    payload = None if output is UNDEFINED else output
    prov = _finish_provenance(payload, recorder) if recorder is not None else {}
    builtins = bool(BUILTINS_SEEN.seen)
    return Resolution(payload, prov, undefined=output is UNDEFINED, builtins=builtins)
