#include "validate/text_constraint.hpp"

#include <valijson/constraints/concrete_constraints.hpp>
#include <valijson/utils/utf8_utils.hpp>
#include <valijson/validation_results.hpp>

#include <algorithm>
#include <memory>
#include <new>
#include <regex>
#include <vector>

#include "validate/data_node_adapter.hpp"

namespace vanban {

namespace {

// ---- native forms of our schemas' patterns ---------------------------------------
// Each equals std::regex_search (ECMAScript: ^ and $ only at the ends of the text,
// bytes compared one by one); tests/unit/validate/text_constraint_test.cpp checks them
// against std::regex.

bool digits(std::string_view s, std::size_t at, std::size_t n) {
  if (at + n > s.size())
    return false;
  return std::all_of(s.begin() + static_cast<std::ptrdiff_t>(at),
                     s.begin() + static_cast<std::ptrdiff_t>(at + n),
                     [](char c) { return c >= '0' && c <= '9'; });
}

bool is_lower_or_digit(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/// \.ya?ml$
bool yaml_file_name(std::string_view s) {
  return s.ends_with(".yaml") || s.ends_with(".yml");
}

/// ^[a-z0-9]+(?:-[a-z0-9]+)*$
bool id_form(std::string_view s) {
  if (s.empty() || s.front() == '-' || s.back() == '-')
    return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '-' ? s[i + 1] == '-' : !is_lower_or_digit(s[i]))
      return false;
  }
  return true;
}

/// ^[0-9]{4}-[0-9]{2}-[0-9]{2}$
bool date_form(std::string_view s) {
  return s.size() == 10 && digits(s, 0, 4) && s[4] == '-' && digits(s, 5, 2) && s[7] == '-' &&
         digits(s, 8, 2);
}

/// ^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}$
bool datetime_form(std::string_view s) {
  return s.size() == 16 && date_form(s.substr(0, 10)) && (s[10] == 'T' || s[10] == ' ') &&
         digits(s, 11, 2) && s[13] == ':' && digits(s, 14, 2);
}

/// ^[0-9]{4}(?:-Q[1-4]|-H[12]|-(?:0[1-9]|1[0-2]))?$
bool period_form(std::string_view s) {
  if (!digits(s, 0, 4))
    return false;
  if (s.size() == 4)
    return true;
  if (s.size() != 7 || s[4] != '-')
    return false;
  char a = s[5], b = s[6];
  return (a == 'Q' && b >= '1' && b <= '4') || (a == 'H' && (b == '1' || b == '2')) ||
         (a == '0' && b >= '1' && b <= '9') || (a == '1' && b >= '0' && b <= '2');
}

/// ^(?:[A-Z]|Đ)+$
bool symbol_form(std::string_view s) {
  if (s.empty())
    return false;
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] >= 'A' && s[i] <= 'Z') {
      i += 1;
    } else if (s.substr(i, 2) == "Đ") {
      i += 2;
    } else {
      return false;
    }
  }
  return true;
}

/// ^[^:\\/?*\[\]']+$
bool sheet_name_form(std::string_view s) {
  return !s.empty() && s.find_first_of(":\\/?*[]'") == std::string_view::npos;
}

