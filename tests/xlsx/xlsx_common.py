"""Shared helpers of the workbook tests (tests/xlsx/test_*.py).

Standard library + openpyxl only (run with /usr/bin/python3, which sees Debian's
python3-openpyxl). Holds:
  - a reader for the YAML subset our data and templates use (block maps and lists,
    folded/literal scalars, flow [..] and {..}, quoted scalars, comments), typed the way
    docs/data-format.md says: quoted = text, plain decimal integers = numbers, plain
    true/false = booleans, everything else (dates too) = text;
  - an independent model of what the workbooks must contain, computed from the YAML
    (never from the engine's output): units, held quarters, attendance, directive
    statuses, overdue as of a date, figures;
  - LibreOffice headless conversion to one CSV per sheet with a throwaway profile that
    forces recalculation on load, under a timeout that kills the whole process group;
  - a small check collector: every failed check is printed, the exit status is 1 if any.
"""

import csv
import datetime as dt
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

# ---------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------


class Checker:
    """Collects failures instead of stopping at the first one."""

    def __init__(self, name, max_printed=60):
        self.name = name
        self.count = 0
        self.failures = []
        self.max_printed = max_printed

    def check(self, condition, message):
        self.count += 1
        if not condition:
            self.failures.append(message)
            if len(self.failures) <= self.max_printed:
                print(f"FAIL: {message}", flush=True)
        return bool(condition)

    def equal(self, actual, expected, message):
        return self.check(actual == expected, f"{message}: got {actual!r}, expected {expected!r}")

    def finish(self):
        hidden = len(self.failures) - self.max_printed
        if hidden > 0:
            print(f"... and {hidden} more failures")
        status = "FAILED" if self.failures else "passed"
        print(f"{self.name}: {self.count} checks, {len(self.failures)} failed: {status}", flush=True)
        return 1 if self.failures else 0


def fatal(message):
    print(f"FAIL: {message}", flush=True)
    sys.exit(1)


def run(cmd, timeout=120, **kw):
    """Run a command, fail the test on a non-zero exit."""
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if p.returncode != 0:
        fatal(f"command failed ({p.returncode}): {' '.join(map(str, cmd))}\n{p.stdout}\n{p.stderr}")
    return p


# ---------------------------------------------------------------------------------------
# YAML subset
# ---------------------------------------------------------------------------------------


class YamlError(Exception):
    pass


_INT = re.compile(r"^-?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?$")


def _typed(plain):
    if plain in ("true", "false"):
        return plain == "true"
    if plain in ("~", "null", ""):
        return None
    if _INT.match(plain):
        return int(plain)
    if _FLOAT.match(plain):
        return float(plain)
    return plain


def _indent(line):
    return len(line) - len(line.lstrip(" "))


def _strip_comment(s):
    """Drop a ' #...' comment that is outside quotes."""
    quote = None
    for i, ch in enumerate(s):
        if quote:
            if ch == quote:
                quote = None
        elif ch in "\"'" and (i == 0 or s[i - 1] in " [{,:"):
            quote = ch
        elif ch == "#" and (i == 0 or s[i - 1] in " \t"):
            return s[:i].rstrip()
    return s.rstrip()


def _double_quoted(s, pos):
    """Parse "..." starting at s[pos] == '"'; return (text, end position after the quote)."""
    out = []
    i = pos + 1
    escapes = {"n": "\n", "t": "\t", "\\": "\\", '"': '"', "/": "/", "0": "\0", " ": " ", "r": "\r"}
    while i < len(s):
        ch = s[i]
        if ch == "\\":
            nxt = s[i + 1]
            if nxt in escapes:
                out.append(escapes[nxt])
                i += 2
            elif nxt in "xuU":
                width = {"x": 2, "u": 4, "U": 8}[nxt]
                out.append(chr(int(s[i + 2:i + 2 + width], 16)))
                i += 2 + width
            else:
                raise YamlError(f"unknown escape \\{nxt}")
        elif ch == '"':
            return "".join(out), i + 1
        else:
            out.append(ch)
            i += 1
    raise YamlError("unterminated double-quoted scalar")


