"""Views of the pages the generator makes: the A–Ö index and the search page.

The policy starts communication from what residents need, and residents look
first for a search box and an A–Ö list (Swedish accessibility statements
list a site without either as failing WCAG 2.4.5, Multiple Ways). Search
needs JavaScript; the A–Ö index is plain links, so it is also what the
search page offers without JavaScript.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from .collation import initial, sort_key
from .i18n import language_info
from .model import HOME_KEY
from .special_pages import INDEX_SLUGS, SEARCH_SLUGS, index_path, search_path
from .views import LanguageLink, Link, PageView, ViewBuilder

#: Where Pagefind writes its bundle, relative to the site's root.
SEARCH_BUNDLE = "pagefind"


@dataclass(frozen=True)
class LetterGroup:
    letter: str
    id: str
    """Fragment id of the group's heading, for the letter links at the top."""
    links: Sequence[Link]


def index_groups(views: ViewBuilder, lang: str) -> list[LetterGroup]:
    """Every page title in `lang` (or in Swedish where untranslated), grouped by letter.

    The home page is left out: it is one click away on every page.
    """
    site = views.site
    links = [views.link_to(key, lang) for key in site.page_keys() if key != HOME_KEY]
    links.sort(key=lambda link: sort_key(link.title, lang))
    groups: dict[str, list[Link]] = {}
    for link in links:
        groups.setdefault(initial(link.title, lang), []).append(link)
    return [
        LetterGroup(letter=letter, id=f"letter-{number}", links=tuple(items))
        for number, (letter, items) in enumerate(groups.items(), start=1)
    ]


def _switcher(
    views: ViewBuilder, lang: str, path_for: Callable[[str], str]
) -> tuple[list[LanguageLink], list[tuple[str, str]]]:
    """The same generated page in every main language, for the switcher and hreflang."""
    links: list[LanguageLink] = []
    alternates: list[tuple[str, str]] = []
    for code in views.site.languages:
        path = path_for(code)
        links.append(
            LanguageLink(
                code=code,
                name=language_info(code).native_name,
                url=views.url(path),
                current=code == lang,
                exists=True,
            )
        )
        alternates.append((code, views.absolute(path)))
    alternates.append(("x-default", views.absolute(path_for(views.site.source_language))))
    return links, alternates


def index_view(views: ViewBuilder, lang: str) -> PageView:
    _ = views.gettext_for(lang)

    def path_for(code: str) -> str:
        return index_path(views.home_path(code), code)

    languages, alternates = _switcher(views, lang, path_for)
    groups = index_groups(views, lang)
    return views.generated_view(
        lang,
        kind="index",
        title=_("A–Z index"),
        summary=_("Every page on the website, in alphabetical order."),
        path=path_for(lang),
        languages=languages,
        alternates=alternates,
        extra={"groups": groups},
    )


def search_view(views: ViewBuilder, lang: str) -> PageView:
    _ = views.gettext_for(lang)

    def path_for(code: str) -> str:
        return search_path(views.home_path(code), code)

    languages, alternates = _switcher(views, lang, path_for)
    view = views.generated_view(
        lang,
        kind="search",
        title=_("Search"),
        summary=_("Search the pages of the website."),
        path=path_for(lang),
        languages=languages,
        alternates=alternates,
        extra={
            "bundle": views.url(f"/{SEARCH_BUNDLE}/"),
            "index_url": views.index_url(lang),
        },
    )
    return replace(view, breadcrumbs=())


def generated_paths(views: ViewBuilder) -> list[str]:
    """Output paths of the generated pages, to tell editors when a page takes one."""
    paths = []
    for lang in views.site.languages:
        home = views.home_path(lang)
        paths.append(f"{home}{SEARCH_SLUGS.get(lang, 'search')}/")
        paths.append(f"{home}{INDEX_SLUGS.get(lang, 'a-z')}/")
    return paths
