"""Letting the parser go after a big annotate stage, and loading it again on demand."""

from __future__ import annotations

import pytest

import sitroom.annotate.nlp as nlp_module
from sitroom import stages
from sitroom.annotate.nlp import load_parser, release_nlp


def test_a_released_parser_is_loaded_again_by_the_next_call() -> None:
    first = load_parser()
    release_nlp()
    assert load_parser.cache_info().currsize == 0
    second = load_parser()
    assert second is not first
    assert [t.text for t in second("Floods hit the town.")][:2] == ["Floods", "hit"]


def test_only_a_build_that_parsed_many_articles_releases_the_parser(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    released: list[bool] = []
    monkeypatch.setattr(nlp_module, "release_nlp", lambda: released.append(True))
    stages._release_parser(stages.RELEASE_PARSER_AFTER - 1)
    assert released == []
    stages._release_parser(stages.RELEASE_PARSER_AFTER)
    assert released == [True]



def test_a_fresh_copy_is_an_equal_new_string() -> None:
    from sitroom.memory import fresh_copy

    original = "".join(["ev_", "0123456789ab"])  # made at run time, not a shared constant
    copy = fresh_copy(original)
    assert copy == original
    assert copy is not original
    assert fresh_copy("") == ""


def test_each_holder_hands_back_its_memory_once() -> None:
    from sitroom.memory import release_freed_memory

    class Holder:
        def __init__(self) -> None:
            self.released = 0

        def release_memory(self) -> None:
            self.released += 1

    first, second = Holder(), Holder()
    release_freed_memory(first, second)
    release_freed_memory()
    assert (first.released, second.released) == (1, 1)
