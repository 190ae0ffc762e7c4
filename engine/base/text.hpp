#pragma once
// UTF-8 helpers shared by every stage: validity, NFC, case, similarity.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vanban {

/// Length in bytes of the valid UTF-8 sequence at `pos`, or 0 when the bytes there
/// are not valid UTF-8 (overlong forms, surrogates and values past U+10FFFF included).
std::size_t utf8_sequence_length(std::string_view s, std::size_t pos);
/// Byte offsets of invalid UTF-8 sequences, at most `limit` of them.
std::vector<std::size_t> invalid_utf8_offsets(std::string_view s, std::size_t limit);
/// Decode the code points of valid UTF-8 text.
std::u32string decode_utf8(std::string_view s);

/// The length of a valid sequence of the kinds Vietnamese text is made of, decided from
/// the lead byte alone: two bytes from C2, or three from E1–EC or EE–EF (never overlong,
/// never a surrogate). 0 for anything else, which utf8_sequence_length then decides.
inline std::size_t utf8_common_sequence_length(std::string_view s, std::size_t pos) {
  auto continues = [&](std::size_t i) {
    return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  };
  auto b = static_cast<unsigned char>(s[pos]);
  if (b >= 0xC2 && b <= 0xDF) {
    return continues(pos + 1) ? 2 : 0;
  }
  if ((b >= 0xE1 && b <= 0xEC) || b == 0xEE || b == 0xEF) {
    return continues(pos + 1) && continues(pos + 2) ? 3 : 0;
  }
  return 0;
}

/// The code point at `pos` (advanced past it), without allocating: for hot loops.
/// An invalid byte reads as U+FFFD and advances one byte, as in decode_utf8.
inline char32_t next_code_point(std::string_view s, std::size_t& pos) {
  auto lead = static_cast<unsigned char>(s[pos]);
  if (lead < 0x80) {
    ++pos;
    return lead;
  }
  // The common sequences are told from their lead byte inline; the rest checked in full.
  std::size_t n = utf8_common_sequence_length(s, pos);
  if (n == 0) {
    n = utf8_sequence_length(s, pos);
  }
  if (n == 0) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = lead & (0x7FU >> n);
  for (std::size_t k = 1; k < n; ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[pos + k]) & 0x3FU);
  }
  pos += n;
  return cp;
}

/// Calls `f(code_point)` for each code point of `s` (see next_code_point).
template <typename F> void for_each_code_point(std::string_view s, F f) {
  for (std::size_t pos = 0; pos < s.size();) {
    f(next_code_point(s, pos));
  }
}
void append_utf8(std::string& out, char32_t cp);
/// Number of code points of valid UTF-8 text.
std::size_t code_point_count(std::string_view s);

/// Unicode NFC of valid UTF-8 text (decomposed Vietnamese becomes precomposed).
std::string to_nfc(std::string_view s);
/// Offset of the first combining mark (U+0300–U+036F) left in NFC text, where a mark
/// did not combine with its letter (typed in the wrong order, or on a wrong letter).
std::optional<std::size_t> find_leftover_combining_mark(std::string_view nfc);
/// Offset of the first C0/C1 control character other than tab and newline.
std::optional<std::size_t> find_control_character(std::string_view s);
/// Whether text is valid UTF-8 already in NFC with no control character (as above)
/// and no combining mark: to_nfc leaves it as it is and neither finder finds
/// anything. One pass, for the common case; false does not mean the opposite.
bool is_clean_nfc(std::string_view s);

/// Vietnamese-aware upper case, per code point ("Đảng ủy" → "ĐẢNG ỦY").
std::string to_upper(std::string_view s);

/// ASCII file-name form: "Đảng ủy phường Ngọc Thụy" → "dang-uy-phuong-ngoc-thuy".
std::string ascii_slug(std::string_view s);

/// "U+0302" for a code point.
std::string code_point_label(char32_t cp);

/// Edit distance (insertions, deletions, substitutions, neighbour swaps) in code points.
std::size_t edit_distance(std::string_view a, std::string_view b);
/// The candidate closest to `value` when it is close enough to be a likely typo, else "".
std::string closest_match(std::string_view value, const std::vector<std::string>& candidates);

} // namespace vanban
