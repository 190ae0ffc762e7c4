#include "xlsx/xlsx_writer.hpp"

#include <xlsxwriter.h>

#include <cstdio>
#include <ctime>
#include <memory>

#include "base/atomic_file.hpp"

namespace vanban {

namespace {

lxw_datetime to_lxw(const Date& d) {
  return lxw_datetime{d.year, d.month, d.day, 0, 0, 0.0};
}

/// A page header must not let data start a header code: '&' is written '&&'.
std::string header_text(const std::string& title) {
  std::string out;
  for (char c : title) {
    out += c;
    if (c == '&')
      out += '&';
  }
  return out;
}

class XlsxWriter {
public:
  XlsxWriter(Workbook& book, lxw_workbook* wb) : book_(book), wb_(wb) {}

  void write() {
    properties();
    for (const CellFormat& f : book_.formats) {
      formats_.push_back(make_format(f));
    }
    for (Sheet& s : book_.sheets) {
      sheet(s);
    }
  }

private:
  void properties() {
    props_.title = const_cast<char*>(book_.title.c_str());
    props_.author = const_cast<char*>(book_.author.c_str());
    std::tm t{};
    t.tm_year = book_.created.year - 1900;
    t.tm_mon = book_.created.month - 1;
    t.tm_mday = book_.created.day;
    props_.created = timegm(&t); // the data's date, never the clock: same input, same bytes
    workbook_set_properties(wb_, &props_);
  }

  lxw_format* make_format(const CellFormat& f) {
    lxw_format* fmt = workbook_add_format(wb_);
    format_set_font_name(fmt, book_.font.c_str());
    format_set_font_size(fmt, f.size > 0 ? f.size : book_.font_size);
    if (f.bold)
      format_set_bold(fmt);
    if (f.italic)
      format_set_italic(fmt);
    if (f.wrap)
      format_set_text_wrap(fmt);
    format_set_align(fmt, LXW_ALIGN_VERTICAL_TOP);
    if (f.center)
      format_set_align(fmt, LXW_ALIGN_CENTER);
    if (f.border)
      format_set_border(fmt, LXW_BORDER_THIN);
    if (f.header) {
      format_set_align(fmt, LXW_ALIGN_VERTICAL_CENTER);
      format_set_bg_color(fmt, 0xD9E1F2);
      format_set_pattern(fmt, LXW_PATTERN_SOLID);
    }
    if (!f.fill.empty()) {
      format_set_bg_color(fmt,
                          static_cast<lxw_color_t>(std::strtoul(f.fill.c_str() + 1, nullptr, 16)));
      format_set_pattern(fmt, LXW_PATTERN_SOLID);
    }
    if (!f.number_format.empty())
      format_set_num_format(fmt, f.number_format.c_str());
    return fmt;
  }

  lxw_format* fmt(int index) const { return formats_[static_cast<std::size_t>(index)]; }

  void sheet(Sheet& s) {
    lxw_worksheet* ws = workbook_add_worksheet(wb_, s.name.c_str());
    for (std::size_t c = 0; c < s.widths.size(); ++c) {
      auto col = static_cast<lxw_col_t>(c);
      int f = c < s.column_formats.size() ? s.column_formats[c] : 0;
      worksheet_set_column(ws, col, col, s.widths[c], f != 0 ? fmt(f) : nullptr);
    }
    for (std::size_t r = 0; r < s.rows.size(); ++r) {
      for (std::size_t c = 0; c < s.rows[r].size(); ++c) {
        cell(ws, static_cast<lxw_row_t>(r), static_cast<lxw_col_t>(c), s.rows[r][c]);
      }
    }
    std::vector<std::vector<SheetCell>>().swap(s.rows); // libxlsxwriter has its own copy now
    if (s.header_row >= 0) {
      auto hr = static_cast<lxw_row_t>(s.header_row);
      worksheet_set_row(ws, hr, 32, nullptr); // room for labels wrapped on two lines
      worksheet_freeze_panes(ws, hr + 1, 0);
      worksheet_repeat_rows(ws, hr, hr);
      if (s.autofilter && !s.widths.empty()) {
        worksheet_autofilter(ws, hr, 0, hr + static_cast<lxw_row_t>(s.data_rows),
                             static_cast<lxw_col_t>(s.widths.size() - 1));
      }
    }
    for (const ListValidation& v : s.validations)
      validation(ws, v, static_cast<int>(s.widths.size()));
    for (const ConditionalFormat& f : s.conditional_formats)
      conditional(ws, f);
    for (const Chart& c : s.charts)
      chart(ws, c);
    print_setup(ws, s);
  }

  void cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const SheetCell& cell) {
    lxw_format* f = fmt(cell.format);
    switch (cell.kind) {
    case SheetCell::Kind::empty:
      if (cell.format != 0)
        worksheet_write_blank(ws, r, c, f);
      break;
    case SheetCell::Kind::text: worksheet_write_string(ws, r, c, cell.text.c_str(), f); break;
    case SheetCell::Kind::number: worksheet_write_number(ws, r, c, cell.number, f); break;
    case SheetCell::Kind::date: {
      lxw_datetime dt = to_lxw(cell.date);
      worksheet_write_datetime(ws, r, c, &dt, f);
      break;
    }
    case SheetCell::Kind::formula_number:
      // The computed value is stored with the formula: readers that do not
      // recalculate show the right figure, not 0.
      worksheet_write_formula_num(ws, r, c, cell.text.c_str(), f, cell.number);
      break;
    }
  }

