"""Time expressions: every date, time, duration and set in a parsed article, as TIMEX3 values.

Recognition is rule-based (:mod:`.timex_rules`: precompiled patterns over the text, in the
manner of HeidelTime; :mod:`.timex_periods` for quarters and fiscal years, :mod:`.timex_words`
for years and decades in words, :mod:`.timex_daytime` for times of day in words and their sets,
:mod:`.timex_ranges` for ranges of days, :mod:`.timex_anchor_rules` for halves counted in
quarters (:mod:`.timex_anchor` says which quarter, year or day a report means),
:mod:`.timex_clock24` for ``0600 GMT``,
:mod:`.timex_spans` for ``current``, fractions of units and sets of parts of weekdays,
:mod:`.timex_narrative` for ``two weeks from now`` and ``later that night``, :mod:`.timex_deictic`
for ``until then`` and ``at this moment``,
:mod:`.timex_offset_rules` for ``three days later`` (the DURATION ``three days``),
:mod:`.timex_counted` for ``the nine months`` with its article, :mod:`.timex_unstated` for
``could take months``, ``a lengthy period`` and ``ten o'clock``, :mod:`.timex_whole` for ``a
full week``, :mod:`.timex_frequencies` for ``several times a week`` and ``twice daily``,
:mod:`.timex_holidays` for named holidays (``Labor Day``, ``Good Friday``),
:mod:`.timex_twice_removed` for ``the week before last``, :mod:`.timex_season_of_year` for ``the
spring of last year``, :mod:`.timex_weekday_of_week` for ``Friday next week``,
:mod:`.timex_following_weekday` for ``the following Monday``, :mod:`.timex_each_of` for ``each
of the last three years``, :mod:`.timex_elided` for ``two`` in ``two to six days``,
:mod:`.timex_time_rates` for ``24 hours a day``, :mod:`.timex_next_unit` for
``resigned the next year`` told in the past, :mod:`.timex_in_future` for ``will be redeemed in
five years``, :mod:`.timex_part_of_month` for ``the first week of April``,
:mod:`.timex_the_week` for an unstated ``the week``, :mod:`.timex_soon` for ``may soon seek``; time
words inside titles and names (``60 Minutes``, ``the Sunday Times``, the film ``"One Day in
September"``) are left out, :mod:`.timex_titles`, as is a generic ``that day``,
:mod:`.timex_generic`; a duration takes in the word bounding its amount,
:mod:`.timex_modifiers`, and any expression a following ``or so``, :mod:`.timex_approx`) with
spaCy's own DATE/TIME entities
as supporting evidence: a bare month name counts only where a preposition or modifier
introduces it, or spaCy also labelled it.
spaCy entities no rule can normalise (``a fourth consecutive day``) are left out rather than
reported without a value.

Normalisation anchors on the article's publication date (``anchor``):

- explicit dates resolve with or without an anchor (``August 12, 2025``, ``in 2019``);
- dates relative to the document (``on Wednesday``, ``last week``, ``four years ago``,
  ``this summer``) need the anchor; without one their value is None. A weekday that is the
  anchor's own weekday is the anchor itself; otherwise the clause's tense picks the nearest
  past (past, present or unknown tense) or next (future) one;
- ``November 27`` takes its year from the anchor (the nearest such day before it in a past
  clause, after it in a future one); without an anchor, from the last full date the text gave;
- ``the next day`` counts from the last day the text mentioned (``two weeks later`` is the
  DURATION ``two weeks``, its relation naming that day, and the story moves on to it); bare clock
  times and parts of day (``3 a.m.``, ``in the afternoon``) fall on a day named earlier in the
  same sentence, else on the anchor;
- expressions hanging on an event (``two days before Assad fled``, ``the second day of the
  offensive``) get value None and a ``relation`` (``before:P2D:Assad fled``,
  ``ordinal:2:P1D:the offensive``) that :func:`sitroom.resolve.dates.resolve_event_relation`
  resolves once the event has a date.

Offsets index ``doc.text``; ``doc.text[start:end] == text`` always holds.
"""

from __future__ import annotations

