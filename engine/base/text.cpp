#include "base/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>

namespace vanban {

namespace {
/// The first offset from `i` on that is not ASCII (or the end): eight bytes at a time,
/// as whole files are checked before parsing.
std::size_t skip_ascii(std::string_view s, std::size_t i) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ull;
  for (std::uint64_t word = 0; i + 8 <= s.size(); i += 8) {
    std::memcpy(&word, s.data() + i, 8);
    if ((word & kHighBits) != 0)
      break;
  }
  while (i < s.size() && static_cast<unsigned char>(s[i]) < 0x80)
    ++i;
  return i;
}

/// utf8_sequence_length, inlined where whole files are checked.
inline std::size_t sequence_length(std::string_view s, std::size_t pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    return 1;
  }
  std::size_t len = 0;
  char32_t min = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (pos + len > s.size()) {
    return 0;
  }
  for (std::size_t i = 1; i < len; ++i) {
    if ((byte(pos + i) & 0xC0) != 0x80) {
      return 0;
    }
    cp = (cp << 6) | (byte(pos + i) & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return len;
}
} // namespace

std::size_t utf8_sequence_length(std::string_view s, std::size_t pos) {
  return sequence_length(s, pos);
}

std::vector<std::size_t> invalid_utf8_offsets(std::string_view s, std::size_t limit) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < s.size() && out.size() < limit;) {
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      i = skip_ascii(s, i + 1);
      continue;
    }
    std::size_t n = utf8_common_sequence_length(s, i);
    if (n == 0) {
      n = sequence_length(s, i);
    }
    if (n == 0) {
      out.push_back(i);
      n = 1;
    }
    i += n;
  }
  return out;
}

std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(s.size());
  while (left > 0) {
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0) { // invalid input is rejected earlier; skip a byte defensively
      cp = 0xFFFD;
      n = 1;
    }
    out.push_back(static_cast<char32_t>(cp));
    p += n;
    left -= n;
  }
  return out;
}

void append_utf8(std::string& out, char32_t cp) {
  utf8proc_uint8_t buf[4];
  utf8proc_ssize_t n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buf);
  out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

std::size_t code_point_count(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

namespace {
/// Code points that are NFC whatever surrounds them: Latin up to U+02FF, Latin
/// Extended Additional (every precomposed Vietnamese letter), punctuation. No
/// combining mark is among them, so nothing in such text can compose.
bool nfc_stable(char32_t cp) {
  return cp < 0x300 || (cp >= 0x1E00 && cp <= 0x1EFF) || (cp >= 0x2010 && cp <= 0x206F);
}

/// Whether valid UTF-8 text is made only of such code points (no decoding into a
/// buffer: this runs on every scalar of every file).
bool only_nfc_stable(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_sequence_length(s, i);
    if (n < 2 || n > 3)
      return false;
    auto c1 = static_cast<unsigned char>(s[i + 1]) & 0x3Fu;
    char32_t cp =
        n == 2 ? ((b & 0x1Fu) << 6) | c1
               : ((b & 0x0Fu) << 12) | (c1 << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3Fu);
    if (!nfc_stable(cp))
      return false;
    i += n;
  }
  return true;
}
} // namespace

std::string to_nfc(std::string_view s) {
  if (only_nfc_stable(s)) {
    return std::string(s);
  }
  utf8proc_uint8_t* out = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &out, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) {
    return std::string(s);
  }
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

std::optional<std::size_t> find_leftover_combining_mark(std::string_view nfc) {
  for (std::size_t i = 0; i + 1 < nfc.size(); ++i) {
    // U+0300–U+036F encode as CC 80 … CD AF.
    auto b0 = static_cast<unsigned char>(nfc[i]);
    auto b1 = static_cast<unsigned char>(nfc[i + 1]);
    if (b0 == 0xCC || (b0 == 0xCD && b1 <= 0xAF)) {
      return i;
    }
  }
  return std::nullopt;
}

std::optional<std::size_t> find_control_character(std::string_view s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    auto b = static_cast<unsigned char>(s[i]);
    if ((b < 0x20 && b != '\t' && b != '\n') || b == 0x7F) {
      return i;
    }
    // C1 controls U+0080–U+009F encode as C2 80 … C2 9F.
    if (b == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      return i;
    }
  }
  return std::nullopt;
}

