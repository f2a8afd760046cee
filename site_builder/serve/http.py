"""HTTP for the preview: files from the output folder and nothing else.

Every request path is decoded once, rejected when it holds `..`, a
backslash or a NUL byte, and resolved (symlinks included) to a file that
must lie inside the output folder. HTML gets the reload script as it is
sent; the files on disk are exactly what `site-builder build` writes.
"""

from __future__ import annotations

import json
import posixpath
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, unquote, urlsplit

from .errorpage import ASSET_PREFIX, error_page, reload_tag
from .state import ServeState

ASSETS = Path(__file__).resolve().parent / "assets"
#: How long a poll waits for a rebuild before answering "nothing new" (browsers
#: and proxies drop idle requests after a minute or so).
POLL_SECONDS = 25.0

CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/vnd.microsoft.icon",
    ".pdf": "application/pdf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".wasm": "application/wasm",
    ".webmanifest": "application/manifest+json",
}


@dataclass(frozen=True)
class Target:
    """Where a request path leads inside the output folder."""

    status: HTTPStatus
    rel: str = ""
    """The file relative to the output folder (for OK), or the page's expected file."""
    location: str = ""
    """For a redirect: where to."""


def locate(root: Path, raw: str) -> Target:
    """Resolve a request target to a file inside `root`, refusing anything outside it."""
    path = urlsplit(raw).path or "/"
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return Target(HTTPStatus.BAD_REQUEST)
    if not decoded.startswith("/") or "\x00" in decoded or "\\" in decoded:
        return Target(HTTPStatus.BAD_REQUEST)
    segments = decoded.split("/")[1:]
    if any(segment in (".", "..") for segment in segments):
        return Target(HTTPStatus.FORBIDDEN)
    rel = "/".join(segment for segment in segments if segment)
    expected = page_file(decoded)
    base = root.resolve()
    try:
        real = (base / rel).resolve()
    except (OSError, RuntimeError):  # a symlink loop, a name too long
        return Target(HTTPStatus.NOT_FOUND, expected)
    if real != base and not real.is_relative_to(base):
        return Target(HTTPStatus.FORBIDDEN)
    if real.is_dir():
        if not decoded.endswith("/"):
            return Target(HTTPStatus.MOVED_PERMANENTLY, location=quote(decoded) + "/")
        real = real / "index.html"
        rel = f"{rel}/index.html" if rel else "index.html"
    if real.is_file():
        return Target(HTTPStatus.OK, rel)
    return Target(HTTPStatus.NOT_FOUND, expected)


def page_file(decoded: str) -> str:
    """The output file a URL path means, whether it exists or not: `/a/` → `a/index.html`."""
    clean = posixpath.normpath("/" + decoded.lstrip("/")).lstrip("/")
    if clean in ("", "."):
        return "index.html"
    if decoded.endswith("/") or "." not in clean.rsplit("/", 1)[-1]:
        return f"{clean}/index.html"
    return clean


def not_found_file(root: Path, rel: str) -> str | None:
    """The language's 404 page (`fi/404.html` under `/fi/`), else the site's."""
    candidates = [f"{rel.split('/', 1)[0]}/404.html"] if "/" in rel else []
    candidates.append("404.html")
    for candidate in candidates:
        if locate(root, "/" + quote(candidate)).status == HTTPStatus.OK:
            return candidate
    return None


def inject(html: bytes, tag: str) -> bytes:
    """Put the reload script at the end of `<head>` (or the end of the document)."""
    at = html.lower().rfind(b"</head>")
    encoded = tag.encode("utf-8")
    if at < 0:
        return html + encoded
    return html[:at] + encoded + html[at:]


class PreviewServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], root: Path, state: ServeState) -> None:
        self.root = root.resolve()
        self.state = state
        if ":" in address[0]:
            import socket

            self.address_family = socket.AF_INET6
        super().__init__(address, PreviewHandler)


