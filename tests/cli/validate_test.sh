#!/usr/bin/env bash
# The validate command as users and scripts call it: exit codes, languages, JSON.
set -u
vanban=$1
root=$2
fail=0
check() { # check NAME EXPECTED_STATUS COMMAND...
  local name=$1 want=$2
  shift 2
  "$@" >/tmp/vanban-cli-out.$$ 2>/tmp/vanban-cli-err.$$
  local got=$?
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; cat /tmp/vanban-cli-err.$$; fail=1
  else
    echo "ok   $name"
  fi
}
contains() { # contains NAME FILE TEXT
  if grep -qF -- "$3" "$2"; then echo "ok   $1"; else echo "FAIL $1: no '$3' in:"; cat "$2"; fail=1; fi
}
out=/tmp/vanban-cli-out.$$
err=/tmp/vanban-cli-err.$$

check help 0 "$vanban" --help
contains help-lists-validate "$out" "validate FILE..."
check version 0 "$vanban" --version
contains version-text "$out" "vanban 0."
check no-arguments 2 "$vanban"
check unknown-command 2 "$vanban" frobnicate
check unknown-option 2 "$vanban" validate --frob x.yaml
check no-files 2 "$vanban" validate
check bad-lang 2 "$vanban" validate --lang fr x.yaml

check examples-valid 0 "$vanban" validate "$root"/examples/*.yaml
contains examples-summary "$out" "files valid, 0 errors"

check missing-file 1 "$vanban" validate --lang en /nonexistent/x.yaml
contains missing-file-message "$err" "/nonexistent/x.yaml: error: cannot read the file"

diag="$root/tests/diag"
first=$(ls "$diag"/*.yaml | head -n 1)
check diag-invalid 1 "$vanban" validate --lang en "$first"
contains diag-format "$err" "$first:"
check diag-vi 1 "$vanban" validate --lang vi "$diag"/*.yaml
check lang-from-environment 1 env LANG=vi_VN.UTF-8 LC_ALL= LC_MESSAGES= "$vanban" validate /nonexistent/x.yaml
contains lang-from-environment-text "$err" "không đọc được tệp"

check json 1 "$vanban" validate --diagnostics json "$diag"/*.yaml "$root"/examples/*.yaml
if /usr/bin/python3 - "$out" <<'PY'
import json, sys
items = json.load(open(sys.argv[1]))
assert items, "no diagnostics"
for d in items:
    assert set(d) == {"severity", "file", "line", "column", "path", "code", "message"}, d
    assert d["severity"] in ("error", "warning")
    assert d["code"]
PY
then echo "ok   json-shape"; else echo "FAIL json-shape"; fail=1; fi

# A valid and an invalid file together: exit 1, the valid one still reported ok.
check mixed 1 "$vanban" validate --lang en "$first" "$(ls "$root"/examples/*.yaml | head -n 1)"
contains mixed-ok "$out" ": ok ("

rm -f "$out" "$err"
exit $fail
