"""Events at corpus level: event mentions resolved to entities, places and calendar dates,
then merged into one event per real happening, within and across articles.

Resolution (per mention):

- actors and targets to canonical entity ids (``EntityResolution.entity_of``); the phrases
  stay in ``actor_names`` / ``target_names``, since many actors are not named entities
  (``the rebels``);
- the place to a place id (the place mention the span overlaps);
- the date, with its basis: the attached time expression (``time_expression``), else the
  article's publication date (``article_date``: the event is at latest that day, so it gets
  precision ``range``: the fortnight up to that day), else an inferred publication range.

Merging: a definite nominal that refers back (``the attack``) joins the nearest earlier
mention of the same type in its article; then mentions are blocked by type (``other`` by
trigger) and compared only when they share a key of an inverted index (place, actor,
target, trigger) and fall in a compatible time window, with at most :data:`MAX_PEERS` earlier
mentions per key, so the work grows near-linearly with the corpus. Two mentions merge when the
evidence they share (same trigger, place, actors, targets, day) outweighs what sets them apart
(different explicit days, different places). Mentions with a modality that is not a happening
(negated, planned, hypothetical) merge only among themselves.

Each event keeps every value its sources give for date, place, actor and each stated figure,
side by side with evidence and outlets, and marks the one most independent sources give.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from array import array
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import numpy as np

from ..annotate.timex_offsets import landing_day
from ..report.spill import RecordShelf
from ..resolve.dates import resolve_relative
from ..resolve.places import distance_km
from ..stored_memo import MemoStore, namespace
from ..types import (
    Article,
    DocAnnotations,
    Event,
    EventMention,
    EventValue,
    Evidence,
    StatedNumber,
    TextSpan,
    TimeMention,
)
from .article_memo import digest_of, memo_finder, memo_reader
from .event_pairs import (
    ArticleRows,
    MentionTable,
    PairFeatures,
    article_rows,
    decode_rows,
    encode_rows,
    merging_pairs,
    scores_at_least,
)
from .gc_pause import collector_paused
from .provenance import EntityLookup, source_key, syndication_groups, wire_credit
from .stored_events import CHUNK as EVENT_CHUNK
from .stored_events import group_keys, remembered_events

if TYPE_CHECKING:
    from ..store.annotation_view import StoredAnnotations

__all__ = [
    "HAPPENED", "MAX_PEERS", "build_events", "event_id", "mark_duplicates", "pair_score",
    "place_mentions",
    "timeline", "town_points",
]

#: Modalities under which an event is reported as having happened.
HAPPENED = frozenset({"asserted", "reported"})
#: Earlier mentions compared per index key: bounds the work on very common keys.
MAX_PEERS = 20
#: Days before its article's date an undated mention may have happened.
ARTICLE_WINDOW_DAYS = 14
#: Score two mentions need to be merged.
MERGE_SCORE = 1.5
#: Towns farther apart than this are different scenes: mentions placed in them never share
#: an event (a town's outskirts and the villages around it stay one scene).
SAME_SCENE_KM = 40.0


class PlaceLookup:
    """Place id of a span, from the resolved place mentions, indexed by article."""

    def __init__(self, mentions: Iterable[tuple[str, int, int, str]]) -> None:
        self._by_article: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for article, start, end, place in mentions:
            self._by_article[article].append((start, end, place))

    def rows(self, article: str) -> Sequence[tuple[int, int, str]]:
        """The article's place mentions as ``(start, end, place id)``, in the order given."""
        return self._by_article.get(article, ())

    def place_of(self, article: str, start: int, end: int) -> str | None:
        best: tuple[int, str] | None = None
        for m_start, m_end, place in self._by_article.get(article, ()):
            overlap = min(end, m_end) - max(start, m_start)
            if overlap > 0 and (best is None or overlap > best[0]):
                best = (overlap, place)
        return best[1] if best else None


@dataclass(frozen=True, slots=True)
class _Resolved:
    mention: EventMention
    outlet: str
    published: str  # sort key: the article's date or the start of its range
    actors: tuple[str, ...]
    targets: tuple[str, ...]
    place: str | None
    date: str | None
    precision: str | None
    basis: str | None
    first: dt.date | None  # the days the date can stand for
    last: dt.date | None
    speaker: str | None

    @property
    def happened(self) -> bool:
        return self.mention.modality in HAPPENED


# --------------------------------------------------------------------------- dates


_MONTH_NAME = re.compile(
    r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|\d\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
)
_SEASONS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "AU": (9, 11), "WI": (12, 14)}


def value_interval(value: str) -> tuple[date, date] | None:
    """First and last day a TIMEX3 calendar value covers (day, week, weekend, month,
    season, year, decade), or None for values that are no calendar span."""
    import calendar
    import re

    try:
        if m := re.match(r"^(\d{4})-(\d{2})-(\d{2})", value):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return day, day
        if m := re.match(r"^(\d{4})-W(\d{2})(-WE)?$", value):
            monday = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            if m[3]:
                return monday + timedelta(days=5), monday + timedelta(days=6)
            return monday, monday + timedelta(days=6)
        if m := re.match(r"^(\d{4})-(\d{2})$", value):
            year, month = int(m[1]), int(m[2])
            return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
        if m := re.match(r"^(\d{4})-(SP|SU|FA|AU|WI)$", value):
            first, last = _SEASONS[m[2]]
            year = int(m[1])
            end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
            return date(year, first, 1), date(
                end_year, end_month, calendar.monthrange(end_year, end_month)[1]
            )
        if m := re.match(r"^(\d{4})$", value):
            return date(int(m[1]), 1, 1), date(int(m[1]), 12, 31)
        if m := re.match(r"^(\d{3})$", value):
            return date(int(m[1]) * 10, 1, 1), date(int(m[1]) * 10 + 9, 12, 31)
    except ValueError:
        return None
    return None


