// Fuzz target: bytes as a user's party-notice template → checks, expansion,
// and the markup parser on what comes out.
#include "fuzz_support.hpp"
#include "markup/markup_parser.hpp"
#include "template/expand.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  if (size > fuzz::kMaxInput)
    return 0;
  std::string text = fuzz::bytes(data, size);
  // The first line, when it is short, stands for a partial the template may include.
  std::map<std::string, std::string> files{{"party-notice.mustache", text}};
  if (std::size_t nl = text.find('\n'); nl != std::string::npos && nl < 200) {
    files["fuzz-part.mustache"] = text.substr(0, nl);
  }
  TemplateSet templates(files);
  const Conference& c = fuzz::sample_conference();
  Diagnostics out;
  auto markup = expand_document(c, c.documents[0], templates, out);
  if (markup) {
    SourceFile file("fuzz.xml", *markup);
    (void)parse_markup(file, out);
  }
  return 0;
}
