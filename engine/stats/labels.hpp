#pragma once
// Vietnamese words for the model's enumerations, shared by the workbooks.
#include <string>

#include "model/conference.hpp"
#include "stats/workbook_template.hpp"

namespace vanban {

const char* kind_words(ConferenceKind k);
const char* role_words(Role r);
std::string attendance_words(const Person& p);
const std::string& status_label(const WorkbookTemplate& t, DirectiveStatus s);
std::string lead_units(const Directive& d);
std::string support_units(const Directive& d);
/// "2022-Q2": the quarter in which the conference was held.
std::string held_quarter(const Conference& c);
/// "2022-04"
std::string held_month(const Conference& c);
int present_count(const Conference& c);
/// Persons present plus the head count of attendee groups, where known.
int attendee_total(const Conference& c);
/// Days since 1899-12-30, as spreadsheets count dates.
long serial_day(const Date& d);

} // namespace vanban
