#include "stats/statistics.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "stats/labels.hpp"
#include "stats/sheet_builder.hpp"
#include "template/vietnamese.hpp"

namespace vanban {

bool in_period(const ConferenceRecord& r, const std::string& period) {
  return period.empty() || r.quarter == period || r.quarter.substr(0, 4) == period;
}

namespace {

constexpr const char* kTotalRow = "Tổng số"; ///< the breakdown column of an indicator's own value

/// One directive with the conference it came from.
struct DirectiveRow {
  const ConferenceRecord* conference;
  const DirectiveRecord* directive;
};

/// One figure with the conference it came from.
struct FigureRow {
  const ConferenceRecord* conference;
  const FigureRecord* figure;
  const std::string& breakdown() const {
    return figure->breakdown.empty() ? total_ : figure->breakdown;
  }
  static inline const std::string total_ = kTotalRow;
};

class StatisticsBook {
public:
  StatisticsBook(const std::vector<ConferenceRecord>& sorted, const WorkbookTemplate& tmpl,
                 const StatisticsOptions& options)
      : tmpl_(tmpl), options_(options) {
    for (const ConferenceRecord& c : sorted) {
      if (in_period(c, options.period))
        conferences_.push_back(&c);
    }
    for (const ConferenceRecord* c : conferences_) {
      for (const DirectiveRecord& d : c->directives)
        directives_.push_back({c, &d});
      for (const FigureRecord& f : c->figures)
        figures_.push_back({c, &f});
      units_.insert(c->unit);
      unit_periods_.insert({c->unit, c->quarter});
      months_.insert(c->month);
    }
    book_.title = tmpl.title;
    book_.author = "vanban";
    book_.font = tmpl.font;
    book_.font_size = tmpl.font_size;
    book_.created = options.as_of;
  }

  Workbook build() {
    // Data sheets first: the summary's formulas need their columns.
    std::map<std::string, Sheet> made;
    for (const TemplateSheet& s : tmpl_.sheets) {
      if (s.sheet == "conferences")
        made[s.sheet] = conferences_sheet(s);
      if (s.sheet == "figures")
        made[s.sheet] = figures_sheet(s);
    }
    for (const TemplateSheet& s : tmpl_.sheets) {
      if (s.sheet == "directives")
        made[s.sheet] = directives_sheet(s);
    }
    for (const TemplateSheet& s : tmpl_.sheets) {
      if (s.sheet == "summary")
        made[s.sheet] = summary_sheet(s);
      if (s.sheet == "indicators")
        made[s.sheet] = indicators_sheet(s);
      if (s.sheet == "charts")
        made[s.sheet] = charts_sheet(s);
    }
    for (const TemplateSheet& s : tmpl_.sheets) {
      if (made.contains(s.sheet))
        book_.sheets.push_back(std::move(made[s.sheet]));
    }
    return std::move(book_);
  }

private:
  // ---- references into the data sheets --------------------------------------

  std::string column_of(const char* sheet, const char* field) const {
    const TemplateSheet* s = tmpl_.sheet(sheet);
    if (s == nullptr || s->column(field) < 0)
      return "";
    return whole_column(s->name, s->column(field));
  }

  std::string as_of_cell() const {
    const TemplateSheet* s = tmpl_.sheet("summary");
    return "'" + s->name + "'!" + absolute_cell(1, 1);
  }

  // ---- sheets ---------------------------------------------------------------

  Sheet conferences_sheet(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    for (const ConferenceRecord* c : conferences_) {
      b.row();
      b.text("unit", c->unit);
      b.text("period", c->quarter);
      b.text("reporting_period", c->reporting_period);
      b.date("date", c->start.date);
      b.text("month", c->month);
      b.text("kind", c->kind);
      b.text("title", c->title);
      b.number("present", c->attendees);
      b.number("directives", static_cast<double>(c->directives.size()));
    }
    return std::move(b.finish());
  }

