"""Corpus-level steps at 1,000 to 8,000 articles, from one built store by synthetic replication.

    python bench/corpus_scaling.py --store DIR [--sizes 1000,2000,4000,8000] [--json]
        [--svg docs/corpus_scaling.svg]

Annotating 8,000 articles takes hours on a small machine, while the corpus-level steps
(entities, places, quote linking, events, stories, claims and framing: what
:func:`sitroom.pipeline.assemble_report` runs after the per-document stage) only need the
stored annotations. So this script takes the articles and annotations of one store built by
``sitroom build`` (say the first 500 AllSides articles) and makes a corpus of each size from
copies of them, then times the steps on it as ``bench/corpus_steps.py`` does, each size in a
fresh process, recording CPU seconds per step and the peak resident memory while the steps
ran.

What a copy is. Copy 0 is the store as built. Copy ``k`` of an article has a fresh id, its
dates (publication day, date range, every resolved time value of the form ``YYYY-MM[-DD]``)
moved ``k`` whole months later, and its words rewritten by a copy-specific permutation of the
corpus's own vocabulary: each word that is not a stop word, not two letters or shorter,
not mostly tagged as part of a place name, not a month or a day name, and not in one of
sitroom's lexicons of what a passage is (attribution cues, event triggers, denials, modality
and intention words, name prefixes), is replaced by another such word of the same length
(case kept letter by letter), the same one wherever it occurs in that copy. The same rewrite
is applied to the text fields of the annotations, and lengths are kept, so every stored span
still points at its words. A copy keeps the structure of real news (the same outlets and
places, the same cues and sentence shapes, the same word-frequency profile) while its
people, organisations and most content words are other words of the corpus, so its quotes,
claims, entities and stories mostly do not coincide with the original's. Mostly: a statement
made of kept words (``from day one``, a place and a title) still matches its copies, so some
links and merges do cross copies (the script's sanity figures are in bench/results.md).
Embeddings of copy ``k``'s statements are those the store kept for the original statements,
rotated by a copy-specific random rotation about the corpus's mean vector: within a copy the
geometry is the real one, across copies the statements are as far apart as unrelated ones.
Vectors are looked up as a rebuild reads them from the store (the model is not run).

What it does not show: the cost of annotating new articles (not run at all), or how the steps
behave on a corpus with 8,000 different articles' worth of distinct names, places and stories:
the vocabulary and the places stay those of the base store, and each copy's events happen in
the same places (with other actors, a month apart), so blocking keys on places are denser
than in a real corpus while word and name keys are as sparse as in the base. It measures how
the steps' cost grows with the number of articles, not what they find. Exponents between
sizes are log(t2/t1) / log(n2/n1) of CPU time: 1 is linear, 2 quadratic.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import math
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

STEPS = ("entities", "places", "quotes", "events", "stories", "findings")

_WORD = re.compile(r"[A-Za-z]+")
#: Annotation fields that hold words of the article (rewritten with the text).
_TEXT_FIELDS = frozenset({
    "text", "speaker_text", "source_text", "subject_text", "object_text", "object_lemmas",
    "short", "long", "counted", "affiliation", "head",
})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_CALENDAR = frozenset((
    "january", "february", "march", "april", "may", "june", "july",
    "august", "september", "october", "november", "december",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "today", "yesterday", "tomorrow",
))
_DATE = re.compile(r"\A(\d{4})-(\d{2})(?:-(\d{2}))?")


# --------------------------------------------------------------------------- replication


def shift_date(value: str | None, months: int) -> str | None:
    """``YYYY-MM[-DD]...`` moved ``months`` later (days past the 28th become the 28th)."""
    if not value or not months:
        return value
    match = _DATE.match(value)
    if not match:
        return value
    total = int(match.group(1)) * 12 + int(match.group(2)) - 1 + months
    head = f"{total // 12:04d}-{total % 12 + 1:02d}"
    if match.group(3):
        head += f"-{min(int(match.group(3)), 28):02d}"
    return head + value[match.end():]


def _kept_words(annotations: Iterable[Any], texts: dict[str, str]) -> set[str]:
    """Words no copy rewrites: stop words, calendar words, the words of place names, and
    the words of the lexicons that say what a passage is (attribution cues, event triggers,
    denials, modality and intention words, name prefixes such as titles), so that a copy's
    quotes, events and claims are found as the original's are."""
    from sitroom.analyze.words import REPORTING_WORDS, STOPWORDS

    kept = set(STOPWORDS) | set(REPORTING_WORDS) | _CALENDAR
    # A word is a place word when the model tags it as part of a place more often than as
    # part of anything else (one ``Trump`` tagged GPE does not keep Trump in every copy).
    votes: dict[str, int] = {}
    for ann in annotations:
        text = texts.get(ann.article, "")
        for m in ann.mentions:
            vote = 1 if m.label in _PLACE_LABELS else -1
            for w in _WORD.findall(text[m.start:m.end]):
                votes[w.lower()] = votes.get(w.lower(), 0) + vote
    kept.update(word for word, vote in votes.items() if vote > 0)
    data = ROOT / "src" / "sitroom" / "data"
    for path in sorted(_LEXICONS):
        kept.update(_lexicon_words(data / path))
    return kept


