"""The project's own site passes every check: exit 0, counts printed, JSON alike."""

from __future__ import annotations

import json

import pytest

from site_builder.cli import main
from tests.conftest import REPO


def test_check_passes_on_the_real_site(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--site", str(REPO), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1].startswith("0 errors, ")


def test_json_lists_the_same_findings(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--site", str(REPO), "--lang", "en"]) == 0
    text = capsys.readouterr().out
    assert main(["check", "--site", str(REPO), "--format", "json", "--lang", "en"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["counts"]["errors"] == 0
    assert f"{document['counts']['warnings']} warning" in text
    for finding in document["findings"]:
        assert f"[{finding['rule']}] {finding['message']}" in text
