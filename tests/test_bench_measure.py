"""The benchmark's memory figure counts every process a build starts."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from bench.measure import _children, run

# A parent that starts one child from its main thread and one from another thread,
# as the worker pool (replacement workers) and the search step (Pagefind) do.
PARENT = textwrap.dedent(
    """
    import subprocess, sys, threading
    sleeper = [sys.executable, "-c", "import time; time.sleep(30)"]
    main = subprocess.Popen(sleeper)
    children, started, finish = [], threading.Event(), threading.Event()
    def start():  # the thread stays alive: /proc lists the child under it meanwhile
        children.append(subprocess.Popen(sleeper)); started.set(); finish.wait()
    thread = threading.Thread(target=start)
    thread.start(); started.wait()
    print(main.pid, children[0].pid, flush=True)
    sys.stdin.readline()
    main.kill(); children[0].kill(); finish.set()
    """
)


def test_children_started_by_any_thread_are_found() -> None:
    parent = subprocess.Popen(
        [sys.executable, "-c", PARENT], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert parent.stdout is not None and parent.stdin is not None
        expected = {int(pid) for pid in parent.stdout.readline().split()}
        assert len(expected) == 2
        assert set(_children(parent.pid)) == expected
    finally:
        if parent.stdin is not None:
            parent.stdin.close()
        parent.wait(timeout=10)


def test_peak_includes_a_child_of_a_thread() -> None:
    # The child holds 200 MiB, the parent far less: the peak shows the child was counted.
    code = textwrap.dedent(
        """
        import subprocess, sys, threading
        child = "b = bytearray(200 * 2**20); import time; time.sleep(1.0)"
        thread = threading.Thread(target=lambda: subprocess.run([sys.executable, "-c", child]))
        thread.start(); thread.join()
        """
    )
    result = run([sys.executable, "-c", code])
    assert result.returncode == 0
    assert result.peak_bytes > 200 * 2**20
