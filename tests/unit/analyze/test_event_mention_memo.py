"""Event mentions kept in the memo come back equal, texts cut from the article or kept, an
article's resolved mentions one line each."""

from __future__ import annotations

import json
from datetime import date

from sitroom.analyze.events import (
    _decode_mention,
    _decode_resolved,
    _encode_mention,
    _encode_resolved,
    _Resolved,
)
from sitroom.types import Article, EventMention, StatedNumber, TextSpan

TEXT = "Rebels shelled Hama on Tuesday, killing 12 civilians, officials said."


def test_event_mentions_round_trip_through_the_memo() -> None:
    article = Article(id="a1", text=TEXT, outlet="Outlet", title=None, url=None,
                      published=None, date_basis="unknown", date_range=None, language="en",
                      words=10)
    full = EventMention(
        article="a1", start=0, end=52, text=TEXT[0:52], trigger_start=7, trigger_end=14,
        trigger="shell", type="attack", nominal=False,
        actors=(TextSpan(0, 6, "Rebels"),), targets=(TextSpan(15, 19, "Hama"),),
        place=TextSpan(15, 19, "Hama"), time=TextSpan(20, 30, "on Tuesday"),
        modality="reported", speaker=TextSpan(54, 63, "officials"),
        numbers=(StatedNumber("killed", 12, "civilians", 40, 52, "12 civilians"),),
        refers_back=True)
    # texts that are not the article's characters at their offsets (normalised words)
    odd = EventMention(
        article="a1", start=0, end=30, text="Rebels  shelled Hama", trigger_start=7,
        trigger_end=14, trigger="shell", type="attack", actors=(TextSpan(0, 6, "rebels"),),
        numbers=(StatedNumber("killed", 12, "civilians", 40, 52, "twelve civilians"),))
    for mention in (full, odd):
        row = json.loads(json.dumps(_encode_mention(mention, TEXT)))
        assert _decode_mention(row, article) == mention
    assert _encode_mention(full, TEXT)[2] is None  # the clause is cut from the article
    assert _encode_mention(odd, TEXT)[2] == "Rebels  shelled Hama"


def test_an_articles_resolved_mentions_come_back_one_line_each() -> None:
    text = "Rebels shelled\nHama on Tuesday.\nOfficials said 12 died."
    article = Article(id="a1", text=text, outlet="Outlet", title=None, url=None,
                      published="2024-11-27", date_basis="header", date_range=None,
                      language="en", words=10)
    broken = EventMention(  # texts with line breaks, cut from the article and not
        article="a1", start=0, end=31, text="Rebels shelled\n\nHama", trigger_start=7,
        trigger_end=14, trigger="shell", type="attack", actors=(TextSpan(0, 6, "Rebels"),),
        place=TextSpan(15, 19, "Hama"))
    plain = EventMention(article="a1", start=32, end=55, text=text[32:55], trigger_start=47,
                         trigger_end=51, trigger="die", type="attack")
    found = [
        _Resolved(broken, "Outlet", "2024-11-27", ("e_rebels",), (), "p_hama", "2024-11-26",
                  "day", "time_expression", date(2024, 11, 26), date(2024, 11, 26), None),
        _Resolved(plain, "Outlet", "2024-11-27", (), (), None, "2024-11-27", "range",
                  "article_date", date(2024, 11, 13), date(2024, 11, 27), "e_officials"),
    ]
    lines = _encode_resolved(found, text).split("\n")
    assert [_decode_resolved(line, article) for line in lines] == found
    assert _decode_resolved(lines[1], article) == found[1]  # each line on its own
