#pragma once
// A valijson adapter over our own DataNode tree: the schema check reads the tree as
// loaded, typed by our rules (json_typing), instead of a JSON copy of every file.
// It answers every question exactly as the nlohmann adapter over to_json(node) would,
// mapping members included: they are visited in the order of a JSON object (sorted
// by key), which decides which unknown key valijson names first.
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/internal/adapter.hpp>
#include <valijson/internal/basic_adapter.hpp>
#include <valijson/internal/frozen_value.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "load/data_tree.hpp"
#include "validate/json_typing.hpp"

namespace vanban {

class DataNodeAdapter;
class DataNodeArrayIterator;
class DataNodeMemberIterator;
using DataNodeMember = std::pair<std::string, DataNodeAdapter>;

class DataNodeArray {
public:
  using const_iterator = DataNodeArrayIterator;
  using iterator = DataNodeArrayIterator;
  DataNodeArray() : node_(nullptr) {}
  explicit DataNodeArray(const DataNode& node) : node_(&node) {}
  DataNodeArrayIterator begin() const;
  DataNodeArrayIterator end() const;
  std::size_t size() const { return node_ != nullptr ? node_->items.size() : 0; }

private:
  const DataNode* node_;
};

class DataNodeObject {
public:
  using const_iterator = DataNodeMemberIterator;
  using iterator = DataNodeMemberIterator;
  DataNodeObject() : node_(nullptr) {}
  explicit DataNodeObject(const DataNode& node) : node_(&node) {}
  DataNodeMemberIterator begin() const;
  DataNodeMemberIterator end() const;
  DataNodeMemberIterator find(const std::string& key) const;
  std::size_t size() const { return node_ != nullptr ? node_->entries.size() : 0; }

private:
  const DataNode* node_;
};

/// A node and, for a scalar, what it types to (asked many times per node).
class DataNodeValue {
public:
  DataNodeValue() : node_(&empty_mapping()) {}
  explicit DataNodeValue(const DataNode& node) : node_(&node) {
    if (node.is_scalar())
      scalar_ = type_scalar(node);
  }

  /// Constants of `enum` are frozen from the schema; an instance is frozen only by
  /// keywords our schemas do not use, through the JSON it stands for.
  valijson::adapters::FrozenValue* freeze() const {
    return new valijson::adapters::NlohmannJsonFrozenValue(to_json(*node_));
  }

  opt::optional<DataNodeArray> getArrayOptional() const {
    if (isArray())
      return opt::make_optional(DataNodeArray(*node_));
    return {};
  }
  bool getArraySize(std::size_t& result) const {
    if (!isArray())
      return false;
    result = node_->items.size();
    return true;
  }
  bool getBool(bool& result) const {
    if (!isBool())
      return false;
    result = scalar_.boolean;
    return true;
  }
  bool getDouble(double& result) const {
    if (!isDouble())
      return false;
    result = scalar_.number;
    return true;
  }
  bool getInteger(std::int64_t& result) const {
    if (!isInteger())
      return false;
    result = scalar_.integer;
    return true;
  }
  opt::optional<DataNodeObject> getObjectOptional() const {
    if (isObject())
      return opt::make_optional(DataNodeObject(*node_));
    return {};
  }
  bool getObjectSize(std::size_t& result) const {
    if (!isObject())
      return false;
    result = node_->entries.size();
    return true;
  }
  bool getString(std::string& result) const {
    if (!isString())
      return false;
    result = node_->text;
    return true;
  }
  static bool hasStrictTypes() { return true; }

  bool isArray() const { return node_->is_sequence(); }
  bool isBool() const { return is(ScalarValue::Type::boolean); }
  bool isDouble() const { return is(ScalarValue::Type::number); }
  bool isInteger() const { return is(ScalarValue::Type::integer); }
  bool isNull() const { return node_->is_null(); }
  bool isNumber() const { return isInteger() || isDouble(); }
  bool isObject() const { return node_->is_mapping(); }
  bool isString() const { return is(ScalarValue::Type::string); }

private:
  bool is(ScalarValue::Type t) const { return node_->is_scalar() && scalar_.type == t; }
  static const DataNode& empty_mapping() {
    static const DataNode mapping = [] {
      DataNode n;
      n.kind = DataNode::Kind::mapping;
      return n;
    }();
    return mapping;
  }

  const DataNode* node_;
  ScalarValue scalar_;
};

class DataNodeAdapter
    : public valijson::adapters::BasicAdapter<DataNodeAdapter, DataNodeArray, DataNodeMember,
                                              DataNodeObject, DataNodeValue> {
public:
  DataNodeAdapter() = default;
  explicit DataNodeAdapter(const DataNode& node)
      : BasicAdapter(DataNodeValue(node)), node_(&node) {}

  /// The node itself, for constraints of ours (nullptr: the default empty mapping).
  const DataNode* node() const { return node_; }

private:
  const DataNode* node_ = nullptr;
};

class DataNodeArrayIterator {
public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = DataNodeAdapter;
  using difference_type = DataNodeAdapter;
  using pointer = DataNodeAdapter*;
  using reference = DataNodeAdapter&;

