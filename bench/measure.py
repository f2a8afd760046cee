"""Running a command and measuring it: wall time, CPU time, peak memory of its process tree.

Peak memory is sampled (every 20 ms) as the sum of the proportional set size
(PSS) of the process and all its descendants, so worker processes count, and
the pages a forked worker still shares with its parent count once, not once
per process as a sum of resident sizes would (it made the figure err high by
the size of the parent for each worker). Where PSS cannot be read, the
resident size is used.
"""

from __future__ import annotations

import os
import subprocess
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float
    peak_bytes: int
    returncode: int
    output: str


def _children(pid: int) -> list[int]:
    """Children of every thread of `pid`: /proc lists a child under the thread that
    started it, and a build starts Pagefind and the pool's replacement workers from
    threads (reading the main thread's list alone left Pagefind out of the peak)."""
    found: list[int] = []
    try:
        threads = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for thread in threads:
        try:
            found.extend(
                int(x) for x in Path(f"/proc/{pid}/task/{thread}/children").read_text().split()
            )
        except OSError:
            continue
    return found


def _tree_memory(pid: int) -> int:
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        total += _memory(current)
        stack.extend(_children(current))
    return total


def _memory(pid: int) -> int:
    """Proportional set size (each shared page split among its sharers), else resident size."""
    for name, key in (("smaps_rollup", "Pss:"), ("status", "VmRSS:")):
        try:
            for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
        except OSError:
            continue
    return 0


def run(command: Sequence[str], cwd: Path | None = None, env: dict[str, str] | None = None) -> Run:
    """Run to completion; never raises for a non-zero exit (the caller decides)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        list(command),
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_memory(process.pid))
            stop.wait(0.02)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert process.stdout is not None
    output = process.stdout.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if not peak:  # ended before the first sample
        peak = usage.ru_maxrss * 1024
    return Run(
        seconds=seconds,
        cpu_seconds=usage.ru_utime + usage.ru_stime,
        peak_bytes=peak,
        returncode=process.returncode,
        output=output,
    )


def median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return ordered[middle]
    return (ordered[middle - 1] + ordered[middle]) / 2
