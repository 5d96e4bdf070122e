"""Measure pk against its targets with public tools; prints a Markdown table of median wall
time and peak memory.

hyperfine times every run of a command, each in a fresh process; GNU time (/usr/bin/time),
which each run goes through, records its peak resident memory. The runs come in rounds, one
hyperfine call over all the commands of a group per round, so that a slow moment of a shared
machine falls on every command rather than on one. Run through `make bench`, which prepares
hyperfine, the other tools and the data.

    python bench/run.py --pk .venv/bin/pk --tools build/bench/tools/bin --work build/bench
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
GNU_TIME = "/usr/bin/time"


@dataclass
class Result:
    name: str
    seconds: float
    peak_mb: float
    runs: int


Spec = tuple[str, list[str], tuple[int, ...]]
"""A command to time: its name, argv, and the exit codes that count as success."""


def measure(specs: list[Spec], rounds: int, runs: int, *, warmup: int = 0) -> list[Result]:
    """Each command `rounds` × `runs` times: the median wall time and the peak memory."""
    times: dict[str, list[float]] = {name: [] for name, _, _ in specs}
    with tempfile.TemporaryDirectory() as scratch:
        memory = {name: Path(scratch) / f"{i}.rss" for i, (name, _, _) in enumerate(specs)}
        report = Path(scratch) / "hyperfine.json"
        for _ in range(rounds):
            args = ["hyperfine", "-N", "--style", "none", "-i", "--export-json", str(report)]
            args += ["--runs", str(runs), "--warmup", str(warmup)]
            for name, cmd, _ in specs:
                # -a: every run adds its peak resident set size (KiB) as one line.
                timed = [GNU_TIME, "-q", "-a", "-o", str(memory[name]), "-f", "%M", *cmd]
                args += ["-n", name, shlex.join(timed)]
            # hyperfine warns of outliers on every round of a shared machine: shown on failure only.
            done = subprocess.run(
                args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            )
            if done.returncode:
                sys.exit(f"hyperfine failed:\n{done.stderr[-2000:]}")
            for (name, cmd, ok), result in zip(
                specs, json.loads(report.read_text())["results"], strict=True
            ):
                failed = sorted(set(result["exit_codes"]) - set(ok))
                if failed:
                    sys.exit(f"{name}: exit {failed[0]}\n{shlex.join(cmd)}")
                times[name].extend(result["times"])
        peaks = {
            name: max(int(line) for line in memory[name].read_text().split()) / 1024
            for name in times
        }
    return [
        Result(name, statistics.median(times[name]), peaks[name], len(times[name]))
        for name in times
    ]


def write_realisasi(path: Path, size: int) -> None:
    """A realisasi-shaped YAML file of about `size` bytes: the demo's indikator, repeated."""
    demo = (ROOT / "examples" / "demo-2024" / "realisasi.yaml").read_text(encoding="utf-8")
    head, _, body = demo.partition("indikator:\n")
    entries = body.split("\nanggaran:")[0].split("\n  IK-")[1:]
    parts = [head, "indikator:\n"]
    total, n = len(head), 0
    while total < size:
        rest = entries[n % len(entries)]
        entry = f"  IK-{n:05d}{rest[rest.index(':') :]}\n"
        parts.append(entry)
        total += len(entry)
        n += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(parts), encoding="utf-8")


