"""`site-builder new SECTION/NAME`: start a new page with its front matter filled in."""

from __future__ import annotations

import argparse

from . import add_site_argument


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "new",
        help="start a new page: site-builder new kontakt/oppettider",
        description=(
            "Create content/SECTION/NAME.sv.md with a title from the name, today's date as "
            "reviewed and the section's usual sender. Never overwrites a file."
        ),
    )
    add_site_argument(parser)
    parser.add_argument("page", help="the section and the page's name, like kontakt/oppettider")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..scaffold import new_page

    created = new_page(args.site, args.page)
    print(f"Created {created.path}")
    print(f"  title:  {created.title} (correct it, with å, ä and ö where they belong)")
    if created.sender:
        print(f"  sender: {created.sender} (the usual sender in {created.sender_from})")
    else:
        print("  sender: none found; add a unit id from data/organisation.yaml")
    print("Write the summary (one or two sentences) and the text, then preview with make serve.")
    return 0
