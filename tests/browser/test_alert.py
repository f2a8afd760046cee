"""The important-message banner, with messages active: announced, and as accessible as the rest.

The real site has no active message today, so the other browser tests never
see the banner. Here the site is built with three active messages (info,
warning, danger; one without a Finnish text, which falls back to Swedish),
and the banner goes through the same checks as every page, plus one of its
own: assistive technology finds it as a named region before the page header,
with its text, level and time.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from site_builder.pipeline import build

from .harness import REPO, SCREENSHOTS, PageRun, run_pages, serve
from .page_checks import axe_results, keyboard_focus, no_javascript, reflow, text_spacing
from .test_layout import DESKTOP, NARROW
from .test_screenshots import WIDTHS

ALERTS = """\
alerts:
  - id: vatten
    level: danger
    start: 2026-12-01T08:00:00+01:00
    end: 2026-12-03T18:00:00+01:00
    text:
      sv: Koka dricksvattnet i centrala Hällefors.
      fi: Keitä juomavesi Hälleforsin keskustassa.
      en: Boil drinking water in central Hällefors.
    link: content/kommun/informationspolicy.sv.md
  - id: vag
    level: warning
    start: 2026-12-01T08:00:00+01:00
    text:
      sv: Sikforsvägen är avstängd vid kommunhuset på grund av ett vattenläckage.
      en: Sikforsvägen is closed at the town hall because of a water leak.
  - id: info
    level: info
    start: 2026-12-01T08:00:00+01:00
    text:
      sv: Medborgarplats har stängt på fredag eftermiddag.
      fi: Kansalaispalvelu on suljettu perjantai-iltapäivänä.
      en: The Citizen Service Centre is closed on Friday afternoon.
"""
NOW = datetime.fromisoformat("2026-12-02T12:00:00+01:00")
PAGES = [
    "index.html",
    "fi/index.html",
    "en/index.html",
    "kommun/informationspolicy/index.html",
]


@pytest.fixture(scope="module")
def alert_site(tools: None, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("alerts") / "site"
    for name in ("site.yaml", "content", "data", "locales", "themes"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, site / name)
        elif source.is_file():
            site.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, site / name)
    (site / "data" / "alerts.yaml").write_text(ALERTS, "utf-8")
    out = site.parent / "public"
    build(site, out, now=NOW, search=False)
    if "Koka dricksvattnet" not in (out / "index.html").read_text("utf-8"):
        pytest.skip("this build shows no important messages (data/alerts.yaml is not read)")
    return out


async def alert_announced(page: Any, url: str) -> list[str]:
    """The banner is a named region in the accessibility tree, before the header."""
    await page.goto(url)
    tree: str = await page.locator("body").aria_snapshot()
    lines = tree.splitlines()
    region = next((i for i, line in enumerate(lines) if line.lstrip().startswith("- region")), None)
    banner = next((i for i, line in enumerate(lines) if line.lstrip().startswith("- banner")), None)
    problems = []
    if region is None:
        return ["the important messages are not a named region (landmark)"]
    if banner is not None and region > banner:
        problems.append("the important messages come after the page header")
    block = "\n".join(lines[region : banner if banner and banner > region else None])
    lang = await page.evaluate("() => document.documentElement.lang")
    expected = {
        "sv": ["Koka dricksvattnet", "Sikforsvägen", "Medborgarplats har stängt"],
        "fi": ["Keitä juomavesi", "Sikforsvägen", "Kansalaispalvelu on suljettu"],
        "en": ["Boil drinking water", "Sikforsvägen", "Citizen Service Centre is closed"],
    }[lang]
    for text in expected:
        if text not in block:
            problems.append(f"the region does not contain the message {text!r}")
    if not re.search(r"\d{1,2}[.:]\d{2}", block):
        problems.append("the messages do not give a time of day")
    fallback = await page.evaluate(
        """() => [...document.querySelectorAll('section [lang]')]
            .filter(el => el.innerText.includes('Sikforsvägen är avstängd'))
            .map(el => el.lang)"""
    )
    if lang == "fi" and fallback != ["sv"]:
        problems.append(f"the Swedish fallback text is not marked lang=sv: {fallback}")
    return problems


def failed(runs: dict[str, PageRun]) -> list[str]:
    return [f"{rel}: {p}" for rel, run in runs.items() for p in run.problems]


def test_the_banner_is_announced_before_the_header(alert_site: Path) -> None:
    with serve(alert_site) as server:
        runs = run_pages(server, PAGES, alert_announced)
    assert failed(runs) == []


def test_the_banner_passes_axe_keyboard_reflow_and_text_spacing(alert_site: Path) -> None:
    violations: list[str] = []

    async def audit(page: Any, url: str) -> list[str]:
        result = await axe_results(page, url)
        return [
            f"[{v['id']}] {v['help']}: {n['target']} ({v['helpUrl']})"
            for v in result["violations"]
            for n in v["nodes"]
        ]

    with serve(alert_site) as server:
        for check, options in (
            (audit, DESKTOP),
            (keyboard_focus, DESKTOP),
            (reflow, NARROW),
            (text_spacing, NARROW),
            (no_javascript, {"java_script_enabled": False}),
        ):
            runs = run_pages(server, PAGES, check, context_options=options)
            violations.extend(f"{check.__name__}: {p}" for p in failed(runs))
    assert violations == []


def test_screenshots_of_the_banner(alert_site: Path) -> None:
    """For a person to look at, beside the other screenshots."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    written = []
    for width_name, viewport in WIDTHS.items():

        async def shoot(page: Any, url: str, width_name: str = width_name) -> list[str]:
            await page.goto(url)
            path = SCREENSHOTS / f"sv-home-with-alerts-{width_name}.png"
            await page.screenshot(path=str(path), full_page=True)
            written.append(path)
            return []

        with serve(alert_site) as server:
            run_pages(server, ["index.html"], shoot, context_options={"viewport": viewport})
    assert all(path.stat().st_size > 5000 for path in written) and len(written) == 2
