#!/usr/bin/python3
"""xlsx.scripted_edit: editing a status in Nhiệm vụ moves the live summary by exactly that.

usage: test_scripted_edit.py VANBAN PROJECT_SOURCE_DIR

The statistics workbook of examples/*.yaml as of 15/10/2022 is edited with openpyxl the
way a clerk would (formulas are kept; openpyxl drops their cached values):
  A. a directive "Đang thực hiện" with a recurring deadline  → "Hoàn thành"
  B. a directive "Chưa thực hiện" whose dated deadline is past → "Đã hủy"
  C. another "Đang thực hiện" directive (other unit or quarter) → "Quá hạn"
then recalculated by LibreOffice headless (one conversion). Checked:
  - the rows of Tổng hợp of the edited units/quarters changed by exactly
    A: done +1, in progress −1, overdue ±0;  B: not started −1, cancelled +1, overdue −1;
    C: in progress −1, overdue +1 (the "Quá hạn" status counts as overdue);
    every other row unchanged; the Tổng cộng row by the sum of those;
  - the per-row Quá hạn formulas of the edited rows, and the per-unit table of Biểu đồ;
  - every recalculated summary cell equals the counts computed here from the YAML with
    the same edits applied;
  - after the openpyxl save, the summary still holds formulas and the status dropdown.
"""

import copy
import datetime as dt
import os
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_common import (Checker, Statistics, Template, csv_cell, example_files, fatal,  # noqa: E402
                         libreoffice_csv, load_conferences, overdue_as_of, project_paths, run)

import openpyxl  # noqa: E402

AS_OF = dt.datetime(2022, 10, 15)
FIELDS = ["conferences", "attendees", "directives", "not_started", "in_progress", "done", "cancelled", "overdue"]


def pick_edits(st):
    """(conference, directive index, new status, expected deltas) for edits A, B and C."""
    rows = [(c, i, d) for c in st.conferences for i, d in enumerate(c.directives)]
    a = next(((c, i, d) for c, i, d in rows if d["status"] == "in_progress" and d["deadline"] is None), None)
    b = next(((c, i, d) for c, i, d in rows if d["status"] == "not_started" and d["deadline"] is not None
              and d["deadline"] < st.as_of), None)
    c_ = None
    if a:
        c_ = next(((c, i, d) for c, i, d in rows if d["status"] == "in_progress" and d["deadline"] is None
                   and (c.issuer, c.quarter) != (a[0].issuer, a[0].quarter)
                   and (b is None or (c.issuer, c.quarter) != (b[0].issuer, b[0].quarter))), None)
    if not (a and b and c_):
        fatal("the examples no longer hold the directives this test edits (see pick_edits)")
    return [
        (a[0], a[1], "done", {"done": +1, "in_progress": -1}),
        (b[0], b[1], "cancelled", {"not_started": -1, "cancelled": +1, "overdue": -1}),
        (c_[0], c_[1], "overdue", {"in_progress": -1, "overdue": +1}),
    ]


