"""Product imports against a plain script, in the same run (issue 7 item 4).

A 100,000-row product file in the template's layout (CSV, UTF-8 with BOM) through
`import-products`:
- first import: into a fresh copy of an empty database;
- re-import unchanged: the same file again into the database the first import made;
against the plain script: read the file with the csv module, amounts to fen, and
sqlite3 executemany into a table of the same columns (one UNIQUE code). Goals: time ≤ 10×
and peak memory (RSS, each run in a fresh process) ≤ 4× the script's. Prints the median of
the runs and the worst ratio.

Both run with compiled bytecode, as an installed app (or any checkout after its first run)
has it: the warm-up round writes it to bench/out/pycache even where PYTHONDONTWRITEBYTECODE
is set (this machine's shells set it, which otherwise compiles the app's modules from source
on every run, about 0.13 s of the import's start-up).

    python bench/bench_import_products.py [--rows N] [--repeats N]
    python bench/bench_import_products.py --baseline FILE DB   (the plain script itself)
"""
from __future__ import annotations

import argparse
import csv
import os
import shutil
import sqlite3
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CLI, OUT, empty_database, measure  # noqa: E402

HEADER = ["商品名称", "规格", "单位", "分类", "商家编码", "售价", "直播价", "成本价", "库存", "库存预警", "产地", "生产者",
          "认证", "保质期(天)", "备注", "状态"]


def fen(text: str):
    if not text:
        return None
    whole, _, cents = text.partition(".")
    return int(whole or 0) * 100 + int((cents + "00")[:2])


