#pragma once
// The conference as plain values: what every document, workbook and statistic is
// made from. Built by validate/, read by every later stage; text is NFC UTF-8.
#include <optional>
#include <string>
#include <vector>

namespace vanban {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
};

struct DateTime {
  Date date;
  int hour = 0;
  int minute = 0;
  auto operator<=>(const DateTime&) const = default;
};

bool is_real_date(int year, int month, int day);
/// "2022-04-07"
std::string iso_string(const Date& d);
/// "2022-04-07T08:30"
std::string iso_string(const DateTime& t);

enum class Standard { party, state };

/// Who issues the documents (an organization profile or inline).
struct Issuer {
  std::string parent; ///< may be empty (state documents of a ward)
  std::string name;
  std::string symbol;
  std::string place;
  std::string office;
};

enum class ConferenceKind {
  review,
  year_end_review,
  thematic,
  launch,
  working_session,
  regular,
  extraordinary,
  briefing,
  other
};
enum class MeetingFormat { in_person, online, hybrid };

/// A reporting period: a year, quarter, half-year or month.
struct Period {
  enum class Span { year, quarter, half, month };
  int year = 0;
  Span span = Span::year;
  int index = 0; ///< quarter 1–4, half 1–2, month 1–12; 0 for a year
  auto operator<=>(const Period&) const = default;
  Date first_day() const;
  std::string code() const; ///< "2022-Q1"
};

enum class Role { chair, secretary, presenter, member, guest };
enum class Attendance { present, absent_with_permission, absent_without_permission, delegated };

struct Person {
  std::string id;
  std::string name;
  std::vector<std::string> titles;
  std::string unit;
  Role role = Role::member;
  Attendance attendance = Attendance::present;
  std::string reason;
  std::string delegate;
};

struct AttendeeGroup {
  std::string name;
  std::optional<int> count;
  Role role = Role::member; ///< member or guest
};

/// A run of text with one emphasis, from the inline syntax **bold**, *italic*, __underline__.
struct TextRun {
  std::string text;
  bool bold = false;
  bool italic = false;
  bool underline = false;
  bool operator==(const TextRun&) const = default;
};
using RichText = std::vector<TextRun>;
/// The runs joined without emphasis.
std::string plain_text(const RichText& text);

struct AgendaItem {
  std::string title;
  std::string presenter; ///< person id, may be empty
};

struct Opinion {
  std::string speaker; ///< person id
  RichText summary;
};

struct Vote {
  std::string method;
  int in_favour = 0;
  std::optional<int> against;
  std::optional<int> abstain;
};

struct Discussion {
  std::optional<int> opinions;
  RichText summary;
  std::vector<Opinion> speakers;
  std::optional<Vote> vote;
};

struct ConclusionSection {
  std::string heading;
  std::vector<RichText> paragraphs;
};

struct Conclusions {
  RichText opening;
  std::vector<ConclusionSection> sections;
  std::string directives_heading;
  RichText closing;
};

struct Assignee {
  std::string unit;
  bool lead = true;
};

enum class Recurrence { week, month, quarter, year, ongoing };
struct DeadlineRule {
  Recurrence every = Recurrence::month;
  std::optional<int> day;
};

enum class DirectiveStatus { not_started, in_progress, done, overdue, cancelled };

struct Directive {
  int number = 0;
  std::vector<Assignee> assignees;
  RichText content;
  std::optional<Date> deadline;
  std::optional<DeadlineRule> deadline_rule;
  DirectiveStatus status = DirectiveStatus::not_started;
  std::optional<Date> completed;
  std::string notes;
};

struct Breakdown;
struct BreakdownPart {
  std::string label;
  double value = 0;
  std::vector<Breakdown> breakdowns;
};
struct Breakdown {
  std::string by;
  std::vector<BreakdownPart> parts;
};

struct Indicator {
  std::string id;
  std::string name;
  std::string unit;
  double value = 0;
  std::vector<Breakdown> breakdowns;
};

struct Signer {
  std::string authority;
  std::string title;
  std::string name;
};

enum class DocumentKind { notice, minutes, report, workbook };
enum class Urgency { none, urgent, very_urgent, immediate };
enum class Secrecy { none, confidential, secret, top_secret };

/// One document to issue. A draft has no number and no date.
struct DocumentSpec {
  DocumentKind kind = DocumentKind::notice;
  std::optional<int> number;
  std::optional<Date> date;
  std::string summary;
  std::optional<Signer> signer;
  std::vector<std::string> recipients;
  Urgency urgency = Urgency::none;
  Secrecy secrecy = Secrecy::none;
};

struct ConferenceInfo {
  ConferenceKind kind = ConferenceKind::other;
  std::string title;
  std::string convener;
  Period period;
  DateTime start;
  std::optional<DateTime> end;
  std::string venue;
  MeetingFormat format = MeetingFormat::in_person;
  std::vector<std::string> chairs; ///< person ids
  std::string secretary;           ///< person id, may be empty
  std::string purpose;
  std::vector<std::string> materials;
};

/// Everything one conference file says, checked and normalized.
struct Conference {
  std::string source; ///< the data file's path as given
  Standard standard = Standard::party;
  Issuer issuer;
  ConferenceInfo info;
  std::vector<Person> attendees;
  std::vector<AttendeeGroup> groups;
  std::vector<AgendaItem> agenda;
  Discussion discussion;
  Conclusions conclusions;
  std::vector<Directive> directives;
  std::vector<Indicator> indicators;
  std::vector<DocumentSpec> documents;

  const Person* person(const std::string& id) const;
};

} // namespace vanban
