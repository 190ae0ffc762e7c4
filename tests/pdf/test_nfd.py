#!/usr/bin/python3
"""pdf.nfd_input: decomposed Vietnamese (NFD, as typed on a Mac or copied from a PDF) renders
to the same NFC text as the composed file. The fixture is rewritten with
unicodedata.normalize('NFD', ...) into a temporary folder; both versions are rendered; the
PDFs must hold the same words at the same places, every word NFC, no combining mark
(U+0300-U+036F) left, the same markup, and rule 7 must hold for the NFD render.

    test_nfd.py VANBAN_BINARY SOURCE_DIR
"""
import os
import shutil
import sys
import tempfile
import unicodedata

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import testlib  # noqa: E402
import pdf_rules  # noqa: E402

FIXTURES = ('state-ubnd-giao-ban.yaml', 'special-chars.yaml')


def main(argv):
    vanban, root = argv[1], argv[2]
    rep = testlib.Report('pdf.nfd_input')
    tmp = tempfile.mkdtemp(prefix='vanban-nfd-')
    try:
        for name in FIXTURES:
            src_path = os.path.join(root, 'tests', 'pdf', 'fixtures', name)
            with open(src_path, encoding='utf-8') as f:
                src = f.read()
            nfd = unicodedata.normalize('NFD', src)
            marks = sum(1 for c in nfd if unicodedata.combining(c))
            rep.check(nfd != src and marks > 50, '%s: NFD copy differs from the file (%d combining marks)' % (
                name, marks))
            dirs = {}
            for form, text in (('nfc', src), ('nfd', nfd)):
                d = os.path.join(tmp, name, form)
                os.makedirs(d)
                path = os.path.join(d, name)
                with open(path, 'w', encoding='utf-8') as f:
                    f.write(text)
                dirs[form] = testlib.render(vanban, path, os.path.join(d, 'out'))
            rep.check(set(dirs['nfd']) == set(dirs['nfc']) and dirs['nfd'],
                      '%s: NFD input renders the same documents' % name, str(dirs))
            for kind in sorted(dirs['nfc']):
                if kind not in dirs['nfd']:
                    continue
                (pdf_c, xml_c), (pdf_d, xml_d) = dirs['nfc'][kind], dirs['nfd'][kind]
                wc, wd = pdf_rules.Pdf(pdf_c).words, pdf_rules.Pdf(pdf_d).words
                text_d = ' '.join(w.text for w in wd)
                rep.check(unicodedata.is_normalized('NFC', text_d), '%s %s: PDF text is NFC' % (name, kind),
                          repr([w.text for w in wd if not unicodedata.is_normalized('NFC', w.text)][:5]))
                left = [w.text for w in wd if any('\u0300' <= c <= '\u036f' for c in w.text)]
                rep.check(not left, '%s %s: no combining mark in the PDF text' % (name, kind), repr(left[:5]))
                same = [(w.page, w.text, round(w.x0, 2), round(w.y0, 2)) for w in wc] == \
                       [(w.page, w.text, round(w.x0, 2), round(w.y0, 2)) for w in wd]
                rep.check(same, '%s %s: same words at the same places as the NFC render (%d words)' % (
                    name, kind, len(wc)), _diff(wc, wd))
                with open(xml_c, encoding='utf-8') as f:
                    mc = f.read()
                with open(xml_d, encoding='utf-8') as f:
                    md = f.read()
                rep.check(mc == md, '%s %s: same markup' % (name, kind))
                res = {r.rule: r for r in pdf_rules.Checker(pdf_d, xml_d).run()}
                rep.check(res[7].ok, '%s %s: rule 7 on the NFD render' % (name, kind), res[7].line())
    except Exception as e:  # noqa: BLE001
        rep.check(False, 'test ran', '%s: %s' % (type(e).__name__, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rep.finish()


def _diff(a, b):
    for x, y in zip(a, b):
        if (x.page, x.text, round(x.x0, 2), round(x.y0, 2)) != (y.page, y.text, round(y.x0, 2), round(y.y0, 2)):
            return 'first difference: NFC %r vs NFD %r' % (x, y)
    return '%d vs %d words' % (len(a), len(b))


if __name__ == '__main__':
    sys.exit(main(sys.argv))
