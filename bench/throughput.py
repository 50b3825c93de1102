"""Throughput of a whole build against plain spaCy on the same texts, in the same run.

    python bench/throughput.py --docs N [--workers W] [--json]

Takes the first N articles of the AllSides sample (``../shared/corpora/allsides``), writes
them to a JSONL file and times:

- ``spacy``: plain ``nlp.pipe`` with the same model (``en_core_web_sm``) over the same texts
  (the cleaned article texts the build parses), in this process;
- ``pipeline``: a fresh ``sitroom.build`` of the file into a new folder (read, clean,
  annotate, resolve, analyse, write the report), in this process with ``--workers W``.

``ratio`` is pipeline docs/s over spaCy docs/s: 1.0 would mean the whole build costs no more
than parsing. Both are run in turns, best of ``--rounds``, so other work on the machine hits
both alike. The models sitroom needs (its spaCy pipeline with the place gazetteer, the
language identifier and the sentence-embedding model of the claims step) are loaded before
the clock starts, as the plain model is: loading is a cost per process, not per document.

Wall time on a machine shared with other work is noisy, so the JSON also carries CPU seconds
per article of each side (this process and the build's worker processes, all threads) and
their ratio, ``cpu_ratio``, the figure that carries over to a dedicated machine. Prints the
ratio line (with ``--json``, one JSON object).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from allsides import ALLSIDES, cpu_seconds, write_sample  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200, help="articles (default 200)")
    parser.add_argument("--workers", type=int, default=1, help="build workers (default 1)")
    parser.add_argument("--rounds", type=int, default=1, help="best of this many rounds")
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    args = parser.parse_args()
    if not ALLSIDES.exists():
        print(f"{ALLSIDES} is absent: put ../shared beside the checkout", file=sys.stderr)
        return 2

    import spacy

    from sitroom import Options, build, pipeline
    from sitroom.analyze.embed import load_model
    from sitroom.annotate import load_nlp
    from sitroom.annotate.nlp import MODEL_PACKAGE, PARSE_BATCH
    from sitroom.clean.language import detect_language

    scratch = Path(tempfile.mkdtemp(prefix="sitroom-throughput-"))
    try:
        sample = write_sample(args.docs, scratch)
        plain = spacy.load(MODEL_PACKAGE)
        load_nlp()
        load_model()
        detect_language("Loading the language identifier is not part of any article's cost.")
        best_build = best_spacy = float("inf")
        cpu_build = cpu_spacy = float("inf")
        texts: list[str] = []
        articles = 0
        for round_number in range(args.rounds):
            out = scratch / f"build-{round_number}"
            started, cpu = time.perf_counter(), cpu_seconds()
            result = build([sample], out, Options(quiet=True, workers=args.workers))
            best_build = min(best_build, time.perf_counter() - started)
            cpu_build = min(cpu_build, cpu_seconds() - cpu)
            articles = result.articles_total
            if not texts:
                texts = [a.text for a in pipeline.articles(out)]
            started, cpu = time.perf_counter(), cpu_seconds()
            for _ in plain.pipe(texts, batch_size=PARSE_BATCH):
                pass
            best_spacy = min(best_spacy, time.perf_counter() - started)
            cpu_spacy = min(cpu_spacy, cpu_seconds() - cpu)
            shutil.rmtree(out)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    pipeline_rate = articles / best_build
    spacy_rate = len(texts) / best_spacy
    line = {
        "docs": articles,
        "pipeline_docs_per_s": round(pipeline_rate, 2),
        "spacy_docs_per_s": round(spacy_rate, 2),
        "ratio": round(pipeline_rate / spacy_rate, 3),
        "pipeline_cpu_s_per_doc": round(cpu_build / max(1, articles), 4),
        "spacy_cpu_s_per_doc": round(cpu_spacy / max(1, len(texts)), 4),
        "cpu_ratio": round((cpu_spacy / max(1, len(texts))) / (cpu_build / max(1, articles)), 3),
    }
    if args.json:
        print(json.dumps(line))
    else:
        print(
            f"{line['docs']} docs: build {line['pipeline_docs_per_s']} docs/s, plain spaCy "
            f"{line['spacy_docs_per_s']} docs/s, ratio {line['ratio']} (CPU: build "
            f"{line['pipeline_cpu_s_per_doc']} s/doc, spaCy {line['spacy_cpu_s_per_doc']} "
            f"s/doc, ratio {line['cpu_ratio']})"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
