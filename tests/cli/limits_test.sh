#!/usr/bin/env bash
# Every limit, when exceeded, gives its diagnostic and exit 1; in a batch, the other
# files are still produced.
set -u
vanban=$1
root=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
example="$root/examples/2022-04-07-ngoc-thuy-so-ket-quy-1.yaml"

check() { # check NAME EXPECTED_TEXT COMMAND...
  local name=$1 text=$2
  shift 2
  "$@" >"$dir/out" 2>"$dir/err"
  local status=$?
  if [ $status -ne 1 ]; then
    echo "FAIL $name: exit $status"; cat "$dir/err"; fail=1
  elif ! grep -qF -- "$text" "$dir/err"; then
    echo "FAIL $name: no '$text' in:"; cat "$dir/err"; fail=1
  else
    echo "ok   $name"
  fi
}

check input-bytes "more than the limit of 1000 bytes" "$vanban" validate --lang en --limit input-bytes=1000 "$example"
check yaml-depth "nesting is deeper than 2 levels" "$vanban" validate --lang en --limit yaml-depth=2 "$example"
check attendees "attendees: items: 4 is more than the limit of 2 (raise it with --limit attendees=N)" \
  "$vanban" validate --lang en --limit attendees=2 "$example"
check directives "directives: items: 5 is more than the limit of 3 (raise it with --limit directives=N)" \
  "$vanban" validate --lang en --limit directives=3 "$example"
check paragraph-chars "is more than the limit of 100 (raise it with --limit paragraph-chars=N)" \
  "$vanban" validate --lang en --limit paragraph-chars=100 "$example"
check pages "is more than the limit of 1 (raise it with --limit pages=N)" \
  "$vanban" render --lang en --limit pages=1 "$example" -o "$dir/pages"
ls "$dir"/pages/*.pdf >/dev/null 2>&1 && { echo "FAIL pages: a PDF was written"; fail=1; }
check template-depth "partials nest deeper than 1 levels" \
  "$vanban" render --lang en --limit template-depth=1 "$example" -o "$dir/depth"
check output-bytes "is more than the limit of 1000 (raise it with --limit output-bytes=N)" \
  "$vanban" render --lang en --limit output-bytes=1000 "$example" -o "$dir/bytes"
ls "$dir"/bytes/*.pdf >/dev/null 2>&1 && { echo "FAIL output-bytes: a PDF was written"; fail=1; }
"$vanban" validate --limit colours=3 "$example" 2>"$dir/err" >/dev/null
[ $? -eq 2 ] && grep -q "unknown limit 'colours'" "$dir/err" && echo "ok   unknown limit is a usage error" ||
  { echo "FAIL unknown limit"; fail=1; }

# In a batch, every limit that a conference can exceed on its own fails that conference
# only: the documents of the others are still made (the examples differ in size, lists,
# paragraphs and pages, so each threshold below splits them).
for limit in attendees=5 directives=5 paragraph-chars=900 pages=3 output-bytes=60000 input-bytes=12000; do
  out="$dir/batch-${limit%%=*}"
  "$vanban" batch --lang en --limit "$limit" "$root/examples" -o "$out" --as-of 2022-07-01 >"$dir/out" 2>"$dir/err"
  status=$?
  made=$(find "$out" -name '*.pdf' | wc -l)
  if [ $status -eq 1 ] && [ "$made" -ge 1 ] && [ "$made" -lt 14 ] &&
     grep -q "more than the limit\|more than the limit of" "$dir/err"; then
    echo "ok   batch --limit $limit: the over-limit input failed, $made documents of the others made"
  else
    echo "FAIL batch --limit $limit: exit $status, $made documents"; cat "$dir/err"; fail=1
  fi
done
exit $fail
