from __future__ import annotations

from site_builder.textdiff import DiffLine, diff_lines, format_diff, word_diff


def test_word_diff_marks_only_the_changed_words() -> None:
    assert word_diff("Ansök tre månader innan.", "Ansök fyra månader innan.") == (
        "Ansök [-tre-]{+fyra+} månader innan."
    )
    assert word_diff("a b", "a b c") == "a b{+ c+}"


def test_similar_lines_become_one_line_and_different_ones_two() -> None:
    old = "Rubrik\n\nEtt långt stycke om förskolan.\nHelt annan rad.\nSlut"
    new = "Rubrik\n\nEtt långt stycke om den nya förskolan.\nXyz zyx.\nSlut"
    lines = diff_lines(old, new, context=1)
    kinds = [line.kind for line in lines]
    assert kinds == ["@", " ", "~", "-", "+", " "]
    assert lines[2].text == "Ett långt stycke om {+den nya +}förskolan."
    assert lines[0].text == "line 2 of the source page now"


def test_no_changes_no_output() -> None:
    assert diff_lines("a\nb", "a\nb") == []
    assert format_diff([]) == ""


def test_colour_keeps_the_markers() -> None:
    text = format_diff([DiffLine("~", "a [-b-]{+c+}"), DiffLine("+", "d")], color=True)
    assert "[-b-]" in text and "{+c+}" in text and "\033[31m" in text and "\033[32m" in text
    plain = format_diff([DiffLine("~", "a [-b-]{+c+}"), DiffLine("-", "d")])
    assert plain == "~ a [-b-]{+c+}\n- d\n"
