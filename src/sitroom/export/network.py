"""The actor network: actors linked when the same articles name them, and outlets linked to
the actors they quote and the sources they cite (the graph report.html draws)."""

from __future__ import annotations

from collections import Counter
from itertools import combinations
from typing import Any

import networkx as nx

JsonObject = dict[str, Any]


def actor_graph(data: JsonObject) -> Any:
    """A ``networkx.MultiDiGraph``: nodes ``entity id`` (kind actor) and ``outlet:NAME`` (kind
    outlet); edges keyed by kind: ``co-occurs`` (weight = shared articles, stored once, from
    the smaller id), ``quotes`` and ``cites`` (outlet to actor, weight = times)."""
    graph = nx.MultiDiGraph()
    for entity in data["entities"]:
        graph.add_node(
            entity["id"],
            kind="actor",
            label=str(entity["name"]),
            type=str(entity["type"]),
            aliases="; ".join(entity.get("aliases", [])),
            mentions=int(entity["mention_count"]),
            articles=len(entity.get("articles", [])),
        )
    by_article: dict[str, list[str]] = {}
    for entity in data["entities"]:
        for article in entity.get("articles", []):
            by_article.setdefault(article, []).append(entity["id"])
    pairs: Counter[tuple[str, str]] = Counter()
    for ids in by_article.values():
        pairs.update(combinations(sorted(set(ids)), 2))
    for (a, b), weight in sorted(pairs.items()):
        graph.add_edge(a, b, key="co-occurs", kind="co-occurs", weight=int(weight))
    outlet_of = {a["id"]: a["outlet"] for a in data["articles"]}
    links: Counter[tuple[str, str, str]] = Counter()
    for quote in data["quotes"]:
        if quote.get("speaker") in graph and quote["article"] in outlet_of:
            links[(outlet_of[quote["article"]], quote["speaker"], "quotes")] += 1
    for citation in data["citations"]:
        if citation.get("source") in graph and citation["article"] in outlet_of:
            links[(outlet_of[citation["article"]], citation["source"], "cites")] += 1
    for (outlet, target, kind), weight in sorted(links.items()):
        node = f"outlet:{outlet}"
        if node not in graph:
            count = sum(1 for o in outlet_of.values() if o == outlet)
            graph.add_node(
                node, kind="outlet", label=outlet, type="OUTLET", aliases="", mentions=0,
                articles=count,
            )  # fmt: skip
        graph.add_edge(node, target, key=kind, kind=kind, weight=int(weight))
    return graph
