#include "load/yaml_loader.hpp"

#include <yaml.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <regex>
#include <sstream>
#include <unordered_map>

#include "base/text.hpp"

namespace vanban {

/// The common reasons a file cannot be read, in both languages.
std::string os_error_words(int error) {
  switch (error) {
  case ENOENT: return bilingual("không có tệp này", "no such file");
  case EACCES: return bilingual("không có quyền đọc", "permission denied");
  case EISDIR: return bilingual("đây là thư mục", "it is a folder");
  default: return std::strerror(error);
  }
}

std::optional<std::string> read_source(const std::string& path, const std::string& display_name,
                                       const LoadLimits& limits, Diagnostics& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.error(display_name, {}, "", Msg::cannot_read_file, {os_error_words(errno)});
    return std::nullopt;
  }
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  if (size < 0) { // a pipe or a directory
    out.error(display_name, {}, "", Msg::cannot_read_file,
              {bilingual("không phải tệp thông thường", "not a regular file")});
    return std::nullopt;
  }
  if (static_cast<std::size_t>(size) > limits.max_bytes) {
    out.error(display_name, {1, 1, 1}, "", Msg::input_too_large,
              {std::to_string(size), std::to_string(limits.max_bytes)});
    return std::nullopt;
  }
  in.seekg(0);
  std::string text(static_cast<std::size_t>(size), '\0');
  in.read(text.data(), size);
  if (!in) {
    out.error(display_name, {}, "", Msg::cannot_read_file, {os_error_words(errno)});
    return std::nullopt;
  }
  return text;
}

std::string strip_bom(std::string text) {
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    text.erase(0, 3);
  }
  return text;
}

namespace {

std::string hex_byte(unsigned char b) {
  static const char* hex = "0123456789ABCDEF";
  return std::string("0x") + hex[b >> 4] + hex[b & 15];
}

} // namespace

bool check_encoding(const SourceFile& file, const LoadLimits& limits, Diagnostics& out) {
  const std::string& text = file.text();
  if (text.size() > limits.max_bytes) {
    out.error(file.name(), file.locate(0), "", Msg::input_too_large,
              {std::to_string(text.size()), std::to_string(limits.max_bytes)});
    return false;
  }
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    out.error(file.name(), file.locate(0), "", Msg::input_utf16);
    return false;
  }
  if (auto nul = text.find('\0'); nul != std::string::npos) {
    out.error(file.name(), file.locate(nul), "", Msg::input_has_nul);
    return false;
  }
  auto bad = invalid_utf8_offsets(text, limits.max_reported);
  for (std::size_t offset : bad) {
    out.error(file.name(), file.locate(offset), "", Msg::invalid_utf8,
              {hex_byte(static_cast<unsigned char>(text[offset]))});
  }
  return bad.empty();
}

namespace {

/// 0-based line and character column (libyaml's marks) as Locations. Marks come in
/// file order, so the walk along a line resumes where the previous mark on it stopped
/// instead of starting again from the line start (long lines of text made it costly).
class MarkLocator {
public:
  explicit MarkLocator(const SourceFile& file) : file_(file) {}

  Location at(std::size_t line0, std::size_t column) {
    const std::string& text = file_.text();
    if (line0 >= file_.line_count()) {
      return file_.locate(text.size());
    }
    if (line0 != line0_ || column < walked_) {
      line0_ = line0;
      walked_ = 0;
      lead_bytes_ = 0;
      offset_ = file_.line_start(line0);
    }
    for (; walked_ < column && offset_ < text.size() && text[offset_] != '\n'; ++walked_) {
      auto b = static_cast<unsigned char>(text[offset_]);
      std::size_t n = b < 0x80 ? 1 : utf8_sequence_length(text, offset_);
      // SourceFile::locate counts the lead bytes of the line up to the offset.
      lead_bytes_ += n != 0 || (b & 0xC0) != 0x80 ? 1 : 0;
      offset_ += n == 0 ? 1 : n;
    }
    return {static_cast<std::uint32_t>(offset_), static_cast<std::uint32_t>(line0 + 1),
            static_cast<std::uint32_t>(1 + lead_bytes_)};
  }

private:
  const SourceFile& file_;
  std::size_t line0_ = SIZE_MAX;
  std::size_t walked_ = 0;     ///< characters walked from the line start
  std::size_t lead_bytes_ = 0; ///< lead bytes passed on the way
  std::size_t offset_ = 0;
};

/// Thrown by the event handler to stop parsing after a fatal problem it reported.
struct StopParsing {};

/// Builds a DataTree from libyaml's events, checking what only events show.
class TreeBuilder {
public:
  TreeBuilder(const SourceFile& file, const LoadLimits& limits, Diagnostics& out)
      : file_(file), limits_(limits), out_(out), locator_(file) {}

