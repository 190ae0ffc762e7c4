// `vanban batch INPUTS... -o OUTDIR [--jobs N] [--shard K/N] [--incremental] [--name PATTERN]`
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <set>
#include <sstream>
#include <thread>

#include "base/atomic_file.hpp"
#include "base/text.hpp"
#include "batch_inputs.hpp"
#include "commands.hpp"
#include "document_renderer.hpp"
#include "options.hpp"
#include "stats/statistics.hpp"
#include "template/expand.hpp"
#include "xlsx/xlsx_writer.hpp"

namespace vanban::cli {

namespace fs = std::filesystem;

namespace {

constexpr const char* kDefaultName = "{period}/{issuer}/{stem}.{kind}";

struct BatchOptions {
  CommonOptions common;
  RenderSettings settings;
  std::string templates;
  std::vector<std::string> font_dirs;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  int shard = 1, shards = 1;
  bool incremental = false;
  std::string name = kDefaultName;
  std::optional<Date> as_of;
};

std::atomic<bool> g_stop{false};
extern "C" void on_signal(int) {
  g_stop = true;
}

bool parse(const std::vector<std::string>& args, BatchOptions& out) {
  out.settings.out_dir = "";
  for (std::size_t i = 0; i < args.size(); ++i) {
    Parsed p = parse_common(args, i, out.common, "batch");
    if (p == Parsed::usage_error)
      return false;
    if (p == Parsed::taken)
      continue;
    Parsed r = parse_render_option(args, i, out.settings, out.templates, out.font_dirs, "batch");
    if (r == Parsed::usage_error)
      return false;
    if (r == Parsed::taken)
      continue;
    const std::string& a = args[i];
    std::string v = i + 1 < args.size() ? args[i + 1] : "";
    if (a == "-j" || a == "--jobs") {
      char* end = nullptr;
      long n = std::strtol(v.c_str(), &end, 10);
      if (v.empty() || *end != '\0' || n < 1 || n > 256)
        return usage_error("batch", "--jobs takes 1 to 256");
      out.jobs = static_cast<unsigned>(n);
      ++i;
    } else if (a == "--shard") {
      if (std::sscanf(v.c_str(), "%d/%d", &out.shard, &out.shards) != 2 || out.shards < 1 ||
          out.shard < 1 || out.shard > out.shards) {
        return usage_error("batch", "--shard takes K/N with 1 <= K <= N");
      }
      ++i;
    } else if (a == "--incremental") {
      out.incremental = true;
    } else if (a == "--name") {
      if (v.empty() || v.find("..") != std::string::npos || v[0] == '/') {
        return usage_error("batch",
                           "--name takes a relative pattern such as " + std::string(kDefaultName));
      }
      out.name = v;
      ++i;
    } else if (a == "--as-of") {
      int y = 0, m = 0, d = 0;
      if (std::sscanf(v.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || !is_real_date(y, m, d)) {
        return usage_error("batch", "--as-of takes a date such as 2022-06-30");
      }
      out.as_of = Date{y, m, d};
      ++i;
    } else {
      return usage_error("batch", "unknown option '" + a + "'");
    }
  }
  if (out.common.files.empty())
    return usage_error("batch", "no input given");
  if (out.settings.out_dir.empty())
    return usage_error("batch", "-o OUTDIR is required");
  out.settings.limits = out.common.validate.limits;
  return true;
}

/// Expand the --name pattern for one document.
std::string output_name(const std::string& pattern, const std::string& input, const Conference& c,
                        DocumentKind kind, const DocumentSpec* doc) {
  const Date& held = c.info.start.date;
  std::map<std::string, std::string> values = {
      {"stem", fs::path(input).stem().string()},
      {"period", std::to_string(held.year) + "-q" + std::to_string((held.month - 1) / 3 + 1)},
      {"issuer", ascii_slug(c.issuer.name)},
      {"date", iso_string(doc != nullptr && doc->date ? *doc->date : held)},
      {"kind", kind_name(kind)},
      {"number", doc != nullptr && doc->number
                     ? (*doc->number < 10 ? "0" : "") + std::to_string(*doc->number)
                     : std::string("du-thao")},
  };
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    std::size_t close = pattern[i] == '{' ? pattern.find('}', i) : std::string::npos;
    if (close != std::string::npos && values.contains(pattern.substr(i + 1, close - i - 1))) {
      out += values[pattern.substr(i + 1, close - i - 1)];
      i = close;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

/// Temporary files of writers that no longer run (a kill -9) are removed, so a
/// rerun leaves the output folder clean.
void remove_stale_temporaries(const std::string& dir) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string name = it->path().filename().string();
    std::size_t mark = name.rfind(".tmp-");
    if (name[0] != '.' || mark == std::string::npos)
      continue;
    long pid = std::strtol(name.c_str() + mark + 5, nullptr, 10);
    if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) != 0 && errno == ESRCH) {
      fs::remove(it->path(), ec);
    }
  }
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

/// --incremental: a stamp per input holds the digest of everything its outputs
/// depend on and the outputs' paths; both must match for the input to be skipped.
class Stamps {
public:
  Stamps(std::string out_dir, std::string settings)
      : dir_(out_dir + "/.vanban/stamps"), settings_(settings) {}

