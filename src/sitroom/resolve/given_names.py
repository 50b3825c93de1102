"""Short forms of given names (``Joe`` for ``Joseph``) from
``sitroom/data/given_name_variants.csv`` (format in the file)."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from importlib import resources

from ..errors import SitroomError
from ..names import fold_name

DATA_FILE = "given_name_variants.csv"


def parse_given_names(text: str, source: str = DATA_FILE) -> dict[str, frozenset[str]]:
    """Folded short form -> the folded full names it may stand for (``ted``: edward and
    theodore)."""
    full_names: dict[str, set[str]] = defaultdict(set)
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.split("#", 1)[0].strip()
        if not stripped:
            continue
        forms = [fold_name(form) for form in stripped.split(",")]
        if len(forms) < 2 or not all(forms) or any(" " in form for form in forms):
            raise SitroomError(
                f"{source}, line {number}: expected 'name,short,...', got {line.strip()!r}",
                fix="write one full given name and its short forms, comma-separated",
            )
        for short in forms[1:]:
            full_names[short].add(forms[0])
    return {short: frozenset(full) for short, full in full_names.items()}


@lru_cache(maxsize=1)
def load_given_names() -> dict[str, frozenset[str]]:
    """The packaged list (cached)."""
    text = resources.files("sitroom.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_given_names(text)


def full_given_name(word: str) -> str:
    """The full form of a folded given name (``joe`` -> ``joseph``), else the word itself (also
    for a short form of two names: ``ted``)."""
    full = load_given_names().get(word, frozenset())
    return next(iter(full)) if len(full) == 1 else word


def full_given_names(word: str) -> frozenset[str]:
    """Every full form a folded given name may stand for (``ted``: edward, theodore)."""
    return load_given_names().get(word, frozenset())
