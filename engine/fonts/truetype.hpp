#pragma once
// The table directory of a TrueType (glyf-outline) font file, and big-endian
// readers that never read outside the bytes they are given.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

inline std::uint16_t read_u16(std::string_view b, std::size_t at) {
  if (at + 2 > b.size()) {
    return 0;
  }
  return static_cast<std::uint16_t>((static_cast<unsigned char>(b[at]) << 8) |
                                    static_cast<unsigned char>(b[at + 1]));
}

inline std::uint32_t read_u32(std::string_view b, std::size_t at) {
  return (static_cast<std::uint32_t>(read_u16(b, at)) << 16) | read_u16(b, at + 2);
}

inline std::int16_t read_s16(std::string_view b, std::size_t at) {
  return static_cast<std::int16_t>(read_u16(b, at));
}

/// The tables of one TrueType font, as views into the file's bytes.
class TrueTypeTables {
public:
  /// nullopt with `error` unless the file is a TrueType font whose directory and
  /// required tables (head, hhea, maxp, loca, glyf, hmtx) lie inside it.
  static std::optional<TrueTypeTables> parse(std::string_view file, std::string& error);

  /// The table's bytes, empty when the font has no such table.
  std::string_view table(std::string_view tag) const;

  std::uint16_t glyph_count() const { return glyph_count_; }
  /// glyf bytes of a glyph: empty for an empty glyph or an out-of-range entry.
  std::string_view glyph_data(std::uint16_t glyph) const;

private:
  struct Entry {
    std::array<char, 4> tag;
    std::string_view bytes;
  };
  std::vector<Entry> entries_;
  std::string_view loca_;
  std::string_view glyf_;
  std::uint16_t glyph_count_ = 0;
  bool long_loca_ = false;
};

} // namespace vanban
