#pragma once
// The inline emphasis syntax of paragraphs in conference files:
//   **bold**   *italic*   __underline__   and \* \_ \\ for the literal characters.
// A single underscore is an ordinary character (as in file_name).
#include <optional>
#include <string>
#include <string_view>

#include "model/conference.hpp"

namespace vanban {

struct InlineError {
  std::string marker;     ///< "**", "*" or "__"
  std::size_t column = 0; ///< 1-based code-point column of the opening marker in the text
};

struct InlineParse {
  RichText runs;
  std::optional<InlineError> error;
};

InlineParse parse_inline(std::string_view text);

/// Write runs back in the inline syntax (literal * _ \ escaped): parse_inline of the
/// result gives the same runs.
std::string to_inline_syntax(const RichText& text);

} // namespace vanban