  std::string key(const std::string& input, const Conference& c) const {
    return content_digest(settings_ + "\n" + read_text(input) + "\n" + c.issuer.name +
                          c.issuer.parent + c.issuer.symbol + c.issuer.place + c.issuer.office);
  }
  bool fresh(const std::string& input, const std::string& key,
             const std::vector<std::string>& outputs) const {
    std::ifstream in(path(input));
    std::string stored;
    if (!std::getline(in, stored) || stored != key)
      return false;
    std::error_code ec;
    for (const std::string& o : outputs) {
      // Empty: a file the system had not yet flushed when the power went.
      if (!fs::exists(o, ec) || fs::file_size(o, ec) == 0)
        return false;
    }
    return true;
  }
  void write(const std::string& input, const std::string& key) const {
    std::error_code ec;
    fs::create_directories(dir_, ec);
    std::string error;
    write_file_atomically(path(input), key + "\n", error, Flush::at_end);
  }

private:
  std::string path(const std::string& input) const {
    return dir_ + "/" + content_digest(input) + ".stamp";
  }
  std::string dir_;
  std::string settings_;
};

/// Progress: a bar on a terminal, a line every few seconds otherwise.
class Progress {
public:
  Progress(std::size_t total, bool quiet) : total_(total), quiet_(quiet), tty_(::isatty(2) != 0) {}

