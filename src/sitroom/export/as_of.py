"""``--as-of D``: the report as it stood on day D.

Only articles published by D count (an article dated by inference counts when its whole
range ends by D; an undated article does not count, since it may be later), and of the rest
only what those articles said: records lose the evidence, mentions and citations that came
from later articles, and a record left with none is dropped.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from ..errors import UsageError

JsonObject = dict[str, Any]


def parse_day(value: str) -> str:
    """``value`` as YYYY-MM-DD, or a usage error naming the option."""
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise UsageError(f"--as-of {value!r} is not a date", fix="write YYYY-MM-DD") from None


def published_by(article: JsonObject, day: str) -> bool:
    """Whether ``article`` was certainly published on or before ``day``."""
    if article.get("published"):
        return bool(article["published"] <= day)
    date_range = article.get("date_range")
    if date_range:
        return bool(date_range[1] <= day)
    return False


def as_of(data: JsonObject, day: str) -> JsonObject:
    """A copy of report data restricted to what was published by ``day``."""
    articles = [a for a in data["articles"] if published_by(a, day)]
    kept = {a["id"] for a in articles}
    outlet_of = {a["id"]: a["outlet"] for a in articles}

    def with_articles(items: list[JsonObject]) -> list[JsonObject]:
        out = []
        for item in items:
            ids = [i for i in item.get("articles", []) if i in kept]
            if ids:
                out.append({**item, "articles": ids})
        return out

    def with_evidence(items: list[JsonObject]) -> list[JsonObject]:
        out = []
        for item in items:
            evidence = [e for e in item.get("evidence", []) if e["article"] in kept]
            if not evidence:
                continue
            updated = {**item, "evidence": evidence}
            if "outlets" in item:
                outlets = sorted({outlet_of[e["article"]] for e in evidence})
                updated["outlets"] = outlets
                if "independent_sources" in item:
                    updated["independent_sources"] = min(item["independent_sources"], len(outlets))
            out.append(updated)
        return out

    claims = with_evidence(data["claims"])
    claim_ids = {c["id"] for c in claims}
    for claim in claims:
        claim["contradicts"] = [c for c in claim.get("contradicts", []) if c in claim_ids]
        if claim.get("status") == "contested" and not claim["contradicts"]:
            claim["status"] = (
                "corroborated" if claim["independent_sources"] >= 2 else "single_source"
            )
    outlets = {a["outlet"] for a in articles}
    return {
        **data,
        "as_of": day,
        "articles": articles,
        "entities": with_articles(data["entities"]),
        "places": with_articles(data["places"]),
        "stories": with_articles(data["stories"]),
        "events": with_evidence(data["events"]),
        "claims": claims,
        "summary": with_evidence(data["summary"]),
        "quotes": [
            {**q, "also_in": [i for i in q.get("also_in", []) if i in kept]}
            for q in data["quotes"]
            if q["article"] in kept
        ],
        "citations": [c for c in data["citations"] if c["article"] in kept],
        # Framing scores are not recomputed; an outlet with nothing left is dropped.
        "framing": [f for f in data["framing"] if f["outlet"] in outlets],
    }
