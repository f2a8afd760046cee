"""Arbitrary front matter and Markdown never crash the loader: only located errors."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.config import load_config
from site_builder.content.load import load_site
from site_builder.errors import BuildFailed, SiteBuilderError
from site_builder.pipeline import render_markdown
from tests.conftest import FIXTURES

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=30),
    st.dates().map(str),
)
values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
keys = st.sampled_from(
    [
        "title",
        "summary",
        "sender",
        "reviewed",
        "date",
        "weight",
        "menu",
        "slug",
        "footer",
        "source_version",
        "x",
    ]
)
front_matter = st.one_of(
    st.dictionaries(keys, values, max_size=8).map(lambda d: yaml.safe_dump(d, allow_unicode=True)),
    st.text(max_size=200),  # not even YAML
)
markdown = st.lists(
    st.one_of(
        st.text(max_size=60),
        st.sampled_from(
            [
                "## Rubrik",
                "[länk](../kontakt/_index.sv.md)",
                "[trasig](saknas.sv.md)",
                "![bild](karta.svg)",
                "[x]{lang=fi}",
                "{lang=fi}\nstycke",
                "| a | b |\n|---|---|\n| 1 | 2 |",
                "[a](<>)",
                "[a](#)",
                "<div>html</div>",
                "[a]{.x #y onclick=z style=q}",
                "```\nkod\n```",
            ]
        ),
    ),
    max_size=8,
).map("\n\n".join)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    front=front_matter, body=markdown, raw_bytes=st.binary(max_size=20), encode_raw=st.booleans()
)
def test_loader_never_crashes(front: str, body: str, raw_bytes: bytes, encode_raw: bool) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        site_dir = Path(tmp) / "site"
        shutil.copytree(FIXTURES / "minimal", site_dir)
        data = f"---\n{front}\n---\n{body}\n".encode()
        if encode_raw:
            data += raw_bytes
        (site_dir / "content" / "kommun" / "prov.sv.md").write_bytes(data)
        try:
            site = load_site(load_config(site_dir))
            render_markdown(site, lambda reader, target: "note")
        except BuildFailed as failed:
            assert failed.errors
            for error in failed.errors:
                assert error.location is not None, error
                assert error.location.path.startswith("content/"), error
                assert error.message
        except SiteBuilderError as error:
            assert error.location is not None, error