def _single_quoted(s, pos):
    out = []
    i = pos + 1
    while i < len(s):
        if s[i] == "'":
            if i + 1 < len(s) and s[i + 1] == "'":
                out.append("'")
                i += 2
                continue
            return "".join(out), i + 1
        out.append(s[i])
        i += 1
    raise YamlError("unterminated single-quoted scalar")


def _flow(s, pos):
    """Parse a flow node at s[pos]; return (value, next position)."""
    while s[pos] == " ":
        pos += 1
    ch = s[pos]
    if ch in "[{":
        close = "]" if ch == "[" else "}"
        items = [] if ch == "[" else {}
        pos += 1
        while True:
            while s[pos] == " ":
                pos += 1
            if s[pos] == close:
                return items, pos + 1
            if ch == "[":
                value, pos = _flow(s, pos)
                items.append(value)
            else:
                m = re.compile(r"\s*([^:,{}\[\]]+?)\s*:\s").match(s, pos)
                if not m:
                    raise YamlError(f"bad flow mapping: {s}")
                key = m.group(1)
                value, pos = _flow(s, m.end())
                items[key] = value
            while s[pos] == " ":
                pos += 1
            if s[pos] == ",":
                pos += 1
            elif s[pos] != close:
                raise YamlError(f"bad flow collection: {s}")
    if ch == '"':
        return _double_quoted(s, pos)
    if ch == "'":
        return _single_quoted(s, pos)
    end = pos
    while end < len(s) and s[end] not in ",]}":
        end += 1
    return _typed(s[pos:end].strip()), end


def _looks_like_key(s):
    if not s or s[0] in "\"'[{":
        return False
    m = re.match(r"^[^#]*?:(\s|$)", s)
    return m is not None


