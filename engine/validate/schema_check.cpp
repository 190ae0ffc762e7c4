#include "validate/schema_check.hpp"

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <set>

#include <utf8proc.h>

#include "base/text.hpp"
#include "validate/data_node_adapter.hpp"
#include "validate/json_typing.hpp"
#include "validate/text_constraint.hpp"

namespace vanban {

using nlohmann::json;

struct SchemaSet::Impl {
  json conference_doc = json::parse(kConferenceSchemaText);
  json organization_doc = json::parse(kOrganizationSchemaText);
  json workbook_doc = json::parse(kWorkbookSchemaText);
  valijson::Schema conference;
  valijson::Schema organization;
  valijson::Schema workbook;

  const json& doc(SchemaKind kind) const {
    switch (kind) {
    case SchemaKind::conference: return conference_doc;
    case SchemaKind::organization: return organization_doc;
    case SchemaKind::workbook: return workbook_doc;
    }
    return conference_doc;
  }
  const valijson::Schema& schema(SchemaKind kind) const {
    switch (kind) {
    case SchemaKind::conference: return conference;
    case SchemaKind::organization: return organization;
    case SchemaKind::workbook: return workbook;
    }
    return conference;
  }

  Impl() {
    // valijson compiles copies with minLength, maxLength and pattern gathered into our
    // own text constraint; the documents above stay as written, for the error words.
    json conference_copy = conference_doc, organization_copy = organization_doc,
         workbook_copy = workbook_doc;
    for (json* copy : {&conference_copy, &organization_copy, &workbook_copy})
      gather_text_keywords(*copy);
    auto fetch = [&](const std::string& uri) -> const json* {
      return uri.ends_with("organization.schema.json") ? &organization_copy : nullptr;
    };
    auto release = [](const json*) {};
    valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
    parser.addConstraintBuilder(kTextKeyword, new TextConstraintBuilder);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(conference_copy), conference,
                          fetch, release);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(organization_copy), organization,
                          fetch, release);
    parser.populateSchema(valijson::adapters::NlohmannJsonAdapter(workbook_copy), workbook, fetch,
                          release);
  }
};

SchemaSet::SchemaSet() : impl_(std::make_unique<Impl>()) {}
SchemaSet::~SchemaSet() = default;

const SchemaSet& SchemaSet::bundled() {
  static const SchemaSet schemas; // thread-safe initialisation; read-only afterwards
  return schemas;
}

namespace {

/// A position in the schema documents, following $ref across the two files.
struct SchemaCursor {
  const json* node = nullptr;
  const json* doc = nullptr;
};

class SchemaWalker {
public:
  SchemaWalker(const json& conference, const json& organization)
      : conference_(conference), organization_(organization) {}

  SchemaCursor resolve(SchemaCursor at) const {
    for (int hops = 0; hops < 16 && at.node != nullptr && at.node->is_object(); ++hops) {
      auto ref = at.node->find("$ref");
      if (ref == at.node->end() || !ref->is_string()) {
        break;
      }
      std::string target = ref->get<std::string>();
      std::size_t hash = target.find('#');
      const json* doc = at.doc;
      if (hash != 0) {
        doc = target.starts_with("organization.schema.json") ? &organization_ : &conference_;
      }
      std::string pointer = hash == std::string::npos ? "" : target.substr(hash + 1);
      try {
        at = {&doc->at(json::json_pointer(pointer)), doc};
      } catch (const json::exception&) {
        return {nullptr, doc};
      }
    }
    return at;
  }

  SchemaCursor property(SchemaCursor at, const std::string& key) const {
    at = resolve(at);
    if (at.node == nullptr) {
      return at;
    }
    auto props = at.node->find("properties");
    if (props == at.node->end() || !props->contains(key)) {
      return {nullptr, at.doc};
    }
    return {&(*props)[key], at.doc};
  }

