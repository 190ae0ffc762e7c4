#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "load/yaml_loader.hpp"
#include "validate/schema_check.hpp"

using namespace vanban;
using nlohmann::json;

namespace {

json read_schema(const std::string& name) {
  std::ifstream in(std::string(VANBAN_SOURCE_DIR) + "/schemas/" + name);
  std::stringstream s;
  s << in.rdbuf();
  return json::parse(s.str());
}

/// Visit every schema object below `node` with its JSON pointer.
template <typename F> void walk(const json& node, const std::string& where, F&& visit) {
  if (node.is_object()) {
    visit(node, where);
    for (const auto& item : node.items()) {
      walk(item.value(), where + "/" + item.key(), visit);
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      walk(node[i], where + "/" + std::to_string(i), visit);
    }
  }
}

Diagnostics check(const std::string& yaml, SchemaKind kind = SchemaKind::conference) {
  static std::vector<std::unique_ptr<SourceFile>> keep;
  keep.push_back(std::make_unique<SourceFile>("t.yaml", yaml));
  Diagnostics out;
  auto root = parse_yaml(*keep.back(), {}, out);
  REQUIRE(root);
  SchemaSet::bundled().check(*root, kind, *keep.back(), out);
  out.sort_unique();
  return out;
}

} // namespace

TEST_CASE("schemas: every object is closed and every property is described in both languages") {
  for (const char* name :
       {"conference.schema.json", "organization.schema.json", "workbook.schema.json"}) {
    json schema = read_schema(name);
    CHECK(schema["$schema"] == "http://json-schema.org/draft-07/schema#");
    walk(schema, name, [&](const json& node, const std::string& where) {
      if (node.contains("properties")) {
        INFO(where);
        CHECK(node.value("additionalProperties", true) == false);
        for (const auto& prop : node["properties"].items()) {
          INFO(where + "/properties/" + prop.key());
          const json& p = prop.value();
          // A $ref-only property takes its description from the definition.
          const json* described = &p;
          if (!p.contains("description") && p.contains("$ref")) {
            std::string ref = p["$ref"];
            REQUIRE(ref.rfind("#/definitions/", 0) == 0);
            described = &schema["definitions"][ref.substr(14)];
          }
          REQUIRE(described->contains("description"));
          std::string text = (*described)["description"];
          CHECK(text.find(" — ") != std::string::npos);
        }
      }
    });
  }
}

TEST_CASE("schemas: every pattern compiles as valijson compiles it") {
  for (const char* name :
       {"conference.schema.json", "organization.schema.json", "workbook.schema.json"}) {
    walk(read_schema(name), name, [](const json& node, const std::string& where) {
      if (node.contains("pattern")) {
        INFO(where);
        CHECK_NOTHROW(std::regex(node["pattern"].get<std::string>()));
      }
    });
  }
}

TEST_CASE("schema: required property is reported at the mapping that lacks it") {
  auto d = check("standard: party\nconference:\n  kind: review\n");
  bool found = false;
  for (const Diagnostic& x : d.items()) {
    if (x.message == Msg::schema_required && x.args[0] == "title") {
      found = true;
      CHECK(x.path == "conference");
      CHECK(x.location.line == 3);
    }
  }
  CHECK(found);
}

TEST_CASE("schema: unknown keys get a suggestion at the key") {
  auto d = check("name: a\nsymbol: ĐU\nplace: x\nplaec: y\n", SchemaKind::organization);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == Msg::schema_unknown_property_suggest);
  CHECK(d.items()[0].args == std::vector<std::string>{"plaec", "place"});
  CHECK(d.items()[0].location.line == 4);
  CHECK(d.items()[0].location.column == 1);
}

TEST_CASE("schema: Vietnamese capitals in the symbol pattern") {
  CHECK(check("name: a\nsymbol: ĐU\nplace: x\n", SchemaKind::organization).items().empty());
  CHECK(check("name: a\nsymbol: UBND\nplace: x\n", SchemaKind::organization).items().empty());
  auto d = check("name: a\nsymbol: đu\nplace: x\n", SchemaKind::organization);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].message == Msg::schema_pattern);
}

TEST_CASE("schema: our typing rules, not YAML 1.1's") {
  // 012 is text (no octal), yes is text (no boolean), "3" quoted is text.
  auto d = check("name: a\nsymbol: ĐU\nplace: 012\noffice: yes\n", SchemaKind::organization);
  CHECK(d.items().empty());
  auto n = check("name: 1975\nsymbol: ĐU\nplace: x\n", SchemaKind::organization);
  REQUIRE(n.items().size() == 1);
  CHECK(n.items()[0].message == Msg::schema_type_quote_hint);
}

TEST_CASE("schema: of several unknown keys, the first by key order is named, as in JSON") {
  // valijson names one unknown key per mapping: the first it meets, and a JSON object
  // keeps its keys sorted, so "aab" (line 5), not "zzz" (line 4).
  auto d = check("name: a\nsymbol: ĐU\nplace: x\nzzz: 1\naab: 2\n", SchemaKind::organization);
  REQUIRE(d.items().size() == 1);
  CHECK(d.items()[0].args[0] == "aab");
  CHECK(d.items()[0].location.line == 5);
}

TEST_CASE("schema: text lengths count characters, patterns see the whole text") {
  auto long_id = check("standard: party\nconference:\n  chairs: [" + std::string(65, 'a') + "]\n");
  bool too_long = false;
  for (const Diagnostic& x : long_id.items())
    too_long = too_long || (x.message == Msg::schema_too_long_text && x.args[0] == "64");
  CHECK(too_long);
  // 200 Vietnamese letters are 200 characters (400 bytes): just within "name" (200).
  std::string name;
  for (int i = 0; i < 200; ++i)
    name += "Đ";
  CHECK(check("name: " + name + "\nsymbol: ĐU\nplace: x\n", SchemaKind::organization)
            .items()
            .empty());
  auto over = check("name: " + name + "a\nsymbol: ĐU\nplace: x\n", SchemaKind::organization);
  REQUIRE(over.items().size() == 1);
  CHECK(over.items()[0].message == Msg::schema_too_long_text);
  // A pattern anchored at both ends is not satisfied by a line of a longer text.
  auto two_lines = check("name: a\nsymbol: \"ĐU\\nX1\"\nplace: x\n", SchemaKind::organization);
  REQUIRE(two_lines.items().size() == 1);
  CHECK(two_lines.items()[0].message == Msg::schema_pattern);
}
