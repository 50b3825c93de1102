"""A write that copies records' texts from the last write gives the bytes of a write that
makes them all, whatever happened to the old files and the articles in between."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from sitroom.report import line_cache
from sitroom.report.both_files import write_both
from sitroom.report.spill import SpilledRecords
from sitroom.types import Article, Report
from tests.unit.memo_table import MemoTable


@pytest.fixture
def copied(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """How many records each write with a memo copied from the last one."""
    counts: list[int] = []
    close = line_cache.OldLines.close

    def noted(self: line_cache.OldLines) -> None:
        counts.append(self.found)
        close(self)

    monkeypatch.setattr(line_cache.OldLines, "close", noted)
    yield counts


def _cached_records(report: Report) -> int:
    return sum(len(getattr(report, name)) for name in line_cache.CACHED)


def _written(report: Report, texts: dict[str, str], out: Path,
             memo: MemoTable | None = None) -> tuple[bytes, bytes]:
    out.mkdir(parents=True, exist_ok=True)
    write_both(report, out / "report.json", out / "report.html", texts, memo)
    return (out / "report.json").read_bytes(), (out / "report.html").read_bytes()


def _fresh(report: Report, texts: dict[str, str], tmp_path: Path) -> tuple[bytes, bytes]:
    return _written(report, texts, tmp_path / f"fresh-{len(list(tmp_path.iterdir()))}")


@pytest.mark.parametrize("on_disk", [False, True], ids=["in memory", "spilled"])
def test_a_second_write_copies_every_record_and_gives_the_same_bytes(
    report: Report, texts: dict[str, str], tmp_path: Path, copied: list[int], on_disk: bool
) -> None:
    # Records kept on disk are known by their bytes as kept, without being read back.
    written = (dataclasses.replace(report, events=SpilledRecords(report.events),
                                   claims=SpilledRecords(report.claims))
               if on_disk else report)
    memo, out = MemoTable(), tmp_path / "out"
    first = _written(written, texts, out, memo)
    assert first == _fresh(report, texts, tmp_path)
    assert _written(written, texts, out, memo) == first
    assert copied == [_cached_records(report)]


def test_an_edited_old_report_is_not_copied_from(
    report: Report, texts: dict[str, str], tmp_path: Path, copied: list[int]
) -> None:
    memo, out = MemoTable(), tmp_path / "out"
    first = _written(report, texts, out, memo)
    event_text = report.events[0].text
    assert event_text.encode() in first[0]
    # Same length, so every offset the index holds still points at a line of the same size.
    edited = first[0].replace(event_text.encode(), event_text.upper().encode())
    assert edited != first[0]
    (out / "report.json").write_bytes(edited)
    assert _written(report, texts, out, memo) == first
    assert copied[0] < _cached_records(report)


def test_removed_old_files_only_mean_making_the_records_again(
    report: Report, texts: dict[str, str], tmp_path: Path, copied: list[int]
) -> None:
    memo, out = MemoTable(), tmp_path / "out"
    first = _written(report, texts, out, memo)
    (out / "report.html").unlink()
    assert _written(report, texts, out, memo) == first
    (out / "report.json").unlink()
    assert _written(report, texts, out, memo) == first
    assert copied == [0, 0]


def test_a_changed_article_text_is_not_served_from_the_old_page(
    report: Report, texts: dict[str, str], tmp_path: Path, copied: list[int]
) -> None:
    memo, out = MemoTable(), tmp_path / "out"
    _written(report, texts, out, memo)
    first = report.articles[0]
    # One word changed, same length: passages keep their offsets but no longer match the
    # text there, so the page must now carry their own words.
    assert "waters" in first.text
    changed_text = first.text.replace("waters", "rivers")
    changed = dataclasses.replace(
        report, articles=(dataclasses.replace(first, text=changed_text), *report.articles[1:]))
    changed_texts = {**texts, first.id: changed_text}
    assert _written(changed, changed_texts, out, memo) == _fresh(changed, changed_texts,
                                                                  tmp_path)
    assert copied[0] < _cached_records(report)


def test_an_appended_article_keeps_the_records_of_the_earlier_ones(
    report: Report, texts: dict[str, str], tmp_path: Path, copied: list[int]
) -> None:
    memo, out = MemoTable(), tmp_path / "out"
    _written(report, texts, out, memo)
    extra = Article(id="a9999999999999999", text="A later report on the same flood.",
                    outlet="Late Post", title="Later", url=None, published="2031-04-10",
                    date_basis="header", date_range=None, language="en", words=7,
                    files=("in/late.txt",), author=None)
    added = dataclasses.replace(report, articles=(*report.articles, extra))
    added_texts = {**texts, extra.id: extra.text}
    assert _written(added, added_texts, out, memo) == _fresh(added, added_texts, tmp_path)
    assert copied == [_cached_records(report)]


def test_a_write_without_the_store_keeps_no_index(
    report: Report, texts: dict[str, str], tmp_path: Path, copied: list[int]
) -> None:
    memo, out = MemoTable(), tmp_path / "out"
    _written(report, texts, out)
    _written(report, texts, out, memo)
    assert copied == []  # nothing to read back on the first write with the store
    assert len(memo.rows) == 1


def test_keys_and_digests_ending_in_zero_bytes_come_back_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One digest in 256 ends in a zero byte; kept as a padded byte string it came back
    # shorter and never matched again.
    json_line, page_text = b'{"id": "ev_1"}', b'{"type":"other"}'
    (tmp_path / "report.json").write_bytes(json_line)
    (tmp_path / "report.html").write_bytes(page_text)
    true_digest = line_cache.texts_digest
    monkeypatch.setattr(line_cache, "texts_digest",
                        lambda j, p: true_digest(j, p)[:14] + b"\0\0")
    key = b"k" * 14 + b"\0\0"
    notes, memo = line_cache.LineNotes(), MemoTable()
    ended = notes.section("events")
    notes.note(key, 0, json_line, 0, page_text, -1)
    ended()
    notes.place_pages({"events": 0})
    chain = line_cache.article_chain(["a1"], {"a1": "Text."})
    notes.save(memo, chain)
    old = line_cache.OldLines.load(memo, chain, tmp_path / "report.json",
                                   tmp_path / "report.html")
    assert old is not None
    found = old.get(key)
    old.close()
    assert found is not None and found[:3] == (json_line, page_text, -1)
