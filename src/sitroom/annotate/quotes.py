"""Quotations and reported speech: who said what, with exact character spans.

Three kinds of statement are found, in this order, and later kinds never duplicate earlier ones:

1. **Direct quotes** between quotation marks of any common style (see
   :func:`find_quote_spans`). The cue is the speech verb the quote depends on in the parse, or
   failing that one right before or after the marks (``He stated, "..."``, ``"...," X said``).
   A split quote ``"A," he said, "B."`` gives **one mention per part**, both with the same
   speaker and cue, so every mention's text is one contiguous stretch of the article. A quote
   with no cue of its own that follows an attributed statement in the same paragraph (the
   next sentence of the same speaker) inherits that speaker, with no cue. Short quotes with no
   cue (scare quotes, names: ``the "Military Operations Command"``) are not statements.
2. **Reported speech**: a speech verb with a clausal complement (``X said (that) ...``, ``X
   told Y ...``, ``X warned/denied/stressed ...``), a belief verb with one (``X believes/
   thinks that ...``), an intention verb with a ``to``-infinitive (``X vowed to ...``), a verb
   whose object is a stated position (``X praised the plan``), a (verb, frame) pair of the
   learned table of :mod:`.cue_lexicon`, ``according to X, ...``, ``as X reported, ...``, a
   passive with its agent (``was first reported by X``), a view stated with ``as``
   (``described Y as Z``) and a clause set in a poll or report (``In a poll, ...``).
   ``direct`` is False
   unless quotation marks cover the content. The content is the whole reported clause,
   complementiser included and without cue or speaker (the PolNeAR convention); the cue
   keeps its auxiliaries, negation and adverbs (``has long argued``, ``did not say``), its
   preposition (``talked about``), a bare object noun before a ``that`` clause (``expressed
   concern``) and a medium named before a following content (``says in a statement``). A
   content ends before a second act of speech joined to it (``says A and calls B``,
   :mod:`.content_end`). A quote fragment inside reported speech (``said it was
   "unbearable"``) is part of the reported statement and is not also given as a direct quote.
   A nested speech act (``he said they told him ...``) is a statement of its own; a nested
   belief or wish is part of the outer statement. ``Name: statement`` lines (headlines,
   transcripts) are statements of that name.
3. **Unmarked quotations**: ``We ran, he said.`` with no quote marks is reported speech whose
   cue closes the sentence; its content is extended back over the preceding sentences of the
   paragraph that no other attribution claims, and forward over following first-person sentences
   (first person outside quote marks in news copy is the speaker's voice).

Offsets index ``text_of(doc)``; ``text_of(doc)[start:end] == text`` for content, speaker and cue.
Beside the short speaker a report shows, each mention carries the source as attribution
corpora mark it (``source_start``/``source_end``, :mod:`.source_extent`).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..types import QuoteMention
from .content_end import Act, content_ends
from .cue_lexicon import NOT_STATEMENTS, frame_of, is_learned_cue, learned_frames
from .cues import (
    ANONYMITY_PHRASES,
    COGNITION_VERBS,
    INTENTION_VERBS,
    OBJECT_CONTENT,
    QUOTE_ONLY_VERBS,
    QUOTE_PAIRS,
    SINGLE_MARKS,
    SPEECH_VERBS,
)
from .doctext import ents_in_tokens, ents_of, text_of, tokens_between
from .indirect_cues import indirect_question, made_clear
from .noun_cues import noun_statement
from .source_extent import source_span
from .span_overlap import Ranges
from .stance_cues import sided_with
from .text_lines import line_around
from .token_filter import indices_with

#: Words a quote needs to count as a statement when no cue governs it.
MIN_UNCUED_WORDS = 6
#: Words a quote needs to inherit the previous speaker of its paragraph.
MIN_CONTINUATION_WORDS = 4
#: Tokens allowed between a cue and the quote mark in the positional fallback.
CUE_WINDOW = 4

_FIRST_PERSON = frozenset({"i", "we", "our", "us", "my", "me", "ours", "myself", "ourselves"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
#: Relative pronouns that stand for people: ``X, who said ...`` is a statement of X.
_PERSON_RELATIVE = frozenset({"who"})
_STATEMENT_NOUNS = frozenset({"statement", "report", "reports", "data", "figures", "estimate",
                              "estimates", "count", "tally", "account", "analysis", "survey"})


#: Verbs of stance whose object, however short, is the position taken (``supports
#: Sanders``, ``opposed the tax``, ``endorsed him``): attribution corpora count the backer as
#: the source and what is backed as the content, poll findings included (``56 percent
#: support Clinton``).
STANCE_VERBS: frozenset[str] = frozenset(
    {"support", "oppose", "endorse", "back", "favor", "favour", "prefer"}
)


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Text between a pair of quotation marks.

    ``start``/``end`` is the content (marks and surrounding blanks excluded); ``open_at`` and
    ``close_end`` the marks themselves. ``closed`` is False for a quote that runs to the end of
    its paragraph (the multi-paragraph convention leaves it open there).
    """

    start: int
    end: int
    open_at: int
    close_end: int
    closed: bool


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Every top-level quotation in ``text``; nested quotes stay inside their outer quote.

    Paragraphs (split at line breaks) bound a quote: one still open at the end of its paragraph
    ends there unclosed. Single marks count only where they cannot be apostrophes: an opening
    mark after a blank or an opening bracket and before a letter, a closing mark after a
    non-blank and not followed by a letter.
    """
    spans: list[QuoteSpan] = []
    for para_start, para_end in _paragraphs(text):
        spans.extend(_spans_in(text, para_start, para_end))
    return spans


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            yield match.start(), match.end()


#: Every character a quote mark can begin with: positions without one are skipped in one
#: regular-expression search instead of being looked at one by one (most of a paragraph).
_MARK_START = re.compile(
    "[" + re.escape("".join(sorted({mark[0] for mark in QUOTE_PAIRS} | set("”’»›“")))) + "]"
)


def _next_mark(text: str, i: int, end: int) -> int:
    """The first position from ``i`` (before ``end``) that may hold a quote mark, else
    ``end``."""
    found = _MARK_START.search(text, i, end)
    return found.start() if found is not None else end


def _mark_at(text: str, i: int) -> str | None:
    if text.startswith("``", i):
        return "``"
    if text.startswith("''", i):
        return "''"
    ch = text[i]
    return ch if ch in QUOTE_PAIRS or ch in "”’»›“" else None


def _can_open_single(text: str, i: int, para_start: int, width: int = 1) -> bool:
    before = text[i - 1] if i > para_start else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-:") and after.isalnum()


def _can_close_single(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _spans_in(text: str, para_start: int, para_end: int) -> list[QuoteSpan]:
    spans: list[QuoteSpan] = []
    closes: _CloseMemo = {}
    i = para_start
    while i < para_end:
        mark = _mark_at(text, i)
        if mark is None:
            i = _next_mark(text, i + 1, para_end)
            continue
        if mark not in QUOTE_PAIRS:
            i += 1
            continue
        if mark in SINGLE_MARKS and not _can_open_single(text, i, para_start, len(mark)):
            i += 1
            continue
        close_at, close_len = _find_close(text, i + len(mark), para_end, mark, closes)
        if mark in SINGLE_MARKS and close_at is None:
            i += 1  # an unmatched single mark is an apostrophe or a typo, not a quote
            continue
        content_start = i + len(mark)
        content_end = close_at if close_at is not None else para_end
        close_end = close_at + close_len if close_at is not None else para_end
        start, end = _strip(text, content_start, content_end)
        if end > start:
            spans.append(QuoteSpan(start, end, i, close_end, close_at is not None))
        i = max(close_end, i + 1)
    return spans


#: Quotes nested deeper than this inside one another are not looked for: a mark at that
#: depth is read as an ordinary character. Real copy nests two or three deep.
MAX_QUOTE_NESTING = 4

#: Where a search for a mark's closer, from a mark position at a nesting depth, ends:
#: ``(close_at, close_len)``, keyed by ``(position, mark, depth)``.
_CloseMemo = dict[tuple[int, str, int], tuple[int | None, int]]


def _find_close(
    text: str, i: int, para_end: int, mark: str, memo: _CloseMemo, depth: int = 0
) -> tuple[int | None, int]:
    """Where the quote opened by ``mark`` closes; nested quotes of other marks are skipped.

    A search's outcome depends only on where it stands, the mark and the depth, so it is
    remembered at every mark it passes (``memo``, one per paragraph): a later search that
    reaches one of them stops there. Without that, a paragraph of unclosed openers cost
    the square of its length, and openers of two kinds in turn (``“a «b “c «d``) nested
    searches without end (10,000 characters took minutes).
    """
    closers = QUOTE_PAIRS[mark]
    passed: list[int] = []
    found: tuple[int | None, int] = (None, 0)
    while i < para_end:
        here = _mark_at(text, i)
        if here is None:
            i = _next_mark(text, i + 1, para_end)
            continue
        known = memo.get((i, mark, depth))
        if known is not None:
            found = known
            break
        passed.append(i)
        after_blank = i == 0 or text[i - 1].isspace()
        # A straight mark closing a curly one must look like a closer: after a blank it
        # opens a quote nested in it (“He called it "odd" today”).
        nested_straight = here == '"' and mark == "“" and after_blank
        if here in closers and not nested_straight and (
            mark not in SINGLE_MARKS or _can_close_single(text, i, len(here))
        ):
            # A curly opener used as a closer (“...“) must look like a closer.
            if here == mark and mark == "“" and after_blank:
                i += 1
                continue
            found = (i, len(here))
            break
        if (here in QUOTE_PAIRS and here != mark and here not in SINGLE_MARKS
                and depth < MAX_QUOTE_NESTING):
            nested_close, nested_len = _find_close(
                text, i + len(here), para_end, here, memo, depth + 1
            )
            i = nested_close + nested_len if nested_close is not None else i + 1
            continue
        i += len(here)
    for position in passed:
        memo[(position, mark, depth)] = found
    return found


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim blanks, and a trailing comma (``"A," he said``: the comma is the cue's)."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


# --------------------------------------------------------------------------- attribution


@dataclass(slots=True)
class _Statement:
    start: int
    end: int
    direct: bool
    speaker: tuple[int, int] | None
    cue: tuple[int, int] | None
    cue_token: int | None
    cue_lemma: str = ""
    #: The content is the verb's object, not a clause (``backed Clinton``).
    from_object: bool = False


def extract_quotes(doc: Any, article_id: str) -> tuple[QuoteMention, ...]:
    """Direct, indirect and unmarked quotations in ``doc`` with speaker and cue spans."""
    text: str = text_of(doc)
    spans = find_quote_spans(text)
    direct = _direct_statements(doc, spans)
    reported = _reported_statements(doc, spans)
    statements = _merge(text, direct, reported)
    names = [(e.start_char, e.end_char) for e in ents_of(doc) if e.label_ in _SPEAKER_LABELS]
    statements = _with_headline_statements(text, statements, spans, names)
    statements = _without_nested_beliefs(doc, statements)
    statements = _inherit_speakers(doc, statements)
    statements = _without_editors_notes(text, statements)
    statements = _ended_before_joined_acts(doc, statements)
    statements = _with_medium_in_cues(doc, statements)
    seen: set[tuple[int, int]] = set()
    mentions: list[QuoteMention] = []
    for st in sorted(statements, key=lambda s: (s.start, s.end)):
        if (st.start, st.end) in seen or st.end <= st.start:
            continue
        seen.add((st.start, st.end))
        source = _source_of(doc, st)
        # The source keeps a day told after the speaker's head, as attribution corpora mark
        # it; the speaker the report shows does not.
        speaker = _without_when(doc, st.speaker) if st.speaker else None
        mentions.append(
            QuoteMention(
                article=article_id,
                start=st.start,
                end=st.end,
                text=text[st.start:st.end],
                direct=st.direct,
                speaker_start=speaker[0] if speaker else None,
                speaker_end=speaker[1] if speaker else None,
                speaker_text=text[speaker[0]:speaker[1]] if speaker else None,
                cue_start=st.cue[0] if st.cue else None,
                cue_end=st.cue[1] if st.cue else None,
                cue=text[st.cue[0]:st.cue[1]] if st.cue else None,
                source_start=source[0] if source else None,
                source_end=source[1] if source else None,
            )
        )
    return tuple(mentions)


def _source_of(doc: Any, st: _Statement) -> tuple[int, int] | None:
    """The statement's source as attribution corpora mark it (:mod:`.source_extent`): its
    speaker with what describes it, up to the cue or the content that follows."""
    if st.speaker is None:
        return None
    after = [at for at in (st.start, st.cue[0] if st.cue else None)
             if at is not None and at >= st.speaker[1]]
    return source_span(doc, st.speaker, min(after, default=len(text_of(doc))))


#: A paragraph the outlet adds in its own voice (``Editor's note: X is a serial liar who has
#: pledged to ...``, ``Correction: ...``): a disclaimer, often the same in every article of a
#: series, and no report of anyone's words.
_EDITORS_NOTE = re.compile(r"(?:editor[’']?s[’']? note|correction|clarification)\s*:",
                           re.IGNORECASE)


def _without_editors_notes(text: str, statements: list[_Statement]) -> list[_Statement]:
    """The statements that do not lie in an editor's note."""
    def in_note(st: _Statement) -> bool:
        para_start = _paragraph_of(text, st.start)[0]
        return _EDITORS_NOTE.match(text, para_start) is not None

    return [st for st in statements if not in_note(st)]


