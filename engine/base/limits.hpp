#pragma once
// Bounds that keep hostile or mistaken input from costing unbounded time, memory
// or disk. Defaults fit every real document by a wide margin; each can be changed
// with --limit NAME=VALUE (docs/reliability.md lists them).
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

struct Limits {
  std::size_t input_bytes = 4 * 1024 * 1024;   ///< one data, profile or template file
  std::size_t yaml_depth = 64;                 ///< nesting of mappings and lists
  std::size_t attendees = 2000;                ///< persons listed in one conference
  std::size_t directives = 1000;               ///< directives of one conference
  std::size_t paragraph_chars = 8000;          ///< one paragraph of text, in characters
  std::size_t pages = 200;                     ///< pages of one document
  std::size_t template_depth = 16;             ///< partials within partials
  std::size_t output_bytes = 64 * 1024 * 1024; ///< one output file
};

/// The limit names, as --limit takes them: "input-bytes", "yaml-depth", …
std::vector<std::string_view> limit_names();

/// Set `name` to `value`; false (with `error`) for an unknown name or a value
/// that is not a positive whole number.
bool set_limit(Limits& limits, std::string_view assignment, std::string& error);

} // namespace vanban
