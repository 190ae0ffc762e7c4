#include "pdf/font_embedding.hpp"

#include <libdeflate.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace vanban {

namespace {

/// The subset tag of a font name: six capitals that depend only on the glyphs kept.
std::string subset_tag(const std::vector<std::uint16_t>& glyphs, std::size_t face) {
  std::uint64_t h = 1469598103934665603ULL ^ face;
  for (std::uint16_t g : glyphs) {
    h = (h ^ g) * 1099511628211ULL;
  }
  std::string tag;
  for (int i = 0; i < 6; ++i) {
    tag += static_cast<char>('A' + h % 26);
    h /= 26;
  }
  return tag;
}

/// Code points as the UTF-16BE hex a ToUnicode CMap maps to.
void append_utf16_hex(std::string& out, char32_t cp) {
  static const char* hex = "0123456789ABCDEF";
  auto unit = [&](std::uint32_t u) {
    for (int shift = 12; shift >= 0; shift -= 4) {
      out += hex[(u >> shift) & 15];
    }
  };
  if (cp >= 0x10000) {
    unit(0xD800 + ((cp - 0x10000) >> 10));
    unit(0xDC00 + ((cp - 0x10000) & 0x3FF));
  } else {
    unit(cp);
  }
}

/// The CMap that lets readers (and pdftotext) turn glyph ids back into text.
std::string to_unicode_cmap(const FontSubset& subset,
                            const std::map<std::uint16_t, char32_t>& chars) {
  std::string body;
  std::size_t in_block = 0;
  std::string block;
  auto flush = [&] {
    if (in_block > 0) {
      body += std::to_string(in_block) + " beginbfchar\n" + block + "endbfchar\n";
    }
    block.clear();
    in_block = 0;
  };
  for (const auto& [glyph, cp] : chars) {
    block += '<';
    append_utf16_hex(block, subset.new_id(glyph));
    block += "> <";
    append_utf16_hex(block, cp);
    block += ">\n";
    if (++in_block == 100) { // the CMap operator's limit per block
      flush();
    }
  }
  flush();
  return "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
         "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
         "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
         "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n" +
         body + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
}

/// Widths in 1/1000 em by new glyph id, as the layout measured them.
std::string widths_array(const FontFace& face, const FontSubset& subset) {
  std::string w = "[0 [";
  for (std::uint16_t g : subset.kept) {
    w += std::to_string(face.advance(g));
    w += ' ';
  }
  w.back() = ']';
  w += ']';
  return w;
}

} // namespace

std::string deflate_fast(const std::string& bytes) {
  // One compressor per thread: allocating one costs more than a small stream.
  thread_local std::unique_ptr<libdeflate_compressor, decltype(&libdeflate_free_compressor)>
      compressor(libdeflate_alloc_compressor(1), &libdeflate_free_compressor);
  if (compressor == nullptr) {
    throw std::runtime_error("no memory for a compressor");
  }
  std::string packed(libdeflate_zlib_compress_bound(compressor.get(), bytes.size()), '\0');
  std::size_t size = libdeflate_zlib_compress(compressor.get(), bytes.data(), bytes.size(),
                                              packed.data(), packed.size());
  if (size == 0) {
    throw std::runtime_error("a stream could not be compressed");
  }
  packed.resize(size);
  return packed;
}

FontEmbedding embed_glyphs(const FontFace& face, std::size_t face_index,
                           const std::map<std::uint16_t, char32_t>& chars) {
  FontEmbedding e;
  std::vector<std::uint16_t> glyphs;
  glyphs.reserve(chars.size());
  for (const auto& entry : chars) {
    glyphs.push_back(entry.first);
  }
  e.subset = subset_font(face, glyphs);
  e.tag = subset_tag(e.subset.kept, face_index);
  e.program_deflated = deflate_fast(e.subset.program);
  e.to_unicode_deflated = deflate_fast(to_unicode_cmap(e.subset, chars));
  e.widths = widths_array(face, e.subset);
  return e;
}

} // namespace vanban
