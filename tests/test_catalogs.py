"""The theme's catalogs: complete in fi and en, right plural forms, stable under `make`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from site_builder.config import load_config
from site_builder.i18n import catalog_status, load_translations, template_ids
from tests.conftest import REPO

CATALOGS = ("sv", "fi", "en")


def test_every_interface_string_is_translated_in_every_main_language() -> None:
    config = load_config(REPO)
    ids = template_ids(config)
    assert ids, "locales/messages.pot lists the interface strings"
    for lang in CATALOGS:
        status = catalog_status(config, lang)
        assert status.missing == () and status.fuzzy == (), lang
        assert status.total == len(ids)


def test_catalogs_pass_babel_checks_and_keep_placeholders() -> None:
    for lang in CATALOGS:
        with (REPO / f"locales/{lang}/LC_MESSAGES/messages.po").open("rb") as handle:
            catalog = read_po(handle)
        problems = [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()]
        assert problems == [], lang
        assert catalog.plural_forms == "nplurals=2; plural=(n != 1);", lang


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [("fi", "1 sivu", "2 sivua"), ("en", "1 page", "2 pages"), ("sv", "1 sida", "2 sidor")],
)
def test_plural_forms(lang: str, one: str, many: str) -> None:
    translations = load_translations(load_config(REPO), lang)
    assert translations is not None
    singular, plural = "%(num)d page", "%(num)d pages"
    assert translations.ngettext(singular, plural, 1) % {"num": 1} == one
    assert translations.ngettext(singular, plural, 2) % {"num": 2} == many


def test_fuzzy_and_missing_strings_are_reported(tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(REPO / "tests/fixtures/minimal", site)
    (site / "locales/fi/LC_MESSAGES").mkdir(parents=True)
    (site / "locales/messages.pot").write_text(
        'msgid "Phone"\nmsgstr ""\n\nmsgid "Extra"\nmsgstr ""\n\nmsgid "Unsure"\nmsgstr ""\n'
    )
    (site / "locales/fi/LC_MESSAGES/messages.po").write_text(
        'msgid ""\nmsgstr ""\n"Language: fi\\n"\n\n#, fuzzy\nmsgid "Unsure"\nmsgstr "Epävarma"\n'
        '\n#, fuzzy\nmsgid "Phone"\nmsgstr "Puh"\n'
    )
    config = load_config(site)
    status = catalog_status(config, "fi")
    assert status.fuzzy == ("Unsure",) and status.missing == ("Extra",)
    # "Phone" is fuzzy in the site's catalog, so the theme's translation is used: translated
    assert status.translated == ("Phone",)
    translations = load_translations(config, "fi")
    assert translations is not None
    assert translations.gettext("Phone") == "Puhelin" and translations.gettext("Unsure") == "Unsure"
    assert status.catalogs == (
        "locales/fi/LC_MESSAGES/messages.po",
        str(REPO / "locales/fi/LC_MESSAGES/messages.po"),
    )


def test_gnu_gettext_accepts_the_catalogs(tmp_path: Path) -> None:
    """Poedit and Weblate build on GNU gettext: msgfmt --check is their test of a PO file
    (header, plural forms, format strings)."""
    from tests.servers import require

    msgfmt = shutil.which("msgfmt")
    require("msgfmt (Debian package gettext)", msgfmt is not None)
    for lang in CATALOGS:
        done = subprocess.run(
            [str(msgfmt), "--check", "--statistics", "-o", str(tmp_path / f"{lang}.mo"),
             str(REPO / f"locales/{lang}/LC_MESSAGES/messages.po")],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        assert "untranslated" not in done.stderr and "fuzzy" not in done.stderr, done.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="needs make")
def test_make_i18n_update_on_a_clean_checkout_changes_no_catalog(tmp_path: Path) -> None:
    copy = tmp_path / "checkout"
    copy.mkdir()
    for name in ("Makefile", "babel.cfg", "pyproject.toml"):
        shutil.copy2(REPO / name, copy / name)
    for name in ("site_builder", "themes", "locales"):
        shutil.copytree(REPO / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    stamp = copy / "installed.stamp"
    stamp.touch()  # newer than pyproject.toml: make does not reinstall
    bin_dir = Path(sys.executable).parent
    assert (bin_dir / "pybabel").is_file(), "pybabel comes with babel, in the same venv"
    before = {p: p.read_bytes() for p in sorted((copy / "locales").rglob("*.po*"))}
    done = subprocess.run(
        ["make", "-s", "-C", str(copy), "i18n-update", f"BIN={bin_dir}", f"STAMP={stamp}"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    after = {p: p.read_bytes() for p in sorted((copy / "locales").rglob("*.po*"))}
    assert set(after) == set(before)
    for path, data in before.items():
        assert _without_generator(after[path]) == _without_generator(data), path


def _without_generator(data: bytes) -> bytes:
    """The header line naming Babel's version changes only when Babel is upgraded."""
    return b"\n".join(line for line in data.split(b"\n") if not line.startswith(b'"Generated-By:'))
