#pragma once
// A workbook as plain values: sheets of typed cells with formats, formulas with
// the values the engine computed, validations, conditional formats, charts and
// print setup. Built by stats/, written by xlsx/ (the only user of libxlsxwriter).
#include <string>
#include <vector>

#include "model/conference.hpp"

namespace vanban {

struct CellFormat {
  bool bold = false;
  bool italic = false;
  bool wrap = true;
  bool border = true;
  bool center = false;
  bool header = false; ///< shaded header cell
  double size = 0;     ///< 0: the workbook's size
  std::string number_format;
  std::string fill; ///< "#RRGGBB", for conditional formats
  bool operator==(const CellFormat&) const = default;
};

/// Text without borders or wrapping.
inline CellFormat plain_format() {
  CellFormat f;
  f.wrap = false;
  f.border = false;
  return f;
}

struct SheetCell {
  enum class Kind { empty, text, number, date, formula_number };
  Kind kind = Kind::empty;
  std::string text;  ///< text, or a formula starting with '='
  double number = 0; ///< number, or the cached result of the formula
  Date date;
  int format = 0; ///< index into Workbook::formats
};

/// A rectangle of cells, 0-based, inclusive.
struct CellRange {
  int first_row = 0, first_col = 0, last_row = 0, last_col = 0;
};

struct ListValidation {
  CellRange range;
  std::vector<std::string> values;
};

struct ConditionalFormat {
  CellRange range;
  std::string formula; ///< relative to the range's first cell
  int format = 0;
};

struct ChartSeries {
  std::string name;
  std::string categories; ///< "='Biểu đồ'!$A$4:$A$9"
  std::string values;
};

struct Chart {
  enum class Kind { column, column_stacked };
  Kind kind = Kind::column;
  std::string title;
  std::string x_title;
  std::string y_title;
  std::vector<ChartSeries> series;
  int row = 0, col = 0; ///< top-left anchor
};

struct Sheet {
  std::string name;
  std::vector<double> widths;      ///< characters, per column
  std::vector<int> column_formats; ///< per column, for cells typed in later (dates stay dates)
  std::vector<std::vector<SheetCell>> rows;
  int header_row = -1;     ///< frozen and repeated when printed; -1: none
  bool autofilter = false; ///< over the header row and the data below it
  int data_rows = 0;       ///< rows after the header that hold data
  std::vector<ListValidation> validations;
  std::vector<ConditionalFormat> conditional_formats;
  std::vector<Chart> charts;
  std::string print_title; ///< page header
};

struct Workbook {
  std::string title;
  std::string author;
  std::string font = "Times New Roman";
  double font_size = 12;
  Date created; ///< written as the creation date: same input, same bytes
  /// Format 0 is plain text without borders (titles, notes); table cells name theirs.
  std::vector<CellFormat> formats{plain_format()};
  std::vector<Sheet> sheets;

  /// Index of an equal format, added when new.
  int format(const CellFormat& f);
};

/// "A", "B", …, "AA" for a 0-based column.
std::string column_letters(int col);
/// "'Nhiệm vụ'!$J:$J" — a whole column of a sheet, quoted for formulas.
std::string whole_column(const std::string& sheet, int col);
/// "$A$4"
std::string absolute_cell(int row, int col);
/// "A4"
std::string relative_cell(int row, int col);
/// A formula string literal: "Hoàn thành" with quotes doubled.
std::string formula_text(const std::string& text);

} // namespace vanban
