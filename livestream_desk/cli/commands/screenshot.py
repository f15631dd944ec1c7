"""`screenshot --out DIR`: a PNG of each main page of the window."""
from __future__ import annotations

import argparse
from pathlib import Path

from ..console import EXIT_OK, Console
from ..parser import Registrar


def register(commands: Registrar) -> None:
    screenshot = commands.add("screenshot", "save each main page of the window as a PNG", run)
    screenshot.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG files")
    screenshot.add_argument("--size", type=_size, default=(1366, 768), metavar="WxH",
                            help="the window's size in layout pixels (default: 1366x768)")
    screenshot.add_argument("--scale", type=_scale, default=1.0, metavar="FACTOR",
                            help="the screen's scaling, e.g. 1.5 for 150%% (default: 1): "
                                 "the same layout, with FACTOR times the pixels")


def _size(text: str) -> tuple[int, int]:
    width, sep, height = text.lower().replace("×", "x").partition("x")
    try:
        size = (int(width), int(height))
    except ValueError:
        size = (0, 0)
    if not sep or not (320 <= size[0] <= 7680 and 240 <= size[1] <= 4320):
        raise argparse.ArgumentTypeError(f"expected WIDTHxHEIGHT, e.g. 1366x768, got {text!r}")
    return size


def _scale(text: str) -> float:
    try:
        value = float(text.rstrip("%")) / (100 if text.endswith("%") else 1)
    except ValueError:
        value = 0.0
    if not 1.0 <= value <= 4.0:
        raise argparse.ArgumentTypeError(f"expected a scaling between 1 and 4 (e.g. 1.5 or 150%), got {text!r}")
    return value


def run(args: argparse.Namespace, console: Console) -> int:
    from ...ui.screenshot import save_screenshots

    out = Path(args.out).expanduser()
    out.mkdir(parents=True, exist_ok=True)
    # The window's language, not the console's: screenshots follow the app's own default.
    paths = save_screenshots(args.db, out, lang=args.lang, size=args.size, scale=args.scale)
    console.write("".join(f"{path}\n" for path in paths))
    return EXIT_OK
