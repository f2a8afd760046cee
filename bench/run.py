"""`make bench`: site_builder against Hugo on the same synthetic municipal site.

For each size N (Swedish pages) it writes the corpus twice (our format and
Hugo's), then measures, each in a new process as an editor or CI runs it:

- full clean build (no output, no cache), with every check and the search
  index; with the checks but `--no-search` (Hugo makes no search index, so
  this is the like-for-like row); and with `--no-checks --no-search`;
- no-op rebuild (nothing changed);
- one-page edit rebuild (one sentence of one page changed);
- under `site-builder serve`: from saving that edit to the page on disk, and
  to the open page being told to reload;
- peak memory of the process tree (PSS), pages per second, and the 10,000 / 1,000
  ratio;

and Hugo (Debian's package) on the same pages with a comparable layout. Times
are medians of `--repeat` runs, interleaved with Hugo's so that a busy machine
hurts both alike; the load average is printed with the results.

    python -m bench.run [--sizes 1000,10000] [--repeat 3] [--work .cache/bench]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .corpus import plan, write_corpus
from .measure import Run, median, run

REPO = Path(__file__).resolve().parent.parent
MIB = 1024 * 1024


@dataclass
class Figures:
    n: int
    html_pages: int = 0
    ours: dict[str, list[float]] = field(default_factory=dict)
    ours_cpu: dict[str, list[float]] = field(default_factory=dict)
    ours_peak: dict[str, int] = field(default_factory=dict)
    hugo: dict[str, list[float]] = field(default_factory=dict)
    hugo_peak: int = 0
    serve_disk: list[float] = field(default_factory=list)
    serve_signal: list[float] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, table: dict[str, list[float]], key: str, value: float) -> None:
        table.setdefault(key, []).append(value)


def site_builder_command() -> list[str]:
    return [sys.executable, "-m", "site_builder"]


def build_flags() -> dict[str, bool]:
    """Which speed switches this version of `site-builder build` has."""
    done = subprocess.run(
        [*site_builder_command(), "build", "--help"], capture_output=True, text=True, check=False
    )
    return {flag: flag in done.stdout for flag in ("--no-checks", "--no-search")}


def edit_target(n: int) -> str:
    """A regular Swedish page in the middle of the site: the file the edits change."""
    nodes = [node for node in plan(n) if not node.is_section and node.news_date is None]
    return nodes[len(nodes) // 2].key


def edit(path: Path, number: int) -> str:
    """Change one sentence of the page's first paragraph; return the new sentence."""
    text = path.read_text("utf-8")
    head, _, body = text.partition("\n---\n")
    sentence = f"Sidan ändrades i mätning nummer {number}."
    _, _, rest = body.partition(". ")
    path.write_text(f"{head}\n---\n{sentence} {rest}", "utf-8")
    return sentence


def clean(folder: Path, *names: str) -> None:
    for name in names:
        target = folder / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def ours(site: Path, *extra: str) -> Run:
    result = run([*site_builder_command(), "build", "--site", str(site), "--out",
                  str(site / "public"), *extra])  # fmt: skip
    if result.returncode != 0:
        raise SystemExit(f"site-builder failed:\n{result.output[-3000:]}")
    return result


def hugo(site: Path) -> Run:
    result = run(["hugo", "--quiet", "--source", str(site), "--destination", "public"])
    if result.returncode != 0:
        raise SystemExit(f"hugo failed:\n{result.output[-3000:]}")
    return result


