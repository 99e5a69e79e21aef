#!/usr/bin/env python3
"""Resume benchmark (issue 19 item 2): how long `ingest --db` takes to start
on a database that already holds a long campaign, and has nothing new to read.

For 10 and 64 simulated days: the stream is ingested once, then the same
command is timed again (nothing new: all of its time is the resume), best of
`--runs`, two ways in the same run:
- stored state: the alert judging's state saved with the commits (`alert_resume`);
- replay: the state dropped before each run (what every resume did before
  issue 19: fold the whole stored history to rebuild the alert monitor).

Outputs must not depend on the path: the last tenth of the stream is then
ingested into two copies of the database, one resuming from the stored state
and one from a replay, and their metric history, anomalies with timelines,
`anomalies list` and `kpi --db --by channel` must be identical.

Usage: python3 benchmarks/resume_benchmark.py [--days 10 64] [--runs 3] [--binary PATH]
Needs a release build (it runs `swift build -c release` first unless --binary).
"""
import argparse, os, shutil, sqlite3, subprocess, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "campaign-deck"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "campaign-deck")

def ingest(binary, db, *files):
    start = time.perf_counter()
    subprocess.run([binary, "ingest", "--db", db, *files], check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - start

def drop_state(db):
    with sqlite3.connect(db) as con:
        con.execute("UPDATE alert_resume SET state = NULL, format = NULL, fingerprint = NULL, through_minute = NULL")

def state_info(db):
    with sqlite3.connect(db) as con:
        through, size = con.execute("SELECT through_minute, length(state) FROM alert_resume").fetchone()
        latest = con.execute("SELECT max(minute) FROM metric_minute").fetchone()[0]
    return through, size, latest

def dump(binary, db):
    """Everything a run leaves that must not depend on how it resumed."""
    with sqlite3.connect(db) as con:
        rows = [repr(r) for r in con.execute("SELECT minute, events, hex(leaves) FROM metric_minute ORDER BY minute")]
        rows += [repr(r) for r in con.execute("SELECT id, title, opened_at, recovered_at, status, observed_value, threshold "
                                              "FROM anomaly ORDER BY id")]
        rows += [repr(r) for r in con.execute("SELECT anomaly_id, at, author, kind, text FROM anomaly_note ORDER BY id")]
    for args in (["anomalies", "list", "--db", db, "--format", "json"], ["kpi", "--db", db, "--by", "channel", "--format", "json"]):
        rows.append(subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout)
    return rows

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--days", type=int, nargs="+", default=[10, 64])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary")
    args = parser.parse_args()
    binary = args.binary or build()
    with tempfile.TemporaryDirectory() as work:
        for days in args.days:
            events = os.path.join(work, f"events-{days}.jsonl")
            with open(events, "wb") as out:
                subprocess.run([binary, "simulate", "--days", str(days)], stdout=out, check=True)
            lines = open(events, "rb").read().splitlines(keepends=True)
            head = os.path.join(work, f"head-{days}.jsonl")
            cut = len(lines) * 9 // 10
            with open(head, "wb") as out:
                out.writelines(lines[:cut])
            db = os.path.join(work, f"d{days}.deck.sqlite")
            first = ingest(binary, db, head)
            through, size, latest = state_info(db)
            stored = min(ingest(binary, db, head) for _ in range(args.runs))
            replays = []
            for _ in range(args.runs):
                drop_state(db)
                replays.append(ingest(binary, db, head))
            replay = min(replays)
            print(f"{days} days ({cut:,} lines; first ingest {first:.2f} s; state {size / 1e6:.2f} MB, "
                  f"{latest - through} minutes before the newest):")
            print(f"  resume, replay of the history: {replay:.3f} s")
            print(f"  resume, stored state:          {stored:.3f} s   ({replay / stored:.1f}x)")

            # The rest of the stream, resumed both ways: identical outputs.
            with open(head, "ab") as out:
                out.writelines(lines[cut:])
            copy = os.path.join(work, f"d{days}-replay.deck.sqlite")
            shutil.copy(db, copy)
            drop_state(copy)
            ingest(binary, db, head)
            ingest(binary, copy, head)
            same = dump(binary, db) == dump(binary, copy)
            with sqlite3.connect(db) as con:
                anomalies = con.execute("SELECT count(*) FROM anomaly").fetchone()[0]
            print(f"  rest of the stream after each resume: outputs {'identical' if same else 'DIFFERENT'} "
                  f"({anomalies} anomalies)")
            if not same:
                raise SystemExit(1)

if __name__ == "__main__":
    main()
