#!/usr/bin/python3
"""xlsx.readback: the statistics workbook (vanban stats) read back with openpyxl.

usage: test_statistics_readback.py VANBAN PROJECT_SOURCE_DIR

Makes the statistics workbook of examples/*.yaml as of 30/09/2022 and checks, against
expectations computed here from the YAML and the template (never from the engine):
  - sheets present, in template order; sheet titles, header labels, column widths;
  - every data row: texts, numbers as numbers, dates as datetimes in dd/mm/yyyy;
  - formulas present in Tổng hợp, Nhiệm vụ (Quá hạn), Chỉ tiêu and Biểu đồ, and their
    cached values (data_only=True) equal to the counts computed here (conferences,
    attendance, directives by status per unit × quarter held, overdue as of the date =
    not done/cancelled and (marked overdue or dated deadline before the date));
  - the as-of date in B2, the Tổng cộng row (SUM formulas, totals);
  - font Times New Roman everywhere, bold titles and headers;
  - status dropdown (list validation) on Nhiệm vụ, frozen header, autofilter ranges;
  - print setup of every sheet: landscape, A4 (paper 9), 1 page wide, header row
    repeated, page header with the title, footer with page numbers;
  - the two charts of Biểu đồ (openpyxl and the xl/charts parts: kind, series, ranges);
  - document properties; byte-identical output for the same input;
  - --period 2022-Q2 and --period 2022 keep only the conferences held then.
"""

import datetime as dt
import os
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_common import (Checker, Readback, Statistics, Template, col_letter, example_files,  # noqa: E402
                         load_conferences, project_paths, run, KIND_WORDS, capitalize_first, overdue_as_of)

import openpyxl  # noqa: E402

# After the 30/09/2022 deadline of a directive not started: overdue as of the date then
# differs from the "Quá hạn" status. The boundary (deadline = as-of: not overdue) is run too.
AS_OF = dt.datetime(2022, 10, 15)
BOUNDARY = dt.datetime(2022, 9, 30)
CHART_NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
            "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def check_summary(rb, ws, st):
    tmpl, ck = rb.tmpl, rb.ck
    kind = "summary"
    hr = tmpl.header_row(kind)
    col = lambda f: tmpl.col(kind, f)  # noqa: E731
    ck.equal(ws["A2"].value, "Tính đến ngày:", "Tổng hợp!A2")
    rb.date(ws, 2, 2, st.as_of, "as-of date")
    ck.check(ws["B2"].font.b, "Tổng hợp!B2 as-of date not bold")
    fields = ["conferences", "attendees", "directives", "not_started", "in_progress", "done", "cancelled", "overdue"]
    functions = {"conferences": ["COUNTIFS"], "attendees": ["SUMIFS"], "directives": ["COUNTIFS"],
                 "overdue": ["SUMIFS"]}
    for i, row in enumerate(st.summary):
        r = hr + 1 + i
        rb.text(ws, r, col("unit"), row["unit"], "unit")
        rb.text(ws, r, col("period"), row["period"], "quarter held")
        for f in fields:
            label = tmpl.status_labels.get(f) if f in tmpl.status_labels and f != "overdue" else None
            refs = [f"$A{r}", f"$B{r}"] + ([f'"{label}"'] if label else [])
            rb.formula(ws, r, col(f), row[f], f"{row['unit']} {row['period']} {f}", functions.get(f, ["COUNTIFS"]), refs)
    total = hr + 1 + len(st.summary)
    ck.equal(ws.cell(total, 1).value, "Tổng cộng", "Tổng hợp total row label")
    for f in fields:
        c = col(f)
        rng = f"{col_letter(c)}{hr + 1}:{col_letter(c)}{total - 1}"
        rb.formula(ws, total, c, st.totals[f], f"Tổng cộng {f}", ["SUM"], [rng])
    return total


def check_conferences(rb, ws, st):
    tmpl = rb.tmpl
    kind = "conferences"
    hr = tmpl.header_row(kind)
    col = lambda f: tmpl.col(kind, f)  # noqa: E731
    for i, c in enumerate(st.conferences):
        r = hr + 1 + i
        rb.text(ws, r, col("unit"), c.issuer, "unit")
        rb.text(ws, r, col("period"), c.quarter, "quarter held")
        rb.date(ws, r, col("date"), c.date, "conference date")
        rb.text(ws, r, col("month"), c.month, "month")
        rb.text(ws, r, col("kind"), KIND_WORDS[c.kind], "kind")
        rb.text(ws, r, col("title"), capitalize_first(c.title), "title")
        rb.number(ws, r, col("present"), c.attendee_total, "present (individuals + group counts)")
        rb.number(ws, r, col("directives"), len(c.directives), "directives")
    return hr + len(st.conferences)


