#include "fonts/font_subset.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <string_view>

#include "fonts/truetype.hpp"

namespace vanban {

namespace {

/// Calls `visit(offset, glyph)` for each component of a composite glyph, with the
/// offset of its glyph index inside `glyph_bytes`; does nothing for a simple glyph.
template <typename Visit> void for_each_component(std::string_view glyph_bytes, Visit visit) {
  constexpr std::uint16_t kWordArgs = 0x0001;
  constexpr std::uint16_t kScale = 0x0008;
  constexpr std::uint16_t kMore = 0x0020;
  constexpr std::uint16_t kXYScale = 0x0040;
  constexpr std::uint16_t kTwoByTwo = 0x0080;
  if (glyph_bytes.size() < 10 || read_s16(glyph_bytes, 0) >= 0) {
    return;
  }
  std::size_t at = 10;
  std::uint16_t flags = kMore;
  while ((flags & kMore) != 0 && at + 4 <= glyph_bytes.size()) {
    flags = read_u16(glyph_bytes, at);
    visit(at + 2, read_u16(glyph_bytes, at + 2));
    at += 4 + ((flags & kWordArgs) != 0 ? 4 : 2);
    if ((flags & kScale) != 0) {
      at += 2;
    } else if ((flags & kXYScale) != 0) {
      at += 4;
    } else if ((flags & kTwoByTwo) != 0) {
      at += 8;
    }
  }
}

/// .notdef, the glyphs asked for and, transitively, the components of composites.
std::vector<std::uint16_t> glyph_closure(const TrueTypeTables& font,
                                         const std::vector<std::uint16_t>& glyphs) {
  std::vector<bool> seen(font.glyph_count(), false);
  std::vector<std::uint16_t> pending{0};
  for (std::uint16_t g : glyphs) {
    pending.push_back(g);
  }
  std::vector<std::uint16_t> kept;
  while (!pending.empty()) {
    std::uint16_t g = pending.back();
    pending.pop_back();
    if (g >= font.glyph_count() || seen[g]) {
      continue;
    }
    seen[g] = true;
    kept.push_back(g);
    for_each_component(font.glyph_data(g),
                       [&](std::size_t, std::uint16_t c) { pending.push_back(c); });
  }
  std::sort(kept.begin(), kept.end());
  return kept;
}

void put_u16(std::string& out, std::uint32_t v) {
  out += static_cast<char>((v >> 8) & 0xFF);
  out += static_cast<char>(v & 0xFF);
}

void put_u32(std::string& out, std::uint32_t v) {
  put_u16(out, v >> 16);
  put_u16(out, v & 0xFFFF);
}

void set_u16(std::string& s, std::size_t at, std::uint32_t v) {
  s[at] = static_cast<char>((v >> 8) & 0xFF);
  s[at + 1] = static_cast<char>(v & 0xFF);
}

void set_u32(std::string& s, std::size_t at, std::uint32_t v) {
  set_u16(s, at, v >> 16);
  set_u16(s, at + 2, v & 0xFFFF);
}

std::uint32_t checksum(std::string_view bytes) {
  std::uint32_t sum = 0;
  std::size_t whole = bytes.size() / 4 * 4;
  for (std::size_t i = 0; i < whole; i += 4) {
    std::uint32_t word = 0;
    std::memcpy(&word, bytes.data() + i, 4);
    if constexpr (std::endian::native == std::endian::little) {
      word = __builtin_bswap32(word); // the font's words are big-endian
    }
    sum += word;
  }
  std::uint32_t last = 0; // a table's length need not be a multiple of 4: zero padding
  for (std::size_t k = 0; k < 4; ++k) {
    last = (last << 8) |
           (whole + k < bytes.size() ? static_cast<unsigned char>(bytes[whole + k]) : 0U);
  }
  return sum + last;
}

struct Table {
  const char* tag;
  std::string bytes;
};

/// glyf and loca (long offsets) of the kept glyphs, composites pointing at new ids.
void glyph_tables(const TrueTypeTables& font, const FontSubset& subset, std::string& glyf,
                  std::string& loca) {
  for (std::uint16_t g : subset.kept) {
    put_u32(loca, static_cast<std::uint32_t>(glyf.size()));
    std::string_view data = font.glyph_data(g);
    std::size_t start = glyf.size();
    glyf.append(data);
    for_each_component(data, [&](std::size_t at, std::uint16_t c) {
      set_u16(glyf, start + at, subset.new_id(c));
    });
    glyf.append((4 - glyf.size() % 4) % 4, '\0');
  }
  put_u32(loca, static_cast<std::uint32_t>(glyf.size()));
}

/// Every kept glyph gets a full (advance, left side bearing) pair.
std::string horizontal_metrics(const TrueTypeTables& font, const FontSubset& subset) {
  std::string_view hmtx = font.table("hmtx");
  std::size_t metrics = read_u16(font.table("hhea"), 34);
  std::string out;
  for (std::uint16_t g : subset.kept) {
    std::size_t last = metrics - 1;
    put_u16(out, read_u16(hmtx, 4 * std::min<std::size_t>(g, last)));
    std::size_t lsb = g < metrics ? 4 * g + 2 : 4 * metrics + 2 * (g - metrics);
    put_u16(out, read_u16(hmtx, lsb));
  }
  return out;
}

std::string sfnt_file(std::vector<Table> tables) {
  std::sort(tables.begin(), tables.end(),
            [](const Table& a, const Table& b) { return std::string_view(a.tag) < b.tag; });
  auto count = static_cast<std::uint32_t>(tables.size());
  std::uint32_t power = 1;
  std::uint32_t log2 = 0;
  while (power * 2 <= count) {
    power *= 2;
    ++log2;
  }
  std::string out;
  put_u32(out, 0x00010000U);
  put_u16(out, count);
  put_u16(out, power * 16);
  put_u16(out, log2);
  put_u16(out, count * 16 - power * 16);
  std::size_t offset = 12 + 16 * tables.size();
  std::uint32_t file_sum =
      0; // the tables are padded to words: the file's sum is theirs + the directory's
  for (const Table& t : tables) {
    std::uint32_t sum = checksum(t.bytes);
    file_sum += sum;
    out.append(t.tag, 4);
    put_u32(out, sum);
    put_u32(out, static_cast<std::uint32_t>(offset));
    put_u32(out, static_cast<std::uint32_t>(t.bytes.size()));
    offset += (t.bytes.size() + 3) / 4 * 4;
  }
  std::size_t head_at = 0;
  for (const Table& t : tables) {
    if (std::string_view(t.tag) == "head") {
      head_at = out.size();
    }
    out += t.bytes;
    out.append((4 - out.size() % 4) % 4, '\0');
  }
  set_u32(out, head_at + 8,
          0xB1B0AFBAU -
              (file_sum + checksum(std::string_view(out).substr(0, 12 + 16 * tables.size()))));
  return out;
}

} // namespace

FontSubset subset_font(const FontFace& face, const std::vector<std::uint16_t>& glyphs) {
  const TrueTypeTables& font = face.tables();
  FontSubset subset;
  subset.kept = glyph_closure(font, glyphs);
  auto count = static_cast<std::uint32_t>(subset.kept.size());
  subset.new_ids.assign(font.glyph_count(), 0);
  for (std::uint32_t i = 0; i < count; ++i) {
    subset.new_ids[subset.kept[i]] = static_cast<std::uint16_t>(i);
  }

  std::string glyf;
  std::string loca;
  glyph_tables(font, subset, glyf, loca);
  std::string head(font.table("head").substr(0, 54));
  set_u32(head, 8, 0);  // checkSumAdjustment: set over the whole file below
  set_u16(head, 50, 1); // long loca offsets
  std::string hhea(font.table("hhea").substr(0, 36));
  set_u16(hhea, 34, count);
  std::string maxp(font.table("maxp"));
  set_u16(maxp, 4, count);

  std::vector<Table> tables{{"glyf", std::move(glyf)}, {"loca", std::move(loca)},
                            {"head", std::move(head)}, {"hhea", std::move(hhea)},
                            {"maxp", std::move(maxp)}, {"hmtx", horizontal_metrics(font, subset)}};
  // The hinting programs the glyphs' instructions call into.
  for (const char* tag : {"cvt ", "fpgm", "prep"}) {
    if (std::string_view bytes = font.table(tag); !bytes.empty()) {
      tables.push_back({tag, std::string(bytes)});
    }
  }
  subset.program = sfnt_file(std::move(tables));
  return subset;
}

} // namespace vanban
