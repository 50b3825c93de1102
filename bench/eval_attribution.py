"""Who said what, scored on PolNeAR (``../shared/corpora/dev/attribution_polnear_train.jsonl.gz``).

Each document's text is written to a file as is and run through ``sitroom extract quotes``
in process (:func:`sitroom.extract.extract`, the code path of the CLI's ``--jsonl``). Every
predicted quote gives three spans, compared with the gold attribution's three roles:

- ``source_start``/``source_end`` (the speaker with the clause or description set off after
  the name; ``speaker_start``/``speaker_end`` where absent) against the gold *source*;
- ``cue_start``/``cue_end`` against the gold *cue*;
- ``start``/``end`` (the content) against the gold *content*; where the quote lists
  ``content_parts`` (a statement split by its own cue, ``"A," he said, "B."``), the union of
  those parts, as a gold content of several fragments is the union of its fragments.

Spans are compared by their **words** (runs of letters and digits, located by offset), so
punctuation and quotation marks at the edges do not matter. A gold role made of several
fragments counts as one span: the union of its fragments' words. For each role, the distinct
predicted spans and the distinct gold spans are scored with precision, recall and F1, twice:

- *exact*: a span matches when it has the same words as a span of the other side;
- *overlap*: a span matches when it shares a word with a span of the other side.

Beside these, **attribution** P/R/F1: a prediction counts when its content overlaps a gold
content and its speaker overlaps that same attribution's source (a gold attribution with no
source, or a prediction with no speaker, cannot count); a gold attribution is found when some
prediction counts against it. The figures for gold content inside and outside quotation marks
show how well unmarked reported speech is found (recall by content overlap alone).

Run: ``PYTHONPATH=src python bench/eval_attribution.py [--offset K] [--limit N] [--json]
[--dump FILE]``
(defaults: every document). Not part of the test suite; ``tests/eval/test_attribution_dev.py``
keeps a floor on a small fixed sample through :func:`score_documents`.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

CORPUS = (
    Path(__file__).resolve().parents[1].parent
    / "shared" / "corpora" / "dev" / "attribution_polnear_train.jsonl.gz"
)
ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+")
_QUOTE_MARKS = "\"“”„«»"

Words = frozenset[int]


def load_documents(path: Path = CORPUS, offset: int = 0, limit: int | None = None) -> list[
    dict[str, Any]
]:
    """Records ``offset`` .. ``offset + limit`` of the corpus, in file order."""
    out: list[dict[str, Any]] = []
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for i, line in enumerate(handle):
            if i < offset:
                continue
            if limit is not None and len(out) >= limit:
                break
            out.append(json.loads(line))
    return out


def words_in(text: str, fragments: Iterable[tuple[int, int]]) -> Words:
    """Start offsets of the words lying (at least partly) in any of ``fragments``."""
    found: set[int] = set()
    for start, end in fragments:
        for match in _WORD.finditer(text, start, end):
            found.add(match.start())
    return frozenset(found)


@dataclass
class Counts:
    """Matched predictions, predictions, matched gold items and gold items."""

    tp_pred: int = 0
    pred: int = 0
    tp_gold: int = 0
    gold: int = 0

    def add(self, other: Counts) -> None:
        self.tp_pred += other.tp_pred
        self.pred += other.pred
        self.tp_gold += other.tp_gold
        self.gold += other.gold

    def prf(self) -> dict[str, float]:
        p = self.tp_pred / self.pred if self.pred else 0.0
        r = self.tp_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": round(p, 3), "r": round(r, 3), "f1": round(f, 3)}


@dataclass
class Scores:
    """Counts for every figure the report prints."""

    exact: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    overlap: dict[str, Counts] = field(default_factory=lambda: {r: Counts() for r in ROLES})
    attribution: Counts = field(default_factory=Counts)
    marked: Counts = field(default_factory=Counts)
    unmarked: Counts = field(default_factory=Counts)
    documents: int = 0

    def add(self, other: Scores) -> None:
        for role in ROLES:
            self.exact[role].add(other.exact[role])
            self.overlap[role].add(other.overlap[role])
        self.attribution.add(other.attribution)
        self.marked.add(other.marked)
        self.unmarked.add(other.unmarked)
        self.documents += other.documents

    def summary(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "attribution": self.attribution.prf(),
            "exact": {r: self.exact[r].prf() for r in ROLES},
            "overlap": {r: self.overlap[r].prf() for r in ROLES},
            "content_recall_marked": self.marked.prf()["r"],
            "content_recall_unmarked": self.unmarked.prf()["r"],
            "gold_attributions": self.attribution.gold,
            "predicted_quotes": self.attribution.pred,
        }


def _role_counts(pred: Sequence[Words], gold: Sequence[Words], exact: bool) -> Counts:
    pred_set = {p for p in pred if p}
    gold_set = {g for g in gold if g}

    def hit(a: Words, b: Words) -> bool:
        return a == b if exact else bool(a & b)

    return Counts(
        tp_pred=sum(1 for p in pred_set if any(hit(p, g) for g in gold_set)),
        pred=len(pred_set),
        tp_gold=sum(1 for g in gold_set if any(hit(p, g) for p in pred_set)),
        gold=len(gold_set),
    )


def _content_fragments(quote: dict[str, Any]) -> list[tuple[int, int]]:
    """A predicted quote's content: all the parts of its statement when the extractor lists
    them (``content_parts``: a quote split by its cue), else its one span."""
    parts = quote.get("content_parts")
    if parts:
        return [(int(s), int(e)) for s, e in parts]
    return [(quote["start"], quote["end"])]


def _source_span(quote: dict[str, Any]) -> tuple[int, int]:
    """A predicted quote's source: ``source_start``/``source_end`` (the speaker as
    attribution corpora mark it, with what is set off after the name) where the extractor
    gives them, else the speaker span."""
    if quote.get("source_start") is not None:
        return int(quote["source_start"]), int(quote["source_end"])
    return int(quote["speaker_start"]), int(quote["speaker_end"])


def score_document(record: dict[str, Any], predicted: Sequence[dict[str, Any]]) -> Scores:
    """Scores of one document's predicted quotes (``extract quotes`` objects) against gold."""
    text: str = record["text"]
    gold = [
        {role: words_in(text, [(s, e) for s, e, _ in a[role]]) for role in ROLES}
        for a in record["attributions"]
    ]
    pred = [
        {
            "source": words_in(text, [_source_span(q)])
            if q.get("speaker_start") is not None else frozenset(),
            "cue": words_in(text, [(q["cue_start"], q["cue_end"])])
            if q.get("cue_start") is not None else frozenset(),
            "content": words_in(text, _content_fragments(q)),
        }
        for q in predicted if q.get("kind") == "quote"
    ]
    scores = Scores(documents=1)
    for role in ROLES:
        scores.exact[role] = _role_counts([p[role] for p in pred], [g[role] for g in gold], True)
        scores.overlap[role] = _role_counts(
            [p[role] for p in pred], [g[role] for g in gold], False
        )

    def counts(p: dict[str, Words], g: dict[str, Words]) -> bool:
        return bool(p["content"] & g["content"]) and bool(p["source"] & g["source"])

    scores.attribution = Counts(
        tp_pred=sum(1 for p in pred if any(counts(p, g) for g in gold)),
        pred=len(pred),
        tp_gold=sum(1 for g in gold if any(counts(p, g) for p in pred)),
        gold=len(gold),
    )
    for a, g in zip(record["attributions"], gold, strict=True):
        marked = any(ch in frag[2] for frag in a["content"] for ch in _QUOTE_MARKS)
        found = any(p["content"] & g["content"] for p in pred)
        bucket = scores.marked if marked else scores.unmarked
        bucket.add(Counts(tp_gold=int(found), gold=1))
    return scores


