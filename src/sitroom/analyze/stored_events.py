"""Events made before, kept in the store and read back while their mentions are unchanged.

Making an event (:func:`~sitroom.analyze.events._make_event`: its values side by side, their
outlets, independent sources and evidence) reads only the resolved mentions of its group and
which independent source each of their articles counts as. A build that adds a few articles
to thousands meets mostly the groups it met before: the merge gives the same members for
every event the new mentions do not join. So each made event is kept in the store's memo
table under a digest of exactly what it is made from:

- each member mention, named by the digest its article's resolved mentions are kept under
  (see ``events._remembered``: the article, its dates and outlet, the entity and place ids
  of its spans) and its place among them, in the group's order;
- the source key of each member article (``events._Counter``: a wire's relays and an
  article's syndicated copies count once), which new articles can change.

The namespace names sitroom's code and the annotations' pipeline version. An event whose
digest is stored is decoded instead of made; the event made either way is equal. A build
that makes events drops the entries no group of it has (never read again).
"""

from __future__ import annotations

import hashlib
import json
import struct
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from typing import Any, TypeVar, overload

import numpy as np

from ..stored_memo import MemoStore, namespace
from ..types import Article, Event, EventValue, Evidence
from .article_memo import memo_reader
from .distinct_codes import sorted_distinct
from .gc_pause import collector_paused

__all__ = ["decode_event", "encode_event", "group_keys", "remembered_events"]

G = TypeVar("G")
#: Groups whose events are read, made and stored together: a bounded working set.
CHUNK = 4000


def group_keys(
    article_digests: Sequence[str],
    sources: Sequence[str],
    source_order: np.ndarray,
    members: np.ndarray,
    article_of: np.ndarray,
    place_in_article: np.ndarray,
    bounds: np.ndarray,
) -> GroupKeys:
    """The key of each group's event, for every group at once: a digest of its members as
    (their article's digest, their place among its resolved mentions) in the group's
    order, and of the source keys of its articles in order of the article ids.

    ``article_digests`` and ``sources``: per article code; ``source_order``: each article
    code's rank by article id; ``members``: every group's mention numbers back to back,
    each group's in its order; ``article_of`` and ``place_in_article``: per mention
    number; ``bounds``: where each group starts in ``members``, then the end. Each member
    and source goes in as a fixed-width record (sha256 bytes, a little-endian int), so the
    per-group work is one hash over one slice: the keys of 45,000 groups, one JSON text
    each, took a second of every add at 2,000 articles."""
    if not len(members):
        return GroupKeys(b"")
    digests = np.frombuffer(b"".join(bytes.fromhex(d) for d in article_digests), dtype="S32")
    source_digests = np.array([hashlib.sha256(s.encode("utf-8")).digest() for s in sources],
                              dtype="S32")
    articles = article_of[members]
    records = np.empty(len(members), dtype=[("article", "S32"), ("place", "<i4")])
    records["article"] = digests[articles]
    records["place"] = place_in_article[members]
    member_bytes = records.tobytes()
    # Each group's distinct articles, in order of their ids.
    sizes = np.diff(bounds)
    group_of = np.repeat(np.arange(len(sizes), dtype=np.int64), sizes)
    width = len(article_digests)
    by_rank = np.argsort(source_order, kind="stable")
    distinct = sorted_distinct(group_of * width + source_order[articles])
    source_bytes = source_digests[by_rank[distinct % width]].tobytes()
    source_bounds = np.concatenate(([0], np.cumsum(np.bincount(distinct // width,
                                                               minlength=len(sizes)))))
    record, source = records.itemsize, source_digests.itemsize
    keys = bytearray()
    for low, high, source_low, source_high in zip(
            bounds[:-1].tolist(), bounds[1:].tolist(), source_bounds[:-1].tolist(),
            source_bounds[1:].tolist(), strict=True):
        digest = hashlib.sha256(struct.pack("<qq", high - low, source_high - source_low))
        digest.update(member_bytes[low * record:high * record])
        digest.update(source_bytes[source_low * source:source_high * source])
        keys += digest.digest()
    return GroupKeys(bytes(keys))


