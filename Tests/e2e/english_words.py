#!/usr/bin/env python3
"""English words of the interface in text that should be Chinese.

Usage: english_words.py TEXT_FILE [KNOWN_FILE...]
Prints the unknown English words found, space-separated (nothing when clean).

This is the e2e scripts' own check, written apart from the Swift one
(CampaignText.EnglishWords) so the two can catch each other's mistakes.
A word is allowed when a KNOWN_FILE has it (the plan: ids, channels, rule
names, metric keys; the command lines typed), when a Chinese team writes it
in Latin letters too (CTR, Enter, CNY), when it is typed: an option
(--db), a command in backticks, an argument name (<plan>), a path or a
file name, a value after `=` or `:`; or when it was cut to fit (`creat…`).
"""
import re
import sys

ALLOWED = {
    "KPI", "CTR", "CVR", "CPA", "CAC", "ROI", "DAU", "MAU", "ID", "id", "Enter", "Esc", "Tab", "Ctrl", "PgUp",
    "PgDn", "Home", "End", "CNY", "USD", "UTF", "LANG", "Shift", "Space", "OSC", "SSH", "Wilson", "Shift-Tab",
    "Del", "JSON", "CSV", "YAML", "SQLite", "PostgreSQL", "Debian", "TERM", "WeCom", "DingTalk", "Feishu", "campaign-deck", "Mermaid",
    "ISO", "HTTP", "HTTPS", "URL", "UTC", "SMART", "RFM", "BG", "NBD", "GB", "MB", "KB", "MiB", "ms", "vs",
    "RFC", "Unix", "IANA", "CampaignDeck", "YYYY", "MM", "DD", "HH", "YYYYMMDD", "Excel", "WPS", "BOM",
    "Markdown", "Webhook", "iCalendar", "README", "systemd", "Backspace",
}


def typed_lines_removed(text):
    """Help shows things to type: example command lines, YAML examples, the
    subcommands' names, the values an option takes. They are the same in
    every language, so they are taken out before looking for English."""
    # The values an option takes and its default, wrapped over lines or not.
    text = re.sub(r"(可选\s*值|默认)：[^）；]*", r"\1", text)
    kept = []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith("campaign-deck") or " | campaign-deck" in line or stripped.startswith("$ "):
            continue  # an example command line
        if re.match(r"^[A-Z][A-Z0-9_]*=", stripped):
            continue  # an example that sets a variable first
        if re.match(r"^\s+[A-Za-z_]+:(\s|$)", line):
            continue  # a YAML example (key: value  # comment)
        # A subcommand's or option's name at the start of a help row.
        line = re.sub(r"^(\s{2})[a-z][a-z-]*(?=\s{2,}|（)", r"\1", line)
        kept.append(line)
    return "\n".join(kept)


def words_in(text, known):
    # Typed things are not interface words: code in backticks, <arguments>,
    # options, and anything that sits in a path or after = or :.
    text = typed_lines_removed(text)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"<[^<>\s]+>", " ", text)
    found = []
    for m in re.finditer(r"(?<![A-Za-z0-9:/_.=@$#-])[A-Za-z][A-Za-z_-]*[A-Za-z]", text):
        w = m.group(0)
        if w in known or w in ALLOWED or w.upper() in ALLOWED or w.startswith("Ctrl-"):
            continue
        after = text[m.end():m.end() + 1]
        if after in ("…", "/", ".", "_", "(") and (after != "…" or any(k.startswith(w) for k in known)):
            continue  # cut to fit, a path, a file name, a call
        if re.match(r"-\d", text[m.end():m.end() + 2]):
            continue  # a file name such as spring-2026
        if "_" in w:
            continue  # snake_case is a key or a field, typed as it is
        found.append(w)
    return sorted(set(found))


def main():
    text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
    known = set()
    for path in sys.argv[2:]:
        known |= set(re.findall(r"[A-Za-z][A-Za-z0-9_-]*", open(path, encoding="utf-8", errors="replace").read()))
    print(" ".join(words_in(text, known)))


if __name__ == "__main__":
    main()