class _Parser:
    def __init__(self, text):
        self.lines = text.replace("\r\n", "\n").split("\n")
        if self.lines and self.lines[0].startswith("\ufeff"):
            self.lines[0] = self.lines[0][1:]
        self.i = 0

    def eof(self):
        return self.i >= len(self.lines)

    def skip(self):
        while not self.eof():
            stripped = self.lines[self.i].strip()
            if stripped == "" or stripped.startswith("#") or stripped == "---":
                self.i += 1
            else:
                return

    def node(self, min_indent):
        self.skip()
        if self.eof():
            return None
        line = self.lines[self.i]
        ind = _indent(line)
        if ind < min_indent:
            return None
        content = line[ind:]
        if content == "-" or content.startswith("- "):
            return self.seq(ind)
        return self.map(ind)

    def map(self, ind):
        out = {}
        while True:
            self.skip()
            if self.eof():
                break
            line = self.lines[self.i]
            li = _indent(line)
            if li < ind:
                break
            if li > ind:
                raise YamlError(f"line {self.i + 1}: unexpected indentation")
            content = line[ind:]
            if content == "-" or content.startswith("- "):
                break
            m = re.match(r"^([^:#]+?|\"[^\"]*\")\s*:(\s+|$)(.*)$", content)
            if not m:
                raise YamlError(f"line {self.i + 1}: expected 'key: value': {content!r}")
            key = m.group(1).strip('"')
            self.i += 1
            out[key] = self.value(m.group(3), ind, in_map=True)
        return out

    def seq(self, ind):
        out = []
        while True:
            self.skip()
            if self.eof():
                break
            line = self.lines[self.i]
            if _indent(line) != ind:
                break
            content = line[ind:]
            if not (content == "-" or content.startswith("- ")):
                break
            after = content[1:]
            stripped = after.lstrip(" ")
            if stripped == "" or stripped.startswith("#"):
                self.i += 1
                out.append(self.node(ind + 1))
                continue
            col = ind + 1 + len(after) - len(stripped)
            if _looks_like_key(stripped) or stripped.startswith("- "):
                self.lines[self.i] = " " * col + stripped
                out.append(self.node(col))
            else:
                self.i += 1
                out.append(self.value(stripped, ind, in_map=False))
        return out

    def value(self, rest, ind, in_map):
        rest = rest.strip()
        if rest == "" or rest.startswith("#"):
            self.skip()
            if self.eof():
                return None
            nxt = self.lines[self.i]
            li = _indent(nxt)
            if li > ind:
                return self.node(li)
            if in_map and li == ind and (nxt[li:] == "-" or nxt[li:].startswith("- ")):
                return self.seq(ind)
            return None
        if rest[0] in ">|":
            return self.block_scalar(rest, ind)
        if rest[0] in "[{":
            text = _strip_comment(rest)
            while True:
                try:
                    value, end = _flow(text, 0)
                    return value
                except (IndexError, YamlError):
                    if self.eof():
                        raise
                    text += " " + _strip_comment(self.lines[self.i].strip())
                    self.i += 1
        if rest[0] == '"':
            text = rest
            while True:
                try:
                    value, end = _double_quoted(text, 0)
                    return value
                except YamlError:
                    if self.eof():
                        raise
                    text += " " + self.lines[self.i].strip()
                    self.i += 1
        if rest[0] == "'":
            value, end = _single_quoted(rest, 0)
            return value
        parts = [_strip_comment(rest)]
        while not self.eof():
            nxt = self.lines[self.i]
            if nxt.strip() == "" or _indent(nxt) <= ind or nxt.strip().startswith("#"):
                break
            parts.append(_strip_comment(nxt.strip()))
            self.i += 1
        return _typed(" ".join(parts))

    def block_scalar(self, header, ind):
        header = _strip_comment(header)
        style, chomp = header[0], ("-" if "-" in header else "+" if "+" in header else "")
        lines = []
        block_indent = None
        while not self.eof():
            line = self.lines[self.i]
            if line.strip() == "":
                lines.append("")
                self.i += 1
                continue
            li = _indent(line)
            if li <= ind:
                break
            if block_indent is None:
                block_indent = li
            lines.append(line[block_indent:])
            self.i += 1
        while lines and lines[-1] == "":
            lines.pop()
        if style == "|":
            text = "\n".join(lines)
        else:
            text = ""
            for k, line in enumerate(lines):
                if k == 0:
                    text = line
                elif line == "":
                    text += "\n"
                elif lines[k - 1] == "":
                    text += line
                else:
                    text += " " + line
        return text if chomp == "-" else text + "\n"


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return _Parser(f.read()).node(0)


# ---------------------------------------------------------------------------------------
# The data model the expectations are computed from
# ---------------------------------------------------------------------------------------

STATUSES = ["not_started", "in_progress", "done", "overdue", "cancelled"]
KIND_WORDS = {"review": "Sơ kết", "year_end_review": "Tổng kết", "thematic": "Chuyên đề", "launch": "Phát động",
              "working_session": "Làm việc", "regular": "Thường kỳ", "extraordinary": "Bất thường",
              "briefing": "Quán triệt", "other": "Khác"}
ROLE_WORDS = {"chair": "Chủ trì", "secretary": "Thư ký", "presenter": "Trình bày", "member": "Thành viên",
              "guest": "Khách mời"}
ATTENDANCE_WORDS = {"present": "Có mặt", "absent_with_permission": "Vắng có lý do",
                    "absent_without_permission": "Vắng không lý do", "delegated": "Cử người dự thay"}


def nfc(s):
    return unicodedata.normalize("NFC", s) if isinstance(s, str) else s


def norm(s):
    """Whitespace-normalized NFC text (None stays None)."""
    if s is None:
        return None
    return " ".join(nfc(str(s)).split())


def plain(markup):
    """Inline emphasis removed: **b**, *i*, __u__; \\*, \\_, \\\\ are literals."""
    if markup is None:
        return None
    out = []
    i = 0
    while i < len(markup):
        ch = markup[i]
        if ch == "\\" and i + 1 < len(markup) and markup[i + 1] in "*_\\":
            out.append(markup[i + 1])
            i += 2
        elif ch == "*":
            i += 1
        elif markup.startswith("__", i):
            i += 2
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def capitalize_first(s):
    return s[:1].upper() + s[1:] if s else s


