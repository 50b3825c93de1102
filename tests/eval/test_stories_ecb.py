"""Story grouping floor on ECB+ topics 1-22 (../shared/corpora/ecbplus/ecbplus_dev.jsonl).

The grouping runs on the documents' texts alone (no parse, so the test stays fast); `make
eval` (bench/eval_stories.py) scores the whole build, where resolved actors add to it."""

from __future__ import annotations

import json

from sitroom.analyze.stories import StoryDoc, group_stories
from sitroom.metrics import b_cubed
from tests.conftest import shared_path

#: Measured 0.942 on the texts alone (README).
FLOOR_BCUBED_F1 = 0.92


def test_ecbplus_dev_story_bcubed_f1_floor() -> None:
    path = shared_path("corpora", "ecbplus", "ecbplus_dev.jsonl")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    docs = [StoryDoc(row["doc_id"], row["text"], None, None, None, None) for row in rows]
    stories = group_stories(docs)
    predicted = {article: story.id for story in stories for article in story.articles}
    gold = {row["doc_id"]: row["story"] for row in rows}
    _precision, _recall, f1 = b_cubed(gold, predicted)
    assert f1 >= FLOOR_BCUBED_F1, f"ECB+ story B-cubed F1 {f1:.3f} fell below {FLOOR_BCUBED_F1}"
    # Not told how many there are, it still finds about as many stories as the gold has.
    assert 0.75 <= len(stories) / len(set(gold.values())) <= 1.5
