#include "load/data_tree.hpp"

namespace vanban {

const DataEntry* DataNode::find_entry(std::string_view key) const {
  for (const DataEntry& e : entries) {
    if (e.key == key) {
      return &e;
    }
  }
  return nullptr;
}

const DataNode* DataNode::find(std::string_view key) const {
  const DataEntry* e = find_entry(key);
  return e != nullptr ? &e->value : nullptr;
}

} // namespace vanban