import re
from bisect import bisect_right, insort
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..types import TimeMention
from .doctext import ents_of, text_of
from .timex_anchor import compared_quarter
from .timex_anchor_rules import ANCHOR_RULES
from .timex_approx import approximate_end
from .timex_calendar import Tense
from .timex_clock24 import CLOCK24_RULES
from .timex_counted import COUNTED_RULES
from .timex_daytime import DAYTIME_RULES
from .timex_deictic import DEICTIC_RULES
from .timex_each_of import EACH_OF_RULES
from .timex_elided import elided_amounts
from .timex_following_weekday import FOLLOWING_WEEKDAY_RULES
from .timex_frequencies import FREQUENCY_RULES
from .timex_generic import generic_day
from .timex_holidays import HOLIDAY_RULES
from .timex_in_future import IN_FUTURE_RULES
from .timex_modifiers import bounded_start
from .timex_narrative import NARRATIVE_RULES
from .timex_next_unit import NEXT_UNIT_RULES
from .timex_offset_rules import OFFSET_RULES
from .timex_offsets import landing_day
from .timex_part_of_month import PART_OF_MONTH_RULES
from .timex_periods import PERIOD_RULES, frames_report
from .timex_ranges import RANGE_RULES
from .timex_rules import RULES, Context, Reading, Rule, span_of
from .timex_season_of_year import SEASON_OF_YEAR_RULES
from .timex_soon import SOON_RULES
from .timex_spans import SPAN_RULES
from .timex_tense import tense_at
from .timex_the_week import THE_WEEK_RULES
from .timex_time_rates import TIME_RATE_RULES
from .timex_titles import capitalised_unit, in_quoted_title
from .timex_twice_removed import TWICE_REMOVED_RULES
from .timex_unstated import UNSTATED_RULES
from .timex_weekday_of_week import WEEKDAY_OF_WEEK_RULES
from .timex_whole import WHOLE_RULES
from .timex_words import WORD_RULES
from .wordscan import WordScanner

__all__ = ["extract_times", "normalize_text"]

#: Every rule, in the order that breaks ties between equal spans: reporting periods first, so
#: "a year earlier" beside a quarter reads as that quarter; "the next year" told in the past
#: before the stretch that :mod:`.timex_rules` reads it as.
ALL_RULES: tuple[Rule, ...] = (NEXT_UNIT_RULES + IN_FUTURE_RULES + ANCHOR_RULES + PERIOD_RULES
                                 + WORD_RULES + DAYTIME_RULES
                                 + RANGE_RULES + CLOCK24_RULES + RULES + SPAN_RULES
                                 + NARRATIVE_RULES + DEICTIC_RULES + OFFSET_RULES + COUNTED_RULES
                                 + UNSTATED_RULES + WHOLE_RULES + FREQUENCY_RULES
                                 + HOLIDAY_RULES + TWICE_REMOVED_RULES + SEASON_OF_YEAR_RULES
                                 + WEEKDAY_OF_WEEK_RULES + FOLLOWING_WEEKDAY_RULES
                                 + EACH_OF_RULES + TIME_RATE_RULES
                                 + PART_OF_MONTH_RULES + THE_WEEK_RULES + SOON_RULES)

#: How many sentences on a day named in the text still frames a bare clock time or part of day:
#: "Shares closed lower Friday. Dealers sold in the morning" means Friday morning.
DAY_REACH = 1

_DAY_VALUE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T|$)")
_MONTH_VALUE = re.compile(r"^(\d{4})-(0[1-9]|1[0-2])(?:-|T|$)")
_YEAR_VALUE = re.compile(r"^(\d{4})(?:-|$)")
_BY_BEFORE = re.compile(r"(?i:\b(?:by|until|till|before)\s+)$")
#: The offset of a relation (``before:P2D:...``, ``ordinal:2:P1D:...``) counts whole days.
#: Rules that name a quarter outright (not one read from another, like "a year earlier").
_QUARTER_NAMING = frozenset({"nth_quarter", "relative_unit", "named_quarter"})
#: "the year-ago quarter", "the 1988 period": quarters read as a comparison with the one
#: reported, which must not become the report's own quarter.
_COMPARED_QUARTER = re.compile(r"(?i:year|comparable|corresponding|prior|same|\d{4})")
#: Longer reporting periods ("the nine months", "the first half", "for the year ended Sept.
#: 30"): once a report moves on to one, "a year earlier" compares with that, not a quarter.
_LONGER_PERIOD = re.compile(r"^(?:P[69]M|P1Y|\d{4}-H[12])$")
_DAY_OFFSET = re.compile(r"^(?:before|after|ordinal:\d+):P(?:\d+|X)D:")


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    order: int

    @property
    def priority(self) -> tuple[int, int, int]:
        # Longer expressions first; on equal spans the longer match (an event-relative
        # phrase over a bare duration), then the earlier rule in the table.
        return (-(self.end - self.start), -(self.match.end() - self.match.start()), self.order)