class PreviewHandler(BaseHTTPRequestHandler):
    server: PreviewServer
    protocol_version = "HTTP/1.1"
    server_version = "site_builder-preview"

    def do_GET(self) -> None:
        self._respond(send_body=True)

    def do_HEAD(self) -> None:
        self._respond(send_body=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal is for build results, not for every request."""

    def _respond(self, *, send_body: bool) -> None:
        split = urlsplit(self.path)
        if split.path.startswith(ASSET_PREFIX):
            self._internal(split.path.removeprefix(ASSET_PREFIX), split.query, send_body)
            return
        root = self.server.root
        state = self.server.state
        target = locate(root, self.path)
        if target.status == HTTPStatus.NOT_FOUND and state.building:
            state.wait_while_building(timeout=10.0)  # the page may be on its way
            target = locate(root, self.path)
        if target.status == HTTPStatus.MOVED_PERMANENTLY:
            self._send(target.status, b"", "text/plain", send_body, location=target.location)
            return
        if target.status in (HTTPStatus.BAD_REQUEST, HTTPStatus.FORBIDDEN):
            message = f"{target.status.value} {target.status.phrase}\n".encode()
            self._send(target.status, message, "text/plain; charset=utf-8", send_body)
            return
        failure = state.failure
        showing = target.rel if target.status == HTTPStatus.OK else target.rel or "404.html"
        if failure is not None and showing.endswith(".html") and failure.covers(showing):
            own = state.origins.get(showing)  # this page's own problems first
            errors = sorted(failure.errors, key=lambda e: not e.location or e.location.path != own)
            page = error_page(errors, state.epoch, split.path, state.lang)
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, page.encode(), CONTENT_TYPES[".html"],
                       send_body)  # fmt: skip
            return
        status = HTTPStatus.OK
        rel: str | None = target.rel
        if target.status == HTTPStatus.NOT_FOUND:
            status = HTTPStatus.NOT_FOUND
            rel = not_found_file(root, target.rel)
        body = self._read(rel)
        if body is None:
            status = HTTPStatus.NOT_FOUND
            body, rel = b"404 Not Found\n", "404.txt"
        content_type = CONTENT_TYPES.get(posixpath.splitext(rel or "")[1].lower(),
                                         "application/octet-stream")  # fmt: skip
        if content_type.startswith("text/html"):
            body = inject(body, reload_tag(state.epoch))
        self._send(status, body, content_type, send_body)

    def _read(self, rel: str | None) -> bytes | None:
        if rel is None:
            return None
        try:
            return (self.server.root / rel).read_bytes()
        except OSError:
            return None

    def _internal(self, name: str, query: str, send_body: bool) -> None:
        if name == "poll":
            self._poll(query, send_body)
            return
        asset = ASSETS / name
        if name in ("reload.js", "error.css") and asset.is_file():
            content_type = CONTENT_TYPES[asset.suffix]
            self._send(HTTPStatus.OK, asset.read_bytes(), content_type, send_body)
            return
        self._send(HTTPStatus.NOT_FOUND, b"404 Not Found\n", "text/plain", send_body)

    def _poll(self, query: str, send_body: bool) -> None:
        params = parse_qs(query)
        try:
            epoch = int(params.get("epoch", ["0"])[0])
        except ValueError:
            epoch = 0
        path = params.get("path", ["/"])[0]
        state = self.server.state
        current = state.wait_for_newer(epoch, POLL_SECONDS)
        expected = page_file(path)
        candidates = [expected]
        fallback = not_found_file(self.server.root, expected)
        if fallback:
            candidates.append(fallback)
        reload = state.changed_since(epoch, candidates)
        answer = json.dumps({"epoch": current, "reload": reload}).encode()
        self._send(HTTPStatus.OK, answer, CONTENT_TYPES[".json"], send_body)

    def _send(
        self,
        status: HTTPStatus,
        body: bytes,
        content_type: str,
        send_body: bool,
        location: str | None = None,
    ) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            if location:
                self.send_header("Location", location)
            self.end_headers()
            if send_body:
                self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the browser went away (a reload, a closed tab)