def predict(records: Sequence[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], list[
    dict[str, Any]
]]]:
    """Each record with the quotes ``sitroom extract quotes`` finds in its text."""
    from sitroom.extract import extract

    with tempfile.TemporaryDirectory(prefix="sitroom-polnear-") as tmp:
        paths: list[Path] = []
        for i, record in enumerate(records):
            path = Path(tmp) / f"{i:04d}.txt"
            # newline="" keeps the text byte for byte, so offsets line up with the gold.
            with path.open("w", encoding="utf-8", newline="") as handle:
                handle.write(record["text"])
            paths.append(path)
        by_file: dict[str, list[dict[str, Any]]] = {str(p): [] for p in paths}
        for item in extract("quotes", paths):
            by_file[item["file"]].append(item)
        for record, path in zip(records, paths, strict=True):
            yield record, by_file[str(path)]


def score_documents(
    records: Sequence[dict[str, Any]], batch: int = 40, dump: Path | None = None
) -> Scores:
    """Scores of ``records``, run through the extractor ``batch`` documents at a time;
    ``dump`` receives each document's id and predicted quotes as JSONL."""
    total = Scores()
    out = dump.open("w", encoding="utf-8") if dump else None
    try:
        for i in range(0, len(records), batch):
            for record, predicted in predict(records[i:i + batch]):
                total.add(score_document(record, predicted))
                if out:
                    out.write(json.dumps({"doc": record["doc"], "quotes": predicted}) + "\n")
    finally:
        if out:
            out.close()
    return total


def render(summary: dict[str, Any]) -> str:
    a = summary["attribution"]
    lines = [
        f"PolNeAR train, {summary['documents']} documents, "
        f"{summary['gold_attributions']} gold attributions, "
        f"{summary['predicted_quotes']} predicted quotes",
        f"attribution (content + source overlap): P {a['p']:.3f}  R {a['r']:.3f}  "
        f"F1 {a['f1']:.3f}",
        f"{'role':<9}{'exact P':>9}{'R':>7}{'F1':>7}{'overlap P':>12}{'R':>7}{'F1':>7}",
    ]
    for role in ROLES:
        e, o = summary["exact"][role], summary["overlap"][role]
        lines.append(
            f"{role:<9}{e['p']:>9.3f}{e['r']:>7.3f}{e['f1']:>7.3f}"
            f"{o['p']:>12.3f}{o['r']:>7.3f}{o['f1']:>7.3f}"
        )
    lines.append(
        f"content recall (overlap): within quote marks {summary['content_recall_marked']:.3f}, "
        f"without {summary['content_recall_unmarked']:.3f}"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--offset", type=int, default=0, help="first document (0-based)")
    parser.add_argument("--limit", type=int, default=None, help="number of documents")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--dump", type=Path, default=None,
                        help="write each document's predicted quotes to this JSONL file")
    args = parser.parse_args(argv)
    if not CORPUS.exists():
        sys.exit(f"{CORPUS} is absent: this evaluation needs ../shared beside the checkout")
    records = load_documents(CORPUS, args.offset, args.limit)
    summary = score_documents(records, dump=args.dump).summary()
    print(json.dumps(summary, indent=2) if args.json else render(summary))


if __name__ == "__main__":
    main()
