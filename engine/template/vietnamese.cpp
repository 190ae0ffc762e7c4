#include "template/vietnamese.hpp"

#include "base/text.hpp"

namespace vanban {

std::string pad2(int n) {
  return (n >= 0 && n < 10 ? "0" : "") + std::to_string(n);
}

std::string date_words(const Date& d) {
  std::string month = d.month <= 2 ? pad2(d.month) : std::to_string(d.month);
  return "ngày " + pad2(d.day) + " tháng " + month + " năm " + std::to_string(d.year);
}

std::string date_line(const std::string& place, const std::optional<Date>& d, int draft_year) {
  if (d) {
    return place + ", " + date_words(*d);
  }
  // No-break spaces keep room for the date written by hand after signing.
  const std::string blank = "\u00A0\u00A0\u00A0\u00A0";
  return place + ", ngày" + blank + "tháng" + blank + "năm " + std::to_string(draft_year);
}

std::string time_words(int hour, int minute) {
  return std::to_string(hour) + " giờ " + pad2(minute) + " phút";
}

std::string date_short(const Date& d) {
  std::string month = d.month <= 2 ? pad2(d.month) : std::to_string(d.month);
  return pad2(d.day) + "/" + month + "/" + std::to_string(d.year);
}

std::string roman(int n) {
  static const std::pair<int, const char*> kTable[] = {
      {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
      {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},    {4, "IV"},  {1, "I"}};
  if (n <= 0 || n >= 4000) {
    return std::to_string(n);
  }
  std::string out;
  for (const auto& [value, letters] : kTable) {
    while (n >= value) {
      out += letters;
      n -= value;
    }
  }
  return out;
}

std::string period_words(const Period& p) {
  std::string year = "năm " + std::to_string(p.year);
  switch (p.span) {
  case Period::Span::year: return year;
  case Period::Span::quarter: return "quý " + roman(p.index) + " " + year;
  case Period::Span::half: return (p.index == 1 ? "6 tháng đầu " : "6 tháng cuối ") + year;
  case Period::Span::month: return "tháng " + std::to_string(p.index) + " " + year;
  }
  return year;
}

std::string deadline_words(const Directive& d) {
  if (d.deadline) {
    return "hoàn thành trước ngày " + date_short(*d.deadline);
  }
  if (!d.deadline_rule) {
    return "";
  }
  const DeadlineRule& r = *d.deadline_rule;
  const char* period = "";
  switch (r.every) {
  case Recurrence::week: period = "hằng tuần"; break;
  case Recurrence::month: period = "hàng tháng"; break;
  case Recurrence::quarter: period = "hằng quý"; break;
  case Recurrence::year: period = "hằng năm"; break;
  case Recurrence::ongoing: return "thực hiện thường xuyên";
  }
  if (r.day) {
    return "trước ngày " + std::to_string(*r.day) + " " + period;
  }
  return std::string("định kỳ ") + period;
}

std::vector<std::pair<std::string, std::string>> punctuate(const std::vector<std::string>& items,
                                                           const std::string& mid) {
  std::vector<std::pair<std::string, std::string>> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.emplace_back(without_final_stop(items[i]), i + 1 == items.size() ? "." : mid);
  }
  return out;
}

std::string without_final_stop(std::string text) {
  while (!text.empty() &&
         (text.back() == '.' || text.back() == ';' || text.back() == ',' || text.back() == ' ')) {
    text.pop_back();
  }
  return text;
}

std::string capitalize_first(const std::string& text) {
  std::u32string cps = decode_utf8(text);
  if (cps.empty()) {
    return text;
  }
  std::string first;
  append_utf8(first, cps[0]);
  std::string rest;
  for (std::size_t i = 1; i < cps.size(); ++i) {
    append_utf8(rest, cps[i]);
  }
  return to_upper(first) + rest;
}

} // namespace vanban
