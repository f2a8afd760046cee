"""Build-time checks: the communication policy's rules as a gate for every build.

Each rule is a module in `checks/rules/` with a `RULE`: an id, a default
severity, a one-line explanation and a `check` that returns findings. The
pipeline runs the per-page rules on each page as it is rendered and the
site-wide rules once at the end; an error stops the build before anything is
published. See README, section "Checks".
"""

from __future__ import annotations

from .base import (
    Finding,
    HtmlLink,
    PageFacts,
    PageInput,
    PageRule,
    Rule,
    RuleContext,
    Severity,
    Shared,
    SiteInput,
    SiteRule,
)
from .messages import Messages, language_from_environment, msg
from .registry import all_rules, rules_by_id
from .runner import (
    CONTENT_RULE,
    SILENCE_RULE,
    ChecksFailed,
    PageSummary,
    Report,
    Settings,
    Silenced,
    check_page,
    finish,
    load_settings,
    page_input,
)

__all__ = [
    "CONTENT_RULE",
    "SILENCE_RULE",
    "ChecksFailed",
    "Finding",
    "HtmlLink",
    "Messages",
    "PageFacts",
    "PageInput",
    "PageRule",
    "PageSummary",
    "Report",
    "Rule",
    "RuleContext",
    "Settings",
    "Severity",
    "Shared",
    "Silenced",
    "SiteInput",
    "SiteRule",
    "all_rules",
    "check_page",
    "finish",
    "language_from_environment",
    "load_settings",
    "msg",
    "page_input",
    "rules_by_id",
]
