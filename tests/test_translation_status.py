from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.translation_status import State, all_states, state_of


def test_states(minimal_site: Path, write: Callable[[str, str], Path]) -> None:
    site = load_site(load_config(minimal_site))
    source = site.source_page("kommun/informationspolicy")
    write(
        "content/kommun/informationspolicy.fi.md",
        f"---\ntitle: P\nsummary: S.\nslug: p\nsource_version: {source.digest}\n---\n",
    )
    write(
        "content/kommun/informationspolicy.en.md",
        "---\ntitle: P\nsummary: S.\nsource_version: " + "0" * 40 + "\n---\n",
    )
    site = load_site(load_config(minimal_site))
    assert state_of(site, "kommun/informationspolicy", "sv").state is State.CURRENT
    assert state_of(site, "kommun/informationspolicy", "fi").state is State.CURRENT
    assert state_of(site, "kommun/informationspolicy", "en").state is State.OUTDATED
    assert state_of(site, "kontakt", "fi").state is State.MISSING
    assert state_of(site, "", "fi").state is State.UNTRACKED
    states = all_states(site)
    assert {(s.key, s.lang) for s in states} == {
        (key, lang) for key in site.page_keys() for lang in ("fi", "en")
    }
