#!/usr/bin/env bash
# The render command as users call it: outputs, --only, --emit markup, failures.
set -u
vanban=$1
root=$2
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
fail=0
ok() { echo "ok   $1"; }
bad() { echo "FAIL $1"; fail=1; }

example="$root/examples/2022-04-07-ngoc-thuy-so-ket-quy-1.yaml"
stem=2022-04-07-ngoc-thuy-so-ket-quy-1

"$vanban" render --quiet "$root"/examples/*.yaml -o "$dir/all" && ok render-examples || bad render-examples
count=$(ls "$dir/all"/*.pdf | wc -l)
want=$(( $(ls "$root"/examples/*.yaml | wc -l) * 2 ))
[ "$count" -eq "$want" ] && ok "one-pdf-per-listed-document ($count)" || bad "expected $want PDFs, found $count"
ls -a "$dir/all" | grep -q '\.tmp-' && bad no-temporary-files-left || ok no-temporary-files-left

"$vanban" render --quiet --only minutes "$example" -o "$dir/only" && [ -f "$dir/only/$stem.minutes.pdf" ] &&
  [ ! -f "$dir/only/$stem.notice.pdf" ] && ok only-minutes || bad only-minutes

"$vanban" render --quiet --emit markup "$example" -o "$dir/markup" && grep -q '<document' "$dir/markup/$stem.notice.xml" &&
  ok emit-markup || bad emit-markup

# A character no font has: diagnostic at the data file's line and column, no PDF.
cat > "$dir/cjk-test.yaml" <<'YAML'
standard: party
issuer: {parent: Đảng bộ quận Long Biên, name: Đảng ủy phường Ngọc Thụy, symbol: ĐU, place: Ngọc Thụy}
conference:
  kind: review
  title: hội nghị sơ kết quý I năm 2022
  period: 2022-Q1
  start: 2022-04-07T08:00
  venue: hội trường 漢 phường
  chairs: [a]
  secretary: b
attendees:
  - {id: a, name: Thẩm Bá Phước}
  - {id: b, name: Lê Thị B}
documents:
  - kind: notice
    signer: {authority: T/M Ban Thường vụ, title: Bí thư, name: Thẩm Bá Phước}
YAML
"$vanban" render --lang en "$dir/cjk-test.yaml" -o "$dir/cjk" 2>"$dir/err" >/dev/null
status=$?
[ $status -eq 1 ] && ok missing-glyph-exit || bad "missing-glyph exit $status"
grep -q "cjk-test\.yaml:8:21: error: the font .* has no glyph for U+6F22 ('漢')" "$dir/err" &&
  ok missing-glyph-at-data || { bad missing-glyph-at-data; cat "$dir/err"; }
ls "$dir/cjk"/*.pdf >/dev/null 2>&1 && bad no-pdf-on-error || ok no-pdf-on-error

# A good and a bad file together: the good one's documents are still made.
printf 'standard: party\n' > "$dir/bad.yaml"
"$vanban" render --quiet "$dir/bad.yaml" "$example" -o "$dir/mixed" 2>/dev/null
status=$?
[ $status -eq 1 ] && [ -f "$dir/mixed/$stem.notice.pdf" ] && ok mixed-good-and-bad || bad "mixed: exit $status"

"$vanban" render 2>/dev/null; [ $? -eq 2 ] && ok no-file-usage || bad no-file-usage
"$vanban" render --only letter "$example" 2>/dev/null; [ $? -eq 2 ] && ok bad-only-usage || bad bad-only-usage
exit $fail
