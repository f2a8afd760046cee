"""`site.yaml`: the site's configuration, validated into a frozen `SiteConfig`.

All problems in the file are collected and reported together. Keys the
generator does not know are reported as warnings (a typo should not pass
silently, but a site written for a newer version should still build).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import tzinfo
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError

from .errors import BuildFailed, ConfigError, Location, SiteBuilderError, msg
from .files import load_yaml_file, top_key_lines

CONFIG_FILE = "site.yaml"
#: Default keys of the pages about language (`language_pages` in site.yaml).
LANGUAGE_PAGES = {
    "other_languages": "andra-sprak",
    "easy_to_read": "lattlast",
    "sign_language": "teckensprak",
}
_LANGUAGE_CODE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
PACKAGE_DIR = Path(__file__).resolve().parent
#: Where shipped themes and catalogs live: inside an installed wheel, or beside
#: the package in a source checkout (editable install).
SHIPPED_ROOTS = (PACKAGE_DIR / "_shipped", PACKAGE_DIR.parent)

KNOWN_KEYS = frozenset(
    {
        "title",
        "base_url",
        "languages",
        "theme",
        "news_section",
        "contact_unit",
        "org_number",
        "required_translations",
        "review_after_months",
        "timezone",
        "language_pages",
        "language_names",
        "checks",
    }
)


@dataclass(frozen=True)
class SiteConfig:
    """Everything the build reads from `site.yaml`, plus resolved paths."""

    root: Path
    """The site's folder: `site.yaml`, `content/`, `data/` are inside."""
    title: Mapping[str, str]
    """The site's name per language."""
    base_url: str
    """Absolute URL of the published site, without trailing slash."""
    languages: tuple[str, ...]
    """Main languages; the first is the source language every page exists in."""
    theme: str
    theme_dir: Path
    locale_dirs: tuple[Path, ...]
    """Catalog folders, most specific first: the site's own, then the theme's."""
    news_section: str = "nyheter"
    """Top-level section whose pages are news items (listed by date, in feeds)."""
    contact_unit: str | None = None
    """Organisation unit shown in the footer; the first unit when not set."""
    org_number: str | None = None
    required_translations: tuple[str, ...] = ()
    """Page keys (`kontakt`, `kommun/informationspolicy`, `` for home) that must exist
    in every main language."""
    review_after_months: int = 12
    timezone: str = "Europe/Stockholm"
    """IANA time zone for times written without an offset (`publish_at`, alerts) and
    for the times of day shown to readers."""
    language_pages: Mapping[str, str] = field(default_factory=lambda: dict(LANGUAGE_PAGES))
    """Keys of the pages about language: `other_languages` (lists the pages in languages
    beyond the main ones), `easy_to_read` and `sign_language` (the sections holding the
    easy-to-read Swedish and sign language versions of pages). Each is linked from the
    header of every page when it exists."""
    language_names: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    """Languages Babel has no data for (Meänkieli `fit`): code → (name in itself, direction)."""
    checks: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    """Per rule id: `severity` (error, warning, off) and the rule's own options;
    validated by the checks, which know the rules."""
    warnings: tuple[SiteBuilderError, ...] = field(default=(), compare=False)

    @property
    def source_language(self) -> str:
        return self.languages[0]

    def knows_language(self, code: str) -> bool:
        """A main language, one named in `language_names`, or one Babel has data for."""
        return code in self.languages or code in self.language_names or is_known_language(code)

    @property
    def tz(self) -> tzinfo:
        return ZoneInfo(self.timezone)

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def url_prefix(self) -> str:
        """The path part of `base_url` ("" at a domain root), prepended to every link."""
        return urlsplit(self.base_url).path.rstrip("/")


