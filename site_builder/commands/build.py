"""`site-builder build`: build the site into plain static files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import add_site_argument, shown


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("build", help="build the site into static files")
    add_site_argument(parser)
    parser.add_argument(
        "--out", type=Path, default=Path("public"), help="output folder (default: public/)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..pipeline import build

    out_dir: Path = args.out if args.out.is_absolute() else Path.cwd() / args.out
    result = build(args.site, out_dir)
    for warning in result.warnings:
        print(f"warning: {warning}", file=sys.stderr)
    total = sum(seconds for _, seconds in result.timings)
    print(
        f"Built {result.pages} pages ({result.files} files) into {shown(result.out_dir)} "
        f"in {total:.2f} s."
    )
    return 0
