#!/usr/bin/python3
"""pdf.long_notice: fixtures/long-notice.yaml (15 directives of three long sentences, 36
attendees) gives a notice of >= 3 pages and minutes whose attendance table runs over a page.
Checks, on both documents: page numbers on every page (rule 6), every paragraph found
(rule 7), no widow or orphan (a paragraph of >= 2 lines never leaves exactly one line alone
at the bottom or the top of a page), headings marked keep-with-next start on the page of the
paragraph that follows them, the signature block holds together (rule 15 / 17), every other
rule of spec section 6; for the minutes also: table rows never split, the header row repeated
at the top of each page the table continues on.

    test_long_notice.py VANBAN_BINARY SOURCE_DIR
"""
import collections
import os
import shutil
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import testlib  # noqa: E402
import pdf_rules  # noqa: E402


def check_document(rep, kind, pdf, xml):
    chk = pdf_rules.Checker(pdf, xml)
    results = {r.rule: r for r in chk.run()}
    rep.check(chk.npages >= 3, '%s: >= 3 pages' % kind, 'has %d' % chk.npages)
    rep.check(len(chk.mk.get('directive', 'flow')) == 15, '%s: 15 directives in the markup' % kind,
              'found %d' % len(chk.mk.get('directive', 'flow')))
    rep.check(results[6].ok, '%s: rule 6: page numbers 2..%d' % (kind, chk.npages), results[6].line())
    rep.check(results[7].ok, '%s: rule 7: every paragraph found in the PDF' % kind, results[7].line())

    flow = [p for p in chk.mk.paras if p.context == 'flow' and p.lines]
    split = 0
    for p in flow:
        per_page = collections.Counter(ln.page for ln in p.lines)
        if len(p.lines) < 2 or len(per_page) < 2:
            continue
        split += 1
        pages = sorted(per_page)
        first, last = per_page[pages[0]], per_page[pages[-1]]
        tag = '%s: %s %r (%d lines, %s)' % (kind, p.role, pdf_rules.shorten(p.text, 40), len(p.lines),
                                           ' + '.join('%d on p%d' % (per_page[x], x) for x in pages))
        rep.check(first >= 2, 'no orphan: %s' % tag, 'one line alone at the bottom of page %d' % pages[0])
        rep.check(last >= 2, 'no widow: %s' % tag, 'one line alone at the top of page %d' % pages[-1])
    print('note %s: %d paragraph(s) split across pages' % (kind, split))

    # the next top-level element that prints something (a paragraph, a table, a grid)
    for p in chk.mk.paras:
        if p.context != 'flow' or p.elem.get('keep-with-next') != 'true' or not p.lines:
            continue
        later = [q for q in chk.mk.paras if q.seq > p.seq and q.lines]
        if not later:
            continue
        nseq = min(q.seq for q in later)
        start = min(q.lines[0].page for q in later if q.seq == nseq)
        rep.check(start == p.lines[-1].page,
                  '%s: keep-with-next: %s %r on page %d with what follows it' % (
                      kind, p.role, pdf_rules.shorten(p.text, 30), p.lines[-1].page),
                  'what follows starts on page %d' % start)

    sig = 15 if kind == 'notice' else 17
    rep.check(results[sig].ok, '%s: rule %d: signature block' % (kind, sig), results[sig].line())

    if kind == 'minutes':
        rows = collections.defaultdict(list)
        for p in chk.mk.paras:
            if p.context == 'table' and p.lines:
                rows[p.row].extend(p.lines)
        split_rows = [r for r, lines in rows.items() if len({ln.page for ln in lines}) > 1]
        rep.check(not split_rows, 'minutes: no table row split across pages', repr(split_rows))
        pages = sorted({ln.page for lines in rows.values() for ln in lines})
        rep.check(len(pages) >= 2, 'minutes: the attendance table runs over %d page(s)' % len(pages))
        heads = [p for p in chk.mk.paras if p.context == 'table' and p.repeatable and p.text]
        for h in heads:
            got = sorted({ln.page for lines in [h.lines] + h.repeats for ln in lines})
            rep.check(got == pages, 'minutes: header cell %r on every table page %s' % (h.text, pages),
                      'found on pages %s' % got)
            for lines in h.repeats:
                page = lines[0].page
                first_row = min((ln.y0 for lines2 in rows.values() for ln in lines2 if ln.page == page),
                                default=None)
                above = [w for w in chk.pdf.by_page[page] if w.y1 < lines[0].y0 - 1
                         and w.idx not in chk.page_number_words]
                rep.check(first_row is not None and lines[0].y0 <= first_row + 0.5 and not above,
                          'minutes: repeated header %r at the top of page %d' % (h.text, page),
                          '%d word(s) above it' % len(above))

    others = [r for n, r in sorted(results.items()) if n not in (6, 7, sig) and not r.ok]
    for r in others:
        rep.check(False, '%s: %s' % (kind, r.line()[len('FAIL '):]))
    if not others:
        rep.check(True, '%s: every other rule of spec section 6' % kind)


def main(argv):
    vanban, root = argv[1], argv[2]
    fixture = os.path.join(root, 'tests', 'pdf', 'fixtures', 'long-notice.yaml')
    rep = testlib.Report('pdf.long_notice')
    tmp = tempfile.mkdtemp(prefix='vanban-long-')
    try:
        docs = testlib.render(vanban, fixture, tmp)
        rep.check(set(docs) == {'notice', 'minutes'}, 'notice and minutes rendered', str(sorted(docs)))
        for kind in ('notice', 'minutes'):
            if kind in docs:
                check_document(rep, kind, *docs[kind])
    except Exception as e:  # noqa: BLE001
        rep.check(False, 'test ran', '%s: %s' % (type(e).__name__, e))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return rep.finish()


if __name__ == '__main__':
    sys.exit(main(sys.argv))
