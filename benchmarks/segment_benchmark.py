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

With --labels the data also has `category` and `channel` columns (a few
empty), DuckDB reads all five columns (exact duplicates are whole rows), and
a second pair of timings compares every customer's top category and channel
(most rows, then larger total, then smaller name): `deck-bench top FILE`
against DuckDB's GROUP BY + row_number(), checked customer by customer.

Usage:
  swift build -c release
  python3 benchmarks/segment_benchmark.py [--rows 10000000] [--customers 1000000]
                                          [--file /tmp/transactions.csv] [--keep] [--labels]
  (--labels also needs: swift build -c release --product deck-bench)
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
# Overridable to compare two builds (e.g. before and after a change) on one file.
BINARY = os.environ.get("CAMPAIGN_DECK_BINARY", os.path.join(ROOT, ".build", "release", "campaign-deck"))
BENCH = os.environ.get("DECK_BENCH_BINARY", os.path.join(ROOT, ".build", "release", "deck-bench"))


def generate(path, rows, customers, labels):
    """Deterministic data, written by DuckDB itself (fast, all cores): customers
    skewed so purchase counts vary, dates over two years, amounts 0.00-999.99;
    with `labels`, 40 categories and 6 channels, about 1 in 20 of each empty."""
    extra = ""
    if labels:
        extra = f""",
            CASE WHEN hash(i + 3 * {rows}) % 20 = 0 THEN NULL
                 ELSE 'category_' || (hash(i + 4 * {rows}) % 40)::VARCHAR END AS category,
            CASE WHEN hash(i + 5 * {rows}) % 20 = 0 THEN NULL
                 ELSE ['web', 'app', 'store', 'mini_program', 'wechat', 'douyin'][CAST(1 + hash(i + 6 * {rows}) % 6 AS BIGINT)] END AS channel"""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(f"""
        COPY (
          SELECT
            'C' || lpad(CAST(floor({customers} * pow((hash(i) % 1000003) / 1000003.0, 1.3)) AS BIGINT)::VARCHAR, 7, '0')
              AS customer_id,
            DATE '2024-01-01' + CAST(hash(i + {rows}) % 730 AS INTEGER) AS date,
            CAST((hash(i + 2 * {rows}) % 100000) / 100.0 AS DECIMAL(10, 2)) AS amount{extra}
          FROM range({rows}) t(i)
        ) TO '{path}' (HEADER, DELIMITER ',')
    """)
    con.close()


COLUMNS = "'customer_id': 'VARCHAR', 'date': 'DATE', 'amount': 'DECIMAL(18,2)'"
LABEL_COLUMNS = COLUMNS + ", 'category': 'VARCHAR', 'channel': 'VARCHAR'"

DUCKDB_SCORES = """
CREATE OR REPLACE TABLE scores AS
WITH t AS (
  SELECT DISTINCT *
  FROM read_csv('{path}', header = true, auto_detect = false, columns = {{{columns}}})
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


def time_duckdb(con, path, labels):
    start = time.perf_counter()
    con.execute(DUCKDB_SCORES.format(path=path, columns=LABEL_COLUMNS if labels else COLUMNS))
    return time.perf_counter() - start


# Top category and channel per customer: most rows, then the larger total,
# then the smaller name (DuckDB compares VARCHAR bytewise); empty values do
# not vote; every purchase is before the default as-of day.
DUCKDB_TOPS = """
CREATE OR REPLACE TABLE tops AS
WITH t AS (
  SELECT DISTINCT * FROM read_csv('{path}', header = true, auto_detect = false, columns = {{{columns}}})
),
cat AS (
  SELECT customer_id, category AS name,
         row_number() OVER (PARTITION BY customer_id ORDER BY count(*) DESC, sum(amount) DESC, category) AS place
  FROM t WHERE category IS NOT NULL AND category <> '' GROUP BY customer_id, category
),
chan AS (
  SELECT customer_id, channel AS name,
         row_number() OVER (PARTITION BY customer_id ORDER BY count(*) DESC, sum(amount) DESC, channel) AS place
  FROM t WHERE channel IS NOT NULL AND channel <> '' GROUP BY customer_id, channel
),
c AS (SELECT DISTINCT customer_id FROM t)
SELECT c.customer_id, cat.name AS top_category, chan.name AS top_channel
FROM c LEFT JOIN cat ON cat.customer_id = c.customer_id AND cat.place = 1
       LEFT JOIN chan ON chan.customer_id = c.customer_id AND chan.place = 1
