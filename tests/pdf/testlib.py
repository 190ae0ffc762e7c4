"""Helpers shared by the PDF tests (tests/pdf/test_*.py): rendering with the vanban binary,
finding literal text in a PDF, printing ok/FAIL lines."""

import os
import subprocess
import sys
import unicodedata

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pdf_rules  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, 'fixtures')


class Report:
    def __init__(self, name):
        self.name = name
        self.failed = 0
        self.passed = 0

    def check(self, cond, what, detail=''):
        if cond:
            self.passed += 1
            print('ok   %s' % what)
        else:
            self.failed += 1
            print('FAIL %s%s' % (what, (': ' + detail) if detail else ''))
        return cond

    def rules(self, pdf, markup, label=None):
        """Runs every rule of pdf_rules on one document; one line per failing rule."""
        label = label or os.path.basename(pdf)
        try:
            chk = pdf_rules.Checker(pdf, markup)
            results = chk.run()
        except Exception as e:  # noqa: BLE001 - a tool failure is a test failure
            self.check(False, '%s: rules' % label, '%s: %s' % (type(e).__name__, e))
            return None
        bad = [r for r in results if not r.ok]
        for r in bad:
            self.check(False, '%s: %s' % (label, r.line()[len('FAIL '):]))
        if not bad:
            self.check(True, '%s: all rules of spec section 6 (%s %s, %d page(s))' % (
                label, chk.mk.standard, chk.mk.kind, chk.npages))
        return chk

    def finish(self):
        print('\n%s: %d passed, %d failed' % (self.name, self.passed, self.failed))
        return 1 if self.failed else 0


def render(vanban, yaml_path, outdir, markup=True, extra=()):
    """Renders every document of yaml_path to PDF (and markup); returns {kind: (pdf, xml)}."""
    os.makedirs(outdir, exist_ok=True)
    cmds = [[vanban, 'render', '--quiet', yaml_path, '-o', outdir] + list(extra)]
    if markup:
        cmds.append([vanban, 'render', '--quiet', '--emit', 'markup', yaml_path, '-o', outdir] + list(extra))
    for cmd in cmds:
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if p.returncode != 0:
            raise RuntimeError('%s exited %d: %s' % (' '.join(cmd), p.returncode,
                                                     p.stderr.decode('utf-8', 'replace')))
    stem = os.path.splitext(os.path.basename(yaml_path))[0]
    out = {}
    for kind in ('notice', 'minutes', 'report'):
        pdf = os.path.join(outdir, '%s.%s.pdf' % (stem, kind))
        if os.path.exists(pdf):
            out[kind] = (pdf, os.path.join(outdir, '%s.%s.xml' % (stem, kind)))
    return out


def occurrences(pdf, text):
    """How many times the text (whitespace folded, NFC) occurs in the PDF as a flow of
    words (across line and page breaks, inside table cells), each word used once; the text
    may begin inside its first word and end inside its last ("…: name," holds "name")."""
    text = pdf_rules.fold(text)
    matcher = pdf_rules.Matcher(pdf, (), substring=True)
    n = 0
    while True:
        para = _Probe(text)
        matcher.match(para, advance=False)
        if not para.words or not para.exact:
            return n
        n += 1


class _Probe:
    def __init__(self, text):
        self.text = text
        self.words = None
        self.lines = []
        self.exact = False
        self.problem = None


def nfc(s):
    return unicodedata.normalize('NFC', s)
