#pragma once
// Blocks → a vertical list of flow items (lines, rules, atomic grids and table
// rows) that the paginator distributes over pages.
#include <vector>

#include "layout/layout.hpp"

namespace vanban {

struct FlowItem {
  enum class Kind { line, rule, spacer, block };
  Kind kind = Kind::block;
  double height = 0;             ///< ink: top of this item to its bottom
  double space_before = 0;       ///< dropped at the top of a page
  double space_after = 0;        ///< may hang below the text block
  std::vector<PlacedText> texts; ///< x absolute, baseline relative to the item's top
  std::vector<PlacedLine> lines; ///< same frame
  int paragraph = -1;            ///< lines: which paragraph, for widow and orphan control
  int line_index = 0;
  int line_count = 0;
  bool body = false; ///< a line of running text (counts for lines_before)
  bool keep_with_next = false;
  bool glued = false;   ///< never separated from the item before (rules)
  int lines_before = 0; ///< body lines that must precede it on its page
  int table = -1;       ///< table rows: which table
  bool header = false;  ///< a header row, repeated on each page of its table
};

struct FlowContext {
  const FontSet& fonts;
  const std::string& markup_name;
  Diagnostics& out;
  int next_paragraph = 0;
  int next_table = 0;
};

/// Items for `blocks` set in a column starting at `x` and `width` points wide.
std::vector<FlowItem> build_flow(const std::vector<Block>& blocks, double x, double width,
                                 FlowContext& ctx);

/// Append `from`'s texts and lines to `texts` and `lines`, moved down by `dy`.
void append_shifted(std::vector<PlacedText>& texts, std::vector<PlacedLine>& lines,
                    const FlowItem& from, double dy);

/// Stack items into one atomic block item (grid cells, table cells).
FlowItem stack(const std::vector<FlowItem>& items);

} // namespace vanban