bool is_clean_nfc(std::string_view s) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
  for (std::size_t i = 0; i < s.size();) {
    unsigned char b = byte(i);
    if (b >= 0x20 && b < 0x7F) {
      ++i;
    } else if (b == '\t' || b == '\n') {
      ++i;
    } else if (b >= 0xC2 && b < 0xE0 && i + 1 < s.size() && (byte(i + 1) & 0xC0) == 0x80) {
      // Two bytes: U+0080–U+07FF. C1 controls (U+0080–U+009F) and marks are not clean.
      char32_t cp = ((b & 0x1Fu) << 6) | (byte(i + 1) & 0x3Fu);
      if (cp < 0xA0 || !nfc_stable(cp))
        return false;
      i += 2;
    } else if (b >= 0xE0 && b < 0xF0 && i + 2 < s.size() && (byte(i + 1) & 0xC0) == 0x80 &&
               (byte(i + 2) & 0xC0) == 0x80) {
      char32_t cp = ((b & 0x0Fu) << 12) | ((byte(i + 1) & 0x3Fu) << 6) | (byte(i + 2) & 0x3Fu);
      if (cp < 0x800 || !nfc_stable(cp)) // overlong forms are not clean
        return false;
      i += 3;
    } else {
      return false;
    }
  }
  return true;
}

std::string to_upper(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t cp : decode_utf8(s)) {
    append_utf8(out, static_cast<char32_t>(utf8proc_toupper(static_cast<utf8proc_int32_t>(cp))));
  }
  return out;
}

std::string ascii_slug(std::string_view s) {
  // Decompose, drop the marks, fold đ: what is left of Vietnamese is ASCII.
  utf8proc_uint8_t* decomposed = nullptr;
  utf8proc_ssize_t n = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()),
      &decomposed, static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK));
  std::string plain =
      n < 0 ? std::string(s)
            : std::string(reinterpret_cast<const char*>(decomposed), static_cast<std::size_t>(n));
  std::free(decomposed);
  std::string out;
  bool dash = false;
  for (char32_t cp : decode_utf8(plain)) {
    if (cp == U'đ' || cp == U'Đ')
      cp = U'd';
    char c = cp < 0x80 ? static_cast<char>(cp) : '-';
    if (c >= 'A' && c <= 'Z')
      c = static_cast<char>(c - 'A' + 'a');
    bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum) {
      if (dash && !out.empty())
        out += '-';
      out += c;
      dash = false;
    } else {
      dash = true;
    }
  }
  return out.empty() ? "x" : out;
}

std::string code_point_label(char32_t cp) {
  static const char* hex = "0123456789ABCDEF";
  std::string digits;
  for (int shift = cp > 0xFFFF ? 20 : 12; shift >= 0; shift -= 4) {
    digits += hex[(cp >> shift) & 0xF];
  }
  return "U+" + digits;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: a swap of two neighbours ("plaec") is one typo.
  std::u32string x = decode_utf8(a);
  std::u32string y = decode_utf8(b);
  std::size_t w = y.size() + 1;
  std::vector<std::size_t> d((x.size() + 1) * w);
  for (std::size_t i = 0; i <= x.size(); ++i) {
    d[i * w] = i;
  }
  for (std::size_t j = 0; j <= y.size(); ++j) {
    d[j] = j;
  }
  for (std::size_t i = 1; i <= x.size(); ++i) {
    for (std::size_t j = 1; j <= y.size(); ++j) {
      std::size_t cost = x[i - 1] == y[j - 1] ? 0 : 1;
      std::size_t best =
          std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && x[i - 1] == y[j - 2] && x[i - 2] == y[j - 1]) {
        best = std::min(best, d[(i - 2) * w + j - 2] + 1);
      }
      d[i * w + j] = best;
    }
  }
  return d[x.size() * w + y.size()];
}

std::string closest_match(std::string_view value, const std::vector<std::string>& candidates) {
  // A typo changes a few letters; more than a third of the word is a different word.
  // Long values are not names anybody mistyped: do not pay a quadratic distance for them.
  if (code_point_count(value) > 100) {
    return "";
  }
  std::size_t limit = std::max<std::size_t>(1, code_point_count(value) / 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    std::size_t d = edit_distance(value, c);
    if (d < best_distance) {
      best = c;
      best_distance = d;
    }
  }
  return best;
}

} // namespace vanban
