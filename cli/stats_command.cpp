// `vanban stats FILES... -o FILE.xlsx [--period 2022-Q1] [--as-of DATE]`
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include <atomic>
#include <cerrno>
#include <fstream>
#include <iterator>
#include <thread>

#include "base/diagnostic.hpp"
#include "commands.hpp"
#include "load/yaml_loader.hpp"
#include "options.hpp"
#include "stats/statistics.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace vanban::cli {

namespace {

struct StatsOptions {
  CommonOptions common;
  std::string output;
  std::string templates;
  StatisticsOptions statistics;
  bool as_of_given = false;
  bool merge = false; ///< the inputs are fragment files written by `batch --shard`
};

bool parse_date(const std::string& s, Date& out) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 ||
      !is_real_date(y, m, d)) {
    return false;
  }
  out = {y, m, d};
  return true;
}

bool valid_period(const std::string& p) {
  if (p.size() == 4)
    return std::all_of(p.begin(), p.end(), ::isdigit);
  return p.size() == 7 && std::all_of(p.begin(), p.begin() + 4, ::isdigit) && p[4] == '-' &&
         p[5] == 'Q' && p[6] >= '1' && p[6] <= '4';
}

/// Today, or the day SOURCE_DATE_EPOCH names (reproducible builds and tests).
Date today() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) {
    t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  }
  std::tm local{};
  localtime_r(&t, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

bool parse(const std::vector<std::string>& args, StatsOptions& out) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    Parsed p = parse_common(args, i, out.common, "stats");
    if (p == Parsed::usage_error)
      return false;
    if (p == Parsed::taken)
      continue;
    const std::string& a = args[i];
    auto value = [&](std::string& into) { return next_value(args, i, into); };
    std::string v;
    if (a == "-o" || a == "--output") {
      if (!value(out.output))
        return usage_error("stats", "-o takes a file name");
    } else if (a == "--period") {
      if (!value(out.statistics.period) || !valid_period(out.statistics.period)) {
        return usage_error("stats", "--period takes a quarter such as 2022-Q1, or a year");
      }
    } else if (a == "--as-of") {
      if (!value(v) || !parse_date(v, out.statistics.as_of)) {
        return usage_error("stats", "--as-of takes a date such as 2022-06-30");
      }
      out.as_of_given = true;
    } else if (a == "--templates") {
      if (!value(out.templates))
        return usage_error("stats", "--templates takes a folder");
    } else if (a == "--merge") {
      out.merge = true;
    } else {
      return usage_error("stats", "unknown option '" + a + "'");
    }
  }
  if (out.common.files.empty())
    return usage_error("stats", "no file given");
  if (out.output.empty())
    return usage_error("stats", "-o FILE.xlsx is required");
  return true;
}

} // namespace

bool read_fragment(const std::string& path, std::vector<ConferenceRecord>& records,
                   Diagnostics& found) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    found.error(path, {}, "", Msg::cannot_read_file, {os_error_words(errno)});
    return false;
  }
  std::string line;
  std::size_t number = 0;
  std::vector<ConferenceRecord> read;
  while (std::getline(in, line)) {
    ++number;
    if (number == 1) {
      if (line != kFragmentHeader) {
        found.error(path, {1, 1, 1}, "", Msg::fragment_invalid,
                    {"the first line is not a vanban fragment header"});
        return false;
      }
      continue;
    }
    if (line.empty())
      continue;
    std::string error;
    auto r = from_fragment_line(line, error);
    if (!r) {
      found.error(path, {0, static_cast<std::uint32_t>(number), 1}, "", Msg::fragment_invalid,
                  {error});
      return false;
    }
    read.push_back(std::move(*r));
  }
  if (number == 0) {
    found.error(path, {1, 1, 1}, "", Msg::fragment_invalid, {"the file is empty"});
    return false;
  }
  std::move(read.begin(), read.end(), std::back_inserter(records));
  return true;
}

int run_stats(const std::vector<std::string>& args) {
  StatsOptions options;
  if (!parse(args, options)) {
    return kExitUsage;
  }
  if (!options.as_of_given) {
    options.statistics.as_of = today();
  }
  Diagnostics all;
  // Files are read on every core: loading is most of a statistics run. Each file's
  // diagnostics are kept apart and printed in the order given.
  std::size_t n = options.common.files.size();
  std::vector<std::vector<ConferenceRecord>> per_file(n);
  std::vector<Diagnostics> found(n);
  std::vector<char> ok(n, 0);
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < n; i = next++) {
      const std::string& file = options.common.files[i];
      if (options.merge) {
        ok[i] = read_fragment(file, per_file[i], found[i]) ? 1 : 0;
      } else if (auto c = load_conference(file, options.common.validate, found[i])) {
        per_file[i].push_back(make_record(*c));
        ok[i] = 1;
      }
    }
  };
  unsigned jobs = std::max(
      1u, std::min<unsigned>(std::thread::hardware_concurrency(), static_cast<unsigned>(n)));
  std::vector<std::thread> workers;
  for (unsigned j = 1; j < jobs; ++j)
    workers.emplace_back(work);
  work();
  for (std::thread& w : workers)
    w.join();
  std::vector<ConferenceRecord> records;
  std::size_t failed = 0;
  for (std::size_t i = 0; i < n; ++i) {
    failed += ok[i] != 0 ? 0 : 1;
    std::move(per_file[i].begin(), per_file[i].end(), std::back_inserter(records));
    found[i].sort_unique();
    print_diagnostics(found[i], options.common);
    all.append(found[i]);
  }
  TemplateSet templates(options.templates);
  Diagnostics output;
  std::size_t conferences = 0;
  for (const ConferenceRecord& r : records)
    conferences += in_period(r, options.statistics.period) ? 1 : 0;
  auto tmpl = load_workbook_template("statistics", templates, output);
  bool written =
      tmpl && write_xlsx(statistics_workbook(std::move(records), *tmpl, options.statistics),
                         options.output, output);
  print_diagnostics(output, options.common);
  all.append(output);
  if (options.common.json) {
    std::fputs(format_json(all.items(), options.common.lang).c_str(), stdout);
  } else if (written && !options.common.quiet) {
    std::printf("%s: %zu conferences, %zu inputs failed\n", options.output.c_str(), conferences,
                failed);
  }
  return written && failed == 0 ? kExitOk : kExitInvalid;
}

} // namespace vanban::cli
