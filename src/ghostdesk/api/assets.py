"""The console's static files, served by the API function itself (no CDN, nothing fetched at run time).

The files live beside this module in ``console/`` and ship inside the package (the Lambda layer in AWS).
Only plain file names with a known type are served, so no path can reach outside the folder. Every
answer carries a strict Content-Security-Policy: the page may load its own script and style and talk to
its own API, and nothing else.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

CONSOLE_DIR = Path(__file__).with_name("console")
INDEX = "index.html"
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*\.(html|js|css|svg)$")
CONTENT_TYPES = {
    "html": "text/html; charset=utf-8",
    "js": "text/javascript; charset=utf-8",
    "css": "text/css; charset=utf-8",
    "svg": "image/svg+xml",
}
CONTENT_SECURITY_POLICY = "; ".join(
    (
        "default-src 'none'",
        "script-src 'self'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
    )
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


@functools.cache
def asset(name: str) -> tuple[str, str] | None:
    """The text and content type of a console file, or None when there is no such file."""
    if not _NAME.fullmatch(name):
        return None
    path = CONSOLE_DIR / name
    if not path.is_file():
        return None
    return path.read_text(encoding="utf-8"), CONTENT_TYPES[name.rsplit(".", 1)[1]]
