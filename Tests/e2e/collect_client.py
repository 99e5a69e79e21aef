#!/usr/bin/env python3
"""Posts an event file to `campaign-deck collect` in numbered batches, each
with its own Idempotency-Key, and appends every acknowledged batch to a log.

usage: collect_client.py EVENTS PORT TOKEN BATCH_LINES ACK_LOG [INDEX...]
Without indexes it posts every batch in order; it stops at the first batch
that gets no answer (the collector was killed). ACK_LOG lines: INDEX ANSWER.
"""
import json, sys, urllib.request

events, port, token, size, log = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4]), sys.argv[5]
lines = open(events, "rb").read().splitlines(keepends=True)
batches = [b"".join(lines[i:i + size]) for i in range(0, len(lines), size)]
indexes = [int(i) for i in sys.argv[6:]] or range(len(batches))
with open(log, "a") as out:
    for index in indexes:
        request = urllib.request.Request(f"http://127.0.0.1:{port}/v1/events", data=batches[index], method="POST",
                                         headers={"Authorization": f"Bearer {token}", "Idempotency-Key": f"batch-{index}"})
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                body = answer.read().decode()
        except Exception as error:  # killed mid-request: this batch is unacknowledged
            print(f"batch {index}: {error}", file=sys.stderr)
            sys.exit(3)
        out.write(f"{index} {json.dumps(json.loads(body), sort_keys=True)}\n")
        out.flush()
