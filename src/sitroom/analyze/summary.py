"""An extractive summary of one story: nothing is written that no article says.

A story's summary reads as a two-paragraph brief: the ``point`` items say what happened, the
``contested`` items what sources disagree on, each with both sides.

:func:`summarize` picks points among the story's claims that are not contested: the
best-corroborated first (most independent sources, then most outlets, then those about an
event, then what an outlet states itself rather than quotes, then what comes first in its
article: the lead). A claim is shown by the sentence of one of its passages that stands on
its own (:func:`stands_alone`: a whole sentence, not a headline or a fragment, not a quote or
a question, not leaning on the sentence before it with a pronoun or a connective). A point is
skipped when it repeats one already picked (same event, similar words or meaning), and one
article gives at most :data:`PER_ARTICLE` points. At most :data:`MAX_POINTS`, put in time
order (the claim's date, else its first article's).

Each contradiction with both sides in the story becomes a ``contested`` item with both
sides' sentences and evidence (at most :data:`MAX_CONTESTED`, kinds an analyst reads first
first, one per claim). Every item's text is copied from its first passage, less a leading
dateline (``SUKKUR: The toll rose`` reads ``The toll rose``: the place of filing is not news),
and carries the passages it is taken from.
"""

from __future__ import annotations

import re
from collections.abc import Generator, Mapping, Sequence
from functools import lru_cache
from importlib import resources
from operator import mul
from typing import Protocol

from ..store.store import UNKNOWN_OUTLET
from ..types import Claim, Contradiction, Evidence, SummaryItem

MAX_POINTS = 10
MAX_CONTESTED = 5
#: Points taken from one article at most, so that one long article does not make the brief.
PER_ARTICLE = 3
#: Embedding similarity at which two claims say the same thing for a reader.
REPEAT = 0.7
#: Share of the shorter sentence's words found in the other at which the two repeat.
WORD_OVERLAP = 0.6
MAX_POINT_CHARS = 320
MIN_WORDS = 8
#: Which contradictions a reader wants first: two sides of one act, then numbers.
_KIND_ORDER = {"opposite": 0, "denial": 1, "number": 2, "date": 3, "description": 4}
_DATELINE = re.compile(
    r"^[A-Z][A-Z .,'’-]{1,40}(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}\s*)?"
    r"(?:\([^)]{1,30}\))?(?:\s*[—–]\s*|\s+-{1,2}\s+|:\s+)")
_QUOTE_MARKS = re.compile(r"[“”\"]|(?:^|\s)‘|’(?:\s|$)")
_FIRST_PERSON = re.compile(r"\b(?:I|we|our|us|my)\b")
#: Words that make a sentence a guess or a forecast rather than a report of what happened.
_TENTATIVE = re.compile(
    r"\b(?:may|might|could|would|should|must|will|appears?|appeared|seems?|seemed|likely|"
    r"unlikely|reportedly|allegedly|apparently|possibly|probably|perhaps|presumably|"
    r"supposedly|purportedly)\b", re.IGNORECASE)
#: A credit line (``X contributed to this report``) is about the article, not the story.
_CREDIT = re.compile(r"\bcontributed (?:to )?(?:this|the) (?:report|story|article)\b|"
                     r"\b(?:reporting|editing|writing) by\b", re.IGNORECASE)
#: Page furniture glued to the sentence after it when a page was flattened to one line: a
#: publication stamp (``Published February 18 2015``, ``Posted on April 2 2017 by X``,
#: ``Updated 14:02 GMT``), a list of tags (``Tags Syria Aleppo``) or a photo's credit. What
#: follows it is mostly a headline or a caption run into the lead, so the whole sentence is
#: left out.
_FURNITURE = re.compile(
    r"^(?:(?i:(?:first |last )?(?:published|posted|updated|modified))(?:\s+on)?:?\s+"
    r"(?:(?i:by)\s|(?:[A-Za-z]{3,9}\.?,?\s+)?\d)"
    r"|Tag(?:s|ged)\b:?\s+[A-Z]"
    # A photo credit run into the caption (``Jonathan Ernst / Reuters Lois Lerner ...``).
    r"|[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}\s+/\s+[A-Z])")
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
#: A bare date at the head of a sentence, as a page's date line run into its first sentence
#: (``7 July 2015 A suicide bomber ...``, ``Fri 07 Apr 2017 at 0914 Homs governor ...``):
#: when the article was filed, not what happened, so it is left out as a dateline is.
_DATE_STAMP = re.compile(
    r"^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]{0,6}\.?,?\s+)?"
    r"(?:\d{1,2}(?:st|nd|rd|th)?\s+" + _MONTH + r"|" + _MONTH + r"\s+\d{1,2}(?:st|nd|rd|th)?)"
    r",?\s+\d{4}(?:\s+at\s+\d{1,2}:?\d{2})?\s+(?=[A-Z])")
