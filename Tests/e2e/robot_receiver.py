#!/usr/bin/env python3
"""A webhook receiver for the notify end-to-end test.

Usage: robot_receiver.py LOG PORT_FILE [FAIL_FIRST] [DELAY_SECONDS]
Answers HTTP 500 to the first FAIL_FIRST requests, then 200; waits DELAY_SECONDS
before each answer (so a test can kill the sender mid-drain). Every request's
body is appended to LOG as one line, with the answer given: `200 {...}`.
ROBOT_RECEIVER_PORT in the environment picks the port (default: any free one),
so a test can stop the receiver and start it again where a sender expects it.
"""
import http.server
import os
import sys
import time

log_path, port_file = sys.argv[1], sys.argv[2]
fail_first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
delay = float(sys.argv[4]) if len(sys.argv) > 4 else 0.0


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global fail_first
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        time.sleep(delay)
        status = 500 if fail_first > 0 else 200
        fail_first = max(0, fail_first - 1)
        with open(log_path, "ab") as log:
            log.write(str(status).encode() + b" " + body.replace(b"\n", b" ") + b"\n")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(b"{}")
        except BrokenPipeError:
            pass  # the sender was killed while waiting: the test does that on purpose

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", int(os.environ.get("ROBOT_RECEIVER_PORT", "0"))), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(port_file + ".tmp", port_file)  # the port appears whole or not at all
server.serve_forever()
