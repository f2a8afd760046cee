"""Data files that only the checks read: plain words, and the theme's colour tokens.

Read once per build, with located errors, and handed to the checks, which
do no I/O of their own.

- `data/plain-words.yaml`: officialese and the plain word to use instead,
  per language. A site without its own list gets the one that ships with
  site_builder.
- `static/tokens.css` in the theme: the colours, and the comment block
  "contrast pairs" that names each text/background pair the theme uses. The
  file stays the single place where colours live; the contrast check reads
  the pairs from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .config import SHIPPED_ROOTS, SiteConfig
from .errors import BuildFailed, ConfigError, Location, SiteBuilderError, msg
from .files import load_yaml_file, read_text, relative

PLAIN_WORDS_FILE = "data/plain-words.yaml"
TOKENS_FILE = "static/tokens.css"
_PAIR = re.compile(
    r"^\s*\*?\s*(?P<kind>text|large-text|interface)\s*:\s*(?P<fg>--[\w-]+)\s+on\s+(?P<bg>--[\w-]+)"
)
_TOKEN = re.compile(r"(?P<name>--[\w-]+)\s*:\s*(?P<value>[^;]+);")


@dataclass(frozen=True)
class PlainWord:
    """A word or phrase to avoid, the forms it takes, and what to write instead."""

    lang: str
    word: str
    forms: tuple[str, ...]
    """Every form to look for, the word itself first."""
    use: str
    line: int | None = None


@dataclass(frozen=True)
class ContrastPair:
    kind: str
    """`text` (4.5:1), `large-text` or `interface` (3:1)."""
    foreground: str
    background: str
    line: int


@dataclass(frozen=True)
class Tokens:
    """The theme's colour tokens and the pairs it promises to keep readable."""

    path: str
    values: dict[str, str]
    lines: dict[str, int]
    pairs: tuple[ContrastPair, ...]


@dataclass(frozen=True)
class CheckData:
    plain_words: dict[str, tuple[PlainWord, ...]] = field(default_factory=dict)
    tokens: Tokens | None = None


def load_check_data(config: SiteConfig) -> CheckData:
    errors: list[SiteBuilderError] = []
    plain = load_plain_words(config, errors)
    tokens = load_tokens(config)
    if errors:
        raise BuildFailed(errors)
    return CheckData(plain_words=plain, tokens=tokens)


def plain_words_path(config: SiteConfig) -> Path | None:
    own = config.root / PLAIN_WORDS_FILE
    if own.is_file():
        return own
    for base in SHIPPED_ROOTS:
        shipped = base / PLAIN_WORDS_FILE
        if shipped.is_file():
            return shipped
    return None


def load_plain_words(
    config: SiteConfig, errors: list[SiteBuilderError]
) -> dict[str, tuple[PlainWord, ...]]:
    path = plain_words_path(config)
    if path is None:
        return {}
    where = Location(relative(path, config.root))
    raw = load_yaml_file(path, config.root)
    if not isinstance(raw, dict):
        errors.append(
            ConfigError(
                msg("the file must map language codes to lists of words"),
                where,
                msg("write for example: sv: [{word: erhålla, use: få}]"),
            )
        )
        return {}
    lines = _entry_lines(path)
    result: dict[str, tuple[PlainWord, ...]] = {}
    for lang, entries in raw.items():
        if not isinstance(entries, list):
            errors.append(
                ConfigError(
                    msg("'%(code)s' must be a list of words"),
                    where,
                    msg("start each word on a new line with '- '"),
                    code=lang,
                )
            )
            continue
        words: list[PlainWord] = []
        for entry in entries:
            word = _plain_word(str(lang), entry, where, lines, errors)
            if word is not None:
                words.append(word)
        result[str(lang)] = tuple(words)
    return result


def _plain_word(
    lang: str,
    entry: Any,
    where: Location,
    lines: dict[str, int],
    errors: list[SiteBuilderError],
) -> PlainWord | None:
    hint = msg("write: - {word: erhålla, forms: [erhåller, erhöll], use: få}")
    if not isinstance(entry, dict):
        errors.append(
            ConfigError(msg("an entry under '%(code)s' is not a mapping"), where, hint, code=lang)
        )
        return None
    word, use, forms = entry.get("word"), entry.get("use"), entry.get("forms", [])
    if not isinstance(word, str) or not isinstance(use, str) or not word.strip():
        errors.append(
            ConfigError(
                msg("an entry under '%(code)s' needs 'word' and 'use'"), where, hint, code=lang
            )
        )
        return None
    if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
        errors.append(
            ConfigError(msg("'%(word)s': 'forms' must be a list"), where, hint, word=word)
        )
        return None
    all_forms = tuple(dict.fromkeys([word.strip(), *(f.strip() for f in forms)]))
    return PlainWord(lang, word.strip(), all_forms, use.strip(), lines.get(word.strip()))


def _entry_lines(path: Path) -> dict[str, int]:
    lines: dict[str, int] = {}
    pattern = re.compile(r"^\s*-\s*\{?\s*word:\s*['\"]?([^,'\"}\n]+)")
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return lines
    for number, line in enumerate(text.split("\n"), start=1):
        match = pattern.match(line)
        if match:
            lines.setdefault(match.group(1).strip(), number)
    return lines


def load_tokens(config: SiteConfig) -> Tokens | None:
    """The theme's tokens; None for a theme that keeps no `static/tokens.css`."""
    path = config.theme_dir / TOKENS_FILE
    if not path.is_file():
        return None
    text = read_text(path, config.root, ConfigError)
    return parse_tokens(text, relative(path, config.root))


def parse_tokens(text: str, path: str) -> Tokens:
    values: dict[str, str] = {}
    lines: dict[str, int] = {}
    pairs: list[ContrastPair] = []
    for number, line in enumerate(text.split("\n"), start=1):
        pair = _PAIR.match(line)
        if pair:
            pairs.append(ContrastPair(pair["kind"], pair["fg"], pair["bg"], number))
            continue
        for token in _TOKEN.finditer(line):
            if token["name"] not in values:
                values[token["name"]] = token["value"].strip()
                lines[token["name"]] = number
    return Tokens(path=path, values=values, lines=lines, pairs=tuple(pairs))
