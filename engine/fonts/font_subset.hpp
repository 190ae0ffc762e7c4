#pragma once
// A TrueType font cut down to the glyphs one document draws, for embedding.
#include <cstdint>
#include <string>
#include <vector>

#include "fonts/font_face.hpp"

namespace vanban {

struct FontSubset {
  /// A complete TrueType file (head, hhea, maxp, loca, glyf, hmtx and the hinting
  /// tables) holding only the kept glyphs, renumbered 0, 1, 2, ...
  std::string program;
  /// The face's glyph id of each new glyph id, ascending; [0] is .notdef.
  std::vector<std::uint16_t> kept;

  /// New glyph id of one of the face's glyphs (0 when it was not kept).
  std::uint16_t new_id(std::uint16_t face_glyph) const {
    return face_glyph < new_ids.size() ? new_ids[face_glyph] : 0;
  }
  /// new_id by face glyph id, for every glyph of the face.
  std::vector<std::uint16_t> new_ids;
};

/// Subset of `face` holding .notdef, `glyphs` and every glyph their composites use.
/// The same face and glyphs always give the same bytes.
FontSubset subset_font(const FontFace& face, const std::vector<std::uint16_t>& glyphs);

} // namespace vanban
