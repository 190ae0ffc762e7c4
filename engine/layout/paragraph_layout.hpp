#pragma once
// One paragraph set into lines of a given width: words measured with the real
// fonts, breaks chosen by the line breaker, words placed per alignment.
#include <vector>

#include "layout/layout.hpp"

namespace vanban {

struct SetLine {
  std::vector<PlacedText>
      texts; ///< x relative to the column, baseline relative to the line's baseline
  std::vector<PlacedLine> lines; ///< underlines, same frame
  double left = 0;               ///< ink extent, for rules "as wide as the text above"
  double right = 0;
};

struct SetParagraph {
  std::vector<SetLine> lines;
  double pitch = 0;          ///< baseline to baseline
  double first_baseline = 0; ///< from the paragraph's top (after space_before)
};

/// Set `p` into a column `width` points wide.
SetParagraph set_paragraph(const Paragraph& p, double width, const FontSet& fonts,
                           const std::string& markup_name, Diagnostics& out);

} // namespace vanban
