"""Checks on easy-to-read and sign language pages: what they name must exist.

An easy-to-read (lättläst) or sign language page lives in its own section
(`content/lattlast/`, `content/teckensprak/`) and names the source page it
is a version of in `variant_of`, as a path relative to itself, the way links
are written. A sign language page is built around a video with captions.
"""

from __future__ import annotations

import posixpath
from collections.abc import Set

from ..errors import ContentError, SiteBuilderError, msg
from ..model import Page, Site

VIDEO_TYPES = {".mp4": "video/mp4", ".webm": "video/webm"}


def check_variants(site: Site, read_sources: Set[str]) -> list[SiteBuilderError]:
    """Every problem with `variant_of`, `video` and `captions`, located at its line.

    `read_sources` are all page files read, so that a page held back until its
    publication time is not reported as missing.
    """
    errors: list[SiteBuilderError] = []
    assets = {asset.source for asset in site.assets}
    sections = {
        kind: site.config.language_pages.get(kind) for kind in ("easy_to_read", "sign_language")
    }
    attached: dict[tuple[str, str], Page] = {}
    for page in site.pages:
        kind = site.variant_kind(page.key)
        meta = page.meta
        if meta.variant_of:
            path = resolve(page, meta.variant_of)
            if kind is None:
                errors.append(
                    ContentError(
                        msg("'variant_of' is only for easy-to-read and sign language pages"),
                        page.line_of("variant_of"),
                        msg("put the page in %(folders)s, or remove the line"),
                        folders=" | ".join(f"content/{s}/" for s in sections.values() if s),
                    )
                )
            elif path not in read_sources:
                errors.append(
                    ContentError(
                        msg("'variant_of' names a page that does not exist (%(path)s)"),
                        page.line_of("variant_of"),
                        msg(
                            "give the path of the Swedish page, relative to this file, "
                            "like ../utbildning/forskola.sv.md"
                        ),
                        path=path,
                    )
                )
            elif not path.endswith(f".{site.source_language}.md"):
                errors.append(
                    ContentError(
                        msg("'variant_of' must name a %(code)s page: %(path)s"),
                        page.line_of("variant_of"),
                        msg("easy-to-read and sign language pages are versions of the source page"),
                        code=site.source_language,
                        path=path,
                    )
                )
            elif (target := site.variant_target(page)) is not None:
                twin = attached.setdefault((target, kind), page)
                if twin is not page:
                    errors.append(
                        ContentError(
                            msg("%(other)s is already this kind of version of %(path)s"),
                            page.line_of("variant_of"),
                            msg("keep one of them, or attach this one to another page"),
                            other=twin.source,
                            path=path,
                        )
                    )
        errors += _check_video(site, page, kind, assets)
    return errors


def _check_video(
    site: Site, page: Page, kind: str | None, assets: Set[str]
) -> list[SiteBuilderError]:
    meta = page.meta
    if not meta.video and not meta.captions:
        return []
    errors: list[SiteBuilderError] = []
    if kind != "sign_language":
        key = "video" if meta.video else "captions"
        errors.append(
            ContentError(
                msg("'%(key)s' is only for sign language pages"),
                page.line_of(key),
                msg("put the page in %(folder)s"),
                key=key,
                folder=f"content/{site.config.language_pages.get('sign_language')}/",
            )
        )
        return errors
    if not meta.video:
        return [
            ContentError(
                msg("'captions' without a 'video'"),
                page.line_of("captions"),
                msg("add video: FILE, the video's file beside the page"),
            )
        ]
    video = resolve(page, meta.video)
    if posixpath.splitext(video)[1].lower() not in VIDEO_TYPES:
        errors.append(
            ContentError(
                msg("the video must be an MP4 or WebM file: %(file)s"),
                page.line_of("video"),
                msg("export the video as .mp4 (H.264) or .webm"),
                file=meta.video,
            )
        )
    elif video not in assets:
        errors.append(
            ContentError(
                msg("the video file does not exist: %(file)s"),
                page.line_of("video"),
                msg("put the file beside the page and give its name"),
                file=video,
            )
        )
    if not meta.captions:
        errors.append(
            ContentError(
                msg("a video needs captions"),
                page.line_of("video"),
                msg("add captions: FILE.vtt, a WebVTT file with the Swedish text (WCAG 1.2.2)"),
            )
        )
    else:
        captions = resolve(page, meta.captions)
        if not captions.endswith(".vtt") or captions not in assets:
            errors.append(
                ContentError(
                    msg("the captions must be a WebVTT file beside the page: %(file)s"),
                    page.line_of("captions"),
                    msg("save the captions as FILE.vtt next to the page"),
                    file=meta.captions,
                )
            )
    return errors


def resolve(page: Page, written: str) -> str:
    """A path written in a page's front matter, relative to the page, as a site path."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(page.source), written))
