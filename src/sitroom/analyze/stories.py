"""Stories: groups of articles about one unfolding situation, found without being told how
many there are.

Articles are compared by TF-IDF over their words, with extra weight on proper names and on the
canonical actors the corpus resolved (so `Erdogan` and `Erdoğan` count as one term), and less
similarity when both have known dates far apart. Grouping runs in two passes:

1. average-linkage clustering over the whole corpus finds the broad subjects (a kind of event
   in one region, say);
2. inside each broad group, the weights are computed again from that group alone: the words
   every article of the group shares (the country, the kind of event) lose their weight, and
   what tells the group's stories apart (the people, the places, the numbers of one episode)
   gains it. A second average-linkage pass splits the group where those differ; articles left
   alone by the split join the sub-story they resemble most, so one odd article does not
   become a story of its own.

Only documents that share one of their distinctive terms are ever compared (see
:mod:`sitroom.analyze.clustering`), so the cost grows near-linearly with the corpus.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, MutableMapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, replace
from datetime import date

import numpy as np

from ..types import Article, Claim, Story
from .clustering import average_linkage, mean_similarity
from .summary import is_credit_line, is_page_furniture
from .term_vectors import (
    TermCounts,
    TermVectors,
    all_pairs,
    candidate_pairs,
    central_row,
    pair_cosines,
    term_counts,
    tfidf,
)
from .words import REPORTING_WORDS, STOPWORDS

#: Mean similarity at which articles join one broad subject (first pass).
SUBJECT_THRESHOLD = 0.10
#: Mean similarity, with weights computed within the subject, at which articles stay one story.
STORY_THRESHOLD = 0.08
#: Groups smaller than this are not split further, and sub-groups smaller than this join
#: the nearest larger sub-story instead of standing alone.
MIN_STORY_SPLIT = 3
#: Inside a subject, all pairs are compared up to this many articles; above it, candidates.
ALL_PAIRS_UP_TO = 300
#: Weight of a proper name or a resolved actor relative to an ordinary word.
NAME_WEIGHT = 2.0
#: Articles published further apart than this (both dates known) are less likely one story.
DATE_WINDOW_DAYS = 60
DATE_PENALTY = 0.5
TITLE_CHARS = 140

_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d+(?:[.,]\d+)?")
_SENTENCE_END = re.compile(r"[.!?]\s")
_STOPWORDS = STOPWORDS | REPORTING_WORDS


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """What grouping needs to know of one article."""

    article: str
    text: str
    title: str | None
    day: int | None  # proleptic ordinal of a stated publication day, else None
    first_day: str | None  # earliest possible publication day (YYYY-MM-DD)
    last_day: str | None  # latest possible publication day
    actors: tuple[str, ...] = ()  # canonical entity ids mentioned


def story_doc(article: Article, actors: Iterable[str] = ()) -> StoryDoc:
    """A :class:`StoryDoc` from a stored article and the actors resolved in it."""
    first, last = _span_of(article)
    # Only a date the source states (metadata or header) is trusted to keep two stories
    # apart: dates inferred from the text are too often a mentioned day, not the article's.
    day: int | None = None
    if article.published and article.date_basis in ("metadata", "header"):
        day = date.fromisoformat(article.published).toordinal()
    return StoryDoc(
        article=article.id,
        text=article.text,
        title=article.title,
        day=day,
        first_day=first,
        last_day=last,
        actors=tuple(sorted(set(actors))),
    )


def _span_of(article: Article) -> tuple[str | None, str | None]:
    if article.published:
        return article.published, article.published
    if article.date_range:
        return article.date_range
    return None, None


def terms_of(doc: StoryDoc) -> Counter[str]:
    """The terms a document is compared by: lowercase words without stopwords (lightly
    stemmed), ``name:`` terms for capitalised words inside a sentence, ``actor:`` terms for the
    canonical actors."""
    text = f"{doc.title}\n{doc.text}" if doc.title and doc.title not in doc.text else doc.text
    counts = _remembered_text_terms(text)
    for actor in doc.actors:
        counts["actor:" + actor] += 1
    return counts


#: Word terms of texts met by earlier builds (see :func:`remembered_terms`), by text digest.
_STORED_TERMS: ContextVar[MutableMapping[str, str] | None] = ContextVar(
    "stored_story_terms", default=None
)


@contextmanager
def remembered_terms(answers: MutableMapping[str, str]) -> Iterator[None]:
    """Within the block, the word terms of each article text are read from and added to
    ``answers`` (JSON by a digest of the text), so a build that adds a few articles scans
    only their texts. The terms depend on the text alone; the answers must come from this
    code (:mod:`sitroom.analyze.stored_terms` names the namespace)."""
    token = _STORED_TERMS.set(answers)
    try:
        yield
    finally:
        _STORED_TERMS.reset(token)


def terms_key(text: str) -> str:
    """The key of ``text``'s terms among the remembered answers."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _remembered_text_terms(text: str) -> Counter[str]:
    answers = _STORED_TERMS.get()
    if answers is None:
        return _text_terms(text)
    key = terms_key(text)
    found = answers.get(key)
    if found is not None:
        # A JSON object keeps its keys in order, and so does the Counter made from it: the
        # weights are summed in the same order as the counts first made.
        return Counter(json.loads(found))
    counts = _text_terms(text)
    answers[key] = json.dumps(counts, ensure_ascii=False, separators=(",", ":"))
    return counts