def _event_date(
    mention: EventMention, times: Mapping[tuple[int, int], TimeMention], article: Article
) -> tuple[str | None, str | None, str | None, date | None, date | None]:
    """(date, precision, basis, first day, last day) of one mention."""
    anchor = article.published
    reference = anchor or (article.date_range[1] if article.date_range else None)
    if mention.time is not None:
        found = times.get((mention.time.start, mention.time.end))
        if (
            found is not None and found.value is None and found.relation is None and reference
            and (anchor or _MONTH_NAME.search(found.text))
        ):
            # an undated article reads "November 27" back from the end of its range, but
            # not "today": that end is no day the article names
            found = resolve_relative(found, date.fromisoformat(reference))
        landed = landing_day(found.relation) if found is not None else None
        if landed is not None:  # "three days later": a DURATION that lands on a named day
            return landed.isoformat(), "day", "time_expression", landed, landed
        if found is not None and found.value and found.value[:1].isdigit():
            interval = value_interval(found.value)
            if interval is not None:
                basis = "event_relative" if found.relation else "time_expression"
                return found.value, found.precision, basis, interval[0], interval[1]
    if anchor:
        day = date.fromisoformat(anchor)
        return (
            anchor, "range", "article_date", day - timedelta(days=ARTICLE_WINDOW_DAYS), day
        )
    if article.date_range:
        lo, hi = article.date_range
        return (
            f"{lo}/{hi}", "range", "article_date",
            date.fromisoformat(lo) - timedelta(days=ARTICLE_WINDOW_DAYS), date.fromisoformat(hi),
        )
    return None, None, None, None, None


# --------------------------------------------------------------------------- resolution


#: Articles whose mentions are read from the memo, made and stored together (a bounded
#: working set, as in :func:`~sitroom.analyze.article_memo.per_article`).
ARTICLE_CHUNK = 500
#: The memo namespaces (before their digest) of each article's resolved mentions and of
#: their rows for the merge's table.
MENTIONS_MEMO = "article_event_mentions"
ROWS_MEMO = "article_event_rows"


@dataclass(frozen=True, slots=True)
class _ArticleMentions:
    """One article's event mentions as the step meets them: the rows the merge's table
    reads; the resolved mentions where they were made in this build (None: they are kept
    in the memo under ``digest`` and read back only for the events that need them)."""

    article: str
    rows: ArticleRows
    made: list[_Resolved] | None
    digest: str | None


def _mentions_by_article(
    annotations: Sequence[DocAnnotations],
    articles: Mapping[str, Article],
    entities: EntityLookup,
    places: PlaceLookup,
    memo: MemoStore | None = None,
) -> Iterator[_ArticleMentions]:
    """Each article's mentions, in the annotations' order. With ``memo`` (the store),
    annotations read from it and an entity lookup that shows its spans per article, they
    are kept there between builds (see :func:`_remembered`); else made, with no digest."""
    from ..store.annotation_view import StoredAnnotations

    by_article = getattr(entities, "by_article", None)
    if (memo is not None and isinstance(annotations, StoredAnnotations)
            and isinstance(by_article, Mapping)):
        yield from _remembered(memo, annotations, articles, entities, places, by_article)
        return
    for ann in annotations:
        article = articles.get(ann.article)
        if article is not None:
            found = _resolve_article(ann, article, entities, places)
            yield _ArticleMentions(ann.article, article_rows(found), found, None)


def _resolve_article(
    ann: DocAnnotations, article: Article, entities: EntityLookup, places: PlaceLookup
) -> list[_Resolved]:
    out: list[_Resolved] = []
    times = {(t.start, t.end): t for t in ann.times}
    for mention in ann.events:
        actors = _ids(entities, ann.article, mention.actors)
        targets = _ids(entities, ann.article, mention.targets)
        place = (
            places.place_of(ann.article, mention.place.start, mention.place.end)
            if mention.place is not None
            else None
        )
        value, precision, basis, first, last = _event_date(mention, times, article)
        speaker = (
            entities.entity_of(ann.article, mention.speaker.start, mention.speaker.end)
            if mention.speaker is not None
            else None
        )
        out.append(
            _Resolved(
                mention, article.outlet,
                article.published or (article.date_range or ("9999",))[0],
                actors, targets, place, value, precision, basis, first, last, speaker,
            )
        )
    return out


