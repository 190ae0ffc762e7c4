// Fuzz target: bytes as a conference file → load, schema check, model.
#include "fuzz_support.hpp"
#include "validate/validate.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace vanban;
  if (size > fuzz::kMaxInput)
    return 0;
  ValidateOptions options;
  options.data_root = "/nonexistent-vanban-fuzz-root"; // profiles never leave it: no file is read
  Diagnostics out;
  auto conference = load_conference_text("fuzz.yaml", fuzz::bytes(data, size), options, out);
  if (conference && out.has_errors())
    __builtin_trap(); // a model despite errors
  for (const Diagnostic& d : out.items()) {
    (void)format_short(d, Lang::vi); // every diagnostic must render
  }
  return 0;
}
