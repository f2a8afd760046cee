"""Keyboard alone: skip link, focus indicators, the language switcher and the main menu."""

from __future__ import annotations

from typing import Any

from .harness import SiteServer, problems_report, run_pages
from .page_checks import keyboard_focus


def test_tab_order_skip_link_and_visible_focus_on_every_page(
    server: SiteServer, pages: list[str]
) -> None:
    runs = run_pages(server, pages, keyboard_focus)
    assert len(runs) == len(pages)
    assert not any(run.problems for run in runs.values()), problems_report(runs, what="keyboard")


async def header_links_work_by_keyboard(page: Any, url: str) -> list[str]:
    """Reach every link of the language switcher and main menu with Tab, follow it with Enter."""
    await page.goto(url)
    links: list[dict[str, str]] = await page.evaluate(
        """() => [...document.querySelectorAll('header nav a[href]')].map(a => ({
            href: a.href, text: a.innerText.trim(), lang: a.hreflang || '' }))"""
    )
    problems = []
    if len(links) < 4:
        problems.append(f"the header has only {len(links)} navigation links")
    for link in links:
        await page.goto(url)
        for _ in range(60):
            await page.keyboard.press("Tab")
            focused = await page.evaluate(
                "() => document.activeElement.closest('header nav')"
                " ? document.activeElement.href : ''"
            )
            if focused == link["href"]:
                break
        else:
            problems.append(f"Tab never reaches the header link {link['text']!r}")
            continue
        async with page.expect_navigation():
            await page.keyboard.press("Enter")
        if page.url != link["href"]:
            problems.append(f"Enter on {link['text']!r} opened {page.url}, not {link['href']}")
        lang = await page.evaluate("() => document.documentElement.lang")
        if link["lang"] and lang != link["lang"]:
            problems.append(f"{link['text']!r} opened a page in {lang!r}, not {link['lang']!r}")
    return problems


def test_language_switcher_and_main_menu_by_keyboard(server: SiteServer) -> None:
    start_pages = [
        "index.html",
        "fi/index.html",
        "en/index.html",
        "kommun/informationspolicy/index.html",
    ]
    runs = run_pages(server, start_pages, header_links_work_by_keyboard)
    assert not any(run.problems for run in runs.values()), problems_report(runs, what="menu")
