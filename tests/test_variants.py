"""Easy-to-read Swedish and Swedish sign language versions of pages."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.errors import BuildFailed
from site_builder.pipeline import build
from site_builder.translation_status import all_states
from tests.conftest import FIXTURES, REPO, page, parse_html

Write = Callable[[str, str], Path]
VIDEO = FIXTURES / "video"
POLICY = "../kommun/informationspolicy"


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("variants") / "public"
    build(REPO, out)
    return out


def html(path: Path):  # type: ignore[no-untyped-def]
    tree, errors = parse_html(path.read_text("utf-8"))
    assert errors == [], errors[:3]
    return tree


def test_the_real_easy_to_read_pages_are_attached_to_their_swedish_pages(public: Path) -> None:
    site = load_site(load_config(REPO))
    attached = {
        key: site.variants(key)["easy_to_read"].key
        for key in site.page_keys()
        if "easy_to_read" in site.variants(key)
    }
    assert attached == {
        "kontakt": "lattlast/kontakta-kommunen",
        "utbildning/forskola": "lattlast/forskola",
        "omsorg/aldreomsorg": "lattlast/hjalp-nar-du-blir-aldre",
        "finska/dina-rattigheter": "lattlast/om-du-talar-finska",
    }
    base = html(public / "utbildning/forskola/index.html")
    (link,) = base.find(".//ul[@class='page-versions']").iter("a")
    assert (link.get("href"), link.text) == ("/lattlast/forskola/", "Sidan på lättläst svenska")
    easy = html(public / "lattlast/forskola/index.html")
    assert easy.find("body").get("class") == "variant-easy-to-read"
    back = easy.find(".//p[@class='page-versions']/a")
    assert (back.get("href"), back.text) == ("/utbildning/forskola/", "Förskola")
    # the editor's line breaks stay: one sentence a line
    first = easy.find(".//div[@class='prose']/p")
    assert len(first.findall("br")) == 2


def test_no_sign_language_video_is_invented(public: Path) -> None:
    site = load_site(load_config(REPO))
    sign = [p for p in site.pages if site.variant_kind(p.key) == "sign_language"]
    assert [p.source for p in sign] == ["content/teckensprak/_index.sv.md"]
    assert not list(public.rglob("*.webm")) and not list(public.rglob("*.mp4"))
    assert html(public / "teckensprak/index.html").find(".//video") is None


def test_every_page_links_the_hubs_from_its_header(public: Path) -> None:
    for path in sorted(public.rglob("index.html")):
        root = html(path)
        header = root.find(".//header")
        links = {
            li.get("class"): (a.get("href"), a.get("hreflang"))
            for li in header.iter("li")
            for a in li.iter("a")
            if (li.get("class") or "").startswith("language-page-")
        }
        swedish = root.get("lang") == "sv"
        hreflang = None if swedish else "sv"
        assert links["language-page-easy-to-read"] == ("/lattlast/", hreflang), path
        assert links["language-page-sign-language"] == ("/teckensprak/", hreflang), path


def test_header_labels_in_each_language(public: Path) -> None:
    labels = {}
    for rel in ("index.html", "fi/index.html", "en/index.html"):
        header = html(public / rel).find(".//header//ul[@class='language-pages']")
        labels[rel] = ["".join(a.itertext()) for a in header.iter("a")]
    assert labels == {
        "index.html": ["Andra språk", "Lättläst", "Teckenspråk"],
        "fi/index.html": ["Muut kielet", "Selkoruotsi", "Ruotsalainen viittomakieli"],
        "en/index.html": ["Other languages", "Easy-to-read Swedish", "Swedish Sign Language"],
    }


def test_variant_pages_are_not_pages_to_translate() -> None:
    site = load_site(load_config(REPO))
    keys = {state.key for state in all_states(site)}
    assert not any(key.startswith(("lattlast", "teckensprak")) for key in keys)
    assert "utbildning/forskola" in keys


def test_home_lists_no_language_pages(public: Path) -> None:
    hrefs = {a.get("href") for a in html(public / "index.html").find(".//main").iter("a")}
    assert not hrefs & {"/lattlast/", "/teckensprak/", "/andra-sprak/"}


# -- a sign language page, with a generated test video -----------------------------------


def sign_language_site(minimal_site: Path, write: Write) -> Path:
    write("content/teckensprak/_index.sv.md", page(title="Teckenspråk"))
    write(
        "content/teckensprak/policy.sv.md",
        page(
            title="Informationspolicyn på teckenspråk",
            extra="variant_of: ../kommun/informationspolicy.sv.md\n"
            "video: policy.webm\ncaptions: policy.vtt\n",
            body="Filmen berättar om policyn. Här är samma text på svenska.",
        ),
    )
    shutil.copy(VIDEO / "tecken.webm", minimal_site / "content/teckensprak/policy.webm")
    shutil.copy(VIDEO / "tecken.vtt", minimal_site / "content/teckensprak/policy.vtt")
    return minimal_site


def test_sign_language_page_is_built_around_a_captioned_video(
    minimal_site: Path, write: Write, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    build(sign_language_site(minimal_site, write), out)
    root = html(out / "teckensprak/policy/index.html")
    assert root.find("body").get("class") == "variant-sign-language"
    video = root.find(".//figure[@class='sign-language-video']/video")
    assert video is not None and video.get("controls") is not None
    source = video.find("source")
    assert (source.get("src"), source.get("type")) == ("/teckensprak/policy.webm", "video/webm")
    track = video.find("track")
    assert (track.get("kind"), track.get("src"), track.get("srclang"), track.get("label")) == (
        "captions", "/teckensprak/policy.vtt", "sv", "Svenska",
    )  # fmt: skip
    assert track.get("default") is not None
    assert (out / "teckensprak/policy.webm").read_bytes() == (VIDEO / "tecken.webm").read_bytes()
    assert "Här är samma text på svenska." in (out / "teckensprak/policy/index.html").read_text()
    base = html(out / "kommun/informationspolicy/index.html")
    links = {a.text: a.get("href") for a in base.find(".//ul[@class='page-versions']").iter("a")}
    assert links == {"Sidan på teckenspråk": "/teckensprak/policy/"}
    # the Finnish version of the base page does not link the Swedish sign language page
    assert "page-versions" not in (out / "fi/kunta/viestintapolitiikka/index.html").read_text()


@pytest.mark.parametrize(
    ("rel", "extra", "message"),
    [
        ("kontakt/x.sv.md", f"variant_of: {POLICY}.sv.md\n", "only for easy-to-read"),
        ("lattlast/x.sv.md", "variant_of: ../nope.sv.md\n", "names a page that does not exist"),
        ("lattlast/x.sv.md", f"variant_of: {POLICY}.fi.md\n", "must name a sv page"),
        ("teckensprak/x.sv.md", "video: x.webm\n", "a video needs captions"),
        ("teckensprak/x.sv.md", "video: no.webm\ncaptions: no.vtt\n", "video file does not exist"),
        ("teckensprak/x.sv.md", "video: x.avi\ncaptions: x.vtt\n", "must be an MP4 or WebM"),
        ("kontakt/x.sv.md", "video: x.webm\ncaptions: x.vtt\n", "only for sign language pages"),
        ("teckensprak/x.sv.md", "captions: x.vtt\n", "'captions' without a 'video'"),
    ],
)  # fmt: skip
def test_bad_variant_front_matter_is_located(
    minimal_site: Path, write: Write, rel: str, extra: str, message: str
) -> None:
    write(f"content/{rel}", page(extra=extra))
    with pytest.raises(BuildFailed) as failed:
        load_site(load_config(minimal_site))
    errors = failed.value.errors
    assert any(message in error.message for error in errors), [e.message for e in errors]
    for error in errors:
        assert error.location is not None and error.location.path == f"content/{rel}"
        assert error.location.line is not None and error.location.line >= 6


def test_two_easy_to_read_versions_of_one_page(minimal_site: Path, write: Write) -> None:
    extra = "variant_of: ../kommun/informationspolicy.sv.md\n"
    write("content/lattlast/a.sv.md", page(extra=extra))
    write("content/lattlast/b.sv.md", page(extra=extra))
    with pytest.raises(BuildFailed) as failed:
        load_site(load_config(minimal_site))
    assert "is already this kind of version" in failed.value.errors[0].message


# -- in a real browser --------------------------------------------------------------------


@pytest.fixture
def served(tmp_path: Path, minimal_site: Path, write: Write) -> Iterator[str]:
    out = tmp_path / "served"
    build(sign_language_site(minimal_site, write), out)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(out))
    handler.func.extensions_map = {  # type: ignore[attr-defined]
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".vtt": "text/vtt",
        ".webm": "video/webm",
    }
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_the_video_plays_with_its_captions_in_chromium(served: str) -> None:
    from tests.servers import CHROMIUM, CHROMIUM_ARGS, require

    require("chromium (Debian package chromium)", CHROMIUM.is_file())
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            tab.goto(served + "/teckensprak/policy/")
            tab.wait_for_function("document.querySelector('video').readyState >= 1")
            tab.wait_for_function(
                "(() => { const t = document.querySelector('video').textTracks[0];"
                " return t && t.cues && t.cues.length === 2; })()"
            )
            state = tab.evaluate(
                "(() => { const v = document.querySelector('video'); const t = v.textTracks[0];"
                " return [v.duration, t.kind, t.language, t.mode, t.cues[0].text]; })()"
            )
        finally:
            browser.close()
    duration, kind, language, mode, first = state
    assert 1.5 < duration < 2.5
    assert (kind, language, mode, first) == (
        "captions",
        "sv",
        "showing",
        "Välkommen till förskolan.",
    )
