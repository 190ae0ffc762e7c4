// vanban: conference data (YAML) → official documents and statistics.
#include <cstdio>
#include <string>
#include <vector>

#include "commands.hpp"

namespace {

constexpr const char* kHelp = R"(usage: vanban <command> [options] FILE...

Commands:
  validate FILE...   check conference files and print every problem found
  render FILE...     make the documents each file lists (PDF, and the Excel tracker)
  stats FILE... -o STATS.xlsx   quarterly statistics over many conferences
  batch INPUT... -o DIR         every document and statistic of many conferences, in parallel

Options of validate and render:
  --lang vi|en               language of messages (default: from LANG/LC_ALL, else en)
  --diagnostics short|json   how problems are printed (default: short, on stderr)
  --data-root DIR            folder that organization profiles must stay inside
                             (default: the folder of each conference file)
  --max-input-size BYTES     refuse larger files (default: 4194304)
  --limit NAME=VALUE         change a limit: input-bytes, yaml-depth, attendees,
                             directives, paragraph-chars, pages, template-depth,
                             output-bytes (docs/reliability.md gives the defaults)
  -q, --quiet                print nothing for valid files

Options of render:
  -o, --output DIR           where documents go (default: out)
  --only notice|minutes|report|workbook   only documents of this kind
  --xlsx                     also the workbook that tracks the directives
  --emit markup|pdf          write the intermediate XML markup instead of PDF
  --templates DIR            templates that override the bundled ones, file by file
  --fonts DIR                folder with Times New Roman (times.ttf, timesbd.ttf, ...)

Options of stats:
  -o, --output FILE.xlsx     the workbook to write (required)
  --period 2022-Q1|2022      only conferences held in that quarter or year
  --as-of YYYY-MM-DD         the day overdue is counted on (default: today)
  --templates DIR            workbook templates that override the bundled ones
  --merge                    the inputs are fragment files written by batch --shard

Options of batch (and -o, --only, --xlsx, --templates, --fonts of render):
  INPUT                      a file, a folder (every *.yaml below it) or a quoted glob
  -j, --jobs N               worker threads (default: all cores)
  --name PATTERN             output names, default {period}/{issuer}/{stem}.{kind};
                             also {date} and {number} (see docs/batch.md)
  --incremental              skip inputs whose outputs are up to date
  --shard K/N                take part K of N of the inputs and write a statistics
                             fragment instead of workbooks (see docs/scaling.md)
  --as-of YYYY-MM-DD         the day overdue is counted on in the statistics

Exit status: 0 success, 1 some input invalid or not rendered, 2 usage error.

  vanban --help      this text
  vanban --version   the version
)";

} // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(kHelp, stderr);
    return vanban::cli::kExitUsage;
  }
  const std::string& command = args.front();
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kHelp, stdout);
    return vanban::cli::kExitOk;
  }
  if (command == "--version" || command == "-V") {
    std::printf("vanban %s\n", VANBAN_VERSION);
    return vanban::cli::kExitOk;
  }
  std::vector<std::string> rest(args.begin() + 1, args.end());
  if (command == "validate") {
    return vanban::cli::run_validate(rest);
  }
  if (command == "render") {
    return vanban::cli::run_render(rest);
  }
  if (command == "stats") {
    return vanban::cli::run_stats(rest);
  }
  if (command == "batch") {
    return vanban::cli::run_batch(rest);
  }
  std::fprintf(stderr, "vanban: unknown command '%s' (see vanban --help)\n", command.c_str());
  return vanban::cli::kExitUsage;
}
