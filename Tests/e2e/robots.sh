#!/usr/bin/env bash
# Alerts delivered to a WeCom, a DingTalk and a Feishu robot and a webhook,
# each a receiver on 127.0.0.1 (robot_receiver.py) that checks the exact body
# shape and verifies the signatures with its own HMAC: the demo's three
# scripted incidents reach every channel once firing and once resolved, with
# the text a reader needs; a wrong secret leaves messages pending with the
# robot's refusal; a channel renamed in the plan is named and can be
# discarded; `notify test` prints each robot's answer; `plan validate`
# points at broken channels with FILE:LINE:COLUMN.
# Usage: Tests/e2e/robots.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: robots.sh PATH/TO/campaign-deck}")
here=$(cd "$(dirname "$0")" && pwd)
plan="$here/fixtures/robots_plan.yaml"
work=$(mktemp -d)
receivers=()
stop_receivers() { for pid in "${receivers[@]}"; do kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; done; receivers=(); }
trap 'stop_receivers; rm -rf "$work"' EXIT
cd "$work"
passed=0 failed=0
ok() { passed=$((passed + 1)); }
fail() { failed=$((failed + 1)); echo "FAIL $*"; }
export XDG_STATE_HOME="$work/state"

# start_receivers DIR: a receiver of each kind, logging into DIR; exports the
# addresses and secrets the plan reads.
start_receivers() {
  mkdir -p "$1"
  python3 "$here/robot_receiver.py" "$1/wx.log" "$1/wx.port" --kind wecom --token wxkey --verdicts "$1/wx.v" & receivers+=($!)
  python3 "$here/robot_receiver.py" "$1/ding.log" "$1/ding.port" --kind dingtalk --token dingtoken \
    --secret SECd1ngTalk0123456789 --verdicts "$1/ding.v" & receivers+=($!)
  python3 "$here/robot_receiver.py" "$1/fs.log" "$1/fs.port" --kind feishu --secret fe1shuS3cret \
    --verdicts "$1/fs.v" & receivers+=($!)
  python3 "$here/robot_receiver.py" "$1/hooks.log" "$1/hooks.port" --verdicts "$1/hooks.v" & receivers+=($!)
  for kind in wx ding fs hooks; do
    for _ in $(seq 100); do [ -s "$1/$kind.port" ] && break; sleep 0.1; done
    touch "$1/$kind.v"
  done
  export WECOM_WEBHOOK="http://127.0.0.1:$(cat "$1/wx.port")/cgi-bin/webhook/send?key=wxkey"
  export DINGTALK_WEBHOOK="http://127.0.0.1:$(cat "$1/ding.port")/robot/send?access_token=dingtoken"
  export DINGTALK_SECRET=SECd1ngTalk0123456789
  export FEISHU_WEBHOOK="http://127.0.0.1:$(cat "$1/fs.port")/open-apis/bot/v2/hook/0f1e2d3c"
  export FEISHU_SECRET=fe1shuS3cret
  export HOOK_URL="http://127.0.0.1:$(cat "$1/hooks.port")/alerts"
}

