"""The lookups by start offset that keep event extraction linear in the article (each
trigger once looked at every time of the article, each sentence at every event) answer as
the scans they replaced."""

from __future__ import annotations

import random

from sitroom.annotate.events import _ByStart


def test_lookup_by_start_answers_as_a_scan_in_the_original_order() -> None:
    rng = random.Random(11)
    for _ in range(200):
        starts = [rng.randint(0, 300) for _ in range(rng.randint(0, 40))]
        index = _ByStart(starts)
        low = rng.randint(-10, 300)
        high = low + rng.randint(0, 120)
        assert index.between(low, high) == [
            i for i, start in enumerate(starts) if low <= start < high
        ]
