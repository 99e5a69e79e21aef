#!/usr/bin/env python3
"""A stand-in for a WeCom, DingTalk or Feishu group robot, or a webhook, for the
end-to-end tests of alert delivery.

Usage: robot_receiver.py LOG PORT_FILE [FAIL_FIRST] [DELAY_SECONDS]
                         [--kind wecom|dingtalk|feishu|webhook] [--secret S]
                         [--token T] [--verdicts FILE]

Answers HTTP 500 to the first FAIL_FIRST requests, then 200; waits DELAY_SECONDS
before each answer (so a test can kill the sender mid-drain). Every request's
body is appended to LOG as one line, with the HTTP status given: `200 {...}`.

--kind (default webhook) makes it check each request the way that robot does,
and answer in its words:
  wecom     `{"errcode":0,"errmsg":"ok"}`; the body is `markdown` or `text` (with
            `mentioned_list` / `mentioned_mobile_list`); --token is the `key`
            query parameter of the robot's address.
  dingtalk  `{"errcode":0,"errmsg":"ok"}`; with --secret the `timestamp` (ms) and
            `sign` query parameters must be the robot's signature, sign =
            urlencode(base64(HMAC-SHA256(key=secret, msg=timestamp+"\\n"+secret)))
            and timestamp within an hour of now, else errcode 310000; --token is
            the `access_token` query parameter.
  feishu    `{"code":0,"msg":"success",...}`; with --secret the body's `timestamp`
            (seconds, a string) and `sign` = base64(HMAC-SHA256(key=timestamp+"\\n"
            +secret, msg=empty)) must match, else code 19021.
  webhook   answers `{}`; the body is checked against the documented document.
A body of the wrong shape gets the robot's "bad request" answer (errcode 40008
for WeCom, 300005 for DingTalk, code 9499 for Feishu) so the sender keeps it
pending. --verdicts FILE gets one JSON line per request: kind, path, query,
the HTTP status and answer, the parsed body and `problems` (empty when the
request was exactly right), so a test can fail on any shape error.

The signatures are computed here from the published algorithms, never taken
from the sender under test.
"""
import argparse
import base64
import hashlib
import hmac
import http.server
import json
import os
import time
import urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("log")
parser.add_argument("port_file")
parser.add_argument("fail_first", nargs="?", type=int, default=0)
parser.add_argument("delay", nargs="?", type=float, default=0.0)
parser.add_argument("--kind", choices=["wecom", "dingtalk", "feishu", "webhook"], default="webhook")
parser.add_argument("--secret")
parser.add_argument("--token")
parser.add_argument("--verdicts")
args = parser.parse_args()
fail_first = args.fail_first

HOUR_MS = 3_600_000
FEISHU_TEMPLATES = {"blue", "wathet", "turquoise", "green", "yellow", "orange", "red", "carmine",
                    "violet", "purple", "indigo", "grey", "default"}


def keys_problems(what, obj, required, optional=()):
    """Required keys present, nothing else: a misspelt key is silently ignored
    by the real robots, so it must fail here."""
    if not isinstance(obj, dict):
        return [f"{what} is not an object"]
    found = [f"{what} lacks '{k}'" for k in required if k not in obj]
    found += [f"{what} has unexpected key '{k}'" for k in obj if k not in required and k not in optional]
    return found


def string_problems(what, value, max_bytes=None, empty_ok=False):
    if not isinstance(value, str):
        return [f"{what} is not a string"]
    if not value and not empty_ok:
        return [f"{what} is empty"]
    if max_bytes is not None and len(value.encode()) > max_bytes:
        return [f"{what} is {len(value.encode())} bytes, more than {max_bytes}"]
    return []


def string_list_problems(what, value):
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        return [f"{what} is not a list of non-empty strings"]
    return []


def wecom(body, query):
    problems = []
    if args.token is not None and query.get("key") != [args.token]:
        return ["wrong or missing key"], {"errcode": 93000, "errmsg": "invalid webhook url"}
    kind = body.get("msgtype") if isinstance(body, dict) else None
    if kind == "markdown":
        problems += keys_problems("body", body, ["msgtype", "markdown"])
        problems += keys_problems("markdown", body.get("markdown"), ["content"])
        if isinstance(body.get("markdown"), dict):
            problems += string_problems("markdown.content", body["markdown"].get("content"), 4096)
    elif kind == "text":
        problems += keys_problems("body", body, ["msgtype", "text"])
        text = body.get("text")
        problems += keys_problems("text", text, ["content"], ["mentioned_list", "mentioned_mobile_list"])
        if isinstance(text, dict):
            problems += string_problems("text.content", text.get("content"), 2048)
            for key in ("mentioned_list", "mentioned_mobile_list"):
                if key in text:
                    problems += string_list_problems(f"text.{key}", text[key])
    else:
        problems.append(f"msgtype is {kind!r}, not 'markdown' or 'text'")
    if problems:
        return problems, {"errcode": 40008, "errmsg": "invalid message type"}
    return [], {"errcode": 0, "errmsg": "ok"}