# check_messages DIR: every request was exactly right, and each channel got the
# three incidents once firing and once resolved with what a reader needs.
# Prints one line per problem; nothing when all is well.
check_messages() { python3 - "$1" <<'PY'
import datetime, html, json, re, sys
d = sys.argv[1]
def verdicts(kind):
    return [json.loads(line) for line in open(f"{d}/{kind}.v", encoding="utf-8")]
problems = []
for kind in ("wx", "ding", "fs", "hooks"):
    for v in verdicts(kind):
        if v["problems"] or v["http"] != 200:
            problems.append(f"{kind}: HTTP {v['http']} {v['problems']}")
# The facts of each incident, written out from the plan and the issue: the
# rule, its scope, how its threshold reads (ctr 1%, community DAU 20%, CPA
# 1.3 × the 45.0 benchmark = 58.50 CNY) and its playbook.
incidents = {
    "CTR below 1%": ("channel douyin", "1%", "迭代素材(更换文案/视觉)", "ctr"),
    "Community DAU below 20%": ("total", "20%", "推送社群话题+签到激励", "community_dau_ratio"),
    "CPA 30% over benchmark": ("channel search", "58.50 CNY", "暂停低效计划，调整出价与定向", "cpa"),
}
expected = sorted((rule, status) for rule in incidents for status in ("firing", "resolved"))
# The webhook carries the numbers; the robots' text must show the same ones,
# formatted by metric (percent with two decimals, money with two and the currency).
alerts = {}
for v in verdicts("hooks"):
    for alert in v["body"]["alerts"]:
        alerts[(alert["rule"], alert["status"])] = alert
if sorted(alerts) != expected:
    problems.append(f"webhook got {sorted(alerts)}")
shanghai = datetime.timezone(datetime.timedelta(hours=8))
def when(text):
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%SZ").replace(tzinfo=datetime.timezone.utc)
def lasted(seconds):
    minutes = seconds // 60
    days, hours, rest = minutes // 1440, minutes % 1440 // 60, minutes % 60
    if days: return f"{days}d {hours}h" if hours else f"{days}d"
    if hours: return f"{hours}h {rest}m" if rest else f"{hours}h"
    return f"{rest}m"
def value_text(metric, value):
    return f"{value:.2f} CNY" if metric == "cpa" else f"{value * 100:.2f}%"
def check_text(kind, rule, status, text):
    """What the issue asks a message to say; `text` as a reader sees it
    (character references decoded, as the robots render them)."""
    scope, threshold, playbook, metric = incidents[rule]
    alert = alerts.get((rule, status))
    if alert is None:
        return
    started = when(alert["started_at"]).astimezone(shanghai).strftime("%Y-%m-%d %H:%M")
    wanted = [f"**{rule}**", f"· {scope}", f"{metric}: **{value_text(metric, alert['value'])}** (threshold {threshold})",
              f"since {started}", f"anomaly #{alert['anomaly_id']}", "owner: ", f"> {playbook}",
              "Campaign: 春季会员焕新季 (spring)"]
    if status == "resolved":
        ended = when(alert["ended_at"])
        wanted.append(f"resolved {ended.astimezone(shanghai).strftime('%Y-%m-%d %H:%M')}")
        wanted.append(f"lasted {lasted(int((ended - when(alert['started_at'])).total_seconds()))}")
    for piece in wanted:
        if piece not in html.unescape(text):
            problems.append(f"{kind} {rule} {status}: the text lacks {piece!r}: {text!r}")
def title_says(title):
    m = re.fullmatch(r"(🔴 FIRING|✅ RESOLVED) · (.+) · 春季会员焕新季", title)
    return (m.group(2), "firing" if m.group(1).startswith("🔴") else "resolved") if m else (title, "?")
# WeCom: a markdown message, then a text message that @-mentions (markdown cannot).
wx = [v["body"] for v in verdicts("wx")]
got = []
for first, second in zip(wx[0::2], wx[1::2]):
    content = first.get("markdown", {}).get("content", "")
    rule, status = title_says(content.split("\n", 1)[0].removeprefix("### "))
    got.append((rule, status))
    check_text("wecom", rule, status, content)
    if second.get("msgtype") != "text" or second["text"].get("mentioned_mobile_list") != ["13800001111"] \
            or second["text"].get("mentioned_list") != ["zhangsan"] or title_says(second["text"]["content"]) != (rule, status):
        problems.append(f"wecom: no mention after {rule} {status}: {second}")
if sorted(got) != expected or len(wx) != 12:
    problems.append(f"wecom got {len(wx)} requests: {sorted(got)}")
# DingTalk: markdown with a title, at.atMobiles and @phone in the text.
got = []
for body in (v["body"] for v in verdicts("ding")):
    rule, status = title_says(body["markdown"]["title"])
    got.append((rule, status))
    check_text("dingtalk", rule, status, body["markdown"]["text"])
    if body.get("at") != {"atMobiles": ["13800002222"], "isAtAll": False} or "@13800002222" not in body["markdown"]["text"]:
        problems.append(f"dingtalk: mention missing in {rule} {status}")
if sorted(got) != expected:
    problems.append(f"dingtalk got {sorted(got)}")
# Feishu: an interactive card, red while firing and green when resolved, the
# open id mentioned in the card's markdown.
got = []
for body in (v["body"] for v in verdicts("fs")):
    header = body["card"]["header"]
    rule, status = title_says(header["title"]["content"])
    got.append((rule, status))
    content = body["card"]["elements"][0]["content"]
    check_text("feishu", rule, status, content)
    if header.get("template") != {"firing": "red", "resolved": "green"}.get(status):
        problems.append(f"feishu: {rule} {status} has template {header.get('template')}")
    if "<at id=ou_7d8a6e6df7621556ce0d21922b676706></at>" not in content:
        problems.append(f"feishu: mention missing in {rule} {status}")
if sorted(got) != expected:
    problems.append(f"feishu got {sorted(got)}")
print("\n".join(problems))
PY
}

