#include "layout/paragraph_layout.hpp"

#include <array>
#include <set>
#include <string_view>

#include "base/text.hpp"
#include "layout/line_breaker.hpp"

namespace vanban {

namespace {

struct Segment {
  std::string text;
  FontStyle style = FontStyle::regular;
  bool underline = false;
  double width = 0;
};

struct Word {
  std::vector<Segment> segments;
  double width = 0;
  double space_after = 0; ///< natural width of the space that follows
  bool underline_space = false;
};

class ParagraphSetter {
public:
  ParagraphSetter(const Paragraph& p, double width, const FontSet& fonts,
                  const std::string& markup_name, Diagnostics& out)
      : p_(p), width_(width), fonts_(fonts), markup_name_(markup_name), out_(out) {}

  SetParagraph run() {
    split_words();
    split_overwide_words();
    SetParagraph result;
    const FontFace& face = fonts_.face(FontStyle::regular);
    double size = p_.style.size;
    result.pitch = p_.style.line_height > 0 ? p_.style.line_height : 1.15 * size;
    double content = (face.ascent() + face.descent()) * size / 1000.0;
    result.first_baseline = (result.pitch - content) / 2 + face.ascent() * size / 1000.0;
    if (words_.empty()) {
      result.lines.emplace_back();
      return result;
    }
    WordRow row;
    for (const Word& w : words_) {
      row.words.push_back(w.width);
      row.spaces.push_back(w.space_after);
    }
    double first = width_ - indent();
    std::vector<std::size_t> starts;
    if (p_.style.balance) {
      starts = break_balanced(row, width_);
    } else if (p_.style.align == Align::justify) {
      starts = break_total_fit(row, first, width_);
    } else {
      starts = break_greedy(row, first, width_);
    }
    for (std::size_t k = 0; k < starts.size(); ++k) {
      std::size_t end = k + 1 < starts.size() ? starts[k + 1] : words_.size();
      result.lines.push_back(place_line(row, starts[k], end, k == 0, end == words_.size()));
    }
    return result;
  }

private:
  double indent() const {
    return p_.style.balance || p_.style.align == Align::center || p_.style.align == Align::right
               ? 0
               : p_.style.indent;
  }

  double measure(const std::string& text, FontStyle style) const {
    return fonts_.face(style).width_pt(text, p_.style.size);
  }

  /// Width of a piece in points, measured in the same pass that reports (once each)
  /// the characters its face has no glyph for.
  double measure_checked(std::string_view text, FontStyle style) {
    const FontFace& face = fonts_.face(style);
    long units = 0;
    for_each_code_point(text, [&](char32_t cp) {
      std::uint16_t glyph = face.glyph(cp);
      if (glyph == 0) {
        report_missing(cp);
      }
      units += face.advance(glyph);
    });
    return static_cast<double>(units) * p_.style.size / 1000.0;
  }

  double space_width(FontStyle style) {
    double& w = space_widths_[static_cast<std::size_t>(style)];
    if (w < 0) {
      w = measure_checked(" ", style);
    }
    return w;
  }

  void report_missing(char32_t cp) {
    if (reported_.insert(cp).second) {
      std::string character;
      append_utf8(character, cp);
      out_.error(markup_name_, p_.location, "", Msg::glyph_missing,
                 {fonts_.family, code_point_label(cp), character});
    }
  }

  void split_words() {
    Word current;
    bool pending_space = false;
    FontStyle space_style = FontStyle::regular;
    bool space_underlined = false;
    auto close_word = [&] {
      if (!current.segments.empty()) {
        words_.push_back(std::move(current));
        current = Word{};
      }
    };
    for (const Span& span : p_.spans) {
      FontStyle style = style_of(span.bold, span.italic);
      std::string_view text = span.text;
      std::size_t i = 0;
      while (i < text.size()) {
        std::size_t space = text.find(' ', i);
        std::string_view piece =
            text.substr(i, space == std::string_view::npos ? std::string_view::npos : space - i);
        if (!piece.empty()) {
          if (pending_space) {
            close_word();
            if (!words_.empty()) {
              words_.back().space_after = space_width(space_style);
              words_.back().underline_space = space_underlined && span.underline;
            }
            pending_space = false;
          }
          double w = measure_checked(piece, style);
          current.segments.push_back({std::string(piece), style, span.underline, w});
          current.width += w;
        }
        if (space == std::string_view::npos) {
          break;
        }
        pending_space = true;
        space_style = style;
        space_underlined = span.underline;
        space_width(style); // measured once: a face without a space is reported here
        i = space + 1;
      }
    }
    close_word();
  }

