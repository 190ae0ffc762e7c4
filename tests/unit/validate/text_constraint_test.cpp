#include <catch2/catch.hpp>

#include <random>
#include <regex>

#include "validate/text_constraint.hpp"

using namespace vanban;

namespace {

/// Strings near the forms our patterns accept: valid examples with one or two
/// characters changed, inserted or removed, and short random strings.
std::vector<std::string> near_misses(std::mt19937& random) {
  const std::vector<std::string> examples = {"orgs/dang-uy.yaml",
                                             "a.yml",
                                             "tham-ba-phuoc",
                                             "a1",
                                             "2022-04-07",
                                             "2022-04-07T08:30",
                                             "2022-04-07 08:30",
                                             "2022",
                                             "2022-Q1",
                                             "2022-H2",
                                             "2022-10",
                                             "ĐU",
                                             "UBND",
                                             "Nhiệm vụ",
                                             "status",
                                             "deadline_rule",
                                             ""};
  const std::vector<std::string> pieces = {"0", "1",  "2", "9", "-",    "Q",    "H", "T", " ",
                                           ":", "a",  "z", "A", "Z",    "_",    ".", "y", "m",
                                           "l", "\n", "Đ", "đ", "\xC4", "\x90", "é", "/", "\\",
                                           "?", "*",  "[", "]", "'",    "-Q",   "--"};
  std::vector<std::string> out;
  auto pick = [&](std::size_t n) {
    return std::uniform_int_distribution<std::size_t>(0, n - 1)(random);
  };
  for (int round = 0; round < 4000; ++round) {
    std::string s = examples[pick(examples.size())];
    for (std::size_t edits = 1 + pick(2); edits > 0; --edits) {
      std::size_t at = s.empty() ? 0 : pick(s.size() + 1);
      switch (pick(3)) {
      case 0: s.insert(at, pieces[pick(pieces.size())]); break;
      case 1:
        if (at < s.size())
          s.erase(at, 1);
        break;
      default:
        if (at < s.size())
          s.replace(at, 1, pieces[pick(pieces.size())]);
      }
    }
    out.push_back(s);
    std::string random_text;
    for (std::size_t n = pick(9); n > 0; --n)
      random_text += pieces[pick(pieces.size())];
    out.push_back(random_text);
  }
  for (const std::string& e : examples) {
    out.push_back(e);
    out.push_back(e + "\n");
    out.push_back("\n" + e);
    out.push_back(e + std::string(1, '\0'));
  }
  return out;
}

} // namespace

TEST_CASE("native pattern matchers agree with std::regex_search") {
  const char* patterns[] = {
      R"(\.ya?ml$)",
      "^[a-z0-9]+(?:-[a-z0-9]+)*$",
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
      "^[0-9]{4}-[0-9]{2}-[0-9]{2}[T ][0-9]{2}:[0-9]{2}$",
      "^[0-9]{4}(?:-Q[1-4]|-H[12]|-(?:0[1-9]|1[0-2]))?$",
      "^(?:[A-Z]|Đ)+$",
      R"(^[^:\\/?*\[\]']+$)",
      "^[a-z_]+$",
  };
  std::mt19937 random(7);
  std::vector<std::string> texts = near_misses(random);
  for (const char* pattern : patterns) {
    PatternMatcher native = native_pattern(pattern);
    REQUIRE(native != nullptr);
    std::regex regex(pattern);
    std::size_t accepted = 0;
    for (const std::string& text : texts) {
      INFO(pattern << " on \"" << text << "\"");
      bool expected = std::regex_search(text, regex);
      REQUIRE(native(text) == expected);
      accepted += expected ? 1 : 0;
    }
    CHECK(accepted > 0); // the texts reach both answers of every pattern
    CHECK(accepted < texts.size());
  }
}

TEST_CASE("a pattern without a native matcher is left to std::regex") {
  CHECK(native_pattern("^[0-9]+$") == nullptr);
}

TEST_CASE("text keywords are gathered in every subschema, and only there") {
  auto schema = nlohmann::json::parse(R"({
    "type": "object",
    "properties": {
      "pattern": {"type": "string", "minLength": 1, "pattern": "^a$"},
      "list": {"type": "array", "items": {"maxLength": 3}}
    },
    "definitions": {"id": {"type": "string", "maxLength": 64, "pattern": "^b$"}}
  })");
  gather_text_keywords(schema);
  CHECK(schema["properties"]["pattern"] ==
        nlohmann::json::parse(
            R"({"type": "string", "vanban:text": {"minLength": 1, "pattern": "^a$"}})"));
  CHECK(schema["properties"]["list"]["items"] ==
        nlohmann::json::parse(R"({"vanban:text": {"maxLength": 3}})"));
  CHECK(schema["definitions"]["id"] ==
        nlohmann::json::parse(
            R"({"type": "string", "vanban:text": {"maxLength": 64, "pattern": "^b$"}})"));
  CHECK(schema["type"] == "object");
}
