#include <catch2/catch.hpp>

#include "base/source_file.hpp"

using namespace vanban;

TEST_CASE("locations count lines from 1 and columns in code points") {
  SourceFile f("x.yaml", "a: 1\nk: [Đảng, ủy, x]\n");
  Location start = f.locate(0);
  CHECK(start.line == 1);
  CHECK(start.column == 1);
  // 'x' on line 2 is at byte column 19 but character column 15 (1-based).
  std::size_t x = f.text().find("x]");
  Location at = f.locate(x);
  CHECK(at.line == 2);
  CHECK(at.column == 15);
  CHECK(f.locate_line_byte(1, 19).column == 15);
}

TEST_CASE("offsets past the end are clamped") {
  SourceFile f("x.yaml", "ab");
  CHECK(f.locate(100).column == 3);
  CHECK(f.line_count() == 1);
}
