"""A deterministic synthetic municipal site for the benchmark, for us and for Hugo.

`write_corpus(folder, n)` writes `n` Swedish pages (section pages included) in
nested sections, with Finnish and English versions of most of them: about
1,100 words a page of made-up municipal prose with headings, lists, a table,
internal links and an image. The same plan written with `flavour="hugo"`
gives Hugo the same pages, with its own front matter keys and links as
logical page paths resolved by a render hook (what a Hugo site does to link
a page in the reader's language).

The same `n` and `seed` always give the same bytes.
"""

from __future__ import annotations

import hashlib
import posixpath
import random
import re
import shutil
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from .prose import STOCKS, Stock

REPO = Path(__file__).resolve().parent.parent
LANGS = ("sv", "fi", "en")
UNITS = ("medborgarplats", "kommunikation", "kommunledning", "forvaltningsomrade",
         "forskola", "aldreomsorg")  # fmt: skip
LEAF_PAGES = 15
"""Pages in a section without subsections (besides its own `_index`)."""
FANOUT = 8
TRANSLATED = 0.93
"""Share of pages with a Finnish (and, independently, an English) version."""
NEWS_SHARE = 0.05
REVIEWED = date(2026, 10, 1)


@dataclass
class Node:
    index: int
    key: str
    """`omsorg/hemtjanst` for a page; a section's key is its folder."""
    parent: str | None
    is_section: bool
    langs: tuple[str, ...]
    news_date: date | None = None
    links: tuple[int, ...] = ()
    """Indexes of the pages this page links to."""

    @property
    def folder(self) -> str:
        return self.key if self.is_section else posixpath.dirname(self.key)

    def source(self, lang: str) -> str:
        if self.is_section:
            return posixpath.join("content", self.key, f"_index.{lang}.md")
        return f"content/{self.key}.{lang}.md"


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")


