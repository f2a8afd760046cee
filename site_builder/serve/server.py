"""The preview server: build once, serve, and rebuild on every save.

Three threads share a `ServeState`: the HTTP server answers requests (and
long polls), the watchdog observer feeds the debouncer, and the build loop
takes the changes, rebuilds, and bumps the epoch so open pages reload. A
failed build changes nothing on disk; it only makes the pages it concerns
show what went wrong until the next good build.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from ..pipeline import BuildResult
from .http import PreviewServer
from .state import Failure, ServeState
from .watch import Debouncer, SiteWatcher

BuildFn = Callable[[frozenset[Path]], BuildResult]
"""Rebuilds the site; gets the paths that changed (empty for the first build)."""
OnBuilt = Callable[[BuildResult, float, frozenset[Path]], None]
OnFailed = Callable[[Failure, BaseException, frozenset[Path]], None]


class DevServer:
    """Serves `out_dir` on `host:port` and keeps it up to date with `site_dir`."""

    def __init__(
        self,
        *,
        site_dir: Path,
        out_dir: Path,
        build: BuildFn,
        host: str = "127.0.0.1",
        port: int = 8000,
        on_built: OnBuilt | None = None,
        on_failed: OnFailed | None = None,
        watch_extra: Iterable[Path] = (),
        quiet: float = 0.05,
    ) -> None:
        self.site_dir = site_dir.resolve()
        self.out_dir = out_dir.resolve()
        self.build = build
        self.on_built = on_built or (lambda result, seconds, changes: None)
        self.on_failed = on_failed or (lambda failure, error, changes: None)
        self.state = ServeState()
        self.debouncer = Debouncer(quiet=quiet)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.http = PreviewServer((host, port), self.out_dir, self.state)
        self.watcher = SiteWatcher(self.site_dir, self.debouncer.add, watch_extra)
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        host, port = self.http.server_address[:2]
        name = host.decode() if isinstance(host, bytes) else str(host)
        shown = f"[{name}]" if ":" in name else name
        return f"http://{shown}:{port}/"

    def start(self) -> None:
        """Build once, then serve and watch in background threads."""
        self.rebuild(frozenset())
        self.watcher.start()
        for target, name in ((self.http.serve_forever, "http"), (self._loop, "build")):
            thread = threading.Thread(target=target, name=f"preview-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)

    def wait(self) -> None:
        """Block until `stop()` (or Ctrl+C in the main thread)."""
        while any(thread.is_alive() for thread in self._threads):
            for thread in self._threads:
                thread.join(timeout=0.5)

    def stop(self) -> None:
        self.debouncer.close()
        self.state.stop()
        self.watcher.stop()
        self.http.shutdown()
        self.http.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def rebuild(self, changes: frozenset[Path]) -> bool:
        """One build; records the outcome so open pages reload. True when it succeeded."""
        self.state.build_started()
        start = time.perf_counter()
        try:
            result = self.build(changes)
        except Exception as error:  # every failure keeps the server up
            failure = self.state.build_failed(error)
            self.on_failed(failure, error, changes)
            return False
        self.state.build_succeeded(result.outputs, result.changed)
        self.on_built(result, time.perf_counter() - start, changes)
        return True

    def _loop(self) -> None:
        while (changes := self.debouncer.take()) is not None:
            self.rebuild(frozenset(changes))
