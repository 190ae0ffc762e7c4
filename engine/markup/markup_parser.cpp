#include "markup/markup_parser.hpp"

#include <pugixml.hpp>

#include <cstdlib>
#include <map>
#include <set>

#include "base/text.hpp"

namespace vanban {

namespace {

/// Which attributes and children each element accepts: the one table that
/// drives both parsing and template linting.
struct ElementRule {
  std::set<std::string> attributes;
  std::set<std::string> children;
  bool text = false; ///< may hold text directly
};

const std::set<std::string> kParagraphAttrs = {"align",   "size",           "line-height",
                                               "indent",  "space-before",   "space-after",
                                               "balance", "keep-with-next", "role"};
const std::set<std::string> kInline = {"b", "i", "u"};

const std::map<std::string, ElementRule>& rules() {
  static const std::map<std::string, ElementRule> table = {
      {"document",
       {{"title", "author", "subject", "keywords", "lang", "date"},
        {"page", "body", "p", "rule", "space", "grid", "table", "ol"}}},
      {"page",
       {{"width", "height", "margin-top", "margin-bottom", "margin-left", "margin-right",
         "page-numbers", "page-number-from", "page-number-size", "page-number-baseline"},
        {}}},
      {"body", {{"size", "line-height", "indent", "space-after", "align"}, {}}},
      {"p", {kParagraphAttrs, kInline, true}},
      {"b", {{}, kInline, true}},
      {"i", {{}, kInline, true}},
      {"u", {{}, kInline, true}},
      {"rule", {{"width", "thickness", "gap", "space-after"}, {}}},
      {"space", {{"height"}, {}}},
      {"grid", {{"columns", "keep", "lines-before", "space-before", "role"}, {"row"}}},
      {"row", {{"space-before"}, {"cell"}}},
      {"cell", {{"align", "bold"}, {"p", "rule", "space", "ol"}}},
      {"table",
       {{"columns", "header-rows", "border", "padding", "space-before", "space-after"}, {"tr"}}},
      {"tr", {{}, {"td"}}},
      {"td", {{"align", "bold"}, {"p", "b", "i", "u"}, true}},
      {"ol",
       {{"format", "start", "align", "size", "line-height", "indent", "space-before", "space-after",
         "role"},
        {"li"}}},
      {"li", {kParagraphAttrs, kInline, true}},
  };
  return table;
}

bool is_blank(const char* s) {
  for (; *s != '\0'; ++s) {
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r') {
      return false;
    }
  }
  return true;
}

/// Mustache tags inside a template are text to XML; attribute values holding one
/// are checked after expansion, not here.
bool has_template_tag(const char* s) {
  return std::string_view(s).find("{{") != std::string_view::npos;
}

class Reader {
public:
  Reader(const SourceFile& file, Diagnostics& out, bool template_lint)
      : file_(file), out_(out), lint_(template_lint) {}

  Location at(const pugi::xml_node& n) const {
    auto offset = n.offset_debug();
    auto o = offset < 0 ? std::size_t{0} : static_cast<std::size_t>(offset);
    // pugixml points at an element's name; the reader looks for its '<'.
    if (o > 0 && file_.text()[o - 1] == '<') {
      --o;
    }
    return file_.locate(o);
  }

  void error(const pugi::xml_node& n, Msg msg, std::vector<std::string> args) {
    out_.error(file_.name(), at(n), "", msg, std::move(args));
  }

  /// Check names of attributes and children against the table.
  void check_shape(const pugi::xml_node& n) {
    auto it = rules().find(n.name());
    if (it == rules().end()) {
      return;
    }
    for (const pugi::xml_attribute& a : n.attributes()) {
      if (!it->second.attributes.contains(a.name())) {
        error(n, Msg::markup_unknown_attribute, {a.name(), n.name()});
      }
    }
    for (const pugi::xml_node& c : n.children()) {
      if (c.type() == pugi::node_element) {
        if (!it->second.children.contains(c.name())) {
          error(c, Msg::markup_unknown_element, {c.name(), n.name()});
        } else if (lint_) {
          check_shape(c);
        }
      } else if (c.type() == pugi::node_pcdata && !it->second.text && !is_blank(c.value()) &&
                 !(lint_ && has_template_tag(c.value()))) {
        error(c, Msg::markup_unknown_element, {"text", n.name()});
      }
    }
  }