  std::optional<DataNode> take_root() { return std::move(root_); }
  bool saw_document() const { return documents_ > 0; }

  /// Feed one event; false when the stream has ended.
  bool handle(const yaml_event_t& e) {
    switch (e.type) {
    case YAML_STREAM_END_EVENT: return false;
    case YAML_DOCUMENT_START_EVENT:
      if (++documents_ > 1) {
        out_.error(file_.name(), at(e.start_mark), "", Msg::yaml_multiple_documents);
        throw StopParsing{};
      }
      break;
    case YAML_ALIAS_EVENT: alias(e); break;
    case YAML_SCALAR_EVENT: scalar(e); break;
    case YAML_SEQUENCE_START_EVENT: open(DataNode::Kind::sequence, e.start_mark); break;
    case YAML_MAPPING_START_EVENT: open(DataNode::Kind::mapping, e.start_mark); break;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: close(); break;
    default: break;
    }
    return true;
  }

  /// The data path of the node being read, for errors found while reading it.
  std::string path() const { return current_path(); }

  /// A position from libyaml: 0-based line and column in characters.
  Location at(const yaml_mark_t& mark) const { return locator_.at(mark.line, mark.column); }

private:
  struct Frame {
    DataNode node;
    bool expecting_key = true;
    bool skip_value = false;
    std::string key;
    Location key_location;
    std::unordered_map<std::string, std::uint32_t> key_lines; ///< built for large mappings only
  };

  void alias(const yaml_event_t& e) {
    const char* name = reinterpret_cast<const char*>(e.data.alias.anchor);
    out_.error(file_.name(), at(e.start_mark), current_path(), Msg::yaml_alias,
               {name != nullptr ? name : ""});
    if (++aliases_ >= limits_.max_reported) {
      throw StopParsing{};
    }
    DataNode node;
    node.location = at(e.start_mark);
    node.placeholder = true; // reported: the schema check stays silent about it
    emit(std::move(node));
  }

  void scalar(const yaml_event_t& e) {
    std::string value(reinterpret_cast<const char*>(e.data.scalar.value), e.data.scalar.length);
    const char* tag = reinterpret_cast<const char*>(e.data.scalar.tag);
    bool plain = e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE && tag == nullptr;
    DataNode node;
    node.location = at(e.start_mark);
    // YAML's core schema: an empty plain value, ~ and null are nothing at all.
    if (plain &&
        (value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL")) {
      emit(std::move(node));
      return;
    }
    node.kind = DataNode::Kind::scalar;
    node.quoted = !plain;
    check_closing_quote(node.location);
    node.text = clean_text(std::move(value), node.location);
    emit(std::move(node));
  }

  /// Data path of the node being read: "conference.venue", "attendees[2].name".
  /// `frames` limits it to the outer frames (a key's own mapping excluded).
  std::string current_path(std::size_t frames = SIZE_MAX) const {
    std::string path;
    for (std::size_t i = 0; i < stack_.size() && i < frames; ++i) {
      const Frame& f = stack_[i];
      if (f.node.kind == DataNode::Kind::sequence) {
        path += "[" + std::to_string(f.node.items.size()) + "]";
      } else if (!f.expecting_key) {
        path += (path.empty() ? "" : ".") + f.key;
      }
    }
    return path;
  }

  /// Where the characters `needle` stand in the source, from the node on (so the
  /// error points at the character, not at the start of its text).
  Location find_from(Location node, const std::string& needle) const {
    std::size_t at = file_.text().find(needle, node.offset);
    return at == std::string::npos || at > node.offset + 4096 ? node : file_.locate(at);
  }

  /// NFC, then reject what NFC cannot fix: control characters and stray marks.
  std::string clean_text(std::string raw, Location where) {
    if (is_clean_nfc(raw)) {
      return raw; // nearly every scalar: one pass, no copy
    }
    if (auto c = find_control_character(raw)) {
      std::size_t len = utf8_sequence_length(raw, *c);
      out_.error(file_.name(), find_from(where, raw.substr(*c, len)), current_path(),
                 Msg::control_character,
                 {code_point_label(decode_utf8(raw.substr(*c, len)).front())});
    }
    std::string nfc = to_nfc(raw);
    if (auto m = find_leftover_combining_mark(nfc)) {
      out_.error(file_.name(), find_from(where, nfc.substr(*m, 2)), current_path(),
                 Msg::leftover_combining_mark,
                 {code_point_label(decode_utf8(nfc.substr(*m, 2)).front())});
    }
    return nfc;
  }

  /// A quoted value may run over several lines in YAML, so a forgotten closing
  /// quote swallows the rest of the file without a syntax error. A quotation left
  /// open on its line with a "key:" line after it is that mistake.
  void check_closing_quote(Location where) {
    const std::string& text = file_.text();
    if (where.offset >= text.size() || (text[where.offset] != '"' && text[where.offset] != '\'')) {
      return;
    }
    char quote = text[where.offset];
    std::size_t i = where.offset + 1;
    for (; i < text.size() && text[i] != '\n'; ++i) {
      if (quote == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == quote) {
        if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
          ++i; // '' is an escaped quote
        } else {
          return;
        }
      }
    }
    static const std::regex kKeyLine(R"(^\s*-?\s*[A-Za-z_]+:(\s|$))");
    std::size_t line_end = text.find('\n', i + 1);
    std::string next = text.substr(i + 1, std::min<std::size_t>(200, line_end == std::string::npos
                                                                         ? std::string::npos
                                                                         : line_end - i - 1));
    if (std::regex_search(next, kKeyLine)) {
      out_.error(file_.name(), where, current_path(), Msg::yaml_unclosed_quote,
                 {std::string(1, quote)});
      throw StopParsing{};
    }
  }

