#!/usr/bin/python3
"""pdf.checker_mutations: the checks of pdf_rules.py can fail. Each mutation renders a fixture
through a deliberately broken template (vanban render --templates DIR, one file overridden),
or with another font, or damages the PDF, and the rule it breaks must report a failure that
the unbroken render does not have. A mutation whose pattern no longer matches the bundled
template is a failure too, so that coverage is never lost silently.

    test_checker_mutations.py VANBAN_BINARY SOURCE_DIR [NAME...]
"""
import os
import re
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import testlib  # noqa: E402
import pdf_rules  # noqa: E402

P, PM, S = 'long-notice', 'special-chars', 'state-ubnd-giao-ban'

# name, fixture, kind, template file, regex, replacement, rules that must fail
MUTATIONS = [
    ('page-width-216', P, 'notice', 'page-setup', r'width="210mm"', 'width="216mm"', {1}),
    ('margin-left-25', P, 'notice', 'page-setup', r'margin-left="30mm"', 'margin-left="25mm"', {4, 13, 16}),
    ('margin-right-5', P, 'notice', 'page-setup', r'margin-right="15mm"', 'margin-right="5mm"', {4, 13}),
    ('margin-top-12', P, 'notice', 'page-setup', r'margin-top="20mm"', 'margin-top="12mm"', {5, 6}),
    ('margin-bottom-10', P, 'notice', 'page-setup', r'margin-bottom="20mm"', 'margin-bottom="10mm"', {5}),
    ('page-number-from-1', P, 'notice', 'page-setup', r'page-number-from="2"', 'page-number-from="1"', {6}),
    ('page-number-size-10', P, 'notice', 'page-setup', r'page-number-size="14"', 'page-number-size="10"', {6}),
    ('page-number-baseline-25', P, 'notice', 'page-setup', r'page-number-baseline="[^"]*"',
     'page-number-baseline="25mm"', {6}),
    ('no-page-numbers', P, 'notice', 'page-setup', r'page-numbers="true"', 'page-numbers="false"', {6}),
    ('line-height-26', P, 'notice', 'page-setup', r'line-height="18pt"', 'line-height="26pt"', {13}),
    ('space-after-1', P, 'notice', 'page-setup', r'(<body[^>]*?)space-after="[^"]*"', r'\1space-after="1pt"', {13}),
    ('body-align-left', P, 'notice', 'page-setup', r'(<body[^>]*?)align="justify"', r'\1align="left"', {13}),
    ('indent-5', P, 'notice', 'page-setup', r'indent="10mm"', 'indent="5mm"', {13}),
    ('body-size-12', P, 'notice', 'page-setup', r'<body size="14"', '<body size="12"', {14}),
    ('directive-size-13', P, 'notice', 'conclusions', r'<p role="directive">', '<p role="directive" size="13">', {14}),
    # Party header
    ('heading-size-13', P, 'notice', 'party-header', r'<p size="15" role="heading">', '<p size="13" role="heading">', {8}),
    ('heading-text', P, 'notice', 'party-header', r'ĐẢNG CỘNG SẢN VIỆT NAM', 'ĐẢNG CỘNG SẢN VIET NAM', {7}),
    ('heading-regular', P, 'notice', 'party-header', r'<b>ĐẢNG CỘNG SẢN VIỆT NAM</b>', 'ĐẢNG CỘNG SẢN VIỆT NAM', {8}),
    ('no-heading-rule', P, 'notice', 'party-header', r'\s*<rule width="text"[^>]*/>', '', {12}),
    ('heading-rule-gap-5', P, 'notice', 'party-header', r'(<rule width="text" gap=)"[^"]*"', r'\1"5mm"', {12}),
    ('heading-rule-half', P, 'notice', 'party-header', r'<rule width="text"', '<rule width="0.5"', {12}),
    ('issuer-rule', P, 'notice', 'party-header', r'(role="issuer">.*?</p>)', r'\1<rule width="0.4" gap="1.5mm"/>', {12}),
    ('star-left', P, 'notice', 'party-header', r'role="star"', 'align="left" role="star"', {8}),
    ('number-suffix', P, 'notice', 'party-header', r'\{\{document\.number_line\}\}', '{{document.number_line}}:', {8}),
    ('date-upright', P, 'notice', 'party-header', r'<i>\{\{document\.date_line\}\}</i>', '{{document.date_line}}', {10}),
    ('date-lower', P, 'notice', 'party-header', r'(<p size="14" role="date">)', r'<space height="6mm"/>\1', {10}),
    # Party title block and signature
    ('title-size-12', P, 'notice', 'party-notice', r'size="16"([^>]*role="title")', r'size="12"\1', {11}),
    ('title-left', P, 'notice', 'party-notice', r'align="center"([^>]*role="title")', r'align="left"\1', {11}),
    ('summary-left', P, 'notice', 'party-notice', r'align="center"([^>]*role="summary")', r'align="left"\1', {11}),
    ('no-dashes', P, 'notice', 'party-notice', r'\s*<p[^>]*role="dashes">-----</p>', '', {11}),
    ('party-summary-rule', P, 'notice', 'party-notice', r'<p[^>]*role="dashes">-----</p>',
     '<rule width="0.4" gap="2mm" space-after="6pt"/>', {11, 12}),
    ('signature-space-5', P, 'notice', 'party-notice', r'<space height="25mm"/>', '<space height="5mm"/>', {15}),
    ('authority-regular', P, 'notice', 'party-notice', r'<b>(\{\{#upper\}\}\{\{document\.signer\.authority\}\}\{\{/upper\}\})</b>',
     r'\1', {15}),
    ('signature-left', P, 'notice', 'party-notice', r'<cell align="center">', '<cell align="left">', {15}),
    ('signature-alone', P, 'notice', 'party-notice', r'(<grid columns="[^"]*" )lines-before="2"',
     r'<space height="240mm"/>\1lines-before="0"', {15}),
    ('trailing-blank-page', P, 'notice', 'party-notice', r'(</grid>\s*)(</document>)',
     r'\1<space height="200mm"/><p> </p>\2', {18}),
    ('no-underline', P, 'notice', 'party-recipients', r'<u>Nơi nhận:</u>', 'Nơi nhận:', {16}),
    ('label-bold', P, 'notice', 'party-recipients', r'<u>Nơi nhận:</u>', '<b><u>Nơi nhận:</u></b>', {16}),
    ('recipient-size-14', P, 'notice', 'party-recipients', r'size="12"', 'size="14"', {16}),
    ('label-lower', P, 'notice', 'party-recipients', r'(<p size="14" align="left" role="recipients-label">)',
     r'<space height="6mm"/>\1', {16}),
    # Party minutes
    ('minutes-titles-swapped', PM, 'minutes', 'party-minutes', r'NGƯỜI GHI BIÊN BẢN', 'CHỦ TRÌ CUỘC HỌP', {17}),
    ('minutes-right-lower', PM, 'minutes', 'party-minutes', r'(<p size="14" role="right-title">)',
     r'<space height="3mm"/>\1', {17}),
    # State
    ('motto-left', S, 'notice', 'state-header', r'role="motto"', 'align="left" role="motto"', {9}),
    ('motto-text', S, 'notice', 'state-header', r'Độc lập - Tự do - Hạnh phúc', 'Độc lập – Tự do – Hạnh phúc', {7}),
    ('number-left', S, 'notice', 'state-header', r'<p size="13" role="number">', '<p size="13" align="left" role="number">', {9}),
    ('state-issuer-rule-wide', S, 'notice', 'state-header', r'<rule width="0.4"', '<rule width="0.9"', {12}),
    ('state-motto-rule-short', S, 'notice', 'state-header', r'<rule width="text"', '<rule width="0.7"', {12}),
    ('state-title-size-16', S, 'notice', 'state-notice', r'size="14"([^>]*role="title")', r'size="16"\1', {11}),
    ('state-no-summary-rule', S, 'notice', 'state-notice', r'\s*<rule width="0.4" gap="2mm" space-after="8pt"/>', '', {12}),
    ('state-summary-lower', S, 'notice', 'state-notice', r'(role="summary"><b>.*?)Kết luận của', r'\1kết luận của', {11}),
    ('state-label-italic', S, 'notice', 'state-recipients', r'<b><i>Nơi nhận:</i></b>', '<i>Nơi nhận:</i>', {16}),
    ('state-minutes-titles', S, 'minutes', 'state-minutes', r'<b>THƯ KÝ</b>', '<b>NGƯỜI GHI BIÊN BẢN</b>', {17}),
    ('state-minutes-closing-after', S, 'minutes', 'state-minutes',
     r'(\s*<p role="closing">.*?</p>)(\s*<grid[^>]*role="signatures">.*?</grid>)', r'\2\1', {17}),
]

