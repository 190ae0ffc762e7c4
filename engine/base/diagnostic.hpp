#pragma once
// Diagnostics: what is wrong, where (file:line:column and data path), in which words.
#include <string>
#include <vector>

#include "base/messages.hpp"
#include "base/source_file.hpp"

namespace vanban {

enum class Severity { error, warning };

/// One problem found in an input. The message is kept as an id plus arguments so
/// that it can be printed in either language.
struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;
  Location location;
  std::string path; ///< data path such as directives[2].deadline; empty = whole file
  Msg message = Msg::schema_other;
  std::vector<std::string> args;
};

/// Collects diagnostics in the order found; callers sort before printing.
class Diagnostics {
public:
  void error(const std::string& file, Location at, std::string path, Msg msg,
             std::vector<std::string> args = {});
  void warning(const std::string& file, Location at, std::string path, Msg msg,
               std::vector<std::string> args = {});
  void add(Diagnostic d) { items_.push_back(std::move(d)); }
  void append(const Diagnostics& other);

  bool has_errors() const;
  std::size_t error_count() const;
  std::size_t warning_count() const;
  const std::vector<Diagnostic>& items() const { return items_; }
  /// Sort by file, line, column and remove exact duplicates.
  void sort_unique();

private:
  std::vector<Diagnostic> items_;
};

/// `file:line:col: error: path: message` (line and column left out when unknown).
std::string format_short(const Diagnostic& d, Lang lang);
/// The message alone: `path: message`.
std::string format_message(const Diagnostic& d, Lang lang);
/// One JSON object per diagnostic, in a JSON array, for scripts.
std::string format_json(const std::vector<Diagnostic>& ds, Lang lang);

} // namespace vanban
