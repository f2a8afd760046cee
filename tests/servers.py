"""Real servers and browsers for tests: Debian's nginx and chromium.

On a developer's machine without them the tests that need them are skipped;
in CI (`CI` set, as `.ci/run` runs) a missing one is a failure, because
`.ci/run` installs both.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.error import URLError
from urllib.request import urlopen

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]


def require(what: str, available: bool) -> None:
    if available:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: .ci/run should have installed it")
    pytest.skip(f"{what} is not installed")


def nginx_binary() -> str:
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if Path("/usr/sbin/nginx").is_file() else ""
    )
    require("nginx (Debian package nginx-light)", bool(found))
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def running_nginx(config_text: str, prefix: Path, port: int) -> Iterator[str]:
    """Start nginx in the foreground with this configuration; yield its base URL."""
    binary = nginx_binary()
    prefix.mkdir(parents=True, exist_ok=True)
    config = prefix / "nginx.conf"
    config.write_text(config_text, "utf-8")
    process = subprocess.Popen(
        [binary, "-p", str(prefix), "-c", str(config), "-g", "daemon off; master_process off;"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 10
        while True:
            if process.poll() is not None:
                output = process.stdout.read().decode() if process.stdout else ""
                raise AssertionError(f"nginx stopped: {output}")
            try:
                with urlopen(base + "/robots.txt", timeout=1):
                    break
            except (URLError, OSError):
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()


def require_chromium() -> None:
    require("chromium (Debian package chromium)", CHROMIUM.is_file())
    try:
        import playwright  # noqa: F401
    except ImportError:
        require("playwright (pip)", False)
