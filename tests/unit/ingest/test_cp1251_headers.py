"""Issue 14, finding 10: a Windows-1251 text must not get its header pasted into its cleaned
text. Every header form sitroom reads, with LF and CRLF line ends, decoded from cp1251."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitroom.clean import make_article
from sitroom.ingest import IngestOptions, read_file
from sitroom.types import RawDocument

BODY = (
    "Москва, 5 декабря. Правительство объявило о новых мерах поддержки пострадавших от "
    "наводнения в регионе. Спасатели эвакуировали более двух тысяч жителей, сообщили в "
    "министерстве.\n\nПо словам губернатора, вода начала отступать в пятницу.\n"
)
HEADERS = {
    "date line": " date 2024-12-05\n",
    "date line, text on the same line": " date 2024-12-05 ",
    "key block": "title: Наводнение в регионе\ndate: 2024-12-05\nsource: Пример\n\n",
    "front matter": "---\ntitle: Наводнение\ndate: 2024-12-05\n---\n",
}


@pytest.mark.parametrize("newline", ["\n", "\r\n"], ids=["lf", "crlf"])
@pytest.mark.parametrize("header", list(HEADERS), ids=list(HEADERS))
def test_cp1251_header_stays_out_of_the_text(tmp_path: Path, header: str, newline: str) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes((HEADERS[header] + BODY).replace("\n", newline).encode("cp1251"))
    (document,) = [d for d in read_file(path, IngestOptions()) if isinstance(d, RawDocument)]
    article, _ = make_article(document)
    assert article.published == "2024-12-05"
    assert article.text.startswith("Москва, 5 декабря.")
    for leftover in ("date", "2024-12-05", "title:", "source:", "---"):
        assert leftover not in article.text
