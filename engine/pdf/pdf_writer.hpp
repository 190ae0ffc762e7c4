#pragma once
// pdf: PagedLayout → PDF bytes (A4 pages, subset fonts with ToUnicode, metadata).
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "fonts/font_set.hpp"
#include "layout/layout.hpp"

namespace vanban {

struct PdfOptions {
  std::string creator;   ///< "vanban 0.1.0"
  std::string timestamp; ///< PDF date "D:20220407000000+07'00'": from the document, never the clock
  std::string content_id; ///< hex digest of the input; makes /ID differ per document
};

/// The PDF file as bytes, or nullopt with a diagnostic naming `output_name`.
std::optional<std::string> write_pdf(const PagedLayout& layout, const FontSet& fonts,
                                     const PdfOptions& options, const std::string& output_name,
                                     Diagnostics& out);

} // namespace vanban
