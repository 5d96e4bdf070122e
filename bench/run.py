"""Measure pk against its targets; prints a Markdown table of median wall time and peak memory.

Every command runs in a fresh process several times; peak memory is the child's maximum
resident set (os.wait4). Run through `make bench`, which prepares the tools and data.

    python bench/run.py --pk .venv/bin/pk --tools build/bench/tools/bin --work build/bench
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


@dataclass
class Result:
    name: str
    seconds: float
    peak_mb: float
    runs: int


Spec = tuple[str, list[str], tuple[int, ...]]
"""A command to time: its name, argv, and the exit codes that count as success."""


def run_once(name: str, cmd: list[str], ok: tuple[int, ...]) -> tuple[float, float]:
    """Wall seconds and peak resident MB of one fresh process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in ok:
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        sys.exit(f"{name}: exit {code}\n{' '.join(cmd)}\n{err[-2000:]}")
    return seconds, usage.ru_maxrss / 1024  # ru_maxrss is in KiB on Linux


def measure(specs: list[Spec], runs: int) -> list[Result]:
    """Each command `runs` times, in rounds (one run of every command per round), so that a
    slow moment of a shared machine falls on all of them rather than on one."""
    times: dict[str, list[float]] = {name: [] for name, _, _ in specs}
    peaks: dict[str, float] = dict.fromkeys(times, 0.0)
    for _ in range(runs):
        for name, cmd, ok in specs:
            seconds, peak = run_once(name, cmd, ok)
            times[name].append(seconds)
            peaks[name] = max(peaks[name], peak)
    return [Result(name, statistics.median(times[name]), peaks[name], runs) for name in times]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pk", type=Path, required=True, help="the pk console script")
    parser.add_argument(
        "--tools", type=Path, required=True, help="bin folder with yamllint, check-jsonschema"
    )
    parser.add_argument(
        "--work", type=Path, required=True, help="folder with the generated workspaces"
    )
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()

    py = str(args.pk.parent / "python")
    pk = str(args.pk)
    schema = str(ROOT / "schema" / "perjanjian.schema.json")
    year_files = sorted(str(p) for p in (ROOT / "data" / "2024").glob("*.yaml"))
    national = args.work / "national"
    half = args.work / "half"
    national_files = sorted(str(p) for p in national.glob("*/perjanjian.yaml"))
    cjs = [str(args.tools / "check-jsonschema"), "--schemafile", schema]
    yamllint = [str(args.tools / "yamllint")]
    few = 3

    units = len(national_files)
    rows = measure(
        [
            ("python -c pass", [py, "-c", "pass"], (0,)),
            ("bare typer app --help", [py, str(HERE / "bare_typer.py"), "--help"], (0,)),
            (
                "bare typer app check (typer + pydantic, nothing parsed)",
                [py, str(HERE / "bare_typer.py"), "check", year_files[0]],
                (0,),
            ),
            ("pk --help", [pk, "--help"], (0,)),
            ("pk validate data/2024", [pk, "validate", "data/2024"], (0,)),
            ("check-jsonschema data/2024", cjs + year_files, (0, 1)),
            ("yamllint data/2024", yamllint + year_files, (0, 1)),
            ("yamllint -d relaxed data/2024", [*yamllint, "-d", "relaxed", *year_files], (0, 1)),
        ],
        args.runs,
    )
    rows += measure(
        [
            (
                f"pk validate national/2 ({len(list(half.glob('*/')))} units)",
                [pk, "validate", str(half)],
                (0,),
            ),
            (f"pk validate national ({units} units)", [pk, "validate", str(national)], (0,)),
            (
                f"pk achievement national ({units} units)",
                [pk, "achievement", str(national), "--format", "json"],
                (0,),
            ),
            (
                f"pk report national ({units} units)",
                [pk, "report", str(national), "--output", str(args.work / "report")],
                (0,),
            ),
            # In the same rounds as pk's national runs (each run takes most of a minute), so the
            # ratio compares them on the machine as it was.
            ("check-jsonschema national", cjs + national_files, (0, 1)),
        ],
        few,
    )
    by = {r.name.split(" (")[0]: r for r in rows}

    print(
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}"
    )
    print()
    print("| command | median wall time | peak memory | runs |")
    print("|---|---:|---:|---:|")
    for r in rows:
        print(f"| {r.name} | {r.seconds * 1000:,.0f} ms | {r.peak_mb:,.0f} MB | {r.runs} |")
    print()

    checks = [
        (
            "pk validate data/2024 ≤ 0.6 × check-jsonschema",
            by["pk validate data/2024"].seconds,
            0.6 * by["check-jsonschema data/2024"].seconds,
        ),
        (
            "pk validate data/2024 ≤ 1.0 × yamllint",
            by["pk validate data/2024"].seconds,
            by["yamllint data/2024"].seconds,
        ),
        (
            "pk --help ≤ 1.2 × bare typer --help",
            by["pk --help"].seconds,
            1.2 * by["bare typer app --help"].seconds,
        ),
        ("national validate < 6 s", by["pk validate national"].seconds, 6.0),
        ("national achievement (validates too) < 6 s", by["pk achievement national"].seconds, 6.0),
        (
            "national validate ≥ 10 × faster than check-jsonschema",
            by["pk validate national"].seconds,
            by["check-jsonschema national"].seconds / 10,
        ),
        ("national validate peak memory < 1 GB", by["pk validate national"].peak_mb, 1024),
        ("national achievement peak memory < 1 GB", by["pk achievement national"].peak_mb, 1024),
    ]
    floor = by["bare typer app check"].seconds
    print(
        f"The floor of any typer command that validates with pydantic (the bare app's `check`) "
        f"is {floor / by['yamllint data/2024'].seconds:.2f} × yamllint and "
        f"{floor / by['check-jsonschema data/2024'].seconds:.2f} × check-jsonschema; "
        f"pk validate data/2024 adds {(by['pk validate data/2024'].seconds - floor) * 1000:.0f} ms "
        "to it."
    )
    grow = by["pk validate national"].seconds / by["pk validate national/2"].seconds
    print(f"Growth from half to full size: × {grow:.2f} (linear is about × 2).")
    print()
    print("| target | measured | limit | met |")
    print("|---|---:|---:|:-:|")
    for name, value, limit in checks:
        unit = "MB" if "memory" in name else "s"
        print(
            f"| {name} | {value:.3f} {unit} | {limit:.3f} {unit} | {'yes' if value <= limit else 'NO'} |"
        )


if __name__ == "__main__":
    main()
