from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from site_builder.config import load_config
from site_builder.content.load import git_blob_id, load_site
from site_builder.errors import BuildFailed
from tests.conftest import page


def test_keys_paths_and_translated_slugs(minimal_site: Path) -> None:
    site = load_site(load_config(minimal_site))
    assert site.page("", "sv").path == "/"
    assert site.page("", "fi").path == "/fi/"
    assert site.page("kommun", "fi").path == "/fi/kunta/"
    # the section's Finnish slug applies to the page below it
    assert site.page("kommun/informationspolicy", "fi").path == "/fi/kunta/viestintapolitiikka/"
    # no English section page: the folder name stays
    assert site.page("kommun/informationspolicy", "en").path == "/en/kommun/communication-policy/"
    assert site.parents["kommun/informationspolicy"] == "kommun"
    assert site.parents["kommun"] == ""
    assert [a.path for a in site.assets] == ["/kommun/karta.svg"]


def test_pages_are_sorted_deterministically(minimal_site: Path) -> None:
    site = load_site(load_config(minimal_site))
    keys = [(p.key, p.lang) for p in site.pages]
    assert keys[:3] == [("", "sv"), ("", "fi"), ("", "en")]
    assert keys == sorted(keys, key=lambda kl: (kl[0], ["sv", "fi", "en"].index(kl[1])))


def test_git_blob_id_matches_git() -> None:
    # `printf 'hello\n' | git hash-object --stdin`
    assert git_blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def test_translation_without_source(minimal_site: Path, write: Callable[[str, str], Path]) -> None:
    write("content/kontakt/ensam.fi.md", "---\ntitle: Yksin\nsummary: Ei ruotsiksi.\n---\n")
    with pytest.raises(BuildFailed) as failed:
        load_site(load_config(minimal_site))
    (error,) = failed.value.errors
    assert error.location is not None and error.location.path == "content/kontakt/ensam.fi.md"
    assert "no sv page" in error.message


def test_unknown_language_code(minimal_site: Path, write: Callable[[str, str], Path]) -> None:
    write("content/sida.qq.md", page())
    with pytest.raises(BuildFailed) as failed:
        load_site(load_config(minimal_site))
    assert "'qq'" in failed.value.errors[0].message


def test_file_without_language(minimal_site: Path, write: Callable[[str, str], Path]) -> None:
    write("content/sida.md", page())
    with pytest.raises(BuildFailed) as failed:
        load_site(load_config(minimal_site))
    assert failed.value.errors[0].hint == "name it like 'sida.sv.md'"


def test_other_language_builds_under_its_prefix(
    minimal_site: Path, write: Callable[[str, str], Path]
) -> None:
    write("content/kontakt/_index.ar.md", "---\ntitle: اتصل بنا\nsummary: كيف تتصل بنا.\n---\n")
    site = load_site(load_config(minimal_site))
    assert site.page("kontakt", "ar").path == "/ar/kontakt/"
    assert site.other_languages() == ("ar",)


def test_name_that_cannot_be_an_address(
    minimal_site: Path, write: Callable[[str, str], Path]
) -> None:
    write("content/min sida.sv.md", page())
    with pytest.raises(BuildFailed) as failed:
        load_site(load_config(minimal_site))
    assert "cannot be part of a web address" in failed.value.errors[0].message