  // ---- attribute values ------------------------------------------------------

  double length(const pugi::xml_node& n, const char* name, double fallback) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a) {
      return fallback;
    }
    std::string v = a.value();
    char* end = nullptr;
    double number = std::strtod(v.c_str(), &end);
    std::string unit = end != nullptr ? end : "";
    if (end == v.c_str() || number < 0 || number > 10000) {
      bad(n, name, v, bilingual("độ dài như 10mm hoặc 12pt", "a length such as 10mm or 12pt"));
      return fallback;
    }
    if (unit == "mm")
      return mm(number);
    if (unit == "pt" || unit.empty())
      return number;
    bad(n, name, v, bilingual("độ dài như 10mm hoặc 12pt", "a length such as 10mm or 12pt"));
    return fallback;
  }

  int integer(const pugi::xml_node& n, const char* name, int fallback, int min, int max) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a) {
      return fallback;
    }
    char* end = nullptr;
    long v = std::strtol(a.value(), &end, 10);
    if (end == a.value() || *end != '\0' || v < min || v > max) {
      bad(n, name, a.value(),
          bilingual("số nguyên từ " + std::to_string(min) + " đến " + std::to_string(max),
                    "a whole number from " + std::to_string(min) + " to " + std::to_string(max)));
      return fallback;
    }
    return static_cast<int>(v);
  }

  bool flag(const pugi::xml_node& n, const char* name, bool fallback) {
    pugi::xml_attribute a = n.attribute(name);
    if (!a) {
      return fallback;
    }
    std::string v = a.value();
    if (v == "true" || v == "yes")
      return true;
    if (v == "false" || v == "no")
      return false;
    bad(n, name, v, bilingual("true hoặc false", "true or false"));
    return fallback;
  }

  Align align(const pugi::xml_node& n, Align fallback) {
    pugi::xml_attribute a = n.attribute("align");
    if (!a) {
      return fallback;
    }
    std::string v = a.value();
    if (v == "left")
      return Align::left;
    if (v == "center")
      return Align::center;
    if (v == "right")
      return Align::right;
    if (v == "justify")
      return Align::justify;
    bad(n, "align", v, "left, center, right, justify");
    return fallback;
  }

  std::vector<double> columns(const pugi::xml_node& n) {
    std::vector<double> out;
    std::string v = n.attribute("columns").value();
    std::size_t i = 0;
    while (i < v.size()) {
      while (i < v.size() && v[i] == ' ')
        ++i;
      std::size_t j = v.find(' ', i);
      std::string item = v.substr(i, j == std::string::npos ? std::string::npos : j - i);
      i = j == std::string::npos ? v.size() : j;
      if (item.empty())
        continue;
      if (item == "*") {
        out.push_back(0);
        continue;
      }
      char* end = nullptr;
      double number = std::strtod(item.c_str(), &end);
      std::string unit = end;
      if (end == item.c_str() || number <= 0 || (unit != "mm" && unit != "pt" && !unit.empty())) {
        bad(n, "columns", v, bilingual("các độ rộng như \"75mm *\"", "widths such as \"75mm *\""));
        return {0};
      }
      out.push_back(unit == "mm" ? mm(number) : number);
    }
    if (out.empty()) {
      out.push_back(0);
    }
    return out;
  }

  void bad(const pugi::xml_node& n, const char* name, const std::string& value,
           const std::string& expected) {
    error(n, Msg::markup_bad_value, {name, value, n.name(), expected});
  }

  // ---- elements ----------------------------------------------------------------

  ParagraphStyle paragraph_style(const pugi::xml_node& n, ParagraphStyle s) {
    s.align = align(n, s.align);
    s.size = length(n, "size", s.size);
    s.line_height = length(n, "line-height", s.line_height);
    s.indent = length(n, "indent", s.indent);
    s.space_before = length(n, "space-before", s.space_before);
    s.space_after = length(n, "space-after", s.space_after);
    s.balance = flag(n, "balance", s.balance);
    s.keep_with_next = flag(n, "keep-with-next", s.keep_with_next);
    return s;
  }

  void spans(const pugi::xml_node& n, Span style, std::vector<Span>& out) {
    for (const pugi::xml_node& c : n.children()) {
      if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
        Span s = style;
        s.text = c.value();
        out.push_back(std::move(s));
      } else if (c.type() == pugi::node_element) {
        Span inner = style;
        std::string name = c.name();
        inner.bold = style.bold || name == "b";
        inner.italic = style.italic || name == "i";
        inner.underline = style.underline || name == "u";
        check_shape(c);
        spans(c, inner, out);
      }
    }
  }

  Paragraph paragraph(const pugi::xml_node& n, const ParagraphStyle& defaults, bool bold,
                      const std::string& label = "") {
    check_shape(n);
    Paragraph p;
    p.style = paragraph_style(n, defaults);
    p.role = n.attribute("role").value();
    p.location = at(n);
    std::vector<Span> raw;
    if (!label.empty()) {
      raw.push_back({label + " ", bold, false, false});
    }
    Span base;
    base.bold = bold;
    spans(n, base, raw);
    p.spans = normalize_spaces(raw);
    return p;
  }

  /// XML keeps line breaks and indentation of the source: fold every run of white
  /// space to one space and trim the paragraph's ends, across span borders.
  static std::vector<Span> normalize_spaces(const std::vector<Span>& raw) {
    std::vector<Span> out;
    bool last_space = true; // trims the start
    for (const Span& s : raw) {
      Span folded = s;
      folded.text.clear();
      for (char c : s.text) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
        if (space) {
          if (!last_space) {
            folded.text += ' ';
          }
          last_space = true;
        } else {
          folded.text += c;
          last_space = false;
        }
      }
      if (!folded.text.empty()) {
        out.push_back(std::move(folded));
      }
    }
    while (!out.empty() && !out.back().text.empty() && out.back().text.back() == ' ') {
      out.back().text.pop_back();
      if (out.back().text.empty()) {
        out.pop_back();
      }
    }
    return out;
  }

  Rule rule(const pugi::xml_node& n) {
    check_shape(n);
    Rule r;
    r.location = at(n);
    std::string width = n.attribute("width").value();
    if (!width.empty() && width != "text") {
      char* end = nullptr;
      double f = std::strtod(width.c_str(), &end);
      if (end == width.c_str() || *end != '\0' || f <= 0 || f > 1) {
        bad(n, "width", width,
            bilingual("text hoặc một tỉ lệ từ 0 đến 1", "text or a fraction from 0 to 1"));
      } else {
        r.fraction = f;
      }
    }
    r.thickness = length(n, "thickness", r.thickness);
    r.gap = length(n, "gap", r.gap);
    r.space_after = length(n, "space-after", r.space_after);
    return r;
  }

  std::string list_label(const std::string& format, int number, const pugi::xml_node& n) {
    static const char* kRoman[] = {"",    "I",    "II",  "III",  "IV",    "V",   "VI",
                                   "VII", "VIII", "IX",  "X",    "XI",    "XII", "XIII",
                                   "XIV", "XV",   "XVI", "XVII", "XVIII", "XIX", "XX"};
    if (format == "1." || format == "1-" || format == "1)") {
      return std::to_string(number) + format.substr(1);
    }
    if (format == "a)" || format == "a.") {
      return number <= 26 ? std::string(1, static_cast<char>('a' + number - 1)) + format.substr(1)
                          : "?";
    }
    if (format == "I." || format == "I-") {
      return number <= 20 ? std::string(kRoman[number]) + format.substr(1) : std::to_string(number);
    }
    if (format == "-" || format == "+") {
      return format;
    }
    bad(n, "format", format, "1. 1- 1) a) a. I. I- - +");
    return std::to_string(number) + ".";
  }

  void list(const pugi::xml_node& n, const ParagraphStyle& defaults, bool bold,
            std::vector<Block>& out) {
    check_shape(n);
    ParagraphStyle style = paragraph_style(n, defaults);
    std::string format = n.attribute("format") ? n.attribute("format").value() : "1.";
    int number = integer(n, "start", 1, 0, 100000);
    for (const pugi::xml_node& li : n.children("li")) {
      Paragraph p = paragraph(li, style, bold, list_label(format, number++, li));
      if (p.role.empty()) {
        p.role = n.attribute("role").value();
      }
      out.push_back({std::move(p)});
    }
  }

  void flow(const pugi::xml_node& parent, const ParagraphStyle& defaults, bool bold,
            std::vector<Block>& out) {
    for (const pugi::xml_node& c : parent.children()) {
      if (c.type() != pugi::node_element) {
        continue;
      }
      std::string name = c.name();
      if (name == "p") {
        out.push_back({paragraph(c, defaults, bold)});
      } else if (name == "rule") {
        out.push_back({rule(c)});
      } else if (name == "space") {
        check_shape(c);
        out.push_back({Spacer{length(c, "height", 0)}});
      } else if (name == "ol") {
        list(c, defaults, bold, out);
      } else if (name == "grid") {
        out.push_back({grid(c, defaults)});
      } else if (name == "table") {
        out.push_back({table(c, defaults)});
      }
    }
  }

  Cell cell(const pugi::xml_node& n, ParagraphStyle defaults) {
    check_shape(n);
    Cell c;
    c.align = align(n, Align::left);
    c.bold = flag(n, "bold", false);
    defaults.align = c.align;
    defaults.indent = 0;
    defaults.space_after = 0;
    defaults.line_height = 0;
    bool has_blocks = false;
    for (const pugi::xml_node& child : n.children()) {
      has_blocks =
          has_blocks || (child.type() == pugi::node_element && child.name() == std::string("p"));
    }
    if (!has_blocks && n.name() == std::string("td")) {
      // <td>text</td>: the cell is one paragraph.
      Paragraph p = paragraph(n, defaults, c.bold);
      p.style.align = c.align;
      c.blocks.push_back({std::move(p)});
    } else {
      flow(n, defaults, c.bold, c.blocks);
    }
    return c;
  }

  Grid grid(const pugi::xml_node& n, const ParagraphStyle& defaults) {
    check_shape(n);
    Grid g;
    g.location = at(n);
    g.columns = columns(n);
    std::string keep = n.attribute("keep").value();
    g.keep_together = keep != "none";
    g.lines_before = integer(n, "lines-before", 0, 0, 20);
    g.space_before = length(n, "space-before", 0);
    g.role = n.attribute("role").value();
    for (const pugi::xml_node& r : n.children("row")) {
      g.rows.push_back(row(r, "cell", defaults));
    }
    return g;
  }

  /// A <row> of <cell>s or a <tr> of <td>s.
  Row row(const pugi::xml_node& r, const char* cell_name, const ParagraphStyle& defaults) {
    check_shape(r);
    Row out;
    out.space_before = length(r, "space-before", 0);
    for (const pugi::xml_node& c : r.children(cell_name)) {
      out.cells.push_back(cell(c, defaults));
    }
    return out;
  }

  Table table(const pugi::xml_node& n, const ParagraphStyle& defaults) {
    check_shape(n);
    Table t;
    t.location = at(n);
    t.columns = columns(n);
    t.header_rows = integer(n, "header-rows", 0, 0, 10);
    t.border = length(n, "border", t.border);
    t.padding = length(n, "padding", t.padding);
    t.space_before = length(n, "space-before", 0);
    t.space_after = length(n, "space-after", 0);
    for (const pugi::xml_node& r : n.children("tr")) {
      t.rows.push_back(row(r, "td", defaults));
    }
    return t;
  }

  void page(const pugi::xml_node& n, PageSetup& p) {
    check_shape(n);
    p.width = length(n, "width", p.width);
    p.height = length(n, "height", p.height);
    p.margin_top = length(n, "margin-top", p.margin_top);
    p.margin_bottom = length(n, "margin-bottom", p.margin_bottom);
    p.margin_left = length(n, "margin-left", p.margin_left);
    p.margin_right = length(n, "margin-right", p.margin_right);
    p.page_numbers = flag(n, "page-numbers", p.page_numbers);
    p.page_number_from = integer(n, "page-number-from", p.page_number_from, 1, 1000);
    p.page_number_size = length(n, "page-number-size", p.page_number_size);
    p.page_number_baseline = length(n, "page-number-baseline", p.page_number_baseline);
    if (p.margin_left + p.margin_right > p.width - mm(20) ||
        p.margin_top + p.margin_bottom > p.height - mm(20)) {
      bad(n, "margin", "…", bilingual("lề nhỏ hơn khổ giấy", "margins smaller than the page"));
    }
  }

  std::optional<DocTree> document(const pugi::xml_node& root) {
    DocTree tree;
    if (std::string(root.name()) != "document") {
      error(root, Msg::markup_unknown_element, {root.name(), "markup"});
      return std::nullopt;
    }
    check_shape(root);
    tree.meta.title = root.attribute("title").value();
    tree.meta.author = root.attribute("author").value();
    tree.meta.subject = root.attribute("subject").value();
    tree.meta.keywords = root.attribute("keywords").value();
    tree.meta.date = root.attribute("date").value();
    if (root.attribute("lang")) {
      tree.meta.lang = root.attribute("lang").value();
    }
    ParagraphStyle defaults;
    for (const pugi::xml_node& c : root.children()) {
      std::string name = c.name();
      if (name == "page") {
        page(c, tree.page);
      } else if (name == "body") {
        check_shape(c);
        defaults.size = length(c, "size", defaults.size);
        defaults.line_height = length(c, "line-height", defaults.line_height);
        defaults.indent = length(c, "indent", defaults.indent);
        defaults.space_after = length(c, "space-after", defaults.space_after);
        defaults.align = align(c, defaults.align);
      }
    }
    flow(root, defaults, false, tree.blocks);
    return tree;
  }

