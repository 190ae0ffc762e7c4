#include <catch2/catch.hpp>

#include "template/vietnamese.hpp"

using namespace vanban;

TEST_CASE("date line padding: days 1–9 and months 1–2 padded, months 3–12 not") {
  CHECK(date_line("Ngọc Thụy", Date{2022, 4, 7}, 0) == "Ngọc Thụy, ngày 07 tháng 4 năm 2022");
  CHECK(date_line("Gia Thụy", Date{2021, 1, 18}, 0) == "Gia Thụy, ngày 18 tháng 01 năm 2021");
  CHECK(date_line("X", Date{2017, 2, 10}, 0) == "X, ngày 10 tháng 02 năm 2017");
  CHECK(date_line("X", Date{2016, 12, 31}, 0) == "X, ngày 31 tháng 12 năm 2016");
  // A draft leaves room to write the date by hand.
  CHECK(date_line("X", std::nullopt, 2026).find("năm 2026") != std::string::npos);
}

TEST_CASE("times, short dates and Roman numerals") {
  CHECK(time_words(8, 0) == "8 giờ 00 phút");
  CHECK(time_words(14, 30) == "14 giờ 30 phút");
  CHECK(date_short(Date{2022, 6, 30}) == "30/6/2022");
  CHECK(date_short(Date{2022, 1, 5}) == "05/01/2022");
  CHECK(roman(1) == "I");
  CHECK(roman(4) == "IV");
  CHECK(roman(14) == "XIV");
  CHECK(roman(2022) == "MMXXII");
  CHECK(pad2(3) == "03");
  CHECK(pad2(25) == "25");
}

TEST_CASE("periods and deadlines in words") {
  CHECK(period_words(Period{2022, Period::Span::quarter, 1}) == "quý I năm 2022");
  CHECK(period_words(Period{2019, Period::Span::half, 1}) == "6 tháng đầu năm 2019");
  Directive d;
  d.deadline = Date{2022, 6, 30};
  CHECK(deadline_words(d) == "hoàn thành trước ngày 30/6/2022");
  d.deadline.reset();
  d.deadline_rule = DeadlineRule{Recurrence::month, 23};
  CHECK(deadline_words(d) == "trước ngày 23 hàng tháng");
  d.deadline_rule = DeadlineRule{Recurrence::ongoing, std::nullopt};
  CHECK(deadline_words(d) == "thực hiện thường xuyên");
}

TEST_CASE("list punctuation: a mark after each item, a full stop after the last") {
  auto items =
      punctuate({"Ban Thường vụ Quận ủy (để b/c)", "Các chi bộ trực thuộc;", "Lưu VPĐU"}, ",");
  REQUIRE(items.size() == 3);
  CHECK(items[0].second == ",");
  CHECK(items[1].first == "Các chi bộ trực thuộc");
  CHECK(items[2].second == ".");
  CHECK(capitalize_first("ngày 07") == "Ngày 07");
  CHECK(capitalize_first("đảng ủy") == "Đảng ủy");
}
