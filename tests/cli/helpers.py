"""Small helpers shared by the command-line tests."""
from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

ERROR_PREFIX = "livestream-desk: error: "


def digest(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def assert_one_line_error(stderr: str, *fragments: str) -> str:
    """stderr is exactly one `livestream-desk: error: …` line, no traceback, naming the fragments."""
    assert "Traceback" not in stderr, stderr
    lines = stderr.strip("\n").splitlines()
    assert len(lines) == 1, stderr
    (line,) = lines
    assert line.startswith(ERROR_PREFIX), line
    for fragment in fragments:
        assert fragment in line, (fragment, line)
    return line


def row_counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [
            name
            for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            if not name.startswith("sqlite_")
        ]
        return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
    finally:
        conn.close()


def make_newer_schema(path: Path) -> Path:
    """Stamp a livestream_desk database with a revision this build does not know."""
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    conn.commit()
    conn.close()
    return path


def make_foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('张三')")
    conn.commit()
    conn.close()
    return path


def make_truncated(source: Path, target: Path, size: int | None = None) -> Path:
    data = Path(source).read_bytes()
    target.write_bytes(data[: size if size is not None else len(data) // 2])
    return target


def make_random(target: Path, size: int = 20_000, seed: int = 3) -> Path:
    import random

    target.write_bytes(random.Random(seed).randbytes(size))
    return target


def make_damaged_pages(source: Path, target: Path) -> Path:
    """A copy whose header is fine but whose `sales` table page is garbage."""
    target.write_bytes(Path(source).read_bytes())
    conn = sqlite3.connect(target)
    (page_size,) = conn.execute("PRAGMA page_size").fetchone()
    (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'sales'").fetchone()
    conn.close()
    with target.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    return target