private:
  const SourceFile& file_;
  Diagnostics& out_;
  bool lint_;
};

pugi::xml_parse_result load(pugi::xml_document& doc, const std::string& text, bool fragment) {
  unsigned options = pugi::parse_default | pugi::parse_ws_pcdata;
  if (fragment) {
    options |= pugi::parse_fragment;
  }
  return doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
}

} // namespace

namespace {
/// Markup must be UTF-8 before XML sees it: pugixml passes bad bytes through and
/// PoDoFo reads past the end of a string that holds them.
bool valid_utf8(const SourceFile& file, Diagnostics& out) {
  auto bad = invalid_utf8_offsets(file.text(), 1);
  if (bad.empty()) {
    return true;
  }
  static const char* hex = "0123456789ABCDEF";
  auto b = static_cast<unsigned char>(file.text()[bad[0]]);
  out.error(file.name(), file.locate(bad[0]), "", Msg::invalid_utf8,
            {std::string("0x") + hex[b >> 4] + hex[b & 15]});
  return false;
}
} // namespace

std::optional<DocTree> parse_markup(const SourceFile& markup, Diagnostics& out) {
  if (!valid_utf8(markup, out)) {
    return std::nullopt;
  }
  pugi::xml_document doc;
  pugi::xml_parse_result result = load(doc, markup.text(), false);
  if (!result) {
    out.error(markup.name(),
              markup.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0))),
              "", Msg::markup_syntax, {result.description()});
    return std::nullopt;
  }
  Diagnostics found;
  Reader reader(markup, found, false);
  auto tree = reader.document(doc.document_element());
  bool ok = !found.has_errors();
  out.append(found);
  if (!ok) {
    return std::nullopt;
  }
  return tree;
}

void lint_template_markup(const SourceFile& tmpl, bool fragment, Diagnostics& out) {
  if (!valid_utf8(tmpl, out)) {
    return;
  }
  pugi::xml_document doc;
  pugi::xml_parse_result result = load(doc, tmpl.text(), fragment);
  if (!result) {
    out.error(tmpl.name(),
              tmpl.locate(static_cast<std::size_t>(std::max<std::ptrdiff_t>(result.offset, 0))), "",
              Msg::markup_syntax, {result.description()});
    return;
  }
  Reader reader(tmpl, out, true);
  for (const pugi::xml_node& c : doc.children()) {
    if (c.type() == pugi::node_element) {
      if (!rules().contains(c.name())) {
        reader.error(c, Msg::markup_unknown_element, {c.name(), fragment ? "partial" : "markup"});
      } else {
        reader.check_shape(c);
      }
    }
  }
}

} // namespace vanban
