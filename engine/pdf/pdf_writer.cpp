#include "pdf/pdf_writer.hpp"

#include <podofo/podofo.h>
#include <zlib.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <set>

#include "base/text.hpp"

namespace vanban {

namespace {

using namespace PoDoFo;

/// PoDoFo reads past the end of a string holding invalid UTF-8: only valid text
/// reaches it (each bad byte becomes U+FFFD).
PdfString utf8(const std::string& s) {
  if (invalid_utf8_offsets(s, 1).empty()) {
    return PdfString(reinterpret_cast<const pdf_utf8*>(s.c_str()));
  }
  std::string clean;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t n = utf8_sequence_length(s, i);
    if (n == 0) {
      clean += "\xEF\xBF\xBD";
      n = 1;
    } else {
      clean.append(s, i, n);
    }
    i += n;
  }
  return PdfString(reinterpret_cast<const pdf_utf8*>(clean.c_str()));
}

/// Numbers in content streams: fixed, locale-free, at most three decimals.
void append_num(std::string& out, double v) {
  // Thousandths as an integer: to_chars is exact and an order faster than printf.
  long long milli = std::llround(v * 1000.0);
  if (milli < 0) {
    out += '-';
    milli = -milli;
  }
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, milli / 1000);
  out.append(buf, end);
  long long frac = milli % 1000;
  if (frac != 0) {
    char digits[4] = {static_cast<char>('0' + frac / 100), static_cast<char>('0' + frac / 10 % 10),
                      static_cast<char>('0' + frac % 10), 0};
    int len = 3;
    while (digits[len - 1] == '0')
      --len;
    out += '.';
    out.append(digits, static_cast<std::size_t>(len));
  }
}

std::string num(double v) {
  std::string s;
  append_num(s, v);
  return s;
}

class PdfBuilder {
public:
  PdfBuilder(const PagedLayout& layout, const FontSet& fonts, const PdfOptions& options)
      : layout_(layout), fonts_(fonts), options_(options) {}

  std::string build() {
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
    create_fonts();
    for (const PageLayout& page : layout_.pages) {
      add_page(page);
    }
    embed_used_glyphs();
    set_metadata();
    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    doc_.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
  }

private:
  void create_fonts() {
    std::array<bool, 4> used{};
    for (const PageLayout& page : layout_.pages) {
      for (const PlacedText& t : page.texts) {
        used[static_cast<std::size_t>(t.style)] = true;
      }
    }
    for (std::size_t i = 0; i < 4; ++i) {
      if (!used[i]) {
        continue;
      }
      const FontFace& face = fonts_.faces[i];
      // The font owns the encoding and deletes it.
      fonts_pdf_[i] =
          doc_.CreateFontSubset(fonts_.family.c_str(), (i & 1) != 0, (i & 2) != 0, false,
                                new PdfIdentityEncoding(0, 0xffff, true), face.path().c_str());
      if (fonts_pdf_[i] == nullptr) {
        PODOFO_RAISE_ERROR_INFO(ePdfError_InvalidHandle, face.path().c_str());
      }
    }
  }

  /// The text as a hex string of 2-byte glyph ids: Identity-H with an identity
  /// CIDToGIDMap, and PoDoFo's subsets keep the font's glyph ids, so the ids come
  /// from our own cached cmap (the same file) without a round trip through PoDoFo.
  static void append_hex(std::string& out, const FontFace& face, const std::string& text) {
    static const char* hex = "0123456789ABCDEF";
    out += '<';
    for (char32_t cp : decode_utf8(text)) {
      std::uint16_t g = face.glyph(cp);
      out += hex[(g >> 12) & 15];
      out += hex[(g >> 8) & 15];
      out += hex[(g >> 4) & 15];
      out += hex[g & 15];
    }
    out += '>';
  }