def parse_date(s):
    return dt.datetime.strptime(str(s), "%Y-%m-%d")


def parse_datetime(s):
    return dt.datetime.strptime(str(s).replace(" ", "T"), "%Y-%m-%dT%H:%M")


def pad2(n):
    return f"{n:02d}"


def date_words(d):
    month = pad2(d.month) if d.month <= 2 else str(d.month)
    return f"ngày {pad2(d.day)} tháng {month} năm {d.year}"


def date_short(d):
    month = pad2(d.month) if d.month <= 2 else str(d.month)
    return f"{pad2(d.day)}/{month}/{d.year}"


ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


def period_words(code):
    code = str(code)
    y = code[:4]
    if len(code) == 4:
        return f"năm {y}"
    tail = code[5:]
    if tail.startswith("Q"):
        return f"quý {ROMAN[int(tail[1])]} năm {y}"
    if tail.startswith("H"):
        return ("6 tháng đầu " if tail == "H1" else "6 tháng cuối ") + f"năm {y}"
    return f"tháng {int(tail)} năm {y}"


def rule_words(rule):
    """The words of a recurring deadline (engine/template/vietnamese.hpp documents them)."""
    if not rule:
        return None
    every = rule["every"]
    if every == "ongoing":
        return "thực hiện thường xuyên"
    period = {"week": "hằng tuần", "month": "hàng tháng", "quarter": "hằng quý", "year": "hằng năm"}[every]
    if rule.get("day"):
        return f"trước ngày {rule['day']} {period}"
    return f"định kỳ {period}"


class Conference:
    """One conference file, with defaults applied and the derived facts the sheets use."""

    def __init__(self, path):
        self.path = path
        doc = load_yaml(path)
        if "organization" in doc:
            org = load_yaml(os.path.join(os.path.dirname(path), doc["organization"]))
        else:
            org = doc["issuer"]
        self.doc = doc
        self.issuer = nfc(org["name"])
        self.parent = nfc(org.get("parent"))
        self.standard = doc["standard"]
        info = doc["conference"]
        self.kind = info["kind"]
        self.title = norm(info["title"])
        self.period = str(info["period"])
        self.start = parse_datetime(info["start"])
        self.end = parse_datetime(info["end"]) if info.get("end") else None
        self.venue = norm(info["venue"])
        self.chairs = info["chairs"]
        self.secretary = info.get("secretary")
        self.date = dt.datetime(self.start.year, self.start.month, self.start.day)
        self.quarter = f"{self.start.year}-Q{(self.start.month - 1) // 3 + 1}"
        self.month = f"{self.start.year}-{self.start.month:02d}"
        self.attendees = []
        for a in doc["attendees"]:
            self.attendees.append({
                "id": a["id"], "name": nfc(a["name"]), "titles": [nfc(t) for t in a.get("titles") or []],
                "unit": nfc(a.get("unit")), "role": a.get("role", "member"),
                "attendance": a.get("attendance", "present"), "reason": nfc(a.get("reason")),
                "delegate": nfc(a.get("delegate"))})
        self.groups = doc.get("attendee_groups") or []
        self.agenda = doc.get("agenda") or []
        self.present = sum(1 for a in self.attendees if a["attendance"] == "present")
        self.attendee_total = self.present + sum(int(g.get("count") or 0) for g in self.groups)
        self.directives = []
        number = 0
        for d in doc.get("directives") or []:
            number = d.get("number", number + 1)
            assignees = d["assignees"]
            self.directives.append({
                "number": number,
                "content": norm(plain(d["content"])),
                "lead": "; ".join(nfc(a["unit"]) for a in assignees if a.get("role", "lead") == "lead") or None,
                "support": "; ".join(nfc(a["unit"]) for a in assignees if a.get("role", "lead") == "support") or None,
                "deadline": parse_date(d["deadline"]) if d.get("deadline") else None,
                "rule": rule_words(d.get("deadline_rule")),
                "status": d.get("status", "not_started"),
                "completed": parse_date(d["completed"]) if d.get("completed") else None,
                "notes": norm(d.get("notes")),
            })
        self.indicators = doc.get("indicators") or []

    def person(self, pid):
        for a in self.attendees:
            if a["id"] == pid:
                return a
        return None

    def figures(self):
        """(indicator, breakdown, part, value) rows: the value itself, then every part."""
        rows = []
        for ind in self.indicators:
            rows.append((ind, "Tổng số", None, ind["value"]))

            def walk(breakdowns, prefix):
                for b in breakdowns or []:
                    for part in b["parts"]:
                        label = nfc(part["label"]) if not prefix else prefix + " › " + nfc(part["label"])
                        rows.append((ind, nfc(b["by"]), label, part["value"]))
                        walk(part.get("breakdowns"), label)

            walk(ind.get("breakdowns"), "")
        return rows


