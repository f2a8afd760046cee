"""Every page without JavaScript; and with prefers-reduced-motion, nothing moves."""

from __future__ import annotations

from .harness import SiteServer, problems_report, run_pages
from .page_checks import no_javascript, reduced_motion


def test_every_page_works_without_javascript(server: SiteServer, pages: list[str]) -> None:
    runs = run_pages(server, pages, no_javascript, context_options={"java_script_enabled": False})
    assert len(runs) == len(pages)
    assert not any(run.problems for run in runs.values()), problems_report(runs, what="no-JS")


def test_reduced_motion_turns_off_animation(server: SiteServer, pages: list[str]) -> None:
    runs = run_pages(server, pages, reduced_motion, context_options={"reduced_motion": "reduce"})
    assert not any(run.problems for run in runs.values()), problems_report(runs, what="motion")


def test_motion_probe_moves_without_the_preference(server: SiteServer) -> None:
    """The reduced-motion check can tell: without the preference the probe does move."""
    runs = run_pages(
        server, ["index.html"], reduced_motion, context_options={"reduced_motion": "no-preference"}
    )
    problems = runs["index.html"].problems
    assert any("does not turn off motion" in p for p in problems), problems
