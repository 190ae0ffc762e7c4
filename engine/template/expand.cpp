#include "template/expand.hpp"

#include <kainjow/mustache.hpp>

#include <regex>
#include <set>

#include "base/text.hpp"
#include "markup/markup_parser.hpp"
#include "model/inline_text.hpp"
#include "template/template_data.hpp"
#include "template/vietnamese.hpp"

namespace vanban {

namespace km = kainjow::mustache;

std::string template_name(Standard standard, DocumentKind kind) {
  std::string s = standard == Standard::party ? "party-" : "state-";
  switch (kind) {
  case DocumentKind::notice: return s + "notice";
  case DocumentKind::minutes: return s + "minutes";
  case DocumentKind::report: return s + "report";
  case DocumentKind::workbook: return s + "workbook";
  }
  return s + "notice";
}

namespace {

struct Tag {
  std::string name;
  std::size_t offset;
  std::size_t length;
};

/// `{{> name}}` tags of a template, in order.
std::vector<Tag> partial_tags(const std::string& text) {
  // kainjow trims a tag before reading its type: "{{ > name }}" is a partial too.
  static const std::regex kPartial(R"(\{\{\s*>\s*([^}\s]*)\s*\}\})");
  std::vector<Tag> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), kPartial);
       it != std::sregex_iterator(); ++it) {
    out.push_back({(*it)[1].str(), static_cast<std::size_t>(it->position(0)),
                   static_cast<std::size_t>(it->length(0))});
  }
  return out;
}

/// Checks every template reachable from the root, once each.
class TemplateChecker {
public:
  TemplateChecker(const TemplateSet& set, Diagnostics& out, const TemplateLimits& limits)
      : set_(set), out_(out), limits_(limits) {}

  bool check(const std::string& root) {
    const SourceFile* file = set_.find(root);
    if (file == nullptr) {
      out_.error("templates/" + root + ".mustache", {}, "", Msg::template_partial_missing, {root});
      return false;
    }
    std::vector<std::string> stack;
    visit(root, *file, false, stack);
    return ok_;
  }

  const std::vector<const SourceFile*>& files() const { return files_; }

private:
  void visit(const std::string& name, const SourceFile& file, bool partial,
             std::vector<std::string>& stack) {
    if (std::find(stack.begin(), stack.end(), name) != stack.end() ||
        static_cast<int>(stack.size()) >= limits_.max_partial_depth) {
      fail(file, 0, Msg::template_recursion, {std::to_string(limits_.max_partial_depth), name});
      return;
    }
    stack.push_back(name);
    if (checked_.insert(name).second) {
      files_.push_back(&file);
      check_text(file, partial);
    }
    for (const Tag& tag : partial_tags(file.text())) {
      if (!is_template_name(tag.name)) {
        fail(file, tag.offset, Msg::template_partial_refused, {tag.name});
        continue;
      }
      const SourceFile* child = set_.find(tag.name);
      if (child == nullptr) {
        fail(file, tag.offset, Msg::template_partial_missing, {tag.name});
        continue;
      }
      if (std::find(stack.begin(), stack.end(), tag.name) != stack.end()) {
        fail(file, tag.offset, Msg::template_recursion,
             {std::to_string(limits_.max_partial_depth), tag.name});
        continue;
      }
      visit(tag.name, *child, true, stack);
    }
    stack.pop_back();
  }

  void check_text(const SourceFile& file, bool partial) {
    const std::string& text = file.text();
    for (const char* raw : {"{{{", "{{&", "{{="}) {
      if (std::size_t at = text.find(raw); at != std::string::npos) {
        std::size_t end = text.find("}}", at);
        fail(file, at, Msg::template_unescaped,
             {text.substr(at, end == std::string::npos ? 8 : end + 2 - at)});
      }
    }
    km::mustache tmpl{text};
    if (!tmpl.is_valid()) {
      static const std::regex kAt(R"( at (\d+)$)");
      std::smatch m;
      std::string message = tmpl.error_message();
      std::size_t offset = 0;
      if (std::regex_search(message, m, kAt)) {
        offset = std::stoul(m[1].str());
        message = message.substr(0, static_cast<std::size_t>(m.position(0)));
      }
      fail(file, offset, Msg::template_syntax, {message});
    }
    Diagnostics markup;
    lint_template_markup(file, partial, markup);
    if (markup.has_errors()) {
      ok_ = false;
    }
    out_.append(markup);
  }

