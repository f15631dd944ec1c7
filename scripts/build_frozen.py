"""Build the one-folder frozen app with PyInstaller: dist/livestream-desk/.

    python -m pip install "pyinstaller>=6,<7"     # once; this script installs nothing
    python scripts/build_frozen.py [--dist DIR] [--work DIR] [--entry SCRIPT --name NAME]

Runs packaging/livestream_desk.spec (the same spec on Linux and Windows) from a clean work
folder, then prints the output folder, its size and how long the build took. Exit 2 when
PyInstaller is missing, PyInstaller's own exit code when the build fails.
"""
from __future__ import annotations

import argparse
import importlib.util
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "packaging" / "livestream_desk.spec"
NAME = "livestream-desk"


def folder_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the folder is written (default: dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--entry", type=Path, help="freeze this script instead of the app (benchmarks)")
    parser.add_argument("--name", default=NAME, help=f"program and folder name (default: {NAME})")
    args = parser.parse_args(argv)

    if importlib.util.find_spec("PyInstaller") is None:
        sys.stderr.write(
            "build_frozen: PyInstaller is not installed in this Python; "
            f'run: {Path(sys.executable).name} -m pip install "pyinstaller>=6,<7"\n'
        )
        return 2
    import PyInstaller

    dist, work = args.dist.resolve(), args.work.resolve()
    print(f"PyInstaller {PyInstaller.__version__}, Python {sys.version.split()[0]}, {sys.platform}", flush=True)
    started = time.perf_counter()
    command = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
               "--distpath", str(dist), "--workpath", str(work), str(SPEC), "--", "--name", args.name]
    if args.entry:
        command += ["--entry", str(args.entry.resolve())]
    # collect_submodules imports the app's packages while analysing: no window, no user data.
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    result = subprocess.run(command, cwd=ROOT, env=env)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.stderr.write(f"build_frozen: PyInstaller failed (exit {result.returncode})\n")
        return result.returncode

    folder = dist / args.name
    programs = [name for name in (args.name, f"{args.name}.exe", f"{args.name}-cli.exe") if (folder / name).exists()]
    print(f"built {folder}")
    print(f"  programs: {', '.join(programs)}")
    print(f"  size:     {folder_size(folder) / 2**20:.0f} MiB")
    print(f"  time:     {elapsed:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
