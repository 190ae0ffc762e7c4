#!/usr/bin/python3
"""Checks a PDF produced by vanban against the checkable rules of
shared/spec/official-format.md section 6 (rules 1-18), with poppler and qpdf as oracles.

    pdf_rules.py PDF MARKUP.xml [-v]

MARKUP.xml is the same document emitted with `vanban render --emit markup`: its `role`
attributes say which text is which component; the standard (Party / State) and the kind
(notice / minutes / report) are read from it. Prints one line per rule:
`ok rule N: ...`, `FAIL rule N: ...` or `n/a rule N: ...`, and exits 1 on any failure.

Measurements (all in pt, origin top-left, y down, like poppler):
  * words and their boxes: `pdftotext -bbox-layout`; the baseline of a word is
    yMin + h * 1825/2268 (ascent / (ascent + descent) of Times New Roman = Liberation Serif);
  * size, bold, italic of each word: the `pdftohtml -xml -zoom 1 -i -fontfullname` run that
    covers it (fontspec size, <b>/<i> tags);
  * drawn rules: `pdftoppm -r 300 -gray`, dark (< 160 of 255) horizontal pixel runs of
    >= 4 mm, merged over rows; thickness = summed darkness across the rule (so an
    anti-aliased 0.5 pt rule measures 0.18 mm), length = the longest merged run.
The text of every markup paragraph (whitespace folded, NFC) is searched in the PDF as a
sequence of words that follows the reading flow (next word to the right on the same line,
or a word on one of the next lines, or on the next page); geometric rules then use the
lines of that match.

Tolerances are the spec's: eps = 0.5 mm unless a rule states another; thresholds of the form
">= d mm" are applied as ">= d - eps" (the spec's own rule 13 writes "6 pt - 0.5").

Only the Python standard library and the poppler / qpdf command-line tools are used.
"""

import collections
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET

MM = 72.0 / 25.4
EPS = 0.5 * MM
PAGE_W, PAGE_H = 595.28, 841.89
LEFT, RIGHT = 30 * MM, 195 * MM          # 85.04, 552.76
TOP, BOTTOM = 20 * MM, 277 * MM          # 56.69, 785.20
CENTRE = 112.5 * MM                      # 318.90
BASE_RATIO = 1825.0 / 2268.0             # baseline position inside a poppler word box
HEIGHT_PER_PT = 2268.0 / 2048.0          # word box height per pt of font size (TNR metrics)
DPI = 300
PX = DPI / 72.0                          # pixels per pt

ACCEPTED_FAMILIES = {'timesnewroman', 'liberationserif'}
TITLES = {'THÔNG BÁO': 'notice', 'BIÊN BẢN': 'minutes', 'BÁO CÁO': 'report'}
BODY_ROLES = ('body', 'heading', 'directive', 'closing')
FLOW_ROLES = ('title', 'summary', 'dashes') + BODY_ROLES
PARTY_HEADING = 'ĐẢNG CỘNG SẢN VIỆT NAM'
STATE_HEADING = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
STATE_MOTTO = 'Độc lập - Tự do - Hạnh phúc'


def mm(pt):
    return pt / MM


def fmt(pt):
    return '%.2f mm' % mm(pt)


def fold(s):
    return ' '.join(unicodedata.normalize('NFC', s).split())


def run(cmd, check=True):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if check and p.returncode != 0:
        raise RuntimeError('%s failed (%d): %s' % (' '.join(cmd), p.returncode,
                                                   p.stderr.decode('utf-8', 'replace')))
    return p


# --------------------------------------------------------------------------- PDF model

class Word:
    __slots__ = ('page', 'x0', 'y0', 'x1', 'y1', 'text', 'idx', 'base', 'h', 'esize',
                 'size', 'bold', 'italic', 'font', 'right', 'left', 'band')

    def __init__(self, page, x0, y0, x1, y1, text, idx):
        self.page, self.x0, self.y0, self.x1, self.y1 = page, x0, y0, x1, y1
        self.text, self.idx = text, idx
        self.h = y1 - y0
        self.base = y0 + self.h * BASE_RATIO
        self.esize = self.h / HEIGHT_PER_PT     # size estimated from the box height
        self.size = None                        # size from pdftohtml
        self.bold = self.italic = None
        self.font = ''
        self.right = None
        self.left = None
        self.band = None

    @property
    def cx(self):
        return (self.x0 + self.x1) / 2

    def key(self):
        return (self.page, self.base, self.x0)

    def __repr__(self):
        return '%r@p%d(%.1f,%.1f)' % (self.text, self.page, self.x0, self.y0)


