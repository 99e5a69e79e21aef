#!/usr/bin/env python3
"""Ingest benchmark: campaign-deck kpi against DuckDB.

Generates a simulated event stream (>= 2 M events) with `campaign-deck simulate`,
times `campaign-deck kpi --by channel` and DuckDB's read_json + GROUP BY channel on
the same file in the same run, checks both give the same per-channel totals, and
prints events per second for each and the ratio. Then streams 20 M events through
`campaign-deck kpi -` from a pipe and prints the peak RSS of the kpi process.

Usage: python3 benchmarks/ingest_benchmark.py [--events 2000000] [--stream-events 20000000]
Needs a release build (it runs `swift build -c release` first) and DuckDB
(`pip install duckdb`; installed on first run if missing).
"""
import argparse, json, os, subprocess, sys, tempfile, threading, time
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def ensure_duckdb():
    try:
        import duckdb  # noqa: F401
    except ImportError:
        print("installing duckdb (pip) ...", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "duckdb"], check=True)
    import duckdb
    return duckdb

def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "campaign-deck"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "campaign-deck")

def lines_per_day(binary):
    """Average over the whole simulated campaign (quiet preparation days and
    busy execution days differ by 10x, so one sample day misleads)."""
    out = subprocess.run([binary, "simulate"], capture_output=True, check=True).stdout
    days = 70
    return max(1, out.count(b"\n") // days)

def generate(binary, path, events):
    """At least `events` lines: whole campaigns (seeds 1, 2, …) back to back,
    the last one cut to the days needed."""
    per_day = lines_per_day(binary)
    days = max(1, -(-events // per_day))
    with open(path, "wb") as out:
        seed = 1
        while days > 0:
            run = min(days, 70)
            subprocess.run([binary, "simulate", "--days", str(run), "--seed", str(seed)], stdout=out, check=True)
            days -= run
            seed += 1
    with open(path, "rb") as f:
        count = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b""))
    if count < events:
        with open(path, "ab") as out:
            subprocess.run([binary, "simulate", "--days", "10", "--seed", "99"], stdout=out, check=True)
        with open(path, "rb") as f:
            count = sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 24), b""))
    return -(-events // per_day), count

def best_of(runs, fn):
    best, result = None, None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result

def deck_totals(binary, path):
    out = subprocess.run([binary, "kpi", "--by", "channel", "--format", "json", path], capture_output=True, check=True).stdout
    rows = json.loads(out)["rows"]
    return {r["key"]: (r["impressions"], r["clicks"], r["conversions"], Decimal(str(r["spend"])), Decimal(str(r["revenue"])))
            for r in rows}

DUCK_SQL = """
SELECT channel,
  coalesce(sum(CASE WHEN type = 'impression' THEN coalesce("count", 1) END), 0),
  coalesce(sum(CASE WHEN type = 'click' THEN coalesce("count", 1) END), 0),
  coalesce(sum(CASE WHEN type = 'conversion' THEN coalesce("count", 1) END), 0),
  coalesce(sum(CASE WHEN type = 'spend' THEN amount END), 0),
  coalesce(sum(CASE WHEN type = 'conversion' THEN amount END), 0)
FROM read_json(?, format = 'newline_delimited',
  columns = {ts: 'VARCHAR', type: 'VARCHAR', channel: 'VARCHAR', segment: 'VARCHAR', campaign: 'VARCHAR',
             "user": 'VARCHAR', "count": 'BIGINT', amount: 'DECIMAL(18,6)'})
WHERE channel IS NOT NULL
GROUP BY channel
"""

def duck_totals(duckdb, path):
    con = duckdb.connect()
    rows = con.execute(DUCK_SQL, [path]).fetchall()
    return {r[0]: (int(r[1]), int(r[2]), int(r[3]), Decimal(r[4]).normalize(), Decimal(r[5]).normalize()) for r in rows}

def normalise(totals):
    return {k: (a, b, c, Decimal(d).normalize(), Decimal(e).normalize()) for k, (a, b, c, d, e) in totals.items()}

def peak_rss_streaming(binary, events):
    """Pipes whole simulated campaigns (different seeds, back to back) into
    `kpi -` until about `events` lines have passed, and returns the kpi
    process's peak RSS. Each campaign restarts its clock, so later campaigns
    arrive 'late' by up to 70 days: the store must stay bounded either way."""
    campaign_lines = subprocess.run([binary, "simulate", "--seed", "1"], capture_output=True, check=True).stdout.count(b"\n")
    campaigns = max(1, -(-events // campaign_lines))
    script = "; ".join(f"'{binary}' simulate --seed {seed}" for seed in range(1, campaigns + 1))
    sim = subprocess.Popen(["sh", "-c", script], stdout=subprocess.PIPE)
    kpi = subprocess.Popen([binary, "kpi", "--format", "json", "-"], stdin=sim.stdout, stdout=subprocess.PIPE)
    sim.stdout.close()
    # Peak RSS from /proc (VmHWM), polled while kpi runs: ru_maxrss of a child
    # counts the parent's memory it had between fork and exec (this script holds
    # hundreds of MB by then), which once showed a bogus 606 MB.
    start = time.perf_counter()
    peak_kb = 0
    reader = threading.Thread(target=lambda: chunks.append(kpi.stdout.read()))
    chunks = []
    reader.start()
    while kpi.poll() is None:
        try:
            with open(f"/proc/{kpi.pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak_kb = max(peak_kb, int(line.split()[1]))
        except OSError:
            pass
        time.sleep(0.05)
    reader.join()
    sim.wait()
    elapsed = time.perf_counter() - start
    json.loads(b"".join(chunks))
    return campaigns * campaign_lines, peak_kb / 1024, elapsed

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--stream-events", type=int, default=20_000_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    duckdb = ensure_duckdb()
    binary = build()
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "events.jsonl")
        days, lines = generate(binary, path, args.events)
        size = os.path.getsize(path)
        print(f"stream: {lines:,} lines ({days} simulated days), {size / 1e6:.0f} MB")

        deck_time, deck = best_of(args.runs, lambda: deck_totals(binary, path))
        duck_time, duck = best_of(args.runs, lambda: duck_totals(duckdb, path))
        same = normalise(deck) == normalise(duck)
        print(f"campaign-deck kpi: {deck_time:.3f} s  {lines / deck_time:,.0f} events/s  {size / deck_time / 1e6:,.0f} MB/s")
        print(f"duckdb {duckdb.__version__} read_json + GROUP BY: {duck_time:.3f} s  {lines / duck_time:,.0f} events/s")
        print(f"ratio (duckdb time / campaign-deck time): {duck_time / deck_time:.2f}")
        print(f"totals identical per channel: {'yes' if same else 'NO'}")
        if not same:
            for key in sorted(set(deck) | set(duck)):
                if normalise(deck).get(key) != normalise(duck).get(key):
                    print(f"  {key}: deck {deck.get(key)} duckdb {duck.get(key)}")

    if args.stream_events > 0:
        lines, rss_mb, elapsed = peak_rss_streaming(binary, args.stream_events)
        print(f"streaming {lines:,} events through `simulate | kpi -`: kpi peak RSS {rss_mb:.1f} MB, {elapsed:.1f} s")
    return 0 if same else 1

if __name__ == "__main__":
    sys.exit(main())
