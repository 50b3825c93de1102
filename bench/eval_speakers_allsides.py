"""How many quotes get no resolved speaker? Measured on AllSides articles.

The first ``--limit`` articles (default 200) of ``../shared/corpora/allsides/allsides_8k.jsonl.gz``
are written as text files (title, blank line, body) and run through ``sitroom extract quotes``
in process (:func:`sitroom.extract.extract`), which resolves speakers across all the files
exactly as ``build`` does. Reported: the share of quotes whose ``speaker`` is null, split by
what the article wrote as the speaker (nothing, a pronoun, a description, a name).

Run: ``PYTHONPATH=src python bench/eval_speakers_allsides.py [--limit N] [--json]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

ALLSIDES = (
    Path(__file__).resolve().parents[1].parent
    / "shared" / "corpora" / "allsides" / "allsides_8k.jsonl.gz"
)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you", "who", "him", "her", "them"})


def speaker_kind(speaker_text: str | None) -> str:
    """``none``, ``pronoun``, ``description`` (lower-case head) or ``name``."""
    if not speaker_text or not speaker_text.strip():
        return "none"
    words = speaker_text.split()
    if len(words) == 1 and words[0].casefold() in _PRONOUNS:
        return "pronoun"
    rest = words[1:] if words[0].casefold() in {"the", "a", "an", "this", "that"} else words
    if not any(w[:1].isupper() for w in rest):
        return "description"
    return "name"


def measure(limit: int) -> dict[str, Any]:
    from sitroom.extract import extract

    quotes: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="sitroom-allsides-") as tmp:
        paths: list[Path] = []
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if i >= limit:
                    break
                record = json.loads(line)
                path = Path(tmp) / f"{i:04d}.txt"
                path.write_text(f"{record.get('title') or ''}\n\n{record['text']}",
                                encoding="utf-8")
                paths.append(path)
        quotes = [q for q in extract("quotes", paths) if q["kind"] == "quote"]
    unresolved: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for q in quotes:
        kind = speaker_kind(q["speaker_text"])
        total[kind] += 1
        if q["speaker"] is None:
            unresolved[kind] += 1
    count = len(quotes)
    return {
        "articles": limit,
        "quotes": count,
        "unresolved": sum(unresolved.values()),
        "unresolved_share": round(sum(unresolved.values()) / count, 3) if count else 0.0,
        "by_speaker_kind": {
            kind: {"quotes": total[kind], "unresolved": unresolved[kind]}
            for kind in ("none", "pronoun", "description", "name")
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=200, help="number of articles")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not ALLSIDES.exists():
        sys.exit(f"{ALLSIDES} is absent: this measure needs ../shared beside the checkout")
    result = measure(args.limit)
    if args.json:
        print(json.dumps(result, indent=2))
        return
    print(f"AllSides, first {result['articles']} articles: {result['quotes']} quotes, "
          f"{result['unresolved']} without a resolved speaker "
          f"({result['unresolved_share']:.1%})")
    for kind, row in result["by_speaker_kind"].items():
        print(f"  speaker written as {kind:<12} {row['quotes']:>6} quotes, "
              f"{row['unresolved']:>5} unresolved")


if __name__ == "__main__":
    main()
