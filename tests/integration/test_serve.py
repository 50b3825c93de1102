"""`sitroom serve` as a user runs it: a process on 127.0.0.1 that answers a burst of
concurrent requests without a server error and stops cleanly on Ctrl-C."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT
from tests.unit.export.conftest import make_build, report_with_events

#: A bounded load: enough concurrency to find races, small enough to stay a few seconds.
REQUESTS = 500
CONCURRENCY = 50
PATHS = (
    "/api/articles", "/api/articles?outlet=River%20Wire&limit=2", "/api/entities?name=vel",
    "/api/places?resolved=true", "/api/events?from=2031-04-01", "/api/claims?status=contested",
    "/api/quotes", "/api/search?q=embankment", "/api/articles?limit=0", "/api/search?q=%20",
    "/openapi.json",
)  # fmt: skip


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _load(base: str) -> dict[int, int]:
    statuses: dict[int, int] = {}
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(REQUESTS):
        queue.put_nowait(PATHS[i % len(PATHS)])
    async with httpx.AsyncClient(base_url=base, timeout=30) as client:

        async def worker() -> None:
            while not queue.empty():
                path = queue.get_nowait()
                response = await client.get(path)
                statuses[response.status_code] = statuses.get(response.status_code, 0) + 1

        await asyncio.gather(*(worker() for _ in range(CONCURRENCY)))
    return statuses


def test_serve_process_load_and_ctrl_c(tmp_path: Path) -> None:
    folder = make_build(tmp_path / "build", report_with_events())
    port = _free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    process = subprocess.Popen(
        [sys.executable, "-m", "sitroom", "serve", str(folder), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(base + "/api/articles", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, process.communicate()[0]
            assert time.monotonic() < deadline, "the dashboard did not start within 60 s"
            time.sleep(0.2)
        page = httpx.get(base + "/", timeout=30)
        assert page.status_code == 200 and 'id="sitroom-data"' in page.text
        # In a thread of its own: Playwright's sync API may hold this thread's event loop.
        with ThreadPoolExecutor(1) as pool:
            statuses = pool.submit(lambda: asyncio.run(_load(base))).result(timeout=300)
        assert sum(statuses.values()) == REQUESTS
        assert not [s for s in statuses if s >= 500], statuses
        assert statuses[200] > 0 and statuses.get(422, 0) + statuses.get(400, 0) > 0
        # a build can write into the folder while the dashboard runs
        from sitroom.store import Store

        with Store.open(folder):
            pass
    finally:
        process.send_signal(signal.SIGINT)
        try:
            output, _ = process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            pytest.fail("the dashboard did not stop on Ctrl-C")
    assert process.returncode == 0, output
    assert "Traceback" not in output
    assert f"http://127.0.0.1:{port}/" in output


def test_serve_refuses_a_folder_without_report(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "sitroom", "serve", str(tmp_path), "--port", str(_free_port())],
        capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
    )  # fmt: skip
    assert result.returncode == 2
    assert "report.json is missing" in result.stderr and "sitroom build" in result.stderr
