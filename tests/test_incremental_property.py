"""Incremental builds give exactly the bytes of a clean build, after any sequence of edits.

Hypothesis drives an editor, a translator and a web designer at random: change
a page's text or front matter, add, delete and rename pages (with the links to
them), translate a page or delete a translation, change a template, a catalog,
the organisation data, an image or site.yaml, touch a file without changing
it, or change nothing. After every step the site is built twice: incrementally,
into the same output folder with the build cache, and from scratch into a new
folder without it. The two must be the same files with the same bytes, or
both builds must fail (and then the incremental output must not have moved).
"""

from __future__ import annotations

import hashlib
import posixpath
import re
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from site_builder.errors import SiteBuilderError
from site_builder.pipeline import Memory, build
from tests.conftest import FIXTURES, REPO, snapshot

STATS = {"steps": 0, "failed": 0, "unchanged": 0, "rendered": 0, "text_only": 0}
"""Counted across the session, so that a test can say how much was exercised."""
REVIEWED = (date.today() - timedelta(days=10)).isoformat()
SENTENCES = (
    "Vi svarar på frågor varje vardag.",
    "Du kan ringa oss eller skriva till oss.",
    "Här finns det du behöver veta.",
    "Kommunen hjälper dig med det här.",
)


def _blob(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data, usedforsecurity=False).hexdigest()


