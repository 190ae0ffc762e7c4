#!/usr/bin/python3
"""xlsx.template_limits: workbook templates at the edges of what their schema allows.

usage: test_template_limits.py VANBAN PROJECT_SOURCE_DIR

schemas/workbook.schema.json lets an office relabel statuses (up to 100 characters each)
and retitle a workbook (up to 200 characters). For each case below, with `vanban stats`
and `vanban render --xlsx`, the engine must either refuse the template with a
diagnostic (exit status 1, no crash) or write a correct workbook:
  1. five plausible long Vietnamese status labels (255 characters, 343 UTF-8 bytes
     comma-joined): the status dropdown offers exactly the five labels;
  2. a status label with a comma ("Hoàn thành, đã báo cáo"): the dropdown offers exactly
     the five labels (a literal list would split it in two);
  3. a 186-character title (within the 200 allowed): every part of the file is well-formed
     UTF-8 XML and the page header holds the title or a prefix of it cut at a character.
"""

import os
import re
import subprocess
import sys
import tempfile
import zipfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_common import Checker, Template, example_files, load_yaml, project_paths  # noqa: E402

import openpyxl  # noqa: E402

LONG_LABELS = {
    "not_started": "Chưa triển khai thực hiện theo kết luận của hội nghị",
    "in_progress": "Đang triển khai thực hiện theo kế hoạch được duyệt",
    "done": "Đã hoàn thành và có báo cáo kết quả bằng văn bản",
    "overdue": "Quá hạn mà chưa hoàn thành theo thời hạn được giao",
    "cancelled": "Đã hủy bỏ không tiếp tục thực hiện theo chỉ đạo mới",
}
COMMA_LABELS = {"done": "Hoàn thành, đã báo cáo"}
LONG_TITLE = ("Thống kê hội nghị và tình hình thực hiện nhiệm vụ được giao tại các hội nghị của Đảng ủy, "
              "Ủy ban nhân dân các phường thuộc quận Long Biên năm 2022 theo kế hoạch ệệHướng dẫn số 36-HD/VPTW")
STATUSES = ["not_started", "in_progress", "done", "overdue", "cancelled"]


def write_template(src, dst, labels=None, title=None):
    text = open(src, encoding="utf-8").read()
    if labels:
        for key, value in labels.items():
            text, n = re.subn(rf"^  {key}: .*$", f"  {key}: \"{value}\"", text, count=1, flags=re.M)
            assert n == 1, key
    if title:
        text, n = re.subn(r"^title: .*$", f"title: \"{title}\"", text, count=1, flags=re.M)
        assert n == 1
    with open(dst, "w", encoding="utf-8") as f:
        f.write(text)


def dropdown_items(wb, ws):
    """The values the status dropdown offers: a literal list, or the cells of a range."""
    dvs = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    if len(dvs) != 1:
        return None
    f = dvs[0].formula1 or ""
    if f.startswith('"'):
        return f.strip('"').split(",")
    m = re.match(r"^=?(?:'?([^'!]+)'?!)?\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$", f)
    if not m:
        return [f]
    sheet = wb[m.group(1)] if m.group(1) else ws
    cells = sheet[f"{m.group(2)}{m.group(3)}:{m.group(4)}{m.group(5)}"]
    return [c.value for row in cells for c in row]


def attempt(ck, what, cmd):
    """Run; None if refused properly, the process otherwise (crashes are failures)."""
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    if p.returncode < 0 or p.returncode > 2:
        ck.check(False, f"{what}: crashed (exit {p.returncode}): {p.stderr.strip()[-200:]}")
        return "crash"
    if p.returncode == 1:
        ck.check("workbook" in p.stderr or "template" in p.stderr or "status" in p.stderr,
                 f"{what}: refused without saying why: {p.stderr.strip()[-300:]}")
        print(f"{what}: refused: {p.stderr.strip().splitlines()[-1] if p.stderr.strip() else ''}")
        return None
    ck.equal(p.returncode, 0, f"{what}: exit status")
    return p


def main():
    vanban, top = project_paths(sys.argv)
    ck = Checker("xlsx.template_limits")
    files = example_files(top)
    one = [f for f in files if f.endswith("2022-04-07-ngoc-thuy-so-ket-quy-1.yaml")]
    with tempfile.TemporaryDirectory(prefix="vanban-limits-") as tmp:
        for case, labels in (("long labels", LONG_LABELS), ("comma in a label", COMMA_LABELS)):
            d = os.path.join(tmp, case.replace(" ", "-"))
            os.makedirs(d)
            for kind in ("statistics", "conference"):
                write_template(os.path.join(top, "templates", f"workbook-{kind}.yaml"),
                               os.path.join(d, f"workbook-{kind}.yaml"), labels=labels)
            expected = [Template(os.path.join(d, "workbook-statistics.yaml")).status_labels[s] for s in STATUSES]
            out = os.path.join(d, "stats.xlsx")
            p = attempt(ck, f"{case}: stats", [vanban, "stats", *files, "-o", out, "--as-of", "2022-10-15",
                                               "--templates", d])
            if p not in (None, "crash"):
                wb = openpyxl.load_workbook(out)
                ck.equal(dropdown_items(wb, wb["Nhiệm vụ"]), expected, f"{case}: stats status dropdown")
            outdir = os.path.join(d, "books")
            p = attempt(ck, f"{case}: render --xlsx", [vanban, "render", "--xlsx", "--only", "workbook", *one,
                                                        "-o", outdir, "--templates", d])
            if p not in (None, "crash"):
                path = os.path.join(outdir, os.path.basename(one[0])[:-5] + ".workbook.xlsx")
                wb = openpyxl.load_workbook(path)
                ck.equal(dropdown_items(wb, wb["Nhiệm vụ"]), expected, f"{case}: tracker status dropdown")

        d = os.path.join(tmp, "long-title")
        os.makedirs(d)
        write_template(os.path.join(top, "templates", "workbook-statistics.yaml"),
                       os.path.join(d, "workbook-statistics.yaml"), title=LONG_TITLE)
        ck.equal(load_yaml(os.path.join(d, "workbook-statistics.yaml"))["title"], LONG_TITLE, "long title written")
        out = os.path.join(d, "stats.xlsx")
        p = attempt(ck, "long title: stats", [vanban, "stats", *files, "-o", out, "--as-of", "2022-10-15",
                                              "--templates", d])
        if p not in (None, "crash"):
            with zipfile.ZipFile(out) as z:
                for name in z.namelist():
                    if not name.endswith(".xml") and not name.endswith(".rels"):
                        continue
                    data = z.read(name)
                    try:
                        ET.fromstring(data)
                        ok, error = True, ""
                    except ET.ParseError as e:
                        ok, error = False, str(e)
                    ck.check(ok, f"long title: {name} is not well-formed XML ({error})")
            try:
                wb = openpyxl.load_workbook(out)
                for ws in wb.worksheets:
                    text = ws.oddHeader.center.text or ""
                    ck.check(text and LONG_TITLE.startswith(text.rstrip()),
                             f"long title: {ws.title} page header {text[-40:]!r} is not a prefix of the title")
            except Exception as e:  # noqa: BLE001 - any reader error is the failure
                ck.check(False, f"long title: openpyxl cannot open the workbook: {type(e).__name__}: {e}")
    sys.exit(ck.finish())


if __name__ == "__main__":
    main()
