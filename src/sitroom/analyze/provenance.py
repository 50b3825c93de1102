"""Where each statement came from: the same quote across articles, provenance chains, and
how many independent sources carry a statement.

- :func:`link_quotes` fills ``Quote.also_in`` when the same statement appears in other
  articles, with or without quote marks, trimmed or lightly paraphrased. Similarity is the
  share of the shorter statement's content words found in the longer one (containment, so a
  trimmed quote still matches its full form); an inverted index probed only with each
  statement's rarest words (a prefix filter) finds every pair that can pass, without
  comparing all pairs.
- :func:`provenance_chain`: outlet of the article -> outlets or agencies it relays (a wire
  credit in the dateline, ``told X``, ``according to X`` near the quote) -> original speaker.
- :func:`syndication_groups` finds near-duplicate article texts with MinHash (datasketch);
  :func:`count_independent` counts a set of articles as independent sources, folding
  syndicated copies and articles that only relay the same origin into one.
- :func:`build_quotes_and_citations` is what the pipeline calls.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Protocol, cast

import numpy as np

from ..resolve.speakers import resolve_speakers
from ..resolve.stored_speakers import StoredSpeakers
from ..store.store import UNKNOWN_OUTLET
from ..stored_memo import MemoStore
from ..types import Article, Citation, CitationMention, DocAnnotations, Quote
from .distinct_codes import sorted_distinct, sorted_distinct_with_first
from .sparse_blocks import product_blocks
from .words import STOPWORDS as _STOPWORDS

#: Containment needed to call two statements the same.
SAME_STATEMENT = 0.6
#: Lower bar when both statements have the same resolved speaker.
SAME_SPEAKER_STATEMENT = 0.45
#: Content words two statements must share at least.
MIN_SHARED_WORDS = 4
#: Shingle Jaccard above which two article texts are copies of one story.
SYNDICATION_THRESHOLD = 0.6
#: Characters around a quote in which a cited outlet is taken as its channel.
CHANNEL_WINDOW = 250

_WIRE_CREDIT = re.compile(r"\A[^\n(]{0,60}\(([^)\n]{2,40})\)\s*[—–-]")


class EntityLookup(Protocol):
    def entity_of(self, article: str, start: int, end: int) -> str | None: ...

    def lookup(self, surface: str) -> str | None: ...


# --------------------------------------------------------------------------- same statement


def _fold(text: str) -> str:
    if text.isascii():  # nothing to decompose, no combining marks
        return text.casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    # Drop combining marks with one translate over the text's distinct characters rather
    # than a test per character (this runs over every article's full text).
    marks = {ord(ch): None for ch in set(decomposed) if unicodedata.combining(ch)}
    return (decomposed.translate(marks) if marks else decomposed).casefold()


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


_WORD = re.compile(r"[a-z0-9]+")


@lru_cache(maxsize=1 << 16)  # a corpus's quotes repeat the same words many times
def _content_stem(word: str) -> str | None:
    """A word's stem, None for a stop word or a single character: one cached answer per
    distinct word (the only cache of the stems: it outlives the step)."""
    return None if word in _STOPWORDS or len(word) <= 1 else _stem(word)


def content_words(text: str) -> frozenset[str]:
    """The content words of a statement: folded, stop words out, crudely stemmed."""
    stems = {_content_stem(w) for w in set(_WORD.findall(_fold(text)))}
    stems.discard(None)
    return frozenset(cast("set[str]", stems))


def statement_similarity(a: str, b: str) -> float:
    """Share of the shorter statement's content words found in the other (0..1)."""
    wa, wb = content_words(a), content_words(b)
    if not wa or not wb:
        return 0.0
    return len(wa & wb) / min(len(wa), len(wb))