def overdue_as_of(d, as_of):
    """Overdue on that day: not done or cancelled, and marked overdue or past a dated deadline."""
    if d["status"] in ("done", "cancelled"):
        return False
    return d["status"] == "overdue" or (d["deadline"] is not None and d["deadline"] < as_of)


def load_conferences(paths):
    return [Conference(p) for p in paths]


def stats_order(conferences):
    """The engine's documented order: by unit, then start (stable)."""
    return sorted(conferences, key=lambda c: (c.issuer, c.start))


class Statistics:
    """Everything the statistics workbook must show, computed from the YAML."""

    def __init__(self, conferences, as_of, status_labels):
        self.as_of = as_of
        self.labels = status_labels
        self.conferences = stats_order(conferences)
        self.directives = [(c, d) for c in self.conferences for d in c.directives]
        self.summary = []
        for unit, quarter in sorted({(c.issuer, c.quarter) for c in self.conferences}):
            cs = [c for c in self.conferences if c.issuer == unit and c.quarter == quarter]
            ds = [d for c in cs for d in c.directives]
            row = {"unit": unit, "period": quarter, "conferences": len(cs),
                   "attendees": sum(c.attendee_total for c in cs), "directives": len(ds)}
            for s in STATUSES:
                row["status_" + s] = sum(1 for d in ds if d["status"] == s)
                row[s] = row["status_" + s]
            # the overdue column counts overdue as of the date, not the status
            row["overdue"] = sum(1 for d in ds if overdue_as_of(d, as_of))
            self.summary.append(row)
        self.totals = {k: sum(r[k] for r in self.summary)
                       for k in ["conferences", "attendees", "directives", "not_started", "in_progress", "done",
                                 "cancelled", "overdue"]}
        self.figures = [(c, f) for c in self.conferences for f in c.figures()]
        cells = {}
        for c, (ind, by, part, value) in self.figures:
            if by != "Tổng số":
                continue
            key = (ind["id"], c.issuer, c.quarter)
            if key not in cells:
                cells[key] = [ind, 0]
            cells[key][1] += value
        self.indicators = [(key, cells[key][0], cells[key][1]) for key in sorted(cells)]
        self.units = sorted({c.issuer for c in self.conferences})
        self.months = sorted({c.month for c in self.conferences})
        self.per_unit = {}
        for u in self.units:
            ds = [d for c, d in self.directives if c.issuer == u]
            row = {s: sum(1 for d in ds if d["status"] == s) for s in STATUSES}
            row["status_overdue"] = row["overdue"]
            row["overdue"] = sum(1 for d in ds if overdue_as_of(d, as_of))  # as of the date
            self.per_unit[u] = row
        self.per_month = {m: sum(1 for c in self.conferences if c.month == m) for m in self.months}


# ---------------------------------------------------------------------------------------
# Workbook templates
# ---------------------------------------------------------------------------------------


