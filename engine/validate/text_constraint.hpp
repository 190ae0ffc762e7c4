#pragma once
// minLength, maxLength and pattern of one schema node, checked in one pass over the
// text. valijson checks them one keyword at a time, copying the text for each, counting
// code points byte by byte and matching patterns with std::regex; text is most of what
// a conference holds, so this was a third of the schema check. The schemas keep the
// standard keywords (editors read them); they are gathered under kTextKeyword only in
// the copy valijson compiles. Errors are valijson's own words, in its order.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <valijson/constraint_builder.hpp>

namespace vanban {

/// The custom keyword that holds a node's minLength, maxLength and pattern.
inline constexpr const char* kTextKeyword = "vanban:text";

/// Moves minLength, maxLength and pattern of every subschema of `schema` under
/// kTextKeyword (as an object with the same three keys).
void gather_text_keywords(nlohmann::json& schema);

/// Builds the constraint of a kTextKeyword value.
class TextConstraintBuilder : public valijson::ConstraintBuilder {
public:
  valijson::constraints::Constraint* make(const valijson::adapters::Adapter& value) const override;
};

/// A matcher equal to std::regex_search with one of our schemas' patterns.
using PatternMatcher = bool (*)(std::string_view text);
/// The native matcher of a pattern, or nullptr when it has none (std::regex is used).
PatternMatcher native_pattern(std::string_view pattern);

} // namespace vanban