def _text_terms(text: str) -> Counter[str]:
    counts: Counter[str] = Counter()
    for match in _WORD.finditer(text):
        word = match.group(0)
        lowered = _stem(word.lower())
        if lowered in _STOPWORDS or (len(lowered) < 3 and not lowered.isdigit()):
            continue
        counts[lowered] += 1
        if word[0].isupper() and not _starts_sentence(text, match.start()):
            counts["name:" + lowered] += 1
    return counts


def _stem(word: str) -> str:
    for suffix in ("'s", "’s"):
        if word.endswith(suffix):
            word = word[: -len(suffix)]
    if len(word) > 4 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def _starts_sentence(text: str, position: int) -> bool:
    before = text[max(0, position - 3) : position].rstrip(" \t\"'“‘(`")
    return not before or before[-1] in ".!?\n:|"


def _weight(term: str) -> float:
    return NAME_WEIGHT if term.startswith(("name:", "actor:")) else 1.0


def group_stories(docs: Sequence[StoryDoc]) -> tuple[Story, ...]:
    """Group articles into stories. Every article is in exactly one story; stories are
    ordered by size (largest first), then by their earliest article id."""
    if not docs:
        return ()
    counts = term_counts([terms_of(doc) for doc in docs], _weight)
    vectors = tfidf(counts)
    days = _days(doc.day for doc in docs)
    graph = _similarity_graph(vectors, candidate_pairs(vectors), days)
    subjects = average_linkage(len(docs), graph, SUBJECT_THRESHOLD)
    groups: list[list[int]] = []
    for subject in subjects:
        groups.extend(_split_subject(subject, counts, days))
    stories = [_story(group, docs, vectors) for group in groups]
    return tuple(sorted(stories, key=lambda s: (-len(s.articles), s.articles[0])))


def _days(days: Iterable[int | None]) -> np.ndarray:
    """Publication days as floats, NaN where unknown."""
    return np.array([np.nan if day is None else float(day) for day in days], dtype=np.float64)


def _similarity_graph(
    vectors: TermVectors, pairs: tuple[np.ndarray, np.ndarray], days: np.ndarray
) -> dict[tuple[int, int], float]:
    """The cosine of each pair, lowered for articles whose known dates are far apart; pairs
    with no similarity are left out."""
    low, high = pairs
    values = pair_cosines(vectors, low, high)
    with np.errstate(invalid="ignore"):
        apart = np.abs(days[low] - days[high]) > DATE_WINDOW_DAYS  # False where unknown
    values = np.where(apart, values * DATE_PENALTY, values)
    kept = values > 0.0
    return dict(zip(zip(low[kept].tolist(), high[kept].tolist(), strict=True),
                    values[kept].tolist(), strict=True))


def _split_subject(
    subject: list[int], counts: TermCounts, days: np.ndarray
) -> list[list[int]]:
    if len(subject) < 2 * MIN_STORY_SPLIT:
        return [subject]
    local = tfidf(counts, subject, smooth=False)
    pairs = all_pairs(len(subject)) if len(subject) <= ALL_PAIRS_UP_TO else candidate_pairs(local)
    graph = _similarity_graph(local, pairs, days[subject])
    parts = average_linkage(len(subject), graph, STORY_THRESHOLD)
    large = [part for part in parts if len(part) >= MIN_STORY_SPLIT]
    if len(large) <= 1:
        return [subject]
    for part in parts:
        if len(part) >= MIN_STORY_SPLIT:
            continue
        # Ties go to the first (lowest-indexed) sub-story, which keeps the result stable.
        nearest = max(range(len(large)), key=lambda k: (mean_similarity(graph, part, large[k]), -k))
        large[nearest].extend(part)
    return [sorted(subject[i] for i in part) for part in large]


