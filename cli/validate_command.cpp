// `vanban validate FILE...`
#include <cstdio>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "commands.hpp"
#include "options.hpp"

namespace vanban::cli {

namespace {

std::string summary(const Conference& c) {
  return std::to_string(c.attendees.size()) + " attendees, " + std::to_string(c.groups.size()) +
         " groups, " + std::to_string(c.agenda.size()) + " agenda items, " +
         std::to_string(c.directives.size()) + " directives, " +
         std::to_string(c.indicators.size()) + " indicators, " +
         std::to_string(c.documents.size()) + " documents";
}

} // namespace

int run_validate(const std::vector<std::string>& args) {
  CommonOptions options;
  for (std::size_t i = 0; i < args.size(); ++i) {
    Parsed p = parse_common(args, i, options, "validate");
    if (p == Parsed::usage_error) {
      return kExitUsage;
    }
    if (p == Parsed::not_mine) {
      usage_error("validate", "unknown option '" + args[i] + "'");
      return kExitUsage;
    }
  }
  if (options.files.empty()) {
    usage_error("validate", "no file given");
    return kExitUsage;
  }
  Diagnostics all;
  std::size_t valid = 0;
  for (const std::string& file : options.files) {
    Diagnostics found;
    auto conference = load_conference(file, options.validate, found);
    found.sort_unique();
    print_diagnostics(found, options);
    all.append(found);
    if (conference) {
      ++valid;
      if (!options.quiet && !options.json) {
        std::printf("%s: ok (%s)\n", file.c_str(), summary(*conference).c_str());
      }
    }
  }
  if (options.json) {
    std::fputs(format_json(all.items(), options.lang).c_str(), stdout);
  } else if (!options.quiet || valid != options.files.size()) {
    std::printf("%zu of %zu files valid, %zu errors, %zu warnings\n", valid, options.files.size(),
                all.error_count(), all.warning_count());
  }
  return valid == options.files.size() ? kExitOk : kExitInvalid;
}

} // namespace vanban::cli