class Line:
    """Words of one paragraph on one baseline of one page."""

    def __init__(self, words):
        self.words = sorted(words, key=lambda w: w.x0)
        self.page = self.words[0].page
        self.x0 = min(w.x0 for w in self.words)
        self.x1 = max(w.x1 for w in self.words)
        self.y0 = min(w.y0 for w in self.words)
        self.y1 = max(w.y1 for w in self.words)
        self.base = sorted(w.base for w in self.words)[len(self.words) // 2]
        self.text = ' '.join(w.text for w in self.words)

    @property
    def cx(self):
        return (self.x0 + self.x1) / 2

    @property
    def width(self):
        return self.x1 - self.x0

    def sizes(self):
        return [w.size for w in self.words if w.size is not None]

    def all_bold(self):
        return all(w.bold for w in self.words)

    def all_italic(self):
        return all(w.italic for w in self.words)

    def any_bold(self):
        return any(w.bold for w in self.words)


class Pdf:
    def __init__(self, path):
        self.path = path
        self.words = []
        self.pages = []          # (width, height) from pdftotext
        self.raw_text = ''
        self._read_bbox()
        self._read_styles()
        self._neighbours()
        self._images = {}

    def _read_bbox(self):
        out = run(['pdftotext', '-bbox-layout', self.path, '-']).stdout.decode('utf-8')
        self.raw_text = out
        page = 0
        for m in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">|'
                             r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" '
                             r'yMax="([-\d.]+)">(.*?)</word>', out):
            if m.group(1):
                page += 1
                self.pages.append((float(m.group(1)), float(m.group(2))))
            else:
                self.words.append(Word(page, float(m.group(3)), float(m.group(4)),
                                       float(m.group(5)), float(m.group(6)),
                                       html.unescape(m.group(7)), len(self.words)))

    def _read_styles(self):
        out = run(['pdftohtml', '-xml', '-zoom', '1', '-i', '-fontfullname', '-stdout',
                   self.path]).stdout.decode('utf-8')
        fonts = {}
        runs = collections.defaultdict(list)
        page = 0
        for m in re.finditer(r'<page number="(\d+)"|<fontspec id="(\d+)" size="([-\d.]+)" '
                             r'family="([^"]*)"|<text top="([-\d.]+)" left="([-\d.]+)" '
                             r'width="([-\d.]+)" height="([-\d.]+)" font="(\d+)">(.*?)</text>',
                             out):
            if m.group(1):
                page = int(m.group(1))
            elif m.group(2):
                fonts[m.group(2)] = (float(m.group(3)), html.unescape(m.group(4)))
            else:
                inner = m.group(10)
                size, family = fonts.get(m.group(9), (None, ''))
                fam = family.lower()
                runs[page].append({
                    'top': float(m.group(5)), 'left': float(m.group(6)),
                    'right': float(m.group(6)) + float(m.group(7)),
                    'size': size, 'font': family,
                    'bold': '<b>' in inner or 'bold' in fam,
                    'italic': '<i>' in inner or 'italic' in fam or 'oblique' in fam})
        self.runs = runs
        for w in self.words:
            cands = []
            for r in runs.get(w.page, ()):
                if abs(r['top'] - w.y0) > 2.0:
                    continue
                ov = min(r['right'], w.x1) - max(r['left'], w.x0)
                if ov > min(1.5, 0.3 * (w.x1 - w.x0)):
                    cands.append((ov, r))
            if not cands:
                continue
            cands.sort(key=lambda c: -c[0])
            # a word may span runs when its style changes inside it ("**a**:")
            used = [c[1] for c in cands if c[0] >= min(2.0, 0.3 * (w.x1 - w.x0))] or [cands[0][1]]
            w.size = cands[0][1]['size']
            w.bold = all(r['bold'] for r in used)
            w.italic = all(r['italic'] for r in used)
            w.font = cands[0][1]['font']

    def _neighbours(self):
        by_page = collections.defaultdict(list)
        for w in self.words:
            by_page[w.page].append(w)
        self.by_page = by_page
        self.bands = {}
        for p, ws in by_page.items():
            ws = sorted(ws, key=lambda w: w.base)
            bands, cur = [], []
            for w in ws:
                if cur and w.base - cur[-1].base > 1.5:
                    bands.append(cur)
                    cur = []
                cur.append(w)
            if cur:
                bands.append(cur)
            for b in bands:
                b.sort(key=lambda w: w.x0)
                for i, w in enumerate(b):
                    w.band = b
                    w.right = b[i + 1] if i + 1 < len(b) else None
                    w.left = b[i - 1] if i > 0 else None
            self.bands[p] = bands
        self.by_text = collections.defaultdict(list)
        self.by_skeleton = collections.defaultdict(list)
        for w in sorted(self.words, key=Word.key):
            self.by_text[w.text].append(w)
            self.by_skeleton[skeleton(w.text)].append(w)

    # ---------------------------------------------------------------- raster (rule 12)
    def image(self, page):
        if page not in self._images:
            d = tempfile.mkdtemp(prefix='pdfrules-')
            try:
                stem = os.path.join(d, 'p')
                run(['pdftoppm', '-r', str(DPI), '-gray', '-f', str(page), '-l', str(page),
                     '-singlefile', self.path, stem])
                with open(stem + '.pgm', 'rb') as f:
                    data = f.read()
            finally:
                shutil.rmtree(d, ignore_errors=True)
            m = re.match(rb'P5\s+(\d+)\s+(\d+)\s+(\d+)\s', data)
            w, h = int(m.group(1)), int(m.group(2))
            self._images[page] = (w, h, data[m.end():])
        return self._images[page]

    def hrules(self, page, x0, x1, y0, y1, min_len_mm=4.0):
        """Dark horizontal runs inside the region (pt), merged over consecutive rows.
        Returns dicts with x0, x1, length, top, bottom, centre_y, thickness (pt)."""
        w, h, data = self.image(page)
        px0, px1 = max(0, int(x0 * PX)), min(w, int(x1 * PX) + 1)
        py0, py1 = max(0, int(y0 * PX)), min(h, int(y1 * PX) + 1)
        minpx = max(2, int(min_len_mm * MM * PX))
        table = bytes(0x31 if v < 160 else 0x30 for v in range(256))
        pat = re.compile(rb'1{%d,}' % minpx)
        found = []
        for row in range(py0, py1):
            seg = data[row * w + px0: row * w + px1].translate(table)
            for m in pat.finditer(seg):
                found.append((row, px0 + m.start(), px0 + m.end()))
        rules = []
        for row, s, e in found:
            for r in rules:
                if r['last'] == row - 1 and abs(r['s'] - s) <= 3 and abs(r['e'] - e) <= 3:
                    r['last'] = row
                    r['s'], r['e'] = min(r['s'], s), max(r['e'], e)
                    break
            else:
                rules.append({'first': row, 'last': row, 's': s, 'e': e})
        out = []
        for r in rules:
            xm = (r['s'] + r['e']) // 2
            cols = [c for c in (xm - 2, xm, xm + 2) if 0 <= c < w]
            rows = range(max(0, r['first'] - 3), min(h, r['last'] + 4))
            dark = []
            for c in cols:
                col = [(255 - data[y * w + c]) / 255.0 for y in rows]
                dark.append(col)
            thick = sum(sum(c) for c in dark) / len(dark)
            weights = [sum(c[i] for c in dark) for i in range(len(rows))]
            tot = sum(weights) or 1.0
            cy = sum((rows[i] + 0.5) * weights[i] for i in range(len(rows))) / tot
            out.append({'x0': r['s'] / PX, 'x1': r['e'] / PX, 'length': (r['e'] - r['s']) / PX,
                        'top': (cy - thick / 2) / PX, 'bottom': (cy + thick / 2) / PX,
                        'centre_y': cy / PX, 'thickness': thick / PX,
                        'cx': (r['s'] + r['e']) / 2 / PX})
        return out


# --------------------------------------------------------------------------- markup model

class Para:
    def __init__(self, elem, role, context, seq, size):
        self.elem = elem
        self.role = role
        self.context = context    # 'header', 'signature', 'signatures', 'table', 'flow', ...
        self.seq = seq            # index of the top-level element it belongs to
        self.text = fold(''.join(elem.itertext()))
        self.size = size
        self.words = None         # matched PDF words
        self.lines = []
        self.exact = False        # matched with the exact text
        self.problem = None
        self.repeatable = False   # a table header row, repeated on each page the table runs to
        self.repeats = []         # the lines of each repetition
        self.row = None           # (table, row index) for table cells

    def __repr__(self):
        return '%s/%s %r' % (self.context, self.role, self.text[:40])

    def first(self):
        return self.lines[0] if self.lines else None

    def last(self):
        return self.lines[-1] if self.lines else None


class Markup:
    def __init__(self, path):
        self.tree = ET.parse(path)
        self.root = self.tree.getroot()
        self.paras = []
        page = self.root.find('page')
        body = self.root.find('body')
        self.page_attrs = dict(page.attrib) if page is not None else {}
        self.body_attrs = dict(body.attrib) if body is not None else {}
        self.body_size = float(self.body_attrs.get('size', '14'))
        self.indent = parse_len(self.body_attrs.get('indent', '10mm'))
        self.line_height = parse_len(self.body_attrs.get('line-height', '0'))
        seq = 0
        for child in self.root:
            seq += 1
            if child.tag == 'p':
                self._add(child, 'flow', seq)
            elif child.tag == 'grid':
                ctx = child.get('role') or 'grid'
                for p in child.iter('p'):
                    self._add(p, ctx, seq)
            elif child.tag == 'table':
                heads = int(child.get('header-rows', '0') or 0)
                for i, tr in enumerate(child.findall('tr')):
                    for td in tr.findall('td'):
                        cells = td.findall('p') or [td]
                        for p in cells:
                            para = self._add(p, 'table', seq)
                            para.repeatable = i < heads
                            para.row = (seq, i)
            elif child.tag == 'ol':
                fmt_, start = child.get('format', '1.'), int(child.get('start', '1') or 1)
                for i, li in enumerate(child.findall('li')):
                    para = self._add(li, 'flow', seq, role=li.get('role') or child.get('role') or 'body')
                    para.text = fold(list_label(fmt_, start + i) + ' ' + para.text)
        self.seq_count = seq
        roles = [p.role for p in self.paras]
        self.standard = 'state' if 'motto' in roles else 'party'
        title = self.get('title', 'flow')
        self.title_text = title[0].text if title else ''
        self.kind = TITLES.get(self.title_text, 'unknown')

    def _add(self, elem, ctx, seq, role=None):
        size = elem.get('size')
        size = float(size) if size else (self.body_size if ctx == 'flow' else None)
        para = Para(elem, role or elem.get('role', ''), ctx, seq, size)
        self.paras.append(para)
        return para

    def get(self, role, context=None):
        return [p for p in self.paras if p.role == role and (context is None or p.context == context)]

    def one(self, role, context=None):
        ps = self.get(role, context)
        return ps[0] if ps else None


def list_label(fmt_, n):
    """The label vanban puts before an <li> (markup.md: 1. 1- 1) a) a. I. I- - +)."""
    if fmt_ in ('-', '+'):
        return fmt_
    kind, punct = fmt_[:-1], fmt_[-1]
    if kind == 'a':
        s = ''
        while n > 0:
            n, r = divmod(n - 1, 26)
            s = chr(ord('a') + r) + s
        return s + punct
    if kind == 'I':
        vals = [(1000, 'M'), (900, 'CM'), (500, 'D'), (400, 'CD'), (100, 'C'), (90, 'XC'), (50, 'L'),
                (40, 'XL'), (10, 'X'), (9, 'IX'), (5, 'V'), (4, 'IV'), (1, 'I')]
        s = ''
        for v, r in vals:
            while n >= v:
                s, n = s + r, n - v
        return s + punct
    return '%d%s' % (n, punct)


