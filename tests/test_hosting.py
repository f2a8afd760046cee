"""Hosting artefacts of the real site: fingerprints, .gz copies, no inline code,
the search index; then nginx with the generated configuration, and a browser."""

from __future__ import annotations

import gzip
import re
from pathlib import Path
from urllib.error import HTTPError
from urllib.request import Request, urlopen

import pytest

from site_builder.cli import main
from site_builder.compress import TEXT_SUFFIXES
from site_builder.fingerprint import PATTERN
from site_builder.nginx import SECURITY_HEADERS
from site_builder.pipeline import BuildResult, build
from tests.conftest import REPO, parse_html
from tests.servers import CHROMIUM, CHROMIUM_ARGS, free_port, require_chromium, running_nginx


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    out = tmp_path_factory.mktemp("hosting") / "public"
    return out, build(REPO, out)


@pytest.fixture(scope="module")
def public(built: tuple[Path, BuildResult]) -> Path:
    return built[0]


def html_files(public: Path) -> list[Path]:
    return sorted(p for p in public.rglob("*.html"))


def test_search_index_has_swedish_finnish_and_english_parts(
    built: tuple[Path, BuildResult],
) -> None:
    public, result = built
    assert set(result.search_languages) == {"sv", "fi", "en"}
    assert all(count >= 15 for count in result.search_languages.values())
    bundle = public / "pagefind"
    for lang in ("sv", "fi", "en"):
        assert (bundle / f"wasm.{lang}.pagefind").is_file()
        assert list(bundle.glob(f"pagefind.{lang}_*.pf_meta"))
    assert not list(bundle.glob("pagefind-ui*")), "the default interface is not published"