  Sheet directives_sheet(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    int status = b.col("status");
    int deadline = b.col("deadline");
    // The same for every row: made once (90,000 rows over 10,000 conferences).
    const std::string done = label(DirectiveStatus::done);
    const std::string cancelled = label(DirectiveStatus::cancelled);
    const std::string overdue = label(DirectiveStatus::overdue);
    const std::string as_of = as_of_cell();
    for (const DirectiveRow& r : directives_) {
      const DirectiveRecord& d = *r.directive;
      b.row();
      b.text("unit", r.conference->unit);
      b.text("period", r.conference->quarter);
      b.date("conference_date", r.conference->start.date);
      b.text("conference", r.conference->title);
      b.number("number", d.number);
      b.text("content", d.content);
      b.text("lead", d.lead);
      b.text("support", d.support);
      b.date("deadline", d.deadline);
      b.text("deadline_rule", d.deadline_rule);
      b.text("status", status_label(tmpl_, d.status));
      b.date("completed", d.completed);
      b.text("notes", d.notes);
      int row = b.current_row();
      std::string st = relative_cell(row, status);
      std::string dl = relative_cell(row, deadline);
      b.formula("overdue",
                "=IF(AND(" + st + "<>" + done + "," + st + "<>" + cancelled + ",OR(" + st + "=" +
                    overdue + ",AND(ISNUMBER(" + dl + ")," + dl + "<" + as_of + "))),1,0)",
                overdue_as_of(d, options_.as_of) ? 1 : 0);
    }
    Sheet& s = b.finish();
    if (status >= 0 && b.current_row() >= b.first_data_row()) {
      s.validations.push_back({{b.first_data_row(), status, b.current_row(), status},
                               {tmpl_.status_labels.begin(), tmpl_.status_labels.end()}});
    }
    return std::move(s);
  }

  std::string label(DirectiveStatus s) const { return formula_text(status_label(tmpl_, s)); }

  Sheet summary_sheet(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    // Row 2 (index 1) holds the as-of date every overdue formula compares with.
    Sheet& sheet = b.sheet();
    sheet.rows[1].resize(std::max<std::size_t>(2, sheet.rows[1].size()));
    sheet.rows[1][0] = {SheetCell::Kind::text, "Tính đến ngày:", 0, {}, 0};
    CellFormat date_format;
    date_format.number_format = tmpl_.date_format;
    date_format.bold = true;
    sheet.rows[1][1] = {SheetCell::Kind::date, "", 0, options_.as_of, book_.format(date_format)};
    std::string c_unit = column_of("conferences", "unit"),
                c_period = column_of("conferences", "period");
    std::string c_present = column_of("conferences", "present");
    std::string d_unit = column_of("directives", "unit"),
                d_period = column_of("directives", "period");
    std::string d_status = column_of("directives", "status"),
                d_overdue = column_of("directives", "overdue");
    int unit_col = b.col("unit"), period_col = b.col("period");
    for (const auto& [unit, period] : unit_periods_) {
      b.row();
      b.text("unit", unit);
      b.text("period", period);
      int row = b.current_row();
      std::string u = "$" + column_letters(unit_col) + std::to_string(row + 1);
      std::string p = "$" + column_letters(period_col) + std::to_string(row + 1);
      double conferences = 0, attendees = 0;
      std::array<double, 5> by_status{};
      double directives = 0, overdue = 0;
      for (const ConferenceRecord* c : conferences_) {
        if (c->unit != unit || c->quarter != period)
          continue;
        conferences += 1;
        attendees += c->attendees;
        for (const DirectiveRecord& d : c->directives) {
          directives += 1;
          by_status[static_cast<std::size_t>(d.status)] += 1;
          overdue += overdue_as_of(d, options_.as_of) ? 1 : 0;
        }
      }
      b.formula("conferences", "=COUNTIFS(" + c_unit + "," + u + "," + c_period + "," + p + ")",
                conferences);
      b.formula("attendees",
                "=SUMIFS(" + c_present + "," + c_unit + "," + u + "," + c_period + "," + p + ")",
                attendees);
      b.formula("directives", "=COUNTIFS(" + d_unit + "," + u + "," + d_period + "," + p + ")",
                directives);
      const char* fields[] = {"not_started", "in_progress", "done", "overdue_status", "cancelled"};
      for (std::size_t k = 0; k < 5; ++k) {
        if (k == 3)
          continue; // the overdue column counts overdue as of the date, below
        b.formula(fields[k],
                  "=COUNTIFS(" + d_unit + "," + u + "," + d_period + "," + p + "," + d_status +
                      "," + label(static_cast<DirectiveStatus>(k)) + ")",
                  by_status[k]);
      }
      b.formula("overdue",
                "=SUMIFS(" + d_overdue + "," + d_unit + "," + u + "," + d_period + "," + p + ")",
                overdue);
    }
    total_row(b, {"conferences", "attendees", "directives", "not_started", "in_progress", "done",
                  "cancelled", "overdue"});
    return std::move(b.finish());
  }

