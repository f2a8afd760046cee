"""Reflow at 320 CSS px (WCAG 1.4.10), 200% zoom (1.4.4) and text spacing (1.4.12)."""

from __future__ import annotations

from .harness import SiteServer, problems_report, run_pages
from .page_checks import reflow, text_spacing

#: 320 CSS px: a 1280 px wide window at 400% zoom, or a small phone.
NARROW = {"viewport": {"width": 320, "height": 640}}
#: A 1280 x 800 window at 200% zoom: 640 x 400 CSS px drawn with two device pixels each.
ZOOM_200 = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}


def test_no_sideways_scrolling_at_320_px(server: SiteServer, pages: list[str]) -> None:
    runs = run_pages(server, pages, reflow, context_options=NARROW)
    assert len(runs) == len(pages)
    assert not any(run.problems for run in runs.values()), problems_report(runs, what="reflow")


def test_nothing_cut_off_at_200_percent_zoom(server: SiteServer, pages: list[str]) -> None:
    runs = run_pages(server, pages, reflow, context_options=ZOOM_200)
    assert not any(run.problems for run in runs.values()), problems_report(runs, what="zoom")


def test_text_spacing_at_320_px(server: SiteServer, pages: list[str]) -> None:
    runs = run_pages(server, pages, text_spacing, context_options=NARROW)
    assert not any(run.problems for run in runs.values()), problems_report(
        runs, what="text spacing"
    )


def test_text_spacing_on_desktop(server: SiteServer, pages: list[str]) -> None:
    runs = run_pages(server, pages, text_spacing, context_options=DESKTOP)
    assert not any(run.problems for run in runs.values()), problems_report(
        runs, what="text spacing"
    )
