"""The dashboard's API, in process (FastAPI's TestClient)."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from sitroom.errors import UsageError
from sitroom.serve import create_app
from sitroom.store import Store
from tests.unit.export.conftest import make_build, report_with_events


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    """One app for the tests that only read."""
    folder = make_build(tmp_path_factory.mktemp("serve"), report_with_events())
    return TestClient(create_app(folder))


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return make_build(tmp_path / "build", report_with_events())


def test_page_is_the_report(client: TestClient) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert "default-src 'none'" in response.headers["content-security-policy"]
    assert 'id="sitroom-data"' in response.text and "Situation report" in response.text


def test_articles_paged_and_filtered(client: TestClient) -> None:
    page = client.get("/api/articles", params={"limit": 2, "offset": 1}).json()
    assert (page["total"], page["offset"], page["limit"], len(page["items"])) == (4, 1, 2, 2)
    assert "text" not in page["items"][0]

    def outlets(**params: str) -> list[str]:
        found = client.get("/api/articles", params=params).json()["items"]
        return [a["outlet"] for a in found]

    assert outlets(outlet="River Wire") == ["River Wire"]
    assert outlets(actor="e_mara") == ["River Wire", "Syndicate Daily"]
    assert outlets(place="p_ostrava") == ["Ostrava Ledger"]
    # an inferred range overlapping the window counts; undated articles never match a window
    assert outlets(**{"from": "2031-04-09"}) == ["Syndicate Daily", "Ostrava Ledger"]
    assert outlets(story="s1", to="2031-04-08") == ["River Wire", "Ostrava Ledger"]


def test_one_article_with_text(client: TestClient) -> None:
    first = client.get("/api/articles").json()["items"][0]
    article = client.get(f"/api/articles/{first['id']}").json()
    assert article["text"].startswith("Flood waters breached")
    missing = client.get("/api/articles/nope")
    assert missing.status_code == 404 and "nope" in missing.json()["detail"]


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/api/articles?limit=0", 422, "limit"),
        ("/api/articles?limit=100000", 422, "limit"),
        ("/api/articles?offset=-1", 422, "offset"),
        ("/api/articles?from=yesterday", 400, "YYYY-MM-DD"),
        ("/api/articles?from=2031-04-10&to=2031-04-01", 400, "after"),
        ("/api/events?actor=nobody", 400, "/api/entities"),
        ("/api/claims?status=maybe", 422, "status"),
        ("/api/search", 422, "q"),
        ("/api/search?q=%20%20", 400, "blank"),
    ],
)
def test_bad_parameters_are_4xx_with_a_message(
    client: TestClient, url: str, status: int, words: str
) -> None:
    response = client.get(url)
    assert response.status_code == status
    assert words in json.dumps(response.json()["detail"])


def test_records_endpoints(client: TestClient) -> None:
    assert [e["name"] for e in client.get("/api/entities?name=velen").json()["items"]] == [
        "Mara Velen"
    ]
    unresolved = client.get("/api/places?resolved=false").json()["items"]
    assert [(p["name"], p["reason"]) for p in unresolved] == [
        ("Norbridge", "no gazetteer entry matches")
    ]
    assert [e["id"] for e in client.get("/api/events").json()["items"]] == ["ev1", "ev2"]
    assert [e["id"] for e in client.get("/api/events?outlet=Ostrava Ledger").json()["items"]] == [
        "ev2"
    ]
    assert client.get("/api/claims?status=contested").json()["total"] == 2
    assert client.get("/api/claims?status=corroborated").json()["total"] == 0
    denied = client.get("/api/claims?status=denied")  # every status the schema allows
    assert denied.status_code == 200 and denied.json()["total"] == 0
    quotes = client.get("/api/quotes?speaker=e_mara").json()["items"]
    assert [q["text"] for q in quotes] == ["We evacuated 4,000 people overnight,"]


def test_search(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "repairs had been DELAYED"}).json()
    assert found["total"] == 1
    hit = found["items"][0]
    assert hit["article"]["outlet"] == "Ostrava Ledger"
    text = client.get(f"/api/articles/{hit['article']['id']}").json()["text"]
    assert text[hit["start"] : hit["end"]] == "repairs had been delayed"
    assert "repairs had been delayed" in hit["snippet"]
    # every word must appear; the phrase need not
    assert client.get("/api/search", params={"q": "embankment evacuated"}).json()["total"] == 2
    assert client.get("/api/search", params={"q": "zzzz"}).json()["total"] == 0
    narrowed = client.get("/api/search", params={"q": "embankment", "outlet": "River Wire"})
    assert narrowed.json()["total"] == 1


def test_openapi_and_offline_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    for path in ("/api/articles", "/api/entities", "/api/places", "/api/events", "/api/claims",
                 "/api/quotes", "/api/search"):  # fmt: skip
        assert path in schema["paths"]
    docs = client.get("/docs").text
    assert "/api/search" in docs and "<script" not in docs and "http" not in docs.split("</h1>")[1]


def test_rebuilt_report_is_picked_up(folder: Path) -> None:
    client = TestClient(create_app(folder))
    assert client.get("/api/articles").json()["total"] == 4
    data = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    data["articles"] = data["articles"][:1]
    (folder / "report.json").write_text(json.dumps(data), encoding="utf-8")
    stat = (folder / "report.json").stat()
    os.utime(folder / "report.json", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert client.get("/api/articles").json()["total"] == 1


def test_store_stays_writable_while_serving(folder: Path) -> None:
    client = TestClient(create_app(folder))
    client.get("/api/articles")
    client.get("/")
    # a build into the same folder takes the store for writing
    report = report_with_events()
    extra = dataclasses.replace(report.articles[0], id="z" * 16, text="A later article.")
    with Store.open(folder) as store, store.transaction():
        store.add_articles([extra], [("in/later.txt", extra.id)])


def test_folder_without_report(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"report\.json is missing"):
        create_app(tmp_path)
