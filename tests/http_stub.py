"""A loopback HTTP server that answers every request with one fixed reply and counts them."""
from __future__ import annotations

import http.server
import threading
from contextlib import contextmanager


@contextmanager
def stub_server(body: bytes, content_type: str = "application/sparql-results+json", status: int = 200,
                host: str = "127.0.0.1"):
    """Yields (base URL, list of (method, path, headers) received)."""
    seen = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length:
                self.rfile.read(length)
            seen.append((self.command, self.path, dict(self.headers)))
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = do_DELETE = _answer

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer((host, 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_port}", seen
    finally:
        server.shutdown()
        server.server_close()
