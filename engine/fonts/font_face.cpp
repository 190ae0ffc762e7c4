#include "fonts/font_face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H

#include <cmath>
#include <memory>

#include "base/text.hpp"

namespace vanban {

namespace {
int per_mille(long units, long units_per_em) {
  return static_cast<int>(
      std::lround(static_cast<double>(units) * 1000.0 / static_cast<double>(units_per_em)));
}
} // namespace

std::optional<FontFace> FontFace::load(const std::string& path, std::string& error) {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) {
    error = "FreeType could not start";
    return std::nullopt;
  }
  std::unique_ptr<FT_LibraryRec_, decltype(&FT_Done_FreeType)> lib(library, &FT_Done_FreeType);
  FT_Face face = nullptr;
  if (FT_New_Face(library, path.c_str(), 0, &face) != 0) {
    error = "not a font file FreeType can read";
    return std::nullopt;
  }
  std::unique_ptr<FT_FaceRec_, decltype(&FT_Done_Face)> owned(face, &FT_Done_Face);
  if (face->units_per_EM == 0 || FT_Select_Charmap(face, FT_ENCODING_UNICODE) != 0) {
    error = "the font has no Unicode character map";
    return std::nullopt;
  }
  FontFace f;
  f.path_ = path;
  f.family_ = face->family_name != nullptr ? face->family_name : "";
  long upem = face->units_per_EM;
  FT_UInt gid = 0;
  for (FT_ULong cp = FT_Get_First_Char(face, &gid); gid != 0;
       cp = FT_Get_Next_Char(face, cp, &gid)) {
    f.cmap_.emplace(static_cast<char32_t>(cp), static_cast<std::uint16_t>(gid));
  }
  auto glyphs = static_cast<FT_UInt>(face->num_glyphs);
  std::vector<FT_Fixed> raw(glyphs);
  if (glyphs > 0 && FT_Get_Advances(face, 0, glyphs, FT_LOAD_NO_SCALE, raw.data()) != 0) {
    error = "the font's advance widths cannot be read";
    return std::nullopt;
  }
  f.advances_.reserve(glyphs);
  for (FT_Fixed a : raw) {
    f.advances_.push_back(static_cast<std::int16_t>(per_mille(a, upem)));
  }
  f.ascent_ = per_mille(face->ascender, upem);
  f.descent_ = per_mille(-face->descender, upem);
  f.underline_position_ = per_mille(-face->underline_position, upem);
  f.underline_thickness_ = std::max(1, per_mille(face->underline_thickness, upem));
  return f;
}

std::uint16_t FontFace::glyph(char32_t cp) const {
  auto it = cmap_.find(cp);
  return it == cmap_.end() ? 0 : it->second;
}

int FontFace::advance(std::uint16_t glyph) const {
  return glyph < advances_.size() ? advances_[glyph] : 0;
}

long FontFace::width(std::string_view utf8) const {
  long total = 0;
  for (char32_t cp : decode_utf8(utf8)) {
    total += advance(glyph(cp));
  }
  return total;
}

} // namespace vanban