def check_directives(rb, ws, st):
    tmpl, ck = rb.tmpl, rb.ck
    kind = "directives"
    hr = tmpl.header_row(kind)
    col = lambda f: tmpl.col(kind, f)  # noqa: E731
    status_col, deadline_col = col("status"), col("deadline")
    for i, (c, d) in enumerate(st.directives):
        r = hr + 1 + i
        what = f"{c.issuer} {c.quarter} directive {d['number']}"
        rb.text(ws, r, col("unit"), c.issuer, f"{what} unit")
        rb.text(ws, r, col("period"), c.quarter, f"{what} quarter")
        rb.date(ws, r, col("conference_date"), c.date, f"{what} conference date")
        rb.number(ws, r, col("number"), d["number"], f"{what} number")
        rb.text(ws, r, col("content"), d["content"], f"{what} content")
        rb.text(ws, r, col("lead"), d["lead"], f"{what} lead")
        rb.text(ws, r, col("support"), d["support"], f"{what} support")
        rb.date(ws, r, col("deadline"), d["deadline"], f"{what} deadline")
        rb.text(ws, r, col("deadline_rule"), d["rule"], f"{what} recurring deadline")
        rb.text(ws, r, col("status"), tmpl.status_labels[d["status"]], f"{what} status")
        rb.date(ws, r, col("completed"), d["completed"], f"{what} completed")
        rb.text(ws, r, col("notes"), d["notes"], f"{what} notes")
        overdue = 1 if overdue_as_of(d, st.as_of) else 0
        st_ref, dl_ref = f"{col_letter(status_col)}{r}", f"{col_letter(deadline_col)}{r}"
        rb.formula(ws, r, col("overdue"), overdue, f"{what} overdue", ["IF"],
                   [st_ref, dl_ref, "'Tổng hợp'!$B$2"] + [f'"{tmpl.status_labels[s]}"' for s in ("done", "cancelled", "overdue")])
    last = hr + len(st.directives)
    # the status dropdown
    dvs = ws.data_validations.dataValidation
    ck.equal(len(dvs), 1, "Nhiệm vụ data validations")
    if dvs:
        dv = dvs[0]
        letter = col_letter(status_col)
        ck.equal(dv.type, "list", "status validation type")
        ck.equal(str(dv.sqref), f"{letter}{hr + 1}:{letter}{last}", "status validation range")
        ck.equal(dv.formula1, '"' + ",".join(tmpl.status_labels[s] for s in
                                             ["not_started", "in_progress", "done", "overdue", "cancelled"]) + '"',
                 "status validation list")
        ck.check(not dv.showDropDown, "status validation: showDropDown=1 hides the in-cell dropdown")
        ck.check(dv.showErrorMessage, "status validation does not refuse other values")
    return last


def check_figures(rb, ws, st):
    tmpl = rb.tmpl
    kind = "figures"
    hr = tmpl.header_row(kind)
    col = lambda f: tmpl.col(kind, f)  # noqa: E731
    fmt = next(c.get("format") for c in tmpl.sheet(kind)["columns"] if c["field"] == "value")
    for i, (c, (ind, by, part, value)) in enumerate(st.figures):
        r = hr + 1 + i
        what = f"figure {ind['id']} {part or ''}"
        rb.text(ws, r, col("unit"), c.issuer, f"{what} unit")
        rb.text(ws, r, col("period"), c.quarter, f"{what} quarter")
        rb.date(ws, r, col("conference_date"), c.date, f"{what} date")
        rb.text(ws, r, col("indicator_id"), ind["id"], f"{what} id")
        rb.text(ws, r, col("indicator"), ind["name"], f"{what} name")
        rb.text(ws, r, col("measure"), ind.get("unit"), f"{what} measure")
        rb.text(ws, r, col("breakdown"), by, f"{what} breakdown")
        rb.text(ws, r, col("part"), part, f"{what} part")
        rb.number(ws, r, col("value"), value, f"{what} value", fmt)
    return hr + len(st.figures)


def check_indicators(rb, ws, st):
    tmpl = rb.tmpl
    kind = "indicators"
    hr = tmpl.header_row(kind)
    col = lambda f: tmpl.col(kind, f)  # noqa: E731
    fmt = next(c.get("format") for c in tmpl.sheet(kind)["columns"] if c["field"] == "value")
    for i, ((ident, unit, quarter), ind, total) in enumerate(st.indicators):
        r = hr + 1 + i
        what = f"indicator {ident} {unit} {quarter}"
        rb.text(ws, r, col("indicator_id"), ident, f"{what} id")
        rb.text(ws, r, col("indicator"), ind["name"], f"{what} name")
        rb.text(ws, r, col("measure"), ind.get("unit"), f"{what} measure")
        rb.text(ws, r, col("unit"), unit, f"{what} unit")
        rb.text(ws, r, col("period"), quarter, f"{what} quarter")
        rb.formula(ws, r, col("value"), total, f"{what} value", ["SUMIFS"],
                   [f"$A{r}", f"$D{r}", f"$E{r}", '"Tổng số"', "'Số liệu'!"], fmt)
    return hr + len(st.indicators)