def baseline(file: Path, db: Path) -> None:
    """The plain script: read, amounts to fen, executemany."""
    rows = []
    with open(file, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle)
        col = {name: i for i, name in enumerate(next(reader))}
        for r in reader:
            rows.append((
                r[col["商品名称"]], r[col["规格"]], r[col["单位"]], r[col["分类"]], r[col["商家编码"]] or None,
                fen(r[col["售价"]]), fen(r[col["直播价"]]), fen(r[col["成本价"]]), int(r[col["库存"]] or 0),
                int(r[col["库存预警"]] or 0), r[col["产地"]], r[col["生产者"]], r[col["认证"]],
                int(r[col["保质期(天)"]]) if r[col["保质期(天)"]] else None, r[col["备注"]], r[col["状态"]] == "下架",
            ))
    conn = sqlite3.connect(db)
    with conn:
        conn.execute(
            "CREATE TABLE IF NOT EXISTS products (id INTEGER PRIMARY KEY, name TEXT NOT NULL, spec TEXT, unit TEXT,"
            " category TEXT, sku TEXT UNIQUE, list_price_fen INTEGER, live_price_fen INTEGER, cost_fen INTEGER,"
            " stock INTEGER, low_stock_threshold INTEGER, origin TEXT, producer TEXT, certifications TEXT,"
            " shelf_life_days INTEGER, notes TEXT, archived INTEGER)"
        )
        conn.executemany(
            "INSERT INTO products (name, spec, unit, category, sku, list_price_fen, live_price_fen, cost_fen, stock,"
            " low_stock_threshold, origin, producer, certifications, shelf_life_days, notes, archived)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    conn.close()


GOODS = ["皇菊", "贡米", "脐橙", "云雾茶", "白莲", "蜜桔", "茶饼", "宁红茶", "板鸭", "腊肉", "香菇", "笋干", "茶油", "米粉",
         "辣椒酱", "蜂蜜", "红薯干", "豆腐乳", "酒糟鱼", "南酸枣糕"]
PLACES = [("婺源", "婺源县", "江湾镇", "篁岭村"), ("万年", "万年县", "裴梅镇", "荷溪村"), ("赣南", "信丰县", "安西镇", "花园村"),
          ("庐山", "九江市", "海会镇", "五洲村"), ("广昌", "广昌县", "驿前镇", "姚西村"), ("新余", "渝水区", "水北镇", "黄坊村"),
          ("修水", "修水县", "黄港镇", "安全村"), ("井冈山", "井冈山市", "茅坪乡", "神山村")]
SPECS = [("500克", "袋"), ("5斤", "袋"), ("礼盒装", "盒"), ("250克", "罐"), ("1.5kg", "箱")]
CATEGORIES = ["花草茶", "粮油", "水果", "茶叶", "干货", "腊味", "调味品", "休闲零食"]


def make_products(path: Path, rows: int) -> Path:
    """Names a catalogue would have (place + goods + a series number), every row with a code."""
    if path.exists():
        return path
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(rows):
            short, county, town, village = PLACES[i % len(PLACES)]
            goods = GOODS[(i // len(PLACES)) % len(GOODS)]
            spec, unit = SPECS[i % len(SPECS)]
            price = 1990 + (i * 37) % 20000
            writer.writerow([
                f"{short}{goods} {i // 160 + 1}号", spec, unit, CATEGORIES[i % len(CATEGORIES)], f"JX-{i:06d}",
                f"{price / 100:.2f}", f"{(price - 300) / 100:.2f}" if i % 3 else "", f"{price * 6 // 1000:.2f}",
                i % 500, (i % 5) * 10, f"江西省 {county} {town} {village}", f"{county}{goods}专业合作社",
                "地理标志、绿色食品" if i % 4 == 0 else "", 180 + i % 365, "" if i % 7 else "新品",
                "下架" if i % 50 == 0 else "在售",
            ])
    return path


def summarise(label: str, results: list[tuple[float, int]]) -> None:
    times = [t for t, _ in results]
    mems = [m / 1024 for _, m in results]
    print(f"  {label:22s} median {statistics.median(times) * 1000:7.0f} ms (worst {max(times) * 1000:7.0f})  "
          f"peak {statistics.median(mems):6.1f} MiB (worst {max(mems):6.1f})")


def ratios(name: str, subject: list[tuple[float, int]], base: list[tuple[float, int]]) -> None:
    """Per round, subject ÷ the baseline of the same round; the median and the worst round."""
    time_ratios = [s[0] / b[0] for s, b in zip(subject, base)]
    mem_ratios = [s[1] / b[1] for s, b in zip(subject, base)]
    t, m = statistics.median(time_ratios), statistics.median(mem_ratios)
    print(f"  {name}: time {t:5.2f}x (worst {max(time_ratios):5.2f}x), goal ≤ 10x: {'ok' if max(time_ratios) <= 10 else 'OVER'};"
          f" peak memory {m:4.2f}x (worst {max(mem_ratios):4.2f}x), goal ≤ 4x: {'ok' if max(mem_ratios) <= 4 else 'OVER'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baseline", nargs=2, metavar=("FILE", "DB"))
    args = parser.parse_args()
    if args.baseline:
        baseline(Path(args.baseline[0]), Path(args.baseline[1]))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # (the commands' environment is this one's)
    os.environ["PYTHONPYCACHEPREFIX"] = str(OUT / "pycache")
    file = make_products(OUT / f"products-{args.rows}.csv", args.rows)
    empty = empty_database()
    base_db = OUT / "products-baseline.sqlite3"
    first_db = OUT / "products-first.sqlite3"
    again_db = OUT / "products-again.sqlite3"
    script = [sys.executable, str(Path(__file__).resolve()), "--baseline", str(file), str(base_db)]

    def app(db: Path) -> list[str]:
        return [*CLI, "import-products", str(file), "--db", str(db), "--lang", "en"]

    def fresh(target: Path, source: Path | None) -> None:
        for suffix in ("", "-wal", "-shm"):
            Path(str(target) + suffix).unlink(missing_ok=True)
        if source is not None:
            shutil.copy(source, target)

    runs: dict[str, list[tuple[float, int]]] = {"baseline": [], "first import": [], "re-import unchanged": []}
    for attempt in range(args.repeats + 1):  # the first round warms the file cache
        fresh(base_db, None)
        base = measure(script)
        fresh(first_db, empty)
        first = measure(app(first_db))
        fresh(again_db, first_db)
        again = measure(app(again_db))
        if attempt:
            runs["baseline"].append(base)
            runs["first import"].append(first)
            runs["re-import unchanged"].append(again)
    print(f"product CSV, {args.rows:,} rows: import-products vs csv + executemany ({args.repeats} rounds)")
    for label, results in runs.items():
        summarise(label, results)
    ratios("first import", runs["first import"], runs["baseline"])
    ratios("re-import unchanged", runs["re-import unchanged"], runs["baseline"])


if __name__ == "__main__":
    main()
