"""The fast parser gives html5lib's tree, or declines: on the real site and on random markup."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import html5lib
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.checks import fasthtml
from site_builder.pipeline import build
from tests.conftest import REPO


def slow(text: str) -> tuple[Any, list[Any]]:
    parser = html5lib.HTMLParser(tree=html5lib.getTreeBuilder("etree"), namespaceHTMLElements=False)
    return parser.parse(text), list(parser.errors)


def same_tree(a: Any, b: Any) -> bool:
    if (a.tag, a.attrib, a.text or "", a.tail or "") != (
        b.tag,
        b.attrib,
        b.text or "",
        b.tail or "",
    ):
        return False
    return len(a) == len(b) and all(same_tree(x, y) for x, y in zip(a, b, strict=True))


@pytest.fixture(scope="module")
def real_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = tmp_path_factory.mktemp("fast") / "public"
    build(REPO, out, search=False, workers=1)
    return sorted(out.rglob("*.html"))


def test_every_page_of_the_site_takes_the_fast_path_with_the_same_tree(
    real_pages: list[Path],
) -> None:
    assert len(real_pages) > 50
    for path in real_pages:
        text = path.read_text("utf-8")
        fast = fasthtml.parse(text)
        tree, errors = slow(text)
        assert errors == [], path
        assert fast is not None, f"{path}: the fast parser declined a well-formed page"
        assert same_tree(fast, tree), path


@pytest.mark.parametrize(
    "body",
    [
        "<p>a<div>b</div></p>",  # a block closes the paragraph
        "<ul><li>a<li>b</ul>",  # implied end tags
        "<table><tr><td>x</td></tr></table>",  # implied tbody
        "<table>text<tbody></tbody></table>",  # foster parenting
        "<a href='/x'><a href='/y'>z</a></a>",
        "<div/>",
        "<p>x &copy y</p>",  # a reference without ';'
        "<!-- a comment -->",
        "<p class=unquoted>x</p>",
        "<b><i>x</b></i>",
        "<svg><rect/></svg>",
        "<p>a < b</p>",
    ],
)
def test_declines_what_needs_html5lib(body: str) -> None:
    text = f"<!DOCTYPE html>\n<html><head><title>t</title></head><body>{body}</body></html>"
    assert fasthtml.parse(text) is None


TAGS = ["p", "div", "span", "a", "b", "em", "ul", "ol", "li", "h2", "h3", "pre", "code", "br",
        "img", "hr", "table", "thead", "tbody", "tr", "td", "th", "section", "nav", "dl", "dt",
        "dd", "blockquote", "strong", "label", "input", "main", "footer", "header", "time",
        "form", "button", "noscript", "script"]  # fmt: skip
ATTRIBUTES = [' class="x"', " lang='fi'", ' href="/a?b=1&amp;c=2"', " hidden", " id=y",
              ' title="a &lt; b"', ' alt=""', ' data-v="1"', ' class="a" class="b"']  # fmt: skip
TEXTS = ["text", " ", "\n", "å ä ö", "&amp;", "&lt;", "&#8211;", "&nbsp;", "a & b", "<", "&bogus;",
         "\t", "x\ny"]  # fmt: skip


@st.composite
def markup(draw: st.DrawFn) -> str:
    parts: list[str] = []
    open_tags: list[str] = []
    for _ in range(draw(st.integers(0, 25))):
        choice = draw(st.integers(0, 9))
        if choice <= 3:
            tag = draw(st.sampled_from(TAGS))
            attrs = "".join(draw(st.lists(st.sampled_from(ATTRIBUTES), max_size=2)))
            closing = draw(st.sampled_from([">", ">", ">", "/>"]))
            parts.append(f"<{tag}{attrs}{closing}")
            if tag not in fasthtml.VOID and closing == ">":
                open_tags.append(tag)
        elif choice <= 5 and open_tags:
            if draw(st.integers(0, 9)) == 0:  # now and then, close the wrong one
                parts.append(f"</{draw(st.sampled_from(TAGS))}>")
            else:
                parts.append(f"</{open_tags.pop()}>")
        else:
            parts.append(draw(st.sampled_from(TEXTS)))
    if draw(st.booleans()):
        parts.extend(f"</{tag}>" for tag in reversed(open_tags))
    head = draw(
        st.sampled_from(["<title>t</title>", '\n<meta charset="utf-8">\n<title>t</title>\n'])
    )
    tail = draw(st.sampled_from(["</body></html>", "</body>\n</html>\n", "\n</body>\n</html>"]))
    return f'<!DOCTYPE html>\n<html lang="sv">\n<head>{head}</head>\n<body>{"".join(parts)}{tail}'


@settings(max_examples=600, deadline=None)
@given(markup())
def test_fast_tree_is_html5lib_tree_whenever_given(text: str) -> None:
    fast = fasthtml.parse(text)
    if fast is None:
        return
    tree, errors = slow(text)
    assert errors == []
    assert same_tree(fast, tree)
