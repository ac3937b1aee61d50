"""Start-up and scaling benchmark for cstofacts, with nothing but the standard library.

    python benchmarks/run.py              # all cases, 30 interleaved runs each
    python benchmarks/run.py --runs 60    # more runs on a noisy machine

Run it with the Python of a virtual environment where cstofacts is installed.
It times whole processes (wall clock), interleaving the cases so that drift in
machine load hits them all alike, and reports medians as ratios against
`python -c pass` and against a minimal Typer app built in the same environment.
Then it generates datasets of 1,000, 10,000 and 100,000 claims and reports load
and query times. It exits 1 if a target is missed.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))  # the synthetic dataset generator the tests use too

BIN = Path(sys.executable).parent
CSTOFACTS = str(BIN / "cstofacts")
MINIMAL_TYPER = """
import typer

app = typer.Typer()


@app.command()
def main(year: str = typer.Option("2023", help="A year.")) -> None:
    print(year)


if __name__ == "__main__":
    app()
"""
SCALES = (1_000, 10_000, 100_000)


def cases(typer_app: Path) -> dict[str, list[str]]:
    py = sys.executable
    return {
        "python -c pass": [py, "-c", "pass"],
        "minimal Typer app": [py, str(typer_app), "--year", "2023"],
        "list --year 2023 --format json": [CSTOFACTS, "list", "--year", "2023", "--format", "json"],
        "list --year 2023 --format table": [CSTOFACTS, "list", "--year", "2023", "--format", "table"],
        "list (plain, piped)": [CSTOFACTS, "list"],
        "search Khujand": [CSTOFACTS, "search", "Khujand"],
        "show khujand-border": [CSTOFACTS, "show", "khujand-border"],
        "--help": [CSTOFACTS, "--help"],
    }


# (case, limit as a multiple of python -c pass, limit as a multiple of the minimal Typer app)
TARGETS = [
    ("list --year 2023 --format json", 7.0, 1.2),
    ("list --year 2023 --format table", 9.0, None),
]


def wall(command: list[str], env: dict[str, str]) -> float:
    return measure(command, env)[0]


def measure(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one whole process."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise subprocess.CalledProcessError(proc.returncode, command)
    return elapsed, usage.ru_utime + usage.ru_stime


def startup(runs: int) -> tuple[dict[str, float], bool]:
    env = {k: v for k, v in os.environ.items() if k not in ("CSTOFACTS_DATA", "NO_COLOR", "FORCE_COLOR")}
    env["COLUMNS"] = "100"
    with tempfile.TemporaryDirectory() as tmp:
        typer_app = Path(tmp) / "minimal_typer.py"
        typer_app.write_text(MINIMAL_TYPER, encoding="utf-8")
        commands = cases(typer_app)
        for command in commands.values():  # warm the file cache and .pyc files
            wall(command, env)
        samples: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                samples[name].append(measure(command, env))
    medians = {name: statistics.median(w for w, _ in times) for name, times in samples.items()}
    cpu = {name: statistics.median(c for _, c in times) for name, times in samples.items()}
    base, typer_base = medians["python -c pass"], medians["minimal Typer app"]
    print(f"\nStart-up: whole-process wall time, median of {runs} interleaved runs")
    print("(CPU = user + system time, steadier than wall time on a busy machine; for information)\n")
    print(f"{'case':<34} {'median':>9} {'× pass':>8} {'× Typer':>8} {'CPU':>9} {'CPU × Typer':>12}")
    for name, median in medians.items():
        print(
            f"{name:<34} {median * 1000:>7.1f}ms {median / base:>8.2f} {median / typer_base:>8.2f} "
            f"{cpu[name] * 1000:>7.1f}ms {cpu[name] / cpu['minimal Typer app']:>12.2f}"
        )
    ok = True
    print()
    for name, max_pass, max_typer in TARGETS:
        ratio = medians[name] / base
        verdict = ratio <= max_pass
        line = f"{name}: {ratio:.2f}× python -c pass (target ≤ {max_pass}×)"
        if max_typer is not None:
            typer_ratio = medians[name] / typer_base
            verdict = verdict and typer_ratio <= max_typer
            line += f", {typer_ratio:.2f}× minimal Typer (target ≤ {max_typer}×)"
        print(("PASS " if verdict else "FAIL ") + line)
        ok = ok and verdict
    return medians, ok


def scale() -> bool:
    from synthetic import generate

    from cstofacts import dataset, query

    print("\nScale: generated datasets, parse cache cold; load = read + parse + validate,")
    print("query = --year 2023 filter + sort, process = the whole `--data FILE list --year 2023` command")
    print("(process: median of 3 runs; one at 100,000)\n")
    print(f"{'claims':>8} {'size':>8} {'load':>9} {'query':>9} {'load/claim':>11} {'process':>9}")
    ok = True
    per_claim = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in SCALES:
            # A fresh cache directory each time: this table is about parsing, not the cache.
            os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(dir=tmp)
            path = Path(tmp) / f"claims-{count}.toml"
            path.write_text(generate(count), encoding="utf-8")
            start = time.perf_counter()
            data = dataset.parse(dataset.read_text(path), str(path))
            loaded = time.perf_counter()
            filters = query.build_filters(data, years=["2023"])
            query.sort_claims(query.select(data, filters))
            queried = time.perf_counter()
            cold = dict(os.environ, XDG_CACHE_HOME=tempfile.mkdtemp(dir=tmp))
            command = [CSTOFACTS, "--data", str(path), "list", "--year", "2023", "--format", "json"]
            process = statistics.median(wall(command, cold) for _ in range(1 if count > 10_000 else 3))
            per_claim.append((loaded - start) / count)
            print(
                f"{count:>8,} {path.stat().st_size / 1e6:>6.1f}MB {(loaded - start):>8.2f}s "
                f"{(queried - loaded) * 1000:>7.1f}ms {per_claim[-1] * 1e6:>9.1f}µs {process:>8.2f}s"
            )
            if count == 10_000:
                verdict = process < 1.5
                print(
                    ("PASS " if verdict else "FAIL ") + f"10,000 claims answer a query in {process:.2f}s "
                    "(target < 1.5 s)"
                )
                ok = ok and verdict
    growth = per_claim[-1] / per_claim[0]
    linear = growth < 1.5
    print(
        ("PASS " if linear else "FAIL ") + f"linear growth: load time per claim at 100,000 is "
        f"{growth:.2f}× that at 1,000 (target < 1.5×)"
    )
    return ok and linear


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=30, help="interleaved runs per start-up case")
    parser.add_argument("--no-scale", action="store_true", help="skip the scaling table")
    args = parser.parse_args()
    import typer

    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}")
    print(f"python {platform.python_version()}, typer {typer.__version__}")
    _, ok = startup(args.runs)
    if not args.no_scale:
        ok = scale() and ok
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