def _story(group: Sequence[int], docs: Sequence[StoryDoc], vectors: TermVectors) -> Story:
    members = [docs[i] for i in group]
    ids = tuple(sorted(doc.article for doc in members))
    central = _most_central(group, docs, vectors)
    firsts = [d.first_day for d in members if d.first_day]
    lasts = [d.last_day for d in members if d.last_day]
    digest = hashlib.sha1("\n".join(ids).encode()).hexdigest()[:12]
    return Story(
        id="st_" + digest,
        title=headline(docs[central]),
        articles=ids,
        start=min(firsts) if firsts else None,
        end=max(lasts) if lasts else None,
        central_article=docs[central].article,
    )


def _most_central(group: Sequence[int], docs: Sequence[StoryDoc], vectors: TermVectors) -> int:
    """The article most like the rest of its story (the medoid); ties go to the lowest id."""
    if len(group) == 1:
        return group[0]
    return central_row(vectors, group, sorted(group, key=lambda i: docs[i].article))


def headline(doc: StoryDoc) -> str:
    """A story's title: the central article's own title, else its first sentence, shortened
    at a word boundary."""
    if doc.title and doc.title.strip():
        return _shorten(doc.title.strip())
    text = doc.text.strip()
    first_line = text.split("\n", 1)[0]
    end = _SENTENCE_END.search(first_line)
    sentence = first_line[: end.start() + 1] if end else first_line
    return _shorten(sentence) or "(untitled)"


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= TITLE_CHARS:
        return text
    cut = text.rfind(" ", 0, TITLE_CHARS - 1)
    return text[: cut if cut > 0 else TITLE_CHARS - 1] + "…"


#: First words that leave a reader asking who or what: a title must name its subject.
_POINTING_OPENERS = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "who",
    "which", "what", "his", "her", "its", "their", "our", "there", "here"})
_ARTICLES = frozenset({"the", "a", "an"})


def reads_as_title(text: str) -> bool:
    """Whether a claim's text can stand as a story's title: it opens on a capital or an
    article (a sentence, a name or a noun phrase: ``a section of the embankment gave way``,
    not a clause cut from its sentence: ``right after X secured ...``), names its
    subject rather than pointing back (``he``, ``they``), and is no credit line nor a page's
    furniture run into a headline (``Published February 18 2015 The army ...``)."""
    words = text.split()
    if not words or not (words[0][0].isupper() or words[0][0].isdigit()
                         or words[0] in _ARTICLES):
        return False
    if words[0].strip("\"'“‘(").casefold() in _POINTING_OPENERS:
        return False
    return not is_credit_line(text) and not is_page_furniture(text)


def stories_for(
    articles: Sequence[Article], actors_by_article: Mapping[str, Iterable[str]]
) -> tuple[Story, ...]:
    """What the pipeline calls: the stories of the stored articles. Copies of another article
    (``duplicate_of``) join their original's story without weighing on the grouping."""
    originals = [a for a in articles if not a.duplicate_of]
    docs = [story_doc(a, actors_by_article.get(a.id, ())) for a in originals]
    stories = group_stories(docs)
    copies: dict[str, list[str]] = {}
    for article in articles:
        if article.duplicate_of:
            copies.setdefault(article.duplicate_of, []).append(article.id)
    if not copies:
        return stories
    result: list[Story] = []
    for story in stories:
        extra = [c for a in story.articles for c in copies.get(a, ())]
        if extra:
            story = replace(story, articles=tuple(sorted(story.articles + tuple(extra))))
        result.append(story)
    return tuple(result)


def titled_by_claims(stories: Sequence[Story], claims: Sequence[Claim]) -> tuple[Story, ...]:
    """``stories`` titled by their most central claim: the uncontested statement the most
    independent sources within the story make (then the most passages, then the lowest id).
    Only a claim that two articles of the story carry, and that reads as a title, names it
    (:func:`reads_as_title`): a story with no such claim keeps its central article's
    headline, which says more than one article's stray clause (``he took power following
    ...``, a credit line)."""
    story_of = {article: story.id for story in stories for article in story.articles}
    best: dict[str, tuple[bool, int, int, str, Claim]] = {}
    for claim in claims:
        if claim.kind != "statement" or claim.status == "denied":
            continue
        if not reads_as_title(claim.text):
            continue
        for story_id in {story_of[e.article] for e in claim.evidence if e.article in story_of}:
            inside = [e for e in claim.evidence if story_of.get(e.article) == story_id]
            articles = len({e.article for e in inside})
            if articles < 2:
                continue
            # A contested statement is no fair title: it comes after every uncontested one.
            rank = (claim.status == "contested", -min(claim.independent_sources, articles),
                    -len(inside), claim.id, claim)
            if story_id not in best or rank[:4] < best[story_id][:4]:
                best[story_id] = rank
    titled: list[Story] = []
    for story in stories:
        found = best.get(story.id)
        if found is not None:
            story = replace(story, title=_shorten(found[4].text))
        titled.append(story)
    return tuple(titled)
