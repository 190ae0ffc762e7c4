#include "base/source_file.hpp"

#include <algorithm>

namespace vanban {

SourceFile::SourceFile(std::string name, std::string text)
    : name_(std::move(name)), text_(std::move(text)) {
  line_starts_.push_back(0);
  for (std::size_t i = text_.find('\n'); i != std::string::npos; i = text_.find('\n', i + 1)) {
    line_starts_.push_back(i + 1); // find is memchr: every file loaded is indexed
  }
}

std::size_t SourceFile::line_start(std::size_t line0) const {
  return line0 < line_starts_.size() ? line_starts_[line0] : text_.size();
}

Location SourceFile::locate(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  std::size_t line0 = static_cast<std::size_t>(it - line_starts_.begin()) - 1;
  std::uint32_t column = 1;
  for (std::size_t i = line_starts_[line0]; i < offset; ++i) {
    // Count lead bytes only: continuation bytes (10xxxxxx) belong to the same code point.
    if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) {
      ++column;
    }
  }
  return {static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(line0 + 1), column};
}

Location SourceFile::locate_line_byte(std::size_t line0, std::size_t byte_column) const {
  std::size_t start = line_start(line0);
  std::size_t end = line0 + 1 < line_starts_.size() ? line_starts_[line0 + 1] : text_.size();
  return locate(std::min(start + byte_column, end));
}

} // namespace vanban
