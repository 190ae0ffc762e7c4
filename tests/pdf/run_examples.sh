#!/usr/bin/env bash
# Renders every examples/*.yaml and tests/pdf/fixtures/*.yaml (all documents each lists) to PDF
# and to markup, then checks each PDF against the rules of spec section 6 with pdf_rules.py.
#   run_examples.sh VANBAN_BINARY SOURCE_DIR [-v]
# Exit status: 0 when every document passes every applicable rule, 1 otherwise.
set -u
vanban=${1:?usage: run_examples.sh VANBAN_BINARY SOURCE_DIR [-v]}
root=${2:?usage: run_examples.sh VANBAN_BINARY SOURCE_DIR [-v]}
verbose=${3:-}
py=${PYTHON:-/usr/bin/python3}
here="$root/tests/pdf"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

shopt -s nullglob
inputs=("$root"/examples/*.yaml "$here"/fixtures/*.yaml)
if [ ${#inputs[@]} -eq 0 ]; then
  echo "FAIL no input: $root/examples/*.yaml and $here/fixtures/*.yaml are empty"
  exit 1
fi

fail=0
docs=0
bad_docs=()
for yaml in "${inputs[@]}"; do
  stem=$(basename "${yaml%.*}")
  out="$dir/$stem"
  mkdir -p "$out"
  if ! "$vanban" render --quiet "$yaml" -o "$out" >"$out/render.log" 2>&1; then
    echo "FAIL render $yaml"; sed 's/^/    /' "$out/render.log"; fail=1; bad_docs+=("$stem (render)"); continue
  fi
  if ! "$vanban" render --quiet --emit markup "$yaml" -o "$out" >"$out/markup.log" 2>&1; then
    echo "FAIL render --emit markup $yaml"; sed 's/^/    /' "$out/markup.log"; fail=1; bad_docs+=("$stem (markup)"); continue
  fi
  pdfs=("$out"/*.pdf)
  if [ ${#pdfs[@]} -eq 0 ]; then
    echo "FAIL $yaml produced no PDF"; fail=1; bad_docs+=("$stem (no pdf)"); continue
  fi
  for pdf in "${pdfs[@]}"; do
    xml="${pdf%.pdf}.xml"
    docs=$((docs + 1))
    if [ ! -f "$xml" ]; then
      echo "FAIL $pdf has no markup twin"; fail=1; bad_docs+=("$(basename "$pdf") (no markup)"); continue
    fi
    if "$py" "$here/pdf_rules.py" $verbose "$pdf" "$xml" >"$pdf.rules" 2>&1; then
      echo "ok   $(basename "$pdf")"
    else
      fail=1
      echo "FAIL $(basename "$pdf")"
      grep -v -e '^ok ' -e '^n/a ' -e '^#' "$pdf.rules" | sed 's/^/    /'
      bad_docs+=("$(basename "$pdf"): $(grep -o '^FAIL rule [0-9]*' "$pdf.rules" | sed 's/FAIL rule //' | paste -sd, -)")
    fi
  done
done

echo
echo "summary: ${#inputs[@]} input file(s), $docs document(s), ${#bad_docs[@]} failing"
for b in "${bad_docs[@]}"; do echo "  failing: $b"; done
exit $fail