class GroupKeys(Sequence[str]):
    """The groups' keys, held as their 32 digest bytes back to back (a list of 45,000 hex
    texts was 5 MB more while the events are made) and spelled in hex when asked."""

    def __init__(self, digests: bytes) -> None:
        self._digests = digests

    def __len__(self) -> int:
        return len(self._digests) // 32

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[str]: ...

    def __getitem__(self, index: int | slice) -> str | Sequence[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError("group key index out of range")
        return self._digests[index * 32:(index + 1) * 32].hex()


def remembered_events(
    memo: MemoStore,
    version: str,
    groups: Iterable[tuple[str, G]],
    make: Callable[[list[G]], list[Event]],
    articles: Mapping[str, Article],
) -> Iterator[Event]:
    """The event of each ``(key, group)`` of ``groups``, in their order: decoded from the
    entry stored under ``key`` where there is one, else made (stored before it is handed
    out). ``make`` makes the events of some groups at once, in their order: the groups of a
    chunk that need making are handed over together, so their mentions are read back
    together. The groups are taken :data:`CHUNK` at a time and let go once their events
    are out; ``articles`` (by id) give the passages' texts."""
    from ..fingerprint import code_digest

    name_space = namespace("events_made", code_digest(), version)
    read = memo_reader(memo, name_space)
    keys: list[str] = []
    made_any = False
    pending = iter(groups)
    while chunk := list(islice(pending, CHUNK)):
        stored = read(sorted({key for key, _group in chunk}))
        fresh: dict[str, str] = {}
        with collector_paused():  # many small records, no cycles
            keys.extend(key for key, _group in chunk)
            missing = [(key, group) for key, group in chunk if key not in stored]
            made = dict(zip((key for key, _group in missing),
                            make([group for _key, group in missing]), strict=True))
            out: list[Event] = []
            for key, _group in chunk:
                value = stored.get(key) or fresh.get(key)
                if value is None:
                    value = fresh[key] = encode_event(made[key], articles)
                # Handed out as read back, like a stored one: equal records then share
                # their parts alike, so they pickle to the same bytes (the report writer
                # knows a record it wrote before by them: report/line_cache).
                out.append(decode_event(value, articles))
        if fresh:
            memo.add_memo_entries(name_space, sorted(fresh.items()))
            made_any = True
        del stored, fresh, chunk, missing, made
        yield from out
    keep = getattr(memo, "keep_memo_entries", None)
    if made_any and callable(keep):  # the events of groups that changed are never read again
        keep(name_space, sorted(set(keys)))


# An event in the memo: its fields in order, as lists. An evidence passage whose text is its
# article's own characters at its offsets keeps no text (cut again on reading); a value's
# evidence and the event's text name the event's evidence by position: most of an event's
# bytes are its passages, each written once.


def encode_event(event: Event, articles: Mapping[str, Article]) -> str:
    evidence = {item: n for n, item in reversed(list(enumerate(event.evidence)))}
    text_at = next((n for n, item in enumerate(event.evidence) if item.text == event.text), None)
    return json.dumps(
        [event.id, event.type, event.date, event.date_precision, event.actors, event.targets,
         event.place, event.text if text_at is None else text_at,
         [_encode_evidence(item, articles) for item in event.evidence], event.outlets,
         event.independent_sources, event.trigger, event.date_basis, event.modality,
         event.happened, event.speakers, event.actor_names, event.target_names,
         [_encode_value(v, evidence, articles) for v in event.numbers],
         [_encode_value(v, evidence, articles) for v in event.conflicts]],
        ensure_ascii=False, separators=(",", ":"))


def decode_event(value: str, articles: Mapping[str, Article]) -> Event:
    (ident, kind, date, precision, actors, targets, place, text, evidence, outlets,
     independent, trigger, basis, modality, happened, speakers, actor_names, target_names,
     numbers, conflicts) = json.loads(value)
    passages = tuple(_decode_evidence(item, articles) for item in evidence)
    return Event(
        id=ident, type=kind, date=date, date_precision=precision, actors=tuple(actors),
        targets=tuple(targets), place=place,
        text=passages[text].text if isinstance(text, int) else text,
        evidence=passages, outlets=tuple(outlets), independent_sources=independent,
        trigger=trigger, date_basis=basis, modality=modality, happened=happened,
        speakers=tuple(speakers), actor_names=tuple(actor_names),
        target_names=tuple(target_names),
        numbers=tuple(_decode_value(v, passages, articles) for v in numbers),
        conflicts=tuple(_decode_value(v, passages, articles) for v in conflicts),
    )


def _encode_evidence(item: Evidence, articles: Mapping[str, Article]) -> list[Any]:
    article = articles.get(item.article)
    own = article is not None and article.text[item.start:item.end] == item.text
    return [item.article, item.start, item.end, None if own else item.text,
            item.trigger_start, item.trigger_end]


def _decode_evidence(row: list[Any], articles: Mapping[str, Article]) -> Evidence:
    article, start, end, text, trigger_start, trigger_end = row
    if text is None:
        text = articles[article].text[start:end]
    return Evidence(article, start, end, text, trigger_start, trigger_end)


def _encode_value(value: EventValue, evidence: Mapping[Evidence, int],
                  articles: Mapping[str, Article]) -> list[Any]:
    return [value.field, value.value, value.outlets, value.independent_sources,
            [evidence[item] if item in evidence else _encode_evidence(item, articles)
             for item in value.evidence], value.preferred, value.unit]


def _decode_value(row: list[Any], passages: Sequence[Evidence],
                  articles: Mapping[str, Article]) -> EventValue:
    field, value, outlets, independent, evidence, preferred, unit = row
    return EventValue(
        field, value, tuple(outlets), independent,
        tuple(passages[item] if isinstance(item, int) else _decode_evidence(item, articles)
              for item in evidence),
        preferred, unit)
