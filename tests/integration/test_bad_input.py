"""Bad input never crashes a build: each bad file is one rejected row naming it and why,
good files beside it are built, and nothing already stored is lost."""

from __future__ import annotations

import gzip
import io
import os
import zipfile
from pathlib import Path

import pytest

from .conftest import build_json, load_report, run_cli

GOOD = (
    "date 2025-03-02\nFloodwater reached the outskirts of the town on Saturday, officials said. "
    "Rescue teams moved hundreds of families to schools on higher ground, and the provincial "
    "authority said more rain was expected this week. Residents told reporters that the water "
    "rose within an hour.\n"
)


def _good(folder: Path, name: str = "good.txt", extra: str = "") -> Path:
    path = folder / name
    path.write_text(GOOD + extra, encoding="utf-8")
    return path


def _reasons(out: Path) -> dict[str, str]:
    return {Path(r["path"]).name: r["reason"] for r in load_report(out)["rejected"]}


def _evil_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("../../evil.txt", GOOD.replace("Saturday", "Sunday"))
        archive.writestr("fine/inner.txt", GOOD.replace("Saturday", "Monday"))
    return buffer.getvalue()


@pytest.fixture()
def messy(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (folder / "latin1.txt").write_bytes(
        ("date 2025-03-03\nThe caf\u00e9 owner in S\u00e3o Paulo said the river rose fast. " * 5)
        .encode("latin-1")
    )
    (folder / "truncated.json").write_text('{"title": "Cut", "text": "The flood', encoding="utf-8")
    (folder / "notext.csv").write_text("id,score\n1,3\n2,4\n", encoding="utf-8")
    (folder / "scripts.html").write_text(
        "<html><head><script>var a = 1;</script></head>"
        "<body><script>alert(1)</script></body></html>",
        encoding="utf-8",
    )
    (folder / "evil.zip").write_bytes(_evil_zip())
    (folder / "dangling.txt").symlink_to(folder / "does-not-exist.txt")
    (folder / "feed.jsonl.gz").write_bytes(gzip.compress(b'{"text": "not closed'))
    return folder


def test_bad_files_become_rejected_rows_and_good_ones_build(messy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    summary = build_json(str(messy), "--out", str(out))
    reasons = _reasons(out)
    for name in ("empty.txt", "binary.txt", "truncated.json", "notext.csv", "scripts.html"):
        assert name in reasons, f"{name} should be rejected; rejected: {sorted(reasons)}"
        assert reasons[name].strip(), f"{name} needs a reason"
    assert any(name.startswith("dangling.txt") for name in reasons)
    assert "text=" in reasons["notext.csv"], "the CSV rejection names the --field fix"
    assert summary["rejected"] == len(load_report(out)["rejected"])
    titles_and_files = [f for a in load_report(out)["articles"] for f in a["files"]]
    assert any(f.endswith("good.txt") for f in titles_and_files)
    assert any(f.endswith("latin1.txt") for f in titles_and_files), "invalid UTF-8 is repaired"
    latin = next(a for a in load_report(out)["articles"] if a["files"][0].endswith("latin1.txt"))
    assert latin["published"] == "2025-03-03"


def test_zip_entry_with_dotdot_is_never_written(messy: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build_json(str(messy), "--out", str(out))
    for folder in (tmp_path, tmp_path.parent, tmp_path.parent.parent, messy, out, Path.cwd()):
        assert not (folder / "evil.txt").exists()
    assert not any(p.name == "evil.txt" for p in tmp_path.rglob("*"))
    files = [f for a in load_report(out)["articles"] for f in a["files"]]
    assert any("evil.zip!" in f and f.endswith("inner.txt") for f in files), files
    for locator in files + [r["path"] for r in load_report(out)["rejected"]]:
        assert "../" not in locator.split("!", 1)[-1], "archive locators are sanitised"


def test_missing_path_alone_is_a_usage_error(tmp_path: Path) -> None:
    result = run_cli("build", str(tmp_path / "nope"), "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 2
    assert "nope" in result.stderr
    assert "Traceback" not in result.output


def test_missing_path_beside_good_files_is_reported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    out = tmp_path / "out"
    summary = build_json(str(folder), str(tmp_path / "nope.txt"), "--out", str(out))
    assert summary["articles_total"] == 1
    assert "nope.txt" in _reasons(out)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file_is_rejected(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    locked = _good(folder, "locked.txt", "Another sentence.")
    locked.chmod(0)
    out = tmp_path / "out"
    build_json(str(folder), "--out", str(out))
    assert "locked.txt" in _reasons(out)


def test_huge_text_file_is_rejected_not_parsed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    line = "The river rose again overnight and the road to the north was closed. "
    (folder / "huge.txt").write_text(line * (50 * 1024 * 1024 // len(line)), encoding="utf-8")
    out = tmp_path / "out"
    summary = build_json(str(folder), "--out", str(out))
    assert summary["articles_total"] == 1
    assert "huge.txt" in _reasons(out)


def test_bad_files_later_lose_nothing_already_stored(messy: Path, tmp_path: Path) -> None:
    clean = tmp_path / "clean"
    clean.mkdir()
    _good(clean)
    _good(clean, "second.txt", "The bridge was closed on Sunday.")
    out = tmp_path / "out"
    first = build_json(str(clean), "--out", str(out))
    second = build_json(str(messy), "--out", str(out))
    assert second["articles_total"] >= first["articles_total"]
    ids_before = {a["id"] for a in load_report(out)["articles"]}
    assert len(ids_before) == second["articles_total"]


def test_only_bad_input_exits_2_with_a_message(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    result = run_cli("build", str(folder), "--out", str(tmp_path / "out"), "--quiet")
    assert result.exit_code == 2
    assert "empty.txt" in result.stderr
    assert "Traceback" not in result.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    result = run_cli("build", str(tmp_path), "--out", str(tmp_path / "o"), "--field", "oops")
    assert result.exit_code == 2
    assert "KEY=COLUMN" in result.stderr
    result = run_cli("articles", str(tmp_path / "nothing-here"))
    assert result.exit_code == 2
    result = run_cli("extract", "unknown-kind", str(tmp_path))
    assert result.exit_code == 2


def test_non_english_article_is_stored_and_labelled_but_not_parsed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    _good(folder)
    (folder / "fr.txt").write_text(
        "date 2025-03-02\nLes eaux de la crue ont atteint la périphérie de la ville samedi, "
        "ont indiqué les autorités. Des centaines de familles ont été relogées dans des écoles "
        "situées sur les hauteurs, et la préfecture annonce de nouvelles pluies cette semaine.\n",
        encoding="utf-8",
    )
    summary = build_json(str(folder), "--out", str(tmp_path / "out"))
    assert summary["articles_total"] == 2
    assert summary["annotated"] == 1, "only the English article goes through the English model"
    articles = load_report(tmp_path / "out")["articles"]
    languages = {Path(a["files"][0]).name: a["language"] for a in articles}
    assert languages == {"good.txt": "en", "fr.txt": "fr"}
