#pragma once
// Filling one sheet from its template: title, header row, typed data cells.
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
  void text(const std::string& field, const std::string& value);
  void number(const std::string& field, double value);
  void date(const std::string& field, const std::optional<Date>& value);
  void formula(const std::string& field, const std::string& formula, double value);
  /// Finish: widths, frozen header, autofilter, print setup.
  Sheet& finish();

  int col(const std::string& field) const { return spec_.column(field); }
  int header_row() const { return header_row_; }
  int current_row() const { return static_cast<int>(sheet_.rows.size()) - 1; }
  int first_data_row() const { return header_row_ + 1; }
  const TemplateSheet& spec() const { return spec_; }
  Sheet& sheet() { return sheet_; }
  int format_for(const std::string& field);
  static bool is_date_field(const std::string& field);

private:
  SheetCell& cell(int col);

  Workbook& book_;
  const WorkbookTemplate& tmpl_;
  const TemplateSheet& spec_;
  Sheet sheet_;
  int header_row_ = 0;
  int date_format_ = 0;
  int body_format_ = 0;
};

} // namespace vanban