# The demo's three scripted incidents (CTR on douyin 04-09, community DAU 04-19 to 04-21,
# CPA on search 04-22 to 04-23) with the times of the whole campaign's stream: 17 days from
# 04-07 hold them in a third of its lines (each 70-day ingest took a minute of CI's debug build).
"$bin" simulate --plan "$plan" --from 2026-04-07 --days 17 > events.jsonl

# 0. The receivers have teeth: what a robot refuses, they refuse (so a pass
#    below means the sender got it right, not that nothing was checked).
start_receivers zero
problems=$(python3 - <<'PY'
import base64, hashlib, hmac, json, os, time, urllib.parse, urllib.request
def post(url, body):
    request = urllib.request.Request(url, json.dumps(body).encode(), {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request))
wx, ding, fs = os.environ["WECOM_WEBHOOK"], os.environ["DINGTALK_WEBHOOK"], os.environ["FEISHU_WEBHOOK"]
secret, fsecret = os.environ["DINGTALK_SECRET"], os.environ["FEISHU_SECRET"]
def ding_url(stamp, key=secret):
    sign = base64.b64encode(hmac.new(key.encode(), f"{stamp}\n{secret}".encode(), hashlib.sha256).digest()).decode()
    return f"{ding}&timestamp={stamp}&sign={urllib.parse.quote(sign, safe='')}"
def fs_sign(stamp):
    return base64.b64encode(hmac.new(f"{stamp}\n{fsecret}".encode(), b"", hashlib.sha256).digest()).decode()
now_ms, now_s = int(time.time() * 1000), int(time.time())
markdown = {"msgtype": "markdown", "markdown": {"title": "t", "text": "x"}}
card = {"msg_type": "interactive", "card": {"elements": [{"tag": "markdown", "content": "x"}]}}
cases = [
    ("wecom right", post(wx, {"msgtype": "markdown", "markdown": {"content": "x"}}).get("errcode"), 0),
    ("wecom extra key", post(wx, {"msgtype": "markdown", "markdown": {"content": "x"}, "at": {}}).get("errcode"), 40008),
    ("wecom text too long", post(wx, {"msgtype": "text", "text": {"content": "x" * 2049}}).get("errcode"), 40008),
    ("wecom mentions not a list", post(wx, {"msgtype": "text", "text": {"content": "x", "mentioned_mobile_list": "1"}}).get("errcode"), 40008),
    ("dingtalk right", post(ding_url(now_ms), markdown).get("errcode"), 0),
    ("dingtalk wrong key", post(ding_url(now_ms, "SECother"), markdown).get("errcode"), 310000),
    ("dingtalk stale", post(ding_url(now_ms - 3_700_000), markdown).get("errcode"), 310000),
    ("dingtalk unsigned", post(ding, markdown).get("errcode"), 310000),
    ("dingtalk no title", post(ding_url(now_ms), {"msgtype": "markdown", "markdown": {"text": "x"}}).get("errcode"), 300005),
    ("dingtalk at without @", post(ding_url(now_ms), dict(markdown, at={"atMobiles": ["138"]})).get("errcode"), 300005),
    ("feishu right", post(fs, dict(card, timestamp=str(now_s), sign=fs_sign(now_s))).get("code"), 0),
    ("feishu number timestamp", post(fs, dict(card, timestamp=now_s, sign=fs_sign(now_s))).get("code"), 19021),
    ("feishu wrong sign", post(fs, dict(card, timestamp=str(now_s), sign=fs_sign(now_s - 1))).get("code"), 19021),
    ("feishu no elements", post(fs, {"msg_type": "interactive", "card": {}, "timestamp": str(now_s), "sign": fs_sign(now_s)}).get("code"), 9499),
]
for name, got, wanted in cases:
    if got != wanted: print(f"{name}: {got}, not {wanted}")
PY
)
[ -z "$problems" ] && ok || fail "the receivers refuse what the robots refuse: $problems"
[ "$(python3 -c 'import json; print(sum(1 for l in open("zero/wx.v") if json.loads(l)["problems"]))')" -eq 3 ] \
  && ok || fail "each refusal is logged with its problems"
