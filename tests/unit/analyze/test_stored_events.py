"""Events kept in the store come back equal to the events made again: an add that reads
back the unchanged groups' events gives what a build from scratch gives, and makes only the
events of groups that changed."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitroom.analyze import events as events_module
from sitroom.analyze.events import build_events, event_order, events_unordered
from sitroom.analyze.stored_events import decode_event, encode_event, group_keys
from sitroom.store.annotation_view import StoredAnnotations
from sitroom.store.codec import encode_annotations
from sitroom.types import (
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
from tests.unit.memo_table import MemoTable

VERSION = "test"
TEXT = "Rebels shelled the town on Tuesday, killing 12 people, officials said. " * 3


class _Payloads:
    """Stored annotations in a dict, as the store hands them to a view."""

    def __init__(self, annotations: Sequence[DocAnnotations]) -> None:
        self.payloads = {ann.article: encode_annotations(ann) for ann in annotations}

    def annotated_ids(self, version: str) -> list[str]:
        return list(self.payloads)

    def annotation_payloads(self, version: str, ids: Sequence[str]) -> dict[str, str]:
        return {i: self.payloads[i] for i in ids if i in self.payloads}


_Memo = MemoTable


class _Entities:
    """Entity ids of actor spans, listed per article as entity resolution lists them."""

    def __init__(self, rows: dict[str, list[tuple[int, int, str]]]) -> None:
        self.by_article = rows

    def entity_of(self, article: str, start: int, end: int) -> str | None:
        return next((e for s, t, e in self.by_article.get(article, ()) if (s, t) == (start, end)),
                    None)

    def lookup(self, surface: str) -> str | None:
        return None


def _article(ident: str, outlet: str, published: str) -> Article:
    return Article(ident, TEXT + ident, outlet, None, None, published, "header", None, "en", 40)


_TRIGGERS = [("shell", "assault"), ("kill", "assault"), ("flood", "disaster"),
             ("meet", "other")]
_ACTORS = ["Army", "Rebels", None]


@st.composite
def _corpora(draw: st.DrawFn) -> tuple[list[Article], list[DocAnnotations], _Entities, int]:
    count = draw(st.integers(2, 7))
    articles: list[Article] = []
    annotations: list[DocAnnotations] = []
    rows: dict[str, list[tuple[int, int, str]]] = {}
    for n in range(count):
        ident = f"a{n}"
        articles.append(_article(ident, draw(st.sampled_from(["Wire", "Ledger", "Post"])),
                                 f"2025-08-{10 + draw(st.integers(0, 6)):02d}"))
        mentions = []
        times = []
        for k in range(draw(st.integers(1, 3))):
            at = 10 + 60 * k
            trigger, kind = draw(st.sampled_from(_TRIGGERS))
            actor = draw(st.sampled_from(_ACTORS))
            time = None
            if draw(st.booleans()):
                time = TextSpan(at + 30, at + 34, TEXT[at + 30:at + 34])
                times.append(TimeMention(ident, at + 30, at + 34, time.text, "DATE",
                                         f"2025-08-{8 + draw(st.integers(0, 4)):02d}", "day"))
            if actor:
                rows.setdefault(ident, []).append((at + 6, at + 10, "e_" + actor.lower()))
            killed = draw(st.one_of(st.none(), st.integers(1, 30)))
            mentions.append(EventMention(
                ident, at, at + 40, TEXT[at:at + 40], at, at + 5, trigger, kind,
                nominal=draw(st.booleans()),
                actors=(TextSpan(at + 6, at + 10, actor),) if actor else (), time=time,
                modality=draw(st.sampled_from(["asserted", "negated"])),
                numbers=(StatedNumber("killed", killed, "people", at, at + 9, "n killed"),)
                if killed is not None else (),
                refers_back=draw(st.booleans())))
        annotations.append(DocAnnotations(ident, times=tuple(times), events=tuple(mentions)))
    return articles, annotations, _Entities(rows), draw(st.integers(1, count - 1))


def _built(articles: list[Article], view: StoredAnnotations, entities: _Entities,
           memo: _Memo) -> tuple[Event, ...]:
    return tuple(sorted(events_unordered(articles, view, entities, memo=memo),
                        key=event_order))


# Articles read together: all of an add's new ones at once (the default), or a chunk at a
# time with every other chunk's read back (as a build that makes thousands does).
@pytest.mark.parametrize("article_chunk", [events_module.ARTICLE_CHUNK, 2])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_corpora())
def test_an_add_that_reads_events_back_gives_what_a_build_from_scratch_gives(
    article_chunk: int, corpus: tuple[list[Article], list[DocAnnotations], _Entities, int],
) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(events_module, "ARTICLE_CHUNK", article_chunk)
        _add_matches_a_build_from_scratch(corpus)


def _add_matches_a_build_from_scratch(
    corpus: tuple[list[Article], list[DocAnnotations], _Entities, int],
) -> None:
    articles, annotations, entities, first = corpus
    payloads = _Payloads(annotations)
    view = StoredAnnotations(payloads, VERSION).only("times", "events")
    memo = _Memo()
    old = {a.id for a in articles[:first]}
    _built(articles[:first], view.within(old), entities, memo)
    grown = _built(articles, view, entities, memo)
    assert grown == build_events(articles, annotations, entities)
    assert _built(articles, view, entities, memo) == grown  # everything read back


def test_only_the_events_of_changed_groups_are_made_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    articles = [_article("a", "Wire", "2025-08-12"), _article("b", "Ledger", "2025-08-12"),
                _article("c", "Post", "2025-08-12")]
    rows = {ident: [(16, 20, "e_army")] for ident in "abc"}

    def told(ident: str, trigger: str, kind: str, at: int, actor: bool) -> EventMention:
        return EventMention(ident, at, at + 40, TEXT[at:at + 40], at, at + 5, trigger, kind,
                            actors=(TextSpan(at + 6, at + 10, "Army"),) if actor else ())

    annotations = [
        DocAnnotations("a", events=(told("a", "shell", "assault", 10, True),
                                    told("a", "flood", "disaster", 100, False))),
        DocAnnotations("b", events=(told("b", "shell", "assault", 10, True),)),
        DocAnnotations("c", events=(told("c", "flood", "disaster", 100, False),)),
    ]
    view = StoredAnnotations(_Payloads(annotations), VERSION).only("times", "events")
    entities = _Entities(rows)
    memo = _Memo()
    made: list[int] = []
    real_make = events_module._make_event

    def counting(members: Sequence[object], counter: object) -> Event:
        made.append(len(members))
        return real_make(members, counter)  # type: ignore[arg-type]

    monkeypatch.setattr(events_module, "_make_event", counting)
    # Which remembered mentions are decoded from the memo: only those of events made again.
    decoded: list[tuple[str, int]] = []
    real_decode = events_module._decode_resolved

    def decoding(line: str, article: Article) -> object:
        found = real_decode(line, article)
        decoded.append((found.mention.article, found.mention.trigger_start))
        return found

    monkeypatch.setattr(events_module, "_decode_resolved", decoding)
    first = _built(articles[:2], view.within({"a", "b"}), entities, memo)
    assert sorted(made) == [1, 2]  # the shelling told twice, the flood once
    made.clear()
    assert decoded == []  # a first build makes every mention: none is read back
    grown = _built(articles, view, entities, memo)
    # c tells the flood again: only that event is made again; the shelling is read back
    assert made == [2]
    assert decoded == [("a", 100)]  # a's flood, from the memo; the shelling is not read
    decoded.clear()
    assert grown == build_events(articles, annotations, entities)
    assert next(e for e in grown if e.trigger == "shell") == next(
        e for e in first if e.trigger == "shell")
    made.clear()
    assert _built(articles, view, entities, memo) == grown
    assert made == []
    assert decoded == []  # every event read back: no mention is
    # the first build's flood is never read again: its entry went
    assert sum(n.startswith("events_made") for n, _ in memo.rows) == len(grown)


def test_an_event_round_trips_with_passages_cut_from_the_article_or_kept() -> None:
    article = _article("a", "Wire", "2025-08-12")
    own = Evidence("a", 0, 22, article.text[0:22], 7, 14)
    odd = Evidence("a", 30, 40, "normalised  text", 31, 33)
    elsewhere = Evidence("zz", 1, 5, "gone")  # an article the corpus does not hold
    event = Event(
        id="ev_1", type="assault", date="2025-08-12", date_precision="day",
        actors=("e_army",), targets=(), place="p_1", text="a clause of its own",
        evidence=(own, odd), outlets=("Wire",), independent_sources=1, trigger="shell",
        date_basis="time_expression", modality="reported", happened=True,
        speakers=("e_officials",), actor_names=("Rebels",), target_names=("the town",),
        numbers=(EventValue("killed", "12", ("Wire",), 1, (own,), True, "people"),),
        conflicts=(EventValue("place", "p_2", ("Wire",), 1, (odd, elsewhere)),))
    articles = {"a": article}
    assert decode_event(encode_event(event, articles), articles) == event
    by_passage = Event(**{**{f: getattr(event, f) for f in event.__dataclass_fields__},
                          "text": own.text})
    assert decode_event(encode_event(by_passage, articles), articles) == by_passage


def test_mentions_gone_from_the_memo_are_made_again_from_the_annotations() -> None:
    # A build stopped between storing an article's rows and the events that need its
    # mentions: the rows are there, the mentions not; the events still come out right.
    articles = [_article("a", "Wire", "2025-08-12"), _article("b", "Ledger", "2025-08-13")]
    annotations = [DocAnnotations(ident, events=(EventMention(
        ident, 10, 50, TEXT[10:50], 10, 15, "shell", "assault"),)) for ident in "ab"]
    view = StoredAnnotations(_Payloads(annotations), VERSION).only("times", "events")
    entities = _Entities({})
    memo = _Memo()
    _built(articles, view, entities, memo)
    for name, key in list(memo.rows):
        if name.startswith(("article_event_mentions", "events_made")):
            del memo.rows[(name, key)]
    assert _built(articles, view, entities, memo) == build_events(articles, annotations,
                                                                  entities)


def _keys_of(groups: list[list[tuple[str, int]]], digests: dict[str, str],
             sources: dict[str, str], article_order: list[str]) -> list[str]:
    """group_keys of groups of (article, place) members, articles coded in ``article_order``
    and mentions numbered article after article."""
    number: dict[tuple[str, int], int] = {}
    article_of: list[int] = []
    places: list[int] = []
    for code, name in enumerate(article_order):
        for member in sorted({m for group in groups for m in group if m[0] == name}):
            number[member] = len(article_of)
            article_of.append(code)
            places.append(member[1])
    members = [number[m] for group in groups for m in group]
    bounds = [0]
    for group in groups:
        bounds.append(bounds[-1] + len(group))
    rank = {name: n for n, name in enumerate(sorted(article_order))}
    return list(group_keys([digests[a] for a in article_order],
                           [sources[a] for a in article_order],
                           np.array([rank[a] for a in article_order]), np.array(members),
                           np.array(article_of), np.array(places), np.array(bounds)))


def test_a_groups_key_names_its_members_and_sources_not_how_the_build_numbered_them() -> None:
    digests = {"a": "0a" * 32, "b": "0b" * 32, "c": "0c" * 32}
    sources = {"a": "group:a", "b": "origin:reuters", "c": "group:c"}
    groups = [[("a", 0), ("b", 2)], [("a", 1)], [("c", 0), ("b", 0)]]
    keys = _keys_of(groups, digests, sources, ["a", "b", "c"])
    assert len(set(keys)) == 3
    # another build codes the articles in another order (new ones came first): same keys
    assert _keys_of(groups, digests, sources, ["c", "b", "a"]) == keys
    # a member's place, its article's digest, or an article's source key changes its
    # group's key alone
    moved = [[("a", 0), ("b", 1)], *groups[1:]]
    assert _keys_of(moved, digests, sources, ["a", "b", "c"])[1:] == keys[1:]
    assert _keys_of(moved, digests, sources, ["a", "b", "c"])[0] != keys[0]
    changed = _keys_of(groups, {**digests, "c": "0d" * 32}, sources, ["a", "b", "c"])
    assert changed[:2] == keys[:2] and changed[2] != keys[2]
    relayed = _keys_of(groups, digests, {**sources, "a": "origin:ap"}, ["a", "b", "c"])
    assert relayed[2] == keys[2] and relayed[0] != keys[0] and relayed[1] != keys[1]
    # the members' order within a group is part of the key
    assert _keys_of([[("b", 2), ("a", 0)], *groups[1:]], digests, sources,
                    ["a", "b", "c"])[0] != keys[0]
