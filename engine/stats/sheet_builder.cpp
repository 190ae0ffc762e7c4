#include "stats/sheet_builder.hpp"

namespace vanban {

SheetBuilder::SheetBuilder(Workbook& book, const WorkbookTemplate& tmpl, const TemplateSheet& spec)
    : book_(book), tmpl_(tmpl), spec_(spec), column_format_(spec.columns.size(), -1) {
  sheet_.name = spec.name;
  sheet_.print_title = tmpl.title;
  CellFormat date;
  date.number_format = tmpl.date_format;
  date.center = true;
  date_format_ = book_.format(date);
  body_format_ = book_.format(CellFormat{});
}

void SheetBuilder::begin() {
  int columns = static_cast<int>(spec_.columns.size());
  if (!spec_.title.empty()) {
    CellFormat title;
    title.bold = true;
    title.border = false;
    title.wrap = false;
    title.size = tmpl_.font_size + 2;
    std::vector<SheetCell> line(static_cast<std::size_t>(columns));
    line[0] = {SheetCell::Kind::text, spec_.title, 0, {}, book_.format(title)};
    sheet_.rows.push_back(std::move(line));
    sheet_.rows.emplace_back(); // a blank line under the title
  }
  CellFormat header;
  header.bold = true;
  header.center = true;
  header.header = true;
  int fmt = book_.format(header);
  std::vector<SheetCell> labels;
  for (const TemplateColumn& c : spec_.columns) {
    labels.push_back({SheetCell::Kind::text, c.label, 0, {}, fmt});
    sheet_.widths.push_back(c.width);
  }
  header_row_ = static_cast<int>(sheet_.rows.size());
  sheet_.rows.push_back(std::move(labels));
}

void SheetBuilder::row() {
  // Empty cells of a row still carry the table's borders and font.
  std::vector<SheetCell> cells(spec_.columns.size());
  for (std::size_t c = 0; c < cells.size(); ++c) {
    cells[c].format = format_for(spec_.columns[c].field);
  }
  sheet_.rows.push_back(std::move(cells));
  ++sheet_.data_rows;
}

SheetCell& SheetBuilder::cell(int col) {
  return sheet_.rows.back()[static_cast<std::size_t>(col)];
}

int SheetBuilder::format_for(std::string_view field) {
  int c = col(field);
  if (c < 0) {
    return body_format_;
  }
  int& made = column_format_[static_cast<std::size_t>(c)];
  if (made >= 0) {
    return made;
  }
  if (is_date_field(field)) {
    made = date_format_;
  } else if (spec_.columns[static_cast<std::size_t>(c)].format.empty()) {
    made = body_format_;
  } else {
    CellFormat f;
    f.number_format = spec_.columns[static_cast<std::size_t>(c)].format;
    made = book_.format(f);
  }
  return made;
}

void SheetBuilder::text(std::string_view field, const std::string& value) {
  int c = col(field);
  if (c >= 0 && !value.empty()) {
    cell(c) = {SheetCell::Kind::text, value, 0, {}, body_format_};
  }
}

void SheetBuilder::number(std::string_view field, double value) {
  int c = col(field);
  if (c >= 0) {
    cell(c) = {SheetCell::Kind::number, "", value, {}, format_for(field)};
  }
}

void SheetBuilder::date(std::string_view field, const std::optional<Date>& value) {
  int c = col(field);
  if (c >= 0 && value) {
    cell(c) = {SheetCell::Kind::date, "", 0, *value, date_format_};
  }
}

void SheetBuilder::formula(std::string_view field, const std::string& formula, double value) {
  int c = col(field);
  if (c >= 0) {
    cell(c) = {SheetCell::Kind::formula_number, formula, value, {}, format_for(field)};
  }
}

bool SheetBuilder::is_date_field(std::string_view field) {
  return field == "deadline" || field == "completed" || field == "date" ||
         field == "conference_date";
}

Sheet& SheetBuilder::finish() {
  for (const TemplateColumn& c : spec_.columns) {
    sheet_.column_formats.push_back(is_date_field(c.field) ? date_format_ : 0);
  }
  sheet_.header_row = header_row_;
  sheet_.autofilter = true;
  return sheet_;
}

} // namespace vanban
