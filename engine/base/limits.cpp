#include "base/limits.hpp"

#include <charconv>

namespace vanban {

namespace {
struct Field {
  std::string_view name;
  std::size_t Limits::*member;
};
constexpr Field kFields[] = {
    {"input-bytes", &Limits::input_bytes},
    {"yaml-depth", &Limits::yaml_depth},
    {"attendees", &Limits::attendees},
    {"directives", &Limits::directives},
    {"paragraph-chars", &Limits::paragraph_chars},
    {"pages", &Limits::pages},
    {"template-depth", &Limits::template_depth},
    {"output-bytes", &Limits::output_bytes},
};
} // namespace

std::vector<std::string_view> limit_names() {
  std::vector<std::string_view> out;
  for (const Field& f : kFields)
    out.push_back(f.name);
  return out;
}

bool set_limit(Limits& limits, std::string_view assignment, std::string& error) {
  std::size_t eq = assignment.find('=');
  std::string_view name = assignment.substr(0, eq);
  for (const Field& f : kFields) {
    if (f.name != name)
      continue;
    std::string_view value = eq == std::string_view::npos ? "" : assignment.substr(eq + 1);
    std::size_t n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec != std::errc{} || end != value.data() + value.size() || n == 0) {
      error = "--limit " + std::string(name) + " takes a positive whole number";
      return false;
    }
    limits.*f.member = n;
    return true;
  }
  error = "unknown limit '" + std::string(name) + "'";
  return false;
}

} // namespace vanban
