"""Watching: editors' scratch files are ignored, bursts of saves become one rebuild."""

from __future__ import annotations

import threading
from pathlib import Path

from site_builder.serve.watch import Debouncer, SiteWatcher, is_scratch


def test_scratch_files_are_ignored() -> None:
    for name in ("content/.sida.sv.md.swp", "content/sida.sv.md~", "content/#sida#", ".#x"):
        assert is_scratch(name), name
    assert not is_scratch("content/kontakt/_index.sv.md")


def test_a_burst_of_saves_becomes_one_rebuild() -> None:
    debouncer = Debouncer(quiet=0.2)
    debouncer.add([Path("a")])
    debouncer.add([Path("b")])
    debouncer.add([Path("a"), Path("c")])
    assert debouncer.take() == {Path("a"), Path("b"), Path("c")}
    debouncer.close()
    assert debouncer.take() is None


def test_watcher_reports_a_saved_page_and_site_yaml(minimal_site: Path) -> None:
    seen: set[Path] = set()
    arrived = threading.Event()
    wanted = {minimal_site / "content" / "kontakt" / "_index.sv.md", minimal_site / "site.yaml"}

    def notify(paths: list[Path]) -> None:
        seen.update(paths)
        if wanted <= seen:
            arrived.set()

    watcher = SiteWatcher(minimal_site, notify)
    watcher.start()
    try:
        (minimal_site / "content" / ".scratch.swp").write_text("x")
        (minimal_site / "notes.txt").write_text("not part of the site")
        page = minimal_site / "content" / "kontakt" / "_index.sv.md"
        page.write_text(page.read_text() + "\nMer text.\n")
        (minimal_site / "site.yaml").write_text((minimal_site / "site.yaml").read_text())
        assert arrived.wait(timeout=10), seen
    finally:
        watcher.stop()
    assert minimal_site / "notes.txt" not in seen
    assert minimal_site / "content" / ".scratch.swp" not in seen
