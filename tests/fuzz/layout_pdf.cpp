// Fuzz target: bytes as document markup → layout → PDF bytes, in memory.
#include "fuzz_support.hpp"
#include "layout/layout.hpp"
#include "markup/markup_parser.hpp"
#include "pdf/pdf_writer.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  if (size > 16 * 1024)
    return 0;
  SourceFile file("fuzz.xml", fuzz::bytes(data, size));
  Diagnostics out;
  auto tree = parse_markup(file, out);
  if (!tree)
    return 0;
  PagedLayout layout = layout_document(*tree, fuzz::fonts(), "fuzz.xml", out);
  const double width = layout.width;
  for (const PageLayout& page : layout.pages) {
    for (const PlacedText& t : page.texts) {
      // Text of a sane page never starts left of the page or beyond it.
      if (!(t.x > -1e6 && t.x < width + 1e6))
        __builtin_trap();
    }
  }
  if (layout.pages.size() <= 30 && !out.has_errors()) {
    PdfOptions options{"vanban fuzz", "D:20220407000000+07'00'", "0"};
    (void)write_pdf(layout, fuzz::fonts(), options, "fuzz.pdf", out);
  }
  return 0;
}
