#!/usr/bin/python3
"""xlsx.conference_workbook: the per-conference workbook (vanban render --xlsx) read back.

usage: test_conference_workbook.py VANBAN PROJECT_SOURCE_DIR

Renders `--only workbook` for every example and checks, against expectations computed
here from the YAML and templates/workbook-conference.yaml:
  - sheets in template order, titles, header labels, widths, fonts, print setup;
  - Hội nghị (facts): every line (issuer, parent, standard, kind, title, period words,
    start/end times, venue, chairs, secretary) and the four counts as formulas over the
    other sheets (COUNTIF/COUNTA over the exact ranges) with the right cached values;
  - Thành phần (attendance): one row per person: STT as a number, name, titles, unit,
    role words, attendance words (with the delegate), reason;
  - Chương trình (agenda): STT, title, presenter's name;
  - Nhiệm vụ (tracker): numbers, texts, dates as datetimes in dd/mm/yyyy, the status
    dropdown over the rows plus 200 for rows added by hand, the two conditional formats
    (overdue against TODAY(), done) with their exact formulas, fills and range, the
    autofilter and the frozen header;
  - document properties (title, author, created = conference date); byte-identical reruns.
"""

import os
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_common import (ATTENDANCE_WORDS, KIND_WORDS, ROLE_WORDS, Checker, Readback, Template,  # noqa: E402
                         capitalize_first, col_letter, date_words, example_files, load_conferences,
                         period_words, project_paths, run)

import openpyxl  # noqa: E402

STANDARD_WORDS = {"party": "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)",
                  "state": "Văn bản hành chính (Nghị định 30/2020/NĐ-CP)"}
EXTRA_ROWS = 200  # validation and conditional formats reach this far below the data


def time_words(t):
    return f"{t.hour} giờ {t.minute:02d} phút, {date_words(t)}"