def _remembered(
    memo: MemoStore,
    annotations: StoredAnnotations,
    articles: Mapping[str, Article],
    entities: EntityLookup,
    places: PlaceLookup,
    entity_rows: Mapping[str, Sequence[tuple[int, int, str]]],
) -> Iterator[_ArticleMentions]:
    """Each article's mentions, kept in the store's memo table under a digest of what
    they are made from: the article (id, so text; outlet; dates), its annotations (named
    by the id and the pipeline version), the entity and place ids of its mention spans in
    their order (``entity_rows``: what ``entity_of`` reads; and what ``place_of`` reads).

    Two entries per article: its resolved mentions (:data:`MENTIONS_MEMO`) and their rows
    for the merge (:data:`ROWS_MEMO`). A build reads only the rows of every article, a few
    ints per mention: decoding every article's mentions into records, to note them in
    the table and put them on disk, was most of an add's events step at 2,000 articles,
    although only the mentions of events that must be made again are ever read (see
    :class:`_MentionReader`). An add reads the events and times of new articles only, and
    of old ones whose ids changed."""
    from ..fingerprint import code_digest

    mentions_space, rows_space = (namespace(name, code_digest(), annotations.version)
                                  for name in (MENTIONS_MEMO, ROWS_MEMO))
    order = [article for article in annotations.ids if article in articles]
    keys = {
        article_id: digest_of(article_id, article.outlet, article.published,
                              article.date_range, entity_rows.get(article_id, ()),
                              places.rows(article_id))
        for article_id in order for article in (articles[article_id],)
    }
    read_rows = memo_reader(memo, rows_space)

    def make(missing: Collection[str]) -> dict[str, tuple[list[_Resolved], ArticleRows]]:
        """The mentions of ``missing`` (article ids), made and stored."""
        made: dict[str, tuple[list[_Resolved], ArticleRows]] = {}
        fresh_mentions: dict[str, str] = {}
        fresh_rows: dict[str, str] = {}
        for ann in annotations.within(missing):
            article = articles[ann.article]
            found = _resolve_article(ann, article, entities, places)
            rows = article_rows(found)
            made[ann.article] = found, rows
            fresh_mentions[keys[ann.article]] = _encode_resolved(found, article.text)
            fresh_rows[keys[ann.article]] = encode_rows(rows)
        # the mentions first: a rows entry is never stored without its mentions'
        memo.add_memo_entries(mentions_space, sorted(fresh_mentions.items()))
        memo.add_memo_entries(rows_space, sorted(fresh_rows.items()))
        return made

    chunks = [order[start:start + ARTICLE_CHUNK]
              for start in range(0, len(order), ARTICLE_CHUNK)]
    # Which articles' mentions must be made, first: each read of annotations from the store
    # decompresses a block of thousands of payloads, so an add's few new articles (and the
    # old ones whose ids changed) are read together, not one chunk of the corpus at a time.
    # Only the keys are asked for here: the rows (29 MB at 2,000 articles) are read once.
    has_rows = memo_finder(memo, rows_space)
    missing_anywhere = [article for chunk in chunks
                        for stored in (has_rows(sorted({keys[a] for a in chunk})),)
                        for article in chunk if keys[article] not in stored]
    made = make(missing_anywhere) if 0 < len(missing_anywhere) <= ARTICLE_CHUNK else {}
    made_any = bool(made)
    for chunk in chunks:
        stored = read_rows(sorted({keys[article] for article in chunk if article not in made}))
        missing = {article for article in chunk
                   if article not in made and keys[article] not in stored}
        if missing:
            made.update(make(missing))
            made_any = True
        for article_id in chunk:
            if article_id in made:
                found, rows = made.pop(article_id)
                yield _ArticleMentions(article_id, rows, found, keys[article_id])
            else:
                yield _ArticleMentions(article_id, decode_rows(stored[keys[article_id]]), None,
                                       keys[article_id])
        del stored
    keep = getattr(memo, "keep_memo_entries", None)
    if made_any and callable(keep):  # the entries of inputs that changed are never read again
        kept = sorted(set(keys.values()))
        keep(mentions_space, kept)
        keep(rows_space, kept)


def _encode_resolved(found: Sequence[_Resolved], text: str) -> str:
    """An article's resolved mentions as the memo keeps them (``text``: the article's): one
    JSON text per mention, a line each, so that a reader wanting a few of an article's
    mentions splits the lines and decodes those alone (JSON writes no raw line break)."""
    return "\n".join(json.dumps(
        (_encode_mention(r.mention, text), r.actors, r.targets, r.place, r.date,
         r.precision, r.basis, None if r.first is None else r.first.isoformat(),
         None if r.last is None else r.last.isoformat(), r.speaker),
        ensure_ascii=False, separators=(",", ":")) for r in found)


def _decode_resolved(line: str, article: Article) -> _Resolved:
    """One mention (a line) of an article's :func:`_encode_resolved` entry, as it was."""
    (mention, actors, targets, place, value, precision, basis, first, last, speaker) = (
        json.loads(line))
    return _Resolved(
        _decode_mention(mention, article), article.outlet,
        article.published or (article.date_range or ("9999",))[0], tuple(actors),
        tuple(targets), place, value, precision, basis,
        None if first is None else date.fromisoformat(first),
        None if last is None else date.fromisoformat(last), speaker)


