"""Markdown to HTML, with links resolved against the whole site.

Editors link to other pages by the path of the Swedish Markdown file, the way
they see it in their editor; this module turns that into the URL of the
page in the reader's language, or of the Swedish page (marked
`hreflang="sv"` with a note) where no translation exists. A link to a file
that does not exist is recorded as a `missing` link at its line; the
`broken-link` check reports it, with every other finding.
"""

from __future__ import annotations

import posixpath
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict, OptionsType
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.attrs import attrs_block_plugin, attrs_plugin

from .errors import ContentError, Location, SiteBuilderError, msg
from .model import Page, Site
from .records import record
from .terms import explain_first_uses

#: Attributes editors may set with `{…}`; the rest could break the page or its accessibility.
ALLOWED_ATTRIBUTES = frozenset({"lang", "dir", "id", "class"})
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


@record
class Heading:
    level: int
    text: str
    id: str
    line: int


@record
class Link:
    """A link or image in the body, as written and as resolved."""

    written: str
    href: str
    line: int
    kind: str
    """`page`, `asset`, `anchor`, `external`, `site` (a root-relative URL), `unpublished`
    (a page scheduled for later: rendered as its words only, without a link), or
    `missing` (no such file) and `outside` (a path out of content/), which the
    `broken-link` check reports."""
    target_key: str | None = None
    fragment: str = ""
    is_image: bool = False
    target: str = ""
    """The site-relative file a relative link points to (`content/kontakt/_index.sv.md`)."""
    text: str = ""
    """The link text, or an image's alt text, as written."""


@record
class TextBlock:
    """The words of one paragraph, list item, table cell or heading, for language checks.

    Soft line breaks are kept as `\n`, so `line + text[:i].count("\n")` is the
    file line of character `i`.
    """

    kind: str
    """`paragraph`, `heading` or `cell`."""
    text: str
    line: int


@dataclass(frozen=True)
class RenderedMarkdown:
    html: str
    headings: tuple[Heading, ...]
    links: tuple[Link, ...]
    errors: tuple[SiteBuilderError, ...]
    text: tuple[TextBlock, ...] = ()
    """The body's prose as the editor wrote it (before glossary explanations)."""
    explained: tuple[str, ...] = ()
    """Ids of the glossary terms explained on the page, in order of first use."""


def heading_id(text: str) -> str:
    """An ASCII id from a heading ("Målsättning" → "malsattning"), readable in a URL."""
    ascii_text = (
        unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    )
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug or "avsnitt"


def new_parser() -> MarkdownIt:
    """CommonMark with tables, heading ids and `{lang=fi}` attributes; raw HTML off."""
    md = MarkdownIt("commonmark", {"html": False, "xhtmlOut": False, "breaks": False})
    md.enable("table")
    md.use(attrs_plugin, spans=True)
    md.use(attrs_block_plugin)
    md.use(anchors_plugin, min_level=1, max_level=6, slug_func=heading_id)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("link_close", _render_link_close)
    md.add_render_rule("th_open", _render_th_open)
    return md


def _render_link_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    if tokens[idx].meta.get("unpublished"):
        return ""
    return self.renderToken(tokens, idx, options, env)


