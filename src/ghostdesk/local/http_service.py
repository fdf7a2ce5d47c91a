"""A local HTTP endpoint in a daemon thread: what the agent API gateway and every simulator share.

Each stand-in (SP-API, the other channels, the API gateway) serves one handler class on 127.0.0.1 with
the standard library's threading server; this keeps their start, stop and port handling one piece.
"""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class HttpService:
    """``start`` serves a handler class until ``stop``; ``port`` is the one bound (``port=0``: any free)."""

    def __init__(self, host: str, port: int, *, name: str, poll_interval_s: float = 0.05) -> None:
        self.host = host
        self._port = port
        self._name = name
        # A short poll interval: stop() waits for it, and tests start and stop many services.
        self._poll_interval_s = poll_interval_s
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError(f"the {self._name} is not running: call start() first")
        return int(self._server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    def start(self, handler: type[BaseHTTPRequestHandler]) -> None:
        if self._server is not None:
            return
        server = ThreadingHTTPServer((self.host, self._port), handler)
        server.daemon_threads = True
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever,
            kwargs={"poll_interval": self._poll_interval_s},
            name=self._name,
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        server, thread = self._server, self._thread
        self._server = self._thread = None
        if server is not None:
            server.shutdown()
            server.server_close()
        if thread is not None:
            thread.join(timeout=5)