  void open(DataNode::Kind kind, const yaml_mark_t& mark) {
    if (stack_.size() >= limits_.max_depth) {
      out_.error(file_.name(), at(mark), "", Msg::yaml_too_deep,
                 {std::to_string(limits_.max_depth)});
      throw StopParsing{};
    }
    Frame frame;
    frame.node.kind = kind;
    frame.node.location = at(mark);
    stack_.push_back(std::move(frame));
  }

  void close() {
    DataNode node = std::move(stack_.back().node);
    stack_.pop_back();
    emit(std::move(node));
  }

  /// The line of an earlier occurrence of `key` in this mapping. Small mappings (almost
  /// all) are scanned; a hash map is built only for large ones.
  static std::optional<std::uint32_t> earlier_key_line(Frame& frame, const std::string& key) {
    constexpr std::size_t kScanned = 32;
    if (frame.node.entries.size() <= kScanned) {
      for (const DataEntry& e : frame.node.entries) {
        if (e.key == key)
          return e.key_location.line;
      }
      return std::nullopt;
    }
    if (frame.key_lines.empty()) {
      for (const DataEntry& e : frame.node.entries)
        frame.key_lines.emplace(e.key, e.key_location.line);
    }
    auto it = frame.key_lines.find(key);
    return it == frame.key_lines.end() ? std::nullopt : std::optional<std::uint32_t>(it->second);
  }

  void emit(DataNode&& node) {
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Frame& top = stack_.back();
    if (top.node.kind == DataNode::Kind::sequence) {
      top.node.items.push_back(std::move(node));
    } else if (top.expecting_key) {
      top.expecting_key = false;
      top.skip_value = false;
      if (!node.is_scalar()) {
        if (!node.is_null()) {
          out_.error(file_.name(), node.location, "", Msg::yaml_complex_key);
        }
        top.skip_value = true;
        return;
      }
      if (auto first_line = earlier_key_line(top, node.text)) {
        std::string parent = current_path(stack_.size() - 1);
        out_.error(file_.name(), node.location,
                   parent.empty() ? node.text : parent + "." + node.text, Msg::yaml_duplicate_key,
                   {node.text, std::to_string(*first_line)});
        top.skip_value = true;
        return;
      }
      top.key = std::move(node.text);
      top.key_location = node.location;
    } else {
      top.expecting_key = true;
      if (node.is_null() && node.location.line > top.key_location.line) {
        // "venue:" with nothing after it: yaml-cpp marks the next token; the
        // reader looks for the empty value at its key.
        node.location = top.key_location;
      }
      if (!top.skip_value) {
        if (!top.key_lines.empty()) {
          top.key_lines.emplace(top.key, top.key_location.line);
        }
        top.node.entries.push_back({std::move(top.key), top.key_location, std::move(node)});
      }
    }
  }

