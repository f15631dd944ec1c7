"""`screenshot --out DIR`: a PNG of each main page of the window."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..console import EXIT_OK, Console
from ..parser import Registrar


def register(commands: Registrar) -> None:
    screenshot = commands.add("screenshot", "save each main page of the window as a PNG", run)
    screenshot.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")


def run(args: argparse.Namespace, console: Console) -> int:
    from ...ui.screenshot import save_screenshots

    out = Path(args.out).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    # The window's language, not the console's: screenshots follow the app's own default.
    paths = save_screenshots(args.db, out, lang=args.lang)
    console.write("".join(f"{path}\n" for path in paths))
    return EXIT_OK
