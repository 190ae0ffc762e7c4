#pragma once
// Vietnamese wording helpers every document template needs, as plain functions.
#include <string>
#include <vector>

#include "model/conference.hpp"

namespace vanban {

/// "07": days 1–9 and months 1–2 take a leading zero in official dates.
std::string pad2(int n);
/// "ngày 07 tháng 4 năm 2022" (months 3–12 unpadded, as Hướng dẫn 36 and NĐ 30 say).
std::string date_words(const Date& d);
/// "Ngọc Thụy, ngày 07 tháng 4 năm 2022"; a draft (no date) leaves blanks to fill by hand.
std::string date_line(const std::string& place, const std::optional<Date>& d, int draft_year);
/// "8 giờ 30 phút"
std::string time_words(int hour, int minute);
/// "07/4/2022": short form used inside sentences.
std::string date_short(const Date& d);
/// "I", "II", … up to 3999.
std::string roman(int n);
/// "quý I năm 2022", "6 tháng đầu năm 2019", "tháng 8 năm 2016", "năm 2017".
std::string period_words(const Period& p);
/// "hoàn thành trước ngày 30/6/2022", "trước ngày 23 hàng tháng", "thường xuyên".
std::string deadline_words(const Directive& d);
/// Each recipient with the punctuation its line ends with: `mid` after all but
/// the last, "." after the last.
std::vector<std::pair<std::string, std::string>> punctuate(const std::vector<std::string>& items,
                                                           const std::string& mid);
/// Text with its final full stop (or ";", ",") removed, to append a clause.
std::string without_final_stop(std::string text);
/// First letter upper-case ("ngày …" at the start of a sentence).
std::string capitalize_first(const std::string& text);

} // namespace vanban