  const SourceFile& file_;
  const LoadLimits& limits_;
  Diagnostics& out_;
  mutable MarkLocator locator_; ///< a cache: locating never changes what is built
  std::vector<Frame> stack_;
  std::optional<DataNode> root_;
  std::size_t documents_ = 0;
  std::size_t aliases_ = 0;
};

/// Offset of a tab in the indentation of a line, if any.
std::optional<std::size_t> tab_in_indentation(const SourceFile& file, std::size_t line0) {
  const std::string& text = file.text();
  for (std::size_t i = file.line_start(line0); i < text.size(); ++i) {
    if (text[i] == '\t') {
      return i;
    }
    if (text[i] != ' ' && text[i] != '-') {
      break;
    }
  }
  return std::nullopt;
}

/// Whether the value on a line (after its key) holds ": " or ends with ":".
bool colon_in_plain_text(const SourceFile& file, std::size_t line0) {
  const std::string& text = file.text();
  std::size_t begin = file.line_start(line0);
  std::size_t end = text.find('\n', begin);
  std::string line = text.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
  std::size_t key = line.find(": ");
  if (key == std::string::npos) {
    return false;
  }
  std::string value = line.substr(key + 2);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\r')) {
    value.pop_back();
  }
  bool quoted = !value.empty() && (value.front() == '"' || value.front() == '\'');
  return !quoted &&
         (value.find(": ") != std::string::npos || (!value.empty() && value.back() == ':'));
}

/// libyaml's message, turned into the most helpful of our diagnostics.
template <typename Builder>
void report_syntax_error(const SourceFile& file, const yaml_parser_t& parser,
                         const Builder& builder, Diagnostics& out) {
  std::string problem = parser.problem != nullptr ? parser.problem : "unknown error";
  std::string context = parser.context != nullptr ? parser.context : "";
  Location where = builder.at(parser.problem_mark);
  Location opened = builder.at(parser.context_mark);
  auto line0 = static_cast<std::size_t>(parser.problem_mark.line);
  auto tab = tab_in_indentation(file, line0);
  if (!tab && line0 > 0 && problem.find("tab") != std::string::npos) {
    tab = tab_in_indentation(file, line0 - 1);
  }
  if (tab) {
    out.error(file.name(), file.locate(*tab), "", Msg::yaml_tab_indent);
  } else if (context == "while parsing a flow sequence" ||
             context == "while parsing a flow mapping") {
    bool sequence = context.find("sequence") != std::string::npos;
    out.error(file.name(), opened, "", Msg::yaml_unclosed_flow,
              {sequence ? "[" : "{", sequence ? "]" : "}"});
  } else if (context == "while scanning a quoted scalar") {
    out.error(file.name(), opened, builder.path(), Msg::yaml_unclosed_quote,
              {std::string(1, file.text()[std::min(opened.offset, static_cast<std::uint32_t>(
                                                                      file.text().size() - 1))])});
  } else if (problem == "mapping values are not allowed in this context" &&
             colon_in_plain_text(file, line0)) {
    // "kết luận như sau:" unquoted: YAML reads a second key on the line.
    out.error(file.name(), where, "", Msg::yaml_colon_in_text);
  } else if (where.offset < file.text().size() &&
             (file.text()[where.offset] == ']' || file.text()[where.offset] == '}')) {
    char close = file.text()[where.offset];
    out.error(file.name(), where, builder.path(), Msg::yaml_unmatched_close,
              {std::string(1, close), close == ']' ? "[" : "{"});
  } else {
    out.error(file.name(), where, builder.path(), Msg::yaml_syntax, {problem});
  }
}

} // namespace

std::optional<DataNode> parse_yaml(const SourceFile& file, const LoadLimits& limits,
                                   Diagnostics& out) {
  if (!check_encoding(file, limits, out)) {
    return std::nullopt;
  }
  yaml_parser_t parser;
  if (yaml_parser_initialize(&parser) == 0) {
    out.error(file.name(), {}, "", Msg::cannot_read_file, {"YAML parser"});
    return std::nullopt;
  }
  std::unique_ptr<yaml_parser_t, decltype(&yaml_parser_delete)> owned(&parser, &yaml_parser_delete);
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(file.text().data()),
                               file.text().size());
  TreeBuilder builder(file, limits, out);
  try {
    for (bool more = true; more;) {
      yaml_event_t event;
      if (yaml_parser_parse(&parser, &event) == 0) {
        report_syntax_error(file, parser, builder, out);
        return std::nullopt;
      }
      try {
        more = builder.handle(event);
      } catch (...) {
        yaml_event_delete(&event);
        throw;
      }
      yaml_event_delete(&event);
    }
  } catch (const StopParsing&) {
    return std::nullopt;
  }
  if (!builder.saw_document()) {
    out.error(file.name(), file.locate(0), "", Msg::input_empty);
    return std::nullopt;
  }
  return builder.take_root();
}

} // namespace vanban
