"""Watching the site's sources, and turning bursts of saves into one rebuild.

Editors' programs save in several steps (a temporary file, a rename, a
metadata change) and `git checkout` touches hundreds of files at once; MkDocs
rebuilt for each (its issue #766). Events are collected until the files have
been quiet for a moment, then one rebuild gets all of them.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

#: Folders of a site whose changes need a rebuild, and the one file at its root.
WATCHED_DIRS = ("content", "data", "themes", "locales")
WATCHED_FILES = ("site.yaml",)
#: Events that do not change a file.
_IGNORED_EVENTS = frozenset({"opened", "closed_no_write"})
_SCRATCH_SUFFIXES = ("~", ".swp", ".swx", ".swo", ".tmp", ".part", ".crdownload")


def is_scratch(path: str) -> bool:
    """Editors' temporary and backup files (`.#x`, `x~`, `.x.swp`): not part of the site."""
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    return name.startswith((".", "#")) or name.endswith(_SCRATCH_SUFFIXES)


class Debouncer:
    """Collects changed paths; `take()` returns them once the saving has stopped."""

    def __init__(self, quiet: float = 0.05, longest: float = 2.0) -> None:
        self.quiet = quiet
        """Seconds without events before a rebuild starts."""
        self.longest = longest
        """A steady stream of events still gets a rebuild this often."""
        self._cond = threading.Condition()
        self._pending: set[Path] = set()
        self._first = 0.0
        self._last = 0.0
        self._closed = False

    def add(self, paths: Iterable[Path]) -> None:
        with self._cond:
            now = time.monotonic()
            if not self._pending:
                self._first = now
            self._pending.update(paths)
            self._last = now
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    def take(self, timeout: float | None = None) -> set[Path] | None:
        """Wait for changes and for quiet; None once closed, an empty set after `timeout`
        seconds without any change."""
        with self._cond:
            while True:
                if not self._cond.wait_for(lambda: bool(self._pending) or self._closed, timeout):
                    return set()
                if self._closed:
                    return None
                now = time.monotonic()
                due = min(self._last + self.quiet, self._first + self.longest)
                if now >= due:
                    taken, self._pending = self._pending, set()
                    return taken
                self._cond.wait(due - now)


class _Handler(FileSystemEventHandler):
    def __init__(self, accept: Callable[[Path], bool], notify: Callable[[list[Path]], None]):
        self.accept = accept
        self.notify = notify

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in _IGNORED_EVENTS:
            return
        if event.is_directory and event.event_type == "modified":
            return  # a file inside changed too, and is reported on its own
        raw = [event.src_path, getattr(event, "dest_path", "") or ""]
        paths = [Path(_text(p)) for p in raw if p and not is_scratch(_text(p))]
        accepted = [path for path in paths if self.accept(path)]
        if accepted:
            self.notify(accepted)


def _text(path: str | bytes) -> str:
    return path.decode("utf-8", "surrogateescape") if isinstance(path, bytes) else path


class SiteWatcher:
    """Watches a site's sources (and a theme or catalogs kept elsewhere) for changes."""

    def __init__(
        self, root: Path, notify: Callable[[list[Path]], None], extra: Iterable[Path] = ()
    ) -> None:
        self.root = root.resolve()
        self.notify = notify
        self.observer = Observer()
        self.watched: list[Path] = []
        for name in WATCHED_DIRS:
            self._watch_dir(self.root / name)
        for path in extra:
            if not any(path.resolve().is_relative_to(w) for w in self.watched):
                self._watch_dir(path.resolve())
        # The root itself, not recursively: site.yaml, and watched folders created later.
        self.observer.schedule(_Handler(self._at_root, self._root_event), str(self.root))

    def _watch_dir(self, path: Path) -> None:
        if path.is_dir() and path not in self.watched:
            self.watched.append(path)
            self.observer.schedule(_Handler(lambda p: True, self.notify), str(path), recursive=True)

    def _at_root(self, path: Path) -> bool:
        return path.parent == self.root and path.name in (*WATCHED_FILES, *WATCHED_DIRS)

    def _root_event(self, paths: list[Path]) -> None:
        for path in paths:
            if path.name in WATCHED_DIRS and path.is_dir() and path not in self.watched:
                self._watch_dir(path)
        self.notify(paths)

    def start(self) -> None:
        self.observer.start()

    def stop(self) -> None:
        self.observer.stop()
        self.observer.join(timeout=5)
