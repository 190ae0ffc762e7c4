#!/usr/bin/python3
"""pdf.determinism: the same file rendered twice gives byte-identical PDFs (second run one
second later, in another output folder, under another time zone); different documents get
different file identifiers (/ID in the trailer, read with qpdf --json).

    test_determinism.py VANBAN_BINARY SOURCE_DIR
"""
import filecmp
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import testlib  # noqa: E402


def trailer_id(pdf):
    p = subprocess.run(['qpdf', '--json', pdf], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if p.returncode not in (0, 3):
        raise RuntimeError('qpdf --json %s exited %d' % (pdf, p.returncode))
    objs = json.loads(p.stdout.decode('utf-8'))['qpdf'][1]
    return objs.get('trailer', {}).get('value', {}).get('/ID')


def main(argv):
    vanban, root = argv[1], argv[2]
    fx = os.path.join(root, 'tests', 'pdf', 'fixtures')
    a = os.path.join(fx, 'state-ubnd-giao-ban.yaml')
    b = os.path.join(fx, 'special-chars.yaml')
    rep = testlib.Report('pdf.determinism')
    tmp = tempfile.mkdtemp(prefix='vanban-det-')
    try:
        first = testlib.render(vanban, a, os.path.join(tmp, 'one'), markup=False)
        time.sleep(1.1)
        env = dict(os.environ, TZ='America/Los_Angeles', LC_ALL='C')
        out2 = os.path.join(tmp, 'two', 'deeper')
        os.makedirs(out2)
        p = subprocess.run([vanban, 'render', '--quiet', a, '-o', out2], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        rep.check(p.returncode == 0, 'second render exits 0', p.stderr.decode('utf-8', 'replace'))
        rep.check(set(first) == {'notice', 'minutes'}, 'both documents rendered', str(sorted(first)))
        for kind, (pdf, _) in sorted(first.items()):
            other = os.path.join(out2, os.path.basename(pdf))
            same = os.path.exists(other) and filecmp.cmp(pdf, other, shallow=False)
            rep.check(same, '%s: two renders of the same file are byte-identical' % kind,
                      _first_difference(pdf, other))
        second = testlib.render(vanban, b, os.path.join(tmp, 'b'), markup=False)
        ids = {}
        for name, docs in (('A', first), ('B', second)):
            for kind, (pdf, _) in docs.items():
                ids['%s.%s' % (name, kind)] = trailer_id(pdf)
        for k, v in sorted(ids.items()):
            rep.check(isinstance(v, list) and len(v) == 2 and all(v), '%s has a two-part /ID' % k, repr(v))
        for kind in ('notice', 'minutes'):
            x, y = ids.get('A.' + kind), ids.get('B.' + kind)
            rep.check(x is not None and x != y, '%s: different files give different /ID' % kind,
                      '%r vs %r' % (x, y))
        firsts = [v[0] for v in ids.values() if v]
        rep.check(len(set(firsts)) == len(firsts), 'all %d documents have distinct /ID' % len(firsts),
                  repr(ids))
    except Exception as e:  # noqa: BLE001
        rep.check(False, 'test ran', '%s: %s' % (type(e).__name__, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rep.finish()


def _first_difference(a, b):
    if not os.path.exists(b):
        return '%s missing' % b
    with open(a, 'rb') as f:
        x = f.read()
    with open(b, 'rb') as f:
        y = f.read()
    for i, (c, d) in enumerate(zip(x, y)):
        if c != d:
            return 'first difference at byte %d: %r vs %r' % (i, x[max(0, i - 30):i + 30], y[max(0, i - 30):i + 30])
    return 'sizes %d vs %d' % (len(x), len(y))


if __name__ == '__main__':
    sys.exit(main(sys.argv))
