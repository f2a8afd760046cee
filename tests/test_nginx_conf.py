"""The generated nginx configuration, as text (the real server test is in test_hosting)."""

from __future__ import annotations

from pathlib import Path

from site_builder.nginx import full_config, site_snippet


def test_snippet_has_a_404_page_per_language_and_repeats_headers(tmp_path: Path) -> None:
    text = site_snippet(
        root=tmp_path, url_prefix="", source_language="sv", languages=("sv", "fi", "en")
    )
    assert "location / {\n    error_page 404 /404.html;" in text
    assert "location /fi/ {\n    error_page 404 /fi/404.html;" in text
    assert "location /en/ {\n    error_page 404 /en/404.html;" in text
    # add_header is not inherited into a location that has its own: every one repeats all.
    locations = text.count("location ")
    assert (
        text.count("add_header Content-Security-Policy") == locations - 1
    )  # not the dot-file rule
    assert "unsafe-inline" not in text and "'wasm-unsafe-eval'" in text
    assert "listen" not in text and "events" not in text


def test_full_config_wraps_the_snippet_and_keeps_everything_under_the_prefix(
    tmp_path: Path,
) -> None:
    snippet = site_snippet(root=tmp_path, url_prefix="", source_language="sv", languages=("sv",))
    text = full_config(
        root=tmp_path,
        listen="127.0.0.1:8080",
        url_prefix="",
        source_language="sv",
        languages=("sv",),
    )
    assert "listen 127.0.0.1:8080;" in text
    for line in snippet.splitlines():
        assert line.strip() in text
    for directive in ("pid ", "error_log ", "access_log ", "client_body_temp_path "):
        value = next(s for s in text.splitlines() if s.strip().startswith(directive))
        assert " /" not in value, f"{directive} must be relative to the -p prefix"


def test_a_root_with_spaces_is_quoted(tmp_path: Path) -> None:
    root = tmp_path / "min sajt"
    text = site_snippet(root=root, url_prefix="", source_language="sv", languages=("sv",))
    assert f'root "{root}";' in text


def test_only_fingerprinted_types_are_cached_for_a_year(tmp_path: Path) -> None:
    import re

    from site_builder.fingerprint import PATTERN

    assert re.search(PATTERN, "/static/style.f04ee2a892.css")
    assert re.search(PATTERN, "/kommun/karta.0123456789.svg")
    assert not re.search(PATTERN, "/kommun/protokoll.2024031512.pdf")
    assert not re.search(PATTERN, "/static/style.css")
    text = site_snippet(root=tmp_path, url_prefix="", source_language="sv", languages=("sv",))
    assert f'location ~ "{PATTERN}"' in text
