"""CSV and TSV tables: one document per row.

The delimiter is the most frequent of tab, comma, semicolon and pipe in the header line
(``.tsv`` files are tab-separated whatever the header says). Columns are found by name (see
:mod:`.records`) and can be named with ``--field``. A table without a text column is rejected
once, naming the columns it has; a row with no text is rejected on its own as
``table.csv#row=N``, where N counts data rows from 1 (the header is not a row).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterator

from ..types import RawDocument, Rejected
from .options import IngestOptions
from .records import FieldMap, no_text_reason, record_to_document, resolve_fields
from .sniff import guess_delimiter

# Article text routinely exceeds csv's default 128 KiB field limit.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_table(
    locator: str, text: str, options: IngestOptions, *, tab_separated: bool = False
) -> Iterator[RawDocument | Rejected]:
    """Documents from the decoded text of a CSV or TSV file."""
    first_line = text.split("\n", 1)[0]
    delimiter = "\t" if tab_separated else (guess_delimiter(first_line) or ",")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
    except csv.Error as error:
        yield Rejected(locator, f"unreadable CSV header: {error}")
        return
    if not header or not any(cell.strip() for cell in header):
        yield Rejected(locator, "the table has no header row naming its columns")
        return
    header = [cell.strip() for cell in header]
    fields = resolve_fields(header, options)
    if isinstance(fields, str):
        yield Rejected(locator, fields)
        return
    if fields.text is None:
        yield Rejected(locator, no_text_reason(header, "columns"))
        return
    fmt = "tsv" if delimiter == "\t" else "csv"
    yield from _rows(locator, reader, header, fields, options, fmt)


def _rows(
    locator: str,
    reader: Iterator[list[str]],
    header: list[str],
    fields: FieldMap,
    options: IngestOptions,
    fmt: str,
) -> Iterator[RawDocument | Rejected]:
    number = 0
    seen_rows = False
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            yield Rejected(
                f"{locator}#row={number + 1}",
                f"CSV parse error ({error}); the rest of the file was not read",
            )
            return
        if not any(cell.strip() for cell in row):
            continue  # blank lines between rows carry nothing
        number += 1
        seen_rows = True
        record = dict(zip(header, row, strict=False))
        yield record_to_document(f"{locator}#row={number}", record, fields, options, fmt)
    if not seen_rows:
        yield Rejected(locator, "the table has a header but no rows")
