"""Fingerprinted names, stylesheet references and .gz copies."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from site_builder.compress import gzip_bytes
from site_builder.errors import TemplateError
from site_builder.fingerprint import fingerprinted_name, theme_files


def test_the_name_changes_with_the_bytes() -> None:
    one = fingerprinted_name("img/logo.svg", b"<svg/>")
    assert (
        one.startswith("img/logo.")
        and one.endswith(".svg")
        and len(one) == len("img/logo.svg") + 11
    )
    assert fingerprinted_name("img/logo.svg", b"<svg/>") == one
    assert fingerprinted_name("img/logo.svg", b"<svg />") != one


def test_stylesheets_point_to_the_fingerprinted_files(tmp_path: Path) -> None:
    static = tmp_path / "static"
    (static / "img").mkdir(parents=True)
    (static / "img" / "bg.png").write_bytes(b"png")
    (static / "base.css").write_text("a { color: red; }")
    (static / "style.css").write_text(
        '@import "base.css";\n'
        "body { background: url(img/bg.png); }\n"
        "p { background: url('data:image/gif;base64,R0lG'); }\n"
        'h1 { background: url("https://example.org/x.png"); }\n'
    )
    files = theme_files(static, tmp_path)
    style = files["style.css"].data.decode()
    assert f'@import "{files["base.css"].published}";' in style
    assert f"url({files['img/bg.png'].published})" in style
    assert "url('data:image/gif;base64,R0lG')" in style and "https://example.org/x.png" in style
    # The stylesheet's own name follows its rewritten bytes.
    assert files["style.css"].published == fingerprinted_name("style.css", files["style.css"].data)
    # Changing an image changes the name of the stylesheet that uses it.
    (static / "img" / "bg.png").write_bytes(b"png2")
    assert theme_files(static, tmp_path)["style.css"].published != files["style.css"].published


def test_a_missing_or_circular_reference_is_located(tmp_path: Path) -> None:
    static = tmp_path / "static"
    static.mkdir()
    (static / "style.css").write_text("a {}\nb { background: url(gone.png); }\n")
    with pytest.raises(TemplateError) as missing:
        theme_files(static, tmp_path)
    assert str(missing.value.location) == "static/style.css:2"
    (static / "style.css").write_text('@import "other.css";\n')
    (static / "other.css").write_text('@import "style.css";\n')
    with pytest.raises(TemplateError, match="circle"):
        theme_files(static, tmp_path)


def test_gzip_copies_are_reproducible() -> None:
    data = "<p>Hällefors</p>".encode() * 50
    assert gzip_bytes(data) == gzip_bytes(data)
    assert gzip.decompress(gzip_bytes(data)) == data
