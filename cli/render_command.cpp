// `vanban render FILE... [-o DIR] [--only KIND] [--emit markup|pdf] [--xlsx]`
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "commands.hpp"
#include "document_renderer.hpp"
#include "options.hpp"

namespace vanban::cli {

namespace fs = std::filesystem;

namespace {

struct RenderOptions {
  CommonOptions common;
  RenderSettings settings;
  std::string templates; ///< user template folder
  std::vector<std::string> font_dirs;
};

bool parse(const std::vector<std::string>& args, RenderOptions& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    Parsed p = parse_common(args, i, out.common, "render");
    if (p == Parsed::usage_error)
      return false;
    if (p == Parsed::taken)
      continue;
    Parsed r = parse_render_option(args, i, out.settings, out.templates, out.font_dirs, "render");
    if (r == Parsed::usage_error)
      return false;
    if (r == Parsed::not_mine)
      return usage_error("render", "unknown option '" + args[i] + "'");
  }
  if (out.common.files.empty()) {
    return usage_error("render", "no file given");
  }
  out.settings.limits = out.common.validate.limits;
  return true;
}

} // namespace

int run_render(const std::vector<std::string>& args) {
  RenderOptions options;
  if (!parse(args, options)) {
    return kExitUsage;
  }
  Diagnostics all;
  auto fonts = load_fonts(options.font_dirs, all);
  if (!fonts) {
    print_diagnostics(all, options.common);
    return kExitInvalid;
  }
  TemplateSet templates(options.templates);
  std::optional<WorkbookTemplate> workbook;
  if (options.settings.xlsx || options.settings.only == "workbook" ||
      options.settings.only.empty()) {
    Diagnostics found;
    workbook = load_workbook_template("conference", templates, found);
    // Reported only if a file asks for a workbook: the PDFs do not need it.
    if (!workbook && options.settings.xlsx)
      all.append(found);
  }
  const std::string& out_dir = options.settings.out_dir;
  DocumentRenderer renderer(
      options.settings, templates, *fonts, workbook,
      [&](const std::string& input, const Conference&, DocumentKind kind, const DocumentSpec*) {
        return (fs::path(out_dir) / (fs::path(input).stem().string() + "." + kind_name(kind)))
            .string();
      });
  std::size_t failed = 0;
  std::size_t written_count = 0;
  for (const std::string& file : options.common.files) {
    Diagnostics found;
    std::vector<std::string> written;
    auto conference = load_conference(file, options.common.validate, found);
    if (!conference || !renderer.render(file, *conference, found, written)) {
      ++failed;
    }
    written_count += written.size();
    if (!options.common.quiet && !options.common.json) {
      for (const std::string& w : written)
        std::printf("%s\n", w.c_str());
    }
    found.sort_unique();
    print_diagnostics(found, options.common);
    all.append(found);
  }
  if (options.common.json) {
    std::fputs(format_json(all.items(), options.common.lang).c_str(), stdout);
  } else if (!options.common.quiet || failed > 0) {
    std::printf("%zu files written to %s, %zu of %zu inputs failed, %zu warnings\n", written_count,
                out_dir.c_str(), failed, options.common.files.size(), all.warning_count());
  }
  return failed == 0 ? kExitOk : kExitInvalid;
}

} // namespace vanban::cli
