"""axe-core in headless Chromium over every HTML page of the built site, every language.

Rules: WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus axe's best practices.
Any violation fails the test with page, rule, element and help link, unless
it matches a reviewed entry in `axe-exceptions.yaml` (empty today). The test
also fails on console errors (a Content-Security-Policy violation from an
inline script or style shows up as one), on requests to any other host, and
on missing files. It writes the date and result to data/accessibility-audit.json,
which the build reads for the accessibility statement.
"""

from __future__ import annotations

import fnmatch
import time
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from .harness import (
    PageRun,
    SiteServer,
    axe_version,
    page_language,
    record_audit,
    run_pages,
)
from .page_checks import AXE_TAGS, axe_results

EXCEPTIONS_FILE = Path(__file__).with_name("axe-exceptions.yaml")
REQUIRED_EXCEPTION_KEYS = ("rule", "page", "target", "reason", "reviewed")


def load_exceptions() -> list[dict[str, str]]:
    raw = yaml.safe_load(EXCEPTIONS_FILE.read_text("utf-8")) or {}
    entries = raw.get("exceptions") or []
    for entry in entries:
        missing = [k for k in REQUIRED_EXCEPTION_KEYS if not str(entry.get(k) or "").strip()]
        assert not missing, f"{EXCEPTIONS_FILE.name}: an exception lacks {missing}: {entry}"
    return list(entries)


def excepted(rel: str, rule: str, target: str, exceptions: list[dict[str, str]]) -> int | None:
    for index, entry in enumerate(exceptions):
        if (
            entry["rule"] == rule
            and fnmatch.fnmatch(rel, entry["page"])
            and entry["target"] in target
        ):
            return index
    return None


def violations_report(
    results: dict[str, dict[str, Any]], exceptions: list[dict[str, str]]
) -> tuple[list[str], set[int]]:
    lines: list[str] = []
    used: set[int] = set()
    for rel, result in results.items():
        for violation in result["violations"]:
            for node in violation["nodes"]:
                hit = excepted(rel, violation["id"], node["target"], exceptions)
                if hit is not None:
                    used.add(hit)
                    continue
                lines.append(
                    f"{rel}: [{violation['id']}] ({violation['impact']}) {violation['help']}\n"
                    f"    element: {node['target']}  {node['html']}\n"
                    f"    help: {violation['helpUrl']}"
                )
    return lines, used


def test_axe_on_every_page(
    server: SiteServer, pages: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    exceptions = load_exceptions()
    results: dict[str, dict[str, Any]] = {}

    async def audit(page: Any, url: str) -> list[str]:
        result = await axe_results(page, url)
        results[url.removeprefix(server.base)] = result
        return []

    start = time.perf_counter()
    runs: dict[str, PageRun] = run_pages(server, pages, audit)
    seconds = time.perf_counter() - start
    by_rel = {rel: results[server.url(rel).removeprefix(server.base)] for rel in runs}

    audited = len(by_rel)
    lines, used = violations_report(by_rel, exceptions)
    languages = Counter(page_language(rel) for rel in by_rel)
    incomplete = Counter(item["id"] for result in by_rel.values() for item in result["incomplete"])
    version = next(iter(by_rel.values()))["version"] if by_rel else axe_version()
    with capsys.disabled():
        print(
            f"\naxe-core {version}: audited {audited} of {len(pages)} HTML pages "
            f"({', '.join(f'{lang} {n}' for lang, n in sorted(languages.items()))}) "
            f"in {seconds:.1f} s; {len(lines)} violation(s)"
            + (f"; needs review by a person: {dict(incomplete)}" if incomplete else "")
        )
    record_audit(
        "axe",
        {
            "tool": f"axe-core {version}",
            "rules": AXE_TAGS,
            "pages": audited,
            "languages": dict(sorted(languages.items())),
            "violations": len(lines),
        },
    )

    assert audited == len(pages), "every HTML file in the built site is audited"
    assert not server.not_found, f"files the pages ask for but the site lacks: {server.not_found}"
    console = [f"{rel}: {e}" for rel, run in runs.items() for e in run.console_errors]
    assert not console, "console errors (a CSP violation means inline script or style):\n" + (
        "\n".join(console[:20])
    )
    foreign = [f"{rel}: {u}" for rel, run in runs.items() for u in run.foreign_requests]
    assert not foreign, "requests to other hosts:\n" + "\n".join(foreign[:20])
    assert not lines, f"{len(lines)} axe violation(s):\n" + "\n".join(lines[:80])
    unused = [exceptions[i] for i in range(len(exceptions)) if i not in used]
    assert not unused, f"exceptions in {EXCEPTIONS_FILE.name} that match nothing: {unused}"
