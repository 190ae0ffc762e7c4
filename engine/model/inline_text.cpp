#include "model/inline_text.hpp"

#include "base/text.hpp"

namespace vanban {

namespace {

class InlineParser {
public:
  explicit InlineParser(std::string_view text) : text_(text) {}

  InlineParse run() {
    std::size_t i = 0;
    while (i < text_.size()) {
      // Text up to the next character that may be markup is taken whole.
      std::size_t next = i;
      while (next < text_.size() && !is_markup(text_[next]))
        ++next;
      if (next > i) {
        current_ += text_.substr(i, next - i);
        i = next;
        continue;
      }
      char c = text_[i];
      if (c == '\\' && i + 1 < text_.size() && is_markup(text_[i + 1])) {
        current_ += text_[i + 1];
        i += 2;
      } else if (text_.substr(i, 2) == "**") {
        toggle(bold_, bold_at_, i);
        i += 2;
      } else if (text_.substr(i, 2) == "__") {
        toggle(underline_, underline_at_, i);
        i += 2;
      } else if (c == '*') {
        toggle(italic_, italic_at_, i);
        i += 1;
      } else {
        current_ += c;
        i += 1;
      }
    }
    flush();
    InlineParse out{std::move(runs_), std::nullopt};
    // Report the earliest marker left open: that is where the reader gets lost.
    std::optional<std::size_t> first;
    std::string marker;
    auto consider = [&](bool open, std::size_t at, const char* m) {
      if (open && (!first || at < *first)) {
        first = at;
        marker = m;
      }
    };
    consider(bold_, bold_at_, "**");
    consider(italic_, italic_at_, "*");
    consider(underline_, underline_at_, "__");
    if (first) {
      out.error = InlineError{marker, code_point_count(text_.substr(0, *first)) + 1};
    }
    return out;
  }

private:
  static bool is_markup(char c) { return c == '*' || c == '_' || c == '\\'; }

  void toggle(bool& flag, std::size_t& opened_at, std::size_t at) {
    flush();
    flag = !flag;
    opened_at = at;
  }

  void flush() {
    if (current_.empty()) {
      return;
    }
    if (!runs_.empty() && runs_.back().bold == bold_ && runs_.back().italic == italic_ &&
        runs_.back().underline == underline_) {
      runs_.back().text += current_;
    } else {
      runs_.push_back({current_, bold_, italic_, underline_});
    }
    current_.clear();
  }

  std::string_view text_;
  RichText runs_;
  std::string current_;
  bool bold_ = false, italic_ = false, underline_ = false;
  std::size_t bold_at_ = 0, italic_at_ = 0, underline_at_ = 0;
};

} // namespace

InlineParse parse_inline(std::string_view text) {
  return InlineParser(text).run();
}

std::string to_inline_syntax(const RichText& text) {
  std::string out;
  for (const TextRun& run : text) {
    std::string open;
    if (run.bold)
      open += "**";
    if (run.italic)
      open += "*";
    if (run.underline)
      open += "__";
    std::string close(open.rbegin(), open.rend());
    out += open;
    for (char c : run.text) {
      if (c == '*' || c == '_' || c == '\\') {
        out += '\\';
      }
      out += c;
    }
    out += close;
  }
  return out;
}

} // namespace vanban
