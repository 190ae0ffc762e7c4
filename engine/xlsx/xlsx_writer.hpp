#pragma once
// xlsx: Workbook → an .xlsx file, written to a temporary name and renamed into place.
#include <string>

#include "base/diagnostic.hpp"
#include "stats/workbook.hpp"

namespace vanban {

/// Write `book` to `path`. On failure: a diagnostic, and no file under `path`.
bool write_xlsx(const Workbook& book, const std::string& path, Diagnostics& out);

} // namespace vanban
