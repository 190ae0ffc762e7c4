#include "markup/doc_tree.hpp"

namespace vanban {

std::string paragraph_text(const Paragraph& p) {
  std::string out;
  for (const Span& s : p.spans) {
    out += s.text;
  }
  return out;
}

} // namespace vanban
