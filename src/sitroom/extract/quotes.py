"""``sitroom extract quotes``: one JSON object per quote or citation.

Speakers and cited sources are resolved across all the files given at once, exactly as in
``build``. Every offset indexes the file's text *as read* (before cleaning), so the output
lines up with external attribution annotations.

Fields of a ``"kind": "quote"`` object:

- ``file``; ``start``/``end``/``text``: the content (what was said);
- ``speaker_start``/``speaker_end``/``speaker_text``: the speaker as written (null if none),
  short and readable: the name without what is set off after it;
- ``source_start``/``source_end``/``source_text``: the same speaker as attribution corpora
  mark a source: with the relative clause, age or description set off after the name
  (``A senior official, who spoke on condition of anonymity``, ``Marley Anderson, 21, a
  junior from Las Vegas``); the speaker span when nothing is set off, null with no speaker;
- ``cue_start``/``cue_end``/``cue``: the speech verb or ``according to`` (null if none, as
  for a quote that continues the previous speaker's words);
- ``direct``: true between quotation marks; ``speaker``: canonical entity id or null;
- ``content_parts``: the whole statement's content as ``[start, end]`` fragments in text
  order. A statement its own cue interrupts (``"A," he said, "B."``, ``In his state, X said,
  offenders are ...``) gives one object per part, and each of them lists every part, as
  attribution corpora mark such content (one attribution, several fragments). A quote with
  no cue that continues the last speaker's words (``"A," X said. "B."``) is a part of that
  speaker's statement too. Otherwise the one fragment ``[start, end]``;
- ``also_in``: the other files carrying the same statement.

The JSON Schema of every object is ``quotes.schema.json`` beside this module (package data).

Fields of a ``"kind": "citation"`` object: ``file``; ``start``/``end``/``text``: the cited
source's name; ``source_text`` (the same words); ``kind_of_source`` (outlet, agency,
government, organisation, expert, anonymous); ``cue``; ``affiliation`` (for anonymous
sources); ``source``: canonical entity id or null.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from ..analyze.provenance import build_quotes_and_citations
from ..resolve.entities import resolve_entities
from ..types import QuoteMention
from . import PreparedDoc


def extract(docs: Sequence[PreparedDoc]) -> Iterator[dict[str, Any]]:
    """Yield every quote then every citation of each file, in file order then text order."""
    entities = resolve_entities([d.annotations for d in docs])
    quotes, citations = build_quotes_and_citations(
        [d.article for d in docs], [d.annotations for d in docs], entities
    )
    files_of: dict[str, str] = {}
    for d in docs:
        files_of.setdefault(d.article.id, d.file)
    mentions: dict[tuple[str, int, int], QuoteMention] = {
        (m.article, m.start, m.end): m for d in docs for m in d.annotations.quotes
    }
    for doc in docs:
        article = doc.article.id
        parts = _parts_by_cue(doc, doc.annotations.quotes)
        for q in sorted((q for q in quotes if q.article == article), key=lambda q: q.start):
            m = mentions[(q.article, q.start, q.end)]
            speaker = _raw(doc, m.speaker_start, m.speaker_end)
            cue = _raw(doc, m.cue_start, m.cue_end)
            source = _raw(doc, m.source_start, m.source_end) or speaker
            yield {
                "file": doc.file,
                "kind": "quote",
                **doc.located(q.start, q.end),
                "speaker_start": speaker[0] if speaker else None,
                "speaker_end": speaker[1] if speaker else None,
                "speaker_text": doc.raw_text[speaker[0]:speaker[1]] if speaker else None,
                "source_start": source[0] if source else None,
                "source_end": source[1] if source else None,
                "source_text": doc.raw_text[source[0]:source[1]] if source else None,
                "cue_start": cue[0] if cue else None,
                "cue_end": cue[1] if cue else None,
                "cue": doc.raw_text[cue[0]:cue[1]] if cue else None,
                "direct": q.direct,
                "content_parts": parts.get(
                    (m.start, m.end), [list(doc.raw_span(q.start, q.end))]
                ),
                "speaker": q.speaker,
                "also_in": sorted({files_of[a] for a in q.also_in if a in files_of}),
            }
        by_span = {(c.start, c.end): c for c in doc.annotations.citations}
        for c in sorted((c for c in citations if c.article == article), key=lambda c: c.start):
            original = by_span.get((c.start, c.end))
            yield {
                "file": doc.file,
                "kind": "citation",
                **doc.located(c.start, c.end),
                "source_text": c.source_text,
                "kind_of_source": c.kind,
                "cue": original.cue if original else None,
                "affiliation": original.affiliation if original else None,
                "source": c.source,
            }


def _parts_by_cue(
    doc: PreparedDoc, mentions: Sequence[QuoteMention]
) -> dict[tuple[int, int], list[list[int]]]:
    """Raw content fragments of the statements told in several mentions, keyed by each
    mention's own ``(start, end)``. The parts of one statement share its cue, and no two
    statements share one; a quote with no cue that took its speaker from an earlier mention
    (``"A," X said. "B."``: the speaker span is the same words) continues that mention's
    statement, as attribution corpora mark it (one attribution, content ``A`` + ``B``)."""
    group_of: dict[tuple[int, int], tuple[int, int]] = {}
    members: dict[tuple[int, int], list[QuoteMention]] = {}
    #: The statement (its cue) each speaker span last spoke in, in text order.
    last_cue_of: dict[tuple[int, int], tuple[int, int]] = {}
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        speaker = (
            (m.speaker_start, m.speaker_end)
            if m.speaker_start is not None and m.speaker_end is not None else None
        )
        if m.cue_start is not None and m.cue_end is not None:
            key: tuple[int, int] | None = (m.cue_start, m.cue_end)
            if speaker is not None:
                last_cue_of[speaker] = (m.cue_start, m.cue_end)
        else:
            key = last_cue_of.get(speaker) if speaker is not None else None
        if key is None:
            continue
        group_of[(m.start, m.end)] = key
        members.setdefault(key, []).append(m)
    parts: dict[tuple[int, int], list[list[int]]] = {}
    for span, key in group_of.items():
        group = members[key]
        if len(group) > 1:
            parts[span] = [list(doc.raw_span(g.start, g.end)) for g in group]
    return parts


def _raw(doc: PreparedDoc, start: int | None, end: int | None) -> tuple[int, int] | None:
    if start is None or end is None:
        return None
    return doc.raw_span(start, end)
