#pragma once
// Our typing rules for YAML scalars (not YAML 1.1's): quoted → string; plain
// true/false → boolean; decimal integer without leading zeros → integer; decimal
// fraction → number; everything else, dates and "yes"/"no" included → string.
#include <nlohmann/json.hpp>

#include "load/data_tree.hpp"

namespace vanban {

nlohmann::json to_json(const DataNode& node);
/// The JSON value a scalar types to.
nlohmann::json scalar_to_json(const DataNode& node);

} // namespace vanban