  void fail(const SourceFile& file, std::size_t offset, Msg msg, std::vector<std::string> args) {
    out_.error(file.name(), file.locate(offset), "", msg, std::move(args));
    ok_ = false;
  }

  const TemplateSet& set_;
  Diagnostics& out_;
  const TemplateLimits& limits_;
  std::set<std::string> checked_;
  std::vector<const SourceFile*> files_;
  bool ok_ = true;
};

/// Lookups for the renderer: partials only from the template set, and names
/// that resolve to nothing remembered (mustache would print nothing, silently).
class SandboxContext : public km::context<std::string> {
public:
  SandboxContext(const km::data* root, const TemplateSet& set)
      : km::context<std::string>(root), set_(set) {}

  const km::data* get(const std::string& name) const override {
    const km::data* found = km::context<std::string>::get(name);
    if (found == nullptr) {
      missing_.insert(name);
    }
    return found;
  }

  const km::data* get_partial(const std::string& name) const override {
    const SourceFile* file = set_.find(name);
    if (file == nullptr) {
      return nullptr;
    }
    auto [it, fresh] = partials_.try_emplace(name, file->text());
    return &it->second;
  }

  const std::set<std::string>& missing() const { return missing_; }

private:
  const TemplateSet& set_;
  mutable std::map<std::string, km::data> partials_;
  mutable std::set<std::string> missing_;
};

/// `{{#rich}}…{{/rich}}`: the inline emphasis syntax (already escaped) → <b>, <i>, <u>.
std::string rich_markup(const std::string& escaped) {
  std::string out;
  for (const TextRun& run : parse_inline(escaped).runs) {
    std::string open, close;
    if (run.bold)
      open += "<b>", close = "</b>" + close;
    if (run.italic)
      open += "<i>", close = "</i>" + close;
    if (run.underline)
      open += "<u>", close = "</u>" + close;
    out += open + run.text + close;
  }
  return out;
}

void add_helpers(km::data& root) {
  root.set("upper", km::lambda2{[](const std::string& text, const km::renderer& render) {
             return to_upper(render(text));
           }});
  root.set("rich", km::lambda2{[](const std::string& text, const km::renderer& render) {
             return rich_markup(render(text));
           }});
  root.set("capitalize", km::lambda2{[](const std::string& text, const km::renderer& render) {
             std::string r = render(text);
             std::size_t start = r.find_first_not_of(" \n\t");
             return start == std::string::npos
                        ? r
                        : r.substr(0, start) + capitalize_first(r.substr(start));
           }});
}

/// The text with every partial written in place. kainjow parses a partial again at
/// each use; this text parses once. Rendering it gives the same text: a partial
/// renders into the line it is called from, with the caller's context. nullopt
/// (use the partials) when a delimiter change would leak out of its file, or the
/// text grows past 1 MiB.
std::optional<std::string> inline_partials(const TemplateSet& set, const std::string& text,
                                           int depth) {
  constexpr std::size_t kMaxInlined = 1 << 20;
  if (depth > 64 || text.find("{{=") != std::string::npos) {
    return std::nullopt;
  }
  std::string out;
  std::size_t at = 0;
  for (const Tag& tag : partial_tags(text)) {
    const SourceFile* file = set.find(tag.name);
    if (file == nullptr) {
      return std::nullopt;
    }
    auto inner = inline_partials(set, file->text(), depth + 1);
    if (!inner || out.size() + inner->size() > kMaxInlined) {
      return std::nullopt;
    }
    out.append(text, at, tag.offset - at);
    out += *inner;
    at = tag.offset + tag.length;
  }
  out.append(text, at);
  return out;
}

using ParsedTemplates =
    std::map<std::pair<std::uint64_t, std::string>, std::unique_ptr<km::mustache>>;

/// Parsed root templates, per thread: rendering writes into a kainjow template.
ParsedTemplates& parsed_templates() {
  thread_local ParsedTemplates cache;
  return cache;
}

