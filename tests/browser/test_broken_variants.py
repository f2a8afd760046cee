"""Each browser check, run on a deliberately broken copy of the site, must fail.

A check that passes on the real site proves something only if it fails when
the thing it checks is broken. Each test here copies the site, breaks one
thing in the theme the way it happens in practice (a template edit drops
the skip link, a "clean look" removes focus styles, a fixed width, a fixed
height, a hidden-until-JavaScript pattern, a transition), builds it, and
asserts that the same check function used on the real site reports it.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from site_builder.pipeline import build

from .harness import REPO, PageRun, html_pages, run_pages, serve
from .page_checks import axe_results, keyboard_focus, no_javascript, reduced_motion, reflow
from .page_checks import text_spacing as text_spacing_check
from .test_keyboard import header_links_work_by_keyboard
from .test_layout import DESKTOP, NARROW, ZOOM_200
from .test_vnu import vnu_report

THEME = Path("themes") / "hellefors"
STYLE = THEME / "static" / "style.css"
SAMPLE = ["index.html", "kommun/informationspolicy/index.html"]


def broken_site(
    tmp_path: Path, checks_off: tuple[str, ...] = (), **edits: Callable[[str], str]
) -> Path:
    """Copy the site, apply `edits` (theme file path with / as __ → function), build it.

    `checks_off` turns off build-time check rules that would refuse to build
    the broken site (they catch some of the same breakage before any browser)."""
    site = tmp_path / "site"
    for name in ("site.yaml", "content", "data", "locales", "themes"):
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, site / name)
        elif source.is_file():
            site.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, site / name)
    for rel, edit in edits.items():
        path = site / rel.replace("__", "/")
        before = path.read_text("utf-8")
        after = edit(before)
        assert after != before, f"the edit to {rel} changed nothing: the theme moved on?"
        path.write_text(after, "utf-8")
    if checks_off:
        config = yaml.safe_load((site / "site.yaml").read_text("utf-8"))
        config.setdefault("checks", {}).update({rule: {"severity": "off"} for rule in checks_off})
        (site / "site.yaml").write_text(yaml.safe_dump(config, allow_unicode=True), "utf-8")
    out = tmp_path / "public"
    build(site, out, search=False)
    return out


def run(public: Path, check, pages=SAMPLE, **options) -> dict[str, PageRun]:  # type: ignore[no-untyped-def]
    with serve(public) as server:
        return run_pages(server, pages, check, context_options=options or None)


def problems(runs: dict[str, PageRun]) -> list[str]:
    return [p for r in runs.values() for p in r.problems]


def css(extra: str = "", remove: str | None = None) -> Callable[[str], str]:
    def edit(text: str) -> str:
        if remove is not None:
            text, count = re.subn(remove, "", text, flags=re.S)
            assert count, f"pattern not found in style.css: {remove}"
        return text + extra

    return edit


STYLE_KEY = str(STYLE).replace("/", "__")
BASE_KEY = str(THEME / "templates" / "base.html").replace("/", "__")
HEADER_KEY = str(THEME / "templates" / "partials" / "header.html").replace("/", "__")


@pytest.mark.usefixtures("tools")
class TestBrokenVariantsFail:
    def test_without_skip_link(self, tmp_path: Path) -> None:
        public = broken_site(
            tmp_path, **{BASE_KEY: lambda t: re.sub(r'<a class="skip-link".*?</a>\n', "", t)}
        )
        found = problems(run(public, keyboard_focus))
        assert any("not a skip link" in p for p in found), found

    def test_without_focus_styles(self, tmp_path: Path) -> None:
        public = broken_site(
            tmp_path,
            **{
                STYLE_KEY: css(
                    ":focus { outline: none; }\n",
                    remove=r"a:focus-visible, button:focus-visible.*?\n}\n",
                )
            },
        )
        found = problems(run(public, keyboard_focus))
        assert any("no visible focus indicator" in p for p in found), found

    def test_menu_links_out_of_tab_order(self, tmp_path: Path) -> None:
        public = broken_site(
            tmp_path,
            **{
                HEADER_KEY: lambda t: t.replace(
                    '<li><a href="{{ item.url }}"', '<li><a tabindex="-1" href="{{ item.url }}"'
                )
            },
        )
        found = problems(run(public, header_links_work_by_keyboard, pages=["index.html"]))
        assert any("Tab never reaches the header link" in p for p in found), found

    def test_fixed_width_scrolls_sideways_at_320_px(self, tmp_path: Path) -> None:
        public = broken_site(tmp_path, **{STYLE_KEY: css(".header-bar { min-width: 30rem; }\n")})
        found = problems(run(public, reflow, **NARROW))
        assert any("scrolls sideways" in p for p in found), found

    def test_truncated_heading_at_200_percent(self, tmp_path: Path) -> None:
        public = broken_site(
            tmp_path, **{STYLE_KEY: css("h1 { white-space: nowrap; overflow: hidden; }\n")}
        )
        assert problems(run(public, reflow, **DESKTOP)) == [], "fits at 100%"
        found = problems(run(public, reflow, **ZOOM_200))
        assert any("cuts off its content" in p for p in found), found

    def test_tight_box_fails_only_with_text_spacing(self, tmp_path: Path) -> None:
        public = broken_site(
            tmp_path,
            **{
                STYLE_KEY: css(
                    ".link-list-title { height: 1.6em; overflow: hidden; white-space: nowrap; }\n"
                )
            },
        )
        assert problems(run(public, reflow, **DESKTOP)) == [], "fits without text spacing"
        found = problems(run(public, text_spacing_check, **DESKTOP))
        assert any("cuts off its content" in p for p in found), found

    def test_overlapping_text_with_text_spacing(self, tmp_path: Path) -> None:
        public = broken_site(tmp_path, **{STYLE_KEY: css(".link-list-title { height: 1.3em; }\n")})
        found = problems(run(public, text_spacing_check, **DESKTOP))
        assert any("overlaps" in p for p in found), found

    def test_content_hidden_until_javascript_runs(self, tmp_path: Path) -> None:
        public = broken_site(
            tmp_path, **{STYLE_KEY: css("html:not(.js-ready) main { visibility: hidden; }\n")}
        )
        found = problems(run(public, no_javascript, java_script_enabled=False))
        assert any("main heading is not visible" in p for p in found), found

    def test_transition_without_reduced_motion_guard(self, tmp_path: Path) -> None:
        public = broken_site(
            tmp_path,
            **{
                STYLE_KEY: css(
                    ".site-header a { transition: color 0.4s; }\n",
                    remove=r"@media \(prefers-reduced-motion: reduce\) \{.*?\n\}\n",
                )
            },
        )
        found = problems(run(public, reduced_motion, reduced_motion="reduce"))
        assert any("has a transition of 0.4s" in p for p in found), found
        assert any("does not turn off motion" in p for p in found), found

    def test_axe_reports_missing_alt_and_low_contrast(self, tmp_path: Path) -> None:
        public = broken_site(
            tmp_path,
            checks_off=("alt-text", "logo", "empty-link"),
            **{
                HEADER_KEY: lambda t: t.replace('alt="{{ page.site_title }}" ', ""),
                STYLE_KEY: css(".summary { color: #aaaaaa; }\n"),
            },
        )
        found: list[str] = []

        async def audit(page, url):  # type: ignore[no-untyped-def]
            result = await axe_results(page, url)
            found.extend(v["id"] for v in result["violations"])
            return []

        run(public, audit, pages=["index.html"])
        assert "image-alt" in found and "color-contrast" in found, found

    def test_vnu_reports_invalid_html(self, tmp_path: Path) -> None:
        public = broken_site(
            tmp_path,
            checks_off=("html-parse",),
            **{
                BASE_KEY: lambda t: t.replace(
                    '<main id="main-content"', '<main id="main-content" id="again"'
                )
            },
        )
        found = vnu_report(public)
        assert len(found) >= len(html_pages(public)), found[:3]
        assert any("Duplicate attribute" in p for p in found), found[:3]
