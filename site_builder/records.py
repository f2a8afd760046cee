"""`@record`: a frozen, slotted dataclass that pickles fast.

The small records of a build (headings, links, findings, page facts) cross from
the render workers to the parent and sit in the build cache by the ten
thousand. A slotted dataclass pickles through `dataclasses`' generic
`__getstate__` and `__setstate__`, which look the fields up again for every
object: at N = 1,000 that was a third of a second of each new build process.
A record pickles as its class and its field values, read by an `attrgetter`
made once per class, and unpickles through the class's own `__init__`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from operator import attrgetter
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    made: Any = dataclass(frozen=True, slots=True)(cls)
    names = [field.name for field in fields(made) if field.init]
    if len(names) != len(fields(made)):
        raise TypeError(f"{cls.__name__}: a record's fields are all set by __init__")
    values = attrgetter(*names)
    if len(names) == 1:

        def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
            return made, (values(self),)
    else:

        def __reduce__(self: Any) -> tuple[Any, tuple[Any, ...]]:
            return made, values(self)

    made.__reduce__ = __reduce__
    return made  # type: ignore[no-any-return]
