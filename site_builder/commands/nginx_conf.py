"""`site-builder nginx-conf`: print the web server configuration for the built site."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from ..errors import UsageError
from . import add_site_argument

_LISTEN = re.compile(r"^(\[[0-9a-fA-F:]+\]|[\w.-]+:)?\d{1,5}$")


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "nginx-conf",
        help="print an nginx configuration that serves the built site",
        description="Print an nginx configuration for the built site: security headers, "
        "types, precompressed files, caching and a 404 page per language. The full form "
        "runs as it is with `nginx -p TMP -c FILE`; --snippet prints the part that a "
        "production server includes in its own server block.",
    )
    add_site_argument(parser)
    parser.add_argument(
        "--root", type=Path, default=Path("public"), help="the built site (default: public/)"
    )
    parser.add_argument(
        "--listen", default="127.0.0.1:8080", help="address and port (default: 127.0.0.1:8080)"
    )
    parser.add_argument(
        "--snippet", action="store_true", help="print only the inside of a server block"
    )
    parser.add_argument(
        "--html-max-age",
        type=int,
        default=60,
        metavar="SECONDS",
        help="how long browsers and CDNs may keep HTML (default: 60)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..config import load_config
    from ..nginx import full_config, site_snippet

    config = load_config(args.site)
    if config.url_prefix:
        raise UsageError(
            f"the site's base_url has a path ({config.url_prefix}/); nginx-conf serves "
            "sites at the root of their host",
            hint="publish the site on its own host name, or write the location by hand",
        )
    if not _LISTEN.match(args.listen):
        raise UsageError(
            f"--listen must be a port or address:port, not {args.listen!r}",
            hint="for example --listen 127.0.0.1:8080",
        )
    if args.html_max_age < 0:
        raise UsageError("--html-max-age must be 0 or more seconds")
    root: Path = args.root if args.root.is_absolute() else Path.cwd() / args.root
    if args.snippet:
        text = site_snippet(
            root=root,
            url_prefix=config.url_prefix,
            source_language=config.source_language,
            languages=config.languages,
            html_max_age=args.html_max_age,
        )
    else:
        text = full_config(
            root=root,
            listen=args.listen,
            url_prefix=config.url_prefix,
            source_language=config.source_language,
            languages=config.languages,
            html_max_age=args.html_max_age,
        )
    print(text, end="")
    return 0
