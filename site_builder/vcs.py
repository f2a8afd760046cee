"""Reading old versions of files from git, for `site-builder i18n diff`.

A translation records the git blob id of the source file it was made from;
git can return those exact bytes with `git cat-file`, whatever branch or
commit they were in. Everything here runs the `git` program and never
changes the repository. When git is missing, the folder is not a repository
or the version is not in its history, the error says which, and what to do.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import Location, SiteBuilderError, msg

_BLOB_ID = re.compile(r"^[0-9a-f]{40}([0-9a-f]{24})?$")


class HistoryError(SiteBuilderError):
    """An old version of a file cannot be read from git history."""


@dataclass(frozen=True)
class Commit:
    id: str
    """Abbreviated commit id."""
    date: str
    """Author date, YYYY-MM-DD."""
    subject: str


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C"}
    return subprocess.run(
        ["git", "-C", str(repo), *args], capture_output=True, env=env, check=False
    )


def repository_root(folder: Path, where: Location) -> Path:
    """The top folder of the git repository holding `folder`."""
    if shutil.which("git") is None:
        raise HistoryError(
            msg("git is not installed, so the old version cannot be fetched"),
            where,
            msg("install git (Debian: apt-get install git), or compare the files by hand"),
        )
    done = _git(folder, "rev-parse", "--show-toplevel")
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise HistoryError(
            msg("%(folder)s is not in a git repository (%(detail)s)"),
            where,
            msg("run the command in a clone of the site's repository (git clone …)"),
            folder=folder,
            detail=detail[-1] if detail else "no details",
        )
    return Path(done.stdout.decode("utf-8").strip())


def read_blob(repo: Path, blob_id: str, where: Location) -> bytes:
    """The bytes git stores under `blob_id`; `HistoryError` when it has none."""
    if not _BLOB_ID.match(blob_id):
        raise HistoryError(
            msg("'%(blob)s' is not a git blob id (40 hexadecimal digits)"),
            where,
            msg("the source_version line was edited by hand; restore it from git history"),
            blob=blob_id,
        )
    done = _git(repo, "cat-file", "blob", blob_id)
    if done.returncode == 0:
        return done.stdout
    shallow = _git(repo, "rev-parse", "--is-shallow-repository").stdout.strip() == b"true"
    hint = (
        msg(
            "this clone is shallow: fetch the whole history with "
            "'git fetch --unshallow', then retry"
        )
        if shallow
        else msg(
            "that version was probably never committed (or only in a branch you have not "
            "fetched: try 'git fetch --all'); compare the translation with the source page by hand"
        )
    )
    raise HistoryError(
        msg("the source version it was made from (%(blob)s) is not in the git history"),
        where,
        hint,
        blob=blob_id[:10],
    )


def first_commit_with(repo: Path, blob_id: str) -> Commit | None:
    """The oldest commit that brought in this version of a file, when git can find it."""
    done = _git(
        repo, "log", "--all", "--reverse", "--format=%h%x09%as%x09%s", f"--find-object={blob_id}"
    )
    if done.returncode != 0:
        return None
    for line in done.stdout.decode("utf-8", "replace").splitlines():
        parts = line.split("\t", 2)
        if len(parts) == 3:
            return Commit(id=parts[0], date=parts[1], subject=parts[2])
    return None
