#pragma once
// A font's metrics read once from its file with FreeType, then kept as plain
// tables: read-only, so worker threads share one FontFace without locks.
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "fonts/truetype.hpp"

namespace vanban {

/// What a PDF FontDescriptor says of a face (lengths in 1/1000 em).
struct FaceDescription {
  std::string postscript_name; ///< e.g. "LiberationSerif-Bold"
  std::array<int, 4> bbox{};   ///< xMin yMin xMax yMax
  double italic_angle = 0;     ///< degrees, negative leaning right
  int cap_height = 0;
  int weight = 400; ///< OS/2 usWeightClass
  bool italic = false;
};

/// Units are 1/1000 em, rounded exactly as a PDF /W array stores widths, so that a
/// width we measure is the width a PDF reader computes.
class FontFace {
public:
  /// Load a TrueType/OpenType file; nullopt (with `error` set) if it cannot be read.
  static std::optional<FontFace> load(const std::string& path, std::string& error);
  /// The same from the file's bytes (`path` only names it).
  static std::optional<FontFace> from_bytes(std::string bytes, const std::string& path,
                                            std::string& error);

  const std::string& path() const { return path_; }
  const std::string& family() const { return family_; }
  /// Glyph id of a code point, 0 when the font has no glyph for it. Inline: the
  /// layout and the PDF writer look up every character they handle.
  std::uint16_t glyph(char32_t cp) const {
    return cp < bmp_.size() ? bmp_[cp] : supplementary_glyph(cp);
  }
  bool has(char32_t cp) const { return glyph(cp) != 0; }
  /// Advance of a glyph in 1/1000 em.
  int advance(std::uint16_t glyph) const { return glyph < advances_.size() ? advances_[glyph] : 0; }
  /// Width of UTF-8 text in 1/1000 em (missing glyphs count as the .notdef advance).
  long width(std::string_view utf8) const;
  /// Width of UTF-8 text in points at `size`.
  double width_pt(std::string_view utf8, double size) const { return width(utf8) * size / 1000.0; }

  int ascent() const { return ascent_; }   ///< hhea ascender, 1/1000 em
  int descent() const { return descent_; } ///< hhea descender (positive), 1/1000 em
  int underline_position() const { return underline_position_; } ///< below baseline, positive
  int underline_thickness() const { return underline_thickness_; }

  const FaceDescription& description() const { return description_; }
  /// The file's tables, for subsetting (views into bytes the face keeps alive).
  const TrueTypeTables& tables() const { return tables_; }

private:
  std::uint16_t supplementary_glyph(char32_t cp) const;

  std::string path_;
  std::shared_ptr<const std::string> file_; ///< shared by copies: tables_ points into it
  TrueTypeTables tables_;
  FaceDescription description_;
  std::string family_;
  std::vector<std::uint16_t> bmp_;                            ///< glyph by code point below U+10000
  std::unordered_map<char32_t, std::uint16_t> supplementary_; ///< the rest of the cmap
  std::vector<std::int16_t> advances_;
  int ascent_ = 891;
  int descent_ = 216;
  int underline_position_ = 100;
  int underline_thickness_ = 50;
};

} // namespace vanban