# PDF from a broken template, markup from the unbroken one: the texts disagree
MISMATCH = ('pdf-text-differs', P, 'notice', 'party-notice', r'biết, thực hiện\.', 'biết, thực hiện ngay.', {7})


def main(argv):
    vanban, root = argv[1], argv[2]
    only = set(argv[3:])
    rep = testlib.Report('pdf.checker_mutations')
    tmp = tempfile.mkdtemp(prefix='vanban-mut-')
    baseline = {}

    def base(fixture, kind):
        key = (fixture, kind)
        if key not in baseline:
            d = os.path.join(tmp, 'base-' + fixture)
            docs = testlib.render(vanban, os.path.join(root, 'tests', 'pdf', 'fixtures', fixture + '.yaml'), d)
            pdf, xml = docs[kind]
            res = {r.rule: r for r in pdf_rules.Checker(pdf, xml).run()}
            baseline[key] = (pdf, xml, res)
        return baseline[key]

    def expect(name, pdf, xml, fixture, kind, rules):
        _, _, bres = base(fixture, kind)
        try:
            res = {r.rule: r for r in pdf_rules.Checker(pdf, xml).run()}
        except Exception as e:  # noqa: BLE001
            rep.check(False, '%s: checker ran' % name, '%s: %s' % (type(e).__name__, e))
            return
        for n in sorted(rules):
            new = [f for f in res[n].fails if f not in bres[n].fails]
            rep.check(bool(new), '%s: rule %d fails' % (name, n),
                      'no new failure (mutant: %s)' % res[n].line())
            if new:
                print('       %s' % pdf_rules.shorten(new[0], 150))

    try:
        for (name, fixture, kind, tfile, pat, repl, rules) in MUTATIONS + [MISMATCH]:
            if only and name not in only:
                continue
            src = os.path.join(root, 'templates', tfile + '.mustache')
            with open(src, encoding='utf-8') as f:
                text = f.read()
            mutated, n = re.subn(pat, repl, text, count=1, flags=re.S)
            if not rep.check(n == 1, '%s: pattern applies to templates/%s.mustache' % (name, tfile),
                             'pattern %r not found: update the mutation' % pat):
                continue
            tdir = os.path.join(tmp, name, 'templates')
            os.makedirs(tdir)
            with open(os.path.join(tdir, tfile + '.mustache'), 'w', encoding='utf-8') as f:
                f.write(mutated)
            try:
                docs = testlib.render(vanban, os.path.join(root, 'tests', 'pdf', 'fixtures', fixture + '.yaml'),
                                      os.path.join(tmp, name, 'out'), extra=['--templates', tdir, '--only', kind])
            except RuntimeError as e:
                rep.check(False, '%s: renders' % name, str(e))
                continue
            pdf, xml = docs[kind]
            if name == MISMATCH[0]:
                xml = base(fixture, kind)[1]
            expect(name, pdf, xml, fixture, kind, rules)

        # rule 2: another font family through --fonts
        if not only or 'font-dejavu' in only:
            fonts = os.path.join(tmp, 'fonts')
            os.makedirs(fonts)
            dj = '/usr/share/fonts/truetype/dejavu'
            pairs = {'times.ttf': 'DejaVuSerif.ttf', 'timesbd.ttf': 'DejaVuSerif-Bold.ttf',
                     'timesi.ttf': 'DejaVuSerif-Italic.ttf', 'timesbi.ttf': 'DejaVuSerif-BoldItalic.ttf'}
            if all(os.path.exists(os.path.join(dj, v)) for v in pairs.values()):
                for k, v in pairs.items():
                    shutil.copy(os.path.join(dj, v), os.path.join(fonts, k))
                try:
                    docs = testlib.render(vanban, os.path.join(root, 'tests', 'pdf', 'fixtures', S + '.yaml'),
                                          os.path.join(tmp, 'dejavu'), extra=['--fonts', fonts, '--only', 'notice'])
                    expect('font-dejavu', docs['notice'][0], docs['notice'][1], S, 'notice', {2})
                except RuntimeError as e:
                    rep.check(False, 'font-dejavu: renders', str(e))
            else:
                print('skip font-dejavu: DejaVu Serif not installed')

        # rule 3: a damaged cross-reference offset
        if not only or 'damaged-xref' in only:
            pdf, xml, _ = base(S, 'notice')
            with open(pdf, 'rb') as f:
                data = f.read()
            m = re.search(rb'startxref\s+(\d+)', data)
            bad = data[:m.start(1)] + str(int(m.group(1)) + 7).encode() + data[m.end(1):]
            dpdf = os.path.join(tmp, 'damaged.pdf')
            with open(dpdf, 'wb') as f:
                f.write(bad)
            expect('damaged-xref', dpdf, xml, S, 'notice', {3})
    except Exception as e:  # noqa: BLE001
        rep.check(False, 'test ran', '%s: %s' % (type(e).__name__, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rep.finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
