"""Verdicts of events repeating an earlier messageId: matched, but not delivered."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from inspector.core.evaluation._model import Evaluation, Verdict

__all__ = ["demote_duplicates"]

_DEMOTE = bytes.maketrans(bytes([Verdict.DELIVERED]), bytes([Verdict.NOT_DELIVERED]))


def demote_duplicates(
    evaluation: Evaluation, duplicates: Mapping[int, int] | Iterable[int]
) -> None:
    """Turn "delivered" verdicts of the given events into "not delivered" (totals follow)."""
    totals = evaluation._totals  # noqa: SLF001 - kept in step rather than recounted
    for index in duplicates:
        if index >= len(evaluation.verdicts):
            continue
        row = evaluation.verdicts[index]
        demoted = row.translate(_DEMOTE)
        if demoted == row:
            continue
        evaluation.verdicts[index] = demoted
        if totals is not None:
            for j, code in enumerate(row):
                if code == Verdict.DELIVERED:
                    totals[j][Verdict.DELIVERED] -= 1
                    totals[j][Verdict.NOT_DELIVERED] += 1