/// ^[a-z_]+$
bool field_form(std::string_view s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

/// Code points as valijson's u8_strlen counts them (up to a NUL). Exact for valid
/// UTF-8, which every DataNode text is: the loader refuses invalid bytes and libyaml
/// writes escapes as valid UTF-8.
std::uint64_t code_points(std::string_view valid) {
  valid = valid.substr(0, valid.find('\0'));
  return static_cast<std::uint64_t>(std::count_if(valid.begin(), valid.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

class TextConstraint : public valijson::constraints::PolyConstraint {
public:
  TextConstraint(std::optional<std::uint64_t> min, std::optional<std::uint64_t> max,
                 std::optional<std::string> pattern)
      : min_(min), max_(max), pattern_(std::move(pattern)) {
    if (pattern_) {
      native_ = native_pattern(*pattern_);
      if (native_ == nullptr)
        regex_ = std::make_shared<const std::regex>(*pattern_);
    }
  }

  bool validate(const valijson::adapters::Adapter& target, const std::vector<std::string>& context,
                valijson::ValidationResults* results) const override {
    // Strong types: only a string has a length or a pattern (the type keyword speaks).
    if (!target.isString())
      return true;
    const DataNode* node = data_node_of(target);
    std::string copy = node != nullptr ? std::string() : target.asString();
    std::string_view text = node != nullptr ? std::string_view(node->text) : copy;
    bool ok = true;
    if (min_ || max_) {
      std::uint64_t length =
          node != nullptr ? code_points(text) : valijson::utils::u8_strlen(copy.c_str());
      if (max_ && length > *max_)
        ok = fail(results, context,
                  "String should be no more than " + std::to_string(*max_) +
                      " characters in length.");
      if (min_ && length < *min_)
        ok = fail(results, context,
                  "String should be no fewer than " + std::to_string(*min_) +
                      " characters in length.");
    }
    if (pattern_ && !matches(text))
      ok = fail(results, context, "Failed to match regex specified by 'pattern' constraint.");
    return ok;
  }

private:
  /// The tree node behind an adapter of ours: its text is read in place, not copied.
  static const DataNode* data_node_of(const valijson::adapters::Adapter& target) {
    const auto* adapter = dynamic_cast<const DataNodeAdapter*>(&target);
    return adapter != nullptr ? adapter->node() : nullptr;
  }

  bool matches(std::string_view text) const {
    if (native_ != nullptr)
      return native_(text);
    return std::regex_search(text.begin(), text.end(), *regex_);
  }

  static bool fail(valijson::ValidationResults* results, const std::vector<std::string>& context,
                   const std::string& description) {
    if (results != nullptr)
      results->pushError(context, description);
    return false;
  }

  Constraint* cloneInto(void* where) const override { return new (where) TextConstraint(*this); }
  std::size_t sizeOf() const override { return sizeof(TextConstraint); }

  std::optional<std::uint64_t> min_, max_;
  std::optional<std::string> pattern_;
  PatternMatcher native_ = nullptr;
  std::shared_ptr<const std::regex> regex_; ///< shared by the clones; matching is const
};

/// Schema keywords whose values are subschemas, maps of them, or lists of them.
bool holds_subschema(const std::string& key) {
  static const char* kKeys[] = {"items",
                                "additionalItems",
                                "additionalProperties",
                                "contains",
                                "not",
                                "if",
                                "then",
                                "else",
                                "allOf",
                                "anyOf",
                                "oneOf",
                                "propertyNames"};
  return std::any_of(std::begin(kKeys), std::end(kKeys), [&](const char* k) { return key == k; });
}

bool holds_subschema_map(const std::string& key) {
  return key == "properties" || key == "definitions" || key == "patternProperties" ||
         key == "dependencies";
}

void gather_in(nlohmann::json& schema);

void gather_in_each(nlohmann::json& value) {
  if (value.is_array()) {
    for (nlohmann::json& item : value)
      gather_in(item);
  } else {
    gather_in(value);
  }
}

void gather_in(nlohmann::json& schema) {
  if (!schema.is_object())
    return;
  nlohmann::json text = nlohmann::json::object();
  for (const char* key : {"minLength", "maxLength"}) {
    auto it = schema.find(key);
    if (it != schema.end() && it->is_number_unsigned()) {
      text[key] = *it;
      schema.erase(it);
    }
  }
  if (auto it = schema.find("pattern"); it != schema.end() && it->is_string()) {
    text["pattern"] = *it;
    schema.erase(it);
  }
  if (!text.empty())
    schema[kTextKeyword] = std::move(text);
  for (auto& [key, value] : schema.items()) {
    if (holds_subschema(key)) {
      gather_in_each(value);
    } else if (holds_subschema_map(key) && value.is_object()) {
      for (auto& [name, sub] : value.items())
        gather_in(sub);
    }
  }
}

} // namespace

void gather_text_keywords(nlohmann::json& schema) {
  gather_in(schema);
}

valijson::constraints::Constraint*
TextConstraintBuilder::make(const valijson::adapters::Adapter& value) const {
  std::optional<std::uint64_t> min, max;
  std::optional<std::string> pattern;
  value.applyToObject([&](const std::string& key, const valijson::adapters::Adapter& v) {
    if (key == "minLength")
      min = static_cast<std::uint64_t>(v.asInteger());
    else if (key == "maxLength")
      max = static_cast<std::uint64_t>(v.asInteger());
    else if (key == "pattern")
      pattern = v.asString();
    return true;
  });
  return new TextConstraint(min, max, std::move(pattern));
}

PatternMatcher native_pattern(std::string_view pattern) {
  static const std::pair<std::string_view, PatternMatcher> kNative[] = {
      {R"(\.ya?ml$)", yaml_file_name},
      {"^[a-z0-9]+(?:-[a-z0-9]+)*$", id_form},
      {"^[0-9]{4}-[0-9]{2}-[0-9]{2}$", date_form},
      {"^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}$", datetime_form},
      {"^[0-9]{4}(?:-Q[1-4]|-H[12]|-(?:0[1-9]|1[0-2]))?$", period_form},
      {"^(?:[A-Z]|Đ)+$", symbol_form},
      {R"(^[^:\\/?*\[\]']+$)", sheet_name_form},
      {"^[a-z_]+$", field_form},
  };
  for (const auto& [form, matcher] : kNative) {
    if (form == pattern)
      return matcher;
  }
  return nullptr;
}

} // namespace vanban
