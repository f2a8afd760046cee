from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.config import load_config
from site_builder.content.organisation import load_organisation
from site_builder.errors import BuildFailed, ConfigError


def test_units(minimal_site: Path) -> None:
    organisation = load_organisation(load_config(minimal_site))
    unit = organisation.units["medborgarplats"]
    assert unit.name_in("fi", "sv") == "Kansalaispalvelu"
    assert unit.name_in("ar", "sv") == "Medborgarplats"
    assert unit.phone == "0591-123 45"
    assert unit.line == 2


def test_missing_file(minimal_site: Path) -> None:
    (minimal_site / "data" / "organisation.yaml").unlink()
    with pytest.raises(ConfigError, match="is missing"):
        load_organisation(load_config(minimal_site))


def test_bad_unit_fields(minimal_site: Path) -> None:
    (minimal_site / "data" / "organisation.yaml").write_text(
        "units:\n  a:\n    name: {fi: A}\n    phone: nej\n    email: ingen\n"
    )
    with pytest.raises(BuildFailed) as failed:
        load_organisation(load_config(minimal_site))
    messages = sorted(e.message for e in failed.value.errors)
    assert len(messages) == 4  # name, phone, email, address
    # each at the line of its key; the missing address at the unit's line
    lines = sorted(e.location.line or 0 for e in failed.value.errors if e.location)
    assert lines == [2, 3, 4, 5]
