"""Each input format, from small fixtures written in tmp_path."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .helpers import documents, one_document, read_all, rejections

ARTICLE = (
    "Rescue teams reached the flooded district on Tuesday after the river burst its banks. "
    "Officials said thousands of people had left their homes overnight, and that roads into "
    "the valley remained closed while engineers inspected two damaged bridges."
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8"><title>River bursts its banks | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
<meta property="og:title" content="River bursts its banks">
<meta property="article:published_time" content="2025-03-04T21:15:00-05:00">
<meta name="author" content="Jo Writer">
<link rel="canonical" href="https://www.valleyherald.example/news/river">
<script>var tracking = "should never appear";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>River bursts its banks</h1>
<p>{article}</p>
<p>A second paragraph explains that the water level at the gauge rose by two metres in six
hours, the fastest rise recorded there since the station opened, according to the agency.</p>
</article>
<footer>Subscribe to our newsletter</footer>
</body></html>
""".replace("{article}", ARTICLE)


def test_plain_text_with_header_line(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(" date 2024-12-06 " + ARTICLE, encoding="utf-8")
    doc = one_document(path)
    assert doc.locator == str(path)
    assert doc.format == "text"
    assert doc.published == "2024-12-06"
    assert doc.date_basis == "header"
    assert doc.text == ARTICLE
    assert path.read_text(encoding="utf-8")[doc.body_offset :] == doc.text


def test_plain_text_without_header_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Headline here\n" + ARTICLE, encoding="utf-8")
    doc = one_document(path, source="Fallback Desk")
    assert doc.text == "Headline here\n" + ARTICLE
    assert doc.published is None and doc.date_basis is None
    assert doc.outlet == "Fallback Desk"


def test_text_detected_by_content_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "noext"
    path.write_text(ARTICLE, encoding="utf-8")
    assert one_document(path).format == "text"


def test_html_page_text_and_metadata(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = one_document(path)
    assert doc.format == "html"
    assert ARTICLE in doc.text
    assert "tracking" not in doc.text and "Subscribe" not in doc.text
    assert doc.title == "River bursts its banks"
    assert doc.outlet == "Valley Herald"
    # the calendar date as the page wrote it, not converted to UTC
    assert doc.published == "2025-03-04"
    assert doc.date_basis == "metadata"
    assert doc.author == "Jo Writer"
    assert doc.url == "https://www.valleyherald.example/news/river"


def test_html_detected_by_content_under_a_wrong_name(tmp_path: Path) -> None:
    path = tmp_path / "page.dat"
    path.write_text(PAGE, encoding="utf-8")
    assert one_document(path).format == "html"


def test_html_without_site_name_takes_the_url_domain(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE.replace('<meta property="og:site_name" content="Valley Herald">', ""))
    assert one_document(path).outlet == "valleyherald.example"


def test_json_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {
        "headline": "Bridge closed",
        "body": ARTICLE,
        "pubDate": "Wed, 05 Mar 2025 09:14:00 +0000",
        "link": "https://www.example-news.org/bridge",
        "byline": "A. Reporter",
    }
    path.write_text(json.dumps(record), encoding="utf-8")
    doc = one_document(path)
    assert (doc.locator, doc.format, doc.text) == (str(path), "json", ARTICLE)
    assert doc.title == "Bridge closed"
    assert doc.published == "2025-03-05" and doc.date_basis == "metadata"
    assert doc.url == "https://www.example-news.org/bridge"
    assert doc.outlet == "example-news.org"
    assert doc.author == "A. Reporter"


def test_json_array_locators_and_nested_source(tmp_path: Path) -> None:
    path = tmp_path / "batch.json"
    records = [
        {"title": "One", "content": ARTICLE, "source": {"id": "x", "name": "Wire One"}},
        {"title": "Two", "content": ARTICLE + " More.", "publishedAt": "2025-01-02T03:04:05Z"},
    ]
    path.write_text(json.dumps(records), encoding="utf-8")
    docs = documents(read_all(path))
    assert [doc.locator for doc in docs] == [f"{path}#1", f"{path}#2"]
    assert docs[0].outlet == "Wire One"
    assert docs[1].published == "2025-01-02"


def test_json_wrapped_array(tmp_path: Path) -> None:
    path = tmp_path / "api.json"
    path.write_text(json.dumps({"status": "ok", "articles": [{"text": ARTICLE}]}))
    assert [doc.locator for doc in documents(read_all(path))] == [f"{path}#1"]


def test_jsonl_and_gzipped_jsonl(tmp_path: Path) -> None:
    lines = [json.dumps({"id": n, "text": f"{ARTICLE} {n}", "site": "Desk"}) for n in range(3)]
    payload = "\n".join(lines) + "\n"
    plain = tmp_path / "data.jsonl"
    plain.write_text(payload, encoding="utf-8")
    packed = tmp_path / "data.jsonl.gz"
    packed.write_bytes(gzip.compress(payload.encode("utf-8")))
    for path in (plain, packed):
        docs = documents(read_all(path))
        assert [doc.locator for doc in docs] == [f"{path}#line={n}" for n in (1, 2, 3)]
        assert {doc.format for doc in docs} == {"jsonl"}
        assert {doc.outlet for doc in docs} == {"Desk"}


def test_jsonl_detected_in_a_json_named_file(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text(json.dumps({"text": "a " + ARTICLE}) + "\n" + json.dumps({"text": ARTICLE}))
    assert len(documents(read_all(path))) == 2


def test_csv_columns_found_automatically(tmp_path: Path) -> None:
    path = tmp_path / "table.csv"
    path.write_text(
        "id,article_title,article_content,outlet,publish_date\n"
        f'1,First,"{ARTICLE}",Desk One,4/5/17\n'
        f'2,Second,"Line one\nline two, with a comma",Desk Two,2017-04-06\n',
        encoding="utf-8",
    )
    docs = documents(read_all(path))
    assert [doc.locator for doc in docs] == [f"{path}#row=1", f"{path}#row=2"]
    assert docs[0].title == "First" and docs[0].text == ARTICLE
    assert docs[0].outlet == "Desk One"
    assert docs[0].published == "2017-04-05" and docs[0].date_basis == "metadata"
    assert docs[1].text == "Line one\nline two, with a comma"


def test_csv_field_override(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text(f'story_body,paper,when\n"{ARTICLE}",Gazette,2020-02-02\n')
    doc = one_document(path, fields={"text": "story_body", "source": "paper", "date": "when"})
    assert (doc.text, doc.outlet, doc.published) == (ARTICLE, "Gazette", "2020-02-02")


def test_field_override_naming_a_missing_column_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f'text\n"{ARTICLE}"\n')
    rejected = read_all(path, fields={"text": "nope"})
    assert len(rejected) == 1 and "'text'" in rejected[0].reason  # type: ignore[union-attr]
    assert "nope" in rejected[0].reason  # type: ignore[union-attr]


def test_tsv_and_csv_sniffed_without_extension(tmp_path: Path) -> None:
    tsv = tmp_path / "t.tsv"
    tsv.write_text(f"title\ttext\nA title\t{ARTICLE}\n")
    assert one_document(tsv).format == "tsv"
    sniffed = tmp_path / "export"
    sniffed.write_text(f'title,text,source\nA,"{ARTICLE}",Desk\nB,"{ARTICLE}",Desk\n')
    assert [doc.format for doc in documents(read_all(sniffed))] == ["csv", "csv"]


def test_cp1252_csv_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes(
        f'text,source\n"Caf\xe9 owners said \x93no\x94. {ARTICLE}",X\n'.encode("latin-1")
    )
    assert one_document(path).text.startswith("Café owners said “no”.")


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Valley Herald</title><link>https://valleyherald.example/</link>
<item><title>Full item</title><link>https://valleyherald.example/a</link>
<pubDate>Fri, 15 Aug 2025 21:30:00 +0500</pubDate>
<description>Short teaser.</description>
<content:encoded><![CDATA[<p>{article}</p><p>Second &amp; last paragraph.</p>
<script>alert(1)</script>]]></content:encoded></item>
<item><title>Teaser only</title><link>https://valleyherald.example/b</link>
<description>&lt;p&gt;Only a &lt;b&gt;summary&lt;/b&gt; here.&lt;/p&gt;</description></item>
</channel></rss>
""".replace("{article}", ARTICLE)


def test_rss_full_content_else_summary(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text(RSS, encoding="utf-8")
    docs = documents(read_all(path))
    assert [doc.locator for doc in docs] == [f"{path}#1", f"{path}#2"]
    full, teaser = docs
    assert full.text == ARTICLE + "\n\nSecond & last paragraph."
    assert full.format == "feed" and full.outlet == "Valley Herald"
    assert full.published == "2025-08-15" and full.date_basis == "metadata"
    assert full.title == "Full item" and full.url == "https://valleyherald.example/a"
    assert teaser.text == "Only a summary here."
    assert teaser.published is None


def test_atom_feed(tmp_path: Path) -> None:
    path = tmp_path / "atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>'
        '<entry><title>E1</title><link href="https://atom.example/e1"/>'
        "<updated>2024-02-03T10:00:00Z</updated>"
        f'<content type="html">&lt;p&gt;{ARTICLE}&lt;/p&gt;</content></entry></feed>',
        encoding="utf-8",
    )
    doc = one_document(path)
    assert (doc.format, doc.text, doc.outlet, doc.published) == (
        "feed",
        ARTICLE,
        "Atom Desk",
        "2024-02-03",
    )


def _warc(pages: list[tuple[str, str, bytes]]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, content_type, body in pages:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers
        )
        writer.write_record(record)
    return out.getvalue()


def test_warc_html_responses_only(tmp_path: Path) -> None:
    page = PAGE.replace('<meta property="og:site_name" content="Valley Herald">', "")
    page = page.replace(
        '<link rel="canonical" href="https://www.valleyherald.example/news/river">', ""
    )
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(
        _warc(
            [
                ("https://www.crawled.example/story", "text/html; charset=utf-8", page.encode()),
                ("https://www.crawled.example/logo.png", "image/png", b"\x89PNG...."),
            ]
        )
    )
    items = read_all(path)
    docs = documents(items)
    assert len(docs) == 1 and not rejections(items)
    assert docs[0].format == "html"
    assert docs[0].locator.startswith(f"{path}#")
    assert docs[0].url == "https://www.crawled.example/story"
    assert docs[0].outlet == "crawled.example"
    assert ARTICLE in docs[0].text


def test_html_inside_a_json_body_is_reduced_to_text(tmp_path: Path) -> None:
    path = tmp_path / "cms.json"
    body = f"<p>{ARTICLE}</p><p>Rates rose &amp; fell; 3 < 4.</p><script>x()</script>"
    path.write_text(json.dumps({"title": "T", "body": body}), encoding="utf-8")
    assert one_document(path).text == ARTICLE + "\n\nRates rose & fell; 3 < 4."


def test_angle_brackets_in_plain_json_text_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "plain.json"
    path.write_text(json.dumps({"text": "Turnout was <50% & falling."}), encoding="utf-8")
    assert one_document(path).text == "Turnout was <50% & falling."


def test_domain_column_gives_a_bare_domain_outlet(tmp_path: Path) -> None:
    path = tmp_path / "gdelt.csv"
    path.write_text(f'domain,text\nwww.bbc.co.uk,"{ARTICLE}"\n')
    assert one_document(path).outlet == "bbc.co.uk"
