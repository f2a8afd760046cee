"""Same input, same bytes; unchanged files are left alone on disk.

Two clean builds must be byte-identical, whatever the hash seed (set and
dict order must not leak into files) and wherever the output goes. A rebuild
must not rewrite a file whose bytes did not change: same inode, same mtime,
so rsync and CDN uploads send only what changed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from site_builder.pipeline import build
from tests.conftest import REPO, snapshot


def _copy_site(target: Path) -> Path:
    for name in ("site.yaml", "content", "data", "themes", "locales"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name)
        elif source.is_file():
            target.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


def _build_in_process(site: Path, out: Path, seed: str) -> None:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run(
        [sys.executable, "-m", "site_builder", "build", "--site", str(site), "--out", str(out)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr


def test_two_clean_builds_are_byte_identical(tmp_path: Path) -> None:
    site = _copy_site(tmp_path / "site")
    _build_in_process(site, tmp_path / "one" / "public", seed="1")
    _build_in_process(site, tmp_path / "two" / "elsewhere", seed="4242")
    first = snapshot(tmp_path / "one" / "public")
    second = snapshot(tmp_path / "two" / "elsewhere")
    assert len(first) > 50
    assert first.keys() == second.keys()
    assert [rel for rel in first if first[rel] != second[rel]] == []


def _stats(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_unchanged_files_keep_their_inode_and_mtime(tmp_path: Path) -> None:
    site = _copy_site(tmp_path / "site")
    out = tmp_path / "public"
    build(site, out)
    before = _stats(out)
    build(site, out)
    assert _stats(out) == before

    page = site / "content" / "kommun" / "kommunfakta.sv.md"
    page.write_text(page.read_text("utf-8") + "\nEn mening till.\n", "utf-8")
    result = build(site, out)
    after = _stats(out)
    rewritten = {rel for rel in after if after[rel] != before.get(rel)}
    assert "kommun/kommunfakta/index.html" in rewritten
    removed = set(before) - set(after)
    assert rewritten | removed == set(result.changed)
    assert len(rewritten) < len(after) / 4
