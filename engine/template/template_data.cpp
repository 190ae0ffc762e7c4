#include "template/template_data.hpp"

#include <algorithm>
#include <cstdio>

#include "base/text.hpp"
#include "model/inline_text.hpp"
#include "template/vietnamese.hpp"

namespace vanban {

using kainjow::mustache::data;

namespace {

data list() {
  return data{data::type::list};
}

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty())
      continue;
    out += (out.empty() ? "" : sep) + p;
  }
  return out;
}

const char* kind_symbol(DocumentKind k) {
  switch (k) {
  case DocumentKind::notice: return "TB";
  case DocumentKind::minutes: return "BB";
  case DocumentKind::report: return "BC";
  case DocumentKind::workbook: return "";
  }
  return "TB";
}

const char* kind_title(DocumentKind k) {
  switch (k) {
  case DocumentKind::notice: return "THÔNG BÁO";
  case DocumentKind::minutes: return "BIÊN BẢN";
  case DocumentKind::report: return "BÁO CÁO";
  case DocumentKind::workbook: return "";
  }
  return "";
}

std::string number_line(const Conference& c, const DocumentSpec& doc) {
  const std::string blank =
      "\u00A0\u00A0\u00A0\u00A0\u00A0\u00A0"; // a draft: filled in on registration
  std::string n = doc.number ? pad2(*doc.number) : blank;
  if (c.standard == Standard::party) {
    return "Số " + n + "-" + kind_symbol(doc.kind) + "/" + c.issuer.symbol;
  }
  return "Số: " + n + "/" + kind_symbol(doc.kind) + "-" + c.issuer.symbol;
}

std::string titles_of(const Person& p) {
  return join(p.titles, ", ");
}

/// "đồng chí Thẩm Bá Phước, Bí thư Đảng ủy phường"
std::string comrade(const Person& p) {
  std::string t = titles_of(p);
  return "đồng chí " + p.name + (t.empty() ? "" : ", " + t);
}

data person_data(const Person& p, std::size_t index) {
  data d;
  d.set("stt", std::to_string(index + 1));
  d.set("name", p.name);
  d.set("titles", titles_of(p));
  d.set("unit", p.unit);
  d.set("comrade", comrade(p));
  bool present = p.attendance == Attendance::present;
  d.set("present", present);
  std::string status = "Có mặt";
  switch (p.attendance) {
  case Attendance::present: break;
  case Attendance::absent_with_permission: status = "Vắng có lý do"; break;
  case Attendance::absent_without_permission: status = "Vắng không lý do"; break;
  case Attendance::delegated: status = "Cử người dự thay: " + p.delegate; break;
  }
  if (!p.reason.empty()) {
    status += " (" + p.reason + ")";
  }
  d.set("attendance", status);
  return d;
}

data date_time_data(const DateTime& t) {
  data d;
  d.set("time", time_words(t.hour, t.minute));
  d.set("date", date_words(t.date));
  d.set("short", date_short(t.date));
  return d;
}

data conference_data(const Conference& c) {
  const ConferenceInfo& i = c.info;
  data d;
  d.set("title", i.title);
  d.set("title_cap", capitalize_first(i.title));
  d.set("convener", i.convener.empty() ? c.issuer.name : i.convener);
  d.set("venue", i.venue);
  d.set("purpose", i.purpose);
  d.set("period", period_words(i.period));
  d.set("start", date_time_data(i.start));
  d.set("has_end", i.end.has_value());
  d.set("end", i.end ? date_time_data(*i.end) : data{});
  const char* format = "";
  switch (i.format) {
  case MeetingFormat::in_person: format = ""; break;
  case MeetingFormat::online: format = "theo hình thức trực tuyến"; break;
  case MeetingFormat::hybrid: format = "theo hình thức trực tiếp kết hợp trực tuyến"; break;
  }
  d.set("format", format);
  d.set("has_format", *format != '\0');
  d.set("has_purpose", !i.purpose.empty());
  data materials = list();
  for (const std::string& m : i.materials) {
    materials.push_back(data{"text", m});
  }
  d.set("materials", materials);
  d.set("has_materials", !i.materials.empty());
  return d;
}

