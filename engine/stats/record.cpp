#include "stats/record.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <tuple>

#include "stats/labels.hpp"
#include "template/vietnamese.hpp"

namespace vanban {

using nlohmann::json;

namespace {

void collect_parts(const Indicator& ind, const std::vector<Breakdown>& breakdowns,
                   const std::string& prefix, std::vector<FigureRecord>& out) {
  for (const Breakdown& b : breakdowns) {
    for (const BreakdownPart& part : b.parts) {
      std::string label = prefix.empty() ? part.label : prefix + " › " + part.label;
      out.push_back({ind.id, ind.name, ind.unit, b.by, label, part.value});
      collect_parts(ind, part.breakdowns, label, out);
    }
  }
}

json date_json(const std::optional<Date>& d) {
  return d ? json(iso_string(*d)) : json(nullptr);
}

std::optional<Date> date_from(const json& j) {
  if (!j.is_string())
    return std::nullopt;
  std::string s = j.get<std::string>();
  int y = 0, m = 0, d = 0;
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &m, &d) != 3 || !is_real_date(y, m, d))
    return std::nullopt;
  return Date{y, m, d};
}

void sort_by_line(std::vector<ConferenceRecord>::iterator first,
                  std::vector<ConferenceRecord>::iterator last) {
  std::vector<std::pair<std::string, ConferenceRecord>> keyed;
  for (auto it = first; it != last; ++it)
    keyed.emplace_back(to_fragment_line(*it), std::move(*it));
  std::sort(keyed.begin(), keyed.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  for (auto& [line, r] : keyed)
    *first++ = std::move(r);
}

} // namespace

bool overdue_as_of(const DirectiveRecord& d, const Date& as_of) {
  if (d.status == DirectiveStatus::done || d.status == DirectiveStatus::cancelled)
    return false;
  return d.status == DirectiveStatus::overdue || (d.deadline && *d.deadline < as_of);
}

ConferenceRecord make_record(const Conference& c) {
  ConferenceRecord r;
  r.unit = c.issuer.name;
  r.quarter = held_quarter(c);
  r.month = held_month(c);
  r.reporting_period = c.info.period.code();
  r.start = c.info.start;
  r.kind = kind_words(c.info.kind);
  r.title = capitalize_first(c.info.title);
  r.attendees = attendee_total(c);
  for (const Directive& dir : c.directives) {
    Directive rule_only;
    rule_only.deadline_rule = dir.deadline_rule;
    r.directives.push_back({dir.number, plain_text(dir.content), lead_units(dir),
                            support_units(dir), dir.deadline, deadline_words(rule_only), dir.status,
                            dir.completed, dir.notes});
  }
  for (const Indicator& i : c.indicators) {
    r.figures.push_back({i.id, i.name, i.unit, "", "", i.value});
    collect_parts(i, i.breakdowns, "", r.figures);
  }
  return r;
}

void sort_records(std::vector<ConferenceRecord>& records) {
  // Unit and start decide almost always; the serialized record breaks the rare ties,
  // so input order never shows in the output. Serializing only the tied records keeps
  // the order of sorting by (unit, start, line) without a JSON dump per record.
  auto by_unit_start = [](const ConferenceRecord& a, const ConferenceRecord& b) {
    return std::tie(a.unit, a.start) < std::tie(b.unit, b.start);
  };
  std::sort(records.begin(), records.end(), by_unit_start);
  for (auto first = records.begin(); first != records.end();) {
    auto last = std::upper_bound(first, records.end(), *first, by_unit_start);
    if (last - first > 1)
      sort_by_line(first, last);
    first = last;
  }
}

std::string to_fragment_line(const ConferenceRecord& r) {
  json j;
  j["unit"] = r.unit;
  j["quarter"] = r.quarter;
  j["month"] = r.month;
  j["reporting_period"] = r.reporting_period;
  j["start"] = iso_string(r.start);
  j["kind"] = r.kind;
  j["title"] = r.title;
  j["attendees"] = r.attendees;
  json directives = json::array();
  for (const DirectiveRecord& d : r.directives) {
    directives.push_back({{"number", d.number},
                          {"content", d.content},
                          {"lead", d.lead},
                          {"support", d.support},
                          {"deadline", date_json(d.deadline)},
                          {"deadline_rule", d.deadline_rule},
                          {"status", static_cast<int>(d.status)},
                          {"completed", date_json(d.completed)},
                          {"notes", d.notes}});
  }
  j["directives"] = directives;
  json figures = json::array();
  for (const FigureRecord& f : r.figures) {
    figures.push_back({{"id", f.indicator_id},
                       {"indicator", f.indicator},
                       {"measure", f.measure},
                       {"breakdown", f.breakdown},
                       {"part", f.part},
                       {"value", f.value}});
  }
  j["figures"] = figures;
  return j.dump();
}

std::optional<ConferenceRecord> from_fragment_line(const std::string& line, std::string& error) {
  try {
    json j = json::parse(line);
    ConferenceRecord r;
    r.unit = j.at("unit").get<std::string>();
    r.quarter = j.at("quarter").get<std::string>();
    r.month = j.at("month").get<std::string>();
    r.reporting_period = j.at("reporting_period").get<std::string>();
    std::string start = j.at("start").get<std::string>();
    auto day = date_from(start.substr(0, 10));
    int h = 0, m = 0;
    if (!day || start.size() != 16 || std::sscanf(start.c_str() + 11, "%2d:%2d", &h, &m) != 2) {
      error = "bad start";
      return std::nullopt;
    }
    r.start = {*day, h, m};
    r.kind = j.at("kind").get<std::string>();
    r.title = j.at("title").get<std::string>();
    r.attendees = j.at("attendees").get<int>();
    for (const json& d : j.at("directives")) {
      int status = d.at("status").get<int>();
      if (status < 0 || status > 4) {
        error = "bad status";
        return std::nullopt;
      }
      r.directives.push_back({d.at("number").get<int>(), d.at("content").get<std::string>(),
                              d.at("lead").get<std::string>(), d.at("support").get<std::string>(),
                              date_from(d.at("deadline")), d.at("deadline_rule").get<std::string>(),
                              static_cast<DirectiveStatus>(status), date_from(d.at("completed")),
                              d.at("notes").get<std::string>()});
    }
    for (const json& f : j.at("figures")) {
      r.figures.push_back({f.at("id").get<std::string>(), f.at("indicator").get<std::string>(),
                           f.at("measure").get<std::string>(), f.at("breakdown").get<std::string>(),
                           f.at("part").get<std::string>(), f.at("value").get<double>()});
    }
    return r;
  } catch (const std::exception& e) {
    error = e.what();
    return std::nullopt;
  }
}

} // namespace vanban
