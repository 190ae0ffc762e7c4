#include "batch_inputs.hpp"

#include <glob.h>

#include <algorithm>
#include <filesystem>
#include <set>

#include "base/atomic_file.hpp"

namespace vanban::cli {

namespace fs = std::filesystem;

namespace {

bool is_yaml(const fs::path& p) {
  return p.extension() == ".yaml" || p.extension() == ".yml";
}

bool is_pattern(const std::string& s) {
  return s.find_first_of("*?[") != std::string::npos;
}

} // namespace

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& out) {
  std::set<std::string> files;
  for (const std::string& input : inputs) {
    std::size_t before = files.size();
    std::error_code ec;
    if (is_pattern(input) && !fs::exists(input, ec)) {
      glob_t g{};
      if (::glob(input.c_str(), 0, nullptr, &g) == 0) {
        for (std::size_t i = 0; i < g.gl_pathc; ++i) {
          if (fs::is_regular_file(g.gl_pathv[i], ec))
            files.insert(g.gl_pathv[i]);
        }
      }
      globfree(&g);
    } else if (fs::is_directory(input, ec)) {
      for (auto it = fs::recursive_directory_iterator(
               input, fs::directory_options::skip_permission_denied, ec);
           it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec)
          break;
        if (it->is_regular_file(ec) && is_yaml(it->path()) &&
            it->path().filename().string()[0] != '.') {
          files.insert(it->path().string());
        }
      }
    } else if (fs::exists(input, ec)) {
      files.insert(input);
    }
    if (files.size() == before) {
      out.error(input, {}, "", Msg::input_not_found, {input});
    }
  }
  return {files.begin(), files.end()};
}

std::vector<std::string> shard_inputs(const std::vector<std::string>& files, int k, int n) {
  std::vector<std::string> out;
  for (const std::string& f : files) {
    unsigned long long h = std::stoull(content_digest(f), nullptr, 16);
    if (static_cast<int>(h % static_cast<unsigned long long>(n)) == k - 1)
      out.push_back(f);
  }
  return out;
}

namespace {
/// Whether some line of `text` starts with `key`.
bool has_line_starting(const std::string& text, const std::string& key) {
  return text.rfind(key, 0) == 0 || text.find("\n" + key) != std::string::npos;
}
} // namespace

bool looks_like_profile(const std::string& text) {
  return !has_line_starting(text, "conference:") && has_line_starting(text, "symbol:");
}

} // namespace vanban::cli