data people_data(const Conference& c, data& root) {
  data chairs = list();
  std::vector<std::string> chair_words;
  for (const std::string& id : c.info.chairs) {
    if (const Person* p = c.person(id)) {
      chairs.push_back(person_data(*p, chair_words.size()));
      chair_words.push_back(comrade(*p));
    }
  }
  root.set("chairs", chairs);
  root.set("chair_text", join(chair_words, " và "));
  const Person* secretary = c.person(c.info.secretary);
  root.set("has_secretary", secretary != nullptr);
  root.set("secretary", secretary != nullptr ? person_data(*secretary, 0) : data{});
  data attendees = list();
  data guests = list();
  int present = 0;
  for (std::size_t k = 0; k < c.attendees.size(); ++k) {
    const Person& p = c.attendees[k];
    attendees.push_back(person_data(p, k));
    present += p.attendance == Attendance::present ? 1 : 0;
    if (p.role == Role::guest) {
      guests.push_back(person_data(p, k));
    }
  }
  root.set("attendees", attendees);
  // "đồng chí A, titles; đồng chí B, …; các đồng chí …": who attended besides the chairs.
  std::vector<std::string> present_words;
  for (const Person& p : c.attendees) {
    bool chair = std::find(c.info.chairs.begin(), c.info.chairs.end(), p.id) != c.info.chairs.end();
    if (p.attendance == Attendance::present && !chair && p.role != Role::secretary) {
      present_words.push_back(comrade(p));
    }
  }
  for (const AttendeeGroup& g : c.groups) {
    present_words.push_back(g.name);
  }
  root.set("present_text", join(present_words, "; "));
  root.set("has_present_text", !present_words.empty());
  root.set("guests", guests);
  root.set("present_count", std::to_string(present));
  root.set("absent_count", std::to_string(c.attendees.size() - static_cast<std::size_t>(present)));
  root.set("attendee_count", std::to_string(c.attendees.size()));
  data groups = list();
  for (const AttendeeGroup& g : c.groups) {
    data gd;
    gd.set("name", g.name);
    gd.set("has_count", g.count.has_value());
    gd.set("count", g.count ? std::to_string(*g.count) : "");
    gd.set("guest", g.role == Role::guest);
    groups.push_back(gd);
  }
  root.set("groups", groups);
  root.set("has_groups", !c.groups.empty());
  return root;
}

data agenda_data(const Conference& c, data& root) {
  data items = list();
  std::size_t k = 0;
  std::vector<std::string> heard;
  for (const AgendaItem& a : c.agenda) {
    data d;
    d.set("stt", std::to_string(++k));
    d.set("title", a.title);
    const Person* p = c.person(a.presenter);
    d.set("has_presenter", p != nullptr);
    d.set("presenter", p != nullptr ? comrade(*p) : "");
    d.set("sep", k == c.agenda.size() ? "." : ";");
    items.push_back(d);
    heard.push_back(without_final_stop(a.title) +
                    (p != nullptr ? " do " + comrade(*p) + " trình bày" : ""));
  }
  root.set("agenda_text", join(heard, "; "));
  return items;
}

data discussion_data(const Conference& c) {
  const Discussion& dis = c.discussion;
  data d;
  d.set("has_opinions", dis.opinions.has_value());
  d.set("opinions", dis.opinions ? std::to_string(*dis.opinions) : "");
  d.set("summary", to_inline_syntax(dis.summary));
  d.set("has_summary", !dis.summary.empty());
  data speakers = list();
  for (const Opinion& o : dis.speakers) {
    data s;
    const Person* p = c.person(o.speaker);
    s.set("comrade", p != nullptr ? comrade(*p) : o.speaker);
    s.set("summary", to_inline_syntax(o.summary));
    speakers.push_back(s);
  }
  d.set("speakers", speakers);
  d.set("has_vote", dis.vote.has_value());
  if (dis.vote) {
    d.set("vote_method", dis.vote->method);
    d.set("vote_for", std::to_string(dis.vote->in_favour));
    d.set("vote_against", std::to_string(dis.vote->against.value_or(0)));
    d.set("vote_abstain", std::to_string(dis.vote->abstain.value_or(0)));
  }
  return d;
}

data directive_data(const Directive& d) {
  data out;
  out.set("number", std::to_string(d.number));
  std::vector<std::string> lead;
  std::vector<std::string> support;
  for (const Assignee& a : d.assignees) {
    (a.lead ? lead : support).push_back(a.unit);
  }
  out.set("lead", join(lead, ", "));
  out.set("has_support", !support.empty());
  out.set("support", join(support, ", "));
  out.set("content", without_final_stop(to_inline_syntax(d.content)));
  std::string deadline = deadline_words(d);
  out.set("has_deadline", !deadline.empty());
  out.set("deadline", deadline);
  return out;
}

