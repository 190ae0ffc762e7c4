#pragma once
// The four faces a document uses, found once per process.
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "fonts/font_face.hpp"

namespace vanban {

enum class FontStyle { regular = 0, bold = 1, italic = 2, bold_italic = 3 };

inline FontStyle style_of(bool bold, bool italic) {
  return static_cast<FontStyle>((bold ? 1 : 0) + (italic ? 2 : 0));
}

/// Regular, bold, italic and bold italic of one family.
struct FontSet {
  std::array<FontFace, 4> faces;
  std::string family; ///< name written into the PDF, e.g. "Times New Roman"

  const FontFace& face(FontStyle s) const { return faces[static_cast<int>(s)]; }
};

/// Find the document fonts: Times New Roman when its four files are in one of
/// `folders` (times.ttf, timesbd.ttf, timesi.ttf, timesbi.ttf, or the
/// "Times New Roman*.ttf" names), otherwise Liberation Serif from fonts-liberation2,
/// which has the same metrics. nullopt with `error` when neither is there.
std::optional<FontSet> find_fonts(const std::vector<std::string>& folders, std::string& error);

} // namespace vanban
