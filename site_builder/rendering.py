"""The pages step: one job per output page, fanned out over processes, results gathered.

`pagework` renders one page (in a worker process); this module prepares what
every job reads (`page_context`), lists the jobs (every content page, and per
language the 404 page, the A–Ö index and the search page), and gathers what
comes back: the files to publish or keep, the facts the site-wide checks read,
and the records the build cache keeps for the next build.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from datetime import date
from typing import Any, TypeVar

from babel.support import NullTranslations

from . import pagework
from .buildcache import BuildCache, Full, Light, MarkdownRecord, PageRecord
from .buildresult import BuildResult, Options
from .checks import HtmlLink, PageFacts, Settings, Shared
from .config import SiteConfig
from .content.accessibility import Statement
from .errors import ContentError, SiteBuilderError, msg, raise_if_any
from .incremental import Baseline, catalog_digests, checks_digest, markdown_digests
from .journal import JournaledOutput
from .markdown import Heading, Link, MarkdownRenderer, RenderedMarkdown
from .model import Page, Site
from .output import DryOutput
from .pagework import Context, Job, digest_files, workers_for
from .special_pages import index_path, search_path
from .special_views import generated_paths
from .statement_views import statement_page_view
from .templates import Theme
from .views import PageView, ViewBuilder

_Item = TypeVar("_Item", Heading, Link)


@dataclass(frozen=True)
class Rendered:
    """The site with every page body turned into HTML."""

    site: Site
    bodies: dict[str, RenderedMarkdown]
    """Page source path → its rendered Markdown."""
    errors: tuple[SiteBuilderError, ...] = ()


def render_markdown(
    site: Site,
    language_note: Callable[[str, str], str],
    note_lang: Callable[[str], str] | None = None,
    *,
    raise_errors: bool = True,
) -> Rendered:
    """Render every body; collect the errors of all pages, then fail once (or return them)."""
    renderer = MarkdownRenderer(site, language_note, note_lang)
    bodies: dict[str, RenderedMarkdown] = {}
    errors: list[SiteBuilderError] = []
    for page in site.pages:
        body = renderer.render(page)
        bodies[page.source] = body
        errors.extend(body.errors)
    if raise_errors:
        raise_if_any(errors)
    return Rendered(site=site, bodies=bodies, errors=tuple(errors))


@dataclass
class Pages:
    """What the pages step hands on: facts for the checks, keys of the bodies, records."""

    facts: list[PageFacts]
    bodies: dict[str, str]
    """Source → key of its rendered Markdown in the cache."""
    errors: list[SiteBuilderError]
    records: Full


def reject_taken_addresses(site: Site, views: ViewBuilder) -> None:
    """A content page may not take the address of the search page or the A–Ö index."""
    taken = set(generated_paths(views))
    raise_if_any(
        ContentError(
            msg(
                "this page gets the address %(path)s, which the generated "
                "search page or A–Ö index uses"
            ),
            page.location,
            msg("rename the file or give it another slug"),
            path=page.path,
        )
        for page in site.pages
        if page.path in taken
    )


def page_context(
    config: SiteConfig,
    site: Site,
    views: ViewBuilder,
    theme: Theme,
    catalogs: dict[str, NullTranslations | None],
    cache: BuildCache,
    writer: JournaledOutput | None,
    checks: tuple[Shared, Settings] | None,
    base: Baseline,
    settings: Settings,
    today: date,
    focus: frozenset[str] | None,
    statement: Statement | None,
) -> Context:
    """Everything a page job reads, with the digests that tell whether its output stands."""
    full = base.full
    return Context(
        site=site,
        views=views,
        theme=theme,
        catalogs=catalogs,
        renderer=MarkdownRenderer(site, views.language_note, views.ui_lang),
        cache=cache,
        writer=writer,
        shared=checks[0] if checks is not None else None,
        settings=checks[1] if checks is not None else None,
        previous_pages=full.pages if full is not None else {},
        previous_markdown=full.markdown if full is not None else {},
        previous_light=full.light if full is not None else {},
        version=base.version,
        theme_digest=digest_files(base.snapshot, [config.theme_dir]),
        catalog_digests=catalog_digests(base.snapshot, config, catalogs),
        checks_digest=checks_digest(base, config, settings, today, views),
        markdown_digests=markdown_digests(site, views),
        focus=focus,
        adjust=_statement_view(statement, site, views),
    )


def _statement_view(
    statement: Statement | None, site: Site, views: ViewBuilder
) -> Callable[[Page, PageView], PageView] | None:
    """The accessibility statement's page gets its data from data/accessibility.yaml."""
    if statement is None:
        return None

    def adjust(page: Page, view: PageView) -> PageView:
        if page.key != statement.page:
            return view
        unit = site.organisation.get(statement.feedback_unit)
        contact = views.contact_for(unit, page.lang)
        if contact is None:  # the loader made sure the unit exists
            return view
        return statement_page_view(
            view,
            statement,
            contact,
            views.gettext_for(view.ui_lang),
            views.language_note,
            site.source_language,
        )

    return adjust


