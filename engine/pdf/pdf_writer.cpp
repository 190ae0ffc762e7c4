#include "pdf/pdf_writer.hpp"

#include <podofo/podofo.h>

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <vector>

#include "base/text.hpp"
#include "pdf/font_embedding.hpp"

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

/// Numbers in content streams: fixed, locale-free, at most three decimals. Built in
/// a local buffer: a page holds thousands of them.
void append_num(std::string& out, double v) {
  double scaled = v * 1000.0;
  auto milli = static_cast<long long>(scaled < 0 ? scaled - 0.5 : scaled + 0.5);
  char buf[32];
  char* p = buf;
  if (milli < 0) {
    *p++ = '-';
    milli = -milli;
  }
  p = std::to_chars(p, buf + 24, milli / 1000).ptr;
  auto frac = static_cast<int>(milli % 1000);
  if (frac != 0) { // trailing zeros dropped: 0.5, 0.05, 0.125
    *p++ = '.';
    *p++ = static_cast<char>('0' + frac / 100);
    if (int rest = frac % 100; rest != 0) {
      *p++ = static_cast<char>('0' + rest / 10);
      if (rest % 10 != 0) {
        *p++ = static_cast<char>('0' + rest % 10);
      }
    }
  }
  out.append(buf, static_cast<std::size_t>(p - buf));
}

std::string num(double v) {
  std::string s;
  append_num(s, v);
  return s;
}

/// A stream whose bytes are already deflated.
void set_deflated(PdfObject* object, const std::string& deflated) {
  PdfMemoryInputStream in(deflated.data(), static_cast<pdf_long>(deflated.size()));
  object->GetStream()->SetRawData(&in, static_cast<pdf_long>(deflated.size()));
  object->GetDictionary().AddKey(PdfName::KeyFilter, PdfName("FlateDecode"));
}

/// One face as this document uses it.
struct DocumentFont {
  std::map<std::uint16_t, char32_t> chars; ///< face glyph → first character drawn with it
  FontEmbedding embedding;
  PdfObject* object = nullptr; ///< the Type0 font
  PdfName resource;            ///< its name in page resources
};

class PdfBuilder {
public:
  PdfBuilder(const PagedLayout& layout, const FontSet& fonts, const PdfOptions& options)
      : layout_(layout), fonts_(fonts), options_(options) {}

  std::string build() {
    PdfError::EnableLogging(false);
    PdfError::EnableDebug(false);
    collect_glyphs();
    for (std::size_t i = 0; i < 4; ++i) {
      if (!fonts_used_[i].chars.empty()) {
        embed_font(i);
      }
    }
    for (const PageLayout& page : layout_.pages) {
      add_page(page);
    }
    set_metadata();
    PdfRefCountedBuffer buffer;
    PdfOutputDevice device(&buffer);
    doc_.Write(&device);
    return std::string(buffer.GetBuffer(), device.GetLength());
  }

private:
  /// Which glyphs of which face the pages draw: the subsets must exist (their glyph
  /// ids renumbered) before the first content stream is written.
  void collect_glyphs() {
    for (const PageLayout& page : layout_.pages) {
      for (const PlacedText& t : page.texts) {
        auto i = static_cast<std::size_t>(t.style);
        const FontFace& face = fonts_.faces[i];
        for_each_code_point(t.text,
                            [&](char32_t cp) { fonts_used_[i].chars.emplace(face.glyph(cp), cp); });
      }
    }
  }

  /// Type0 font over a CIDFontType2 with the subset embedded: our own objects, so
  /// that the font files parsed once per process serve every document.
  void embed_font(std::size_t i) {
    DocumentFont& font = fonts_used_[i];
    const FontFace& face = fonts_.faces[i];
    font.embedding = embed_glyphs(face, i, font.chars);
    const FontEmbedding& e = font.embedding;
    const FaceDescription& d = face.description();
    PdfName base_name(e.tag + "+" + d.postscript_name);
    PdfVecObjects& objects = doc_.GetObjects();

    PdfObject* program = objects.CreateObject();
    set_deflated(program, e.program_deflated);
    program->GetDictionary().AddKey("Length1", static_cast<pdf_int64>(e.subset.program.size()));

    PdfObject* descriptor = objects.CreateObject("FontDescriptor");
    PdfDictionary& desc = descriptor->GetDictionary();
    desc.AddKey("FontName", base_name);
    desc.AddKey("Flags", static_cast<pdf_int64>(d.italic ? 32 + 64 : 32)); // nonsymbolic
    PdfArray bbox;
    for (int v : d.bbox) {
      bbox.push_back(static_cast<pdf_int64>(v));
    }
    desc.AddKey("FontBBox", bbox);
    desc.AddKey("ItalicAngle", static_cast<pdf_int64>(std::lround(d.italic_angle)));
    desc.AddKey("Ascent", static_cast<pdf_int64>(face.ascent()));
    desc.AddKey("Descent", static_cast<pdf_int64>(-face.descent()));
    desc.AddKey("CapHeight", static_cast<pdf_int64>(d.cap_height));
    // No stem width in TrueType files: the usual estimate from the weight class.
    double stem = 50 + (d.weight / 65.0) * (d.weight / 65.0);
    desc.AddKey("StemV", static_cast<pdf_int64>(std::lround(stem)));
    desc.AddKey("FontFile2", program->Reference());

    PdfObject* cid_font = objects.CreateObject("Font");
    PdfDictionary& cid = cid_font->GetDictionary();
    cid.AddKey("Subtype", PdfName("CIDFontType2"));
    cid.AddKey("BaseFont", base_name);
    PdfDictionary system;
    system.AddKey("Registry", PdfString("Adobe"));
    system.AddKey("Ordering", PdfString("Identity"));
    system.AddKey("Supplement", PdfObject(static_cast<pdf_int64>(0))); // not the pointer overload
    cid.AddKey("CIDSystemInfo", system);
    cid.AddKey("FontDescriptor", descriptor->Reference());
    // Written as prepared text: a PdfArray of hundreds of numbers costs more to build and print.
    cid.AddKey("W", PdfObject(PdfVariant(PdfData(e.widths.data(), e.widths.size()))));
    cid.AddKey("CIDToGIDMap", PdfName("Identity"));

    PdfObject* to_unicode = objects.CreateObject();
    set_deflated(to_unicode, e.to_unicode_deflated);

    font.object = objects.CreateObject("Font");
    PdfDictionary& type0 = font.object->GetDictionary();
    type0.AddKey("Subtype", PdfName("Type0"));
    type0.AddKey("BaseFont", base_name);
    type0.AddKey("Encoding", PdfName("Identity-H"));
    PdfArray descendants;
    descendants.push_back(cid_font->Reference());
    type0.AddKey("DescendantFonts", descendants);
    type0.AddKey("ToUnicode", to_unicode->Reference());
    font.resource = PdfName("F" + std::to_string(i + 1));
  }

