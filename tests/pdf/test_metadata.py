#!/usr/bin/python3
"""pdf.metadata: every rendered document (examples/*.yaml and tests/pdf/fixtures/*.yaml,
globbed at run time) carries its metadata. pdfinfo: Title, Author (= the issuer's name),
Subject and Keywords present and equal to the markup's document attributes, Creator starting
"vanban "; the catalog has /Lang (vi-VN) (qpdf --json). The Author is also compared with the
issuer line printed in the header (its capitals) and, for the fixtures, with the name written
in the data.

    test_metadata.py VANBAN_BINARY SOURCE_DIR
"""
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import testlib  # noqa: E402
import pdf_rules  # noqa: E402

# issuer names written in the fixtures
FIXTURE_AUTHORS = {
    'state-ubnd-giao-ban': 'Ủy ban nhân dân phường Ngọc Thụy',
    'special-chars': 'Đảng ủy phường Ngọc Thụy',
    'long-notice': 'Đảng ủy phường Ngọc Thụy',
}


def pdfinfo(pdf):
    out = subprocess.run(['pdfinfo', pdf], stdout=subprocess.PIPE, check=True).stdout.decode('utf-8')
    info = {}
    for line in out.splitlines():
        m = re.match(r'^([A-Za-z ]+):\s*(.*)$', line)
        if m:
            info[m.group(1).strip()] = m.group(2).strip()
    return info


def catalog(pdf):
    p = subprocess.run(['qpdf', '--json', pdf], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    objs = json.loads(p.stdout.decode('utf-8'))['qpdf'][1]
    root = objs['trailer']['value']['/Root']
    return objs['obj:' + root]['value']


def data_issuer_name(yaml_path):
    """The issuer name written in the data: inline `issuer:` or the profile file (simple
    block-style YAML as the examples use; None when it cannot be read that simply)."""
    with open(yaml_path, encoding='utf-8') as f:
        src = f.read()
    m = re.search(r'^organization:\s*(\S+)\s*$', src, re.M)
    if m:
        prof = os.path.join(os.path.dirname(yaml_path), m.group(1))
        if not os.path.exists(prof):
            return None
        with open(prof, encoding='utf-8') as f:
            src = f.read()
        m = re.search(r'^name:\s*(.+?)\s*$', src, re.M)
    else:
        m = re.search(r'^issuer:\s*\n(?:\s+.*\n)*?\s+name:\s*(.+?)\s*$', src, re.M)
    return m.group(1).strip('"\'') if m else None


def main(argv):
    vanban, root = argv[1], argv[2]
    rep = testlib.Report('pdf.metadata')
    tmp = tempfile.mkdtemp(prefix='vanban-meta-')
    inputs = sorted(glob.glob(os.path.join(root, 'examples', '*.yaml'))) + \
        sorted(glob.glob(os.path.join(root, 'tests', 'pdf', 'fixtures', '*.yaml')))
    rep.check(bool(inputs), 'inputs found (%d)' % len(inputs))
    try:
        for yaml_path in inputs:
            stem = os.path.splitext(os.path.basename(yaml_path))[0]
            try:
                docs = testlib.render(vanban, yaml_path, os.path.join(tmp, stem))
            except RuntimeError as e:
                rep.check(False, '%s renders' % stem, str(e))
                continue
            want_author = FIXTURE_AUTHORS.get(stem) or data_issuer_name(yaml_path)
            for kind, (pdf, xml) in sorted(docs.items()):
                tag = '%s.%s' % (stem, kind)
                info = pdfinfo(pdf)
                doc = ET.parse(xml).getroot()
                problems = []
                for key, attr in (('Title', 'title'), ('Author', 'author'), ('Subject', 'subject'),
                                  ('Keywords', 'keywords')):
                    got = info.get(key, '')
                    if not got:
                        problems.append('%s missing' % key)
                    elif got != pdf_rules.fold(doc.get(attr, '')):
                        problems.append('%s %r, markup %s=%r' % (key, got, attr, doc.get(attr)))
                    if re.search(r'&(#\d+|amp|lt|gt|quot|apos);', got):
                        problems.append('%s has an escape residue: %r' % (key, got))
                if not info.get('Creator', '').startswith('vanban '):
                    problems.append('Creator %r does not start "vanban "' % info.get('Creator'))
                author = info.get('Author', '')
                if want_author is not None and author != want_author:
                    problems.append('Author %r, issuer name in the data %r' % (author, want_author))
                iss = [p for p in pdf_rules.Markup(xml).paras if p.context == 'header' and p.role == 'issuer']
                if iss and author.upper() != iss[0].text:
                    problems.append('Author %r does not match the header issuer line %r' % (author, iss[0].text))
                cat = catalog(pdf)
                lang = cat.get('/Lang')
                if lang not in ('u:vi-VN', 'vi-VN', 'b:76692d564e'):
                    problems.append('catalog /Lang %r expected vi-VN' % lang)
                rep.check(not problems, '%s: Title, Author, Subject, Keywords, Creator, /Lang' % tag,
                          '; '.join(problems))
    except Exception as e:  # noqa: BLE001
        rep.check(False, 'test ran', '%s: %s' % (type(e).__name__, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rep.finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
