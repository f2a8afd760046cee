"""The preview's HTTP side: only files inside the output folder, reload script injected."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from http import HTTPStatus
from pathlib import Path

import pytest

from site_builder.errors import BuildFailed, ContentError, Location
from site_builder.serve.http import PreviewServer, inject, locate, page_file
from site_builder.serve.state import ServeState


@pytest.fixture
def out(tmp_path: Path) -> Path:
    root = tmp_path / "public"
    for rel, text in {
        "index.html": "<!DOCTYPE html><html><head><title>Hem</title></head><body>Hem</body></html>",
        "kommun/index.html": "<html><head></head><body>Kommun</body></html>",
        "fi/index.html": "<html><head></head><body>Etusivu</body></html>",
        "404.html": "<html><head></head><body>Sidan finns inte</body></html>",
        "fi/404.html": "<html><head></head><body>Sivua ei löydy</body></html>",
        "static/style.css": "body { color: black; }",
        "sitemap.xml": "<urlset/>",
    }.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    (tmp_path / "secret.txt").write_text("do not serve", encoding="utf-8")
    (root / "escape").symlink_to(tmp_path)
    (root / "secret-link.txt").symlink_to(tmp_path / "secret.txt")
    return root


@pytest.fixture
def server(out: Path) -> Iterator[tuple[PreviewServer, ServeState]]:
    state = ServeState()
    state.build_succeeded({"index.html": "content/_index.sv.md"}, ["index.html"])
    httpd = PreviewServer(("127.0.0.1", 0), out, state)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd, state
    state.stop()
    httpd.shutdown()
    httpd.server_close()


Response = tuple[int, dict[str, str], bytes]


def get(httpd: PreviewServer, raw_path: str, method: str = "GET") -> Response:
    """Send the path exactly as given, without any client-side normalisation."""
    host, port = httpd.server_address[:2]
    conn = http.client.HTTPConnection(str(host), port, timeout=10)
    conn.putrequest(method, raw_path, skip_accept_encoding=True)
    conn.endheaders()
    response = conn.getresponse()
    body = response.read()
    conn.close()
    return response.status, {k.lower(): v for k, v in response.getheaders()}, body


@pytest.mark.parametrize(
    "raw",
    [
        "/../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/kommun/../../secret.txt",
        "/kommun/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt",
        "/.%00./secret.txt",
        "/escape/secret.txt",
        "/secret-link.txt",
        "//etc/passwd",
        "/%2Fetc%2Fpasswd",
        "http://evil.example/../secret.txt",
    ],
)
def test_nothing_outside_the_output_folder_is_served(
    server: tuple[PreviewServer, ServeState], raw: str
) -> None:
    status, _, body = get(server[0], raw)
    assert status != 200 or b"root:" not in body
    assert b"do not serve" not in body
    assert b"root:" not in body


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("/../secret.txt", HTTPStatus.FORBIDDEN),
        ("/%2e%2e/secret.txt", HTTPStatus.FORBIDDEN),
        ("/a%5c..%5csecret.txt", HTTPStatus.BAD_REQUEST),
        ("/a%00b", HTTPStatus.BAD_REQUEST),
        ("/%ff", HTTPStatus.BAD_REQUEST),
        ("/escape/secret.txt", HTTPStatus.FORBIDDEN),
        ("/secret-link.txt", HTTPStatus.FORBIDDEN),
        ("/kommun", HTTPStatus.MOVED_PERMANENTLY),
        ("/kommun/", HTTPStatus.OK),
        ("/static/style.css", HTTPStatus.OK),
        ("/saknas/", HTTPStatus.NOT_FOUND),
    ],
)
def test_locate(out: Path, raw: str, status: HTTPStatus) -> None:
    assert locate(out, raw).status == status


def test_page_file() -> None:
    assert page_file("/") == "index.html"
    assert page_file("/kommun/") == "kommun/index.html"
    assert page_file("/kommun") == "kommun/index.html"
    assert page_file("/static/style.css") == "static/style.css"


def test_html_gets_the_reload_script_when_served_but_not_on_disk(
    server: tuple[PreviewServer, ServeState], out: Path
) -> None:
    status, headers, body = get(server[0], "/")
    assert status == 200
    assert headers["content-type"] == "text/html; charset=utf-8"
    assert headers["cache-control"] == "no-store"
    assert b'<script src="/__site_builder/reload.js" data-epoch="1" defer></script></head>' in body
    assert int(headers["content-length"]) == len(body)
    assert b"__site_builder" not in (out / "index.html").read_bytes()
    _, _, css = get(server[0], "/static/style.css")
    assert css == b"body { color: black; }"


def test_head_sends_no_body(server: tuple[PreviewServer, ServeState]) -> None:
    status, headers, body = get(server[0], "/kommun/", method="HEAD")
    assert status == 200 and body == b"" and int(headers["content-length"]) > 0


def test_directory_without_slash_redirects(server: tuple[PreviewServer, ServeState]) -> None:
    status, headers, _ = get(server[0], "/kommun")
    assert status == 301 and headers["location"] == "/kommun/"


def test_missing_page_gets_the_404_page_of_its_language(
    server: tuple[PreviewServer, ServeState],
) -> None:
    status, _, body = get(server[0], "/fi/ei-ole/")
    assert status == 404 and "Sivua ei löydy".encode() in body
    status, _, body = get(server[0], "/finns-inte/")
    assert status == 404 and b"Sidan finns inte" in body


def test_reload_script_and_error_styles_are_served(
    server: tuple[PreviewServer, ServeState],
) -> None:
    status, headers, body = get(server[0], "/__site_builder/reload.js")
    assert status == 200 and headers["content-type"].startswith("text/javascript")
    assert b"location.reload()" in body
    assert get(server[0], "/__site_builder/error.css")[0] == 200
    assert get(server[0], "/__site_builder/../secret.txt")[0] == 404


def test_failed_page_shows_the_error_and_other_pages_stay(
    server: tuple[PreviewServer, ServeState],
) -> None:
    httpd, state = server
    error = ContentError("'title' is missing", Location("content/_index.sv.md", 2), "add a title")
    failure = state.build_failed(BuildFailed([error]))
    assert failure.pages == frozenset({"index.html"})
    status, _, body = get(httpd, "/")
    text = body.decode()
    assert status == 500
    assert "<h1>This page could not be built</h1>" in text
    assert "<code>content/_index.sv.md</code>, line 2" in text
    assert "How to fix it: add a title" in text
    assert 'data-epoch="2"' in text
    status, _, body = get(httpd, "/kommun/")
    assert status == 200 and b"Kommun" in body


def test_poll_answers_when_the_page_changed(server: tuple[PreviewServer, ServeState]) -> None:
    httpd, state = server
    answers: list[dict[str, object]] = []

    def poll(path: str) -> None:
        _, _, body = get(httpd, f"/__site_builder/poll?epoch=1&path={path}")
        answers.append(json.loads(body))

    waiting = [threading.Thread(target=poll, args=(p,)) for p in ("/kommun/", "/fi/")]
    for thread in waiting:
        thread.start()
    state.build_started()
    state.build_succeeded(
        {"index.html": "a", "kommun/index.html": "b", "fi/index.html": "c"}, ["kommun/index.html"]
    )
    for thread in waiting:
        thread.join(timeout=10)
    assert sorted(answers, key=str) == [{"epoch": 2, "reload": False}, {"epoch": 2, "reload": True}]


def test_inject_without_head_appends() -> None:
    assert inject(b"<p>x</p>", "<script></script>") == b"<p>x</p><script></script>"