class _MentionReader:
    """The resolved mentions of groups, by their numbers in the table: from the shelf where
    their article's mentions were made in this build, else decoded from the article's memo
    entry (only the mentions asked for; an entry gone from the memo is made again from the
    annotations)."""

    def __init__(self, table: MentionTable, place_in_article: Sequence[int],
                 shelf: RecordShelf[tuple[Any, ...]], articles: Mapping[str, Article],
                 entries: Callable[[list[str]], dict[str, str]] | None,
                 remake: Callable[[set[str]], Iterator[tuple[str, list[_Resolved]]]]) -> None:
        self._table = table
        self._place = place_in_article
        self._shelf = shelf
        self._articles = articles
        self._entries = entries
        self._remake = remake
        #: per article code: the shelf number of its first mention, or its memo digest
        self.source: list[int | str] = []

    def groups(self, groups: Sequence[Sequence[int]]) -> list[list[_Resolved]]:
        """The mentions of each group, in its order."""
        article_of, ids, source = self._table.article, self._table.article_ids, self.source
        shelved: list[int] = []
        wanted: dict[int, set[int]] = defaultdict(set)  # article code -> places in it
        for numbers in groups:
            for i in numbers:
                at = source[article_of[i]]
                if isinstance(at, int):
                    shelved.append(at + self._place[i])
                else:
                    wanted[article_of[i]].add(self._place[i])
        found: dict[int, _Resolved] = dict(zip(
            shelved, (_Resolved(*row) for row in self._shelf.get(shelved)), strict=True))
        remembered: dict[tuple[int, int], _Resolved] = {}
        if wanted:
            digests = {code: str(source[code]) for code in wanted}
            entries = self._entries(sorted(set(digests.values()))) if self._entries else {}
            gone: dict[str, int] = {}
            for code, places in wanted.items():
                value = entries.get(digests[code])
                if value is None:
                    gone[ids[code]] = code
                    continue
                lines = value.split("\n")
                article = self._articles[ids[code]]
                for n in places:
                    remembered[code, n] = _decode_resolved(lines[n], article)
            for article_id, made in self._remake(set(gone)) if gone else ():
                code = gone[article_id]
                for n in wanted[code]:
                    remembered[code, n] = made[n]
        return [[found[source[article_of[i]] + self._place[i]]  # type: ignore[operator]
                 if isinstance(source[article_of[i]], int)
                 else remembered[article_of[i], self._place[i]] for i in numbers]
                for numbers in groups]


# An event mention in the memo: its fields in order, as lists, with each text that is the
# article's own characters at its span's offsets left out (null) and cut again on reading:
# a third of the size of the mention as the annotations store it.


def _encode_mention(m: EventMention, text: str) -> list[Any]:
    def span(item: TextSpan | None) -> list[Any] | None:
        return None if item is None else [item.start, item.end, _own(text, item)]

    return [m.start, m.end, _own(text, m), m.trigger_start, m.trigger_end, m.trigger, m.type,
            m.nominal, [span(a) for a in m.actors], [span(t) for t in m.targets],
            span(m.place), span(m.time), m.modality, span(m.speaker),
            [[n.kind, n.value, n.unit, n.start, n.end, _own(text, n)] for n in m.numbers],
            m.refers_back]


def _own(text: str, item: TextSpan | StatedNumber | EventMention) -> str | None:
    """None when ``item.text`` is the article's text at its offsets, else that text."""
    return None if text[item.start:item.end] == item.text else item.text


def _decode_mention(row: list[Any], article: Article) -> EventMention:
    text = article.text

    def cut(start: int, end: int, own: str | None) -> str:
        return text[start:end] if own is None else own

    def span(item: list[Any] | None) -> TextSpan | None:
        return None if item is None else TextSpan(item[0], item[1], cut(*item))

    (start, end, own, trigger_start, trigger_end, trigger, kind, nominal, actors, targets,
     place, time, modality, speaker, numbers, refers_back) = row
    return EventMention(
        article=article.id, start=start, end=end, text=cut(start, end, own),
        trigger_start=trigger_start, trigger_end=trigger_end, trigger=trigger, type=kind,
        nominal=nominal, actors=tuple(TextSpan(s, e, cut(s, e, t)) for s, e, t in actors),
        targets=tuple(TextSpan(s, e, cut(s, e, t)) for s, e, t in targets),
        place=span(place), time=span(time), modality=modality, speaker=span(speaker),
        numbers=tuple(StatedNumber(k, v, u, s, e, cut(s, e, t))
                      for k, v, u, s, e, t in numbers),
        refers_back=refers_back,
    )


def _ids(entities: EntityLookup, article: str, spans: Iterable[object]) -> tuple[str, ...]:
    found: list[str] = []
    for span in spans:
        start, end = getattr(span, "start"), getattr(span, "end")  # noqa: B009
        ent = entities.entity_of(article, start, end)
        if ent and ent not in found:
            found.append(ent)
    return tuple(found)


# --------------------------------------------------------------------------- merging


class _Groups:
    def __init__(self, size: int) -> None:
        self.parent = array("i", range(size))  # 4 bytes a mention, not a list's 36

    def find(self, x: int) -> int:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def _block(item: _Resolved) -> str:
    mention = item.mention
    return mention.type if mention.type != "other" else "other:" + mention.trigger


def _keys(item: _Resolved) -> list[str]:
    keys = [f"trigger:{item.mention.trigger}"]
    if item.place:
        keys.append(f"place:{item.place}")
    keys += [f"actor:{a}" for a in item.actors]
    keys += [f"target:{t}" for t in item.targets]
    keys += [f"name:{name_key(n.text)}" for n in item.mention.actors if n.text]
    return keys


