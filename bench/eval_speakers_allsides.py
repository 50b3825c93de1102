"""How many quotes get no resolved speaker? Measured on AllSides articles.

The first ``--limit`` articles (default 200) of ``../shared/corpora/allsides/allsides_8k.jsonl.gz``
are written as text files (title, blank line, body) and run through ``sitroom extract quotes``
in process (:func:`sitroom.extract.extract`), which resolves speakers across all the files
exactly as ``build`` does. Reported: the share of quotes whose ``speaker`` is null, split by
what the article wrote as the speaker: nothing, a pronoun, an unnamed source (a description
whose head is a common word: ``critics``, ``Some``, ``Israeli officials``, ``the paper``),
or a name. An unnamed source is legitimate news practice and no entity stands for it, so
the share left unresolved is also given without them.

Run: ``PYTHONPATH=src python bench/eval_speakers_allsides.py [--limit N] [--json]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
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
_PREPOSITIONS = frozenset({"of", "for", "from", "at", "in", "with", "on", "to", "who"})
KINDS = ("none", "pronoun", "unnamed", "name")


def speaker_kind(speaker_text: str | None, common: frozenset[str] = frozenset()) -> str:
    """``none``, ``pronoun``, ``unnamed`` (a description: its head word is lower-case, or a
    capitalised first word that ``common``, the corpus's lower-case words, also holds:
    ``Some``, ``Critics``; or common words before a plural: ``Prominent Democrats``) or
    ``name``."""
    if not speaker_text or not speaker_text.strip():
        return "none"
    words = re.findall(r"[\w.'’-]+", re.split(r"[,(]", speaker_text)[0])
    if len(words) == 1 and words[0].casefold() in _PRONOUNS:
        return "pronoun"
    for i, word in enumerate(words):
        if i and word.casefold() in _PREPOSITIONS:
            words = words[:i]
            break
    if not words:
        return "unnamed"
    head = words[-1]
    if not head[:1].isupper():
        return "unnamed"
    if head.isupper():
        return "name"
    if len(words) == 1 and head.casefold() in common:
        return "unnamed"
    if head.endswith("s") and all(w.casefold() in common for w in words[:-1]):
        return "unnamed"  # a described group: ``Prominent Democrats``, ``many Republicans``
    return "name"


def measure(limit: int) -> dict[str, Any]:
    from sitroom.extract import extract

    quotes: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="sitroom-allsides-") as tmp:
        paths: list[Path] = []
        lower_words: set[str] = set()
        with gzip.open(ALLSIDES, "rt", encoding="utf-8") as handle:
            for i, line in enumerate(handle):
                if i >= limit:
                    break
                record = json.loads(line)
                path = Path(tmp) / f"{i:04d}.txt"
                path.write_text(f"{record.get('title') or ''}\n\n{record['text']}",
                                encoding="utf-8")
                paths.append(path)
                lower_words.update(re.findall(r"\b[a-z]+\b", record["text"]))
        quotes = [q for q in extract("quotes", paths) if q["kind"] == "quote"]
    unresolved: Counter[str] = Counter()
    total: Counter[str] = Counter()
    common = frozenset(lower_words)
    for q in quotes:
        kind = speaker_kind(q["speaker_text"], common)
        total[kind] += 1
        if q["speaker"] is None:
            unresolved[kind] += 1
    count = len(quotes)
    named_or_none = sum(n for kind, n in unresolved.items() if kind != "unnamed")
    return {
        "articles": limit,
        "quotes": count,
        "unresolved": sum(unresolved.values()),
        "unresolved_share": round(sum(unresolved.values()) / count, 3) if count else 0.0,
        "unresolved_not_unnamed_source": named_or_none,
        "unresolved_not_unnamed_source_share": round(named_or_none / count, 3) if count else 0.0,
        "by_speaker_kind": {
            kind: {"quotes": total[kind], "unresolved": unresolved[kind]} for kind in KINDS
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
          f"({result['unresolved_share']:.1%}); "
          f"{result['unresolved_not_unnamed_source']} "
          f"({result['unresolved_not_unnamed_source_share']:.1%}) not counting unnamed sources")
    for kind, row in result["by_speaker_kind"].items():
        label = "unnamed source" if kind == "unnamed" else kind
        print(f"  speaker written as {label:<15} {row['quotes']:>6} quotes, "
              f"{row['unresolved']:>5} unresolved")


if __name__ == "__main__":
    main()
