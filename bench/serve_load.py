"""`sitroom serve` under a bounded loopback load: N requests (default 2,000), C at a time
(default 50), over every API route, against a synthetic build of 1,000 articles. Stops by
itself; prints the status counts (no 5xx expected) and the throughput as one JSON object.

    .venv/bin/python bench/serve_load.py [--requests 2000] [--concurrency 50] [--articles 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from report_size import synthetic_report  # noqa: E402

PATHS = (
    "/api/articles?limit=50", "/api/articles?outlet=Outlet%201", "/api/entities?name=actor%201",
    "/api/places?resolved=true", "/api/events?from=2024-10-01&to=2024-10-31",
    "/api/claims?status=contested", "/api/quotes?limit=100", "/api/search?q=word1%20word2",
    "/api/articles?limit=0", "/api/articles?from=nope",
)  # fmt: skip


async def load(base: str, requests: int, concurrency: int) -> dict[str, int]:
    statuses: dict[str, int] = {}
    queue: asyncio.Queue[str] = asyncio.Queue()
    for i in range(requests):
        queue.put_nowait(PATHS[i % len(PATHS)])
    async with httpx.AsyncClient(base_url=base, timeout=60) as client:

        async def worker() -> None:
            while not queue.empty():
                response = await client.get(queue.get_nowait())
                key = str(response.status_code)
                statuses[key] = statuses.get(key, 0) + 1

        await asyncio.gather(*(worker() for _ in range(concurrency)))
    return statuses


def main() -> None:
    import uvicorn

    from sitroom.report import write_report
    from sitroom.serve import create_app

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    report, texts = synthetic_report(args.articles, 300)
    with tempfile.TemporaryDirectory(prefix="sitroom-serve-") as tmp:
        write_report(report, Path(tmp), texts)
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        server = uvicorn.Server(uvicorn.Config(create_app(tmp), host="127.0.0.1", port=port,
                                               log_level="warning", lifespan="off"))  # fmt: skip
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        while not server.started:
            time.sleep(0.05)
        started = time.perf_counter()
        statuses = asyncio.run(load(f"http://127.0.0.1:{port}", args.requests, args.concurrency))
        seconds = time.perf_counter() - started
        server.should_exit = True
        thread.join(timeout=10)
    print(json.dumps({"requests": args.requests, "concurrency": args.concurrency,
                      "statuses": statuses, "server_errors": sum(
                          n for code, n in statuses.items() if code.startswith("5")),
                      "seconds": round(seconds, 1),
                      "requests_per_s": round(args.requests / seconds)}, indent=2))  # fmt: skip


if __name__ == "__main__":
    main()
