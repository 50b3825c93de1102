"""Write a synthetic store of N articles, made of copies of one built store, to disk.

    python bench/synthetic_store.py --store DIR --docs N --out NEW [--relabel]

``bench/corpus_scaling.py`` times the corpus steps on copies held in memory; this script
writes the same copies (see that script's docstring for what a copy is: fresh ids, dates
moved a month per copy, words rewritten by a copy-specific permutation, stored sentence
vectors rotated per copy) into a new store, so that a real build of it
(``sitroom build`` with nothing left to parse, or ``bench/peak_memory.py --store NEW``) runs
the corpus steps and writes the report exactly as it would on a real corpus of that size,
reading its annotations from DuckDB a slice at a time.

``--relabel``: store the annotations under the current pipeline version even if the base
store's were made by an older one (the stored parts decode the same; use it only for
measuring memory and time, never for quality figures).
"""

from __future__ import annotations

import argparse
import math
import shutil
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

#: Articles written per transaction: a bounded working set while copying.
_BATCH = 200


def write_synthetic(base_dir: Path, docs: int, out: Path, *, relabel: bool) -> int:
    """Copy the store in ``base_dir`` to ``out`` and add copies until it holds ``docs``
    annotated articles. Returns the number of articles stored."""
    import duckdb
    from corpus_scaling import _kept_words, copied_vectors, copy_article, rewriter, word_maps

    from sitroom.analyze.embed import MODEL_VERSION
    from sitroom.annotate import PIPELINE_VERSION
    from sitroom.store import Store
    from sitroom.store.codec import decode_annotations

    out.mkdir(parents=True, exist_ok=False)
    shutil.copy(base_dir / "sitroom.duckdb", out / "sitroom.duckdb")
    con = duckdb.connect(str(out / "sitroom.duckdb"))
    versions = [str(r[0]) for r in con.execute(
        "SELECT DISTINCT pipeline_version FROM annotations").fetchall()]
    if PIPELINE_VERSION not in versions:
        if not relabel:
            raise SystemExit(f"{base_dir} holds annotations of {versions}, not "
                             f"{PIPELINE_VERSION}: rebuild it, or pass --relabel")
        con.execute("UPDATE annotations SET pipeline_version = ?", [PIPELINE_VERSION])
    # The report and memo of the base build do not describe the new corpus.
    con.execute("DELETE FROM meta WHERE key = 'report_fingerprint'")
    base_rows = con.execute(
        "SELECT n.payload FROM annotations n JOIN articles a ON a.id = n.article_id "
        "WHERE n.pipeline_version = ? ORDER BY a.seq", [PIPELINE_VERSION]).fetchall()
    con.close()

    with Store.open(out) as store:
        base_articles = store.articles()
        by_id = {a.article: a for a in (decode_annotations(str(r[0])) for r in base_rows)}
        base = [(a, by_id[a.id]) for a in base_articles if a.id in by_id]
        copies = math.ceil(docs / len(base))
        texts = {a.id: a.text for a, _ in base}
        maps = word_maps((t for a, _ in base for t in (a.text, a.title or "")),
                         _kept_words(by_id.values(), texts), copies)
        vectors = copied_vectors(base_dir, base, maps, copies)

        written = len(base)
        for copy in range(1, copies):
            rewrite = rewriter(maps[copy])
            batch: list[tuple[Any, Any]] = []
            for article, ann in base:
                if written + len(batch) >= docs:
                    break
                batch.append(copy_article(article, ann, copy, rewrite))
            for offset in range(0, len(batch), _BATCH):
                part = batch[offset:offset + _BATCH]
                with store.transaction():
                    store.add_articles([a for a, _ in part],
                                       [(f"{a.id}#synthetic", a.id) for a, _ in part])
                    store.add_annotations(PIPELINE_VERSION, [n for _, n in part])
            written += len(batch)
        rows = [(d, v) for d, v in vectors.known.items() if d not in vectors.stored]
        for offset in range(0, len(rows), 5000):
            store.store_vectors(MODEL_VERSION, rows[offset:offset + 5000])  # commits itself
        return store.article_count()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--store", type=Path, required=True, help="a store built by sitroom")
    parser.add_argument("--docs", type=int, required=True, help="articles in the new store")
    parser.add_argument("--out", type=Path, required=True, help="a new folder")
    parser.add_argument("--relabel", action="store_true")
    args = parser.parse_args()
    count = write_synthetic(args.store, args.docs, args.out, relabel=args.relabel)
    print(f"{args.out}: {count} articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
