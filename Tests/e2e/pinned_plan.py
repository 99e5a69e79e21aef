#!/usr/bin/env python3
"""Rewrites an `init` plan in place with the three alert rules the notify and
silence tests count messages of (SPEC §12: tests pin their plan; the demo's
rules grow). It drops the demo's baseline rule, "CTR far below usual", which
opens a second anomaly on the creative-fatigue incident.
Usage: pinned_plan.py PLAN.yaml"""
import re
import sys

path = sys.argv[1]
text = open(path, encoding="utf-8").read()
pinned = re.sub(r"  - name: CTR far below usual.*?(?=\n  - |\n\S|\Z)\n?", "", text, flags=re.S)
if pinned == text:
    sys.exit(f"pinned_plan.py: no 'CTR far below usual' rule in {path}")
open(path, "w", encoding="utf-8").write(pinned)
