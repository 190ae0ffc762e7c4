#pragma once
// markup: the XML document markup (docs/markup.md) → DocTree.
#include <optional>

#include "base/diagnostic.hpp"
#include "markup/doc_tree.hpp"

namespace vanban {

/// Parse markup text. Problems are reported at their line:column in `markup`;
/// the tree comes back only when there is no error.
std::optional<DocTree> parse_markup(const SourceFile& markup, Diagnostics& out);

/// Check a template file's markup before expansion (mustache tags are plain text
/// to XML): well-formedness, element and attribute names. `fragment` allows
/// several top-level elements (a partial).
void lint_template_markup(const SourceFile& tmpl, bool fragment, Diagnostics& out);

} // namespace vanban
