// Fuzz target: bytes as a statistics fragment → records → the statistics workbook.
#include <unistd.h>

#include <cstdio>

#include "fuzz_support.hpp"
#include "stats/statistics.hpp"
#include "xlsx/xlsx_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  if (size > fuzz::kMaxInput)
    return 0;
  std::string text = fuzz::bytes(data, size);
  std::vector<ConferenceRecord> records;
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    std::string line =
        text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::string error;
    if (auto r = from_fragment_line(line, error))
      records.push_back(std::move(*r));
    if (end == std::string::npos)
      break;
    start = end + 1;
  }
  static const TemplateSet templates;
  static const WorkbookTemplate tmpl = [] {
    Diagnostics d;
    return *load_workbook_template("statistics", templates, d);
  }();
  Workbook book = statistics_workbook(records, tmpl, StatisticsOptions{Date{2022, 12, 31}, ""});
  if (!records.empty() && records.size() <= 8) {
    static const std::string path = "/tmp/vanban-fuzz-" + std::to_string(::getpid()) + ".xlsx";
    Diagnostics out;
    if (write_xlsx(std::move(book), path, out))
      std::remove(path.c_str());
  }
  return 0;
}