  /// A word wider than the line (a long URL or code) is cut where it must, so that
  /// nothing crosses the margin; the author is told.
  void split_overwide_words() {
    bool any = false;
    for (std::size_t i = 0; i < words_.size() && !any; ++i) {
      any = words_[i].width > (i == 0 ? width_ - indent() : width_) + 1e-6;
    }
    if (!any) {
      return;
    }
    std::vector<Word> out;
    for (std::size_t i = 0; i < words_.size(); ++i) {
      Word& w = words_[i];
      double limit = (out.empty() ? width_ - indent() : width_) + 1e-6;
      if (w.width <= limit) {
        out.push_back(std::move(w));
        continue;
      }
      std::string whole;
      for (const Segment& s : w.segments)
        whole += s.text;
      out_.warning(markup_name_, p_.location, "", Msg::content_too_wide, {whole});
      Word piece;
      for (const Segment& s : w.segments) {
        std::u32string cps = decode_utf8(s.text);
        Segment part{"", s.style, s.underline, 0};
        for (char32_t cp : cps) {
          std::string ch;
          append_utf8(ch, cp);
          double cw = measure(ch, s.style);
          if (piece.width + part.width + cw > width_ && (piece.width + part.width) > 0) {
            if (!part.text.empty())
              piece.segments.push_back(part), piece.width += part.width;
            out.push_back(std::move(piece));
            piece = Word{};
            part = Segment{"", s.style, s.underline, 0};
          }
          part.text += ch;
          part.width += cw;
        }
        if (!part.text.empty())
          piece.segments.push_back(part), piece.width += part.width;
      }
      piece.space_after = w.space_after;
      piece.underline_space = w.underline_space;
      out.push_back(std::move(piece));
    }
    words_ = std::move(out);
  }

  SetLine place_line(const WordRow& row, std::size_t from, std::size_t to, bool first, bool last) {
    double measure_width = first ? width_ - indent() : width_;
    double natural = natural_width(row, from, to);
    double x = first ? indent() : 0;
    double extra = 0;
    switch (p_.style.align) {
    case Align::justify:
      if (!last && to - from > 1) {
        extra = (measure_width - natural) / static_cast<double>(to - from - 1);
      }
      break;
    case Align::center: x = (width_ - natural) / 2; break;
    case Align::right: x = width_ - natural; break;
    case Align::left: break;
    }
    SetLine line;
    line.left = x;
    const FontFace& regular = fonts_.face(FontStyle::regular);
    double size = p_.style.size;
    double under_y = regular.underline_position() * size / 1000.0;
    double under_t = regular.underline_thickness() * size / 1000.0;
    for (std::size_t i = from; i < to; ++i) {
      Word& w = words_[i]; // each word is placed once: its text moves to the line
      double wx = x;
      for (Segment& s : w.segments) {
        line.texts.push_back({wx, 0, s.style, size, std::move(s.text), s.width});
        if (s.underline) {
          extend_underline(line, wx, wx + s.width, under_y, under_t);
        }
        wx += s.width;
      }
      line.right = wx;
      double gap = i + 1 < to ? w.space_after + extra : 0;
      if (gap > 0 && w.underline_space && !w.segments.empty() && w.segments.back().underline) {
        extend_underline(line, wx, wx + gap, under_y, under_t);
      }
      x = wx + gap;
    }
    if (p_.style.align == Align::justify && !last && to - from > 1) {
      // Pin the last word to the margin exactly (no rounding drift).
      double shift = (first ? indent() : 0) + measure_width - line.right;
      std::size_t last_word_segments = words_[to - 1].segments.size();
      for (std::size_t k = line.texts.size() - last_word_segments; k < line.texts.size(); ++k) {
        line.texts[k].x += shift;
      }
      line.right += shift;
    }
    return line;
  }

  static void extend_underline(SetLine& line, double x1, double x2, double y, double t) {
    if (!line.lines.empty() && std::abs(line.lines.back().x2 - x1) < 1e-6) {
      line.lines.back().x2 = x2;
      return;
    }
    line.lines.push_back({x1, y, x2, y, t});
  }

  const Paragraph& p_;
  double width_;
  const FontSet& fonts_;
  const std::string& markup_name_;
  Diagnostics& out_;
  std::vector<Word> words_;
  std::set<char32_t> reported_;
  std::array<double, 4> space_widths_{-1, -1, -1, -1}; ///< by style, measured when first needed
};

} // namespace

SetParagraph set_paragraph(const Paragraph& p, double width, const FontSet& fonts,
                           const std::string& markup_name, Diagnostics& out) {
  return ParagraphSetter(p, width, fonts, markup_name, out).run();
}

} // namespace vanban
