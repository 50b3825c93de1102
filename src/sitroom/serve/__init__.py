"""``sitroom serve``: the read-only local dashboard (report.html plus a JSON API) over one
build folder, bound to 127.0.0.1 unless asked otherwise."""

from __future__ import annotations

import contextlib
from pathlib import Path

from .app import create_app

__all__ = ["create_app", "serve"]


def serve(folder: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve ``folder`` until interrupted (Ctrl-C stops it cleanly)."""
    import uvicorn

    app = create_app(folder)
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False,
                            lifespan="off")  # fmt: skip
    print(f"sitroom dashboard on http://{host}:{port}/ (API docs: /docs); Ctrl-C stops it")
    # uvicorn shuts down gracefully on Ctrl-C, then re-raises the signal for its caller.
    with contextlib.suppress(KeyboardInterrupt):
        uvicorn.Server(config).run()
    print("sitroom dashboard stopped")
