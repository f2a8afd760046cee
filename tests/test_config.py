from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.config import find_theme, load_config
from site_builder.errors import BuildFailed, ConfigError


def test_minimal_config(minimal_site: Path) -> None:
    config = load_config(minimal_site)
    assert config.languages == ("sv", "fi", "en")
    assert config.source_language == "sv"
    assert config.title["fi"] == "Hällefors kunta"
    assert config.base_url == "https://www.hellefors.se"
    assert config.theme_dir.name == "hellefors"
    assert config.url_prefix == ""
    assert config.warnings == ()


def test_missing_config(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"no site\.yaml"):
        load_config(tmp_path)


def test_every_problem_is_reported(minimal_site: Path) -> None:
    (minimal_site / "site.yaml").write_text(
        "title: 3\nbase_url: www.example.se\nlanguages: [sv, xx-nonsense-1]\ntheme: nope\n"
    )
    with pytest.raises(BuildFailed) as failed:
        load_config(minimal_site)
    messages = " | ".join(e.message for e in failed.value.errors)
    assert "title" in messages
    assert "base_url" in messages
    assert "xx-nonsense-1" in messages
    assert "theme 'nope'" in messages


def test_unknown_key_is_a_warning(minimal_site: Path) -> None:
    path = minimal_site / "site.yaml"
    path.write_text(path.read_text() + "colour: blue\n")
    config = load_config(minimal_site)
    assert [w.message for w in config.warnings] == ["unknown key 'colour' is ignored"]


def test_invalid_yaml_names_the_line(minimal_site: Path) -> None:
    (minimal_site / "site.yaml").write_text("title: {sv: A\nbase_url: x\n")
    with pytest.raises(ConfigError) as error:
        load_config(minimal_site)
    assert error.value.location is not None
    assert error.value.location.path == "site.yaml"
    assert error.value.location.line is not None


def test_site_theme_wins_over_shipped(minimal_site: Path) -> None:
    own = minimal_site / "themes" / "hellefors" / "templates"
    own.mkdir(parents=True)
    assert find_theme(minimal_site, "hellefors") == own.parent.resolve()


def test_url_prefix_from_base_url(minimal_site: Path) -> None:
    path = minimal_site / "site.yaml"
    path.write_text(path.read_text().replace("hellefors.se", "example.org/kommun/"))
    assert load_config(minimal_site).url_prefix == "/kommun"