def dingtalk(body, query, raw_query):
    if args.token is not None and query.get("access_token") != [args.token]:
        return ["wrong or missing access_token"], {"errcode": 300001, "errmsg": "token is not exist"}
    if args.secret is not None:
        stamps, signs = query.get("timestamp", []), query.get("sign", [])
        if len(stamps) != 1 or len(signs) != 1 or not stamps[0].isdigit():
            return ["timestamp or sign missing from the query"], {"errcode": 310000, "errmsg": "sign not match"}
        stamp = stamps[0]
        if abs(int(stamp) - int(time.time() * 1000)) > HOUR_MS:
            return [f"timestamp {stamp} is not within an hour of now (ms)"], {"errcode": 310000, "errmsg": "invalid timestamp"}
        mac = hmac.new(args.secret.encode(), (stamp + "\n" + args.secret).encode(), hashlib.sha256).digest()
        expected = base64.b64encode(mac).decode()
        # The sign is sent URL-encoded: its raw form in the query must be the
        # percent-encoding of the base64 text (a raw '+' would read as a space).
        raw_sign = [p.split("=", 1)[1] for p in raw_query.split("&") if p.startswith("sign=")]
        if signs[0] != expected or raw_sign != [urllib.parse.quote(expected, safe="")]:
            return [f"sign {raw_sign} does not match"], {"errcode": 310000, "errmsg": "sign not match"}
    problems = []
    kind = body.get("msgtype") if isinstance(body, dict) else None
    if kind == "markdown":
        problems += keys_problems("body", body, ["msgtype", "markdown"], ["at"])
        markdown = body.get("markdown")
        problems += keys_problems("markdown", markdown, ["title", "text"])
        if isinstance(markdown, dict):
            problems += string_problems("markdown.title", markdown.get("title"))
            problems += string_problems("markdown.text", markdown.get("text"), 20000)
    elif kind == "text":
        problems += keys_problems("body", body, ["msgtype", "text"], ["at"])
        problems += keys_problems("text", body.get("text"), ["content"])
    else:
        problems.append(f"msgtype is {kind!r}, not 'markdown' or 'text'")
    at = body.get("at") if isinstance(body, dict) else None
    if at is not None:
        problems += keys_problems("at", at, [], ["atMobiles", "atUserIds", "isAtAll"])
        if isinstance(at, dict):
            for key in ("atMobiles", "atUserIds"):
                if key in at:
                    problems += string_list_problems(f"at.{key}", at[key])
            if "isAtAll" in at and not isinstance(at["isAtAll"], bool):
                problems.append("at.isAtAll is not a boolean")
            # DingTalk highlights a mention only when "@<phone>" is in the text too.
            holder = body.get(kind) if kind in ("markdown", "text") else None
            text = str(holder.get("text" if kind == "markdown" else "content", "")) if isinstance(holder, dict) else ""
            phones = at.get("atMobiles") if isinstance(at.get("atMobiles"), list) else []
            for phone in phones:
                if isinstance(phone, str) and f"@{phone}" not in text:
                    problems.append(f"at.atMobiles has {phone} but the text has no @{phone}")
    if problems:
        return problems, {"errcode": 300005, "errmsg": "param error: " + "; ".join(problems)}
    return [], {"errcode": 0, "errmsg": "ok"}


def feishu(body):
    if not isinstance(body, dict):
        return ["body is not an object"], {"code": 9499, "msg": "Bad Request", "data": {}}
    if args.secret is not None:
        stamp, sign = body.get("timestamp"), body.get("sign")
        if not isinstance(stamp, str) or not stamp.isdigit() or not isinstance(sign, str):
            return ["timestamp (a string of seconds) or sign missing from the body"], \
                {"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time", "data": {}}
        mac = hmac.new((stamp + "\n" + args.secret).encode(), b"", hashlib.sha256).digest()
        if abs(int(stamp) - time.time()) > 3600 or sign != base64.b64encode(mac).decode():
            return [f"sign {sign!r} at {stamp} does not match"], \
                {"code": 19021, "msg": "sign match fail or timestamp is not within one hour from current time", "data": {}}
    signed = ["timestamp", "sign"] if args.secret is not None else []
    problems = []
    kind = body.get("msg_type")
    if kind == "interactive":
        problems += keys_problems("body", body, ["msg_type", "card"] + signed)
        card = body.get("card")
        problems += keys_problems("card", card, ["elements"], ["header", "config", "card_link"])
        if isinstance(card, dict):
            header = card.get("header")
            if header is not None:
                problems += keys_problems("card.header", header, ["title"], ["template", "subtitle"])
                if isinstance(header, dict):
                    title = header.get("title")
                    problems += keys_problems("card.header.title", title, ["tag", "content"])
                    if isinstance(title, dict):
                        if title.get("tag") not in ("plain_text", "lark_md"):
                            problems.append("card.header.title.tag is not plain_text or lark_md")
                        problems += string_problems("card.header.title.content", title.get("content"))
                    if "template" in header and header["template"] not in FEISHU_TEMPLATES:
                        problems.append(f"card.header.template {header['template']!r} is not a Feishu colour")
            elements = card.get("elements")
            if not isinstance(elements, list) or not elements:
                problems.append("card.elements is not a non-empty list")
            else:
                for index, element in enumerate(elements):
                    if isinstance(element, dict) and element.get("tag") == "markdown":
                        problems += keys_problems(f"card.elements[{index}]", element, ["tag", "content"], ["text_align"])
                        problems += string_problems(f"card.elements[{index}].content", element.get("content"))
                    elif not isinstance(element, dict) or not isinstance(element.get("tag"), str):
                        problems.append(f"card.elements[{index}] has no tag")
    elif kind == "text":
        problems += keys_problems("body", body, ["msg_type", "content"] + signed)
        problems += keys_problems("content", body.get("content"), ["text"])
        if isinstance(body.get("content"), dict):
            problems += string_problems("content.text", body["content"].get("text"))
    else:
        problems.append(f"msg_type is {kind!r}, not 'interactive' or 'text'")
    if len(json.dumps(body).encode()) > 20 * 1024:
        problems.append("body is larger than 20 KB")
    if problems:
        return problems, {"code": 9499, "msg": "Bad Request", "data": {}}
    return [], {"code": 0, "msg": "success", "data": {}, "StatusCode": 0, "StatusMessage": "success"}


