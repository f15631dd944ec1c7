#!/usr/bin/env python3
"""Update the Chinese translation from the source strings, and build the .qm the app loads.

    python scripts/update_translations.py          # lupdate → .ts (keeps translations), lrelease → .qm
    python scripts/update_translations.py --check  # exit 1 if the .ts misses strings or has unfinished ones
    python scripts/update_translations.py --fill zh.json   # also fill translations from a file:
        # {"Messages": {"source text": "中文", ...}, "CataloguePage": {...}}

Several people (or helpers) may run it at once: the .ts is rewritten under a file lock.

After running it, translate every `<translation type="unfinished">` in
resources/i18n/livestream_desk_zh_CN.ts (by hand or with Qt Linguist), remove the
`type="unfinished"` attribute, and run the script again to rebuild the .qm. Running it twice
changes nothing. Source locations are not stored, so moving code does not churn the .ts.
Uses pyside6-lupdate / pyside6-lrelease from PySide6-Essentials.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "livestream_desk"
I18N_DIR = ROOT / "resources" / "i18n"
LANGUAGES = ("zh_CN",)


def ts_path(lang: str = "zh_CN") -> Path:
    return I18N_DIR / f"livestream_desk_{lang}.ts"


def qm_path(lang: str = "zh_CN") -> Path:
    return I18N_DIR / f"livestream_desk_{lang}.qm"


def tool(name: str) -> str:
    """The Qt linguist tool `name` (lupdate / lrelease) shipped inside PySide6."""
    try:
        import PySide6

        folder = Path(PySide6.__file__).resolve().parent
        for candidate in (folder / name, folder / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    except ImportError:
        pass
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    raise SystemExit(f"{name} not found: install PySide6-Essentials (pip install PySide6-Essentials)")


def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def run_lupdate(target: Path, lang: str = "zh_CN", quiet: bool = False) -> None:
    """Merge the source strings into `target` (created if missing); existing translations stay."""
    command = [
        tool("lupdate"),
        *[str(p) for p in source_files()],
        "-ts",
        str(target),
        "-source-language",
        "en",
        "-target-language",
        lang,
        "-locations",
        "none",
        "-no-obsolete",
    ]
    if quiet:
        command.append("-silent")
    subprocess.run(command, check=True, cwd=ROOT, capture_output=quiet)


def run_lrelease(source: Path, target: Path, quiet: bool = False) -> None:
    command = [tool("lrelease"), str(source), "-qm", str(target)]
    if quiet:
        command.append("-silent")
    subprocess.run(command, check=True, cwd=ROOT, capture_output=quiet)


def messages(path: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) → <message> element of a .ts file."""
    found: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            found[(name, message.findtext("source", ""))] = message
    return found


def unfinished(path: Path) -> list[tuple[str, str]]:
    """Messages without a finished, non-empty translation."""
    missing = []
    for key, message in messages(path).items():
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("unfinished", "vanished", "obsolete"):
            missing.append(key)
            continue
        forms = [form.text or "" for form in translation.iter("numerusform")]
        texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
        if not texts or any(not text.strip() for text in texts):
            missing.append(key)
    return missing


def out_of_date(lang: str = "zh_CN") -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(strings in the code but not in the .ts, strings in the .ts but no longer in the code)."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / f"fresh_{lang}.ts"
        run_lupdate(fresh, lang, quiet=True)
        wanted = set(messages(fresh))
    have = set(messages(ts_path(lang)))
    return wanted - have, have - wanted


def fill(ts: Path, translations: dict[str, dict[str, str]]) -> int:
    """Set the translation of each (context, source) given; returns how many were set."""
    tree = ET.parse(ts)
    count = 0
    for context in tree.getroot().iter("context"):
        wanted = translations.get(context.findtext("name", ""), {})
        for message in context.iter("message"):
            text = wanted.get(message.findtext("source", ""))
            if text is None:
                continue
            node = message.find("translation")
            if node is None:
                node = ET.SubElement(message, "translation")
            node.text = text
            node.attrib.pop("type", None)
            count += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return count


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check; change nothing")
    parser.add_argument("--fill", type=Path, help="JSON {context: {source: translation}} to fill in")
    args = parser.parse_args(argv)
    lock = None
    if not args.check:
        import fcntl

        lock = open(I18N_DIR / ".lock", "w")
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the process ends

    status = 0
    for lang in LANGUAGES:
        ts = ts_path(lang)
        if args.check:
            missing, stale = out_of_date(lang)
            for context, source in sorted(missing):
                print(f"not in {ts.name}: [{context}] {source}")
            for context, source in sorted(stale):
                print(f"no longer in the code: [{context}] {source}")
            if missing or stale:
                status = 1
        else:
            I18N_DIR.mkdir(parents=True, exist_ok=True)
            run_lupdate(ts, lang)
            if args.fill:
                import json

                filled = fill(ts, json.loads(args.fill.read_text(encoding="utf-8")))
                print(f"filled {filled} translation(s)")
                run_lupdate(ts, lang, quiet=True)  # back to lupdate's own layout
            run_lrelease(ts, qm_path(lang))
        todo = unfinished(ts)
        for context, source in sorted(todo):
            print(f"untranslated: [{context}] {source}")
        if todo:
            print(f"{len(todo)} string(s) of {ts.name} still need a translation")
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
