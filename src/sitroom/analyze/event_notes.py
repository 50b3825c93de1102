"""What the steps after the events read of every event, noted as the events go to disk.

The events are spilled to disk as they are made (:mod:`sitroom.report.spill`), and two steps
after them read every one back: the timeline (each event's date, precision and id) and the
claims' link to events (each passage's article and characters, the event's id and whether
it happened). Unpickling every event for those few fields cost several CPU seconds a build
at 2,000 articles, on every add. :class:`EventNotes` keeps just those fields, packed, from
the events on their way to the spill, so neither step reads the spill at all.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator

from ..memory import fresh_copy
from ..types import Event

#: An event's passage: (start, end, event id, whether the event happened).
EventSpan = tuple[int, int, str, bool]

#: The order of date precisions on the timeline: on the same day, the finer first.
_PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "season": 3, "range": 4, "year": 5,
                   "decade": 6}


def timeline_key(event: Event) -> tuple[str, int] | None:
    """Where ``event`` sorts on the timeline, before its id breaks ties (a range sorts by
    its start; on the same start, the finer precision first); None when it is not on the
    timeline (it did not happen, or has no date)."""
    if not (event.happened and event.date):
        return None
    return event.date[:10], _PRECISION_RANK.get(event.date_precision or "", 9)


def event_spans(events: Iterable[Event]) -> dict[str, list[EventSpan]]:
    """Each article's passages of ``events``."""
    spans: dict[str, list[EventSpan]] = defaultdict(list)
    for event in events:
        for item in event.evidence:
            spans[item.article].append((item.start, item.end, event.id, event.happened))
    return spans


class EventNotes:
    """The timeline keys and passages of the events passed through :meth:`noting`."""

    __slots__ = ("_article_ids", "_articles", "_dated", "_happened", "_ids", "_spans")

    def __init__(self) -> None:
        self._article_ids: dict[str, int] = {}
        self._articles: list[str] = []
        #: four numbers per passage: article, start, end, event (positions in the lists)
        self._spans = array("q")
        # New copies of the ids: the events they come from are freed a block at a time,
        # and a few survivors per block would keep every block's memory (see memory.py).
        self._ids: list[str] = []
        self._happened = bytearray()
        self._dated: list[tuple[str, int, int]] = []  # day, precision rank, event

    def noting(self, events: Iterable[Event]) -> Iterator[Event]:
        """``events`` as they are, each noted on its way."""
        for event in events:
            self.note(event)
            yield event

    def note(self, event: Event) -> None:
        position = len(self._ids)
        self._ids.append(fresh_copy(event.id))
        self._happened.append(event.happened)
        key = timeline_key(event)
        if key is not None:
            self._dated.append((*key, position))
        for item in event.evidence:
            article = self._article_ids.get(item.article)
            if article is None:
                article = self._article_ids[item.article] = len(self._articles)
                self._articles.append(fresh_copy(item.article))
            self._spans.extend((article, item.start, item.end, position))

    def __len__(self) -> int:
        return len(self._ids)

    def timeline(self) -> tuple[str, ...]:
        """The ids of the events that happened and have a date, in timeline order."""
        ids = self._ids
        return tuple(ids[k[2]] for k in sorted(self._dated, key=lambda k: (k[0], k[1], ids[k[2]])))

    def spans(self) -> dict[str, list[EventSpan]]:
        """Each article's passages, as :func:`event_spans` gives them for the same events."""
        spans: dict[str, list[EventSpan]] = defaultdict(list)
        flat, ids, happened, articles = self._spans, self._ids, self._happened, self._articles
        for k in range(0, len(flat), 4):
            event = flat[k + 3]
            spans[articles[flat[k]]].append(
                (flat[k + 1], flat[k + 2], ids[event], bool(happened[event])))
        return spans