stop_receivers

# 1. Every receiver answers: the ingest itself delivers everything, exactly right.
start_receivers one
"$bin" ingest --db one.sqlite --plan "$plan" --notify-past - < events.jsonl > ingest1.out 2> ingest1.err \
  && ok || fail "ingest exit $?: $(tail -3 ingest1.err)"
[ "$("$bin" notify pending --db one.sqlite --plan "$plan")" = "nothing pending" ] && ok || fail "ingest left messages pending"
problems=$(check_messages one)
[ -z "$problems" ] && ok || fail "the messages: $problems"
[ "$(grep -c '^campaign-deck: notify: delivered to' ingest1.err)" -eq 24 ] && ok \
  || fail "24 deliveries logged (6 per channel): $(grep -c 'delivered to' ingest1.err)"

# 2. `notify test` against each kind prints the robot's own answer.
for channel in wx ding fs hooks; do
  "$bin" notify test "$channel" --plan "$plan" > test-$channel.out 2>&1 && ok || fail "notify test $channel: $(cat test-$channel.out)"
done
grep -q '^wx (wecom): delivered · HTTP 200 {"errcode": 0, "errmsg": "ok"}' test-wx.out && [ "$(grep -c delivered test-wx.out)" -eq 2 ] \
  && ok || fail "notify test wx prints both answers: $(cat test-wx.out)"
