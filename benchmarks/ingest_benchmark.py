#!/usr/bin/env python3
"""Ingest benchmark: campaign-deck kpi against DuckDB, on two files.

1. The simulator's stream (>= 2 M events, `campaign-deck simulate`): times
   `campaign-deck kpi --by channel` and DuckDB's read_json + GROUP BY channel.
2. A generic stream of the same length written here (not by our simulator):
   many users (500 k) and segments (300), keys in varying order, an unknown
   nested field on some lines, millisecond timestamps with an offset that
   differ from line to line, a few late events. Timed `kpi --by segment`
   against DuckDB's GROUP BY segment, and checked by channel too.

For each file both tools run on the same file in the same run, their totals
(impressions, clicks, conversions, spend, revenue per group) must be equal,
and events per second and the ratio are printed, then where the time goes:
`deck-bench kpi-paths` times the reader path (bytes to records) and the
judging path (records into the store or the alert monitor) apart. A last
line gives both files' ratios and the load average. Then 20 M events are
streamed through `campaign-deck kpi -` from a pipe and the peak RSS of the
kpi process is printed.

With `--before OTHER_BINARY` (an earlier build) that binary is timed on the
same files in the same run too, and its whole `kpi --format json` output
(the timed grouping and the total) must be byte-identical to this build's.

Usage: python3 benchmarks/ingest_benchmark.py [--events 2000000] [--stream-events 20000000] [--before BINARY]
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
    for product in ("campaign-deck", "deck-bench"):
        subprocess.run(["swift", "build", "-c", "release", "--product", product], cwd=ROOT, check=True,
                       stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "campaign-deck")

def print_paths(binary, path, by):
    """The reader path (bytes to records) and the judging path (records into
    the store or the alert monitor) timed apart by `deck-bench kpi-paths`."""
    bench = os.path.join(os.path.dirname(binary), "deck-bench")
    out = subprocess.run([bench, "kpi-paths", path, by], capture_output=True, check=True, text=True).stdout
    for line in out.splitlines():
        print(f"   {line}")

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

GENERIC_TYPES = [("impression", 60), ("click", 20), ("spend", 10), ("conversion", 3),
                 ("community_active", 5), ("reach", 2)]

def generate_generic(path, events, seed=7):
    """`events` lines a generic producer might write: see the module docstring.
    Amounts have two decimals; some lines carry a count; 1 in 50 is up to a
    minute late (well inside the time-jump bound)."""
    import random
    rng = random.Random(seed)
    types = [name for name, weight in GENERIC_TYPES for _ in range(weight)]
    channels = [f"ch-{k:02d}" for k in range(12)]
    segments = [f"seg-{k:03d}" for k in range(300)]
    campaigns = [f"cmp-{k}" for k in range(5)]
    devices = ["ios", "android", "web", "mini-program"]
    start_ms = 1_772_323_200_000  # 2026-03-01T00:00:00Z
    step_ms = max(1, (30 * 86_400_000) // events)  # about a month of events
    with open(path, "w", encoding="utf-8") as out:
        now = start_ms
        buffer = []
        for n in range(events):
            now += rng.randint(0, 2 * step_ms)
            ts_ms = now - (rng.randint(0, 60_000) if rng.randrange(50) == 0 else 0)
            local = ts_ms + 8 * 3_600_000  # written in +08:00
            seconds, millis = divmod(local, 1000)
            stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(seconds)) + f".{millis:03d}+08:00"
            kind = rng.choice(types)
            fields = [("ts", f'"{stamp}"'), ("type", f'"{kind}"'),
                      ("channel", f'"{rng.choice(channels)}"'), ("segment", f'"{rng.choice(segments)}"'),
                      ("campaign", f'"{rng.choice(campaigns)}"'), ("user", f'"u{rng.randrange(500_000):06d}"')]
            if kind in ("spend", "conversion"):
                fields.append(("amount", f"{rng.randrange(1, 50_000) / 100:.2f}"))
            elif rng.randrange(10) == 0:
                fields.append(("count", str(rng.randint(1, 20))))
            if rng.randrange(4) == 0:
                fields.append(("props", f'{{"device":"{rng.choice(devices)}","page":"/p/{rng.randrange(1000)}"}}'))
            if rng.randrange(3) == 0:
                rng.shuffle(fields)
            buffer.append("{" + ",".join(f'"{k}":{v}' for k, v in fields) + "}\n")
            if len(buffer) >= 100_000:
                out.write("".join(buffer))
                buffer.clear()
        out.write("".join(buffer))
    return events

def best_of(runs, fn):
    best, result = None, None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    return best, result

def deck_totals(binary, path, by="channel"):
    out = subprocess.run([binary, "kpi", "--by", by, "--format", "json", path], capture_output=True, check=True).stdout
    rows = json.loads(out)["rows"]
    return {r["key"]: (r["impressions"], r["clicks"], r["conversions"], Decimal(str(r["spend"])), Decimal(str(r["revenue"])))
            for r in rows}

DUCK_SQL = """
SELECT {by},
  coalesce(sum(CASE WHEN type = 'impression' THEN coalesce("count", 1) END), 0),
  coalesce(sum(CASE WHEN type = 'click' THEN coalesce("count", 1) END), 0),
  coalesce(sum(CASE WHEN type = 'conversion' THEN coalesce("count", 1) END), 0),
  coalesce(sum(CASE WHEN type = 'spend' THEN amount END), 0),
  coalesce(sum(CASE WHEN type = 'conversion' THEN amount END), 0)
