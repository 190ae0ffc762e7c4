#pragma once
// validate: a conference file on disk → a checked Conference, or diagnostics.
#include <optional>
#include <string>

#include "base/diagnostic.hpp"
#include "load/yaml_loader.hpp"
#include "model/conference.hpp"

namespace vanban {

struct ValidateOptions {
  Limits limits;
  /// Organization profiles must lie inside this folder; empty = the folder of
  /// the conference file.
  std::string data_root;
};

/// Read, parse and check one conference file with its organization profile.
/// Every problem is added to `out`; the model comes back only when there is no error.
std::optional<Conference> load_conference(const std::string& path, const ValidateOptions& options,
                                          Diagnostics& out);

/// The same from text already in memory (`name` is used in diagnostics and to
/// resolve the profile path).
std::optional<Conference> load_conference_text(const std::string& name, std::string text,
                                               const ValidateOptions& options, Diagnostics& out);

} // namespace vanban
