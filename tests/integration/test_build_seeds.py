"""`sitroom build` on the five seed articles, as the foundation issue's "done when" says."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import shared_path

from .conftest import build_json, load_report, run_cli

RESIDUE = (
    "16 px",
    "Sunna Files Free Newsletter",
    "Stay updated with our latest reports",
    "reported. reported.",
)


def _articles(out: Path) -> list[dict[str, object]]:
    result = run_cli("articles", str(out), "--json", "--text")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, object]] = json.loads(result.stdout)
    return rows


def _by_file(rows: list[dict[str, object]], prefix: str) -> dict[str, object]:
    matches = [
        r for r in rows if any(Path(f).name.startswith(prefix) for f in r["files"])  # type: ignore[attr-defined]
    ]
    assert len(matches) == 1, f"expected one article from {prefix}, got {len(matches)}"
    return matches[0]


def test_seeds_build_five_articles_dated_from_their_headers(seeds_out: Path) -> None:
    rows = _articles(seeds_out)
    assert len(rows) == 5
    first = _by_file(rows, "000_")
    assert (first["published"], first["date_basis"]) == ("2024-12-06", "header")
    last = _by_file(rows, "004_")
    assert (last["published"], last["date_basis"]) == ("2024-11-28", "header")
    for row in rows:
        assert row["language"] == "en"
        assert int(str(row["words"])) > 100


def test_undated_seeds_get_honest_ranges_within_the_coverage(seeds_out: Path) -> None:
    rows = _articles(seeds_out)
    undated = [r for r in rows if r["published"] is None]
    assert len(undated) == 3
    for row in undated:
        assert row["date_basis"] == "inferred"
        lo, hi = row["date_range"]  # type: ignore[misc]
        # The seeds were published between late November and early December 2024.
        assert "2024-10-01" <= lo <= "2024-12-06" <= hi <= "2025-01-31"
    # Seed 001 reports fighting "on November 27": it cannot predate that day.
    assert _by_file(rows, "001_")["date_range"][0] >= "2024-11-27"  # type: ignore[index]


def test_seeds_text_is_clean_and_offsets_index_it(seeds_out: Path) -> None:
    rows = _articles(seeds_out)
    texts = {str(r["id"]): str(r["text"]) for r in rows}
    for text in texts.values():
        for residue in RESIDUE:
            assert residue not in text
    report = load_report(seeds_out)
    assert report["entities"], "the first annotation pass finds entities"
    for quote in report["quotes"]:
        assert texts[quote["article"]][quote["start"] : quote["end"]] == quote["text"]


def test_second_identical_run_adds_nothing_and_changes_nothing(seeds_out: Path) -> None:
    before = (seeds_out / "report.json").read_bytes()
    again = build_json(str(shared_path("seeds")), "--out", str(seeds_out))
    assert again["articles_added"] == 0
    assert again["annotated"] == 0
    assert again["articles_total"] == 5
    assert (seeds_out / "report.json").read_bytes() == before


def test_build_json_summary_has_the_documented_keys(tmp_path: Path) -> None:
    seeds = shared_path("seeds")
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.txt").write_bytes(next(iter(sorted(seeds.glob("*.txt")))).read_bytes())
    summary = build_json(str(one), "--out", str(tmp_path / "out"))
    for key in ("articles_total", "articles_added", "duplicates", "rejected", "seconds"):
        assert key in summary
    assert summary["articles_total"] == summary["articles_added"] == 1


def test_adding_files_processes_only_the_new_ones(tmp_path: Path) -> None:
    seeds = sorted(shared_path("seeds").glob("*.txt"))
    folder = tmp_path / "in"
    folder.mkdir()
    for path in seeds[:2]:
        (folder / path.name).write_bytes(path.read_bytes())
    out = tmp_path / "out"
    first = build_json(str(folder), "--out", str(out))
    assert first["articles_added"] == 2
    for path in seeds[2:]:
        (folder / path.name).write_bytes(path.read_bytes())
    second = build_json(str(folder), "--out", str(out))
    assert second["articles_added"] == 3
    assert second["annotated"] == 3
    assert second["files_skipped"] == 2


def test_exact_duplicate_becomes_one_article_with_two_files(tmp_path: Path) -> None:
    seed = sorted(shared_path("seeds").glob("*.txt"))[0]
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "copy1.txt").write_bytes(seed.read_bytes())
    (folder / "copy2.txt").write_bytes(seed.read_bytes())
    summary = build_json(str(folder), "--out", str(tmp_path / "out"))
    assert summary["articles_total"] == 1
    assert summary["duplicates"] == 1
    report = load_report(tmp_path / "out")
    assert len(report["articles"][0]["files"]) == 2


def test_two_workers_give_the_same_report_as_one(seeds_out: Path, tmp_path: Path) -> None:
    parallel = tmp_path / "parallel"
    summary = build_json(str(shared_path("seeds")), "--out", str(parallel), "--workers", "2")
    assert summary["annotated"] == 5
    one = load_report(seeds_out)
    two = load_report(parallel)
    assert two["articles"] == one["articles"]
    assert two["entities"] == one["entities"]
    assert two["quotes"] == one["quotes"]


def test_alias_file_overrides_merges_and_names(seeds_out: Path, tmp_path: Path) -> None:
    rules = tmp_path / "aliases.csv"
    rules.write_text(
        "# keep the new and the old country name apart, and name the president in full\n"
        "!Turkey,Türkiye\n"
        "Erdogan,Recep Tayyip Erdoğan\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    build_json(str(shared_path("seeds")), "--out", str(out), "--aliases", str(rules))
    entities = load_report(out)["entities"]
    holding = {alias: e["id"] for e in entities for alias in e["aliases"]}
    assert holding["Turkey"] != holding["Türkiye"]
    erdogan = next(e for e in entities if "Erdogan" in e["aliases"])
    assert erdogan["name"] == "Recep Tayyip Erdoğan"
    default = load_report(seeds_out)["entities"]
    merged = {alias: e["id"] for e in default for alias in e["aliases"]}
    assert merged["Turkey"] == merged["Türkiye"], "without the rule they are one entity"


def test_bad_alias_file_fails_before_any_work(tmp_path: Path) -> None:
    rules = tmp_path / "aliases.csv"
    rules.write_text("!only-one-name\n", encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli(
        "build", str(shared_path("seeds")), "--out", str(out), "--aliases", str(rules), "-q"
    )
    assert result.exit_code == 2
    assert "line 1" in result.stderr
    assert not out.exists()