FROM read_json(?, format = 'newline_delimited',
  columns = {ts: 'VARCHAR', type: 'VARCHAR', channel: 'VARCHAR', segment: 'VARCHAR', campaign: 'VARCHAR',
             "user": 'VARCHAR', "count": 'BIGINT', amount: 'DECIMAL(18,6)'})
WHERE {by} IS NOT NULL
GROUP BY {by}
"""

def duck_totals(duckdb, path, by="channel"):
    con = duckdb.connect()
    rows = con.execute(DUCK_SQL.replace("{by}", by), [path]).fetchall()
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

def report_difference(deck, duck):
    for key in sorted(set(deck) | set(duck)):
        if normalise(deck).get(key) != normalise(duck).get(key):
            print(f"  {key}: deck {deck.get(key)} duckdb {duck.get(key)}")

def compare(duckdb, binary, path, lines, by, runs, before=None):
    """Times both on `path` grouped by `by`; prints the figures and whether the totals agree."""
    size = os.path.getsize(path)
    deck_time, deck = best_of(runs, lambda: deck_totals(binary, path, by))
    duck_time, duck = best_of(runs, lambda: duck_totals(duckdb, path, by))
    same = normalise(deck) == normalise(duck)
    print(f"   campaign-deck kpi --by {by}: {deck_time:.3f} s  {lines / deck_time:,.0f} events/s  {size / deck_time / 1e6:,.0f} MB/s")
    print(f"   duckdb {duckdb.__version__} read_json + GROUP BY {by}: {duck_time:.3f} s  {lines / duck_time:,.0f} events/s")
    print(f"   ratio (duckdb time / campaign-deck time): {duck_time / deck_time:.2f}")
    print_paths(binary, path, by)
    if before:
        before_time, _ = best_of(runs, lambda: deck_totals(before, path, by))
        print(f"   before ({before}): {before_time:.3f} s, ratio {duck_time / before_time:.2f}")
        # The timed grouping and the total (the earlier build may take minutes
        # by channel on the generic file, which has 18,000 leaves).
        for dimension in dict.fromkeys((by, "total")):
            ours, theirs = (subprocess.run([b, "kpi", "--by", dimension, "--format", "json", path], capture_output=True,
                                           check=True).stdout for b in (binary, before))
            print(f"   kpi --by {dimension} --format json identical to before: {'yes' if ours == theirs else 'NO'}")
            same &= ours == theirs
    print(f"   totals identical per {by} ({len(deck)} rows): {'yes' if same else 'NO'}")
    if not same:
        report_difference(deck, duck)
    return same, duck_time / deck_time

def check_only(duckdb, binary, path, by):
    """Totals grouped another way, not timed."""
    deck, duck = deck_totals(binary, path, by), duck_totals(duckdb, path, by)
    same = normalise(deck) == normalise(duck)
    print(f"   totals identical per {by} ({len(deck)} rows): {'yes' if same else 'NO'}")
    if not same:
        report_difference(deck, duck)
    return same

def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=2_000_000)
    parser.add_argument("--stream-events", type=int, default=20_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--before", help="an earlier campaign-deck binary to time and diff beside this build")
    args = parser.parse_args()

    duckdb = ensure_duckdb()
    binary = build()
    same = True
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "events.jsonl")
        days, lines = generate(binary, path, args.events)
        print(f"1. simulator stream: {lines:,} lines ({days} simulated days), {os.path.getsize(path) / 1e6:.0f} MB")
        agree, simulator_ratio = compare(duckdb, binary, path, lines, "channel", args.runs, args.before)
        same &= agree
        os.remove(path)

        path = os.path.join(folder, "generic.jsonl")
        lines = generate_generic(path, args.events)
        print(f"2. generic stream: {lines:,} lines (500k users, 300 segments, 12 channels), "
              f"{os.path.getsize(path) / 1e6:.0f} MB")
        agree, generic_ratio = compare(duckdb, binary, path, lines, "segment", args.runs, args.before)
        same &= agree
        same &= check_only(duckdb, binary, path, "channel")
        print(f"ratios (duckdb time / campaign-deck time, goal 2.00): simulator by channel {simulator_ratio:.2f}, "
              f"generic by segment {generic_ratio:.2f}; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")

    if args.stream_events > 0:
        lines, rss_mb, elapsed = peak_rss_streaming(binary, args.stream_events)
        print(f"streaming {lines:,} events through `simulate | kpi -`: kpi peak RSS {rss_mb:.1f} MB, {elapsed:.1f} s")
    return 0 if same else 1

if __name__ == "__main__":
    sys.exit(main())
