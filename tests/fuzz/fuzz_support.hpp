#pragma once
// What the fuzz targets share: a valid conference to expand templates with, the
// fonts, and a bound on input size that keeps each run fast.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fonts/font_set.hpp"
#include "model/conference.hpp"

namespace vanban::fuzz {

/// Inputs beyond this are not interesting, only slow.
constexpr std::size_t kMaxInput = 64 * 1024;

inline std::string bytes(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// A small valid conference (both documents), built once.
const Conference& sample_conference();
/// The document fonts, found once.
const FontSet& fonts();

} // namespace vanban::fuzz
