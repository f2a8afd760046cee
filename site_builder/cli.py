"""The command line: parses arguments, runs a command, renders errors once.

Every `SiteBuilderError` raised anywhere below is rendered here as
`file:line: message` with a hint, and turned into an exit status. A bug in
site_builder itself is reported as such, without a traceback unless
`--debug` asks for one.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from . import __version__
from .commands import build, check, i18n, new, nginx_conf, serve
from .errors import BuildFailed, SiteBuilderError

if TYPE_CHECKING:
    from .checks.messages import Messages

COMMANDS = (build, check, serve, new, i18n, nginx_conf)


def main(argv: Sequence[str] | None = None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        code: int = args.run(args)
        return code
    except SiteBuilderError as error:
        report_error(error, sys.stderr, messages_for(args))
        return error.exit_code
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug in site_builder, not in the site: say so plainly
        if args.debug:
            traceback.print_exc()
        else:
            print(
                f"internal error in site_builder: {type(exc).__name__}: {exc}\n"
                "This is a bug, not a problem with your files. Run again with --debug "
                "and report what it prints.",
                file=sys.stderr,
            )
        return 70


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="site-builder",
        description="Build an accessible, multilingual static website from Markdown.",
    )
    parser.add_argument("--version", action="version", version=f"site_builder {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    for command in COMMANDS:
        command.register(commands)
    return parser


def messages_for(args: argparse.Namespace) -> Messages:
    """The language of the messages: --lang, else the locale (Swedish when it says sv)."""
    from .checks.messages import Messages, language_from_environment

    return Messages(getattr(args, "lang", None) or language_from_environment(os.environ))


def report_error(error: SiteBuilderError, stream: TextIO, messages: Messages | None = None) -> None:
    """Print an error, or every error of a failed build, for an editor to act on.

    Errors carry English message ids; this is where they are translated."""
    from .checks.messages import Messages, msg, msg_plural

    messages = messages or Messages("en")
    errors = error.errors if isinstance(error, BuildFailed) else (error,)
    label = messages(msg("error"))
    for each in errors:
        print(f"{label}: {messages.error(each)}", file=stream)
    if isinstance(error, BuildFailed):
        stopped = msg_plural(
            "The build stopped with %(count)d error. The published files were not changed.",
            "The build stopped with %(count)d errors. The published files were not changed.",
        )
        print(f"\n{messages.plural(stopped, len(error.errors))}", file=stream)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
