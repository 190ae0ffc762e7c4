#pragma once
// template: Conference + document → markup text, through mustache templates.
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "model/conference.hpp"
#include "template/template_set.hpp"

namespace vanban {

/// Bounds on what a template may do, and how it expands.
struct TemplateLimits {
  int max_partial_depth = 16;
  /// Parse the root once per thread with its partials written in place (kainjow
  /// parses a partial again at each use); false renders through the partials, as
  /// tests do to show both give the same text.
  bool inline_partials = true;
};

/// Name of the template that makes a document: "party-notice", "state-minutes"…
std::string template_name(Standard standard, DocumentKind kind);

/// Check a root template and every partial it reaches (mustache syntax, markup
/// shape, partial names, include cycles), once per template set: later calls
/// return the first outcome without diagnostics.
bool check_templates(const std::string& root, const TemplateSet& templates, Diagnostics& out,
                     const TemplateLimits& limits = {});

/// Expand the document's template. Every template it reaches is checked first
/// (mustache syntax, markup shape, partial names, include cycles); problems are
/// reported at the template's file:line:column.
std::optional<std::string> expand_document(const Conference& c, const DocumentSpec& doc,
                                           const TemplateSet& templates, Diagnostics& out,
                                           const TemplateLimits& limits = {});

} // namespace vanban