def link_quotes(
    articles: Sequence[Article], quotes: Sequence[Quote], memo: MemoStore | None = None,
) -> tuple[Quote, ...]:
    """``quotes`` with ``also_in`` set to the other articles that carry the same statement.

    ``articles`` maps article ids to their duplicates: an exact duplicate article (its
    ``duplicate_of`` set) carries every quote of its original. ``memo``: where the links
    are kept between builds (the store), so that a build which adds articles searches only
    the pairs a new quote is in (see :mod:`.stored_quote_links`); the links are the same.
    """
    words = [content_words(q.text) for q in quotes]
    if memo is None:
        low, high = linked_pairs(word_index(quotes, words))
    else:
        from .stored_quote_links import remembered_pairs

        low, high = remembered_pairs(memo, quotes, words)
    linked = _partner_articles(quotes, low, high)
    copies: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        if article.duplicate_of:
            copies[article.duplicate_of].add(article.id)
    out: list[Quote] = []
    for i, q in enumerate(quotes):
        partners = linked.get(i, ())
        copied = copies.get(q.article)
        if copied:
            also = tuple(sorted((set(partners) | copied) - {q.article}))
        else:
            also = tuple(a for a in partners if a != q.article)
        # made directly: ``dataclasses.replace`` per linked quote was a tenth of the step
        out.append(Quote(q.id, q.article, q.speaker, q.speaker_text, q.text, q.direct, q.cue,
                         q.start, q.end, also) if also else q)
    return tuple(out)


def _partner_articles(quotes: Sequence[Quote], low: np.ndarray, high: np.ndarray
                      ) -> dict[int, tuple[str, ...]]:
    """For each quote in a linked pair, the articles of the quotes it is linked with, each
    once, in the order of their ids. Done on arrays: at 2,000 articles a quote pair's two
    set insertions in Python, 330,000 pairs, were a third of the linking's CPU."""
    if not len(low):
        return {}
    names = sorted({q.article for q in quotes})
    rank = {name: n for n, name in enumerate(names)}
    article_of = np.array([rank[q.article] for q in quotes], dtype=np.int64)
    quote = np.concatenate((low, high))
    partner = np.concatenate((article_of[high], article_of[low]))
    # One code per (quote, partner's article), sorted: by quote, then by article id.
    codes = sorted_distinct(quote * len(names) + partner)
    quote, partner = codes // len(names), codes % len(names)
    bounds = np.flatnonzero(np.diff(quote)) + 1
    starts = np.concatenate(([0], bounds)).tolist()
    ends = np.concatenate((bounds, [len(codes)])).tolist()
    partners = [names[a] for a in partner.tolist()]
    # plain slices of one list: a numpy split per quote was most of this function
    return {q: tuple(partners[start:end])
            for q, start, end in zip(quote[starts].tolist(), starts, ends, strict=True)}


#: Quotes whose candidate partners are found in one sparse product (bounds its memory).
_QUOTE_BLOCK = 2000
#: Quotes a word may be in and still count towards a link (besides the fifth of all
#: quotes): a word's quotes are all paired, so crafted articles sharing a few words could
#: make the pairs grow with the square of the corpus; with this bound each quote meets at
#: most this many others per word it is probed with. It changes nothing below 5,000 quotes
#: (a fifth of them is the lower bound there).
MAX_QUOTES_PER_WORD = 1000
#: Quotes a word may always be in and count: a small corpus's fifth would leave out words
#: that merely recur in a dozen quotes.
MIN_QUOTES_PER_WORD = 50


def _required_overlap(size: int) -> int:
    """The fewest shared words with which a statement of ``size`` content words can be the
    smaller of a linked pair: :data:`MIN_SHARED_WORDS` (or all its words) and the lower of
    the two containment bars, tested with the same float arithmetic as the link rule."""
    needed = max(1, math.ceil(SAME_SPEAKER_STATEMENT * size))
    while needed > 1 and (needed - 1) / size >= SAME_SPEAKER_STATEMENT:
        needed -= 1
    while needed / size < SAME_SPEAKER_STATEMENT:
        needed += 1
    return max(min(MIN_SHARED_WORDS, size), needed)


@dataclass(frozen=True, slots=True)
class WordIndex:
    """The quotes' content words as the link rule counts them: ``incidence`` is quote by
    word, 1 where a quote holds a counted word (one found in at most ``common`` quotes;
    words in very many quotes say nothing). ``uncounted``: the words left out, which is
    all a remembered link depends on beyond its two quotes."""

    quotes: int
    sizes: np.ndarray  # each quote's content words, counted or not
    speakers: np.ndarray  # an index per resolved speaker; -1: none, nobody's same speaker
    articles: np.ndarray  # an index per article
    incidence: Any  # scipy CSR matrix, quotes x vocabulary
    frequency: np.ndarray  # quotes holding each word of the vocabulary
    columns: np.ndarray  # the counted entries' words (vocabulary indexes), by quote
    rows: np.ndarray  # the counted entries' quotes
    uncounted: frozenset[str]