def _ended_before_joined_acts(doc: Any, statements: list[_Statement]) -> list[_Statement]:
    """Each reported content ended before a second act of speech joined to it (``says A and
    calls her B``: :mod:`.content_end`); quotes in marks keep their marks' extent."""
    text: str = text_of(doc)
    acts = [Act(st.start, st.end, st.cue, st.speaker,
                st.cue_token is not None and doc[st.cue_token].tag_ == "VBG")
            for st in statements]
    for st, (end, joined) in zip(statements, content_ends(text, acts), strict=True):
        if st.direct or st.cue is None:
            continue
        st.end = end
        other = statements[joined] if joined is not None else None
        if other is not None and other.speaker is not None and \
                st.start <= other.speaker[0] < st.end:
            # ``Kasich says he would ... and tells the crowd ...``: the joined verb shares
            # the first one's subject; the parser gave it a word of the first content.
            other.speaker = st.speaker
    return statements


def _with_medium_in_cues(doc: Any, statements: list[_Statement]) -> list[_Statement]:
    """``says in a statement that ...``, ``said on Twitter that ...``: where the content
    follows the cue, the medium named right after the verb is part of the cue, as
    attribution corpora mark it (24 times in 35 in PolNeAR documents 0-399; where the
    content comes first, ``"...," he said in a statement``, about half the time, so it is
    left out there). The parts of one statement share a cue and are widened together."""
    by_cue: dict[tuple[int, int], list[_Statement]] = {}
    for st in statements:
        if st.cue is not None and st.cue_token is not None:
            by_cue.setdefault(st.cue, []).append(st)
    for cue, group in by_cue.items():
        end = _medium_after(doc, group[0].cue_token, cue[1], min(st.start for st in group))
        if end is not None:
            for st in group:
                st.cue = (cue[0], end)
    return statements


def _medium_after(doc: Any, cue_index: int | None, cue_end: int, content: int) -> int | None:
    """The end of a phrase naming a medium (``in a statement``, ``on Twitter``) that hangs
    on the cue verb, starts right after the cue's characters and ends before the content
    (a clause the parser hung on the medium is left to the content); None if there is
    none."""
    if cue_index is None or content <= cue_end:
        return None
    for child in doc[cue_index].children:
        if child.dep_ != "prep" or child.lower_ not in {"in", "on", "during", "via"}:
            continue
        words = [t for t in sorted(child.subtree, key=lambda t: t.i) if t.idx < content]
        if not words or words[0].idx < cue_end or text_of(doc)[cue_end:words[0].idx].strip() or \
                words[-1].i - words[0].i + 1 != len(words):
            continue  # not right after the cue, or not one run of words
        while words and (words[-1].is_punct or words[-1].lower_ == "that"):
            words.pop()
        if not words:
            continue
        if any(g.dep_ == "pobj" and (g.lower_ in _SETTING_NOUNS or g.lower_ in _MEDIUM_NOUNS)
               for g in child.children):
            end: int = words[-1].idx + len(words[-1].text)
            return end
    return None


def is_cue(token: Any) -> bool:
    """Whether ``token`` is a speech verb (``said``, ``warned``, ``according``)."""
    return bool(token.pos_ == "VERB" and token.lemma_.lower() in SPEECH_VERBS)


def is_quote_cue(token: Any) -> bool:
    """Whether ``token`` may introduce a quotation in marks: a speech verb, or a verb that
    only reports words it quotes (``"...," Carson continued``)."""
    return is_cue(token) or bool(
        token.pos_ == "VERB" and token.lemma_.lower() in QUOTE_ONLY_VERBS
    ) or _retort(token)


#: Verbs of striking that, with ``back``, answer in words (``"...," Trump shot back``).
_RETORT_VERBS = frozenset({"shoot", "fire", "hit", "strike", "push", "punch", "write"})


def _retort(token: Any) -> bool:
    """``shot back``, ``fired back``: a verb of striking with the particle ``back``."""
    return bool(token.pos_ == "VERB" and token.lemma_.lower() in _RETORT_VERBS and any(
        c.dep_ in {"prt", "advmod"} and c.lower_ == "back" and c.i == token.i + 1
        for c in token.children))


#: Lemmas that may head reported content: speech, belief and intention verbs, and verbs whose
#: object is a stated position.
REPORT_LEMMAS: frozenset[str] = (
    SPEECH_VERBS | COGNITION_VERBS | INTENTION_VERBS | OBJECT_CONTENT | STANCE_VERBS
)


def is_report_verb(token: Any) -> bool:
    """Whether ``token`` may introduce reported content (``said``, ``believes``, ``vowed``)."""
    return bool(token.pos_ in {"VERB", "AUX"} and token.lemma_.lower() in REPORT_LEMMAS
                and token.lemma_.lower() not in {"be", "have", "do"})


def _tokens_in(doc: Any, start: int, end: int) -> list[Any]:
    return tokens_between(doc, start, end)


def _direct_statements(doc: Any, spans: list[QuoteSpan]) -> list[_Statement]:
    statements: list[_Statement] = []
    for span in spans:
        inside = _tokens_in(doc, span.start, span.end)
        if not inside:
            continue
        if _names_a_programme(doc, span, inside):
            continue
        cue = (
            _cue_before_colon(doc, span)
            or _cue_by_parse(inside, span)
            or _cue_by_position(doc, span, spans)
        )
        words = sum(1 for t in inside if t.is_alpha)
        announced = _colon_source(doc, span) if cue is None else None
        if announced is not None:
            statements.append(_Statement(span.start, span.end, True, announced[0],
                                         announced[1], None, ":"))
            continue
        if cue is None:
            # No cue: kept only if it reads as a statement; a speaker may be inherited later.
            if words < MIN_CONTINUATION_WORDS:
                continue
            statements.append(_Statement(span.start, span.end, True, None, None, None))
            continue
        speaker = speaker_span(doc, cue) or _between_quote_and_cue(doc, span, cue)
        if speaker and speaker[0] <= span.start < speaker[1]:
            continue  # the quote is part of the speaker's name: ``the "X Command" said``
        statements.append(
            _Statement(span.start, span.end, True, speaker, statement_cue_span(doc, cue), cue.i,
                       cue.lemma_.lower())
        )
    return statements


#: ``CNN's "State of the Union,"``, ``on "Morning Joe,"``, ``with "Fox and Friends,"``: what
#: comes right before a programme or publication named in quotation marks.
_BEFORE_A_TITLE = re.compile(r"(?:\w['’]s|\b[Oo]n|\b[Ww]ith)\s*$")


def _names_a_programme(doc: Any, span: QuoteSpan, inside: list[Any]) -> bool:
    """Whether a short quote in title case right after a possessive, ``on`` or ``with``
    names a show or a publication (``Sunday on Fox's "Hannity," Gingrich said ...``): no
    statement, though a cue follows it, and no part of that cue's content."""
    words = [t for t in inside if t.is_alpha]
    if not words or len(words) >= MIN_UNCUED_WORDS or not words[0].text[0].isupper():
        return False
    text: str = text_of(doc)
    return _BEFORE_A_TITLE.search(text, max(0, span.open_at - 12), span.open_at) is not None


#: Words at most between a closing quote mark and its cue for them to be the speaker.
MAX_INVERTED_SPEAKER_WORDS = 15


