"""User alias rules that override automatic entity resolution (``--aliases FILE``).

File format (UTF-8 text, one rule per line, CSV quoting allowed)::

    # lines starting with # are comments; blank lines are ignored
    Erdogan,Recep Tayyip Erdoğan       # alias,canonical: always the same entity
    HTS,Hay'at Tahrir al-Sham          #   and the canonical spelling becomes its name
    !Syrian National Army,Syrian army  # !a,b: never the same entity, whatever the rules say

- ``alias,canonical`` merges every mention spelled like ``alias`` (case, accents and
  punctuation ignored) with the entity spelled like ``canonical``; the canonical spelling
  becomes the entity's name even if no article uses it.
- ``!a,b`` keeps the entities of ``a`` and ``b`` apart: any automatic merge (acronym, surname,
  country form) that would join them is skipped. A ``!`` rule wins over an ``alias`` rule.
- Names containing a comma must be quoted: ``"Korea, Republic of",South Korea``.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from ..errors import UsageError


@dataclass(frozen=True, slots=True)
class AliasRules:
    """Merges (``alias`` -> ``canonical``) and pairs that must stay apart."""

    merges: tuple[tuple[str, str], ...] = ()
    separate: tuple[tuple[str, str], ...] = ()


def load_aliases(path: Path) -> AliasRules:
    """Read an alias file; errors name the file, the line and the fix."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError as err:
        raise UsageError(f"{path}: alias file not found", fix="check the --aliases path") from err
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(
            f"{path}: cannot read the alias file ({err})",
            fix="save it as UTF-8 text with one 'alias,canonical' rule a line",
        ) from err
    return parse_aliases(text, str(path))


def parse_aliases(text: str, source: str = "<aliases>") -> AliasRules:
    """Parse alias rules from ``text`` (the file format in the module docstring)."""
    merges: list[tuple[str, str]] = []
    separate: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = _without_comment(line).strip()
        if not stripped:
            continue
        negate = stripped.startswith("!")
        if negate:
            stripped = stripped[1:].lstrip()
        fields = [field.strip() for field in next(csv.reader([stripped]))]
        if len(fields) != 2 or not all(fields):
            raise UsageError(
                f"{source}, line {number}: expected two names separated by a comma, got "
                f"{line.strip()!r}",
                fix="write 'alias,canonical' to merge or '!a,b' to keep apart; quote names "
                'that contain a comma ("Korea, Republic of")',
            )
        if fields[0].casefold() == fields[1].casefold():
            raise UsageError(
                f"{source}, line {number}: both names are {fields[0]!r}",
                fix="name two different spellings, or delete the line",
            )
        (separate if negate else merges).append((fields[0], fields[1]))
    return AliasRules(tuple(merges), tuple(separate))


def _without_comment(line: str) -> str:
    """``line`` without a ``#`` comment (a ``#`` inside double quotes is kept)."""
    quoted = False
    for index, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == "#" and not quoted:
            return line[:index]
    return line
