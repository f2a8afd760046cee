"""`data/glossary.yaml`: terms a reader may not know, with a plain explanation.

The policy asks us to explain necessary terms; the theme does so where a term
is first used on a page. The file is optional. Each term has, per language,
the term, the other forms it takes in running text, and the explanation:

    terms:
      allman-handling:
        sv:
          term: allmän handling
          forms: [allmänna handlingar, allmänna handlingen]
          explanation: en handling hos kommunen som alla har rätt att läsa
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..config import SiteConfig
from ..errors import BuildFailed, ConfigError, Location, SiteBuilderError, msg
from ..files import load_yaml_file
from ..model import Glossary, GlossaryTerm

GLOSSARY_FILE = "data/glossary.yaml"
_ID_LINE = re.compile(r"^ {2,4}([\w-]+):\s*$")


def load_glossary(config: SiteConfig) -> Glossary:
    """The site's glossary; an empty one when the file does not exist."""
    path = config.root / GLOSSARY_FILE
    if not path.is_file():
        return Glossary()
    where = Location(GLOSSARY_FILE)
    raw = load_yaml_file(path, config.root)
    terms_raw = raw.get("terms") if isinstance(raw, dict) else None
    if not isinstance(terms_raw, dict):
        raise ConfigError(
            msg("the file must have 'terms:' with one entry per term"),
            where,
            msg("see README: Checks, glossary"),
        )
    lines = _id_lines(path)
    errors: list[SiteBuilderError] = []
    by_lang: dict[str, list[GlossaryTerm]] = {}
    for term_id, versions in terms_raw.items():
        at = where.at_line(lines.get(str(term_id)))
        for term in _versions(str(term_id), versions, at, errors):
            by_lang.setdefault(term.lang, []).append(term)
    if errors:
        raise BuildFailed(errors)
    return Glossary(terms={lang: tuple(terms) for lang, terms in by_lang.items()})


def _versions(
    term_id: str, versions: Any, at: Location, errors: list[SiteBuilderError]
) -> list[GlossaryTerm]:
    hint = msg("write per language: sv: {term: …, explanation: …, forms: [...]}")
    if not isinstance(versions, dict) or not versions:
        errors.append(
            ConfigError(msg("term '%(term)s' needs a version per language"), at, hint, term=term_id)
        )
        return []
    terms: list[GlossaryTerm] = []
    for lang, data in versions.items():
        term = data.get("term") if isinstance(data, dict) else None
        explanation = data.get("explanation") if isinstance(data, dict) else None
        forms = data.get("forms", []) if isinstance(data, dict) else None
        if not isinstance(term, str) or not term.strip():
            errors.append(
                ConfigError(
                    msg("term '%(term)s' (%(code)s): 'term' is missing"),
                    at,
                    hint,
                    term=term_id,
                    code=lang,
                )
            )
            continue
        if not isinstance(explanation, str) or not explanation.strip():
            errors.append(
                ConfigError(
                    msg("term '%(term)s' (%(code)s): 'explanation' is missing"),
                    at,
                    hint,
                    term=term_id,
                    code=lang,
                )
            )
            continue
        if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
            errors.append(
                ConfigError(
                    msg("term '%(term)s' (%(code)s): 'forms' must be a list"),
                    at,
                    hint,
                    term=term_id,
                    code=lang,
                )
            )
            continue
        all_forms = tuple(dict.fromkeys([term.strip(), *(f.strip() for f in forms if f.strip())]))
        terms.append(
            GlossaryTerm(
                id=term_id,
                lang=str(lang),
                term=term.strip(),
                forms=all_forms,
                explanation=explanation.strip(),
                line=at.line,
            )
        )
    return terms


def _id_lines(path: Path) -> dict[str, int]:
    lines: dict[str, int] = {}
    try:
        text = path.read_text("utf-8")
    except (OSError, UnicodeDecodeError):
        return lines
    for number, line in enumerate(text.split("\n"), start=1):
        match = _ID_LINE.match(line)
        if match:
            lines.setdefault(match.group(1), number)
    return lines
