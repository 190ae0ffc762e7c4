#pragma once
// What a PDF embeds of one face for one document: the subset of the glyphs it
// draws, its ToUnicode CMap and its widths, the streams already deflated.
#include <cstdint>
#include <map>
#include <string>

#include "fonts/font_face.hpp"
#include "fonts/font_subset.hpp"

namespace vanban {

struct FontEmbedding {
  FontSubset subset;
  std::string tag;                 ///< six capitals before the font name, from the glyphs kept
  std::string program_deflated;    ///< the FontFile2 stream
  std::string to_unicode_deflated; ///< the ToUnicode CMap stream
  std::string widths;              ///< the CIDFont's /W array, as PDF text
};

/// The embedding of `face` (the `face_index`th of its set) for the glyphs in `chars`
/// (face glyph id → a character it draws, for the ToUnicode CMap).
FontEmbedding embed_glyphs(const FontFace& face, std::size_t face_index,
                           const std::map<std::uint16_t, char32_t>& chars);

/// Deflated bytes (zlib format, the fastest level of libdeflate: faster than zlib's
/// fastest and smaller). Throws std::runtime_error if compression fails.
std::string deflate_fast(const std::string& bytes);

} // namespace vanban
