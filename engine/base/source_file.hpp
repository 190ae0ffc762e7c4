#pragma once
// A loaded text file and the translation of byte offsets into 1-based line and
// code-point column, as printed in diagnostics.
#include <cstdint>
#include <string>
#include <vector>

namespace vanban {

/// A position in a source file: byte offset plus 1-based line and column, the
/// column counted in code points (what an editor shows), 0 when unknown.
struct Location {
  std::uint32_t offset = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

/// The text of one input file, with a line index built once.
class SourceFile {
public:
  SourceFile(std::string name, std::string text);

  const std::string& name() const { return name_; }
  const std::string& text() const { return text_; }

  /// Location of a byte offset (clamped to the end of the text).
  Location locate(std::size_t offset) const;
  /// Location of a 0-based line and byte column, as yaml-cpp reports them.
  Location locate_line_byte(std::size_t line0, std::size_t byte_column) const;
  /// Byte offset where 0-based line starts (the end of the text past the last line).
  std::size_t line_start(std::size_t line0) const;
  std::size_t line_count() const { return line_starts_.size(); }

private:
  std::string name_;
  std::string text_;
  std::vector<std::size_t> line_starts_;
};

} // namespace vanban
