#pragma once
// Our typing rules for YAML scalars (not YAML 1.1's): quoted → string; plain
// true/false → boolean; decimal integer without leading zeros → integer; decimal
// fraction → number; everything else, dates and "yes"/"no" included → string.
#include <cstdint>

#include <nlohmann/json.hpp>

#include "load/data_tree.hpp"

namespace vanban {

/// What a scalar types to, without building JSON (the schema check asks for every node).
struct ScalarValue {
  enum class Type { string, boolean, integer, number };
  Type type = Type::string;
  bool boolean = false;
  std::int64_t integer = 0;
  double number = 0;
};

ScalarValue type_scalar(const DataNode& node);

nlohmann::json to_json(const DataNode& node);
/// The JSON value a scalar types to.
nlohmann::json scalar_to_json(const DataNode& node);

} // namespace vanban
