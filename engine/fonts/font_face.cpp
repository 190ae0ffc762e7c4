#include "fonts/font_face.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_ADVANCES_H
#include FT_TRUETYPE_TABLES_H

#include <cmath>
#include <fstream>
#include <memory>

#include "base/text.hpp"

namespace vanban {

namespace {
int per_mille(long units, long units_per_em) {
  return static_cast<int>(
      std::lround(static_cast<double>(units) * 1000.0 / static_cast<double>(units_per_em)));
}
std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : -1;
  if (size < 0) {
    return std::nullopt;
  }
  // One read of the known size: byte by byte, four 400 KB faces cost a whole notice's
  // layout at every start of the program.
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.seekg(0);
  in.read(bytes.data(), size);
  if (!in) {
    return std::nullopt;
  }
  return bytes;
}

/// The FontDescriptor facts FreeType exposes through the sfnt tables.
FaceDescription describe(FT_Face face) {
  long upem = face->units_per_EM;
  FaceDescription d;
  const char* ps = FT_Get_Postscript_Name(face);
  d.postscript_name = ps != nullptr ? ps : "";
  if (d.postscript_name.empty()) { // a font without a name table: family and style
    for (const char* part : {face->family_name, face->style_name}) {
      for (const char* c = part; c != nullptr && *c != '\0'; ++c) {
        if (*c > ' ' && *c < 127 && *c != '/' && *c != '(' && *c != ')') {
          d.postscript_name += *c;
        }
      }
    }
  }
  d.bbox = {per_mille(face->bbox.xMin, upem), per_mille(face->bbox.yMin, upem),
            per_mille(face->bbox.xMax, upem), per_mille(face->bbox.yMax, upem)};
  d.cap_height = per_mille(face->ascender, upem);
  d.italic = (face->style_flags & FT_STYLE_FLAG_ITALIC) != 0;
  if (auto* os2 = static_cast<TT_OS2*>(FT_Get_Sfnt_Table(face, FT_SFNT_OS2));
      os2 != nullptr && os2->version != 0xFFFF) {
    d.weight = os2->usWeightClass;
    if (os2->version >= 2 && os2->sCapHeight > 0) {
      d.cap_height = per_mille(os2->sCapHeight, upem);
    }
  }
  if (auto* post = static_cast<TT_Postscript*>(FT_Get_Sfnt_Table(face, FT_SFNT_POST))) {
    d.italic_angle = static_cast<double>(post->italicAngle) / 65536.0;
  }
  return d;
}

} // namespace

std::optional<FontFace> FontFace::load(const std::string& path, std::string& error) {
  auto bytes = read_file(path);
  if (!bytes) {
    error = "cannot be read";
    return std::nullopt;
  }
  return from_bytes(std::move(*bytes), path, error);
}

std::optional<FontFace> FontFace::from_bytes(std::string bytes, const std::string& path,
                                             std::string& error) {
  auto file = std::make_shared<const std::string>(std::move(bytes));
  auto tables = TrueTypeTables::parse(*file, error);
  if (!tables) {
    return std::nullopt;
  }
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) {
    error = "FreeType could not start";
    return std::nullopt;
  }
  std::unique_ptr<FT_LibraryRec_, decltype(&FT_Done_FreeType)> lib(library, &FT_Done_FreeType);
  FT_Face face = nullptr;
  if (FT_New_Memory_Face(library, reinterpret_cast<const FT_Byte*>(file->data()),
                         static_cast<FT_Long>(file->size()), 0, &face) != 0) {
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
  f.file_ = file;
  f.tables_ = *tables;
  f.description_ = describe(face);
  f.family_ = face->family_name != nullptr ? face->family_name : "";
  long upem = face->units_per_EM;
  f.bmp_.assign(0x10000, 0); // a direct table: layout and PDF look up every character
  FT_UInt gid = 0;
  for (FT_ULong cp = FT_Get_First_Char(face, &gid); gid != 0;
       cp = FT_Get_Next_Char(face, cp, &gid)) {
    if (cp < 0x10000) {
      f.bmp_[cp] = static_cast<std::uint16_t>(gid);
    } else {
      f.supplementary_.emplace(static_cast<char32_t>(cp), static_cast<std::uint16_t>(gid));
    }
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

std::uint16_t FontFace::supplementary_glyph(char32_t cp) const {
  auto it = supplementary_.find(cp);
  return it == supplementary_.end() ? 0 : it->second;
}

long FontFace::width(std::string_view utf8) const {
  long total = 0;
  for_each_code_point(utf8, [&](char32_t cp) { total += advance(glyph(cp)); });
  return total;
}

} // namespace vanban
