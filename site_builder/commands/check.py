"""`site-builder check`: run every check and report, without writing the site."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import add_site_argument


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "check", help="run every check on the site and report what it finds"
    )
    add_site_argument(parser)
    add_report_arguments(parser)
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text for people (default), json for CI",
    )
    parser.add_argument(
        "--html", type=Path, metavar="FILE", help="also write a report editors can open"
    )
    parser.set_defaults(run=run)


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    """Options shared by `build` and `check`."""
    parser.add_argument(
        "--strict", action="store_true", help="fail on warnings too, not only on errors"
    )
    parser.add_argument(
        "--lang",
        choices=("en", "sv"),
        help="language of the messages (default: from LANG/LC_ALL; Swedish when it starts with sv)",
    )


def run(args: argparse.Namespace) -> int:
    from ..checks import Messages, language_from_environment
    from ..checks.report_html import format_html
    from ..checks.report_json import format_json
    from ..checks.report_text import format_text
    from ..pipeline import check

    messages = Messages(args.lang or language_from_environment(os.environ))
    result = check(args.site)
    report = result.report
    assert report is not None  # check() always reports
    if args.html is not None:
        try:
            args.html.write_text(format_html(report, messages), encoding="utf-8")
        except OSError as exc:
            print(f"{args.html}: {exc.strerror}", file=sys.stderr)
            return 1
    if args.format == "json":
        sys.stdout.write(format_json(report, messages))
    else:
        sys.stdout.write(format_text(report, messages))
    return 1 if report.failed(strict=args.strict) else 0