#: The lexicon files (under src/sitroom/data) whose words every copy keeps.
_LEXICONS = (
    "attribution_cues.tsv", "name_prefixes.csv", "claims/denials.json",
    "claims/intentions.txt", "claims/modality.json", "events/event_triggers.csv",
)


def _lexicon_words(path: Path) -> set[str]:
    """The lower-case words of a lexicon file, leaving out its comments and documentation."""
    if not path.exists():
        return set()
    if path.suffix == ".json":
        def strings(item: Any) -> Iterable[str]:
            if isinstance(item, str):
                yield item
            elif isinstance(item, list):
                for x in item:
                    yield from strings(x)
            elif isinstance(item, dict):
                for key, value in item.items():
                    if not key.startswith("_"):
                        yield key
                        yield from strings(value)
        found = strings(json.loads(path.read_text(encoding="utf-8")))
    else:
        found = (line for line in path.read_text(encoding="utf-8").splitlines()
                 if not line.lstrip().startswith("#"))
    return {w.lower() for text in found for w in _WORD.findall(text)}


def word_maps(texts: Iterable[str], kept: set[str], copies: int) -> list[dict[str, str]]:
    """For each copy after the first, a permutation of the rewritable vocabulary that keeps
    each word's length (copy 0 is the identity: an empty map)."""
    by_length: dict[int, list[str]] = {}
    seen: set[str] = set()
    for text in texts:
        for word in _WORD.findall(text):
            lowered = word.lower()
            if lowered in seen or lowered in kept or len(lowered) <= 2:
                continue
            seen.add(lowered)
            by_length.setdefault(len(lowered), []).append(lowered)
    maps: list[dict[str, str]] = [{}]
    for copy in range(1, copies):
        rng = random.Random(copy)
        mapping: dict[str, str] = {}
        for words in by_length.values():
            ordered = sorted(words)
            shuffled = ordered[:]
            rng.shuffle(shuffled)
            mapping.update(zip(ordered, shuffled, strict=True))
        maps.append(mapping)
    return maps


def rewriter(mapping: dict[str, str]) -> Callable[[str], str]:
    """A function that rewrites a text's words by ``mapping``, keeping each letter's case."""
    def replace_word(match: re.Match[str]) -> str:
        word = match.group(0)
        other = mapping.get(word.lower())
        if other is None:
            return word
        return "".join(o.upper() if w.isupper() else o for w, o in zip(word, other, strict=True))

    def rewrite(text: str) -> str:
        return _WORD.sub(replace_word, text) if mapping else text

    return rewrite


def _rewrite_payload(item: Any, rewrite: Callable[[str], str], ident: str, months: int) -> Any:
    if isinstance(item, list):
        return [_rewrite_payload(x, rewrite, ident, months) for x in item]
    if not isinstance(item, dict):
        return item
    out: dict[str, Any] = {}
    for key, value in item.items():
        if key == "article":
            out[key] = ident
        elif key in _TEXT_FIELDS and isinstance(value, str):
            out[key] = rewrite(value)
        elif key == "value" and isinstance(value, str):
            out[key] = shift_date(value, months)
        else:
            out[key] = _rewrite_payload(value, rewrite, ident, months)
    return out


