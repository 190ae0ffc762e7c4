#!/usr/bin/env bash
# Inputs meant to crash or hang a parser: each must give one clear diagnostic and
# exit 1. `timeout` only guards against a hang; speed is measured in bench/.
set -u
vanban=$1
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0

: > "$dir/empty.yaml"
head -c 65536 /dev/urandom > "$dir/garbage.yaml"
printf 'standard: party\n' > "$dir/big.yaml"
head -c 10485760 /dev/zero | tr '\0' 'x' | sed 's/^/title: /' >> "$dir/big.yaml"
{ printf 'a: '; printf '[%.0s' $(seq 10000); printf ']%.0s' $(seq 10000); echo; } > "$dir/deep-flow.yaml"
/usr/bin/python3 - "$dir" <<'PY'
import sys
d = sys.argv[1]
# 10,000 levels of block nesting, kept under the size limit by one-space indents
# is impossible (indentation grows), so use nested flow mappings instead.
open(f"{d}/deep-map.yaml", "w").write("a: " + "{k: " * 10000 + "v" + "}" * 10000 + "\n")
lol = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
prev = "a"
for c in "bcdefghij":
    lol += f"{c}: &{c} [" + ", ".join([f"*{prev}"] * 9) + "]\n"
    prev = c
open(f"{d}/laughs.yaml", "w").write(lol)
PY

expect() { # expect FILE TEXT
  local f=$dir/$1
  timeout 10 "$vanban" validate --lang en "$f" >"$dir/out" 2>"$dir/err"
  local status=$?
  if [ $status -ne 1 ]; then
    echo "FAIL $1: exit $status (124 = hang, >128 = crash)"; fail=1; return
  fi
  if ! grep -qF -- "$2" "$dir/err"; then
    echo "FAIL $1: no '$2' in:"; head -5 "$dir/err"; fail=1; return
  fi
  echo "ok   $1"
}

expect empty.yaml "empty.yaml:1:1: error: the file is empty"
# Random bytes: a NUL, invalid UTF-8 or UTF-16 mark, whichever comes first.
expect garbage.yaml "garbage.yaml:"
expect big.yaml "more than the limit of 4194304 bytes"
expect deep-flow.yaml "nesting is deeper than 64 levels"
expect deep-map.yaml "nesting is deeper than 64 levels"
expect laughs.yaml "laughs.yaml:2:8: error: b[0]: aliases (*a) are not allowed"
exit $fail