def word_index(quotes: Sequence[Quote], words: Sequence[frozenset[str]]) -> WordIndex:
    """The :class:`WordIndex` of ``quotes`` (``words``: their :func:`content_words`)."""
    from scipy.sparse import csr_matrix

    vocabulary: dict[str, int] = {}
    rows: list[int] = []
    columns: list[int] = []
    for i, ws in enumerate(words):
        for w in ws:
            rows.append(i)
            columns.append(vocabulary.setdefault(w, len(vocabulary)))
    common = max(MIN_QUOTES_PER_WORD, min(len(quotes) // 5, MAX_QUOTES_PER_WORD))
    row_of = np.asarray(rows, dtype=np.int64)
    column_of = np.asarray(columns, dtype=np.int64)
    frequency = np.bincount(column_of, minlength=len(vocabulary))
    counted = frequency[column_of] <= common
    row_of, column_of = row_of[counted], column_of[counted]
    incidence = csr_matrix((np.ones(len(row_of), dtype=np.int32), (row_of, column_of)),
                           shape=(len(quotes), len(vocabulary)))
    speaker_of: dict[str, int] = {}
    article_of: dict[str, int] = {}
    return WordIndex(
        quotes=len(quotes),
        sizes=np.array([len(ws) for ws in words], dtype=np.int64),
        speakers=np.array([-1 if q.speaker is None else speaker_of.setdefault(
            q.speaker, len(speaker_of)) for q in quotes], dtype=np.int64),
        articles=np.array([article_of.setdefault(q.article, len(article_of))
                           for q in quotes], dtype=np.int64),
        incidence=incidence,
        frequency=frequency,
        columns=column_of,
        rows=row_of,
        uncounted=frozenset(w for w, c in vocabulary.items() if frequency[c] > common),
    )


def linked_pairs(index: WordIndex, among: np.ndarray | None = None
                 ) -> tuple[np.ndarray, np.ndarray]:
    """Arrays ``(i, j)`` of the pairs of quotes that the link rule joins: sharing at least
    :data:`MIN_SHARED_WORDS` counted words (or all of the smaller's), and a share of the
    smaller's words of at least :data:`SAME_SPEAKER_STATEMENT` for one speaker, else
    :data:`SAME_STATEMENT`; ``among``: only the pairs with a member among these quotes
    (sorted indexes). The rule is tested over each block of candidate pairs at once (a
    Python test per pair grew with the square of the corpus's quotes); the share is the
    same float64 division as ``count / smaller``, so the links are the same."""
    blocks = _shared_word_blocks(index) if among is None else _pairs_with(index, among)
    lows: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    highs: list[np.ndarray] = [np.zeros(0, dtype=np.int64)]
    for low, high, shared in blocks:
        smaller = np.minimum(index.sizes[low], index.sizes[high])
        enough = shared >= np.minimum(MIN_SHARED_WORDS, smaller)
        low, high, shared, smaller = low[enough], high[enough], shared[enough], smaller[enough]
        speakers = index.speakers
        same_speaker = (speakers[low] >= 0) & (speakers[low] == speakers[high])
        bar = np.where(same_speaker, SAME_SPEAKER_STATEMENT, SAME_STATEMENT)
        kept = shared / smaller >= bar
        lows.append(low[kept])
        highs.append(high[kept])
    return np.concatenate(lows), np.concatenate(highs)


def _shared_word_blocks(
    index: WordIndex,
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """Arrays ``(i, j, shared)`` for pairs of quotes ``i < j`` of different articles that
    share ``shared`` counted words, a block of pairs at a time.

    Every pair that can pass the link rule is among those yielded, with its exact count
    (pairs that cannot pass may be yielded too). Candidates come from a prefix filter, as in
    set-similarity joins: order the counted words rarest first; a statement ``x`` with ``n``
    counted words that must share ``k`` of them with a longer one (:func:`_required_overlap`
    of its full size) shares at least one of its ``n - k + 1`` rarest. So only those rarest
    words are looked up in the inverted index, whose long postings (the frequent words) are
    then walked only by statements made of frequent words; the rule itself (which words
    count, the thresholds) is unchanged, so the links are the same as comparing all pairs.
    The exact counts of the candidates are then one elementwise sparse product."""
    from scipy.sparse import csr_matrix

    row_of, column_of, frequency = index.rows, index.columns, index.frequency
    if not len(row_of):
        return
    size = index.quotes
    shape = index.incidence.shape
    incidence = index.incidence
    vocabulary = len(frequency)
    # Rank of each word, rarest first (ties by first appearance), and each statement's
    # prefix: its counted words of lowest rank, as many as it can miss plus one.
    rank = np.empty(vocabulary, dtype=np.int64)
    rank[np.lexsort((np.arange(vocabulary), frequency))] = np.arange(vocabulary)
    sizes = index.sizes
    counted_sizes = np.bincount(row_of, minlength=size)
    needed = np.array([_required_overlap(int(n)) if n else 1 for n in sizes], dtype=np.int64)
    prefix = counted_sizes - needed + 1
    order = np.lexsort((rank[column_of], row_of))
    row_sorted, column_sorted = row_of[order], column_of[order]
    starts = np.concatenate(([0], np.cumsum(counted_sizes)[:-1]))
    position = np.arange(len(row_sorted)) - starts[row_sorted]
    in_prefix = position < prefix[row_sorted]
    probes = csr_matrix(
        (np.ones(int(in_prefix.sum()), dtype=np.int32),
         (row_sorted[in_prefix], column_sorted[in_prefix])), shape=shape,
    )
    articles = index.articles
    transposed = incidence.T.tocsr()
    # Blocks cut so that each product stays small as the corpus grows; the pairs found and
    # their counts do not depend on where the blocks end.
    for offset, stop in product_blocks(probes, np.diff(transposed.indptr), _QUOTE_BLOCK):
        block = (probes[offset:stop] @ transposed).tocoo()
        left = block.row.astype(np.int64) + offset
        right = block.col.astype(np.int64)
        # The probing statement is the smaller (or as large) one of the pair.
        wanted = (sizes[right] >= sizes[left]) & (articles[left] != articles[right])
        left, right = left[wanted], right[wanted]
        pairs = sorted_distinct(np.minimum(left, right) * size + np.maximum(left, right))
        if not len(pairs):
            continue
        low, high = pairs // size, pairs % size
        shared = np.asarray(incidence[low].multiply(incidence[high]).sum(axis=1)).ravel()
        yield low, high, shared.astype(np.int64)


def _pairs_with(
    index: WordIndex, among: np.ndarray
) -> Iterator[tuple[np.ndarray, np.ndarray, np.ndarray]]:
    """What :func:`_shared_word_blocks` yields, for the pairs with a member in ``among``:
    every quote that shares a counted word with one of them, with the exact count (the
    product of their rows with the whole incidence). No prefix filter: ``among`` is the
    few quotes an add brought, and a pair needs at least one shared word to pass."""
    if not len(among) or not len(index.rows):
        return
    size = index.quotes
    chosen = index.incidence[among]
    transposed = index.incidence.T.tocsr()
    articles = index.articles
    for offset, stop in product_blocks(chosen, np.diff(transposed.indptr), _QUOTE_BLOCK):
        block = (chosen[offset:stop] @ transposed).tocoo()
        left = among[block.row.astype(np.int64) + offset]
        right = block.col.astype(np.int64)
        wanted = articles[left] != articles[right]
        left, right, shared = left[wanted], right[wanted], block.data[wanted]
        # a pair of two of ``among`` is found from both ends, with one count
        pairs, first = sorted_distinct_with_first(
            np.minimum(left, right) * size + np.maximum(left, right))
        if not len(pairs):
            continue
        yield pairs // size, pairs % size, shared[first].astype(np.int64)


# --------------------------------------------------------------------------- provenance


@dataclass(frozen=True, slots=True)
class ProvenanceChain:
    """How a statement reached an article: ``outlet`` published it, having it ``via`` these
    outlets or agencies (nearest first), from ``speaker`` (entity id, else the words)."""

    quote: str
    outlet: str
    via: tuple[str, ...]
    speaker: str | None


def wire_credit(text: str) -> str | None:
    """The agency credited in a dateline: ``LARKANA (Indus Wire) — ...`` -> ``Indus Wire``."""
    match = _WIRE_CREDIT.match(text)
    return match.group(1).strip() if match else None


def provenance_chain(
    quote: Quote, article: Article, citations: Iterable[Citation] = ()
) -> ProvenanceChain:
    """Outlet of ``article`` -> the outlets/agencies it relays for ``quote`` -> speaker."""
    via: list[str] = []
    credit = wire_credit(article.text)
    if credit and _fold(credit) != _fold(article.outlet):
        via.append(credit)
    para_start = article.text.rfind("\n", 0, quote.start) + 1
    near = [
        c for c in citations
        if c.article == article.id and c.kind in {"outlet", "agency"}
        and c.start >= para_start and abs(c.start - quote.start) <= CHANNEL_WINDOW
        and _fold(c.source_text) != _fold(article.outlet)
    ]
    near.sort(key=lambda c: abs(c.start - quote.start))
    for c in near:
        name = _bare(c.source_text)
        if name not in via:
            via.append(name)
    speaker = quote.speaker or quote.speaker_text
    return ProvenanceChain(quote.id, article.outlet, tuple(via), speaker)


def _bare(name: str) -> str:
    return re.sub(r"^(?:the)\s+", "", name.strip(), flags=re.IGNORECASE)


def _shingles(text: str, size: int = 5) -> set[str]:
    words = re.findall(r"[a-z0-9]+", _fold(text))
    return {" ".join(words[i:i + size]) for i in range(max(1, len(words) - size + 1))}


def syndication_groups(
    articles: Sequence[Article], threshold: float = SYNDICATION_THRESHOLD
) -> dict[str, str]:
    """Article id -> id of the first article of its group of near-duplicate texts.

    MinHash LSH proposes candidate pairs; each is confirmed on exact shingle Jaccard, so the
    result does not depend on the hashing beyond which pairs get compared. A text's MinHash
    is computed once per process (a build asks for the groups three times) and its shingles
    only when it is in a candidate pair.
    """
    from datasketch import MinHashLSH

    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)

    texts = {a.id: a.text for a in articles}
    shingled: dict[str, set[str]] = {}

    def shingles(ident: str) -> set[str]:
        if ident not in shingled:
            shingled[ident] = _shingles(texts[ident])
        return shingled[ident]

    lsh = MinHashLSH(threshold=max(0.1, threshold - 0.2), num_perm=_NUM_PERM)
    hashes: set[str] = set()
    for a in articles:
        if a.duplicate_of and a.duplicate_of in parent:
            union(a.id, a.duplicate_of)
        mh = _minhash(a.text)
        compared = 0
        # Sorted: the index answers in an order of its own, and the cap must not depend on it.
        for other in sorted(lsh.query(mh)):
            if find(other) == find(a.id):
                continue  # already one group: a wire story in 1,000 outlets costs no shingles
            if compared == MAX_SYNDICATION_CANDIDATES:
                break
            compared += 1
            if _near_copies(shingles(a.id), shingles(other), threshold):
                union(a.id, other)
        if a.id not in hashes:
            lsh.insert(a.id, mh)
            hashes.add(a.id)
    return {a.id: find(a.id) for a in articles}


def _near_copies(a: set[str], b: set[str], threshold: float) -> bool:
    """Whether two texts' shingles overlap enough (Jaccard) to make them copies."""
    return bool(a and b) and len(a & b) / len(a | b) >= threshold


_NUM_PERM = 64
#: Candidates of other groups whose shingles one article is compared with at most. Articles
#: crafted to collide in the MinHash index without being copies (or many rewrites of one
#: text) were each compared with every earlier one: the square of their number, each a
#: comparison of whole shingle sets.
MAX_SYNDICATION_CANDIDATES = 50
#: Text digest -> MinHash of its shingles, for this process; cleared when it grows past
#: :data:`_MINHASH_MEMO_SIZE` so a long-lived process stays bounded.
_MINHASH_MEMO: dict[bytes, Any] = {}
_MINHASH_MEMO_SIZE = 100_000


def _minhash(text: str) -> Any:
    """The MinHash of ``text``'s word 5-shingles (the same values as one ``update`` per
    shingle, in one vectorised batch)."""
    from datasketch import MinHash

    key = minhash_key(text)
    found = _MINHASH_MEMO.get(key)
    if found is None:
        found = MinHash(num_perm=_NUM_PERM, seed=1)
        found.update_batch([shingle.encode("utf-8") for shingle in _shingles(text)])
        if len(_MINHASH_MEMO) >= _MINHASH_MEMO_SIZE:
            _MINHASH_MEMO.clear()
        _MINHASH_MEMO[key] = found
    return found


def minhash_key(text: str) -> bytes:
    """What the process keeps a text's MinHash under: a digest of the text."""
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()


def known_minhash(key: bytes) -> Any:
    """The MinHash this process holds for the text of ``key``, or None."""
    return _MINHASH_MEMO.get(key)


def remember_minhash(key: bytes, minhash: Any) -> None:
    """Hold ``minhash`` (made elsewhere, such as read back from a store) for the text of
    ``key``: :func:`syndication_groups` then uses it instead of hashing the text's shingles."""
    if len(_MINHASH_MEMO) >= _MINHASH_MEMO_SIZE:
        _MINHASH_MEMO.clear()
    _MINHASH_MEMO[key] = minhash


def source_key(root: str, articles: Mapping[str, Article]) -> str:
    """The source that article ``root`` (the first of its syndicated copies) stands for when
    independent sources are counted: its outlet, since an outlet's second article saying the
    same thing is still one outlet's word (an outlet's self-description at the foot of each of
    its pages is no corroboration), else the article itself (an article of unknown outlet is
    a source of its own, as in the framing)."""
    article = articles.get(root)
    if article is not None and article.outlet and article.outlet != UNKNOWN_OUTLET:
        return "outlet:" + _fold(_bare(article.outlet))
    return "group:" + root


def count_independent(
    articles: Sequence[Article],
    origins: Mapping[str, str | None] | None = None,
    *,
    threshold: float = SYNDICATION_THRESHOLD,
) -> int:
    """How many independent sources ``articles`` amount to.

    Syndicated copies (near-duplicate texts, or a wire credit in the dateline) count once;
    articles whose statement is only relayed from the same origin (``origins[article id]``,
    e.g. the outlet they cite for it) count once together; so do an outlet's own articles
    (:func:`source_key`).
    """
    origins = origins or {}
    groups = syndication_groups(articles, threshold)
    by_id = {article.id: article for article in articles}
    keys: set[str] = set()
    for article in articles:
        origin = origins.get(article.id) or wire_credit(article.text)
        keys.add("origin:" + _fold(_bare(origin)) if origin
                 else source_key(groups[article.id], by_id))
    return len(keys)


# --------------------------------------------------------------------------- the pipeline


def citation_of(mention: CitationMention, entities: EntityLookup,
                outlets: frozenset[str]) -> Citation:
    """A corpus-level citation: the source as an entity id when one exists, and ``kind``
    set to outlet when the name is an outlet of the corpus."""
    kind = mention.kind
    if _fold(_bare(mention.source_text)) in outlets:
        kind = "outlet"
    source = entities.entity_of(mention.article, mention.start, mention.end) or entities.lookup(
        mention.source_text)
    return Citation(mention.article, source, mention.source_text, kind, mention.start,
                    mention.end)


def build_quotes_and_citations(
    articles: Sequence[Article],
    annotations: Sequence[DocAnnotations],
    entities: EntityLookup,
    memo: MemoStore | None = None,
) -> tuple[tuple[Quote, ...], tuple[Citation, ...]]:
    """Every quote of the corpus with its speaker resolved and ``also_in`` linked, and every
    citation with its source resolved. ``memo``: where the links are kept between builds
    (the store), if anywhere."""
    texts = {a.id: a.text for a in articles}
    outlets = frozenset(_fold(_bare(a.outlet)) for a in articles if a.outlet != "unknown")
    quotes: list[Quote] = []
    citations: list[Citation] = []
    speakers = None if memo is None else _stored_speakers(memo, entities)
    for ann in annotations:
        text = texts.get(ann.article)
        if text is None:
            continue
        if speakers is None:
            quotes.extend(resolve_speakers(text, ann.quotes, ann.mentions, entities))
        else:  # an old article whose entities answer as before keeps its stored quotes
            quotes.extend(speakers.quotes_for(text, ann.quotes, ann.mentions, resolve_speakers))
        citations.extend(citation_of(c, entities, outlets) for c in ann.citations)
    if speakers is not None and memo is not None:
        speakers.save(memo)
    return link_quotes(articles, quotes, memo), tuple(citations)


def _stored_speakers(memo: MemoStore, entities: EntityLookup) -> StoredSpeakers:
    from ..annotate import PIPELINE_VERSION
    from ..fingerprint import code_digest
    from ..stored_memo import namespace

    return StoredSpeakers(memo, namespace("speakers", code_digest(), PIPELINE_VERSION),
                          entities)