  /// The text as a literal string of 2-byte glyph ids of the subset (Identity-H,
  /// and the subset's glyph ids are its CIDs): half the bytes of hex, so half the
  /// work for the compressor. Delimiters and line ends are escaped, since a reader
  /// would turn a bare CR into LF. Returns the advance a reader computes, in 1/1000 em.
  static long append_glyph_string(std::string& out, const FontFace& face, const FontSubset& subset,
                                  const std::string& text) {
    out += '(';
    auto put = [&out](unsigned byte) {
      switch (byte) {
      case '(':
      case ')':
      case '\\':
        out += '\\';
        out += static_cast<char>(byte);
        break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      default: out += static_cast<char>(byte);
      }
    };
    long advance = 0;
    for_each_code_point(text, [&](char32_t cp) {
      std::uint16_t glyph = face.glyph(cp);
      advance += face.advance(glyph);
      std::uint16_t g = subset.new_id(glyph);
      put(g >> 8);
      put(g & 0xFFU);
    });
    out += ')';
    return advance;
  }

  /// A page's text as runs: one text matrix where a line starts, then each piece
  /// placed from where the reader's pen already stands (it advances by the /W widths)
  /// with a TJ offset. A word costs a few bytes instead of a matrix of its own.
  class TextRuns {
  public:
    TextRuns(std::string& content, double page_height) : out_(content), height_(page_height) {}

    void add(const PlacedText& t, const DocumentFont& font, const FontFace& face) {
      double y = height_ - t.baseline;
      double em = std::round(t.size * 1000.0) / 1000.0; // as written: the reader's pen uses it
      bool new_font = &font != font_ || em != em_;
      // A piece behind the pen starts a new run: readers take text in stream order.
      // So does every piece of a size written as 0, which has no pen to speak of, and
      // one so far ahead that its offset would be a number readers may not hold.
      bool new_line = !in_line_ || y != y_ || t.x < pen_ - 0.5 || em <= 0 ||
                      (t.x - pen_) * 1000.0 / em > 100000;
      if (new_font || new_line) {
        close_array();
      }
      if (new_font) {
        out_ += '/';
        out_ += font.resource.GetName();
        out_ += ' ';
        append_num(out_, em);
        out_ += " Tf\n";
        font_ = &font;
        em_ = em;
      }
      if (new_line) {
        out_ += "1 0 0 1 ";
        append_num(out_, t.x);
        out_ += ' ';
        append_num(out_, y);
        out_ += " Tm\n";
        in_line_ = true;
        y_ = y;
        pen_ = t.x;
      }
      if (!in_array_) {
        out_ += '[';
        in_array_ = true;
      }
      // Within a run, TJ offsets are in 1/1000 em, subtracted from the pen; written to
      // 1/1000 of that, and the pen follows the written figure so that no error accumulates.
      if (!new_line) {
        auto offset = std::llround((pen_ - t.x) * 1000.0 * 1000.0 / em_);
        if (offset != 0) {
          append_num(out_, static_cast<double>(offset) / 1000.0);
          pen_ -= static_cast<double>(offset) / 1000.0 * em_ / 1000.0;
        }
      }
      long advance = append_glyph_string(out_, face, font.embedding.subset, t.text);
      pen_ += static_cast<double>(advance) * em_ / 1000.0;
    }

    void close_array() {
      if (in_array_) {
        out_ += "]TJ\n";
        in_array_ = false;
      }
    }

  private:
    std::string& out_;
    double height_;
    const DocumentFont* font_ = nullptr;
    double em_ = 0; ///< the size as written in Tf
    bool in_line_ = false;
    bool in_array_ = false;
    double y_ = 0;
    double pen_ = 0;
  };

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
      TextRuns runs(content, h);
      for (const PlacedText& t : page.texts) {
        auto i = static_cast<std::size_t>(t.style);
        runs.add(t, fonts_used_[i], fonts_.faces[i]);
        on_page[i] = true;
      }
      runs.close_array();
      content += "ET\n";
    }
    for (std::size_t i = 0; i < 4; ++i) {
      if (on_page[i]) {
        pdf_page->AddResource(fonts_used_[i].resource, fonts_used_[i].object->Reference(),
                              PdfName("Font"));
      }
    }
    set_deflated(pdf_page->GetContentsForAppending(), deflate_fast(content));
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
  std::array<DocumentFont, 4> fonts_used_;
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