  void update(std::size_t done, std::size_t documents, bool final = false) {
    if (quiet_)
      return;
    auto now = std::chrono::steady_clock::now();
    double elapsed = std::chrono::duration<double>(now - start_).count();
    if (!final && now - last_ < (tty_ ? std::chrono::milliseconds(200) : std::chrono::seconds(5)))
      return;
    last_ = now;
    double rate = elapsed > 0 ? static_cast<double>(documents) / elapsed : 0;
    double per_input = done > 0 ? elapsed / static_cast<double>(done) : 0;
    long left = static_cast<long>(per_input * static_cast<double>(total_ - done));
    char line[200];
    if (tty_) {
      int width = 30;
      int filled = total_ > 0 ? static_cast<int>(width * done / total_) : width;
      std::string bar(static_cast<std::size_t>(filled), '=');
      bar.resize(static_cast<std::size_t>(width), ' ');
      std::snprintf(line, sizeof line, "\r[%s] %zu/%zu  %.1f documents/s  %ld:%02ld left ",
                    bar.c_str(), done, total_, rate, left / 60, left % 60);
      std::fputs(line, stderr);
      if (final)
        std::fputs("\n", stderr);
    } else {
      std::snprintf(line, sizeof line,
                    "progress: %zu/%zu inputs, %zu documents, %.1f documents/s\n", done, total_,
                    documents, rate);
      std::fputs(line, stderr);
    }
    std::fflush(stderr);
  }

private:
  std::size_t total_;
  bool quiet_;
  bool tty_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::steady_clock::time_point last_{};
};

Date today() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"))
    t = static_cast<std::time_t>(std::strtoll(epoch, nullptr, 10));
  std::tm local{};
  localtime_r(&t, &local);
  return {local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

/// The statistics records of a run, kept on disk (one temporary JSON-lines file per
/// quarter in OUT/.vanban) instead of in memory, so that memory stays flat however many
/// conferences a batch holds; read back one quarter at a time at the end.
class RecordSpill {
public:
  explicit RecordSpill(std::string out_dir) : dir_(std::move(out_dir) + "/.vanban") {}
  ~RecordSpill() {
    for (auto& [quarter, file] : files_) {
      file.stream.close();
      std::error_code ec;
      fs::remove(file.path, ec);
    }
    std::error_code ec;
    fs::remove(dir_, ec); // only when empty: --incremental keeps its stamps there
  }

  /// Called under the batch's lock.
  void add(const ConferenceRecord& r) {
    auto it = files_.find(r.quarter);
    if (it == files_.end()) {
      std::error_code ec;
      fs::create_directories(dir_, ec);
      // Named like every temporary: a run killed before removing it is cleaned by the next.
      std::string path = temporary_path(dir_ + "/records-" + ascii_slug(r.quarter) + ".jsonl");
      it = files_.emplace(r.quarter, File{path, std::ofstream(path, std::ios::binary)}).first;
    }
    it->second.stream << to_fragment_line(r) << '\n';
    ++it->second.count;
  }

  /// How many records a quarter holds.
  std::size_t count(const std::string& quarter) const { return files_.at(quarter).count; }

  std::vector<std::string> quarters() const {
    std::vector<std::string> out;
    for (const auto& [quarter, file] : files_)
      out.push_back(quarter);
    return out;
  }

  /// The records of one quarter, sorted as the statistics list them. Threads may
  /// take different quarters at once (nothing is added any more by then).
  std::vector<ConferenceRecord> take(const std::string& quarter) {
    File& file = files_.at(quarter);
    file.stream.flush();
    std::ifstream in(file.path, std::ios::binary);
    std::vector<ConferenceRecord> out;
    std::string line;
    std::string error;
    while (std::getline(in, line)) {
      if (auto r = from_fragment_line(line, error))
        out.push_back(std::move(*r));
    }
    sort_records(out);
    return out;
  }

private:
  struct File {
    std::string path;
    std::ofstream stream;
    std::size_t count = 0;
  };
  std::string dir_;
  std::map<std::string, File> files_; ///< by quarter, in order
};

/// Conferences whose workbooks may be built at once. A quarter's records and its
/// workbook take about 20 KB per conference until written: small quarters are built
/// side by side, large ones one at a time, so that memory stays bounded.
constexpr std::size_t kConferencesInFlight = 1500;

/// The workbook of each quarter held, from its records read back: quarters side by
/// side on `jobs` threads, each reading only its own quarter's file, as far as
/// kConferencesInFlight allows.
std::size_t write_statistics(RecordSpill& records, const WorkbookTemplate& tmpl, Date as_of,
                             const std::string& out_dir, unsigned jobs, Diagnostics& finish) {
  std::vector<std::string> quarters = records.quarters();
  std::vector<Diagnostics> found(quarters.size());
  std::size_t next = 0;
  std::size_t in_flight = 0;
  std::mutex lock;
  std::condition_variable room;
  std::atomic<std::size_t> written{0};
  auto work = [&] {
    for (;;) {
      std::size_t i = 0;
      std::size_t size = 0;
      {
        std::unique_lock<std::mutex> hold(lock);
        // Quarters are started in order; one alone may exceed the bound.
        room.wait(hold, [&] {
          return next >= quarters.size() || in_flight == 0 ||
                 in_flight + records.count(quarters[next]) <= kConferencesInFlight;
        });
        if (next >= quarters.size())
          return;
        i = next++;
        size = records.count(quarters[i]);
        in_flight += size;
      }
      const std::string slug = ascii_slug(quarters[i]);
      std::string path = out_dir + "/" + slug + "/thong-ke-" + slug + ".xlsx";
      std::error_code ec;
      fs::create_directories(fs::path(path).parent_path(), ec);
      StatisticsOptions so{as_of, quarters[i]};
      Workbook book = statistics_workbook(records.take(quarters[i]), tmpl, so);
      written += write_xlsx(std::move(book), path, found[i]) ? 1 : 0;
      {
        std::lock_guard<std::mutex> hold(lock);
        in_flight -= size;
      }
      room.notify_all();
    }
  };
  std::vector<std::thread> threads;
  for (unsigned j = 1; j < std::min<std::size_t>(jobs, quarters.size()); ++j)
    threads.emplace_back(work);
  work();
  for (std::thread& t : threads)
    t.join();
  for (const Diagnostics& d : found)
    finish.append(d);
  return written;
}

struct Outcome {
  std::atomic<std::size_t> done{0};
  std::atomic<std::size_t> documents{0};
  std::atomic<std::size_t> failed{0};
  std::atomic<std::size_t> skipped{0};
  std::atomic<std::size_t> warnings{0};
  std::atomic<std::size_t> profiles{0};
};

} // namespace

int run_batch(const std::vector<std::string>& args) {
  BatchOptions options;
  if (!parse(args, options))
    return kExitUsage;
  auto started = std::chrono::steady_clock::now();
  Diagnostics setup;
  std::vector<std::string> inputs = expand_inputs(options.common.files, setup);
  inputs = shard_inputs(inputs, options.shard, options.shards);
  auto fonts = load_fonts(options.font_dirs, setup);
  TemplateSet templates(options.templates);
  auto workbook = load_workbook_template("conference", templates, setup);
  auto statistics_template = load_workbook_template("statistics", templates, setup);
  // Check every document template once, before the workers share them.
  for (Standard s : {Standard::party, Standard::state}) {
    for (DocumentKind k : {DocumentKind::notice, DocumentKind::minutes}) {
      check_templates(template_name(s, k), templates, setup);
    }
  }
  setup.sort_unique();
  print_diagnostics(setup, options.common);
  if (!fonts || setup.has_errors()) {
    if (options.common.json)
      std::fputs(format_json(setup.items(), options.common.lang).c_str(), stdout);
    return kExitInvalid;
  }
  std::error_code ec;
  fs::create_directories(options.settings.out_dir, ec);
  remove_stale_temporaries(options.settings.out_dir);
  ::signal(SIGINT, on_signal);
  ::signal(SIGTERM, on_signal);

  const std::string out_dir = options.settings.out_dir;
  const std::string pattern = options.name;
  options.settings.flush = Flush::at_end; // one flush of the whole run, below
  DocumentRenderer renderer(
      options.settings, templates, *fonts, workbook,
      [&](const std::string& input, const Conference& c, DocumentKind kind,
          const DocumentSpec* doc) {
        return (fs::path(out_dir) / output_name(pattern, input, c, kind, doc)).string();
      });
  Stamps stamps(out_dir, std::string(VANBAN_VERSION) + "|" + pattern + "|" + options.settings.only +
                             "|" + (options.settings.xlsx ? "x" : "") +
                             (options.settings.emit_markup ? "m" : "") + "|" + options.templates);
  Outcome outcome;
  std::mutex lock; // printing, the name registry and the collected records: not the rendering
  std::map<std::string, std::string> owners; // output path → input that made it
  RecordSpill records(options.settings.out_dir);
  std::vector<Diagnostic> all;
  std::atomic<std::size_t> next{0};
  Progress progress(inputs.size(), options.common.quiet || options.common.json);

  auto work = [&] {
    for (std::size_t i = next++; i < inputs.size() && !g_stop; i = next++) {
      const std::string& input = inputs[i];
      Diagnostics found;
      std::vector<std::string> written;
      bool ok = true;
      bool counted = true;
      std::string text = read_text(input);
      if (looks_like_profile(text)) {
        counted = false; // an organization profile, read through its conferences
      } else if (auto c = load_conference(input, options.common.validate, found)) {
        std::vector<std::string> planned = renderer.planned_outputs(input, *c);
        {
          std::lock_guard guard(lock);
          for (const std::string& p : planned) {
            auto [it, fresh] = owners.try_emplace(p, input);
            if (!fresh && it->second != input) {
              found.error(input, {}, "", Msg::output_name_taken, {p, it->second});
              ok = false;
            }
          }
          records.add(make_record(*c));
        }
        std::string key = options.incremental ? stamps.key(input, *c) : "";
        if (ok && options.incremental && stamps.fresh(input, key, planned)) {
          ++outcome.skipped;
        } else if (ok) {
          ok = renderer.render(input, *c, found, written);
          if (ok && options.incremental)
            stamps.write(input, key);
        }
      } else {
        ok = false;
      }
      outcome.documents += written.size();
      outcome.failed += ok ? 0 : 1;
      outcome.warnings += found.warning_count();
      ++(counted ? outcome.done : outcome.profiles);
      if (!found.items().empty()) {
        found.sort_unique();
        std::lock_guard guard(lock);
        if (::isatty(2) != 0)
          std::fputs("\r\033[K", stderr); // over the progress bar
        print_diagnostics(found, options.common);
        all.insert(all.end(), found.items().begin(), found.items().end());
      }
    }
  };
  std::vector<std::thread> workers;
  unsigned jobs = std::min<unsigned>(
      options.jobs, static_cast<unsigned>(std::max<std::size_t>(1, inputs.size())));
  for (unsigned j = 1; j < jobs; ++j)
    workers.emplace_back(work);
  std::atomic<bool> finished{false};
  std::thread reporter([&] {
    while (!finished) {
      progress.update(outcome.done + outcome.profiles, outcome.documents);
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  });
  work();
  for (std::thread& w : workers)
    w.join();
  finished = true;
  reporter.join();
  progress.update(outcome.done + outcome.profiles, outcome.documents, true);

  // Statistics: a fragment per shard, or a workbook per quarter held.
  Diagnostics finish;
  std::size_t stats_written = 0;
  if (!g_stop) {
    if (options.shards > 1) {
      // The fragment: quarter by quarter, each sorted, so the same inputs give the same bytes.
      std::string fragment = kFragmentHeader + std::string("\n");
      for (const std::string& q : records.quarters()) {
        for (const ConferenceRecord& r : records.take(q))
          fragment += to_fragment_line(r) + "\n";
      }
      std::string path = out_dir + "/fragments/shard-" + std::to_string(options.shard) + "-of-" +
                         std::to_string(options.shards) + ".jsonl";
      fs::create_directories(out_dir + "/fragments", ec);
      std::string error;
      if (write_file_atomically(path, fragment, error)) {
        ++stats_written;
      } else {
        finish.error(path, {}, "", Msg::cannot_write_output, {path, error});
      }
    } else if (statistics_template) {
      stats_written = write_statistics(records, *statistics_template,
                                       options.as_of.value_or(today()), out_dir, jobs, finish);
    }
  }
  std::string flush_error;
  if (!flush_file_system(out_dir, flush_error)) {
    finish.error(out_dir, {}, "", Msg::cannot_write_output, {out_dir, flush_error});
  }
  print_diagnostics(finish, options.common);
  all.insert(all.end(), finish.items().begin(), finish.items().end());

  double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  if (options.common.json) {
    std::fputs(format_json(all, options.common.lang).c_str(), stdout);
  } else {
    std::printf(
        "%s%zu documents and %zu statistics files in %s; %zu inputs, %zu failed, %zu up to date, "
        "%zu warnings; %.2f s\n",
        g_stop ? "interrupted: " : "", outcome.documents.load(), stats_written, out_dir.c_str(),
        outcome.done.load(), outcome.failed.load(), outcome.skipped.load(), outcome.warnings.load(),
        seconds);
  }
  if (g_stop)
    return 130;
  return outcome.failed == 0 && !finish.has_errors() ? kExitOk : kExitInvalid;
}

} // namespace vanban::cli
