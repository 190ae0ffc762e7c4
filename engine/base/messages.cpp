#include "base/messages.hpp"

#include <array>
#include <cstdlib>
#include <cstring>

namespace vanban {
namespace {

struct Entry {
  Msg id;
  const char* code;
  const char* en;
  const char* vi;
};

// Wording style, both languages: lower-case start, no final full stop, what is wrong
// first, then what to do after a colon.
constexpr std::array kCatalogue{
    Entry{Msg::cannot_read_file, "cannot-read-file", "cannot read the file: {0}",
          "không đọc được tệp: {0}"},
    Entry{Msg::input_too_large, "input-too-large",
          "the file has {0} bytes, more than the limit of {1} bytes",
          "tệp có {0} byte, vượt giới hạn {1} byte"},
    Entry{Msg::input_empty, "input-empty", "the file is empty", "tệp rỗng"},
    Entry{Msg::input_has_nul, "input-has-nul",
          "the file contains a NUL byte: it is not a text file",
          "tệp chứa byte NUL: đây không phải tệp văn bản"},
    Entry{Msg::input_utf16, "input-utf16", "the file is UTF-16 encoded: save it as UTF-8",
          "tệp được mã hóa UTF-16: hãy lưu lại theo UTF-8"},
    Entry{Msg::invalid_utf8, "invalid-utf8", "invalid UTF-8 byte {0}: save the file as UTF-8",
          "byte {0} không hợp lệ trong UTF-8: hãy lưu tệp theo UTF-8"},
    Entry{Msg::control_character, "control-character",
          "control character {0} is not allowed in text",
          "không được dùng ký tự điều khiển {0} trong văn bản"},
    Entry{Msg::leftover_combining_mark, "leftover-combining-mark",
          "the mark {0} does not combine with the letter before it: retype the letter",
          "dấu {0} không ghép được với chữ đứng trước: hãy gõ lại chữ này"},
    Entry{Msg::yaml_syntax, "yaml-syntax", "YAML syntax error: {0}", "lỗi cú pháp YAML: {0}"},
    Entry{Msg::yaml_tab_indent, "yaml-tab-indent",
          "a tab character is used for indentation: indent with spaces",
          "dùng ký tự tab để thụt lề: hãy thụt lề bằng dấu cách"},
    Entry{Msg::yaml_colon_in_text, "yaml-colon-in-text",
          "text containing ': ' or ending with ':' must be put in quotes",
          "văn bản có ': ' hoặc kết thúc bằng ':' phải đặt trong dấu ngoặc kép"},
    Entry{Msg::yaml_unclosed_flow, "yaml-unclosed-flow", "this '{0}' is never closed: add '{1}'",
          "dấu '{0}' này chưa được đóng: hãy thêm '{1}'"},
    Entry{Msg::yaml_unclosed_quote, "yaml-unclosed-quote",
          "this quotation mark is not closed on its line: add the closing {0}",
          "dấu ngoặc kép này chưa được đóng trên cùng dòng: hãy thêm {0} đóng"},
    Entry{Msg::yaml_unmatched_close, "yaml-unmatched-close",
          "this '{0}' closes no '{1}': remove it",
          "dấu '{0}' này không đóng dấu '{1}' nào: hãy bỏ đi"},
    Entry{Msg::yaml_alias, "yaml-alias",
          "aliases (*{0}) are not allowed: write the value out in full",
          "không được dùng bí danh (*{0}): hãy viết đầy đủ giá trị"},
    Entry{Msg::yaml_multiple_documents, "yaml-multiple-documents",
          "a file holds one YAML document: remove this second document",
          "mỗi tệp chỉ chứa một tài liệu YAML: hãy bỏ tài liệu thứ hai này"},
    Entry{Msg::yaml_too_deep, "yaml-too-deep", "nesting is deeper than {0} levels",
          "dữ liệu lồng nhau sâu quá {0} cấp"},
    Entry{Msg::yaml_complex_key, "yaml-complex-key", "a key must be plain text",
          "khóa phải là văn bản đơn"},
    Entry{Msg::yaml_duplicate_key, "yaml-duplicate-key", "duplicate key '{0}' (first at line {1})",
          "khóa '{0}' bị lặp (đã có ở dòng {1})"},
    Entry{Msg::yaml_not_mapping, "yaml-not-mapping",
          "expected a mapping of keys to values at the top level",
          "cấp ngoài cùng phải là một bảng khóa - giá trị"},
    Entry{Msg::schema_type, "schema-type", "expected {0}, found {1}", "cần {0}, nhưng gặp {1}"},
    Entry{Msg::schema_type_quote_hint, "schema-type", "expected {0}, found {1}: put it in quotes",
          "cần {0}, nhưng gặp {1}: hãy đặt trong dấu ngoặc kép"},
    Entry{Msg::schema_required, "schema-required", "missing required property '{0}'",
          "thiếu thuộc tính bắt buộc '{0}'"},
    Entry{Msg::schema_unknown_property, "schema-unknown-property", "unknown property '{0}'",
          "thuộc tính '{0}' không được hỗ trợ"},
    Entry{Msg::schema_unknown_property_suggest, "schema-unknown-property",
          "unknown property '{0}': did you mean '{1}'?",
          "thuộc tính '{0}' không được hỗ trợ: có phải là '{1}'?"},
    Entry{Msg::schema_enum, "schema-enum", "'{0}' is not one of: {1}",
          "'{0}' không thuộc các giá trị: {1}"},
    Entry{Msg::schema_enum_suggest, "schema-enum", "'{0}' is not one of: {1}: did you mean '{2}'?",
          "'{0}' không thuộc các giá trị: {1}: có phải là '{2}'?"},
    Entry{Msg::schema_pattern, "schema-pattern", "'{0}' is not valid here: {1}",
          "'{0}' không hợp lệ: {1}"},
    Entry{Msg::schema_too_short_text, "schema-too-short", "text is shorter than {0} characters",
          "văn bản ngắn hơn {0} ký tự"},
    Entry{Msg::schema_empty_text, "schema-empty-text", "text must not be empty",
          "văn bản không được để trống"},
    Entry{Msg::schema_too_long_text, "schema-too-long",
          "text is longer than the limit of {0} characters", "văn bản dài quá giới hạn {0} ký tự"},
    Entry{Msg::schema_too_few_items, "schema-too-few-items", "the list needs at least {0} item(s)",
          "danh sách cần ít nhất {0} mục"},
    Entry{Msg::schema_too_many_items, "schema-too-many-items",
          "the list has more than the limit of {0} items", "danh sách có quá {0} mục"},
    Entry{Msg::schema_below_minimum, "schema-below-minimum", "{0} is less than the minimum {1}",
          "{0} nhỏ hơn giá trị tối thiểu {1}"},
    Entry{Msg::schema_above_maximum, "schema-above-maximum", "{0} is greater than the maximum {1}",
          "{0} lớn hơn giá trị tối đa {1}"},
    Entry{Msg::schema_other, "schema-other", "does not match the schema: {0}",
          "không khớp lược đồ: {0}"},
    Entry{Msg::invalid_date, "invalid-date", "'{0}' is not a real calendar date",
          "'{0}' không phải là ngày có thật"},
    Entry{Msg::invalid_time, "invalid-time", "'{0}' is not a real time of day (00:00 to 23:59)",
          "'{0}' không phải là giờ hợp lệ (00:00 đến 23:59)"},
    Entry{Msg::end_not_after_start, "end-not-after-start", "the end {0} is not after the start {1}",
          "thời gian kết thúc {0} không sau thời gian bắt đầu {1}"},
    Entry{Msg::duplicate_id, "duplicate-id", "id '{0}' is already used at line {1}",
          "mã '{0}' đã được dùng ở dòng {1}"},
    Entry{Msg::unknown_reference, "unknown-reference", "no attendee has the id '{0}'",
          "không có người dự nào mang mã '{0}'"},
    Entry{Msg::unknown_reference_suggest, "unknown-reference",
          "no attendee has the id '{0}': did you mean '{1}'?",
          "không có người dự nào mang mã '{0}': có phải là '{1}'?"},
    Entry{Msg::directive_number_duplicate, "directive-number-duplicate",
          "directive number {0} is already used at line {1}",
          "số nhiệm vụ {0} đã được dùng ở dòng {1}"},
    Entry{Msg::directive_number_gap, "directive-number-gap",
          "directive numbers must be consecutive: expected {0}, found {1}",
          "số nhiệm vụ phải liên tiếp: cần {0}, nhưng gặp {1}"},
    Entry{Msg::directive_no_lead, "directive-no-lead",
          "no assignee has the role 'lead': name the unit in charge",
          "chưa có đơn vị chủ trì (role: lead)"},
    Entry{Msg::deadline_and_rule, "deadline-and-rule",
          "both 'deadline' and 'deadline_rule' are given: keep one",
          "có cả 'deadline' và 'deadline_rule': chỉ giữ một"},
    Entry{Msg::completed_without_done, "completed-without-done",
          "a completion date is given but the status is '{0}', not 'done'",
          "có ngày hoàn thành nhưng tình trạng là '{0}', không phải 'done'"},
    Entry{Msg::completed_before_conference, "completed-before-conference",
          "the completion date {0} is before the conference ({1})",
          "ngày hoàn thành {0} trước ngày hội nghị ({1})"},
    Entry{Msg::done_without_completed, "done-without-completed",
          "the status is 'done' but no completion date is given",
          "tình trạng 'done' nhưng chưa có ngày hoàn thành"},
    Entry{Msg::breakdown_sum, "breakdown-sum",
          "the parts of the breakdown by '{0}' add up to {1}, not {2}",
          "tổng các phần theo '{0}' là {1}, không bằng {2}"},
    Entry{Msg::issuer_missing, "issuer-missing",
          "the issuer is missing: add 'organization' (a profile file) or 'issuer'",
          "thiếu cơ quan ban hành: hãy thêm 'organization' (tệp hồ sơ) hoặc 'issuer'"},
    Entry{Msg::issuer_both, "issuer-both", "both 'organization' and 'issuer' are given: keep one",
          "có cả 'organization' và 'issuer': chỉ giữ một"},
    Entry{Msg::profile_outside_root, "profile-outside-root",
          "the profile '{0}' is outside the data folder: keep profiles beside or below the "
          "conference files",
          "tệp hồ sơ '{0}' nằm ngoài thư mục dữ liệu: hãy để tệp hồ sơ cùng thư mục hoặc trong thư "
          "mục con"},
    Entry{Msg::profile_unreadable, "profile-unreadable", "cannot read the profile '{0}': {1}",
          "không đọc được tệp hồ sơ '{0}': {1}"},
    Entry{Msg::reason_required, "reason-required", "an absence with permission needs a 'reason'",
          "vắng có lý do thì cần ghi 'reason'"},
    Entry{Msg::delegate_required, "delegate-required",
          "attendance 'delegated' needs a 'delegate': who attends instead",
          "cử người dự thay thì cần ghi 'delegate': người dự thay"},
    Entry{Msg::reason_not_absent, "reason-not-absent",
          "a 'reason' is given but the attendance is '{0}'",
          "có ghi 'reason' nhưng tình trạng tham dự là '{0}'"},
    Entry{Msg::delegate_not_delegated, "delegate-not-delegated",
          "a 'delegate' is given but the attendance is '{0}', not 'delegated'",
          "có ghi 'delegate' nhưng tình trạng tham dự là '{0}', không phải 'delegated'"},
    Entry{Msg::emphasis_unclosed, "emphasis-unclosed",
          "'{0}' opened at column {1} is never closed: close it or write \\{2} for a literal "
          "character",
          "'{0}' mở ở cột {1} chưa được đóng: hãy đóng lại hoặc viết \\{2} để giữ nguyên ký tự"},
    Entry{Msg::notice_needs_signer, "notice-needs-signer", "a {0} needs a 'signer'",
          "văn bản loại {0} cần có 'signer' (người ký)"},
    Entry{Msg::number_without_date, "number-without-date",
          "a numbered document needs its issue 'date'",
          "văn bản đã có số thì cần có ngày ban hành 'date'"},
    Entry{Msg::issue_date_before_conference, "issue-date-before-conference",
          "the issue date {0} is before the conference ({1})",
          "ngày ban hành {0} trước ngày hội nghị ({1})"},
    Entry{Msg::document_kind_twice, "document-kind-twice",
          "the document kind '{0}' is already listed at line {1}",
          "loại văn bản '{0}' đã có ở dòng {1}"},
    Entry{Msg::minutes_need_secretary, "minutes-need-secretary",
          "minutes need a minute-taker: set conference.secretary",
          "biên bản cần người ghi biên bản: hãy khai báo conference.secretary"},
    Entry{Msg::period_after_conference, "period-after-conference",
          "the period {0} starts after the conference ({1})",
          "kỳ {0} bắt đầu sau ngày hội nghị ({1})"},
    Entry{Msg::chair_absent, "chair-absent", "the chair '{0}' is not marked present",
          "người chủ trì '{0}' không có mặt"},
    Entry{Msg::template_syntax, "template-syntax", "template error: {0}", "lỗi mẫu văn bản: {0}"},
    Entry{Msg::template_partial_refused, "template-partial-refused",
          "the partial '{0}' is refused: a partial is a plain name (letters, digits, - and _) "
          "inside the template folder",
          "không dùng được mẫu con '{0}': tên mẫu con chỉ gồm chữ, số, - và _, nằm trong thư mục "
          "mẫu"},
    Entry{Msg::template_partial_missing, "template-partial-missing", "no partial named '{0}'",
          "không có mẫu con tên '{0}'"},
    Entry{Msg::template_recursion, "template-recursion",
          "partials nest deeper than {0} levels: '{1}' includes itself",
          "mẫu con lồng nhau quá {0} cấp: '{1}' tự gọi lại chính nó"},
    Entry{Msg::template_unescaped, "template-unescaped",
          "'{0}' inserts data without escaping: use {{name}}",
          "'{0}' chèn dữ liệu không qua thoát ký tự: hãy dùng {{tên}}"},
    Entry{Msg::template_unknown_name, "template-unknown-name",
          "the template uses '{0}', which the data does not have",
          "mẫu dùng '{0}' nhưng dữ liệu không có"},
    Entry{Msg::markup_syntax, "markup-syntax", "the markup is not well-formed: {0}",
          "mã trình bày sai cú pháp: {0}"},
    Entry{Msg::markup_unknown_element, "markup-unknown-element",
          "unknown element <{0}> inside <{1}>", "phần tử <{0}> không dùng được trong <{1}>"},
    Entry{Msg::markup_unknown_attribute, "markup-unknown-attribute",
          "unknown attribute '{0}' on <{1}>", "thuộc tính '{0}' không dùng được cho <{1}>"},
    Entry{Msg::markup_bad_value, "markup-bad-value", "{0}=\"{1}\" on <{2}>: expected {3}",
          "{0}=\"{1}\" của <{2}>: cần {3}"},
    Entry{Msg::font_unavailable, "font-unavailable", "no usable font: {0}",
          "không có phông chữ dùng được: {0}"},
    Entry{Msg::glyph_missing, "glyph-missing",
          "the font {0} has no glyph for {1} ('{2}'): replace the character or provide a font "
          "that has it",
          "phông {0} không có ký tự {1} ('{2}'): hãy thay ký tự này hoặc dùng phông có ký tự đó"},
    Entry{Msg::content_too_wide, "content-too-wide",
          "'{0}' is wider than its column and was broken inside the word",
          "'{0}' rộng hơn cột nên bị ngắt giữa từ"},
    Entry{Msg::cannot_write_output, "cannot-write-output", "cannot write {0}: {1}",
          "không ghi được {0}: {1}"},
    Entry{Msg::fragment_invalid, "fragment-invalid", "not a statistics fragment: {0}",
          "không phải tệp phân đoạn thống kê: {0}"},
    Entry{Msg::output_name_taken, "output-name-taken",
          "the output {0} is already made from {1}: change the --name pattern",
          "tệp kết quả {0} đã được tạo từ {1}: hãy đổi mẫu --name"},
    Entry{Msg::input_not_found, "input-not-found", "no conference file matches '{0}'",
          "không có tệp hội nghị nào khớp '{0}'"},
    Entry{Msg::limit_exceeded, "limit-exceeded",
          "{0}: {1} is more than the limit of {2} (raise it with --limit {3}=N)",
          "{0}: {1} vượt giới hạn {2} (nâng giới hạn bằng --limit {3}=N)"},
};

const Entry& entry(Msg id) {
  for (const Entry& e : kCatalogue) {
    if (e.id == id) {
      return e;
    }
  }
  return kCatalogue[0]; // unreachable: a test walks every Msg value
}

} // namespace

std::string_view message_code(Msg id) {
  return entry(id).code;
}

std::size_t message_count() {
  return kCatalogue.size();
}

namespace {
constexpr char kSeparator = '\x1F';

std::string_view localized(std::string_view arg, Lang lang) {
  if (arg.empty() || arg.front() != kSeparator) {
    return arg;
  }
  std::size_t split = arg.find(kSeparator, 1);
  if (split == std::string_view::npos) {
    return arg.substr(1);
  }
  return lang == Lang::vi ? arg.substr(1, split - 1) : arg.substr(split + 1);
}
} // namespace

std::string bilingual(std::string_view vi, std::string_view en) {
  std::string out(1, kSeparator);
  out.append(vi);
  out += kSeparator;
  out.append(en);
  return out;
}

std::string render_message(Msg id, Lang lang, const std::vector<std::string>& args) {
  const Entry& e = entry(id);
  std::string_view pattern = lang == Lang::vi ? e.vi : e.en;
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
        pattern[i + 1] >= '0' && pattern[i + 1] <= '9') {
      auto k = static_cast<std::size_t>(pattern[i + 1] - '0');
      if (k < args.size()) {
        out += localized(args[k], lang);
      }
      i += 2;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

Lang lang_from_environment() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value != nullptr && *value != '\0') {
      return std::strncmp(value, "vi", 2) == 0 ? Lang::vi : Lang::en;
    }
  }
  return Lang::en;
}

} // namespace vanban
