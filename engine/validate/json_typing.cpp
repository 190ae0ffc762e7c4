#include "validate/json_typing.hpp"

#include <algorithm>
#include <charconv>

namespace vanban {

namespace {
bool is_decimal_integer(const std::string& s) {
  std::size_t i = s.size() > 1 && s[0] == '-' ? 1 : 0;
  if (i >= s.size() || (s[i] == '0' && s.size() > i + 1)) {
    return false;
  }
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(i), s.end(),
                     [](char c) { return c >= '0' && c <= '9'; });
}

bool is_decimal_fraction(const std::string& s) {
  // -?(0|[1-9][0-9]*)\.[0-9]+([eE][-+]?[0-9]+)? by hand: called on every plain scalar.
  std::size_t i = 0;
  auto digits = [&] {
    std::size_t start = i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9')
      ++i;
    return i - start;
  };
  if (i < s.size() && s[i] == '-')
    ++i;
  std::size_t whole_start = i;
  std::size_t whole = digits();
  if (whole == 0 || (whole > 1 && s[whole_start] == '0'))
    return false;
  if (i >= s.size() || s[i] != '.')
    return false;
  ++i;
  if (digits() == 0)
    return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-'))
      ++i;
    if (digits() == 0)
      return false;
  }
  return i == s.size();
}
} // namespace

ScalarValue type_scalar(const DataNode& node) {
  const std::string& s = node.text;
  ScalarValue v;
  if (node.quoted) {
    return v;
  }
  if (s == "true" || s == "false") {
    v.type = ScalarValue::Type::boolean;
    v.boolean = s == "true";
  } else if (is_decimal_integer(s)) {
    auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v.integer);
    if (error == std::errc{} && end == s.data() + s.size()) {
      v.type = ScalarValue::Type::integer;
    } else {
      // Past 64 bits: still a number, and the schema's maximum speaks.
      v.type = ScalarValue::Type::number;
      v.number = std::stod(s);
    }
  } else if (is_decimal_fraction(s)) {
    v.type = ScalarValue::Type::number;
    v.number = std::stod(s);
  }
  return v;
}

nlohmann::json scalar_to_json(const DataNode& node) {
  ScalarValue v = type_scalar(node);
  switch (v.type) {
  case ScalarValue::Type::boolean: return v.boolean;
  case ScalarValue::Type::integer: return v.integer;
  case ScalarValue::Type::number: return v.number;
  case ScalarValue::Type::string: break;
  }
  return node.text;
}

nlohmann::json to_json(const DataNode& node) {
  switch (node.kind) {
  case DataNode::Kind::null: return nullptr;
  case DataNode::Kind::scalar: return scalar_to_json(node);
  case DataNode::Kind::sequence: {
    nlohmann::json out = nlohmann::json::array();
    for (const DataNode& item : node.items) {
      out.push_back(to_json(item));
    }
    return out;
  }
  case DataNode::Kind::mapping: {
    nlohmann::json out = nlohmann::json::object();
    for (const DataEntry& e : node.entries) {
      out[e.key] = to_json(e.value);
    }
    return out;
  }
  }
  return nullptr;
}

} // namespace vanban
