"""The preview end to end, over HTTP: save → rebuild → the open page is told to reload.

No browser here (see tests/browser/); the long poll is what the reload script does.
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from site_builder.pipeline import BuildResult, Memory, build
from site_builder.serve import DevServer

POLICY = "content/kommun/informationspolicy.sv.md"


@pytest.fixture
def server(minimal_site: Path, tmp_path: Path) -> Iterator[DevServer]:
    out = tmp_path / "preview"
    memory = Memory()

    def rebuild(changes: frozenset[Path], published: Callable[[BuildResult], None]) -> BuildResult:
        return build(minimal_site, out, memory=memory, published=published)

    dev = DevServer(site_dir=minimal_site, out_dir=out, build=rebuild, port=0)
    dev.start()
    yield dev
    dev.stop()


def fetch(dev: DevServer, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(dev.url.rstrip("/") + path, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


def poll(dev: DevServer, path: str, epoch: int) -> dict[str, object]:
    status, body = fetch(dev, f"/__site_builder/poll?epoch={epoch}&path={path}")
    assert status == 200
    answer: dict[str, object] = json.loads(body)
    return answer


def test_save_fail_fix(server: DevServer, minimal_site: Path) -> None:
    page = "/kommun/informationspolicy/"
    source = minimal_site / POLICY
    original = source.read_text("utf-8")
    status, html = fetch(server, page)
    assert status == 200 and "Policyn skapar en gemensam syn." in html
    epoch = server.state.epoch

    source.write_text(original.replace("gemensam syn", "gemensam och tydlig syn"), "utf-8")
    assert poll(server, page, epoch) == {"epoch": epoch + 1, "reload": True}
    status, html = fetch(server, page)
    assert status == 200 and "Policyn skapar en gemensam och tydlig syn." in html
    # the reload script is served, not written
    assert "__site_builder/reload.js" in html
    out_file = server.out_dir / "kommun" / "informationspolicy" / "index.html"
    assert "__site_builder" not in out_file.read_text("utf-8")

    epoch = server.state.epoch
    source.write_text(original.replace("title: Informationspolicy", "title: [oavslutad"), "utf-8")
    assert poll(server, page, epoch)["reload"] is True
    status, html = fetch(server, page)
    assert status == 500
    assert "This page could not be built" in html
    problems = html.split('<ol class="problems">')[1]
    assert problems.lstrip().startswith(f'<li>\n<p class="where"><code>{POLICY}</code>, line ')
    assert "The value of &#x27;title&#x27; begins with &#x27;[&#x27;" in problems
    assert "__site_builder/reload.js" in html
    # the page files are the last good ones; other pages are served as usual
    assert "gemensam och tydlig syn" in out_file.read_text("utf-8")
    status, html = fetch(server, "/kontakt/")
    assert status == 200 and "could not be built" not in html

    epoch = server.state.epoch
    source.write_text(original, "utf-8")
    assert poll(server, page, epoch)["reload"] is True
    status, html = fetch(server, page)
    assert status == 200 and "Policyn skapar en gemensam syn." in html


def test_a_broken_site_yaml_shows_on_every_page(server: DevServer, minimal_site: Path) -> None:
    epoch = server.state.epoch
    (minimal_site / "site.yaml").write_text("title: [\n", "utf-8")
    assert poll(server, "/kontakt/", epoch)["reload"] is True
    for path in ("/", "/kontakt/", "/finns-inte/"):
        status, html = fetch(server, path)
        assert status == 500 and "<code>site.yaml</code>" in html, path


def test_a_check_that_fails_after_the_page_is_on_disk(
    server: DevServer, minimal_site: Path
) -> None:
    """The preview publishes first and checks after; a failing check shows on its page."""
    page = "/kontakt/"
    source = minimal_site / "content" / "kontakt" / "_index.sv.md"
    original = source.read_text("utf-8")
    epoch = server.state.epoch
    source.write_text(
        original + "\nLäs [avsnittet](../kommun/informationspolicy.sv.md#finns-inte).\n", "utf-8"
    )
    assert poll(server, page, epoch)["reload"] is True
    status, html = fetch(server, page)
    deadline = 50
    while status == 200 and deadline:  # the checks run after the page is published
        epoch = server.state.epoch
        poll(server, page, epoch)
        status, html = fetch(server, page)
        deadline -= 1
    assert status == 500 and "broken-link" in html and "finns-inte" in html
    assert "avsnittet" in (server.out_dir / "kontakt" / "index.html").read_text("utf-8")
    epoch = server.state.epoch
    source.write_text(original, "utf-8")
    assert poll(server, page, epoch)["reload"] is True
    status, html = fetch(server, page)
    assert status == 200 and "avsnittet" not in html


def test_the_search_index_follows_when_the_editor_pauses(
    minimal_site: Path, tmp_path: Path
) -> None:
    out = tmp_path / "preview"
    memory = Memory()
    stale: list[bool] = []

    def rebuild(changes: frozenset[Path], published: Callable[[BuildResult], None]) -> BuildResult:
        result = build(minimal_site, out, memory=memory, search_later=True, published=published)
        stale.append(result.search_stale)
        return result

    def when_idle() -> BuildResult | None:
        if not stale or not stale[-1]:
            return None
        result = build(minimal_site, out, memory=memory)
        stale.append(result.search_stale)
        return result

    dev = DevServer(site_dir=minimal_site, out_dir=out, build=rebuild, port=0, idle=when_idle)
    dev.start()
    try:
        entry = out / "pagefind" / "pagefind-entry.json"
        first = entry.read_bytes()
        source = minimal_site / POLICY
        epoch = dev.state.epoch
        source.write_text(source.read_text("utf-8") + "\nSökbar nyhet om snöröjning.\n", "utf-8")
        assert poll(dev, "/kommun/informationspolicy/", epoch)["reload"] is True
        for _ in range(600):  # the page is published before the build returns
            if len(stale) > 1:
                break
            time.sleep(0.05)
        assert stale[1] is True  # the page is there; the index waits for a pause
        assert entry.read_bytes() == first
        for _ in range(60):  # the pause comes after 1.5 s without a save
            if stale[-1] is False:
                break
            poll(dev, "/kommun/informationspolicy/", dev.state.epoch)
        assert stale[-1] is False
        assert entry.read_bytes() != first
    finally:
        dev.stop()


def test_a_rebuild_runs_without_the_cyclic_collector_and_turns_it_back_on() -> None:
    import gc

    from site_builder.commands.serve import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a failed build")
    assert gc.isenabled(), "a failed build turns the collector back on too"
    with collector_paused(False):
        assert gc.isenabled(), "the first build is not paused"
