// `vanban render FILE... [-o DIR] [--only KIND] [--emit markup|pdf]`
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "base/atomic_file.hpp"
#include "base/diagnostic.hpp"
#include "base/text.hpp"
#include "commands.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "options.hpp"
#include "pdf/pdf_writer.hpp"
#include "template/expand.hpp"
#include "template/vietnamese.hpp"
#include "stats/conference_workbook.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace vanban::cli {

namespace fs = std::filesystem;

namespace {

struct RenderOptions {
  CommonOptions common;
  std::string out_dir = "out";
  std::string only;         ///< notice, minutes, report; empty = every listed document
  bool emit_markup = false;
  bool xlsx = false;        ///< also the directive-tracking workbook, listed or not
  std::string templates;    ///< user template folder
  std::vector<std::string> font_dirs;
};

const char* kind_name(DocumentKind k) {
  switch (k) {
  case DocumentKind::notice: return "notice";
  case DocumentKind::minutes: return "minutes";
  case DocumentKind::report: return "report";
  case DocumentKind::workbook: return "workbook";
  }
  return "notice";
}

bool parse(const std::vector<std::string>& args, RenderOptions& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    Parsed p = parse_common(args, i, out.common, "render");
    if (p == Parsed::usage_error) return false;
    if (p == Parsed::taken) continue;
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) return false;
      into = args[++i];
      return true;
    };
    std::string v;
    if (a == "-o" || a == "--output") {
      if (!value(out.out_dir)) return usage_error("render", "-o takes a folder");
    } else if (a == "--only") {
      if (!value(out.only) ||
          (out.only != "notice" && out.only != "minutes" && out.only != "report" && out.only != "workbook")) {
        return usage_error("render", "--only takes notice, minutes, report or workbook");
      }
    } else if (a == "--xlsx") {
      out.xlsx = true;
    } else if (a == "--emit") {
      if (!value(v) || (v != "markup" && v != "pdf")) return usage_error("render", "--emit takes markup or pdf");
      out.emit_markup = v == "markup";
    } else if (a == "--templates") {
      if (!value(out.templates)) return usage_error("render", "--templates takes a folder");
    } else if (a == "--fonts") {
      if (!value(v)) return usage_error("render", "--fonts takes a folder");
      out.font_dirs.push_back(v);
    } else {
      return usage_error("render", "unknown option '" + a + "'");
    }
  }
  if (out.common.files.empty()) {
    return usage_error("render", "no file given");
  }
  return true;
}

/// "D:20220407000000+07'00'": the document's own date (Vietnam time), or
/// SOURCE_DATE_EPOCH when set, never the clock: the same input gives the same bytes.
std::string pdf_timestamp(const std::string& iso_date) {
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    std::time_t t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "D:%Y%m%d%H%M%SZ", &utc);
    return buf;
  }
  std::string digits;
  for (char c : iso_date) {
    if (c != '-') digits += c;
  }
  return "D:" + digits + "000000+07'00'";
}

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
    std::size_t at = d.message == Msg::glyph_missing && d.args.size() >= 3 ? text.find(d.args[2]) : std::string::npos;
    if (at != std::string::npos) {
      d.file = data_path;
      d.location = data.locate(at);
    }
    out.add(std::move(d));
  }
  return out;
}

class Renderer {
public:
  Renderer(const RenderOptions& options, const TemplateSet& templates, const FontSet& fonts)
      : options_(options), templates_(templates), fonts_(fonts) {}

  /// Render every requested document of one file; false if anything failed.
  bool render_file(const std::string& file, Diagnostics& found) {
    auto conference = load_conference(file, options_.common.validate, found);
    if (!conference) {
      return false;
    }
    bool ok = true;
    bool workbook_listed = false;
    for (const DocumentSpec& doc : conference->documents) {
      workbook_listed = workbook_listed || doc.kind == DocumentKind::workbook;
      if (!options_.only.empty() && options_.only != kind_name(doc.kind)) continue;
      ok = (doc.kind == DocumentKind::workbook ? render_workbook(file, *conference, found)
                                               : render_document(file, *conference, doc, found)) &&
           ok;
    }
    if (options_.xlsx && !workbook_listed && (options_.only.empty() || options_.only == "workbook")) {
      ok = render_workbook(file, *conference, found) && ok;
    }
    return ok;
  }