  SchemaCursor items(SchemaCursor at) const {
    at = resolve(at);
    if (at.node == nullptr || !at.node->contains("items")) {
      return {nullptr, at.doc};
    }
    return {&(*at.node)["items"], at.doc};
  }

private:
  const json& conference_;
  const json& organization_;
};

/// The error's node in the data, its data path and its schema.
struct Target {
  const DataNode* node = nullptr;
  const DataEntry* entry = nullptr; ///< the entry holding node, for key positions
  std::string path;
  SchemaCursor schema;
};

std::string join_path(const std::string& path, const std::string& key) {
  if (key.empty() || key.find_first_of(". []") != std::string::npos) {
    return path + "[\"" + key + "\"]"; // a key that is not a plain name
  }
  return path.empty() ? key : path + "." + key;
}

Target locate(const DataNode& root, SchemaCursor schema_root,
              const std::vector<std::string>& context, const SchemaWalker& walker) {
  Target t{&root, nullptr, "", schema_root};
  for (const std::string& raw : context) {
    if (raw == "<root>" || raw.size() < 2) {
      continue;
    }
    std::string step = raw.substr(1, raw.size() - 2); // "[key]" → key
    if (t.node->is_sequence()) {
      std::size_t index = std::strtoul(step.c_str(), nullptr, 10);
      if (index >= t.node->items.size()) {
        break;
      }
      t.node = &t.node->items[index];
      t.entry = nullptr;
      t.path += "[" + step + "]";
      t.schema = walker.items(t.schema);
    } else if (t.node->is_mapping()) {
      const DataEntry* e = t.node->find_entry(step);
      if (e == nullptr) {
        break;
      }
      t.node = &e->value;
      t.entry = e;
      t.path = join_path(t.path, step);
      t.schema = walker.property(t.schema, step);
    } else {
      break;
    }
  }
  return t;
}

std::string quoted_name(const std::string& description) {
  std::size_t end = description.rfind('\'');
  std::size_t begin = end == std::string::npos ? end : description.rfind('\'', end - 1);
  if (begin == std::string::npos || end == std::string::npos || end <= begin) {
    return "";
  }
  return description.substr(begin + 1, end - begin - 1);
}

std::string type_term(const std::string& type) {
  if (type == "string")
    return bilingual("văn bản", "text");
  if (type == "integer")
    return bilingual("số nguyên", "a whole number");
  if (type == "number")
    return bilingual("số", "a number");
  if (type == "boolean")
    return bilingual("true hoặc false", "true or false");
  if (type == "object")
    return bilingual("bảng khóa - giá trị", "a mapping");
  if (type == "array")
    return bilingual("danh sách", "a list");
  return bilingual("giá trị rỗng", "nothing");
}

std::string found_term(const DataNode& node) {
  switch (node.kind) {
  case DataNode::Kind::null: return type_term("null");
  case DataNode::Kind::sequence: return type_term("array");
  case DataNode::Kind::mapping: return type_term("object");
  case DataNode::Kind::scalar: break;
  }
  json value = scalar_to_json(node);
  if (value.is_boolean())
    return type_term("boolean");
  if (value.is_number_integer())
    return type_term("integer");
  if (value.is_number())
    return type_term("number");
  return type_term("string");
}

/// The description's half in each language ("vi — en"), as a bilingual argument.
std::string hint_of(const json& schema) {
  auto d = schema.find("description");
  if (d == schema.end() || !d->is_string()) {
    return "";
  }
  std::string text = d->get<std::string>();
  std::size_t dash = text.find(" — ");
  if (dash == std::string::npos) {
    return text;
  }
  auto trim_stop = [](std::string s) {
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) {
      s.pop_back();
    }
    return s;
  };
  // Hints continue a message, whose style is a lower-case start.
  auto lower_first = [](const std::string& s) {
    std::u32string cps = decode_utf8(s);
    if (cps.empty() || (cps.size() > 1 && cps[1] >= U'A' && cps[1] <= U'Z')) {
      return s; // an abbreviation such as "UBND" keeps its capitals
    }
    std::string out;
    append_utf8(out,
                static_cast<char32_t>(utf8proc_tolower(static_cast<utf8proc_int32_t>(cps[0]))));
    for (std::size_t i = 1; i < cps.size(); ++i)
      append_utf8(out, cps[i]);
    return out;
  };
  return bilingual(lower_first(trim_stop(text.substr(0, dash))),
                   lower_first(trim_stop(text.substr(dash + 5))));
}

std::string number_text(const json& v) {
  if (v.is_number_integer()) {
    return std::to_string(v.get<std::int64_t>());
  }
  std::string s = v.dump();
  return s;
}

bool is_echo(const std::string& d) {
  static const char* kEchoes[] = {
      "Failed to validate against schema associated with property name",
      "Failed to validate item #",
      "Failed to validate against child schema",
      "Failed to validate against any",
      "Failed to validate against exactly one",
      "Failed to validate against additional properties schema",
      "Failed to validate against schema associated with pattern",
      "Cannot validate item #",
  };
  for (const char* echo : kEchoes) {
    if (d.starts_with(echo)) {
      return true;
    }
  }
  return false;
}

class ErrorTranslator {
public:
  ErrorTranslator(const DataNode& root, SchemaCursor schema_root, const SchemaWalker& walker,
                  const SourceFile& file, Diagnostics& out)
      : root_(root), schema_root_(schema_root), walker_(walker), file_(file), out_(out) {}