"""


def time_tops(con, path, scratch):
    """deck-bench top (read + every customer's tops) against DuckDB's query; both best of one run
    each here, interleaved by the caller."""
    start = time.perf_counter()
    run = subprocess.run([BENCH, "top", path, scratch], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    swift = time.perf_counter() - start
    if run.returncode != 0 or not run.stdout.startswith("read "):
        sys.exit(f"segment_benchmark: deck-bench top failed (a deck-bench without `top`?): {run.stdout.strip()[:200]} {run.stderr.strip()}")
    start = time.perf_counter()
    con.execute(DUCKDB_TOPS.format(path=path, columns=LABEL_COLUMNS))
    return swift, time.perf_counter() - start, run.stdout.strip()


def compare_tops(con, scratch):
    return con.execute(f"""
        WITH w AS (SELECT * FROM read_csv('{scratch}', header = true, auto_detect = false,
                   columns = {{'customer_id': 'VARCHAR', 'top_category': 'VARCHAR', 'top_channel': 'VARCHAR'}}))
        SELECT (SELECT count(*) FROM w),
               count(*) FILTER (WHERE s.customer_id IS NULL OR w.customer_id IS NULL
                                 OR coalesce(s.top_category, '') <> coalesce(w.top_category, '')
                                 OR coalesce(s.top_channel, '') <> coalesce(w.top_channel, ''))
        FROM tops s FULL OUTER JOIN w ON s.customer_id = w.customer_id
    """).fetchone()


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
    parser.add_argument("--labels", action="store_true", help="add category and channel columns and time top_category/top_channel")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit(f"segment_benchmark: build first: swift build -c release (no {BINARY})")
    if args.labels and not os.path.exists(BENCH):
        sys.exit(f"segment_benchmark: build first: swift build -c release --product deck-bench (no {BENCH})")

    if not os.path.exists(args.file):
        start = time.perf_counter()
        generate(args.file, args.rows, args.customers, args.labels)
        print(f"generated {args.file}: {args.rows:,} rows, {os.path.getsize(args.file) / 1e6:.0f} MB "
              f"in {time.perf_counter() - start:.1f} s")
    else:
        print(f"reusing {args.file} ({os.path.getsize(args.file) / 1e6:.0f} MB)")

    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    # DuckDB reads the columns the file has (a file with labels can be timed by a build without them).
    with open(args.file) as head:
        has_labels = head.readline().strip().endswith(",category,channel")
    if args.labels and not has_labels:
        sys.exit(f"segment_benchmark: {args.file} has no category and channel columns (delete it to regenerate)")
    swift_times, duck_times = [], []
    for _ in range(args.repeat):  # interleaved, so both see the same page cache and machine load
        swift_times.append(time_swift(args.file))
        duck_times.append(time_duckdb(con, args.file, has_labels))
    swift, duck = min(swift_times), min(duck_times)
    top_scratch = args.file + ".swift-tops.csv"
    top_runs = [time_tops(con, args.file, top_scratch) for _ in range(args.repeat)] if args.labels else []

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
    failed = disagreements or swift_count != duck_count
    if args.labels:
        top_count, top_disagreements = compare_tops(con, top_scratch)
        tops_duck_count = con.execute("SELECT count(*) FROM tops").fetchone()[0]
        if not args.keep:
            os.remove(top_scratch)
        swift_top, duck_top = min(r[0] for r in top_runs), min(r[1] for r in top_runs)
        print(f"deck-bench top (read + tops)    : {swift_top:6.2f} s  (runs: {', '.join(f'{r[0]:.2f}' for r in top_runs)})")
        print(f"  {top_runs[-1][2]}")
        print(f"DuckDB top category and channel : {duck_top:6.2f} s  (runs: {', '.join(f'{r[1]:.2f}' for r in top_runs)})")
        print(f"ratio DuckDB / Swift (tops)     : {duck_top / swift_top:6.2f}")
        print(f"customers: Swift {top_count:,}, DuckDB {tops_duck_count:,}; "
              f"customers whose top category or channel differ or are missing: {top_disagreements:,}")
        failed = failed or top_disagreements or top_count != tops_duck_count
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
