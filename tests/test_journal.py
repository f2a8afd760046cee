"""Writing in place: only what changed, all or nothing, and recoverable after a crash."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from site_builder import journal
from site_builder.journal import JournaledOutput, pending_dir, recover
from site_builder.output import OutputError
from tests.conftest import snapshot


def publish(
    out: Path, files: dict[str, str], manifest: journal.Manifest | None
) -> journal.Manifest:
    writer = JournaledOutput(out, manifest)
    for rel, text in files.items():
        writer.write(rel, text, "test")
    return writer.commit()


def inodes(folder: Path) -> dict[str, int]:
    return {
        p.relative_to(folder).as_posix(): p.stat().st_ino for p in folder.rglob("*") if p.is_file()
    }


def test_first_build_is_renamed_into_place(tmp_path: Path) -> None:
    out = tmp_path / "public"
    manifest = publish(out, {"index.html": "hem", "a/index.html": "a"}, None)
    assert snapshot(out) == {"index.html": b"hem", "a/index.html": b"a"}
    assert sorted(manifest) == ["a/index.html", "index.html"]
    assert not pending_dir(out).exists()


def test_only_changed_files_are_replaced_and_orphans_go(tmp_path: Path) -> None:
    out = tmp_path / "public"
    manifest = publish(out, {"index.html": "hem", "a/index.html": "a", "b/c/index.html": "c"}, None)
    os.utime(out / "index.html", ns=(1_000_000_000, 1_000_000_000))
    manifest["index.html"] = journal.FileRecord(
        manifest["index.html"].digest, 3, 1_000_000_000, (out / "index.html").stat().st_ino
    )
    before = inodes(out)
    writer = JournaledOutput(out, manifest)
    writer.write("index.html", "hem", "test")
    writer.write("a/index.html", "ny text", "test")
    writer.commit()
    assert snapshot(out) == {"index.html": b"hem", "a/index.html": b"ny text"}
    assert inodes(out)["index.html"] == before["index.html"]
    assert (out / "index.html").stat().st_mtime_ns == 1_000_000_000
    assert writer.changed == {"a/index.html", "b/c/index.html"}
    assert not (out / "b").exists()  # the emptied folders go too


def test_abort_leaves_the_output_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "public"
    manifest = publish(out, {"index.html": "hem"}, None)
    writer = JournaledOutput(out, manifest)
    writer.write("index.html", "aldrig publicerad", "test")
    writer.write("ny/index.html", "inte heller", "test")
    writer.abort()
    assert snapshot(out) == {"index.html": b"hem"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public"]


def test_an_interrupted_commit_is_finished_by_the_next_build(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "public"
    manifest = publish(out, {f"{n}/index.html": f"gammal {n}" for n in range(6)}, None)
    writer = JournaledOutput(out, manifest)
    for n in range(6):
        writer.write(f"{n}/index.html", f"ny {n}", "test")
    moved = 0
    real_replace = os.replace

    def crash_after_two(source: object, target: object) -> None:
        nonlocal moved
        if moved == 2:
            raise KeyboardInterrupt  # the power goes out
        moved += 1
        real_replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(journal.os, "replace", crash_after_two)
    with pytest.raises(KeyboardInterrupt):
        writer.commit()
    monkeypatch.setattr(journal.os, "replace", real_replace)
    half = snapshot(out)
    assert sorted(v.decode().split()[0] for v in half.values()) == ["gammal"] * 4 + ["ny"] * 2
    assert recover(out) is True
    assert snapshot(out) == {f"{n}/index.html": f"ny {n}".encode() for n in range(6)}
    assert not pending_dir(out).exists()


def test_without_a_manifest_files_are_compared_by_content(tmp_path: Path) -> None:
    out = tmp_path / "public"
    publish(out, {"index.html": "hem", "a/index.html": "a"}, None)
    (out / "left-by-hand.txt").write_text("x")
    before = inodes(out)
    writer = JournaledOutput(out, None)
    writer.write("index.html", "hem", "test")
    writer.write("a/index.html", "ändrad", "test")
    writer.commit()
    assert snapshot(out) == {"index.html": b"hem", "a/index.html": "ändrad".encode()}
    assert inodes(out)["index.html"] == before["index.html"]


def test_a_file_changed_by_hand_is_rewritten(tmp_path: Path) -> None:
    out = tmp_path / "public"
    manifest = publish(out, {"index.html": "hem"}, None)
    (out / "index.html").write_text("ändrad för hand")
    publish(out, {"index.html": "hem"}, manifest)
    assert snapshot(out) == {"index.html": b"hem"}


def test_a_folder_where_a_file_now_goes(tmp_path: Path) -> None:
    out = tmp_path / "public"
    manifest = publish(out, {"a/index.html": "a"}, None)
    publish(out, {"a": "now a file"}, manifest)
    assert snapshot(out) == {"a": b"now a file"}


@pytest.mark.parametrize("rel", ["../evil.html", "/etc/passwd", "a/../../x"])
def test_never_writes_outside(tmp_path: Path, rel: str) -> None:
    writer = JournaledOutput(tmp_path / "public", None)
    with pytest.raises(OutputError):
        writer.write(rel, "x", "test")
    writer.abort()
    assert not (tmp_path / "evil.html").exists()


def test_duplicate_output_is_refused(tmp_path: Path) -> None:
    writer = JournaledOutput(tmp_path / "public", None)
    writer.write("x/index.html", "a", "content/x.sv.md")
    with pytest.raises(OutputError, match="two sources write the same file"):
        writer.write("x/index.html", "b", "content/x/_index.sv.md")
    writer.abort()


def test_a_file_where_a_folder_now_goes(tmp_path: Path) -> None:
    out = tmp_path / "public"
    manifest = publish(out, {"a": "a file"}, None)
    publish(out, {"a/index.html": "now a page"}, manifest)
    assert snapshot(out) == {"a/index.html": b"now a page"}


def test_a_file_made_in_the_pending_area_is_moved_into_place_or_left(tmp_path: Path) -> None:
    """`adopt` (Pagefind's bundle): new bytes are renamed in, not copied; the same bytes
    keep the published file and its inode, like `write`."""
    out = tmp_path / "public"
    for fresh in (True, False):
        manifest = None if fresh else publish(out, {"s/kept.bin": "samma", "s/old.bin": "x"}, None)
        writer = JournaledOutput(out, manifest)
        before = inodes(out) if out.exists() else {}
        made = {}
        for name, text in (("kept.bin", "samma"), ("new.bin", "ny")):
            made[name] = writer.area.root / "tool" / name
            made[name].parent.mkdir(parents=True, exist_ok=True)
            made[name].write_text(text, "utf-8")
        made_inode = made["new.bin"].stat().st_ino
        for name, path in made.items():
            writer.adopt(f"s/{name}", path, "test")
        writer.commit()
        assert snapshot(out) == {"s/kept.bin": b"samma", "s/new.bin": b"ny"}
        assert inodes(out)["s/new.bin"] == made_inode, "renamed, not copied"
        if not fresh:
            assert inodes(out)["s/kept.bin"] == before["s/kept.bin"]
            assert writer.changed == {"s/new.bin", "s/old.bin"}
        assert not pending_dir(out).exists()
        shutil.rmtree(out)
