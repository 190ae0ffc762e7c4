#include <catch2/catch.hpp>

#include <chrono>

#include "load/yaml_loader.hpp"

using namespace vanban;

namespace {
struct Parsed {
  std::optional<DataNode> root;
  Diagnostics diagnostics;
};

Parsed parse(const std::string& text, LoadLimits limits = {}) {
  static std::vector<std::unique_ptr<SourceFile>> keep; // diagnostics outlive the call
  keep.push_back(std::make_unique<SourceFile>("t.yaml", text));
  Parsed p;
  p.root = parse_yaml(*keep.back(), limits, p.diagnostics);
  return p;
}

Msg first_message(const Parsed& p) {
  REQUIRE_FALSE(p.diagnostics.items().empty());
  return p.diagnostics.items().front().message;
}
} // namespace

TEST_CASE("mappings, sequences and scalars keep positions and quoting") {
  auto p = parse("a: 1\nb:\n  - x\n  - \"y\"\nc: ~\n");
  REQUIRE(p.root);
  REQUIRE(p.root->is_mapping());
  REQUIRE(p.root->entries.size() == 3);
  const DataEntry& b = p.root->entries[1];
  CHECK(b.key == "b");
  CHECK(b.key_location.line == 2);
  REQUIRE(b.value.is_sequence());
  CHECK(b.value.items[0].text == "x");
  CHECK_FALSE(b.value.items[0].quoted);
  CHECK(b.value.items[1].quoted);
  CHECK(b.value.items[1].location.line == 4);
  CHECK(b.value.items[1].location.column == 5);
  CHECK(p.root->find("c")->is_null());
  CHECK(p.diagnostics.items().empty());
}

TEST_CASE("columns are counted in characters, not bytes") {
  auto p = parse("k: [Đảng, ủy, x]\n");
  REQUIRE(p.root);
  const DataNode& seq = p.root->entries[0].value;
  CHECK(seq.items[2].location.column == 15);
}

TEST_CASE("decomposed input is normalized to NFC in keys and values") {
  auto p = parse("Thu\xCC\xA3y: Nguye\xCC\x82\xCC\x83n\n");
  REQUIRE(p.root);
  CHECK(p.root->entries[0].key == "Thụy");
  CHECK(p.root->entries[0].value.text == "Nguyễn");
  CHECK(p.diagnostics.items().empty());
}

TEST_CASE("duplicate keys are reported at the second key, the first value kept") {
  auto p = parse("a: 1\nb: 2\na: 3\n");
  REQUIRE(p.root);
  CHECK(first_message(p) == Msg::yaml_duplicate_key);
  CHECK(p.diagnostics.items()[0].location.line == 3);
  CHECK(p.diagnostics.items()[0].args == std::vector<std::string>{"a", "1"});
  CHECK(p.root->find("a")->text == "1");
}

TEST_CASE("aliases are refused, so a billion laughs costs nothing") {
  std::string lol = "a: &a [x, x, x, x, x, x, x, x, x]\n";
  std::string prev = "a";
  for (char c = 'b'; c <= 'j'; ++c) {
    std::string name(1, c);
    lol += name + ": &" + name + " [";
    for (int i = 0; i < 9; ++i) {
      lol += (i ? ", *" : "*") + prev;
    }
    lol += "]\n";
    prev = name;
  }
  auto t0 = std::chrono::steady_clock::now();
  auto p = parse(lol);
  CHECK(first_message(p) == Msg::yaml_alias);
  CHECK(p.diagnostics.items()[0].args[0] == "a");
  CHECK(std::chrono::steady_clock::now() - t0 <
        std::chrono::seconds(5)); // a hang guard, not a benchmark
}

TEST_CASE("nesting is bounded with a clear message") {
  auto flow = parse(std::string(10000, '[') + std::string(10000, ']'));
  CHECK_FALSE(flow.root);
  CHECK(first_message(flow) == Msg::yaml_too_deep);
  CHECK(flow.diagnostics.items()[0].location.column == 65);

  std::string block;
  for (int i = 0; i < 100; ++i) {
    block += std::string(static_cast<std::size_t>(i) * 2, ' ') + "k:\n";
  }
  auto b = parse(block);
  CHECK(first_message(b) == Msg::yaml_too_deep);
  CHECK(b.diagnostics.items()[0].location.line == 65);
}

TEST_CASE("bytes that are not UTF-8 text stop the file early") {
  CHECK(first_message(parse("a: b\xFF\n")) == Msg::invalid_utf8);
  CHECK(first_message(parse(std::string("a: b\0c", 6))) == Msg::input_has_nul);
  CHECK(first_message(parse("\xFF\xFE"
                            "a\0:\0",
                            {})) == Msg::input_utf16);
  CHECK(first_message(parse("")) == Msg::input_empty);
  CHECK(first_message(parse("# only a comment\n")) == Msg::input_empty);
  LoadLimits small;
  small.max_bytes = 4;
  CHECK(first_message(parse("a: 12345\n", small)) == Msg::input_too_large);
}

TEST_CASE("syntax errors, tabs and second documents") {
  auto unclosed = parse("a: [1, 2\nb: 3\n");
  CHECK(first_message(unclosed) == Msg::yaml_unclosed_flow);
  CHECK(unclosed.diagnostics.items()[0].location.line == 1);
  CHECK(unclosed.diagnostics.items()[0].location.column == 4);
  auto syntax = parse("a: b\n- c\n");
  CHECK(first_message(syntax) == Msg::yaml_syntax);
  auto quote = parse("a: \"open\nb: c\n");
  CHECK(first_message(quote) == Msg::yaml_unclosed_quote);
  CHECK(quote.diagnostics.items()[0].location.column == 4);
  auto tab = parse("a:\n\tb: 1\n");
  CHECK(first_message(tab) == Msg::yaml_tab_indent);
  CHECK(tab.diagnostics.items()[0].location.line == 2);
  CHECK(tab.diagnostics.items()[0].location.column == 1);
  auto two = parse("a: 1\n---\nb: 2\n");
  CHECK(first_message(two) == Msg::yaml_multiple_documents);
  CHECK(two.diagnostics.items()[0].location.line == 2);
}

TEST_CASE("control characters and stray marks are reported at the node") {
  auto ctl = parse("a: \"x\\x01y\"\n");
  CHECK(first_message(ctl) == Msg::control_character);
  CHECK(ctl.diagnostics.items()[0].args[0] == "U+0001");
  auto mark = parse("a: e\xCC\x81\xCC\x82\n");
  CHECK(first_message(mark) == Msg::leftover_combining_mark);
  CHECK(mark.diagnostics.items()[0].args[0] == "U+0302");
}

TEST_CASE("a byte order mark is stripped") {
  CHECK(strip_bom("\xEF\xBB\xBF"
                  "a: 1") == "a: 1");
  CHECK(strip_bom("a: 1") == "a: 1");
}
