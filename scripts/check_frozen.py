"""Run the frozen build's commands from its folder and check what they produce (CI runs this).

    python scripts/check_frozen.py [FOLDER]        # default: dist/livestream-desk

Everything runs on temporary databases with a temporary data folder; the frozen program is
started from a different working directory, so the resources it finds are the bundled ones
(resources.py's frozen path), not a checkout's. Checks, in order:
  --help and --version; --smoke (the window's first paint, no missing translation);
  demo; report monthly (csv contract, Chinese table from the bundled catalogue);
  an old-schema database upgraded by the bundled Alembic scripts; import-orders of a
  sample; export sales to .xlsx; screenshot (six PNGs of 1366×768 with real content);
  every file of resources/ (but the README's screenshots) is in the folder; no file of it links to the Qt libraries the spec leaves out (QtNetwork…).
Prints one line per check and exits 1 on the first failure.
"""
from __future__ import annotations

import os
import sqlite3
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAME = "livestream-desk"
CSV_HEADER = "month,livestreams,orders,units,gmv,refunds,net_sales,mom_growth_pct"
PAGES = ("dashboard", "schedule", "catalogue", "sales", "reports", "settings")
DROPPED_LIBRARIES = (b"libQt6Network.so", b"Qt6Network.dll", b"libQt6EglFSDeviceIntegration.so")


class CheckFailed(Exception):
    pass


def program_in(folder: Path) -> Path:
    """The console program: livestream-desk-cli.exe on Windows, livestream-desk elsewhere."""
    for name in (f"{NAME}-cli.exe", f"{NAME}.exe", NAME):
        if (folder / name).is_file():
            return folder / name
    raise CheckFailed(f"no {NAME} program in {folder} (build it with: python scripts/build_frozen.py)")


