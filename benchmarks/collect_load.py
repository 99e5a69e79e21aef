#!/usr/bin/env python3
"""Load run for `campaign-deck collect` on loopback (a benchmark, not a test).

Posts --events simulated events in batches of --batch lines from --clients
concurrent clients (each on its own keep-alive connection, each batch with its
Idempotency-Key) to a release build's collector, then prints throughput
(events/s over the wall time from the first request to the last answer) and
the latency percentiles of the answers (each answer comes after its batch is
committed with full sync). Checks that every event was accepted once and that
`kpi --db` holds the impressions Python sums from the same lines.

Usage: python3 benchmarks/collect_load.py [--events 200000] [--batch 1000] [--clients 4] [--binary PATH]
Without --binary it runs `swift build -c release --product campaign-deck` first.
"""
import argparse, http.client, json, os, signal, socket, subprocess, sys, tempfile, threading, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOKEN = "load-run-token"

def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "campaign-deck"], cwd=ROOT, check=True,
                   stdout=subprocess.DEVNULL)
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                          capture_output=True, text=True).stdout.strip()
    return os.path.join(path, "campaign-deck")

def events(binary, count, env):
    days = 10
    while True:
        lines = subprocess.run([binary, "simulate", "--days", str(days)], capture_output=True, check=True, env=env).stdout.splitlines(keepends=True)
        if len(lines) >= count or days >= 70:
            return lines[:count]
        days = min(70, days * 2)

def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--batch", type=int, default=1_000)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--binary")
    args = parser.parse_args()
    binary = args.binary or build()
    work = tempfile.mkdtemp(prefix="collect-load-")
    env = dict(os.environ, XDG_STATE_HOME=os.path.join(work, "state"), CAMPAIGN_DECK_TOKEN=TOKEN, CAMPAIGN_DECK_LANG="en")
    lines = events(binary, args.events, env)
    batches = [b"".join(lines[i:i + args.batch]) for i in range(0, len(lines), args.batch)]
    probe = socket.socket(); probe.bind(("127.0.0.1", 0)); port = probe.getsockname()[1]; probe.close()
    db = os.path.join(work, "load.sqlite")
    server = subprocess.Popen([binary, "collect", "--db", db, "--listen", f"127.0.0.1:{port}"], env=env,
                              stderr=subprocess.PIPE, text=True)
    for _ in range(400):
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=1); connection.request("GET", "/healthz")
            if connection.getresponse().status == 200: break
        except OSError:
            time.sleep(0.05)
    latencies, accepted, errors = [], [0], []
    lock = threading.Lock()

    def client(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
        for index in range(number, len(batches), args.clients):
            started = time.perf_counter()
            connection.request("POST", "/v1/events", body=batches[index],
                               headers={"Authorization": f"Bearer {TOKEN}", "Idempotency-Key": f"load-{index}"})
            answer = connection.getresponse()
            body = answer.read()
            took = time.perf_counter() - started
            with lock:
                if answer.status != 200:
                    errors.append((index, answer.status, body[:200]))
                else:
                    latencies.append(took)
                    accepted[0] += json.loads(body)["accepted"]

    threads = [threading.Thread(target=client, args=(n,)) for n in range(args.clients)]
    began = time.perf_counter()
    for thread in threads: thread.start()
    for thread in threads: thread.join()
    wall = time.perf_counter() - began
    server.send_signal(signal.SIGTERM)
    _, stderr = server.communicate(timeout=120)

    kpi = json.loads(subprocess.run([binary, "kpi", "--db", db, "--by", "total", "--format", "json"], env=env,
                                    capture_output=True, check=True, text=True).stdout)
    impressions = sum(json.loads(line).get("count", 1) for line in lines if json.loads(line)["type"] == "impression")
    print(f"collector load run: {len(lines):,} events, {len(batches)} batches of {args.batch}, {args.clients} clients, loopback")
    print(f"  wall {wall:.2f} s   throughput {len(lines) / wall:,.0f} events/s   {len(batches) / wall:,.1f} batches/s")
    print(f"  latency per batch (ms): p50 {percentile(latencies, 50) * 1000:.1f}   p95 {percentile(latencies, 95) * 1000:.1f}"
          f"   p99 {percentile(latencies, 99) * 1000:.1f}   max {max(latencies) * 1000:.1f}")
    print(f"  accepted {accepted[0]:,} of {len(lines):,}; errors {len(errors)}; kpi impressions {kpi['rows'][0]['impressions']:,}"
          f" (Python: {impressions:,}); exit {server.returncode}")
    print("  " + stderr.strip().splitlines()[-1])
    ok = not errors and accepted[0] == len(lines) and kpi["rows"][0]["impressions"] == impressions and server.returncode == 0
    subprocess.run(["rm", "-rf", work])
    sys.exit(0 if ok else 1)

main()
