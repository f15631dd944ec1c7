"""Order imports against a plain script, in the same run (issue 9 item 11).

- a 100,000-line 抖店 CSV through `import-orders` vs a script that reads it with the csv
  module, converts the amounts to fen and inserts with sqlite3 executemany;
- a 100,000-row 快手 .xlsx through `import-orders` vs the same script reading it with
  python-calamine.
Goals: time ≤ 3× and peak memory (RSS) ≤ 3× the script's. Each run imports into a fresh copy
of an empty database; prints the median of the runs and the worst.

    python bench/bench_import_orders.py [--lines N] [--repeats N]
    python bench/bench_import_orders.py --baseline FILE DB   (the plain script itself)
"""
from __future__ import annotations

import argparse
import csv
import shutil
import sqlite3
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CLI, OUT, empty_database, measure  # noqa: E402


def fen(text) -> int:
    whole, _, cents = str(text).partition(".")
    return int(whole or 0) * 100 + int((cents + "00")[:2])


def baseline(file: Path, db: Path) -> None:
    """The plain script: read, amounts to fen, executemany."""
    rows = []
    if file.suffix == ".csv":
        with open(file, encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader)
            col = {name: i for i, name in enumerate(header)}
            for r in reader:
                rows.append(("douyin", r[col["主订单编号"]], r[col["子订单编号"]], r[col["选购商品"]], int(r[col["商品数量"]]),
                             fen(r[col["商品单价"]]), fen(r[col["订单应付金额"]]), r[col["支付完成时间"]]))
    else:
        from python_calamine import CalamineWorkbook

        book = CalamineWorkbook.from_path(str(file))
        data = book.get_sheet_by_name(book.sheet_names[0]).to_python()
        col = {name: i for i, name in enumerate(data[0])}
        for r in data[1:]:
            rows.append(("kuaishou", str(r[col["订单号"]]), str(r[col["订单号"]]), r[col["商品名称"]], int(r[col["成交数量"]]),
                         fen(r[col["商品单价"]]), fen(r[col["实付款"]]), str(r[col["订单支付时间"]])))
    conn = sqlite3.connect(db)
    with conn:
        conn.executemany(
            "INSERT INTO sales (platform, order_id, line_id, item_name, quantity, unit_price_fen, paid_fen, paid_at, "
            "refunded_fen, refunded_quantity, order_status, traffic_source, source, created_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, '', '', 'import', '2026-11-29 00:00:00')",
            rows,
        )
    conn.close()


NAMES = ["婺源皇菊", "万年贡米", "赣南脐橙", "庐山云雾茶", "广昌白莲", "新余蜜桔", "九江茶饼", "修水宁红茶"]


def make_douyin(path: Path, lines: int) -> Path:
    if path.exists():
        return path
    header = ["主订单编号", "子订单编号", "选购商品", "商品规格", "商品数量", "商品ID", "商家编码", "商品单价", "订单应付金额",
              "运费", "优惠总金额", "订单提交时间", "支付完成时间", "订单状态", "售后状态", "流量来源", "达人ID", "达人昵称"]
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        for i in range(lines):
            p = i % len(NAMES)
            qty = i % 5 + 1
            paid_at = f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d} {i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d}"
            writer.writerow([str(6928000000000000000 + i // 2 * 2), str(6928000000000000001 + i), NAMES[p], "规格",
                             qty, str(3581102230 + p), f"JX-{p}", "39.90", f"{39.9 * qty:.2f}", "0.00", "0.00", paid_at,
                             paid_at, "已完成", "退款成功" if i % 17 == 0 else "-", "直播", "71234567", "李知"])
    return path


def make_kuaishou(path: Path, lines: int) -> Path:
    if path.exists():
        return path
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("订单列表")
    sheet.append(["订单号", "订单创建时间", "订单支付时间", "订单状态", "实付款", "快递费", "成交数量", "售后状态", "商品名称",
                  "商品ID", "商品规格", "SKU编码", "商品单价", "渠道"])
    for i in range(lines):
        p = i % len(NAMES)
        qty = i % 5 + 1
        paid_at = f"2026-{i % 12 + 1:02d}-{i % 28 + 1:02d} {i % 24:02d}:{i % 60:02d}:00"
        sheet.append([str(2612000000000000 + i), paid_at, paid_at, "交易成功", f"{39.9 * qty:.2f}", "0.00", qty,
                      "", NAMES[p], f"ks{p}", "规格", f"JX-{p}", "39.90", "直播间"])
    book.save(path)
    return path


def run_pair(name: str, file: Path, repeats: int, limit: float = 3.0) -> None:
    empty = empty_database()
    target = OUT / "import-target.sqlite3"
    me = [sys.executable, str(Path(__file__).resolve()), "--baseline", str(file), str(target)]
    app = [*CLI, "import-orders", str(file), "--db", str(target), "--lang", "en"]
    runs: dict[str, list[tuple[float, int]]] = {"baseline": [], "import-orders": []}
    for attempt in range(repeats + 1):  # the first round warms the file cache
        for label, command in (("baseline", me), ("import-orders", app)):
            for suffix in ("", "-wal", "-shm"):
                Path(str(target) + suffix).unlink(missing_ok=True)
            shutil.copy(empty, target)
            result = measure(command)
            if attempt:
                runs[label].append(result)
    print(name)
    for label, results in runs.items():
        times = [t for t, _ in results]
        mems = [m / 1024 for _, m in results]
        print(f"  {label:14s} median {statistics.median(times) * 1000:7.0f} ms (worst {max(times) * 1000:7.0f})  "
              f"peak {statistics.median(mems):6.1f} MiB (worst {max(mems):6.1f})")
    time_ratio = statistics.median(t for t, _ in runs["import-orders"]) / statistics.median(t for t, _ in runs["baseline"])
    worst_ratio = max(t for t, _ in runs["import-orders"]) / min(t for t, _ in runs["baseline"])
    mem_ratio = statistics.median(m for _, m in runs["import-orders"]) / statistics.median(m for _, m in runs["baseline"])
    print(f"  time ratio   {time_ratio:5.2f}x (worst {worst_ratio:5.2f}x)  goal ≤ {limit}x: {'ok' if time_ratio <= limit else 'OVER'}")
    print(f"  memory ratio {mem_ratio:5.2f}x  goal ≤ {limit}x: {'ok' if mem_ratio <= limit else 'OVER'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--lines", type=int, default=100_000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--baseline", nargs=2, metavar=("FILE", "DB"))
    args = parser.parse_args()
    if args.baseline:
        baseline(Path(args.baseline[0]), Path(args.baseline[1]))
        return
    OUT.mkdir(parents=True, exist_ok=True)
    douyin = make_douyin(OUT / f"douyin-{args.lines}.csv", args.lines)
    kuaishou = make_kuaishou(OUT / f"kuaishou-{args.lines}.xlsx", args.lines)
    run_pair(f"抖店 CSV, {args.lines:,} lines: import-orders vs csv + executemany", douyin, args.repeats)
    run_pair(f"快手 .xlsx, {args.lines:,} rows: import-orders vs calamine + executemany", kuaishou, args.repeats)


if __name__ == "__main__":
    main()