def _between_quote_and_cue(doc: Any, span: QuoteSpan, cue: Any) -> tuple[int, int] | None:
    """``"Yes, I support him," Brent Bozell III, founder of the Center, tells ...``: when the
    parser hung the name on the quote, the words between the closing mark and the cue are
    still who speaks."""
    if cue.idx < span.close_end:
        return None
    words = [t for t in tokens_between(doc, span.close_end, cue.idx) if not t.is_space]
    while words and words[0].is_punct:
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    if not words or len(words) > MAX_INVERTED_SPEAKER_WORDS or "\n" in "".join(
        t.text_with_ws for t in words
    ) or not any(t.pos_ in {"PROPN", "NOUN"} for t in words[:4]):
        return None
    if any(t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"} for t in words):
        return None
    return _trim(doc, words[0].idx, words[-1].idx + len(words[-1].text))


def _cue_by_parse(inside: list[Any], span: QuoteSpan) -> Any | None:
    """The speech verb the quote's words depend on, climbing at most three heads."""
    inside_ids = {t.i for t in inside}
    best: Any | None = None
    for token in inside:
        head = token.head
        if head.i in inside_ids or head.i == token.i:
            continue
        for _ in range(3):
            if head.i in inside_ids:
                break
            if is_quote_cue(head):
                if best is None or abs(head.idx - span.start) < abs(best.idx - span.start):
                    best = head
                break
            if head.head.i == head.i:
                break
            head = head.head
    return best


def _cue_by_position(doc: Any, span: QuoteSpan, spans: list[QuoteSpan]) -> Any | None:
    """A speech verb right after the closing mark (``," X said``) or right before the
    opening one (``X said: "``), within the same paragraph and sentence."""
    after = tokens_between(doc, span.close_end, span.close_end + 80)
    count = 0
    for token in after:
        if "\n" in token.text or _starts_quote(token, spans):
            break
        if is_quote_cue(token):
            return token
        if not token.is_punct:
            count += 1
        if token.text in {".", "!", "?"} or count > CUE_WINDOW:
            break
    before = tokens_between(doc, span.open_at - 80, span.open_at)
    count = 0
    for token in reversed(before):
        if "\n" in token.text or token.text in {".", "!", "?"}:
            break
        if is_quote_cue(token):
            return token
        if not token.is_punct:
            count += 1
        if count > CUE_WINDOW:
            break
    return None


def _cue_before_colon(doc: Any, span: QuoteSpan) -> Any | None:
    """``X stated: "..."`` / ``X elaborated that ...: "..."``: the last speech verb of the
    sentence the colon ends (the colon announces the quote, however far the verb is)."""
    text: str = text_of(doc)
    j = _colon_before(text, span)
    if j is None:
        return None
    para_start = text.rfind("\n", 0, j) + 1
    for token in reversed(tokens_between(doc, para_start, j)):
        if token.text in {".", "!", "?"} or (token.text.endswith((".", "”", '"')) and \
                token.is_punct):
            break
        if is_quote_cue(token):
            return token
    return None


#: Dependents that make up a name or a title before a colon (``the full report:``).
_NAME_PARTS = frozenset({"compound", "det", "amod", "poss", "flat", "nmod", "case"})
#: Subjects that announce a quote without being its source (``Wait, it gets better:``).
_NOT_SOURCES = frozenset({"it", "this", "that", "there", "here", "what", "which", "you"})


def _colon_source(doc: Any, span: QuoteSpan) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Speaker and cue of a quote that a colon announces with no speech verb: a name or a
    document right before the colon (``Philip Bump: "..."``, ``From the report: "..."``: the
    colon is the cue), or else the subject of the announcing clause (``the Daily News focuses
    on the victims: "..."``: its verb is the cue)."""
    text: str = text_of(doc)
    j = _colon_before(text, span)
    if j is None:
        return None
    para_start = text.rfind("\n", 0, j) + 1
    before = [t for t in tokens_between(doc, para_start, j) if not t.is_space]
    if not before:
        return None
    last = before[-1]
    colon = (j, j + 1)
    if last.pos_ in {"PROPN", "NOUN"} and last.ent_type_ not in {"DATE", "TIME"} and \
            last.lower_ not in _NOT_SOURCES:
        left = last.i
        while left - 1 >= before[0].i and doc[left - 1].head.i == last.i and \
                doc[left - 1].dep_ in _NAME_PARTS:
            left -= 1
        opening = left == before[0].i or doc[left - 1].text in {"-", "—", "–", ".", ":"}
        if opening or (last.dep_ == "pobj" and last.head.lower_ in {"from", "in"}):
            start, end = doc[left].idx, last.idx + len(last.text)
            return ((start, end), colon) if end - start <= 60 else None
    verb = last
    while verb.head.i != verb.i and para_start <= verb.head.idx < j:
        verb = verb.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    subject = _subject_of(verb)
    if subject is None or subject.lower_ in _NOT_SOURCES or subject.idx < para_start:
        return None
    speaker = speaker_span(doc, verb)
    if speaker is None:
        return None
    return speaker, statement_cue_span(doc, verb)


def _colon_before(text: str, span: QuoteSpan) -> int | None:
    """Offset of the colon announcing the quote (``...: "``), if any."""
    j = span.open_at - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    if j >= 0 and text[j] == "\n" and _paragraph_of(text, span.open_at)[0] == span.open_at:
        # A quote opening its paragraph may be announced by the paragraph before (``X
        # elaborated on this:`` then the quote on its own line).
        while j >= 0 and text[j].isspace():
            j -= 1
    if j < 0 or text[j] != ":":
        return None
    return j


def _starts_quote(token: Any, spans: list[QuoteSpan]) -> bool:
    return any(s.open_at == token.idx for s in spans)


#: Words before a cue verb that belong to the cue: ``has argued``, ``did not say``, ``also
#: told``.
_CUE_LEFT_DEPS = frozenset({"aux", "auxpass", "neg", "advmod"})


def statement_cue_span(doc: Any, cue: Any) -> tuple[int, int]:
    """The cue of a statement as attribution corpora mark it: the verb with its auxiliaries,
    negation and adverbs right before it (``has long argued``, ``did not say``), its
    particle, and ``according to``."""
    _, end = cue_span(doc, cue)
    end = _manner_after(doc, cue, end)
    left = cue.i
    while left - 1 >= 0:
        prev = doc[left - 1]
        if prev.head.i != cue.i or prev.dep_ not in _CUE_LEFT_DEPS or prev.is_punct:
            break
        if prev.dep_ == "advmod" and prev.lower_ in {"when", "where", "how", "why", "as"}:
            break
        left -= 1
    head = cue.head
    if cue.dep_ == "xcomp" and head.i < cue.i and head.pos_ in {"VERB", "AUX"} and \
            head.lemma_.lower() not in INTENTION_VERBS:
        # ``seemed to blame``, ``went on to endorse``: the verb the cue hangs on is part of
        # the cue, unless it is an intention of its own (``vowed to repeal``: vowed is the cue).
        return statement_cue_span(doc, head)[0], end
    if cue.dep_ == "xcomp" and head.i < cue.i and head.dep_ == "acomp" and \
            head.head.i < head.i and head.head.pos_ in {"VERB", "AUX"}:
        # ``were more likely to say``: the copula and its adjective open the cue.
        return statement_cue_span(doc, head.head)[0], end
    return doc[left].idx, end


#: Adverbs after a cue verb that tell how or when often it spoke (``asks rhetorically``,
#: ``noted repeatedly``, ``said again``): attribution corpora keep them in the cue, as they
#: keep those before it (28 of the cues of PolNeAR documents 0-399 end in one).
_MANNER_WORDS = frozenset({"again", "repeatedly", "later", "recently"})
#: Adverbs in ``-ly`` that do not tell the manner of speaking.
_NOT_MANNER = frozenset({"only", "early", "likely", "specifically", "exactly", "directly"})


def _manner_after(doc: Any, cue: Any, end: int) -> int:
    """``end`` moved over the adverbs of manner hung on ``cue`` right after it."""
    i = cue.i + 1
    while i < len(doc) and doc[i].idx < end:
        i += 1  # past the particle or ``to`` already in the cue
    while i < len(doc):
        word = doc[i]
        if word.head.i != cue.i or word.dep_ != "advmod" or word.pos_ != "ADV" or \
                not word.is_lower or word.lower_ in _NOT_MANNER or not (
                    word.lower_ in _MANNER_WORDS or word.lower_.endswith("ly")):
            break
        end = word.idx + len(word.text)
        i += 1
    return end


def cue_span(doc: Any, cue: Any) -> tuple[int, int]:
    """Characters of the cue: the verb with its particle (``pointed out``) or ``according
    to``."""
    end = cue.idx + len(cue.text)
    for child in cue.children:
        if child.i == cue.i + 1 and (child.dep_ == "prt" or (
                child.lower_ == "back" and _retort(cue))):
            end = child.idx + len(child.text)
    if cue.lower_ == "according" and cue.i + 1 < len(doc) and doc[cue.i + 1].lower_ == "to":
        nxt = doc[cue.i + 1]
        end = nxt.idx + len(nxt.text)
    return cue.idx, end


#: Passive verbs whose subject is the speaker of the cue they govern (``X was quoted as
#: saying``, ``X was cited as saying``, ``X was heard saying``).
_QUOTED_VERBS = frozenset({"quote", "cite", "hear", "record", "overhear"})


#: Passive verbs whose subject is made, asked or seen to do what the infinitive or
#: participle under them says (``X was prompted to say``, ``X was seen shouting``); under
#: other passives (``is expected to``, ``is used to avoid``) the subject is not a speaker.
_MADE_TO_SPEAK = frozenset({
    "prompt", "force", "ask", "urge", "encourage", "press", "pressure", "push", "invite",
    "compel", "oblige", "require", "tell", "order", "inspire", "move", "lead", "persuade",
    "convince", "prod", "call", "see", "catch", "film", "spot", "videotape", "tape",
})


def _subject_of(cue: Any) -> Any | None:
    """The subject of a cue; for participles and conjoined verbs, the governing verb's."""
    if cue.tag_ == "VBN" and cue.dep_ in {"advcl", "acl"} and not any(
        c.dep_ == "nsubj" for c in cue.children
    ):
        # ``Asked whether ..., X said``: the participle's subject is not given (a perfect
        # with its own subject, ``after X had said ...``, has one).
        return None
    if cue.lower_ == "asked" and cue.text[:1].isupper() and all(
        t.is_punct for t in cue.doc[cue.sent.start:cue.i]
    ):
        return None  # the same, where the tagger read ``Asked`` as a past tense
    verb = cue
    reached_by = ""  # how the walk came up to ``verb`` from the verb below it
    for _ in range(3):
        # A parser that finds two subjects (``In Berea, OH, ... Gov. Kasich said``) has
        # taken a stray name for one; the subject nearest before the verb is the real one.
        children = sorted(verb.children, key=lambda c: (c.i > verb.i, -c.i if c.i < verb.i
                                                          else c.i))
        for child in children:
            if child.dep_ == "nsubj" and child.ent_type_ in {"DATE", "TIME"} and any(
                    c.dep_ == "nsubj" and c.i != child.i for c in verb.children):
                # ``a statement he made Friday indicated``: a parser that also takes the day
                # for a subject has given the verb two; a day says nothing.
                continue
            if child.dep_ == "nsubj":
                if child.lower_ in _RELATIVE and verb.dep_ == "relcl" and \
                        child.lower_ not in _PERSON_RELATIVE:
                    return verb.head
                # ``X, who said ...``: the relative pronoun is the speaker as written (the
                # resolver takes it back to X), as attribution corpora mark it.
                return child
            if child.dep_ == "nsubjpass":
                if verb.i != cue.i and (verb.lemma_.lower() in _QUOTED_VERBS or (
                        cue.head.i == verb.i and not _passive(cue) and (
                            reached_by == "conj" or (reached_by == "xcomp" and
                                                     verb.lemma_.lower() in _MADE_TO_SPEAK)))):
                    # ``X was quoted as saying ...``, ``X was prompted to say ...``, ``X was
                    # forced into damage control and said ...``: the passive's subject is
                    # the one the active cue it governs or shares a subject with speaks for.
                    return child
                # ``X was told``: the subject heard it; only an agent (``by Y``) spoke.
                return _agent(verb)
        if verb.dep_ == "acl" and verb.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            author = _author_of_medium(verb.head)
            if author is not None:
                return author  # ``issued a statement saying ...``: who issued it says it
            return verb.head  # ``voters saying they want ...``: the voters say it
        if verb.dep_ in {"advcl", "xcomp", "conj", "acl"} and verb.head.i != verb.i:
            reached_by = verb.dep_
            verb = verb.head
            continue
        if verb.dep_ == "acomp" and verb.i != cue.i and verb.head.i != verb.i:
            verb = verb.head  # ``voters were more likely to say``: the copula's subject
            continue
        if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and \
                verb.head.head.pos_ in {"VERB", "AUX"}:
            verb = verb.head.head  # ``X concluded by implying ...``, ``after stating ...``
            continue
        if verb.dep_ == "relcl":
            return verb.head
        break
    counted = next((c for c in cue.children if c.dep_ == "nummod" and c.i < cue.i), None)
    if counted is not None:
        return counted  # ``About 4 in 10 say ...``: the parser took the count for a number
    return _subject_before_participle(cue)


#: Words that carry a statement: a participle hanging on one (``a statement saying``, ``a
#: speech attacking``) speaks for whoever made it, not for the thing itself.
_MEDIUM_NOUNS = frozenset({
    "statement", "speech", "interview", "post", "tweet", "letter", "email", "e-mail", "video",
    "ad", "ads", "advertisement", "release", "resolution", "memo", "op-ed", "editorial",
    "column", "message", "note", "remarks", "comments", "appearance", "address", "filing",
    "motion", "lawsuit", "suit", "complaint", "petition", "bill", "amendment", "report",
    "essay", "article", "book", "blog", "commercial", "spot", "mailer", "flyer", "order",
    "announcement", "ruling", "opinion", "brief",
})


def _author_of_medium(noun: Any) -> Any | None:
    """Who made ``noun`` when it carries a statement: its possessor (``Clinton's speech``)
    or the subject of the verb it is the object of, directly or through a preposition
    (``His office put out a statement``, ``Clinton, in a speech, ...``)."""
    if noun.lemma_.lower() not in _MEDIUM_NOUNS and noun.lower_ not in _MEDIUM_NOUNS:
        return None
    for child in noun.children:
        if child.dep_ == "poss":
            return child
    head = noun
    for _ in range(3):
        if head.dep_ in {"dobj", "pobj", "prep"} and head.head.i != head.i:
            head = head.head
            if head.pos_ in {"VERB", "AUX"}:
                break
        else:
            return None
    if head.pos_ not in {"VERB", "AUX"}:
        return None
    subject = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lower_ in _RELATIVE - _PERSON_RELATIVE or (
        subject.lower_ in _NOT_SOURCES
    ):
        return None
    return subject


def _subject_before_participle(cue: Any) -> Any | None:
    """``Flea shared the news, writing "..."``: a participle after a comma speaks for the
    subject of the clause before it, even where the parser hung it elsewhere."""
    if cue.tag_ != "VBG" or cue.i == 0 or cue.doc[cue.i - 1].text != ",":
        return None
    for token in reversed(cue.doc[cue.sent.start:cue.i - 1]):
        if token.pos_ in {"VERB", "AUX"}:
            subjects = [c for c in token.children if c.dep_ == "nsubj" and c.i < token.i]
            return subjects[-1] if subjects else None
    return None


def _passive(verb: Any) -> bool:
    return any(c.dep_ in {"nsubjpass", "auxpass"} for c in verb.children)


def _agent(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ == "agent":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    return grand
    return None


def speaker_span(doc: Any, cue: Any) -> tuple[int, int] | None:
    """Characters of the cue's speaker: the subject noun phrase with relative clauses,
    participle clauses and trailing punctuation cut off (``A senior official, who spoke on
    condition of anonymity,`` -> ``A senior official``); appositions are kept, since they
    often hold the name (``The group's director, Ayşe Kılıç,``), and so is a participle
    that tells which one speaks (``A poll released Monday``)."""
    if cue.lower_ == "according":
        target = _according_target(cue)
        return phrase_span(doc, target) if target is not None else None
    subject = _subject_of(cue)
    text: str = text_of(doc)
    if subject is None:
        lost = _lost_subject(doc, cue)
        if lost is not None:
            return lost
    if subject is None or "\n" in text[min(subject.idx, cue.idx):max(subject.idx, cue.idx)]:
        return _paragraph_opening_speaker(doc, cue)
    return phrase_span(doc, subject)


#: Entity labels that can speak.
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP"})
#: Tokens at most in an apposition between a lost subject's name and its cue.
MAX_APPOSITION_TOKENS = 14


def _lost_subject(doc: Any, cue: Any) -> tuple[int, int] | None:
    """``Alarmed by the unrest, Senator Harry Reid, the minority leader, said ...``: a
    finite speech verb the parser left with no subject, right after a name (and its
    apposition set off by commas) that the parser hung elsewhere. The name is the speaker."""
    if cue.tag_ not in {"VBD", "VBZ", "VBP"} or _passive(cue) or cue.dep_ not in {
        "ROOT", "ccomp"
    }:
        return None
    sent_start = cue.sent.start
    j = cue.i - 1
    while j >= sent_start and doc[j].dep_ in {"advmod", "aux", "neg"} and doc[j].head.i == cue.i:
        j -= 1
    if j < sent_start:
        return None
    before = [e for e in ents_in_tokens(doc, sent_start, j + 1) if e.label_ in _SPEAKER_LABELS]

    def fits(name: Any) -> bool:
        between = doc[name.end:j + 1]
        if len(between) > MAX_APPOSITION_TOKENS or any(
            t.pos_ in {"VERB", "AUX"} or "\n" in t.text_with_ws for t in between
        ):
            return False
        # Only ``Name, apposition,`` may stand between the name and the cue: one
        # apposition, with no comma or quotation mark of its own.
        return not len(between) or (
            len(between) > 2 and between[0].text == "," and between[-1].text == ","
            and not any(t.text == "," or t.is_quote for t in between[1:-1])
        )

    # The furthest name that fits: an apposition may hold a name of its own (``Brent
    # Bozell, founder of the Media Research Center,``).
    name = next((e for e in before if fits(e)), None)
    if name is None:
        return None
    start = name.start
    while start - 1 >= sent_start and doc[start - 1].pos_ == "PROPN" and \
            doc[start - 1].head.i in range(name.start, name.end):
        start -= 1  # a title the entity left out (``Senator``, ``Col.``)
    last = j - 1 if name.end <= j else j
    return _trim(doc, doc[start].idx, doc[last].idx + len(doc[last].text))


def _paragraph_opening_speaker(doc: Any, cue: Any) -> tuple[int, int] | None:
    """When the parser glued a headline onto the next line, the cue's subject is lost or
    lies in the headline; the speaker is then what opens the cue's own paragraph, up to the
    first comma (``Sources, speaking to X, confirmed``), without trailing adverbs."""
    text: str = text_of(doc)
    para_start = text.rfind("\n", 0, cue.idx) + 1
    if para_start == 0 or cue.dep_ not in {"ROOT", "ccomp", "conj"}:
        return None
    opening = tokens_between(doc, para_start, cue.idx)
    while opening and opening[-1].pos_ in {"ADV", "AUX", "PART", "PUNCT"}:
        opening.pop()
    if not opening or len(opening) > 12 or not any(
        t.pos_ in {"PROPN", "NOUN", "PRON"} for t in opening
    ):
        return None
    end = opening[-1].idx + len(opening[-1].text)
    head = text[para_start:end].split(",")[0]
    start, end = _trim(doc, para_start, para_start + len(head))
    return (start, end) if end > start else None


def _restrictive_participle(clause: Any) -> bool:
    """``a poll released Monday``, ``exit polls taken in South Carolina``: a past participle
    right after a common noun, with no comma, tells which one speaks and is part of its
    name; a clause set off by commas, or one on a name, is an aside."""
    head = clause.head
    words = sorted(clause.subtree, key=lambda t: t.i)
    return bool(
        clause.dep_ == "acl" and clause.tag_ == "VBN" and head.pos_ == "NOUN"
        and words[0].i == head.i + 1 and clause.i == words[0].i
        and not any(t.is_punct or t.is_quote or t.dep_ in {"ccomp", "relcl"} for t in words)
    )


def phrase_span(doc: Any, head: Any) -> tuple[int, int]:
    """The noun phrase headed by ``head``, without relative or participle clauses, and
    within the head's paragraph (parsers glue headlines onto the next line)."""
    text: str = text_of(doc)
    para = _paragraph_of(text, head.idx)
    # Clauses hanging off the name (``who ...``, a quote the parser hung on it) and an age
    # (``Sarandon, 69,``) are not part of who speaks.
    cut = {t.i for c in head.children
           if (c.dep_ in {"relcl", "acl", "ccomp", "advcl"} and not _restrictive_participle(c))
           or (c.dep_ == "appos" and c.like_num)
           for t in c.subtree}
    tokens = [t for t in head.subtree if t.i not in cut and para[0] <= t.idx < para[1]]
    # Keep the contiguous run around the head only: a cut clause in the middle ends it.
    indices = sorted(t.i for t in tokens)
    left = right = head.i
    index_set = set(indices)
    while left - 1 in index_set:
        left -= 1
    while right + 1 in index_set:
        right += 1
    while left < right and (doc[right].is_punct or doc[right].lower_ in {"who", "which"}):
        if doc[right].text == ")" and "(" in text[doc[left].idx:doc[right].idx]:
            break
        right -= 1
    if left < right and doc[right].dep_ == "case":  # ``the MEE’s (report)``
        right -= 1
    while left < right and doc[left].is_punct and doc[left].text not in "“\"«„":
        left += 1
    start = doc[left].idx
    end = doc[right].idx + len(doc[right].text)
    if start == para[0]:
        # A dateline opening the paragraph (``WASHINGTON (Reuters) - Senator X said``) is
        # no part of the speaker's name.
        dateline = _DATELINE.match(text, start, end)
        if dateline and dateline.end() < end:
            start = dateline.end()
    return start, end


def _without_when(doc: Any, speaker: tuple[int, int]) -> tuple[int, int]:
    """``speaker`` ended before a day told after its head (``The government on Monday,
    August 18,``): who speaks, as the report shows it, without when."""
    start, end = speaker
    for token in tokens_between(doc, start, end):
        if token.idx > start and _tells_when(token) and token.head.idx < token.idx and \
                token.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            # hung on the noun; a day inside a participle names which one (``a poll
            # released Monday``)
            cut = token.idx
            while cut > start and (doc.text[cut - 1].isspace() or doc.text[cut - 1] == ","):
                cut -= 1
            return (start, cut) if cut > start else speaker
    return speaker


def _tells_when(child: Any) -> bool:
    """A dependent of the speaker's noun that says when, not who (``The government on
    Monday, August 18, announced``): a day hung on the noun, or a preposition before one."""
    if child.dep_ in {"npadvmod", "appos"} and child.ent_type_ in {"DATE", "TIME"}:
        return True
    return child.dep_ == "prep" and any(
        g.dep_ == "pobj" and g.ent_type_ in {"DATE", "TIME"} for g in child.children)


def _according_target(cue: Any) -> Any | None:
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "to":
            for grand in child.children:
                if grand.dep_ == "pobj":
                    # ``according to the MEE's report`` -> the MEE
                    if grand.lower_ in _STATEMENT_NOUNS:
                        for sub in grand.children:
                            if sub.dep_ in {"poss", "nmod"} and sub.pos_ == "PROPN":
                                return sub
                            if sub.dep_ == "prep" and sub.lower_ in {"by", "from", "of"}:
                                for obj in sub.children:
                                    if obj.dep_ == "pobj":
                                        return obj
                    return grand
    return None


# --------------------------------------------------------------------------- reported speech


#: What a token needs for one of :func:`_reported_statements`' tests to pass on it: one of
#: these parts of speech, or one of these words or a stance adjective.
_REPORTING_PARTS = ("VERB", "AUX", "NOUN")
_REPORTING_WORDS = frozenset({"according", "in"})


def _reported_statements(doc: Any, spans: list[QuoteSpan]) -> list[_Statement]:
    statements: list[_Statement] = []
    for i in indices_with(doc, _REPORTING_PARTS, _REPORTING_WORDS | STANCE_ADJECTIVES):
        token = doc[i]
        if token.lower_ == "according":
            statements.extend(_according(doc, token))
            st = None
        elif token.lower_ == "in" and token.dep_ == "prep":
            st = _in_findings(doc, token)
        elif token.lower_ in STANCE_ADJECTIVES and token.dep_ == "acomp":
            st = _stance(doc, token, spans)
        elif is_report_verb(token) or is_learned_cue(token) or (
                token.pos_ == "VERB" and token.lemma_.lower() in CHARACTERISING_VERBS
        ) or made_clear(token) is not None or sided_with(token) is not None:
            st = _reported(doc, token, spans)
            if st is None and token.dep_ == "parataxis":
                statements.extend(_parenthetical(doc, token, spans))
            elif st is None and token.dep_ == "advcl":
                st = _as_reported(doc, token, spans)
        elif token.pos_ == "NOUN":
            st = _told_by_noun(doc, token, spans)
        else:
            st = None
        if st is not None:
            statements.append(st)
    statements.extend(_unmarked_extensions(doc, statements, spans))
    return statements


def _parenthetical(doc: Any, cue: Any, spans: list[QuoteSpan]) -> list[_Statement]:
    """``In his state, Christie said, offenders are sent to treatment.``: a speech verb set
    off by commas inside the sentence it attributes. The words on either side are what was
    said; like a split quote, each side with a verb is a mention of its own (one that is only
    an adjunct or a subject, ``In his state``, is not)."""
    lemma = cue.lemma_.lower()
    if lemma not in SPEECH_VERBS | COGNITION_VERBS or _content_child(cue) is not None:
        return []
    subject = _subject_of(cue)
    if subject is None or subject.i > cue.i or subject.lower_ in _FIRST_PERSON | {"you"}:
        return []
    sent = cue.sent
    block = next((b for b in (_whole_block(subject, cue), _tight_block(subject, cue))
                  if b is not None and sent.start < b[0] and b[1] + 1 < sent.end - 1
                  and doc[b[0] - 1].text == "," and doc[b[1] + 1].text == ","), None)
    if block is None:
        return []
    first, last = block
    para = _paragraph_of(text_of(doc), cue.idx)
    parts = [
        [t for t in sent if t.i < first - 1 and para[0] <= t.idx],
        [t for t in sent if t.i > last + 1 and t.idx < para[1]],
    ]
    out: list[_Statement] = []
    cue_at = statement_cue_span(doc, cue)
    speaker = phrase_span(doc, subject)
    clauses = [any(t.pos_ in {"VERB", "AUX"} for t in part) for part in parts]
    for after_cue, (part, clause) in enumerate(zip(parts, clauses, strict=True)):
        if not part or not any(clauses):
            continue
        if not clause and (after_cue or not any(t.is_alpha for t in part)):
            continue  # a part with no verb counts only as what opens the sentence
        if clause and sum(1 for t in part if t.is_alpha) < 2:
            continue
        if after_cue and (part[0].pos_ == "SCONJ" or part[0].dep_ == "mark"):
            continue  # ``..., X said, as floodwater spread``: the writer's circumstance
        if part[0].dep_ == "cc" and len(part) > 1:
            part = part[1:]  # ``A, the airline added, and B``: the conjunction joins A and B
        start, end = _trim(doc, part[0].idx, part[-1].idx + len(part[-1].text))
        while end > start and text_of(doc)[end - 1] in ".!?":
            end -= 1
        if end <= start:
            continue
        direct = any(q.start <= start and end <= q.end for q in spans)
        out.append(_Statement(start, end, direct, speaker, cue_at, cue.i, lemma))
    return out


def _whole_block(subject: Any, cue: Any) -> tuple[int, int] | None:
    """First and last token of the subject's and the cue's subtrees, edge punctuation cut."""
    words = sorted({*subject.subtree, *cue.subtree}, key=lambda t: t.i)
    while words and words[0].is_punct:
        words.pop(0)
    while words and words[-1].is_punct:
        words.pop()
    return (words[0].i, words[-1].i) if words else None


#: Dependents of a parenthetical cue that stay with it (``he said on Saturday``).
_CUE_TRAILERS = frozenset({"prep", "npadvmod", "advmod", "agent"})


def _tight_block(subject: Any, cue: Any) -> tuple[int, int] | None:
    """``At times, people close to him said, the mention ...``, ``..., he said, on condition
    of anonymity``: where the parser hung the sentence's other words on the cue, the
    parenthetical is only the subject, the cue and the cue's adjuncts up to the next comma."""
    doc = cue.doc
    own = {t.i for t in subject.subtree}
    first = min(own)
    if max(own) >= cue.i or any(
        i not in own and not (doc[i].head.i == cue.i and doc[i].dep_ in _CUE_LEFT_DEPS)
        for i in range(max(own) + 1, cue.i)
    ):
        return None
    trailing = {t.i for c in cue.children if c.i > cue.i and c.dep_ in _CUE_TRAILERS
                for t in c.subtree}
    last = cue.i
    while last + 1 in trailing and doc[last + 1].text != ",":
        last += 1
    return first, last


#: Tokens an object needs to be the reported content (``stressed the need to ...``): a bare
#: name (``praised Obama``) is whom the act concerns, not something said.
MIN_OBJECT_TOKENS = 3



def _content_child(cue: Any) -> Any | None:
    """The clause a cue reports: its ``ccomp``; for intention verbs a ``to``-infinitive
    (``vowed to repeal ...``); for verbs whose object is a position, a long object
    (``stressed the need to ...``)."""
    lemma = cue.lemma_.lower()
    for child in cue.children:
        # A clause before a belief verb is rarely its content (``Trump is wrong, I think``
        # is the writer's hedge); before a speech verb it is (``A is B, she said``).
        if child.dep_ == "ccomp" and (
            lemma in SPEECH_VERBS
            or (lemma in COGNITION_VERBS and (child.i > cue.i or _closing_evidence(cue, child)))
        ):
            return child
    if lemma in SPEECH_VERBS:
        stated = _said_in_medium(cue)
        if stated is not None:
            return stated
    question = indirect_question(cue)
    if question is not None:
        return question
    if lemma in INTENTION_VERBS:
        for child in cue.children:
            if child.dep_ in {"xcomp", "ccomp"} and child.i > cue.i and any(
                g.dep_ == "aux" and g.lower_ == "to" for g in child.children
            ):
                return child
    characterised = _characterised(cue)
    if characterised is not None:
        return characterised
    stance = _stance_taken(cue)
    if lemma not in OBJECT_CONTENT and not stance:
        return None
    for child in cue.children:
        if child.dep_ == "dobj" and child.i > cue.i and (
            sum(1 for _ in child.subtree) >= MIN_OBJECT_TOKENS or stance
        ):
            return child
    return None


#: Verbs by which the writer hedges what follows (``appears to favour``): no stance is
#: attributed to their subject.
_HEDGING_VERBS = frozenset({"seem", "appear"})


def _stance_taken(cue: Any) -> bool:
    """Whether ``cue`` is a verb of stance (:data:`STANCE_VERBS`) that its subject is said
    to hold, not one the writer hedges (``appears to favour the route``)."""
    return cue.lemma_.lower() in STANCE_VERBS and not (
        cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _HEDGING_VERBS
    )


def _said_in_medium(cue: Any) -> Any | None:
    """``Weaver says in a statement that the race ...``: where the parser hung the verb's
    ``that`` clause on the medium it was said in, the clause is still what was said."""
    for child in cue.children:
        if child.dep_ != "prep" or child.i < cue.i:
            continue
        for medium in child.children:
            if medium.dep_ != "pobj" or medium.lower_ not in _SETTING_NOUNS | _MEDIUM_NOUNS:
                continue
            for clause in medium.children:
                if clause.dep_ in {"acl", "ccomp"} and clause.i > medium.i and any(
                    g.dep_ == "mark" and g.lower_ == "that" and g.i == min(
                        t.i for t in clause.subtree) for g in clause.children
                ):
                    return clause
    return None


def _as_reported(doc: Any, cue: Any, spans: list[QuoteSpan]) -> _Statement | None:
    """``As The Washington Post reported, Sanders would need ...`` / ``Clinton is the top
    recipient, as The Huffington Post previously reported``: a speech or belief verb in an
    ``as`` clause with no complement of its own attributes the clause it hangs on."""
    lemma = cue.lemma_.lower()
    if lemma not in SPEECH_VERBS | COGNITION_VERBS or not any(
        c.dep_ == "mark" and c.lower_ == "as" for c in cue.children
    ):
        return None
    if any(c.dep_ in {"ccomp", "dobj", "xcomp", "attr", "oprd"} for c in cue.children):
        return None  # ``as he said goodbye``: the verb has its own object
    subject = _subject_of(cue)
    head = cue.head
    if subject is None or subject.lower_ in {"it", "you"} | _RELATIVE or head.i == cue.i or \
            head.pos_ not in {"VERB", "AUX"}:
        return None
    para = _paragraph_of(text_of(doc), cue.idx)
    own = {t.i for t in cue.subtree}
    first_own, last_own = min(own), max(own)
    words = [t for t in head.subtree if t.i not in own and not t.is_space
             and para[0] <= t.idx < para[1]]
    side = [t for t in words if t.i > last_own] if cue.i < head.i else [
        t for t in words if t.i < first_own]
    while side and side[-1].is_punct:
        side.pop()
    if sum(1 for t in side if t.is_alpha) < 3 or not any(t.pos_ in {"VERB", "AUX"} for t in side):
        return None
    start, end = _trim(doc, side[0].idx, side[-1].idx + len(side[-1].text))
    if end <= start:
        return None
    direct = any(q.start <= start and end <= q.end for q in spans)
    return _Statement(start, end, direct, phrase_span(doc, subject), statement_cue_span(doc, cue),
                      cue.i, lemma)


#: Verbs that state a view when they take an object and ``as`` (``described the field as
#: very good``, ``sees the campaign as unfair``, ``portrayed him as a liar``); without ``as``
#: they narrate (``described a frantic night``, ``saw the river rise``).
CHARACTERISING_VERBS = frozenset({
    "describe", "characterize", "characterise", "portray", "depict", "paint", "label",
    "brand", "view", "see", "regard", "hail", "tout", "dismiss", "cast",
})


def _characterised(cue: Any) -> Any | None:
    """The object of ``X described Y as Z``: an object right after the verb followed by an
    ``as`` phrase (which the object's complements then take in)."""
    if cue.lemma_.lower() not in CHARACTERISING_VERBS or _passive(cue):
        return None
    objects = [c for c in cue.children if c.dep_ == "dobj" and c.i > cue.i]
    if not objects:
        return None
    end = max(t.i for t in objects[0].subtree)
    after = cue.doc[end + 1] if end + 1 < len(cue.doc) else None
    if after is not None and after.lower_ == "as" and any(
        a.i == cue.i for a in after.ancestors
    ):
        return objects[0]
    return None


#: Complements of a verb that belong with its object in what is attributed: ``accused Trump
#: of lying``, ``backed Bush for president``, ``called him a liar``, ``refers to him as X``.
_OBJECT_COMPLEMENTS = frozenset({"prep", "oprd", "dobj", "dative", "xcomp"})


#: Nouns naming where or how something was said: a phrase built on one (``in a statement``,
#: ``on its Facebook page``) tells the setting of the act, not what was attributed.
_SETTING_NOUNS = frozenset({
    "statement", "interview", "post", "blog", "page", "tweet", "speech", "debate", "letter",
    "video", "appearance", "rally", "event", "hall", "conference", "briefing", "op-ed",
    "column", "email", "call", "message", "address", "remarks", "broadcast", "show",
    "program", "podcast", "radio", "television", "twitter", "facebook", "instagram", "media",
})


#: Prepositions that open a circumstance of the act (``charged him after finding ...``).
_SETTING_PREPOSITIONS = frozenset({
    "after", "before", "since", "during", "until", "despite", "following", "amid", "while",
    "at", "via",
})


def _is_setting(child: Any) -> bool:
    """A prepositional phrase of time or setting (``in early June``, ``in a Facebook post``)."""
    if child.dep_ != "prep":
        return False
    if child.lower_ in _SETTING_PREPOSITIONS:
        return True
    objects = [g for g in child.children if g.dep_ == "pobj"]
    return any(o.ent_type_ in {"DATE", "TIME"} or o.lower_ in _SETTING_NOUNS for o in objects)


#: Clauses on a noun that, set off by a comma, add the writer's aside to it.
_ASIDES = frozenset({"relcl", "acl"})


def _without_aside(head: Any, words: list[Any]) -> list[Any]:
    """An object that is the content, without what the writer adds after a comma (``backed
    Bush, the former Florida governor``, ``defended the group, which is under
    investigation``): the stance was taken on the thing, the aside tells the reader about
    it."""
    doc = head.doc
    last = max(t.i for t in words)
    for child in sorted(head.children, key=lambda c: c.i):
        described = child.dep_ == "appos" and head.pos_ == "PROPN" and child.pos_ == "NOUN"
        if child.i < head.i or (child.dep_ not in _ASIDES and not described):
            continue
        own = sorted(t.i for t in child.subtree)
        first = own[0]
        # Only an aside that closes the object: one with more of the object after it
        # (``accused the audience, which ..., of lying``) sits inside what was said.
        if first > 0 and doc[first - 1].text == "," and all(
            doc[i].is_punct for i in range(own[-1] + 1, last + 1)
        ):
            kept = [t for t in words if t.i < first - 1]
            return kept or words
    return words


def _only_a_date(preposition: Any) -> bool:
    """A prepositional phrase whose object is a date or time and nothing more (``on
    Tuesday``, ``for years``): it tells when something was said, never what."""
    words = [t for g in preposition.children if g.dep_ == "pobj" for t in g.subtree
             if t.is_alpha and t.pos_ != "DET"]
    return bool(words) and all(t.ent_type_ in {"DATE", "TIME"} for t in words)


def _object_complements(cue: Any, after: int) -> list[Any]:
    """The tokens of the cue's complements that directly follow its object (which ends at
    token ``after``), up to a comma, a conjunction or a clause of their own."""
    out: list[Any] = []
    mark: list[Any] = []  # an opening quotation mark the parser hung on the cue
    for child in sorted((c for c in cue.children if c.i > after), key=lambda c: c.i):
        if child.dep_ == "punct" and child.text in _OPENING_MARKS and child.i == after + 1 \
                and not mark:
            # ``called the system “rotten to the core”``: the mark opens the complement.
            mark, after = [child], child.i
            continue
        words = sorted(child.subtree, key=lambda t: t.i)
        as_phrase = words[0].lower_ == "as" and words[0].i == after + 1  # ``X as very good``
        if (child.dep_ not in _OBJECT_COMPLEMENTS and not as_phrase) or _is_setting(child):
            break
        if words[0].i != after + 1:
            break  # a comma or a dash between: an adverbial of the act, not what was said
        out.extend(mark + words)
        mark, after = [], words[-1].i
    return out


#: Quotation marks that open a quote (and the ambiguous straight ones).
_OPENING_MARKS = frozenset({"“", "\"", "''", "``", "‘", "«", "„"})


def _conjoined_clauses(cue: Any, after: int) -> list[Any]:
    """``said A, but B``: a clause with a subject of its own, conjoined after the content,
    that the parser hung on the cue instead of on the content. It continues what was said
    unless it is itself an act of speech or belief (``said A, and B denied it``)."""
    out: list[Any] = []
    for child in sorted((c for c in cue.children if c.i > after), key=lambda c: c.i):
        if child.dep_ in {"punct", "cc"}:
            continue
        if child.dep_ != "conj" or is_report_verb(child) or not any(
            g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in child.children
        ):
            break
        words = sorted(child.subtree, key=lambda t: t.i)
        while words and words[-1].text in {".", "!", "?", ",", ";"}:
            words.pop()  # the sentence's own full stop
        between = list(cue.doc[after + 1:words[0].i])
        if any(not (t.is_punct or t.dep_ == "cc") for t in between):
            break
        out.extend(between + words)
        after = words[-1].i
    return out


def _closing_evidence(cue: Any, clause: Any) -> bool:
    """``<clause>, the poll found.``: a belief or finding verb after its clause, with a
    subject between them that is not the writer or the reader (``..., I think`` only
    hedges), and no complement of its own after it."""
    subject = _subject_of(cue)
    if subject is None or subject.lower_ in _FIRST_PERSON | {"you"}:
        return False
    if not clause.i < subject.i < cue.i:
        return False
    return not any(c.dep_ in {"ccomp", "dobj", "xcomp"} and c.i > cue.i for c in cue.children)


def _learned_content(cue: Any) -> tuple[Any, Any | None] | None:
    """The complement of a verb listed by :mod:`.cue_lexicon` in its frame, and the
    preposition that then belongs to the cue (``talked about``)."""
    if not is_learned_cue(cue):
        return None
    frame, child = frame_of(cue)
    if child is None:
        return None
    if frame.startswith("prep:") and child.dep_ == "advcl":
        # ``called for the US to act``: the clause is the content, its ``for`` joins the cue.
        marks = [g for g in child.children if g.dep_ == "mark" and g.i < child.i]
        return child, marks[0]
    if frame.startswith("prep:"):
        if _only_a_date(child):
            return None  # ``as The Times reported on Tuesday``: when, not what
        objects = [g for g in child.children if g.dep_ in {"pobj", "pcomp"}]
        return (objects[0], child) if objects else None
    return child, None


def _reported(doc: Any, cue: Any, spans: list[QuoteSpan]) -> _Statement | None:
    if cue.dep_ == "relcl" and any(
        c.dep_ == "nsubj" and c.lower_ in _RELATIVE - _PERSON_RELATIVE for c in cue.children
    ):
        return None  # ``a report that suggests ...``: a description, not a statement
    if cue.dep_ == "xcomp" and (cue.head.lemma_.lower(), "xcomp") in NOT_STATEMENTS:
        return None  # ``declined to comment on it`` says nothing
    content = _content_child(cue)
    preposition = None
    stated = made_clear(cue) if content is None else None
    if stated is not None:
        content, preposition = stated  # ``made it clear that ...``: the cue ends at ``clear``
    elif content is None:
        learned = _learned_content(cue) or sided_with(cue)
        if learned is None:
            return _passive_with_agent(doc, cue, spans) or _misparsed_clause(doc, cue, spans)
        content, preposition = learned
    clause = _that_clause_on_object(content) if preposition is None else None
    if clause is not None:
        content, preposition = clause, content  # ``expressed concern that ...``
    subject = _subject_of(cue)
    if subject is None and (
        _passive(cue) or (_paragraph_opening_speaker(doc, cue) is None
                          and _lost_subject(doc, cue) is None)
    ):
        return None  # ``X is expected to win``: nobody is said to expect it
    para = _paragraph_of(text_of(doc), cue.idx)
    subtree = [t for t in content.subtree if not t.is_space and para[0] <= t.idx < para[1]]
    if not subtree:
        return None
    # The content clause never includes the speaker (inverted order: ``..., said X``).
    subject_ids = (
        {t.i for t in subject.subtree} - {t.i for t in cue.subtree}
        if subject is not None else set()
    )
    subtree = [t for t in subtree if t.i not in subject_ids
               and (preposition is None or t.i != preposition.i)]
    addressee = _addressee(cue, content) if preposition is None else None
    if addressee is not None:
        # ``urged Clinton to release ...``: who is urged belongs to what was urged.
        words, preposition = addressee
        subtree = [t for t in words if para[0] <= t.idx < para[1]] + subtree
    if content.dep_ in {"dobj", "pobj", "pcomp"}:
        subtree += [t for t in _object_complements(cue, max(t.i for t in subtree))
                    if para[0] <= t.idx < para[1]]
    elif content.dep_ == "ccomp" and content.i > cue.i:
        subtree += [t for t in _conjoined_clauses(cue, max(t.i for t in subtree))
                    if para[0] <= t.idx < para[1]]
        subtree = _without_leading_day(cue, content, subtree)
        subtree = _without_trailing_contrast(content, subtree)
    # An object names what the act concerns (``backed Clinton``); a clause needs a subject
    # and a verb at least.
    minimum = 1 if content.dep_ in {"dobj", "pobj", "pcomp"} else 2
    if sum(1 for t in subtree if t.is_alpha) < minimum:
        return None
    if content.dep_ == "dobj" and content.pos_ == "NOUN" and len(subtree) <= 2 and (
        not _stance_taken(cue)
    ):
        return None  # ``denied the reports``, ``demanded an inquiry``: the act, not its words
    if content.dep_ in {"dobj", "pobj"}:
        subtree = _without_aside(content, subtree)
    first = min(subtree, key=lambda t: t.i)
    last = max(subtree, key=lambda t: t.i)
    # The complementiser stays (``said that ...``): the content is the whole clause.
    start, end = _trim(doc, first.idx, last.idx + len(last.text))
    speaker = speaker_span(doc, cue)
    if speaker and start <= speaker[0] < end:
        # Content cannot hold its own speaker. Where a relative or question word was fronted
        # out of the clause (``a wall, which he said Mexico should pay for``, ``what many
        # analysts said was a sign``), what follows the cue is still what was said.
        after = [t for t in subtree if t.i > cue.i and t.i not in subject_ids]
        if first.lower_ not in _FRONTED or sum(1 for t in after if t.is_alpha) < 2 or any(
            t.i > cue.i and t.idx < speaker[1] for t in after
        ):
            return None
        start, end = _trim(doc, after[0].idx, last.idx + len(last.text))
    start, end = _cut_at_semicolon(text_of(doc), start, end, cue.idx)
    if end <= start:
        return None
    said = text_of(doc)[start:end].casefold()
    if any(phrase in said for phrase in ANONYMITY_PHRASES) and len(said.split()) <= 6:
        return None  # ``who asked not to be named`` tells who the source is, not what

    direct = _inside_a_quote(spans, start, end)
    cue_at = statement_cue_span(doc, cue)
    if preposition is not None:
        cue_at = (cue_at[0], max(cue_at[1], preposition.idx + len(preposition.text)))
    return _Statement(start, end, direct, speaker, cue_at, cue.i, cue.lemma_.lower(),
                      content.dep_ in {"dobj", "pobj", "pcomp"})


def _without_leading_day(cue: Any, clause: Any, words: list[Any]) -> list[Any]:
    """``said Tuesday his actions are lawful``, ``said on Friday he met Trump``: a day or
    time right after the cue, before the clause's own words, tells when it was said (the
    parser often hangs it on the clause). Attribution corpora leave it out of the content
    (and mostly out of the cue: 23 times in 33 in PolNeAR documents 0-399)."""
    words = sorted(words, key=lambda t: t.i)
    if not words or words[0].i != cue.i + 1:
        return words
    for child in clause.children:
        if child.i > clause.i or min(t.i for t in child.subtree) != words[0].i:
            continue
        own = [t for t in child.subtree]
        dated = (child.dep_ == "npadvmod" and all(
            t.ent_type_ in {"DATE", "TIME"} for t in own if t.is_alpha
        )) or (child.dep_ == "prep" and _only_a_date(child))
        if dated:
            ids = {t.i for t in own}
            rest = [t for t in words if t.i not in ids]
            while rest and rest[0].is_punct:
                rest.pop(0)
            if sum(1 for t in rest if t.is_alpha) >= 2:
                return rest
    return words


#: Words opening, after ``even``, a clause that sets another fact against the reported one
#: (``he will support the nominee, even as he has taken shots at him``): the writer's
#: contrast, which attribution corpora leave out of the content four times in five (PolNeAR
#: documents 0-399). A plain ``while`` clause they keep about as often as not, so it stays.
_CONTRAST_AFTER_EVEN = frozenset({"as", "though"})


def _without_trailing_contrast(clause: Any, words: list[Any]) -> list[Any]:
    """``words`` without an ``even as`` / ``even though`` clause set off by a comma at
    their end."""
    words = sorted(words, key=lambda t: t.i)
    doc = clause.doc
    for child in clause.children:
        if child.dep_ != "advcl" or child.i < clause.i:
            continue
        own = sorted(t.i for t in child.subtree)
        if doc[own[0]].lower_ != "even" or own[0] + 1 >= len(doc) or \
                doc[own[0] + 1].lower_ not in _CONTRAST_AFTER_EVEN:
            continue
        if own[0] == 0 or doc[own[0] - 1].text != "," or not words or \
                words[-1].i > own[-1] + 1:
            continue  # not set off, or more of the clause follows it
        kept = [t for t in words if t.i < own[0] - 1]
        if sum(1 for t in kept if t.is_alpha) >= 2:
            return kept
    return words


def _that_clause_on_object(content: Any) -> Any | None:
    """``expressed concern that ...``, ``voiced hope that ...``: a bare object noun followed
    at once by a ``that`` clause it governs. The clause is what was said and the noun joins the
    cue (``expressed concern``), as attribution corpora mark it."""
    if content.dep_ != "dobj" or content.pos_ != "NOUN" or any(
        c.dep_ in {"poss", "det"} for c in content.children
    ):
        return None  # ``dismissed Trump's claim that ...``: the claim is a statement itself
    for child in content.children:
        if child.dep_ in {"acl", "ccomp"} and min(t.i for t in child.subtree) == content.i + 1 \
                and content.doc[content.i + 1].lower_ == "that" and \
                content.doc[content.i + 1].dep_ == "mark":
            return child
    return None


def _addressee(cue: Any, content: Any) -> tuple[list[Any], Any | None] | None:
    """``urged Clinton to release ...``, ``asked voters to back him``, ``called on Clinton to
    release ...``: the one a cue asks to act, written right before the infinitive it asks
    for (the cue's object, or the object of its ``on``), and the preposition that then
    joins the cue (``called on``). Attribution corpora mark the pair as the content."""
    if content.dep_ != "xcomp" or content.i < cue.i:
        return None
    first = min(t.i for t in content.subtree)
    for child in cue.children:
        if not cue.i < child.i < first:
            continue
        preposition = None
        head = child
        if child.dep_ == "prep" and child.lower_ == "on" and child.i == cue.i + 1:
            objects = [g for g in child.children if g.dep_ == "pobj"]
            if not objects:
                continue
            preposition, head = child, objects[0]
        elif child.dep_ not in {"dobj", "dative"}:
            continue
        words = sorted(head.subtree, key=lambda t: t.i)
        before = cue.doc[words[0].i - 1]
        if preposition is None and before.lower_ == "on" and before.head.i == cue.i and \
                before.i == cue.i + 1 and not list(before.children):
            preposition = before  # the parser left ``on`` bare and made its object the verb's
        if words[-1].i + 1 == first and not any(t.is_punct for t in words):
            return words, preposition
    return None


#: Relative and question words a clause's content may be fronted by (``which X said is``).
_FRONTED = frozenset({"which", "that", "what", "who", "whom", "whose", "where", "when", "how",
                      "why"})

def _passive_with_agent(doc: Any, cue: Any, spans: list[QuoteSpan]) -> _Statement | None:
    """``The meeting was first reported by Politico``, ``The plan was endorsed by the
    union``: a passive speech act, or a position verb, with its agent; the passive subject is
    what was said or backed, the agent said it."""
    lemma = cue.lemma_.lower()
    if lemma not in SPEECH_VERBS and (lemma, "dobj") not in learned_frames():
        return None
    agent = _agent(cue)
    patient = next((c for c in cue.children if c.dep_ == "nsubjpass" and c.i < cue.i), None)
    if agent is None or patient is None or patient.lower_ in _RELATIVE | _NOT_SOURCES:
        return None
    para = _paragraph_of(text_of(doc), cue.idx)
    words = [t for t in patient.subtree if para[0] <= t.idx < para[1] and not t.is_space]
    if sum(1 for t in words if t.is_alpha) < 2:
        return None
    start, end = _trim(doc, words[0].idx, words[-1].idx + len(words[-1].text))
    if end <= start:
        return None
    by = agent.head
    cue_at = statement_cue_span(doc, cue)
    if by.dep_ == "agent" and by.i > cue.i:
        cue_at = (cue_at[0], by.idx + len(by.text))
    direct = any(q.start <= start and end <= q.end for q in spans)
    return _Statement(start, end, direct, phrase_span(doc, agent), cue_at, cue.i, lemma, True)


#: Verbs whose clause follows them even where the parser attached it elsewhere (``He said
#: legalizing it could put thousands to work``: ``legalizing`` became a subject).
_CLAUSE_FIRST_VERBS = frozenset({
    "say", "note", "observe", "report", "write", "add", "argue", "claim", "explain", "insist",
    "warn", "show", "find", "suggest", "believe", "think", "know", "predict", "acknowledge",
    "admit", "contend", "maintain", "conclude", "estimate", "recall", "stress",
})
#: Dependents of the cue that may stand between it and its clause (``said Tuesday``, ``noted
#: in The Intercept``, ``told reporters``).
_CUE_ADJUNCTS = frozenset({"npadvmod", "advmod", "prt", "prep", "dative", "dobj", "neg"})


def _misparsed_clause(doc: Any, cue: Any, spans: list[QuoteSpan]) -> _Statement | None:
    """A speech or belief verb with no complement in the parse, followed in its sentence by a
    clause with a subject and a verb of its own: the parser lost the clause, the sentence
    still reports it."""
    if cue.lemma_.lower() not in _CLAUSE_FIRST_VERBS or cue.dep_ in {"relcl", "acl", "amod"}:
        return None
    subject = _subject_of(cue)
    if subject is None or subject.i > cue.i or subject.lower_ in _FIRST_PERSON | {"you", "it"}:
        return None
    sent = cue.sent
    position = cue.i + 1
    adjuncts = sorted((c for c in cue.children if c.i > cue.i and c.dep_ in _CUE_ADJUNCTS),
                      key=lambda c: c.i)
    for child in adjuncts:
        words = sorted(child.subtree, key=lambda t: t.i)
        if words[0].i != position:
            break
        if child.dep_ == "dobj" and not (cue.lemma_.lower() == "tell" or child.ent_type_):
            return None  # ``said something``: the object is what was said, and short
        position = words[-1].i + 1
    rest = [t for t in doc[position:sent.end] if not t.is_space]
    while rest and rest[-1].is_punct:
        rest.pop()
    if len(rest) < 3 or rest[0].is_punct or rest[0].pos_ in {"CCONJ", "ADP"}:
        return None
    inside = {t.i for t in rest}
    if not any(t.dep_ in {"nsubj", "nsubjpass", "csubj", "expl"} and t.head.i in inside
               and t.head.pos_ in {"VERB", "AUX"} for t in rest):
        return None
    if any(is_report_verb(t) and t.i in inside and any(
            c.dep_ == "ccomp" for c in t.children) for t in rest[:2]):
        return None
    para = _paragraph_of(text_of(doc), cue.idx)
    rest = [t for t in rest if para[0] <= t.idx < para[1]]
    if not rest:
        return None
    start, end = _trim(doc, rest[0].idx, rest[-1].idx + len(rest[-1].text))
    start, end = _cut_at_semicolon(text_of(doc), start, end, cue.idx)
    if end - start < 8:
        return None
    direct = any(s.start <= start and end <= s.end for s in spans)
    return _Statement(start, end, direct, speaker_span(doc, cue), statement_cue_span(doc, cue),
                      cue.i, cue.lemma_.lower())


#: Adjectives of belief, feeling or resolve whose clause is the holder's position (``X is
#: convinced that ...``, ``X was confident the bill would pass``, ``X is determined to ...``).
STANCE_ADJECTIVES = frozenset({
    "convinced", "confident", "sure", "certain", "aware", "hopeful", "worried", "concerned",
    "optimistic", "pessimistic", "adamant", "skeptical", "sceptical", "afraid", "fearful",
    "determined", "eager", "unsure", "doubtful", "persuaded", "insistent", "intent",
})


def _stance(doc: Any, adjective: Any, spans: list[QuoteSpan]) -> _Statement | None:
    """``Mr. Ackman is convinced that Valeant will recover``: the copula's subject holds the
    clause; the cue is the copula with the adjective (``is convinced``)."""
    copula = adjective.head
    if copula.pos_ not in {"AUX", "VERB"} or copula.i > adjective.i:
        return None
    clause = next(
        (c for c in (*adjective.children, *copula.children)
         if c.i > adjective.i and (
             c.dep_ == "ccomp"
             or (c.dep_ == "xcomp" and any(g.dep_ == "aux" and g.lower_ == "to"
                                           for g in c.children)))),
        None,
    )
    subject = next((c for c in copula.children if c.dep_ == "nsubj" and c.i < copula.i), None)
    if clause is None or subject is None or subject.lower_ in _NOT_SOURCES | _RELATIVE - (
        _PERSON_RELATIVE
    ):
        return None
    para = _paragraph_of(text_of(doc), adjective.idx)
    words = [t for t in clause.subtree if para[0] <= t.idx < para[1] and not t.is_space]
    if sum(1 for t in words if t.is_alpha) < 2:
        return None
    start, end = _trim(doc, words[0].idx, words[-1].idx + len(words[-1].text))
    start, end = _cut_at_semicolon(text_of(doc), start, end, adjective.idx)
    if end <= start:
        return None
    cue_at = (statement_cue_span(doc, copula)[0], adjective.idx + len(adjective.text))
    direct = any(s.start <= start and end <= s.end for s in spans)
    return _Statement(start, end, direct, phrase_span(doc, subject), cue_at, adjective.i,
                      adjective.lower_)


#: ``cue_lemma`` prefix of a statement told by a noun (``Trump's claim that ...``).
NOUN_CUE = "noun:"


def _told_by_noun(doc: Any, noun: Any, spans: list[QuoteSpan]) -> _Statement | None:
    """``Trump's claim that ...``, ``her criticism of Sanders`` (see :mod:`.noun_cues`)."""
    found = noun_statement(noun)
    if found is None:
        return None
    para = _paragraph_of(text_of(doc), noun.idx)
    content = [doc[i] for i in found.content if para[0] <= doc[i].idx < para[1]]
    if not content or not any(t.is_alpha for t in content):
        return None
    start, end = _trim(doc, content[0].idx, content[-1].idx + len(content[-1].text))
    if end <= start:
        return None
    last = doc[found.cue_last]
    first = (
        statement_cue_span(doc, doc[found.verb])[0] if found.verb is not None
        else doc[found.cue_first].idx
    )
    cue_at = (first, last.idx + len(last.text))
    direct = any(s.start <= start and end <= s.end for s in spans)
    return _Statement(start, end, direct, phrase_span(doc, doc[found.source]), cue_at,
                      noun.i, NOUN_CUE + noun.lemma_.lower())


def _according(doc: Any, cue: Any) -> list[_Statement]:
    """``according to X, <content>``, ``<content>, according to X`` and ``<A>, according to
    X, <B>``. The content is what the phrase is set in: the whole sentence when the phrase
    opens or closes it (attribution corpora read a closing ``according to`` as the source of
    everything before it, ``A, B and C, according to the results``, however the parser hung
    it), else the clause around it, conjuncts included, whose words on both sides are one
    statement told in two mentions, as a quote split by its cue is."""
    target = _according_target(cue)
    if target is None:
        return []
    pointed = _that_is_according(doc, cue, target)
    if pointed is not None:
        return [pointed]
    phrase = list(cue.subtree)
    p_start = phrase[0].idx
    p_end = phrase[-1].idx + len(phrase[-1].text)
    para = _paragraph_of(text_of(doc), cue.idx)

    def words(scope: Any) -> list[Any]:
        return [t for t in scope
                if not (p_start <= t.idx < p_end) and para[0] <= t.idx < para[1]
                and not t.is_space]

    sentence = words(cue.sent)
    before = [t for t in sentence if t.idx < p_start]
    after = [t for t in sentence if t.idx >= p_end]
    if any(t.is_alpha for t in before) and any(t.is_alpha for t in after):
        clause = cue.head
        while clause.dep_ == "conj" and clause.head.i != clause.i:
            clause = clause.head  # ``A, B and C, according to X``: all the conjuncts
        scope = words(clause.subtree) if clause.i != cue.i else sentence
        before = [t for t in scope if t.idx < p_start]
        after = [t for t in scope if t.idx >= p_end]
    sides = [side for side in (before, after) if _says_something(side)]
    if not sides:
        return []
    if len(sides) == 2 and sum(t.is_alpha for t in sides[0] + sides[1]) < 3:
        return []
    if len(sides) == 1 and sum(t.is_alpha for t in sides[0]) < 3:
        return []
    out: list[_Statement] = []
    for side in sides:
        start, end = _trim(doc, side[0].idx, side[-1].idx + len(side[-1].text))
        if end > start:
            out.append(_Statement(start, end, False, phrase_span(doc, target),
                                  statement_cue_span(doc, cue), cue.i, "according"))
    return out


def _says_something(side: list[Any]) -> bool:
    """Whether the words on one side of an ``according to`` phrase are part of what it
    attributes: a word at least, and not only a joining word (``said that, according to
    X, ...``)."""
    alpha = [t for t in side if t.is_alpha]
    return bool(alpha) and not all(t.dep_ in {"mark", "cc"} for t in alpha)


_CONTRACTED_IS = frozenset({"'s", "’s"})


def _that_is_according(doc: Any, cue: Any, target: Any) -> _Statement | None:
    """``That's according to fundraising reports.``: the pronoun stands for what was said
    before, and is the content as attribution corpora mark it; the copula belongs to the
    cue. Only a sentence that opens with the pronoun and the copula qualifies."""
    before = [t for t in cue.doc[cue.sent.start:cue.i] if not (t.is_punct or t.is_space)]
    if len(before) != 2:
        return None
    that, be = before
    if that.lower_ not in {"that", "this"} or not (
        be.lemma_.lower() == "be" or be.lower_ in _CONTRACTED_IS
    ):
        return None
    to = [c for c in cue.children if c.dep_ == "prep" and c.lower_ == "to"]
    if not to:
        return None
    return _Statement(that.idx, that.idx + len(that.text), False, phrase_span(doc, target),
                      (be.idx, to[0].idx + len(to[0].text)), cue.i, "according")


#: Documents whose findings ``in`` attributes (``In a Quinnipiac poll, 50 percent chose
#: Clinton``, ``In the report, the inspector faults ...``).
_FINDING_NOUNS = frozenset({
    "poll", "polls", "survey", "surveys", "study", "report", "analysis", "audit", "census",
    "tally", "estimate", "review", "investigation", "assessment",
})


def _in_findings(doc: Any, cue: Any) -> _Statement | None:
    """``In a poll released Monday, 50 percent chose Clinton``: a clause set in a poll,
    study or report states its findings; the document is the source and ``in`` the cue. A
    clause with a speech verb of its own (``In the report, X said ...``) is that verb's."""
    objects = [c for c in cue.children if c.dep_ == "pobj" and c.lower_ in _FINDING_NOUNS]
    clause = cue.head
    if not objects or clause.pos_ not in {"VERB", "AUX"} or is_report_verb(clause) or any(
        is_report_verb(c) or c.lower_ == "according" for c in clause.subtree
    ):
        return None
    phrase = list(cue.subtree)
    p_start, p_end = phrase[0].i, phrase[-1].i
    para = _paragraph_of(text_of(doc), cue.idx)
    words = [t for t in clause.subtree if not p_start <= t.i <= p_end and not t.is_space
             and para[0] <= t.idx < para[1]]
    after = [t for t in words if t.i > p_end]
    before = [t for t in words if t.i < p_start]
    side = after if sum(t.is_alpha for t in after) >= sum(t.is_alpha for t in before) else before
    while side and side[-1].is_punct:
        side.pop()
    if sum(1 for t in side if t.is_alpha) < 3 or not any(
        t.dep_ in {"nsubj", "nsubjpass", "expl"} for t in side
    ):
        return None
    start, end = _trim(doc, side[0].idx, side[-1].idx + len(side[-1].text))
    if end <= start:
        return None
    return _Statement(start, end, False, phrase_span(doc, objects[0]),
                      (cue.idx, cue.idx + len(cue.text)), cue.i, "in")


#: A dateline opening a story (``DADU, Pakistan (Indus Wire) — ``, ``SUKKUR: ``) is no part of
#: what anybody said.
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*(?:,[^—–:\n(]{1,40})?"
    r"(?: ?\([^)\n]{1,40}\))?\s*(?:[—–:]|\s-|--)"
    # A date and an agency only: ``Dec 29 (Reuters) -``.
    r"|[A-Z][a-z]{2,8}\.? \d{1,2} \([^)\n]{1,40}\) ?(?:[—–-]|--)"
    # A place in ordinary capitals with its agency: ``New York (AFP) –``.
    r"|[A-Z][a-z]+(?: [A-Z][a-z]+){0,2} \([A-Z][A-Za-z]{1,15}\) ?(?:[—–-]|--))(?:\s+|$)"
)
_TRAILING_CONJUNCTIONS = ("and", "but", "or", "while")


def _before_trailing_conjunctions(text: str, start: int, end: int) -> int:
    """Where a run of dangling conjunctions (``..., and``, ``but or``) at the end of
    ``text[start:end]`` begins, else ``end``. Scanned backwards word by word, so a quote of
    thousands of ``, and`` costs one pass, not one regex attempt per repeat."""
    cut = end
    position = end
    while True:
        while position > start and text[position - 1].isspace():
            position -= 1
        word = next((w for w in _TRAILING_CONJUNCTIONS if text.endswith(w, start, position)), None)
        if word is None:
            return cut
        before = position - len(word)
        if before <= start or not text[before - 1].isspace():
            return cut  # part of a longer word (``Tor``, ``brand``) or the whole span
        position = before
        while position > start and text[position - 1].isspace():
            position -= 1
        if position > start and text[position - 1] == ",":
            position -= 1
        cut = position


def _trim(doc: Any, start: int, end: int) -> tuple[int, int]:
    """Trim blanks, edge punctuation, a leading dateline and a dangling conjunction."""
    text: str = text_of(doc)
    if start == 0 or text[start - 1] == "\n":
        dateline = _DATELINE.match(text, start, end)
        if dateline:
            start = dateline.end()
    while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
        start += 1
    end = _before_trailing_conjunctions(text, start, end)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return start, end


def _cut_at_semicolon(text: str, start: int, end: int, cue_at: int) -> tuple[int, int]:
    """Keep the part of the content on the cue's side of a semicolon: ``A reported X; B says
    Y`` must not give B the words of A."""
    if cue_at >= end:
        gap = text.rfind(";", start, cue_at)
        return (gap + 1, end) if gap >= end else (max(start, gap + 1), end) if gap >= 0 \
            else (start, end)
    gap = text.find(";", cue_at, end)
    return (start, gap) if gap >= 0 else (start, end)


def _unmarked_extensions(
    doc: Any, statements: list[_Statement], spans: list[QuoteSpan]
) -> Iterator[_Statement]:
    """Sentences around an unmarked quote whose cue closes its sentence (``..., he said.``)."""
    text: str = text_of(doc)
    sentences = _sentences(doc)
    # Bisected: an article of thousands of statements made a plain look cost their square.
    claimed = Ranges((s.start, s.end) for s in statements)
    for st in statements:
        if st.cue_token is None or st.direct or doc[st.cue_token].lower_ == "according":
            continue
        if not _cue_closes_sentence(doc, st):
            continue
        index = _sentence_index(sentences, st.start)
        if index is None:
            continue
        para = _paragraph_of(text, st.start)
        # Backward: unclaimed sentences of the same paragraph, up to the paragraph start.
        back_start = None
        # Indices, not slices: a copy of the sentences per statement was quadratic.
        for s_start, s_end in (sentences[j] for j in range(index - 1, -1, -1)):
            if s_start < para[0] or _is_attributed(doc, s_start, s_end, claimed, spans):
                break
            back_start = s_start
        if back_start is not None:
            st.start, _ = _trim(doc, back_start, st.end)
        # Forward: first-person sentences right after the cue's sentence.
        fwd: tuple[int, int] | None = None
        for s_start, s_end in (sentences[j] for j in range(index + 1, len(sentences))):
            if s_end > para[1] or _is_attributed(doc, s_start, s_end, claimed, spans):
                break
            if not any(t.lower_ in _FIRST_PERSON for t in _tokens_in(doc, s_start, s_end)):
                break
            fwd = (fwd[0] if fwd else s_start, s_end)
        if fwd is not None:
            start, end = _trim(doc, *fwd)
            yield _Statement(start, end, False, st.speaker, st.cue, st.cue_token, st.cue_lemma)


def _cue_closes_sentence(doc: Any, st: _Statement) -> bool:
    """``<content>, he said (in Karachi).``: the content ends before the cue and nothing but
    the speaker, adverbials and punctuation follows it in its sentence."""
    assert st.cue_token is not None
    cue = doc[st.cue_token]
    if st.end > cue.idx:
        return False
    return not any(child.dep_ in {"ccomp", "dobj"} and child.i > cue.i for child in cue.children)


def _sentences(doc: Any) -> list[tuple[int, int]]:
    """Sentence spans, also split at line breaks (paragraphs bound everything here)."""
    out: list[tuple[int, int]] = []
    text: str = text_of(doc)
    for sent in doc.sents:
        start = sent.start_char
        for piece in re.finditer(r"[^\n]+", text[sent.start_char:sent.end_char]):
            s, e = _trim(doc, start + piece.start(), start + piece.end())
            if e > s:
                out.append((s, e))
    return out


def _sentence_index(sentences: list[tuple[int, int]], offset: int) -> int | None:
    # The sentences are in order and do not overlap: the last one starting at or before
    # ``offset`` is the only one that can hold it.
    i = bisect.bisect_right(sentences, offset, key=lambda sentence: sentence[0]) - 1
    if i >= 0 and sentences[i][0] <= offset < sentences[i][1]:
        return i
    return None


def _paragraph_of(text: str, offset: int) -> tuple[int, int]:
    return line_around(text, offset)  # a bisection: one-line articles made a scan quadratic


def _inside_a_quote(spans: list[QuoteSpan], start: int, end: int) -> bool:
    """Whether ``start:end`` lies within one quote's content. The spans are in text order
    and do not overlap (:func:`find_quote_spans`), so only the last one starting at or
    before ``start`` can hold it: a bisection, not a look at every quote."""
    i = bisect.bisect_right(spans, start, key=lambda span: span.start) - 1
    return i >= 0 and spans[i].start <= start and end <= spans[i].end


def _touches_a_quote(spans: list[QuoteSpan], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps a quote, marks included (spans as above)."""
    i = bisect.bisect_right(spans, start, key=lambda span: span.close_end)
    return i < len(spans) and spans[i].open_at < end


def _is_attributed(
    doc: Any, start: int, end: int, claimed: Ranges, spans: list[QuoteSpan]
) -> bool:
    if claimed.overlaps(start, end):
        return True
    if _touches_a_quote(spans, start, end):
        return True
    return any(
        t.lower_ == "according" or (is_cue(t) and not _first_person_subject(t))
        for t in _tokens_in(doc, start, end)
    )


def _first_person_subject(cue: Any) -> bool:
    subject = _subject_of(cue)
    return subject is None or subject.lower_ in _FIRST_PERSON


# --------------------------------------------------------------------------- combining


#: Words allowed between reported content and a quote of the same cue that finishes it.
CONTINUATION_GAP_WORDS = 3


def _continues(text: str, rep: _Statement, dq: _Statement) -> bool:
    """Whether quote ``dq`` follows reported content ``rep`` in the same sentence, a few
    linking words after it (``said A because "B"``, ``said A, adding "B"`` is not)."""
    if dq.start < rep.end:
        return False
    gap = text[rep.end:dq.start]
    if any(ch in gap for ch in ".!?;:\n") or "," in gap:
        return False
    return len(re.findall(r"\w+", gap)) <= CONTINUATION_GAP_WORDS


class _DirectNearby:
    """The quotes a piece of reported content can bear on: those of its own cue, and those
    that may overlap it (starting at most one longest quote before it). Looking only at
    these, in their order, decides as looking at every quote did; an article of thousands
    of quotes made that look cost the square of their number."""

    __slots__ = ("_longest", "_order", "_starts", "by_cue")

    def __init__(self, direct: list[_Statement]) -> None:
        self.by_cue: dict[int, list[int]] = {}
        for i, dq in enumerate(direct):
            if dq.cue_token is not None:
                self.by_cue.setdefault(dq.cue_token, []).append(i)
        self._order = sorted(range(len(direct)), key=lambda i: direct[i].start)
        self._starts = [direct[i].start for i in self._order]
        self._longest = max((dq.end - dq.start for dq in direct), default=0)

    def candidates(self, rep: _Statement, same_cue: list[int]) -> list[int]:
        first = bisect.bisect_left(self._starts, rep.start - self._longest)
        last = bisect.bisect_left(self._starts, rep.end)
        return sorted({*self._order[first:last], *same_cue})


def _merge(
    text: str, direct: list[_Statement], reported: list[_Statement]
) -> list[_Statement]:
    """Reported content wins over the quote fragments it holds (``said that he "did
    everything"``: the content is the whole clause, marks included); a quote that the
    reported content merely restates (``"A," he said``) or that continues past it with the
    same cue (``"A," he said, "B."``) keeps its own spans."""
    kept_reported: list[_Statement] = []
    dropped_direct: set[int] = set()
    quote_cues = {dq.cue_token for dq in direct if dq.cue_token is not None}
    nearby = _DirectNearby(direct)
    for rep in reported:
        same_cue_quotes = nearby.by_cue.get(rep.cue_token, []) if rep.cue_token is not None \
            else []
        if rep.from_object and rep.cue_token in quote_cues and not any(
            rep.start <= direct[i].start < rep.end for i in same_cue_quotes
        ):
            continue  # ``"...," X told MSNBC``: the object is the audience, the quote is said
        inside: list[int] = []
        covered = False
        for i in nearby.candidates(rep, same_cue_quotes):
            dq = direct[i]
            same_cue = dq.cue_token is not None and dq.cue_token == rep.cue_token
            if same_cue and _continues(text, rep, dq):
                inside.append(i)  # ``said A because "B"``: the quote ends the clause
                continue
            overlap = min(rep.end, dq.end) - max(rep.start, dq.start)
            if overlap <= 0:
                continue
            if dq.start >= rep.start and (dq.end <= rep.end or same_cue) and (
                rep.end - rep.start > 1.2 * (dq.end - dq.start) or dq.start > rep.start
            ):
                inside.append(i)  # a fragment of the reported clause
            elif overlap >= 0.8 * (rep.end - rep.start) or same_cue:
                covered = True  # the reported content *is* the quote
        if covered:
            continue
        for i in inside:
            dropped_direct.add(i)
            rep.end = max(rep.end, direct[i].end)
        if inside:
            while rep.end < len(text) and text[rep.end] in "\"”’»'":
                rep.end += 1  # the closing mark of the last fragment
        if inside and sum(direct[i].end - direct[i].start for i in inside) >= 0.8 * (
            rep.end - rep.start
        ):
            rep.direct = True
        kept_reported.append(rep)
    kept_direct = [dq for i, dq in enumerate(direct) if i not in dropped_direct]
    merged = kept_direct + kept_reported
    # A cue inside another statement's content is a nested attribution. A nested *speech*
    # act (``he said they told him ...``) is a statement of its own; a nested belief or wish
    # (``"I think ..."``, ``said he wants ...``) is part of what the outer speaker said.
    return [
        st for st in merged
        if st.cue is None or st.cue_token is None
        or ((st.cue_lemma in SPEECH_VERBS or st.cue_lemma == "according")
            and not st.from_object)
        or st.cue_lemma.startswith(NOUN_CUE)
        or not any(
            o is not st and o.start <= st.cue[0] and st.cue[1] <= o.end for o in merged
        )
    ]


#: ``Name: what they said`` on a line of its own: a headline (``Graham: Trump's rhetoric
#: destroying GOP``) or a transcript turn (``TAPPER: Do you think ...``). The name is one to
#: six capitalised words (``of``/``the``/``de`` allowed inside).
_SPEAKER_LINE = re.compile(
    r"(?P<name>[A-Z][\w.’'&-]*(?:\s(?:of|the|de|la|van|von|[A-Z][\w.’'&-]*)){0,5}):[ \t]+"
    r"(?P<said>\S[^\n]*)"
)
#: First words of a line that label a story rather than name a speaker (``The Latest:``).
_LINE_LABELS = frozenset({
    "latest", "the", "update", "updated", "breaking", "exclusive", "watch", "video", "live",
    "photos", "photo", "opinion", "analysis", "editorial", "correction", "news", "note",
    "editor’s", "editor's", "read", "listen", "related", "source", "sources", "via", "see",
    "q", "a", "subscribe", "follow", "share", "click", "contact", "email", "tags", "image",
})
MIN_LINE_WORDS = 3
#: Words of someone speaking to listeners, which a news lede written after a dateline lacks.
_SPOKEN = re.compile(r"\b(?:I|I'm|I’m|I've|I’ve|we|We|you|You|my|My|our|Our|me|us)\b")
#: How many paragraphs from the top (headline, standfirst, first paragraph) a dateline sits.
_DATELINE_PARAGRAPHS = 3


#: Entity labels of what may speak in a ``Name: statement`` line.
_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE", "FAC"})


def _names_a_speaker(text: str, name: tuple[int, int], names: list[tuple[int, int]]) -> bool:
    """Whether the words before a line's colon can be a speaker: one word (``Graham:``),
    capitals (a transcript's ``TAPPER:``) or words the tagger reads as a name. A newsletter's
    or column's label (``Delegate Update:``, ``Monday's Morning Email:``) is none of these."""
    words = text[name[0] : name[1]].split()
    if len(words) == 1 or text[name[0] : name[1]].isupper():
        return True
    return any(a < name[1] and name[0] < b for a, b in names)


def _with_headline_statements(
    text: str,
    statements: list[_Statement],
    spans: list[QuoteSpan],
    names: list[tuple[int, int]],
) -> list[_Statement]:
    """Add the ``Name: statement`` lines; a cue-less statement inside one is replaced.
    ``names`` are the character spans of the tagger's names (see :func:`_names_a_speaker`)."""
    found: list[_Statement] = []
    lines = [(number, match) for number, (para_start, para_end) in enumerate(_paragraphs(text))
             if (match := _SPEAKER_LINE.match(text, para_start, para_end)) is not None]
    capitals = [number for number, match in lines if match.group("name").isupper()]
    for number, match in lines:
        if match.group("name").split()[0].casefold() in _LINE_LABELS:
            continue
        if capitals == [number] and number < _DATELINE_PARAGRAPHS and not \
                _SPOKEN.search(match.group("said")):
            # One line in capitals near the top told in the third person (``SUKKUR: The
            # death toll ...``) is the story's dateline; a transcript names its speakers in
            # capitals line after line, and a speaker says ``I``, ``we``, ``you``.
            continue
        if not _names_a_speaker(text, match.span("name"), names):
            continue
        if len(re.findall(r"\w+", match.group("said"))) < MIN_LINE_WORDS:
            continue
        start, end = match.start("said"), match.end("said")
        while end > start and text[end - 1].isspace():
            end -= 1
        direct = any(q.start <= start + 1 and end - 1 <= q.end for q in spans)
        colon = match.end("name")
        found.append(_Statement(start, end, direct, match.span("name"), (colon, colon + 1),
                                None, ":"))
    if not found:
        return statements
    kept = [st for st in statements
            if st.cue is not None
            or not any(f.start <= st.start and st.end <= f.end for f in found)]
    return kept + found


#: Verbs of a private state (belief, wish, feeling): inside someone's speech they are part
#: of what was said.
PRIVATE_STATES = frozenset({
    "believe", "think", "know", "feel", "hope", "expect", "fear", "worry", "doubt", "suspect",
    "assume", "guess", "want", "wish", "prefer", "like",
})


def _without_nested_beliefs(doc: Any, statements: list[_Statement]) -> list[_Statement]:
    """A belief or wish inside someone's speech is part of what they said, not a statement
    of its own: ``Gillibrand told reporters she believed that ...`` (the belief verb hangs on
    the speech verb, wherever the parser put the clause) and ``FALLIN: I think ...`` (a
    transcript line's speaker)."""
    speech = {st.cue_token for st in statements
              if st.cue_token is not None and st.cue_lemma in SPEECH_VERBS - PRIVATE_STATES}

    def nested(st: _Statement) -> bool:
        if st.cue_token is None or st.cue is None or st.cue_lemma not in PRIVATE_STATES:
            return False
        if any(a.i in speech for a in doc[st.cue_token].ancestors):
            return True
        return any(o is not st and o.cue_lemma == ":" and o.start <= st.cue[0] and
                   st.cue[1] <= o.end for o in statements)

    return [st for st in statements if not nested(st)]


#: Paragraphs a quote may look back over for a speaker the text in between names again.
NAMED_AGAIN_PARAGRAPHS = 3


def _named_again(
    text: str, earlier: list[_Statement], quote_start: int, para_start: int
) -> _Statement | None:
    """``"A," Viguerie notes.`` / ``Viguerie is upbeat about Cruz.`` / ``"B."``: a quote
    opening its paragraph, after a paragraph about the last speaker that names them again,
    continues that speaker's words. The nearest earlier statement with a named speaker
    within a few paragraphs counts when its last name is written between it and the quote."""
    limit = para_start
    for _ in range(NAMED_AGAIN_PARAGRAPHS):
        limit = _paragraph_of(text, max(0, limit - 2))[0]
    previous = next((p for p in reversed(earlier) if p.speaker is not None), None)
    if previous is None or previous.end < limit or previous.speaker is None:
        return None
    name = text[previous.speaker[0]:previous.speaker[1]].split()
    surname = name[-1].strip(",.’'") if name else ""
    if not surname[:1].isupper() or surname.casefold() in _FIRST_PERSON | {"i"}:
        return None
    said_at = max(previous.end, previous.speaker[1], previous.cue[1] if previous.cue else 0)
    between = text[said_at:para_start]
    return previous if re.search(rf"\b{re.escape(surname)}\b", between) else None


def _inherit_speakers(doc: Any, statements: list[_Statement]) -> list[_Statement]:
    """A direct quote with no cue takes the speaker of the nearest earlier statement in its
    paragraph (or the paragraph before, when it opens its own paragraph)."""
    text: str = text_of(doc)
    ordered = sorted(statements, key=lambda s: s.start)
    out: list[_Statement] = []
    for i, st in enumerate(ordered):
        if st.cue is not None or st.speaker is not None:
            out.append(st)
            continue
        para = _paragraph_of(text, st.start)
        opens_paragraph = not text[para[0]:st.start].strip(" \"“”«»„'‘")
        limit = para[0] if not opens_paragraph else _paragraph_of(text, max(0, para[0] - 2))[0]
        previous = next(
            (p for p in reversed(ordered[:i]) if p.speaker is not None and p.end >= limit
             and p.start < st.start),
            None,
        )
        words = len(re.findall(r"\w+", text[st.start:st.end]))
        if previous is None and opens_paragraph:
            previous = _named_again(text, ordered[:i], st.start, para[0])
        if previous is not None:
            st.speaker = previous.speaker
            out.append(st)
        elif words >= MIN_UNCUED_WORDS:
            out.append(st)
    return out
