"""The report as JSON for CI: stable keys, stable order, one document."""

from __future__ import annotations

import json
from typing import Any

from .base import Finding
from .messages import Messages
from .prose import Lix
from .runner import Report

FORMAT_VERSION = 1


def format_json(report: Report, messages: Messages) -> str:
    document = {
        "format": FORMAT_VERSION,
        "language": messages.lang,
        "counts": {
            "errors": report.errors,
            "warnings": report.warnings,
            "silenced": len(report.silenced),
            "files": len({f.path for f in report.findings}),
            "pages": len(report.pages),
        },
        "findings": [_finding(f, messages) for f in report.findings],
        "silenced": [
            {**_finding(s.finding, messages), "reason": s.reason} for s in report.silenced
        ],
        "pages": [
            {
                "file": page.path,
                "output": page.output,
                "lang": page.lang,
                "title": page.title,
                "lix": lix_json(page.lix) if page.lang == "sv" else None,
            }
            for page in report.pages
        ],
        "rules": [
            {
                "id": rule.id,
                "severity": severity.value if severity else "off",
                "explanation": messages(rule.explanation),
            }
            for rule, severity in report.rules
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _finding(finding: Finding, messages: Messages) -> dict[str, Any]:
    return {
        "rule": finding.rule,
        "severity": finding.severity.value,
        "file": finding.path,
        "line": finding.line,
        "output": finding.output,
        "message": messages.message(finding),
        "hint": messages.hint(finding),
    }


def lix_json(lix: Lix | None) -> dict[str, Any] | None:
    if lix is None:
        return None
    return {
        "score": round(lix.score, 1),
        "words": lix.words,
        "sentences": lix.sentences,
        "long_words": lix.long_words,
    }
