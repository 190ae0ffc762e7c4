#pragma once
// The YAML document as plain values that keep their source positions.
#include <string>
#include <vector>

#include "base/source_file.hpp"

namespace vanban {

struct DataEntry;

/// One YAML node. Scalars keep their text (NFC) and whether they were quoted, so
/// that later stages apply our own typing rules, not YAML 1.1's.
struct DataNode {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  Location location;
  std::string text;               ///< scalar text
  bool quoted = false;            ///< scalar was quoted or explicitly tagged !!str
  bool placeholder = false;       ///< stands for something already reported (an alias)
  std::vector<DataNode> items;    ///< sequence items
  std::vector<DataEntry> entries; ///< mapping entries, in file order

  bool is_null() const { return kind == Kind::null; }
  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_mapping() const { return kind == Kind::mapping; }
  /// The value of a mapping key, or nullptr.
  const DataNode* find(std::string_view key) const;
  /// The entry of a mapping key, or nullptr.
  const DataEntry* find_entry(std::string_view key) const;
};

struct DataEntry {
  std::string key;
  Location key_location;
  DataNode value;
};

/// A parsed file: its source and the root node.
struct DataTree {
  const SourceFile* source = nullptr;
  DataNode root;
};

} // namespace vanban