def copy_article(article: Any, ann: Any, copy: int, rewrite: Callable[[str], str]) -> Any:
    """Copy ``copy`` of an article and its annotations (see the module's docstring)."""
    from sitroom.store.codec import decode_annotations, encode_annotations

    if copy == 0:
        return article, ann
    ident = f"{article.id}.c{copy}"
    date_range = article.date_range
    if date_range:
        date_range = (shift_date(date_range[0], copy), shift_date(date_range[1], copy))
    new_article = dataclasses.replace(
        article, id=ident, text=rewrite(article.text),
        title=rewrite(article.title) if article.title else article.title,
        url=f"{article.url}#copy{copy}" if article.url else None,
        published=shift_date(article.published, copy), date_range=date_range,
        duplicate_of=f"{article.duplicate_of}.c{copy}" if article.duplicate_of else None,
    )
    payload = _rewrite_payload(json.loads(encode_annotations(ann)), rewrite, ident, copy)
    return new_article, decode_annotations(json.dumps(payload))


# --------------------------------------------------------------------------- embeddings


class CopiedVectors:
    """A vector cache holding, for every statement the base store embedded and every copy,
    the copy's rewrite of the text -> the stored vector turned by the copy's rotation."""

    def __init__(self, base: dict[str, str], vectors: dict[str, Any], maps: Sequence[Any],
                 copies: int) -> None:
        import numpy as np

        from sitroom.analyze.vectors import text_digest

        self.known: dict[str, bytes] = {}
        #: digests the base store already holds (a store of copies adds only the others)
        self.stored = frozenset(vectors)
        self.misses = 0
        if not vectors:
            return
        matrix = np.stack(list(vectors.values()))
        mean = matrix.mean(axis=0)
        for copy in range(copies):
            rotation = _rotation(len(mean), copy)
            rewrite = rewriter(maps[copy])
            for digest, text in base.items():
                vector = vectors[digest]
                turned = mean + rotation @ (vector - mean) if copy else vector
                turned = turned / (np.linalg.norm(turned) or 1.0)
                self.known[text_digest(rewrite(text))] = turned.astype(np.float32).tobytes()

    def stored_vectors(self, model: str, digests: Sequence[str]) -> dict[str, bytes]:
        found = {d: self.known[d] for d in digests if d in self.known}
        self.misses += len(set(digests)) - len(found)
        return found

    def stored_digests(self, model: str, digests: Sequence[str]) -> set[str]:
        found = {d for d in digests if d in self.known}
        self.misses += len(set(digests)) - len(found)
        return found

    def store_vectors(self, model: str, rows: Sequence[tuple[str, bytes]]) -> None:
        self.known.update(rows)


def _rotation(size: int, seed: int) -> Any:
    import numpy as np

    if not seed:
        return np.eye(size)
    q, r = np.linalg.qr(np.random.default_rng(seed).standard_normal((size, size)))
    return q * np.sign(np.diag(r))


def _statement_texts(store_dir: Path) -> tuple[dict[str, str], dict[str, Any]]:
    """Digest -> text for the texts whose vectors the store kept, and digest -> vector.

    The store keeps digests, not texts, so the texts are found by running the claims step
    once over the base corpus with a cache that records what it is asked for."""
    import duckdb
    import numpy as np

    from sitroom.analyze import vectors as vector_module
    from sitroom.analyze.embed import MODEL_VERSION

    con = duckdb.connect(str(store_dir / "sitroom.duckdb"), read_only=True)
    try:
        rows = con.execute("SELECT digest, vector FROM text_vectors WHERE model = ?",
                           [MODEL_VERSION]).fetchall()
    finally:
        con.close()
    vectors = {str(d): np.frombuffer(bytes(v), dtype=np.float32) for d, v in rows}
    texts: dict[str, str] = {}
    original = vector_module.text_digest

    def recording(text: str) -> str:
        digest = original(text)
        if digest in vectors:
            texts[digest] = text
        return digest

    vector_module.text_digest = recording
    return texts, vectors