def check_charts_sheet(rb, ws, st, path):
    tmpl, ck = rb.tmpl, rb.ck
    kind = "charts"
    hr = tmpl.header_row(kind)
    col = lambda f: tmpl.col(kind, f)  # noqa: E731
    for i, unit in enumerate(st.units):
        r = hr + 1 + i
        rb.text(ws, r, col("unit"), unit, "chart table unit")
        for s in ("not_started", "in_progress", "done", "cancelled"):
            rb.formula(ws, r, col(s), st.per_unit[unit][s], f"{unit} {s} (all quarters)", ["COUNTIFS"],
                       [f"$A{r}", f'"{tmpl.status_labels[s]}"'])
        rb.formula(ws, r, col("overdue"), st.per_unit[unit]["overdue"], f"{unit} overdue", ["SUMIFS"], [f"$A{r}"])
    for i, month in enumerate(st.months):
        r = hr + 1 + i
        rb.text(ws, r, col("month"), month, "chart table month")
        rb.formula(ws, r, col("conferences"), st.per_month[month], f"conferences in {month}", ["COUNTIFS"],
                   [f"${col_letter(col('month'))}{r}"])
    last = hr + max(len(st.units), len(st.months))
    # charts: openpyxl keeps what it read; the parts in the zip tell the rest
    ck.equal(len(ws._charts), 2, "Biểu đồ charts read by openpyxl")
    with zipfile.ZipFile(path) as z:
        names = sorted(n for n in z.namelist() if n.startswith("xl/charts/chart"))
        ck.equal(names, ["xl/charts/chart1.xml", "xl/charts/chart2.xml"], "chart parts")
        charts = [ET.fromstring(z.read(n)) for n in names]
    name = ws.title
    first = hr + 1

    def rng(c, count):
        return f"'{name}'!${col_letter(c)}${first}:${col_letter(c)}${first + count - 1}"

    found = {}
    for root in charts:
        title = "".join(t.text or "" for t in root.findall("c:chart/c:title//a:t", CHART_NS))
        bar = root.find(".//c:barChart", CHART_NS)
        series = root.findall(".//c:ser", CHART_NS)
        found[title] = (bar, series)
    stacked = found.get("Nhiệm vụ theo tình trạng và đơn vị")
    ck.check(stacked is not None, f"chart 'Nhiệm vụ theo tình trạng và đơn vị' missing; titles {list(found)}")
    if stacked:
        bar, series = stacked
        ck.equal(bar.find("c:grouping", CHART_NS).get("val"), "stacked", "status chart grouping")
        ck.equal(len(series), 4, "status chart series")
        for ser, s in zip(series, ("not_started", "in_progress", "done", "cancelled")):
            ck.equal(ser.find("c:cat//c:f", CHART_NS).text, rng(col("unit"), len(st.units)), f"status chart {s} categories")
            ck.equal(ser.find("c:val//c:f", CHART_NS).text, rng(col(s), len(st.units)), f"status chart {s} values")
            ck.equal(ser.find("c:tx//c:v", CHART_NS).text, tmpl.status_labels[s], f"status chart {s} name")
    monthly = found.get("Số hội nghị theo tháng")
    ck.check(monthly is not None, f"chart 'Số hội nghị theo tháng' missing; titles {list(found)}")
    if monthly:
        bar, series = monthly
        ck.equal(bar.find("c:grouping", CHART_NS).get("val"), "clustered", "month chart grouping")
        ck.equal(len(series), 1, "month chart series")
        if series:
            ck.equal(series[0].find("c:cat//c:f", CHART_NS).text, rng(col("month"), len(st.months)), "month chart categories")
            ck.equal(series[0].find("c:val//c:f", CHART_NS).text, rng(col("conferences"), len(st.months)), "month chart values")
    for title, (bar, series) in found.items():
        ck.check(bar is not None, f"chart {title!r} is not a bar/column chart")
        if bar is not None:
            ck.equal(bar.find("c:barDir", CHART_NS).get("val"), "col", f"chart {title!r} direction")
    return last


