"""Verdicts of events repeating an earlier messageId: matched, but not delivered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from inspector.core.evaluation._model import Evaluation, Verdict

__all__ = ["demote_duplicates"]

_DEMOTE = bytes.maketrans(bytes([Verdict.DELIVERED]), bytes([Verdict.NOT_DELIVERED]))


def demote_duplicates(
    evaluation: Evaluation, duplicates: Mapping[int, int] | Iterable[int]
) -> None:
    """Turn "delivered" verdicts of the given events into "not delivered".

    Called while the evaluation's verdicts are still the plain list a pass wrote, before its
    totals are counted.
    """
    verdicts = evaluation.verdicts
    for index in duplicates:
        if not 0 <= index < len(verdicts):
            continue
        assert isinstance(verdicts, list), "demote before the verdicts become blocks"
        verdicts[index] = verdicts[index].translate(_DEMOTE)
