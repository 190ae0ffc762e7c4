#include "options.hpp"

#include <cstdio>
#include <cstdlib>

#include "base/diagnostic.hpp"
#include "document_renderer.hpp"

namespace vanban::cli {

bool usage_error(const char* command, const std::string& what) {
  std::fprintf(stderr, "vanban %s: %s (see vanban --help)\n", command, what.c_str());
  return false;
}

bool next_value(const std::vector<std::string>& args, std::size_t& i, std::string& into) {
  if (i + 1 >= args.size()) {
    return false;
  }
  into = args[++i];
  return true;
}

Parsed parse_common(const std::vector<std::string>& args, std::size_t& i, CommonOptions& out,
                    const char* command) {
  const std::string& a = args[i];
  auto value = [&](std::string& into) { return next_value(args, i, into); };
  auto fail = [&](const std::string& what) {
    usage_error(command, what);
    return Parsed::usage_error;
  };
  std::string v;
  if (a == "--lang") {
    if (!value(v) || (v != "vi" && v != "en"))
      return fail("--lang takes vi or en");
    out.lang = v == "vi" ? Lang::vi : Lang::en;
  } else if (a == "--diagnostics") {
    if (!value(v) || (v != "short" && v != "json"))
      return fail("--diagnostics takes short or json");
    out.json = v == "json";
  } else if (a == "--data-root") {
    if (!value(out.validate.data_root))
      return fail("--data-root takes a folder");
  } else if (a == "--max-input-size") {
    char* end = nullptr;
    if (!value(v))
      return fail("--max-input-size takes a positive number of bytes");
    out.validate.limits.input_bytes = std::strtoull(v.c_str(), &end, 10);
    if (out.validate.limits.input_bytes == 0 || *end != '\0') {
      return fail("--max-input-size takes a positive number of bytes");
    }
  } else if (a == "--limit") {
    std::string error;
    if (!value(v) || !set_limit(out.validate.limits, v, error)) {
      return fail(error.empty() ? "--limit takes NAME=VALUE" : error);
    }
  } else if (a == "-q" || a == "--quiet") {
    out.quiet = true;
  } else if (a.size() > 1 && a[0] == '-') {
    return Parsed::not_mine;
  } else {
    out.files.push_back(a);
  }
  return Parsed::taken;
}

Parsed parse_render_option(const std::vector<std::string>& args, std::size_t& i,
                           RenderSettings& settings, std::string& templates,
                           std::vector<std::string>& font_dirs, const char* command) {
  const std::string& a = args[i];
  auto value = [&](std::string& into) { return next_value(args, i, into); };
  auto fail = [&](const std::string& what) {
    usage_error(command, what);
    return Parsed::usage_error;
  };
  std::string v;
  if (a == "-o" || a == "--output") {
    if (!value(settings.out_dir))
      return fail("-o takes a folder");
  } else if (a == "--only") {
    if (!value(settings.only) || (settings.only != "notice" && settings.only != "minutes" &&
                                  settings.only != "report" && settings.only != "workbook")) {
      return fail("--only takes notice, minutes, report or workbook");
    }
  } else if (a == "--xlsx") {
    settings.xlsx = true;
  } else if (a == "--emit") {
    if (!value(v) || (v != "markup" && v != "pdf"))
      return fail("--emit takes markup or pdf");
    settings.emit_markup = v == "markup";
  } else if (a == "--templates") {
    if (!value(templates))
      return fail("--templates takes a folder");
  } else if (a == "--fonts") {
    if (!value(v))
      return fail("--fonts takes a folder");
    font_dirs.push_back(v);
  } else {
    return Parsed::not_mine;
  }
  return Parsed::taken;
}

std::optional<FontSet> load_fonts(const std::vector<std::string>& dirs, Diagnostics& out) {
  std::vector<std::string> search = dirs;
  search.push_back("fonts");
  search.push_back(VANBAN_SOURCE_DIR "/fonts");
  std::string error;
  auto fonts = find_fonts(search, error);
  if (!fonts) {
    out.error("vanban", {}, "", Msg::font_unavailable, {error});
  }
  return fonts;
}

void print_diagnostics(const Diagnostics& found, const CommonOptions& options) {
  if (options.json) {
    return; // printed once at the end, as one JSON array
  }
  std::fflush(stdout); // keep stdout and stderr lines in order on a terminal
  for (const Diagnostic& d : found.items()) {
    std::fprintf(stderr, "%s\n", format_short(d, options.lang).c_str());
  }
}

} // namespace vanban::cli
