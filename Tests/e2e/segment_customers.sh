#!/usr/bin/env bash
# Customers beyond RFM through the real binary, against a second
# implementation in Python: 3,000 generated customers with a customers file
# (ids merged by phone, gender spellings, refused ages), category and channel
# columns, and browse/add-to-cart behaviour. Python computes every customer's
# spend windows, growth, lifecycle, behaviour counts, top category and
# channel, tags, tier and segment from the raw files by the SPEC's rules, and
# the listing must agree row for row; the summary's counts must agree too.
# Usage: Tests/e2e/segment_customers.sh PATH/TO/campaign-deck
set -uo pipefail
bin=$(readlink -f "${1:?usage: segment_customers.sh PATH/TO/campaign-deck}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
unset CAMPAIGN_DECK_LANG LC_ALL LC_MESSAGES
export LANG=C.UTF-8 XDG_STATE_HOME="$work/state"

python3 - <<'PY'
import random, json, datetime
random.seed(1616)
start = datetime.date(2025, 1, 1)
cats, chans = ["美妆", "服饰", "家居", "食品"], ["douyin", "wechat", "search"]
with open("t.csv", "w") as t, open("people.csv", "w") as p, open("b.jsonl", "w") as b:
    t.write("customer_id,date,amount,category,channel\n")
    p.write("customer_id,phone,gender,age,city_tier\n")
    for c in range(3000):
        cid = f"C{c:04d}"
        for _ in range(random.randint(1, 7)):
            day = start + datetime.timedelta(days=random.randint(0, 545))
            cat = random.choice(cats + [""])
            chan = random.choice(chans)
            t.write(f"{cid},{day},{random.randint(1, 400)}.{random.randint(0, 99):02d},{cat},{chan}\n")
        if c % 5 == 4:
            continue  # not in the customers file
        phone = f"13{(c - 1 if c % 7 == 0 else c) + 100000:08d}"  # every 7th id shares the phone of the one before
        gender = random.choice(["M", "male", "男", "F", "女", "2", ""])
        age = random.choice([str(random.randint(18, 70)), "150", "", "-3"])
        p.write(f"{cid},{phone},{gender},{age},{random.choice(['1', '2', '3', ''])}\n")
        for _ in range(random.randint(0, 4)):
            day = start + datetime.timedelta(days=random.randint(300, 560))
            kind = random.choice(["browse", "add_to_cart", "page_view"])
            b.write(json.dumps({"ts": f"{day}T12:00:00+08:00", "type": kind, "user": cid}) + "\n")
PY

cat > plan.yaml <<'YAML'
campaign:
  id: c
  name: C
  start: 2026-06-01
  budget: 1000
  customers:
    file: people.csv
    merge_on: phone
    columns: { phone: text, gender: text, age: number, city_tier: number }
lifecycle: { new_days: 30, silent_days: 90, churned_days: 180 }
tags:
  - { name: big_spender, rule: "monetary >= 800" }
  - { name: browser, rule: "browses_90d + cart_adds_90d >= 3" }
tiers:
  - { name: silver, rule: "monetary_365d >= 300" }
  - { name: gold, rule: "monetary_365d >= 900" }
segments:
  - { id: vip, name: VIP, rule: 'tier == "gold" and "big_spender" in tags' }
  - { id: young_women, name: Young, rule: 'gender == "女" and city_tier in [1, 2] and age >= 25 and age <= 35' }
  - { id: quiet, name: Quiet, rule: 'lifecycle in ["silent", "dormant"] or top_channel == "search"' }
  - { id: growing, name: Growing, rule: "growth_90d > 0.5" }
YAML

"$bin" segment t.csv --plan plan.yaml --behaviour b.jsonl --as-of 2026-07-01 --format csv --no-bom > out.csv 2> err.txt
status=$?
"$bin" segment t.csv --plan plan.yaml --behaviour b.jsonl --as-of 2026-07-01 --summary --format json > summary.json 2>/dev/null

python3 - "$status" <<'PY'
import csv, json, sys, datetime, collections
from decimal import Decimal
passed = failed = 0
def check(ok, what):
    global passed, failed
    if ok: passed += 1
    else:
        failed += 1
        print("FAIL", what)
check(sys.argv[1] == "0", f"segment exits 0 (got {sys.argv[1]})")
as_of = datetime.date(2026, 7, 1)

# The customers file: the first id with a phone stands for the later ones.
people, standing, by_phone = {}, {}, {}
male, female = {"男", "m", "male", "man", "1"}, {"女", "f", "female", "woman", "2"}
for row in csv.DictReader(open("people.csv")):
    cid, phone = row["customer_id"], row["phone"]
    g = row["gender"].lower()
    gender = "男" if g in male else "女" if g in female else None
    try:
        age = float(row["age"]) if row["age"] else None
    except ValueError:
        age = None
    if age is not None and not 0 <= age <= 120: age = None
    tier = float(row["city_tier"]) if row["city_tier"] else None
    if phone in by_phone:
        keep = by_phone[phone]
        standing[cid] = keep
        old = people[keep]
        for k, v in (("gender", gender), ("age", age), ("city_tier", tier)):
            if old[k] is None: old[k] = v
    else:
        by_phone[phone] = cid
        standing[cid] = cid
        people[cid] = {"gender": gender, "age": age, "city_tier": tier}

purchases = collections.defaultdict(list)
order = []
for row in csv.DictReader(open("t.csv")):
    cid = standing.get(row["customer_id"], row["customer_id"])
    if cid not in purchases: order.append(cid)
    day = datetime.date.fromisoformat(row["date"])
    purchases[cid].append((day, Decimal(row["amount"]), row["category"], row["channel"], tuple(row.values())))
behaviour = collections.defaultdict(list)
for line in open("b.jsonl"):
    e = json.loads(line)
    if e["type"] in ("browse", "add_to_cart"):
        behaviour[standing.get(e["user"], e["user"])].append((datetime.date.fromisoformat(e["ts"][:10]), e["type"]))

def top(rows, index):
    votes = collections.defaultdict(lambda: [0, Decimal(0)])
    for r in rows:
        if r[index]:
            votes[r[index]][0] += 1
            votes[r[index]][1] += r[1]
    if not votes: return ""
    return sorted(votes.items(), key=lambda kv: (-kv[1][0], -kv[1][1], kv[0].encode()))[0][0]

def fmt(d): return format(d.normalize(), "f") if d != 0 else "0"

expected = {}
counts = collections.Counter()
for cid in order:
    seen, rows = set(), []
    for r in purchases[cid]:
        if r[4] in seen: continue  # exact duplicate rows count once
        seen.add(r[4]); rows.append(r)
    rows = [r for r in rows if r[0] <= as_of]
    ages = [(as_of - r[0]).days for r in rows]
    spend = lambda n: sum((r[1] for r, a in zip(rows, ages) if a <= n), Decimal(0))
    m90, m180, m365, total = spend(90), spend(180), spend(365), sum((r[1] for r in rows), Decimal(0))
    earlier = m180 - m90
    growth = None if earlier == 0 else float(m90 / earlier - 1)
    recency, first = min(ages), max(ages)
    events = [(d, k) for d, k in behaviour.get(cid, []) if d <= as_of]
    b_ages = [(as_of - d).days for d, _ in events]
    browses = sum(1 for (d, k), a in zip(events, b_ages) if k == "browse" and a <= 90)
    carts = sum(1 for (d, k), a in zip(events, b_ages) if k == "add_to_cart" and a <= 90)
    recent = sum(1 for a in b_ages if a <= 90)
    last_b = min(b_ages) if b_ages else None
    if first <= 30: stage = "new"
    elif recency <= 90: stage = "active"
    elif min(recency, last_b if last_b is not None else 10**9) > 180: stage = "churned"
    elif recent >= 2: stage = "silent"
    else: stage = "dormant"
    p = people.get(cid, {"gender": None, "age": None, "city_tier": None})
    tags = [n for n, ok in (("big_spender", total >= 800), ("browser", browses + carts >= 3)) if ok]
    tier = "gold" if m365 >= 900 else "silver" if m365 >= 300 else ""
    channel = top(rows, 3)
    def young():
        if p["gender"] is None or p["city_tier"] is None or p["age"] is None: return False
        return p["gender"] == "女" and p["city_tier"] in (1, 2) and 25 <= p["age"] <= 35
    # Unknown is not false: "lifecycle in [...] or top_channel == ..." is true when either side is.
    quiet = stage in ("silent", "dormant") or channel == "search"
    if tier == "gold" and "big_spender" in tags: seg = "vip"
    elif young(): seg = "young_women"
    elif quiet: seg = "quiet"
    elif growth is not None and growth > 0.5: seg = "growing"
    else: seg = "unassigned"
    counts[seg] += 1
    expected[cid] = {"monetary": fmt(total), "monetary_90d": fmt(m90), "monetary_365d": fmt(m365),
                     "growth_90d": growth, "lifecycle": stage, "browses_90d": str(browses), "cart_adds_90d": str(carts),
                     "last_active_days": str(min([recency] + b_ages)), "top_category": top(rows, 2), "top_channel": channel,
                     "tags": ";".join(tags), "tier": tier, "segment": seg}

got = list(csv.DictReader(open("out.csv")))
check([r["customer_id"] for r in got] == order, f"the customers, merged, in order of first appearance ({len(got)} vs {len(order)})")
wrong = collections.Counter()
for r in got:
    e = expected.get(r["customer_id"])
    if e is None: continue
    for k, v in e.items():
        if k == "growth_90d":
            ok = (v is None and r[k] == "") or (v is not None and r[k] != "" and abs(float(r[k]) - v) <= 5e-7)
        else:
            ok = r[k] == v
        if not ok:
            if wrong[k] < 3: print("  ", r["customer_id"], k, "got", repr(r[k]), "expected", repr(v))
            wrong[k] += 1
for k in ["monetary", "monetary_90d", "monetary_365d", "growth_90d", "lifecycle", "browses_90d", "cart_adds_90d",
          "last_active_days", "top_category", "top_channel", "tags", "tier", "segment"]:
    check(wrong[k] == 0, f"{k}: {wrong[k]} customers differ from Python")
summary = json.load(open("summary.json"))
check({s["id"]: s["customers"] for s in summary["segments"]} == {**{k: 0 for k in ["vip", "young_women", "quiet", "growing", "unassigned"]}, **counts},
      "the summary's segment sizes are Python's")
check(summary["tiers"] == {"silver": sum(1 for e in expected.values() if e["tier"] == "silver"),
                           "gold": sum(1 for e in expected.values() if e["tier"] == "gold")}, "tier counts")
check(summary["lifecycle"] == {s: sum(1 for e in expected.values() if e["lifecycle"] == s)
                               for s in ["new", "active", "silent", "churned", "dormant"]}, "lifecycle counts")
merged = sum(1 for c, s in standing.items() if c != s)
check(summary["customers_file"]["merged_ids"] == merged and merged > 0, f"merged ids: {merged}")
print(f"segment_customers: passed {passed} failed {failed}")
sys.exit(1 if failed else 0)
PY
