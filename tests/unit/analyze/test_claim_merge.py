from __future__ import annotations

import subprocess
import sys
from typing import Any

import numpy as np

from sitroom.analyze.claim_merge import merge_statements
from sitroom.analyze.embed import embed_texts
from sitroom.analyze.statements import Quantity, Statement
from sitroom.types import Evidence


def _statement(article: str, text: str, places: set[str], classes: set[str],
               quantities: tuple[Quantity, ...] = ()) -> Statement:
    return Statement(
        key=(article, 0, len(text)), article=article, outlet=f"outlet {article}",
        published="2024-12-01", text=text, evidence=Evidence(article, 0, len(text), text),
        subject="e_hts", subject_text="HTS", object_key=None, object_text=None,
        object_head=None, entities=frozenset({"e_hts"}), places=frozenset(places),
        classes=frozenset(classes), predicate="capture", negated=False, attempted=False,
        quantities=quantities, dates=(), speaker=None, speaker_text=None, via=None,
    )


def _groups(statements: list[Statement]) -> list[set[str]]:
    vectors = np.array(embed_texts([s.text for s in statements]), dtype=np.float32)
    return [{statements[i].article for i in g} for g in merge_statements(statements, vectors)]


def test_paraphrases_merge_but_other_places_stay_apart(minilm: Any) -> None:
    statements = [
        _statement("a", "HTS fighters captured the city of Hama on Thursday.", {"p_hama"},
                   {"capture"}),
        _statement("b", "Hama was seized by HTS.", {"p_hama"}, {"capture"}),
        _statement("c", "HTS fighters captured the city of Homs on Thursday.", {"p_homs"},
                   {"capture"}),
    ]
    groups = _groups(statements)
    assert {"a", "b"} in groups
    assert {"c"} in groups


def test_different_tolls_do_not_merge(minilm: Any) -> None:
    statements = [
        _statement("a", "The death toll in the district rose to 41.", {"p_dadu"}, set(),
                   (Quantity("deaths", 41, None, "41"),)),
        _statement("b", "The death toll in the district rose to 63.", {"p_dadu"}, set(),
                   (Quantity("deaths", 63, None, "63"),)),
    ]
    assert _groups(statements) == [{"a"}, {"b"}]