@lru_cache(maxsize=1 << 16)
def name_key(phrase: str) -> str:
    """A loose key for an actor phrase that names no entity: its last word, lower case,
    without a possessive or plural ending (``the rebels'`` and ``rebel`` meet). Kept per
    phrase: the merge asks it of each actor phrase of both mentions of every pair it scores,
    and a corpus writes the same few phrases (``police``, ``officials``) again and again."""
    words = phrase.lower().replace("’", "'").split()
    word = words[-1] if words else ""
    for ending in ("'s", "'", "s"):  # "rebels'" loses both the mark and the plural
        if word.endswith(ending) and len(word) > len(ending) + 2:
            word = word[: -len(ending)]
    return word


def _explicit_day(item: _Resolved) -> bool:
    return item.basis in ("time_expression", "event_relative") and item.precision == "day"


def pair_score(a: _Resolved, b: _Resolved) -> float:
    """How strongly two mentions of one block look like the same happening (negative:
    they cannot be)."""
    if (a.first and b.first and a.last and b.last) and (
        a.last < b.first - timedelta(days=1) or b.last < a.first - timedelta(days=1)
    ):
        return -1.0
    score = 0.0
    if _explicit_day(a) and _explicit_day(b):
        score += 1.5 if a.date == b.date else 0.0
    # Asked millions of times in a large corpus: each test only as far as its answer needs.
    shared_actors = bool(a.actors and b.actors) and not set(a.actors).isdisjoint(b.actors)
    names_meet = shared_actors or _names_meet(a, b)
    if a.mention.trigger == b.mention.trigger:
        # The same word for a happening in one time window is most often the same happening,
        # unless both name who acted and they differ. A verb of no event type (``reach``,
        # ``spread``, ``work``) names no happening of its own: there, two different doers
        # (``its teams reached`` and ``the water reached``) keep the mentions apart even
        # when neither doer is a known entity.
        apart = bool(a.actors and b.actors and not shared_actors) or (
            a.mention.type == "other" and bool(a.mention.actors and b.mention.actors)
            and not names_meet
        )
        score += 0.5 if apart else 1.5
    if a.place and b.place:
        score += 1.5 if a.place == b.place else -1.0
    if names_meet:
        score += 1.0
    if a.targets and b.targets and not set(a.targets).isdisjoint(b.targets):
        score += 1.0
    return score


def _names_meet(a: _Resolved, b: _Resolved) -> bool:
    if not (a.mention.actors and b.mention.actors):
        return False
    names_a = {name_key(n.text) for n in a.mention.actors}
    return any(name_key(n.text) in names_a for n in b.mention.actors)


@dataclass(frozen=True, slots=True)
class _Where:
    """The towns a group of mentions names, with their positions."""

    towns: frozenset[tuple[float, float]]

    @staticmethod
    def of(item: _Resolved, towns: Mapping[str, tuple[float, float]]) -> _Where:
        point = towns.get(item.place) if item.place else None
        return _Where(frozenset((point,)) if point else frozenset())

    def apart(self, other: _Where) -> bool:
        """Whether both name towns and no town of one lies near a town of the other."""
        return bool(self.towns and other.towns) and all(
            distance_km(*a, *b) > SAME_SCENE_KM for a in self.towns for b in other.towns
        )

    def merged(self, other: _Where) -> _Where:
        return _Where(self.towns | other.towns)


def _merge(
    items: Sequence[_Resolved], towns: Mapping[str, tuple[float, float]] = {}
) -> _Groups:
    """The groups of :func:`_merge_table` for mentions at hand."""
    table = MentionTable()
    for item in items:
        table.add(item)
    return _merge_table(table, towns)


