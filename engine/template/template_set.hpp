#pragma once
// Where templates come from: the bundled set, overridden file by file by a user
// folder. A template is named by a plain name; nothing outside the folders is read.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <vector>

#include "base/diagnostic.hpp"
#include "base/source_file.hpp"

namespace vanban {

const std::vector<std::pair<std::string, std::string>>& bundled_template_texts();

/// True for names a template or partial may have: [a-z0-9_-]+, at most 64 characters.
bool is_template_name(const std::string& name);

class TemplateSet {
public:
  /// The bundled templates plus, when `user_dir` is not empty, the files
  /// `<user_dir>/<name>.mustache` that override them.
  explicit TemplateSet(std::string user_dir = "");
  /// The bundled templates with some files replaced from memory ("party-notice.mustache"
  /// → text): for fuzzing and tests.
  explicit TemplateSet(const std::map<std::string, std::string>& overrides);

  /// The template `<name><extension>`, or nullptr. Names that are not plain names
  /// are never looked up; files that resolve (symbolic links included) outside the
  /// folder are refused.
  const SourceFile* find(const std::string& name, const std::string& extension = ".mustache") const;
  const std::string& user_dir() const { return user_dir_; }

  /// Different for every TemplateSet of the process: a key for per-thread caches.
  std::uint64_t id() const { return id_; }

  /// The outcome of checking a root template and what it includes, once known.
  std::optional<bool> checked(const std::string& root) const;
  void set_checked(const std::string& root, bool ok) const;

private:
  std::uint64_t id_;
  std::string user_dir_;
  std::map<std::string, std::unique_ptr<SourceFile>> bundled_;
  std::map<std::string, std::unique_ptr<SourceFile>> user_; ///< read once, at construction
  mutable std::shared_mutex checks_mutex_; ///< readers share it: one check per root per process
  mutable std::map<std::string, bool> checks_;
};

} // namespace vanban
