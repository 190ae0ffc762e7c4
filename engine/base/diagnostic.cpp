#include "base/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace vanban {

void Diagnostics::error(const std::string& file, Location at, std::string path, Msg msg,
                        std::vector<std::string> args) {
  items_.push_back({Severity::error, file, at, std::move(path), msg, std::move(args)});
}

void Diagnostics::warning(const std::string& file, Location at, std::string path, Msg msg,
                          std::vector<std::string> args) {
  items_.push_back({Severity::warning, file, at, std::move(path), msg, std::move(args)});
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

bool Diagnostics::has_errors() const {
  return error_count() > 0;
}

std::size_t Diagnostics::error_count() const {
  return static_cast<std::size_t>(
      std::count_if(items_.begin(), items_.end(),
                    [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::size_t Diagnostics::warning_count() const {
  return items_.size() - error_count();
}

namespace {
auto sort_key(const Diagnostic& d) {
  return std::tie(d.file, d.location.line, d.location.column, d.path, d.message, d.args);
}
} // namespace

void Diagnostics::sort_unique() {
  std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
    return sort_key(a) < sort_key(b);
  });
  items_.erase(std::unique(items_.begin(), items_.end(),
                           [](const Diagnostic& a, const Diagnostic& b) {
                             return sort_key(a) == sort_key(b) && a.severity == b.severity;
                           }),
               items_.end());
}

std::string format_message(const Diagnostic& d, Lang lang) {
  std::string text = render_message(d.message, lang, d.args);
  return d.path.empty() ? text : d.path + ": " + text;
}

std::string format_short(const Diagnostic& d, Lang lang) {
  std::string out = d.file;
  if (d.location.line > 0) {
    out += ":" + std::to_string(d.location.line) + ":" + std::to_string(d.location.column);
  }
  out += d.severity == Severity::error ? ": error: " : ": warning: ";
  return out + format_message(d, lang);
}

namespace {
void append_json_string(std::string& out, const std::string& s) {
  out += '"';
  for (unsigned char c : s) {
    switch (c) {
    case '"': out += "\\\""; break;
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\t': out += "\\t"; break;
    case '\r': out += "\\r"; break;
    default:
      if (c < 0x20) {
        static const char* hex = "0123456789abcdef";
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
      } else {
        out += static_cast<char>(c);
      }
    }
  }
  out += '"';
}
} // namespace

std::string format_json(const std::vector<Diagnostic>& ds, Lang lang) {
  std::string out = "[";
  for (std::size_t i = 0; i < ds.size(); ++i) {
    const Diagnostic& d = ds[i];
    out += i == 0 ? "\n  {" : ",\n  {";
    out += "\"severity\": ";
    append_json_string(out, d.severity == Severity::error ? "error" : "warning");
    out += ", \"file\": ";
    append_json_string(out, d.file);
    out += ", \"line\": " + std::to_string(d.location.line);
    out += ", \"column\": " + std::to_string(d.location.column);
    out += ", \"path\": ";
    append_json_string(out, d.path);
    out += ", \"code\": ";
    append_json_string(out, std::string(message_code(d.message)));
    out += ", \"message\": ";
    append_json_string(out, render_message(d.message, lang, d.args));
    out += "}";
  }
  out += ds.empty() ? "]\n" : "\n]\n";
  return out;
}

} // namespace vanban
