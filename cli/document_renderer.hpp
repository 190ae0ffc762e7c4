#pragma once
// Making the documents of one checked conference: PDFs through template → markup →
// layout → pdf, the tracking workbook through stats → xlsx. Shared by `render` and
// `batch`; safe to use from several threads at once (fonts, templates and schemas
// are read-only; every document is built in its own objects).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/atomic_file.hpp"
#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "fonts/font_set.hpp"
#include "model/conference.hpp"
#include "stats/workbook_template.hpp"
#include "template/template_set.hpp"

namespace vanban::cli {

struct RenderSettings {
  std::string out_dir = "out";
  std::string only;         ///< notice, minutes, report, workbook; empty = every listed document
  bool emit_markup = false; ///< write the markup instead of the PDF
  bool xlsx = false;        ///< the tracking workbook even when not listed
  Limits limits;            ///< pages and bytes of one document, template depth
  Flush flush = Flush::each_file; ///< batch: at_end, one flush of the file system at the end
};

/// The output path (without extension) for a document of a conference.
using OutputNamer = std::function<std::string(const std::string& input, const Conference&,
                                              DocumentKind, const DocumentSpec*)>;

const char* kind_name(DocumentKind k);

class DocumentRenderer {
public:
  DocumentRenderer(const RenderSettings& settings, const TemplateSet& templates,
                   const FontSet& fonts, const std::optional<WorkbookTemplate>& workbook,
                   OutputNamer namer);

  /// Make every requested document of `c` (read from `input`). Appends the paths
  /// written to `written`; false if any document failed.
  bool render(const std::string& input, const Conference& c, Diagnostics& found,
              std::vector<std::string>& written) const;

  /// The paths `render` would write, for up-to-date checks.
  std::vector<std::string> planned_outputs(const std::string& input, const Conference& c) const;

private:
  bool wanted(DocumentKind kind) const;
  bool render_pdf(const std::string& input, const Conference& c, const DocumentSpec& doc,
                  Diagnostics& found, std::vector<std::string>& written) const;
  bool render_workbook(const std::string& input, const Conference& c, Diagnostics& found,
                       std::vector<std::string>& written) const;

  const RenderSettings& settings_;
  const TemplateSet& templates_;
  const FontSet& fonts_;
  const std::optional<WorkbookTemplate>& workbook_;
  OutputNamer namer_;
};

/// "D:20220407000000+07'00'" from a document date, or SOURCE_DATE_EPOCH when set.
std::string pdf_timestamp(const std::string& iso_date);

} // namespace vanban::cli
