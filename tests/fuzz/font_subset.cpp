// Font files from a user's fonts/ folder are input too: any bytes FreeType and our
// table reader accept must subset without reading outside the file, and the subset
// must read back.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "fonts/font_face.hpp"
#include "fonts/font_subset.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string error;
  auto face = vanban::FontFace::from_bytes(std::string(reinterpret_cast<const char*>(data), size),
                                           "fuzz.ttf", error);
  if (!face)
    return 0;
  std::vector<std::uint16_t> glyphs;
  for (std::uint32_t g = 1; g < face->tables().glyph_count() && glyphs.size() < 400; g += 3)
    glyphs.push_back(static_cast<std::uint16_t>(g));
  vanban::FontSubset subset = vanban::subset_font(*face, glyphs);
  if (subset.kept.empty() || subset.kept[0] != 0)
    __builtin_trap();
  std::string again_error;
  if (!vanban::TrueTypeTables::parse(subset.program, again_error))
    __builtin_trap(); // what we write must be a font our own reader accepts
  return 0;
}
