#pragma once
// stats: one conference → the workbook its office follows the directives in.
#include "model/conference.hpp"
#include "stats/workbook.hpp"
#include "stats/workbook_template.hpp"

namespace vanban {

/// Facts, attendance with totals, agenda and the directive tracker (status
/// dropdown, overdue rows highlighted against TODAY(), done rows marked).
Workbook conference_workbook(const Conference& c, const WorkbookTemplate& tmpl);

} // namespace vanban
