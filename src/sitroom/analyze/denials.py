"""Denials of reports, found in an article's text where the clause parse gives no ``denied
that`` content: the reported content is a noun's complement or sits beside a report noun.

Four shapes (word lists in ``data/claims/denials.json``):

- a denial verb whose object is a report noun followed by its content: ``the minister
  rejected reports that the government ordered the cut``;
- a report noun with a denial set beside a statement: ``officials ordered the cut, a claim
  denied by the minister`` or ``..., a report that the minister has denied``;
- a short sentence denying the reports the sentence before it spelled out: ``... anger over
  reports that the government breached the embankment. The minister has denied the
  reports.``;
- a denial verb whose object names an act by its noun: ``Russia has denied election
  interference`` (paired only with a claim whose verb is that noun's, see
  :mod:`.contradictions`).

Each yields the denied content's span and the denier's span; :mod:`.statements` turns them
into statements denied by that denier, which :mod:`.contradictions` pairs with the claim
they deny.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..types import ClauseMention

#: Fewest words a denied content needs to be compared with a claim.
MIN_CONTENT_WORDS = 4


@dataclass(frozen=True, slots=True)
class DeniedSpan:
    """Denied content ``[start, end)``, who denies it ``[denier_start, denier_end)``, and the
    passage that shows both ``[evidence_start, evidence_end)``."""

    start: int
    end: int
    denier_start: int
    denier_end: int
    evidence_start: int
    evidence_end: int


@dataclass(frozen=True, slots=True)
class DenialWords:
    verbs: frozenset[str]
    nouns: frozenset[str]
    act_endings: tuple[str, ...]
    #: the report noun after the denial, then its content: ``reports(, ...,) that <content>``
    content_after_noun: re.Pattern[str]
    #: ``, a claim denied by <who>`` / ``, a report that <who> has denied`` at sentence end
    beside: re.Pattern[str]
    stop: re.Pattern[str]


def _alternatives(words: Sequence[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def denial_words() -> DenialWords:
    """``data/claims/denials.json``, compiled."""
    text = resources.files("sitroom.data").joinpath("claims", "denials.json").read_text(
        encoding="utf-8")
    data = json.loads(text)

    def words(key: str) -> list[str]:
        return [str(w).lower() for w in data[key]["words"]]

    nouns, forms = _alternatives(words("report_nouns")), _alternatives(words("denial_forms"))
    adverbs = r"(?:(?:has|have|had|also|since|again|repeatedly|strongly|flatly|firmly)\s+)*"
    return DenialWords(
        verbs=frozenset(words("denial_verbs")),
        nouns=frozenset(words("report_nouns")),
        act_endings=tuple(words("act_noun_endings")),
        content_after_noun=re.compile(
            rf"\b(?:{nouns})\b(?:,[^,;]{{1,120}},)?\s+that\s+", re.IGNORECASE),
        beside=re.compile(
            rf"(?:,|\s[—–-])\s+(?:(?:a|an|the)\s+)?(?:{nouns})\s+(?:"
            rf"(?:that|which)\s+(?P<who>[^;.]{{2,100}}?)\s+{adverbs}(?:{forms})"
            rf"|(?:{forms})\s+by\s+(?P<by>[^;]{{2,120}}?))\s*[.;]?\s*$",
            re.IGNORECASE),
        stop=re.compile(rf",\s+(?:{_alternatives(words('content_stops'))})\b|[;:]",
                        re.IGNORECASE),
    )


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` without surrounding spaces, quotes and closing punctuation."""
    while start < end and (text[start].isspace() or text[start] in "\"“‘'"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:\"”’'"):
        end -= 1
    return start, end


def _content(text: str, start: int, end: int, words: DenialWords) -> tuple[int, int] | None:
    """The reported content from ``start``, up to the denier's own comment or the end."""
    stop = words.stop.search(text, start, end)
    s, e = _trim(text, start, stop.start() if stop else end)
    if len(text[s:e].split()) < MIN_CONTENT_WORDS:
        return None
    return s, e


_LEAD = re.compile(
    r"^(?:according to [^,]{1,80},\s*|[^,.;]{1,80}?\b(?:reported|said|reports|says|wrote)"
    r"\s+(?:on \w+\s+)?(?:that\s+)?)", re.IGNORECASE)


def denied_spans(text: str, clauses: Sequence[ClauseMention]) -> list[DeniedSpan]:
    """Every denial of a report in one article (``text``, its ``clauses``)."""
    words = denial_words()
    sentences = sorted({(c.start, c.end) for c in clauses})
    out: list[DeniedSpan] = []
    for c in clauses:
        found = _denied_object(text, c, sentences, words)
        if found is not None:
            out.append(found)
    for s_start, s_end in sentences:
        found = _beside(text, s_start, s_end, words)
        if found is not None:
            out.append(found)
    return list(dict.fromkeys(out))


def _denied_object(text: str, c: ClauseMention, sentences: Sequence[tuple[int, int]],
                   words: DenialWords) -> DeniedSpan | None:
    """``X rejected reports that <content>``, or ``X has denied the reports.`` after a
    sentence that spells them out."""
    if c.predicate not in words.verbs or c.negated or c.object_end is None:
        return None
    if c.subject_start is None or c.subject_end is None or not c.object_text:
        return None
    object_words = c.object_text.casefold().split()
    if not object_words:
        return None
    if object_words[-1] not in words.nouns:
        if object_words[-1].endswith(words.act_endings) and len(object_words[-1]) > 6:
            # ``Russia has denied election interference``: the act named by its noun.
            s, e = _trim(text, c.subject_start, c.object_end)
            return DeniedSpan(s, e, c.subject_start, c.subject_end, c.start, c.end)
        return None
    after = words.content_after_noun.search(text, c.object_start or c.object_end, c.end)
    if after is not None and after.start() < c.object_end:
        content = _content(text, after.end(), c.end, words)
        if content is None:
            return None
        return DeniedSpan(*content, c.subject_start, c.subject_end, c.start, c.end)
    if text[c.object_end:c.end].strip(" .") or object_words[0] not in {
            "the", "these", "those", "such"}:
        return None
    before = [s for s in sentences if s[1] <= c.start]
    if not before:
        return None
    p_start, p_end = before[-1]
    spelled = words.content_after_noun.search(text, p_start, p_end)
    if spelled is None:
        return None
    content = _content(text, spelled.end(), p_end, words)
    if content is None:
        return None
    return DeniedSpan(*content, c.subject_start, c.subject_end, p_start, c.end)


def _beside(text: str, start: int, end: int, words: DenialWords) -> DeniedSpan | None:
    """``<content>, a claim denied by X.`` / ``<content>, a report that X has denied.``"""
    sentence = text[start:end]
    found = words.beside.search(sentence)
    if found is None:
        return None
    group = "who" if found.group("who") else "by"
    d_start, d_end = _trim(text, start + found.start(group), start + found.end(group))
    head = sentence[:found.start()]
    lead = _LEAD.match(head)
    c_start = start + (lead.end() if lead else 0)
    content = _content(text, c_start, start + found.start(), words)
    if content is None:
        return None
    return DeniedSpan(*content, d_start, d_end, start, end)
