#pragma once
// Workbook templates (templates/workbook-*.yaml, schema schemas/workbook.schema.json):
// which sheets, in which order, with which columns, labels, widths and formats.
#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.hpp"
#include "template/template_set.hpp"

namespace vanban {

struct TemplateColumn {
  std::string field;
  std::string label;
  double width = 12;
  std::string format;
};

struct TemplateSheet {
  std::string sheet; ///< facts, attendance, agenda, directives, summary, conferences, indicators,
                     ///< figures, charts
  std::string name;
  std::string title;
  std::vector<TemplateColumn> columns;

  /// Position of a field's column, or -1.
  int column(std::string_view field) const;
};

struct WorkbookTemplate {
  std::string workbook; ///< conference or statistics
  std::string title;
  std::string font = "Times New Roman";
  double font_size = 12;
  std::string date_format = "dd/mm/yyyy";
  /// Labels of not_started, in_progress, done, overdue, cancelled, in that order.
  std::array<std::string, 5> status_labels{"Chưa thực hiện", "Đang thực hiện", "Hoàn thành",
                                           "Quá hạn", "Đã hủy"};
  std::vector<TemplateSheet> sheets;

  const TemplateSheet* sheet(const std::string& kind) const;
};

/// Load `workbook-<kind>` from the template set and check it: the schema, then
/// that each field belongs to its sheet, that the fields the formulas need are
/// there, and that sheet names are unique.
std::optional<WorkbookTemplate>
load_workbook_template(const std::string& kind, const TemplateSet& templates, Diagnostics& out);

} // namespace vanban
