#pragma once
// xlsx: Workbook → an .xlsx file, written to a temporary name and renamed into place.
#include <string>

#include "base/diagnostic.hpp"
#include "stats/workbook.hpp"

namespace vanban {

/// Write `book` to `path`. On failure: a diagnostic, and no file under `path`. The book
/// is taken by value and each sheet's cells are freed once written, so a large workbook
/// is not held twice (ours and libxlsxwriter's) at the end.
bool write_xlsx(Workbook book, const std::string& path, Diagnostics& out);

} // namespace vanban
