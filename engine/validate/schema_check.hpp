#pragma once
// Checks a DataTree against the bundled JSON Schemas (draft-07, through valijson)
// and turns valijson's generic errors into our diagnostics at the right node.
#include <memory>

#include "base/diagnostic.hpp"
#include "load/data_tree.hpp"

namespace vanban {

extern const char* const kConferenceSchemaText;
extern const char* const kOrganizationSchemaText;
extern const char* const kWorkbookSchemaText;

enum class SchemaKind { conference, organization, workbook };

/// Both schemas, parsed once per process and read-only afterwards.
class SchemaSet {
public:
  static const SchemaSet& bundled();
  ~SchemaSet();

  /// Report every schema violation of `root` (a tree of `file`).
  void check(const DataNode& root, SchemaKind kind, const SourceFile& file, Diagnostics& out) const;

private:
  SchemaSet();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

} // namespace vanban
