from pathlib import Path

import pytest

from sitroom.errors import UsageError
from sitroom.resolve.aliases import AliasRules, load_aliases, parse_aliases


def test_merges_separations_comments_and_quotes(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text(
        "# my rules\n"
        "Erdogan,Recep Tayyip Erdoğan\n"
        "\n"
        "!Syrian National Army, Syrian army  # keep apart\n"
        '"Korea, Republic of",South Korea\n',
        encoding="utf-8",
    )
    rules = load_aliases(path)
    assert rules == AliasRules(
        merges=(("Erdogan", "Recep Tayyip Erdoğan"), ("Korea, Republic of", "South Korea")),
        separate=(("Syrian National Army", "Syrian army"),),
    )


def test_bad_line_names_file_line_and_fix(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("HTS,Hayat Tahrir al-Sham\nonly one name\n", encoding="utf-8")
    with pytest.raises(UsageError) as info:
        load_aliases(path)
    message = str(info.value)
    assert "aliases.csv" in message and "line 2" in message and "fix:" in message


def test_missing_file_and_identical_names_are_usage_errors(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="not found"):
        load_aliases(tmp_path / "absent.csv")
    with pytest.raises(UsageError, match="line 1"):
        parse_aliases("SNA,sna\n")
