"""Per-article products of the corpus steps, kept in the store between builds.

Several corpus steps begin with work that is pure per article (an article's statements, its
framing words, its event mentions resolved to entity and place ids) and only then compare
articles. A build that adds a few articles to thousands used to redo that work for every
article, reading each one's stored annotations again. :func:`per_article` keeps each
article's product in the store's memo table under a digest of exactly the inputs it is
made from (the caller's ``digest``: the article, the corpus-level ids it reads), in a
namespace of sitroom's code and the annotations' pipeline version; a build reads the
annotations of, and makes the product for, only the articles whose digest it has not met,
and reads back only the entries of this build's digests; a build that makes entries drops
the namespace's others (entries of inputs that have changed, never read again). The
products come back in the annotations' order, made or decoded, equal either way.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from ..stored_memo import MemoStore, namespace

if TYPE_CHECKING:
    from ..store.annotation_view import StoredAnnotations
    from ..types import DocAnnotations

T = TypeVar("T")
#: Articles whose products are made, stored and handed out together: a bounded working set.
CHUNK = 500


def digest_of(*parts: Any) -> str:
    """A digest of JSON-encodable ``parts`` (tuples count as lists)."""
    text = json.dumps(parts, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def per_article(
    memo: MemoStore,
    name: str,
    annotations: StoredAnnotations,
    articles: Sequence[str],
    digest: Callable[[str], str],
    make: Callable[[DocAnnotations], T],
    encode: Callable[[T], str],
    decode: Callable[[str, str], T],
) -> Iterator[tuple[str, T]]:
    """``(article, product)`` for each of ``articles`` (ids of ``annotations``, in its order):
    ``decode(entry, article)`` of the stored entry under ``digest(article)`` where there is
    one, else ``make`` of the article's annotations (only theirs are read), stored with
    ``encode`` before that product is handed out.

    The articles go :data:`CHUNK` at a time: their entries are read, the missing products
    made and stored, then the chunk's products handed out. Made for the whole corpus before
    the first was handed out, the products of a first build (every one of them made) were
    all held at once beside their encodings, on top of what the caller keeps of them."""
    from ..fingerprint import code_digest

    name_space = namespace(name, code_digest(), annotations.version)
    keys = {article: digest(article) for article in articles}
    entries = memo_reader(memo, name_space)
    made_any = False
    for start in range(0, len(articles), CHUNK):
        chunk = articles[start:start + CHUNK]
        values = entries(sorted({keys[article] for article in chunk}))
        missing = {article for article in chunk if keys[article] not in values}
        made: dict[str, T] = {}
        if missing:
            fresh: dict[str, str] = {}
            for ann in annotations.within(missing):
                made[ann.article] = product = make(ann)
                fresh[keys[ann.article]] = encode(product)
            memo.add_memo_entries(name_space, sorted(fresh.items()))
            made_any = True
            del fresh
        for article in chunk:
            if article in made:
                yield article, made.pop(article)
            else:
                yield article, decode(values[keys[article]], article)
    keep = getattr(memo, "keep_memo_entries", None)
    if made_any and callable(keep):  # the entries of inputs that changed are never read again
        keep(name_space, sorted(set(keys.values())))


def memo_reader(memo: MemoStore, name_space: str) -> Callable[[list[str]], dict[str, str]]:
    """What reads the entries under some keys: the store reads only those (entries of inputs
    that changed pile up, and are never read); a memo that cannot is read whole, once."""
    read_keys = getattr(memo, "memo_entries_of", None)
    if callable(read_keys):
        def some(keys: list[str]) -> dict[str, str]:
            found: dict[str, str] = read_keys(name_space, keys)
            return found

        return some
    whole = memo.memo_entries(name_space)
    return lambda _keys: whole


def memo_finder(memo: MemoStore, name_space: str) -> Callable[[list[str]], set[str]]:
    """What says which of some keys hold an entry: the store reads the keys alone; a memo
    that cannot is asked for the entries (see :func:`memo_reader`)."""
    find_keys = getattr(memo, "memo_keys_of", None)
    if callable(find_keys):
        def present(keys: list[str]) -> set[str]:
            found: set[str] = find_keys(name_space, keys)
            return found

        return present
    read = memo_reader(memo, name_space)
    return lambda keys: set(read(keys)).intersection(keys)