def main():
    vanban, top = project_paths(sys.argv)
    ck = Checker("xlsx.scripted_edit")
    tmpl = Template(os.path.join(top, "templates", "workbook-statistics.yaml"))
    files = example_files(top)
    conferences = load_conferences(files)
    before = Statistics(conferences, AS_OF, tmpl.status_labels)
    edits = pick_edits(before)

    # the same edits on the model
    edited_confs = copy.deepcopy(before.conferences)
    index = {id(c): k for k, c in enumerate(before.conferences)}
    for c, i, status, _ in edits:
        edited_confs[index[id(c)]].directives[i]["status"] = status
    after = Statistics(edited_confs, AS_OF, tmpl.status_labels)

    summary_name = tmpl.sheet("summary")["name"]
    directives_name = tmpl.sheet("directives")["name"]
    charts_name = tmpl.sheet("charts")["name"]
    shr, dhr, chr_ = tmpl.header_row("summary"), tmpl.header_row("directives"), tmpl.header_row("charts")

    def scol(field):
        return tmpl.col("summary", field)

    with tempfile.TemporaryDirectory(prefix="vanban-edit-") as tmp:
        stats = os.path.join(tmp, "stats.xlsx")
        run([vanban, "stats", *files, "-o", stats, "--as-of", AS_OF.strftime("%Y-%m-%d")])
        cached = openpyxl.load_workbook(stats, data_only=True)[summary_name]
        wb = openpyxl.load_workbook(stats)
        ws = wb[directives_name]
        status_col = tmpl.col("directives", "status")
        edited_rows = {}
        for c, i, status, _ in edits:
            # the directive's row: the model's order is the sheet's order
            r = dhr + 1 + [k for k, (cc, d) in enumerate(before.directives) if cc is c and d is c.directives[i]][0]
            ck.equal(ws.cell(r, tmpl.col("directives", "number")).value, c.directives[i]["number"],
                     f"row {r} is directive {c.directives[i]['number']} of {c.issuer} {c.quarter}")
            ck.equal(ws.cell(r, status_col).value, tmpl.status_labels[c.directives[i]["status"]], f"row {r} status before")
            ws.cell(r, status_col).value = tmpl.status_labels[status]
            edited_rows[r] = (c, i, status)
        edited = os.path.join(tmp, "edited.xlsx")
        wb.save(edited)

        # what openpyxl kept
        check = openpyxl.load_workbook(edited)
        f = check[summary_name].cell(shr + 1, scol("conferences")).value
        ck.check(isinstance(f, str) and f.startswith("=COUNTIFS("), f"summary formula lost by the edit: {f!r}")
        ck.equal(len(check[directives_name].data_validations.dataValidation), 1, "status dropdown kept")

        csv_dir = os.path.join(tmp, "csv")
        os.makedirs(csv_dir)
        result, seconds = libreoffice_csv([edited], csv_dir, timeout=240)
        print(f"LibreOffice: recalculated and exported in {seconds:.1f} s")
        sheets = result[edited]
        summary = sheets[summary_name]

        def lo(rows, r, c):
            text = csv_cell(rows, r, c)
            try:
                return float(text)
            except ValueError:
                return text

        # Tổng hợp: every row, deltas from the engine's cached values
        deltas = {}
        for c, i, status, delta in edits:
            key = (c.issuer, c.quarter)
            for k, v in delta.items():
                deltas.setdefault(key, {}).setdefault(k, 0)
                deltas[key][k] += v
        ck.equal(len(after.summary), len(before.summary), "summary rows")
        for k, row in enumerate(after.summary):
            r = shr + 1 + k
            key = (row["unit"], row["period"])
            ck.equal((csv_cell(summary, r, scol("unit")), csv_cell(summary, r, scol("period"))), key, f"summary row {r}")
            for field in FIELDS:
                new = lo(summary, r, scol(field))
                old = cached.cell(r, scol(field)).value
                want = deltas.get(key, {}).get(field, 0)
                ck.check(isinstance(new, float) and new - old == want,
                         f"{row['unit']} {row['period']} {field}: {old!r} -> {new!r}, expected a change of {want:+d}")
                ck.equal(new, row[field], f"{row['unit']} {row['period']} {field} after the edit (model)")
        total = shr + 1 + len(after.summary)
        ck.equal(csv_cell(summary, total, 1), "Tổng cộng", "total row")
        for field in FIELDS:
            want = sum(d.get(field, 0) for d in deltas.values())
            new = lo(summary, total, scol(field))
            old = cached.cell(total, scol(field)).value
            ck.check(isinstance(new, float) and new - old == want,
                     f"Tổng cộng {field}: {old!r} -> {new!r}, expected a change of {want:+d}")
            ck.equal(new, after.totals[field], f"Tổng cộng {field} after the edit (model)")
        ck.check(sum(abs(v) for d in deltas.values() for v in d.values()) >= 7, "the edits change too little")

        # Nhiệm vụ: the edited rows' overdue flags
        nv = sheets[directives_name]
        for r, (c, i, status) in edited_rows.items():
            d = dict(c.directives[i], status=status)
            ck.equal(lo(nv, r, tmpl.col("directives", "status")), tmpl.status_labels[status], f"Nhiệm vụ row {r} status")
            ck.equal(lo(nv, r, tmpl.col("directives", "overdue")), 1.0 if overdue_as_of(d, AS_OF) else 0.0,
                     f"Nhiệm vụ row {r} overdue after the edit")

        # Biểu đồ: per unit, all quarters
        bd = sheets[charts_name]
        for k, unit in enumerate(after.units):
            r = chr_ + 1 + k
            for field in ("not_started", "in_progress", "done", "cancelled", "overdue"):
                ck.equal(lo(bd, r, tmpl.col("charts", field)), after.per_unit[unit][field], f"Biểu đồ {unit} {field}")
    sys.exit(ck.finish())


if __name__ == "__main__":
    main()
