"""YAML mistakes explained in an editor's words, at the line that has them.

PyYAML says "did not find expected ',' or ']'" at the end of the file when a
value begins with a bracket; an editor needs to hear that the value on line 3
begins with '[' and should be in quotes. `explain` turns PyYAML's error (and
the text) into a message id, a hint and the line of the problem; the messages
are translated where they are shown (see errors.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from .errors import msg

#: Characters that mean something to YAML at the start of a value.
_SPECIAL_START = "[]{}*&!|>@`%'\""
#: Contexts where PyYAML's problem mark lies past the mistake (often at the end
#: of the text) while its context mark points at the line where it starts.
_CONTEXT_FIRST = ("flow sequence", "flow mapping", "quoted scalar", "simple key")


@dataclass(frozen=True)
class Explained:
    message: str
    hint: str
    line: int | None
    """0-based line in the YAML text, or None when unknown."""
    fields: dict[str, str]


def explain(exc: yaml.MarkedYAMLError, text: str) -> Explained:
    """The message, hint and line for a YAML syntax error in `text`."""
    context = exc.context or ""
    problem = exc.problem or context or "invalid YAML"
    mark = exc.problem_mark
    if exc.context_mark is not None and (
        mark is None or any(word in context for word in _CONTEXT_FIRST)
    ):
        mark = exc.context_mark
    if mark is None:
        return Explained(_GENERIC, _GENERIC_HINT, None, {"problem": problem})
    lines = text.split("\n")
    line = mark.line
    # at the end of the text (a bracket never closed), the mistake is on the last line written
    while line > 0 and (line >= len(lines) or not lines[line].strip()):
        line -= 1
    source = lines[line] if line < len(lines) else ""
    key, _, value = source.partition(":")
    value = value.strip()
    fields = {"problem": problem, "key": key.strip(), "value": value}
    fields["quoted"] = _quoted(key.strip(), value)
    if "tab" in problem or source[: len(source) - len(source.lstrip())].count("\t"):
        return Explained(
            msg("This line is indented with a tab character, which YAML does not allow."),
            msg("indent with spaces instead of tabs, or remove the indentation"),
            line,
            fields,
        )
    if "quoted scalar" in context:
        fields["char"] = value[:1] or '"'
        return Explained(
            msg(
                "The value of '%(key)s' begins with a quotation mark (%(char)s) that is not closed."
            ),
            msg("end the value with the same quotation mark, or remove the one at the beginning"),
            line,
            fields,
        )
    if (
        value[:1]
        and value[0] in _SPECIAL_START
        and (
            "flow" in context
            or "alias" in problem
            or "cannot start any token" in problem
            or "block scalar" in context
            or "tag" in problem
        )
    ):
        fields["char"] = value[0]
        return Explained(
            msg(
                "The value of '%(key)s' begins with '%(char)s', which YAML reads as a "
                "special character, not as text."
            ),
            msg("put the whole value in quotes: %(quoted)s"),
            line,
            fields,
        )
    if "mapping values are not allowed" in problem:
        if source[:1] in (" ", "\t") and value:
            return Explained(
                msg(
                    "This line is indented, but the line before it does not start "
                    "a list or a group."
                ),
                msg("remove the spaces at the beginning of the line"),
                line,
                fields,
            )
        return Explained(
            msg(
                "The value of '%(key)s' contains a colon followed by a space, which YAML reads "
                "as the start of another key."
            ),
            msg("put the whole value in quotes: %(quoted)s"),
            line,
            fields,
        )
    if "could not find expected ':'" in problem:
        return Explained(
            msg("This line is not a 'key: value' line: it has no colon."),
            msg(
                "write the key, a colon and a space before the value, "
                "or join the line to the one above"
            ),
            line,
            fields,
        )
    return Explained(_GENERIC, _GENERIC_HINT, line, fields)


_GENERIC = msg("This line cannot be read as YAML (YAML says: %(problem)s).")
_GENERIC_HINT = msg(
    "check that the line is indented like the ones around it, and put values that contain "
    "':' or '#' or begin with a special character in quotes"
)


def _quoted(key: str, value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'{key}: "{escaped}"' if key else f'"{escaped}"'


def bad_value(text: str, loader: type[Any]) -> tuple[int, str, str] | None:
    """The first value YAML can read but not build (a date like 2026-13-01, in file
    order): its 0-based line, the key above it and the value as written."""
    try:
        root = yaml.compose(text, Loader=loader)
    except yaml.YAMLError:
        return None
    found: list[tuple[int, str, str]] = []

    def visit(node: yaml.Node, key: str) -> None:
        if isinstance(node, yaml.MappingNode):
            for name, child in node.value:
                visit(child, str(name.value) if isinstance(name, yaml.ScalarNode) else key)
        elif isinstance(node, yaml.SequenceNode):
            for child in node.value:
                visit(child, key)
        elif isinstance(node, yaml.ScalarNode) and node.tag.endswith(
            (":timestamp", ":int", ":float")
        ):
            try:
                yaml.load(node.value, Loader=loader)
            except (ValueError, TypeError, OverflowError):
                found.append((node.start_mark.line, key, str(node.value)))

    if root is not None:
        visit(root, "")
    return min(found) if found else None
