#include "template/template_set.hpp"

#include <atomic>

#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

namespace vanban {

namespace fs = std::filesystem;

bool is_template_name(const std::string& name) {
  if (name.empty() || name.size() > 64) {
    return false;
  }
  for (char c : name) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    if (!ok) {
      return false;
    }
  }
  return true;
}

namespace {
std::uint64_t next_set_id() {
  static std::atomic<std::uint64_t> next{1};
  return next++;
}
} // namespace

TemplateSet::TemplateSet(std::string user_dir)
    : id_(next_set_id()), user_dir_(std::move(user_dir)) {
  for (const auto& [file, text] : bundled_template_texts()) {
    bundled_.emplace(file, std::make_unique<SourceFile>("templates/" + file, text));
  }
  if (user_dir_.empty()) {
    return;
  }
  // Read the user's folder once: lookups are then lock-free for worker threads.
  std::error_code ec;
  fs::path root = fs::weakly_canonical(fs::absolute(user_dir_), ec);
  for (const auto& entry : fs::directory_iterator(user_dir_, ec)) {
    fs::path path = entry.path();
    std::string ext = path.extension().string();
    if ((ext != ".mustache" && ext != ".yaml") || !is_template_name(path.stem().string())) {
      continue;
    }
    fs::path real = fs::weakly_canonical(fs::absolute(path), ec);
    // A symbolic link may not lead out of the template folder.
    if (ec || real.parent_path() != root || !fs::is_regular_file(real, ec) ||
        fs::file_size(real, ec) > 1024 * 1024) {
      continue;
    }
    std::ifstream in(real, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    user_.emplace(path.filename().string(),
                  std::make_unique<SourceFile>(path.string(), text.str()));
  }
}

TemplateSet::TemplateSet(const std::map<std::string, std::string>& overrides)
    : TemplateSet(std::string()) {
  for (const auto& [file, text] : overrides) {
    user_[file] = std::make_unique<SourceFile>("memory/" + file, text);
  }
}

const SourceFile* TemplateSet::find(const std::string& name, const std::string& extension) const {
  if (!is_template_name(name)) {
    return nullptr;
  }
  std::string file_name = name + extension;
  if (auto it = user_.find(file_name); it != user_.end()) {
    return it->second.get();
  }
  auto it = bundled_.find(file_name);
  return it == bundled_.end() ? nullptr : it->second.get();
}

std::optional<bool> TemplateSet::checked(const std::string& root) const {
  std::shared_lock lock(checks_mutex_);
  auto it = checks_.find(root);
  return it == checks_.end() ? std::nullopt : std::optional<bool>(it->second);
}

void TemplateSet::set_checked(const std::string& root, bool ok) const {
  std::unique_lock lock(checks_mutex_);
  checks_[root] = ok;
}

} // namespace vanban
