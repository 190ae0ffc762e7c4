#!/usr/bin/python3
"""xlsx.recalculation: LibreOffice recalculates every formula to the value the engine cached.

usage: test_recalculation.py VANBAN PROJECT_SOURCE_DIR

1. Data: examples/*.yaml plus 200 conferences from tools/generate-conferences (seed 2022,
   8 units: several conferences per unit in every quarter of 2022, all statuses, dated
   and recurring deadlines, decimal figures).
2. The statistics workbook as of 30/09/2022, and the per-conference workbooks of two
   conferences with absences, delegations and groups.
3. Proof that recalculation happens: copies of the workbooks in which the cached value
   (<v>) of EVERY formula cell is replaced by 987654321 (openpyxl data_only must read
   that), converted by LibreOffice headless with a throwaway profile that sets
   OOXMLRecalcMode = 0 (always recalculate) into one CSV per sheet. Had LibreOffice
   shown cached values, 987654321 would appear.
4. For every formula cell of every sheet: the value LibreOffice computed equals the
   value the engine cached, exactly (numbers are exported as stored, not as shown).
5. On this large set the engine's cached summary, per-unit, per-month and indicator
   values also equal the counts computed here from the YAML.
One soffice run (a few seconds), killed if it takes longer than the timeout.
"""

import datetime as dt
import os
import re
import sys
import tempfile
import time
import zipfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_common import (Checker, Statistics, Template, col_letter, csv_cell, example_files,  # noqa: E402
                         formula_cells, libreoffice_csv, load_conferences, project_paths, run)

import openpyxl  # noqa: E402

AS_OF = dt.datetime(2022, 9, 30)
WRONG = 987654321
FORMULA_VALUE = re.compile(r"(<f(?:\s[^>]*)?(?:/>|>[^<]*</f>))<v>[^<]*</v>")


def poison(src, dst):
    """Copy an xlsx with every formula's cached value replaced by WRONG; return the count."""
    count = 0
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/sheet") and item.filename.endswith(".xml"):
                text, n = FORMULA_VALUE.subn(lambda m: f"{m.group(1)}<v>{WRONG}</v>", data.decode("utf-8"))
                data = text.encode("utf-8")
                count += n
            zout.writestr(item, data)
    return count


def as_number(text):
    try:
        return float(text)
    except ValueError:
        return None


