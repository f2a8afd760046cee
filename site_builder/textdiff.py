"""A diff of two versions of a text that a translator can read.

Markdown paragraphs are often one long line, where a line diff shows two
long, almost identical lines. Here a line changed into one similar line is
shown once, with the changed words marked `[-old-]{+new+}` (the markers of
`git diff --word-diff=plain`, which need no colour to be seen). Other
changes are shown as removed (`-`) and added (`+`) lines, with unchanged
lines around them for context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
#: Lines at least this similar are shown as one line with changed words marked.
SIMILAR = 0.5

RED, GREEN, CYAN, RESET = "\033[31m", "\033[32m", "\033[36m", "\033[0m"


@dataclass(frozen=True)
class DiffLine:
    kind: str
    """` ` unchanged, `-` removed, `+` added, `~` changed words, `@` a hunk header."""
    text: str


def diff_lines(old: str, new: str, *, context: int = 2) -> list[DiffLine]:
    """The differences between `old` and `new`, in hunks with `context` lines around."""
    a, b = old.split("\n"), new.split("\n")
    out: list[DiffLine] = []
    for group in SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        first_new = group[0][3] + 1
        out.append(DiffLine("@", f"line {first_new} of the source page now"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out += [DiffLine(" ", line) for line in a[i1:i2]]
            elif tag == "replace" and i2 - i1 == j2 - j1:
                for old_line, new_line in zip(a[i1:i2], b[j1:j2], strict=True):
                    if _similarity(old_line, new_line) >= SIMILAR:
                        out.append(DiffLine("~", word_diff(old_line, new_line)))
                    else:
                        out += [DiffLine("-", old_line), DiffLine("+", new_line)]
            else:
                out += [DiffLine("-", line) for line in a[i1:i2]]
                out += [DiffLine("+", line) for line in b[j1:j2]]
    return out


def word_diff(old: str, new: str) -> str:
    """One line with removed words as `[-…-]` and added words as `{+…+}`."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    parts: list[str] = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            parts.append("".join(a[i1:i2]))
            continue
        if i2 > i1:
            parts.append("[-" + "".join(a[i1:i2]) + "-]")
        if j2 > j1:
            parts.append("{+" + "".join(b[j1:j2]) + "+}")
    return "".join(parts)


def format_diff(lines: list[DiffLine], *, color: bool = False) -> str:
    """The diff as text; with `color`, removals red and additions green (markers stay)."""
    out = []
    for line in lines:
        if line.kind == "@":
            text = f"@@ {line.text} @@"
            out.append(f"{CYAN}{text}{RESET}" if color else text)
        elif line.kind == "~":
            text = line.text
            if color:
                text = re.sub(r"\[-(.*?)-\]", rf"{RED}[-\1-]{RESET}", text, flags=re.S)
                text = re.sub(r"\{\+(.*?)\+\}", rf"{GREEN}{{+\1+}}{RESET}", text, flags=re.S)
            out.append(f"~ {text}")
        else:
            text = f"{line.kind} {line.text}".rstrip()
            if color and line.kind in "-+":
                text = f"{RED if line.kind == '-' else GREEN}{text}{RESET}"
            out.append(text)
    return "\n".join(out) + ("\n" if out else "")


def _similarity(old: str, new: str) -> float:
    return SequenceMatcher(None, _TOKEN.findall(old), _TOKEN.findall(new), autojunk=False).ratio()