/// The root template, checked, inlined and parsed once per thread; nullptr when it
/// cannot be inlined.
km::mustache* parsed_template(const TemplateSet& set, const std::string& root) {
  ParsedTemplates& cache = parsed_templates();
  auto key = std::make_pair(set.id(), root);
  if (auto it = cache.find(key); it != cache.end()) {
    return it->second.get();
  }
  auto text = inline_partials(set, set.find(root)->text(), 0);
  if (!text) {
    return nullptr;
  }
  auto tmpl = std::make_unique<km::mustache>(*text);
  if (!tmpl->is_valid()) {
    return nullptr;
  }
  tmpl->set_custom_escape(xml_escape);
  if (cache.size() >= 32) { // sets come and go in tests; a batch has one
    cache.clear();
  }
  return cache.emplace(key, std::move(tmpl)).first->second.get();
}

/// The document text, or nullopt with the kainjow error (syntax errors are found
/// by check_templates first; this is what a lambda's text can still cause).
/// `missing` receives the names the data lacks.
std::optional<std::string> render_root(const std::string& root, const TemplateSet& templates,
                                       const km::data& data, bool inline_partials,
                                       std::set<std::string>& missing, std::string& error) {
  km::mustache* parsed = inline_partials ? parsed_template(templates, root) : nullptr;
  if (parsed != nullptr) {
    SandboxContext ctx(&data, templates);
    std::string text = parsed->render(ctx);
    if (parsed->is_valid()) {
      missing = ctx.missing();
      return text;
    }
    // An error sticks to a kainjow template: drop it, and let the partials path
    // below report the error as it always has.
    parsed_templates().erase(std::make_pair(templates.id(), root));
  }
  SandboxContext ctx(&data, templates);
  km::mustache tmpl{templates.find(root)->text()};
  tmpl.set_custom_escape(xml_escape);
  std::string text = tmpl.render(ctx);
  if (!tmpl.is_valid()) {
    error = tmpl.error_message();
    return std::nullopt;
  }
  missing = ctx.missing();
  return text;
}

Location first_use(const SourceFile& file, const std::string& name, bool& found) {
  for (const char* prefix : {"{{", "{{#", "{{^"}) {
    std::size_t at = file.text().find(prefix + name);
    if (at != std::string::npos) {
      found = true;
      return file.locate(at);
    }
  }
  return {};
}

} // namespace

bool check_templates(const std::string& root, const TemplateSet& templates, Diagnostics& out,
                     const TemplateLimits& limits) {
  // Each thread remembers the outcomes it has seen: the set's shared lock is taken
  // once per thread and root, not once per document.
  thread_local std::map<std::pair<std::uint64_t, std::string>, bool> seen;
  auto key = std::make_pair(templates.id(), root);
  if (auto it = seen.find(key); it != seen.end()) {
    return it->second;
  }
  if (auto known = templates.checked(root)) {
    if (seen.size() >= 64) {
      seen.clear();
    }
    seen.emplace(key, *known);
    return *known;
  }
  Diagnostics found;
  bool ok = TemplateChecker(templates, found, limits).check(root);
  templates.set_checked(root, ok);
  out.append(found);
  return ok;
}

std::optional<std::string> expand_document(const Conference& c, const DocumentSpec& doc,
                                           const TemplateSet& templates, Diagnostics& out,
                                           const TemplateLimits& limits) {
  std::string root_name = template_name(c.standard, doc.kind);
  if (!check_templates(root_name, templates, out, limits)) {
    return std::nullopt;
  }
  km::data data = template_data(c, doc);
  add_helpers(data);
  std::set<std::string> missing;
  std::string error;
  auto rendered = render_root(root_name, templates, data, limits.inline_partials, missing, error);
  if (!rendered) {
    out.error(templates.find(root_name)->name(), {}, "", Msg::template_syntax, {error});
    return std::nullopt;
  }
  std::string text = std::move(*rendered);
  if (missing.empty()) {
    return text;
  }
  // Rare: find the template that used a name the data lacks, for the position.
  bool unknown = false;
  Diagnostics ignored;
  TemplateChecker reach(templates, ignored, limits);
  reach.check(root_name);
  for (const std::string& name : missing) {
    for (const SourceFile* file : reach.files()) {
      bool found = false;
      Location at = first_use(*file, name, found);
      if (found) {
        out.error(file->name(), at, "", Msg::template_unknown_name, {name});
        unknown = true;
        break;
      }
    }
  }
  if (unknown) {
    return std::nullopt;
  }
  return text;
}

} // namespace vanban