class Template:
    def __init__(self, path):
        t = load_yaml(path)
        self.raw = t
        self.title = t["title"]
        self.font = t.get("font", "Times New Roman")
        self.font_size = float(t.get("font_size", 12))
        self.date_format = t.get("date_format", "dd/mm/yyyy")
        labels = t.get("status_labels") or {}
        defaults = ["Chưa thực hiện", "Đang thực hiện", "Hoàn thành", "Quá hạn", "Đã hủy"]
        self.status_labels = {s: labels.get(s, defaults[i]) for i, s in enumerate(STATUSES)}
        self.sheets = t["sheets"]
        self.by_kind = {s["sheet"]: s for s in self.sheets}

    def sheet(self, kind):
        return self.by_kind[kind]

    def header_row(self, kind):
        """1-based row of the column labels: a title line and a blank line come first."""
        return 3 if self.by_kind[kind].get("title") else 1

    def col(self, kind, field):
        """1-based column of a field, or None."""
        for i, c in enumerate(self.by_kind[kind]["columns"]):
            if c["field"] == field:
                return i + 1
        return None


def col_letter(n):
    s = ""
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


# ---------------------------------------------------------------------------------------
# LibreOffice
# ---------------------------------------------------------------------------------------

# One CSV per sheet (-1), UTF-8 (76), cell contents as stored, not as shown (9th token
# false): numbers at full precision whatever their number format.
CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"

RECALC_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""


def soffice_path():
    path = shutil.which("soffice") or ("/usr/bin/soffice" if os.path.exists("/usr/bin/soffice") else None)
    if path is None:
        fatal("soffice (LibreOffice) not found: install libreoffice-calc (tools/install-deps)")
    return path


def _soffice_once(inputs, outdir, timeout):
    """One soffice run with a fresh profile; (exit status, stdout, stderr, seconds)."""
    soffice = soffice_path()
    profile = tempfile.mkdtemp(prefix="vanban-lo-profile-")
    try:
        os.makedirs(os.path.join(profile, "user"))
        with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w", encoding="utf-8") as f:
            f.write(RECALC_PROFILE)
        cmd = [soffice, "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
               f"-env:UserInstallation=file://{profile}", "--convert-to", CSV_FILTER, "--outdir", outdir] + inputs
        env = dict(os.environ, HOME=profile)
        started = dt.datetime.now()
        p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                             start_new_session=True)
        try:
            out, err = p.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(p.pid, signal.SIGKILL)  # soffice, oosplash and soffice.bin share the group
            p.communicate()
            fatal(f"soffice did not finish within {timeout} s (killed): {' '.join(cmd)}")
        return p.returncode, out, err, (dt.datetime.now() - started).total_seconds()
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def _read_csvs(inputs, outdir):
    result = {}
    for path in inputs:
        stem = os.path.splitext(os.path.basename(path))[0]
        sheets = {}
        for name in os.listdir(outdir):
            if name.startswith(stem + "-") and name.endswith(".csv"):
                with open(os.path.join(outdir, name), encoding="utf-8", newline="") as f:
                    sheets[name[len(stem) + 1:-4]] = list(csv.reader(f))
        result[path] = sheets
    return result


def libreoffice_csv(inputs, outdir, timeout=240):
    """Convert each input to one CSV per sheet (<stem>-<sheet>.csv) with recalculation
    forced on load.

    One fresh profile per run (concurrent soffice processes must not share one); the
    whole process group is killed if it runs past the timeout. A run that exits with an
    error or writes no CSV is retried once with a new profile (a start-up hiccup, never a
    wrong value). Returns ({input path: {sheet name: rows}}, seconds of the last run).
    """
    stems = [os.path.splitext(os.path.basename(p))[0] for p in inputs]
    for a in stems:
        if any(b != a and b.startswith(a + "-") for b in stems) or stems.count(a) > 1:
            fatal(f"input names must not clash once '-<sheet>' is added: {stems}")
    for attempt in (1, 2):
        status, out, err, seconds = _soffice_once(inputs, outdir, timeout)
        result = _read_csvs(inputs, outdir)
        missing = [p for p, sheets in result.items() if not sheets]
        if status == 0 and not missing:
            return result, seconds
        print(f"soffice run {attempt}: exit {status}, no CSV for {missing}\n{out}\n{err}", flush=True)
    fatal("soffice failed twice (see above)")


