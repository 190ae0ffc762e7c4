#include "validate/model_builder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "base/text.hpp"
#include "model/inline_text.hpp"
#include "validate/json_typing.hpp"

namespace vanban {

namespace {

std::string join(const std::string& path, const std::string& key) {
  return path.empty() ? key : path + "." + key;
}
std::string index(const std::string& path, std::size_t i) {
  return path + "[" + std::to_string(i) + "]";
}

/// Value of `key` in a mapping, or nullptr when absent, null or not a mapping.
const DataNode* get(const DataNode* map, std::string_view key) {
  if (map == nullptr || !map->is_mapping()) {
    return nullptr;
  }
  const DataNode* v = map->find(key);
  return v != nullptr && !v->is_null() ? v : nullptr;
}

std::string text(const DataNode* n) {
  return n != nullptr && n->is_scalar() ? n->text : "";
}

std::optional<long long> integer(const DataNode* n) {
  if (n == nullptr || !n->is_scalar()) {
    return std::nullopt;
  }
  auto v = scalar_to_json(*n);
  if (!v.is_number_integer()) {
    return std::nullopt;
  }
  return v.get<long long>();
}

std::optional<double> number(const DataNode* n) {
  if (n == nullptr || !n->is_scalar()) {
    return std::nullopt;
  }
  auto v = scalar_to_json(*n);
  if (!v.is_number()) {
    return std::nullopt;
  }
  return v.get<double>();
}

std::vector<const DataNode*> items(const DataNode* n) {
  std::vector<const DataNode*> out;
  if (n != nullptr && n->is_sequence()) {
    for (const DataNode& item : n->items) {
      out.push_back(&item);
    }
  }
  return out;
}

template <typename Enum, std::size_t N>
Enum choose(const DataNode* n, const std::pair<const char*, Enum> (&table)[N], Enum fallback) {
  std::string value = text(n);
  for (const auto& [name, e] : table) {
    if (value == name) {
      return e;
    }
  }
  return fallback;
}

std::string format_number(double v) {
  if (std::floor(v) == v && std::fabs(v) < 1e15) {
    return std::to_string(static_cast<long long>(v));
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

class Builder {
public:
  Builder(const SourceFile& file, Conference& c, Diagnostics& out, const Limits& limits)
      : file_(file), c_(c), out_(out), limits_(limits) {}

  void build(const DataNode& root) {
    check_count(get(&root, "attendees"), "attendees", limits_.attendees, "attendees");
    check_count(get(&root, "directives"), "directives", limits_.directives, "directives");
    c_.standard = choose(get(&root, "standard"), kStandards, Standard::party);
    info(get(&root, "conference"), "conference");
    attendees(get(&root, "attendees"));
    groups(get(&root, "attendee_groups"));
    agenda(get(&root, "agenda"));
    discussion(get(&root, "discussion"));
    conclusions(get(&root, "conclusions"));
    directives(get(&root, "directives"));
    indicators(get(&root, "indicators"));
    documents(get(&root, "documents"));
    check_references(get(&root, "conference"));
  }

private:
  static constexpr std::pair<const char*, Standard> kStandards[] = {{"party", Standard::party},
                                                                    {"state", Standard::state}};

  void error(const DataNode* at, const std::string& path, Msg msg,
             std::vector<std::string> args = {}) {
    out_.error(file_.name(), at != nullptr ? at->location : Location{}, path, msg, std::move(args));
  }
  void warning(const DataNode* at, const std::string& path, Msg msg,
               std::vector<std::string> args = {}) {
    out_.warning(file_.name(), at != nullptr ? at->location : Location{}, path, msg,
                 std::move(args));
  }

  void check_count(const DataNode* list, const char* path, std::size_t limit, const char* name) {
    if (list != nullptr && list->is_sequence() && list->items.size() > limit) {
      error(list, path, Msg::limit_exceeded,
            {bilingual("số mục", "items"), std::to_string(list->items.size()),
             std::to_string(limit), name});
    }
  }

  // ---- values ---------------------------------------------------------------

  std::optional<Date> date(const DataNode* n, const std::string& path) {
    std::string s = text(n);
    int y = 0, m = 0, d = 0;
    char tail = 0;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
      return std::nullopt; // wrong form: the schema has said so
    }
    if (!is_real_date(y, m, d)) {
      error(n, path, Msg::invalid_date, {s});
      return std::nullopt;
    }
    return Date{y, m, d};
  }

  std::optional<DateTime> datetime(const DataNode* n, const std::string& path) {
    std::string s = text(n);
    if (s.size() != 16) {
      return std::nullopt;
    }
    auto day = date_of_prefix(n, s.substr(0, 10), path);
    int h = 0, mi = 0;
    if (std::sscanf(s.c_str() + 11, "%2d:%2d", &h, &mi) != 2) {
      return std::nullopt;
    }
    if (h > 23 || mi > 59) {
      error(n, path, Msg::invalid_time, {s.substr(11)});
      return std::nullopt;
    }
    if (!day) {
      return std::nullopt;
    }
    return DateTime{*day, h, mi};
  }

  std::optional<Date> date_of_prefix(const DataNode* n, const std::string& s,
                                     const std::string& path) {
    int y = 0, m = 0, d = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3) {
      return std::nullopt;
    }
    if (!is_real_date(y, m, d)) {
      error(n, path, Msg::invalid_date, {s});
      return std::nullopt;
    }
    return Date{y, m, d};
  }

  RichText rich(const DataNode* n, const std::string& path) {
    if (n == nullptr || !n->is_scalar()) {
      return {};
    }
    if (std::size_t chars = code_point_count(n->text); chars > limits_.paragraph_chars) {
      error(n, path, Msg::limit_exceeded,
            {bilingual("độ dài đoạn văn", "paragraph length"), std::to_string(chars),
             std::to_string(limits_.paragraph_chars), "paragraph-chars"});
    }
    InlineParse parsed = parse_inline(n->text);
    if (parsed.error) {
      std::string literal = parsed.error->marker.substr(0, 1);
      error(n, path, Msg::emphasis_unclosed,
            {parsed.error->marker, std::to_string(parsed.error->column), literal});
    }
    return std::move(parsed.runs);
  }

  // ---- sections of the file -------------------------------------------------

  void info(const DataNode* n, const std::string& path) {
    static constexpr std::pair<const char*, ConferenceKind> kKinds[] = {
        {"review", ConferenceKind::review},
        {"year_end_review", ConferenceKind::year_end_review},
        {"thematic", ConferenceKind::thematic},
        {"launch", ConferenceKind::launch},
        {"working_session", ConferenceKind::working_session},
        {"regular", ConferenceKind::regular},
        {"extraordinary", ConferenceKind::extraordinary},
        {"briefing", ConferenceKind::briefing},
        {"other", ConferenceKind::other}};
    static constexpr std::pair<const char*, MeetingFormat> kFormats[] = {
        {"in_person", MeetingFormat::in_person},
        {"online", MeetingFormat::online},
        {"hybrid", MeetingFormat::hybrid}};
    ConferenceInfo& i = c_.info;
    i.kind = choose(get(n, "kind"), kKinds, ConferenceKind::other);
    i.title = text(get(n, "title"));
    i.convener = text(get(n, "convener"));
    i.venue = text(get(n, "venue"));
    i.format = choose(get(n, "format"), kFormats, MeetingFormat::in_person);
    i.purpose = text(get(n, "purpose"));
    for (const DataNode* m : items(get(n, "materials"))) {
      i.materials.push_back(text(m));
    }
    for (const DataNode* chair : items(get(n, "chairs"))) {
      i.chairs.push_back(text(chair));
    }
    i.secretary = text(get(n, "secretary"));
    period(get(n, "period"), join(path, "period"));
    auto start = datetime(get(n, "start"), join(path, "start"));
    auto end = datetime(get(n, "end"), join(path, "end"));
    if (start) {
      i.start = *start;
      start_known_ = true;
    }
    i.end = end;
    if (start && end && *end <= *start) {
      error(get(n, "end"), join(path, "end"), Msg::end_not_after_start,
            {iso_string(*end), iso_string(*start)});
    }
    if (start && period_known_ && c_.info.period.first_day() > start->date) {
      warning(get(n, "period"), join(path, "period"), Msg::period_after_conference,
              {c_.info.period.code(), iso_string(start->date)});
    }
  }

  void period(const DataNode* n, const std::string&) {
    std::string s = text(n);
    Period p;
    char kind = 0;
    int index = 0;
    if (std::sscanf(s.c_str(), "%4d", &p.year) != 1) {
      return;
    }
    if (s.size() == 4) {
      p.span = Period::Span::year;
    } else if (s.size() == 7 && std::sscanf(s.c_str() + 5, "%c%d", &kind, &index) == 2) {
      if (kind == 'Q') {
        p.span = Period::Span::quarter;
      } else if (kind == 'H') {
        p.span = Period::Span::half;
      } else {
        p.span = Period::Span::month;
        index = std::atoi(s.c_str() + 5);
      }
      p.index = index;
    } else {
      return;
    }
    int last = p.span == Period::Span::quarter ? 4 : p.span == Period::Span::half ? 2 : 12;
    if (p.span != Period::Span::year && (p.index < 1 || p.index > last)) {
      return; // not a period: the schema's pattern has said so
    }
    c_.info.period = p;
    period_known_ = true;
  }

  void attendees(const DataNode* n) {
    static constexpr std::pair<const char*, Role> kRoles[] = {{"chair", Role::chair},
                                                              {"secretary", Role::secretary},
                                                              {"presenter", Role::presenter},
                                                              {"member", Role::member},
                                                              {"guest", Role::guest}};
    static constexpr std::pair<const char*, Attendance> kAttendance[] = {
        {"present", Attendance::present},
        {"absent_with_permission", Attendance::absent_with_permission},
        {"absent_without_permission", Attendance::absent_without_permission},
        {"delegated", Attendance::delegated}};
    std::size_t i = 0;
    for (const DataNode* p : items(n)) {
      std::string path = index("attendees", i++);
      Person person;
      person.id = text(get(p, "id"));
      person.name = text(get(p, "name"));
      for (const DataNode* t : items(get(p, "titles"))) {
        person.titles.push_back(text(t));
      }
      person.unit = text(get(p, "unit"));
      person.role = choose(get(p, "role"), kRoles, Role::member);
      person.attendance = choose(get(p, "attendance"), kAttendance, Attendance::present);
      person.reason = text(get(p, "reason"));
      person.delegate = text(get(p, "delegate"));
      check_attendance(p, path, person);
      if (!person.id.empty()) {
        auto [it, fresh] = ids_.emplace(person.id, get(p, "id")->location.line);
        if (!fresh) {
          error(get(p, "id"), join(path, "id"), Msg::duplicate_id,
                {person.id, std::to_string(it->second)});
        }
      }
      c_.attendees.push_back(std::move(person));
    }
  }

  void check_attendance(const DataNode* p, const std::string& path, const Person& person) {
    const char* names[] = {"present", "absent_with_permission", "absent_without_permission",
                           "delegated"};
    std::string given = text(get(p, "attendance"));
    if (!given.empty() && std::find(std::begin(names), std::end(names), given) == std::end(names)) {
      return; // an attendance the schema rejected: nothing to compare with
    }
    if (!person.delegate.empty() && person.attendance != Attendance::delegated) {
      error(get(p, "delegate"), join(path, "delegate"), Msg::delegate_not_delegated,
            {names[static_cast<int>(person.attendance)]});
    }
    if (person.attendance == Attendance::absent_with_permission && person.reason.empty()) {
      error(p, path, Msg::reason_required);
    }
    if (person.attendance == Attendance::delegated && person.delegate.empty()) {
      error(p, path, Msg::delegate_required);
    }
    if (person.attendance == Attendance::present && !person.reason.empty()) {
      error(get(p, "reason"), join(path, "reason"), Msg::reason_not_absent,
            {names[static_cast<int>(person.attendance)]});
    }
  }

  void groups(const DataNode* n) {
    static constexpr std::pair<const char*, Role> kRoles[] = {{"member", Role::member},
                                                              {"guest", Role::guest}};
    for (const DataNode* g : items(n)) {
      AttendeeGroup group;
      group.name = text(get(g, "name"));
      if (auto count = integer(get(g, "count"))) {
        group.count = static_cast<int>(*count);
      }
      group.role = choose(get(g, "role"), kRoles, Role::member);
      c_.groups.push_back(std::move(group));
    }
  }

  void agenda(const DataNode* n) {
    std::size_t i = 0;
    for (const DataNode* a : items(n)) {
      c_.agenda.push_back({text(get(a, "title")), text(get(a, "presenter"))});
      refer(get(a, "presenter"), join(index("agenda", i++), "presenter"));
    }
  }

  void discussion(const DataNode* n) {
    Discussion& d = c_.discussion;
    if (auto count = integer(get(n, "opinions"))) {
      d.opinions = static_cast<int>(*count);
    }
    d.summary = rich(get(n, "summary"), "discussion.summary");
    std::size_t i = 0;
    for (const DataNode* s : items(get(n, "speakers"))) {
      std::string path = index("discussion.speakers", i++);
      refer(get(s, "speaker"), join(path, "speaker"));
      d.speakers.push_back(
          {text(get(s, "speaker")), rich(get(s, "summary"), join(path, "summary"))});
    }
    if (const DataNode* v = get(n, "vote")) {
      Vote vote;
      vote.method = text(get(v, "method"));
      vote.in_favour = static_cast<int>(integer(get(v, "for")).value_or(0));
      if (auto a = integer(get(v, "against")))
        vote.against = static_cast<int>(*a);
      if (auto a = integer(get(v, "abstain")))
        vote.abstain = static_cast<int>(*a);
      d.vote = vote;
    }
  }

  void conclusions(const DataNode* n) {
    Conclusions& c = c_.conclusions;
    c.opening = rich(get(n, "opening"), "conclusions.opening");
    c.closing = rich(get(n, "closing"), "conclusions.closing");
    c.directives_heading = text(get(n, "directives_heading"));
    if (c.directives_heading.empty()) {
      c.directives_heading = "Nhiệm vụ trọng tâm thời gian tới";
    }
    std::size_t i = 0;
    for (const DataNode* s : items(get(n, "sections"))) {
      std::string path = index("conclusions.sections", i++);
      ConclusionSection section;
      section.heading = text(get(s, "heading"));
      std::size_t k = 0;
      for (const DataNode* p : items(get(s, "paragraphs"))) {
        section.paragraphs.push_back(rich(p, index(join(path, "paragraphs"), k++)));
      }
      c.sections.push_back(std::move(section));
    }
  }

  void directives(const DataNode* n) {
    static constexpr std::pair<const char*, DirectiveStatus> kStatus[] = {
        {"not_started", DirectiveStatus::not_started},
        {"in_progress", DirectiveStatus::in_progress},
        {"done", DirectiveStatus::done},
        {"overdue", DirectiveStatus::overdue},
        {"cancelled", DirectiveStatus::cancelled}};
    static constexpr std::pair<const char*, Recurrence> kEvery[] = {
        {"week", Recurrence::week},
        {"month", Recurrence::month},
        {"quarter", Recurrence::quarter},
        {"year", Recurrence::year},
        {"ongoing", Recurrence::ongoing}};
    std::map<long long, std::uint32_t> numbers;
    int expected = 1;
    std::size_t i = 0;
    for (const DataNode* d : items(n)) {
      std::string path = index("directives", i++);
      Directive directive;
      directive.number = expected;
      if (auto explicit_number = integer(get(d, "number"))) {
        directive.number = static_cast<int>(*explicit_number);
        const DataNode* at = get(d, "number");
        auto [it, fresh] = numbers.emplace(*explicit_number, at->location.line);
        if (!fresh) {
          error(at, join(path, "number"), Msg::directive_number_duplicate,
                {std::to_string(*explicit_number), std::to_string(it->second)});
        } else if (*explicit_number != expected) {
          error(at, join(path, "number"), Msg::directive_number_gap,
                {std::to_string(expected), std::to_string(*explicit_number)});
        }
      }
      expected = directive.number + 1;
      bool has_lead = false;
      for (const DataNode* a : items(get(d, "assignees"))) {
        Assignee assignee{text(get(a, "unit")), text(get(a, "role")) != "support"};
        has_lead = has_lead || assignee.lead;
        directive.assignees.push_back(std::move(assignee));
      }
      if (!directive.assignees.empty() && !has_lead) {
        error(get(d, "assignees"), join(path, "assignees"), Msg::directive_no_lead);
      }
      directive.content = rich(get(d, "content"), join(path, "content"));
      directive.deadline = date(get(d, "deadline"), join(path, "deadline"));
      if (const DataNode* rule = get(d, "deadline_rule")) {
        DeadlineRule r;
        r.every = choose(get(rule, "every"), kEvery, Recurrence::ongoing);
        if (auto day = integer(get(rule, "day"))) {
          r.day = static_cast<int>(*day);
        }
        directive.deadline_rule = r;
        if (get(d, "deadline") != nullptr) {
          error(rule, join(path, "deadline_rule"), Msg::deadline_and_rule);
        }
      }
      directive.status = choose(get(d, "status"), kStatus, DirectiveStatus::not_started);
      directive.completed = date(get(d, "completed"), join(path, "completed"));
      directive.notes = text(get(d, "notes"));
      check_completion(d, path, directive);
      c_.directives.push_back(std::move(directive));
    }
  }

  void check_completion(const DataNode* d, const std::string& path, const Directive& directive) {
    const char* names[] = {"not_started", "in_progress", "done", "overdue", "cancelled"};
    const DataNode* completed = get(d, "completed");
    std::string status = text(get(d, "status"));
    bool status_known =
        status.empty() || std::find(std::begin(names), std::end(names), status) != std::end(names);
    if (completed != nullptr && status_known && directive.status != DirectiveStatus::done) {
      error(completed, join(path, "completed"), Msg::completed_without_done,
            {names[static_cast<int>(directive.status)]});
    }
    if (completed == nullptr && directive.status == DirectiveStatus::done) {
      warning(get(d, "status"), join(path, "status"), Msg::done_without_completed);
    }
    if (directive.completed && start_known_ && *directive.completed < c_.info.start.date) {
      error(completed, join(path, "completed"), Msg::completed_before_conference,
            {iso_string(*directive.completed), iso_string(c_.info.start.date)});
    }
  }

  std::vector<Breakdown> breakdowns(const DataNode* n, const std::string& path, double total) {
    std::vector<Breakdown> out;
    std::size_t i = 0;
    for (const DataNode* b : items(n)) {
      std::string bpath = index(path, i++);
      Breakdown breakdown;
      breakdown.by = text(get(b, "by"));
      double sum = 0;
      bool all_known = true;
      std::size_t k = 0;
      for (const DataNode* p : items(get(b, "parts"))) {
        std::string ppath = index(join(bpath, "parts"), k++);
        BreakdownPart part;
        part.label = text(get(p, "label"));
        auto value = number(get(p, "value"));
        all_known = all_known && value.has_value();
        part.value = value.value_or(0);
        sum += part.value;
        part.breakdowns = breakdowns(get(p, "breakdowns"), join(ppath, "breakdowns"), part.value);
        breakdown.parts.push_back(std::move(part));
      }
      if (all_known && !breakdown.parts.empty() &&
          std::fabs(sum - total) > 1e-9 * std::max(1.0, total)) {
        error(b, bpath, Msg::breakdown_sum,
              {breakdown.by, format_number(sum), format_number(total)});
      }
      out.push_back(std::move(breakdown));
    }
    return out;
  }

  void indicators(const DataNode* n) {
    std::map<std::string, std::uint32_t> seen;
    std::size_t i = 0;
    for (const DataNode* d : items(n)) {
      std::string path = index("indicators", i++);
      Indicator indicator;
      indicator.id = text(get(d, "id"));
      indicator.name = text(get(d, "name"));
      indicator.unit = text(get(d, "unit"));
      auto value = number(get(d, "value"));
      indicator.value = value.value_or(0);
      if (value) {
        indicator.breakdowns =
            breakdowns(get(d, "breakdowns"), join(path, "breakdowns"), indicator.value);
      }
      if (!indicator.id.empty()) {
        auto [it, fresh] = seen.emplace(indicator.id, get(d, "id")->location.line);
        if (!fresh) {
          error(get(d, "id"), join(path, "id"), Msg::duplicate_id,
                {indicator.id, std::to_string(it->second)});
        }
      }
      c_.indicators.push_back(std::move(indicator));
    }
  }

  void documents(const DataNode* n) {
    static constexpr std::pair<const char*, DocumentKind> kKinds[] = {
        {"notice", DocumentKind::notice},
        {"minutes", DocumentKind::minutes},
        {"report", DocumentKind::report}};
    static constexpr std::pair<const char*, Urgency> kUrgency[] = {
        {"urgent", Urgency::urgent},
        {"very_urgent", Urgency::very_urgent},
        {"immediate", Urgency::immediate}};
    static constexpr std::pair<const char*, Secrecy> kSecrecy[] = {
        {"confidential", Secrecy::confidential},
        {"secret", Secrecy::secret},
        {"top_secret", Secrecy::top_secret}};
    std::map<std::string, std::uint32_t> kinds;
    std::size_t i = 0;
    for (const DataNode* d : items(n)) {
      std::string path = index("documents", i++);
      DocumentSpec doc;
      std::string kind = text(get(d, "kind"));
      doc.kind = choose(get(d, "kind"), kKinds, DocumentKind::notice);
      if (auto number = integer(get(d, "number"))) {
        doc.number = static_cast<int>(*number);
      }
      doc.date = date(get(d, "date"), join(path, "date"));
      doc.summary = text(get(d, "summary"));
      if (const DataNode* s = get(d, "signer")) {
        doc.signer = Signer{text(get(s, "authority")), text(get(s, "title")), text(get(s, "name"))};
      }
      for (const DataNode* r : items(get(d, "recipients"))) {
        doc.recipients.push_back(text(r));
      }
      doc.urgency = choose(get(d, "urgency"), kUrgency, Urgency::none);
      doc.secrecy = choose(get(d, "secrecy"), kSecrecy, Secrecy::none);
      if (!kind.empty()) {
        auto [it, fresh] = kinds.emplace(kind, get(d, "kind")->location.line);
        if (!fresh) {
          error(get(d, "kind"), join(path, "kind"), Msg::document_kind_twice,
                {kind, std::to_string(it->second)});
        }
      }
      check_document(d, path, kind, doc);
      c_.documents.push_back(std::move(doc));
    }
  }

  void check_document(const DataNode* d, const std::string& path, const std::string& kind,
                      const DocumentSpec& doc) {
    if (kind != "notice" && kind != "minutes" && kind != "report" && kind != "workbook") {
      return; // an unknown kind was reported by the schema; its rules are unknown too
    }
    bool signed_kind = doc.kind == DocumentKind::notice || doc.kind == DocumentKind::report;
    if (signed_kind && !doc.signer && !kind.empty()) {
      error(d, path, Msg::notice_needs_signer, {kind});
    }
    if (doc.number && get(d, "date") == nullptr) {
      error(d, path, Msg::number_without_date);
    }
    if (doc.date && start_known_ && *doc.date < c_.info.start.date) {
      error(get(d, "date"), join(path, "date"), Msg::issue_date_before_conference,
            {iso_string(*doc.date), iso_string(c_.info.start.date)});
    }
    if (doc.kind == DocumentKind::minutes && c_.info.secretary.empty() && kind == "minutes") {
      error(d, path, Msg::minutes_need_secretary);
    }
  }

  // ---- references -----------------------------------------------------------

  void refer(const DataNode* n, const std::string& path) {
    if (n != nullptr && n->is_scalar()) {
      pending_refs_.push_back({n, path});
    }
  }

  void check_references(const DataNode* info) {
    std::size_t i = 0;
    for (const DataNode* chair : items(get(info, "chairs"))) {
      pending_refs_.insert(pending_refs_.begin() + static_cast<std::ptrdiff_t>(i),
                           {chair, index("conference.chairs", i)});
      ++i;
    }
    refer(get(info, "secretary"), "conference.secretary");
    std::vector<std::string> known;
    for (const Person& p : c_.attendees) {
      known.push_back(p.id);
    }
    for (const auto& [node, path] : pending_refs_) {
      if (ids_.contains(node->text)) {
        continue;
      }
      std::string guess = closest_match(node->text, known);
      if (guess.empty()) {
        error(node, path, Msg::unknown_reference, {node->text});
      } else {
        error(node, path, Msg::unknown_reference_suggest, {node->text, guess});
      }
    }
    for (const std::string& id : c_.info.chairs) {
      const Person* chair = c_.person(id);
      if (chair != nullptr && chair->attendance != Attendance::present) {
        warning(get(info, "chairs"), "conference.chairs", Msg::chair_absent, {id});
      }
    }
  }

  const SourceFile& file_;
  Conference& c_;
  Diagnostics& out_;
  const Limits& limits_;
  std::map<std::string, std::uint32_t> ids_;
  std::vector<std::pair<const DataNode*, std::string>> pending_refs_;
  bool start_known_ = false;
  bool period_known_ = false;
};

} // namespace

void build_conference(const DataNode& root, const SourceFile& file, Conference& out,
                      Diagnostics& diagnostics, const Limits& limits) {
  Builder(file, out, diagnostics, limits).build(root);
}

Issuer build_issuer(const DataNode& node) {
  return Issuer{text(get(&node, "parent")), text(get(&node, "name")), text(get(&node, "symbol")),
                text(get(&node, "place")), text(get(&node, "office"))};
}

} // namespace vanban
