"""The :class:`Report` record to JSON-ready data, in the contract's field order.

Each record has its own small function so the JSON's shape is spelled out here, next to
``schema.json``, instead of following whatever fields a dataclass happens to grow (the article's
cleaned text, for instance, is stored but is not part of report.json).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, overload

from ..errors import SitroomError
from ..types import (
    Article,
    Assertion,
    Citation,
    Claim,
    Contradiction,
    ContradictionSide,
    Entity,
    Event,
    EventValue,
    Evidence,
    Framing,
    FramingTerm,
    FramingUse,
    Place,
    Quote,
    Rejected,
    Report,
    Story,
    SummaryItem,
)
from .evidence_bound import VALUE_EVIDENCE, bounded

JsonObject = dict[str, Any]


def report_to_dict(report: Report) -> JsonObject:
    """JSON-ready data for ``report``: lists for tuples, keys in the contract's order.

    The order of every list is the order the report holds; this function adds no sorting and
    no clock, so the same report always gives the same data.
    """
    return {
        key: list(value) if isinstance(value, Records) else value
        for key, value in report_sections(report)
    }


class Records(Sequence[Any]):
    """One of the report's lists as JSON-ready data, each record converted when it is read
    (on every pass), so a writer that goes record by record never holds the whole list's
    data."""

    __slots__ = ("_convert", "_source")

    def __init__(self, source: Sequence[Any], convert: Callable[[Any], Any]) -> None:
        self._source = source
        self._convert = convert

    @property
    def source(self) -> Sequence[Any]:
        """The report's own records, before conversion."""
        return self._source

    @property
    def convert(self) -> Callable[[Any], Any]:
        """What makes one of :attr:`source`'s records JSON-ready data."""
        return self._convert

    def __len__(self) -> int:
        return len(self._source)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self._convert(item) for item in self._source[index]]
        return self._convert(self._source[index])

    def __iter__(self) -> Iterator[Any]:
        return map(self._convert, self._source)


def _same(value: Any) -> Any:
    return value


def report_sections(report: Report) -> Iterator[tuple[str, Any]]:
    """(key, value) of report.json's top level in the contract's order, each list as
    :class:`Records`."""
    yield "schema_version", report.schema_version
    yield "generated_by", report.generated_by
    yield "as_of", report.as_of
    yield "articles", Records(report.articles, article_to_dict)
    yield "rejected", Records(report.rejected, rejected_to_dict)
    yield "entities", Records(report.entities, entity_to_dict)
    yield "places", Records(report.places, place_to_dict)
    yield "events", Records(report.events, event_to_dict)
    yield "quotes", Records(report.quotes, quote_to_dict)
    yield "citations", Records(report.citations, citation_to_dict)
    yield "claims", Records(report.claims, claim_to_dict)
    yield "stories", Records(report.stories, story_to_dict)
    yield "framing", Records(report.framing, framing_to_dict)
    yield "summary", Records(report.summary, summary_item_to_dict)
    yield "timeline", Records(report.timeline, _same)
    yield "contradictions", Records(report.contradictions, contradiction_to_dict)


def report_to_json(data: JsonObject) -> str:
    """The text of report.json: each top-level field on its own line, a list's records one
    per line (UTF-8 kept readable, one trailing newline).

    One record per line keeps the file readable and easy to grep or diff between builds, and
    lets the standard library's C encoder write each record: an indented layout runs its
    pure-Python encoder, which took about half of the writer's time on a large corpus. NaN
    and infinity are refused: they are not JSON, and a schema check cannot see them.
    """
    return "".join(_layout(data.items()))


def report_json_chunks(report: Report) -> Iterator[str]:
    """The text of :func:`report_to_json` for ``report``, in pieces of about one record
    each: every record is converted and encoded when its turn comes, so neither the whole
    data nor the whole text is ever held (a large corpus's report.json runs to hundreds of
    megabytes of text, several times that as Python objects)."""
    return _layout(report_sections(report))