def load_config(root: Path) -> SiteConfig:
    """Read and validate `site.yaml` in `root`; raise `BuildFailed` listing every problem."""
    root = root.resolve()
    path = root / CONFIG_FILE
    where = Location(CONFIG_FILE)
    if not path.is_file():
        raise ConfigError(
            msg("there is no %(file)s in %(folder)s"),
            where,
            msg("run the command in the site's folder, or give it with --site DIR"),
            file=CONFIG_FILE,
            folder=root,
        )
    raw = load_yaml_file(path, root)
    if not isinstance(raw, dict):
        raise ConfigError(
            msg("site.yaml must be a mapping of keys to values"),
            where,
            msg("write one setting per line, like title: Hällefors kommun"),
        )

    errors: list[SiteBuilderError] = []
    warnings: list[SiteBuilderError] = []
    lines = top_key_lines(path)

    def fail(key: str, message: str, hint: str | None = None, **fields: object) -> None:
        """`message` and `hint` are msg() ids; the error points at the line of `key`."""
        errors.append(ConfigError(message, where.at_line(lines.get(key)), hint, **fields))

    for key in sorted(set(raw) - KNOWN_KEYS, key=str):
        warnings.append(
            ConfigError(
                msg("unknown key '%(key)s' is ignored"),
                where.at_line(lines.get(str(key))),
                msg("known keys: %(known)s"),
                key=key,
                known=", ".join(sorted(KNOWN_KEYS)),
            )
        )

    languages = _languages(raw.get("languages"), fail)
    title = _title(raw.get("title"), languages, fail)
    base_url = raw.get("base_url")
    if not isinstance(base_url, str) or not urlsplit(base_url).scheme.startswith("http"):
        fail(
            "base_url",
            msg("'base_url' must be the site's full address, beginning with https://"),
            msg("for example: base_url: https://www.hellefors.se"),
        )
        base_url = "http://localhost"
    theme = raw.get("theme", "hellefors")
    theme_dir: Path | None = None
    if not isinstance(theme, str) or not theme:
        fail(
            "theme",
            msg("'theme' must be the name of a theme folder"),
            msg("for example: theme: hellefors"),
        )
        theme = "hellefors"
    else:
        theme_dir = find_theme(root, theme)
        if theme_dir is None:
            fail(
                "theme",
                msg("the theme '%(theme)s' was not found"),
                msg("put it in %(folder)s or use a shipped theme: hellefors"),
                theme=theme,
                folder=root / "themes" / theme,
            )

    news_section = raw.get("news_section", "nyheter")
    if not isinstance(news_section, str):
        fail(
            "news_section",
            msg("'news_section' must be the name of a top-level folder in content/"),
            msg("for example: news_section: nyheter"),
        )
        news_section = "nyheter"
    required = raw.get("required_translations", [])
    if not isinstance(required, list) or not all(isinstance(k, str) for k in required):
        fail(
            "required_translations",
            msg("'required_translations' must be a list of page paths"),
            msg("for example: ['', kontakt, kommun/informationspolicy] ('' is the home page)"),
        )
        required = []
    review_after = raw.get("review_after_months", 12)
    if not isinstance(review_after, int) or review_after < 1:
        fail(
            "review_after_months",
            msg("'review_after_months' must be a whole number of months"),
            msg("for example: review_after_months: 12"),
        )
        review_after = 12
    contact_unit = raw.get("contact_unit")
    if contact_unit is not None and not isinstance(contact_unit, str):
        fail(
            "contact_unit",
            msg("'contact_unit' must be a unit id from data/organisation.yaml"),
            msg("for example: contact_unit: medborgarplats"),
        )
        contact_unit = None
    org_number = raw.get("org_number")
    timezone = raw.get("timezone", "Europe/Stockholm")
    if not _is_timezone(timezone):
        fail(
            "timezone",
            msg("'timezone' must be an IANA time zone name, not %(value)s"),
            msg("for example: timezone: Europe/Stockholm"),
            value=repr(timezone),
        )
        timezone = "Europe/Stockholm"
    language_pages = _language_pages(raw.get("language_pages", {}), fail)
    language_names = _language_names(raw.get("language_names", {}), fail)
    checks = raw.get("checks", {})
    if not isinstance(checks, dict) or not all(
        isinstance(k, str) and isinstance(v, dict) for k, v in checks.items()
    ):
        fail(
            "checks",
            msg("'checks' must map rule ids to settings"),
            msg("for example: checks: {lix: {severity: error, max: 45}}"),
        )
        checks = {}

    if errors or theme_dir is None:
        raise BuildFailed(errors)
    return SiteConfig(
        root=root,
        title=title,
        base_url=base_url.rstrip("/"),
        languages=languages,
        theme=theme,
        theme_dir=theme_dir,
        locale_dirs=_locale_dirs(root, theme_dir),
        news_section=news_section.strip("/"),
        contact_unit=contact_unit,
        org_number=str(org_number) if org_number is not None else None,
        required_translations=tuple(k.strip("/") for k in required),
        review_after_months=review_after,
        timezone=timezone,
        language_pages=language_pages,
        language_names=language_names,
        checks={k: dict(v) for k, v in checks.items()},
        warnings=tuple(warnings),
    )


