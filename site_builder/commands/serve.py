"""`site-builder serve`: preview the site while editing it.

Builds the site into a preview folder (not `public/`, so a preview never
mixes with what is published), serves it on the loopback interface, and
rebuilds and reloads the open pages on every save.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from . import add_site_argument, shown

DEFAULT_OUT = Path(".cache") / "preview"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "serve", help="preview the site in a browser; pages reload as you save"
    )
    add_site_argument(parser)
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this computer only)",
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="port to listen on (default: 8000; 0: any free)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help=f"preview folder (default: {DEFAULT_OUT.as_posix()}/ in the site's folder)",
    )
    parser.add_argument(
        "--lang",
        choices=("en", "sv"),
        help="language of the messages (default: from LANG/LC_ALL; Swedish when it starts with sv)",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ..checks.messages import Messages, language_from_environment, msg
    from ..errors import UsageError
    from ..pipeline import BuildResult, Memory, build, persist
    from ..serve import DevServer
    from ..serve.state import Failure

    site_dir: Path = args.site.resolve()
    out_dir: Path = (args.out or site_dir / DEFAULT_OUT).resolve()
    if not 0 <= args.port <= 65535:
        raise UsageError(
            f"--port {args.port} is not a port number",
            hint="use a number from 1024 to 65535, or 0 for any free port",
        )
    debug: bool = args.debug
    messages = Messages(args.lang or language_from_environment(os.environ))

    memory = Memory()
    search_behind = [False]

    def rebuild(changes: frozenset[Path], published: Callable[[BuildResult], None]) -> BuildResult:
        # Pages first, then the site-wide checks; a search index that needs making again
        # waits for a quiet moment.
        with collector_paused(bool(changes)):
            result = build(site_dir, out_dir, memory=memory, search_later=True, published=published)
        search_behind[0] = result.search_stale
        return result

    def when_idle() -> BuildResult | None:
        result = None
        if search_behind[0]:
            result = build(site_dir, out_dir, memory=memory)
            search_behind[0] = result.search_stale
        persist(memory, site_dir, out_dir)
        gc.collect()  # what the rebuilds left for the collector
        return result

    def on_built(result: BuildResult, seconds: float, changes: frozenset[Path]) -> None:
        if result.unchanged:
            return  # a save that changed nothing the site shows
        if changes:
            head = _what_changed(changes, site_dir)
        elif result.rendered == 0:
            print(f"Search index brought up to date in {seconds:.2f} s.", flush=True)
            return
        else:
            head = "Built"
        later = " (the search index follows when you pause)" if result.search_stale else ""
        print(
            f"{head} {result.rendered} of {result.pages} pages in {seconds:.2f} s; "
            f"{len(result.changed)} files changed{later}.",
            flush=True,
        )

    def on_failed(failure: Failure, error: BaseException, changes: frozenset[Path]) -> None:
        label = messages(msg("error"))
        for each in failure.errors:
            print(f"{label}: {messages.error(each)}", file=sys.stderr)
        if debug and not hasattr(error, "exit_code"):
            traceback.print_exception(error)
        where = "every page" if failure.pages is None else f"{len(failure.pages)} page(s)"
        print(
            f"The build failed; {where} in the browser show the problem. "
            "The rest of the preview is the last version that built.",
            file=sys.stderr,
            flush=True,
        )

    try:
        server = DevServer(
            site_dir=site_dir,
            out_dir=out_dir,
            build=rebuild,
            host=args.host,
            port=args.port,
            on_built=on_built,
            on_failed=on_failed,
            idle=when_idle,
            lang=messages.lang,
        )
    except OSError as exc:
        raise UsageError(
            f"cannot listen on {args.host}:{args.port}: {exc.strerror}",
            hint="another program uses the port; choose another with --port",
        ) from None
    server.start()
    print(
        f"Serving the preview of {shown(site_dir)} at {server.url}\n"
        f"Watching content/, data/, themes/, locales/ and site.yaml; "
        f"the preview is in {shown(out_dir)}. Press Ctrl+C to stop.",
        flush=True,
    )
    try:
        server.wait()
    except KeyboardInterrupt:
        print("Stopping.", flush=True)
    finally:
        server.stop()
        persist(memory, site_dir, out_dir)
    return 0


def _what_changed(changes: frozenset[Path], root: Path) -> str:
    if not changes:
        return "Built"
    names = sorted(_rel(path, root) for path in changes)
    shown_names = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    return f"{shown_names} changed: rebuilt"


def _rel(path: Path, root: Path) -> str:
    try:
        return path.resolve().relative_to(root).as_posix()
    except ValueError:
        return path.as_posix()


@contextmanager
def collector_paused(pause: bool = True) -> Iterator[None]:
    """No cyclic garbage collection while a rebuild runs; the server collects when idle.

    The preview server holds the whole site in memory (over a million objects at
    N = 10,000), and a rebuild makes enough new ones that the collector walked
    them all about once a rebuild: 1.8-2.1 s of the 4.1 s from save to disk.
    The first build is not paused: it makes most of those objects, and its garbage
    should not wait.
    """
    if not pause or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