class SiteEdits(RuleBasedStateMachine):
    """One site, edited step by step; `search` says whether the search index is built."""

    search = False
    in_memory = False
    """Build as the preview server does: one process keeps what it read between builds."""
    search_later = False
    """…and leaves the search index for a pause (then a second build catches up)."""

    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="incremental-"))
        self.site = self.tmp / "site"
        shutil.copytree(FIXTURES / "minimal", self.site)
        shutil.copytree(REPO / "themes", self.site / "themes")
        shutil.copytree(REPO / "locales", self.site / "locales")
        for path in self.site.rglob("*.sv.md"):  # reviewed recently: no date warnings
            path.write_text(
                re.sub(r"reviewed: \S+", f"reviewed: {REVIEWED}", path.read_text("utf-8")),
                "utf-8",
            )
        self.out = self.tmp / "public"
        self.good = self.tmp / "last-good-site"
        self.checks = True
        self.memory: Memory | None = Memory() if self.in_memory else None
        self.counter = 0
        self.clean_count = 0
        self.steps = 0

    def teardown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -- helpers -------------------------------------------------------------------

    def next(self) -> int:
        self.counter += 1
        return self.counter

    def content(self) -> Path:
        return self.site / "content"

    def sources(self) -> list[Path]:
        return sorted(self.content().rglob("*.sv.md"))

    def files(self) -> list[Path]:
        return sorted(self.content().rglob("*.md"))

    def non_home(self) -> list[Path]:
        return [p for p in self.sources() if p != self.content() / "_index.sv.md"]

    def link_to(self, page: Path, target: Path) -> str:
        return posixpath.relpath(target.as_posix(), page.parent.as_posix())

    def set_field(self, path: Path, key: str, value: str | None) -> None:
        head, _, body = path.read_text("utf-8").partition("\n---\n")
        lines = [line for line in head.split("\n") if not line.startswith(f"{key}:")]
        if value is not None:
            lines.append(f"{key}: {value}")
        path.write_text("\n".join(lines) + "\n---\n" + body, "utf-8")

    def rewrite_links(self, old: Path, new: Path | None) -> None:
        """Point every link to `old` at `new` (or keep only the words when it is gone)."""
        for page in self.files():
            text = page.read_text("utf-8")
            written = re.escape(self.link_to(page, old))
            pattern = re.compile(rf"\[([^\]]*)\]\({written}(#[^)]*)?\)")
            if new is None:
                changed = pattern.sub(r"\1", text)
            else:
                moved = self.link_to(page, new)
                changed = pattern.sub(rf"[\1]({moved}\2)", text)
            if changed != text:
                page.write_text(changed, "utf-8")

    def versions(self, source: Path) -> list[Path]:
        stem = source.name.removesuffix(".sv.md")
        return sorted(source.parent.glob(f"{stem}.*.md"))

    # -- the editor ------------------------------------------------------------------

    @rule(data=st.data(), kind=st.sampled_from(["sentence", "link", "heading"]))
    def edit_text(self, data: st.DataObject, kind: str) -> None:
        page = data.draw(st.sampled_from(self.files()))
        sentence = data.draw(st.sampled_from(SENTENCES))
        if kind == "link":
            target = data.draw(st.sampled_from(self.sources()))
            addition = f"Läs om [sidan {self.next()}]({self.link_to(page, target)})."
        elif kind == "heading":
            addition = f"## Avsnitt {self.next()}\n\n{sentence}"
        else:
            addition = sentence
        page.write_text(page.read_text("utf-8").rstrip("\n") + f"\n\n{addition}\n", "utf-8")

    @rule(data=st.data(), key=st.sampled_from(["title", "summary", "weight", "menu", "slug"]))
    def edit_front_matter(self, data: st.DataObject, key: str) -> None:
        page = data.draw(st.sampled_from(self.files()))
        n = self.next()
        value = {
            "title": f"Sida {n}",
            "summary": f"En sida om ämne {n}.",
            "weight": str(n % 7),
            "menu": data.draw(st.sampled_from(["true", "false"])),
            "slug": f"adress-{n}",
        }[key]
        if key == "slug" and page.name.endswith(".sv.md"):
            key, value = "weight", str(n % 5)  # slugs are for translations in this site
        self.set_field(page, key, value)

    @rule(data=st.data())
    def add_page(self, data: st.DataObject) -> None:
        folders = sorted({p.parent for p in self.sources()})
        folder = data.draw(st.sampled_from([*folders, self.content() / "nya"]))
        n = self.next()
        page = folder / f"sida-{n}.sv.md"
        target = data.draw(st.sampled_from(self.sources()))
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            f"---\ntitle: Ny sida {n}\nsummary: Det här är sida {n}.\nsender: medborgarplats\n"
            f"reviewed: {REVIEWED}\n---\n{SENTENCES[n % len(SENTENCES)]} "
            f"Se [startsidan {n}]({self.link_to(page, target)}).\n",
            "utf-8",
        )

    @rule(data=st.data())
    def delete_page(self, data: st.DataObject) -> None:
        pages = self.non_home()
        if not pages:
            return
        source = data.draw(st.sampled_from(pages))
        for version in self.versions(source):
            version.unlink()
        self.rewrite_links(source, None)

    @rule(data=st.data())
    def rename_page(self, data: st.DataObject) -> None:
        pages = [p for p in self.non_home() if not p.name.startswith("_index")]
        if not pages:
            return
        source = data.draw(st.sampled_from(pages))
        stem = f"flyttad-{self.next()}"
        for version in self.versions(source):
            lang = version.name.split(".")[-2]
            version.rename(version.with_name(f"{stem}.{lang}.md"))
        self.rewrite_links(source, source.with_name(f"{stem}.sv.md"))

    # -- the translator -------------------------------------------------------------

    @rule(data=st.data(), lang=st.sampled_from(["fi", "en"]))
    def translate(self, data: st.DataObject, lang: str) -> None:
        source = data.draw(st.sampled_from(self.sources()))
        target = source.with_name(source.name.replace(".sv.md", f".{lang}.md"))
        n = self.next()
        title = {"fi": f"Sivu {n}", "en": f"Page {n}"}[lang]
        target.write_text(
            f"---\ntitle: {title}\nsummary: {title}.\n"
            f"source_version: {_blob(source.read_bytes())}\n---\n{title}.\n",
            "utf-8",
        )

    @rule(data=st.data())
    def delete_translation(self, data: st.DataObject) -> None:
        translations = [
            p
            for p in self.files()
            if not p.name.endswith(".sv.md") and p.parent != self.content()  # homes stay
        ]
        if translations:
            data.draw(st.sampled_from(translations)).unlink()

    # -- the designer and the data ---------------------------------------------------

    @rule()
    def change_template(self) -> None:
        base = self.site / "themes" / "hellefors" / "templates" / "base.html"
        text = re.sub(r' data-v="\d+"', "", base.read_text("utf-8"))
        base.write_text(
            text.replace(
                '<main id="main-content"', f'<main data-v="{self.next()}" id="main-content"'
            ),
            "utf-8",
        )

    @rule()
    def change_catalog(self) -> None:
        po = self.site / "locales" / "sv" / "LC_MESSAGES" / "messages.po"
        text = po.read_text("utf-8")
        if 'msgstr "Sidan granskad"' in text:
            text = text.replace('msgstr "Sidan granskad"', 'msgstr "Sidan granskades"')
        else:
            text = text.replace('msgstr "Sidan granskades"', 'msgstr "Sidan granskad"')
        po.write_text(text, "utf-8")

    @rule()
    def change_organisation(self) -> None:
        data = self.site / "data" / "organisation.yaml"
        text = data.read_text("utf-8")
        data.write_text(re.sub(r"phone: \"[^\"]+\"", f'phone: "0591-{self.next():03d} 00"', text))

    @rule()
    def change_image(self) -> None:
        images = sorted(self.content().rglob("*.svg"))
        for image in images[:1]:
            image.write_text(image.read_text("utf-8").replace("<title>", f"<title>{self.next()} "))

    @rule()
    def change_site_yaml(self) -> None:
        config = self.site / "site.yaml"
        text = re.sub(r"\norg_number: .*", "", config.read_text("utf-8"))
        config.write_text(text.rstrip("\n") + f"\norg_number: 212000-{self.next():04d}\n")

    @rule(data=st.data())
    def touch_only(self, data: st.DataObject) -> None:
        page = data.draw(st.sampled_from(self.files()))
        page.write_bytes(page.read_bytes())

    @rule()
    def nothing(self) -> None:
        pass

    @rule(checks=st.booleans())
    def switch_checks(self, checks: bool) -> None:
        """Build with or without the checks from now on (as `--no-checks` does)."""
        self.checks = checks

    # -- after every step -------------------------------------------------------------

    @invariant()
    def incremental_equals_clean(self) -> None:
        self.steps += 1
        before = snapshot(self.out) if self.out.exists() else {}
        clean = self.tmp / f"clean-{self.clean_count}"
        self.clean_count += 1
        incremental_error = clean_error = None
        try:
            result = build(
                self.site,
                self.out,
                search=self.search,
                checks=self.checks,
                workers=1,
                memory=self.memory,
                search_later=self.search_later,
            )
            if self.search_later:  # the preview server's pause: the search index catches up
                build(self.site, self.out, search=True, checks=self.checks, memory=self.memory)
            STATS["unchanged"] += result.unchanged
            STATS["rendered"] += result.rendered
            STATS["text_only"] += result.text_only
        except SiteBuilderError as error:
            incremental_error = error
        try:
            build(self.site, clean, search=self.search, checks=self.checks, cache=False, workers=1)
        except SiteBuilderError as error:
            clean_error = error
        assert (incremental_error is None) == (clean_error is None), (
            incremental_error,
            clean_error,
        )
        STATS["steps"] += 1
        if clean_error is not None:
            STATS["failed"] += 1
            assert (snapshot(self.out) if self.out.exists() else {}) == before
            # back to the last site that built (with its files' times: a no-op follows)
            shutil.rmtree(self.site)
            shutil.copytree(self.good, self.site)
            return
        incremental, fresh = snapshot(self.out), snapshot(clean)
        assert sorted(incremental) == sorted(fresh)
        assert [rel for rel in fresh if incremental[rel] != fresh[rel]] == []
        shutil.rmtree(clean)
        shutil.rmtree(self.good, ignore_errors=True)
        shutil.copytree(self.site, self.good)


