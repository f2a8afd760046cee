"""The theme's Jinja environment: one per build, shared by every language.

The interface language follows the page being rendered: the gettext
callables read the translations from the render context, so templates are
compiled once, not once per language.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping
from typing import Any

import jinja2
from babel.support import NullTranslations
from jinja2 import pass_context
from jinja2.runtime import Context

from .config import SiteConfig
from .errors import Location, TemplateError, msg
from .views import PageView

TEMPLATE_FOR_KIND = {
    "home": "home.html",
    "section": "section.html",
    "page": "page.html",
    "news_list": "news_list.html",
    "other_languages": "other_languages.html",
    "sign_language": "sign_language.html",
    "news_item": "news_item.html",
    "404": "404.html",
    "search": "search.html",
    "index": "az_index.html",
    "accessibility_statement": "accessibility_statement.html",
}


@pass_context
def _gettext(context: Context, message: str) -> str:
    translations: NullTranslations = context["translations"]
    return translations.gettext(message)


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    translations: NullTranslations = context["translations"]
    return translations.ngettext(singular, plural, n)


@pass_context
def _pgettext(context: Context, ctx: str, message: str) -> str:
    translations: NullTranslations = context["translations"]
    return str(translations.pgettext(ctx, message))


@pass_context
def _npgettext(context: Context, ctx: str, singular: str, plural: str, n: int) -> str:
    translations: NullTranslations = context["translations"]
    return str(translations.npgettext(ctx, singular, plural, n))


class Theme:
    """Loads the theme's templates and renders page views to HTML."""

    def __init__(self, config: SiteConfig, asset_url: Callable[[str], str]) -> None:
        self.config = config
        self.env = jinja2.Environment(
            loader=jinja2.FileSystemLoader(str(config.theme_dir / "templates")),
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            extensions=["jinja2.ext.i18n"],
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            # A Theme lives for one build, or for as long as the theme's files are
            # unchanged (the preview server makes a new one when they change), so
            # Jinja need not stat every included template on every page.
            auto_reload=False,
        )
        self.env.install_gettext_callables(  # type: ignore[attr-defined]
            _gettext, _ngettext, newstyle=True, pgettext=_pgettext, npgettext=_npgettext
        )
        self.env.globals["asset"] = asset_url

    def preload(self) -> None:
        """Compile every page template now, before worker processes fork, so that each
        worker (and each one started to replace a worker) shares them instead of
        compiling its own. A template that cannot be compiled is left for `render`,
        which says what is wrong with it."""
        for name in sorted(set(TEMPLATE_FOR_KIND.values())):
            with contextlib.suppress(jinja2.TemplateError):
                self.env.get_template(name)

    def render(
        self, view: PageView, translations: NullTranslations, extra: Mapping[str, Any] | None = None
    ) -> str:
        name = TEMPLATE_FOR_KIND[view.kind]
        try:
            template = self.env.get_template(name)
            return template.render(page=view, translations=translations, **(extra or {}))
        except jinja2.TemplateSyntaxError as exc:
            raise TemplateError(
                msg("the template cannot be read (Jinja says: %(problem)s)"),
                Location(self._theme_path(exc.filename or name), exc.lineno),
                msg(
                    "fix the template syntax on this line: every {%% if %%}, {%% for %%} and "
                    "{%% block %%} needs its {%% end… %%}, and every {{ needs its }}"
                ),
                problem=exc.message,
            ) from None
        except jinja2.TemplateNotFound as exc:
            raise TemplateError(
                msg("the theme has no template %(name)s"),
                Location(self._theme_path(name)),
                msg("add templates/%(name)s to the theme"),
                name=exc.name,
            ) from None
        except jinja2.UndefinedError as exc:
            raise TemplateError(
                msg("while rendering %(page)s: %(problem)s"),
                Location(self._theme_path(name)),
                msg("the template uses a value the page does not have"),
                page=view.source or view.url,
                problem=exc.message,
            ) from None

    def _theme_path(self, filename: str) -> str:
        theme_root = self.config.theme_dir
        try:
            rel = (theme_root / "templates" / filename).resolve().relative_to(self.config.root)
            return rel.as_posix()
        except ValueError:
            return f"themes/{self.config.theme}/templates/{filename}"
