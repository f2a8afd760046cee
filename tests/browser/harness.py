"""Running the built site in headless Chromium: a local server, a page pool, the tools.

Every browser test goes through `run_pages`: it serves a built site from a
loopback HTTP server (with a strict Content-Security-Policy, so an inline
script or style in the theme shows up as a console error), opens Debian's
Chromium through Playwright for Python, and runs one async check function on
each page, two pages at a time (three was slower on two cores). A check
returns the problems it found as sentences; an empty list means the page
passed. The same check functions run against deliberately broken variants of
the site in `test_broken_variants.py`, which proves each of them can fail.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import shutil
import subprocess
import threading
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.servers import CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent.parent
NODE_MODULES = REPO / "node_modules"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
#: Where the test server exposes axe-core, on the site's own origin (so the
#: strict CSP allows it, and Chromium can cache its compiled code).
TOOLS_PATH = "/__a11y-tools__/"
#: The policy the site must work under: nothing inline, nothing from elsewhere.
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'"
)
#: Files the test server offers under TOOLS_PATH.
TOOL_FILES = {
    "axe.min.js": AXE_JS,
    "text-spacing.css": Path(__file__).with_name("text-spacing.css"),
}
SCREENSHOTS = REPO / "test-artifacts" / "screenshots"
#: Written by the axe and vnu tests; read by the build for the accessibility statement.
AUDIT_FILE = REPO / "data" / "accessibility-audit.json"
PARALLEL = 2

Check = Callable[[Any, str], Awaitable[list[str]]]
"""An async function of (playwright Page, url) returning the problems found."""


def missing_tools() -> list[str]:
    """What this machine lacks to run the browser tests, with how to get it."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"Chromium at {CHROMIUM} (apt-get install chromium, or run .ci/run)")
    try:
        import playwright  # noqa: F401
    except ImportError:
        missing.append("Playwright for Python (make test installs it from pyproject.toml)")
    if not AXE_JS.is_file() or not VNU_JAR.is_file():
        missing.append("axe-core and vnu-jar (npm ci --ignore-scripts)")
    if shutil.which("java") is None:
        missing.append("Java for the Nu HTML Checker (apt-get install default-jre-headless)")
    return missing


def html_pages(root: Path) -> list[str]:
    """Every HTML file of a built site, as a path relative to it, sorted."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*.html"))


def url_path(rel: str) -> str:
    """`fi/kunta/index.html` → `/fi/kunta/` (the address people use)."""
    path = "/" + rel
    return path.removesuffix("index.html")


def page_language(rel: str, languages: Sequence[str] = ("fi", "en")) -> str:
    first = rel.split("/", 1)[0]
    return first if first in languages else "sv"


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site with a strict CSP; the tools under TOOLS_PATH; records 404s."""

    not_found: list[str]

    def translate_path(self, path: str) -> str:
        clean = urlsplit(path).path
        if clean.startswith(TOOLS_PATH):
            tool = TOOL_FILES.get(clean.removeprefix(TOOLS_PATH))
            return str(tool) if tool else str(NODE_MODULES / "no-such-tool")
        return super().translate_path(path)

    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        if self.path.startswith(TOOLS_PATH):
            self.send_header("Cache-Control", "max-age=3600")
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404:
            self.not_found.append(self.path)
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class SiteServer:
    """A built site on http://127.0.0.1:PORT/."""

    root: Path
    base: str
    not_found: list[str] = field(default_factory=list)

    def url(self, rel: str) -> str:
        return self.base + url_path(rel)


@contextmanager
def serve(root: Path) -> Iterator[SiteServer]:
    not_found: list[str] = []
    handler = type("Handler", (_Handler,), {"not_found": not_found})
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(root)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield SiteServer(root, f"http://127.0.0.1:{server.server_address[1]}", not_found)
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class PageRun:
    """What happened on one page: the check's problems, console errors, foreign requests."""

    problems: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)


def run_pages(
    server: SiteServer,
    rels: Sequence[str],
    check: Check,
    *,
    context_options: Mapping[str, Any] | None = None,
    parallel: int = PARALLEL,
) -> dict[str, PageRun]:
    """Run `check` on every page in `rels` in one Chromium, `parallel` pages at a time."""
    return asyncio.run(_run_pages(server, list(rels), check, dict(context_options or {}), parallel))


async def _run_pages(
    server: SiteServer,
    rels: list[str],
    check: Check,
    context_options: dict[str, Any],
    parallel: int,
) -> dict[str, PageRun]:
    from playwright.async_api import async_playwright

    results: dict[str, PageRun] = {}
    queue = list(rels)
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS
        )
        try:
            context = await browser.new_context(**context_options)

            async def worker() -> None:
                page = await context.new_page()
                current: list[PageRun] = []

                def on_console(message: Any) -> None:
                    if message.type == "error" and current:
                        current[-1].console_errors.append(message.text)

                def on_request(request: Any) -> None:
                    if current and not request.url.startswith((server.base, "data:")):
                        current[-1].foreign_requests.append(request.url)

                page.on("console", on_console)
                page.on("request", on_request)
                while queue:
                    rel = queue.pop(0)
                    run = PageRun()
                    current.append(run)
                    results[rel] = run
                    run.problems = await check(page, server.url(rel))
                await page.close()

            await asyncio.gather(*(worker() for _ in range(max(1, min(parallel, len(rels))))))
            await context.close()
        finally:
            await browser.close()
    return {rel: results[rel] for rel in rels}


def problems_report(runs: Mapping[str, PageRun], *, what: str, limit: int = 60) -> str:
    """One line per problem, `page: problem`, for an assertion message."""
    lines = [f"{rel}: {problem}" for rel, run in runs.items() for problem in run.problems]
    head = (
        f"{len(lines)} {what} problem(s) on {sum(1 for r in runs.values() if r.problems)} page(s)"
    )
    shown = lines[:limit]
    more = [f"... and {len(lines) - limit} more"] if len(lines) > limit else []
    return "\n".join([head, *shown, *more])


def all_problems(runs: Mapping[str, PageRun]) -> list[str]:
    return [f"{rel}: {p}" for rel, run in runs.items() for p in run.problems]


def record_audit(section: str, data: Mapping[str, Any], audit_file: Path = AUDIT_FILE) -> None:
    """Write one tool's result into the audit file the build reads (sorted, stable)."""
    try:
        current = json.loads(audit_file.read_text("utf-8"))
        if not isinstance(current, dict):
            current = {}
    except (OSError, ValueError):
        current = {}
    current[section] = {"date": date.today().isoformat(), **data}
    text = json.dumps(current, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    if not audit_file.is_file() or audit_file.read_text("utf-8") != text:
        audit_file.write_text(text, "utf-8")


def run_vnu(root: Path) -> list[dict[str, Any]]:
    """The Nu HTML Checker's errors for every HTML file under `root`."""
    completed = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--skip-non-html",
            "--format",
            "json",
            str(root),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    try:
        report = json.loads(completed.stderr or completed.stdout)
    except ValueError as exc:
        raise RuntimeError(
            f"vnu printed no JSON (exit {completed.returncode}): {completed.stderr[:2000]}"
        ) from exc
    messages: list[dict[str, Any]] = report.get("messages", [])
    return messages


def vnu_version() -> str:
    package = json.loads((NODE_MODULES / "vnu-jar" / "package.json").read_text("utf-8"))
    return str(package["version"])


def axe_version() -> str:
    package = json.loads((NODE_MODULES / "axe-core" / "package.json").read_text("utf-8"))
    return str(package["version"])