def test_a_second_build_gives_the_same_bytes_search_index_included(
    public: Path, tmp_path: Path
) -> None:
    again = tmp_path / "again"
    build(REPO, again)
    first = {p.relative_to(public): p.read_bytes() for p in public.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []


def test_every_text_file_has_an_identical_gzip_copy(public: Path) -> None:
    texts = [p for p in public.rglob("*") if p.is_file() and p.suffix in TEXT_SUFFIXES]
    assert len(texts) > 80
    for path in texts:
        packed = path.with_name(path.name + ".gz")
        assert packed.is_file(), path
        assert gzip.decompress(packed.read_bytes()) == path.read_bytes(), path


def test_theme_has_no_inline_script_or_style(public: Path) -> None:
    for path in html_files(public):
        tree, _ = parse_html(path.read_text("utf-8"))
        for element in tree.iter():  # type: ignore[attr-defined]
            rel = path.relative_to(public)
            assert element.tag != "style", f"{rel}: <style>"
            assert "style" not in element.attrib, f"{rel}: style= on <{element.tag}>"
            assert not any(a.startswith("on") for a in element.attrib), f"{rel}: on… handler"
            if element.tag == "script":
                assert element.get("src") and not (element.text or "").strip(), rel
            if element.tag == "a":
                assert not element.get("href", "").startswith("javascript:"), rel


def test_assets_are_fingerprinted_and_every_reference_resolves(public: Path) -> None:
    referenced: set[str] = set()
    for path in html_files(public):
        tree, _ = parse_html(path.read_text("utf-8"))
        for element in tree.iter():  # type: ignore[attr-defined]
            for attr in ("href", "src"):
                value = element.get(attr, "")
                if value.startswith("/static/") or re.search(r"\.(svg|png|jpe?g)$", value):
                    referenced.add(value)
    assert any(ref.startswith("/static/style.") for ref in referenced)
    assert any(ref.startswith("/kommun/hallefors-ortnamn.") for ref in referenced)
    for ref in referenced:
        assert re.search(PATTERN, ref), f"{ref} has no fingerprint"
        assert (public / ref.lstrip("/")).is_file(), f"{ref} is not in the output"
    for css in (public / "static").glob("*.css"):
        for url in re.findall(r"url\(['\"]?([^'\")]+)", css.read_text("utf-8")):
            if not url.startswith(("data:", "#", "http")):
                assert (css.parent / url).is_file(), f"{css.name}: {url}"


def test_nginx_conf_command_prints_a_complete_configuration(
    public: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["nginx-conf", "--site", str(REPO), "--root", str(public), "--listen", "8081"]) == 0
    text = capsys.readouterr().out
    assert "events {" in text and "listen 8081;" in text and f"root {public}" in text
    assert "unsafe-inline" not in text and "gzip_static on;" in text
    assert main(["nginx-conf", "--site", str(REPO), "--root", str(public), "--snippet"]) == 0
    snippet = capsys.readouterr().out
    assert (
        "events" not in snippet
        and "listen" not in snippet
        and "error_page 404 /fi/404.html;" in snippet
    )
    assert main(["nginx-conf", "--site", str(REPO), "--listen", "everywhere"]) == 2


def fetch(url: str, gzip_ok: bool = False) -> tuple[int, dict[str, str], bytes]:
    headers = {"Accept-Encoding": "gzip"} if gzip_ok else {}
    try:
        with urlopen(Request(url, headers=headers), timeout=10) as response:
            return response.status, dict(response.headers.items()), response.read()
    except HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def test_nginx_serves_every_page_with_headers_compression_and_404s(
    public: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    port = free_port()
    assert main(["nginx-conf", "--site", str(REPO), "--root", str(public),
                 "--listen", f"127.0.0.1:{port}"]) == 0  # fmt: skip
    config = capsys.readouterr().out
    with running_nginx(config, tmp_path / "nginx", port) as base:
        pages = html_files(public)
        assert len(pages) > 60
        for path in pages:
            rel = path.relative_to(public).as_posix()
            url = base + "/" + rel.removesuffix("index.html")
            status, headers, body = fetch(url)
            assert status == 200, rel
            assert headers["Content-Type"] == "text/html; charset=utf-8", rel
            for name, value in SECURITY_HEADERS:
                assert headers.get(name) == value, f"{rel}: {name}"
            assert "unsafe-inline" not in headers["Content-Security-Policy"]
            assert headers["Cache-Control"] == "public, max-age=60", rel
            assert body == path.read_bytes()
        status, headers, body = fetch(base + "/", gzip_ok=True)
        assert headers.get("Content-Encoding") == "gzip"
        assert gzip.decompress(body) == (public / "index.html").read_bytes()
        css = next(p for p in (public / "static").glob("style.*.css"))
        status, headers, body = fetch(f"{base}/static/{css.name}", gzip_ok=True)
        assert status == 200 and headers["Content-Type"] == "text/css; charset=utf-8"
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
        assert headers["Content-Encoding"] == "gzip"
        assert "Content-Security-Policy" in headers
        for prefix, lang in (("/", "sv"), ("/fi/", "fi"), ("/en/", "en")):
            status, headers, body = fetch(f"{base}{prefix}finns/inte/")
            assert status == 404, prefix
            assert headers["Content-Type"] == "text/html; charset=utf-8"
            assert "X-Content-Type-Options" in headers
            tree, _ = parse_html(body.decode("utf-8"))
            assert tree.get("lang") == lang, prefix  # type: ignore[attr-defined]
            assert body == (public / prefix.lstrip("/") / "404.html").read_bytes()
        status, headers, _ = fetch(base + "/pagefind/pagefind.js")
        assert status == 200 and headers["Content-Type"].startswith("application/javascript")
        assert headers["Cache-Control"] == "no-cache"
        # Dot files (a release's .build-hash, say) are not served.
        (public / ".build-hash").write_text("abc")
        try:
            assert fetch(base + "/.build-hash")[0] == 404
        finally:
            (public / ".build-hash").unlink()
        status, headers, _ = fetch(base + "/sitemap.xml")
        assert headers["Content-Type"] == "text/xml; charset=utf-8"


def test_a_swedish_word_in_the_swedish_search_finds_the_page(
    public: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    require_chromium()
    from playwright.sync_api import sync_playwright

    port = free_port()
    assert main(["nginx-conf", "--site", str(REPO), "--root", str(public),
                 "--listen", f"127.0.0.1:{port}"]) == 0  # fmt: skip
    config = capsys.readouterr().out
    with running_nginx(config, tmp_path / "nginx", port) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.goto(base + "/sok/")
            # With JavaScript, the form replaces the link to the A–Ö index.
            assert page.is_visible("form[role=search]")
            assert not page.is_visible("[data-search-fallback]")
            page.get_by_label("Sök efter").fill("förskolan")
            page.keyboard.press("Enter")
            first = page.locator(".search-results a").first
            first.wait_for(timeout=15000)
            hrefs = page.locator(".search-results a").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"
            )
            assert "/utbildning/forskola/" in hrefs
            status = page.locator("[role=status]").inner_text()
            assert re.match(r"^\d+ sidor hittades för ”förskolan”\.$", status), status
            assert problems == [], problems  # the CSP allowed everything search needs
            # A common word finds more than one batch: the rest come on request,
            # and the keyboard moves to the first new result.
            page.get_by_label("Sök efter").fill("kommun")
            page.keyboard.press("Enter")
            page.get_by_role("status").filter(has_text="”kommun”").wait_for(timeout=15000)
            shown = page.locator(".search-results li").count()
            more = page.get_by_role("button", name="Visa fler träffar")
            assert shown == 20 and more.is_visible()
            more.click()
            # (wait_for_function would evaluate a string, which the CSP rightly forbids)
            page.locator(".search-results li").nth(20).wait_for(timeout=15000)
            focused = page.locator(".search-results li").nth(20).locator("a")
            assert focused.evaluate("link => link === document.activeElement")
            assert problems == [], problems
            # Without JavaScript, the page offers the A–Ö index instead.
            context = browser.new_context(java_script_enabled=False)
            nojs = context.new_page()
            nojs.goto(base + "/sok/")
            assert not nojs.is_visible("form[role=search]")
            nojs.get_by_role("link", name="Hitta sidor i A–Ö-registret i stället.").click()
            assert nojs.url == base + "/a-o/"
        finally:
            browser.close()


def test_without_an_index_the_search_page_says_so_and_offers_the_index(
    minimal_site: Path, tmp_path: Path
) -> None:
    require_chromium()
    from playwright.sync_api import sync_playwright

    from site_builder.nginx import full_config

    out = tmp_path / "out"
    build(minimal_site, out, search=False)
    port = free_port()
    config = full_config(
        root=out,
        listen=f"127.0.0.1:{port}",
        url_prefix="",
        source_language="sv",
        languages=("sv", "fi", "en"),
    )
    with running_nginx(config, tmp_path / "nginx", port) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(base + "/en/search/?q=policy")
            status = page.get_by_role("status")
            status.filter(has_text="Search is not working right now.").wait_for(timeout=15000)
            assert page.get_by_role("link", name="All pages from A to Z").is_visible()
        finally:
            browser.close()


def test_bundle_files_are_told_apart_by_language() -> None:
    """A build keeps the files of languages it did not re-index; it must know whose they are."""
    from site_builder.search_index import language_of_file

    assert language_of_file("fragment/en_05ccd36.pf_fragment") == "en"
    assert language_of_file("index/sv_11f02f7.pf_index") == "sv"
    assert language_of_file("filter/pt-br_aa01.pf_filter") == "pt-br"
    assert language_of_file("pagefind.fi_103795dd4b.pf_meta") == "fi"
    assert language_of_file("wasm.sv.pagefind") == "sv"
    assert language_of_file("wasm.unknown.pagefind") is None
    assert language_of_file("pagefind.js") is None