  void translate(const valijson::ValidationResults::Error& e) {
    Target t = locate(root_, schema_root_, e.context, walker_);
    if (t.node->placeholder) {
      return; // the loader has reported this node already
    }
    const std::string& d = e.description;
    SchemaCursor resolved = walker_.resolve(t.schema);
    const json* schema = resolved.node;

    if (d.starts_with("Missing required property")) {
      report(t.node->location, t.path, Msg::schema_required, {quoted_name(d)});
    } else if (d.starts_with("Object contains a property that could not be validated")) {
      unknown_property(t, quoted_name(d), schema);
    } else if (d.starts_with("Failed to match against any enum values")) {
      bad_enum(t, schema);
    } else if (d.starts_with("Value type not permitted")) {
      bad_type(t, schema);
    } else if (d.starts_with("Failed to match regex")) {
      report(t.node->location, t.path, Msg::schema_pattern,
             {t.node->text, schema != nullptr ? hint_of(*schema) : ""});
    } else if (d.starts_with("String should be no fewer than")) {
      std::string n = limit_of(schema, "minLength");
      report(t.node->location, t.path,
             n == "1" ? Msg::schema_empty_text : Msg::schema_too_short_text, {n});
    } else if (d.starts_with("String should be no more than")) {
      report(t.node->location, t.path, Msg::schema_too_long_text, {limit_of(schema, "maxLength")});
    } else if (d.starts_with("Array should contain no fewer than")) {
      report(t.node->location, t.path, Msg::schema_too_few_items, {limit_of(schema, "minItems")});
    } else if (d.starts_with("Array should contain no more than")) {
      report(t.node->location, t.path, Msg::schema_too_many_items, {limit_of(schema, "maxItems")});
    } else if (d.starts_with("Expected number greater than")) {
      report(t.node->location, t.path, Msg::schema_below_minimum,
             {t.node->text, limit_of(schema, "minimum")});
    } else if (d.starts_with("Expected number less than")) {
      report(t.node->location, t.path, Msg::schema_above_maximum,
             {t.node->text, limit_of(schema, "maximum")});
    } else {
      report(t.node->location, t.path, Msg::schema_other, {d});
    }
  }

private:
  void report(Location at, const std::string& path, Msg msg, std::vector<std::string> args) {
    out_.error(file_.name(), at, path, msg, std::move(args));
  }

  static std::string limit_of(const json* schema, const char* key) {
    if (schema == nullptr || !schema->contains(key)) {
      return "?";
    }
    return number_text((*schema)[key]);
  }

  void unknown_property(const Target& t, const std::string& key, const json* schema) {
    const DataEntry* entry = t.node->find_entry(key);
    Location at = entry != nullptr ? entry->key_location : t.node->location;
    std::vector<std::string> known;
    if (schema != nullptr && schema->contains("properties")) {
      for (const auto& item : (*schema)["properties"].items()) {
        known.push_back(item.key());
      }
    }
    std::string guess = closest_match(key, known);
    std::string path = join_path(t.path, key);
    if (guess.empty()) {
      report(at, path, Msg::schema_unknown_property, {key});
    } else {
      report(at, path, Msg::schema_unknown_property_suggest, {key, guess});
    }
  }

  void bad_enum(const Target& t, const json* schema) {
    std::vector<std::string> values;
    std::string listed;
    if (schema != nullptr && schema->contains("enum")) {
      for (const json& v : (*schema)["enum"]) {
        values.push_back(v.is_string() ? v.get<std::string>() : v.dump());
        listed += (listed.empty() ? "" : ", ") + values.back();
      }
    }
    std::string value = t.node->is_scalar() ? t.node->text : "";
    std::string guess = closest_match(value, values);
    if (guess.empty()) {
      report(t.node->location, t.path, Msg::schema_enum, {value, listed});
    } else {
      report(t.node->location, t.path, Msg::schema_enum_suggest, {value, listed, guess});
    }
  }

  void bad_type(const Target& t, const json* schema) {
    std::string expected = "string";
    if (schema != nullptr && schema->contains("type") && (*schema)["type"].is_string()) {
      expected = (*schema)["type"].get<std::string>();
    }
    bool needs_quotes = expected == "string" && t.node->is_scalar();
    report(t.node->location, t.path, needs_quotes ? Msg::schema_type_quote_hint : Msg::schema_type,
           {type_term(expected), found_term(*t.node)});
  }

  const DataNode& root_;
  SchemaCursor schema_root_;
  const SchemaWalker& walker_;
  const SourceFile& file_;
  Diagnostics& out_;
};

} // namespace

void SchemaSet::check(const DataNode& root, SchemaKind kind, const SourceFile& file,
                      Diagnostics& out) const {
  // Patterns are compiled once with the schemas (text_constraint), not per Validator.
  valijson::Validator validator(valijson::Validator::kStrongTypes);
  valijson::ValidationResults results;
  validator.validate(impl_->schema(kind), DataNodeAdapter(root), &results);

  std::vector<valijson::ValidationResults::Error> errors(results.begin(), results.end());
  SchemaWalker walker(impl_->conference_doc, impl_->organization_doc);
  const json& doc = impl_->doc(kind);
  ErrorTranslator translator(root, {&doc, &doc}, walker, file, out);
  // valijson repeats each failure on every ancestor ("failed to validate item #2");
  // keep such an echo only when nothing more precise was said at or below it.
  std::set<std::vector<std::string>> explained;
  for (const auto& e : errors) {
    if (!is_echo(e.description)) {
      for (std::size_t n = 0; n <= e.context.size(); ++n) {
        explained.emplace(e.context.begin(), e.context.begin() + static_cast<std::ptrdiff_t>(n));
      }
    }
  }
  for (const auto& e : errors) {
    if (!is_echo(e.description) || !explained.contains(e.context)) {
      translator.translate(e);
    }
  }
}

} // namespace vanban