  std::size_t written() const { return written_; }

private:
  bool render_workbook(const std::string& file, const Conference& c, Diagnostics& found) {
    if (!workbook_template_) {
      workbook_template_ = load_workbook_template("conference", templates_, found);
      if (!workbook_template_) {
        return false;
      }
    }
    std::string out = (fs::path(options_.out_dir) / (fs::path(file).stem().string() + ".workbook.xlsx")).string();
    if (!write_xlsx(conference_workbook(c, *workbook_template_), out, found)) {
      return false;
    }
    ++written_;
    if (!options_.common.quiet && !options_.common.json) {
      std::printf("%s\n", out.c_str());
    }
    return true;
  }

  bool render_document(const std::string& file, const Conference& c, const DocumentSpec& doc, Diagnostics& found) {
    std::string stem = fs::path(file).stem().string() + "." + kind_name(doc.kind);
    auto markup = expand_document(c, doc, templates_, found);
    if (!markup) {
      return false;
    }
    if (options_.emit_markup) {
      return write(fs::path(options_.out_dir) / (stem + ".xml"), *markup, found);
    }
    std::string markup_name = (fs::path(options_.out_dir) / (stem + ".xml")).string();
    SourceFile source(markup_name, *markup);
    Diagnostics local;
    auto tree = parse_markup(source, local);
    if (!tree) {
      found.append(local);
      return false;
    }
    PagedLayout layout = layout_document(*tree, fonts_, markup_name, local);
    if (local.has_errors()) {
      found.append(locate_missing_glyphs(local, file));
      return false;
    }
    found.append(local);
    PdfOptions pdf{std::string("vanban ") + VANBAN_VERSION, pdf_timestamp(tree->meta.date), content_digest(*markup)};
    std::string out = (fs::path(options_.out_dir) / (stem + ".pdf")).string();
    auto bytes = write_pdf(layout, fonts_, pdf, out, found);
    return bytes && write(out, *bytes, found);
  }

  bool write(const fs::path& path, const std::string& bytes, Diagnostics& found) {
    std::string error;
    if (!write_file_atomically(path.string(), bytes, error)) {
      found.error(path.string(), {}, "", Msg::cannot_write_output, {path.string(), error});
      return false;
    }
    ++written_;
    if (!options_.common.quiet && !options_.common.json) {
      std::printf("%s\n", path.string().c_str());
    }
    return true;
  }

  const RenderOptions& options_;
  const TemplateSet& templates_;
  const FontSet& fonts_;
  std::size_t written_ = 0;
  std::optional<WorkbookTemplate> workbook_template_;
};

} // namespace

int run_render(const std::vector<std::string>& args) {
  RenderOptions options;
  if (!parse(args, options)) {
    return kExitUsage;
  }
  Diagnostics all;
  std::vector<std::string> font_dirs = options.font_dirs;
  font_dirs.push_back("fonts");
  font_dirs.push_back(VANBAN_SOURCE_DIR "/fonts");
  std::string font_error;
  auto fonts = find_fonts(font_dirs, font_error);
  if (!fonts) {
    all.error("vanban", {}, "", Msg::font_unavailable, {font_error});
    print_diagnostics(all, options.common);
    return kExitInvalid;
  }
  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  TemplateSet templates(options.templates);
  Renderer renderer(options, templates, *fonts);
  std::size_t failed = 0;
  for (const std::string& file : options.common.files) {
    Diagnostics found;
    if (!renderer.render_file(file, found)) {
      ++failed;
    }
    found.sort_unique();
    print_diagnostics(found, options.common);
    all.append(found);
  }
  if (options.common.json) {
    std::fputs(format_json(all.items(), options.common.lang).c_str(), stdout);
  } else if (!options.common.quiet || failed > 0) {
    std::printf("%zu files written to %s, %zu of %zu inputs failed, %zu warnings\n", renderer.written(),
                options.out_dir.c_str(), failed, options.common.files.size(), all.warning_count());
  }
  return failed == 0 ? kExitOk : kExitInvalid;
}

} // namespace vanban::cli
