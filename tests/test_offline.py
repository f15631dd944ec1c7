"""Offline, proven (issue 11 item 2): the command-line journey and the window's first minute in
a process that has no network at all, and a record that nothing even tried to connect.

The journey runs under `unshare -rn` (a new user and network namespace: no interface but a
loopback that is down), so any connection fails. Every Python process of it imports a
`sitecustomize` that records socket audit events (connect, getaddrinfo, …) and the Qt
network modules it loaded into a file; the test asserts that file is empty. Where
`unshare -rn` is not allowed (no user namespaces, not Linux) the journey is skipped with the
reason; the source scan for URLs and network code runs everywhere.
"""
from __future__ import annotations

import csv
import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "fixtures" / "samples"

# Addresses the app may use at run time, with the reason. None today: the app ships its
# translations and templates, uses the system's fonts and draws its charts itself; a help
# page, font, icon or update check fetched from a server would have to be listed here first.
RUNTIME_URLS_ALLOWED: dict[str, str] = {}
URL = re.compile(r"""\b(?:https?|ftp|wss?)://[^\s"'<>)\]]+""")
# Code that reaches out by itself. The PostgreSQL driver connects only to the server the user
# names with --db or in the settings, and is imported by SQLAlchemy, not by the app's code.
NETWORK_CODE = re.compile(
    r"^\s*(?:import|from)\s+(?:requests|httpx|aiohttp|urllib\.request|urllib3|http\.client|ssl|"
    r"webbrowser|ftplib|smtplib|PySide6\.QtNetwork|PySide6\.QtWebEngine\w*)\b"
    # socket.gethostname() only reads the PC's own name (services/versions.py: who changed a row)
    r"|^\s*from\s+socket\s+import\s+(?!gethostname\s*$)"
    r"|\bsocket\.(?:socket|create_connection|getaddrinfo|gethostbyname\w*|gethostbyaddr|getfqdn)\b"
    r"|\b(?:QNetworkAccessManager|QNetworkRequest|QTcpSocket|QUdpSocket|QWebEngineView|QWebEnginePage)\b"
    r"|QDesktopServices\.openUrl\(\s*QUrl\(\s*[\"'](?:https?|ftp)",
    re.MULTILINE,
)

SITECUSTOMIZE = '''
"""Test hook (tests/test_offline.py): record every attempt to reach the network."""
import atexit, json, os, sys

_RECORD = os.environ["LIVESTREAM_DESK_NETWORK_RECORD"]
_EVENTS = {
    "socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
    "socket.sendto", "socket.sendmsg", "socket.bind", "urllib.Request", "http.client.connect",
    "ftplib.connect", "smtplib.connect", "webbrowser.open",
}


def _note(entry):
    with open(_RECORD, "a", encoding="utf-8") as record:
        record.write(json.dumps(entry, default=repr) + "\\n")


def _hook(event, args):
    if event in _EVENTS:
        _note({"pid": os.getpid(), "argv": sys.argv[1:4], "event": event, "args": args})


def _qt_network_modules():
    loaded = sorted(m for m in sys.modules if m.startswith(("PySide6.QtNetwork", "PySide6.QtWebEngine")))
    if loaded:
        _note({"pid": os.getpid(), "argv": sys.argv[1:4], "event": "qt network module imported", "args": loaded})


sys.addaudithook(_hook)
atexit.register(_qt_network_modules)
'''

# The window's first minute, shortened: started as users start it (the frame, then the
# database on a worker), every page shown through the Page interface, events processed.
WINDOW_MINUTE = '''
import sys, time
from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
from livestream_desk import app as app_module
from livestream_desk.ui.main_window import MainWindow
from livestream_desk.ui.screenshot import wait_until_idle

SECONDS_PER_PAGE = float(sys.argv[2])
visited = []

def run_for(seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.01)

def visit():
    window = next((w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)), None)
    if window is None or window.database is None:
        QTimer.singleShot(20, visit)
        return
    for key in window.page_keys():
        page = window.show_page(key)
        assert wait_until_idle(window, timeout=60), key
        run_for(SECONDS_PER_PAGE)
        page.refresh()
        assert wait_until_idle(window, timeout=60), key
        visited.append(key)
    run_for(SECONDS_PER_PAGE)
    print(" ".join(visited))
    window.close()

QTimer.singleShot(0, visit)
sys.exit(app_module.run_gui(sys.argv[1], "zh_CN"))
'''