class Runner:
    def __init__(self, program: Path, work: Path) -> None:
        self.program = program
        self.work = work
        self.env = dict(os.environ)
        self.env["QT_QPA_PLATFORM"] = "offscreen"
        self.env["LIVESTREAM_DESK_DATA_DIR"] = str(work / "data")
        self.env.pop("PYTHONPATH", None)  # nothing from a checkout may leak in
        self.env["PYTHONNOUSERSITE"] = "1"

    def __call__(self, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
        started = time.perf_counter()
        result = subprocess.run(
            [str(self.program), *args], cwd=self.work, env=self.env, capture_output=True,
            text=True, encoding="utf-8", errors="replace", timeout=timeout,
        )
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            raise CheckFailed(
                f"`{NAME} {' '.join(args)}` exited {result.returncode}\n"
                f"--- stdout\n{result.stdout[-3000:]}\n--- stderr\n{result.stderr[-3000:]}"
            )
        print(f"  ok  {NAME} {' '.join(args)}  ({elapsed:.1f} s)", flush=True)
        return result


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise CheckFailed(what)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    expect(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG")
    return struct.unpack(">II", data[16:24])


def check_smoke(run: Runner) -> None:
    result = run("--db", "smoke.sqlite3", "--smoke")
    # i18n logs a warning when the bundled .qm cannot be found or read.
    expect("translation" not in result.stderr, f"--smoke warned about translations:\n{result.stderr}")


def check_report(run: Runner, database: str) -> None:
    lines = run("report", "monthly", "--db", database, "--format", "csv").stdout.splitlines()
    expect(lines and lines[0] == CSV_HEADER, f"report monthly csv header is {lines[:1]}")
    expect(len(lines) >= 7, f"report monthly printed {len(lines) - 1} months, expected 6")
    table = run("--lang", "zh_CN", "report", "monthly", "--db", database).stdout
    # The CLI reads its Chinese texts from resources/i18n/*.ts: bundled, or this is English.
    # Into a pipe on an English Windows the Chinese comes out as "?" (the console's code
    # page, errors replaced), so there the check is that the English header is gone.
    chinese = "Month" not in table if sys.platform == "win32" else "月份" in table
    expect(chinese, f"report monthly --lang zh_CN is not in Chinese:\n{table[:400]}")


def check_upgrade(run: Runner, work: Path) -> None:
    """A database of the first schema, upgraded by the Alembic scripts inside the bundle."""
    old = work / "old.sqlite3"
    old.write_bytes((ROOT / "tests" / "fixtures" / "schema_0001_initial.sqlite3").read_bytes())
    run("report", "monthly", "--db", str(old), "--format", "csv")
    newest = sorted(p.stem for p in (ROOT / "livestream_desk" / "db" / "migrations" / "versions").glob("0*.py"))[-1]
    with sqlite3.connect(old) as connection:
        (version,) = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    expect(version == newest, f"old database upgraded to {version}, expected {newest}")
    run("check", "--db", str(old))


def check_screenshots(run: Runner, database: str, out: Path) -> None:
    listed = run("screenshot", "--db", database, "--out", str(out)).stdout.split()
    pngs = sorted(out.glob("*.png"))
    pages = [p.stem.split("-", 1)[1] for p in pngs]
    expect(set(PAGES) <= set(pages), f"screenshots: {[p.name for p in pngs]}, expected one of each of {PAGES}")
    expect(len(listed) == len(pngs), f"screenshot listed {listed}")
    for png in pngs:
        expect(png_size(png) == (1366, 768), f"{png.name} is {png_size(png)}, expected 1366×768")
        # A blank or single-colour 1366×768 page compresses to a few KiB; real pages are 50+ KiB.
        expect(png.stat().st_size > 20_000, f"{png.name} is only {png.stat().st_size} bytes: an empty page?")


def check_bundled_resources(folder: Path) -> None:
    """Every file of resources/ (translations, templates, help pages and their pictures) is in
    the folder where resources.py looks (<sys._MEIPASS>/resources); the README's screenshots are not."""
    bundled = next((p for p in (folder / "_internal" / "resources", folder / "resources") if p.is_dir()), None)
    expect(bundled is not None, f"no resources/ folder in {folder}")
    source = ROOT / "resources"
    wanted = {p.relative_to(source).as_posix() for p in source.rglob("*")
              if p.is_file() and p.relative_to(source).parts[0] != "screenshots" and p.name != ".lock"}
    present = {p.relative_to(bundled).as_posix() for p in bundled.rglob("*") if p.is_file()}
    expect(not wanted - present, f"resources missing from the build: {sorted(wanted - present)[:20]}")
    expect(not any(p.startswith("screenshots/") for p in present), "the README's screenshots were bundled")
    print(f"  ok  {len(wanted)} resource files bundled in {bundled.relative_to(folder)}", flush=True)


def check_no_dropped_libraries(folder: Path) -> None:
    suffixes = (".so", ".dll", ".pyd", ".dylib")
    offenders = []
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink() and (path.suffix in suffixes or ".so." in path.name):
            data = path.read_bytes()
            offenders += [f"{path.relative_to(folder)} → {lib.decode()}" for lib in DROPPED_LIBRARIES if lib in data]
    expect(not offenders, "files linking to libraries the spec leaves out:\n  " + "\n  ".join(offenders))
    print("  ok  nothing in the folder links to QtNetwork or EGLFS", flush=True)


def main(argv: list[str]) -> int:
    folder = Path(argv[0]).resolve() if argv else ROOT / "dist" / NAME
    try:
        program = program_in(folder)
        print(f"checking {program}", flush=True)
        with tempfile.TemporaryDirectory(prefix="frozen-check-") as tmp:
            work = Path(tmp)
            run = Runner(program, work)
            expect("usage:" in run("--help").stdout, "--help printed no usage")
            run("--version")
            check_smoke(run)
            run("demo", "--db", "demo.sqlite3", "--months", "6", "--sales", "3000", "--seed", "1")
            check_report(run, "demo.sqlite3")
            check_upgrade(run, work)
            sample = ROOT / "tests" / "fixtures" / "samples" / "douyin_orders.csv"
            imported = run("--lang", "en", "import-orders", str(sample), "--db", "demo.sqlite3").stdout
            expect("rejected: 0" in imported, f"import-orders:\n{imported}")
            run("export", "sales", "--db", "demo.sqlite3", "--to", "sales.xlsx")
            expect((work / "sales.xlsx").stat().st_size > 10_000, "sales.xlsx is almost empty")
            check_screenshots(run, "demo.sqlite3", work / "shots")
        check_bundled_resources(folder)
        check_no_dropped_libraries(folder)
    except (CheckFailed, subprocess.TimeoutExpired) as exc:
        print(f"FAILED: {exc}", file=sys.stderr)
        return 1
    print("frozen build ok")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
