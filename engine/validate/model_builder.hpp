#pragma once
// Builds the Conference model from a schema-checked DataTree, checking what a
// schema cannot say: real dates, order of times, references, numbering, sums.
#include "base/diagnostic.hpp"
#include "base/limits.hpp"
#include "load/data_tree.hpp"
#include "model/conference.hpp"

namespace vanban {

/// Fill `out` from the conference file's root. Tolerates nodes of the wrong shape
/// (the schema check has reported them) so that one run reports every problem.
void build_conference(const DataNode& root, const SourceFile& file, Conference& out,
                      Diagnostics& diagnostics, const Limits& limits = {});

/// Fill an issuer from an organization mapping (profile root or inline `issuer`).
Issuer build_issuer(const DataNode& node);

} // namespace vanban
