"""Every output page, made once: Markdown, view, template, checks, `.gz`; in parallel.

Each page is a job that a worker process does on its own, so a build uses
every core and gives the same bytes as one that uses one (results are taken
in page order). A job skips whatever it can prove unchanged:

- the Markdown of a page is reused from the cache while its text, its
  language's glossary and notes, and the outcome of every link in it are what
  they were (`MarkdownRenderer.outcome`);
- the template is not rendered when the page's *fingerprint* is what it was:
  a digest of the whole view the template would get (every title, link, menu
  entry and message on the page, with the Markdown's cache key standing in
  for the body), the theme's files, the language's catalog and the generator;
  the view is cheap to make, and comparing it is exact, so nothing that a page
  shows can change without the page being rebuilt;
- the checks are not run again on HTML they have seen, with the same sources
  and the same site-wide inputs.

Workers are forked: they share the site model with the parent for free, and
write new files straight into the pending area of the output.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from babel.support import NullTranslations

from .buildcache import (
    BuildCache,
    Light,
    MarkdownRecord,
    PageRecord,
    light_of,
    markdown_key,
    pack_markdown,
)
from .checks import PageFacts, Settings, Shared, check_page, page_input
from .compress import gzip_bytes
from .errors import SiteBuilderError
from .journal import JournaledOutput, Prepared
from .markdown import MarkdownRenderer, RenderedMarkdown
from .model import Page, Site
from .special_views import index_view, search_view
from .templates import Theme
from .views import PageView, ViewBuilder

PLACEHOLDER = "\x00body\x00"
"""Stands in for the body in the view that is fingerprinted (the body's key is added)."""
#: Below this many pages a build runs in one process: forking costs more than it saves.
PARALLEL_FROM = 200
CHUNK = 16
#: A worker is replaced after this many chunks. Each page a worker reads (its text,
#: its section's pages) becomes a private copy of memory it shared with the parent, so
#: a long-lived worker grows towards a copy of the whole site (+100 MiB a worker at
#: N = 10,000); a fresh fork shares it all again.
WORKER_CHUNKS = 64


@dataclass(frozen=True)
class Job:
    """One output page: a content page (`page` indexes `site.pages`) or a generated one."""

    output: str
    origin: str
    lang: str
    page: int | None = None
    special: str = ""
    """`404`, `index` (A–Ö) or `search` for pages the generator makes itself."""


@dataclass(frozen=True)
class Done:
    job: Job
    record: PageRecord
    prepared: tuple[Prepared, ...]
    """The HTML and its `.gz`, as prepared in the pending area (empty when kept)."""
    kept: bool
    markdown: MarkdownRecord | None
    body_key: str
    packed: bytes | None
    """Newly rendered Markdown, packed for the cache."""
    errors: tuple[SiteBuilderError, ...]
    rendered_markdown: bool
    rendered_template: bool
    light: Light | None = None
    """Headings, links and terms of a body rendered by this job (else: the cache's)."""


@dataclass
class Context:
    """Everything a job reads; set before the workers fork, so they share it."""

    site: Site
    views: ViewBuilder
    theme: Theme
    catalogs: Mapping[str, NullTranslations | None]
    renderer: MarkdownRenderer
    cache: BuildCache
    writer: JournaledOutput | None
    shared: Shared | None
    settings: Settings | None
    previous_pages: Mapping[str, PageRecord]
    previous_markdown: Mapping[str, MarkdownRecord]
    previous_light: Mapping[str, Light]
    version: str
    theme_digest: str
    catalog_digests: Mapping[str, str]
    checks_digest: str
    markdown_digests: Mapping[str, str]
    """Per language: glossary, language notes, URL prefix: what a body depends on besides
    its text and its links."""
    adjust: Callable[[Page, PageView], PageView] | None = None
    """A last touch to a content page's view (the accessibility statement's data)."""
    focus: frozenset[str] | None = None
    """When only the text of some pages changed: their keys. Every other page is kept as
    it is without even making its view (see `body_only_changes`)."""


_CONTEXT: Context | None = None


def run(context: Context, jobs: Sequence[Job], workers: int) -> Iterator[Done]:
    """Do every job; results come in the order of `jobs` whatever the number of workers."""
    global _CONTEXT
    _CONTEXT = context
    try:
        if processes(len(jobs), workers) == 1:
            for job in jobs:
                yield work(context, job)
            return
        chunks = [jobs[i : i + CHUNK] for i in range(0, len(jobs), CHUNK)]
        fork = multiprocessing.get_context("fork")
        context.theme.preload()
        gc.freeze()  # the collector would otherwise copy every shared object it visits
        try:
            with fork.Pool(
                workers, initializer=_start_worker, maxtasksperchild=WORKER_CHUNKS
            ) as pool:
                for done in pool.imap(_work_chunk, chunks):
                    yield from done
        finally:
            gc.unfreeze()
    finally:
        _CONTEXT = None


def processes(jobs: int, workers: int) -> int:
    """How many processes `run` uses for this many jobs."""
    return 1 if workers <= 1 or jobs < PARALLEL_FROM else workers


def workers_for(requested: int | None) -> int:
    if requested is not None:
        return max(1, requested)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def _start_worker() -> None:
    assert _CONTEXT is not None
    _CONTEXT.cache.detach()  # never share the parent's database connection


def _work_chunk(jobs: Sequence[Job]) -> list[Done]:
    assert _CONTEXT is not None
    return [work(_CONTEXT, job) for job in jobs]


def work(ctx: Context, job: Job) -> Done:
    page = ctx.site.pages[job.page] if job.page is not None else None
    if ctx.focus is not None and (page is None or page.key not in ctx.focus):
        kept = _keep_unseen(ctx, job, page)
        if kept is not None:
            return kept
    body: RenderedMarkdown | None = None
    record: MarkdownRecord | None = None
    body_key = ""
    packed: bytes | None = None
    rendered_markdown = False
    if page is not None:
        record, body_key, body = _markdown(ctx, page)
        if body is not None:
            rendered_markdown = True
            packed = pack_markdown(body)
    view = _view(ctx, job, page)
    fingerprint = _digest(
        ctx.version,
        ctx.theme_digest,
        ctx.catalog_digests.get(view.ui_lang, ""),
        body_key,
        repr(view),
    )
    previous = ctx.previous_pages.get(job.output)
    writer = ctx.writer
    gz = job.output + ".gz"
    errors = body.errors if body is not None else ()
    if (
        previous is not None
        and previous.fingerprint == fingerprint
        and (writer is None or (writer.current(job.output, previous.digest) and writer.current(gz)))
    ):
        facts_key = _facts_key(ctx, previous.digest, page, body_key)
        facts = previous.facts if previous.facts_key == facts_key else None
        if facts is None and ctx.settings is not None:
            html = _published_html(ctx, job)
            if html is None:  # cannot read it back: make it again
                return _render(ctx, job, page, view, fingerprint, record, body_key, body, packed)
            body = body or _body(ctx, page, body_key)
            facts = _check(ctx, job, page, body, html)
        return Done(
            job=job,
            record=PageRecord(fingerprint, previous.digest, facts_key, facts),
            prepared=(),
            kept=True,
            markdown=record,
            body_key=body_key,
            packed=packed,
            errors=errors,
            rendered_markdown=rendered_markdown,
            rendered_template=False,
            light=light_of(body) if packed is not None and body is not None else None,
        )
    return _render(ctx, job, page, view, fingerprint, record, body_key, body, packed)


def _keep_unseen(ctx: Context, job: Job, page: Page | None) -> Done | None:
    """A page outside the focus: the same as last time, if the output still holds it."""
    previous = ctx.previous_pages.get(job.output)
    writer = ctx.writer
    if previous is None or writer is None:
        return None
    if not (writer.current(job.output, previous.digest) and writer.current(job.output + ".gz")):
        return None
    record = ctx.previous_markdown.get(page.source) if page is not None else None
    if page is not None and record is None:
        return None
    if (ctx.settings is None) != (previous.facts is None):
        return None
    return Done(
        job=job,
        record=previous,
        prepared=(),
        kept=True,
        markdown=record,
        body_key=record.body_key if record is not None else "",
        packed=None,
        errors=(),
        rendered_markdown=False,
        rendered_template=False,
    )


def signature(page: Page) -> str:
    """What other pages can show of `page`: everything but its body (and the file's digest).

    The invariant `body_only_changes` relies on: no view, link or generated page
    reads another page's body, only its front matter, address and language.
    """
    return _digest(repr((page.key, page.lang, page.is_section, page.path, page.meta)))


def body_only_changes(
    site: Site,
    now: Mapping[str, tuple[str, str]],
    previous: Mapping[str, tuple[str, str]],
) -> frozenset[str] | None:
    """The keys of the pages whose text alone changed, or None if anything else did.

    `now` and `previous` map each source to (signature, file digest). The same
    pages as last time, each with the same signature: then a page's output can
    change only if its own text changed, or a version of it in another language
    did (a translation shows when its source page changed).
    """
    if len(previous) != len(now):
        return None
    changed: set[str] = set()
    for page in site.pages:
        before = previous.get(page.source)
        after = now[page.source]
        if before is None or before[0] != after[0]:
            return None
        if before[1] != after[1]:
            changed.add(page.key)
    return frozenset(changed)


def _render(
    ctx: Context,
    job: Job,
    page: Page | None,
    view: PageView,
    fingerprint: str,
    record: MarkdownRecord | None,
    body_key: str,
    body: RenderedMarkdown | None,
    packed: bytes | None,
) -> Done:
    rendered_markdown = packed is not None
    if page is not None and body is None:
        body = _body(ctx, page, body_key)
        if body is None:  # the cache lost it: render again
            body = ctx.renderer.render(page)
            packed = pack_markdown(body)
            rendered_markdown = True
    if body is not None:
        view = replace(view, content=body.html)
    html = ctx.theme.render(view, ctx.catalogs.get(view.ui_lang) or NullTranslations())
    data = html.encode("utf-8")
    digest = hashlib.sha1(data, usedforsecurity=False).hexdigest()
    prepared: tuple[Prepared, ...] = ()
    if ctx.writer is not None:
        main = ctx.writer.prepare(job.output, data)
        gz = job.output + ".gz"
        if main.record is not None and ctx.writer.current(gz):
            zipped = Prepared(gz, "", ctx.writer.previous[gz])
        else:
            zipped = ctx.writer.prepare(gz, gzip_bytes(data))
        prepared = (main, zipped)
    previous = ctx.previous_pages.get(job.output)
    facts_key = _facts_key(ctx, digest, page, body_key)
    facts: PageFacts | None = None
    if previous is not None and previous.facts_key == facts_key:
        facts = previous.facts
    elif ctx.settings is not None:
        facts = _check(ctx, job, page, body, html)
    return Done(
        job=job,
        record=PageRecord(fingerprint, digest, facts_key, facts),
        prepared=prepared,
        kept=False,
        markdown=record,
        body_key=body_key,
        packed=packed,
        errors=body.errors if body is not None else (),
        rendered_markdown=rendered_markdown,
        rendered_template=True,
        light=light_of(body) if packed is not None and body is not None else None,
    )


def _view(ctx: Context, job: Job, page: Page | None) -> PageView:
    if page is not None:
        view = ctx.views.page_view(page, PLACEHOLDER)
        return ctx.adjust(page, view) if ctx.adjust is not None else view
    if job.special == "404":
        view = ctx.views.not_found_view(job.lang)
    elif job.special == "index":
        view = index_view(ctx.views, job.lang)
    elif job.special == "search":
        view = search_view(ctx.views, job.lang)
    else:
        raise ValueError(f"unknown generated page {job.special!r}")
    rel = view.url.removeprefix(ctx.site.config.url_prefix).lstrip("/")
    if (rel + "index.html" if rel.endswith("/") or not rel else rel) != job.output:
        raise ValueError(f"the {job.special} page's address {view.url} is not {job.output}")
    return view


def _markdown(ctx: Context, page: Page) -> tuple[MarkdownRecord, str, RenderedMarkdown | None]:
    """The page's Markdown record and body key; the body too when it had to be rendered."""
    text_key = _digest(
        ctx.version,
        page.source,
        page.lang,
        str(page.body_line),
        ctx.site.variant_kind(page.key) or "",
        ctx.markdown_digests.get(page.lang, ""),
        page.body,
    )
    previous = ctx.previous_markdown.get(page.source)
    if previous is not None and previous.key == text_key:
        now = tuple(
            (written, line, is_image, ctx.renderer.outcome(page, written, line, is_image))
            for written, line, is_image in previous.links
        )
        if markdown_key(text_key, now) == previous.body_key:
            return previous, previous.body_key, None
    body = ctx.renderer.render(page)
    record = MarkdownRecord.of(
        text_key,
        (
            (link.written, link.line, link.is_image,
             ctx.renderer.outcome(page, link.written, link.line, link.is_image))
            for link in body.links
        ),
    )  # fmt: skip
    return record, record.body_key, body


def _body(ctx: Context, page: Page | None, body_key: str) -> RenderedMarkdown | None:
    if page is None:
        return None
    return ctx.cache.markdown(body_key)


def _published_html(ctx: Context, job: Job) -> str | None:
    if ctx.writer is None:
        return None
    try:
        return (ctx.writer.out_dir / job.output).read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _check(
    ctx: Context, job: Job, page: Page | None, body: RenderedMarkdown | None, html: str
) -> PageFacts | None:
    if ctx.settings is None or ctx.shared is None:
        return None
    subject = page_input(job.output, job.lang, page, body, html, ctx.shared)
    return check_page(subject, ctx.settings)


def _facts_key(ctx: Context, digest: str, page: Page | None, body_key: str) -> str:
    if ctx.settings is None:
        return ""
    source = ctx.site.source_page(page.key).digest if page is not None else ""
    return _digest(
        ctx.checks_digest, digest, page.digest if page is not None else "", source, body_key
    )


def _digest(*parts: str) -> str:
    h = hashlib.sha1(usedforsecurity=False)
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def digest_files(paths: Mapping[str, tuple[int, int]], roots: Sequence[Path]) -> str:
    """A digest of the snapshot entries under `roots` (names, sizes, mtimes)."""
    prefixes = tuple(str(root) for root in roots)
    h = hashlib.sha1(usedforsecurity=False)
    for path in sorted(p for p in paths if p.startswith(prefixes)):
        h.update(f"{path}:{paths[path]}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def text_digest(parts: Sequence[Any]) -> str:
    return _digest(*(repr(part) for part in parts))
