"""What the preview server remembers between builds: which open pages must reload."""

from __future__ import annotations

from site_builder.errors import BuildFailed, ConfigError, ContentError, Location
from site_builder.serve.state import ServeState, pages_of_failure

ORIGINS = {
    "index.html": "content/_index.sv.md",
    "fi/index.html": "content/_index.fi.md",
    "kommun/index.html": "content/kommun/_index.sv.md",
    "kommun/policy/index.html": "content/kommun/policy.sv.md",
    "fi/kunta/politiikka/index.html": "content/kommun/policy.fi.md",
    "kommun/karta.svg": "content/kommun/karta.svg",
    "sitemap.xml": "sitemap",
}


def test_a_page_error_shows_on_that_page_in_every_language() -> None:
    error = ContentError("bad", Location("content/kommun/policy.sv.md", 3))
    assert pages_of_failure([error], ORIGINS) == {
        "kommun/policy/index.html",
        "fi/kunta/politiikka/index.html",
    }


def test_an_error_elsewhere_shows_on_every_page() -> None:
    assert pages_of_failure([ConfigError("bad", Location("site.yaml", 1))], ORIGINS) is None
    assert pages_of_failure([ContentError("new", Location("content/ny.sv.md"))], ORIGINS) is None
    assert pages_of_failure([ContentError("no location")], ORIGINS) is None


def test_only_pages_that_changed_reload() -> None:
    state = ServeState()
    first = state.build_succeeded(ORIGINS, ORIGINS)
    second = state.build_succeeded(ORIGINS, ["kommun/index.html", "sitemap.xml"])
    assert second == first + 1
    assert state.changed_since(first, ["kommun/index.html"])
    assert not state.changed_since(first, ["index.html"])
    assert not state.changed_since(second, ["kommun/index.html"])


def test_a_changed_stylesheet_reloads_every_page() -> None:
    state = ServeState()
    first = state.build_succeeded(ORIGINS, ORIGINS)
    state.build_succeeded({**ORIGINS, "static/style.css": "theme"}, ["static/style.css"])
    assert state.changed_since(first, ["index.html"])


def test_a_removed_page_reloads() -> None:
    state = ServeState()
    first = state.build_succeeded(ORIGINS, ORIGINS)
    smaller = {k: v for k, v in ORIGINS.items() if k != "kommun/policy/index.html"}
    state.build_succeeded(smaller, [])
    assert state.changed_since(first, ["kommun/policy/index.html"])


def test_failure_and_recovery_reload_the_failed_pages() -> None:
    state = ServeState()
    good = state.build_succeeded(ORIGINS, ORIGINS)
    state.build_failed(BuildFailed([ContentError("bad", Location("content/_index.sv.md", 2))]))
    failed = state.epoch
    assert state.failure is not None and state.failure.covers("fi/index.html")
    assert not state.failure.covers("kommun/index.html")
    assert state.changed_since(good, ["index.html"])
    assert not state.changed_since(good, ["kommun/index.html"])
    state.build_succeeded(ORIGINS, [])
    assert state.failure is None
    assert state.changed_since(failed, ["fi/index.html"])
    assert not state.changed_since(failed, ["kommun/index.html"])


def test_an_internal_error_is_shown_as_such() -> None:
    state = ServeState()
    failure = state.build_failed(RuntimeError("boom"))
    assert failure.pages is None
    assert "internal error in site_builder: RuntimeError: boom" in failure.errors[0].message


def test_a_page_too_old_for_the_history_reloads() -> None:
    state = ServeState()
    for _ in range(300):
        state.build_succeeded(ORIGINS, [])
    assert state.changed_since(1, ["index.html"])