def parse_len(s):
    m = re.match(r'\s*([-\d.]+)\s*(mm|pt)?\s*$', s or '')
    if not m:
        return 0.0
    v = float(m.group(1))
    return v * MM if m.group(2) == 'mm' else v


# --------------------------------------------------------------------------- matching

class Matcher:
    """Finds each paragraph's text as a flow of PDF words."""

    def __init__(self, pdf, excluded, substring=False):
        """substring: the text may start inside the first word and end inside the last one
        (a literal searched in running text, "…, name," ), exact comparison only."""
        self.pdf = pdf
        self.used = set(excluded)
        self.cursor = (0, -1e9, -1e9)
        self.substring = substring
        self.last_token = False

    def next_candidates(self, path, tok, path_ids, fuzzy):
        """Words that may hold the next token: the right neighbour on the same line, else a
        word on one of the next lines (or the next page) that starts left of where this line
        ends and not far left of where it starts (so a line never continues into another
        column)."""
        w = path[-1]
        first = w
        for v in reversed(path):
            if v.band is not w.band:
                break
            first = v
        # where this text line starts: through word spaces to the left (a match may begin
        # inside a line), never across a column gap
        while first.left is not None and first.x0 - first.left.x1 < 1.5 * first.esize:
            first = first.left
        line_x0 = first.x0
        cands = []
        r = w.right
        if r is not None and self._eq(r.text, tok, fuzzy, self.last_token) and r.idx not in self.used \
                and r.idx not in path_ids and r.x0 - w.x1 < 6 * max(w.esize, 1):
            cands.append(r)
        if self.substring and self.last_token:
            pool = [v for v in self.pdf.words if v.text.startswith(tok)]
        else:
            pool = self.pdf.by_text.get(tok, ()) if not fuzzy else self._fuzzy_pool(tok)
        below = []
        for v in pool:
            if v.idx in self.used or v.idx in path_ids or v is r:
                continue
            if not (v.x0 < w.x1 and v.x1 > line_x0 - 15 * MM):
                continue
            if v.page == w.page:
                d = v.base - w.base
                if 0.6 * w.esize <= d <= 2.6 * w.esize:
                    below.append(v)
            elif v.page == w.page + 1:
                below.append(v)
        below.sort(key=Word.key)
        return cands + below

    def _fuzzy_pool(self, tok):
        return self.pdf.by_skeleton.get(skeleton(tok), ())

    def _eq(self, a, b, fuzzy, last=False):
        if self.substring and last:
            return a.startswith(b)
        return a == b if not fuzzy else skeleton(a) == skeleton(b)

    def match(self, para, advance, exact_only=False):
        tokens = para.text.split()
        if not tokens:
            return True
        for fuzzy in ((False,) if self.substring or exact_only else (False, True)):
            best = [0, None]
            if self.substring:
                pred = (lambda t: tokens[0] in t) if len(tokens) == 1 else (lambda t: t.endswith(tokens[0]))
                starts = [w for w in sorted(self.pdf.words, key=Word.key) if pred(w.text)]
            else:
                starts = (self.pdf.by_text.get(tokens[0], []) if not fuzzy
                          else self._fuzzy_pool(tokens[0]))
            starts = [w for w in starts if w.idx not in self.used]
            after = [w for w in starts if w.key() > self.cursor]
            before = [w for w in starts if w.key() <= self.cursor]
            # the first match after the cursor (the reading position of the main flow) wins
            for s in after + before:
                path = self._extend(s, tokens, fuzzy, best)
                if path:
                    para.words = path
                    para.exact = not fuzzy
                    self.used.update(w.idx for w in path)
                    para.lines = group_lines(path)
                    if advance:
                        self.cursor = path[-1].key()
                    if fuzzy:
                        para.problem = 'text differs (matched ignoring diacritics/case): PDF %r' % (
                            ' '.join(w.text for w in path))
                    return True
            if not fuzzy:
                depth, path = best
                if path:
                    nxt = path[-1].right
                    para.problem = ('not found: PDF has %r then %r, markup expects %r' % (
                        ' '.join(w.text for w in path[-6:]), nxt.text if nxt else '<end of line>',
                        tokens[len(path)]))
                else:
                    para.problem = 'not found: no PDF word %r' % tokens[0]
        return False

    def _extend(self, start, tokens, fuzzy, best):
        """Depth-first search with backtracking for the rest of the tokens after start."""
        path, ids = [start], {start.idx}
        if len(tokens) == 1:
            return path
        self.last_token = len(tokens) == 2
        stack = [iter(self.next_candidates(path, tokens[1], ids, fuzzy))]
        steps = 0
        while stack:
            steps += 1
            if steps > 200000:
                return None
            if len(path) > best[0]:
                best[0], best[1] = len(path), list(path)
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                ids.discard(path[-1].idx)
                path.pop()
                continue
            path.append(nxt)
            ids.add(nxt.idx)
            if len(path) == len(tokens):
                return path
            self.last_token = len(path) == len(tokens) - 1
            stack.append(iter(self.next_candidates(path, tokens[len(path)], ids, fuzzy)))
        return None


def skeleton(s):
    d = unicodedata.normalize('NFD', s.replace('đ', 'd').replace('Đ', 'D'))
    return ''.join(c for c in d if not unicodedata.combining(c)).casefold()


def group_lines(words):
    lines = []
    for w in sorted(words, key=Word.key):
        if lines and lines[-1][0].page == w.page and abs(lines[-1][0].base - w.base) <= 1.5:
            lines[-1].append(w)
        else:
            lines.append([w])
    return [Line(ws) for ws in lines]


# --------------------------------------------------------------------------- the checker

class Result:
    def __init__(self, rule, title):
        self.rule, self.title = rule, title
        self.fails = []
        self.notes = []
        self.na = None

    def fail(self, msg):
        self.fails.append(msg)

    def note(self, msg):
        self.notes.append(msg)

    @property
    def ok(self):
        return not self.fails

    def line(self, verbose=False):
        if self.na is not None and not self.fails:
            return 'n/a rule %d: %s (%s)' % (self.rule, self.title, self.na)
        if self.fails:
            shown = self.fails if verbose else self.fails[:12]
            more = '' if len(shown) == len(self.fails) else ' | ... %d more' % (
                len(self.fails) - len(shown))
            return 'FAIL rule %d: %s: %s%s' % (self.rule, self.title, ' | '.join(shown), more)
        return 'ok rule %d: %s%s' % (self.rule, self.title,
                                     (' (' + '; '.join(self.notes) + ')') if self.notes else '')


