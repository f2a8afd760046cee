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

Published = Callable[[BuildResult], None]
BuildFn = Callable[[frozenset[Path], Published], BuildResult]
"""Rebuilds the site; gets the paths that changed (empty for the first build), and a
function to call as soon as the pages are on disk (open pages reload then; checks that
run afterwards and fail make their pages show the problem)."""
IdleFn = Callable[[], BuildResult | None]
"""Work left for a quiet moment (the search index, saving the cache); a build, if any."""
#: Seconds without a save before the server does what it left for later.
IDLE_AFTER = 1.5
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
        idle: IdleFn | None = None,
        lang: str = "en",
    ) -> None:
        self.site_dir = site_dir.resolve()
        self.out_dir = out_dir.resolve()
        self.build = build
        self.on_built = on_built or (lambda result, seconds, changes: None)
        self.on_failed = on_failed or (lambda failure, error, changes: None)
        self.idle = idle
        self.state = ServeState(lang)
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
        recorded: list[BuildResult] = []

        def published(result: BuildResult) -> None:
            recorded.append(result)
            self._record(result)

        try:
            result = self.build(changes, published)
        except Exception as error:  # every failure keeps the server up
            failure = self.state.build_failed(error)
            self.on_failed(failure, error, changes)
            return False
        if not recorded:
            self._record(result)
        elif self.state.failure is not None:
            self._record(result)  # the checks passed after all: clear the last failure
        self.on_built(result, time.perf_counter() - start, changes)
        return True

    def _record(self, result: BuildResult) -> None:
        # a build that found nothing to do names no outputs: they are the last build's
        outputs = self.state.origins if result.unchanged else result.outputs
        self.state.build_succeeded(outputs, result.changed)

    def _loop(self) -> None:
        waiting = self.idle is not None
        while True:
            changes = self.debouncer.take(IDLE_AFTER if waiting else None)
            if changes is None:
                return
            if changes:
                self.rebuild(frozenset(changes))
                waiting = self.idle is not None
            else:
                waiting = False
                self._when_idle()

    def _when_idle(self) -> None:
        """The search index and the cache's state, left for a quiet moment by `rebuild`."""
        assert self.idle is not None
        self.state.build_started()
        start = time.perf_counter()
        try:
            result = self.idle()
        except Exception as error:
            failure = self.state.build_failed(error)
            self.on_failed(failure, error, frozenset())
            return
        if result is None:
            self.state.build_cancelled()
            return
        self._record(result)
        self.on_built(result, time.perf_counter() - start, frozenset())
