"""What each crafted hostile input (issue 14) costs beside one good article, against the good
article alone: CPU seconds and peak resident memory of the whole ``sitroom build`` process.

    python bench/hostile_cost.py [--json] [--only NAME]

Each build runs in a fresh process (``resource.getrusage`` of the child), so the ratios hold
on a busy machine better than wall-clock times. The crafted inputs are the ones the hostile
suite (tests/integration/test_hostile_input.py) builds all together.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.integration.test_bad_input import GOOD  # noqa: E402
from tests.integration.test_hostile_input import (  # noqa: E402
    _article,
    _entity_feed,
    _tiny_tar,
    _zip_of_spaces,
)


def _cases() -> dict[str, Callable[[Path], None]]:
    return {
        "entity feed": lambda d: (d / "entities.xml").write_bytes(_entity_feed()),
        "zip of 12 x 199 MiB": lambda d: (d / "spaces.zip").write_bytes(
            _zip_of_spaces(12, 199 * 2**20)
        ),
        "tar of 100,000 entries": lambda d: (d / "tiny.tar").write_bytes(_tiny_tar(100_000)),
        "quadratic header": lambda d: (d / "header.txt").write_text(
            "title: a" + " " * 300_000 + "b\n\n" + _article("Wednesday"), encoding="utf-8"
        ),
        "200,000 bad JSONL rows": lambda d: (d / "ones.jsonl.gz").write_bytes(
            gzip.compress(b"1\n" * 200_000)
        ),
        "FIFO sidecar": lambda d: os.mkfifo(d / "sources.csv"),
        "link to /dev/zero as sidecar": lambda d: (d / "sources.csv").symlink_to("/dev/zero"),
        "link to /etc/passwd": lambda d: (d / "passwd.txt").symlink_to("/etc/passwd"),
        # One crafted article each (issue 13's bounded cost per input), near the article
        # length limit: each once cost minutes or the square of its length.
        "two kinds of opener in turn, 100 KB": lambda d: _one_article(d, "“a «b ", 100_000),
        "one sentence of 200 KB": lambda d: _one_article(
            d, "the farmers in the valley walked slowly toward the old market and ", 200_000
        ),
        "4,000 quotes with a speaker, 200 KB": lambda d: _one_article(
            d, "“We stay,” Tavi Moren said. ", 200_000
        ),
        # The second round: one article at the length limit costs the parse of 300 KB
        # (bounded pieces now), and thousands of distinct quotes, names or near-identical
        # sentences reach the corpus steps, since the cleaner no longer collapses them.
        "paragraphs of prose, 300 KB": lambda d: _numbered_article(
            d, "Rescue teams moved {i} families to schools on higher ground on Saturday, "
            "officials said. The provincial authority expected more rain.\n\n", 300_000
        ),
        "8,300 distinct quotes with a speaker, 300 KB": lambda d: _numbered_article(
            d, "“We stay here {i},” Tavi Moren said. ", 300_000
        ),
        "5,400 quotes holding an event, 300 KB": lambda d: _numbered_article(
            d, "“Troops attacked the town {i} times,” Tavi Moren said. ", 300_000
        ),
        "9,800 distinct names, 300 KB": lambda d: _numbered_article(
            d, "{name} met {other} in the capital on Monday. ", 300_000
        ),
        "5,600 near-identical sentences, 300 KB": lambda d: _numbered_article(
            d, "The army shelled the town {i} times, officials said. ", 300_000
        ),
    }


def _one_article(folder: Path, unit: str, chars: int) -> None:
    """An article of ``unit`` repeated up to ``chars`` characters, after a headline."""
    body = (unit * (chars // len(unit) + 1))[:chars]
    (folder / "crafted.txt").write_text("Crafted\n\n" + body + "\n", encoding="utf-8")


_GIVEN = ("Ana", "Boris", "Chen", "Dara", "Emil", "Farah", "Goran", "Hana", "Ivo", "Jana")


_FRONT = ("Ash", "Brook", "Carl", "Dun", "Elm", "Fair", "Glen", "Hart", "Ing", "Kings", "Lang",
          "Marsh", "North", "Oak", "Pem", "Red", "Stan", "Thorn", "Wake", "West")
_MIDDLE = ("", "er", "ing", "el", "an", "ow", "il", "ard", "es", "in")
_BACK = ("ford", "ton", "field", "wood", "ley", "worth", "by", "well", "more", "dale", "cott",
         "ham", "bridge", "stone", "land", "wall", "hurst", "brook", "wick", "shaw", "mont",
         "ridge", "croft", "gate", "holm", "stead", "thorpe", "burn", "combe", "den", "fold",
         "marsh", "mere", "port", "side", "stow", "vale", "ward", "way", "win", "yard", "bank",
         "cliff", "dell", "haven", "lock", "moor", "over", "rick", "sett", "ton-Hale", "lin",
         "ston", "bury", "ick", "en", "ing", "er", "ell", "ay", "ow", "y", "s", "e", "ett")


def _surname(k: int) -> str:
    """A made-up surname of English look (the article must read as English to be
    annotated), distinct for each ``k`` below 20 x 10 x 67."""
    return _FRONT[k % 20] + _MIDDLE[k // 20 % 10] + _BACK[k // 200 % len(_BACK)]


def _numbered_article(folder: Path, template: str, chars: int) -> None:
    """An article of ``template`` filled with a counter (``{i}``) and two distinct names
    (``{name}``, ``{other}``) per repetition, up to ``chars`` characters: numbered so the
    cleaner's removal of repeated sentences does not collapse it."""
    parts: list[str] = []
    size, i = len("Crafted\n\n\n"), 0  # the whole file stays within the article limit
    while True:
        part = template.format(i=i, name=f"{_GIVEN[i % 10]} {_surname(i)}",
                               other=f"{_GIVEN[(i * 7 + 3) % 10]} {_surname(i + 7919)}")
        if size + len(part) > chars:
            break
        parts.append(part)
        size += len(part)
        i += 1
    (folder / "crafted.txt").write_text("Crafted\n\n" + "".join(parts) + "\n", encoding="utf-8")


