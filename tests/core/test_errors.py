"""The core's one exception hierarchy: every public error is an InspectorError, re-exported."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

import pytest

import inspector.core
from inspector.core import errors
from inspector.core.cancel import CancelToken
from inspector.core.loaders import CancelToken as LoadersCancelToken
from inspector.core.loaders import LoadCancelled

# raised and caught inside their own package, never seen by a caller
INTERNAL = {
    "LexError",
    "EvaluationError",
    "LiquidFailure",
    "NotSegmentHar",
    "JsTypeError",  # a simulated JavaScript TypeError, reported on the result
    "JsonProblem",  # a record JSON.parse refuses: one skipped record
    "Rejected",  # a capture request refused: its 400 answer
    "FilterError",  # a Liquid filter failure: the mapping error
    "RetryableAnswer",  # an answer worth retrying: the sender's retry loop takes it
    "WouldChange",  # the no-copy payload check handing over to the copying one
}


def _core_exceptions() -> dict[str, type[BaseException]]:
    found: dict[str, type[BaseException]] = {}
    for info in pkgutil.walk_packages(inspector.core.__path__, "inspector.core."):
        module = importlib.import_module(info.name)
        for name, value in vars(module).items():
            if (
                inspect.isclass(value)
                and issubclass(value, BaseException)
                and value.__module__ == info.name
                and not name.startswith("_")
            ):
                found[name] = value
    return found


def test_every_public_core_exception_is_an_inspector_error_exported_by_errors() -> None:
    found = _core_exceptions()
    assert {"InspectorError", "TriggerSyntaxError", "MappingError"} <= set(found)
    for name, cls in found.items():
        if name in INTERNAL:
            continue
        assert issubclass(cls, errors.InspectorError), name
        assert getattr(errors, name) is cls, f"errors.py does not re-export {name}"
        assert name in errors.__all__


def test_cancel_token_lives_in_its_own_module_and_loaders_reexport_it() -> None:
    assert LoadersCancelToken is CancelToken
    token = CancelToken()
    token.check()
    token.cancel()
    assert token.cancelled
    with pytest.raises(LoadCancelled) as caught:
        token.check()
    assert isinstance(caught.value, errors.InspectorError)