class Checker:
    def __init__(self, pdf_path, markup_path, font_families=()):
        self.pdf_path = pdf_path
        self.pdf = Pdf(pdf_path)
        self.mk = Markup(markup_path)
        self.families = set(ACCEPTED_FAMILIES) | {f.lower().replace(' ', '') for f in font_families}
        self.party = self.mk.standard == 'party'
        self.results = []
        self._rule_cache = {}
        self.npages = len(self.pdf.pages)
        # page-number candidates: words in the top margin of pages >= 2
        self.top_words = collections.defaultdict(list)
        for w in self.pdf.words:
            if w.y0 < TOP - EPS:
                self.top_words[w.page].append(w)
        self.page_number_words = set()
        for p, ws in self.top_words.items():
            if p >= 2:
                for w in ws:
                    if w.text == str(p):
                        self.page_number_words.add(w.idx)
        self._match()

    # ------------------------------------------------------------------ matching
    def _match(self):
        m = Matcher(self.pdf, self.page_number_words)
        for para in self.mk.paras:
            if not para.text:
                continue
            m.match(para, advance=para.context == 'flow')
        for para in self.mk.paras:
            while para.repeatable and para.text and para.words:
                probe = Para(para.elem, para.role, 'table-repeat', para.seq, para.size)
                if not m.match(probe, advance=False, exact_only=True):
                    break
                para.repeats.append(probe.lines)
        self.unmatched = [w for w in self.pdf.words
                          if w.idx not in m.used]

    def para(self, role, context=None):
        p = self.mk.one(role, context)
        return p if p is not None and p.lines else None

    def header(self, role):
        return self.para(role, 'header')

    def body_paras(self):
        return [p for p in self.mk.paras if p.context == 'flow' and p.role in BODY_ROLES]

    # ------------------------------------------------------------------ run all
    def run(self):
        for n in range(1, 19):
            getattr(self, 'rule%d' % n)()
        return self.results

    def new(self, n, title):
        r = Result(n, title)
        self.results.append(r)
        return r

    # ------------------------------------------------------------------ rules 1-3
    def rule1(self):
        r = self.new(1, 'every page A4 portrait 595.28 x 841.89 pt +-0.5, rotation 0')
        out = run(['pdfinfo', '-f', '1', '-l', '100000', self.pdf_path]).stdout.decode('utf-8', 'replace')
        sizes = re.findall(r'^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts', out, re.M)
        rots = re.findall(r'^Page\s+(\d+) rot:\s+(-?\d+)', out, re.M)
        m = re.search(r'^Pages:\s+(\d+)', out, re.M)
        pages = int(m.group(1)) if m else 0
        if pages < 1:
            r.fail('pdfinfo reports %d pages' % pages)
        if len(sizes) != pages or len(rots) != pages:
            r.fail('pdfinfo gave %d sizes / %d rotations for %d pages' % (len(sizes), len(rots), pages))
        if pages != self.npages:
            r.fail('pdfinfo %d pages, pdftotext %d' % (pages, self.npages))
        for p, w, h in sizes:
            if abs(float(w) - PAGE_W) > 0.5 or abs(float(h) - PAGE_H) > 0.5:
                r.fail('page %s measured %s x %s pt expected 595.28 x 841.89' % (p, w, h))
        for p, rot in rots:
            if int(rot) % 360 != 0:
                r.fail('page %s rotation %s expected 0' % (p, rot))
        r.note('%d page(s)' % pages)

    def rule2(self):
        r = self.new(2, 'fonts embedded, Unicode, not Type 3, one Times-metric family, <= 4 faces')
        out = run(['pdffonts', self.pdf_path]).stdout.decode('utf-8', 'replace').splitlines()
        if len(out) < 2:
            r.fail('pdffonts printed no table')
            return
        cols = [(m.start(), m.end()) for m in re.finditer(r'-+', out[1])]
        if len(cols) < 7:
            r.fail('unexpected pdffonts header %r' % out[1])
            return
        faces, families = set(), set()
        rows = out[2:]
        if not rows:
            r.fail('no fonts listed')
        for line in rows:
            f = [line[s:e if i + 1 < len(cols) else None].strip() for i, (s, e) in enumerate(cols)]
            name, ftype, _enc, emb, _sub, uni = f[:6]
            if emb != 'yes':
                r.fail('%s emb %s expected yes' % (name, emb))
            if uni != 'yes':
                r.fail('%s uni %s expected yes' % (name, uni))
            if 'Type 3' in ftype:
                r.fail('%s is %s' % (name, ftype))
            base = name.split('+', 1)[-1]
            fam, style = re.split(r'[-,]', base, 1) if re.search(r'[-,]', base) else (base, '')
            famn = re.sub(r'(PSMT|PS|MT)$', '', fam).lower()
            stylen = re.sub(r'(PSMT|MT)$', '', style).lower()
            stylen = {'': 'regular', 'roman': 'regular', 'regular': 'regular', 'bold': 'bold',
                      'italic': 'italic', 'bolditalic': 'bolditalic', 'oblique': 'italic',
                      'boldoblique': 'bolditalic'}.get(stylen, stylen)
            families.add(famn)
            faces.add((famn, stylen))
            if famn not in self.families:
                r.fail('font %s family %r is not Times New Roman or a configured substitute (%s)' % (
                    name, fam, ', '.join(sorted(self.families))))
            if stylen not in ('regular', 'bold', 'italic', 'bolditalic'):
                r.fail('font %s face %r is not Regular/Bold/Italic/BoldItalic' % (name, style))
        if len(families) > 1:
            r.fail('%d families %s expected one' % (len(families), sorted(families)))
        if len(faces) > 4:
            r.fail('%d faces expected <= 4' % len(faces))
        r.note('%s' % ', '.join(sorted('%s %s' % f for f in faces)))

    def rule3(self):
        r = self.new(3, 'qpdf --check exits 0')
        p = run(['qpdf', '--check', self.pdf_path], check=False)
        if p.returncode != 0:
            msg = (p.stdout + p.stderr).decode('utf-8', 'replace').strip().splitlines()
            r.fail('exit %d: %s' % (p.returncode, ' / '.join(msg[-3:])))

    # ------------------------------------------------------------------ rules 4-6
    def rule4(self):
        r = self.new(4, 'no word outside x in [85.04, 552.76] pt +- eps')
        for w in self.pdf.words:
            if w.x0 < LEFT - EPS:
                r.fail('p%d %r xMin %.2f pt (%s) expected >= %s - eps' % (w.page, w.text, w.x0, fmt(w.x0), fmt(LEFT)))
            if w.x1 > RIGHT + EPS:
                r.fail('p%d %r xMax %.2f pt (%s) expected <= %s + eps' % (w.page, w.text, w.x1, fmt(w.x1), fmt(RIGHT)))

    def rule5(self):
        r = self.new(5, 'no word below y 785.20 pt, none above 56.69 pt except the page number')
        for w in self.pdf.words:
            if w.y1 > BOTTOM + EPS:
                r.fail('p%d %r yMax %.2f pt (%s) expected <= 277 mm + eps' % (w.page, w.text, w.y1, fmt(w.y1)))
            if w.y0 < TOP - EPS and w.idx not in self.page_number_words:
                r.fail('p%d %r yMin %.2f pt (%s) expected >= 20 mm - eps' % (w.page, w.text, w.y0, fmt(w.y0)))

    def rule6(self):
        r = self.new(6, 'page numbers: none on page 1, exactly "n" centred in the top margin from page 2')
        if self.top_words.get(1):
            r.fail('page 1 has %s in y < 20 mm' % self.top_words[1])
        lo, hi = (13.5, 14.5) if self.party else (12.5, 14.5)
        for p in range(2, self.npages + 1):
            ws = self.top_words.get(p, [])
            if len(ws) != 1:
                r.fail('page %d has %d words in y < 20 mm (%s) expected exactly 1' % (p, len(ws), ws))
                continue
            w = ws[0]
            if w.text != str(p):
                r.fail('page %d number reads %r expected %r' % (p, w.text, str(p)))
            if w.y0 < 5 * MM - EPS or w.y1 > 20 * MM + EPS:
                r.fail('page %d number y %s..%s expected inside 5..20 mm' % (p, fmt(w.y0), fmt(w.y1)))
            if abs(w.cx - CENTRE) > 2 * MM:
                r.fail('page %d number centre x %s expected 112.5 mm +-2' % (p, fmt(w.cx)))
            if w.size is None or not lo <= w.size <= hi:
                r.fail('page %d number size %s expected %s-%s pt' % (p, w.size, lo + 0.5, hi - 0.5))
            if w.bold:
                r.fail('page %d number is bold' % p)
        if self.npages >= 2:
            r.note('pages 2..%d numbered' % self.npages)

    # ------------------------------------------------------------------ rule 7
    def rule7(self):
        r = self.new(7, 'extracted text equals the NFC markup text, no U+FFFD, fixed strings exact')
        if '\ufffd' in self.pdf.raw_text:
            r.fail('U+FFFD in the extracted text')
        alltext = ' '.join(w.text for w in self.pdf.words)
        if not unicodedata.is_normalized('NFC', alltext):
            bad = [w.text for w in self.pdf.words if not unicodedata.is_normalized('NFC', w.text)]
            r.fail('extracted text not NFC: %s' % bad[:5])
        n = 0
        for p in self.mk.paras:
            if not p.text:
                continue
            n += 1
            if p.words is None or not p.exact:
                r.fail('%s/%s %r: %s' % (p.context, p.role, shorten(p.text), p.problem))
                continue
            got = ' '.join(' '.join(w.text for w in ln.words) for ln in p.lines)
            if got != p.text:
                r.fail('%s/%s: PDF %r markup %r' % (p.context, p.role, shorten(got), shorten(p.text)))
        if self.unmatched:
            r.fail('%d PDF word(s) belong to no markup paragraph: %s' % (
                len(self.unmatched), self.unmatched[:8]))
        fixed = [('heading', PARTY_HEADING if self.party else STATE_HEADING)]
        if not self.party:
            fixed.append(('motto', STATE_MOTTO))
        for role, want in fixed:
            p = self.mk.one(role, 'header')
            if p is None:
                r.fail('no header paragraph with role %s (%r)' % (role, want))
                continue
            got = ' '.join(w.text for w in p.words) if p.words else None
            if got != want:
                r.fail('%s reads %r expected %r' % (role, got, want))
        r.note('%d paragraphs' % n)

    # ------------------------------------------------------------------ rules 8-9
    def rule8(self):
        r = self.new(8, 'Party header: heading, issuer, "*", "Số" line')
        if not self.party:
            r.na = 'State document'
            return
        h, iss, star, num = (self.mk.one(x, 'header') for x in ('heading', 'issuer', 'star', 'number'))
        for name, p in (('heading', h), ('issuer', iss), ('star', star), ('number', num)):
            if p is None or not p.lines:
                r.fail('%s line missing in the PDF header' % name)
        if r.fails:
            return
        hl = h.lines[0]
        if len(h.lines) != 1 or hl.page != 1:
            r.fail('heading on %d line(s), page %d, expected one line on page 1' % (len(h.lines), hl.page))
        if hl.y0 > 23 * MM + EPS:
            r.fail('heading yMin %s expected <= 23 mm' % fmt(hl.y0))
        above = [w for w in self.pdf.by_page.get(1, []) if w.cx > CENTRE and w.y1 < hl.y0 + 0.5
                 and w.idx not in {x.idx for x in hl.words}]
        if above:
            r.fail('words above the heading in the right column: %s' % above[:4])
        if not hl.all_bold():
            r.fail('heading not bold: %s' % [w for w in hl.words if not w.bold])
        sz = hl.sizes()
        if not sz or any(abs(s - 15) > 0.5 for s in sz):
            r.fail('heading size %s expected 15 +-0.5 pt' % sorted(set(sz)))
        if hl.cx <= CENTRE:
            r.fail('heading centre %s expected > 112.5 mm' % fmt(hl.cx))
        for ln in iss.lines:
            if not ln.all_bold():
                r.fail('issuer line %r not bold' % ln.text)
            if any(abs(s - 14) > 0.5 for s in ln.sizes()) or not ln.sizes():
                r.fail('issuer line %r size %s expected 14' % (ln.text, sorted(set(ln.sizes()))))
            if ln.x1 > hl.x0:
                r.fail('issuer line %r ends at %s, not left of the heading (starts %s)' % (
                    ln.text, fmt(ln.x1), fmt(hl.x0)))
        sl = star.lines[0]
        if sl.text != '*':
            r.fail('star line reads %r' % sl.text)
        if sl.base <= iss.lines[-1].base:
            r.fail('"*" (baseline %s) not below the issuer (baseline %s)' % (fmt(sl.base), fmt(iss.lines[-1].base)))
        for ln in iss.lines:
            if abs(sl.cx - ln.cx) > 1.5 * MM:
                r.fail('"*" centre %s vs issuer line %r centre %s: off by %.2f mm expected <= 1.5' % (
                    fmt(sl.cx), ln.text, fmt(ln.cx), mm(abs(sl.cx - ln.cx))))
        nl = num.lines
        if len(nl) != 1:
            r.fail('"Số" on %d lines expected 1' % len(nl))
        nl = nl[0]
        if nl.base <= sl.base:
            r.fail('"Số" line not below "*"')
        if abs(nl.cx - sl.cx) > 2 * MM:
            r.fail('"Số" centre %s vs "*" %s: off by %.2f mm expected <= 2' % (
                fmt(nl.cx), fmt(sl.cx), mm(abs(nl.cx - sl.cx))))
        r.note('heading top %s, "*" %.2f mm off the issuer, "Số" %.2f mm off "*"' % (
            fmt(hl.y0), mm(max(abs(sl.cx - ln.cx) for ln in iss.lines)), mm(abs(nl.cx - sl.cx))))
        text = ' '.join(w.text for w in num.words)
        if self.is_draft():
            if not re.match(r'^Số -[A-ZĐ][A-Za-zĐ]*/[A-ZĐ]+$', text):
                r.fail('draft number line %r expected "Số -KIND/ISSUER"' % text)
            r.note('draft: %r' % text)
        elif not re.match(r'^Số \d{2,}-[A-ZĐ][A-Za-zĐ]*/[A-ZĐ]+$', text):
            r.fail('number line %r does not match ^Số \\d{2,}-KIND/ISSUER$' % text)

    def is_draft(self):
        p = self.mk.one('number', 'header')
        return p is not None and not re.search(r'\d', p.text)

    def rule9(self):
        r = self.new(9, 'State header: Quốc hiệu, Tiêu ngữ, "Số:" line, issuer')
        if self.party:
            r.na = 'Party document'
            return
        h, motto, iss, num = (self.mk.one(x, 'header') for x in ('heading', 'motto', 'issuer', 'number'))
        for name, p in (('Quốc hiệu', h), ('Tiêu ngữ', motto), ('issuer', iss), ('number', num)):
            if p is None or not p.lines:
                r.fail('%s line missing in the PDF header' % name)
        if r.fails:
            return
        if len(h.lines) != 1 or len(motto.lines) != 1:
            r.fail('Quốc hiệu on %d lines, Tiêu ngữ on %d, expected 1 each' % (len(h.lines), len(motto.lines)))
        hl, ml = h.lines[0], motto.lines[0]
        if abs(hl.cx - ml.cx) > 1 * MM:
            r.fail('Tiêu ngữ centre %s vs Quốc hiệu %s: off by %.2f mm expected <= 1' % (
                fmt(ml.cx), fmt(hl.cx), mm(abs(hl.cx - ml.cx))))
        text = ' '.join(w.text for w in num.words)
        if self.is_draft():
            if not re.match(r'^Số: /[A-ZĐ]+-[A-ZĐ]+$', text):
                r.fail('draft number line %r expected "Số: /KIND-ISSUER"' % text)
        elif not re.match(r'^Số: \d{2,}/[A-ZĐ]+-[A-ZĐ]+$', text):
            r.fail('number line %r does not match ^Số: \\d{2,}/KIND-ISSUER$' % text)
        nl = num.lines[0]
        r.note('Tiêu ngữ %.2f mm off Quốc hiệu, issuer %.2f mm off "Số"' % (
            mm(abs(hl.cx - ml.cx)), mm(max(abs(ln.cx - nl.cx) for ln in iss.lines))))
        for ln in iss.lines:
            if abs(ln.cx - nl.cx) > 2 * MM:
                r.fail('issuer line %r centre %s vs "Số" %s: off by %.2f mm expected <= 2' % (
                    ln.text, fmt(ln.cx), fmt(nl.cx), mm(abs(ln.cx - nl.cx))))

    # ------------------------------------------------------------------ rule 10
    def rule10(self):
        r = self.new(10, 'date line: format, italic, right column, below the rule, level with "Số"')
        d = self.mk.one('date', 'header')
        if d is None or not d.text:
            if not self.party and self.mk.kind == 'minutes':
                r.na = 'State minutes have no date line (NĐ 30 Mẫu 1.9)'
            else:
                r.fail('no date line in the header')
            return
        if not d.lines:
            r.fail('date line %r not found in the PDF' % d.text)
            return
        text = ' '.join(w.text for w in d.words)
        if self.is_draft():
            if not re.match(r'^.+, ngày tháng năm \d{4}$', text):
                r.fail('draft date line %r expected "<place>, ngày tháng năm YYYY"' % text)
            r.note('draft')
        elif not re.match(r'^.+, ngày (0[1-9]|[12]\d|3[01]) tháng (0[12]|[3-9]|1[0-2]) năm \d{4}$', text):
            r.fail('date line %r does not match the date pattern' % text)
        if len({(ln.page, round(ln.base)) for ln in d.lines}) != 1:
            r.fail('date on %d lines expected 1' % len(d.lines))
        dl = d.lines[0]
        if not all(ln.all_italic() for ln in d.lines):
            r.fail('date not italic: %s' % [w for w in d.words if not w.italic])
        if any(w.bold for w in d.words):
            r.fail('date bold')
        x0 = min(ln.x0 for ln in d.lines)
        num = self.mk.one('number', 'header')
        if dl.cx <= CENTRE:
            r.fail('date centre %s expected in the right column (> 112.5 mm)' % fmt(dl.cx))
        if num is not None and num.lines and x0 < num.lines[0].x1:
            r.fail('date starts at %s, left of the end of the "Số" line %s' % (fmt(x0), fmt(num.lines[0].x1)))
        anchor = self.mk.one('heading', 'header') if self.party else self.mk.one('motto', 'header')
        if anchor is not None and anchor.lines:
            rl = self.header_rule(anchor)
            limit = rl['bottom'] if rl else anchor.lines[-1].y1
            what = 'rule under the %s' % ('heading' if self.party else 'Tiêu ngữ') if rl else 'heading text'
            if dl.y0 < limit - 0.1:
                r.fail('date top %s is above the bottom of the %s (%s)' % (fmt(dl.y0), what, fmt(limit)))
        if num is not None and num.lines:
            diff = abs(dl.base - num.lines[-1].base)
            r.note('baseline %.2f mm from the "Số" line' % mm(diff))
            if diff > 2 * MM:
                r.fail('date baseline %s vs "Số" baseline %s: %.2f mm apart expected <= 2' % (
                    fmt(dl.base), fmt(num.lines[-1].base), mm(diff)))

    # ------------------------------------------------------------------ rule 11
    def rule11(self):
        r = self.new(11, 'title and trích yếu')
        t = self.para('title', 'flow')
        if t is None:
            r.fail('no title line found (markup %r)' % self.mk.title_text)
            return
        text = ' '.join(w.text for w in t.words)
        if text not in TITLES:
            r.fail('title %r expected one of %s' % (text, list(TITLES)))
        if text != text.upper():
            r.fail('title %r not CAPS' % text)
        tl = t.lines[0]
        if len(t.lines) != 1:
            r.fail('title on %d lines' % len(t.lines))
        if not tl.all_bold():
            r.fail('title not bold')
        if abs(tl.cx - CENTRE) > 2 * MM:
            r.fail('title centre %s expected 112.5 mm +-2' % fmt(tl.cx))
        lo, hi = (15, 16) if self.party else (13, 14)
        sz = tl.sizes()
        if not sz or any(not lo - 0.5 <= s <= hi + 0.5 for s in sz):
            r.fail('title size %s expected %d-%d pt +-0.5' % (sorted(set(sz)), lo, hi))
        hdr = [w for p in self.mk.paras if p.context == 'header' and p.words for w in p.words
               if w.page == tl.page]
        if hdr:
            low = max(w.y1 for w in hdr)
            r.note('title %s pt, %.2f mm off centre, %.2f mm below the header' % (
                '/'.join('%g' % x for x in sorted(set(sz))), mm(abs(tl.cx - CENTRE)), mm(tl.y0 - low)))
            if tl.y0 - low < 4 * MM - EPS:
                r.fail('title top %s only %.2f mm below the lowest header line (%s) expected >= 4' % (
                    fmt(tl.y0), mm(tl.y0 - low), fmt(low)))
        s = self.para('summary', 'flow')
        if s is None:
            r.fail('no trích yếu line found')
            return
        for ln in s.lines:
            if not ln.all_bold():
                r.fail('trích yếu line %r not bold' % ln.text)
            if abs(ln.cx - CENTRE) > 2 * MM:
                r.fail('trích yếu line %r centre %s expected 112.5 mm +-2' % (shorten(ln.text), fmt(ln.cx)))
        first = s.words[0].text[0]
        if self.party and not first.islower():
            r.fail('Party trích yếu starts %r, expected lower-case' % first)
        if not self.party and not first.isupper():
            r.fail('State trích yếu starts %r, expected upper-case' % first)
        if s.lines[0].base <= tl.base:
            r.fail('trích yếu not below the title')
        dash = self.mk.one('dashes', 'flow')
        if self.party:
            if dash is None or not dash.lines:
                r.fail('no "-----" line after the trích yếu')
                return
            dl = dash.lines[0]
            if dl.text != '-----':
                r.fail('dash line reads %r expected "-----"' % dl.text)
            if abs(dl.cx - CENTRE) > 2 * MM:
                r.fail('"-----" centre %s expected 112.5 mm +-2' % fmt(dl.cx))
            sl = s.lines[-1]
            between = [w for w in self.pdf.by_page.get(dl.page, [])
                       if (sl.page != dl.page or w.base > sl.base + 1) and w.base < dl.base - 1]
            if dl.page != sl.page or between or dl.base <= sl.base:
                r.fail('"-----" is not the line right after the trích yếu (%s in between)' % between[:3])
        elif dash is not None:
            r.fail('State document has a "-----" line (expects a drawn rule)')

    # ------------------------------------------------------------------ rule 12
    def header_rule(self, para):
        """The drawn rule right under a header/flow paragraph, or None."""
        key = id(para)
        if key in self._rule_cache:
            return self._rule_cache[key]
        ln = para.lines[-1]
        rules = self.pdf.hrules(ln.page, ln.x0 - 15 * MM, ln.x1 + 15 * MM,
                                ln.base + 0.1 * MM, ln.base + 8 * MM, 4.0)
        rules = [x for x in rules if x['x1'] > ln.x0 and x['x0'] < ln.x1]
        rules.sort(key=lambda x: x['top'])
        res = rules[0] if rules else None
        self._rule_cache[key] = res
        return res

    def rule12(self):
        r = self.new(12, 'drawn rules (300 dpi render)')
        if self.party:
            h = self.header('heading')
            if h is None:
                r.fail('no heading to measure')
                return
            hl = h.lines[-1]
            rl = self.header_rule(h)
            if rl is None:
                r.fail('no rule under "ĐẢNG CỘNG SẢN VIỆT NAM" (searched 0.1-8 mm below its baseline)')
            else:
                self._check_rule(r, 'heading rule', rl, hl, hl.width, hl.width)
                gap = rl['top'] - hl.base
                if not 0.5 * MM <= gap <= 3 * MM:
                    r.fail('heading rule top %.2f mm below the baseline expected 0.5-3' % mm(gap))
                r.note('heading rule %.2f mm long (heading %.2f), %.2f mm thick, %.2f mm below baseline' % (
                    mm(rl['length']), mm(hl.width), mm(rl['thickness']), mm(gap)))
            iss, num = self.header('issuer'), self.header('number')
            if iss is not None:
                il = iss.lines[-1]
                bottom = num.lines[0].base - 0.75 * num.lines[0].words[0].esize if num else il.base + 10 * MM
                found = [x for x in self.pdf.hrules(il.page, il.x0 - 2 * MM, il.x1 + 2 * MM,
                                                    il.base + 0.1 * MM, bottom, 4.0)]
                if found:
                    r.fail('rule under the Party issuer: %.2f mm long at %s' % (mm(found[0]['length']), fmt(found[0]['top'])))
            s = self.para('summary', 'flow')
            if s is not None:
                found = self._rules_below(s)
                if found:
                    r.fail('drawn rule under the Party trích yếu (%.2f mm long): Party uses "-----"' % mm(found[0]['length']))
            return
        motto = self.header('motto')
        if motto is None:
            r.fail('no Tiêu ngữ to measure')
        else:
            ml = motto.lines[-1]
            rl = self.header_rule(motto)
            if rl is None:
                r.fail('no rule under the Tiêu ngữ')
            else:
                self._check_rule(r, 'Tiêu ngữ rule', rl, ml, ml.width, ml.width)
                r.note('Tiêu ngữ rule %.2f mm (text %.2f)' % (mm(rl['length']), mm(ml.width)))
        iss = self.header('issuer')
        if iss is None:
            r.fail('no issuer to measure')
        else:
            il = iss.lines[-1]
            rl = self.header_rule(iss)
            if rl is None:
                r.fail('no rule under the issuer')
            else:
                self._check_rule(r, 'issuer rule', rl, il, il.width / 3, il.width / 2)
                r.note('issuer rule %.2f mm (line %.2f)' % (mm(rl['length']), mm(il.width)))
        s = self.para('summary', 'flow')
        if s is None:
            r.fail('no trích yếu to measure')
        else:
            sl = s.lines[-1]
            found = self._rules_below(s)
            if not found:
                r.fail('no rule under the trích yếu')
            else:
                self._check_rule(r, 'trích yếu rule', found[0], sl, sl.width / 3, sl.width / 2)
                r.note('trích yếu rule %.2f mm (line %.2f)' % (mm(found[0]['length']), mm(sl.width)))

    def _rules_below(self, s):
        sl = s.lines[-1]
        nxt = [p for p in self.body_paras() if p.lines]
        limit = sl.base + 12 * MM
        if nxt and nxt[0].lines[0].page == sl.page:
            limit = min(limit, nxt[0].lines[0].y0)
        found = self.pdf.hrules(sl.page, LEFT - 5 * MM, RIGHT + 5 * MM, sl.base + 0.1 * MM, limit, 6.0)
        return sorted(found, key=lambda x: x['top'])

    def _check_rule(self, r, name, rl, ln, lo, hi):
        if rl['thickness'] < 0.15 * MM:
            r.fail('%s %.3f mm thick expected >= 0.15' % (name, mm(rl['thickness'])))
        if not lo - 1 * MM <= rl['length'] <= hi + 1 * MM:
            if abs(lo - hi) < 0.01:
                r.fail('%s length %.2f mm expected %.2f +-1' % (name, mm(rl['length']), mm(lo)))
            else:
                r.fail('%s length %.2f mm expected %.2f-%.2f (+-1)' % (name, mm(rl['length']), mm(lo), mm(hi)))
        if abs(rl['cx'] - ln.cx) > 1 * MM:
            r.fail('%s centre %s vs text %s: off by %.2f mm expected <= 1' % (
                name, fmt(rl['cx']), fmt(ln.cx), mm(abs(rl['cx'] - ln.cx))))

    # ------------------------------------------------------------------ rules 13-14
    def pitch_of(self, p):
        ps = [b.base - a.base for a, b in zip(p.lines, p.lines[1:]) if a.page == b.page]
        return ps

    def rule13(self):
        r = self.new(13, 'body paragraphs: indent, justification, line pitch, paragraph spacing')
        paras = [p for p in self.body_paras() if p.lines]
        if not paras:
            r.fail('no body paragraph found')
            return
        indent = self.mk.indent or 10 * MM
        if not 10 * MM - 0.01 <= indent <= 12.7 * MM + 0.01:
            r.fail('configured indent %.2f mm outside 10-12.7' % mm(indent))
        size = self.mk.body_size
        lo, hi = 1.0 * 1.15 * size, 1.5 * 1.15 * size
        all_pitches = []
        for p in paras:
            tag = '%s %r' % (p.role, shorten(p.text, 30))
            f = p.lines[0]
            if p.elem.get('align') == 'center':
                # a centred heading ("Phần I", §2.2) is centred, not indented or justified
                for ln in p.lines:
                    if abs(ln.cx - CENTRE) > 2 * MM:
                        r.fail('%s (align=center) line centre %s expected 112.5 mm +-2' % (tag, fmt(ln.cx)))
            elif abs(f.x0 - (LEFT + indent)) > EPS:
                r.fail('%s first line starts at %s expected %.2f mm +-0.5' % (tag, fmt(f.x0), mm(LEFT + indent)))
            for i, ln in enumerate(p.lines if p.elem.get('align') != 'center' else []):
                if i > 0 and abs(ln.x0 - LEFT) > EPS:
                    r.fail('%s line %d starts at %s expected 30 mm +-0.5' % (tag, i + 1, fmt(ln.x0)))
                if i < len(p.lines) - 1 and abs(ln.x1 - RIGHT) > EPS:
                    r.fail('%s line %d ends at %s expected 195 mm +-0.5 (justified)' % (tag, i + 1, fmt(ln.x1)))
            ps = self.pitch_of(p)
            all_pitches += ps
            if ps:
                med = sorted(ps)[len(ps) // 2]
                for x in ps:
                    if abs(x - med) > 0.5:
                        r.fail('%s pitch %.2f pt vs %.2f in the same paragraph (> 0.5)' % (tag, x, med))
                        break
                for x in ps:
                    if not lo - 0.01 <= x <= hi + 0.01:
                        r.fail('%s pitch %.2f pt expected %.2f-%.2f (1.0-1.5 x 1.15 x %g)' % (tag, x, lo, hi, size))
                        break
        doc_pitch = sorted(all_pitches)[len(all_pitches) // 2] if all_pitches else (self.mk.line_height or 1.15 * size)
        gaps = []
        for a, b in zip(paras, paras[1:]):
            if b.seq != a.seq + 1:
                continue        # something else (table, rule) between them
            la, lb = a.lines[-1], b.lines[0]
            if la.page != lb.page:
                continue
            pa, pb = self.pitch_of(a), self.pitch_of(b)
            pitch = (pa or pb or [doc_pitch])[0]
            gap = lb.base - la.base
            gaps.append(gap - pitch)
            if gap - pitch < 6 - 0.5:
                r.fail('%r -> %r: baselines %.2f pt apart, pitch %.2f: extra %.2f pt expected >= 5.5' % (
                    shorten(a.text, 25), shorten(b.text, 25), gap, pitch, gap - pitch))
        r.note('%d paragraphs, pitch %.2f pt, extra space between paragraphs %s' % (
            len(paras), doc_pitch, ('%.2f-%.2f pt' % (min(gaps), max(gaps))) if gaps else 'n/a'))

    def rule14(self):
        r = self.new(14, 'one body font size')
        sizes = [w.size for p in self.body_paras() if p.words for w in p.words]
        missing = sum(1 for s in sizes if s is None)
        sizes = [s for s in sizes if s is not None]
        if missing:
            r.fail('%d body words without a font size from pdftohtml' % missing)
        if not sizes:
            r.fail('no body words')
            return
        med = sorted(sizes)[len(sizes) // 2]
        odd = collections.Counter(s for s in sizes if abs(s - med) > 0.5)
        if odd:
            r.fail('body sizes %s differ from %g pt' % (dict(odd), med))
        lo, hi = (14, 15) if self.party else (13, 14)
        if not lo - 0.5 <= med <= hi + 0.5:
            r.fail('body size %g pt outside %d-%d (spec %s)' % (med, lo, hi, '§1.1' if self.party else '§2.1'))
        r.note('%g pt' % med)

    # ------------------------------------------------------------------ rules 15-16
    def rule15(self):
        r = self.new(15, 'signature block 7a/7b/7c')
        a, t, n = (self.mk.one(x) for x in ('authority', 'signer-title', 'signer-name'))
        if a is None and t is None and n is None:
            if self.mk.kind == 'minutes':
                r.na = 'minutes: rule 17'
            else:
                r.fail('no signature block in the markup')
            return
        for name, p in (('7a authority', a), ('7b title', t), ('7c name', n)):
            if p is None or not p.lines:
                r.fail('%s not found in the PDF' % name)
        if r.fails:
            return
        ref = a.lines[0].cx
        for name, p in (('7a', a), ('7b', t), ('7c', n)):
            for ln in p.lines:
                if abs(ln.cx - ref) > 2 * MM:
                    r.fail('%s %r centre %s vs 7a %s: off by %.2f mm expected <= 2' % (
                        name, ln.text, fmt(ln.cx), fmt(ref), mm(abs(ln.cx - ref))))
        if ref <= CENTRE:
            r.fail('signature centre %s expected > 112.5 mm' % fmt(ref))
        if not all(ln.all_bold() for ln in a.lines):
            r.fail('7a %r not bold' % a.text)
        if not all(ln.all_bold() for ln in n.lines):
            r.fail('7c %r not bold' % n.text)
        tb, nt = t.lines[-1], n.lines[0]
        if tb.page == nt.page:
            dist = nt.y0 - tb.base
            if dist < 18 * MM - EPS:
                r.fail('7b baseline to 7c top %.2f mm expected >= 18' % mm(dist))
            r.note('signature space %.2f mm' % mm(dist))
        else:
            r.fail('7b on page %d, 7c on page %d' % (tb.page, nt.page))
        if a.lines[0].page != n.lines[-1].page:
            r.fail('7a on page %d, 7c on page %d' % (a.lines[0].page, n.lines[-1].page))
        page = n.lines[-1].page
        body_lines = sum(1 for p in self.body_paras() for ln in p.lines if ln.page == page)
        if body_lines < 2:
            r.fail('signature page %d holds %d body line(s) expected >= 2' % (page, body_lines))

    def rule16(self):
        r = self.new(16, 'Nơi nhận')
        label = self.mk.one('recipients-label')
        items = [p for p in self.mk.get('recipient')]
        if label is None:
            if self.mk.kind == 'minutes':
                r.na = 'no Nơi nhận in these minutes'
            else:
                r.fail('no "Nơi nhận:" in the markup')
            return
        if not label.lines:
            r.fail('"Nơi nhận:" not found in the PDF')
            return
        ll = label.lines[0]
        if label.text != 'Nơi nhận:':
            r.fail('label reads %r' % label.text)
        a = self.mk.one('authority')
        if a is not None and a.lines:
            al = a.lines[0]
            if al.page != ll.page or abs(al.y0 - ll.y0) > 2 * MM:
                r.fail('label top %s (p%d) vs 7a top %s (p%d) expected within 2 mm' % (
                    fmt(ll.y0), ll.page, fmt(al.y0), al.page))
        for p in [label] + items:
            if p.lines and abs(p.lines[0].x0 - LEFT) > EPS:
                r.fail('%r starts at %s expected 30 mm +-0.5' % (shorten(p.text, 25), fmt(p.lines[0].x0)))
        if not items:
            r.fail('no recipients')
        lsz = ll.sizes()
        if self.party:
            if not lsz or any(abs(s - 14) > 0.5 for s in lsz):
                r.fail('label size %s expected 14' % sorted(set(lsz)))
            if ll.any_bold():
                r.fail('Party label is bold')
            under = self.pdf.hrules(ll.page, ll.x0 - 10 * MM, ll.x1 + 10 * MM, ll.base + 0.1 * MM,
                                    ll.base + 3 * MM, 4.0)
            under = [x for x in under if x['x1'] > ll.x0 and x['x0'] < ll.x1]
            if not under:
                r.fail('"Nơi nhận:" has no rendered underline (0.1-3 mm below its baseline)')
            else:
                u = max(under, key=lambda x: x['length'])
                if abs(u['length'] - ll.width) > 1 * MM:
                    r.fail('underline %.2f mm long, label %.2f mm (expected +-1)' % (mm(u['length']), mm(ll.width)))
                if abs(u['cx'] - ll.cx) > 1 * MM:
                    r.fail('underline centre off the label by %.2f mm' % mm(abs(u['cx'] - ll.cx)))
                if u['thickness'] < 0.15 * MM:
                    r.fail('underline %.3f mm thick expected >= 0.15' % mm(u['thickness']))
            isz, sep = 12, ','
        else:
            if not lsz or any(abs(s - 12) > 0.5 for s in lsz):
                r.fail('label size %s expected 12' % sorted(set(lsz)))
            if not (ll.all_bold() and ll.all_italic()):
                r.fail('State label not bold italic')
            isz, sep = 11, ';'
        for i, p in enumerate(items):
            if not p.lines:
                continue
            text = ' '.join(w.text for w in p.words)
            sz = [s for ln in p.lines for s in ln.sizes()]
            if not sz or any(abs(s - isz) > 0.5 for s in sz):
                r.fail('item %r size %s expected %d' % (shorten(text, 25), sorted(set(sz)), isz))
            if not text.startswith('- '):
                r.fail('item %r does not start "- "' % shorten(text, 25))
            last = i == len(items) - 1
            if not last and not text.endswith(sep):
                r.fail('item %r does not end %r' % (shorten(text, 30), sep))
            if last:
                if self.party and not (text.startswith('- Lưu') and text.endswith('.')):
                    r.fail('last item %r expected "- Lưu…."' % text)
                if not self.party and not re.match(r'^- Lưu: VT(, .+)?\.$', text):
                    r.fail('last item %r does not match ^- Lưu: VT(, .+)?\\.$' % text)
            if p.lines and p.lines[0].page != ll.page:
                r.fail('item %r on page %d, label on %d' % (shorten(text, 25), p.lines[0].page, ll.page))
        r.note('%d item(s)' % len(items))

    # ------------------------------------------------------------------ rules 17-18
    def rule17(self):
        r = self.new(17, 'minutes signatures')
        if self.mk.kind != 'minutes':
            r.na = self.mk.kind
            return
        lt, rt = self.mk.one('left-title'), self.mk.one('right-title')
        ln_, rn = self.mk.one('left-name'), self.mk.one('right-name')
        want = ('NGƯỜI GHI BIÊN BẢN', 'CHỦ TRÌ HỘI NGHỊ') if self.party else ('THƯ KÝ', 'CHỦ TỌA')
        for name, p in (('left title', lt), ('right title', rt), ('left name', ln_), ('right name', rn)):
            if p is None or not p.lines:
                r.fail('%s not found' % name)
        if r.fails:
            return
        got = (' '.join(w.text for w in lt.words), ' '.join(w.text for w in rt.words))
        if got != want:
            r.fail('titles %r expected %r' % (got, want))
        a, b = lt.lines[0], rt.lines[0]
        r.note('titles %.2f pt apart vertically, centres %s / %s' % (abs(a.base - b.base), fmt(a.cx), fmt(b.cx)))
        if a.page != b.page or abs(a.base - b.base) > 1.0:
            r.fail('title baselines %.2f (p%d) / %.2f (p%d) expected equal +-1 pt' % (a.base, a.page, b.base, b.page))
        if not a.cx < CENTRE < b.cx:
            r.fail('title centres %s / %s expected either side of 112.5 mm' % (fmt(a.cx), fmt(b.cx)))
        c, d = ln_.lines[0], rn.lines[0]
        if c.page != d.page or abs(c.base - d.base) > 1.0:
            r.fail('name baselines %.2f / %.2f expected equal +-1 pt (§1.6 "same height")' % (c.base, d.base))
        close = self.para('closing', 'flow')
        if close is None:
            r.fail('no closing end-time sentence')
        else:
            if 'kết thúc' not in close.text:
                r.fail('closing %r has no "kết thúc"' % shorten(close.text))
            cl = close.lines[-1]
            if (cl.page, cl.y1) >= (a.page, a.y0):
                r.fail('closing sentence (p%d, bottom %s) does not precede the titles (p%d, top %s)' % (
                    cl.page, fmt(cl.y1), a.page, fmt(a.y0)))

    def rule18(self):
        r = self.new(18, 'no trailing blank page')
        last = self.npages
        roles = ('authority', 'signer-title', 'signer-name', 'recipients-label', 'recipient',
                 'left-title', 'right-title', 'left-name', 'right-name')
        on_last = [p.role for p in self.mk.paras if p.role in roles for ln in p.lines if ln.page == last]
        if not on_last:
            r.fail('last page %d holds neither the signature block nor Nơi nhận' % last)
        for p in range(1, last + 1):
            ws = [w for w in self.pdf.by_page.get(p, []) if w.idx not in self.page_number_words]
            if not ws:
                r.fail('page %d is blank' % p)


def shorten(s, n=50):
    return s if len(s) <= n else s[:n - 1] + '…'


def check(pdf, markup, font_families=()):
    """Runs every rule; returns the list of Result."""
    return Checker(pdf, markup, font_families).run()


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('pdf')
    ap.add_argument('markup')
    ap.add_argument('-v', '--verbose', action='store_true', help='print every failure detail')
    ap.add_argument('--font-family', action='append', default=[],
                    help='accept this font family too (a configured metric-compatible substitute)')
    a = ap.parse_args(argv)
    try:
        chk = Checker(a.pdf, a.markup, a.font_family)
        results = chk.run()
    except Exception as e:     # a tool failed or a file is unreadable: that is a failure
        print('FAIL %s: %s: %s' % (a.pdf, type(e).__name__, e))
        return 1
    print('# %s (%s %s, %d page(s))' % (a.pdf, chk.mk.standard, chk.mk.kind, chk.npages))
    for res in results:
        print(res.line(a.verbose))
    return 0 if all(res.ok for res in results) else 1


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
