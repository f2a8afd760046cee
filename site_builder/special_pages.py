"""Pages the generator makes itself, beside the content: search and the A–Ö index.

Their addresses are short words in each main language, so that they can be
read aloud and typed: `/sok/`, `/fi/haku/`, `/en/search/`. A content page at
the same address is an error the output guard reports.
"""

from __future__ import annotations

SEARCH_SLUGS = {"sv": "sok", "fi": "haku", "en": "search"}
INDEX_SLUGS = {"sv": "a-o", "fi": "a-o", "en": "a-z"}


def search_path(home_path: str, lang: str) -> str:
    return f"{home_path}{SEARCH_SLUGS.get(lang, 'search')}/"


def index_path(home_path: str, lang: str) -> str:
    return f"{home_path}{INDEX_SLUGS.get(lang, 'a-z')}/"
