#pragma once
// stats: many conferences → the quarterly statistics workbook. Every summary cell
// is a live COUNTIFS/SUMIFS formula over the data sheets, written together with the
// value the engine computed the same way.
#include <optional>
#include <string>
#include <vector>

#include "model/conference.hpp"
#include "stats/record.hpp"
#include "stats/workbook.hpp"
#include "stats/workbook_template.hpp"

namespace vanban {

struct StatisticsOptions {
  Date as_of;         ///< directives past their deadline on this day are overdue
  std::string period; ///< "2022-Q1" or "2022": only conferences held then; empty: all
};

/// Whether a conference falls in the requested period (quarter or year it was held).
bool in_period(const ConferenceRecord& r, const std::string& period);

/// The workbook over `records`, in any order (they are sorted first).
Workbook statistics_workbook(std::vector<ConferenceRecord> records, const WorkbookTemplate& tmpl,
                             const StatisticsOptions& options);

} // namespace vanban