def measure_size(n: int, work: Path, repeat: int, use_hugo: bool) -> Figures:
    figures = Figures(n=n)
    site = work / f"site-{n}"
    hugo_site = work / f"hugo-{n}"
    print(f"\n== N = {n:,}: writing the corpus", flush=True)
    files = write_corpus(site, n)
    if use_hugo:
        write_corpus(hugo_site, n, flavour="hugo")
    figures.html_pages = files
    flags = build_flags()
    fast = [flag for flag, present in flags.items() if present]
    if len(fast) < 2:
        figures.notes.append(
            "site-builder build has no " + " / ".join(f for f, p in flags.items() if not p)
        )
    target = edit_target(n)
    page = site / "content" / f"{target}.sv.md"
    hugo_page = hugo_site / "content" / f"{target}.sv.md"

    for round_ in range(repeat):
        print(f"   round {round_ + 1}/{repeat}", flush=True)
        clean(site, "public", ".cache")
        r = ours(site)
        figures.add(figures.ours, "full", r.seconds)
        figures.add(figures.ours_cpu, "full", r.cpu_seconds)
        figures.ours_peak["full"] = max(figures.ours_peak.get("full", 0), r.peak_bytes)
        r = ours(site)
        figures.add(figures.ours, "noop", r.seconds)
        figures.add(figures.ours_cpu, "noop", r.cpu_seconds)
        edit(page, round_)
        r = ours(site)
        figures.add(figures.ours, "edit", r.seconds)
        figures.add(figures.ours_cpu, "edit", r.cpu_seconds)
        variants = {"_fast": fast}
        if flags["--no-search"]:  # Hugo makes no search index: this is the like-for-like run
            variants["_checks"] = ["--no-search"]
        for offset, (suffix, switches) in enumerate(variants.items(), start=1):
            if not switches:
                continue
            clean(site, "public", ".cache")
            r = ours(site, *switches)
            figures.add(figures.ours, "full" + suffix, r.seconds)
            figures.add(figures.ours_cpu, "full" + suffix, r.cpu_seconds)
            figures.ours_peak["full" + suffix] = max(
                figures.ours_peak.get("full" + suffix, 0), r.peak_bytes
            )
            r = ours(site, *switches)
            figures.add(figures.ours, "noop" + suffix, r.seconds)
            edit(page, 100 * offset + round_)
            r = ours(site, *switches)
            figures.add(figures.ours, "edit" + suffix, r.seconds)
        if use_hugo:
            clean(hugo_site, "public", "resources")
            h = hugo(hugo_site)
            figures.add(figures.hugo, "full", h.seconds)
            figures.hugo_peak = max(figures.hugo_peak, h.peak_bytes)
            h = hugo(hugo_site)
            figures.add(figures.hugo, "noop", h.seconds)
            edit(hugo_page, round_)
            h = hugo(hugo_site)
            figures.add(figures.hugo, "edit", h.seconds)
    serve_latency(site, target, figures, edits=5)
    return figures