  explicit DataNodeArrayIterator(const DataNode* at) : at_(at) {}
  DataNodeAdapter operator*() const { return DataNodeAdapter(*at_); }
  valijson::adapters::DerefProxy<DataNodeAdapter> operator->() const {
    return valijson::adapters::DerefProxy<DataNodeAdapter>(**this);
  }
  bool operator==(const DataNodeArrayIterator& other) const { return at_ == other.at_; }
  bool operator!=(const DataNodeArrayIterator& other) const { return at_ != other.at_; }
  const DataNodeArrayIterator& operator++() {
    ++at_;
    return *this;
  }
  DataNodeArrayIterator operator++(int) {
    DataNodeArrayIterator before = *this;
    ++at_;
    return before;
  }
  const DataNodeArrayIterator& operator--() {
    --at_;
    return *this;
  }
  void advance(std::ptrdiff_t n) { at_ += n; }

private:
  const DataNode* at_;
};

/// Walks a mapping's entries by key order. find() and end() are what validation asks
/// for on valid data; the sorted order is made only when an iterator moves.
class DataNodeMemberIterator {
public:
  using iterator_category = std::bidirectional_iterator_tag;
  using value_type = DataNodeMember;
  using difference_type = DataNodeMember;
  using pointer = DataNodeMember*;
  using reference = DataNodeMember&;

  DataNodeMemberIterator(const DataNode* node, const DataEntry* entry)
      : node_(node), entry_(entry) {}
  DataNodeMember operator*() const { return {entry_->key, DataNodeAdapter(entry_->value)}; }
  valijson::adapters::DerefProxy<DataNodeMember> operator->() const {
    return valijson::adapters::DerefProxy<DataNodeMember>(**this);
  }
  bool operator==(const DataNodeMemberIterator& other) const { return entry_ == other.entry_; }
  bool operator!=(const DataNodeMemberIterator& other) const { return entry_ != other.entry_; }
  const DataNodeMemberIterator& operator++() {
    move(1);
    return *this;
  }
  DataNodeMemberIterator operator++(int) {
    DataNodeMemberIterator before = *this;
    move(1);
    return before;
  }
  const DataNodeMemberIterator& operator--() {
    move(-1);
    return *this;
  }

  /// The entry with the smallest key, or nullptr.
  static const DataEntry* first(const DataNode& node) {
    const DataEntry* best = nullptr;
    for (const DataEntry& e : node.entries) {
      if (best == nullptr || e.key < best->key)
        best = &e;
    }
    return best;
  }

private:
  void move(std::ptrdiff_t step) {
    if (!order_) {
      auto sorted = std::make_shared<std::vector<const DataEntry*>>();
      for (const DataEntry& e : node_->entries)
        sorted->push_back(&e);
      std::sort(sorted->begin(), sorted->end(),
                [](const DataEntry* a, const DataEntry* b) { return a->key < b->key; });
      order_ = std::move(sorted);
      auto at = std::find(order_->begin(), order_->end(), entry_); // end() for the end
      position_ = at - order_->begin();
    }
    position_ += step;
    bool inside = position_ >= 0 && position_ < static_cast<std::ptrdiff_t>(order_->size());
    entry_ = inside ? (*order_)[static_cast<std::size_t>(position_)] : nullptr;
  }

  const DataNode* node_;
  const DataEntry* entry_; ///< nullptr: the end
  std::shared_ptr<const std::vector<const DataEntry*>> order_;
  std::ptrdiff_t position_ = 0;
};

inline DataNodeArrayIterator DataNodeArray::begin() const {
  return DataNodeArrayIterator(node_ != nullptr ? node_->items.data() : nullptr);
}
inline DataNodeArrayIterator DataNodeArray::end() const {
  return DataNodeArrayIterator(node_ != nullptr ? node_->items.data() + node_->items.size()
                                                : nullptr);
}
inline DataNodeMemberIterator DataNodeObject::begin() const {
  return {node_, node_ != nullptr ? DataNodeMemberIterator::first(*node_) : nullptr};
}
inline DataNodeMemberIterator DataNodeObject::end() const {
  return {node_, nullptr};
}
inline DataNodeMemberIterator DataNodeObject::find(const std::string& key) const {
  return {node_, node_ != nullptr ? node_->find_entry(key) : nullptr};
}

} // namespace vanban

namespace valijson::adapters {
template <> struct AdapterTraits<vanban::DataNodeAdapter> {
  using DocumentType = vanban::DataNode;
  static std::string adapterName() { return "DataNodeAdapter"; }
};
} // namespace valijson::adapters
