#include "document_renderer.hpp"

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/atomic_file.hpp"
#include "base/messages.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"
#include "stats/conference_workbook.hpp"
#include "template/expand.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace vanban::cli {

namespace fs = std::filesystem;

const char* kind_name(DocumentKind k) {
  switch (k) {
  case DocumentKind::notice: return "notice";
  case DocumentKind::minutes: return "minutes";
  case DocumentKind::report: return "report";
  case DocumentKind::workbook: return "workbook";
  }
  return "notice";
}

std::string pdf_timestamp(const std::string& iso_date) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    auto t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%SZ", &utc);
    return buf;
  }
  std::string digits;
  for (char c : iso_date) {
    if (c != '-')
      digits += c;
  }
  return "D:" + digits + "000000+07'00'";
}

namespace {

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// A character the font lacks came from the data: point at it there (the markup
/// position is kept only when the data does not hold it: a template wrote it).
Diagnostics locate_missing_glyphs(const Diagnostics& found, const std::string& data_path) {
  std::string text = read_text(data_path);
  SourceFile data(data_path, text);
  Diagnostics out;
  for (Diagnostic d : found.items()) {
    std::size_t at = d.message == Msg::glyph_missing && d.args.size() >= 3 ? text.find(d.args[2])
                                                                           : std::string::npos;
    if (at != std::string::npos) {
      d.file = data_path;
      d.location = data.locate(at);
    }
    out.add(std::move(d));
  }
  return out;
}

bool write_output(const std::string& path, const std::string& bytes, Diagnostics& found,
                  std::vector<std::string>& written, const RenderSettings& settings) {
  const Limits& limits = settings.limits;
  if (bytes.size() > limits.output_bytes) {
    found.error(path, {}, "", Msg::limit_exceeded,
                {bilingual("kích thước tệp", "file size"), std::to_string(bytes.size()),
                 std::to_string(limits.output_bytes), "output-bytes"});
    return false;
  }
  std::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::string error;
  if (!write_file_atomically(path, bytes, error, settings.flush)) {
    found.error(path, {}, "", Msg::cannot_write_output, {path, error});
    return false;
  }
  written.push_back(path);
  return true;
}

} // namespace

DocumentRenderer::DocumentRenderer(const RenderSettings& settings, const TemplateSet& templates,
                                   const FontSet& fonts,
                                   const std::optional<WorkbookTemplate>& workbook,
                                   OutputNamer namer)
    : settings_(settings), templates_(templates), fonts_(fonts), workbook_(workbook),
      namer_(std::move(namer)) {}

bool DocumentRenderer::wanted(DocumentKind kind) const {
  return settings_.only.empty() || settings_.only == kind_name(kind);
}

std::vector<std::string> DocumentRenderer::planned_outputs(const std::string& input,
                                                           const Conference& c) const {
  std::vector<std::string> out;
  bool workbook_listed = false;
  for (const DocumentSpec& doc : c.documents) {
    workbook_listed = workbook_listed || doc.kind == DocumentKind::workbook;
    if (!wanted(doc.kind))
      continue;
    std::string ext = doc.kind == DocumentKind::workbook ? ".xlsx"
                      : settings_.emit_markup            ? ".xml"
                                                         : ".pdf";
    out.push_back(namer_(input, c, doc.kind, &doc) + ext);
  }
  if (settings_.xlsx && !workbook_listed && wanted(DocumentKind::workbook)) {
    out.push_back(namer_(input, c, DocumentKind::workbook, nullptr) + ".xlsx");
  }
  return out;
}

bool DocumentRenderer::render(const std::string& input, const Conference& c, Diagnostics& found,
                              std::vector<std::string>& written) const {
  bool ok = true;
  bool workbook_listed = false;
  for (const DocumentSpec& doc : c.documents) {
    workbook_listed = workbook_listed || doc.kind == DocumentKind::workbook;
    if (!wanted(doc.kind))
      continue;
    ok = (doc.kind == DocumentKind::workbook ? render_workbook(input, c, found, written)
                                             : render_pdf(input, c, doc, found, written)) &&
         ok;
  }
  if (settings_.xlsx && !workbook_listed && wanted(DocumentKind::workbook)) {
    ok = render_workbook(input, c, found, written) && ok;
  }
  return ok;
}

bool DocumentRenderer::render_workbook(const std::string& input, const Conference& c,
                                       Diagnostics& found,
                                       std::vector<std::string>& written) const {
  if (!workbook_) {
    return false; // the template's own diagnostics were reported when it was loaded
  }
  std::string out = namer_(input, c, DocumentKind::workbook, nullptr) + ".xlsx";
  std::error_code ec;
  fs::create_directories(fs::path(out).parent_path(), ec);
  if (!write_xlsx(conference_workbook(c, *workbook_), out, found)) {
    return false;
  }
  written.push_back(out);
  return true;
}

bool DocumentRenderer::render_pdf(const std::string& input, const Conference& c,
                                  const DocumentSpec& doc, Diagnostics& found,
                                  std::vector<std::string>& written) const {
  std::string base = namer_(input, c, doc.kind, &doc);
  TemplateLimits template_limits;
  template_limits.max_partial_depth = static_cast<int>(settings_.limits.template_depth);
  auto markup = expand_document(c, doc, templates_, found, template_limits);
  if (!markup) {
    return false;
  }
  if (settings_.emit_markup) {
    return write_output(base + ".xml", *markup, found, written, settings_);
  }
  std::string markup_name = base + ".xml";
  SourceFile source(markup_name, *markup);
  Diagnostics local;
  auto tree = parse_markup(source, local);
  if (!tree) {
    found.append(local);
    return false;
  }
  PagedLayout layout = layout_document(*tree, fonts_, markup_name, local);
  if (local.has_errors()) {
    found.append(locate_missing_glyphs(local, input));
    return false;
  }
  found.append(local);
  if (layout.pages.size() > settings_.limits.pages) {
    found.error(input, {}, "", Msg::limit_exceeded,
                {bilingual("số trang của " + base + ".pdf", "pages of " + base + ".pdf"),
                 std::to_string(layout.pages.size()), std::to_string(settings_.limits.pages),
                 "pages"});
    return false;
  }
  PdfOptions pdf{std::string("vanban ") + VANBAN_VERSION, pdf_timestamp(tree->meta.date),
                 content_digest(*markup)};
  auto bytes = write_pdf(layout, fonts_, pdf, base + ".pdf", found);
  return bytes && write_output(base + ".pdf", *bytes, found, written, settings_);
}

} // namespace vanban::cli