def main():
    vanban, top = project_paths(sys.argv)
    ck = Checker("xlsx.recalculation")
    tmpl = Template(os.path.join(top, "templates", "workbook-statistics.yaml"))
    with tempfile.TemporaryDirectory(prefix="vanban-recalc-") as tmp:
        generated = os.path.join(tmp, "generated")
        t0 = time.monotonic()
        run([sys.executable, os.path.join(top, "tools", "generate-conferences"), "200", generated,
             "--seed", "2022", "--units", "8"])
        gen_files = sorted(os.path.join(generated, f) for f in os.listdir(generated) if f.endswith(".yaml"))
        files = example_files(top) + gen_files
        stats = os.path.join(tmp, "stats.xlsx")
        run([vanban, "stats", *files, "-o", stats, "--as-of", AS_OF.strftime("%Y-%m-%d")])
        # conference workbooks: an example with an absence and a group, a generated one
        conferences = load_conferences(files)
        chosen = [c for c in conferences if c.path.endswith("2022-05-12-ngoc-thuy-ubnd-giai-phong-mat-bang.yaml")]
        chosen += [c for c in conferences[len(files) - len(gen_files):]
                   if {"delegated", "absent_with_permission"} <= {a["attendance"] for a in c.attendees}][:1]
        ck.equal(len(chosen), 2, "conferences chosen for per-conference workbooks")
        books = os.path.join(tmp, "books")
        run([vanban, "render", "--xlsx", "--only", "workbook", *[c.path for c in chosen], "-o", books])
        originals = [stats] + sorted(os.path.join(books, f) for f in os.listdir(books))
        prepared = time.monotonic() - t0

        poisoned_dir = os.path.join(tmp, "poisoned")
        os.makedirs(poisoned_dir)
        poisoned, expected = [], {}
        for k, path in enumerate(originals):
            cells = formula_cells(path)
            target = os.path.join(poisoned_dir, f"book{k}.xlsx")
            n = poison(path, target)
            total = sum(len(v) for v in cells.values())
            ck.equal(n, total, f"{os.path.basename(path)}: formula cached values replaced")
            # the copy really carries wrong cached values
            wv = openpyxl.load_workbook(target, data_only=True)
            wrong = sum(1 for sheet, cs in cells.items() for (r, c) in cs if wv[sheet].cell(r, c).value == WRONG)
            ck.equal(wrong, total, f"{os.path.basename(path)}: cells reading {WRONG} in the poisoned copy")
            poisoned.append(target)
            expected[target] = (path, cells)

        csv_dir = os.path.join(tmp, "csv")
        os.makedirs(csv_dir)
        result, seconds = libreoffice_csv(poisoned, csv_dir, timeout=240)
        print(f"LibreOffice: {len(poisoned)} workbooks recalculated and exported in {seconds:.1f} s "
              f"(data prepared in {prepared:.1f} s)")

        compared = 0
        for target in poisoned:
            path, cells = expected[target]
            name = os.path.basename(path)
            sheets = result[target]
            for sheet, cs in cells.items():
                rows = sheets.get(sheet)
                if not ck.check(rows is not None, f"{name}: no CSV for sheet {sheet}; got {sorted(sheets)}"):
                    continue
                ck.check(all(str(WRONG) not in cell for row in rows for cell in row),
                         f"{name}!{sheet}: LibreOffice shows the poisoned cached value: no recalculation")
                for (r, c), (formula, cached) in sorted(cs.items()):
                    shown = csv_cell(rows, r, c)
                    value = as_number(shown)
                    compared += 1
                    ck.check(value is not None and value == cached,
                             f"{name}!{sheet}!{col_letter(c)}{r} {formula}: LibreOffice {shown!r}, engine cached {cached!r}")
        print(f"{compared} formula cells compared")
        ck.check(compared > 1500, f"only {compared} formula cells compared")

        # the engine's cached values on this large set agree with the counts made here
        st = Statistics(conferences, AS_OF, tmpl.status_labels)
        ck.check(len(st.conferences) == len(files) and len(st.directives) > 800,
                 f"data set too small: {len(st.conferences)} conferences, {len(st.directives)} directives")
        quarters = {c.quarter for c in st.conferences if c.path in gen_files}
        ck.equal(quarters, {f"2022-Q{q}" for q in range(1, 5)}, "generated conferences cover the four quarters")
        wv = openpyxl.load_workbook(stats, data_only=True)

        def col(kind, field):
            return tmpl.col(kind, field)

        ws = wv[tmpl.sheet("summary")["name"]]
        hr = tmpl.header_row("summary")
        fields = ["conferences", "attendees", "directives", "not_started", "in_progress", "done", "cancelled", "overdue"]
        ck.equal(ws.max_row, hr + len(st.summary) + 1, "summary rows")
        for i, row in enumerate(st.summary):
            r = hr + 1 + i
            ck.equal((ws.cell(r, col("summary", "unit")).value, ws.cell(r, col("summary", "period")).value),
                     (row["unit"], row["period"]), f"summary row {r} key")
            for f in fields:
                ck.equal(ws.cell(r, col("summary", f)).value, row[f], f"summary {row['unit']} {row['period']} {f}")
        for f in fields:
            ck.equal(ws.cell(hr + 1 + len(st.summary), col("summary", f)).value, st.totals[f], f"Tổng cộng {f}")
        ws = wv[tmpl.sheet("charts")["name"]]
        hr = tmpl.header_row("charts")
        for i, unit in enumerate(st.units):
            for f in ("not_started", "in_progress", "done", "cancelled", "overdue"):
                ck.equal(ws.cell(hr + 1 + i, col("charts", f)).value, st.per_unit[unit][f], f"Biểu đồ {unit} {f}")
        for i, month in enumerate(st.months):
            ck.equal(ws.cell(hr + 1 + i, col("charts", "month")).value, month, f"Biểu đồ month row {i}")
            ck.equal(ws.cell(hr + 1 + i, col("charts", "conferences")).value, st.per_month[month], f"Biểu đồ {month}")
        ws = wv[tmpl.sheet("indicators")["name"]]
        hr = tmpl.header_row("indicators")
        ck.equal(ws.max_row, hr + len(st.indicators), "indicator rows")
        for i, ((ident, unit, quarter), ind, total) in enumerate(st.indicators):
            r = hr + 1 + i
            ck.equal(ws.cell(r, col("indicators", "value")).value, total, f"Chỉ tiêu {ident} {unit} {quarter}")
        ck.check(any(isinstance(t, float) and t != int(t) for _, _, t in st.indicators),
                 "no decimal indicator values in the data")
    sys.exit(ck.finish())


if __name__ == "__main__":
    main()
