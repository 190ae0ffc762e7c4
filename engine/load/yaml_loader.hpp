#pragma once
// load: YAML text → DataTree, with every input-hygiene check that needs bytes or
// YAML events (encoding, NFC, duplicate keys, aliases, depth, size).
#include <cstddef>
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "base/source_file.hpp"
#include "load/data_tree.hpp"

namespace vanban {

/// Bounds that keep a hostile file from costing time or memory.
struct LoadLimits {
  std::size_t max_bytes = 4 * 1024 * 1024;
  std::size_t max_depth = 64;
  std::size_t max_reported = 20; ///< per kind of repeated byte-level problem

  LoadLimits() = default;
  explicit LoadLimits(const Limits& l) : max_bytes(l.input_bytes), max_depth(l.yaml_depth) {}
};

/// Why a file could not be opened, in both languages for the common reasons.
std::string os_error_words(int error);

/// Read a file into memory, refusing more than `limits.max_bytes`. Problems are
/// reported against `display_name`.
std::optional<std::string> read_source(const std::string& path, const std::string& display_name,
                                       const LoadLimits& limits, Diagnostics& out);

/// Check the bytes of a file before YAML sees them: size, NUL, UTF-16, invalid
/// UTF-8. Returns false (with diagnostics) when the file cannot be parsed.
bool check_encoding(const SourceFile& file, const LoadLimits& limits, Diagnostics& out);

/// Parse one YAML document into a DataTree. Returns nothing when the file is not
/// usable at all; otherwise a tree, possibly with errors reported alongside.
std::optional<DataNode> parse_yaml(const SourceFile& file, const LoadLimits& limits,
                                   Diagnostics& out);

/// Strip a UTF-8 byte order mark, which editors on Windows add.
std::string strip_bom(std::string text);

} // namespace vanban
