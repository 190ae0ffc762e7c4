#!/usr/bin/env bash
# vanban batch as an office script calls it: mixed inputs, kill -9 midway and rerun,
# shards merged against a single run, and byte-identical reruns.
set -u
vanban=$1
root=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

# Many conferences: the examples copied under other names (profiles shared).
mkdir -p "$dir/data"
cp -r "$root/examples/orgs" "$dir/data/"
for i in $(seq -w 1 40); do
  for f in "$root"/examples/*.yaml; do cp "$f" "$dir/data/$(basename "$f" .yaml)-$i.yaml"; done
done
inputs=$(ls "$dir"/data/*.yaml | wc -l)

# 1. Good and bad inputs together: good ones made, bad ones reported, exit 1.
mkdir -p "$dir/mixed"
cp -r "$root/examples/." "$dir/mixed/"
printf 'standard: party\nconference: {}\n' > "$dir/mixed/broken.yaml"
"$vanban" batch --lang en "$dir/mixed" -o "$dir/out-mixed" --as-of 2022-07-01 >"$dir/log" 2>&1
status=$?
[ $status -eq 1 ] && ok "mixed: exit 1" || bad "mixed: exit $status"
grep -q "broken.yaml:2:1[0-9]: error: conference: missing required property" "$dir/log" && ok "mixed: bad input diagnosed" ||
  { bad "mixed: no diagnostic"; cat "$dir/log"; }
made=$(find "$dir/out-mixed" -name '*.pdf' | wc -l)
[ "$made" -eq 14 ] && ok "mixed: 14 documents of the 7 good inputs" || bad "mixed: $made documents"

# 2. kill -9 midway: nothing truncated under a final name; a rerun completes.
"$vanban" batch -q "$dir/data" -o "$dir/out-kill" --jobs 2 --as-of 2022-07-01 >/dev/null 2>&1 &
pid=$!
sleep 0.6
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
partial=0
for f in $(find "$dir/out-kill" -name '*.pdf' -not -name '.*'); do
  tail -c 7 "$f" | grep -q '%%EOF' || partial=$((partial + 1))
done
count_before=$(find "$dir/out-kill" -name '*.pdf' -not -name '.*' | wc -l)
[ $partial -eq 0 ] && ok "kill -9: no truncated PDF among $count_before made" || bad "kill -9: $partial truncated PDFs"
"$vanban" batch -q "$dir/data" -o "$dir/out-kill" --jobs 2 --as-of 2022-07-01 >/dev/null 2>&1
status=$?
count_after=$(find "$dir/out-kill" -name '*.pdf' -not -name '.*' | wc -l)
[ $status -eq 0 ] && [ "$count_after" -eq $((inputs * 2)) ] && ok "kill -9: rerun completes ($count_after PDFs)" ||
  bad "kill -9: rerun exit $status, $count_after PDFs"
leftover=$(find "$dir/out-kill" -name '.*.tmp-*' | wc -l)
[ "$leftover" -eq 0 ] && ok "kill -9: no temporaries left after the rerun" || bad "kill -9: $leftover temporaries left"

# 3. Incremental: a second run skips everything, a touched input is made again.
"$vanban" batch "$dir/data" -o "$dir/out-inc" --incremental --as-of 2022-07-01 >/dev/null 2>&1
"$vanban" batch "$dir/data" -o "$dir/out-inc" --incremental --as-of 2022-07-01 >"$dir/log" 2>&1
grep -q "0 documents .* $inputs up to date\|, $inputs up to date" "$dir/log" && ok "incremental: all up to date" ||
  { bad "incremental: not skipped"; cat "$dir/log"; }
first=$(ls "$dir"/data/*.yaml | head -n 1)
sed -i 's/^  venue: .*/  venue: hội trường mới/' "$first"
"$vanban" batch "$dir/data" -o "$dir/out-inc" --incremental --as-of 2022-07-01 >"$dir/log" 2>&1
grep -q "^2 documents" "$dir/log" && ok "incremental: the changed input is made again" ||
  { bad "incremental: changed input"; cat "$dir/log"; }

# 4. Shards merged equal a single run, and two runs are byte-identical.
"$vanban" batch -q "$dir/data" -o "$dir/single" --as-of 2022-07-01 --jobs 2 >/dev/null 2>&1
"$vanban" batch -q "$dir/data" -o "$dir/single-again" --as-of 2022-07-01 --jobs 1 >/dev/null 2>&1
diff -r "$dir/single" "$dir/single-again" >/dev/null && ok "two runs (2 jobs, 1 job) are byte-identical" ||
  bad "two runs differ"
for k in 1 2 3; do
  "$vanban" batch -q "$dir/data" -o "$dir/sharded" --shard $k/3 --as-of 2022-07-01 >/dev/null 2>&1
done
total=$(cat "$dir"/sharded/fragments/*.jsonl | grep -vc '"format"')
[ "$total" -eq "$inputs" ] && ok "shards: every input in exactly one fragment" || bad "shards: $total records for $inputs inputs"
"$vanban" stats -q --merge "$dir"/sharded/fragments/*.jsonl -o "$dir/merged.xlsx" --as-of 2022-07-01
"$vanban" stats -q "$dir"/data/*.yaml -o "$dir/single.xlsx" --as-of 2022-07-01
cmp -s "$dir/merged.xlsx" "$dir/single.xlsx" && ok "shards: merged workbook equals a single run, byte for byte" ||
  bad "shards: merged workbook differs"
/usr/bin/python3 - "$dir/merged.xlsx" "$dir/single.xlsx" <<'PY' && ok "shards: equal cell by cell (openpyxl)" || bad "shards: cells differ"
import sys, openpyxl
a, b = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
assert a.sheetnames == b.sheetnames
for name in a.sheetnames:
    for ra, rb in zip(a[name].iter_rows(values_only=True), b[name].iter_rows(values_only=True)):
        assert ra == rb, (name, ra, rb)
    assert a[name].max_row == b[name].max_row
PY
# The fragments may arrive in any order.
"$vanban" stats -q --merge $(ls "$dir"/sharded/fragments/*.jsonl | sort -r) -o "$dir/merged-reverse.xlsx" --as-of 2022-07-01
cmp -s "$dir/merged-reverse.xlsx" "$dir/single.xlsx" && ok "shards: fragment order does not matter" || bad "shards: order matters"
exit $fail
