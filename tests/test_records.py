"""`@record`: frozen, slotted, and pickled as its class and field values."""

from __future__ import annotations

import dataclasses
import pickle

import pytest

from site_builder.checks.base import Finding, Severity
from site_builder.markdown import Heading
from site_builder.records import record


def test_a_record_pickles_as_its_class_and_values() -> None:
    finding = Finding("rule", Severity.WARNING, "content/a.sv.md", 3, "msg", args=(("a", "b"),))
    assert finding.__reduce__() == (
        Finding,
        ("rule", Severity.WARNING, "content/a.sv.md", 3, "msg", "", (("a", "b"),), None),
    )
    again = pickle.loads(pickle.dumps(finding, protocol=pickle.HIGHEST_PROTOCOL))
    assert again == finding and type(again) is Finding


def test_a_record_is_frozen_and_slotted() -> None:
    heading = Heading(2, "Så ansöker du", "sa-ansoker-du", 7)
    with pytest.raises(dataclasses.FrozenInstanceError):
        heading.text = "x"  # type: ignore[misc]
    assert not hasattr(heading, "__dict__")


def test_a_record_with_a_single_field_pickles() -> None:
    @record
    class One:
        value: str

    assert One("x").__reduce__() == (One, ("x",))


def test_a_field_outside_init_is_refused() -> None:
    with pytest.raises(TypeError, match="set by __init__"):

        @record
        class Derived:
            value: str
            size: int = dataclasses.field(init=False, default=0)