WEBHOOK_ALERT_KEYS = ["fingerprint", "status", "rule", "scope", "metric", "value", "threshold", "severity",
                      "started_at", "ended_at", "anomaly_id", "playbook"]


def webhook(body):
    """The issue's document, modelled on Grafana's: the listed keys, plus the
    documented extras (campaign_name, title, message; per and owner per alert)."""
    problems = keys_problems("body", body, ["version", "status", "campaign", "alerts"],
                             ["campaign_name", "title", "message"])
    if not isinstance(body, dict):
        return problems, {}
    if body.get("version") != "1":
        problems.append("version is not \"1\"")
    if body.get("status") not in ("firing", "resolved"):
        problems.append("status is not firing or resolved")
    alerts = body.get("alerts")
    if not isinstance(alerts, list) or not alerts:
        problems.append("alerts is not a non-empty list")
        return problems, {}
    for index, alert in enumerate(alerts):
        what = f"alerts[{index}]"
        problems += keys_problems(what, alert, WEBHOOK_ALERT_KEYS, ["per", "owner"])
        if not isinstance(alert, dict):
            continue
        for key in ("fingerprint", "rule", "metric", "severity", "started_at"):
            problems += string_problems(f"{what}.{key}", alert.get(key))
        problems += string_problems(f"{what}.scope", alert.get("scope"), empty_ok=True)
        for key in ("value", "threshold"):
            if alert.get(key) is not None and not isinstance(alert.get(key), (int, float)):
                problems.append(f"{what}.{key} is not a number or null")
        if alert.get("anomaly_id") is not None and not isinstance(alert.get("anomaly_id"), int):
            problems.append(f"{what}.anomaly_id is not an integer or null")
        if alert.get("status") == "resolved" and not isinstance(alert.get("ended_at"), str):
            problems.append(f"{what} is resolved without ended_at")
    return problems, {}


class Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        global fail_first
        raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        time.sleep(args.delay)
        parts = urllib.parse.urlsplit(self.path)
        query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        try:
            body = json.loads(raw)
        except ValueError:
            body = None
        if fail_first > 0:
            fail_first -= 1
            status, problems, answer = 500, [], {"error": "failing on purpose"}
        else:
            status = 200
            if not (self.headers.get("Content-Type", "").startswith("application/json")):
                problems, answer = ["Content-Type is not application/json"], {"errcode": 40008, "code": 9499}
            elif body is None:
                problems, answer = ["body is not JSON"], {"errcode": 40008, "code": 9499}
            elif args.kind == "wecom":
                problems, answer = wecom(body, query)
            elif args.kind == "dingtalk":
                problems, answer = dingtalk(body, query, parts.query)
            elif args.kind == "feishu":
                problems, answer = feishu(body)
            else:
                problems, answer = webhook(body)
        with open(args.log, "ab") as log:
            log.write(str(status).encode() + b" " + raw.replace(b"\n", b" ") + b"\n")
        if args.verdicts:
            verdict = {"kind": args.kind, "path": parts.path, "query": query, "http": status,
                       "answer": answer, "problems": problems, "body": body}
            with open(args.verdicts, "a", encoding="utf-8") as out:
                out.write(json.dumps(verdict, ensure_ascii=False) + "\n")
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            self.wfile.write(json.dumps(answer).encode())
        except BrokenPipeError:
            pass  # the sender was killed while waiting: the test does that on purpose

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
with open(args.port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
os.rename(args.port_file + ".tmp", args.port_file)  # the port appears whole or not at all
server.serve_forever()
