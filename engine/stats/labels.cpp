#include "stats/labels.hpp"

#include "template/vietnamese.hpp"

namespace vanban {

const char* kind_words(ConferenceKind k) {
  switch (k) {
  case ConferenceKind::review: return "Sơ kết";
  case ConferenceKind::year_end_review: return "Tổng kết";
  case ConferenceKind::thematic: return "Chuyên đề";
  case ConferenceKind::launch: return "Phát động";
  case ConferenceKind::working_session: return "Làm việc";
  case ConferenceKind::regular: return "Thường kỳ";
  case ConferenceKind::extraordinary: return "Bất thường";
  case ConferenceKind::briefing: return "Quán triệt";
  case ConferenceKind::other: return "Khác";
  }
  return "Khác";
}

const char* role_words(Role r) {
  switch (r) {
  case Role::chair: return "Chủ trì";
  case Role::secretary: return "Thư ký";
  case Role::presenter: return "Trình bày";
  case Role::member: return "Thành viên";
  case Role::guest: return "Khách mời";
  }
  return "";
}

std::string attendance_words(const Person& p) {
  switch (p.attendance) {
  case Attendance::present: return "Có mặt";
  case Attendance::absent_with_permission: return "Vắng có lý do";
  case Attendance::absent_without_permission: return "Vắng không lý do";
  case Attendance::delegated: return "Cử người dự thay";
  }
  return "";
}

const std::string& status_label(const WorkbookTemplate& t, DirectiveStatus s) {
  return t.status_labels[static_cast<std::size_t>(s)];
}

namespace {
std::string units(const Directive& d, bool lead) {
  std::string out;
  for (const Assignee& a : d.assignees) {
    if (a.lead == lead)
      out += (out.empty() ? "" : "; ") + a.unit;
  }
  return out;
}
} // namespace

std::string lead_units(const Directive& d) {
  return units(d, true);
}
std::string support_units(const Directive& d) {
  return units(d, false);
}

std::string held_quarter(const Conference& c) {
  const Date& d = c.info.start.date;
  return std::to_string(d.year) + "-Q" + std::to_string((d.month - 1) / 3 + 1);
}

std::string held_month(const Conference& c) {
  const Date& d = c.info.start.date;
  return std::to_string(d.year) + "-" + pad2(d.month);
}

int present_count(const Conference& c) {
  int n = 0;
  for (const Person& p : c.attendees)
    n += p.attendance == Attendance::present ? 1 : 0;
  return n;
}

int attendee_total(const Conference& c) {
  int n = present_count(c);
  for (const AttendeeGroup& g : c.groups)
    n += g.count.value_or(0);
  return n;
}

long serial_day(const Date& d) {
  // Days from civil (Howard Hinnant's algorithm), shifted to the 1899-12-30 epoch.
  int y = d.year - (d.month <= 2 ? 1 : 0);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  long days = era * 146097 + doe - 719468; // since 1970-01-01
  return days + 25569;
}

} // namespace vanban
