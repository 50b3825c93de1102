"""An html.parser walk of report.html that records what a browser would act on."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any


@dataclass
class Element:
    tag: str
    attrs: dict[str, str]


@dataclass
class Probe(HTMLParser):
    elements: list[Element] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    _in_script: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append(Element(tag, {k.lower(): v or "" for k, v in attrs}))
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)

    def tags(self, name: str) -> list[Element]:
        return [e for e in self.elements if e.tag == name]

    @property
    def visible_text(self) -> str:
        return "".join(self.text)


def probe(document: str) -> Probe:
    parser = Probe()
    parser.feed(document)
    parser.close()
    return parser


def expand_page_data(data: dict[str, Any]) -> dict[str, Any]:
    """The page's compact data (sitroom.report.page_data) in report.json's shape, rebuilt the
    way report.js's expandPageData rebuilds it: what the page's views then read."""
    ids = [a["id"] for a in data["articles"]]
    texts = data["texts"]

    def article(ref: int | str) -> str:
        return ids[ref] if isinstance(ref, int) else ref

    def passage(ref: list[Any]) -> dict[str, Any]:
        name = article(ref[0])
        text = ref[3] if len(ref) > 3 else texts[name][ref[1] : ref[2]]
        return {"article": name, "start": ref[1], "end": ref[2], "text": text}

    out = {key: value for key, value in data.items()}
    for key in ("entities", "places", "stories"):
        out[key] = [{**item, "articles": [article(a) for a in item["articles"]]}
                    for item in data[key]]  # fmt: skip
    def words(item: dict[str, Any]) -> dict[str, Any]:
        item = {**item, "evidence": [passage(p) for p in item["evidence"]]}
        if isinstance(item.get("text"), list):
            first = item["evidence"][0]["article"]
            item["text"] = texts[first][item["text"][0] : item["text"][1]]
        return item

    for key in ("events", "claims", "summary"):
        out[key] = [words(item) for item in data[key]]
    out["summary"] = [{**item, "counter_evidence": [passage(p) for p in item["counter_evidence"]]}
                      for item in out["summary"]]  # fmt: skip
    quotes = []
    for quote in data["quotes"]:
        quote = {**quote, "article": article(quote["article"])}
        if "text" not in quote:
            quote["text"] = texts[quote["article"]][quote["start"] : quote["end"]]
        quotes.append(quote)
    out["quotes"] = quotes
    out["citations"] = [{**c, "article": article(c["article"])} for c in data["citations"]]
    return out


def page_view(report: dict[str, Any], texts: dict[str, str]) -> dict[str, Any]:
    """report.json's data (``report``) cut to what the page shows: the lists and fields of
    ``PAGE_FIELDS``, a framing term's term and score, and the texts."""
    from sitroom.report.page_data import PAGE_FIELDS

    out: dict[str, Any] = {}
    for key, value in report.items():
        if not isinstance(value, list):
            out[key] = value
        elif key in PAGE_FIELDS:
            fields = PAGE_FIELDS[key]
            out[key] = [item if fields is None else
                        {f: _passages(f, item[f]) for f in fields if f in item}
                        for item in value]  # fmt: skip
    out["framing"] = [
        {"outlet": f["outlet"],
         "distinctive_terms": [{"term": t["term"], "score": t["score"]}
                               for t in f["distinctive_terms"]]}
        for f in report.get("framing", [])
    ]  # fmt: skip
    out["texts"] = texts
    return out


def _passages(field: str, value: Any) -> Any:
    """A list of passages as the page rebuilds it (the trigger's offsets are not shown)."""
    if field not in ("evidence", "counter_evidence"):
        return value
    return [{k: e[k] for k in ("article", "start", "end", "text")} for e in value]
