#!/usr/bin/env bash
# The man page renders without a single warning and describes every option, command and exit code that
# `vaulttray --help` lists; both checks catch a broken variant.
# Usage: check_manpage.sh MAN_PAGE(.gz) VAULTTRAY_BINARY
source "$(dirname "$0")/lib.sh"
need man
page=$1 bin=$2

render() { # PAGE: the plain text, or fail on any warning
    MANWIDTH=200 man -E ascii --warnings -l "$1" 2>"$WORK/warnings" >"$WORK/rendered"
    if [ -s "$WORK/warnings" ]; then cat "$WORK/warnings"; return 1; fi
}

covers() { # HELP_TEXT_FILE RENDERED_FILE: lists what the help names and the page does not
    /usr/bin/python3 - "$1" "$2" <<'PY'
import re, sys
help_text, page = (open(p, encoding="utf-8").read() for p in sys.argv[1:3])
page_flat = " ".join(page.split())
option = re.compile(r"(?<![\w-])--[a-z][a-z-]*")
missing = sorted(set(option.findall(help_text)) - set(option.findall(page)))
section = None
for line in help_text.splitlines():
    if line in ("Commands:", "Exit codes:"):
        section = line
        continue
    if section == "Commands:":
        words = re.match(r"  ([a-z][a-z-]*(?: [a-z][a-z-]*)*)", line)
        if words and words.group(1) not in page_flat:
            missing.append("command " + words.group(1))
    elif section == "Exit codes:":
        code = re.match(r"\s+(\d)\s+(.*)", line)
        if code and f"{code.group(1)} {code.group(2)}" not in page_flat:
            missing.append("exit code " + code.group(1))
if missing:
    print("\n".join(missing))
sys.exit(1 if missing else 0)
PY
}

render "$page" || fail "man --warnings found problems in $page"
pass "the page renders without warnings"
"$bin" --help >"$WORK/help"
covers "$WORK/help" "$WORK/rendered" || fail "the man page does not describe the above from vaulttray --help"
pass "the page describes every option, command and exit code of --help"

# Both checks catch a broken variant: a misspelt macro, and an option the page does not know.
zcat -f "$page" | sed 's/^\.SH EXIT STATUS/.SHH EXIT STATUS/' >"$WORK/broken.1"
if render "$WORK/broken.1" >/dev/null; then fail "a page with an unknown macro rendered cleanly"; fi
render "$page"
{ cat "$WORK/help"; echo "  --frobnicate            Not described anywhere."; } >"$WORK/help-plus"
if covers "$WORK/help-plus" "$WORK/rendered" >/dev/null; then fail "an undocumented option went unnoticed"; fi
sed 's/^  autostart on|off|status/  autostop now/' "$WORK/help" >"$WORK/help-cmd"
if covers "$WORK/help-cmd" "$WORK/rendered" >/dev/null; then fail "an undocumented command went unnoticed"; fi
pass "a broken page and an undocumented option or command are caught"
