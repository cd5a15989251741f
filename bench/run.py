"""agentgen's benchmarks: ratios and medians measured side by side in one run, never asserted in tests.

    python bench/run.py help                 # `agentgen --help` wall time (goal: median under 150 ms)
    python bench/run.py generate             # `agentgen new` vs plain `copier copy` (goal: ratio <= 0.8)
    python bench/run.py generate --against 9249c3e   # `agentgen new` here vs at an earlier commit (goal: <= 1.0)
    python bench/run.py service fastapi      # generated service vs bare app (goals: p95 < 100 ms, ratio >= 0.7)
    python bench/run.py feature fastapi tracing   # the service with a feature on vs off (goal: a small cost)
    python bench/run.py demo                 # a verified workshop batch vs its projects one by one (goal: <= 1.2)

Each ends with one line `RESULT key=value ...`.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def tool(name: str) -> str:
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name) or name


def run(*command: str, cwd: Path | None = None) -> None:
    subprocess.run(command, check=True, capture_output=True, cwd=cwd)


def bench_help(runs: int) -> float:
    samples = [timed(lambda: run(tool("agentgen"), "--help")) for _ in range(runs)]
    median_ms = statistics.median(samples) * 1000
    print(f"agentgen --help   runs={runs}  median={median_ms:.0f} ms  min={min(samples) * 1000:.0f} ms")
    return median_ms


def bench_generate(runs: int, profile: str) -> float:
    """Interleaved runs of both commands, same answers, fresh destinations outside any git repository."""
    with tempfile.TemporaryDirectory(prefix="agentgen-bench-") as scratch:
        work = Path(scratch)
        run(tool("agentgen"), "new", profile, str(work / "probe"), "--defaults", "--no-git")
        answers = yaml.safe_load((work / "probe" / ".copier-answers.yml").read_text())
        data_file = work / "answers.yml"
        data_file.write_text(yaml.safe_dump({k: v for k, v in answers.items() if not k.startswith("_")}))

        ours, theirs = [], []
        for n in range(runs):
            ours.append(timed(lambda n=n: run(tool("agentgen"), "new", profile, str(work / f"a{n}"), "--defaults")))
            copy = [tool("copier"), "copy", "--defaults", "--quiet", "--data-file", str(data_file)]
            theirs.append(timed(lambda n=n, copy=copy: run(*copy, str(ROOT), str(work / f"c{n}"))))
    return side_by_side(
        "command",
        ("agentgen new " + profile + " --defaults", ours),
        ("copier copy (same answers) of this repo", theirs),
        "agentgen / copier",
    )


def side_by_side(heading: str, first: tuple[str, list[float]], second: tuple[str, list[float]], ratio: str) -> float:
    """Print both series (median, min, max) and return the ratio of their medians, first / second."""
    print(f"{heading:44} {'median':>8} {'min':>8} {'max':>8}")
    for label, samples in (first, second):
        print(f"{label:44} {statistics.median(samples):7.2f}s {min(samples):7.2f}s {max(samples):7.2f}s")
    value = statistics.median(first[1]) / statistics.median(second[1])
    print(f"runs={len(first[1])}  ratio ({ratio}) = {value:.2f}")
    return value


def bench_against(ref: str, runs: int, profile: str) -> float:
    """`agentgen new` of this tree against the same command of agentgen at `ref` (a clone of this repository,
    installed into its own virtualenv): interleaved runs, fresh destinations, the same profile and defaults."""
    with tempfile.TemporaryDirectory(prefix="agentgen-bench-ref-") as scratch:
        work = Path(scratch)
        run("git", "clone", "--quiet", "--shared", str(ROOT), str(work / "src"))
        run("git", "checkout", "--quiet", "--detach", ref, cwd=work / "src")
        run(sys.executable, "-m", "venv", str(work / "venv"))
        run(str(work / "venv" / "bin" / "pip"), "install", "--quiet", "-e", str(work / "src"))
        before = str(work / "venv" / "bin" / "agentgen")
        # Bytecode for both sources, as an install writes it: an editable install does not, and where
        # PYTHONDONTWRITEBYTECODE is set no run would, so each run would compile whichever side was edited last.
        for source in (work / "src" / "generator", ROOT / "generator"):
            run(sys.executable, "-m", "compileall", "-q", str(source))
        run(before, "new", profile, str(work / "warm"), "--defaults", "--no-git")  # compile caches, both sides
        run(tool("agentgen"), "new", profile, str(work / "warm-here"), "--defaults", "--no-git")
        old, new = [], []
        for n in range(runs):
            old.append(timed(lambda n=n: run(before, "new", profile, str(work / f"o{n}"), "--defaults")))
            new.append(timed(lambda n=n: run(tool("agentgen"), "new", profile, str(work / f"n{n}"), "--defaults")))
    heading = f"agentgen new {profile} --defaults"
    return side_by_side(heading, ("this tree", new), (f"at {ref}", old), f"this tree / {ref}")


def cpu_seconds() -> float:
    """CPU time of every finished child process (and theirs), user and system."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bench_demo(manifest: Path, jobs: int) -> float:
    """Each project of the manifest verified alone, then the whole batch with `jobs` at a time."""
    entries = yaml.safe_load(manifest.read_text())["projects"]
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="agentgen-bench-demo-") as scratch:
        work = Path(scratch)
        alone = []
        cpu = cpu_seconds()
        for entry in entries:
            profile = entry["profile"]
            if "/" in profile or profile.endswith(".md"):
                entry = {**entry, "profile": str((manifest.parent / profile).resolve())}
            single = work / f"{entry['name']}.yaml"
            single.write_text(yaml.safe_dump({"projects": [entry]}))
            seconds = timed(
                lambda single=single: run(
                    tool("agentgen"), "demo", str(single), str(work / "alone"), "--verify", "--force", "--jobs", "1"
                )
            )
            alone.append(seconds)
            print(f"alone  {entry['name']:24} {seconds:7.1f}s")
        alone_cpu, cpu = cpu_seconds() - cpu, cpu_seconds()
        batch = timed(
            lambda: run(tool("agentgen"), "demo", str(manifest), str(work / "batch"), "--verify", "--jobs", str(jobs))
        )
        batch_cpu = cpu_seconds() - cpu
    ideal = sum(alone) / cores
    print(f"batch of {len(entries)} with --jobs {jobs}: {batch:.1f}s; one by one {sum(alone):.1f}s; ideal {ideal:.1f}s")
    print(
        f"cpu: one by one {alone_cpu:.0f}s ({alone_cpu / sum(alone):.2f} cores busy on average); "
        f"batch {batch_cpu:.0f}s ({batch_cpu / batch:.2f} of {cores} cores)"
    )
    print(f"ratio (batch / (sum alone / cores)) = {batch / ideal:.2f}")
    return batch / ideal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    help_cmd = sub.add_parser("help", help="time `agentgen --help`")
    help_cmd.add_argument("--runs", type=int, default=21)
    generate = sub.add_parser("generate", help="`agentgen new` against plain `copier copy`")
    generate.add_argument("--runs", type=int, default=7)
    generate.add_argument("--profile", default="fastapi-postgres")
    generate.add_argument("--against", metavar="REF", help="compare with agentgen at this commit, not with copier")
    service = sub.add_parser("service", help="a generated service against a bare app of its framework")
    service.add_argument("stack")
    service.add_argument("--seconds", type=int, default=10, help="of each load run")
    service.add_argument("--rounds", type=int, default=3, help="turns of the generated service and the bare app")
    feature = sub.add_parser("feature", help="a generated service with a feature on against the same one with it off")
    feature.add_argument("stack")
    feature.add_argument("answer", help="the feature's answer, e.g. tracing")
    feature.add_argument("--seconds", type=int, default=10, help="of each load run")
    feature.add_argument("--rounds", type=int, default=3, help="turns of the two services")
    demo = sub.add_parser("demo", help="a verified workshop batch against its projects one by one")
    demo.add_argument("--manifest", type=Path, default=ROOT / "examples" / "workshop.yaml")
    demo.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    # Stopped by a signal, a run still stops its servers and drops its database (the `finally` blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if args.command == "help":
        print(f"RESULT help_ms={bench_help(args.runs):.0f}")
    elif args.command == "generate" and args.against:
        print(f"RESULT ratio={bench_against(args.against, args.runs, args.profile):.2f}")
    elif args.command == "generate":
        ratio = bench_generate(args.runs, args.profile)
        help_ms = bench_help(21)
        print(f"RESULT ratio={ratio:.2f} help_ms={help_ms:.0f}")
    elif args.command == "demo":
        print(f"RESULT ratio={bench_demo(args.manifest, args.jobs):.2f}")
    elif args.command == "service":
        from service import SPECS, report, run_service

        if args.stack not in SPECS:
            raise SystemExit(f"unknown stack {args.stack!r}; benchmarked stacks: {', '.join(SPECS)}")
        generated, ratio = report(args.stack, *run_service(args.stack, args.seconds, args.rounds))
        print(f"RESULT stack={args.stack} rps={generated.rps:.0f} p95_ms={generated.p95_ms:.1f} ratio={ratio:.2f}")
    elif args.command == "feature":
        from service import SPECS, report, run_service

        if args.stack not in SPECS:
            raise SystemExit(f"unknown stack {args.stack!r}; benchmarked stacks: {', '.join(SPECS)}")
        loads = run_service(args.stack, args.seconds, args.rounds, args.answer)
        on, ratio = report(args.stack, *loads, (f"{args.answer} on", f"{args.answer} off"))
        print(
            f"RESULT stack={args.stack} feature={args.answer} rps={on.rps:.0f} p95_ms={on.p95_ms:.1f} ratio={ratio:.2f}"
        )


if __name__ == "__main__":
    main()
