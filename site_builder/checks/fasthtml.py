"""A fast path for parsing well-formed pages: the same tree html5lib builds, 4x faster.

html5lib's tokenizer is pure Python and parsing every page with it was most
of the cost of the checks (5 ms of 8 ms a page). Pages this site builds come
from its own templates and from Markdown with raw HTML turned off, so they
are well-formed: every element closed in order, attributes quoted, no
comments. For such a page the HTML5 tree-construction rules reduce to plain
nesting, and a tokenizer made of two regular expressions is enough.

`parse` builds that tree only when it can prove html5lib would build the
same one without a single parse error; at the first sign of anything else
(an implied end tag, a `<p>` a block would close, table foster-parenting,
foreign content, a comment, an unusual character reference, an unquoted
attribute…) it returns None, and the caller uses html5lib, which reports the
error where it is. A test compares both parsers on every page of the real
site and on generated markup.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import unescape
from html.entities import html5 as _ENTITIES

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
     "track", "wbr", "keygen", "param", "basefont", "bgsound", "frame"}
)  # fmt: skip
#: Start tags that close an open `<p>` (WHATWG "in body"); any open `<p>` means: decline.
CLOSES_P = frozenset(
    {"address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div",
     "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu",
     "nav", "ol", "p", "search", "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5",
     "h6", "pre", "listing", "form", "li", "dd", "dt", "plaintext", "table", "hr", "xmp"}
)  # fmt: skip
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
#: "Special" elements that stop the search for an open `li`, `dd` or `dt`.
SPECIAL = frozenset(
    {"address", "applet", "area", "article", "aside", "base", "basefont", "bgsound",
     "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd",
     "details", "dir", "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure",
     "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head",
     "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link",
     "listing", "main", "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript",
     "object", "ol", "p", "param", "plaintext", "pre", "script", "search", "section",
     "select", "source", "style", "summary", "table", "tbody", "td", "template", "textarea",
     "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp"}
)  # fmt: skip
#: Elements with tree-construction rules beyond nesting: always declined.
DECLINE = frozenset(
    {"html", "head", "body", "frameset", "frame", "select", "option", "optgroup", "textarea",
     "xmp", "plaintext", "listing", "iframe", "noembed", "noframes", "template", "svg", "math",
     "image", "isindex", "menuitem", "ruby", "rb", "rt", "rtc", "rp", "caption", "colgroup",
     "col", "applet", "marquee", "object", "nobr", "keygen", "title"}
)  # fmt: skip
HEAD_CONTENT = frozenset({"base", "link", "meta", "title", "style", "script"})
TABLE_CONTEXT = frozenset({"table", "thead", "tbody", "tfoot", "tr"})
TABLE_CHILDREN = {
    "table": frozenset({"thead", "tbody", "tfoot"}),
    "thead": frozenset({"tr"}),
    "tbody": frozenset({"tr"}),
    "tfoot": frozenset({"tr"}),
    "tr": frozenset({"td", "th"}),
}
_CHARREF = re.compile(r"&(#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[a-zA-Z][a-zA-Z0-9]*;)?")
#: Characters html5lib reports as errors (controls, noncharacters), and bare '<'.
_SUSPECT = re.compile(
    "[\x00-\x08\x0b\x0d-\x1f\x7f-\x9f\ufdd0-\ufdef\ufffe\uffff]"
    "|<(?![a-zA-Z/!])|</(?![a-zA-Z])|<!--|<!\\[|<\\?"
)
_WHITESPACE = frozenset(" \t\n\f")


class _Decline(Exception):
    """The page is not in the subset this parser vouches for."""


_TAG = re.compile(
    r"<(?:(/)?([a-zA-Z][a-zA-Z0-9]*)"
    r"((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:=\"[^\"]*\"|='[^']*')?)*)\s*(/)?>"
    r"|(![dD][oO][cC][tT][yY][pP][eE]\s+[hH][tT][mM][lL]\s*>))"
)
_ATTRIBUTE = re.compile(r"([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:=\"([^\"]*)\"|='([^']*)')?")
RAW_TEXT = frozenset({"script", "style"})


def parse(text: str) -> ET.Element | None:
    """The tree html5lib would build (no parse errors), or None when that is not certain."""
    if _SUSPECT.search(text):
        return None
    for match in _CHARREF.finditer(text):
        ref = match.group(1)
        if ref is None:
            return None
        if not ref.startswith("#") and ref not in _ENTITIES:
            return None
        if ref.startswith("#") and not _valid_codepoint(ref):
            return None
    builder = _Builder()
    try:
        _tokenize(text, builder)
    except _Decline:
        return None
    return builder.finish()


def _tokenize(text: str, builder: _Builder) -> None:
    position = 0
    search = _TAG.search
    while True:
        match = search(text, position)
        end = match.start() if match is not None else len(text)
        if end > position:
            data = text[position:end]
            if "<" in data:
                raise _Decline  # something that looks like a tag but is not a strict one
            builder.handle_data(unescape(data) if "&" in data else data)
        if match is None:
            return
        position = match.end()
        closing, name, attributes, solidus, doctype = match.groups()
        if doctype is not None:
            builder.handle_decl("doctype html")
            continue
        tag = name.lower()
        if closing:
            if attributes or solidus:
                raise _Decline
            builder.handle_endtag(tag)
            continue
        attrs = (
            [
                (found.group(1).lower(), _value(found.group(2), found.group(3)))
                for found in _ATTRIBUTE.finditer(attributes)
            ]
            if attributes
            else []
        )
        if solidus:
            builder.handle_startendtag(tag, attrs)
            continue
        builder.handle_starttag(tag, attrs)
        if tag in RAW_TEXT:
            close = re.compile(rf"</{tag}\s*>", re.IGNORECASE).search(text, position)
            if close is None:
                raise _Decline
            raw = text[position : close.start()]
            if f"</{tag}" in raw.lower():
                raise _Decline  # an end tag html5lib would read differently
            if raw:
                builder.handle_raw(raw)
            builder.handle_endtag(tag)
            position = close.end()


def _value(double: str | None, single: str | None) -> str:
    value = double if double is not None else single if single is not None else ""
    return unescape(value) if "&" in value else value


def _valid_codepoint(ref: str) -> bool:
    number = int(ref[2:-1], 16) if ref[1] in "xX" else int(ref[1:-1])
    if number == 0 or number > 0x10FFFF or 0xD800 <= number <= 0xDFFF:
        return False
    if 0x80 <= number <= 0x9F or (number < 0x20 and number not in (0x09, 0x0A, 0x0C)):
        return False
    return not (0xFDD0 <= number <= 0xFDEF or (number & 0xFFFE) == 0xFFFE or number == 0x7F)


class _Builder:
    def __init__(self) -> None:
        self.mode = "initial"
        self.root: ET.Element | None = None
        self.head: ET.Element | None = None
        self.body: ET.Element | None = None
        self.stack: list[ET.Element] = []
        self.tags: list[str] = []
        """The tag names of `stack`, kept beside it: the rules ask about them at every tag."""
        self.last: ET.Element | None = None
        """The element whose tail takes the next text (None: the current node's text)."""
        self.drop_newline = False

    # -- the tokenizer's events ------------------------------------------------------

    def handle_decl(self, decl: str) -> None:
        if self.mode != "initial" or decl.lower() != "doctype html":
            raise _Decline
        self.mode = "before html"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str]]) -> None:
        if tag not in VOID:
            raise _Decline  # `<div/>`: html5lib reports it and leaves the element open
        self._start(tag, attrs)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str]]) -> None:
        self._start(tag, attrs)

    def handle_raw(self, data: str) -> None:
        """The contents of `<script>` or `<style>`, as they are."""
        if self.mode not in ("in head", "in body"):
            raise _Decline
        self._text(data)

    def handle_endtag(self, tag: str) -> None:
        mode = self.mode
        if mode == "in head":
            current = self.stack[-1]
            if tag == "head" and current is self.head:
                self._pop()
                self.mode = "after head"
                self.last = self.head
                return
            if current is not self.head and current.tag == tag:
                self._pop()  # </title>, </style>, </script>
                self.last = current
                return
            raise _Decline
        if mode == "in body":
            if tag in VOID or not self.stack:
                raise _Decline
            current = self.stack[-1]
            if current.tag != tag:
                raise _Decline
            if tag == "body":
                self.mode = "after body"  # body stays the current node (WHATWG)
                return
            self._pop()
            self.last = current
            return
        if mode == "after body" and tag == "html":
            self.mode = "after after body"
            return
        raise _Decline

    def handle_data(self, data: str) -> None:
        if self.drop_newline:
            self.drop_newline = False
            if data.startswith("\n"):
                data = data[1:]
        if not data:
            return
        mode = self.mode
        blank = not data.strip(" \t\n\f")
        if mode in ("initial", "before html", "before head"):
            if blank:
                return
            raise _Decline
        if mode == "in head":
            if not blank and self.stack[-1] is self.head:
                raise _Decline  # text in head implies its end
            self._text(data)
            return
        if mode == "after head":
            if not blank:
                raise _Decline
            self._text(data)
            return
        if mode == "in body":
            if not blank and self.stack[-1].tag in TABLE_CONTEXT:
                raise _Decline  # foster parenting
            self._text(data)
            return
        if mode in ("after body", "after after body"):
            if not blank:
                raise _Decline
            self._text(data)
            return
        raise _Decline

    # -- tree construction -------------------------------------------------------------

    def _start(self, tag: str, attrs: list[tuple[str, str]]) -> None:
        attrib = dict(attrs)
        if len(attrib) != len(attrs):
            raise _Decline  # a repeated attribute
        mode = self.mode
        if mode == "before html":
            if tag != "html":
                raise _Decline
            self.root = ET.Element("html", attrib)
            self.stack = [self.root]
            self.tags = ["html"]
            self.mode = "before head"
            return
        if mode == "before head":
            if tag != "head" or attrib:
                raise _Decline
            self.head = self._append("head", attrib)
            self.mode = "in head"
            return
        if mode == "in head":
            if tag not in HEAD_CONTENT or self.stack[-1] is not self.head:
                raise _Decline
            if tag in ("script", "style", "title"):
                self._append(tag, attrib)
            else:
                self._append(tag, attrib, void=True)
            return
        if mode == "after head":
            if tag != "body":
                raise _Decline
            self.body = self._append("body", attrib)
            self.mode = "in body"
            return
        if mode != "in body":
            raise _Decline
        self._in_body(tag, attrib)

    def _in_body(self, tag: str, attrib: dict[str, str]) -> None:
        if tag in DECLINE:
            raise _Decline
        stack = self.stack
        current = stack[-1]
        allowed = TABLE_CHILDREN.get(current.tag)
        if allowed is not None and tag not in allowed:
            raise _Decline  # implied tbody/tr, or foster parenting
        if tag in ("td", "th", "tr", "thead", "tbody", "tfoot") and allowed is None:
            raise _Decline  # table parts outside a table are ignored by html5lib
        tags = self.tags
        if tag in CLOSES_P and "p" in tags:
            raise _Decline
        if tag in HEADINGS and current.tag in HEADINGS:
            raise _Decline
        if tag in ("a", "form", "button") and tag in tags:
            raise _Decline  # nested: html5lib closes the first (a, button) or drops it (form)
        if tag in ("li", "dd", "dt"):
            closing = ("li",) if tag == "li" else ("dd", "dt")
            for name in reversed(tags):
                if name in closing:
                    raise _Decline
                if name in SPECIAL and name not in ("address", "div", "p"):
                    break
        if tag in VOID:
            self._append(tag, attrib, void=True)
            return
        self._append(tag, attrib)
        if tag == "pre":
            self.drop_newline = True

    def _append(self, tag: str, attrib: dict[str, str], *, void: bool = False) -> ET.Element:
        parent = self.stack[-1]
        element = ET.SubElement(parent, tag, attrib)
        if void:
            self.last = element
        else:
            self.stack.append(element)
            self.tags.append(tag)
            self.last = None
        return element

    def _pop(self) -> None:
        self.stack.pop()
        self.tags.pop()

    def _text(self, data: str) -> None:
        if self.last is not None:
            self.last.tail = (self.last.tail or "") + data
        else:
            current = self.stack[-1]
            current.text = (current.text or "") + data

    def finish(self) -> ET.Element | None:
        if self.mode not in ("after body", "after after body"):
            return None  # the document ended early: html5lib would close it, with errors
        return self.root
