"""The event merge's pairs found and scored all at once give the groups the walk that scores
each pair as it meets it gives, whether the table is filled a mention at a time or from the
articles' rows as the store keeps them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from sitroom.analyze.event_pairs import MentionTable, article_rows, decode_rows, encode_rows
from sitroom.analyze.events import (
    MAX_PEERS,
    MERGE_SCORE,
    _block,
    _Groups,
    _keys,
    _merge,
    _merge_table,
    _Resolved,
    _Where,
    pair_score,
)
from sitroom.types import EventMention, TextSpan


def walked(items: Sequence[_Resolved], towns: Mapping[str, tuple[float, float]]
           ) -> list[int]:
    """The merge as a walk that scores each pair when it meets it: each mention, in time
    order, against the last MAX_PEERS earlier ones of its block under each of its keys."""
    groups = _Groups(len(items))
    spans = {i: (r.first, r.last) for i, r in enumerate(items) if r.first and r.last}
    where = {i: _Where.of(r, towns) for i, r in enumerate(items)}

    def join(i: int, j: int) -> None:
        ri, rj = groups.find(i), groups.find(j)
        if where[ri].apart(where[rj]):
            return
        a, b = spans.get(ri), spans.get(rj)
        if a and b:
            if a[1] < b[0] - timedelta(days=1) or b[1] < a[0] - timedelta(days=1):
                return
            spans[ri] = spans[rj] = (max(a[0], b[0]), min(a[1], b[1]))
        groups.union(i, j)
        where[groups.find(i)] = where[ri].merged(where[rj])
        merged = spans.get(ri) or spans.get(rj)
        if merged:
            spans[groups.find(i)] = merged

    last_of: dict[tuple[str, str], int] = {}
    for i, r in enumerate(items):
        key = (r.mention.article, r.mention.type)
        if r.mention.refers_back and key in last_of and pair_score(r, items[last_of[key]]) >= 0:
            join(i, last_of[key])
        last_of[key] = i
    index: dict[tuple[str, str], list[int]] = defaultdict(list)
    order = sorted(range(len(items)), key=lambda i: (items[i].published, items[i].mention.article,
                                                      items[i].mention.trigger_start))
    for i in order:
        seen: set[int] = set()
        for index_key in _keys(items[i]):
            peers = index[(_block(items[i]), index_key)]
            for j in peers[-MAX_PEERS:]:
                if j in seen:
                    continue
                seen.add(j)
                if groups.find(i) != groups.find(j) and (
                        pair_score(items[i], items[j]) >= MERGE_SCORE):
                    join(i, j)
            peers.append(i)
    return [groups.find(i) for i in range(len(items))]


DAY = date(2024, 3, 1)
mentions = st.fixed_dictionaries({
    "article": st.sampled_from("abcd"),
    "start": st.integers(0, 40),
    "trigger": st.sampled_from(["attack", "kill", "strike"]),
    "type": st.sampled_from(["attack", "other"]),
    "actors": st.lists(st.sampled_from(["e_1", "e_2", "e_3"]), max_size=2, unique=True),
    "names": st.lists(st.sampled_from(["rebels", "the rebel", "police", "", "army"]),
                      max_size=2),
    "targets": st.lists(st.sampled_from(["e_1", "e_4"]), max_size=2, unique=True),
    "place": st.sampled_from([None, "p_town", "p_far", "p_region"]),
    "day": st.none() | st.integers(0, 12),
    "width": st.integers(0, 3),
    "basis": st.sampled_from(["time_expression", "article_date", "event_relative"]),
    "refers_back": st.booleans(),
    "published": st.sampled_from(["2024-03-02", "2024-03-05", "9999"]),
})


def resolved(drawn: dict[str, object]) -> _Resolved:
    start = int(drawn["start"])  # type: ignore[call-overload]
    names = [TextSpan(0, len(str(n)), str(n)) for n in drawn["names"]]  # type: ignore[attr-defined]
    mention = EventMention(str(drawn["article"]), start, start + 5, "text", start, start + 3,
                           str(drawn["trigger"]), str(drawn["type"]), actors=tuple(names),
                           refers_back=bool(drawn["refers_back"]))
    day = drawn["day"]
    first = None if day is None else DAY + timedelta(days=int(day))  # type: ignore[call-overload]
    last = None if first is None else first + timedelta(days=int(drawn["width"]))  # type: ignore[call-overload]
    width = int(drawn["width"])  # type: ignore[call-overload]
    return _Resolved(
        mention, "Outlet", str(drawn["published"]),
        tuple(drawn["actors"]), tuple(drawn["targets"]),  # type: ignore[arg-type]
        drawn["place"],  # type: ignore[arg-type]
        None if first is None else first.isoformat(),
        None if first is None else ("day" if width == 0 else "range"),
        None if first is None else str(drawn["basis"]), first, last, None)


@settings(max_examples=150, deadline=None)
@given(st.lists(mentions, min_size=1, max_size=60))
def test_merging_all_pairs_at_once_gives_the_walks_groups(
    drawn: list[dict[str, object]],
) -> None:
    items = [resolved(d) for d in drawn]
    towns = {"p_town": (36.2, 37.1), "p_far": (33.5, 36.3)}
    merged = _merge(items, towns)
    assert [merged.find(i) for i in range(len(items))] == walked(items, towns)


def test_a_key_a_mention_holds_twice_shortens_its_window_as_in_the_walk() -> None:
    # Two actor phrases with one name key: the mention is entered twice under that key.
    twice = dict(article="z", start=0, trigger="attack", type="attack", actors=[],
                 names=["rebels", "the rebel"], targets=[], place=None, day=1, width=0,
                 basis="time_expression", refers_back=False, published="2024-03-05")
    drawn = [{**twice, "article": f"a{n}", "start": n, "published": "2024-03-02"}
             for n in range(MAX_PEERS + 3)] + [twice, {**twice, "article": "y"}]
    items = [resolved(d) for d in drawn]
    merged = _merge(items, {})
    assert [merged.find(i) for i in range(len(items))] == walked(items, {})


@settings(max_examples=100, deadline=None)
@given(st.lists(mentions, max_size=40))
def test_the_table_walks_the_mentions_in_the_merges_time_order(
    drawn: list[dict[str, object]],
) -> None:
    items = [resolved(d) for d in drawn]
    table = MentionTable()
    for item in items:
        table.add(item)
    assert len(table) == len(items)
    assert table.order().tolist() == sorted(
        range(len(items)), key=lambda i: (items[i].published, items[i].mention.article,
                                          items[i].mention.trigger_start))
    # equal values of one kind share a code, and the code gives the value back
    triggers = table.values("trigger")
    assert [triggers[code] for code in table.trigger] == [r.mention.trigger for r in items]


@settings(max_examples=100, deadline=None)
@given(st.lists(mentions, min_size=1, max_size=50))
def test_a_table_filled_from_stored_article_rows_merges_as_the_walk_does(
    drawn: list[dict[str, object]],
) -> None:
    # The mentions in article order, as a build notes them; each article's rows go through
    # their encoding, as they come back from the store.
    items = sorted((resolved(d) for d in drawn), key=lambda r: r.mention.article)
    towns = {"p_town": (36.2, 37.1), "p_far": (33.5, 36.3)}
    table = MentionTable()
    for name in sorted({r.mention.article for r in items}):
        rows = article_rows([r for r in items if r.mention.article == name])
        table.extend(name, decode_rows(encode_rows(rows)))
    assert len(table) == len(items)
    merged = _merge_table(table, towns)
    assert [merged.find(i) for i in range(len(items))] == walked(items, towns)
    triggers, places = table.values("trigger"), table.values("place")
    assert [triggers[code] for code in table.trigger] == [r.mention.trigger for r in items]
    assert [places.get(code) for code in table.place] == [r.place for r in items]