def five_years(out: Path) -> Path:
    """examples/renstra-contoh with two more years (2028, 2029: 2027's realisasi, the Renstra's
    targets for the year): a repository of five years and its Renstra; returns its data/."""
    import re

    import yaml

    data = out / "data"
    if data.exists():
        shutil.rmtree(data)
    shutil.copytree(ROOT / "examples" / "renstra-contoh" / "data", data)
    renstra = yaml.safe_load((data / "renstra.yaml").read_text(encoding="utf-8"))
    targets = {
        ind.get("id_di_pk", {}).get(2026, ind["id"]): ind["target"]
        for sasaran in renstra["sasaran"]
        for ind in sasaran["indikator"]
    }
    for tahun in (2028, 2029):
        folder = data / str(tahun)
        shutil.copytree(data / "2027", folder)
        for file in sorted(folder.glob("*.yaml")):  # each of the year's files names its year
            text = file.read_text(encoding="utf-8").replace("2027", str(tahun))
            if file.name == "perjanjian.yaml":
                for id_, by_year in targets.items():
                    text = re.sub(
                        rf"(- id: {re.escape(id_)}\n\s+nama: .*\n\s+target: )\S+",
                        lambda m, t=by_year[tahun]: f"{m.group(1)}{t}",
                        text,
                    )
            file.write_text(text, encoding="utf-8")
    return data


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pk", type=Path, required=True, help="the pk console script")
    parser.add_argument(
        "--tools", type=Path, required=True, help="bin folder with yamllint, check-jsonschema"
    )
    parser.add_argument(
        "--work", type=Path, required=True, help="folder with the generated workspaces"
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument(
        "--runs", type=int, default=5, help="runs of each start-up command per round"
    )
    args = parser.parse_args()
    for tool in ("hyperfine", GNU_TIME):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: sudo apt-get install hyperfine time")

    py = str(args.pk.parent / "python")
    pk = str(args.pk)
    schema = str(ROOT / "schema" / "perjanjian.schema.json")
    year_files = sorted(str(p) for p in (ROOT / "data" / "2024").glob("*.yaml"))
    national = args.work / "national"
    half = args.work / "half"
    national_files = sorted(str(p) for p in national.glob("*/perjanjian.yaml"))
    cjs = [str(args.tools / "check-jsonschema"), "--schemafile", schema]
    yamllint = [str(args.tools / "yamllint")]

    units = len(national_files)
    sys.path.insert(0, str(HERE))
    import generate

    # Five years of data/2024's agreement and their Renstra: the repository pk validate checks
    # when no folder is named.
    repository = args.work / "repository"
    shutil.rmtree(repository, ignore_errors=True)
    generate.repository(repository)
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
            (
                "pk validate five years and the Renstra",
                [pk, "validate", *sorted(str(p) for p in (repository / "data").iterdir())],
                (0,),
            ),
            (
                "pk validate one of the five years",
                [pk, "validate", str(repository / "data" / "2027")],
                (0,),
            ),
            ("check-jsonschema data/2024", cjs + year_files, (0, 1)),
            ("yamllint data/2024", yamllint + year_files, (0, 1)),
            ("yamllint -d relaxed data/2024", [*yamllint, "-d", "relaxed", *year_files], (0, 1)),
        ],
        args.rounds,
        args.runs,
        warmup=1,
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
        args.rounds,
        1,
    )
    # pk export at two sizes: its time must grow linearly with the indicators (it once grew
    # with their square: 10 s at 2 000, over 120 s at 8 000).
    sizes = (2000, 8000)
    for n in sizes:
        generate.year(args.work / f"export-{n}", n)
    rows += measure(
        [
            (
                f"pk export ({n} indikator)",
                [pk, "export", str(args.work / f"export-{n}"), "-o", str(args.work / f"{n}.xlsx")],
                (0,),
            )
            for n in sizes
        ],
        args.rounds,
        1,
    )
    # The commands that write round-trip a file through ruamel (about 8 s and 190 MB per MB):
    # pk's limit for them (pk.edit.roundtrip.MAX_BYTES, 256 KB) is timed just below it, and the
    # refusal just above it.
    edits = args.work / "edits"
    edit_sizes = {"50 KB": 50, "250 KB": 250, "1 MB (refused)": 1024}
    for kb in edit_sizes.values():
        write_realisasi(edits / f"{kb}.yaml", kb * 1024)
    rows += measure(
        [
            (f"pk fmt --check {label}", [pk, "fmt", "--check", str(edits / f"{kb}.yaml")], (0, 1))
            for label, kb in edit_sizes.items()
        ],
        args.rounds,
        1,
    )
    # Many years in one repository: validating all five and the Renstra against one of them
    # (start-up dominates: each file is parsed once), and the capaian report of the newest
    # with every comparison (it loads and computes the four years before it).
    repo = five_years(args.work / "five-years")
    five = [str(repo / "renstra.yaml"), *(str(repo / str(y)) for y in range(2025, 2030))]
    rows += measure(
        [
            ("pk validate one year of five", [pk, "validate", str(repo / "2027")], (0,)),
            ("pk validate five years and the Renstra", [pk, "validate", *five], (0,)),
            (
                "pk report capaian with comparisons over five years",
                [pk, "report", str(repo / "2029"), "--dokumen", "capaian"]
                + ["--format", "md", "--format", "html", "--output", str(args.work / "five")],
                (0,),
            ),
        ],
        args.rounds,
        args.runs,
        warmup=1,
    )
    by = {r.name.split(" (")[0]: r for r in rows}
    export = {n: next(r for r in rows if r.name == f"pk export ({n} indikator)") for n in sizes}

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
            "pk validate data/2024 ≤ 1.15 × the typer + pydantic floor",
            by["pk validate data/2024"].seconds,
            1.15 * by["bare typer app check"].seconds,
        ),
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
            "pk validate five years and the Renstra ≤ 1.3 × one of its years",
            by["pk validate five years and the Renstra"].seconds,
            1.3 * by["pk validate one of the five years"].seconds,
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
        (
            "pk export 8 000 indikator ≤ 5 × 2 000 (linear is 4 ×)",
            export[8000].seconds,
            5 * export[2000].seconds,
        ),
        (
            "pk validate on a five-year repository with its Renstra ≤ 1.3 × one year",
            by["pk validate five years and the Renstra"].seconds,
            1.3 * by["pk validate one year of five"].seconds,
        ),
        (
            "capaian report with comparisons over five years < 1 s",
            by["pk report capaian with comparisons over five years"].seconds,
            1.0,
        ),
        ("pk fmt at the edit limit (250 KB) < 6 s", by["pk fmt --check 250 KB"].seconds, 6.0),
        ("pk fmt at the edit limit peak memory < 300 MB", by["pk fmt --check 250 KB"].peak_mb, 300),
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
