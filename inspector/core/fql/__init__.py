"""Trigger language: Segment's subscription FQL, parsed, evaluated, explained and linted.

A Jimo mapping fires when its trigger, e.g.
``type = "track" and (event = "Signed Up" or properties.plan != "free")``, matches an event.
This package answers exactly what Segment's runtime (``@segment/destination-subscriptions``
``parseFql`` + ``validate``) answers, quirks included::

    trigger = parse('type = "track" and properties.total > 100')
    trigger.matches(event)          # bool
    trigger.explain(event).render()  # every clause, the value found, pass/fail, hints
    trigger.lint()                   # text that does not mean what it looks like

Operators (the actual value is read from the event; every comparison is case-sensitive):

=================================  ============================================================
written                            true when
=================================  ============================================================
``f = "text"``                     actual is that exact text (numbers never equal text)
``f != "text"``                    actual is anything but that text (also when missing)
``p = 10`` / ``p != 10``           actual is a number equal / unequal (properties, traits,
                                   context only; on type/event/name/userId ``10`` is text)
``p < 10`` ``<=`` ``>`` ``>=``     actual is a number and the comparison holds
``p = true`` / ``p = false``       actual is that boolean (not the text "true")
``p != null`` / ``p = null``       actual exists / is missing or null (``event != null`` and
                                   ``type != null`` compare with the text "null" instead)
``contains(f, "x")``               actual is text containing ``x``; ``!contains`` needs text too
``match(f, "x*")`` / ``"*x"``      actual is text starting / ending with ``x``; without a star
                                   the first character is dropped: ``"abc"`` = ends with "bc"
``a and b`` / ``a or b``           no precedence: the last connective of a level decides for all
``( … )``                          one level only; a group ends at the first ``)``
=================================  ============================================================

Fields: ``type``, ``event``, ``name``, ``userId``, ``properties.<path>``, ``traits.<path>``
(top-level traits), ``context.<path>``; other names are silently ignored by Segment.
"""

from inspector.core._js import UNDEFINED as MISSING  # an explanation's actual for "no value"

from ._errors import TriggerSyntaxError
from ._explain import ClauseResult, Explanation
from ._lint import LintWarning
from ._trigger import Trigger, parse

__all__ = [
    "MISSING",
    "ClauseResult",
    "Explanation",
    "LintWarning",
    "Trigger",
    "TriggerSyntaxError",
    "parse",
]
