"""Writing the site: all of it or nothing.

The new site is written into a staging folder beside the output folder and
swapped in only when every file is written. A failed build therefore leaves
the published files exactly as they were. Files whose bytes did not change
are hard-linked from the previous output, so they keep their modification
time and `rsync` or a CDN upload sends only what changed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path, PurePosixPath

from .errors import SiteBuilderError


class OutputError(SiteBuilderError):
    """The output folder cannot be written."""


class StagedOutput:
    """Collects the files of one build in a staging folder, then publishes them."""

    def __init__(self, out_dir: Path) -> None:
        self.out_dir = out_dir.resolve()
        parent = self.out_dir.parent
        try:
            parent.mkdir(parents=True, exist_ok=True)
            self.staging = Path(tempfile.mkdtemp(prefix=f".{self.out_dir.name}.new-", dir=parent))
        except OSError as exc:
            raise OutputError(f"cannot create the output folder {parent}: {exc.strerror}") from None
        self.written: dict[str, str] = {}
        """Output path → what it was made from (a source file, or a name like `sitemap`)."""
        self.changed: set[str] = set()
        """Output paths whose bytes are new (not linked from the previous output)."""

    def _target(self, rel_path: str, origin: str) -> Path:
        clean = PurePosixPath(rel_path)
        if clean.is_absolute() or ".." in clean.parts:
            raise OutputError(f"refusing to write outside the output folder: {rel_path}")
        key = clean.as_posix()
        if key in self.written:
            raise OutputError(
                f"two sources write the same file {key}: {self.written[key]} and {origin}"
            )
        self.written[key] = origin
        target = self.staging / key
        target.parent.mkdir(parents=True, exist_ok=True)
        return target

    def write(self, rel_path: str, data: bytes | str, origin: str = "") -> None:
        """Stage one file; identical bytes are linked from the previous output."""
        payload = data.encode("utf-8") if isinstance(data, str) else data
        target = self._target(rel_path, origin)
        previous = self.out_dir / rel_path
        if _same_bytes(previous, payload):
            try:
                os.link(previous, target)
                return
            except OSError:
                pass
        target.write_bytes(payload)
        self.changed.add(PurePosixPath(rel_path).as_posix())

    def copy(self, rel_path: str, source: Path, origin: str = "") -> None:
        """Stage a copy of a file (an image, a stylesheet), linking when unchanged."""
        target = self._target(rel_path, origin)
        previous = self.out_dir / rel_path
        try:
            if _same_file_content(previous, source):
                os.link(previous, target)
                return
        except OSError:
            pass
        shutil.copyfile(source, target)
        self.changed.add(PurePosixPath(rel_path).as_posix())

    def has(self, rel_path: str) -> bool:
        return PurePosixPath(rel_path).as_posix() in self.written

    def commit(self) -> None:
        """Swap the staged site in place of the old one."""
        old: Path | None = None
        try:
            if self.out_dir.exists():
                old = Path(
                    tempfile.mkdtemp(prefix=f".{self.out_dir.name}.old-", dir=self.out_dir.parent)
                )
                os.rmdir(old)
                os.replace(self.out_dir, old)
            os.replace(self.staging, self.out_dir)
            os.chmod(self.out_dir, 0o755)
        except OSError as exc:
            if old is not None and not self.out_dir.exists():
                os.replace(old, self.out_dir)
            raise OutputError(f"cannot publish to {self.out_dir}: {exc.strerror}") from None
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def abort(self) -> None:
        shutil.rmtree(self.staging, ignore_errors=True)


def _same_bytes(path: Path, payload: bytes) -> bool:
    try:
        if path.stat().st_size != len(payload):
            return False
        return path.read_bytes() == payload
    except OSError:
        return False


def _same_file_content(a: Path, b: Path) -> bool:
    try:
        stat_a, stat_b = a.stat(), b.stat()
    except OSError:
        return False
    if stat_a.st_size != stat_b.st_size:
        return False
    with a.open("rb") as fa, b.open("rb") as fb:
        while True:
            chunk = fa.read(1 << 16)
            if chunk != fb.read(1 << 16):
                return False
            if not chunk:
                return True


class DryOutput:
    """Records what a build would write, and writes nothing: for `site-builder check`,
    and for a build that already knows it will not publish."""

    def __init__(self) -> None:
        self.written: dict[str, str] = {}
        self.changed: set[str] = set()

    def write(self, rel_path: str, data: bytes | str, origin: str = "") -> None:
        self.written.setdefault(PurePosixPath(rel_path).as_posix(), origin)

    def copy(self, rel_path: str, source: Path, origin: str = "") -> None:
        self.written.setdefault(PurePosixPath(rel_path).as_posix(), origin)

    def has(self, rel_path: str) -> bool:
        return PurePosixPath(rel_path).as_posix() in self.written

    def commit(self) -> None:
        """Nothing to publish."""

    def abort(self) -> None:
        """Nothing to clean up."""