def csv_cell(rows, row, col):
    """1-based cell of a CSV sheet, '' outside the written area."""
    if row - 1 < len(rows) and col - 1 < len(rows[row - 1]):
        return rows[row - 1][col - 1]
    return ""


def formula_cells(path):
    """{sheet: {(row, col): (formula, cached value)}} for every formula cell of a workbook."""
    import openpyxl
    formulas = openpyxl.load_workbook(path)
    values = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in formulas.worksheets:
        cells = {}
        vs = values[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (isinstance(cell.value, str) and cell.value.startswith("=")):
                    cells[(cell.row, cell.column)] = (cell.value, vs.cell(cell.row, cell.column).value)
        out[ws.title] = cells
    return out


def zip_names(path):
    with zipfile.ZipFile(path) as z:
        return z.namelist()


# ---------------------------------------------------------------------------------------
# Reading a workbook back
# ---------------------------------------------------------------------------------------

def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


class Readback:
    def __init__(self, ck, tmpl, wb, wv):
        self.ck, self.tmpl, self.wb, self.wv = ck, tmpl, wb, wv

    # ---- cell checks ------------------------------------------------------------------

    def text(self, ws, r, c, expected, what):
        v = ws.cell(r, c).value
        if expected is None:
            return self.ck.check(v is None, f"{ws.title}!{col_letter(c)}{r} {what}: expected empty, got {v!r}")
        return self.ck.check(isinstance(v, str) and norm(v) == norm(expected),
                             f"{ws.title}!{col_letter(c)}{r} {what}: got {v!r}, expected {expected!r}")

    def number(self, ws, r, c, expected, what, fmt=None):
        cell = ws.cell(r, c)
        ok = self.ck.check(is_number(cell.value) and cell.value == expected,
                           f"{ws.title}!{cell.coordinate} {what}: got {cell.value!r}, expected the number {expected!r}")
        if fmt:
            self.ck.equal(cell.number_format, fmt, f"{ws.title}!{cell.coordinate} {what} number format")
        return ok

    def date(self, ws, r, c, expected, what):
        cell = ws.cell(r, c)
        if expected is None:
            return self.ck.check(cell.value is None, f"{ws.title}!{cell.coordinate} {what}: expected empty, got {cell.value!r}")
        self.ck.check(isinstance(cell.value, dt.datetime) and cell.value == expected,
                      f"{ws.title}!{cell.coordinate} {what}: got {cell.value!r}, expected datetime {expected}")
        self.ck.check(cell.is_date, f"{ws.title}!{cell.coordinate} {what}: not a date cell")
        self.ck.equal(cell.number_format, self.tmpl.date_format, f"{ws.title}!{cell.coordinate} {what} number format")

    def formula(self, ws, r, c, expected, what, functions, refs=(), fmt=None):
        """A formula cell: the formula uses one of `functions` and mentions `refs`; the
        cached value is the number expected."""
        f = ws.cell(r, c).value
        coord = f"{ws.title}!{col_letter(c)}{r}"
        ok = self.ck.check(isinstance(f, str) and f.startswith("="), f"{coord} {what}: no formula, got {f!r}")
        if ok:
            self.ck.check(any(f.startswith(f"={fn}(") for fn in functions),
                          f"{coord} {what}: formula {f!r} does not start with one of {functions}")
            for ref in refs:
                self.ck.check(ref in f, f"{coord} {what}: formula {f!r} does not refer to {ref}")
        cached = self.wv[ws.title].cell(r, c).value
        self.ck.check(is_number(cached) and cached == expected,
                      f"{coord} {what}: cached value {cached!r}, expected {expected!r}")
        if fmt:
            self.ck.equal(ws.cell(r, c).number_format, fmt, f"{coord} {what} number format")

    # ---- sheet-wide checks ------------------------------------------------------------

    def layout(self, ws, kind, last_row, autofilter_last_row):
        """Title, header labels, widths, fonts, freeze panes, autofilter, print setup."""
        spec = self.tmpl.sheet(kind)
        hr = self.tmpl.header_row(kind)
        ncol = len(spec["columns"])
        ck = self.ck
        if spec.get("title"):
            ck.equal(ws["A1"].value, spec["title"], f"{ws.title} title")
            ck.check(ws["A1"].font.b, f"{ws.title}!A1 title not bold")
            ck.equal(ws["A1"].font.sz, self.tmpl.font_size + 2, f"{ws.title}!A1 title size")
        for i, column in enumerate(spec["columns"], start=1):
            cell = ws.cell(hr, i)
            ck.equal(cell.value, column["label"], f"{ws.title}!{cell.coordinate} header label")
            ck.check(cell.font.b, f"{ws.title}!{cell.coordinate} header not bold")
            width = ws.column_dimensions[col_letter(i)].width
            ck.check(width is not None and abs(width - float(column.get("width", 12))) < 1,
                     f"{ws.title} column {col_letter(i)} width {width}, template {column.get('width')}")
        ck.equal(ws.max_column, ncol, f"{ws.title} number of columns")
        ck.equal(ws.max_row, last_row, f"{ws.title} last row")
        # fonts: every written cell
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                ck.check(cell.font.name == self.tmpl.font,
                         f"{ws.title}!{cell.coordinate} font {cell.font.name!r}, expected {self.tmpl.font!r}")
                size = self.tmpl.font_size + 2 if (cell.row == 1 and spec.get("title")) else self.tmpl.font_size
                ck.check(cell.font.sz == size, f"{ws.title}!{cell.coordinate} font size {cell.font.sz}, expected {size}")
        ck.equal(ws.freeze_panes, f"A{hr + 1}", f"{ws.title} frozen below the header")
        if autofilter_last_row is None:
            ck.check(not ws.auto_filter.ref, f"{ws.title} has an autofilter {ws.auto_filter.ref!r}, expected none")
        else:
            ck.equal(ws.auto_filter.ref, f"A{hr}:{col_letter(ncol)}{autofilter_last_row}", f"{ws.title} autofilter")
        # print setup
        ps = ws.page_setup
        ck.equal(ps.orientation, "landscape", f"{ws.title} orientation")
        ck.equal(str(ps.paperSize), "9", f"{ws.title} paper size (9 = A4)")
        ck.check(ws.sheet_properties.pageSetUpPr is not None and ws.sheet_properties.pageSetUpPr.fitToPage,
                 f"{ws.title} fit to page not set")
        # fitToWidth absent means 1 (the OOXML default); fitToHeight 0 = as many pages as needed
        ck.check(ps.fitToWidth in (None, 1, "1"), f"{ws.title} fitToWidth {ps.fitToWidth!r}, expected 1")
        ck.check(ps.fitToHeight in (0, "0"), f"{ws.title} fitToHeight {ps.fitToHeight!r}, expected 0")
        ck.equal(ws.print_title_rows, f"${hr}:${hr}", f"{ws.title} print title rows")
        header = ws.oddHeader.center.text or ""
        ck.check(self.tmpl.title in header, f"{ws.title} page header {header!r} lacks the title")
        ck.check(self.tmpl.font in (ws.oddHeader.center.font or ""), f"{ws.title} page header font {ws.oddHeader.center.font!r}")
        footer = ws.oddFooter.center.text or ""
        ck.check("&P" in footer and "&N" in footer, f"{ws.title} page footer {footer!r} lacks &P and &N")


def project_paths(argv):
    """(vanban binary, project source dir) from the command line."""
    if len(argv) != 3:
        print(f"usage: {argv[0]} VANBAN PROJECT_SOURCE_DIR", file=sys.stderr)
        sys.exit(2)
    vanban, top = os.path.abspath(argv[1]), os.path.abspath(argv[2])
    if not os.access(vanban, os.X_OK):
        fatal(f"not an executable: {vanban}")
    return vanban, top


def example_files(top):
    d = os.path.join(top, "examples")
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".yaml"))
