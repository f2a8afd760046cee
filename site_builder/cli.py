"""The command line: `site-builder build`, and the only module that prints.

Every `SiteBuilderError` raised anywhere below is rendered here, once, as
`file:line: message` with a hint, and turned into an exit status.
"""

from __future__ import annotations

import argparse
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from . import __version__
from .errors import BuildFailed, SiteBuilderError


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        code: int = args.run(args)
        return code
    except SiteBuilderError as error:
        report_error(error, sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130
    except Exception:  # a bug in site_builder, not in the site: say so plainly
        if getattr(args, "debug", False):
            traceback.print_exc()
        else:
            exc = sys.exc_info()[1]
            print(
                f"internal error in site_builder: {type(exc).__name__}: {exc}\n"
                "This is a bug, not a problem with your files. Run again with --debug "
                "and report the output.",
                file=sys.stderr,
            )
        return 70


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="site-builder",
        description="Build an accessible, multilingual static website from Markdown.",
    )
    parser.add_argument("--version", action="version", version=f"site_builder {__version__}")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser("build", help="build the site into static files")
    _site_argument(build)
    build.add_argument(
        "--out", type=Path, default=Path("public"), help="output folder (default: public/)"
    )
    build.set_defaults(run=_run_build)
    return parser


def _site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site", type=Path, default=Path("."), help="the site's folder (default: current folder)"
    )


def _run_build(args: argparse.Namespace) -> int:
    from .pipeline import build

    out_dir: Path = args.out if args.out.is_absolute() else Path.cwd() / args.out
    result = build(args.site, out_dir)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    total = sum(seconds for _, seconds in result.timings)
    print(
        f"Built {result.pages} pages ({result.files} files) into {_shown(result.out_dir)} "
        f"in {total:.2f} s."
    )
    return 0


def report_error(error: SiteBuilderError, stream: TextIO) -> None:
    """Print an error, or every error of a failed build, for an editor to act on."""
    errors = error.errors if isinstance(error, BuildFailed) else (error,)
    for each in errors:
        print(f"error: {each}", file=stream)
    if isinstance(error, BuildFailed):
        print(f"\n{error.message.capitalize()}. The published files were not changed.", file=stream)


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return str(path)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
