#pragma once
// Filling one sheet from its template: title, header row, typed data cells.
#include <string_view>
#include <vector>

#include "stats/workbook.hpp"
#include "stats/workbook_template.hpp"

namespace vanban {

class SheetBuilder {
public:
  SheetBuilder(Workbook& book, const WorkbookTemplate& tmpl, const TemplateSheet& spec);

  /// The title line and the header row; data rows follow.
  void begin();
  /// Start a new data row.
  void row();
  void text(std::string_view field, const std::string& value);
  void number(std::string_view field, double value);
  void date(std::string_view field, const std::optional<Date>& value);
  void formula(std::string_view field, const std::string& formula, double value);
  /// Finish: widths, frozen header, autofilter, print setup. Move the sheet out when
  /// done with the builder: a copy of a data sheet costs as much as building it.
  Sheet& finish();

  int col(std::string_view field) const { return spec_.column(field); }
  int header_row() const { return header_row_; }
  int current_row() const { return static_cast<int>(sheet_.rows.size()) - 1; }
  int first_data_row() const { return header_row_ + 1; }
  const TemplateSheet& spec() const { return spec_; }
  Sheet& sheet() { return sheet_; }
  int format_for(std::string_view field);
  static bool is_date_field(std::string_view field);

private:
  SheetCell& cell(int col);

  Workbook& book_;
  const WorkbookTemplate& tmpl_;
  const TemplateSheet& spec_;
  Sheet sheet_;
  int header_row_ = 0;
  int date_format_ = 0;
  int body_format_ = 0;
  /// Each column's format once made (-1: not yet): every data row asks for all of them.
  /// Made on first use, so that formats are added to the workbook in the same order.
  std::vector<int> column_format_;
};

} // namespace vanban