grep -q '^ding (dingtalk): delivered · HTTP 200 {"errcode": 0, "errmsg": "ok"}' test-ding.out && ok || fail "notify test ding: $(cat test-ding.out)"
grep -q '^fs (feishu): delivered · HTTP 200 {"code": 0, "msg": "success"' test-fs.out && ok || fail "notify test fs: $(cat test-fs.out)"
grep -q '^hooks (webhook): delivered · HTTP 200 {}' test-hooks.out && ok || fail "notify test hooks: $(cat test-hooks.out)"
problems=$(python3 -c '
import json, sys
for kind in ("wx", "ding", "fs", "hooks"):
    for v in list(open(f"one/{kind}.v", encoding="utf-8"))[-1:]:
        v = json.loads(v)
        if v["problems"]: print(kind, v["problems"])
        if "Test message from campaign-deck" not in json.dumps(v["body"], ensure_ascii=False): print(kind, "not a test message")')
[ -z "$problems" ] && ok || fail "test messages exactly right: $problems"
DINGTALK_SECRET=not-the-secret "$bin" notify test ding --plan "$plan" > test-bad.out 2> test-bad.err
status=$?
[ "$status" -eq 1 ] && grep -q '310000' test-bad.out && grep -q 'sign not match' test-bad.out && ok \
  || fail "notify test with a wrong secret exits 1 with the robot's answer ($status): $(cat test-bad.out test-bad.err)"
stop_receivers

# 3. Wrong DingTalk and Feishu secrets: those messages stay pending with the
#    robot's refusal in `notify pending`; the others are delivered. The CTR
#    rule is named with Markdown and a control character (ESC): the robots
#    must show it as written.
start_receivers two
# Up to 2026-04-16 (Shanghai): the CTR incident fires and resolves in it.
head -n "$(( $(grep -n -m1 '"ts":"2026-04-16' events.jsonl | cut -d: -f1) - 1 ))" events.jsonl > first45.jsonl
sed 's/^  - name: CTR below 1%$/  - name: "CTR *below*_1% [x](y) <at id=all><\/at> #1\\e"/' "$plan" > nasty.yaml
DINGTALK_SECRET=wrong FEISHU_SECRET=wrong "$bin" ingest --db two.sqlite --plan nasty.yaml --notify-past first45.jsonl \
  > ingest2.out 2> ingest2.err
[ $? -eq 0 ] && grep -q "4 messages pending" ingest2.err && ok || fail "ingest with wrong secrets: $(tail -3 ingest2.err)"
"$bin" notify pending --db two.sqlite --plan "$plan" > pending2.out
[ "$(grep -c 'refused with code 310000: sign not match' pending2.out)" -ge 1 ] && [ "$(grep -c '^ *[0-9].* ding ' pending2.out)" -eq 2 ] \
  && ok || fail "DingTalk's refusal shown: $(cat pending2.out)"
[ "$(grep -c 'refused with code 19021: sign match fail' pending2.out)" -ge 1 ] && [ "$(grep -c '^ *[0-9].* fs ' pending2.out)" -eq 2 ] \
  && ok || fail "Feishu's refusal shown: $(cat pending2.out)"
[ "$(python3 -c 'import json; print(sum(1 for l in open("two/ding.v") if json.loads(l)["answer"]["errcode"] == 310000))')" -ge 1 ] \
  && ok || fail "the DingTalk receiver refused the bad signature"
[ "$(wc -l < two/wx.v)" -eq 4 ] && [ "$(wc -l < two/hooks.v)" -eq 2 ] && ok || fail "WeCom and the webhook got theirs"
problems=$(python3 - <<'PY'
import html, json
name = "CTR *below*_1% [x](y) <at id=all></at> #1\x1b"
shown = "CTR *below*_1% [x](y) <at id=all></at> #1\\u{1B}"  # as a reader sees it
for v in map(json.loads, open("two/wx.v", encoding="utf-8")):
    body = v["body"]
    if v["problems"]:
        print("wecom", v["problems"])
    if body["msgtype"] == "markdown":
        content = body["markdown"]["content"]
        # Raw, nothing the renderer would read as formatting, a link, a tag or a heading mark.
        for raw in ("*below*", "_1%", "[x]", "<at", "#1\\", "\x1b"):
            if raw in content: print("wecom markdown has", repr(raw))
        if f"**{shown}**" not in html.unescape(content): print("wecom markdown does not show the name:", repr(content))
    elif body["text"]["content"].split(" · ")[1] != shown:
        print("wecom text:", repr(body["text"]["content"]))
for v in map(json.loads, open("two/hooks.v", encoding="utf-8")):
    if v["body"]["alerts"][0]["rule"] != name: print("webhook rule altered:", repr(v["body"]["alerts"][0]["rule"]))
PY
)
[ -z "$problems" ] && ok || fail "a rule named with Markdown shows as written: $problems"
"$bin" notify pending --db two.sqlite --plan "$plan" | grep -q 'CTR \*below\*_1% \[x\](y) <at id=all></at> #1\\u{1B}' \
  && ok || fail "notify pending shows the name with ESC visible: $("$bin" notify pending --db two.sqlite --plan "$plan" | cat -A | head -3)"

# 4. The DingTalk channel renamed in the plan: its messages wait for a channel
#    the plan no longer has; flush names it and exits 1; discard drops them.
sed 's/^  - id: ding$/  - id: ding-lead/' "$plan" > renamed.yaml
"$bin" notify pending --db two.sqlite --plan renamed.yaml > pending3.out
[ "$(grep -c "waiting for channel 'ding', which is not in the plan" pending3.out)" -eq 2 ] \
  && ok || fail "pending names the missing channel: $(cat pending3.out)"
"$bin" notify flush --db two.sqlite --plan renamed.yaml > flush3.out 2> flush3.err
status=$?
[ "$status" -eq 1 ] && grep -q "channel 'ding'" flush3.err && grep -q "notify discard --channel ding" flush3.err \
  && ok || fail "flush exits 1 naming the channel ($status): $(cat flush3.err)"
[ "$(python3 -c 'import json; print([json.loads(l)["answer"]["code"] for l in open("two/fs.v")][-3:])')" = "[19021, 0, 0]" ] \
  && ok || fail "flush delivered Feishu's two with the right secret: $(cat two/fs.v)"
tries=$("$bin" notify pending --db two.sqlite --plan renamed.yaml --format json | python3 -c 'import json,sys; print(sorted(e["attempts"] for e in json.load(sys.stdin)))')
"$bin" notify flush --db two.sqlite --plan renamed.yaml >/dev/null 2>&1
[ "$("$bin" notify pending --db two.sqlite --plan renamed.yaml --format json | python3 -c 'import json,sys; print(sorted(e["attempts"] for e in json.load(sys.stdin)))')" = "$tries" ] \
  && ok || fail "a missing channel does not count attempts ($tries)"
"$bin" notify discard --channel ding --db two.sqlite --plan renamed.yaml > discard.out 2>&1 && grep -q "discarded 2 messages for channel 'ding'" discard.out \
  && ok || fail "discard: $(cat discard.out)"
[ "$("$bin" notify pending --db two.sqlite --plan renamed.yaml)" = "nothing pending" ] && ok || fail "nothing pending after discard"
"$bin" notify flush --db two.sqlite --plan renamed.yaml 2>/dev/null && ok || fail "flush exits 0 once discarded"
stop_receivers

# 5. `plan validate` points at each broken channel: FILE:LINE:COLUMN.
cat > extra.yaml <<'EOF'
  - id: pager
    kind: pagerduty
    url: https://events.example.com/v2
  - id: bad
    kind: webhook
    url: "ftp://127.0.0.1/alerts"
EOF
sed -e 's/^    playbook: 迭代素材(更换文案\/视觉)$/&\n    notify: [wx, opz]/' -e '/^notify_policy:$/e cat extra.yaml' "$plan" > broken.yaml
kind_line=$(grep -n '    kind: pagerduty' broken.yaml | cut -d: -f1)
url_line=$(grep -n 'url: "ftp:' broken.yaml | cut -d: -f1)
notify_line=$(grep -n '    notify: \[wx, opz\]' broken.yaml | cut -d: -f1)
(unset DINGTALK_SECRET; "$bin" plan validate broken.yaml) > validate.out 2>&1
status=$?
[ "$status" -ne 0 ] && ok || fail "plan validate exits non-zero on a broken notify section"
grep -q "^broken.yaml:$kind_line:11: 'kind' in notify channel 'pager' must be one of wecom, dingtalk, feishu, webhook, got 'pagerduty'" validate.out \
  && ok || fail "unknown kind at $kind_line:11: $(cat validate.out)"
grep -q "^broken.yaml:$url_line:10: 'url' of notify channel 'bad' must be an http or https URL, got 'ftp://127.0.0.1/alerts'" validate.out \
  && ok || fail "bad URL at $url_line:10: $(cat validate.out)"
grep -q "^broken.yaml:$notify_line:18: unknown notify channel 'opz' in alert 'CTR below 1%'" validate.out \
  && ok || fail "unknown channel at $notify_line:18: $(cat validate.out)"
secret_line=$(grep -n 'secret: ${DINGTALK_SECRET}' broken.yaml | cut -d: -f1)
grep -q "^broken.yaml:$secret_line:13: warning: \${DINGTALK_SECRET} is not set ('secret' of notify channel 'ding')" validate.out \
  && ok || fail "unset secret at $secret_line:13: $(cat validate.out)"

echo "robots: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
