"""Writing the site in place: only what changed, all of it or nothing.

`StagedOutput` (output.py) writes a whole new site beside the old one and
swaps the folders. That is simple, but it costs a new file (or hard link) and
a new folder for every page on every build, and deleting the old tree costs as
much again: on the build machines here, creating or unlinking a file costs
0.5-2 ms, so a no-op rebuild of a 1,000-page site (6,000 files with their
`.gz`) spent seconds on the disk alone.

`JournaledOutput` touches only files whose bytes change:

1. New bytes are written into a pending folder beside the output folder (same
   file system, so a rename can move them); nothing in the output changes.
2. A failed build deletes the pending folder: the output is untouched.
3. `commit` writes a journal (the renames and deletions), then applies it:
   each file is replaced with one atomic `rename`, so a reader (the preview
   server, nginx) sees the old file or the new one, never half of one.
4. If the process dies while applying, the next build finds the journal and
   finishes it (every new file is already in the pending folder).

Unchanged files keep their inode and mtime; outputs no longer made are
deleted (and their empty folders). When the output folder does not exist
yet, files are written straight into a pending tree that is renamed into
place: a clean build pays no rename per file.

What the output holds is known from a manifest (digest, size, mtime, inode
per file) that the build cache keeps; a file whose size, mtime or inode
differs from it counts as unknown and is rewritten. Without a manifest, files
are compared by content.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .output import OutputError

JOURNAL = "journal.json"
TREE = "tree"


@dataclass(frozen=True)
class FileRecord:
    """One published file as the manifest knows it."""

    digest: str
    size: int
    mtime_ns: int
    inode: int
    source: tuple[int, int] | None = None
    """For a copied file: size and mtime of the file it was copied from."""


Manifest = dict[str, FileRecord]


def digest_of(data: bytes) -> str:
    return hashlib.sha1(data, usedforsecurity=False).hexdigest()


def clean_path(rel_path: str) -> str:
    """A relative output path, refused when it would leave the output folder."""
    clean = PurePosixPath(rel_path)
    if clean.is_absolute() or ".." in clean.parts or not clean.parts:
        raise OutputError(f"refusing to write outside the output folder: {rel_path}")
    return clean.as_posix()


@dataclass(frozen=True)
class Prepared:
    """One output file as a build made it: new bytes are in the pending area."""

    rel: str
    digest: str
    record: FileRecord | None
    """The output's file, when it already holds these bytes; None: new bytes."""


def pending_dir(out_dir: Path) -> Path:
    return out_dir.parent / f".{out_dir.name}.pending"


@dataclass(frozen=True)
class PendingArea:
    """Where new bytes go before commit; picklable, so worker processes can write there."""

    root: Path
    fresh: bool
    """True when the output folder does not exist: files go to their final place in a tree."""
    folders_made: set[Path] = field(default_factory=set, compare=False, repr=False)
    """Folders of the fresh tree this process has made (each process has its own copy)."""

    def path_for(self, rel: str) -> Path:
        if self.fresh:
            return self.root / TREE / rel
        return self.root / hashlib.sha1(rel.encode(), usedforsecurity=False).hexdigest()

    def put(self, rel: str, data: bytes) -> Path:
        path = self._place(rel)
        path.write_bytes(data)
        return path

    def move(self, rel: str, source: Path) -> Path:
        """Like `put`, for a file already in the pending area: renamed, not copied."""
        path = self._place(rel)
        os.replace(source, path)
        return path

    def _place(self, rel: str) -> Path:
        """Where `rel` goes, its folder made (once per folder, not once per file)."""
        path = self.path_for(rel)
        if self.fresh and path.parent not in self.folders_made:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.folders_made.add(path.parent)
        return path


def recover(out_dir: Path) -> bool:
    """Finish a commit that was interrupted, or drop an abandoned pending folder.

    Returns True when a journal was replayed (the output is now the new site).
    """
    pending = pending_dir(out_dir)
    journal = pending / JOURNAL
    if not pending.exists():
        return False
    if journal.is_file():
        plan = json.loads(journal.read_text("utf-8"))
        if plan.get("fresh"):
            tree = pending / TREE
            if tree.exists() and not out_dir.exists():
                os.replace(tree, out_dir)
        else:
            _apply(out_dir, pending, plan["renames"], plan["delete"])
        shutil.rmtree(pending, ignore_errors=True)
        return True
    shutil.rmtree(pending, ignore_errors=True)
    return False


