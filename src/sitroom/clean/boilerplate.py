"""Lines repeated across one outlet's documents: the outlet's template, not its reporting.

A site repeats its tagline, section labels, bylines of a desk or "Follow us" lines on every
page, so a line found in many of one outlet's documents is residue. The danger is the other
kind of repetition: a wire story's background paragraph ("The war has killed ...") reused
across several articles, or the same statement quoted twice. So:

- a line counts once per document, and only lines of at most :data:`MAX_WORDS` words are
  candidates (template lines are short; article paragraphs are not);
- a line must appear in at least 2 documents, and either in at least 3 or in at least half
  of the outlet's documents;
- a line that reads as a sentence (eight words or more, ending in sentence punctuation) must
  appear in at least 3 documents *and* in at least half of the outlet's documents: a reused
  background sentence seldom is in that many, a template sentence is in nearly all;
- documents of an unknown outlet ("unknown", empty or None) come from unrelated sources,
  so repetition there is syndication far more often than a template: only short lines that
  do not read as sentences are taken, and they must be in at least 3 documents and half of
  them.

Lines are returned in the form of :func:`~sitroom.clean.lines.normalize_line`, which is how
:func:`~sitroom.clean.clean_text` compares them.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable

from .lines import iter_lines, normalize_line

MAX_WORDS = 40
_SENTENCE_WORDS = 8
_SENTENCE_SHARE = 0.5
_MIN_DOCS = 2
_ENOUGH_DOCS = 3
_HALF = 0.5
_UNKNOWN = frozenset({"", "unknown"})
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*$")


def find_boilerplate(docs: Iterable[tuple[str | None, str]]) -> dict[str, frozenset[str]]:
    """Per outlet, the normalised lines that recur across its documents.

    ``docs`` yields ``(outlet, text)``; an outlet of None is grouped with "unknown" (under
    the key ``"unknown"``). Outlets with no boilerplate are left out of the result.
    """
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    totals: Counter[str] = Counter()
    for outlet, text in docs:
        key = outlet if outlet else "unknown"
        totals[key] += 1
        counts[key].update(
            {normalize_line(line.text) for line in iter_lines(text) if line.words <= MAX_WORDS}
        )
    found: dict[str, frozenset[str]] = {}
    for outlet, lines in counts.items():
        unknown = outlet.strip().casefold() in _UNKNOWN
        chosen = frozenset(
            line
            for line, seen in lines.items()
            if _is_boilerplate(line, seen, totals[outlet], unknown=unknown)
        )
        if chosen:
            found[outlet] = chosen
    return found


def _is_boilerplate(line: str, seen: int, total: int, *, unknown: bool) -> bool:
    if not line or seen < _MIN_DOCS:
        return False
    share = seen / total
    sentence = len(line.split()) >= _SENTENCE_WORDS and _ENDS_SENTENCE.search(line) is not None
    if unknown:
        return not sentence and seen >= _ENOUGH_DOCS and share >= _HALF
    if sentence:
        return seen >= _ENOUGH_DOCS and share >= _SENTENCE_SHARE
    return seen >= _ENOUGH_DOCS or share >= _HALF
