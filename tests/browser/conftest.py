"""Fixtures for the browser and validator tests: the real site, built once, served locally.

These tests are marked `a11y` (`make a11y` runs only them). They need Debian's
Chromium, Playwright for Python, Java and the npm packages axe-core and
vnu-jar; `.ci/run` installs all of them. As with the other real-browser tests
(tests/servers.py), a developer machine without them skips these tests, saying
what to install; in CI a missing tool is a failure.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.pipeline import BuildResult, build
from tests.servers import require

from .harness import REPO, SiteServer, html_pages, missing_tools, serve

HERE = Path(__file__).resolve().parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).resolve().is_relative_to(HERE):
            item.add_marker(pytest.mark.a11y)


@pytest.fixture(scope="session")
def tools() -> None:
    missing = missing_tools()
    require("; ".join(missing), not missing)


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildResult]:
    """The project's own site (content/ in every language), built once per test run."""
    out = tmp_path_factory.mktemp("a11y") / "public"
    return out, build(REPO, out)


@pytest.fixture(scope="session")
def public(built: tuple[Path, BuildResult]) -> Path:
    return built[0]


@pytest.fixture(scope="session")
def pages(public: Path) -> list[str]:
    return html_pages(public)


@pytest.fixture(scope="session")
def server(tools: None, public: Path) -> Iterator[SiteServer]:
    with serve(public) as running:
        yield running