def _apply(
    out_dir: Path, pending: Path, renames: Iterable[list[str]], delete: Iterable[str]
) -> None:
    """Deletions first (they may free a name a new file takes), then the renames."""
    folders: set[Path] = set()
    for rel in delete:
        target = out_dir / rel
        try:
            target.unlink()
        except (FileNotFoundError, NotADirectoryError):
            pass
        except IsADirectoryError:
            shutil.rmtree(target, ignore_errors=True)
        folders.update(target.parents)
    for folder in sorted(folders, key=lambda p: len(p.parts), reverse=True):
        if folder != out_dir and folder.is_relative_to(out_dir):
            with contextlib.suppress(OSError):
                folder.rmdir()  # only when empty
    made: set[Path] = set()
    for tmp, rel in renames:
        source = pending / tmp
        if not source.exists():  # moved before an interruption
            continue
        target = out_dir / rel
        if target.parent not in made:
            _make_folder(out_dir, target.parent)
            made.add(target.parent)
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)  # a folder where a file now goes
        os.replace(source, target)


def _make_folder(out_dir: Path, folder: Path) -> None:
    """Create `folder`, removing any file that stands where one of its folders goes."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        return
    except (FileExistsError, NotADirectoryError):
        pass
    for parent in [*reversed(folder.relative_to(out_dir).parents), folder.relative_to(out_dir)]:
        path = out_dir / parent
        if path.is_file() or path.is_symlink():
            path.unlink()
    folder.mkdir(parents=True, exist_ok=True)


class JournaledOutput:
    """Collects the changes of one build and applies them to the output folder at once."""

    def __init__(
        self,
        out_dir: Path,
        manifest: Mapping[str, FileRecord] | None,
        *,
        walk: bool = False,
        trusted: bool = False,
    ) -> None:
        """`manifest`: what the output holds, if known; `walk`: look for files that are not
        in it (someone added a file by hand), to delete them as a clean build would;
        `trusted`: the manifest comes from this process's own last commit (the preview
        server), so its files are not checked one by one."""
        self.out_dir = out_dir.resolve()
        try:
            self.out_dir.parent.mkdir(parents=True, exist_ok=True)
            recover(self.out_dir)
            fresh = not self.out_dir.exists()
            root = pending_dir(self.out_dir)
            root.mkdir()
        except OSError as exc:
            raise OutputError(
                f"cannot prepare the output folder {self.out_dir}: {exc.strerror}"
            ) from None
        self.area = PendingArea(root, fresh)
        self.known = manifest is not None
        self.walk = walk or manifest is None
        """True when the manifest says what the output holds; else files are compared."""
        if fresh:
            self.previous: Manifest = {}
        elif trusted and manifest is not None:
            self.previous = dict(manifest)
        else:
            self.previous = _verified(self.out_dir, manifest or {})
        self.listed = frozenset(manifest or ()) if not fresh else frozenset()
        """Every file the manifest names, verified or not: all are deleted if not made."""
        self.written: dict[str, str] = {}
        """Output path → what it was made from, for every file of the new output."""
        self.changed: set[str] = set()
        self.records: Manifest = {}
        self._committing = False
        self._new: dict[str, tuple[str, tuple[int, int] | None]] = {}
        """Changed files: output path → (digest, source stat for copies)."""

    @property
    def staging(self) -> Path:
        """Only for a fresh output: the tree that becomes the output folder."""
        return self.area.root / TREE

    # -- registering outputs -------------------------------------------------

    def current(self, rel: str, digest: str | None = None) -> bool:
        """True when the output holds `rel` as the manifest says (with `digest`, if given)."""
        record = self.previous.get(rel)
        return record is not None and (digest is None or record.digest == digest)

    def prepare(self, rel_path: str, data: bytes | str, made: Path | None = None) -> Prepared:
        """Put new bytes in the pending area if they differ from the output's (`made`: a
        file in the pending area that holds them, moved there instead of written).

        Safe in a worker process: it writes only into the pending area, and the
        result is registered by `register` in the process that commits.
        """
        key = clean_path(rel_path)
        payload = data.encode("utf-8") if isinstance(data, str) else data
        digest = digest_of(payload)
        record = self.previous.get(key)
        if record is not None and record.digest == digest:
            return Prepared(key, digest, record)
        if not self.known and not self.area.fresh and record is None:
            target = self.out_dir / key
            try:
                info = target.stat()
                if info.st_size == len(payload) and target.read_bytes() == payload:
                    kept = FileRecord(digest, info.st_size, info.st_mtime_ns, info.st_ino)
                    return Prepared(key, digest, kept)
            except OSError:
                pass
        if made is not None:
            self.area.move(key, made)
        else:
            self.area.put(key, payload)
        return Prepared(key, digest, None)

    def register(self, prepared: Prepared, origin: str = "") -> None:
        key = self._claim(prepared.rel, origin)
        if prepared.record is not None:
            self.records[key] = prepared.record
        else:
            self.changed.add(key)
            self._new[key] = (prepared.digest, None)

    def write(self, rel_path: str, data: bytes | str, origin: str = "") -> None:
        self.register(self.prepare(rel_path, data), origin)

    def adopt(self, rel_path: str, made: Path, origin: str = "") -> None:
        """Publish a file a tool made inside the pending area (Pagefind's bundle): moved
        into place when new, which on a slow disk costs a fraction of writing it again."""
        try:
            data = made.read_bytes()
        except OSError as exc:
            raise OutputError(f"cannot read {made}: {exc.strerror}") from None
        self.register(self.prepare(rel_path, data, made), origin)

    def keep(self, rel_path: str, origin: str = "") -> None:
        """`rel` stays as it is (the caller knows its inputs did not change)."""
        key = self._claim(rel_path, origin)
        if key not in self.previous:
            raise OutputError(f"internal error: {key} is not in the output to keep")
        self.records[key] = self.previous[key]

    def copy(self, rel_path: str, source: Path, origin: str = "") -> None:
        """Publish a copy of `source` (an image, a document)."""
        key = clean_path(rel_path)
        try:
            info = source.stat()
        except OSError as exc:
            raise OutputError(f"cannot read {source}: {exc.strerror}") from None
        stamp = (info.st_size, info.st_mtime_ns)
        record = self.previous.get(key)
        if record is not None and record.source == stamp:
            self._claim(key, origin)
            self.records[key] = record
            return
        prepared = self.prepare(key, source.read_bytes())
        self.register(prepared, origin)
        if prepared.record is not None:
            kept = prepared.record
            self.records[key] = FileRecord(kept.digest, kept.size, kept.mtime_ns, kept.inode, stamp)
        else:
            self._new[key] = (prepared.digest, stamp)

    def digest(self, rel: str) -> str:
        """The digest of a file of the new output."""
        if rel in self._new:
            return self._new[rel][0]
        return self.records[rel].digest

    def read(self, rel: str) -> bytes:
        """The bytes of a file of the new output (from the pending area when new)."""
        if rel in self._new:
            return self.area.path_for(rel).read_bytes()
        return (self.out_dir / rel).read_bytes()

    def source_of(self, rel: str) -> Path:
        """Where the new output's file is now: the pending area, or the output folder."""
        return self.area.path_for(rel) if rel in self._new else self.out_dir / rel

    def has(self, rel_path: str) -> bool:
        # the keys are clean paths: a clean `rel_path` is found without parsing it
        return rel_path in self.written or PurePosixPath(rel_path).as_posix() in self.written

    def _claim(self, key: str, origin: str) -> str:
        if key in self.written:
            raise OutputError(
                f"two sources write the same file {key}: {self.written[key]} and {origin}"
            )
        self.written[key] = origin
        return key

    # -- publishing -----------------------------------------------------------

    def deletions(self) -> list[str]:
        """Files in the output that this build does not make."""
        if self.area.fresh:
            return []
        found = [rel for rel in self.listed if rel not in self.written]
        if not self.walk:
            return sorted(found)
        for path in self.out_dir.rglob("*"):
            if path.is_file() or path.is_symlink():
                rel = path.relative_to(self.out_dir).as_posix()
                if rel not in self.written:
                    found.append(rel)
        return sorted(set(found))

    def commit(self) -> Manifest:
        """Apply every change; return the manifest of the new output."""
        root = self.area.root
        try:
            if self.area.fresh:
                self._committing = True
                (root / JOURNAL).write_text(json.dumps({"fresh": True}), "utf-8")
                tree = root / TREE
                tree.mkdir(exist_ok=True)
                os.replace(tree, self.out_dir)
                os.chmod(self.out_dir, 0o755)
            else:
                renames = [[self.area.path_for(rel).name, rel] for rel in sorted(self._new)]
                delete = self.deletions()
                self.changed.update(delete)
                if renames or delete:
                    self._committing = True
                    journal = root / JOURNAL
                    with journal.open("w", encoding="utf-8") as handle:
                        json.dump({"renames": renames, "delete": delete}, handle)
                        handle.flush()
                        os.fsync(handle.fileno())
                    _apply(self.out_dir, root, renames, delete)
        except OSError as exc:
            raise OutputError(f"cannot publish to {self.out_dir}: {exc.strerror}") from None
        shutil.rmtree(root, ignore_errors=True)
        for rel, (digest, source) in self._new.items():
            info = (self.out_dir / rel).stat()
            self.records[rel] = FileRecord(
                digest, info.st_size, info.st_mtime_ns, info.st_ino, source
            )
        return dict(sorted(self.records.items()))

    def abort(self) -> None:
        """Drop the pending changes; once the journal is written, leave it for `recover`."""
        if not self._committing:
            shutil.rmtree(self.area.root, ignore_errors=True)


def _verified(out_dir: Path, manifest: Mapping[str, FileRecord]) -> Manifest:
    """The manifest's entries whose file is still exactly as it was published."""
    kept: Manifest = {}
    for rel, record in manifest.items():
        try:
            info = os.stat(out_dir / rel)
        except OSError:
            continue
        if (info.st_size, info.st_mtime_ns, info.st_ino) == (
            record.size,
            record.mtime_ns,
            record.inode,
        ):
            kept[rel] = record
    return kept
