#include "stats/workbook_template.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/text.hpp"
#include "load/yaml_loader.hpp"
#include "validate/schema_check.hpp"

namespace vanban {

namespace {

/// The fields each sheet knows, and the ones its formulas cannot do without.
struct SheetFields {
  std::vector<std::string> known;
  std::vector<std::string> required;
};

const std::map<std::string, SheetFields>& sheet_fields() {
  static const std::map<std::string, SheetFields> table = {
      {"facts", {{"label", "value"}, {"label", "value"}}},
      {"attendance",
       {{"stt", "name", "titles", "unit", "role", "attendance", "reason"}, {"attendance"}}},
      {"agenda", {{"stt", "title", "presenter"}, {}}},
      {"directives",
       {{"unit", "period", "conference_date", "conference", "number", "content", "lead", "support",
         "deadline", "deadline_rule", "status", "completed", "overdue", "notes"},
        {"status", "deadline"}}},
      {"summary",
       {{"unit", "period", "conferences", "attendees", "directives", "not_started", "in_progress",
         "done", "cancelled", "overdue"},
        {"unit", "period"}}},
      {"conferences",
       {{"unit", "period", "reporting_period", "date", "month", "kind", "title", "present",
         "directives"},
        {"unit", "period", "month", "present"}}},
      {"indicators",
       {{"indicator_id", "indicator", "measure", "unit", "period", "value"},
        {"indicator_id", "unit", "period", "value"}}},
      {"figures",
       {{"unit", "period", "conference_date", "indicator_id", "indicator", "measure", "breakdown",
         "part", "value"},
        {"unit", "period", "indicator_id", "breakdown", "value"}}},
      {"charts",
       {{"unit", "not_started", "in_progress", "done", "cancelled", "overdue", "month",
         "conferences"},
        {"unit", "month", "conferences"}}},
  };
  return table;
}

/// Sheets each workbook must have (the statistics formulas read across sheets).
const std::map<std::string, std::vector<std::string>>& required_sheets() {
  static const std::map<std::string, std::vector<std::string>> table = {
      {"conference", {"directives"}},
      {"statistics", {"summary", "conferences", "directives"}},
  };
  return table;
}

std::string text_of(const DataNode* n) {
  return n != nullptr && n->is_scalar() ? n->text : "";
}

double number_of(const DataNode* n, double fallback) {
  if (n == nullptr || !n->is_scalar())
    return fallback;
  try {
    return std::stod(n->text);
  } catch (...) {
    return fallback;
  }
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items)
    out += (out.empty() ? "" : ", ") + i;
  return out;
}

} // namespace

int TemplateSheet::column(std::string_view field) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].field == field)
      return static_cast<int>(i);
  }
  return -1;
}

const TemplateSheet* WorkbookTemplate::sheet(const std::string& kind) const {
  for (const TemplateSheet& s : sheets) {
    if (s.sheet == kind)
      return &s;
  }
  return nullptr;
}

std::optional<WorkbookTemplate>
load_workbook_template(const std::string& kind, const TemplateSet& templates, Diagnostics& out) {
  const SourceFile* file = templates.find("workbook-" + kind, ".yaml");
  if (file == nullptr) {
    out.error("templates/workbook-" + kind + ".yaml", {}, "", Msg::template_partial_missing,
              {"workbook-" + kind});
    return std::nullopt;
  }
  Diagnostics found;
  auto root = parse_yaml(*file, LoadLimits{}, found);
  if (root && !root->is_mapping()) {
    found.error(file->name(), root->location, "", Msg::yaml_not_mapping);
  } else if (root) {
    SchemaSet::bundled().check(*root, SchemaKind::workbook, *file, found);
  }
  if (found.has_errors() || !root) {
    out.append(found);
    return std::nullopt;
  }
  WorkbookTemplate t;
  t.workbook = text_of(root->find("workbook"));
  t.title = text_of(root->find("title"));
  if (auto f = root->find("font"))
    t.font = text_of(f);
  t.font_size = number_of(root->find("font_size"), t.font_size);
  if (auto f = root->find("date_format"))
    t.date_format = text_of(f);
  if (const DataNode* labels = root->find("status_labels")) {
    const char* keys[] = {"not_started", "in_progress", "done", "overdue", "cancelled"};
    for (std::size_t i = 0; i < 5; ++i)
      t.status_labels[i] = text_of(labels->find(keys[i]));
  }
  std::map<std::string, std::uint32_t> names;
  const DataNode* sheets = root->find("sheets");
  for (std::size_t i = 0; i < sheets->items.size(); ++i) {
    const DataNode& s = sheets->items[i];
    std::string path = "sheets[" + std::to_string(i) + "]";
    TemplateSheet sheet{
        text_of(s.find("sheet")), text_of(s.find("name")), text_of(s.find("title")), {}};
    const SheetFields& fields = sheet_fields().at(sheet.sheet);
    const DataNode* columns = s.find("columns");
    for (std::size_t k = 0; k < columns->items.size(); ++k) {
      const DataNode& c = columns->items[k];
      TemplateColumn col{text_of(c.find("field")), text_of(c.find("label")),
                         number_of(c.find("width"), 12), text_of(c.find("format"))};
      if (std::find(fields.known.begin(), fields.known.end(), col.field) == fields.known.end()) {
        std::string guess = closest_match(col.field, fields.known);
        found.error(file->name(), c.find("field")->location,
                    path + ".columns[" + std::to_string(k) + "].field",
                    guess.empty() ? Msg::schema_enum : Msg::schema_enum_suggest,
                    {col.field, join(fields.known), guess});
      }
      sheet.columns.push_back(std::move(col));
    }
    std::vector<std::string> required = fields.required;
    if (t.workbook == "statistics" && sheet.sheet == "directives") {
      // The summary's formulas count directives by unit, period and the overdue flag.
      required.insert(required.end(), {"unit", "period", "overdue"});
    }
    for (const std::string& needed : required) {
      if (sheet.column(needed) < 0) {
        found.error(file->name(), columns->location, path + ".columns", Msg::schema_required,
                    {needed});
      }
    }
    auto [it, fresh] = names.emplace(sheet.name, s.find("name")->location.line);
    if (!fresh) {
      found.error(file->name(), s.find("name")->location, path + ".name", Msg::duplicate_id,
                  {sheet.name, std::to_string(it->second)});
    }
    t.sheets.push_back(std::move(sheet));
  }
  if (t.workbook != kind) {
    found.error(file->name(), root->find("workbook")->location, "workbook", Msg::schema_enum,
                {t.workbook, kind});
  }
  for (const std::string& needed : required_sheets().at(t.workbook)) {
    if (t.sheet(needed) == nullptr) {
      found.error(file->name(), sheets->location, "sheets", Msg::schema_required, {needed});
    }
  }
  bool ok = !found.has_errors();
  out.append(found);
  if (!ok)
    return std::nullopt;
  return t;
}

} // namespace vanban
