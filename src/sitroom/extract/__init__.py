"""Run one extractor over raw text files: ``sitroom extract KIND FILE...``.

Each file is read, its optional header split off, cleaned with an offset map, parsed and
annotated exactly as ``build`` would; the kind's module then turns the annotations into plain
JSON objects whose ``start``/``end`` index the file's text *as read* (before cleaning), so
they line up with external gold annotations.

A kind module exposes ``extract(docs: Sequence[PreparedDoc]) -> Iterator[dict]``; it may
resolve across all the files given (canonical entities do). It may also expose
``load_nlp()`` and ``annotate(doc, article_id, anchor) -> DocAnnotations`` when it needs less
than the whole pipeline (times read the parse alone), and ``NEEDS_LANGUAGE = False`` when it
does not read the article's language: a one-off run then starts in about the time spaCy
takes to load its model.
"""

from __future__ import annotations

import importlib
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from ..clean.offsets import OffsetMap
from ..errors import InputNotFound, UsageError
from ..stages import MAX_ARTICLE_CHARS
from ..types import Article, DocAnnotations

KINDS: tuple[str, ...] = ("entities", "places", "times", "quotes")


@dataclass(frozen=True, slots=True)
class PreparedDoc:
    """One file ready for an extractor.

    ``raw_text`` is the file's text as read; ``article.text`` the cleaned text the
    annotations index; ``offsets`` maps cleaned offsets to offsets in ``raw_text``.
    """

    file: str
    raw_text: str
    article: Article
    offsets: OffsetMap
    annotations: DocAnnotations
    anchor: date | None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Offsets in ``raw_text`` of a cleaned span."""
        return self.offsets.span_to_raw(start, end)

    def located(self, start: int, end: int) -> dict[str, Any]:
        """The ``file``, raw ``start``/``end`` and ``text`` every extracted item begins with,
        for the cleaned span ``[start, end)``."""
        raw_start, raw_end = self.raw_span(start, end)
        return {
            "file": self.file,
            "start": raw_start,
            "end": raw_end,
            "text": self.raw_text[raw_start:raw_end],
        }


Annotator = Callable[[Any, str, date | None], DocAnnotations]


def prepare(files: Sequence[str | Path], anchor: date | None = None, *,
            load_nlp: Callable[[], Any] | None = None,
            annotate: Annotator | None = None,
            identify_language: bool = True) -> list[PreparedDoc]:
    """Read, clean, parse and annotate ``files``; ``anchor`` overrides each file's date.
    ``load_nlp`` and ``annotate`` default to the whole pipeline ``build`` runs."""
    if load_nlp is None or annotate is None:
        from ..annotate import annotate_doc
        from ..annotate import load_nlp as load_full

        load_nlp, annotate = load_nlp or load_full, annotate or annotate_doc
    from ..clean import make_article
    from ..ingest.decode import decode_bytes
    from ..ingest.text import split_header
    from ..types import RawDocument

    prepared: list[PreparedDoc] = []
    raws: list[tuple[str, str, Article, OffsetMap, date | None]] = []
    for name in files:
        path = Path(name)
        raw_text = decode_bytes(_file_bytes(path))
        meta, body_offset = split_header(raw_text)
        body = raw_text[body_offset:]
        published = meta.get("date")
        raw = RawDocument(
            locator=str(path),
            text=body,
            format="text",
            url=meta.get("url"),  # the outlet's country domain leans places its way, as in build
            published=published,
            date_basis="header" if published else None,
            body_offset=body_offset,
        )
        if len(body) > MAX_ARTICLE_CHARS:
            raise UsageError(
                f"{path}: {len(body):,} characters is too long for one news article "
                f"(limit {MAX_ARTICLE_CHARS:,})",
                fix="split it into one file per article",
            )
        article, offsets = make_article(raw, identify_language=identify_language)
        shifted = OffsetMap(
            tuple((c, r + body_offset, n, copied) for c, r, n, copied in offsets.segments),
            offsets.clean_length,
            len(raw_text),
        )
        stated = date.fromisoformat(article.published) if article.published else None
        doc_anchor = anchor or stated
        raws.append((str(path), raw_text, article, shifted, doc_anchor))
    nlp = load_nlp()
    from ..annotate.long_text import parse_texts
    from ..annotate.nlp import PARSE_BATCH

    docs = parse_texts(nlp, [article.text for _, _, article, _, _ in raws], PARSE_BATCH)
    for (file, raw_text, article, offsets, doc_anchor), doc in zip(raws, docs, strict=True):
        annotations = annotate(doc, article.id, doc_anchor)
        prepared.append(PreparedDoc(file, raw_text, article, offsets, annotations, doc_anchor))
    return prepared


def _file_bytes(path: Path) -> bytes:
    """The bytes of a regular file not over the input size limit; a usage error otherwise."""
    from ..config import DEFAULT_MAX_FILE_BYTES, MIB

    try:
        info = path.stat()
    except (OSError, RuntimeError, ValueError):
        raise InputNotFound(f"{path}: no such file", fix="check the path and try again") from None
    if not stat.S_ISREG(info.st_mode):
        raise UsageError(f"{path}: not a regular file", fix="name a plain-text article file")
    if info.st_size > DEFAULT_MAX_FILE_BYTES:
        raise UsageError(
            f"{path}: {info.st_size / MIB:.0f} MiB is too big for one article",
            fix="split it into one file per article",
        )
    try:
        return path.read_bytes()
    except OSError as error:
        raise UsageError(
            f"{path}: cannot read this file ({error.strerror or error})",
            fix="check its permissions",
        ) from None


def extract(kind: str, files: Sequence[str | Path], anchor: date | None = None) -> Iterator[
    dict[str, Any]
]:
    """Yield one JSON-ready object per item of ``kind`` found in ``files``."""
    if kind not in KINDS:
        raise UsageError(f"unknown extractor {kind!r}", fix=f"use one of: {', '.join(KINDS)}")
    module = importlib.import_module(f"{__name__}.{kind}")
    docs = prepare(files, anchor, load_nlp=getattr(module, "load_nlp", None),
                   annotate=getattr(module, "annotate", None),
                   identify_language=getattr(module, "NEEDS_LANGUAGE", True))
    yield from module.extract(docs)
