"""`site-builder build`: build the site into plain static files."""

from __future__ import annotations

import argparse
import os
import sys
from datetime import datetime
from pathlib import Path

from ..errors import UsageError
from . import add_site_argument, shown
from .check import add_report_arguments


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("build", help="build the site into static files")
    add_site_argument(parser)
    parser.add_argument(
        "--out", type=Path, default=Path("public"), help="output folder (default: public/)"
    )
    parser.add_argument(
        "--now",
        metavar="ISO",
        help="the build's clock for scheduled pages and important messages, like "
        "2026-12-02T12:00:00+01:00 (default: the current time)",
    )
    parser.add_argument(
        "--preview",
        action="store_true",
        help="also build pages scheduled for later (for editors and internal review; "
        "never publish this output)",
    )
    parser.add_argument(
        "--no-search", action="store_true", help="skip the search index (faster builds)"
    )
    add_speed_arguments(parser)
    add_report_arguments(parser)
    parser.set_defaults(run=run)


def add_speed_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--no-checks",
        action="store_true",
        help="skip the checks (faster builds, for previews; never publish this output)",
    )
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="build everything from scratch, without reading or writing .cache/build/",
    )
    parser.add_argument(
        "--jobs",
        type=int,
        metavar="N",
        help="processes to render pages in (default: one per core)",
    )


def parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise UsageError(
            f"--now must be a date and time, not {value!r}",
            hint="write it like 2026-12-02T12:00:00+01:00",
        ) from None


def run(args: argparse.Namespace) -> int:
    from ..checks import ChecksFailed, Messages, Severity, language_from_environment, msg
    from ..checks.report_text import format_text
    from ..pipeline import build

    messages = Messages(args.lang or language_from_environment(os.environ))
    out_dir: Path = args.out if args.out.is_absolute() else Path.cwd() / args.out
    try:
        result = build(
            args.site,
            out_dir,
            now=parse_now(args.now),
            preview=args.preview,
            search=not args.no_search,
            strict=args.strict,
            checks=not args.no_checks,
            cache=not args.no_cache,
            workers=args.jobs,
        )
    except ChecksFailed as failed:
        # warnings first, so that the errors end up in view
        if failed.report.warnings and not failed.strict:
            sys.stderr.write(
                format_text(failed.report, messages, only=Severity.WARNING, counts=False)
            )
            sys.stderr.write("\n")
        only = None if failed.strict else Severity.ERROR
        sys.stderr.write(format_text(failed.report, messages, only=only))
        print(
            messages(msg("Nothing was published; the previous output is unchanged.")),
            file=sys.stderr,
        )
        return 1
    label = messages(msg("warning"))
    for warning in result.warnings:
        print(f"{label}: {messages.error(warning)}", file=sys.stderr)
    if result.report is not None and result.report.warnings:
        sys.stderr.write(format_text(result.report, messages, only=Severity.WARNING))
    total = sum(seconds for _, seconds in result.timings)
    if result.unchanged:
        print(
            f"Nothing changed since the last build: {shown(result.out_dir)} is up to date "
            f"({result.pages} pages, checked in {total:.2f} s)."
        )
    else:
        redone = (
            f"; {result.rendered} rendered, {len(result.changed)} files changed"
            if result.rendered < result.pages
            else ""
        )
        print(
            f"Built {result.pages} pages ({result.files} files{redone}) into "
            f"{shown(result.out_dir)} in {total:.2f} s."
        )
    if args.preview:
        print("Preview: pages scheduled for later are included. Do not publish this output.")
    if args.no_checks:
        print("Built without checks: run site-builder check before publishing this output.")
    if result.next_change is not None:
        # CI reads this line to schedule the next build (see README: Publishing).
        when = result.next_change.isoformat()
        print(f"Next scheduled change: {when} ({result.next_change_reason})")
    return 0
