#include <catch2/catch.hpp>

#include <algorithm>

#include "stats/record.hpp"

using namespace vanban;

namespace {

ConferenceRecord record(const std::string& unit, int day, const std::string& title) {
  ConferenceRecord r;
  r.unit = unit;
  r.start = {{2022, 4, day}, 8, 0};
  r.title = title;
  return r;
}

std::vector<std::string> lines(const std::vector<ConferenceRecord>& records) {
  std::vector<std::string> out;
  for (const ConferenceRecord& r : records)
    out.push_back(to_fragment_line(r));
  return out;
}

} // namespace

TEST_CASE("records sort by unit, start, then their whole content, whatever the input order") {
  // Three records share unit and start: only their content can order them.
  std::vector<ConferenceRecord> records = {record("Phường B", 7, "c"), record("Phường A", 9, "x"),
                                           record("Phường B", 7, "a"), record("Phường A", 3, "y"),
                                           record("Phường B", 7, "b"), record("Phường B", 1, "z")};
  std::vector<ConferenceRecord> reversed(records.rbegin(), records.rend());
  sort_records(records);
  sort_records(reversed);
  REQUIRE(lines(records) == lines(reversed));

  std::vector<std::string> titles;
  for (const ConferenceRecord& r : records)
    titles.push_back(r.unit + " " + std::to_string(r.start.date.day) + " " + r.title);
  CHECK(titles == std::vector<std::string>{"Phường A 3 y", "Phường A 9 x", "Phường B 1 z",
                                           "Phường B 7 a", "Phường B 7 b", "Phường B 7 c"});
}
