#pragma once
// layout: DocTree + fonts → pages of positioned text and lines. Points, origin at
// the top-left corner of the page, y downwards; text is placed by its baseline.
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "markup/doc_tree.hpp"

namespace vanban {

/// A piece of text in one face and size (a word or part of one).
struct PlacedText {
  double x = 0;
  double baseline = 0;
  FontStyle style = FontStyle::regular;
  double size = 14;
  std::string text;
  double width = 0;
};

/// A stroked straight line (rules, underlines, table borders).
struct PlacedLine {
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  double thickness = 0.6;
};

struct PageLayout {
  std::vector<PlacedText> texts;
  std::vector<PlacedLine> lines;
};

struct PagedLayout {
  double width = 0;
  double height = 0;
  Metadata meta;
  std::vector<PageLayout> pages;
};

/// Lay out a document. Characters missing from the fonts and words wider than
/// their column are reported against `markup_name` at the paragraph's position.
PagedLayout layout_document(const DocTree& doc, const FontSet& fonts,
                            const std::string& markup_name, Diagnostics& out);

} // namespace vanban
