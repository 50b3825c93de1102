"""The report fingerprint's code part covers everything a report is made from."""

from __future__ import annotations

from pathlib import Path

import sitroom
from sitroom import fingerprint


def test_every_file_the_report_is_made_from_is_in_the_code_digest() -> None:
    """A change to report.js or report.css must refresh report.html on the next build, as a
    change to Python code or a word list does."""
    package = Path(sitroom.__file__).parent
    for asset in ("report/assets/report.js", "report/assets/report.css",
                  "report/assets/vendor/admin1.geojson", "data/geo/regions.tsv"):
        path = package / asset
        assert path.is_file(), asset
        assert path.suffix in fingerprint._CODE_SUFFIXES, asset
