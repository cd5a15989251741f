"""agentgen's benchmarks: ratios and medians measured side by side in one run, never asserted in tests.

    python bench/run.py help        # `agentgen --help` wall time (goal: median under 150 ms)
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path


def timed(action: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append(time.perf_counter() - start)
    return samples


def agentgen_command() -> list[str]:
    script = Path(sys.executable).with_name("agentgen")
    return [str(script)] if script.exists() else [shutil.which("agentgen") or "agentgen"]


def bench_help(runs: int) -> float:
    command = [*agentgen_command(), "--help"]
    samples = timed(lambda: subprocess.run(command, check=True, capture_output=True), runs)
    median_ms = statistics.median(samples) * 1000
    print(f"agentgen --help  runs={runs}  median={median_ms:.0f} ms  min={min(samples) * 1000:.0f} ms")
    return median_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    help_cmd = sub.add_parser("help", help="time `agentgen --help`")
    help_cmd.add_argument("--runs", type=int, default=21)
    args = parser.parse_args()
    if args.command == "help":
        help_ms = bench_help(args.runs)
        print(f"RESULT help_ms={help_ms:.0f}")


if __name__ == "__main__":
    main()
