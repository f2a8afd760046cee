"""Reading rendered pages: html5lib into an `xml.etree` tree, and small helpers.

html5lib parses the way browsers do and reports WHATWG parse errors; the
tree has plain tag names (no namespaces), so rules can use ElementPath.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import html5lib

from . import fasthtml

_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")


def parse(text: str) -> tuple[Any, tuple[tuple[int, int, str], ...]]:
    fast = fasthtml.parse(text)  # well-formed pages: the same tree, without errors, faster
    if fast is not None:
        return fast, ()
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    root = parser.parse(text)
    errors = tuple(
        (int(position[0]), int(position[1]), str(code)) for position, code, _ in parser.errors
    )
    return root, errors


def text_of(element: Any) -> str:
    """The element's text as a reader sees it: whitespace collapsed."""
    return " ".join("".join(element.itertext()).split())


def title_of(root: Any) -> str:
    title = root.find("head/title")
    return text_of(title) if title is not None else ""


def ids_of(root: Any) -> frozenset[str]:
    return frozenset(el.get("id") for el in root.iter() if el.get("id"))


def internal_hrefs(root: Any) -> Iterator[str]:
    """Links within the site: root-relative paths and #fragments (not mailto:, https:, //)."""
    for anchor in root.iter("a"):
        href = anchor.get("href")
        if href is None or href.startswith("//") or _SCHEME.match(href):
            continue
        yield href


def accessible_name(element: Any) -> str:
    """What a screen reader announces for a link: its text, images' alt, aria-label."""
    label = str(element.get("aria-label") or "")
    if label.strip():
        return label.strip()
    parts: list[str] = []
    _collect_name(element, parts)
    return " ".join(" ".join(parts).split())


def _collect_name(element: Any, parts: list[str]) -> None:
    if element.get("aria-hidden") == "true":
        return
    if element.tag == "img":
        parts.append(element.get("alt") or "")
        return
    if element.text:
        parts.append(element.text)
    for child in element:
        if isinstance(child.tag, str):
            _collect_name(child, parts)
        if child.tail:
            parts.append(child.tail)


def lang_of(element: Any, parents: dict[Any, Any], default: str) -> str:
    """The language in effect at an element (the nearest `lang`)."""
    node = element
    while node is not None:
        lang = node.get("lang")
        if lang:
            return str(lang)
        node = parents.get(node)
    return default


def parent_map(root: Any) -> dict[Any, Any]:
    return {child: parent for parent in root.iter() for child in parent}