def main():
    vanban, top = project_paths(sys.argv)
    tmpl = Template(os.path.join(top, "templates", "workbook-statistics.yaml"))
    files = example_files(top)
    conferences = load_conferences(files)
    st = Statistics(conferences, AS_OF, tmpl.status_labels)
    ck = Checker("xlsx.readback")
    with tempfile.TemporaryDirectory(prefix="vanban-xlsx-") as tmp:
        out = os.path.join(tmp, "stats.xlsx")
        run([vanban, "stats", *files, "-o", out, "--as-of", AS_OF.strftime("%Y-%m-%d")])
        again = os.path.join(tmp, "again.xlsx")
        run([vanban, "stats", *files, "-o", again, "--as-of", AS_OF.strftime("%Y-%m-%d")])
        with open(out, "rb") as a, open(again, "rb") as b:
            ck.check(a.read() == b.read(), "the same input gave different bytes")

        wb = openpyxl.load_workbook(out)
        wv = openpyxl.load_workbook(out, data_only=True)
        rb = Readback(ck, tmpl, wb, wv)
        ck.equal(wb.sheetnames, [s["name"] for s in tmpl.sheets], "sheets in template order")
        ck.equal(wb.properties.title, tmpl.title, "document title")
        ck.equal(wb.properties.creator, "vanban", "document author")
        ck.check(wb.properties.created is not None and wb.properties.created.date() == AS_OF.date(),
                 f"document created {wb.properties.created}, expected the as-of date {AS_OF.date()}")
        # the example set must exercise what is checked
        ck.check(len(st.summary) >= 5 and len(st.directives) >= 30 and len(st.figures) >= 20,
                 "the examples are too small for this test")
        ck.check({d["status"] for c, d in st.directives} == set(tmpl.status_labels),
                 "the examples do not use all five statuses")

        by_kind = {s["sheet"]: wb[s["name"]] for s in tmpl.sheets if s["name"] in wb.sheetnames}
        checks = {
            "summary": lambda ws: (check_summary(rb, ws, st), tmpl.header_row("summary") + len(st.summary)),
            "conferences": lambda ws: (check_conferences(rb, ws, st),) * 2,
            "directives": lambda ws: (check_directives(rb, ws, st),) * 2,
            "indicators": lambda ws: (check_indicators(rb, ws, st),) * 2,
            "figures": lambda ws: (check_figures(rb, ws, st),) * 2,
            "charts": lambda ws: (check_charts_sheet(rb, ws, st, out), None),
        }
        for kind, ws in by_kind.items():
            last, autofilter_last = checks[kind](ws)
            rb.layout(ws, kind, last, autofilter_last)

        ck.check(any(r["overdue"] != r["status_overdue"] for r in st.summary),
                 "the as-of date does not separate overdue-as-of from the overdue status")
        # a deadline on the as-of date itself is not past
        path = os.path.join(tmp, "boundary.xlsx")
        run([vanban, "stats", *files, "-o", path, "--as-of", BOUNDARY.strftime("%Y-%m-%d")])
        boundary = Statistics(conferences, BOUNDARY, tmpl.status_labels)
        ck.check(any(d["deadline"] == BOUNDARY for c, d in boundary.directives), "no deadline on the boundary date")
        bb = Readback(ck, tmpl, openpyxl.load_workbook(path), openpyxl.load_workbook(path, data_only=True))
        check_summary(bb, bb.wb[tmpl.sheet("summary")["name"]], boundary)
        check_directives(bb, bb.wb[tmpl.sheet("directives")["name"]], boundary)
        check_charts_sheet(bb, bb.wb[tmpl.sheet("charts")["name"]], boundary, path)

        # --period keeps only the conferences held in that quarter or year
        for period in ("2022-Q2", "2022"):
            path = os.path.join(tmp, f"period-{period}.xlsx")
            run([vanban, "stats", *files, "-o", path, "--as-of", AS_OF.strftime("%Y-%m-%d"), "--period", period])
            kept = [c for c in conferences if c.quarter == period or c.quarter[:4] == period]
            sub = Statistics(kept, AS_OF, tmpl.status_labels)
            pb = openpyxl.load_workbook(path)
            pv = openpyxl.load_workbook(path, data_only=True)
            prb = Readback(ck, tmpl, pb, pv)
            ws = pb[tmpl.sheet("conferences")["name"]]
            ck.equal(ws.max_row, tmpl.header_row("conferences") + len(kept), f"--period {period}: conference rows")
            check_conferences(prb, ws, sub)
            check_summary(prb, pb[tmpl.sheet("summary")["name"]], sub)
            check_directives(prb, pb[tmpl.sheet("directives")["name"]], sub)
    sys.exit(ck.finish())


if __name__ == "__main__":
    main()
