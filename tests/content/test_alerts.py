"""data/alerts.yaml: validation with lines, active and expired messages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest

from site_builder.config import load_config
from site_builder.content.alerts import load_alerts, missing_languages
from site_builder.content.load import load_site
from site_builder.errors import BuildFailed

Write = Callable[[str, str], Path]

GOOD = """\
alerts:
  - id: vatten-2026-12
    level: warning
    start: 2026-12-01T08:00:00+01:00
    end: 2026-12-03T18:00:00+01:00
    text:
      sv: Koka dricksvattnet i centrala Hällefors.
      fi: Keitä juomavesi Hälleforsin keskustassa.
      en: Boil drinking water in central Hällefors.
    link: content/kommun/informationspolicy.sv.md
"""


def at(text: str) -> datetime:
    return datetime.fromisoformat(text)


def test_a_valid_message(minimal_site: Path, write: Write) -> None:
    write("data/alerts.yaml", GOOD)
    loaded = load_alerts(load_config(minimal_site))
    assert loaded.errors == () and loaded.warnings == ()
    (alert,) = loaded.alerts
    assert alert.id == "vatten-2026-12" and alert.level == "warning" and alert.line == 2
    assert alert.is_active(at("2026-12-02T12:00:00+01:00"))
    assert not alert.is_active(at("2026-12-03T18:00:00+01:00"))  # the end is exclusive
    assert not alert.is_active(at("2026-12-01T07:59:59+01:00"))


def test_no_file_means_no_messages(minimal_site: Path) -> None:
    loaded = load_alerts(load_config(minimal_site))
    assert loaded.alerts == () and loaded.errors == ()


def test_every_problem_is_reported_with_its_line(minimal_site: Path, write: Write) -> None:
    write(
        "data/alerts.yaml",
        """\
alerts:
  - id: Bad Id
    level: red
    start: tomorrow
    end: 2026-12-01T08:00:00+01:00
    text: {fi: Vain suomeksi}
  - id: ok
    level: info
    start: 2026-12-01T08:00:00+01:00
    end: 2026-11-30T08:00:00+01:00
    text: {sv: Hej}
    link: kris/vatten.md
    colour: red
  - id: fine
    level: info
    start: 2026-12-01T08:00:00+01:00
    text: {sv: Hej igen}
  - id: fine
    level: info
    start: 2026-12-01T08:00:00+01:00
    text: {sv: Hej igen}
""",
    )
    loaded = load_alerts(load_config(minimal_site))
    found = sorted((e.location.line, e.message.split(": ", 1)[1]) for e in loaded.errors)  # type: ignore[union-attr]
    assert [line for line, _ in found] == [2, 3, 4, 6, 10, 12, 18]
    assert "'level' must be one of info, warning, danger" in found[1][1]
    assert "not a date and time" in found[2][1]
    assert "'text' needs at least the text in sv" in found[3][1]
    assert "'end' is not after 'start'" in found[4][1]
    assert "path of a page's Markdown file" in found[5][1]
    assert "used twice" in found[6][1]
    assert [w.location.line for w in loaded.warnings] == [13]  # type: ignore[union-attr]
    assert "unknown key 'colour'" in loaded.warnings[0].message


def test_missing_main_languages(minimal_site: Path, write: Write) -> None:
    write(
        "data/alerts.yaml", GOOD.replace("      fi: Keitä juomavesi Hälleforsin keskustassa.\n", "")
    )
    (alert,) = load_alerts(load_config(minimal_site)).alerts
    assert missing_languages(alert, ("sv", "fi", "en")) == ["fi"]
    assert missing_languages(alert, ("sv", "en")) == []


def test_the_site_holds_only_active_messages_and_the_next_change(
    minimal_site: Path, write: Write
) -> None:
    write("data/alerts.yaml", GOOD)
    config = load_config(minimal_site)
    before = load_site(config, now=at("2026-11-30T12:00:00+01:00"))
    assert before.alerts == ()
    assert before.schedule is not None
    assert before.schedule.next_change == at("2026-12-01T08:00:00+01:00")
    assert "starts" in before.schedule.next_change_reason
    during = load_site(config, now=at("2026-12-02T12:00:00+01:00"))
    assert [a.id for a in during.alerts] == ["vatten-2026-12"]
    assert during.schedule is not None and "ends" in during.schedule.next_change_reason
    after = load_site(config, now=at("2026-12-04T00:00:00+01:00"))
    assert after.alerts == () and after.schedule is not None
    assert after.schedule.next_change is None


def test_times_without_an_offset_are_in_the_site_time_zone(
    minimal_site: Path, write: Write
) -> None:
    write("data/alerts.yaml", GOOD.replace("+01:00", ""))
    (alert,) = load_alerts(load_config(minimal_site)).alerts
    assert alert.start == at("2026-12-01T08:00:00+01:00")  # Stockholm in winter


def test_a_link_to_a_missing_page_stops_the_build(minimal_site: Path, write: Write) -> None:
    write("data/alerts.yaml", GOOD.replace("informationspolicy", "finns-inte"))
    with pytest.raises(BuildFailed) as failed:
        load_site(load_config(minimal_site), now=at("2026-12-02T12:00:00+01:00"))
    (error,) = failed.value.errors
    assert "does not exist" in error.message and str(error.location) == "data/alerts.yaml:2"


def test_broken_yaml_is_located(minimal_site: Path, write: Write) -> None:
    write("data/alerts.yaml", "alerts:\n  - id: x\n   level: [\n")
    loaded = load_alerts(load_config(minimal_site))
    (error,) = loaded.errors
    assert error.location is not None and error.location.path == "data/alerts.yaml"
    assert error.location.line is not None
