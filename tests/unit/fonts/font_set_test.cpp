#include <catch2/catch.hpp>

#include "fonts/font_set.hpp"
#include "markup/doc_tree.hpp"

using namespace vanban;

namespace {
const FontSet& fonts() {
  static const FontSet set = [] {
    std::string error;
    auto found = find_fonts({}, error);
    REQUIRE(found);
    return *found;
  }();
  return set;
}
} // namespace

TEST_CASE("the reference widths of the spec are met (Times New Roman metrics)") {
  // official-format.md §5: "ĐẢNG CỘNG SẢN VIỆT NAM" bold 15 pt is 72.9 mm, Tiêu ngữ bold 14 pt
  // is 60.5 mm, "ĐẢNG ỦY PHƯỜNG NGỌC THỤY" bold 14 pt is 77.7 mm.
  const FontFace& bold = fonts().face(FontStyle::bold);
  CHECK(bold.width_pt("ĐẢNG CỘNG SẢN VIỆT NAM", 15) / mm(1) == Approx(72.9).margin(0.2));
  CHECK(bold.width_pt("Độc lập - Tự do - Hạnh phúc", 14) / mm(1) == Approx(60.5).margin(0.2));
  CHECK(bold.width_pt("ĐẢNG ỦY PHƯỜNG NGỌC THỤY", 14) / mm(1) == Approx(77.7).margin(0.2));
  CHECK(bold.width_pt("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13) / mm(1) ==
        Approx(95.7).margin(0.2));
}

TEST_CASE("every Vietnamese letter has a glyph in all four faces") {
  std::string letters =
      "aàảãáạăằẳẵắặâầẩẫấậbcdđeèẻẽéẹêềểễếệghiìỉĩíịklmnoòỏõóọôồổỗốộơờởỡớợpqrstuùủũúụưừửữứựvxyỳỷỹýỵ";
  for (int s = 0; s < 4; ++s) {
    const FontFace& face = fonts().faces[static_cast<std::size_t>(s)];
    for (char32_t cp : std::u32string(U"đĐặẶữỮỹỸ“”–—…№")) {
      INFO(static_cast<int>(cp));
      CHECK(face.has(cp));
    }
  }
  CHECK_FALSE(fonts().face(FontStyle::regular).has(U'漢'));
  CHECK(fonts().face(FontStyle::regular).width(letters) > 0);
}

TEST_CASE("metrics are those of the file") {
  const FontFace& r = fonts().face(FontStyle::regular);
  CHECK(r.ascent() == 891);
  CHECK(r.descent() == 216);
  CHECK(r.advance(r.glyph(U' ')) == 250);
}
