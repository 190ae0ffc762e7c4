// Checks one tests/diag file: the diagnostics the engine reports must be exactly
// the set annotated in the file's leading comments,
//   # expect: LINE:COL: error|warning: PATH: MESSAGE      (English)
//   # expect-vi: LINE:COL: error|warning: PATH: MESSAGE   (Vietnamese, optional)
// A diagnostic in another file (an organization profile) is written FILE:LINE:COL
// with FILE relative to the diag file's folder.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "validate/validate.hpp"

namespace fs = std::filesystem;
using namespace vanban;

namespace {

std::vector<std::string> annotations(const std::string& text, const std::string& tag) {
  std::vector<std::string> out;
  std::istringstream in(text);
  std::string line;
  std::string prefix = "# " + tag + ": ";
  while (std::getline(in, line)) {
    if (line.rfind(prefix, 0) == 0) {
      out.push_back(line.substr(prefix.size()));
    }
  }
  return out;
}

std::vector<std::string> actual(const Diagnostics& found, const std::string& file, Lang lang) {
  std::vector<std::string> out;
  fs::path folder = fs::path(file).parent_path();
  for (const Diagnostic& d : found.items()) {
    std::string where;
    if (d.file != file) {
      where = fs::path(d.file).lexically_relative(folder).string() + ":";
    }
    where += std::to_string(d.location.line) + ":" + std::to_string(d.location.column);
    out.push_back(where + (d.severity == Severity::error ? ": error: " : ": warning: ") +
                  format_message(d, lang));
  }
  return out;
}

bool same_set(std::vector<std::string> expected, std::vector<std::string> got, const char* lang) {
  std::sort(expected.begin(), expected.end());
  std::sort(got.begin(), got.end());
  if (expected == got) {
    return true;
  }
  std::printf("diagnostics (%s) differ:\n", lang);
  for (const auto& e : expected) {
    if (!std::binary_search(got.begin(), got.end(), e)) {
      std::printf("  missing:    %s\n", e.c_str());
    }
  }
  for (const auto& g : got) {
    if (!std::binary_search(expected.begin(), expected.end(), g)) {
      std::printf("  unexpected: %s\n", g.c_str());
    }
  }
  return false;
}

} // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: diag_runner FILE.yaml\n");
    return 2;
  }
  std::string file = argv[1];
  std::ifstream in(file, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  std::string text = buffer.str();

  auto expected_en = annotations(text, "expect");
  auto expected_vi = annotations(text, "expect-vi");
  if (expected_en.empty()) {
    std::printf("%s: no '# expect:' annotation: a diag file must expect at least one diagnostic\n",
                file.c_str());
    return 1;
  }
  ValidateOptions options;
  options.data_root = fs::path(file).parent_path().string();
  Diagnostics found;
  auto model = load_conference(file, options, found);
  found.sort_unique();
  bool ok = same_set(expected_en, actual(found, file, Lang::en), "en");
  if (!expected_vi.empty()) {
    ok = same_set(expected_vi, actual(found, file, Lang::vi), "vi") && ok;
  }
  if (model && found.has_errors()) {
    std::printf("a model was returned despite errors\n");
    ok = false;
  }
  std::printf("%s: %s\n", file.c_str(), ok ? "ok" : "FAILED");
  return ok ? 0 : 1;
}
