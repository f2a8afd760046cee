from __future__ import annotations

import os
from pathlib import Path

import pytest

from site_builder.output import OutputError, StagedOutput


def test_commit_replaces_the_whole_folder(tmp_path: Path) -> None:
    out = tmp_path / "public"
    first = StagedOutput(out)
    first.write("a.html", "one")
    first.write("old.html", "gone later")
    first.commit()
    second = StagedOutput(out)
    second.write("a.html", "one")
    second.write("b/index.html", "two")
    second.commit()
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()) == [
        "a.html",
        "b/index.html",
    ]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".public")]


def test_unchanged_files_keep_their_mtime(tmp_path: Path) -> None:
    out = tmp_path / "public"
    first = StagedOutput(out)
    first.write("a.html", "same")
    first.write("b.html", "before")
    first.commit()
    os.utime(out / "a.html", (1_000_000, 1_000_000))
    os.utime(out / "b.html", (1_000_000, 1_000_000))
    second = StagedOutput(out)
    second.write("a.html", "same")
    second.write("b.html", "after")
    second.commit()
    assert (out / "a.html").stat().st_mtime == 1_000_000
    assert (out / "b.html").stat().st_mtime != 1_000_000


def test_abort_leaves_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "public"
    first = StagedOutput(out)
    first.write("a.html", "kept")
    first.commit()
    second = StagedOutput(out)
    second.write("a.html", "never published")
    second.abort()
    assert (out / "a.html").read_text() == "kept"
    assert [p.name for p in tmp_path.iterdir()] == ["public"]


def test_duplicate_output_is_refused(tmp_path: Path) -> None:
    staged = StagedOutput(tmp_path / "public")
    staged.write("x/index.html", "a", "content/x.sv.md")
    with pytest.raises(OutputError, match="two sources write the same file"):
        staged.write("x/index.html", "b", "content/x/_index.sv.md")
    staged.abort()


def test_never_writes_outside(tmp_path: Path) -> None:
    staged = StagedOutput(tmp_path / "public")
    with pytest.raises(OutputError):
        staged.write("../evil.html", "x")
    staged.abort()
