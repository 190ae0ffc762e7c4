#include <catch2/catch.hpp>

#include <set>
#include <string>

#include "base/diagnostic.hpp"
#include "base/messages.hpp"

using namespace vanban;

TEST_CASE("every message has a code and both wordings") {
  std::set<std::string> codes;
  for (int i = 0; i <= static_cast<int>(kLastMessage); ++i) {
    auto id = static_cast<Msg>(i);
    std::string code(message_code(id));
    CHECK_FALSE(code.empty());
    std::string en = render_message(id, Lang::en, {"A", "B", "C"});
    std::string vi = render_message(id, Lang::vi, {"A", "B", "C"});
    CHECK_FALSE(en.empty());
    CHECK_FALSE(vi.empty());
    CHECK(en != vi);
    // Wording style: no final full stop.
    CHECK(en.back() != '.');
    CHECK(vi.back() != '.');
    codes.insert(code);
  }
  CHECK(message_count() == static_cast<std::size_t>(kLastMessage) + 1);
}

TEST_CASE("bilingual arguments print in the message's language") {
  std::string arg = bilingual("văn bản", "text");
  CHECK(render_message(Msg::schema_type, Lang::en, {arg, "x"}) == "expected text, found x");
  CHECK(render_message(Msg::schema_type, Lang::vi, {arg, "x"}) == "cần văn bản, nhưng gặp x");
}

TEST_CASE("short format is file:line:col: error: path: message") {
  Diagnostic d{Severity::error,          "a.yaml",          {10, 3, 7},
               "directives[2].deadline", Msg::invalid_date, {"2022-02-30"}};
  CHECK(format_short(d, Lang::en) ==
        "a.yaml:3:7: error: directives[2].deadline: '2022-02-30' is not a real calendar date");
  d.path.clear();
  d.severity = Severity::warning;
  CHECK(format_short(d, Lang::vi) ==
        "a.yaml:3:7: warning: '2022-02-30' không phải là ngày có thật");
}

TEST_CASE("json diagnostics are valid JSON with escapes") {
  Diagnostic d{Severity::error, "a\"b.yaml", {0, 1, 2}, "p", Msg::schema_other, {"tab\there"}};
  std::string json = format_json({d}, Lang::en);
  CHECK(json.find("\"file\": \"a\\\"b.yaml\"") != std::string::npos);
  CHECK(json.find("tab\\there") != std::string::npos);
  CHECK(json.find("\"code\": \"schema-other\"") != std::string::npos);
  CHECK(format_json({}, Lang::en) == "[]\n");
}

TEST_CASE("diagnostics sort by position and drop exact duplicates") {
  Diagnostics ds;
  ds.error("a", {0, 5, 1}, "", Msg::input_empty);
  ds.error("a", {0, 2, 1}, "", Msg::input_empty);
  ds.error("a", {0, 5, 1}, "", Msg::input_empty);
  ds.sort_unique();
  REQUIRE(ds.items().size() == 2);
  CHECK(ds.items()[0].location.line == 2);
}
