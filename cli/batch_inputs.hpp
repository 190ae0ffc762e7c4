#pragma once
// Which files a batch reads: files, folders (recursive *.yaml / *.yml) and glob
// patterns, in a stable order; a shard keeps its deterministic part of them.
#include <string>
#include <vector>

#include "base/diagnostic.hpp"

namespace vanban::cli {

/// Expand inputs into a sorted, de-duplicated list of files. A pattern or path
/// that matches nothing is an `input_not_found` error.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& out);

/// Shard `k` of `n` (1-based): the inputs whose path hashes to it. Each input
/// belongs to exactly one shard, whatever order the list was given in, and
/// adding files moves no other file to another shard.
std::vector<std::string> shard_inputs(const std::vector<std::string>& files, int k, int n);

/// Whether a YAML file is an organization profile rather than a conference (a
/// folder of data holds both; profiles are read through their conferences).
bool looks_like_profile(const std::string& text);

} // namespace vanban::cli
