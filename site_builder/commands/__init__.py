"""One module per subcommand; each has `register(subparsers)`.

Adding a command means adding a module here and naming it in `COMMANDS`
in `cli.py`.
"""

from __future__ import annotations

import argparse
from pathlib import Path


def add_site_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--site", type=Path, default=Path("."), help="the site's folder (default: current folder)"
    )


def shown(path: Path) -> str:
    """A path as short as it can be shown: relative to the current folder when inside it."""
    try:
        return path.resolve().relative_to(Path.cwd()).as_posix() + "/"
    except ValueError:
        return str(path)
