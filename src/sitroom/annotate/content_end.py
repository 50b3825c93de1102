"""Where a reported statement's content ends when the next statement is joined to it.

``Kasich says he respects Clinton and calls her "an intelligent woman"``, ``he insisted that
he has "expanded the party," claiming that turnout is up``, ``most said they were worried,
and more than 4 in 10 said Trump would be best``: the parser often hangs the second act of
speech inside the first one's clause, so the first content runs on over it. Attribution
corpora end the first content before the joining word: the second act is a statement of its
own, not part of what the first one says. A speech act nested without such a join (``he said
they told him ...``) stays inside the outer content, as those corpora mark it.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

#: Words that join a second act to the first (``and says``, ``but did not suggest``).
_JOINING_WORDS = frozenset({"and", "but", "while", "yet"})
#: Characters read back from a second act for the word that joins it.
_LOOK_BACK = 40


@dataclass(frozen=True, slots=True)
class Act:
    """What this module needs of a statement: its content, cue and speaker spans, and
    whether its cue is a participle (``claiming``), which joins with a comma alone."""

    start: int
    end: int
    cue: tuple[int, int] | None
    speaker: tuple[int, int] | None
    participle: bool = False


def _join_before(text: str, start: int, at: int, participle: bool) -> int | None:
    """Where the content before a second act's words (which begin at ``at``) ends, when a
    joining word, or for a participle a comma, stands right before them; else None. Only
    the few characters before ``at`` are read, so a long content costs no more."""
    base = max(start, at - _LOOK_BACK)
    before = text[base:at].rstrip()
    last = before.rsplit(None, 1)[-1] if before else ""
    if last.lower() in _JOINING_WORDS:
        return base + len(before[:len(before) - len(last)].rstrip(" \t,;—–-"))
    closed = before.rstrip("”\"’'")  # ``party," claiming``: the comma inside the marks
    if participle and closed.endswith(","):
        return base + len(closed[:-1].rstrip())
    return None


def content_ends(text: str, acts: Sequence[Act]) -> list[tuple[int, int | None]]:
    """For each act, the end of its content and the index of the act joined to it: the
    content ends before the first other act whose words (its speaker when written inside
    the content, else its cue) start inside the content after a joining word, and whose
    own content follows its cue; ``(act.end, None)`` when there is none."""
    cued = sorted((a.cue, k) for k, a in enumerate(acts) if a.cue is not None)
    starts = [cue[0] for cue, _ in cued]
    out: list[tuple[int, int | None]] = []
    for act in acts:
        out.append((act.end, None))
        for cue, k in cued[bisect_right(starts, act.start):bisect_left(starts, act.end)]:
            other = acts[k]
            if other is act or other.start < cue[1]:
                continue  # ``A, he said, B``: a parenthetical cue splits its own statement
            at = cue[0]
            if other.speaker is not None and act.start < other.speaker[0] < cue[0]:
                at = other.speaker[0]
            cut = _join_before(text, act.start, at, other.participle)
            if cut is not None and cut > act.start:
                out[-1] = (cut, k)
                break
    return out
