#include "stats/workbook.hpp"

namespace vanban {

int Workbook::format(const CellFormat& f) {
  for (std::size_t i = 0; i < formats.size(); ++i) {
    if (formats[i] == f) {
      return static_cast<int>(i);
    }
  }
  formats.push_back(f);
  return static_cast<int>(formats.size() - 1);
}

std::string column_letters(int col) {
  std::string out;
  for (int c = col + 1; c > 0; c = (c - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return out;
}

std::string whole_column(const std::string& sheet, int col) {
  std::string letters = column_letters(col);
  return "'" + sheet + "'!$" + letters + ":$" + letters;
}

std::string absolute_cell(int row, int col) {
  return "$" + column_letters(col) + "$" + std::to_string(row + 1);
}

std::string relative_cell(int row, int col) {
  return column_letters(col) + std::to_string(row + 1);
}

std::string formula_text(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    out += c;
    if (c == '"') {
      out += '"';
    }
  }
  return out + "\"";
}

} // namespace vanban
