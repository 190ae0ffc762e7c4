#include <catch2/catch.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <cstdio>
#include <fstream>
#include <iterator>
#include <memory>
#include <random>

#include "base/text.hpp"
#include "fonts/font_set.hpp"
#include "fonts/font_subset.hpp"

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

std::vector<std::uint16_t> glyphs_of(const FontFace& face, std::string_view text) {
  std::vector<std::uint16_t> out;
  for_each_code_point(text, [&](char32_t cp) { out.push_back(face.glyph(cp)); });
  return out;
}

/// FreeType, not our reader, is the judge of the subset: it is what poppler uses.
struct FreeTypeFont {
  explicit FreeTypeFont(const std::string& bytes) {
    REQUIRE(FT_Init_FreeType(&library) == 0);
    ok = FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(bytes.data()),
                            static_cast<FT_Long>(bytes.size()), 0, &face) == 0;
  }
  ~FreeTypeFont() {
    if (face != nullptr)
      FT_Done_Face(face);
    FT_Done_FreeType(library);
  }
  FreeTypeFont(const FreeTypeFont&) = delete;
  FreeTypeFont& operator=(const FreeTypeFont&) = delete;
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  bool ok = false;
};

std::uint32_t sum_words(std::string_view b) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i + 4 <= b.size(); i += 4)
    sum += read_u32(b, i);
  return sum;
}

const char* kText = "ĐẢNG CỘNG SẢN VIỆT NAM — Nghị quyết số 18-NQ/TW, “tinh gọn” ỹ Ữ";

} // namespace

TEST_CASE("a subset holds .notdef, the glyphs asked for and their components, renumbered") {
  const FontFace& face = fonts().face(FontStyle::regular);
  std::vector<std::uint16_t> asked = glyphs_of(face, kText);
  FontSubset subset = subset_font(face, asked);
  REQUIRE(subset.kept.size() >= 2);
  CHECK(subset.kept[0] == 0);
  CHECK(std::is_sorted(subset.kept.begin(), subset.kept.end()));
  for (std::uint16_t g : asked) {
    INFO("glyph " << g);
    std::uint16_t id = subset.new_id(g);
    REQUIRE(id != 0);
    CHECK(subset.kept[id] == g);
  }
  // Vietnamese letters are composites in these fonts: their parts come along.
  bool composite_seen = false;
  for (std::uint16_t g : asked) {
    std::string_view data = face.tables().glyph_data(g);
    if (data.size() >= 10 && read_s16(data, 0) < 0) {
      composite_seen = true;
      std::uint16_t part = read_u16(data, 12); // the first component's glyph id
      CHECK(subset.new_id(part) != 0);
    }
  }
  CHECK(composite_seen);
  CHECK(subset.kept.size() < face.tables().glyph_count() / 10);
}

TEST_CASE("a subset is a TrueType file FreeType reads, with the face's advances") {
  for (std::size_t s = 0; s < 4; ++s) {
    const FontFace& face = fonts().faces[s];
    FontSubset subset = subset_font(face, glyphs_of(face, kText));
    FreeTypeFont ft(subset.program);
    REQUIRE(ft.ok);
    CHECK(static_cast<std::size_t>(ft.face->num_glyphs) == subset.kept.size());
    for (std::size_t id = 0; id < subset.kept.size(); ++id) {
      FT_Fixed advance = 0;
      REQUIRE(FT_Get_Advance(ft.face, static_cast<FT_UInt>(id), FT_LOAD_NO_SCALE, &advance) == 0);
      long per_mille = std::lround(static_cast<double>(advance) * 1000.0 / ft.face->units_per_EM);
      CHECK(per_mille == face.advance(subset.kept[id]));
      // Every glyph loads and draws (composites point at the right new ids).
      CHECK(FT_Load_Glyph(ft.face, static_cast<FT_UInt>(id), FT_LOAD_NO_SCALE) == 0);
    }
  }
}

TEST_CASE("a subset's checksums are right and its bytes depend only on the glyphs") {
  const FontFace& face = fonts().face(FontStyle::bold);
  FontSubset a = subset_font(face, glyphs_of(face, kText));
  FontSubset b = subset_font(face, glyphs_of(face, std::string(kText) + kText));
  CHECK(a.program == b.program);
  CHECK(a.program.size() % 4 == 0);
  CHECK(sum_words(a.program) == 0xB1B0AFBAU); // head.checkSumAdjustment closes the sum
  std::string error;
  auto tables = TrueTypeTables::parse(a.program, error);
  REQUIRE(tables);
  std::string_view p = a.program;
  for (std::uint16_t i = 0; i < read_u16(p, 4); ++i) {
    std::size_t record = 12 + 16 * std::size_t{i};
    std::string tag(p.substr(record, 4));
    std::string table(p.substr(read_u32(p, record + 8), read_u32(p, record + 12)));
    if (tag == "head")
      table.replace(8, 4, 4, '\0'); // the table's own sum is taken with the adjustment zero
    table.append((4 - table.size() % 4) % 4, '\0');
    INFO(tag);
    CHECK(sum_words(table) == read_u32(p, record + 4));
  }
}

TEST_CASE("a damaged font file is refused or subset without reading outside it") {
  std::ifstream in(fonts().face(FontStyle::regular).path(), std::ios::binary);
  const std::string original((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
  std::string error;
  CHECK_FALSE(TrueTypeTables::parse(original.substr(0, 100), error));
  CHECK_FALSE(TrueTypeTables::parse("OTTO" + original.substr(4), error));
  CHECK(error.find("TrueType") != std::string::npos);

  std::mt19937 random(20221125);
  const std::string path = "font_subset_test_damaged.ttf";
  for (int round = 0; round < 40; ++round) {
    std::string damaged = original;
    for (int k = 0; k < 200; ++k) // bytes anywhere: directory, loca, glyf, hmtx
      damaged[random() % damaged.size()] = static_cast<char>(random());
    std::ofstream(path, std::ios::binary) << damaged;
    auto face = FontFace::load(path, error);
    if (!face)
      continue; // refused with a reason: fine
    std::vector<std::uint16_t> all;
    for (std::uint32_t g = 0; g < face->tables().glyph_count(); g += 7)
      all.push_back(static_cast<std::uint16_t>(g));
    FontSubset subset = subset_font(*face, all);
    CHECK(subset.kept.size() <= face->tables().glyph_count());
  }
  std::remove(path.c_str());
}
