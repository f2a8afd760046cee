"""The page shown in place of a page whose build failed.

It names each problem's file and line and the fix, in the same words as the
terminal. It is a complete, accessible document on its own (one `h1`, a
`main` landmark, a language, high contrast, no inline script or style), and
it carries the reload script, so saving the fixed file brings the page back.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..errors import SiteBuilderError

ASSET_PREFIX = "/__site_builder/"


def reload_tag(epoch: int) -> str:
    """The script element that keeps an open page up to date; no inline code (strict CSP)."""
    return f'<script src="{ASSET_PREFIX}reload.js" data-epoch="{epoch}" defer></script>'


def error_page(errors: Sequence[SiteBuilderError], epoch: int, requested: str) -> str:
    count = len(errors)
    first = errors[0].location if errors and errors[0].location else None
    title = f"Build failed: {first}" if first else "Build failed"
    items = "\n".join(_problem(error) for error in errors)
    noun = "problem" if count == 1 else "problems"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} (site_builder preview)</title>
<link rel="stylesheet" href="{ASSET_PREFIX}error.css">
{reload_tag(epoch)}
</head>
<body>
<main>
<h1>This page could not be built</h1>
<p>The preview of <code>{escape(requested)}</code> waits for a fix.
Correct the {noun} below and save the file: this page reloads by itself.
The rest of the preview shows the last version that built.</p>
<h2>{count} {noun} to fix</h2>
<ol class="problems">
{items}
</ol>
</main>
</body>
</html>
"""


def _problem(error: SiteBuilderError) -> str:
    where = error.location
    if where is None:
        place = "The whole site"
    elif where.line:
        place = f"<code>{escape(where.path)}</code>, line {where.line}"
    else:
        place = f"<code>{escape(where.path)}</code>"
    hint = f'\n<p class="hint">How to fix it: {escape(error.hint)}</p>' if error.hint else ""
    return (
        f'<li>\n<p class="where">{place}</p>\n'
        f'<p class="what">{escape(error.message)}</p>{hint}\n</li>'
    )
