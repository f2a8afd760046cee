"""Every rule, found by looking in `checks/rules/`: adding a rule is adding a module.

A rule module defines `RULE`, a `PageRule` or `SiteRule`. The registry
imports each module once, in name order, and refuses two rules with one id.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

from . import rules as rules_package
from .base import PageRule, Rule, SiteRule


@lru_cache(maxsize=1)
def all_rules() -> tuple[Rule, ...]:
    found: dict[str, Rule] = {}
    for info in sorted(pkgutil.iter_modules(rules_package.__path__), key=lambda i: i.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{rules_package.__name__}.{info.name}")
        rule = getattr(module, "RULE", None)
        if not isinstance(rule, PageRule | SiteRule):
            raise TypeError(
                f"checks/rules/{info.name}.py must define RULE = PageRule(…) or SiteRule(…)"
            )
        if rule.id in found:
            raise TypeError(f"two rules have the id '{rule.id}'")
        found[rule.id] = rule
    return tuple(sorted(found.values(), key=lambda r: r.id))


def rules_by_id() -> dict[str, Rule]:
    return {rule.id: rule for rule in all_rules()}


def page_rules() -> tuple[PageRule, ...]:
    return tuple(rule for rule in all_rules() if isinstance(rule, PageRule))


def site_rules() -> tuple[SiteRule, ...]:
    return tuple(rule for rule in all_rules() if isinstance(rule, SiteRule))
