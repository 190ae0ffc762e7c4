#include "stats/conference_workbook.hpp"

#include "stats/labels.hpp"
#include "stats/sheet_builder.hpp"
#include "template/vietnamese.hpp"

namespace vanban {

namespace {

std::string join_titles(const Person& p) {
  std::string out;
  for (const std::string& t : p.titles)
    out += (out.empty() ? "" : ", ") + t;
  return out;
}

std::string names_of(const Conference& c, const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) {
    if (const Person* p = c.person(id))
      out += (out.empty() ? "" : "; ") + p->name;
  }
  return out;
}

class ConferenceBook {
public:
  ConferenceBook(const Conference& c, const WorkbookTemplate& tmpl) : c_(c), tmpl_(tmpl) {
    book_.title = tmpl.title + " — " + c.info.title;
    book_.author = c.issuer.name;
    book_.font = tmpl.font;
    book_.font_size = tmpl.font_size;
    book_.created = c.info.start.date;
  }

  Workbook build() {
    // Attendance and directives first: the facts sheet counts them with formulas.
    for (const TemplateSheet& s : tmpl_.sheets) {
      if (s.sheet == "attendance")
        attendance(s);
      if (s.sheet == "directives")
        directives(s);
    }
    std::vector<Sheet> ordered;
    for (const TemplateSheet& s : tmpl_.sheets) {
      if (s.sheet == "facts")
        ordered.push_back(facts(s));
      if (s.sheet == "agenda")
        ordered.push_back(agenda(s));
      if (s.sheet == "attendance")
        ordered.push_back(attendance_sheet_);
      if (s.sheet == "directives")
        ordered.push_back(directives_sheet_);
    }
    book_.sheets = std::move(ordered);
    return std::move(book_);
  }

private:
  Sheet facts(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    auto line = [&](const std::string& label, const std::string& value) {
      b.row();
      b.text("label", label);
      b.text("value", value);
    };
    const ConferenceInfo& i = c_.info;
    line("Cơ quan ban hành", c_.issuer.name);
    line("Cơ quan cấp trên", c_.issuer.parent);
    line("Thể thức", c_.standard == Standard::party
                         ? "Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)"
                         : "Văn bản hành chính (Nghị định 30/2020/NĐ-CP)");
    line("Loại hội nghị", kind_words(i.kind));
    line("Tên hội nghị", capitalize_first(i.title));
    line("Kỳ báo cáo", period_words(i.period));
    line("Thời gian bắt đầu",
         time_words(i.start.hour, i.start.minute) + ", " + date_words(i.start.date));
    if (i.end)
      line("Thời gian kết thúc",
           time_words(i.end->hour, i.end->minute) + ", " + date_words(i.end->date));
    line("Địa điểm", i.venue);
    line("Chủ trì", names_of(c_, i.chairs));
    line("Thư ký", names_of(c_, {i.secretary}));
    count_line(b, "Số người có mặt", attendance_present_, static_cast<double>(present_count(c_)));
    count_line(b, "Số người vắng", attendance_absent_,
               static_cast<double>(c_.attendees.size()) - present_count(c_));
    count_line(b, "Số nhiệm vụ", directives_total_, static_cast<double>(c_.directives.size()));
    count_line(b, "Số nhiệm vụ hoàn thành", directives_done_, done_count());
    Sheet& s = b.finish();
    s.autofilter = false;
    return std::move(s);
  }

  void count_line(SheetBuilder& b, const std::string& label, const std::string& formula,
                  double value) {
    b.row();
    b.text("label", label);
    if (formula.empty()) {
      b.number("value", value);
    } else {
      b.formula("value", formula, value);
    }
  }

  double done_count() const {
    double n = 0;
    for (const Directive& d : c_.directives)
      n += d.status == DirectiveStatus::done ? 1 : 0;
    return n;
  }

