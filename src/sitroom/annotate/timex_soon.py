"""``soon`` bound to a verb ahead: ``may soon seek``, ``it soon will begin``, ``to soon grow``.

TimeML values ``soon`` as ``FUTURE_REF``: a time after the moment of writing that the text
does not fix. TempEval-3's annotators mark it where it sits on a verb that looks ahead, right
after a modal or ``to`` or right before ``will``, and leave it alone elsewhere: in ``as soon
as`` (a conjunction), ``soon after the vote`` (counted from an event), ``was soon released``
(a past narrative) and loose at the end of a clause (``plans to strike again soon``).
"""

from __future__ import annotations

import re

from .timex_lexicon import START
from .timex_rules import Context, Reading, Rule

__all__ = ["SOON_RULES"]

#: A modal or infinitive ``to`` right before ``soon``: the verb after it lies ahead.
_MODAL_BEFORE = re.compile(r"(?:\b(?i:will|would|may|might|could|should|shall|can|must|to)"
                           r"|\w['’](?i:ll|d))\s++$")
#: ``will`` or another modal right after ``soon`` (``it soon will begin``).
_MODAL_AFTER = re.compile(r"\s++(?i:will|would|may|might|could|should|shall|can|must)\b")


def _soon(match: re.Match[str], ctx: Context) -> Reading | None:
    """``soon`` between a modal and its verb: ``FUTURE_REF``."""
    if not (_MODAL_BEFORE.search(ctx.before(12)) or _MODAL_AFTER.match(ctx.text, ctx.end)):
        return None
    return Reading("DATE", "FUTURE_REF", "ref")


SOON_RULES: tuple[Rule, ...] = (
    # "sooner", "as soon as", "soon after": not this word, or not on its own
    Rule("soon", re.compile(START + r"(?<!(?i:as)\s)(?P<t>(?i:soon))(?![\w-])"
                            r"(?!\s++(?i:as|after|afterwards?|thereafter|enough|before)\b)"),
         _soon),
)
