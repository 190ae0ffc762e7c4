#pragma once
// The document markup as typed values: what the layout stage lays out. Lengths are
// points; every node keeps the markup position it came from, for diagnostics.
#include <string>
#include <variant>
#include <vector>

#include "base/source_file.hpp"

namespace vanban {

constexpr double kPointsPerMm = 72.0 / 25.4;
inline double mm(double v) {
  return v * kPointsPerMm;
}

enum class Align { left, center, right, justify };

struct Span {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool underline = false;
};

struct ParagraphStyle {
  Align align = Align::justify;
  double size = 14;
  double line_height = 0; ///< baseline pitch; 0 = single spacing (1.15 em)
  double indent = 0;      ///< first-line indent
  double space_before = 0;
  double space_after = 0;
  bool balance = false;        ///< wrapped lines of equal length (headers, titles)
  bool keep_with_next = false; ///< never the last thing on a page
};

struct Paragraph {
  ParagraphStyle style;
  std::vector<Span> spans;
  std::string role; ///< free label for tools and tests, e.g. "body", "title"
  Location location;
};

/// A horizontal rule under the last line above it: as wide as that line's text
/// (`fraction` of it), centred on it.
struct Rule {
  double fraction = 1.0;
  double thickness = 0.6;
  double gap = mm(1.5); ///< from the baseline above to the rule's top
  double space_after = 0;
  Location location;
};

struct Spacer {
  double height = 0;
};

struct Block;

struct Cell {
  std::vector<Block> blocks;
  Align align = Align::left; ///< default for paragraphs without their own
  bool bold = false;
};

struct Row {
  std::vector<Cell> cells;
  double space_before = 0;
};

/// Columns side by side (page header, Nơi nhận beside the signature, the two
/// signatures of minutes). Widths in points; a width of 0 takes what is left.
struct Grid {
  std::vector<double> columns;
  std::vector<Row> rows;
  bool keep_together = true;
  int lines_before = 0; ///< lines of the flow above that must share its page
  double space_before = 0;
  std::string role;
  Location location;
};

/// A bordered table whose rows may break across pages; header rows repeat.
struct Table {
  std::vector<double> columns;
  std::vector<Row> rows;
  int header_rows = 0;
  double border = 0.5;
  double padding = mm(1.2);
  double space_before = 0;
  double space_after = 0;
  Location location;
};

struct Block {
  std::variant<Paragraph, Rule, Spacer, Grid, Table> content;
};

struct PageSetup {
  double width = mm(210);
  double height = mm(297);
  double margin_top = mm(20);
  double margin_bottom = mm(20);
  double margin_left = mm(30);
  double margin_right = mm(15);
  bool page_numbers = true;
  int page_number_from = 2;
  double page_number_size = 14;
  double page_number_baseline = mm(13); ///< from the top edge
};

struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string lang = "vi-VN";
  std::string date; ///< YYYY-MM-DD, the document's own date, for reproducible output
};

struct DocTree {
  PageSetup page;
  Metadata meta;
  std::vector<Block> blocks;
};

/// Text of a paragraph without emphasis.
std::string paragraph_text(const Paragraph& p);

} // namespace vanban
