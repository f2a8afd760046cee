"""The page shown in place of a page whose build failed.

It names each problem's file and line and the fix, in the same words as the
terminal. It is a complete, accessible document on its own (one `h1`, a
`main` landmark, a language, high contrast, no inline script or style), and
it carries the reload script, so saving the fixed file brings the page back.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from ..checks.messages import Messages, msg, msg_plural
from ..errors import SiteBuilderError

ASSET_PREFIX = "/__site_builder/"


def reload_tag(epoch: int) -> str:
    """The script element that keeps an open page up to date; no inline code (strict CSP)."""
    return f'<script src="{ASSET_PREFIX}reload.js" data-epoch="{epoch}" defer></script>'


def error_page(
    errors: Sequence[SiteBuilderError], epoch: int, requested: str, lang: str = "en"
) -> str:
    """The page, in the language of the editor's messages (`serve --lang`, or the locale)."""
    m = Messages(lang)
    count = len(errors)
    first = errors[0].location if errors and errors[0].location else None
    title = m(msg("Build failed: %(where)s"), where=str(first)) if first else m(msg("Build failed"))
    items = "\n".join(_problem(error, m) for error in errors)
    heading = m(msg("This page could not be built"))
    waits = m(msg("The preview of %(page)s waits for a fix."), page="\0")
    waits = escape(waits).replace("\0", f"<code>{escape(requested)}</code>")
    then = m.plural(
        msg_plural(
            "Correct the problem below and save the file: this page reloads by itself.",
            "Correct the problems below and save the file: this page reloads by itself.",
        ),
        count,
    )
    rest = m(msg("The rest of the preview shows the last version that built."))
    to_fix = m.plural(msg_plural("%(count)d problem to fix", "%(count)d problems to fix"), count)
    preview = m(msg("site_builder preview"))
    return f"""<!DOCTYPE html>
<html lang="{m.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} ({escape(preview)})</title>
<link rel="stylesheet" href="{ASSET_PREFIX}error.css">
{reload_tag(epoch)}
</head>
<body>
<main>
<h1>{escape(heading)}</h1>
<p>{waits}
{escape(then)}
{escape(rest)}</p>
<h2>{escape(to_fix)}</h2>
<ol class="problems">
{items}
</ol>
</main>
</body>
</html>
"""


def _problem(error: SiteBuilderError, m: Messages) -> str:
    where = error.location
    if where is None:
        place = escape(m(msg("The whole site")))
    elif where.line:
        line = escape(m(msg("line %(line)s"), line=str(where.line)))
        place = f"<code>{escape(where.path)}</code>, {line}"
    else:
        place = f"<code>{escape(where.path)}</code>"
    hint_text = m.error_hint(error)
    fix = escape(m(msg("How to fix it:")))
    hint = f'\n<p class="hint">{fix} {escape(hint_text)}</p>' if hint_text else ""
    return (
        f'<li>\n<p class="where">{place}</p>\n'
        f'<p class="what">{escape(m.error_message(error))}</p>{hint}\n</li>'
    )
