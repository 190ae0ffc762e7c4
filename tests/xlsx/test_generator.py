#!/usr/bin/python3
"""xlsx.generator: tools/generate-conferences makes valid, varied, reproducible data, fast.

usage: test_generator.py VANBAN PROJECT_SOURCE_DIR

  - 500 files (seed 500, 10 units): `vanban validate --diagnostics json` reports nothing
    at all (no error, no warning);
  - their content, read with the YAML reader of these tests: 10–60 attendees, 0–3
    groups, 3–20 directives, all five statuses, dated and recurring deadlines, both
    standards with Party ones the majority, every unit meeting in all four quarters of
    2022, a numbered notice (with signer and recipients) and numbered minutes each,
    indicators with breakdowns, organization profiles under orgs/;
  - the same seed gives byte-identical files, another seed different ones;
  - 1,000 files take a few seconds at most.
"""

import filecmp
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from xlsx_common import Checker, load_conferences, load_yaml, project_paths, run  # noqa: E402


def yaml_files(d):
    return sorted(os.path.join(d, f) for f in os.listdir(d) if f.endswith(".yaml"))


def main():
    vanban, top = project_paths(sys.argv)
    tool = os.path.join(top, "tools", "generate-conferences")
    ck = Checker("xlsx.generator")
    with tempfile.TemporaryDirectory(prefix="vanban-gen-") as tmp:
        big = os.path.join(tmp, "big")
        t0 = time.monotonic()
        run([sys.executable, tool, "1000", big, "--seed", "500", "--units", "10"])
        seconds = time.monotonic() - t0
        print(f"1000 files generated in {seconds:.2f} s")
        ck.check(seconds < 10, f"1000 files took {seconds:.1f} s")
        files = yaml_files(big)
        ck.equal(len(files), 1000, "files written")
        sample = files[:500]
        t0 = time.monotonic()
        p = subprocess.run([vanban, "validate", "--diagnostics", "json", *sample], capture_output=True, text=True,
                           timeout=300)
        print(f"500 files validated in {time.monotonic() - t0:.2f} s")
        ck.equal(p.returncode, 0, "vanban validate exit status")
        try:
            diagnostics = json.loads(p.stdout)
        except ValueError:
            diagnostics = [p.stdout]
        ck.equal(diagnostics, [], "diagnostics on 500 generated files")

        conferences = load_conferences(sample)
        referenced = set()
        for f in files:
            with open(f, encoding="utf-8") as fh:
                referenced |= set(re.findall(r"^organization: orgs/(\S+)$", fh.read(), flags=re.M))
        ck.equal(sorted(os.listdir(os.path.join(big, "orgs"))), sorted(referenced),
                 "one organization profile per unit, all referenced")
        for c in conferences:
            name = os.path.basename(c.path)
            ck.check(10 <= len(c.attendees) <= 60, f"{name}: {len(c.attendees)} attendees")
            ck.check(len(c.groups) <= 3, f"{name}: {len(c.groups)} groups")
            ck.check(3 <= len(c.directives) <= 20, f"{name}: {len(c.directives)} directives")
            ck.check(c.start.year == 2022, f"{name}: held in {c.start.year}")
            ck.check(c.start.weekday() < 5, f"{name}: held on a weekend")
            docs = {d["kind"]: d for d in c.doc["documents"]}
            ck.equal(sorted(docs), ["minutes", "notice"], f"{name}: documents")
            notice = docs.get("notice", {})
            ck.check(notice.get("number") and notice.get("date") and notice.get("signer") and notice.get("recipients"),
                     f"{name}: notice without number, date, signer or recipients")
            ck.check(docs.get("minutes", {}).get("number"), f"{name}: minutes without a number")
            sections = c.doc["conclusions"]["sections"]
            sentences = sum(p.count(". ") + 1 for s in sections for p in s["paragraphs"])
            ck.check(sentences >= 6, f"{name}: conclusions of only {sentences} sentences")
        statuses = {d["status"] for c in conferences for d in c.directives}
        ck.equal(statuses, {"not_started", "in_progress", "done", "overdue", "cancelled"}, "statuses used")
        ck.check(any(d["deadline"] for c in conferences for d in c.directives), "no dated deadline")
        rules = {c.doc["directives"][k]["deadline_rule"]["every"] for c in conferences
                 for k in range(len(c.directives)) if "deadline_rule" in c.doc["directives"][k]}
        ck.equal(rules, {"week", "month", "quarter", "year", "ongoing"}, "recurring deadlines used")
        ck.check(any(d.get("role") == "support" for c in conferences for x in c.doc["directives"]
                     for d in x["assignees"]), "no support unit")
        party = sum(1 for c in conferences if c.standard == "party")
        ck.check(len(conferences) / 2 < party < len(conferences), f"{party} of {len(conferences)} Party conferences")
        units = {}
        for c in conferences:
            units.setdefault(c.issuer, set()).add(c.quarter)
        ck.equal(len(units), 10, "units")
        for unit, quarters in units.items():
            ck.equal(quarters, {f"2022-Q{q}" for q in range(1, 5)}, f"{unit}: quarters held")
        ck.check(sum(1 for c in conferences if c.indicators) > len(conferences) / 2, "few conferences with figures")
        ck.check(any(b.get("parts") and any(p.get("breakdowns") for p in b["parts"])
                     for c in conferences for i in c.indicators for b in i.get("breakdowns", [])),
                 "no nested breakdowns")
        ck.check(any(isinstance(i["value"], float) for c in conferences for i in c.indicators), "no decimal figures")
        kinds = {c.kind for c in conferences}
        ck.check(len(kinds) >= 7, f"only kinds {sorted(kinds)}")

        # reproducible
        a, b, other = (os.path.join(tmp, x) for x in ("a", "b", "other"))
        run([sys.executable, tool, "60", a, "--seed", "9"])
        run([sys.executable, tool, "60", b, "--seed", "9"])
        run([sys.executable, tool, "60", other, "--seed", "10"])
        cmp = filecmp.dircmp(a, b)
        names = [os.path.relpath(f, a) for f in yaml_files(a)] + ["orgs/" + f for f in os.listdir(os.path.join(a, "orgs"))]
        match, mismatch, errors = filecmp.cmpfiles(a, b, names, shallow=False)
        ck.check(not mismatch and not errors and not cmp.left_only and not cmp.right_only,
                 f"same seed, different output: {mismatch[:3]} {errors[:3]}")
        ck.check(load_yaml(yaml_files(a)[0]) != load_yaml(yaml_files(other)[0]), "another seed gave the same data")
    sys.exit(ck.finish())


if __name__ == "__main__":
    main()