def _layout(sections: Iterable[tuple[str, Any]]) -> Iterator[str]:
    """report.json's text for its top-level fields, in pieces (see :func:`report_to_json`);
    a list is laid out record by record whether it comes as :class:`Records` or as data."""
    yield "{"
    first = True
    for key, value in sections:
        yield ("\n  " if first else ",\n  ") + _encode(key) + ": "
        first = False
        if not isinstance(value, (Records, list, tuple)):
            yield _encode(value)
            continue
        opened = False
        for item in value:
            yield (RECORD_SEPARATOR if opened else "[" + RECORD_NEWLINE) + _encode(item)
            opened = True
        yield LIST_END if opened else "[]"
    yield "\n}\n"


#: What starts a record's line in one of report.json's top-level lists...
RECORD_NEWLINE = "\n    "
#: ... what comes between two records, and what closes a list that has some.
RECORD_SEPARATOR = "," + RECORD_NEWLINE
LIST_END = "\n  ]"

#: One value on one line, as ``json.dumps(value, ensure_ascii=False, allow_nan=False)``
#: writes it (made once: ``json.dumps`` with arguments makes a new encoder on every call).
_ONE_LINE = json.JSONEncoder(ensure_ascii=False, allow_nan=False)


def _encode(value: Any) -> str:
    try:
        return _ONE_LINE.encode(value)
    except ValueError as err:
        raise _not_json(err) from err


def _not_json(err: ValueError) -> SitroomError:
    return SitroomError(
        f"report.json would contain a value JSON cannot hold: {err}",
        fix="replace NaN or infinite numbers (coordinates, scores) with null or a finite value",
    )


def article_to_dict(article: Article) -> JsonObject:
    return {
        "id": article.id,
        "outlet": article.outlet,
        "title": article.title,
        "url": article.url,
        "published": article.published,
        "date_basis": article.date_basis,
        "date_range": list(article.date_range) if article.date_range is not None else None,
        "language": article.language,
        "words": article.words,
        "files": list(article.files),
        "duplicate_of": article.duplicate_of,
        "author": article.author,
    }


def rejected_to_dict(rejected: Rejected) -> JsonObject:
    return {"path": rejected.path, "reason": rejected.reason}


def entity_to_dict(entity: Entity) -> JsonObject:
    return {
        "id": entity.id,
        "name": entity.name,
        "type": entity.type,
        "aliases": list(entity.aliases),
        "mention_count": entity.mention_count,
        "articles": list(entity.articles),
    }


def place_to_dict(place: Place) -> JsonObject:
    return {
        "id": place.id,
        "name": place.name,
        "aliases": list(place.aliases),
        "lat": place.lat,
        "lon": place.lon,
        "country_code": place.country_code,
        "geonames_id": place.geonames_id,
        "articles": list(place.articles),
        "confidence": place.confidence,
        "reason": place.reason,
    }


def evidence_to_dict(evidence: Evidence) -> JsonObject:
    return {
        "article": evidence.article,
        "start": evidence.start,
        "end": evidence.end,
        "text": evidence.text,
        "trigger_start": evidence.trigger_start,
        "trigger_end": evidence.trigger_end,
    }


def event_value_to_dict(value: EventValue) -> JsonObject:
    return {
        "field": value.field,
        "value": value.value,
        "unit": value.unit,
        "outlets": list(value.outlets),
        "independent_sources": value.independent_sources,
        "preferred": value.preferred,
        "evidence": _evidence_list(bounded(value.evidence, VALUE_EVIDENCE)),
        "evidence_total": len(value.evidence),
    }


def _evidence_list(items: Iterable[Evidence]) -> list[JsonObject]:
    return [evidence_to_dict(e) for e in items]


