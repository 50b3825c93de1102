"""The page's own, compact form of report.json's records.

report.html embeds the report's data for its script, and a real report repeats itself: an
evidence passage is copied into every event, claim, summary point and framing use it backs,
an article id of a dozen characters or more is written wherever an article is named, and
each record carries fields the page never shows. At 2,000 AllSides articles that made a
page of 179 MB that took a minute to open, though its data is the articles' texts plus a few
pointers into them. So the page gets, record by record:

- an article named by its position in the page's ``articles`` list, not by its id;
- a passage as ``[article, start, end]``: the page already holds the article's cleaned text
  and cuts the passage out of it; the passage's own text follows as a fourth item only when
  it is not exactly those characters (an article missing from the page, or a hidden
  character, which the page shows as ``[U+202E]`` in passages but masks in texts);
- a quote's text likewise left out when it is exactly its characters, and an event's, a
  claim's or a summary point's words given as ``[start, end]`` in the article of its first
  passage when they are characters of that passage;
- only the fields the page script reads (:data:`PAGE_FIELDS`).

``report.js`` rebuilds the records' usual shape from this as it loads. report.json itself is
untouched: scripts read every field there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from .safe_html import has_hidden

JsonObject = dict[str, Any]

#: For each of report.json's lists, the fields of its records the page script reads
#: (None: all of them). A list not named here is not on the page at all.
PAGE_FIELDS: Mapping[str, tuple[str, ...] | None] = {
    "articles": None,
    "rejected": None,
    "entities": ("id", "name", "type", "aliases", "mention_count", "articles"),
    "places": ("id", "name", "aliases", "lat", "lon", "country_code", "articles",
               "confidence", "reason"),
    "events": ("type", "date", "date_precision", "text", "place", "evidence"),
    "quotes": ("article", "speaker", "speaker_text", "text", "direct", "cue", "start", "end",
               "also_in"),
    "citations": ("article", "source", "source_text", "kind", "start", "end"),
    "claims": ("id", "text", "evidence", "outlets", "independent_sources", "status",
               "contradicts"),
    "stories": ("id", "title", "articles"),
    "framing": ("outlet", "distinctive_terms"),
    "summary": ("text", "evidence", "story", "kind", "counter_text", "counter_evidence"),
}

#: :attr:`PageRecords.reach` of records that named an article not on the page.
OFF_PAGE = 2**31 - 1

#: Fields holding a list of passages, and fields naming one article or a list of them.
_PASSAGES = frozenset({"evidence", "counter_evidence"})
_ARTICLE = "article"
_ARTICLES = "articles"
#: Of a framing term, the page shows the term and its score.
_TERM_FIELDS = ("term", "score")


class PageRecords:
    """Turns report.json's records into the page's compact ones (see the module's text).

    ``article_ids`` are report.json's articles' ids in their order (the page's article
    positions); ``texts`` are the articles' cleaned texts as stored, before any masking."""

    def __init__(self, article_ids: Iterable[str], texts: Mapping[str, str]) -> None:
        self._position: dict[str, int] = {}
        for position, article in enumerate(article_ids):
            self._position.setdefault(article, position)
        self._texts = texts
        #: The furthest article position the records converted since it was last set to -1
        #: read (their page text depends on the articles up to it and on nothing after);
        #: :data:`OFF_PAGE` once one of them named an article not on the page.
        self.reach = -1

    def converter(self, section: str) -> Callable[[JsonObject], JsonObject] | None:
        """The function that makes one record of ``section`` page data; None when the page
        holds nothing of that section."""
        if section not in PAGE_FIELDS:
            return None
        fields = PAGE_FIELDS[section]
        if fields is None:
            return _same
        if section == "quotes":
            return lambda record: self._quote(record, fields)
        if section == "framing":
            return _framing
        return lambda record: self._record(record, fields)

    def _record(self, record: Mapping[str, Any], fields: tuple[str, ...]) -> JsonObject:
        page: JsonObject = {}
        for name in fields:
            if name not in record:
                continue
            value = record[name]
            if name in _PASSAGES:
                value = [self.passage(item) for item in value or ()]
            elif name == _ARTICLES and value is not None:
                value = [self.article(item) for item in value]
            elif name == _ARTICLE:
                value = self.article(value)
            page[name] = value
        if "text" in page and record.get("evidence"):
            page["text"] = self._within_first_passage(record["text"], record["evidence"][0])
        return page

    def _within_first_passage(self, text: Any, passage: Mapping[str, Any]) -> Any:
        """An event's, claim's or summary point's own words as ``[start, end]`` in the
        article of its first passage when they are exactly characters of that passage (as
        most are: the clause or sentence itself, or part of it); else the words."""
        article = passage["article"]
        self._note(article)
        whole = self._texts.get(article)
        if not isinstance(text, str) or whole is None or article not in self._position:
            return text
        start, end = passage["start"], passage["end"]
        if type(start) is not int or type(end) is not int or not 0 <= start <= end:
            return text
        found = whole.find(text, start, end)
        if found < 0 or has_hidden(text):
            return text
        return [found, found + len(text)]

    def _quote(self, record: Mapping[str, Any], fields: tuple[str, ...]) -> JsonObject:
        page = self._record(record, fields)
        if self._is_exact(record["article"], record["start"], record["end"], record["text"]):
            del page["text"]
        return page

    def article(self, article_id: str) -> int | str:
        """An article's position on the page; its id when it is not among the articles."""
        position = self._position.get(article_id)
        if position is None:
            self.reach = OFF_PAGE
            return article_id
        if position > self.reach:
            self.reach = position
        return position

    def _note(self, article_id: str) -> None:
        """Note that a record's page text depends on this article (see :attr:`reach`)."""
        position = self._position.get(article_id, OFF_PAGE)
        if position > self.reach:
            self.reach = position

    def passage(self, evidence: Mapping[str, Any]) -> list[Any]:
        """``[article, start, end]``, with the passage's text after them unless the page can
        cut exactly that text out of the article's."""
        article, start, end, text = (
            evidence["article"], evidence["start"], evidence["end"], evidence["text"]
        )  # fmt: skip
        compact: list[Any] = [self.article(article), start, end]
        if not self._is_exact(article, start, end, text):
            compact.append(text)
        return compact

    def _is_exact(self, article: str, start: Any, end: Any, text: Any) -> bool:
        """Whether the page cuts ``text`` out of the article's text itself: the article is on
        the page with its text, the characters at ``start:end`` are ``text``, and none of
        them is hidden (the page masks those in texts but shows them in passages)."""
        self._note(article)
        whole = self._texts.get(article)
        if whole is None or article not in self._position:
            return False
        if type(start) is not int or type(end) is not int or not 0 <= start <= end:
            return False
        return whole[start:end] == text and not has_hidden(text)


def _same(record: JsonObject) -> JsonObject:
    return record


def _framing(record: Mapping[str, Any]) -> JsonObject:
    terms = record.get("distinctive_terms") or []
    return {
        "outlet": record["outlet"],
        "distinctive_terms": [{k: term[k] for k in _TERM_FIELDS if k in term} for term in terms],
    }
