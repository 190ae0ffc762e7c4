// `vanban validate FILE...`
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "commands.hpp"
#include "validate/validate.hpp"

namespace vanban::cli {

namespace {

struct ValidateArgs {
  Lang lang = lang_from_environment();
  bool json = false;
  bool quiet = false;
  ValidateOptions options;
  std::vector<std::string> files;
};

/// Parse the arguments; on a usage error print it and return false.
bool parse_args(const std::vector<std::string>& args, ValidateArgs& out) {
  auto usage = [](const std::string& what) {
    std::fprintf(stderr, "vanban validate: %s (see vanban --help)\n", what.c_str());
    return false;
  };
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string& into) {
      if (i + 1 >= args.size()) {
        return false;
      }
      into = args[++i];
      return true;
    };
    std::string v;
    if (a == "--lang") {
      if (!value(v) || (v != "vi" && v != "en")) {
        return usage("--lang takes vi or en");
      }
      out.lang = v == "vi" ? Lang::vi : Lang::en;
    } else if (a == "--diagnostics") {
      if (!value(v) || (v != "short" && v != "json")) {
        return usage("--diagnostics takes short or json");
      }
      out.json = v == "json";
    } else if (a == "--data-root") {
      if (!value(out.options.data_root)) {
        return usage("--data-root takes a folder");
      }
    } else if (a == "--max-input-size") {
      char* end = nullptr;
      if (!value(v) || (out.options.limits.max_bytes = std::strtoull(v.c_str(), &end, 10)) == 0 ||
          *end != '\0') {
        return usage("--max-input-size takes a positive number of bytes");
      }
    } else if (a == "-q" || a == "--quiet") {
      out.quiet = true;
    } else if (a == "--") {
      out.files.insert(out.files.end(), args.begin() + static_cast<std::ptrdiff_t>(i) + 1,
                       args.end());
      break;
    } else if (a.size() > 1 && a[0] == '-') {
      return usage("unknown option '" + a + "'");
    } else {
      out.files.push_back(a);
    }
  }
  if (out.files.empty()) {
    return usage("no file given");
  }
  return true;
}

std::string summary(const Conference& c) {
  std::size_t groups = c.groups.size();
  return std::to_string(c.attendees.size()) + " attendees, " + std::to_string(groups) +
         " groups, " + std::to_string(c.agenda.size()) + " agenda items, " +
         std::to_string(c.directives.size()) + " directives, " +
         std::to_string(c.indicators.size()) + " indicators, " +
         std::to_string(c.documents.size()) + " documents";
}

} // namespace

int run_validate(const std::vector<std::string>& args) {
  ValidateArgs parsed;
  if (!parse_args(args, parsed)) {
    return kExitUsage;
  }
  Diagnostics all;
  std::size_t valid = 0;
  for (const std::string& file : parsed.files) {
    Diagnostics found;
    auto conference = load_conference(file, parsed.options, found);
    found.sort_unique();
    if (!parsed.json) {
      std::fflush(stdout); // keep stdout and stderr lines in order on a terminal
      for (const Diagnostic& d : found.items()) {
        std::fprintf(stderr, "%s\n", format_short(d, parsed.lang).c_str());
      }
    }
    all.append(found);
    if (conference) {
      ++valid;
      if (!parsed.quiet && !parsed.json) {
        std::printf("%s: ok (%s)\n", file.c_str(), summary(*conference).c_str());
      }
    }
  }
  if (parsed.json) {
    std::fputs(format_json(all.items(), parsed.lang).c_str(), stdout);
  } else if (!parsed.quiet || valid != parsed.files.size()) {
    std::printf("%zu of %zu files valid, %zu errors, %zu warnings\n", valid, parsed.files.size(),
                all.error_count(), all.warning_count());
  }
  return valid == parsed.files.size() ? kExitOk : kExitInvalid;
}

} // namespace vanban::cli