# --------------------------------------------------------------------------- one size


class PeakRss:
    """Samples this process's resident memory in a thread; ``peak`` is the highest seen."""

    def __init__(self, every: float = 0.05) -> None:
        self.every, self.peak, self._stop = every, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def now() -> int:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    def _run(self) -> None:
        while not self._stop.is_set():
            self.peak = max(self.peak, self.now())
            self._stop.wait(self.every)

    def __enter__(self) -> PeakRss:
        self.peak = self.now()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.peak = max(self.peak, self.now())


def measure_one(store_dir: Path, size: int) -> dict[str, Any]:
    """Build the corpus of ``size`` articles from the store and time the steps on it."""
    from corpus_steps import run_steps

    from sitroom.annotate import PIPELINE_VERSION
    from sitroom.store import Store

    with Store.open(store_dir) as store:
        base_articles = store.articles()
        base_annotations = store.annotations(PIPELINE_VERSION)
    by_id = {a.article: a for a in base_annotations}
    base = [(a, by_id[a.id]) for a in base_articles if a.id in by_id]
    copies = math.ceil(size / len(base))
    texts = {a.id: a.text for a, _ in base}
    maps = word_maps((t for a, _ in base for t in (a.text, a.title or "")),
                     _kept_words(by_id.values(), texts), copies)
    articles: list[Any] = []
    annotations: list[Any] = []
    for copy in range(copies):
        rewrite = rewriter(maps[copy])
        for article, ann in base:
            if len(articles) == size:
                break
            new_article, new_ann = copy_article(article, ann, copy, rewrite)
            articles.append(new_article)
            annotations.append(new_ann)

    cache = copied_vectors(store_dir, base, maps, copies)

    # A small untimed pass first: models, gazetteer and caches load on first use.
    run_steps(articles[:5], annotations[:5], cache)
    cache.misses = 0
    with PeakRss() as rss:
        before = rss.peak
        seconds = run_steps(articles, annotations, cache)
    return {
        "articles": size, "base_articles": len(base), "copies": copies,
        "seconds": {s: round(seconds[s], 3) for s in STEPS},
        "cpu_seconds": {s: round(seconds[s + "_cpu"], 3) for s in STEPS},
        "found": {k[6:]: int(v) for k, v in seconds.items() if k.startswith("found_")},
        "rss_before_mib": round(before / 2**20), "peak_rss_mib": round(rss.peak / 2**20),
        "vector_misses": cache.misses,
    }


def copied_vectors(store_dir: Path, base: list[Any], maps: list[Any], copies: int
                   ) -> CopiedVectors:
    """The store's vectors, served for the copies' rewritten statements. Which statements
    the store embedded comes from one untimed claims pass over the base corpus, kept in a
    file beside the store so that the next size (or script) reads it instead."""
    from corpus_steps import run_steps

    from sitroom.analyze import vectors as vector_module
    from sitroom.analyze.events import mark_duplicates
    from sitroom.pipeline import date_undated

    original_digest = vector_module.text_digest
    statement_texts, stored = _statement_texts(store_dir)
    known = store_dir / "statement_texts.json"
    if known.exists():
        statement_texts.update(json.loads(known.read_text(encoding="utf-8")))
    else:
        base_kept = mark_duplicates(date_undated([a for a, _ in base], [n for _, n in base]))
        run_steps(base_kept, [n for _, n in base], _NoVectors(stored))
        known.write_text(json.dumps(statement_texts), encoding="utf-8")
    vector_module.text_digest = original_digest
    return CopiedVectors(statement_texts, stored, maps, copies)


