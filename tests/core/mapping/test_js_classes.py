"""Recorded answers of Segment's packages for the JavaScript-semantics classes, replayed.

The data comes from tools/conformance/mapping/record_classes.cjs (actions-core transform, the
cloud action pipeline, destination-subscriptions triggers); no Node is needed here.
"""

from __future__ import annotations

import pytest

from tests.core.mapping.js_classes import CLASSES, cases, disagreement


@pytest.mark.parametrize("number", CLASSES)
def test_each_class_has_at_least_200_recorded_cases(number: int) -> None:
    assert len(cases(number)) >= 200


@pytest.mark.parametrize("number", CLASSES)
def test_every_recorded_case_agrees(number: int) -> None:
    """Class 12 counts the inspector's declared limit: records nested deeper than 254 levels
    are skipped with a reason (JavaScript reads them)."""
    wrong = [(c, why) for c in cases(number) if (why := disagreement(c)) is not None]
    assert not wrong, f"{len(wrong)} of {len(cases(number))} disagree; first: {wrong[0]}"


def test_inspect_resolves_mapping_keys_in_javascript_order() -> None:
    """Two keys that fail at run time: actions-core reports the integer-like key's error."""
    from inspector.core.destinations import DestinationConfig
    from inspector.core.inspection import inspect

    mapping = {
        "b": {"@json": {"mode": "encode", "value": None}},
        "1": {"@merge": {"objects": [{}]}},
    }
    sub = {"name": "U", "actionSlug": "sendUserdata", "trigger": 'type = "identify"'}
    config = DestinationConfig.from_json(
        {
            "destination": "actions-jimo-cloud",
            "settings": {"apiKey": "k"},
            "subscriptions": [{**sub, "mapping": mapping}],
        }
    )
    [inspection] = inspect([{"type": "identify", "userId": "u"}], config)
    assert inspection.results[0].mapping_error == '@merge requires a "direction" key'
