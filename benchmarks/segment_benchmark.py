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

With --variants, one run times four ways of segmenting the same customers,
each beside a DuckDB query doing the comparable work, and checks that both
count the same customers:

  * plain: date and amount only (the scores above);
  * labels: with category and channel (DuckDB adds each customer's top ones);
  * customers: labels plus `--customers` (a generated file for every
    customer: gender written several ways, age with a few impossible ones,
    city_tier, and a phone that 1 in 20 pairs share) and `--merge-on phone`
    (DuckDB maps each id to the first id with its phone, groups by that,
    scores, and joins the attributes to count age bands, genders and tiers);
  * clv: labels plus `--clv` (BG/NBD and Gamma-Gamma fits). DuckDB has no
    peer for the fit: its figure is the labels query, and the fit's own time
    is the clv run less the labels run.

Usage:
  swift build -c release
  python3 benchmarks/segment_benchmark.py [--rows 10000000] [--customers 1000000]
                                          [--file /tmp/transactions.csv] [--keep] [--labels]
  (--labels also needs: swift build -c release --product deck-bench)
Needs: pip install duckdb
"""
import argparse
import json
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
    parser.add_argument("--variants", action="store_true",
                        help="time plain, labels, customers and clv, each beside DuckDB (see above)")
    parser.add_argument("--only", default="plain,labels,customers,clv",
                        help="with --variants: which of them, comma-separated (clv needs labels first for its fit time)")
    args = parser.parse_args()
    if not os.path.exists(BINARY):
        sys.exit(f"segment_benchmark: build first: swift build -c release (no {BINARY})")
    if args.labels and not os.path.exists(BENCH):
        sys.exit(f"segment_benchmark: build first: swift build -c release --product deck-bench (no {BENCH})")

    if args.variants:
        return run_variants(args)
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


# --variants ---------------------------------------------------------------

def generate_customers(path, customers):
    """Every customer id the transactions can hold, with attributes to clean: gender as 男/女/M/F/female or
    empty, age 18-77 with 1 in 1000 at 150 (refused), city_tier 1-4, and a phone that customer 2k+1 shares
    with 2k for 1 in 10 values of k (5 % of customers merged)."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    con.execute(f"""
        COPY (
          SELECT 'C' || lpad(i::VARCHAR, 7, '0') AS customer_id,
                 ['男', '女', 'M', 'F', 'female', ''][CAST(1 + hash(i + 7) % 6 AS BIGINT)] AS gender,
                 CASE WHEN hash(i + 8) % 1000 = 0 THEN 150 ELSE 18 + hash(i + 9) % 60 END AS age,
                 1 + hash(i + 10) % 4 AS city_tier,
                 '1' || lpad((CASE WHEN i % 20 = 1 THEN i - 1 ELSE i END)::VARCHAR, 10, '0') AS phone
          FROM range({customers}) t(i)
        ) TO '{path}' (HEADER, DELIMITER ',')
    """)
    con.close()


CUSTOMER_COLUMNS = "'customer_id': 'VARCHAR', 'gender': 'VARCHAR', 'age': 'INTEGER', 'city_tier': 'INTEGER', 'phone': 'VARCHAR'"

# The purchases once, exact duplicates dropped, for the queries below.
DUCKDB_PURCHASES = """
CREATE OR REPLACE TEMP TABLE t AS
SELECT DISTINCT * FROM read_csv('{path}', header = true, auto_detect = false, columns = {{{columns}}})
"""

# RFM scores of the customers in table t (customer_id already standing), as DUCKDB_SCORES.
DUCKDB_SCORES_OF_T = """
CREATE OR REPLACE TABLE scores AS
WITH c AS (SELECT customer_id, max(date) AS last_day, count(*) AS frequency, sum(amount) AS monetary
           FROM t GROUP BY customer_id),
n AS (SELECT count(*) AS n FROM c)
SELECT customer_id,
  1 + (5 * (rank() OVER (ORDER BY last_day) - 1)) // n AS r_score,
  1 + (5 * (rank() OVER (ORDER BY frequency) - 1)) // n AS f_score,
  1 + (5 * (rank() OVER (ORDER BY monetary) - 1)) // n AS m_score
FROM c, n
"""


# Customers merged by phone: each id stands for the first id in the file with its phone; ages outside
# 0-120 are no data; genders standardised as segment does (M/male/1 -> 男, F/female/0 -> 女).
DUCKDB_CUSTOMERS = """
CREATE OR REPLACE TEMP TABLE people AS
WITH f AS (SELECT *, row_number() OVER () AS line
           FROM read_csv('{path}', header = true, auto_detect = false, columns = {{{columns}}}))
SELECT customer_id, first_value(customer_id) OVER (PARTITION BY phone ORDER BY line) AS standing,
       CASE WHEN gender IN ('M', 'male', '1', '男') THEN '男' WHEN gender IN ('F', 'female', '0', '女') THEN '女' END AS gender,
       CASE WHEN age BETWEEN 0 AND 120 THEN age END AS age, city_tier
FROM f
"""

DUCKDB_MERGE = """
CREATE OR REPLACE TEMP TABLE t AS
SELECT coalesce(p.standing, t.customer_id) AS customer_id, t.* EXCLUDE (customer_id)
FROM t LEFT JOIN people p ON p.customer_id = t.customer_id
"""

# The portrait's attribute counts: scored customers by age band, gender and city tier (the kept id's row).
DUCKDB_PORTRAIT = """
CREATE OR REPLACE TABLE portrait AS
SELECT s.m_score, p.gender, CASE WHEN p.age < 18 THEN 0 WHEN p.age < 25 THEN 18 WHEN p.age < 35 THEN 25
                                 WHEN p.age < 45 THEN 35 WHEN p.age < 55 THEN 45 WHEN p.age >= 55 THEN 55 END AS band,
       p.city_tier, count(*) AS customers
FROM scores s LEFT JOIN people p ON p.customer_id = s.customer_id
GROUP BY ALL
"""


def tops_of_t():
    """DUCKDB_TOPS over table t rather than the file."""
    body = DUCKDB_TOPS.split("),\ncat AS (", 1)[1]
    return "CREATE OR REPLACE TABLE tops AS\nWITH cat AS (" + body


def duckdb_variant(con, variant, path, customers_path):
    start = time.perf_counter()
    con.execute(DUCKDB_PURCHASES.format(path=path, columns=COLUMNS if variant == "plain" else LABEL_COLUMNS))
    if variant == "customers":
        con.execute(DUCKDB_CUSTOMERS.format(path=customers_path, columns=CUSTOMER_COLUMNS))
        con.execute(DUCKDB_MERGE)
    con.execute(DUCKDB_SCORES_OF_T)
    if variant != "plain":
        con.execute(tops_of_t())
    if variant == "customers":
        con.execute(DUCKDB_PORTRAIT)
    elapsed = time.perf_counter() - start
    return elapsed, con.execute("SELECT count(*) FROM scores").fetchone()[0]


def swift_variant(variant, path, customers_path):
    command = [BINARY, "segment", path, "--summary", "--format", "json"]
    if variant == "customers":
        command += ["--customers", customers_path, "--merge-on", "phone"]
    if variant == "clv":
        command += ["--clv"]
    start = time.perf_counter()
    run = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if run.returncode != 0:
        sys.exit(f"segment_benchmark: {variant}: campaign-deck failed ({run.returncode}): {run.stderr.strip()[-500:]}")
    summary = json.loads(run.stdout)
    return elapsed, summary


def run_variants(args):
    labelled, plain = args.file, args.file + ".plain.csv"
    customers_path = args.file + ".customers.csv"
    start = time.perf_counter()
    if not os.path.exists(labelled):
        generate(labelled, args.rows, args.customers, True)
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = false")
    if not os.path.exists(plain):
        con.execute(f"COPY (SELECT customer_id, date, amount FROM read_csv('{labelled}', header = true, auto_detect = false, "
                    f"columns = {{{LABEL_COLUMNS}}})) TO '{plain}' (HEADER, DELIMITER ',')")
    if not os.path.exists(customers_path):
        generate_customers(customers_path, args.customers)
    print(f"data: {labelled} ({os.path.getsize(labelled) / 1e6:.0f} MB), {plain} ({os.path.getsize(plain) / 1e6:.0f} MB), "
          f"{customers_path} ({os.path.getsize(customers_path) / 1e6:.0f} MB), ready in {time.perf_counter() - start:.1f} s")
    threads = con.execute("SELECT current_setting('threads')").fetchone()[0]
    print(f"DuckDB {duckdb.__version__} ({threads} threads); best of {args.repeat} interleaved runs; load before: "
          f"{os.getloadavg()[0]:.2f}")
    rows, failed = {}, False
    for variant in [v for v in ["plain", "labels", "customers", "clv"] if v in args.only.split(",")]:
        path = plain if variant == "plain" else labelled
        swift_times, duck_times = [], []
        for _ in range(args.repeat):
            elapsed, summary = swift_variant(variant, path, customers_path)
            swift_times.append(elapsed)
            elapsed, duck_count = duckdb_variant(con, variant, path, customers_path)
            duck_times.append(elapsed)
        swift, duck = min(swift_times), min(duck_times)
        rows[variant] = (swift, duck)
        same = summary["customers"] == duck_count
        failed = failed or not same
        note = ""
        if variant == "clv":
            model = summary.get("clv_model", {})
            fit = f"{swift - rows['labels'][0]:+.2f} s over labels" if "labels" in rows else "time"
            note = (f"  fit: {fit}, no DuckDB peer "
                    f"(bgnbd converged {model.get('bgnbd', {}).get('converged')}, "
                    f"gamma_gamma converged {model.get('gamma_gamma', {}).get('converged')})")
        print(f"{variant:9}  campaign-deck {swift:6.2f} s  DuckDB {duck:6.2f} s  ratio DuckDB / Swift {duck / swift:5.2f}  "
              f"customers {summary['customers']:,} vs {duck_count:,}{'' if same else '  DIFFERENT'}{note}")
        print(f"           runs: Swift {', '.join(f'{t:.2f}' for t in swift_times)}; "
              f"DuckDB {', '.join(f'{t:.2f}' for t in duck_times)}; load now {os.getloadavg()[0]:.2f}")
    if not args.keep:
        for path in [labelled, plain, customers_path]:
            os.remove(path)
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main()
