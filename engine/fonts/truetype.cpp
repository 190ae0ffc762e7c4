#include "fonts/truetype.hpp"

#include <algorithm>

namespace vanban {

std::optional<TrueTypeTables> TrueTypeTables::parse(std::string_view file, std::string& error) {
  std::uint32_t version = read_u32(file, 0);
  if (version != 0x00010000U && version != 0x74727565U /* 'true' */) {
    error = "not a TrueType font (only fonts with TrueType outlines can be embedded)";
    return std::nullopt;
  }
  TrueTypeTables t;
  std::uint16_t count = read_u16(file, 4);
  for (std::uint16_t i = 0; i < count; ++i) {
    std::size_t record = 12 + 16 * static_cast<std::size_t>(i);
    if (record + 16 > file.size()) {
      error = "the font's table directory is cut short";
      return std::nullopt;
    }
    std::size_t offset = read_u32(file, record + 8);
    std::size_t length = read_u32(file, record + 12);
    if (offset > file.size() || length > file.size() - offset) {
      error = "a font table lies outside the file";
      return std::nullopt;
    }
    Entry e{};
    std::copy_n(file.data() + record, 4, e.tag.begin());
    e.bytes = file.substr(offset, length);
    t.entries_.push_back(e);
  }
  for (const char* tag : {"head", "hhea", "maxp", "loca", "glyf", "hmtx"}) {
    if (t.table(tag).empty()) {
      error = std::string("the font has no '") + tag + "' table (TrueType outlines are required)";
      return std::nullopt;
    }
  }
  std::string_view head = t.table("head");
  std::string_view hhea = t.table("hhea");
  if (head.size() < 54 || hhea.size() < 36 || t.table("maxp").size() < 6) {
    error = "the font's head, hhea or maxp table is too short";
    return std::nullopt;
  }
  t.long_loca_ = read_u16(head, 50) == 1;
  t.loca_ = t.table("loca");
  t.glyf_ = t.table("glyf");
  t.glyph_count_ = read_u16(t.table("maxp"), 4);
  std::size_t loca_needed = (static_cast<std::size_t>(t.glyph_count_) + 1) * (t.long_loca_ ? 4 : 2);
  std::uint16_t metrics = read_u16(hhea, 34);
  if (t.table("loca").size() < loca_needed || metrics == 0 || metrics > t.glyph_count_ ||
      t.table("hmtx").size() < 4U * metrics + 2U * (t.glyph_count_ - metrics)) {
    error = "the font's loca or hmtx table does not match its glyph count";
    return std::nullopt;
  }
  return t;
}

std::string_view TrueTypeTables::table(std::string_view tag) const {
  for (const Entry& e : entries_) {
    if (std::string_view(e.tag.data(), 4) == tag) {
      return e.bytes;
    }
  }
  return {};
}

std::string_view TrueTypeTables::glyph_data(std::uint16_t glyph) const {
  if (glyph >= glyph_count_) {
    return {};
  }
  std::string_view loca = loca_;
  std::size_t start = 0;
  std::size_t end = 0;
  if (long_loca_) {
    start = read_u32(loca, 4U * glyph);
    end = read_u32(loca, 4U * glyph + 4);
  } else {
    start = 2U * read_u16(loca, 2U * glyph);
    end = 2U * read_u16(loca, 2U * glyph + 2);
  }
  std::string_view glyf = glyf_;
  if (start >= end || end > glyf.size()) {
    return {};
  }
  return glyf.substr(start, end - start);
}

} // namespace vanban