def _merge_table(table: MentionTable, towns: Mapping[str, tuple[float, float]] = {}
                 ) -> _Groups:
    """Mentions numbered as they were added to ``table`` joined into groups, one per
    happening, reading only the table."""
    groups = _Groups(len(table))
    parent = groups.parent

    def find(x: int) -> int:  # _Groups.find, without a method call per step
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    # The days each group can have happened on (as day numbers), kept at its root: two
    # groups whose days cannot meet never join, even through a chain of mentions each close
    # in time to the next (a "killed" in every article of a month of war reports). An
    # undated mention's days are the fortnight before its article, as pair_score reads them.
    dated = array("b", table.dated)
    day_first = array("i", table.first)
    day_last = array("i", table.last)

    # Where each group happened: two groups that name towns far apart are different
    # happenings, even when a chain of mentions that name no place (``the offensive``,
    # ``advanced``) links them. Wider places (a district, a country) contain towns and say
    # nothing against them. A group of one mention is where its town is; a joined group's
    # towns are kept at its root when it names any.
    town_at = {code: towns[name] for code, name in table.values("place").items()
               if towns.get(name)}
    place_of = table.place
    joined_where: dict[int, _Where] = {}

    def where_of(root: int) -> _Where | None:
        found = joined_where.get(root)
        if found is None and (point := town_at.get(place_of[root])) is not None:
            found = _Where(frozenset((point,)))
        return found

    def join_roots(ri: int, rj: int) -> int:
        """Join the groups of two roots where their days and towns allow; the root of
        ``ri``'s group afterwards."""
        a = (day_first[ri], day_last[ri]) if dated[ri] else None
        b = (day_first[rj], day_last[rj]) if dated[rj] else None
        if a and b and (a[1] < b[0] - 1 or b[1] < a[0] - 1):
            return ri
        wi, wj = where_of(ri), where_of(rj)
        if wi is not None and wj is not None and wi.apart(wj):
            return ri
        root = min(ri, rj)
        parent[max(ri, rj)] = root  # _Groups.union: the smaller index is the root
        span = (max(a[0], b[0]), min(a[1], b[1])) if a and b else a or b
        if span:
            dated[root] = 1
            day_first[root], day_last[root] = span
        place = wi.merged(wj) if wi is not None and wj is not None else wi or wj
        if place is not None:
            joined_where[root] = place
        return root

    # A definite nominal that names nothing new refers to the latest event of its kind
    # told before it in the same article (if the two can be one happening).
    last_of: dict[tuple[int, int], int] = {}
    back: list[tuple[int, int]] = []
    for i, (article, kind, refers_back) in enumerate(
            zip(table.article, table.kind, table.refers_back, strict=True)):
        key = (article, kind)
        if refers_back and key in last_of:
            back.append((i, last_of[key]))
        last_of[key] = i
    del last_of
    features = PairFeatures(table)
    for (i, j), possible in zip(back, scores_at_least(features, back, 0.0), strict=True):
        ri, rj = find(i), find(j)
        if possible and ri != rj:
            join_roots(ri, rj)
    del back
    # Each mention meets the last MAX_PEERS earlier ones of its block under each index key;
    # the pairs that score enough are found for all at once (see event_pairs), and joined
    # here in the order the walk meets them, as far as the groups' days and towns allow.
    # A mention's pairs come one after another, and only they join groups meanwhile, so
    # its root is kept from pair to pair (updated by its own joins): most of its peers are
    # in its group by then (a million of the pairs at 2,000 articles), and each such pair
    # costs one walk up from the peer.
    current = root_i = -1
    for i, j in merging_pairs(table, features, table.order(), MAX_PEERS, MERGE_SCORE):
        if i != current:
            current, root_i = i, find(i)
        x = j  # find(j), inline: this loop runs a million times
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        if x != root_i:
            root_i = join_roots(root_i, x)
    return groups


# --------------------------------------------------------------------------- events


def event_id(article: str, trigger_start: int) -> str:
    """The id of an event: a hash of its earliest evidence (article and trigger offset), so
    it stays the same as long as that evidence does."""
    return "ev_" + hashlib.sha1(f"{article}:{trigger_start}".encode()).hexdigest()[:12]


def _evidence(item: _Resolved) -> Evidence:
    m = item.mention
    return Evidence(m.article, m.start, m.end, m.text, m.trigger_start, m.trigger_end)


class _Counter:
    """Independent sources of a set of articles, the rule of
    :func:`~sitroom.analyze.provenance.count_independent` (syndicated copies, relays of one
    wire and an outlet's own articles count once) with the syndication groups computed once
    for the whole corpus."""

    def __init__(self, articles: Mapping[str, Article]) -> None:
        groups = syndication_groups(list(articles.values()))
        self.key: dict[str, str] = {}
        for ident, article in articles.items():
            origin = wire_credit(article.text)
            self.key[ident] = (
                "origin:" + origin.casefold() if origin else source_key(groups[ident], articles)
            )

    def count(self, ids: Iterable[str]) -> int:
        return len({self.key.get(ident, ident) for ident in ids})


def _values(
    field: str,
    pairs: Sequence[tuple[str, _Resolved, str | None]],
    counter: _Counter,
) -> list[EventValue]:
    """Every distinct value of one field with its evidence; the preferred one first."""
    by_value: dict[str, list[tuple[_Resolved, str | None]]] = defaultdict(list)
    for value, item, unit in pairs:
        by_value[value].append((item, unit))
    out: list[EventValue] = []
    for value, found in by_value.items():
        articles = {i.mention.article for i, _ in found}
        units = Counter(u for _, u in found if u)
        out.append(
            EventValue(
                field, value,
                tuple(sorted({i.outlet for i, _ in found})),
                counter.count(articles),
                tuple(dict.fromkeys(_evidence(i) for i, _ in found)),
                unit=units.most_common(1)[0][0] if units else None,
            )
        )
    out.sort(key=lambda v: (-v.independent_sources, -len(v.evidence), v.value))
    if out:
        out[0] = EventValue(out[0].field, out[0].value, out[0].outlets,
                            out[0].independent_sources, out[0].evidence, True, out[0].unit)
    return out


def _most(values: Iterable[str]) -> list[str]:
    return [v for v, _ in sorted(Counter(values).items(), key=lambda kv: (-kv[1], kv[0]))]