def check_book(ck, tmpl, c, path):
    wb = openpyxl.load_workbook(path)
    wv = openpyxl.load_workbook(path, data_only=True)
    rb = Readback(ck, tmpl, wb, wv)
    name = os.path.basename(path)
    ck.equal(wb.sheetnames, [s["name"] for s in tmpl.sheets], f"{name}: sheets in template order")
    ck.equal(wb.properties.title, f"{tmpl.title} — {c.title}", f"{name}: document title")
    ck.equal(wb.properties.creator, c.issuer, f"{name}: document author")
    ck.check(wb.properties.created is not None and wb.properties.created.date() == c.start.date(),
             f"{name}: created {wb.properties.created}, expected the conference date")
    sheets = {s["sheet"]: s for s in tmpl.sheets}

    def col(kind, field):
        return tmpl.col(kind, field)

    # ---- attendance ------------------------------------------------------------------
    kind = "attendance"
    ws = wb[sheets[kind]["name"]]
    hr = tmpl.header_row(kind)
    for k, a in enumerate(c.attendees, start=1):
        r = hr + k
        what = f"{name} attendee {a['id']}"
        rb.number(ws, r, col(kind, "stt"), k, f"{what} STT")
        rb.text(ws, r, col(kind, "name"), a["name"], f"{what} name")
        rb.text(ws, r, col(kind, "titles"), ", ".join(a["titles"]) or None, f"{what} titles")
        rb.text(ws, r, col(kind, "unit"), a["unit"], f"{what} unit")
        rb.text(ws, r, col(kind, "role"), ROLE_WORDS[a["role"]], f"{what} role")
        words = ATTENDANCE_WORDS[a["attendance"]] + (": " + a["delegate"] if a["attendance"] == "delegated" else "")
        rb.text(ws, r, col(kind, "attendance"), words, f"{what} attendance")
        rb.text(ws, r, col(kind, "reason"), a["reason"], f"{what} reason")
    attendance_last = hr + len(c.attendees)
    rb.layout(ws, kind, attendance_last, attendance_last)
    att_col = col_letter(col(kind, "attendance"))
    att_range = f"'{ws.title}'!${att_col}${hr + 1}:${att_col}${max(hr + 1, attendance_last)}"

    # ---- agenda ------------------------------------------------------------------------
    kind = "agenda"
    ws = wb[sheets[kind]["name"]]
    hr = tmpl.header_row(kind)
    for k, item in enumerate(c.agenda, start=1):
        r = hr + k
        rb.number(ws, r, col(kind, "stt"), k, f"{name} agenda {k} STT")
        rb.text(ws, r, col(kind, "title"), item["title"], f"{name} agenda {k} title")
        presenter = c.person(item.get("presenter")) if item.get("presenter") else None
        rb.text(ws, r, col(kind, "presenter"), presenter["name"] if presenter else None, f"{name} agenda {k} presenter")
    rb.layout(ws, kind, hr + len(c.agenda), hr + len(c.agenda))

    # ---- directives (the tracker) -----------------------------------------------------------
    kind = "directives"
    ws = wb[sheets[kind]["name"]]
    hr = tmpl.header_row(kind)
    for k, d in enumerate(c.directives, start=1):
        r = hr + k
        what = f"{name} directive {d['number']}"
        rb.number(ws, r, col(kind, "number"), d["number"], f"{what} number")
        rb.text(ws, r, col(kind, "content"), d["content"], f"{what} content")
        rb.text(ws, r, col(kind, "lead"), d["lead"], f"{what} lead")
        rb.text(ws, r, col(kind, "support"), d["support"], f"{what} support")
        rb.date(ws, r, col(kind, "deadline"), d["deadline"], f"{what} deadline")
        rb.text(ws, r, col(kind, "deadline_rule"), d["rule"], f"{what} recurring deadline")
        rb.text(ws, r, col(kind, "status"), tmpl.status_labels[d["status"]], f"{what} status")
        rb.date(ws, r, col(kind, "completed"), d["completed"], f"{what} completed")
        rb.text(ws, r, col(kind, "notes"), d["notes"], f"{what} notes")
    last = hr + len(c.directives)
    rb.layout(ws, kind, last, last)
    ncol = len(sheets[kind]["columns"])
    first = hr + 1
    reach = max(first, last) + EXTRA_ROWS
    st_letter, dl_letter = col_letter(col(kind, "status")), col_letter(col(kind, "deadline"))
    status_range = f"'{ws.title}'!${st_letter}${first}:${st_letter}${max(first, last)}"
    dvs = ws.data_validations.dataValidation
    ck.equal(len(dvs), 1, f"{name}: tracker data validations")
    if dvs:
        dv = dvs[0]
        ck.equal(dv.type, "list", f"{name}: status validation type")
        ck.equal(str(dv.sqref), f"{st_letter}{first}:{st_letter}{reach}", f"{name}: status validation range")
        ck.equal(dv.formula1, '"' + ",".join(tmpl.status_labels[s] for s in
                                             ["not_started", "in_progress", "done", "overdue", "cancelled"]) + '"',
                 f"{name}: status validation list")
        ck.check(not dv.showDropDown, f"{name}: showDropDown=1 hides the in-cell dropdown")
    lab = tmpl.status_labels
    st_ref, dl_ref = f"${st_letter}{first}", f"${dl_letter}{first}"
    expected_cf = [
        (f'AND({st_ref}<>"{lab["done"]}",{st_ref}<>"{lab["cancelled"]}",OR({st_ref}="{lab["overdue"]}",'
         f'AND(ISNUMBER({dl_ref}),{dl_ref}<TODAY())))', "F8CBAD"),
        (f'{st_ref}="{lab["done"]}"', "C6EFCE"),
    ]
    rules = []
    for rng, rs in ws.conditional_formatting._cf_rules.items():
        for rule in rs:
            rules.append((str(rng.sqref), rule))
    ck.equal(len(rules), 2, f"{name}: conditional formats")
    for (sqref, rule), (formula, fill) in zip(rules, expected_cf):
        ck.equal(sqref, f"A{first}:{col_letter(ncol)}{reach}", f"{name}: conditional format range")
        ck.equal(rule.type, "expression", f"{name}: conditional format type")
        ck.equal(rule.formula, [formula], f"{name}: conditional format formula")
        colours = set()
        if rule.dxf is not None and rule.dxf.fill is not None:
            for colour in (rule.dxf.fill.fgColor, rule.dxf.fill.bgColor):
                if colour is not None and isinstance(colour.rgb, str):
                    colours.add(colour.rgb[-6:].upper())
        ck.check(fill in colours, f"{name}: conditional format {formula!r} fill {colours}, expected {fill}")

    # ---- facts -----------------------------------------------------------------------------
    kind = "facts"
    ws = wb[sheets[kind]["name"]]
    hr = tmpl.header_row(kind)
    chairs = "; ".join(c.person(p)["name"] for p in c.chairs if c.person(p))
    secretary = c.person(c.secretary)["name"] if c.secretary and c.person(c.secretary) else None
    lines = [("Cơ quan ban hành", c.issuer), ("Cơ quan cấp trên", c.parent),
             ("Thể thức", STANDARD_WORDS[c.standard]), ("Loại hội nghị", KIND_WORDS[c.kind]),
             ("Tên hội nghị", capitalize_first(c.title)), ("Kỳ báo cáo", period_words(c.period)),
             ("Thời gian bắt đầu", time_words(c.start))]
    if c.end:
        lines.append(("Thời gian kết thúc", time_words(c.end)))
    lines += [("Địa điểm", c.venue), ("Chủ trì", chairs), ("Thư ký", secretary)]
    done = sum(1 for d in c.directives if d["status"] == "done")
    counts = [("Số người có mặt", c.present, ["COUNTIF"], [att_range, '"Có mặt"']),
              ("Số người vắng", len(c.attendees) - c.present, ["COUNTA"], [att_range, '"Có mặt"']),
              ("Số nhiệm vụ", len(c.directives), ["COUNTA"], [status_range]),
              ("Số nhiệm vụ hoàn thành", done, ["COUNTIF"], [status_range, f'"{lab["done"]}"'])]
    r = hr
    for label, value in lines:
        r += 1
        ck.equal(ws.cell(r, col(kind, "label")).value, label, f"{name}: facts label in row {r}")
        rb.text(ws, r, col(kind, "value"), value, f"{name}: facts {label}")
    for label, value, functions, refs in counts:
        r += 1
        ck.equal(ws.cell(r, col(kind, "label")).value, label, f"{name}: facts label in row {r}")
        rb.formula(ws, r, col(kind, "value"), value, f"{name}: facts {label}", functions, refs)
    rb.layout(ws, kind, r, None)
    return wb


