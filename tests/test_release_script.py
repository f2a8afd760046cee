"""deploy/release.sh: upload as a new release, switch atomically, roll back.

The "server" is a local folder: a stand-in for ssh runs each remote command
with bash, and rsync talks to itself through it, as it would over ssh.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.servers import require

SCRIPT = REPO / "deploy" / "release.sh"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    require("rsync", shutil.which("rsync") is not None)
    fake_ssh = tmp_path / "fake-ssh"
    # ssh [-l user] host command…: drop the login and the host, run the command here.
    fake_ssh.write_text(
        '#!/bin/sh\nwhile [ "$1" = "-l" ]; do shift 2; done\nshift\nexec bash -c "$*"\n'
    )
    fake_ssh.chmod(0o755)
    server = tmp_path / "srv"
    server.mkdir()
    return {
        **os.environ,
        "PUBLISH_HOST": "web@example.invalid",
        "PUBLISH_PATH": str(server),
        "PUBLISH_SSH": str(fake_ssh),
        "PUBLISH_KEEP": "2",
    }


def release(env: dict[str, str], *args: str, sha: str) -> str:
    done = subprocess.run(
        ["bash", str(SCRIPT), *args],
        env={**env, "GITHUB_SHA": sha},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def site(folder: Path, text: str) -> Path:
    (folder / "static").mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(text)
    css = folder / "static" / "style.0123456789.css"
    css.write_text("body{}")
    # Every CI build writes fresh files: the same bytes with another time.
    stamp = 1_700_000_000 + len(list(folder.parent.iterdir())) * 1000
    os.utime(css, (stamp, stamp))
    return folder


def test_publish_switch_skip_and_roll_back(env: dict[str, str], tmp_path: Path) -> None:
    server = Path(env["PUBLISH_PATH"])
    current = server / "current"
    release(env, "publish", str(site(tmp_path / "one", "first")), sha="aaaa")
    assert (current / "index.html").read_text() == "first"
    first = current.resolve()

    out = release(env, "publish", str(site(tmp_path / "same", "first")), sha="bbbb")
    assert "nothing to publish" in out
    assert current.resolve() == first

    release(env, "publish", str(site(tmp_path / "two", "second")), sha="cccc")
    assert (current / "index.html").read_text() == "second"
    second = current.resolve()
    assert second != first and current.is_symlink()
    # The unchanged stylesheet is the same file on disk as in the first release.
    css = "static/style.0123456789.css"
    assert (second / css).stat().st_ino == (first / css).stat().st_ino

    release(env, "rollback", sha="x")
    assert current.resolve() == first
    assert "(current)" in release(env, "list", sha="x").splitlines()[-1]
    release(env, "rollback", second.name, sha="x")
    assert (current / "index.html").read_text() == "second"

    release(env, "publish", str(site(tmp_path / "three", "third")), sha="dddd")
    releases = sorted(p.name for p in (server / "releases").iterdir())
    assert len(releases) == 2 and current.resolve().name in releases


def test_the_workflow_tests_builds_and_publishes_with_secrets_only() -> None:
    import yaml

    text = (REPO / ".github" / "workflows" / "publish.yml").read_text("utf-8")
    workflow = yaml.safe_load(text)
    steps = workflow["jobs"]["publish"]["steps"]
    runs = [step.get("run", "") for step in steps]
    order = [
        next(i for i, run in enumerate(runs) if needle in run)
        for needle in (".ci/run", "site-builder build", "release.sh publish public")
    ]
    assert order == sorted(order)
    assert any("release.sh rollback" in run for run in runs)
    for secret in ("PUBLISH_HOST", "PUBLISH_PATH", "PUBLISH_SSH_KEY", "PUBLISH_KNOWN_HOSTS"):
        assert "${{ secrets." + secret + " }}" in text
    assert "@" not in workflow["jobs"]["publish"]["env"]["PUBLISH_HOST"].replace("${{", "")
