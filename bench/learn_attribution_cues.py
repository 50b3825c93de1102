"""Rebuild ``src/sitroom/data/attribution_cues.tsv`` from the PolNeAR training split.

Every verb of the first ``--limit`` documents (default 400: the tuning part; documents 400 on
are kept for checking) is parsed with sitroom's spaCy pipeline and given its frame
(:func:`sitroom.annotate.cue_lexicon.frame_of`). A verb is a *positive* when it lies inside a
gold cue. A (lemma, frame) pair is written when it was positive at least ``--min-count``
times and in at least ``--min-precision`` of its uses.

Run: ``PYTHONPATH=src python bench/learn_attribution_cues.py [--limit N]``.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from eval_attribution import CORPUS, load_documents

from sitroom.annotate import load_nlp
from sitroom.annotate.cue_lexicon import frame_of

OUT = Path(__file__).resolve().parents[1] / "src" / "sitroom" / "data" / "attribution_cues.tsv"

HEADER = """\
# Verbs that introduce attributed content, by frame (see sitroom.annotate.cue_lexicon).
# Learned from the PolNeAR training split (Newell, Margolin & Ruths, LREC 2018), documents
# 0-{last}, by bench/learn_attribution_cues.py: a (lemma, frame) pair is kept when the verb was
# inside a gold cue at least {min_count} times and in at least {min_precision:.0%} of its uses.
# The corpus states no licence; only these word statistics are derived from it.
# lemma\tframe\tcue\tuses
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=400)
    parser.add_argument("--min-count", type=int, default=3)
    parser.add_argument("--min-precision", type=float, default=0.33)
    args = parser.parse_args()
    records = load_documents(CORPUS, 0, args.limit)
    nlp = load_nlp()
    positive: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    for record, doc in zip(records, nlp.pipe(r["text"] for r in records), strict=True):
        cues = [(s, e) for a in record["attributions"] for s, e, _ in a["cue"]]
        for token in doc:
            if token.pos_ != "VERB":
                continue
            key = (token.lemma_.lower(), frame_of(token)[0])
            total[key] += 1
            if any(s <= token.idx < e for s, e in cues):
                positive[key] += 1
    rows = sorted(
        (lemma, frame, positive[(lemma, frame)], total[(lemma, frame)])
        for lemma, frame in positive
        if frame != "none"
        and positive[(lemma, frame)] >= args.min_count
        and positive[(lemma, frame)] >= args.min_precision * total[(lemma, frame)]
    )
    OUT.write_text(
        HEADER.format(last=len(records) - 1, min_count=args.min_count,
                      min_precision=args.min_precision)
        + "".join(f"{lemma}\t{frame}\t{cue}\t{uses}\n" for lemma, frame, cue, uses in rows),
        encoding="utf-8",
    )
    print(f"{len(rows)} (lemma, frame) pairs written to {OUT}")


if __name__ == "__main__":
    main()
