"""Shared by the translation rules: which file a missing translation would be."""

from __future__ import annotations

import re

from ...model import Page


def translation_file(source: Page, lang: str) -> str:
    return re.sub(r"\.[^./]+\.md$", f".{lang}.md", source.source)