def extract_times(doc: Any, article_id: str, anchor: date | None) -> tuple[TimeMention, ...]:
    """Every date and time expression in ``doc``, normalised against ``anchor``."""
    text: str = text_of(doc)
    entity_spans = [(ent.start_char, ent.end_char) for ent in ents_of(doc)
                    if ent.label_ in ("DATE", "TIME")]
    sentence_starts = [sent.start_char for sent in doc.sents] if doc.has_annotation(
        "SENT_START") else [0]

    tenses: dict[tuple[int, int], Tense | None] = {}

    def tense_of(start: int, end: int) -> Tense | None:
        if (start, end) not in tenses:
            tenses[start, end] = tense_at(doc, start, end)
        return tenses[start, end]

    readings = _read(text, anchor, entity_spans, sentence_starts, tense_of)
    return tuple(
        TimeMention(article_id, start, end, text[start:end], reading.type, reading.value,
                    reading.precision, reading.relation)
        for start, end, reading in readings
    )


def normalize_text(text: str, anchor: date | None, tense: Tense | None = None) -> tuple[
        tuple[int, int, Reading], ...]:
    """The time expressions of a bare string (no parse: the tense is ``tense`` throughout)."""
    return tuple(_read(text, anchor, [], [0], lambda start, end: tense))


def _read(text: str, anchor: date | None, entity_spans: list[tuple[int, int]],
          sentence_starts: list[int], tense_of: Callable[[int, int], Tense | None],
          ) -> list[tuple[int, int, Reading]]:
    chosen = _choose(text, anchor, _candidates(text), entity_spans, tense_of)
    results: list[tuple[int, int, Reading]] = []
    reference_day: date | None = None
    reference_year: int | None = None
    reference_relation: str | None = None
    sentence_day: tuple[int, date] | None = None
    reference_quarter: tuple[int, str] | None = None
    reference_month: tuple[int, int] | None = None
    for candidate in chosen:
        sentence = bisect_right(sentence_starts, candidate.start) - 1
        ctx = Context(
            text, candidate.start, candidate.end, anchor, reference_day, reference_year,
            reference_relation,
            sentence_day[1] if sentence_day and sentence - sentence_day[0] <= DAY_REACH
            else None,
            _covered(candidate.start, candidate.end, entity_spans), tense_of,
            reference_quarter, reference_month,
        )
        reading = candidate.rule.handler(candidate.match, ctx)
        if reading is None or generic_day(text[candidate.start:candidate.end], reading,
                                          tense_of(candidate.start, candidate.end)):
            continue
        start = bounded_start(text, candidate.start, candidate.end, reading.type,
                              results[-1][1] if results else 0)  # "nearly five months"
        end = approximate_end(text, candidate.end, reading.type)  # "two years or so"
        results.append((start, end, reading))
        day = _DAY_VALUE.match(reading.value or "")
        if day and reading.type in ("DATE", "TIME"):
            reference_day = date(int(day[1]), int(day[2]), int(day[3]))
            reference_relation = None
            sentence_day = (sentence, reference_day)
        elif (landed := landing_day(reading.relation)) is not None:
            # "Three days later": a DURATION, but the story now stands on the day it lands on
            reference_day, reference_relation = landed, None
            sentence_day = (sentence, landed)
        elif reading.relation and _DAY_OFFSET.match(reading.relation):
            reference_day, reference_relation = None, reading.relation
        if _names_report_quarter(candidate, text) and frames_report(
                reading.value or "", anchor, text, candidate.end,
                tense_of(candidate.start, candidate.end)):
            reference_quarter = (candidate.end, reading.value or "")
        elif reference_quarter and _same_or_year_before(reading.value, reference_quarter[1]):
            # The report still speaks of its quarter ("the 1989 period", "a year ago"): the
            # frame reaches on from here.
            reference_quarter = (candidate.end, reference_quarter[1])
        elif reference_quarter and _LONGER_PERIOD.match(reading.value or "") and (
                reading.relation is None):
            reference_quarter = None
        month = _MONTH_VALUE.match(reading.value or "")
        if month and reading.type in ("DATE", "TIME"):
            reference_month = (int(month[1]), int(month[2]))
            if reading.precision == "month":
                reference_relation = None  # the story has moved on to a dated month
        year = _YEAR_VALUE.match(reading.value or "")
        if year and reading.type in ("DATE", "TIME") and not _looks_ahead(
                text, candidate.start, candidate.end, reading, tense_of):
            reference_year = int(year[1])
    # "two to six days": the bare "two" shares the unit of "six days" (timex_elided)
    results.extend(elided_amounts(text, results))
    results.sort(key=lambda found: found[0])
    return results