class SiteEditsWithSearch(SiteEdits):
    search = True


class SiteEditsInMemory(SiteEdits):
    in_memory = True


class SiteEditsLikeThePreview(SiteEdits):
    in_memory = True
    search = True
    search_later = True


def _case(machine: type[SiteEdits], examples: int, steps: int) -> type:
    case = machine.TestCase
    case.settings = settings(
        max_examples=examples,
        stateful_step_count=steps,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    return case


TestIncrementalEqualsClean = _case(SiteEdits, examples=10, steps=22)
TestIncrementalEqualsCleanInMemory = _case(SiteEditsInMemory, examples=4, steps=22)
TestIncrementalEqualsCleanLikeThePreview = _case(SiteEditsLikeThePreview, examples=2, steps=12)
TestIncrementalEqualsCleanWithSearch = _case(SiteEditsWithSearch, examples=2, steps=12)


def test_zz_at_least_200_steps_ran() -> None:
    """Runs after the machines above (pytest keeps the file's order)."""
    if STATS["steps"] == 0:
        import pytest

        pytest.skip("the property tests were not selected")
    print(f"incremental-equals-clean: {STATS}")
    assert STATS["steps"] >= 200
    assert STATS["unchanged"] > 0  # some steps were no-ops, and were recognised as such
    assert STATS["text_only"] > 0  # some were edits of text alone, and took the short way