def _make_event(members: Sequence[_Resolved], counter: _Counter) -> Event:
    members = sorted(members, key=lambda r: (r.published, r.mention.article,
                                             r.mention.trigger_start))
    first = members[0]
    typed = [m.mention.type for m in members if m.mention.type != "other"]
    kind = _most(typed)[0] if typed else "other"
    triggers = _most(m.mention.trigger for m in members if m.mention.type == kind)
    modality = _most(m.mention.modality for m in members)[0]
    happened = any(m.happened for m in members)
    dated = [m for m in members if m.basis in ("time_expression", "event_relative")]
    date_values = _values(
        "date", [(m.date, m, None) for m in (dated or members) if m.date], counter
    )
    chosen_date = date_values[0] if date_values else None
    precision = basis = None
    if chosen_date is not None:
        source = next(m for m in (dated or members) if m.date == chosen_date.value)
        precision, basis = source.precision, source.basis
    place_values = _values("place", [(m.place, m, None) for m in members if m.place], counter)
    numbers: list[EventValue] = []
    for number_kind in ("killed", "wounded", "displaced", "arrested"):
        numbers += _values(
            number_kind,
            [(str(n.value), m, n.unit) for m in members for n in m.mention.numbers
             if n.kind == number_kind],
            counter,
        )
    modality_values = _values(
        "modality", [(m.mention.modality, m, None) for m in members], counter
    )
    conflicts = [
        v for values in (date_values if len(dated) else [], place_values, modality_values)
        if len(values) > 1 for v in values
    ]
    articles = {m.mention.article for m in members}
    # The fullest mention, the earliest among equals (by position: ``members.index`` made
    # this quadratic in the size of a large event).
    _, best = max(enumerate(members), key=lambda pair: (
        len(pair[1].actors) + len(pair[1].targets) + (pair[1].place is not None), -pair[0]))
    return Event(
        id=event_id(first.mention.article, first.mention.trigger_start),
        type=kind,
        date=chosen_date.value if chosen_date else None,
        date_precision=precision,
        actors=tuple(_most(a for m in members for a in m.actors)),
        targets=tuple(_most(t for m in members for t in m.targets)),
        place=place_values[0].value if place_values else None,
        text=best.mention.text,
        evidence=tuple(dict.fromkeys(_evidence(m) for m in members)),
        outlets=tuple(sorted({m.outlet for m in members})),
        independent_sources=counter.count(articles),
        trigger=triggers[0] if triggers else first.mention.trigger,
        date_basis=basis,
        modality=modality if not happened else _most(
            m.mention.modality for m in members if m.happened)[0],
        happened=happened,
        speakers=tuple(_most(m.speaker for m in members if m.speaker)),
        actor_names=tuple(_most(a.text for m in members for a in m.mention.actors)),
        target_names=tuple(_most(t.text for m in members for t in m.mention.targets)),
        numbers=tuple(numbers),
        conflicts=tuple(conflicts),
    )


def build_events(
    articles: Sequence[Article],
    annotations: Sequence[DocAnnotations],
    entities: EntityLookup,
    place_mentions: Iterable[tuple[str, int, int, str]] = (),
    towns: Mapping[str, tuple[float, float]] | None = None,
) -> tuple[Event, ...]:
    """Every event of the corpus, merged across mentions and articles, in a stable order
    (by date, then id). ``place_mentions`` is (article, start, end, place id) for each
    resolved place mention; ``towns`` the position of each place id that is a town
    (:func:`town_points`), which keeps mentions in towns far apart in different events."""
    return tuple(sorted(
        events_unordered(articles, annotations, entities, place_mentions, towns),
        key=event_order,
    ))


def event_order(event: Event) -> tuple[str, str]:
    """The order of :func:`build_events`: by date (undated last), then id."""
    return (event.date or "9999", event.id)


def events_unordered(
    articles: Sequence[Article],
    annotations: Sequence[DocAnnotations],
    entities: EntityLookup,
    place_mentions: Iterable[tuple[str, int, int, str]] = (),
    towns: Mapping[str, tuple[float, float]] | None = None,
    memo: MemoStore | None = None,
    folder: str | None = None,
) -> Iterator[Event]:
    """The events of :func:`build_events` one at a time, before they are put in order: a
    caller that keeps them elsewhere (on disk) never holds every event together with every
    mention. ``memo``: where each article's resolved mentions are kept between builds (the
    store), if anywhere; ``folder``: where the mentions wait on disk (None: the system's
    temporary folder).

    The corpus's resolved mentions are never all in memory: each article's are noted in a
    table of a few ints per mention (what the merge reads); those made in this build are
    put on disk, those kept in the memo stay there, and a group's mentions are read back
    only to make its event."""
    by_id = {a.id: a for a in articles}
    table = MentionTable()
    shelf: RecordShelf[tuple[Any, ...]] = RecordShelf(folder)
    place_rows = place_mentions if isinstance(place_mentions, Sequence) else list(
        place_mentions)
    entries: Callable[[list[str]], dict[str, str]] | None = None
    version = getattr(annotations, "version", None)
    if memo is not None and isinstance(version, str):
        from ..fingerprint import code_digest

        entries = memo_reader(memo, namespace(MENTIONS_MEMO, code_digest(), version))

    def remake(ids: set[str]) -> Iterator[tuple[str, list[_Resolved]]]:
        # An article whose mentions' entry went from the memo (never in a build that ran
        # to its end): made again, as the first pass made them.
        places = PlaceLookup(place_rows)
        within = getattr(annotations, "within", None)  # the store's: reads theirs alone
        for ann in within(ids) if callable(within) else annotations:
            if ann.article in ids:
                yield ann.article, _resolve_article(ann, by_id[ann.article], entities, places)

    # Where each mention comes from, for the stored events' keys (stored_events): the digest
    # its article's mentions are kept under (per article, in the table's article order)
    # and its place among them. None where some article's mentions are not kept.
    digests: list[str] | None = []
    place_in_article = array("i")
    reader = _MentionReader(table, place_in_article, shelf, by_id, entries, remake)
    try:
        # Many small records and no cycles: see gc_pause.
        with collector_paused():
            for noted in _mentions_by_article(annotations, by_id, entities,
                                              PlaceLookup(place_rows), memo):
                count = noted.rows.count
                if not count:
                    continue
                if digests is not None:
                    if noted.digest is None:
                        digests = None
                    else:
                        digests.append(noted.digest)
                table.extend(noted.article, noted.rows)
                place_in_article.extend(range(count))
                if noted.made is None:
                    reader.source.append(str(noted.digest))
                else:
                    reader.source.append(len(shelf))
                    for item in noted.made:
                        shelf.add(_fields(item))
            if not len(table):
                return
            groups = _merge_table(table, towns or {})
        yield from _made_events(table, groups, reader, digests, place_in_article, by_id,
                                annotations, memo)
    finally:
        shelf.close()


