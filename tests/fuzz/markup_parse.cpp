// Fuzz target: bytes as document markup → DocTree.
#include "fuzz_support.hpp"
#include "markup/markup_parser.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  if (size > vanban::fuzz::kMaxInput)
    return 0;
  SourceFile file("fuzz.xml", vanban::fuzz::bytes(data, size));
  Diagnostics out;
  auto tree = parse_markup(file, out);
  if (tree && out.has_errors())
    __builtin_trap();
  Diagnostics lint;
  lint_template_markup(file, true, lint);
  return 0;
}
