"""Other names of countries from ``sitroom/data/country_aliases.csv`` (format in the file).

An alias written in capitals is an acronym (``US``, ``UAE``): it is kept apart from the other
names because it may only match a text written in capitals, so the pronoun ``us`` never
becomes the United States.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from ..errors import SitroomError
from ..names import fold_name, is_acronym

DATA_FILE = "country_aliases.csv"


@dataclass(frozen=True, slots=True)
class CountryAliases:
    """Folded alias -> ISO 3166-1 alpha-2, for names and for capital-letter acronyms."""

    names: dict[str, str]
    acronyms: dict[str, str]


def parse_country_aliases(text: str, source: str = DATA_FILE) -> CountryAliases:
    """Read ``code,alias`` lines; a bad line is an error that names the line."""
    names: dict[str, str] = {}
    acronyms: dict[str, str] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.split("#", 1)[0].strip()
        if not stripped:
            continue
        code, _, alias = (part.strip() for part in stripped.partition(","))
        if len(code) != 2 or not code.isupper() or not fold_name(alias):
            raise SitroomError(
                f"{source}, line {number}: expected 'CODE,alias', got {line.strip()!r}",
                fix="write an ISO 3166-1 alpha-2 code, a comma and the country's other name",
            )
        (acronyms if is_acronym(alias) else names)[fold_name(alias)] = code
    return CountryAliases(names, acronyms)


@lru_cache(maxsize=1)
def load_country_aliases() -> CountryAliases:
    """The packaged alias file (cached)."""
    text = resources.files("sitroom.data").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse_country_aliases(text)