_RUNNER = """
import atexit, resource, sys
def report():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"COST {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss}", file=sys.stderr)
atexit.register(report)
sys.argv = ["sitroom", *sys.argv[1:]]
from sitroom.cli import main
main()
"""


def _build(folder: Path, out: Path) -> tuple[float, float]:
    """CPU seconds and peak RSS (MiB) of one build, measured inside its own process."""
    done = subprocess.run(
        [sys.executable, "-c", _RUNNER, "build", str(folder), "--out", str(out), "--quiet"],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    for line in done.stderr.splitlines():
        if line.startswith("COST "):
            _, cpu, peak_kb = line.split()
            return float(cpu), int(peak_kb) / 1024
    raise RuntimeError(f"the build reported no cost: {done.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", help="one case by name")
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory(prefix="sitroom-hostile-") as scratch:
        base = Path(scratch)
        good = base / "good"
        good.mkdir()
        (good / "good.txt").write_text(GOOD, encoding="utf-8")
        good_cpu, good_rss = _build(good, base / "good-out")
        for name, make in _cases().items():
            if args.only and args.only != name:
                continue
            folder = base / name.replace(" ", "_").replace("/", "_")
            folder.mkdir()
            (folder / "good.txt").write_text(GOOD, encoding="utf-8")
            make(folder)
            cpu, rss = _build(folder, base / (folder.name + "-out"))
            rows.append({"case": name, "cpu_s": round(cpu, 1),
                         "cpu_ratio": round(cpu / good_cpu, 2), "peak_rss_mib": round(rss)})
    result = {"good_alone_cpu_s": round(good_cpu, 1), "good_alone_peak_rss_mib": round(good_rss),
              "cases": rows}
    if args.json:
        print(json.dumps(result))
    else:
        print(f"good article alone: {good_cpu:.1f} s CPU, {good_rss:.0f} MiB peak")
        for row in rows:
            print(f"{row['case']:<32} {row['cpu_s']:>6} s CPU  x{row['cpu_ratio']:<5} "
                  f"peak {row['peak_rss_mib']} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