class _Titles:
    """Unique titles from topic, aspect and place, in a shuffled (but fixed) order."""

    def __init__(self, stock: Stock, seed: int = 1) -> None:
        self.stock = stock
        self.size = len(stock.topics) * len(stock.aspects) * len(stock.places)
        self.order = list(range(self.size))
        random.Random(f"titles:{seed}:{stock.title_pattern}").shuffle(self.order)

    def title(self, number: int) -> str:
        slot = self.order[number % self.size]
        s = self.stock
        topic = s.topics[slot % len(s.topics)]
        aspect = s.aspects[(slot // len(s.topics)) % len(s.aspects)]
        place = s.places[slot // (len(s.topics) * len(s.aspects))]
        title = s.title_pattern.format(topic=topic, aspect=aspect, place=place)
        round_ = number // self.size
        return f"{title} {round_ + 1}" if round_ else title


def plan(n: int, seed: int = 1) -> list[Node]:
    """The site's pages: home, news, nested sections, pages; `n` Swedish pages in all."""
    rng = random.Random(seed)
    nodes: list[Node] = []
    titles = _Titles(STOCKS["sv"], seed)
    used: set[str] = set()

    def langs_for() -> tuple[str, ...]:
        return tuple(lang for lang in LANGS if lang == "sv" or rng.random() < TRANSLATED)

    def add(parent: str | None, is_section: bool, name: str | None = None) -> Node:
        index = len(nodes)
        if parent is None:
            key = ""
        else:
            base = name if name is not None else slugify(titles.title(index))
            slug, number = base, 2
            while (key := "/".join(p for p in (parent, slug) if p)) in used:
                slug, number = f"{base}-{number}", number + 1
        used.add(key)
        langs = LANGS if is_section else langs_for()
        node = Node(index, key, parent, is_section, langs)
        nodes.append(node)
        return node

    add(None, True, "")  # home
    news_pages = max(3, int(n * NEWS_SHARE))
    news = add("", True, "nyheter")
    rest = n - 2 - news_pages
    leaves_wanted = max(1, round(rest / (LEAF_PAGES + 1)))
    # sections level by level until there are enough leaves
    levels: list[list[Node]] = []
    top_count = min(FANOUT, leaves_wanted)
    top_names = [slugify(word) for word in STOCKS["sv"].section_words]
    levels.append([add("", True, top_names[i % len(top_names)]) for i in range(top_count)])
    while len(levels[-1]) * FANOUT <= leaves_wanted:
        levels.append([add(parent.key, True) for parent in levels[-1] for _ in range(FANOUT)])
    leaves: list[Node] = list(levels[-1])
    sections_made = sum(len(level) for level in levels)
    if len(leaves) < leaves_wanted:  # one more partial level
        extra = [add(leaves[i % len(leaves)].key, True) for i in range(leaves_wanted - len(leaves))]
        parents = {node.parent for node in extra}
        leaves = [leaf for leaf in leaves if leaf.key not in parents] + extra
        sections_made += len(extra)
    pages_left = rest - sections_made
    for i in range(pages_left):
        add(leaves[i % len(leaves)].key, False)
    start = date(2026, 11, 20)
    for i in range(news_pages):
        node = add(news.key, False)
        node.news_date = start - timedelta(days=i)
    pages = [node for node in nodes if node.key]
    for node in nodes:
        node.links = tuple(rng.choice(pages).index for _ in range(rng.randint(3, 5)))
    return nodes


# -- writing ------------------------------------------------------------------


@dataclass(frozen=True)
class _Words:
    """Random numbers shared by every language of one page: same structure, own words."""

    numbers: list[int]

    def take(self, at: int, pool: Sequence[str]) -> str:
        return pool[self.numbers[at % len(self.numbers)] % len(pool)]


def _sentence(stock: Stock, words: _Words, at: int) -> str:
    if words.numbers[at % len(words.numbers)] % 7 == 0:
        return words.take(at + 1, stock.extra)
    subject = words.take(at + 2, stock.subjects)
    return (
        f"{subject} {words.take(at + 3, stock.verbs)} {words.take(at + 4, stock.objects)} "
        f"{words.take(at + 5, stock.tails)}."
    )


def _paragraph(stock: Stock, words: _Words, at: int, count: int) -> str:
    return " ".join(_sentence(stock, words, at + 7 * i) for i in range(count))


LinkFn = Callable[[Node, int], tuple[str, str]]
"""(page, target index) → (link text, href) in the flavour's style."""


def body(node: Node, lang: str, words: _Words, link: LinkFn, image: str, short: bool) -> str:
    s = STOCKS[lang]
    parts = [_paragraph(s, words, 0, 4)]
    sections = 3 if short else 8
    links = list(node.links)
    for h in range(sections):
        at = 100 + h * 97
        parts.append(f"## {s.headings[(words.numbers[0] + h) % len(s.headings)]}")
        parts.append(_paragraph(s, words, at + 1, 6))
        if links and h % 2 == 1:
            text, href = link(node, links.pop())
            parts.append(f"{_sentence(s, words, at + 2)} {s.read_more} [{text}]({href}).")
        parts.append(_paragraph(s, words, at + 3, 6))
        if h == 1:
            first = words.numbers[1]
            items = [s.list_items[(first + i) % len(s.list_items)] for i in range(5)]
            parts.append("\n".join(f"- {item}" for item in items))
        if h == 2:
            place = words.take(at + 20, s.places)
            parts.append(f"![{s.image_alt} {place}]({image})")
        if h == 3:
            parts.append("\n".join(f"{i + 1}. {s.steps[i % len(s.steps)]}" for i in range(4)))
        if h == 4:
            head = s.table_head
            rows = [f"| {head[0]} | {head[1]} | {head[2]} |", "| --- | --- | --- |"]
            for i in range(5):
                fee = 100 + words.numbers[(at + 30 + i) % len(words.numbers)] % 900
                row = s.table_rows[(words.numbers[2] + i) % len(s.table_rows)]
                rows.append(f"| {row} | {fee} kr | {s.days[(words.numbers[3] + i) % 5]} |")
            parts.append("\n".join(rows))
        if h == 5:
            parts.append(f"### {s.headings[(words.numbers[0] + sections) % len(s.headings)]}")
            parts.append(_paragraph(s, words, at + 41, 5))
    while links:
        text, href = link(node, links.pop())
        parts.append(f"{s.read_more} [{text}]({href}).")
    return "\n\n".join(parts) + "\n"


def _yaml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _git_blob(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


def write_corpus(target: Path, n: int, *, flavour: str = "site_builder", seed: int = 1) -> int:
    """Write the corpus into `target` (emptied first); return the number of page files."""
    if target.exists():
        shutil.rmtree(target)
    nodes = plan(n, seed)
    by_index = {node.index: node for node in nodes}
    titles = {lang: _Titles(STOCKS[lang], seed) for lang in LANGS}
    top_order = [n.key for n in nodes if n.is_section and n.parent == "" and n.key != "nyheter"]
    top_level = set(top_order)

    def title(node: Node, lang: str) -> str:
        s = STOCKS[lang]
        if node.key == "":
            return {"sv": "Välkommen till Hällefors kommun", "fi": "Tervetuloa Hälleforsin kuntaan",
                    "en": "Welcome to Hällefors Municipality"}[lang]  # fmt: skip
        if node.key == "nyheter":
            return {"sv": "Nyheter", "fi": "Uutiset", "en": "News"}[lang]
        if node.key in top_level:
            return s.section_words[top_order.index(node.key) % len(s.section_words)]
        base = titles[lang].title(node.index)
        return f"{s.news_word}: {base}" if node.news_date else base

    def link_ours(node: Node, index: int) -> tuple[str, str]:
        target_node = by_index[index]
        rel = posixpath.relpath(target_node.source("sv"), posixpath.dirname(node.source("sv")))
        return title(target_node, "sv"), rel

    def link_hugo(node: Node, index: int) -> tuple[str, str]:
        target_node = by_index[index]
        return title(target_node, "sv"), "/" + target_node.key

    link = link_hugo if flavour == "hugo" else link_ours
    files = 0
    images: set[str] = set()
    for node in nodes:
        rng = random.Random(f"{seed}:{node.index}")
        words = _Words([rng.randrange(1 << 30) for _ in range(997)])
        folder = node.folder
        image_name = f"bild-{node.index % 3 + 1}.svg"
        image_key = posixpath.join(folder, image_name)
        images.add(image_key)
        image = f"/{image_key}" if flavour == "hugo" else image_name
        sv_bytes = b""
        for lang in node.langs:
            lines = ["---", f"title: {_yaml(title(node, lang))}"]
            summary = (
                _sentence(STOCKS[lang], words, 500) + " " + _sentence(STOCKS[lang], words, 507)
            )
            lines.append(f"summary: {_yaml(summary)}")
            if lang == "sv":
                lines.append(f"sender: {UNITS[node.index % len(UNITS)]}")
                lines.append(
                    f"reviewed: {(REVIEWED - timedelta(days=node.index % 200)).isoformat()}"
                )
                if node.key in top_level and flavour != "hugo":
                    lines.append("menu: true")
            if node.key in top_level and flavour == "hugo":
                lines.append("inmenu: true")
            if node.news_date is not None:
                lines.append(f"date: {node.news_date.isoformat()}")
            if lang != "sv" and flavour != "hugo":
                lines.append(f"source_version: {_git_blob(sv_bytes)}")
            lines.append("---")
            short = node.is_section or node.news_date is not None
            text = "\n".join(lines) + "\n" + body(node, lang, words, link, image, short)
            data = text.encode("utf-8")
            if lang == "sv":
                sv_bytes = data
            path = target / node.source(lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            files += 1
    for key in sorted(images):
        svg = _svg(key)
        path = (target / "static" / key) if flavour == "hugo" else (target / "content" / key)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(svg, "utf-8")
    (target / "data").mkdir(parents=True, exist_ok=True)
    shutil.copy2(REPO / "data" / "organisation.yaml", target / "data" / "organisation.yaml")
    if flavour == "hugo":
        from .hugo_site import write_hugo_layout

        write_hugo_layout(target)
    else:
        _write_site_builder_config(target)
    return files


def _write_site_builder_config(target: Path) -> None:
    (target / "site.yaml").write_text(
        "title: {sv: Hällefors kommun, fi: Hällefors kunta, en: Hällefors Municipality}\n"
        "base_url: https://www.hellefors.se\n"
        "languages: [sv, fi, en]\n"
        "theme: hellefors\n"
        "org_number: 212000-1942\n"
        "contact_unit: medborgarplats\n",
        "utf-8",
    )
    for name in ("themes", "locales"):
        shutil.copytree(REPO / name, target / name)


def _svg(key: str) -> str:
    hue = int(hashlib.sha1(key.encode(), usedforsecurity=False).hexdigest()[:2], 16)
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 180" width="320" height="180">'
        f'<rect width="320" height="180" fill="hsl({hue * 360 // 256} 40% 85%)"/>'
        '<path d="M20 150 L110 60 L170 120 L230 80 L300 150 Z" fill="#2a5d3b"/>'
        "</svg>\n"
    )