  /// "Tổng cộng" under the data, each numeric column summed by formula.
  void total_row(SheetBuilder& b, const std::vector<std::string>& fields) {
    int first = b.first_data_row();
    int last = b.current_row();
    std::vector<double> sums;
    for (const std::string& f : fields) {
      double sum = 0;
      int c = b.col(f);
      for (int r = first; r <= last && c >= 0; ++r) {
        const SheetCell& cell =
            b.sheet().rows[static_cast<std::size_t>(r)][static_cast<std::size_t>(c)];
        sum += cell.number;
      }
      sums.push_back(sum);
    }
    b.row();
    --b.sheet().data_rows; // the total is not data: the autofilter stops above it
    b.text(b.spec().columns[0].field, "Tổng cộng");
    for (std::size_t i = 0; i < fields.size(); ++i) {
      int c = b.col(fields[i]);
      if (c < 0 || last < first)
        continue;
      b.formula(fields[i], "=SUM(" + relative_cell(first, c) + ":" + relative_cell(last, c) + ")",
                sums[i]);
    }
  }

  Sheet figures_sheet(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    for (const FigureRow& f : figures_) {
      b.row();
      b.text("unit", f.conference->unit);
      b.text("period", f.conference->quarter);
      b.date("conference_date", f.conference->start.date);
      b.text("indicator_id", f.figure->indicator_id);
      b.text("indicator", f.figure->indicator);
      b.text("measure", f.figure->measure);
      b.text("breakdown", f.breakdown());
      b.text("part", f.figure->part);
      b.number("value", f.figure->value);
    }
    return std::move(b.finish());
  }

  Sheet indicators_sheet(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    // indicator × unit × period, summed over the conferences of that unit and quarter.
    std::map<std::tuple<std::string, std::string, std::string>,
             std::pair<const FigureRecord*, double>>
        cells;
    for (const FigureRow& f : figures_) {
      if (!f.figure->breakdown.empty())
        continue;
      auto key = std::make_tuple(f.figure->indicator_id, f.conference->unit, f.conference->quarter);
      auto [it, fresh] = cells.try_emplace(key, f.figure, 0.0);
      it->second.second += f.figure->value;
    }
    std::string f_id = column_of("figures", "indicator_id"), f_unit = column_of("figures", "unit");
    std::string f_period = column_of("figures", "period"),
                f_breakdown = column_of("figures", "breakdown");
    std::string f_value = column_of("figures", "value");
    for (const auto& [key, entry] : cells) {
      const auto& [id, unit, period] = key;
      b.row();
      b.text("indicator_id", id);
      b.text("indicator", entry.first->indicator);
      b.text("measure", entry.first->measure);
      b.text("unit", unit);
      b.text("period", period);
      int row = b.current_row();
      auto ref = [&](const char* field) {
        return "$" + column_letters(b.col(field)) + std::to_string(row + 1);
      };
      if (!f_value.empty()) {
        b.formula("value",
                  "=SUMIFS(" + f_value + "," + f_id + "," + ref("indicator_id") + "," + f_unit +
                      "," + ref("unit") + "," + f_period + "," + ref("period") + "," + f_breakdown +
                      "," + formula_text(kTotalRow) + ")",
                  entry.second);
      } else {
        b.number("value", entry.second);
      }
    }
    return std::move(b.finish());
  }

