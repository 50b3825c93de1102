from __future__ import annotations

from sitroom.ingest import domain_of, pick_outlet


def test_named_outlet_wins_over_url_and_default() -> None:
    assert pick_outlet("Delta Daily", "https://www.other.example/a", "Mine") == "Delta Daily"


def test_url_domain_without_www_when_no_name() -> None:
    assert pick_outlet(None, "https://www.bbc.co.uk/news/world-1", "Mine") == "bbc.co.uk"
    assert pick_outlet("   ", "http://News.Example.org:8080/x", None) == "news.example.org"


def test_user_default_then_none() -> None:
    assert pick_outlet(None, None, "My Outlet") == "My Outlet"
    assert pick_outlet(None, "not a url", None) is None


def test_domain_of_accepts_bare_domains_and_rejects_junk() -> None:
    assert domain_of("www.reuters.com") == "reuters.com"
    assert domain_of("") is None
    assert domain_of("localhost") is None
