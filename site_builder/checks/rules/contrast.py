"""The theme's colour pairs meet WCAG 2.1 AA contrast (1.4.3, 1.4.11).

The pairs are listed in the comment block "contrast pairs" of the theme's
`static/tokens.css`, the one file where colours live: `text` needs 4.5:1,
`large-text` and `interface` (borders, focus rings, icons) 3:1.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...checkdata import Tokens
from ..base import Finding, RuleContext, Severity, SiteInput, SiteRule
from ..messages import msg

MINIMUM = {"text": 4.5, "large-text": 3.0, "interface": 3.0}
_HEX = re.compile(r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")
_RGB = re.compile(r"^rgba?\(\s*(\d+)[\s,]+(\d+)[\s,]+(\d+)\s*(?:[,/]\s*1(?:\.0*)?\s*)?\)$")
_VAR = re.compile(r"^var\(\s*(--[\w-]+)\s*\)$")
_NAMED = {"white": (255, 255, 255), "black": (0, 0, 0)}


def colour(tokens: Tokens, name: str, depth: int = 0) -> tuple[int, int, int] | None:
    value = tokens.values.get(name, "").strip()
    reference = _VAR.match(value)
    if reference and depth < 10:
        return colour(tokens, reference.group(1), depth + 1)
    if value.lower() in _NAMED:
        return _NAMED[value.lower()]
    hex_match = _HEX.match(value)
    if hex_match:
        digits = hex_match.group(1)
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        return (int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16))
    rgb = _RGB.match(value)
    if rgb:
        r, g, b = (min(255, int(v)) for v in rgb.groups())
        return (r, g, b)
    return None


def luminance(rgb: tuple[int, int, int]) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def check(site_input: SiteInput, ctx: RuleContext) -> Iterator[Finding]:
    tokens = site_input.shared.data.tokens
    if tokens is None:
        return
    if not tokens.pairs:
        yield ctx.finding(
            tokens.path,
            None,
            msg("The file lists no contrast pairs, so their contrast cannot be checked."),
            msg("Add a comment block 'contrast pairs:' with lines like 'text: --fg on --bg'."),
        )
        return
    for pair in tokens.pairs:
        fg, bg = colour(tokens, pair.foreground), colour(tokens, pair.background)
        for name, value in ((pair.foreground, fg), (pair.background, bg)):
            if value is None:
                yield ctx.finding(
                    tokens.path,
                    pair.line,
                    msg("The colour %(token)s is not defined as #rrggbb, #rgb or rgb() here."),
                    msg("Define it in :root in this file, or correct the name in the pair."),
                    token=name,
                )
        if fg is None or bg is None:
            continue
        found = ratio(fg, bg)
        needed = MINIMUM[pair.kind]
        if found < needed:
            yield ctx.finding(
                tokens.path,
                pair.line,
                msg("%(fg)s on %(bg)s has a contrast of %(ratio)s:1; %(kind)s needs %(needed)s:1."),
                msg("Darken the text colour or lighten the background (or the other way round)."),
                fg=pair.foreground,
                bg=pair.background,
                ratio=f"{found:.2f}",
                kind=pair.kind,
                needed=needed,
            )


RULE = SiteRule(
    id="contrast",
    severity=Severity.ERROR,
    explanation=msg("The theme's colour pairs meet WCAG AA contrast (4.5:1 text, 3:1 large/UI)."),
    check=check,
)