def serve_latency(site: Path, key: str, figures: Figures, edits: int) -> None:
    """Save → rebuilt page on disk, and save → the open page told to reload, under serve."""
    out = site / ".cache" / "bench-preview"
    process = subprocess.Popen(
        [*site_builder_command(), "serve", "--site", str(site), "--port", "0", "--out", str(out)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert process.stdout is not None
    url = ""
    for line in process.stdout:
        found = re.search(r"at (http://\S+/)", line)
        if found:
            url = found.group(1)
            break
    if not url:
        figures.notes.append("serve did not start")
        process.kill()
        return
    threading.Thread(target=lambda: [None for _ in process.stdout or ()], daemon=True).start()
    page = site / "content" / f"{key}.sv.md"
    html_file = out / key / "index.html"
    try:
        for number in range(edits):
            with urllib.request.urlopen(f"{url}{key}/", timeout=60) as response:
                served = response.read().decode("utf-8")
            epoch = int(re.search(r'data-epoch="(\d+)"', served).group(1))  # type: ignore[union-attr]
            signalled: list[float] = []

            def poll(epoch: int = epoch, signalled: list[float] = signalled) -> None:
                query = f"__site_builder/poll?epoch={epoch}&path=/{key}/"
                with urllib.request.urlopen(url + query, timeout=60) as response:
                    answer = json.loads(response.read())
                if answer.get("reload"):
                    signalled.append(time.perf_counter())

            poller = threading.Thread(target=poll, daemon=True)
            poller.start()
            time.sleep(0.2)  # the poll is waiting, as an open page's is
            sentence = edit(page, 1000 + number)
            saved = time.perf_counter()
            deadline = saved + 60
            while time.perf_counter() < deadline:
                try:
                    if sentence in html_file.read_text("utf-8"):
                        break
                except OSError:
                    pass
                time.sleep(0.002)
            figures.serve_disk.append(time.perf_counter() - saved)
            poller.join(timeout=60)
            if signalled:
                figures.serve_signal.append(signalled[0] - saved)
            time.sleep(0.3)
    finally:
        process.terminate()
        process.wait(timeout=30)


# -- report -------------------------------------------------------------------


def _s(values: list[float] | None) -> str:
    return f"{median(values):.2f} s" if values else "n/a"


def _ratio(a: list[float] | None, b: list[float] | None) -> str:
    return f"{median(a) / median(b):.2f}x" if a and b else "n/a"


def _row(name: str, ours: str = "", hugo: str = "", ratio: str = "") -> str:
    return f"{name:40} {ours:>14} {hugo:>10} {ratio:>10}"


def report(all_figures: list[Figures], hugo_version: str, checks: str) -> str:
    load = os.getloadavg()
    lines = [
        f"Machine: {os.cpu_count()} cores; load average {load[0]:.1f} / {load[1]:.1f} / "
        f"{load[2]:.1f} (1/5/15 min). {hugo_version}.",
        f"Checks: {checks}",
    ]
    for f in all_figures:
        hugo_full = f.hugo.get("full")
        lines += ["", f"N = {f.n:,} Swedish pages, {f.html_pages:,} pages in sv/fi/en"]
        lines.append(_row("", "site_builder", "Hugo", "ours/Hugo"))
        for name, key in (
            ("full clean build (checks, search)", "full"),
            ("full clean, checks, --no-search", "full_checks"),
            ("full clean, --no-checks --no-search", "full_fast"),
            ("no-op rebuild", "noop"),
            ("no-op, checks, --no-search", "noop_checks"),
            ("no-op, --no-checks --no-search", "noop_fast"),
            ("one-page edit rebuild", "edit"),
            ("one-page edit, checks, --no-search", "edit_checks"),
            ("one-page edit, --no-checks --no-search", "edit_fast"),
        ):
            hugo_key = key.split("_")[0]
            hugo_values = f.hugo.get(hugo_key)
            lines.append(
                _row(
                    name, _s(f.ours.get(key)), _s(hugo_values), _ratio(f.ours.get(key), hugo_values)
                )
            )
        lines.append(_row("no-op / Hugo's full build", ratio=_ratio(f.ours.get("noop"), hugo_full)))
        lines.append(_row("edit / Hugo's full build", ratio=_ratio(f.ours.get("edit"), hugo_full)))
        lines.append(_row("serve: save -> page on disk", _s(f.serve_disk)))
        lines.append(_row("serve: save -> open page told to reload", _s(f.serve_signal)))
        peak = f.ours_peak.get("full", 0) / MIB
        lines.append(
            _row("peak memory (full build)", f"{peak:.0f} MiB", f"{f.hugo_peak / MIB:.0f} MiB")
        )
        for suffix, switches in (("_checks", "--no-search"), ("_fast", "--no-checks --no-search")):
            if f.ours_peak.get("full" + suffix):
                peak = f.ours_peak["full" + suffix] / MIB
                lines.append(_row(f"peak memory, {switches}", f"{peak:.0f} MiB"))
        if f.ours.get("full"):
            ours_rate = f"{f.html_pages / median(f.ours['full']):.0f}"
            hugo_rate = f"{f.html_pages / median(hugo_full):.0f}" if hugo_full else ""
            lines.append(_row("pages per second (full build)", ours_rate, hugo_rate))
        cpu = ", ".join(
            f"{median(f.ours_cpu[k]):.2f} s" for k in ("full", "noop", "edit") if k in f.ours_cpu
        )
        lines.append(_row("CPU time: full, no-op, edit", cpu))
        lines += [f"note: {note}" for note in f.notes]
    if len(all_figures) >= 2:
        small, big = all_figures[0], all_figures[-1]
        lines += [
            "",
            f"Growth from N = {small.n:,} to {big.n:,} ({big.n / small.n:.0f}x the pages):",
        ]
        for key, name in (
            ("full", "full build"),
            ("full_checks", "full, checks, no search"),
            ("full_fast", "full, no checks/search"),
            ("noop", "no-op"),
            ("edit", "one-page edit"),
        ):
            if small.ours.get(key) and big.ours.get(key):
                lines.append(f"  {name:24} {_ratio(big.ours[key], small.ours[key])}")
        if small.hugo.get("full") and big.hugo.get("full"):
            lines.append(f"  {'Hugo full build':24} {_ratio(big.hugo['full'], small.hugo['full'])}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1000,10000"))
    parser.add_argument("--repeat", type=int, default=int(os.environ.get("BENCH_REPEAT", "3")))
    parser.add_argument("--work", type=Path, default=REPO / ".cache" / "bench")
    parser.add_argument("--no-hugo", action="store_true")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    use_hugo = not args.no_hugo and shutil.which("hugo") is not None
    hugo_version = "Hugo not installed (apt-get install hugo)"
    if use_hugo:
        hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True,
                                      check=False).stdout.split("+")[0].strip()  # fmt: skip
    args.work.mkdir(parents=True, exist_ok=True)
    results = []
    for n in sizes:
        repeat = args.repeat if n <= 2000 else max(1, args.repeat // 3)
        results.append(measure_size(n, args.work, repeat, use_hugo))
    checks = describe_checks(args.work / f"site-{sizes[0]}")
    text = report(results, hugo_version, checks)
    print("\n" + text)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (args.work / f"results-{stamp}.json").write_text(
        json.dumps([asdict(f) for f in results], indent=2), "utf-8"
    )
    (args.work / "report.txt").write_text(text + "\n", "utf-8")
    return 0


def describe_checks(site: Path) -> str:
    """The rules a default build of the corpus runs, with their severities."""
    from site_builder.checks import load_settings
    from site_builder.checks.registry import all_rules
    from site_builder.config import load_config

    settings = load_settings(load_config(site))
    on = [
        f"{rule.id} ({settings.of(rule).severity})"
        for rule in all_rules()
        if settings.enabled(rule)
    ]
    off = [rule.id for rule in all_rules() if not settings.enabled(rule)]
    text = f"{len(on)} rules on in the default build: " + ", ".join(on)
    return text + (f"; off: {', '.join(off)}" if off else "")


if __name__ == "__main__":
    sys.exit(main())
