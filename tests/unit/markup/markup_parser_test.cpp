#include <catch2/catch.hpp>

#include "markup/markup_parser.hpp"

using namespace vanban;

namespace {
std::optional<DocTree> parse(const std::string& text, Diagnostics& out) {
  static std::vector<std::unique_ptr<SourceFile>> keep;
  keep.push_back(std::make_unique<SourceFile>("m.xml", text));
  return parse_markup(*keep.back(), out);
}
} // namespace

TEST_CASE("markup: paragraphs, spans, whitespace folding and entities") {
  Diagnostics out;
  auto doc = parse("<document title=\"T\"><body size=\"13\" indent=\"10mm\"/>\n"
                   "<p align=\"center\">  Một \n  <b>hai</b>  ba &#38; &#60;p&#62; </p></document>",
                   out);
  REQUIRE(doc);
  CHECK(out.items().empty());
  REQUIRE(doc->blocks.size() == 1);
  const auto& p = std::get<Paragraph>(doc->blocks[0].content);
  CHECK(p.style.align == Align::center);
  CHECK(p.style.size == 13);
  CHECK(p.style.indent == Approx(mm(10)));
  CHECK(paragraph_text(p) == "Một hai ba & <p>");
  REQUIRE(p.spans.size() == 3);
  CHECK(p.spans[1].bold);
  CHECK(p.spans[1].text == "hai");
}

TEST_CASE("markup: grids, rules, lists and tables") {
  Diagnostics out;
  auto doc = parse(R"xml(<document>
  <grid columns="75mm *" lines-before="2"><row><cell align="center"><p>A</p><rule width="0.4"/></cell><cell/></row></grid>
  <ol format="a)" start="2"><li>x</li><li>y</li></ol>
  <table columns="10mm *" header-rows="1"><tr><td>1</td><td><p>z</p></td></tr></table>
</document>)xml",
                   out);
  REQUIRE(doc);
  CHECK(out.items().empty());
  REQUIRE(doc->blocks.size() == 4);
  const auto& g = std::get<Grid>(doc->blocks[0].content);
  CHECK(g.columns[0] == Approx(mm(75)));
  CHECK(g.columns[1] == 0);
  CHECK(g.lines_before == 2);
  CHECK(std::get<Rule>(g.rows[0].cells[0].blocks[1].content).fraction == Approx(0.4));
  CHECK(paragraph_text(std::get<Paragraph>(doc->blocks[1].content)) == "b) x");
  CHECK(paragraph_text(std::get<Paragraph>(doc->blocks[2].content)) == "c) y");
  CHECK(std::get<Table>(doc->blocks[3].content).header_rows == 1);
}

TEST_CASE("markup: errors point at the element, several in one run") {
  Diagnostics out;
  auto doc = parse("<document>\n  <para>x</para>\n  <p colour=\"red\">y</p>\n  <p "
                   "size=\"big\">z</p>\n</document>",
                   out);
  CHECK_FALSE(doc);
  REQUIRE(out.items().size() == 3);
  CHECK(out.items()[0].message == Msg::markup_unknown_element);
  CHECK(out.items()[0].location.line == 2);
  CHECK(out.items()[0].location.column == 3);
  CHECK(out.items()[1].message == Msg::markup_unknown_attribute);
  CHECK(out.items()[1].location.line == 3);
  CHECK(out.items()[2].message == Msg::markup_bad_value);
}

TEST_CASE("markup: malformed XML gives line and column") {
  Diagnostics out;
  auto doc = parse("<document>\n<p>a</b>\n</document>", out);
  CHECK_FALSE(doc);
  REQUIRE(out.items().size() == 1);
  CHECK(out.items()[0].message == Msg::markup_syntax);
  CHECK(out.items()[0].location.line == 2);
}
