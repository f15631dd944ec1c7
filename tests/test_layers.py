"""domain/, db/ and services/ never import Qt, and each layer imports only the ones below it.

DESIGN §2: ui → services → db → domain. The CLI and the GUI call the same services, and
the services run headless (CLI, workers, tests) without loading Qt.
"""
from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import livestream_desk

PACKAGE_DIR = Path(livestream_desk.__file__).resolve().parent
HEADLESS = ("domain", "db", "services")
QT_MODULES = ("PySide6", "PySide2", "shiboken6", "shiboken2", "PyQt5", "PyQt6", "pyqtgraph", "qtawesome", "superqt", "qtpy")
# What each layer must not import from this package (everything above it).
FORBIDDEN_INSIDE = {
    "domain": ("db", "services", "ui", "cli", "app", "__main__", "i18n"),
    "db": ("services", "ui", "cli", "app", "__main__", "i18n"),
    "services": ("ui", "cli", "app", "__main__"),
}


def python_files(layer: str) -> list[Path]:
    return sorted((PACKAGE_DIR / layer).rglob("*.py"))


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE_DIR.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path, source: str | None = None) -> list[tuple[int, str]]:
    """Absolute names of every import in the file (relative ones resolved), with line numbers."""
    if source is None:
        source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    package = module_name(path)
    if path.name != "__init__.py":
        package = package.rpartition(".")[0]
    names = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            names.append((node.lineno, target))
            # `from .. import ui` imports a module through its alias.
            names.extend((node.lineno, f"{target}.{alias.name}") for alias in node.names)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
            "import_module",
            "__import__",
        ):
            if node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
                names.append((node.lineno, node.args[0].value))
    return names


def _is_under(name: str, top: str) -> bool:
    return name == top or name.startswith(top + ".")


@pytest.mark.parametrize("layer", HEADLESS)
def test_layer_has_python_files(layer):
    assert python_files(layer), f"livestream_desk/{layer} has no modules?"


@pytest.mark.parametrize("layer", HEADLESS)
def test_no_qt_imports_in_source(layer):
    offences = []
    for path in python_files(layer):
        for line, name in imported_names(path):
            if any(_is_under(name, qt) for qt in QT_MODULES):
                offences.append(f"{path.relative_to(PACKAGE_DIR.parent)}:{line} imports {name}")
    assert not offences, "\n".join(offences)


@pytest.mark.parametrize("layer", HEADLESS)
def test_layers_import_only_downwards(layer):
    offences = []
    for path in python_files(layer):
        for line, name in imported_names(path):
            for above in FORBIDDEN_INSIDE[layer]:
                if _is_under(name, f"livestream_desk.{above}"):
                    offences.append(f"{path.relative_to(PACKAGE_DIR.parent)}:{line} imports {name}")
    assert not offences, "\n".join(offences)


def test_the_import_scanner_sees_what_it_should():
    """The scanner itself: plain, relative, aliased and dynamic imports are all caught."""
    source = (
        "import PySide6.QtCore\n"
        "from pyqtgraph import PlotWidget\n"
        "from ..ui import main_window\n"
        "from .. import cli\n"
        "def later():\n"
        "    import importlib\n"
        "    importlib.import_module('shiboken6')\n"
    )
    names = {name for _, name in imported_names(PACKAGE_DIR / "services" / "probe.py", source)}
    assert {"PySide6.QtCore", "pyqtgraph", "shiboken6"} <= names
    assert {"livestream_desk.ui", "livestream_desk.ui.main_window", "livestream_desk.cli"} <= names
    names = {name for _, name in imported_names(PACKAGE_DIR / "db" / "__init__.py", "from .models import Sale\n")}
    assert "livestream_desk.db.models" in names


def headless_modules() -> list[str]:
    names = []
    for layer in HEADLESS:
        package = __import__(f"livestream_desk.{layer}", fromlist=["_"])
        names.append(package.__name__)
        for info in pkgutil.walk_packages(package.__path__, prefix=package.__name__ + "."):
            names.append(info.name)
    return sorted(set(names))


def test_importing_every_headless_module_loads_no_qt():
    modules = headless_modules()
    assert "livestream_desk.services.reports" in modules
    assert "livestream_desk.db.engine" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        f"qt = sorted(m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r})\n"
        "assert not qt, qt\n"
        "print('ok', len(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=PACKAGE_DIR.parent,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")