def _fields(item: _Resolved) -> tuple[Any, ...]:
    return (item.mention, item.outlet, item.published, item.actors, item.targets, item.place,
            item.date, item.precision, item.basis, item.first, item.last, item.speaker)


def _made_events(
    table: MentionTable,
    groups: _Groups,
    reader: _MentionReader,
    digests: Sequence[str] | None,
    place_in_article: Sequence[int],
    by_id: Mapping[str, Article],
    annotations: Sequence[DocAnnotations],
    memo: MemoStore | None,
) -> Iterator[Event]:
    """The event of each group, groups in the order of their first mention; with ``memo``
    and every mention's source known, read back where a build before made it."""
    count = len(table)
    roots = np.fromiter((groups.find(i) for i in range(count)), dtype=np.int64, count=count)
    del groups
    # Each group's mentions in their order, groups by their root (their first mention).
    by_group = np.argsort(roots, kind="stable")
    bounds = np.flatnonzero(np.diff(roots[by_group])) + 1
    del roots
    starts = [0, *bounds.tolist()]
    ends = [*bounds.tolist(), count]
    counter = _Counter(by_id)

    def members(start: int, end: int) -> list[int]:
        found: list[int] = by_group[start:end].tolist()
        return found

    def make(chosen: list[list[int]]) -> list[Event]:
        return [_make_event(found, counter) for found in reader.groups(chosen)]

    if memo is None or digests is None:
        for low in range(0, len(starts), EVENT_CHUNK):
            yield from make([members(start, end) for start, end in
                             zip(starts[low:low + EVENT_CHUNK], ends[low:low + EVENT_CHUNK],
                                 strict=True)])
        return
    # An event whose members and their articles' source keys are as a build before met
    # them is read back rather than made (see stored_events).
    ids = table.article_ids
    id_rank = np.empty(len(ids), dtype=np.int64)
    id_rank[sorted(range(len(ids)), key=ids.__getitem__)] = np.arange(len(ids))
    keys = group_keys(
        digests, [counter.key.get(a, a) for a in ids], id_rank, by_group,
        np.asarray(table.article, dtype=np.int64),
        np.asarray(place_in_article, dtype=np.int64),
        np.array([*starts, count], dtype=np.int64))

    def keyed() -> Iterator[tuple[str, list[int]]]:
        for key, start, end in zip(keys, starts, ends, strict=True):
            yield key, members(start, end)

    yield from remembered_events(memo, getattr(annotations, "version", ""), keyed(), make,
                                 by_id)


def place_mentions(places: object) -> list[tuple[str, int, int, str]]:
    """(article, start, end, place id) of every resolved place mention of a
    :class:`~sitroom.resolve.places.PlaceResolution`."""
    return [(m.article, m.start, m.end, m.place) for m in getattr(places, "mentions", ())]


def town_points(places: object) -> dict[str, tuple[float, float]]:
    """Place id -> (lat, lon) of every place of a
    :class:`~sitroom.resolve.places.PlaceResolution` resolved to a town."""
    return {
        m.place: (m.lat, m.lon)
        for m in getattr(places, "mentions", ())
        if m.kind == "city" and m.lat is not None and m.lon is not None
    }


def timeline(events: Iterable[Event]) -> tuple[str, ...]:
    """Ids of the events that happened and have a date, in date order (a range sorts by its
    start; on the same start, the finer precision first): :meth:`EventNotes.timeline
    <sitroom.analyze.event_notes.EventNotes.timeline>` of the events."""
    from .event_notes import EventNotes

    notes = EventNotes()
    for event in events:
        notes.note(event)
    return notes.timeline()


def mark_duplicates(articles: Sequence[Article]) -> tuple[Article, ...]:
    """Articles whose text is a near-copy of an earlier one (syndication, MinHash LSH in
    :func:`~sitroom.analyze.provenance.syndication_groups`) marked ``duplicate_of`` it."""
    from dataclasses import replace

    groups = syndication_groups(articles)
    return tuple(
        replace(a, duplicate_of=groups[a.id]) if groups.get(a.id, a.id) != a.id
        and a.duplicate_of is None else a
        for a in articles
    )
