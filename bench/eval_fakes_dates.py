"""How honest are inferred publication ranges? Scored on FA-KES.

FA-KES (``../shared/corpora/fakes/fakes.csv``, cp1252) has 804 Syrian-war articles with a
crowd-annotated ``date`` (m/d/yy). For a deterministic sample of them we extract time
expressions *without* an anchor, as for an undated article, infer the publication range with
:func:`sitroom.clean.dates.infer_publication_range`, and report:

- coverage: how often a range was inferred at all;
- containment: of the inferred ranges, how often the annotated date lies inside;
- how often it lies inside once the range is stretched a week back: FA-KES annotates the date
  of the reported *event*, which often precedes publication by a few days (an AFP story dated
  Sunday 27 April reporting Saturday's raid), so containment in a publication range is
  bounded by that gap;
- the median width of the ranges, in days.

Run by hand (not part of the test suite): ``.venv/bin/python bench/eval_fakes_dates.py [N]``
with N the sample size (default 150; 0 for every article).
"""

from __future__ import annotations

import csv
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from sitroom.annotate import load_nlp
from sitroom.annotate.times import extract_times
from sitroom.clean.dates import WINDOW_DAYS, infer_publication_range

FAKES = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "fakes" / "fakes.csv"


def load_rows(path: Path) -> list[tuple[str, date]]:
    rows: list[tuple[str, date]] = []
    with path.open(encoding="cp1252", errors="replace", newline="") as handle:
        for row in csv.DictReader(handle):
            try:
                truth = datetime.strptime(row["date"].strip(), "%m/%d/%y").date()
            except ValueError:
                continue
            rows.append((row["article_content"], truth))
    return rows


def sample(rows: list[tuple[str, date]], size: int) -> list[tuple[str, date]]:
    """Every k-th row: deterministic and spread over the file's outlets."""
    if size <= 0 or size >= len(rows):
        return rows
    step = len(rows) / size
    return [rows[int(i * step)] for i in range(size)]


def main(size: int) -> None:
    if not FAKES.exists():
        sys.exit(f"{FAKES} is absent: this benchmark needs ../shared beside the checkout")
    rows = sample(load_rows(FAKES), size)
    nlp = load_nlp()
    started = time.perf_counter()
    inferred = contained = near = 0
    widths: list[int] = []
    for doc, (_, truth) in zip(nlp.pipe([text for text, _ in rows], batch_size=16), rows,
                               strict=True):
        found = infer_publication_range(extract_times(doc, "fakes", None), doc.text)
        if found is None:
            continue
        inferred += 1
        lo, hi = date.fromisoformat(found[0]), date.fromisoformat(found[1])
        widths.append((hi - lo).days + 1)
        contained += lo <= truth <= hi
        near += lo - timedelta(days=7) <= truth <= hi
    elapsed = time.perf_counter() - started
    print(f"FA-KES articles scored: {len(rows)} (window {WINDOW_DAYS} days, {elapsed:.0f} s)")
    print(f"range inferred: {inferred}/{len(rows)} ({inferred / len(rows):.1%})")
    if inferred:
        print(f"true date inside the range: {contained}/{inferred} ({contained / inferred:.1%})")
        print(f"true date inside the range stretched 7 days back: {near}/{inferred} "
              f"({near / inferred:.1%})")
        print(f"median range width: {statistics.median(widths):.0f} days")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 150)
