#pragma once
// Conference + document → the values templates see (docs/templates.md lists them).
#include <kainjow/mustache.hpp>

#include "model/conference.hpp"

namespace vanban {

/// Every name a bundled template uses is always present (empty text, false or an
/// empty list when the data has nothing), so a name the data lacks is a typo.
kainjow::mustache::data template_data(const Conference& c, const DocumentSpec& doc);

/// XML-safe escape for markup: & < > " ' as decimal references (an upper-casing
/// helper cannot spoil them), control characters dropped.
std::string xml_escape(const std::string& text);

} // namespace vanban