class _NoVectors:
    """The stored vectors by digest, for the untimed pass that learns the statements' texts."""

    def __init__(self, stored: dict[str, Any]) -> None:
        self.stored = stored

    def stored_vectors(self, model: str, digests: Sequence[str]) -> dict[str, bytes]:
        return {d: self.stored[d].tobytes() for d in digests if d in self.stored}

    def stored_digests(self, model: str, digests: Sequence[str]) -> set[str]:
        return {d for d in digests if d in self.stored}

    def store_vectors(self, model: str, rows: Sequence[tuple[str, bytes]]) -> None:
        return None


# --------------------------------------------------------------------------- report


def exponent(small: float, large: float, n_small: float, n_large: float) -> float | None:
    if small <= 0 or large <= 0 or n_small == n_large:
        return None
    return round(math.log(large / small) / math.log(n_large / n_small), 2)


def write_svg(rows: Sequence[dict[str, Any]], path: Path) -> None:
    """A log-log plot of CPU seconds per step against articles, with a linear guide."""
    width, height, left, right, top, bottom = 640, 420, 60, 130, 20, 50
    sizes = [r["articles"] for r in rows]
    values = [r["cpu_seconds"][s] for r in rows for s in STEPS if r["cpu_seconds"][s] > 0]
    totals = [sum(r["cpu_seconds"].values()) for r in rows]
    low, high = math.log10(min(values)), math.log10(max(totals))
    low, high = math.floor(low), math.ceil(high)
    xs_low, xs_high = math.log10(min(sizes)), math.log10(max(sizes))

    def x(n: float) -> float:
        span = (xs_high - xs_low) or 1.0
        return left + (math.log10(n) - xs_low) / span * (width - left - right)

    def y(v: float) -> float:
        return top + (high - math.log10(v)) / (high - low) * (height - top - bottom)

    colours = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#000000")
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
    ]
    for power in range(low, high + 1):
        yy = y(10 ** power)
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{yy:.1f}" y2="{yy:.1f}" '
                     'stroke="#ddd"/>')
        parts.append(f'<text x="{left - 6}" y="{yy + 4:.1f}" text-anchor="end">'
                     f'{10 ** power:g}</text>')
    for n in sizes:
        parts.append(f'<line x1="{x(n):.1f}" x2="{x(n):.1f}" y1="{top}" '
                     f'y2="{height - bottom}" stroke="#eee"/>')
        parts.append(f'<text x="{x(n):.1f}" y="{height - bottom + 16}" '
                     f'text-anchor="middle">{n:,}</text>')
    parts.append(f'<text x="{(left + width - right) / 2:.0f}" y="{height - 12}" '
                 'text-anchor="middle">articles (log scale)</text>')
    parts.append(f'<text x="14" y="{(top + height - bottom) / 2:.0f}" text-anchor="middle" '
                 f'transform="rotate(-90 14 {(top + height - bottom) / 2:.0f})">'
                 'CPU seconds (log scale)</text>')
    series = [(s, [r["cpu_seconds"][s] for r in rows]) for s in STEPS] + [("total", totals)]
    for (name, points), colour in zip(series, colours, strict=True):
        path_points = " ".join(f"{x(n):.1f},{y(max(v, 10 ** low)):.1f}"
                               for n, v in zip(sizes, points, strict=True))
        parts.append(f'<polyline points="{path_points}" fill="none" stroke="{colour}" '
                     'stroke-width="2"/>')
        last = y(max(points[-1], 10 ** low))
        parts.append(f'<text x="{width - right + 6}" y="{last + 4:.1f}" fill="{colour}">'
                     f'{name}</text>')
    # Linear growth from the first total: where a linear step would be.
    guide = " ".join(f"{x(n):.1f},{y(totals[0] * n / sizes[0]):.1f}" for n in sizes)
    parts.append(f'<polyline points="{guide}" fill="none" stroke="#999" '
                 'stroke-dasharray="5,4"/>')
    parts.append(f'<text x="{left + 6}" y="{top + 12}" fill="#666">dashed: total if linear '
                 'from the smallest size</text>')
    parts.append("</svg>")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(parts) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path,
                        help="a folder built by sitroom build (the base corpus); without it "
                        "the first --base AllSides articles are built first (a while)")
    parser.add_argument("--base", type=int, default=500,
                        help="articles of the base store built when --store is not given")
    parser.add_argument("--sizes", default="1000,2000,4000,8000", help="articles per corpus")
    parser.add_argument("--svg", type=Path, help="write a log-log plot of the steps here")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--rows", type=Path,
                        help="append each size's measurement to this file as a JSON line")
    parser.add_argument("--report", type=Path,
                        help="measure nothing: print the table (and --svg) of a --rows file")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # one size, in this process
    args = parser.parse_args()
    if args.report:
        lines = args.report.read_text(encoding="utf-8").splitlines()
        found = sorted((json.loads(line) for line in lines if line.strip()),
                       key=lambda row: row["articles"])
        return report(found, args.svg, as_json=args.json)
    scratch = Path(tempfile.mkdtemp(prefix="sitroom-scaling-"))
    if args.store is None and not args.one:
        from corpus_steps import build_store

        print(f"building the base store of {args.base} AllSides articles", file=sys.stderr)
        (scratch / "base").mkdir()
        store_dir = build_store(args.base, scratch / "base")
    else:
        store_dir = args.store
    if not (store_dir / "sitroom.duckdb").exists():
        print(f"{store_dir} holds no sitroom.duckdb: build one with sitroom build --out DIR",
              file=sys.stderr)
        return 2
    if args.one:
        shutil.rmtree(scratch, ignore_errors=True)
        print(json.dumps(measure_one(store_dir, args.one)))
        return 0

    sizes = sorted({int(part) for part in args.sizes.split(",") if part.strip()})
    rows: list[dict[str, Any]] = []
    try:
        for name in ("sitroom.duckdb", "sitroom.duckdb.wal"):  # the original stays untouched
            if (store_dir / name).exists():
                shutil.copy(store_dir / name, scratch / name)
        for size in sizes:
            # Each size in a fresh process, so that its peak memory is its own.
            done = subprocess.run(
                [sys.executable, __file__, "--store", str(scratch), "--one", str(size)],
                check=True, capture_output=True, text=True,
            )
            row = json.loads(done.stdout.strip().splitlines()[-1])
            rows.append(row)
            if args.rows:
                with args.rows.open("a", encoding="utf-8") as sink:
                    sink.write(json.dumps(row) + "\n")
            print(f"measured {size} articles: " + ", ".join(
                f"{s} {row['cpu_seconds'][s]:.2f}" for s in STEPS)
                + f"; peak RSS {row['peak_rss_mib']} MiB", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return report(rows, args.svg, as_json=args.json)


def report(rows: Sequence[dict[str, Any]], svg: Path | None, *, as_json: bool) -> int:
    """Print the measurements (a table, or one JSON object) and write the plot."""
    growth = [
        {"from": a["articles"], "to": b["articles"], **{
            s: exponent(a["cpu_seconds"][s], b["cpu_seconds"][s], a["articles"], b["articles"])
            for s in STEPS},
         "total": exponent(sum(a["cpu_seconds"].values()), sum(b["cpu_seconds"].values()),
                           a["articles"], b["articles"])}
        for a, b in itertools.pairwise(rows)
    ]
    if svg:
        write_svg(rows, svg)
    if as_json:
        print(json.dumps({"rows": rows, "growth_exponent": growth}))
        return 0
    print("CPU seconds per step (synthetic copies of the base store's articles)")
    print("articles " + " ".join(f"{s:>9}" for s in STEPS) + "     total  peak MiB")
    for r in rows:
        total = sum(r["cpu_seconds"].values())
        print(f"{r['articles']:>8} " + " ".join(f"{r['cpu_seconds'][s]:>9.2f}" for s in STEPS)
              + f" {total:>9.2f} {r['peak_rss_mib']:>9}")
    for item in growth:
        print(f"exponent {item['from']}->{item['to']}: " + " ".join(
            f"{s} {item[s]}" for s in (*STEPS, "total")))
    for r in rows:
        print(f"{r['articles']} articles ({r['copies']} copies) found: " + ", ".join(
            f"{name.replace('_', ' ')} {value}" for name, value in r["found"].items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
