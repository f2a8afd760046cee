"""`site-builder i18n`: the translators' commands.

    status  what is translated, outdated and missing, per language (a report: exit 0)
    new     start a translation beside a source page
    diff    what changed in the source page since a translation was made
    done    record that a translation matches the source page as it is now

A translation records in `source_version` the git blob id of the source file
it was made from, so nobody keeps lists by hand; see TRANSLATING.md.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from . import add_site_argument


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "i18n",
        help="translators' tools: status, new, diff, done",
        description="Translators' tools. See TRANSLATING.md.",
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION", required=True)

    status = actions.add_parser("status", help="what is translated, outdated and missing")
    add_site_argument(status)
    status.add_argument("--lang", action="append", help="only this language (may repeat)")
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.set_defaults(run=run_status)

    new = actions.add_parser("new", help="start a translation of a source page")
    add_site_argument(new)
    new.add_argument("lang", help="language code of the translation, like fi, en, ar")
    new.add_argument("file", type=Path, help="the source page, like content/kontakt/_index.sv.md")
    new.set_defaults(run=run_new)

    diff = actions.add_parser("diff", help="what changed in the source since the translation")
    add_site_argument(diff)
    diff.add_argument("file", type=Path, help="the translation, like content/kontakt/_index.fi.md")
    diff.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the changes (default: in a terminal, unless NO_COLOR is set)",
    )
    diff.set_defaults(run=run_diff)

    done = actions.add_parser("done", help="record that a translation matches its source now")
    add_site_argument(done)
    done.add_argument("file", type=Path, nargs="+", help="one or more translation files")
    done.set_defaults(run=run_done)


def run_status(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..content.load import load_site
    from ..translation_report import build_report, to_json, to_text

    site = load_site(load_config(args.site))
    report = build_report(site, args.lang)
    if args.format == "json":
        print(json.dumps(to_json(report), ensure_ascii=False, indent=2))
    else:
        print(to_text(report), end="")
    return 0


def run_new(args: argparse.Namespace) -> int:
    from ..translating import start_translation

    created = start_translation(args.site, args.file, args.lang)
    print(f"Created {created.path}, from {created.source} as it is now.")
    print("Translate the title, the summary and the text, then build to preview it.")
    return 0


def run_diff(args: argparse.Namespace) -> int:
    from ..textdiff import format_diff
    from ..translating import source_changes

    changes = source_changes(args.site, args.file)
    if changes.up_to_date:
        print(f"{changes.translation} is up to date: {changes.source} has not changed since.")
        return 0
    made = f"version {changes.recorded[:10]}"
    if changes.commit is not None:
        made += (
            f", committed {changes.commit.date} in {changes.commit.id} ({changes.commit.subject})"
        )
    print(f"What changed in {changes.source} since {changes.translation} was made from it")
    print(f"  then: {made}")
    print("  now:  the file as it is in your folder")
    print("  [-removed-] {+added+}, - removed line, + added line\n")
    print(format_diff(changes.lines, color=_use_color(args.color)), end="")
    print(f"\nWhen the translation is updated: site-builder i18n done {changes.translation}")
    return 0


def run_done(args: argparse.Namespace) -> int:
    from ..translating import mark_done

    for file in args.file:
        result = mark_done(args.site, file)
        if result.changed:
            print(f"{result.translation}: now made from {result.source} ({result.version[:10]}).")
        else:
            print(f"{result.translation}: already records the current {result.source}.")
    return 0


def _use_color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    return sys.stdout.isatty() and "NO_COLOR" not in os.environ