def event_to_dict(event: Event) -> JsonObject:
    return {
        "id": event.id,
        "type": event.type,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_basis": event.date_basis,
        "trigger": event.trigger,
        "actors": list(event.actors),
        "targets": list(event.targets),
        "actor_names": list(event.actor_names),
        "target_names": list(event.target_names),
        "place": event.place,
        "modality": event.modality,
        "happened": event.happened,
        "speakers": list(event.speakers),
        "text": event.text,
        "evidence": _evidence_list(event.evidence),
        "outlets": list(event.outlets),
        "independent_sources": event.independent_sources,
        "numbers": [event_value_to_dict(v) for v in event.numbers],
        "conflicts": [event_value_to_dict(v) for v in event.conflicts],
    }


def quote_to_dict(quote: Quote) -> JsonObject:
    return {
        "id": quote.id,
        "article": quote.article,
        "speaker": quote.speaker,
        "speaker_text": quote.speaker_text,
        "text": quote.text,
        "direct": quote.direct,
        "cue": quote.cue,
        "start": quote.start,
        "end": quote.end,
        "also_in": list(quote.also_in),
    }


def citation_to_dict(citation: Citation) -> JsonObject:
    return {
        "article": citation.article,
        "source": citation.source,
        "source_text": citation.source_text,
        "kind": citation.kind,
        "start": citation.start,
        "end": citation.end,
    }


def claim_to_dict(claim: Claim) -> JsonObject:
    return {
        "id": claim.id,
        "text": claim.text,
        "evidence": _evidence_list(claim.evidence),
        "outlets": list(claim.outlets),
        "independent_sources": claim.independent_sources,
        "status": claim.status,
        "contradicts": list(claim.contradicts),
        "asserted_by": [assertion_to_dict(a) for a in claim.asserted_by],
        "event": claim.event,
        "kind": claim.kind,
        "subject": claim.subject,
        "date": claim.date,
    }


def assertion_to_dict(assertion: Assertion) -> JsonObject:
    return {
        "article": assertion.article,
        "outlet": assertion.outlet,
        "speaker": assertion.speaker,
        "speaker_text": assertion.speaker_text,
        "via": assertion.via,
    }


def contradiction_to_dict(contradiction: Contradiction) -> JsonObject:
    return {
        "id": contradiction.id,
        "kind": contradiction.kind,
        "explanation": contradiction.explanation,
        "sides": [contradiction_side_to_dict(s) for s in contradiction.sides],
    }


def contradiction_side_to_dict(side: ContradictionSide) -> JsonObject:
    return {
        "claim": side.claim,
        "text": side.text,
        "value": side.value,
        "evidence": _evidence_list(side.evidence),
        "outlets": list(side.outlets),
    }


def story_to_dict(story: Story) -> JsonObject:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "start": story.start,
        "end": story.end,
        "central_article": story.central_article,
    }


def framing_to_dict(framing: Framing) -> JsonObject:
    return {
        "outlet": framing.outlet,
        "distinctive_terms": [framing_term_to_dict(t) for t in framing.distinctive_terms],
        "uses": [framing_use_to_dict(u) for u in framing.uses],
    }


def framing_term_to_dict(term: FramingTerm) -> JsonObject:
    return {"term": term.term, "score": term.score, "z": term.z, "kind": term.kind,
            "count": term.count}


def framing_use_to_dict(use: FramingUse) -> JsonObject:
    return {
        "term": use.term,
        "kind": use.kind,
        "actor": use.actor,
        "count": use.count,
        "articles": list(use.articles),
        "evidence": _evidence_list(use.evidence),
    }


def summary_item_to_dict(item: SummaryItem) -> JsonObject:
    return {
        "text": item.text,
        "evidence": _evidence_list(item.evidence),
        "story": item.story,
        "claim": item.claim,
        "date": item.date,
        "kind": item.kind,
        "outlets": list(item.outlets),
        "counter_claim": item.counter_claim,
        "counter_text": item.counter_text,
        "counter_evidence": _evidence_list(item.counter_evidence),
    }