# The journey's commands, run one after another in the namespace. {demo}, {fresh}, {out}
# are paths in the test's folder; {samples} the sample exports.
JOURNEY = [
    ["demo", "--db", "{demo}", "--months", "6", "--sales", "2000", "--seed", "3"],
    ["export", "products", "--db", "{demo}", "--to", "{out}/products.xlsx"],
    ["import-products", "{out}/products.xlsx", "--db", "{fresh}"],
    ["import-orders", "{samples}/douyin_orders.csv", "--db", "{fresh}"],
    ["import-orders", "{samples}/kuaishou_orders.xlsx", "--db", "{fresh}"],
    ["report", "monthly", "--db", "{fresh}", "--format", "csv", "--from", "2025-09", "--to", "2026-10"],
    ["report", "monthly", "--db", "{demo}", "--format", "json"],
    ["export", "sales", "--db", "{demo}", "--to", "{out}/sales.csv"],
    ["export", "monthly", "--db", "{demo}", "--to", "{out}/monthly.xlsx"],
    ["export", "livestreams", "--db", "{demo}", "--to", "{out}/livestreams.xlsx"],
    ["export", "report", "--db", "{demo}", "--from", "{first}", "--until", "{last}", "--to", "{out}/report.pdf"],
    ["export", "calendar", "--db", "{demo}", "--to", "{out}/plan.ics"],
    ["export", "runsheet", "{livestream}", "--db", "{demo}", "--to", "{out}/runsheet.pdf"],
    ["backup", "--db", "{demo}", "--to", "{out}/backup.sqlite3"],
    ["check", "--db", "{demo}"],
    ["screenshot", "--db", "{demo}", "--out", "{out}/shots"],
]


def _unshare_problem() -> str | None:
    """Why the journey cannot run without a network here, or None when it can."""
    if not sys.platform.startswith("linux"):
        return f"unshare -rn is Linux only (this is {sys.platform})"
    if shutil.which("unshare") is None:
        return "the unshare command (util-linux) is not installed"
    try:
        probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unshare -rn true failed: {exc}"
    if probe.returncode != 0:
        return f"this machine does not allow unshare -rn (user namespaces): {probe.stderr.strip()}"
    return None


def _python_sources() -> list[Path]:
    return sorted((ROOT / "livestream_desk").rglob("*.py"))