def _names_report_quarter(candidate: _Candidate, text: str) -> bool:
    """Whether the candidate names the quarter a report is about (``the third quarter``,
    ``the latest quarter``), not one it compares with (``the year-ago quarter``)."""
    if candidate.rule.name not in _QUARTER_NAMING or compared_quarter(text, candidate.start):
        return False
    return candidate.rule.name != "named_quarter" or not _COMPARED_QUARTER.search(
        text[candidate.start:candidate.end])


def _same_or_year_before(value: str | None, framed: str) -> bool:
    """Whether ``value`` is the framed quarter ``framed`` (``1989-Q3``) or that quarter a
    year before."""
    if not value or len(value) != 7 or value[4:] != framed[4:] or not value[:4].isdigit():
        return False
    return int(framed[:4]) - int(value[:4]) in (0, 1)


def _looks_ahead(text: str, start: int, end: int, reading: Reading,
                 tense_of: Callable[[int, int], Tense | None]) -> bool:
    """A bare year the clause looks ahead to (``will double by 2040``): not a year that later
    day-and-month mentions (``Aug. 14``) fall in."""
    if reading.precision != "year":
        return False
    return bool(_BY_BEFORE.search(text[max(0, start - 12):start])) or tense_of(
        start, end) == "future"


def _candidates(text: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    scanner = WordScanner(text)  # the same matches as each pattern's finditer, found faster
    for order, rule in enumerate(ALL_RULES):
        for match in scanner.finditer(rule.pattern):
            start, end = span_of(match)
            start, end = _trim(text, start, end)
            if end > start:
                found.append(_Candidate(start, end, rule, match, order))
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _choose(text: str, anchor: date | None, candidates: Iterable[_Candidate],
            entity_spans: list[tuple[int, int]],
            tense_of: Callable[[int, int], Tense | None]) -> list[_Candidate]:
    """Non-overlapping candidates, best first, whose rule accepts them; in text order."""
    # Kept spans never overlap, so sorted by start they are sorted by end too: one bisection
    # finds the only two that could overlap a candidate (text dense with dates stays linear).
    taken: list[tuple[int, int]] = []
    kept: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: c.priority):
        at = bisect_right(taken, (candidate.start, candidate.end))
        if (at and taken[at - 1][1] > candidate.start) or (
                at < len(taken) and taken[at][0] < candidate.end):
            continue
        if in_quoted_title(text, candidate.start, candidate.end) or _counted_title(candidate):
            continue  # the film "One Day in September", "60 Minutes": titles, not times
        probe = Context(text, candidate.start, candidate.end, anchor,
                        in_entity=_covered(candidate.start, candidate.end, entity_spans),
                        tense_of=tense_of)
        if candidate.rule.handler(candidate.match, probe) is None:
            continue
        insort(taken, (candidate.start, candidate.end))
        kept.append(candidate)
    kept.sort(key=lambda c: c.start)
    return kept


def _counted_title(candidate: _Candidate) -> bool:
    """Whether the candidate counts a unit spelt with a capital in running prose (``60
    Minutes``, ``the Six-Day War``, ``28 Days Later``): a title's words, not a time."""
    groups = candidate.match.re.groupindex
    if "n" not in groups or "u" not in groups or candidate.match["n"] is None:
        return False
    unit_start, unit_end = candidate.match.span("u")
    return unit_start >= 0 and capitalised_unit(candidate.match.string, unit_start, unit_end)


def _covered(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether one of ``spans`` (spaCy's entities: sorted, never overlapping) holds
    ``start:end``."""
    at = bisect_right(spans, (start, end)) - 1
    if at + 1 < len(spans) and spans[at + 1][0] == start:
        at += 1  # an entity starting here that ends further on
    return at >= 0 and spans[at][0] <= start and end <= spans[at][1]
