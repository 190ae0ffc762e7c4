#pragma once
// What the statistics need of one conference, as plain values: small enough to
// keep for thousands of conferences, and written as one JSON line of a fragment
// file so that shards computed on different machines merge into one workbook.
#include <optional>
#include <string>
#include <vector>

#include "model/conference.hpp"

namespace vanban {

struct DirectiveRecord {
  int number = 0;
  std::string content;
  std::string lead;
  std::string support;
  std::optional<Date> deadline;
  std::string deadline_rule; ///< in words, "trước ngày 23 hàng tháng"
  DirectiveStatus status = DirectiveStatus::not_started;
  std::optional<Date> completed;
  std::string notes;
};

struct FigureRecord {
  std::string indicator_id;
  std::string indicator;
  std::string measure;
  std::string breakdown; ///< empty for the indicator's own value
  std::string part;
  double value = 0;
};

struct ConferenceRecord {
  std::string unit;             ///< the issuing body's name
  std::string quarter;          ///< quarter held, "2022-Q2"
  std::string month;            ///< month held, "2022-04"
  std::string reporting_period; ///< the period it reviews, "2022-Q1"
  DateTime start;
  std::string kind; ///< in words, "Sơ kết"
  std::string title;
  int attendees = 0; ///< persons present plus group head counts
  std::vector<DirectiveRecord> directives;
  std::vector<FigureRecord> figures;
};

ConferenceRecord make_record(const Conference& c);

/// The engine's own reading of "overdue as of a date", the same as the workbook
/// formula: not done or cancelled, and marked overdue or past a dated deadline.
bool overdue_as_of(const DirectiveRecord& d, const Date& as_of);

/// Records in the order the statistics list them; the same whatever order the
/// inputs came in, so that a merge of shards equals a single run.
void sort_records(std::vector<ConferenceRecord>& records);

/// One line of a fragment file (JSON, no newline inside).
std::string to_fragment_line(const ConferenceRecord& r);
/// Parse one line; nullopt with `error` set when it is not a record.
std::optional<ConferenceRecord> from_fragment_line(const std::string& line, std::string& error);

/// The first line of every fragment file.
constexpr const char* kFragmentHeader = R"({"format":"vanban-statistics-fragment","version":1})";

} // namespace vanban