def _resource_texts() -> list[Path]:
    suffixes = {".ts", ".html", ".htm", ".md", ".txt", ".css", ".qss", ".svg", ".json", ".xml"}
    return sorted(p for p in (ROOT / "resources").rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


def test_no_address_or_network_code_in_the_app():
    """Nothing the app runs or shows names a web address or reaches for the network itself."""
    urls: dict[str, list[str]] = {}
    network: list[str] = []
    for path in _python_sources() + _resource_texts():
        text = path.read_text(encoding="utf-8", errors="replace")
        for url in URL.findall(text):
            if url not in RUNTIME_URLS_ALLOWED:
                urls.setdefault(url, []).append(str(path.relative_to(ROOT)))
        if path.suffix == ".py":
            network += [f"{path.relative_to(ROOT)}: {m.group(0)}" for m in NETWORK_CODE.finditer(text)]
    # Templates are .xlsx (zip of XML): a hyperlink or an external data link would be fetched
    # by Excel / WPS when the user opens the file.
    for template in (ROOT / "resources").rglob("*.xlsx"):
        with zipfile.ZipFile(template) as book:
            for name in book.namelist():
                if name.endswith(".rels"):
                    continue  # relationship types are namespace names, not addresses
                text = book.read(name).decode("utf-8", errors="replace")
                for url in URL.findall(text):
                    if "schemas.openxmlformats.org" in url or "purl.org" in url or "www.w3.org" in url:
                        continue  # XML namespaces: never fetched
                    urls.setdefault(url, []).append(f"{template.relative_to(ROOT)}:{name}")
    assert urls == {}, f"web addresses in the app or its resources: {urls}"
    assert network == [], f"code that reaches for the network: {network}"


@pytest.mark.timeout(900)
def test_journey_and_first_minute_without_network(tmp_path):
    problem = _unshare_problem()
    if problem:
        pytest.skip(problem)

    hook_dir = tmp_path / "hook"
    hook_dir.mkdir()
    (hook_dir / "sitecustomize.py").write_text(textwrap.dedent(SITECUSTOMIZE), encoding="utf-8")
    (tmp_path / "window_minute.py").write_text(WINDOW_MINUTE, encoding="utf-8")
    record = tmp_path / "network-attempts.jsonl"
    record.touch()
    out = tmp_path / "out"
    out.mkdir()
    demo, fresh = tmp_path / "demo.sqlite3", tmp_path / "fresh.sqlite3"

    env = dict(os.environ)
    env.update(
        PYTHONPATH=os.pathsep.join([str(hook_dir), str(ROOT)]),
        LIVESTREAM_DESK_NETWORK_RECORD=str(record),
        QT_QPA_PLATFORM="offscreen",
        LIVESTREAM_DESK_DATA_DIR=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),  # the window's QSettings
        LANG="C.UTF-8",
        LC_ALL="C.UTF-8",
    )
    env.pop("LIVESTREAM_DESK_TEST_PG_URL", None)

    def in_namespace(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        """One process in a namespace of its own without network (children inherit it)."""
        result = subprocess.run(
            ["unshare", "-rn", sys.executable, *args], cwd=tmp_path, env=env,
            capture_output=True, text=True, encoding="utf-8", timeout=timeout,
        )
        assert result.returncode == 0, f"{args}\n--- stdout\n{result.stdout[-2000:]}\n--- stderr\n{result.stderr[-4000:]}"
        return result

    # The namespace really has no network: the hook sees the attempt, the connection fails.
    probe = in_namespace("-c", "import socket\ntry:\n socket.create_connection(('1.1.1.1', 53), timeout=3)\n"
                               "except OSError as e: print('unreachable', e.errno)\nelse: print('CONNECTED')")
    assert probe.stdout.startswith("unreachable"), probe.stdout
    assert "socket.connect" in record.read_text(encoding="utf-8")
    record.write_text("", encoding="utf-8")

    values = {"demo": str(demo), "fresh": str(fresh), "out": str(out), "samples": str(SAMPLES)}
    outputs = {}
    for command in JOURNEY:
        if "{livestream}" in command or "{first}" in command:
            months = json.loads(outputs["report"])
            values["first"], values["last"] = months[0]["month"], months[-1]["month"]
            values["livestream"] = str(_a_livestream_with_lineup(demo))
        args = [part.format(**values) for part in command]
        result = in_namespace("-m", "livestream_desk", "--lang", "en", *args)
        if args[:2] == ["report", "monthly"] and args[-1] == "json":
            outputs["report"] = result.stdout
        elif args[:2] == ["report", "monthly"]:
            outputs["fresh report"] = result.stdout
        elif args[0] == "import-orders":
            assert "rejected: 0" in result.stdout, result.stdout

    minute = in_namespace(str(tmp_path / "window_minute.py"), str(demo), "1.0", timeout=600)

    attempts = [json.loads(line) for line in record.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert attempts == [], "tried to reach the network:\n" + "\n".join(map(str, attempts))

    # And the journey did its work.
    expected = (SAMPLES / "expected_monthly.csv").read_text(encoding="utf-8-sig").splitlines()
    assert outputs["fresh report"].splitlines() == expected
    assert minute.stdout.split() == ["dashboard", "schedule", "catalogue", "sales", "reports", "settings"]
    with open(out / "sales.csv", encoding="utf-8-sig", newline="") as sales:
        assert sum(1 for _ in csv.reader(sales)) == 2001  # header + the demo's 2,000 lines
    for name in ("products.xlsx", "monthly.xlsx", "livestreams.xlsx", "report.pdf", "plan.ics",
                 "runsheet.pdf", "backup.sqlite3"):
        assert (out / name).stat().st_size > 500, name
    assert (out / "report.pdf").read_bytes()[:5] == b"%PDF-"
    assert (out / "plan.ics").read_text(encoding="utf-8").startswith("BEGIN:VCALENDAR")
    shots = sorted(p.name for p in (out / "shots").glob("*.png"))
    assert len(shots) == 6 and all((out / "shots" / s).stat().st_size > 20_000 for s in shots), shots


def _a_livestream_with_lineup(database: Path) -> int:
    import sqlite3

    connection = sqlite3.connect(f"{database.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT livestream_id FROM lineup_items GROUP BY livestream_id ORDER BY livestream_id LIMIT 1"
        ).fetchone()
    finally:
        connection.close()
    assert row, "the demo data has no lineup"
    return row[0]
