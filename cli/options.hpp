#pragma once
// Options shared by the commands, parsed in one place.
#include <string>
#include <vector>

#include "base/messages.hpp"
#include <optional>

#include "fonts/font_set.hpp"
#include "validate/validate.hpp"

namespace vanban::cli {

struct CommonOptions {
  Lang lang = lang_from_environment();
  bool json = false;
  bool quiet = false;
  ValidateOptions validate;
  std::vector<std::string> files;
};

/// Outcome of offering one argument to the common parser.
enum class Parsed { taken, not_mine, usage_error };

/// Consume args[i] (and its value, advancing i) if it is a common option or a
/// file name. `command` names the command in usage messages.
Parsed parse_common(const std::vector<std::string>& args, std::size_t& i, CommonOptions& out,
                    const char* command);

/// Take the value after option args[i] into `into`, advancing i; false when the
/// command line ends there.
bool next_value(const std::vector<std::string>& args, std::size_t& i, std::string& into);

/// Print a usage error for `command`; returns false for convenience.
bool usage_error(const char* command, const std::string& what);

/// Consume an option of documents making (-o, --only, --emit, --xlsx, --templates,
/// --fonts), shared by `render` and `batch`.
Parsed parse_render_option(const std::vector<std::string>& args, std::size_t& i,
                           struct RenderSettings& settings, std::string& templates,
                           std::vector<std::string>& font_dirs, const char* command);

/// The document fonts: Times New Roman from `dirs`, fonts/ or the source tree's
/// fonts/, else Liberation Serif; a diagnostic when there is none.
std::optional<FontSet> load_fonts(const std::vector<std::string>& dirs, class Diagnostics& out);

/// Print diagnostics of one file (short form on stderr unless JSON is asked for).
void print_diagnostics(const class Diagnostics& found, const CommonOptions& options);

} // namespace vanban::cli
