#include <catch2/catch.hpp>

#include "model/inline_text.hpp"

using namespace vanban;

TEST_CASE("plain text is one run") {
  auto p = parse_inline("Ủy ban nhân dân phường chủ trì");
  REQUIRE(p.runs.size() == 1);
  CHECK(p.runs[0] == TextRun{"Ủy ban nhân dân phường chủ trì", false, false, false});
  CHECK_FALSE(p.error);
}

TEST_CASE("bold, italic and underline toggle") {
  auto p = parse_inline("**Ủy ban nhân dân phường:** làm *ngay* và __đúng hạn__");
  CHECK_FALSE(p.error);
  REQUIRE(p.runs.size() == 5);
  CHECK(p.runs[0] == TextRun{"Ủy ban nhân dân phường:", true, false, false});
  CHECK(p.runs[1].text == " làm ");
  CHECK(p.runs[2] == TextRun{"ngay", false, true, false});
  CHECK(p.runs[4] == TextRun{"đúng hạn", false, false, true});
  CHECK(plain_text(p.runs) == "Ủy ban nhân dân phường: làm ngay và đúng hạn");
}

TEST_CASE("bold italic nests") {
  auto p = parse_inline("***a***");
  CHECK_FALSE(p.error);
  REQUIRE(p.runs.size() == 1);
  CHECK(p.runs[0] == TextRun{"a", true, true, false});
}

TEST_CASE("escapes and single underscores are literal") {
  auto p = parse_inline("5 \\* 3, file_name, \\_\\_x\\_\\_, a\\\\b");
  CHECK_FALSE(p.error);
  REQUIRE(p.runs.size() == 1);
  CHECK(p.runs[0].text == "5 * 3, file_name, __x__, a\\b");
}

TEST_CASE("an unclosed marker is reported at its column in characters") {
  auto p = parse_inline("Đảng ủy **phường");
  REQUIRE(p.error);
  CHECK(p.error->marker == "**");
  CHECK(p.error->column == 9);
  auto q = parse_inline("a *b **c** d");
  REQUIRE(q.error);
  CHECK(q.error->marker == "*");
  CHECK(q.error->column == 3);
}