  void attendance(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    std::size_t k = 0;
    for (const Person& p : c_.attendees) {
      b.row();
      b.number("stt", static_cast<double>(++k));
      b.text("name", p.name);
      b.text("titles", join_titles(p));
      b.text("unit", p.unit);
      b.text("role", role_words(p.role));
      b.text("attendance", attendance_words(p) +
                               (p.attendance == Attendance::delegated ? ": " + p.delegate : ""));
      b.text("reason", p.reason);
    }
    int col = b.col("attendance");
    int first = b.first_data_row();
    int last = b.current_row();
    std::string range = "'" + spec.name + "'!" + absolute_cell(first, col) + ":" +
                        absolute_cell(std::max(first, last), col);
    attendance_present_ = "=COUNTIF(" + range + ",\"Có mặt\")";
    attendance_absent_ = "=COUNTA(" + range + ")-COUNTIF(" + range + ",\"Có mặt\")";
    Sheet& s = b.finish();
    attendance_sheet_ = s;
  }

  void directives(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    for (const Directive& d : c_.directives) {
      b.row();
      b.number("number", d.number);
      b.text("content", plain_text(d.content));
      b.text("lead", lead_units(d));
      b.text("support", support_units(d));
      b.date("deadline", d.deadline);
      Directive rule_only;
      rule_only.deadline_rule = d.deadline_rule;
      b.text("deadline_rule", deadline_words(rule_only));
      b.text("status", status_label(tmpl_, d.status));
      b.date("completed", d.completed);
      b.text("notes", d.notes);
    }
    int first = b.first_data_row();
    int last = std::max(first, b.current_row());
    int status = b.col("status");
    int deadline = b.col("deadline");
    int columns = static_cast<int>(spec.columns.size());
    Sheet& s = b.finish();
    std::string status_range =
        "'" + spec.name + "'!" + absolute_cell(first, status) + ":" + absolute_cell(last, status);
    directives_total_ = "=COUNTA(" + status_range + ")";
    directives_done_ = "=COUNTIF(" + status_range + "," +
                       formula_text(status_label(tmpl_, DirectiveStatus::done)) + ")";
    // A dropdown on the status column, room left for rows added by hand.
    s.validations.push_back({{first, status, last + 200, status},
                             {tmpl_.status_labels.begin(), tmpl_.status_labels.end()}});
    std::string st = "$" + column_letters(status) + std::to_string(first + 1);
    std::string dl = "$" + column_letters(deadline) + std::to_string(first + 1);
    CellFormat overdue;
    overdue.fill = "#F8CBAD";
    CellFormat done;
    done.fill = "#C6EFCE";
    const std::string& done_label = status_label(tmpl_, DirectiveStatus::done);
    const std::string& cancelled_label = status_label(tmpl_, DirectiveStatus::cancelled);
    const std::string& overdue_label = status_label(tmpl_, DirectiveStatus::overdue);
    CellRange rows{first, 0, last + 200, columns - 1};
    s.conditional_formats.push_back({rows,
                                     "=AND(" + st + "<>" + formula_text(done_label) + "," + st +
                                         "<>" + formula_text(cancelled_label) + ",OR(" + st + "=" +
                                         formula_text(overdue_label) + ",AND(ISNUMBER(" + dl +
                                         ")," + dl + "<TODAY())))",
                                     book_.format(overdue)});
    s.conditional_formats.push_back(
        {rows, "=" + st + "=" + formula_text(done_label), book_.format(done)});
    directives_sheet_ = s;
  }

  Sheet agenda(const TemplateSheet& spec) {
    SheetBuilder b(book_, tmpl_, spec);
    b.begin();
    std::size_t k = 0;
    for (const AgendaItem& a : c_.agenda) {
      b.row();
      b.number("stt", static_cast<double>(++k));
      b.text("title", a.title);
      const Person* p = c_.person(a.presenter);
      b.text("presenter", p != nullptr ? p->name : "");
    }
    return std::move(b.finish());
  }

  const Conference& c_;
  const WorkbookTemplate& tmpl_;
  Workbook book_;
  Sheet attendance_sheet_;
  Sheet directives_sheet_;
  std::string attendance_present_, attendance_absent_, directives_total_, directives_done_;
};

} // namespace

Workbook conference_workbook(const Conference& c, const WorkbookTemplate& tmpl) {
  return ConferenceBook(c, tmpl).build();
}

} // namespace vanban
