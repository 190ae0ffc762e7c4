#include "model/conference.hpp"

#include <cstdio>

namespace vanban {

bool is_real_date(int year, int month, int day) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1 || month < 1 || month > 12 || day < 1) {
    return false;
  }
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  int days = kDays[month - 1] + (month == 2 && leap ? 1 : 0);
  return day <= days;
}

std::string iso_string(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
  return buf;
}

std::string iso_string(const DateTime& t) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "T%02d:%02d", t.hour % 100, t.minute % 100);
  return iso_string(t.date) + buf;
}

Date Period::first_day() const {
  switch (span) {
  case Span::year: return {year, 1, 1};
  case Span::quarter: return {year, 3 * (index - 1) + 1, 1};
  case Span::half: return {year, 6 * (index - 1) + 1, 1};
  case Span::month: return {year, index, 1};
  }
  return {year, 1, 1};
}

std::string Period::code() const {
  std::string y = std::to_string(year);
  switch (span) {
  case Span::year: return y;
  case Span::quarter: return y + "-Q" + std::to_string(index);
  case Span::half: return y + "-H" + std::to_string(index);
  case Span::month: return y + (index < 10 ? "-0" : "-") + std::to_string(index);
  }
  return y;
}

std::string plain_text(const RichText& text) {
  std::string out;
  for (const TextRun& run : text) {
    out += run.text;
  }
  return out;
}

const Person* Conference::person(const std::string& id) const {
  for (const Person& p : attendees) {
    if (p.id == id) {
      return &p;
    }
  }
  return nullptr;
}

} // namespace vanban