  Sheet charts_sheet(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    std::string d_unit = column_of("directives", "unit"),
                d_status = column_of("directives", "status");
    std::string d_overdue = column_of("directives", "overdue"),
                c_month = column_of("conferences", "month");
    std::vector<std::string> units(units_.begin(), units_.end());
    std::vector<std::string> months(months_.begin(), months_.end());
    std::size_t rows = std::max(units.size(), months.size());
    const char* status_fields[] = {"not_started", "in_progress", "done", "overdue_status",
                                   "cancelled"};
    for (std::size_t i = 0; i < rows; ++i) {
      b.row();
      int row = b.current_row();
      if (i < units.size()) {
        b.text("unit", units[i]);
        std::string u = "$" + column_letters(b.col("unit")) + std::to_string(row + 1);
        std::array<double, 5> counts{};
        double overdue = 0;
        for (const DirectiveRow& r : directives_) {
          if (r.conference->unit != units[i])
            continue;
          counts[static_cast<std::size_t>(r.directive->status)] += 1;
          overdue += overdue_as_of(*r.directive, options_.as_of) ? 1 : 0;
        }
        for (std::size_t k = 0; k < 5; ++k) {
          if (k == 3)
            continue;
          b.formula(status_fields[k],
                    "=COUNTIFS(" + d_unit + "," + u + "," + d_status + "," +
                        label(static_cast<DirectiveStatus>(k)) + ")",
                    counts[k]);
        }
        b.formula("overdue", "=SUMIFS(" + d_overdue + "," + d_unit + "," + u + ")", overdue);
      }
      if (i < months.size()) {
        b.text("month", months[i]);
        std::string m = "$" + column_letters(b.col("month")) + std::to_string(row + 1);
        double n = 0;
        for (const ConferenceRecord* c : conferences_)
          n += c->month == months[i] ? 1 : 0;
        b.formula("conferences", "=COUNTIFS(" + c_month + "," + m + ")", n);
      }
    }
    Sheet& s = b.finish();
    s.autofilter = false;
    add_charts(b, s, units.size(), months.size());
    return std::move(s);
  }

  void add_charts(SheetBuilder& b, Sheet& s, std::size_t units, std::size_t months) {
    int first = b.first_data_row();
    int below = first + static_cast<int>(std::max<std::size_t>({units, months, 1})) + 2;
    auto range = [&](int col, std::size_t count) {
      return "='" + s.name + "'!" + absolute_cell(first, col) + ":" +
             absolute_cell(first + static_cast<int>(count) - 1, col);
    };
    if (units > 0) {
      Chart by_status;
      by_status.kind = Chart::Kind::column_stacked;
      by_status.title = "Nhiệm vụ theo tình trạng và đơn vị";
      by_status.y_title = "Số nhiệm vụ";
      for (const char* field : {"not_started", "in_progress", "done", "cancelled"}) {
        int c = b.col(field);
        if (c < 0)
          continue;
        by_status.series.push_back({b.spec().columns[static_cast<std::size_t>(c)].label,
                                    range(b.col("unit"), units), range(c, units)});
      }
      by_status.row = below;
      by_status.col = 0;
      s.charts.push_back(by_status);
    }
    if (months > 0) {
      Chart per_month;
      per_month.title = "Số hội nghị theo tháng";
      per_month.y_title = "Số hội nghị";
      int c = b.col("conferences");
      per_month.series.push_back({b.spec().columns[static_cast<std::size_t>(c)].label,
                                  range(b.col("month"), months), range(c, months)});
      per_month.row = below + (units > 0 ? 22 : 0); // under the first chart, never over it
      per_month.col = 0;
      s.charts.push_back(per_month);
    }
  }

  const WorkbookTemplate& tmpl_;
  const StatisticsOptions& options_;
  Workbook book_;
  std::vector<const ConferenceRecord*> conferences_;
  std::vector<DirectiveRow> directives_;
  std::vector<FigureRow> figures_;
  std::set<std::string> units_;
  std::set<std::pair<std::string, std::string>> unit_periods_;
  std::set<std::string> months_;
};

} // namespace

Workbook statistics_workbook(std::vector<ConferenceRecord> records, const WorkbookTemplate& tmpl,
                             const StatisticsOptions& options) {
  sort_records(records);
  return StatisticsBook(records, tmpl, options).build();
}

} // namespace vanban