def main():
    vanban, top = project_paths(sys.argv)
    tmpl = Template(os.path.join(top, "templates", "workbook-conference.yaml"))
    ck = Checker("xlsx.conference_workbook")
    with tempfile.TemporaryDirectory(prefix="vanban-xlsx-") as tmp:
        # the examples, and a few generated conferences (units, groups, co-chairs, guests)
        generated = os.path.join(tmp, "generated")
        run([sys.executable, os.path.join(top, "tools", "generate-conferences"), "6", generated, "--seed", "11",
             "--units", "4"])
        files = example_files(top) + sorted(os.path.join(generated, f) for f in os.listdir(generated)
                                            if f.endswith(".yaml"))
        conferences = load_conferences(files)
        # the data must exercise what is checked
        people = [a for c in conferences for a in c.attendees]
        ck.check({a["attendance"] for a in people} == set(ATTENDANCE_WORDS), "data lack some kind of attendance")
        ck.check({a["role"] for a in people} == set(ROLE_WORDS), "data lack some role")
        ck.check(any(a["unit"] for a in people), "data lack attendee units")
        ck.check({d["status"] for c in conferences for d in c.directives} == set(tmpl.status_labels),
                 "data do not use all five statuses")
        out, again = os.path.join(tmp, "a"), os.path.join(tmp, "b")
        run([vanban, "render", "--xlsx", "--only", "workbook", *files, "-o", out])
        run([vanban, "render", "--xlsx", "--only", "workbook", *files, "-o", again])
        for c, f in zip(conferences, files):
            stem = os.path.splitext(os.path.basename(f))[0]
            path = os.path.join(out, stem + ".workbook.xlsx")
            if not ck.check(os.path.exists(path), f"{path} not written"):
                continue
            with open(path, "rb") as x, open(os.path.join(again, stem + ".workbook.xlsx"), "rb") as y:
                ck.check(x.read() == y.read(), f"{stem}: the same input gave different bytes")
            check_book(ck, tmpl, c, path)
        ck.equal(sorted(os.listdir(out)), sorted(os.path.splitext(os.path.basename(f))[0] + ".workbook.xlsx"
                                                 for f in files), "--only workbook writes only the workbooks")
    sys.exit(ck.finish())


if __name__ == "__main__":
    main()