def _render_link_close(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    if tokens[idx].meta.get("unpublished"):
        return ""
    note = tokens[idx].meta.get("language_note")
    close = self.renderToken(tokens, idx, options, env)
    if note:
        lang = tokens[idx].meta.get("note_lang")
        attr = f' lang="{_escape(lang)}"' if lang else ""
        return f'{close} <span class="language-note"{attr}>({_escape(note)})</span>'
    return close


def _render_th_open(
    self: RendererHTML, tokens: Sequence[Token], idx: int, options: OptionsDict, env: EnvType
) -> str:
    tokens[idx].attrSet("scope", "col")
    return self.renderToken(tokens, idx, options, env)


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class MarkdownRenderer:
    """Renders page bodies for one site; holds the lookups link resolution needs."""

    def __init__(
        self,
        site: Site,
        language_note: Callable[[str, str], str],
        note_lang: Callable[[str], str] | None = None,
    ) -> None:
        """`language_note(reader_lang, target_lang)` says, in the reader's language,
        that a linked page is in another language ("på svenska", "ruotsiksi").
        `note_lang(page_lang)` is the language that note is written in, where the
        theme has no catalog for the page's language (the note is then marked)."""
        self.site = site
        self.language_note = language_note
        self.note_lang = note_lang or (lambda lang: lang)
        self.md = new_parser()
        self.prefix = site.config.url_prefix
        self.page_sources = {page.source: page.key for page in site.pages}
        self.asset_sources = {asset.source: asset.path for asset in site.assets}
        self.unpublished = site.schedule.unpublished if site.schedule else {}

    def render(self, page: Page) -> RenderedMarkdown:
        tokens = self.md.parse(page.body, {})
        state = _State(page)
        text: list[TextBlock] = []
        for index, token in enumerate(tokens):
            if token.type == "heading_open":
                self._heading(token, tokens[index + 1], state)
            self._check_attributes(token, state, _line(token, page))
            if token.type == "inline" and token.children:
                self._inline(token, state)
                block = _text_block(token, tokens[index - 1] if index else None, page)
                if block is not None:
                    text.append(block)
        explained = explain_first_uses(tokens, self.site.glossary.in_language(page.lang))
        options = self.md.options
        if self.site.variant_kind(page.key) == "easy_to_read":
            # Easy-to-read text keeps the editor's line breaks: a sentence (or a phrase)
            # per line is how lättläst is laid out (MTM's advice).
            # a copy: the parser's own options stay as they are
            options = OptionsDict(cast(OptionsType, dict(options)))
            options["breaks"] = True
        html = self.md.renderer.render(tokens, options, {})
        return RenderedMarkdown(
            html=html,
            headings=tuple(state.headings),
            links=tuple(state.links),
            errors=tuple(state.errors),
            text=tuple(text),
            explained=explained,
        )

    def outcome(self, page: Page, written: str, line: int, is_image: bool) -> tuple[object, ...]:
        """What a link in `page` resolves to with the site as it is now.

        The build cache keeps a page's rendered body while the outcome of every
        link in it stays the same (a renamed or newly translated target changes it).
        """
        link = self._resolve(written, _State(page), line, is_image=is_image)
        target_lang = None
        if link.kind == "page" and link.target_key is not None:
            target_lang = self.site.in_language(link.target_key, page.lang).lang
        return (link.kind, link.href, link.target_key, link.target, target_lang)

    def _heading(self, token: Token, inline: Token, state: _State) -> None:
        state.headings.append(
            Heading(
                level=int(token.tag[1]),
                text=inline.content,
                id=str(token.attrGet("id") or ""),
                line=_line(token, state.page),
            )
        )

    def _inline(self, inline: Token, state: _State) -> None:
        line = _line(inline, state.page)
        for child in inline.children or ():
            if child.type == "softbreak" or child.type == "hardbreak":
                line += 1
            self._check_attributes(child, state, line)
            if child.type == "link_open":
                self._link(child, inline.children or [], state, line, "href")
            elif child.type == "image":
                self._link(child, [], state, line, "src")

    def _check_attributes(self, token: Token, state: _State, line: int) -> None:
        for name in list(token.attrs):
            if token.type in ("link_open", "image") and name in ("href", "src", "alt", "title"):
                continue
            if token.type == "heading_open" and name == "id":
                continue
            if token.type == "th_open" and name == "style":  # column alignment from the table
                continue
            if name not in ALLOWED_ATTRIBUTES:
                del token.attrs[name]
                state.errors.append(
                    ContentError(
                        msg("the attribute '%(name)s' is not allowed"),
                        state.location.at_line(line),
                        msg(
                            "mark a language with {lang=fi}; only lang, dir, id and class "
                            "are allowed"
                        ),
                        name=name,
                    )
                )

    def _link(
        self, token: Token, siblings: list[Token], state: _State, line: int, attr: str
    ) -> None:
        written = str(token.attrGet(attr) or "")
        link = self._resolve(written, state, line, is_image=attr == "src")
        link = replace(link, text=_link_text(token, siblings))
        state.links.append(link)
        if link.kind == "unpublished":  # the words stay, the link appears once it is published
            token.meta["unpublished"] = True
            close = _matching_close(token, siblings)
            if close is not None:
                close.meta["unpublished"] = True
            return
        token.attrSet(attr, link.href)
        if link.kind != "page" or link.target_key is None:
            return
        target_lang = self.site.in_language(link.target_key, state.page.lang).lang
        if target_lang != state.page.lang:
            token.attrSet("hreflang", target_lang)
            close = _matching_close(token, siblings)
            if close is not None:
                close.meta["language_note"] = self.language_note(state.page.lang, target_lang)
                note_lang = self.note_lang(state.page.lang)
                if note_lang != state.page.lang:
                    close.meta["note_lang"] = note_lang

    def _resolve(self, written: str, state: _State, line: int, *, is_image: bool) -> Link:
        if not written or written.startswith("//") or _SCHEME.match(written):
            return Link(written, written, line, "external", is_image=is_image)
        if written.startswith("#"):
            return Link(written, written, line, "anchor", fragment=written[1:], is_image=is_image)
        if written.startswith("/"):
            return Link(written, self.prefix + written, line, "site", is_image=is_image)
        parts = urlsplit(written)
        base = posixpath.dirname(state.page.source)
        target = posixpath.normpath(posixpath.join(base, unquote(parts.path)))
        fragment = f"#{parts.fragment}" if parts.fragment else ""
        if target.startswith("..") or not target.startswith("content/"):
            return Link(written, written, line, "outside", is_image=is_image, target=target)
        if target.endswith(".md"):
            key = self.page_sources.get(target)
            if key is None and target in self.unpublished:
                return Link(written, "", line, "unpublished", is_image=is_image)
            if key is None:
                return Link(written, written, line, "missing", is_image=is_image, target=target)
            page = self.site.in_language(key, state.page.lang)
            href = self.prefix + page.path + fragment
            return Link(written, href, line, "page", key, parts.fragment, is_image, target)
        asset_path = self.asset_sources.get(target)
        if asset_path is None:
            return Link(written, written, line, "missing", is_image=is_image, target=target)
        return Link(
            written,
            self.prefix + asset_path + fragment,
            line,
            "asset",
            is_image=is_image,
            target=target,
        )


class _State:
    """What one page's render collects."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.location = Location(page.source)
        self.headings: list[Heading] = []
        self.links: list[Link] = []
        self.errors: list[SiteBuilderError] = []


def _line(token: Token, page: Page) -> int:
    return page.body_line + (token.map[0] if token.map else 0)


def _matching_close(open_token: Token, siblings: list[Token]) -> Token | None:
    depth = 0
    for token in siblings[_position(open_token, siblings) :]:
        if token.type == "link_open":
            depth += 1
        elif token.type == "link_close":
            depth -= 1
            if depth == 0:
                return token
    return None


def _position(token: Token, siblings: list[Token]) -> int:
    """Where `token` is among `siblings`, by identity: `list.index` compares tokens field
    by field, which made rendering quadratic in the length of a page."""
    return next(i for i, sibling in enumerate(siblings) if sibling is token)


def _link_text(token: Token, siblings: list[Token]) -> str:
    """The words of a link (up to its close) or an image's alt text."""
    if token.type == "image":
        return "".join(child.content for child in token.children or ())
    words: list[str] = []
    depth = 0
    for child in siblings[_position(token, siblings) :]:
        if child.type == "link_open":
            depth += 1
        elif child.type == "link_close":
            depth -= 1
            if depth == 0:
                break
        elif child.type in ("text", "code_inline"):
            words.append(child.content)
        elif child.type == "image":
            words.append("".join(c.content for c in child.children or ()))
    return "".join(words).strip()


_BLOCK_KINDS = {"paragraph_open": "paragraph", "heading_open": "heading", "th_open": "cell"}


def _text_block(inline: Token, opener: Token | None, page: Page) -> TextBlock | None:
    """The words of an inline run, with soft breaks kept as newlines; images left out."""
    kind = _BLOCK_KINDS.get(opener.type, "cell") if opener is not None else "paragraph"
    parts: list[str] = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    text = "".join(parts)
    if not text.strip():
        return None
    return TextBlock(kind=kind, text=text, line=_line(inline, page))


def plain_text(value: Any) -> str:
    """Inline Markdown source reduced to its words (for titles in lists and checks)."""
    return re.sub(r"[*_`\[\]]|\{[^}]*\}|\([^)]*\)", "", str(value)).strip()
