"""Screenshots for a person to look at: home, a content page, the policy, the statement.

Written to test-artifacts/screenshots/ (ignored by git), at a desktop width
and at 320 CSS px, the whole page. A screenshot cannot judge a design; the
people reviewing the theme do, and the other browser tests check what can be
measured.
"""

from __future__ import annotations

from typing import Any

from .harness import SCREENSHOTS, SiteServer, run_pages

#: (name, path in public/) per language: the home page, a content page, the policy.
SHOTS = {
    "sv": [
        ("home", "index.html"),
        ("page", "omsorg/aldreomsorg/index.html"),
        ("policy", "kommun/informationspolicy/index.html"),
        ("statement", "om-webbplatsen/tillganglighet/index.html"),
    ],
}
WIDTHS = {"desktop": {"width": 1280, "height": 900}, "320px": {"width": 320, "height": 640}}


def shots(server: SiteServer) -> dict[str, str]:
    """`sv-home` → `index.html`, with the Finnish and English versions from the alternates."""
    wanted: dict[str, str] = {}
    for name, rel in SHOTS["sv"]:
        wanted[f"sv-{name}"] = rel
        html = (server.root / rel).read_text("utf-8")
        for lang in ("fi", "en"):
            marker = f'hreflang="{lang}" href="'
            start = html.index(marker) + len(marker)
            url = html[start : html.index('"', start)]
            path = url.split("://", 1)[1].split("/", 1)[1]
            wanted[f"{lang}-{name}"] = path + "index.html"
    return wanted


def test_screenshots_in_every_language(server: SiteServer) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    wanted = shots(server)
    by_url = {server.url(rel): name for name, rel in wanted.items()}
    for width_name, viewport in WIDTHS.items():

        async def shoot(page: Any, url: str, width_name: str = width_name) -> list[str]:
            await page.goto(url)
            await page.screenshot(
                path=str(SCREENSHOTS / f"{by_url[url]}-{width_name}.png"), full_page=True
            )
            return []

        run_pages(server, list(wanted.values()), shoot, context_options={"viewport": viewport})
    written = sorted(p.name for p in SCREENSHOTS.glob("*.png"))
    expected = {f"{name}-{w}.png" for name in wanted for w in WIDTHS}
    assert expected <= set(written), sorted(expected - set(written))
    assert all((SCREENSHOTS / name).stat().st_size > 5000 for name in expected)
