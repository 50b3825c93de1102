"""The annotation stage reads article texts from the store one batch at a time, in stored
order, and stores every article's annotations once, whatever the batch size."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

import sitroom.stages as stages
from sitroom.annotate import PIPELINE_VERSION
from sitroom.config import Options
from sitroom.progress import SilentProgress
from sitroom.stages import clean_stage, ingest_stage
from sitroom.store import Store
from sitroom.types import DocAnnotations

ARTICLES = 7


def _corpus(folder: Path) -> Path:
    folder.mkdir()
    for number in range(ARTICLES):
        (folder / f"report-{number}.txt").write_text(
            f"Flood report number {number}\n\nThe river rose by {number + 2} metres near the "
            f"bridge of town {number}, officials said on Monday. Roads were closed and "
            f"{number * 10 + 5} families moved to schools.\n",
            encoding="utf-8",
        )
    return folder


def _cleaned_store(tmp_path: Path) -> Path:
    out = tmp_path / "out"
    options = Options(quiet=True)
    with Store.open(out) as store:
        ingest_stage(store, [_corpus(tmp_path / "in")], options, SilentProgress(), out=out)
        clean_stage(store, options, SilentProgress())
    return out


def test_article_jobs_come_back_in_the_order_asked(tmp_path: Path) -> None:
    with Store.open(_cleaned_store(tmp_path)) as store:
        ids = store.unannotated_ids(PIPELINE_VERSION)
        assert len(ids) == ARTICLES
        jobs = store.article_jobs(list(reversed(ids)))
        assert [job[0] for job in jobs] == list(reversed(ids))
        assert all("river rose" in text for _, text, _ in jobs)
        assert store.article_jobs([]) == []


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_texts_are_read_batch_by_batch_and_each_article_is_stored_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, batch_size: int
) -> None:
    out = _cleaned_store(tmp_path)
    asked: list[int] = []
    original = Store.article_jobs

    def spy(self: Store, ids: Sequence[str]) -> list[tuple[str, str, str | None]]:
        asked.append(len(ids))
        return original(self, ids)

    def fake_annotate(batch: Sequence[tuple[str, str, str | None]]) -> list[DocAnnotations]:
        return [DocAnnotations(article=article_id) for article_id, _, _ in batch]

    monkeypatch.setattr(Store, "article_jobs", spy)
    monkeypatch.setattr(stages, "annotate_batch", fake_annotate)
    with Store.open(out) as store:
        order = store.unannotated_ids(PIPELINE_VERSION)
        done = stages.annotate_stage(store, Options(quiet=True, batch_size=batch_size),
                                     SilentProgress())
        assert done == ARTICLES
        assert max(asked) <= batch_size and sum(asked) == ARTICLES
        assert store.unannotated_ids(PIPELINE_VERSION) == []
        stored = [a.article for a in store.annotations(PIPELINE_VERSION)]
        assert sorted(stored) == sorted(order) and len(set(stored)) == ARTICLES


def test_work_sent_ahead_comes_back_in_order_with_a_bounded_window() -> None:
    from sitroom.scale.window import in_submission_order

    drawn: list[int] = []
    waiting: list[int] = []

    def items() -> Iterator[int]:
        for number in range(7):
            drawn.append(number)
            yield number

    def submit(number: int) -> Callable[[], int]:
        waiting.append(number)
        assert len(waiting) <= 3  # never more than the window waits at once

        def result() -> int:
            waiting.remove(number)
            return number * 10

        return result

    results = []
    for value in in_submission_order(items(), submit, 3):
        results.append(value)
        assert len(drawn) <= len(results) + 3  # items are drawn only a little ahead
    assert results == [n * 10 for n in range(7)]