  void validation(lxw_worksheet* ws, const ListValidation& v, int columns) {
    std::vector<const char*> values;
    std::size_t bytes = 0;
    bool comma = false;
    for (const std::string& s : v.values) {
      values.push_back(s.c_str());
      bytes += s.size() + 1;
      comma = comma || s.find(',') != std::string::npos;
    }
    values.push_back(nullptr);
    lxw_data_validation dv{};
    dv.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    std::string source;
    if (bytes <= 255 && !comma) {
      dv.validate = LXW_VALIDATION_TYPE_LIST;
      dv.value_list = const_cast<char**>(values.data());
    } else {
      // A written list holds 255 bytes and splits at commas: longer labels go in a
      // hidden column of the sheet, and the dropdown refers to it.
      auto col = static_cast<lxw_col_t>(columns + 1);
      for (std::size_t i = 0; i < v.values.size(); ++i) {
        worksheet_write_string(ws, static_cast<lxw_row_t>(i), col, v.values[i].c_str(), nullptr);
      }
      lxw_row_col_options hidden{};
      hidden.hidden = 1;
      worksheet_set_column_opt(ws, col, col, 20, nullptr, &hidden);
      std::string letters = column_letters(static_cast<int>(col));
      source = "=$" + letters + "$1:$" + letters + "$" + std::to_string(v.values.size());
      dv.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
      dv.value_formula = const_cast<char*>(source.c_str());
    }
    worksheet_data_validation_range(
        ws, static_cast<lxw_row_t>(v.range.first_row), static_cast<lxw_col_t>(v.range.first_col),
        static_cast<lxw_row_t>(v.range.last_row), static_cast<lxw_col_t>(v.range.last_col), &dv);
  }

  void conditional(lxw_worksheet* ws, const ConditionalFormat& f) {
    lxw_conditional_format cf{};
    cf.type = LXW_CONDITIONAL_TYPE_FORMULA;
    cf.value_string = const_cast<char*>(f.formula.c_str());
    cf.format = fmt(f.format);
    worksheet_conditional_format_range(
        ws, static_cast<lxw_row_t>(f.range.first_row), static_cast<lxw_col_t>(f.range.first_col),
        static_cast<lxw_row_t>(f.range.last_row), static_cast<lxw_col_t>(f.range.last_col), &cf);
  }

  void chart(lxw_worksheet* ws, const Chart& c) {
    lxw_chart* chart = workbook_add_chart(
        wb_, c.kind == Chart::Kind::column_stacked ? LXW_CHART_COLUMN_STACKED : LXW_CHART_COLUMN);
    for (const ChartSeries& s : c.series) {
      lxw_chart_series* series = chart_add_series(chart, s.categories.c_str(), s.values.c_str());
      chart_series_set_name(series, s.name.c_str());
    }
    chart_title_set_name(chart, c.title.c_str());
    if (!c.y_title.empty())
      chart_axis_set_name(chart->y_axis, c.y_title.c_str());
    chart_axis_set_min(chart->y_axis, 0); // counts start at zero, not at the smallest bar
    chart_axis_set_num_format(chart->y_axis, "0");
    lxw_chart_font font{};
    font.name = const_cast<char*>(book_.font.c_str());
    chart_title_set_name_font(chart, &font);
    chart_axis_set_num_font(chart->x_axis, &font);
    chart_axis_set_num_font(chart->y_axis, &font);
    chart_legend_set_font(chart, &font);
    lxw_chart_options options{};
    options.x_scale = 1.5;
    options.y_scale = 1.4;
    worksheet_insert_chart_opt(ws, static_cast<lxw_row_t>(c.row), static_cast<lxw_col_t>(c.col),
                               chart, &options);
  }

  void print_setup(lxw_worksheet* ws, const Sheet& s) {
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9); // A4
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_set_margins(ws, 0.5, 0.5, 0.75, 0.75);
    std::string header = "&C&\"" + book_.font + ",Bold\"" + header_text(s.print_title);
    std::string footer = "&C&\"" + book_.font + ",Regular\"Trang &P/&N";
    if (header.size() > 250) {
      // Excel's limit is 255; cut between characters, never inside one.
      std::size_t cut = 250;
      while (cut > 0 && (static_cast<unsigned char>(header[cut]) & 0xC0) == 0x80)
        --cut;
      header.resize(cut);
    }
    worksheet_set_header(ws, header.c_str());
    worksheet_set_footer(ws, footer.c_str());
  }

  Workbook& book_;
  lxw_workbook* wb_;
  lxw_doc_properties props_{};
  std::vector<lxw_format*> formats_;
};

} // namespace

bool write_xlsx(Workbook book, const std::string& path, Diagnostics& out) {
  std::string temp = temporary_path(path);
  lxw_workbook_options options{};
  lxw_workbook* wb = workbook_new_opt(temp.c_str(), &options);
  if (wb == nullptr) {
    out.error(path, {}, "", Msg::cannot_write_output, {path, "cannot create the workbook"});
    return false;
  }
  XlsxWriter(book, wb).write();
  lxw_error result = workbook_close(wb);
  if (result != LXW_NO_ERROR) {
    std::remove(temp.c_str());
    out.error(path, {}, "", Msg::cannot_write_output, {path, lxw_strerror(result)});
    return false;
  }
  std::string error;
  if (!commit_temporary(temp, path, error)) {
    out.error(path, {}, "", Msg::cannot_write_output, {path, error});
    return false;
  }
  return true;
}

} // namespace vanban
