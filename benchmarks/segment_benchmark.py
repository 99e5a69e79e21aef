#!/usr/bin/env python3
"""Segmentation benchmark.

Generates a transactions CSV (default 10 M rows over ~1 M customers), then in
the same run times

  * `campaign-deck segment FILE --summary` (the release build), and
  * DuckDB computing the same RFM scores from the same file (read_csv, exact
    duplicates dropped, GROUP BY customer, window functions for the
    1 + floor(5 x strictly-worse / N) quintile rule),

checks that both give every customer the same r/f/m scores (comparing
`segment FILE --format csv` with DuckDB's table), and prints both times and
the ratio (DuckDB time / Swift time: >= 1.0 means Swift is at least as fast).

Usage:
  swift build -c release
  python3 benchmarks/segment_benchmark.py [--rows 10000000] [--customers 1000000]
                                          [--file /tmp/transactions.csv] [--keep]
Needs: pip install duckdb
"""
import argparse
import os
import subprocess
import sys
import time

try:
    import duckdb
except ImportError:
    sys.exit("segment_benchmark: needs DuckDB (pip install duckdb)")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "campaign-deck")


def generate(path, rows, customers):
    """Deterministic data, written by DuckDB itself (fast, all cores): customers
    skewed so purchase counts vary, dates over two years, amounts 0.00-999.99."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(f"""
        COPY (
          SELECT
            'C' || lpad(CAST(floor({customers} * pow((hash(i) % 1000003) / 1000003.0, 1.3)) AS BIGINT)::VARCHAR, 7, '0')
              AS customer_id,
            DATE '2024-01-01' + CAST(hash(i + {rows}) % 730 AS INTEGER) AS date,
            CAST((hash(i + 2 * {rows}) % 100000) / 100.0 AS DECIMAL(10, 2)) AS amount
          FROM range({rows}) t(i)
        ) TO '{path}' (HEADER, DELIMITER ',')
    """)
    con.close()


DUCKDB_SCORES = """
CREATE OR REPLACE TABLE scores AS
WITH t AS (
  SELECT DISTINCT customer_id, date, amount
  FROM read_csv('{path}', header = true, auto_detect = false,
                columns = {{'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DECIMAL(18,2)'}})
),
c AS (
  SELECT customer_id, max(date) AS last_day, count(*) AS frequency, sum(amount) AS monetary
  FROM t GROUP BY customer_id
),
n AS (SELECT count(*) AS n FROM c)
SELECT customer_id,
  -- rank() - 1 = customers strictly smaller; an earlier last purchase = a larger recency
  1 + (5 * (rank() OVER (ORDER BY last_day) - 1)) // n AS r_score,
  1 + (5 * (rank() OVER (ORDER BY frequency) - 1)) // n AS f_score,
  1 + (5 * (rank() OVER (ORDER BY monetary) - 1)) // n AS m_score
FROM c, n
"""


def time_swift(path):
    start = time.perf_counter()
    run = subprocess.run([BINARY, "segment", path, "--summary", "--format", "json"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"segment_benchmark: campaign-deck failed ({run.returncode}): {run.stderr.strip()}")
    return elapsed


def time_duckdb(con, path):
    start = time.perf_counter()
    con.execute(DUCKDB_SCORES.format(path=path))
    return time.perf_counter() - start


def compare(con, path, scratch):
    """Every customer's r/f/m scores, Swift's CSV against DuckDB's table."""
    with open(scratch, "w") as out:
        run = subprocess.run([BINARY, "segment", path, "--format", "csv"], stdout=out, stderr=subprocess.PIPE, text=True)
    if run.returncode != 0:
        sys.exit(f"segment_benchmark: campaign-deck --format csv failed: {run.stderr.strip()}")
    swift_count, disagreements = con.execute(f"""
        WITH w AS (
          SELECT customer_id, r_score, f_score, m_score
          FROM read_csv('{scratch}', header = true, auto_detect = false,
                        columns = {{'customer_id': 'VARCHAR', 'recency_days': 'INTEGER', 'frequency': 'INTEGER',
                                    'monetary': 'DECIMAL(18,2)', 'r_score': 'INTEGER', 'f_score': 'INTEGER',
                                    'm_score': 'INTEGER', 'segment': 'VARCHAR', 'aov': 'DOUBLE', 'orders_30d': 'INTEGER',
                                    'orders_90d': 'INTEGER', 'orders_180d': 'INTEGER', 'orders_365d': 'INTEGER',
                                    'first_purchase_days': 'INTEGER', 'repurchase_rate': 'DOUBLE',
                                    'monetary_30d': 'DECIMAL(18,2)', 'monetary_90d': 'DECIMAL(18,2)',
                                    'monetary_180d': 'DECIMAL(18,2)', 'monetary_365d': 'DECIMAL(18,2)',
                                    'growth_90d': 'DOUBLE', 'lifecycle': 'VARCHAR', 'value_level': 'VARCHAR'}})
        )
        SELECT (SELECT count(*) FROM w),
               count(*) FILTER (WHERE s.customer_id IS NULL OR w.customer_id IS NULL
                                 OR s.r_score <> w.r_score OR s.f_score <> w.f_score OR s.m_score <> w.m_score)
        FROM scores s FULL OUTER JOIN w ON s.customer_id = w.customer_id
    """).fetchone()
    duck_count = con.execute("SELECT count(*) FROM scores").fetchone()[0]
    return swift_count, duck_count, disagreements


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--customers", type=int, default=1_000_000)
    parser.add_argument("--file", default="/tmp/campaign-deck-bench-transactions.csv")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs of each; the best counts")
    parser.add_argument("--keep", action="store_true", help="keep the generated files")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit(f"segment_benchmark: build first: swift build -c release (no {BINARY})")

    if not os.path.exists(args.file):
        start = time.perf_counter()
        generate(args.file, args.rows, args.customers)
        print(f"generated {args.file}: {args.rows:,} rows, {os.path.getsize(args.file) / 1e6:.0f} MB "
              f"in {time.perf_counter() - start:.1f} s")
    else:
        print(f"reusing {args.file} ({os.path.getsize(args.file) / 1e6:.0f} MB)")

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    swift_times, duck_times = [], []
    for _ in range(args.repeat):  # interleaved, so both see the same page cache and machine load
        swift_times.append(time_swift(args.file))
        duck_times.append(time_duckdb(con, args.file))
    swift, duck = min(swift_times), min(duck_times)

    scratch = args.file + ".swift-scores.csv"
    swift_count, duck_count, disagreements = compare(con, args.file, scratch)
    if not args.keep:
        os.remove(scratch)
        os.remove(args.file)

    print(f"campaign-deck segment --summary : {swift:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in swift_times)})")
    print(f"DuckDB {duckdb.__version__} ({threads} threads)  : {duck:6.2f} s  (runs: {', '.join(f'{t:.2f}' for t in duck_times)})")
    print(f"ratio DuckDB / Swift            : {duck / swift:6.2f}  (>= 1.0: Swift at least as fast)")
    print(f"customers: Swift {swift_count:,}, DuckDB {duck_count:,}; "
          f"customers whose r/f/m scores differ or are missing: {disagreements:,}")
    if disagreements or swift_count != duck_count:
        sys.exit(1)


if __name__ == "__main__":
    main()
