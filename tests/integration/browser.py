"""Headless Chromium (Debian's, by path; never a browser download) driven by Playwright, with
every request leaving file:// or 127.0.0.1 refused and recorded, and every console error,
page error and dialog recorded, so a test can assert there were none."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
#: Screenshots a person looks at; ignored by git.
ARTIFACTS = ROOT / "test-artifacts" / "browser"
ALLOWED = ("file://", "http://127.0.0.1", "data:", "blob:", "about:")


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        pytest.skip("Chromium is not installed (make test installs Debian's chromium)")
    return found


@dataclass
class Watched:
    """A page and what it tried to do."""

    page: Any
    blocked: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.blocked == [], f"requests left the machine: {self.blocked}"
        assert self.errors == [], f"console errors: {self.errors}"
        assert self.dialogs == [], f"dialogs opened (script ran): {self.dialogs}"

    def open(self, url: str) -> None:
        self.page.goto(url)
        self.page.wait_for_selector("body[data-ready]", timeout=30_000)

    def shot(self, name: str, selector: str | None = None) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        if selector:
            self.page.locator(selector).screenshot(path=str(path))
        else:
            self.page.screenshot(path=str(path), full_page=False)
        return path


@pytest.fixture(scope="session")
def headless() -> Iterator[Any]:
    sync_api = pytest.importorskip("playwright.sync_api")
    path = chromium_path()
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def watch(headless: Any, width: int = 1280, height: int = 900) -> Watched:
    context = headless.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    watched = Watched(page)

    def route(request_route: Any) -> None:
        url = request_route.request.url
        if url.startswith(ALLOWED):
            request_route.continue_()
        else:
            watched.blocked.append(url)
            request_route.abort()

    page.route("**/*", route)
    page.on("console", lambda m: watched.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: watched.errors.append(str(e)))

    def dialog(d: Any) -> None:
        watched.dialogs.append(d.message)
        d.dismiss()

    page.on("dialog", dialog)
    return watched