  void add_page(const PageLayout& page) {
    PdfPage* pdf_page = doc_.CreatePage(PdfRect(0, 0, layout_.width, layout_.height));
    std::string content;
    double h = layout_.height;
    if (!page.lines.empty()) {
      content += "q 0 G 0 J\n";
      for (const PlacedLine& l : page.lines) {
        content += num(l.thickness) + " w " + num(l.x1) + " " + num(h - l.y1) + " m " + num(l.x2) +
                   " " + num(h - l.y2) + " l S\n";
      }
      content += "Q\n";
    }
    std::array<bool, 4> on_page{};
    if (!page.texts.empty()) {
      content += "BT 0 g\n";
      int current = -1;
      double current_size = -1;
      for (const PlacedText& t : page.texts) {
        auto i = static_cast<std::size_t>(t.style);
        PdfFont* font = fonts_pdf_[i];
        if (static_cast<int>(i) != current || t.size != current_size) {
          content += "/" + font->GetIdentifier().GetName() + " " + num(t.size) + " Tf\n";
          current = static_cast<int>(i);
          current_size = t.size;
        }
        on_page[i] = true;
        for (char32_t cp : decode_utf8(t.text)) {
          used_[i].insert(cp);
        }
        content += "1 0 0 1 ";
        append_num(content, t.x);
        content += ' ';
        append_num(content, h - t.baseline);
        content += " Tm ";
        append_hex(content, fonts_.faces[i], t.text);
        content += " Tj\n";
      }
      content += "ET\n";
    }
    for (std::size_t i = 0; i < 4; ++i) {
      if (on_page[i]) {
        pdf_page->AddResource(fonts_pdf_[i]->GetIdentifier(),
                              fonts_pdf_[i]->GetObject()->Reference(), PdfName("Font"));
      }
    }
    set_compressed(pdf_page->GetContentsForAppending(), content);
  }

  /// Content streams deflated at zlib's fastest level: a third of PoDoFo's time
  /// at its default level, for files a few percent larger.
  static void set_compressed(PdfObject* object, const std::string& content) {
    uLongf size = compressBound(static_cast<uLong>(content.size()));
    std::string packed(size, '\0');
    if (compress2(reinterpret_cast<Bytef*>(packed.data()), &size,
                  reinterpret_cast<const Bytef*>(content.data()),
                  static_cast<uLong>(content.size()), Z_BEST_SPEED) != Z_OK) {
      object->GetStream()->Set(content.data(), static_cast<pdf_long>(content.size()));
      return;
    }
    PdfMemoryInputStream in(packed.data(), static_cast<pdf_long>(size));
    object->GetStream()->SetRawData(&in, static_cast<pdf_long>(size));
    object->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
  }

  /// The subset must hold every glyph drawn: tell each font which characters.
  void embed_used_glyphs() {
    for (std::size_t i = 0; i < 4; ++i) {
      if (fonts_pdf_[i] == nullptr || used_[i].empty()) {
        continue;
      }
      std::string chars;
      for (char32_t cp : used_[i]) {
        append_utf8(chars, cp);
      }
      fonts_pdf_[i]->AddUsedSubsettingGlyphs(utf8(chars), static_cast<long>(used_[i].size()));
    }
  }

  void set_metadata() {
    PdfInfo* info = doc_.GetInfo();
    const Metadata& m = layout_.meta;
    info->SetTitle(utf8(m.title));
    info->SetAuthor(utf8(m.author));
    info->SetSubject(utf8(m.subject));
    info->SetKeywords(utf8(m.keywords));
    info->SetCreator(utf8(options_.creator));
    info->SetProducer(utf8(options_.creator + " (PoDoFo " + PODOFO_VERSION_STRING + ")"));
    PdfDictionary& dict = info->GetObject()->GetDictionary();
    dict.AddKey("CreationDate", PdfString(options_.timestamp));
    dict.AddKey("ModDate", PdfString(options_.timestamp));
    // /ID is an MD5 of the Info dictionary: a digest of the input here makes it
    // differ between documents and stay equal for the same input.
    dict.AddKey("VanbanContentID", PdfString(options_.content_id));
    doc_.GetCatalog()->GetDictionary().AddKey("Lang", PdfString(m.lang));
  }

  const PagedLayout& layout_;
  const FontSet& fonts_;
  const PdfOptions& options_;
  PdfMemDocument doc_;
  std::array<PdfFont*, 4> fonts_pdf_{};
  std::array<std::set<char32_t>, 4> used_;
};

} // namespace

std::optional<std::string> write_pdf(const PagedLayout& layout, const FontSet& fonts,
                                     const PdfOptions& options, const std::string& output_name,
                                     Diagnostics& out) {
  try {
    return PdfBuilder(layout, fonts, options).build();
  } catch (const PoDoFo::PdfError& e) {
    out.error(output_name, {}, "", Msg::cannot_write_output,
              {output_name, std::string("PDF: ") + PoDoFo::PdfError::ErrorMessage(e.GetError())});
  } catch (const std::exception& e) {
    out.error(output_name, {}, "", Msg::cannot_write_output, {output_name, e.what()});
  }
  return std::nullopt;
}

} // namespace vanban
