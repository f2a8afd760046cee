"""What a build is asked to do (`Options`) and what it reports (`BuildResult`).

Every step of the build reads the one and fills in the other, and the CLI and
the preview server read the result; keeping both here lets the steps live in
modules of their own without importing the orchestrator.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from .checks import Report
from .errors import SiteBuilderError


@dataclass(frozen=True)
class Options:
    now: datetime | None
    preview: bool
    search: bool
    strict: bool
    checks: bool
    cache: bool
    workers: int | None
    search_later: bool = False

    def digest(self) -> str:
        """What in the options changes the output (the number of workers does not)."""
        return repr((self.now, self.preview, self.search, self.strict, self.checks))


@dataclass
class BuildResult:
    """What a build did, for the CLI to report."""

    out_dir: Path
    pages: int = 0
    files: int = 0
    warnings: list[SiteBuilderError] = field(default_factory=list)
    timings: list[tuple[str, float]] = field(default_factory=list)
    outputs: dict[str, str] = field(default_factory=dict)
    """Every file written, relative to `out_dir`, and the source it was made from."""
    changed: frozenset[str] = frozenset()
    """Files whose bytes differ from the previous output (new and deleted files included)."""
    next_change: datetime | None = None
    """When the output would change by itself (a message or a page's time): rebuild then."""
    next_change_reason: str = ""
    search_languages: dict[str, int] = field(default_factory=dict)
    """Pages indexed for search, per language (empty with `search=False`)."""
    report: Report | None = None
    """What the checks found (warnings, silenced findings, LIX per page)."""
    rendered: int = 0
    """Output pages whose template was rendered (the others were unchanged)."""
    unchanged: bool = False
    """Nothing had changed since the last build: nothing was done."""
    processes: int = 1
    """Processes the pages were rendered in."""
    search_stale: bool = False
    """The search index was left as it was (`search_later`): a later build updates it."""
    text_only: bool = False
    """Only the text of some pages had changed: only they (and their translations) were
    looked at."""
