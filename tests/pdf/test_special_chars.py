#!/usr/bin/python3
"""pdf.special_characters: markup and template metacharacters in the data reach the PDF
literally. fixtures/special-chars.yaml puts & < > " ' {{ }} {{{x}}} </p> into a conclusion
paragraph and a directive (both {{#rich}}), an attendee name (plain, the minutes' secretary),
the conference title (trích yếu and PDF Title), the convener (closing, {{#capitalize}}) and the
signer's authority ({{#upper}}). Each literal must be found in the PDF text as written in the YAML (not escaped
twice, not eaten by the template engine, not cut by the markup parser), no escape residue
(&#..; &amp; &lt; ...) may appear, and every rule of spec section 6 must still hold.

    test_special_chars.py VANBAN_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import testlib  # noqa: E402
import pdf_rules  # noqa: E402

# The values written in fixtures/special-chars.yaml, after YAML unquoting.
CONCLUSION = ('Ký tự đặc biệt trong đoạn kết luận: A & B, 1 < 2 > 0, "trích dẫn", O\'Brien, '
              '{{ }} và {{{x}}} cùng thẻ </p> phải được in nguyên văn.')
DIRECTIVE = 'rà soát mẫu in có ký tự & < > " \' {{ }} {{{x}}} </p> trong dữ liệu'
NAME = 'Lê "Tí" & O\'Brien <Tư> {{ten}} {{{x}}} </p>'
TITLE = 'hội nghị chuyên đề "ký tự" & <đặc biệt> {{t}} năm 2022'
CONVENER = 'Ban Thường vụ Đảng ủy & Ủy ban "Kiểm tra"'
AUTHORITY = 'T/M BAN THƯỜNG VỤ & <ĐẢNG ỦY>'      # upper-cased by the template
RESIDUE = ('&#', '&amp;', '&lt;', '&gt;', '&quot;', '&apos;')

# kind -> [(label, literal, minimum number of occurrences)]
EXPECT = {
    'notice': [('conference title (trích yếu)', TITLE, 1), ('conclusion paragraph', CONCLUSION, 1),
               ('directive', DIRECTIVE, 1),
               ('convener in the trích yếu and the opening', CONVENER, 2),
               ('closing sentence ({{#capitalize}})', CONVENER + ' thông báo để', 1),
               ('signer authority ({{#upper}})', AUTHORITY, 1)],
    'minutes': [('conference title (trích yếu)', TITLE, 1), ('conclusion paragraph', CONCLUSION, 1),
                ('directive', DIRECTIVE, 1),
                # "Người ghi biên bản: đồng chí …", the attendance table, the signature
                ('attendee name', NAME, 3)],
}


def main(argv):
    vanban, root = argv[1], argv[2]
    fixture = os.path.join(root, 'tests', 'pdf', 'fixtures', 'special-chars.yaml')
    rep = testlib.Report('pdf.special_characters')
    tmp = tempfile.mkdtemp(prefix='vanban-special-')
    try:
        with open(fixture, encoding='utf-8') as f:
            src = f.read()
        for lit in ('{{ }}', '{{{x}}}', '</p>', '&', '<', '>', '"'):
            rep.check(lit in src, 'fixture holds %r' % lit)
        docs = testlib.render(vanban, fixture, tmp)
        rep.check(set(docs) == {'notice', 'minutes'}, 'rendered notice and minutes', str(sorted(docs)))
        for kind, (pdf, xml) in sorted(docs.items()):
            p = pdf_rules.Pdf(pdf)
            text = ' '.join(w.text for w in p.words)
            for label, lit, least in EXPECT[kind]:
                n = testlib.occurrences(p, lit)
                rep.check(n >= least, '%s: %s printed literally (%d time(s), expected >= %d)' % (
                    kind, label, n, least), 'looked for %r' % lit)
            info = subprocess.run(['pdfinfo', pdf], stdout=subprocess.PIPE).stdout.decode('utf-8')
            title = re.search(r'^Title:\s*(.*)$', info, re.M)
            rep.check(title is not None and TITLE in title.group(1),
                      '%s: PDF Title holds the conference title literally' % kind,
                      repr(title.group(1) if title else None))
            for r in RESIDUE:
                rep.check(r not in text, '%s: no escape residue %r in the PDF text' % (kind, r),
                          'found in %r' % _around(text, r))
            rep.rules(pdf, xml, kind)
    except Exception as e:  # noqa: BLE001
        rep.check(False, 'test ran', '%s: %s' % (type(e).__name__, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rep.finish()


def _around(text, needle):
    i = text.find(needle)
    return text[max(0, i - 40): i + 40] if i >= 0 else ''


if __name__ == '__main__':
    sys.exit(main(sys.argv))