data conclusions_data(const Conference& c) {
  const Conclusions& k = c.conclusions;
  data d;
  d.set("opening", to_inline_syntax(k.opening));
  d.set("has_opening", !k.opening.empty());
  d.set("closing", to_inline_syntax(k.closing));
  d.set("has_closing", !k.closing.empty());
  data sections = list();
  int number = 0;
  for (const ConclusionSection& s : k.sections) {
    data sd;
    sd.set("has_heading", !s.heading.empty());
    if (!s.heading.empty()) {
      ++number;
    }
    sd.set("number", std::to_string(number));
    sd.set("roman", roman(number));
    sd.set("heading", s.heading);
    data paragraphs = list();
    for (const RichText& p : s.paragraphs) {
      paragraphs.push_back(data{"text", to_inline_syntax(p)});
    }
    sd.set("paragraphs", paragraphs);
    sections.push_back(sd);
  }
  d.set("sections", sections);
  d.set("directives_heading", k.directives_heading);
  d.set("directives_number", std::to_string(number + 1));
  d.set("directives_roman", roman(number + 1));
  return d;
}

data document_data(const Conference& c, const DocumentSpec& doc) {
  data d;
  d.set("kind_title", kind_title(doc.kind));
  d.set("number_line", number_line(c, doc));
  d.set("is_draft", !doc.number);
  int year = doc.date ? doc.date->year : c.info.start.date.year;
  d.set("date_line", date_line(c.issuer.place, doc.date, year));
  d.set("date_iso", doc.date ? iso_string(*doc.date) : iso_string(c.info.start.date));
  d.set("summary", doc.summary);
  d.set("has_summary", !doc.summary.empty());
  const char* urgency[] = {"", "KHẨN", "THƯỢNG KHẨN", "HỎA TỐC"};
  const char* secrecy[] = {"", "MẬT", "TỐI MẬT", "TUYỆT MẬT"};
  d.set("urgency", urgency[static_cast<int>(doc.urgency)]);
  d.set("has_urgency", doc.urgency != Urgency::none);
  d.set("secrecy", secrecy[static_cast<int>(doc.secrecy)]);
  d.set("has_secrecy", doc.secrecy != Secrecy::none);
  d.set("has_signer", doc.signer.has_value());
  data signer;
  if (doc.signer) {
    signer.set("authority", doc.signer->authority);
    signer.set("title", doc.signer->title);
    signer.set("name", doc.signer->name);
  }
  d.set("signer", signer);
  // The archive line closes the list: added when the data does not end with one.
  std::vector<std::string> recipients = doc.recipients;
  bool party = c.standard == Standard::party;
  std::string office = c.issuer.office.empty() ? (party ? "VPĐU" : "VP") : c.issuer.office;
  if (recipients.empty() || recipients.back().rfind("Lưu", 0) != 0) {
    recipients.push_back(party ? "Lưu " + office : "Lưu: VT, " + office);
  }
  data items = list();
  for (const auto& [text, punct] : punctuate(recipients, party ? "," : ";")) {
    data r;
    r.set("text", text);
    r.set("punct", punct);
    items.push_back(r);
  }
  d.set("recipients", items);
  return d;
}

} // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
    case '&': out += "&#38;"; break;
    case '<': out += "&#60;"; break;
    case '>': out += "&#62;"; break;
    case '"': out += "&#34;"; break;
    case '\'': out += "&#39;"; break;
    default:
      if (static_cast<unsigned char>(c) >= 0x20 || c == '\n' || c == '\t') {
        out += c;
      }
    }
  }
  return out;
}

data template_data(const Conference& c, const DocumentSpec& doc) {
  data root;
  root.set("party", c.standard == Standard::party);
  root.set("state", c.standard == Standard::state);
  // A Party conference is a "hội nghị"; a People's Committee meeting a "cuộc họp".
  root.set("meeting", c.standard == Standard::party ? "hội nghị" : "cuộc họp");
  // NĐ 30 Mẫu 1.9: State minutes carry no place and date line.
  root.set("minutes_without_date",
           c.standard == Standard::state && doc.kind == DocumentKind::minutes);
  data issuer;
  issuer.set("parent", c.issuer.parent);
  issuer.set("has_parent", !c.issuer.parent.empty());
  issuer.set("name", c.issuer.name);
  issuer.set("symbol", c.issuer.symbol);
  issuer.set("place", c.issuer.place);
  issuer.set("office", c.issuer.office);
  root.set("issuer", issuer);
  root.set("document", document_data(c, doc));
  root.set("conference", conference_data(c));
  people_data(c, root);
  root.set("agenda", agenda_data(c, root));
  root.set("has_agenda", !c.agenda.empty());
  root.set("discussion", discussion_data(c));
  root.set("conclusions", conclusions_data(c));
  data directives = list();
  for (const Directive& d : c.directives) {
    directives.push_back(directive_data(d));
  }
  root.set("directives", directives);
  root.set("has_directives", !c.directives.empty());
  data indicators = list();
  for (const Indicator& i : c.indicators) {
    data id;
    id.set("name", i.name);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", i.value);
    id.set("value", std::string(buf));
    id.set("unit", i.unit);
    indicators.push_back(id);
  }
  root.set("indicators", indicators);
  return root;
}

} // namespace vanban
