"""Make the user guide's pictures with the app's own `screenshot` command.

    python scripts/make_help_images.py [--out resources/help/images]

Builds a demo database (`livestream-desk demo`, fixed seed) and an empty one in a temporary
folder, runs `livestream-desk screenshot` on each in Chinese and in English (1366×768, the
screens our users have), and writes the pictures scaled to WIDTH pixels wide as
<out>/<lang>/NN-<page>.png, plus 00-first-start.png (the dashboard of the empty database).
The guide's pages (resources/help/<lang>/*.html) refer to these names. Run it again after
the look of the window changes.
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("zh_CN", "en")
SIZE = "1366x768"
WIDTH = 840  # fits the guide window's text column (ui/help/viewer.py); all pictures stay under 3 MB


def _run(*args: str, env: dict) -> None:
    command = [sys.executable, "-m", "livestream_desk", *args]
    print("$", " ".join(command[2:]), flush=True)
    subprocess.run(command, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL)


def _screenshots(db: Path, lang: str, folder: Path, env: dict) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    _run("screenshot", "--db", str(db), "--lang", lang, "--out", str(folder), "--size", SIZE, env=env)
    return sorted(folder.glob("*.png"))


def _scaled(source: Path, target: Path) -> int:
    """Write `source` scaled to WIDTH pixels wide (smoothly, PNG, 8-bit colour) as `target`."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage

    image = QImage(str(source))
    if image.isNull():
        raise SystemExit(f"cannot read {source}")
    if image.width() > WIDTH:
        image = image.scaledToWidth(WIDTH, Qt.TransformationMode.SmoothTransformation)
    image = image.convertToFormat(QImage.Format.Format_RGB888)
    target.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(target), "PNG", 9):
        raise SystemExit(f"cannot write {target}")
    return target.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "help" / "images")
    args = parser.parse_args(argv)

    env = dict(os.environ)
    if sys.platform.startswith("linux") and not env.get("DISPLAY") and not env.get("WAYLAND_DISPLAY"):
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    total = 0
    with tempfile.TemporaryDirectory(prefix="help-images-") as tmp:
        tmp_path = Path(tmp)
        env["LIVESTREAM_DESK_DATA_DIR"] = str(tmp_path / "data")  # nothing of the user's is touched
        env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
        demo, empty = tmp_path / "demo.sqlite3", tmp_path / "empty.sqlite3"
        _run("demo", "--db", str(demo), "--seed", "7", "--up-to-today", env=env)  # as the window loads it
        for lang in LANGUAGES:
            out = args.out / lang
            for old in out.glob("*.png"):
                old.unlink()
            for shot in _screenshots(demo, lang, tmp_path / f"demo-{lang}", env):
                total += _scaled(shot, out / shot.name)
            first = _screenshots(empty, lang, tmp_path / f"empty-{lang}", env)
            dashboard = next(path for path in first if path.name.endswith("-dashboard.png"))
            total += _scaled(dashboard, out / "00-first-start.png")
    print(f"{total / 1_000_000:.2f} MB in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