_POINTERS = frozenset({"this", "these", "those", "such"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


@lru_cache(maxsize=1)
def context_openers() -> frozenset[str]:
    """``data/claims/summary_openers.txt``: first words that lean on the sentence before."""
    text = resources.files("sitroom.data").joinpath("claims", "summary_openers.txt").read_text(
        encoding="utf-8")
    lines = (line.strip().casefold() for line in text.splitlines())
    return frozenset(line for line in lines if line and not line.startswith("#"))


def stands_alone(sentence: str) -> bool:
    """Whether a reader understands ``sentence`` without its article: a whole sentence of at
    least :data:`MIN_WORDS` words ending in a full stop (a headline has none), no question,
    no quotation (a voice, not the report), no first person, no guess or forecast (``may``,
    ``appears to``, ``reportedly``), and not opening
    on a pronoun or a connective that points back."""
    text = without_dateline(sentence)
    if not text or len(text) > MAX_POINT_CHARS or not (text[0].isupper() or text[0].isdigit()):
        return False
    if not re.search(r"[.!]$", text) or len(_WORD.findall(text)) < MIN_WORDS:
        return False
    if _QUOTE_MARKS.search(text) or _FIRST_PERSON.search(text) or _TENTATIVE.search(text):
        return False
    if is_credit_line(text) or is_page_furniture(text):
        return False
    words = [w.casefold() for w in re.findall(r"[A-Za-z’']+", text)[:5]]
    openers = context_openers()
    if any(" ".join(words[:n]) in openers for n in range(1, len(words) + 1)):
        return False
    # ``To explore these questions, ...``: a pointer back a few words in.
    return not any(w in _POINTERS for w in words)


def is_credit_line(text: str) -> bool:
    """Whether ``text`` credits the article's makers (``X contributed to this report``,
    ``Reporting by X``): about the article, not the story."""
    return _CREDIT.search(text) is not None


def is_page_furniture(text: str) -> bool:
    """Whether ``text`` opens on a page's furniture, not its news: a publication stamp or a
    list of tags run into the sentence after it (``Posted on April 2 2017 by X MSF accused
    ...``, ``Tags Syria Idlib Rebels launched ...``)."""
    return _FURNITURE.match(text.strip()) is not None


def names_own_outlet(text: str, outlet: str | None) -> bool:
    """Whether ``text`` names the outlet it was published by (``Launched in London in 1978
    Asharq Al-Awsat has established itself ...`` in Asharq Al-Awsat): an outlet writing about
    itself, or a line of its page, not the story. Outlet names of fewer than three letters
    and the unknown outlet are never looked for."""
    if not outlet or outlet == UNKNOWN_OUTLET:
        return False
    name = _squeezed(outlet)
    return len(name) >= 3 and name in _squeezed(text)


def _squeezed(text: str) -> str:
    """Letters and digits only, case folded: ``Asharq Al-Awsat`` and ``asharqalawsat`` meet."""
    return "".join(ch for ch in text.casefold() if ch.isalnum())


def without_dateline(sentence: str) -> str:
    """``sentence`` from where its news starts: a dateline in capitals (``GENEVA —``,
    ``SUKKUR:``, ``LARKANA (Indus Wire) —``) and a bare date stamp (``7 July 2015``) left
    out, the rest as the article wrote it."""
    stripped = sentence.strip()
    rest = _DATE_STAMP.sub("", _DATELINE.sub("", stripped, count=1), count=1)
    return rest if rest else stripped


def _content_words(text: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(text) if len(w) > 3}


def repeats(a: str, b: str) -> bool:
    """Two sentences that say mostly the same words (a wire copy, a rewrite)."""
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return a.strip() == b.strip()
    return len(wa & wb) / min(len(wa), len(wb)) >= WORD_OVERLAP


def _dot(a: Sequence[float], b: Sequence[float]) -> float:
    # The products summed left to right as before (so the same float), without a Python
    # frame per term.
    if len(a) != len(b):
        raise ValueError(f"vectors of {len(a)} and {len(b)} dimensions cannot be compared")
    return float(sum(map(mul, a, b)))


def _readable(evidence: Sequence[Evidence], members: set[str],
              outlet_of: Mapping[str, str] | None = None) -> Evidence | None:
    """The first of the passages in the story whose sentence stands alone and, with
    ``outlet_of`` (article id to outlet), does not name the outlet that published it."""
    outlet_of = outlet_of or {}
    return next((e for e in evidence if e.article in members and stands_alone(e.text)
                 and not names_own_outlet(e.text, outlet_of.get(e.article))), None)


def _ordered(evidence: Sequence[Evidence], first: Evidence, members: set[str]
             ) -> tuple[Evidence, ...]:
    rest = [e for e in evidence if e.article in members and e != first]
    return (first, *rest)


def summarize(
    story_articles: Sequence[str],
    claims: Sequence[Claim],
    contradictions: Sequence[Contradiction] = (),
    vectors: Mapping[str, Sequence[float]] | None = None,
    *,
    story: str | None = None,
    max_points: int = MAX_POINTS,
) -> tuple[SummaryItem, ...]:
    """The summary of the story made of ``story_articles`` (article ids)."""
    summarizing = _summarizing(story_articles, claims, contradictions, vectors or {}, story,
                               max_points, None)
    try:
        while True:
            next(summarizing)  # never asks: the vectors are read as they are compared
    except StopIteration as done:
        result: tuple[SummaryItem, ...] = done.value
        return result


class FetchedVectors(Protocol):
    """Vectors that can be made many at once ahead of their reading (the claims' lazy
    mapping): embedding texts together costs about half as much each as one by one."""

    def at_hand(self, claim: str) -> bool: ...

    def fetch(self, claims: Sequence[str]) -> None: ...


def summarize_together(
    stories: Sequence[tuple[str | None, Sequence[str], Sequence[Claim]]],
    contradictions: Sequence[Contradiction],
    vectors: Mapping[str, Sequence[float]],
    fetched: FetchedVectors,
    max_points: int = MAX_POINTS,
) -> list[tuple[SummaryItem, ...]]:
    """:func:`summarize` of each of ``stories`` (id, article ids, claims), the same items,
    with the vectors the stories compare made a round at a time: each story picks its
    points until it needs a vector not at hand, then every waiting story's wants are
    fetched at once (``fetched.fetch``) and all go on. Which vectors a story compares
    depends on what it picked before, so they cannot all be known ahead; a round asks for
    exactly the ones about to be read, none on speculation."""
    results: list[tuple[SummaryItem, ...]] = [() for _ in stories]
    waiting: dict[int, tuple[Generator[list[str], None, tuple[SummaryItem, ...]], list[str]]]
    waiting = {}

    def advance(position: int,
                summarizing: Generator[list[str], None, tuple[SummaryItem, ...]]) -> None:
        try:
            waiting[position] = (summarizing, next(summarizing))
        except StopIteration as done:
            results[position] = done.value
            waiting.pop(position, None)

    for position, (story, articles, claims) in enumerate(stories):
        advance(position, _summarizing(articles, claims, contradictions, vectors, story,
                                       max_points, fetched))
    while waiting:
        fetched.fetch(list(dict.fromkeys(
            claim for _generator, wants in waiting.values() for claim in wants)))
        for position, (summarizing, _wants) in list(waiting.items()):
            advance(position, summarizing)
    return results


def _summarizing(
    story_articles: Sequence[str], claims: Sequence[Claim],
    contradictions: Sequence[Contradiction], vectors: Mapping[str, Sequence[float]],
    story: str | None, max_points: int, fetched: FetchedVectors | None,
) -> Generator[list[str], None, tuple[SummaryItem, ...]]:
    """:func:`summarize` as a generator that, with ``fetched``, yields the claims whose
    vectors it is about to compare and lacks, and goes on once they are at hand."""
    members = set(story_articles)
    contested = _contested(members, contradictions, story)
    disputed = [t for item in contested for t in (item.text, item.counter_text or "")]
    points = yield from _points(members, claims, vectors, story, max_points, disputed,
                                fetched)
    return (*points, *contested)


def _points(members: set[str], claims: Sequence[Claim], vectors: Mapping[str, Sequence[float]],
            story: str | None, max_points: int, disputed: Sequence[str],
            fetched: FetchedVectors | None) -> Generator[list[str], None, list[SummaryItem]]:
    """The best-corroborated claims that stand alone, one per event, none repeating another
    or a sentence of the contested paragraph, in time order."""
    candidates: list[tuple[Claim, Evidence]] = []
    for claim in point_candidates(claims):
        shown = _readable(claim.evidence, members,
                          {a.article: a.outlet for a in claim.asserted_by})
        if shown is not None and not any(repeats(shown.text, t) for t in disputed):
            candidates.append((claim, shown))
    candidates.sort(key=lambda ce: (
        -ce[0].independent_sources, -len(ce[0].outlets), ce[0].event is None, _quoted(ce[0]),
        ce[1].start, ce[0].id))
    picked: list[tuple[Claim, Evidence]] = []
    per_article: dict[str, int] = {}
    events: set[str] = set()
    for claim, shown in candidates:
        if len(picked) >= max_points:
            break
        if per_article.get(shown.article, 0) >= PER_ARTICLE or claim.event in events:
            continue
        if any(repeats(shown.text, e.text) for _, e in picked):
            continue
        if fetched is not None:
            wants = [c for c in _compared(claim, [p for p, _ in picked], vectors)
                     if not fetched.at_hand(c)]
            if wants:
                yield wants
        if _similar(claim, [p for p, _ in picked], vectors):
            continue
        picked.append((claim, shown))
        per_article[shown.article] = per_article.get(shown.article, 0) + 1
        if claim.event:
            events.add(claim.event)
    picked.sort(key=lambda ce: (ce[0].date or "9999", ce[1].article, ce[1].start))
    return [
        SummaryItem(
            text=without_dateline(shown.text),
            evidence=_ordered(claim.evidence, shown, members),
            story=story,
            claim=claim.id,
            date=claim.date,
            kind="point",
            outlets=claim.outlets,
        )
        for claim, shown in picked
    ]


def point_candidates(claims: Sequence[Claim]) -> list[Claim]:
    """The claims a summary may show as points: statements no other claim contradicts."""
    return [c for c in claims if c.kind == "statement" and not c.contradicts]


def contradictions_inside(members: set[str], contradictions: Sequence[Contradiction]
                          ) -> list[Contradiction]:
    """The contradictions with both sides in the story of ``members`` (article ids)."""
    return [x for x in contradictions
            if all(any(e.article in members for e in s.evidence) for s in x.sides)]


def _compared(claim: Claim, picked: Sequence[Claim], vectors: Mapping[str, Sequence[float]]
              ) -> list[str]:
    """The claims whose vectors :func:`_similar` reads for ``claim``: none when there is
    nothing to compare, else the claim's and those of the picked claims."""
    others = [p.id for p in picked if p.id in vectors]
    if not others or claim.id not in vectors:
        return []
    return [claim.id, *others]


def _similar(claim: Claim, picked: Sequence[Claim], vectors: Mapping[str, Sequence[float]]
             ) -> bool:
    """Whether ``claim`` means what a picked claim means (embeddings at least
    :data:`REPEAT` alike). Vectors are read only when there is something to compare: the
    claims step may embed a claim's sentence only when it is asked for."""
    compared = _compared(claim, picked, vectors)
    if not compared:
        return False
    vector = vectors[compared[0]]
    return any(_dot(vector, vectors[other]) >= REPEAT for other in compared[1:])


def _contested(members: set[str], contradictions: Sequence[Contradiction], story: str | None
               ) -> list[SummaryItem]:
    items: list[SummaryItem] = []
    shown: list[tuple[str, str]] = []
    used: set[str] = set()
    inside = contradictions_inside(members, contradictions)
    inside.sort(key=lambda x: (_KIND_ORDER.get(x.kind, 9), x.id))
    for x in inside:
        if len(items) >= MAX_CONTESTED:
            break
        a, b = x.sides
        first_a = _readable(a.evidence, members) or next(
            e for e in a.evidence if e.article in members)
        first_b = _readable(b.evidence, members) or next(
            e for e in b.evidence if e.article in members)
        if any(repeats(first_a.text, sa) and repeats(first_b.text, sb) for sa, sb in shown):
            continue  # the same dispute again, in other claims of the same sentences
        if a.claim in used or b.claim in used:
            continue  # one dispute per claim: a second denial of it adds no new side
        shown.append((first_a.text, first_b.text))
        used.update((a.claim, b.claim))
        items.append(SummaryItem(
            text=without_dateline(first_a.text),
            evidence=_ordered(a.evidence, first_a, members),
            story=story,
            claim=a.claim,
            kind="contested",
            outlets=a.outlets,
            counter_claim=b.claim,
            counter_text=without_dateline(first_b.text),
            counter_evidence=_ordered(b.evidence, first_b, members),
        ))
    return items


def _quoted(claim: Claim) -> bool:
    """Whether the claim is only in someone's words: among equally corroborated claims, what
    an outlet states itself reads as the report, a quote as one voice in it."""
    return all(a.speaker_text for a in claim.asserted_by)