def test_importing_the_cli_does_not_load_torch() -> None:
    code = ("import sys, sitroom.cli, sitroom.pipeline, sitroom.analyze.findings; "
            "print('torch' in sys.modules or 'sentence_transformers' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == "False"


def test_candidate_codes_are_every_bucket_pair_once_in_order() -> None:
    import numpy as np

    from sitroom.analyze.claim_merge import _Pairs

    rng = np.random.default_rng(7)
    size = 300
    pairs = _Pairs(size)
    pairs.FLUSH = 50  # deduplicate many times along the way
    expected: set[tuple[int, int]] = set()
    for _ in range(40):
        members = sorted(rng.choice(size, int(rng.integers(2, 30)), replace=False).tolist())
        pairs.add_bucket(members)
        expected |= {(a, b) for k, a in enumerate(members) for b in members[k + 1:]}
    codes = pairs.codes().tolist()
    assert codes == sorted(a * size + b for a, b in expected)


def test_filtered_candidate_codes_are_the_kept_pairs_of_every_bucket_once() -> None:
    import numpy as np

    from sitroom.analyze.claim_merge import _Pairs

    rng = np.random.default_rng(11)
    size = 300

    def even_sum(codes: np.ndarray) -> np.ndarray:  # a pair rule that needs both halves
        left, right = np.divmod(codes, size)
        return np.asarray((left + right) % 2 == 0)

    pairs = _Pairs(size, even_sum)
    pairs.FLUSH = 50  # filter and deduplicate many times along the way
    expected: set[tuple[int, int]] = set()
    for _ in range(40):
        members = sorted(rng.choice(size, int(rng.integers(2, 30)), replace=False).tolist())
        pairs.add_bucket(members)
        expected |= {(a, b) for k, a in enumerate(members) for b in members[k + 1:]
                     if (a + b) % 2 == 0}
    codes = pairs.codes().tolist()
    assert codes == sorted(a * size + b for a, b in expected)
    assert codes  # the rule kept some pairs, so the check above compared something


def test_candidate_pairs_follow_the_statements_whatever_their_order() -> None:
    from sitroom.analyze.claim_merge import candidate_pairs

    rng = np.random.default_rng(5)
    count = 400
    statements = [_statement(f"a{k}", f"statement {k}", set(), set()) for k in range(count)]
    # Few dimensions, so that many rows share buckets and pairs are found.
    vectors = rng.standard_normal((count, 6)).astype(np.float32)
    embedded = rng.random(count) < 0.8
    pairs = candidate_pairs(statements, vectors, embedded)
    order = rng.permutation(count)
    moved = candidate_pairs([statements[k] for k in order], vectors[order], embedded[order])
    assert pairs  # the buckets held pairs, so the comparison below compares something
    assert {tuple(sorted((int(order[i]), int(order[j])))) for i, j in moved} == pairs


def test_merged_groups_equal_joining_every_candidate_pair() -> None:
    """Dropping a bucket's far-apart pairs before the per-pair checks changes no group."""
    from sitroom.analyze.claim_merge import _join_if_same, candidate_pairs

    rng = np.random.default_rng(13)
    count = 300
    statements = [_statement(f"a{k}", f"statement {k}", {"p_town"},
                             {("capture", "attack", "shell")[k % 3]}) for k in range(count)]
    # Few dimensions, so that buckets are shared and similarities spread around the
    # thresholds (SAME_FRAME for a shared frame, SAME_CLAIM otherwise).
    raw = rng.standard_normal((count, 12)).astype(np.float32)
    vectors = raw / np.linalg.norm(raw, axis=1, keepdims=True)
    embedded = rng.random(count) < 0.9
    vectors[~embedded] = 0.0
    parent = list(range(count))

    def find(x: int) -> int:
        while parent[x] != x:
            x = parent[x]
        return x

    for i, j in sorted(candidate_pairs(statements, vectors, embedded)):
        _join_if_same(statements, vectors, i, j, find, parent)
    expected: dict[int, list[int]] = {}
    for i in range(count):
        expected.setdefault(find(i), []).append(i)
    groups = merge_statements(statements, vectors, embedded)
    assert groups == [expected[k] for k in sorted(expected)]
    # some merged and some did not, so the check compares something
    assert 0 < sum(len(g) for g in groups if len(g) > 1) < count


def test_buckets_added_by_runs_give_the_pairs_each_bucket_gives() -> None:
    import numpy as np

    from sitroom.analyze.claim_merge import MAX_BUCKET, _Pairs

    rng = np.random.default_rng(13)
    size = 500

    def not_by_three(buckets: np.ndarray, left: np.ndarray, right: np.ndarray) -> np.ndarray:
        # a rule that reads each bucket's own members
        return np.asarray((buckets[:, left] + buckets[:, right]) % 3 != 0)

    compared = 0
    for rule in (None, not_by_three):
        members = np.sort(rng.choice(size, 400, replace=False))
        # bucket keys with buckets of one member, of many and past MAX_BUCKET
        keys = rng.integers(0, 60, len(members))
        keys[:MAX_BUCKET + 5] = 99
        by_runs = _Pairs(size, within=rule)
        by_runs.add_runs(members, keys)
        pairs: set[int] = set()
        for key in np.unique(keys).tolist():
            bucket = members[keys == key].tolist()
            if len(bucket) <= MAX_BUCKET:
                pairs |= {a * size + b for k, a in enumerate(bucket) for b in bucket[k + 1:]
                          if rule is None or (a + b) % 3 != 0}
        expected = sorted(pairs)
        assert by_runs.codes().tolist() == expected
        compared += len(expected)
    assert compared
