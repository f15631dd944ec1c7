"""Start-up of the frozen one-folder build against the source tree, in the same run.

1. Start until the dashboard's figures are on screen on the 1M-line database (goal: frozen
   ≤ 1.5× source): bench/first_figures.py `--until cards` (the KPI cards' first paint) and
   `--until chart` (the dashboard loaded through the services, chart drawn). The app has no
   command that stops there, so first_figures.py (the app's own run_gui plus a watcher) is
   frozen with the very same spec (`scripts/build_frozen.py --entry bench/first_figures.py
   --name first-figures`, cached in bench/out/frozen/; --rebuild after changing the app) and
   compared with `python bench/first_figures.py`.
2. `--smoke` (first paint of the window) of the real frozen app (--frozen, default
   dist/livestream-desk, built by scripts/build_frozen.py) vs `python -m livestream_desk`.

The source tree is byte-compiled first (compileall), as an installed app is: this machine
sets PYTHONDONTWRITEBYTECODE, which would make every source run compile the app again.

    python bench/bench_frozen_startup.py [--frozen DIR] [--sales N | --db FILE] [--repeats N] [--rebuild]
"""
import argparse
import subprocess
import sys
import time
from pathlib import Path

from _common import CLI, OUT, ROOT, compare, demo_database

FIGURES = Path(__file__).with_name("first_figures.py")


def folder_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def program(folder: Path, name: str) -> Path:
    for candidate in (folder / f"{name}-cli.exe", folder / f"{name}.exe", folder / name):
        if candidate.is_file():
            return candidate
    raise SystemExit(f"no {name} program in {folder}")


def frozen_figures(rebuild: bool) -> Path:
    """bench/first_figures.py frozen with the app's spec (built once, reused by later runs)."""
    dist = OUT / "frozen"
    folder = dist / "first-figures"
    if rebuild or not folder.is_dir():
        print("freezing bench/first_figures.py with packaging/livestream_desk.spec…", flush=True)
        started = time.perf_counter()
        log = OUT / "frozen-build.log"
        with open(log, "w", encoding="utf-8") as output:
            built = subprocess.run(
                [sys.executable, str(ROOT / "scripts" / "build_frozen.py"), "--entry", str(FIGURES),
                 "--name", "first-figures", "--dist", str(dist), "--work", str(OUT / "frozen-work")],
                stdout=output, stderr=subprocess.STDOUT,
            )
        if built.returncode != 0:
            raise SystemExit(f"freezing first_figures.py failed: see {log}")
        print(f"  built in {time.perf_counter() - started:.0f} s")
    return program(folder, "first-figures")


parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("--frozen", type=Path, default=ROOT / "dist" / "livestream-desk",
                    help="the app's frozen folder (python scripts/build_frozen.py)")
parser.add_argument("--sales", type=int, default=1_000_000)
parser.add_argument("--db", type=Path, help="use this database instead of the cached demo one (--sales is then ignored)")
parser.add_argument("--repeats", type=int, default=7)
parser.add_argument("--rebuild", action="store_true", help="freeze first_figures.py again")
args = parser.parse_args()

app = program(args.frozen.resolve(), "livestream-desk")
print(f"frozen app: {args.frozen} ({folder_mib(args.frozen):.0f} MiB)")
database = args.db or demo_database(args.sales)
figures = frozen_figures(args.rebuild)
subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "livestream_desk")], check=True)
for until in ("cards", "chart"):
    compare(
        f"start until the dashboard's figures ({until}), {args.sales:,} sale lines: source tree (baseline) vs frozen",
        [sys.executable, str(FIGURES), str(database), "--until", until],
        [str(figures), str(database), "--until", until],
        repeats=args.repeats,
        limit_time=1.5,
    )
compare(
    f"--smoke (first paint), {args.sales:,} sale lines: source tree (baseline) vs frozen",
    [*CLI, "--db", str(database), "--smoke"],
    [str(app), "--db", str(database), "--smoke"],
    repeats=args.repeats,
    limit_time=None,
)
