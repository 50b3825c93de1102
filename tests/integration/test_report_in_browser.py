"""report.html opens from file:// in headless Chromium, with no network, and shows the
articles; we also keep a screenshot to look at."""

from __future__ import annotations

import html
import shutil
import subprocess
from pathlib import Path

import pytest

from .conftest import load_report

CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Chromium is not installed (make test installs Debian's chromium)")
    return found


def _run(args: list[str], profile: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_chromium(), *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_demo_report_renders_with_its_articles(demo_out: Path, tmp_path: Path) -> None:
    page = demo_out / "report.html"
    dom = _run(["--dump-dom", page.as_uri()], tmp_path / "profile").stdout
    report = load_report(demo_out)
    assert "<table" in dom
    titles = [a["title"] for a in report["articles"] if a["title"]]
    assert titles
    for title in titles:
        assert html.escape(title, quote=False) in dom, f"title missing from the page: {title}"
    for rejected in report["rejected"]:
        assert Path(rejected["path"]).name in dom


def test_demo_report_screenshot(demo_out: Path, tmp_path: Path) -> None:
    shot = tmp_path / "report.png"
    _run(
        [f"--screenshot={shot}", "--window-size=1280,2000", (demo_out / "report.html").as_uri()],
        tmp_path / "profile",
    )
    assert shot.is_file() and shot.stat().st_size > 20_000, "the page rendered something"