def jobs(site: Site, views: ViewBuilder) -> list[Job]:
    """One job per output page: every content page, and each language's generated pages."""
    found = [
        Job(page.output_file, page.source, page.lang, page=index)
        for index, page in enumerate(site.pages)
    ]
    for lang in site.languages:  # their addresses, without making their views here
        home = views.home_path(lang)
        for special, path in (
            ("404", home + "404.html"),
            ("index", index_path(home, lang)),
            ("search", search_path(home, lang)),
        ):
            found.append(Job(_output_file(path, ""), special, lang, special=special))
    return found


def _output_file(url: str, prefix: str) -> str:
    rel = url.removeprefix(prefix).lstrip("/")
    return rel + "index.html" if rel.endswith("/") or not rel else rel


def render_pages(
    context: Context,
    jobs: list[Job],
    options: Options,
    staged: JournaledOutput | DryOutput,
    result: BuildResult,
) -> Pages:
    """Run the jobs; publish or keep each page's files, and gather what the checks and the
    cache need from them."""
    pages = Pages(facts=[], bodies={}, errors=[], records=Full())
    batch: list[tuple[str, bytes]] = []
    writer = context.writer
    previous_light = context.previous_light
    workers = 1 if context.focus is not None else workers_for(options.workers)
    result.processes = pagework.processes(len(jobs), workers)
    interned = _Interned()
    for done in pagework.run(context, jobs, workers):
        job = done.job
        record = done.record
        if record is not context.previous_pages.get(job.output):  # (those are shared already)
            record = interned.record(record)
        if writer is None:
            staged.write(job.output, "", job.origin)
        elif done.kept:
            writer.keep(job.output, job.origin)
            writer.keep(job.output + ".gz", "gzip")
        else:
            for prepared in done.prepared:
                writer.register(prepared, job.origin if prepared.rel == job.output else "gzip")
        pages.records.pages[job.output] = record
        if record.facts is not None:
            pages.facts.append(record.facts)
        if done.markdown is not None:
            markdown = done.markdown
            if markdown is not context.previous_markdown.get(job.origin):
                markdown = interned.markdown(markdown)
            pages.records.markdown[job.origin] = markdown
            pages.bodies[job.origin] = done.body_key
            light = interned.light(done.light) if done.light else previous_light.get(job.origin)
            if light is not None:
                pages.records.light[job.origin] = light
        if job.page is not None:
            result.pages += 1
        if done.kept and not done.rendered_markdown and writer is not None:
            continue  # the usual case: nothing new to store or report
        if done.packed is not None:
            batch.append((done.body_key, done.packed))
            if len(batch) >= 200:
                context.cache.store_markdown(batch)
                batch = []
        pages.errors.extend(done.errors)
        result.rendered += done.rendered_template
    context.cache.store_markdown(batch)
    return pages


class _Interned:
    """One object for each value that many pages' facts hold alike.

    Every page links to the menu, the footer and the language versions, and
    carries the theme's ids; each worker's result arrives as new objects, so
    on the 1,000-page corpus 75k links were 11k distinct values and 33k ids
    were 76. Sharing them keeps the build's memory, and the cache's pickle
    (which stores a shared object once), in proportion to what differs.
    """

    def __init__(self) -> None:
        self.links: dict[HtmlLink, HtmlLink] = {}
        self.ids: dict[frozenset[str], frozenset[str]] = {}
        self.strings: dict[str, str] = {}

    def record(self, record: PageRecord) -> PageRecord:
        facts = record.facts
        if facts is None:
            return record
        return replace(record, facts=self.facts(facts))

    def _string(self, text: str) -> str:
        return self.strings.setdefault(text, text)

    def _strings_of(self, item: _Item) -> _Item:
        """`item` with each of its text fields the one shared string of that value."""
        strings = self.strings
        values: dict[str, Any] = {
            f.name: strings.setdefault(v, v) if isinstance(v, str) else v
            for f in fields(item)
            for v in (getattr(item, f.name),)
        }
        return type(item)(**values)

    def light(self, light: Light) -> Light:
        """Headings and links of a newly rendered body. Their texts and addresses recur
        (a heading such as "Kontakt", a page linked from many others): at N = 10,000
        sharing them took these records from 129 to 45 MiB."""
        headings, links, explained = light
        return (
            tuple(self._strings_of(heading) for heading in headings),
            tuple(self._strings_of(link) for link in links),
            tuple(self._string(term) for term in explained),
        )

    def markdown(self, record: MarkdownRecord) -> MarkdownRecord:
        links = tuple((self._string(written), line, image) for written, line, image in record.links)
        return replace(record, links=links)

    def facts(self, facts: PageFacts) -> PageFacts:
        links = self.links
        ids = self.ids.get(facts.ids)
        if ids is None:
            ids = self.ids[facts.ids] = frozenset(self._string(i) for i in facts.ids)
        return replace(
            facts, links=tuple(links.setdefault(link, link) for link in facts.links), ids=ids
        )
