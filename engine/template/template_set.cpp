#include "template/template_set.hpp"

#include <filesystem>
#include <fstream>
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

TemplateSet::TemplateSet(std::string user_dir) : user_dir_(std::move(user_dir)) {
  for (const auto& [file, text] : bundled_template_texts()) {
    bundled_.emplace(file, std::make_unique<SourceFile>("templates/" + file, text));
  }
}

const SourceFile* TemplateSet::find(const std::string& name, const std::string& extension) const {
  if (!is_template_name(name)) {
    return nullptr;
  }
  std::string file_name = name + extension;
  if (!user_dir_.empty()) {
    std::lock_guard lock(mutex_);
    auto cached = user_.find(file_name);
    if (cached == user_.end()) {
      std::unique_ptr<SourceFile> file;
      std::error_code ec;
      fs::path root = fs::weakly_canonical(user_dir_, ec);
      fs::path path = fs::path(user_dir_) / file_name;
      fs::path real = fs::weakly_canonical(path, ec);
      // A symbolic link may not lead out of the template folder.
      bool inside = !ec && real.parent_path() == root;
      if (inside && fs::is_regular_file(real, ec) && fs::file_size(real, ec) < 1024 * 1024) {
        std::ifstream in(real, std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        file = std::make_unique<SourceFile>(path.string(), text.str());
      }
      cached = user_.emplace(file_name, std::move(file)).first;
    }
    if (cached->second) {
      return cached->second.get();
    }
  }
  auto it = bundled_.find(file_name);
  return it == bundled_.end() ? nullptr : it->second.get();
}

} // namespace vanban
