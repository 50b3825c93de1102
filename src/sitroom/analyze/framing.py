"""How each outlet frames the situation: the words it chooses for actors (``regime`` or
``government``, ``rebels``, ``opposition``, ``insurgents``, ``Islamists``, ``terrorists``)
and the verbs it uses for what happened to named actors and places (``liberated``,
``captured``, ``fell``).

The words come from the per-document descriptors (:mod:`sitroom.annotate.clauses`):
appositions, actor nouns with a name attached (``the Assad regime`` is about Assad's
entity), actor nouns alone, and verbs with a named argument. Each outlet's counts are scored
against all other outlets' with the log-odds ratio with an informative Dirichlet prior
(:mod:`.log_odds`); ``distinctive_terms`` keeps the words with the highest z-scores.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence

from ..stored_memo import MemoStore
from ..types import Article, DocAnnotations, Evidence, Framing, FramingTerm, FramingUse
from .article_memo import digest_of, per_article
from .log_odds import corpus_prior, log_odds_of
from .statements import SpanIndex, predicate_lexicon

TOP_TERMS = 12
#: Z-score a term needs to count as distinctive (two-sided 95%).
MIN_Z = 1.96
#: Uses a term needs from one outlet to be its choice rather than a passing word.
MIN_USES = 2
#: Prior pseudo-counts per word kind (alpha_0 = PRIOR_SCALE x vocabulary). Measured on the
#: 263 AllSides outlets (234 with one article, ``bench/eval_framing_allsides.py``): 10 left
#: all but 6 outlets without a distinctive term, BBC News's `militia` and `jihadist` (13
#: and 9 uses) barely above 1.96; 0.1 made words used once by a one-article outlet
#: distinctive (244 outlets); 1 keeps the big outlets' real choices (`militia`, `regime`,
#: `insurgent`) and gives a one-article outlet a term only when it repeats it.
PRIOR_SCALE = 1.0
_ACTOR_KINDS = frozenset({"apposition", "modifier", "noun"})


def build_framing(
    articles: Sequence[Article],
    annotations: Sequence[DocAnnotations],
    entity_spans: Mapping[tuple[str, int, int], str],
    memo: MemoStore | None = None,
) -> tuple[Framing, ...]:
    """One :class:`Framing` per outlet, outlets in alphabetical order. With ``memo`` (the
    store) and annotations read from it, each article's words are kept there between
    builds, under a digest of what they are made from (the article and the entity ids of
    its mentions): only articles not met before are read again."""
    entities = SpanIndex(entity_spans)
    event_verbs = frozenset(w for w in predicate_lexicon().classes if " " not in w)
    by_id = {a.id: a for a in articles if a.duplicate_of is None}
    counts: dict[str, Counter[tuple[str, str]]] = defaultdict(Counter)
    uses: dict[str, dict[tuple[str, str, str | None], list[Evidence]]] = defaultdict(
        lambda: defaultdict(list))

    def words_of(ann: DocAnnotations) -> list[_Word]:
        return _article_words(by_id[ann.article], ann, entities, event_verbs)

    for article_id, words in _per_article(annotations, by_id, entities, words_of, memo):
        source = _source(by_id[article_id])
        for kind, head, actor, evidence in words:
            counts[source][(kind, head)] += 1
            if evidence is not None:
                uses[source][(kind, head, actor)].append(evidence)
    total: Counter[tuple[str, str]] = Counter()
    for c in counts.values():
        total.update(c)
    total_by_key = {f"{k}:{w}": n for (k, w), n in total.items()}
    prior_by_key = corpus_prior(total_by_key, scale=PRIOR_SCALE)
    a0, n_all = sum(prior_by_key.values()), sum(total.values())
    out: list[Framing] = []
    for outlet in sorted(counts):
        mine = counts[outlet]
        mine_by_key = {f"{k}:{w}": n for (k, w), n in mine.items()}
        # Only words the outlet uses MIN_USES times can be kept, so only they are scored
        # (each as it scores against the whole vocabulary): scoring every word of the
        # corpus for every outlet grew with outlets x vocabulary.
        n_i = sum(mine.values())
        scores = log_odds_of(
            sorted(key for key, n in mine_by_key.items() if n >= MIN_USES),
            mine_by_key, _Rest(total_by_key, mine_by_key), prior_by_key,
            n_i, n_all - n_i, a0,
        )
        ranked = sorted(
            ((key, s) for key, s in scores.items() if mine.get(_split(key), 0) >= MIN_USES
             and s.z >= MIN_Z),
            key=lambda item: (-item[1].z, item[0]),
        )[:TOP_TERMS]
        terms = tuple(
            FramingTerm(term=_split(key)[1], score=round(s.delta, 4), z=round(s.z, 3),
                        kind=_split(key)[0], count=mine[_split(key)])
            for key, s in ranked
        )
        outlet_uses = tuple(
            FramingUse(
                term=head, kind=kind, actor=actor, count=len(evidence),
                articles=tuple(dict.fromkeys(e.article for e in evidence)),
                evidence=tuple({e.article: e for e in reversed(evidence)}.values())[::-1],
            )
            for (kind, head, actor), evidence in sorted(
                uses[outlet].items(), key=lambda item: (item[0][0], item[0][1], item[0][2] or ""))
        )
        out.append(Framing(outlet=outlet, distinctive_terms=terms, uses=outlet_uses))
    return tuple(out)


class _Rest(Mapping[str, int]):
    """The counts of every other outlet: the corpus's less the outlet's, read per word
    (the outlet's scores read a few words; a copy of the whole vocabulary per outlet cost
    more than the scores)."""

    def __init__(self, total: Mapping[str, int], mine: Mapping[str, int]) -> None:
        self._total = total
        self._mine = mine

    def __getitem__(self, key: str) -> int:
        left = self._total[key] - self._mine.get(key, 0)
        if left <= 0:  # as a Counter's difference, which keeps positive counts only
            raise KeyError(key)
        return left

    def __iter__(self) -> Iterator[str]:
        return (key for key in self._total if key in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)


#: One counted word of an article: (kind, head, actor id, evidence when it is listed).
_Word = tuple[str, str, str | None, Evidence | None]


def _article_words(article: Article, ann: DocAnnotations, entities: SpanIndex,
                   event_verbs: frozenset[str]) -> list[_Word]:
    """The words one article chooses, in the order its descriptors come."""
    words: list[_Word] = []
    names = [(m.start, m.end) for m in ann.mentions]
    for d in ann.descriptors:
        if d.kind != "verb" and _inside_a_name(d.start, d.end, d.text, names):
            continue  # ``States`` in ``United States``, ``Army`` in ``Syrian National Army``
        kind = "actor" if d.kind in _ACTOR_KINDS else "verb"
        if kind == "actor" and d.kind == "apposition":
            continue  # an apposition's head (``city``, ``researcher``) is a role, not a name
        actor = None
        if d.target_start is not None and d.target_end is not None:
            actor = entities.best(article.id, d.target_start, d.target_end)
        # every verb is scored; only event verbs are listed with their uses
        listed = kind != "verb" or d.head in event_verbs
        words.append((kind, d.head, actor,
                      Evidence(article.id, d.start, d.end, d.text) if listed else None))
    return words


def _per_article(
    annotations: Sequence[DocAnnotations], by_id: Mapping[str, Article], entities: SpanIndex,
    words_of: Callable[[DocAnnotations], list[_Word]], memo: MemoStore | None,
) -> Iterator[tuple[str, list[_Word]]]:
    from ..store.annotation_view import StoredAnnotations

    if memo is None or not isinstance(annotations, StoredAnnotations):
        yield from ((ann.article, words_of(ann)) for ann in annotations if ann.article in by_id)
        return

    def digest(article: str) -> str:
        return digest_of(article, entities.rows(article))

    def decode(value: str, article: str) -> list[_Word]:
        return [(kind, head, actor, None if listed is None else Evidence(article, *listed))
                for kind, head, actor, listed in json.loads(value)]

    order = [article for article in annotations.ids if article in by_id]
    yield from per_article(memo, "article_framing_words", annotations, order, digest,
                           words_of, _encode_words, decode)


def _encode_words(words: list[_Word]) -> str:
    return json.dumps(
        [(kind, head, actor, None if e is None else (e.start, e.end, e.text))
         for kind, head, actor, e in words], ensure_ascii=False, separators=(",", ":"))


def _split(key: str) -> tuple[str, str]:
    kind, _, word = key.partition(":")
    return kind, word


def _source(article: Article) -> str:
    """The outlet; an article of unknown outlet is a source of its own (named by its title,
    else its id), since lumping unknown outlets together would mix their framings."""
    if article.outlet != "unknown":
        return article.outlet
    label = (article.title or "").strip()[:60] or article.id[:12]
    return f"unknown ({label})"


def _inside_a_name(start: int, end: int, text: str, names: list[tuple[int, int]]) -> bool:
    """Whether the descriptor's head word is part of a longer name (a mention that starts
    before the head word and covers it)."""
    words = text.split()
    head_start = end - len(words[-1]) if words else start
    return any(s < head_start and e >= end for s, e in names)
