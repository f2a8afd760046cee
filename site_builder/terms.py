"""Glossary terms explained where a page first uses them.

The policy asks that necessary terms be explained. An editor writes the term;
the build adds its explanation from `data/glossary.yaml` after the first use
in running text, as plain text in the same paragraph:

    <dfn class="term" data-term="ID">allmänna handlingar</dfn>
    <span class="term-explanation">(handlingar hos kommunen som alla får läsa)</span>

That reads the same with and without CSS and JavaScript, and a screen reader
reads the explanation in place. `<dfn>` marks the defining use, and the HTML
standard asks that its paragraph hold the definition, as it does here.
Headings and link texts are left alone: an explanation does not belong there.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from markdown_it.token import Token

from .model import GlossaryTerm

_SKIP_BLOCKS = ("heading_open",)


def term_pattern(terms: Sequence[GlossaryTerm]) -> re.Pattern[str] | None:
    """One pattern for every form of every term, longest first, as whole words."""
    forms = sorted({form for term in terms for form in term.forms}, key=len, reverse=True)
    if not forms:
        return None
    alternation = "|".join(re.escape(form) for form in forms)
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def explain_first_uses(tokens: list[Token], terms: Sequence[GlossaryTerm]) -> tuple[str, ...]:
    """Add the explanation after the first use of each term; return the ids explained."""
    remaining = {form.casefold(): term for term in terms for form in term.forms}
    explained: list[str] = []
    pattern = term_pattern(terms)
    for index, token in enumerate(tokens):
        if pattern is None:
            break
        if token.type != "inline" or not token.children:
            continue
        if index > 0 and tokens[index - 1].type in _SKIP_BLOCKS:
            continue
        new_children: list[Token] = []
        link_depth = 0
        for child in token.children:
            if child.type == "link_open":
                link_depth += 1
            elif child.type == "link_close":
                link_depth -= 1
            if child.type != "text" or link_depth > 0 or pattern is None:
                new_children.append(child)
                continue
            text = child.content
            start = 0
            for match in pattern.finditer(text):
                term = remaining.get(match.group(0).casefold())
                if term is None or term.id in explained:
                    continue
                if match.start() > start:
                    new_children.append(_text(text[start : match.start()]))
                new_children.append(_defined(match.group(0), term))
                explained.append(term.id)
                start = match.end()
            if start == 0:
                new_children.append(child)
                continue
            if start < len(text):
                new_children.append(_text(text[start:]))
            remaining = {k: t for k, t in remaining.items() if t.id not in explained}
            pattern = term_pattern(list({t.id: t for t in remaining.values()}.values()))
        token.children = new_children
    return tuple(explained)


def _text(text: str) -> Token:
    token = Token("text", "", 0)
    token.content = text
    return token


def _defined(written: str, term: GlossaryTerm) -> Token:
    """The term as written, marked as defined here, followed by its explanation."""
    token = Token("html_inline", "", 0)
    token.content = (
        f'<dfn class="term" data-term="{html.escape(term.id)}">{html.escape(written, quote=False)}'
        f'</dfn> <span class="term-explanation">({html.escape(term.explanation, quote=False)})'
        "</span>"
    )
    return token
