"""The data flows one way: a module never imports from a later stage.

load config → load content → render → check → write; the CLI sits on top.
A test fails on any upward import, so the layering cannot erode quietly.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "site_builder"

#: Layer of each module; a module may import only from layers at or below its own,
#: and within a layer only modules listed as allowed.
LAYERS: dict[str, int] = {
    "errors": 0,
    "files": 0,
    "yamlerrors": 0,
    "config": 1,
    "vcs": 1,
    "textdiff": 1,
    "model": 1,
    "content": 2,
    "collation": 0,
    "records": 0,
    "special_pages": 1,
    "i18n": 2,
    "fingerprint": 2,
    "compress": 2,
    "search_index": 2,
    "output": 2,
    "journal": 2,
    "snapshot": 2,
    "translation_status": 2,
    "checkdata": 2,
    "terms": 2,
    "markdown": 3,
    "alert_views": 3,
    "views": 3,
    "special_views": 3,
    "statement_views": 3,
    "nginx": 3,
    "language_views": 3,
    "templates": 3,
    "sitemap": 3,
    "feeds": 3,
    "translation_report": 3,
    "translating": 3,
    "scaffold": 3,
    "checks": 4,
    "buildcache": 5,
    "pagework": 5,
    "buildresult": 5,
    "site_files": 5,
    "search_publish": 5,
    "memory": 5,
    "incremental": 5,
    "rendering": 5,
    "pipeline": 5,
    "serve": 6,
    "commands": 6,
    "cli": 7,
    "__main__": 8,
    "__init__": 0,
}
#: Imports across one layer that are deliberate (the target is a pure helper).
SAME_LAYER_OK = {
    ("model", "config"),
    ("templates", "views"),
    ("views", "alert_views"),
    ("special_views", "views"),
    ("statement_views", "views"),
    ("views", "language_views"),
    ("config", "files"),
    ("files", "errors"),
    ("files", "yamlerrors"),
    ("yamlerrors", "errors"),
    ("commands", "serve"),
    ("journal", "output"),
    ("pagework", "buildcache"),
    ("pipeline", "buildcache"),
    ("pipeline", "pagework"),
    # The build's steps, each in its own module (see pipeline.py), below the orchestrator:
    ("buildresult", "buildcache"),
    ("site_files", "buildcache"),
    ("search_publish", "buildcache"),
    ("search_publish", "buildresult"),
    ("search_publish", "pagework"),
    ("memory", "buildcache"),
    ("memory", "buildresult"),
    ("memory", "pagework"),
    ("memory", "site_files"),
    ("incremental", "buildcache"),
    ("incremental", "buildresult"),
    ("incremental", "memory"),
    ("incremental", "pagework"),
    ("rendering", "buildcache"),
    ("rendering", "buildresult"),
    ("rendering", "incremental"),
    ("rendering", "pagework"),
    ("pipeline", "buildresult"),
    ("pipeline", "incremental"),
    ("pipeline", "memory"),
    ("pipeline", "rendering"),
    ("pipeline", "search_publish"),
    ("pipeline", "site_files"),
}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    depth_in_package = len(path.relative_to(PACKAGE).parts) - 1
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level == 0:
                if node.module and node.module.startswith("site_builder"):
                    parts = node.module.split(".")
                    if len(parts) > 1:
                        found.add(parts[1])
                continue
            up = node.level - 1 - depth_in_package
            if up > 0:
                continue
            if node.level - 1 < depth_in_package:  # relative within a subpackage
                continue
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("site_builder."):
                    found.add(alias.name.split(".")[1])
    return found


def test_every_module_has_a_layer() -> None:
    names = {module_name(p) for p in PACKAGE.rglob("*.py")}
    assert names <= set(LAYERS), f"give these modules a layer: {sorted(names - set(LAYERS))}"


def test_no_upward_imports() -> None:
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        name = module_name(path)
        for target in imported_modules(path):
            if target == name or target not in LAYERS:
                continue
            if LAYERS[target] > LAYERS[name]:
                problems.append(f"{path.relative_to(PACKAGE)} imports {target} (a later stage)")
            elif LAYERS[target] == LAYERS[name] and (name, target) not in SAME_LAYER_OK:
                problems.append(f"{path.relative_to(PACKAGE)} imports {target} (same layer)")
    assert problems == []
