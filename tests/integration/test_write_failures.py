"""A write that fails (a full disk, a file size limit, a read-only folder) gives a clear error
naming the output folder and the fix, exit 2, and the store stays readable and buildable."""

from __future__ import annotations

import errno
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sitroom.pipeline import articles as stored_articles
from tests.conftest import ROOT

from .conftest import run_cli

DEMO = ROOT / "src" / "sitroom" / "data" / "demo"

# A short new article, so that the next build has something new to store and report.
EXTRA = (
    "Relief convoys reached the flooded district of Dadu on Wednesday, the provincial disaster "
    "authority said. \"Boats and tents are the priority,\" a spokesperson told reporters in "
    "Sukkur. Water levels at the barrage fell slightly overnight, engineers said.\n"
)

# Runs `sitroom ARGS` with every file this process writes capped at LIMIT bytes, as a full
# disk would stop it (the kernel answers EFBIG; the signal it also sends is ignored).
_CAPPED = (
    "import resource, runpy, signal, sys\n"
    "limit = int(sys.argv[1])\n"
    "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
    "resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))\n"
    "sys.argv = ['sitroom', *sys.argv[2:]]\n"
    "runpy.run_module('sitroom', run_name='__main__')\n"
)


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Three demo articles built once; each test works on a copy."""
    base = tmp_path_factory.mktemp("write-failures")
    inputs = base / "in"
    inputs.mkdir()
    for path in sorted(DEMO.glob("*.txt"))[:3]:
        shutil.copy(path, inputs / path.name)
    out = base / "out"
    result = run_cli("build", str(inputs), "--out", str(out), "--quiet")
    assert result.exit_code == 0, result.output
    return inputs, out


@pytest.fixture()
def built(pristine: tuple[Path, Path], tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the built store, and its input folder with one more article in it."""
    inputs, out = tmp_path / "in", tmp_path / "out"
    shutil.copytree(pristine[0], inputs)
    shutil.copytree(pristine[1], out)
    (inputs / "99_relief_convoys.txt").write_text(EXTRA, encoding="utf-8")
    return inputs, out


def _assert_clear_failure(result_code: int, stderr: str, out: Path) -> None:
    assert result_code == 2, stderr
    assert str(out) in stderr
    assert "fix:" in stderr
    assert "internal error" not in stderr
    assert "Traceback" not in stderr


def _assert_store_usable(inputs: Path, out: Path, before: int) -> None:
    """`sitroom articles` still reads the store, and a build without the fault completes."""
    listed = run_cli("articles", str(out), "--json")
    assert listed.exit_code == 0, listed.output
    assert len(json.loads(listed.stdout)) >= before
    again = run_cli("build", str(inputs), "--out", str(out), "--quiet", "--json")
    assert again.exit_code == 0, again.output
    assert json.loads(again.stdout)["articles_total"] == before + 1
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert len(report["articles"]) == before + 1


def test_full_disk_while_writing_the_report(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    inputs, out = built
    before = len(stored_articles(out))
    old_report = (out / "report.json").read_bytes()

    def no_space(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("sitroom.report.both_files.os.fsync", no_space)
    result = run_cli("build", str(inputs), "--out", str(out), "--quiet")
    monkeypatch.undo()
    _assert_clear_failure(result.exit_code, result.stderr, out)
    assert "No space left" in result.stderr
    # The report is replaced in one step or not at all, and no temporary file is left behind.
    assert (out / "report.json").read_bytes() == old_report
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
    _assert_store_usable(inputs, out, before)


def test_output_folder_turned_read_only_before_the_report(
    built: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    # chmod cannot stop root, who runs this suite in some containers, so the refusal the
    # kernel gives for a read-only folder is raised where the report's first file is made.
    inputs, out = built
    before = len(stored_articles(out))

    def read_only(*args: object, dir: str | None = None, **kwargs: object) -> tuple[int, str]:
        raise PermissionError(errno.EACCES, "Permission denied", os.path.join(str(dir), "x"))

    monkeypatch.setattr("sitroom.report.both_files.tempfile.mkstemp", read_only)
    result = run_cli("build", str(inputs), "--out", str(out), "--quiet")
    monkeypatch.undo()
    _assert_clear_failure(result.exit_code, result.stderr, out)
    assert "writable" in result.stderr
    _assert_store_usable(inputs, out, before)


@pytest.mark.skipif(sys.platform != "linux", reason="RLIMIT_FSIZE semantics are Linux's")
def test_file_size_limit_in_a_real_build_process(built: tuple[Path, Path]) -> None:
    # A real process whose writes the kernel refuses past 64 KiB (wherever they happen: the
    # store's log, a temporary file, the report), as on a disk that fills mid-build.
    inputs, out = built
    before = len(stored_articles(out))
    capped = subprocess.run(
        [sys.executable, "-c", _CAPPED, str(64 * 1024), "build", str(inputs), "--out", str(out),
         "--quiet"],
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        capture_output=True,
        text=True,
        timeout=600,
    )
    _assert_clear_failure(capped.returncode, capped.stderr, out)
    _assert_store_usable(inputs, out, before)