def _languages(value: Any, fail: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        fail(
            "languages",
            msg("'languages' must be a list of language codes, the source language first"),
            msg("for example: languages: [sv, fi, en]"),
        )
        return ("sv",)
    for code in value:
        if not is_known_language(code):
            fail(
                "languages",
                msg("'%(code)s' in 'languages' is not a language code Babel knows"),
                msg("use ISO 639 codes, like sv, fi, en"),
                code=code,
            )
    if len(set(value)) != len(value):
        fail(
            "languages",
            msg("'languages' lists a language twice"),
            msg("remove the second one"),
        )
    return tuple(value)


def _title(value: Any, languages: tuple[str, ...], fail: Any) -> dict[str, str]:
    if isinstance(value, str):
        return dict.fromkeys(languages, value)
    if not isinstance(value, dict):
        fail(
            "title",
            msg("'title' must give the site's name per language"),
            msg("for example: title: {sv: …, fi: …, en: …}"),
        )
        return dict.fromkeys(languages, "")
    missing = [lang for lang in languages if not isinstance(value.get(lang), str)]
    if missing:
        fail(
            "title",
            msg("'title' has no text for %(languages)s"),
            msg("add the site's name in each language"),
            languages=", ".join(missing),
        )
    return {str(k): str(v) for k, v in value.items()}


def _is_timezone(name: Any) -> bool:
    if not isinstance(name, str) or not name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def _language_pages(value: Any, fail: Any) -> dict[str, str]:
    pages = dict(LANGUAGE_PAGES)
    if not isinstance(value, dict) or not all(
        key in LANGUAGE_PAGES and isinstance(v, str) for key, v in value.items()
    ):
        fail(
            "language_pages",
            msg("'language_pages' must map some of %(keys)s to a page path"),
            msg("for example: language_pages: {other_languages: andra-sprak}"),
            keys=", ".join(LANGUAGE_PAGES),
        )
        return pages
    pages.update({key: v.strip("/") for key, v in value.items()})
    return pages


def _language_names(value: Any, fail: Any) -> dict[str, tuple[str, str]]:
    """`{fit: Meänkieli}` or `{xx: {name: …, dir: rtl}}`, for codes Babel does not know."""
    hint = msg("for example: language_names: {fit: Meänkieli}  (the language named in itself)")
    key = "language_names"
    if not isinstance(value, dict):
        fail(key, msg("'language_names' must map language codes to their names"), hint)
        return {}
    names: dict[str, tuple[str, str]] = {}
    for code, spec in value.items():
        name, direction = (spec, "ltr") if isinstance(spec, str) else (None, None)
        if isinstance(spec, dict):
            name, direction = spec.get("name"), spec.get("dir", "ltr")
        if not isinstance(code, str) or not _LANGUAGE_CODE.match(code):
            fail(
                key,
                msg("'%(code)s' in 'language_names' is not a language code (like fit or rmy)"),
                hint,
                code=code,
            )
        elif not isinstance(name, str) or not name or direction not in ("ltr", "rtl"):
            fail(
                key,
                msg("'language_names' needs a name (and dir: ltr or rtl) for '%(code)s'"),
                hint,
                code=code,
            )
        else:
            names[code] = (name, direction)
    return names


def is_known_language(code: str) -> bool:
    """True when Babel has locale data for the code (`sv`, `fi`, `ar`, `se`, …)."""
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        return False
    return True


def find_theme(root: Path, name: str) -> Path | None:
    """The site's own `themes/NAME`, else a theme that ships with site_builder."""
    for base in (root, *SHIPPED_ROOTS):
        candidate = base / "themes" / name
        if (candidate / "templates").is_dir():
            return candidate.resolve()
    return None


def _locale_dirs(root: Path, theme_dir: Path) -> tuple[Path, ...]:
    """The site's `locales/` overrides the catalogs shipped beside the theme."""
    dirs: list[Path] = []
    own = root / "locales"
    if own.is_dir():
        dirs.append(own.resolve())
    shipped = theme_dir.parent.parent / "locales"
    if shipped.is_dir() and shipped.resolve() not in dirs:
        dirs.append(shipped.resolve())
    return tuple(dirs)
